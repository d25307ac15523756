"""Setting up an agenda: items picked from an earlier meeting without doubling the
standard items, the place proposed, and a new item with the committee's sections."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from model import agenda, committees, meeting_setup
from model.entities import Meeting
from tests.ui.helpers import titles

STANDARD = [{"title": "Godkendelse af dagsorden", "place": "first"},
            {"title": "Eventuelt", "place": "last"}]


def _committee_with_a_meeting(archive):
    with archive.transaction() as s:
        c = committees.create_committee(s, "Teknik- og Miljøudvalget", "TMU",
                                        standard_items=STANDARD,
                                        section_headings=["Sagsfremstilling", "Indstilling"])
        committees.add_member(s, c.id, "Anna Berg", "V")
        old = meeting_setup.create_meeting(s, c.id, "2020-03-03", "16:00", "Mødelokale 2")
        for title in ("Vejplan", "Cykelsti", "Budget"):
            agenda.add_item(s, old.id, title, index=len(old.items) - 1)
        new = meeting_setup.create_meeting(s, c.id, "2020-04-07", "16:00")
        return c.id, old.id, new.id


def test_copy_picks_items_and_never_doubles_standard_items(window, archive, qtbot, monkeypatch):
    from ui.dialogs.copy_agenda_dialog import CopyAgendaDialog

    _c, old_id, new_id = _committee_with_a_meeting(archive)
    window.ws.committees_changed.emit()
    window.open_meeting(new_id)
    seen = {}

    def choose(dialog):
        seen["rows"] = [(dialog.items.item(n).text(),
                         bool(dialog.items.item(n).flags() & Qt.ItemFlag.ItemIsEnabled))
                        for n in range(dialog.items.count())]
        assert dialog.source.currentData() == old_id
        dialog.items.setFocus()
        dialog.items.setCurrentRow(2)  # Cykelsti: space unticks it, as a person would
        qtbot.keyClick(dialog.items, Qt.Key.Key_Space)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(CopyAgendaDialog, "exec", choose)
    window.act_copy.trigger()
    assert seen["rows"] == [("1. Godkendelse af dagsorden", False), ("2. Vejplan", True),
                            ("3. Cykelsti", True), ("4. Budget", True), ("5. Eventuelt", False)]
    assert [t for _n, t in titles(archive, new_id)] == [
        "Godkendelse af dagsorden", "Eventuelt", "Vejplan", "Budget"]
    window.undo()  # one step takes the whole copy back
    assert [t for _n, t in titles(archive, new_id)] == ["Godkendelse af dagsorden", "Eventuelt"]


def test_copy_in_the_model_skips_standard_items_already_there(archive):
    _c, old_id, new_id = _committee_with_a_meeting(archive)
    with archive.transaction() as s:
        agenda.copy_agenda(s, old_id, new_id)
    assert [t for _n, t in titles(archive, new_id)].count("Eventuelt") == 1


def test_the_place_is_proposed_from_the_last_meeting(window, archive, qtbot):
    from ui.dialogs.meeting_dialog import MeetingDialog

    committee_id, _old, _new = _committee_with_a_meeting(archive)
    window.ws.committees_changed.emit()
    dialog = MeetingDialog(window.ws, None, committee_id, window)
    qtbot.addWidget(dialog)
    assert dialog.fields["location"].value() == "Mødelokale 2"
    with archive.transaction() as s:
        other = committees.create_committee(s, "Børneudvalget", "BU", standard_items=[])
        meeting_setup.create_meeting(s, other.id, "2020-01-01", "10:00", "Byrådssalen")
    dialog = MeetingDialog(window.ws, None, committee_id, window)
    qtbot.addWidget(dialog)
    dialog.committee.setCurrentIndex(dialog.committee.findData(other.id))
    assert dialog.fields["location"].value() == "Byrådssalen"
    dialog.fields["location"].edit.setText("Rådhuset")
    dialog.committee.setCurrentIndex(dialog.committee.findData(committee_id))
    assert dialog.fields["location"].value() == "Rådhuset"  # what she typed stays


def test_a_new_item_gets_the_committees_sections(window, archive, qtbot):
    from tests.ui.keyboard import CTRL, Keyboard

    _c, _old, new_id = _committee_with_a_meeting(archive)
    window.ws.committees_changed.emit()
    window.open_meeting(new_id)
    window.agenda.view.setFocus()
    Keyboard(window).key(Qt.Key.Key_N, CTRL)
    boxes = [b for b in window.editor.section_boxes if b.isVisible()]
    assert [b.heading.text() for b in boxes] == ["Sagsfremstilling", "Indstilling"]
    with archive.sessions() as s:
        added = s.get(Meeting, new_id).items[1]
        assert [x.heading for x in added.sections] == ["Sagsfremstilling", "Indstilling"]
