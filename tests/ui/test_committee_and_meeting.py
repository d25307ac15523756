"""Making a committee and a meeting through the dialogs, as a new user would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.ui.helpers import committee_named, titles


def test_create_committee_then_meeting(window, archive, qtbot):
    from ui.dialogs.committee_dialog import CommitteeDialog
    from ui.dialogs.meeting_dialog import MeetingDialog

    dialog = CommitteeDialog(window.ws, None, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["name"].edit, "Udvalget til analyse af sagsbehandlingen")
    qtbot.keyClicks(dialog.fields["short_name"].edit, "§17.4")
    qtbot.keyClicks(dialog.fields["organisation"].edit, "Faxe Kommune")
    dialog.add_member_row((None, "Henrik R. Aakast", "", "formand", True))
    dialog.add_member_row((None, "Claus Hansen", "", "ekstern", False))
    dialog.first_items.setPlainText("")
    dialog.last_items.setPlainText("")
    assert dialog.save()
    committee = committee_named(archive, "Udvalget til analyse af sagsbehandlingen")
    assert committee.short_name == "§17.4" and committee.organisation == "Faxe Kommune"
    dialog.close()
    window.ws.committees_changed.emit()

    meeting = MeetingDialog(window.ws, None, committee.id, window)
    qtbot.addWidget(meeting)
    assert meeting.attendance.rowCount() == 2
    qtbot.keyClicks(meeting.fields["date"].edit, "31-04-2020")
    qtbot.keyClicks(meeting.fields["start"].edit, "17:00")
    meeting.guests.setPlainText("Sekretær Jens Jensen")
    meeting.accept()
    # A date that does not exist is refused where it was typed, and nothing is lost.
    assert meeting.result() == 0
    assert "findes" in meeting.fields["date"].error.text()
    assert meeting.fields["date"].value() == "31-04-2020"
    meeting.fields["date"].edit.setText("21-04-2020")
    meeting.attendance.cellWidget(1, 1).setCurrentIndex(1)  # fraværende
    meeting.accept()
    assert meeting.result() == 1

    window.tree_model.refresh_committee(committee.id)
    window.open_meeting(meeting.meeting_id)
    assert window.meeting_id == meeting.meeting_id
    assert window.tree.currentIndex().data(Qt.ItemDataRole.DisplayRole).startswith("21-04-2020")
    assert titles(archive, meeting.meeting_id) == []
    with archive.sessions() as s:
        from model.entities import Meeting

        m = s.get(Meeting, meeting.meeting_id)
        assert [a.status for a in m.attendance] == ["present", "absent"]
        assert m.guests == ["Sekretær Jens Jensen"]
