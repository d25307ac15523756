"""The decision entry mode from the keyboard: standard phrases, votes by party, a
protokoltilførsel, udsat, undo; a signed meeting read-only with dated corrections;
the follow-up list filtered and answered."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from model import committees, decision_phrases, follow_ups, meeting_setup
from model.decisions import state_of
from model.entities import Item, Meeting
from tests.ui.keyboard import ALT, CTRL, SHIFT, Keyboard

TITLES = [f"Punkt nummer {n}" for n in range(1, 11)]


def held_meeting(archive, status="held"):
    from model import agenda

    with archive.transaction() as s:
        c = committees.create_committee(s, "Teknik- og Miljøudvalget", "TMU", standard_items=[])
        for name, party in [("Anna Berg", "V"), ("Bo Dahl", "A"), ("Carl Eng", "V"),
                            ("Dorte Fisk", "A"), ("Eva Gran", "O")]:
            committees.add_member(s, c.id, name, party)
        m = meeting_setup.create_meeting(s, c.id, "2020-09-01", "16:00")
        for title in TITLES:
            agenda.add_item(s, m.id, title)
        rows = meeting_setup.attendance_rows(s, m.id)
        rows[4].status = "absent"  # Eva Gran away the whole meeting
        meeting_setup.set_attendance(s, m.id, rows)
        decision_phrases.set_phrases(s, c.id, ["Indstillingen godkendt.", "Anbefales.",
                                               "Taget til efterretning.", "Udsat."])
        m.status = status
        return c.id, m.id


def decisions_of(archive, meeting_id):
    with archive.sessions() as s:
        return [state_of(i.decision) for i in s.get(Meeting, meeting_id).items]


def open_entry(window, meeting_id, qtbot):
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    window.agenda.view.setFocus()
    keys = Keyboard(window)
    keys.key(Qt.Key.Key_B, CTRL | SHIFT)
    entry = window.decision_entry
    qtbot.waitUntil(lambda: keys.target() is entry.decision, timeout=20_000)
    return keys, entry


def test_ten_items_without_the_mouse(window, archive, qtbot):
    committee_id, meeting_id = held_meeting(archive)
    keys, entry = open_entry(window, meeting_id, qtbot)
    assert [b.text() for b in entry.phrase_buttons][0] == "Alt+1   Indstillingen godkendt."
    assert entry.counter.text() == "10 punkter mangler beslutning"
    # Eva Gran is prefilled as not present on every item.
    assert entry.marks.item(4, 1).checkState() == Qt.CheckState.Checked

    keys.key(Qt.Key.Key_1, ALT)  # 1: Indstillingen godkendt.
    keys.key(Qt.Key.Key_Return, CTRL)
    keys.key(Qt.Key.Key_2, ALT)  # 2: Anbefales, and a line of free text after it
    keys.key(Qt.Key.Key_Return)
    keys.type("Forvaltningen undersøger prisen.")
    keys.key(Qt.Key.Key_Return, CTRL)
    keys.key(Qt.Key.Key_4, ALT)  # 3: Udsat.
    keys.key(Qt.Key.Key_Return, CTRL)
    keys.key(Qt.Key.Key_1, ALT)  # 4: godkendt, V for, A against (party rows), Bo abstains
    keys.key(Qt.Key.Key_F, ALT)
    keys.key(Qt.Key.Key_Down, times=5)  # first party row: Hele parti V
    assert entry.marks.item(5, 0).text() == "Hele parti V"
    keys.key(Qt.Key.Key_F)  # and the cursor moves down: Hele parti A
    keys.key(Qt.Key.Key_I)  # the last row: the cursor stays
    keys.key(Qt.Key.Key_Up, times=5)  # Bo Dahl
    keys.key(Qt.Key.Key_U)
    keys.key(Qt.Key.Key_P, ALT)  # protokoltilførsel from Bo Dahl
    qtbot.waitUntil(lambda: entry.form is not None and entry.form.isAncestorOf(keys.target()))
    keys.key(Qt.Key.Key_Down)  # the member list: Anna Berg -> Bo Dahl
    keys.key(Qt.Key.Key_Tab)
    keys.type("A ønsker beløbet halveret.")
    keys.key(Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: keys.target() is entry.decision)
    keys.key(Qt.Key.Key_Return, CTRL)
    for _item in range(5, 11):  # 5-10: taget til efterretning
        keys.key(Qt.Key.Key_3, ALT)
        keys.key(Qt.Key.Key_Return, CTRL)
    assert entry.counter.text() == "Alle punkter har en beslutning"

    # Undo takes back the last step (item 10's phrase) and the counter follows.
    keys.key(Qt.Key.Key_Z, CTRL)
    assert entry.counter.text() == "1 punkt mangler beslutning"
    assert decisions_of(archive, meeting_id)[9] is None
    keys.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert entry.counter.text() == "Alle punkter har en beslutning"
    print(f"\n10 punkter med standardbeslutninger: {keys.total} tastetryk")

    states = decisions_of(archive, meeting_id)
    with archive.sessions() as s:
        ids = {m.name: m.id for m in s.get(Meeting, meeting_id).committee.members}
    assert states[0].text == "Indstillingen godkendt."
    assert states[1].text == "Anbefales.\n\nForvaltningen undersøger prisen."
    assert (states[2].text, states[2].postponed) == ("Udsat.", True)
    fourth = states[3]
    assert fourth.members("for") == [ids["Anna Berg"], ids["Carl Eng"]]
    assert fourth.members("against") == [ids["Dorte Fisk"]]
    assert fourth.members("abstain") == [ids["Bo Dahl"]]
    assert fourth.members("absent") == [ids["Eva Gran"]]
    assert fourth.notes == ((ids["Bo Dahl"], "A ønsker beløbet halveret."),)
    assert all(s.text == "Taget til efterretning." for s in states[4:])
    assert all(s.members("absent") == [ids["Eva Gran"]] for s in states)


def test_absence_changed_per_item_and_a_refused_vote(window, archive, qtbot):
    _committee_id, meeting_id = held_meeting(archive)
    keys, entry = open_entry(window, meeting_id, qtbot)
    keys.key(Qt.Key.Key_F, ALT)
    keys.key(Qt.Key.Key_Down, times=4)  # Eva Gran: away all meeting, but came for item 1
    keys.key(Qt.Key.Key_Space)
    keys.key(Qt.Key.Key_Up, times=4)
    keys.key(Qt.Key.Key_D)  # Anna Berg inhabil
    keys.key(Qt.Key.Key_F)  # and cannot vote
    assert "kan ikke stemme" in entry.message.text()
    state = decisions_of(archive, meeting_id)[0]
    with archive.sessions() as s:
        anna = s.get(Meeting, meeting_id).committee.members[0].id
    assert state.members("absent") == [] and state.members("not_participating") == [anna]
    assert entry.counter.text() == "10 punkter mangler beslutning"  # marks alone decide nothing
    keys.key(Qt.Key.Key_B, ALT)
    keys.type("Godkendt med en ændring")
    keys.key(Qt.Key.Key_Z, CTRL)  # what is typed is stored first, then taken back as one step
    assert entry.decision.markdown() == "" and decisions_of(archive, meeting_id)[0].text == ""
    assert entry.counter.text() == "10 punkter mangler beslutning"
    keys.key(Qt.Key.Key_Z, CTRL | SHIFT)
    assert entry.decision.markdown() == "Godkendt med en ændring"
    assert entry.counter.text() == "9 punkter mangler beslutning"


def test_signed_meeting_is_read_only_and_takes_dated_corrections(window, archive, qtbot):
    _committee_id, meeting_id = held_meeting(archive)
    with archive.transaction() as s:
        meeting = s.get(Meeting, meeting_id)
        from model import decisions

        for item in meeting.items:
            decisions.apply_phrase(s, item.id, "Indstillingen godkendt.")
        meeting.status = "signed"
        first = meeting.items[0].id
    keys, entry = open_entry(window, meeting_id, qtbot)
    assert entry.banner.isVisible() and entry.decision.isReadOnly()
    keys.key(Qt.Key.Key_3, ALT)
    assert "kan ikke ændres" in entry.message.text()
    keys.key(Qt.Key.Key_F, ALT)
    keys.key(Qt.Key.Key_Space)
    assert "Tilføj en dateret rettelse" in entry.message.text()
    keys.key(Qt.Key.Key_R, ALT)
    qtbot.waitUntil(lambda: entry.form is not None and entry.form.isAncestorOf(keys.target()))
    assert keys.target().text() == f"{dt.date.today():%d-%m-%Y}"
    keys.key(Qt.Key.Key_Tab)
    keys.type("Beløbet er 2,4 mio. kr., ikke 2,1 mio. kr.")
    keys.key(Qt.Key.Key_Return, CTRL)
    assert entry.form is None
    assert entry.corrections.count() == 1
    with archive.sessions() as s:
        decision = s.get(Item, first).decision
        assert decision.text == "Indstillingen godkendt."
        assert [(c.date, c.text) for c in decision.corrections] == [
            (dt.date.today(), "Beløbet er 2,4 mio. kr., ikke 2,1 mio. kr.")
        ]
        assert decision.members_marked("absent")[0].name == "Eva Gran"
    # The item editor shows the signed decision read-only as well.
    window.open_item(meeting_id, first)
    assert window.editor.decision.isReadOnly()


def test_a_meeting_not_held_is_refused_in_danish(window, archive, messages):
    _committee_id, meeting_id = held_meeting(archive, status="draft")
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    window.act_decisions.trigger()
    assert window.decision_entry is None
    assert "beslutninger indtastes, når mødet er afholdt" in messages[-1]


def test_follow_up_list_filters_and_answers(
    window, archive, qtbot, messages, monkeypatch, tmp_path
):
    committee_id, meeting_id = held_meeting(archive)
    with archive.transaction() as s:
        other = committees.create_committee(s, "Børneudvalget", "BU", standard_items=[])
        m2 = meeting_setup.create_meeting(s, other.id, "2020-09-03")
        from model import agenda

        child = agenda.add_item(s, m2.id, "Ventelister").item_id
        items = s.get(Meeting, meeting_id).items
        follow_ups.add_follow_up(s, items[0].id, "Notat om vejbump", "Bo Dahl", "Vejchefen",
                                 "2020-09-20")
        follow_ups.add_follow_up(s, items[1].id, "Pris på cykelsti", "Anna Berg", "Vejchefen")
        follow_ups.add_follow_up(s, child, "Tal for ventelister", None, "Børnechefen")
    window.ws.committees_changed.emit()
    window.act_follow_ups.trigger()
    panel = window.follow_up_list
    assert panel.table.rowCount() == 3
    panel.responsible.setCurrentText("vejchef")
    assert [r.text for r in panel.rows] == ["Notat om vejbump", "Pris på cykelsti"]
    panel.responsible.setCurrentText("")
    panel.committee.setCurrentIndex(panel.committee.findData(committee_id))
    assert panel.table.rowCount() == 2
    panel.table.setCurrentCell(1, 0)
    panel.mark_answered()
    keys = Keyboard(panel)
    qtbot.waitUntil(lambda: panel.form.isAncestorOf(keys.target()))
    keys.type("Ca. 1,2 mio. kr.; notat sendt 10-09-2020.")
    keys.key(Qt.Key.Key_Return, CTRL)
    assert [r.text for r in panel.rows] == ["Notat om vejbump"]
    panel.answered.setChecked(True)
    assert panel.rows[-1].answer == "Ca. 1,2 mio. kr.; notat sendt 10-09-2020."
    window.undo()
    assert [r.status for r in panel.rows] == ["open", "open"]
    # Printed as shown: all committees, one responsible person, across meetings.
    panel.committee.setCurrentIndex(0)
    panel.responsible.setCurrentText("vejchef")
    out = tmp_path / "liste.pdf"
    monkeypatch.setattr("ui.follow_up_list.QFileDialog.getSaveFileName",
                        lambda *a: (str(out), "PDF (*.pdf)"))
    opened = []
    monkeypatch.setattr("ui.follow_up_list.QDesktopServices.openUrl", opened.append)
    panel.save_list()
    assert panel.error.text() == "" and opened
    from tests.exporters.helpers import pdf_pages

    text = " ".join(" ".join(pdf_pages(out.read_bytes())).split())
    assert "Notat om vejbump" in text and "Pris på cykelsti" in text
    assert "Tal for ventelister" not in text
    assert "ansvarlig: vejchef" in text


def test_the_committee_edits_its_standard_decisions(window, archive, qtbot):
    from ui.dialogs.committee_dialog import CommitteeDialog

    committee_id, meeting_id = held_meeting(archive)
    dialog = CommitteeDialog(window.ws, committee_id, window)
    qtbot.addWidget(dialog)
    assert dialog.phrases.toPlainText().splitlines()[0] == "Indstillingen godkendt."
    dialog.phrases.setPlainText("Indstillingen godkendt.\nSagen oversendes til Byrådet.")
    assert dialog.save()
    keys, entry = open_entry(window, meeting_id, qtbot)
    assert [b.text() for b in entry.phrase_buttons][1] == "Alt+2   Sagen oversendes til Byrådet."
    keys.key(Qt.Key.Key_2, ALT)
    assert decisions_of(archive, meeting_id)[0].text == "Sagen oversendes til Byrådet."
    dialog.phrases.setPlainText("\n".join(f"Nr. {n}." for n in range(10)))
    assert not dialog.save()
    assert "højst være 9" in dialog.members_error.text()
