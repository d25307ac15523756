"""Undo and redo of the changes beyond typing: sections, the status step, the meeting
dialog and the case's earlier decisions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from model.entities import Meeting, PriorDecision, Section
from tests.ui.helpers import make_meeting, section_texts


def _open(window, archive, **kw):
    meeting_id = make_meeting(archive, **kw)
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    return meeting_id


def _headings(archive, item_id):
    with archive.sessions() as s:
        return [x.heading for x in s.scalars(select(Section).where(Section.item_id == item_id)
                                             .order_by(Section.position))]


def test_add_and_remove_a_section_undo_and_redo(window, archive, qtbot):
    _open(window, archive)
    item_id = window.agenda.model.rows[0].id
    window.agenda.select_item(item_id)
    before = _headings(archive, item_id)

    window.editor.add_section("Økonomi")
    assert _headings(archive, item_id) == before + ["Økonomi"]
    assert window.act_undo.text().endswith("Tilføj afsnit")
    window.undo()
    assert _headings(archive, item_id) == before
    window.redo()
    assert _headings(archive, item_id) == before + ["Økonomi"]
    assert [b.heading.text() for b in window.editor.section_boxes if b.isVisible()][-1] == "Økonomi"

    # Remove the first section, with text in it; undo brings it back where it was.
    first = window.editor.section_boxes[0]
    first.edit.setFocus()
    qtbot.keyClicks(first.edit, "Sagen drejer sig om")
    window.editor.flush()
    texts = section_texts(archive, item_id)
    first.remove.click()
    assert _headings(archive, item_id) == before[1:] + ["Økonomi"]
    assert window.act_undo.text().endswith("Fjern afsnit")
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _headings(archive, item_id) == before + ["Økonomi"]
    assert section_texts(archive, item_id) == texts
    assert window.editor.section_boxes[0].edit.markdown() == "Sagen drejer sig om"
    window.redo()
    assert _headings(archive, item_id) == before[1:] + ["Økonomi"]
    # And undo again, then the typing before it, all the way back.
    window.undo()
    window.undo()
    assert section_texts(archive, item_id)[0] == ""


def _status(archive, meeting_id):
    with archive.sessions() as s:
        return s.get(Meeting, meeting_id).status


def test_status_step_undo_and_redo(window, archive, messages):
    meeting_id = _open(window, archive)
    assert _status(archive, meeting_id) == "draft"
    window.act_status.trigger()
    assert _status(archive, meeting_id) == "agenda_published"
    assert window.act_undo.text().endswith("Næste trin")
    window.undo()
    assert _status(archive, meeting_id) == "draft"
    window.redo()
    assert _status(archive, meeting_id) == "agenda_published"
    window.act_status.trigger()
    assert _status(archive, meeting_id) == "held"
    window.undo()
    window.undo()
    assert _status(archive, meeting_id) == "draft"
    window.redo()
    window.redo()
    assert _status(archive, meeting_id) == "held"
    assert messages == []


def _details(archive, meeting_id):
    with archive.sessions() as s:
        m = s.get(Meeting, meeting_id)
        return (f"{m.date:%d-%m-%Y}", m.location, list(m.guests), m.notes,
                [a.status for a in m.attendance])


def test_meeting_dialog_is_one_step(window, archive, qtbot):
    from ui.dialogs.meeting_dialog import MeetingDialog

    meeting_id = _open(window, archive)
    old = _details(archive, meeting_id)
    dialog = MeetingDialog(window.ws, meeting_id, None, window)
    qtbot.addWidget(dialog)
    dialog.fields["date"].edit.setText("22-04-2020")
    dialog.fields["location"].edit.setText("Mødelokale 2")
    dialog.guests.setPlainText("Jens Jensen\nKirsten Hansen")
    dialog.notes.setPlainText("Husk kaffe")
    dialog.attendance.cellWidget(0, 1).setCurrentIndex(1)  # fraværende
    dialog.accept()
    assert dialog.result() == 1
    new = _details(archive, meeting_id)
    assert new == ("22-04-2020", "Mødelokale 2", ["Jens Jensen", "Kirsten Hansen"],
                   "Husk kaffe", ["absent"])
    assert window.act_undo.text().endswith("Mødeoplysninger")
    window.undo()
    assert _details(archive, meeting_id) == old
    assert window.ws.undo_stack.index() == 0  # one OK, one step
    window.redo()
    assert _details(archive, meeting_id) == new

    # An OK that changes nothing adds no step.
    unchanged = MeetingDialog(window.ws, meeting_id, None, window)
    qtbot.addWidget(unchanged)
    unchanged.accept()
    assert window.ws.undo_stack.count() == 1


def test_case_history_undo_and_redo(window, archive, messages):
    from model import agenda, cases, committees, item_edit, meeting_setup

    with archive.transaction() as s:
        ou = committees.create_committee(s, "Økonomiudvalget", "ØU", standard_items=[])
        kb = committees.create_committee(s, "Kommunalbestyrelsen", "KB", standard_items=[])
        first = meeting_setup.create_meeting(s, ou.id, "2020-05-01")
        later = meeting_setup.create_meeting(s, kb.id, "2020-05-20")
        a = agenda.add_item(s, first.id, "Anlægsbudget")
        b = agenda.add_item(s, later.id, "Anlægsbudget")
        a_id, b_id = a.item_id, b.item_id
        case = cases.create_case(s, "Anlægsbudget 2021", "00.30.10-S00-1-20")
        cases.set_item_case(s, a_id, case.id)
        cases.set_item_case(s, b_id, case.id)
        item_edit.set_decision_text(s, a_id, "Anbefales.")
        later_id = later.id
    window.ws.committees_changed.emit()
    window.open_meeting(later_id)
    window.agenda.select_item(b_id)

    def prior():
        with archive.sessions() as s:
            return [p.text for p in s.scalars(
                select(PriorDecision).where(PriorDecision.item_id == b_id))]

    window.editor.prior_button.click()
    assert prior() == ["Anbefales."]
    assert window.act_undo.text().endswith("Hent sagens tidligere beslutninger")
    window.undo()
    assert prior() == []
    assert "Anbefales." not in window.editor.prior_label.text()
    window.redo()
    assert prior() == ["Anbefales."]
    assert "Anbefales." in window.editor.prior_label.text()
    # Nothing more to fetch: a message, and no empty step.
    count = window.ws.undo_stack.count()
    window.editor.prior_button.click()
    assert window.ws.undo_stack.count() == count


def test_committee_dialog_save_is_one_step(window, archive, qtbot):
    from model import committees
    from model.entities import Committee
    from ui.dialogs.committee_dialog import CommitteeDialog

    with archive.transaction() as s:
        c = committees.create_committee(s, "Økonomiudvalget", "ØU", standard_items=[])
        committees.add_member(s, c.id, "Anna Berg", "V")
        committees.add_member(s, c.id, "Bo Holm", "A")
        committee_id = c.id
    window.ws.committees_changed.emit()

    def state():
        with archive.sessions() as s:
            c = s.get(Committee, committee_id)
            return c.name, [(m.name, m.party) for m in c.members]

    old = state()
    dialog = CommitteeDialog(window.ws, committee_id, window)
    qtbot.addWidget(dialog)
    dialog.fields["name"].edit.setText("Økonomi- og erhvervsudvalget")
    dialog.members.item(0, 1).setText("C")
    dialog.members.setCurrentCell(1, 0)
    dialog.remove_member_row()
    dialog.add_member_row((None, "Carl Dahl", "B", "medlem", True))
    assert dialog.save()
    dialog.close()
    new = state()
    assert new == ("Økonomi- og erhvervsudvalget", [("Anna Berg", "C"), ("Carl Dahl", "B")])
    assert window.ws.undo_stack.count() == 1
    window.undo()
    assert state() == old
    window.redo()
    assert state() == new
    window.undo()
    assert state() == old
