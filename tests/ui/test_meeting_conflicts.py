"""Two secretaries on one meeting: OK in the meeting dialog, opened before someone else
changed the meeting, asks which version counts and writes nothing until answered."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from model import meeting_saving, meeting_setup
from tests.ui import test_conflicts
from tests.ui.helpers import make_meeting
from ui.dialogs.conflict_dialog import KEEP_MINE, USE_THEIRS
from ui.dialogs.meeting_dialog import MeetingDialog

asked = test_conflicts.asked  # the fixture answering ConflictDialog.ask


def location(archive, meeting_id):
    with archive.sessions() as session:
        return meeting_saving.details(session, meeting_id)[0]["location"]


def opened(window, archive, qtbot):
    meeting_id = make_meeting(archive)
    dialog = MeetingDialog(window.ws, meeting_id, None, window)
    qtbot.addWidget(dialog)
    with archive.transaction() as session:  # the other secretary, after the dialog opened
        meeting_setup.update_meeting(session, meeting_id, location="Byrådssalen")
    dialog.fields["location"].edit.setText("Mødelokale 1")
    return meeting_id, dialog


def test_meeting_dialog_asks_and_keeps_mine_on_request(window, archive, qtbot, asked):
    meeting_id, dialog = opened(window, archive, qtbot)
    asked.stored = lambda: location(archive, meeting_id)
    dialog.accept()
    mine, theirs, stored = asked[0]
    assert "Sted: Mødelokale 1" in mine and "Sted: Byrådssalen" in theirs
    assert stored == "Byrådssalen" == location(archive, meeting_id)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "ændret af en anden" in dialog.error.text()

    asked.answer = KEEP_MINE
    dialog.accept()
    assert len(asked) == 2 and location(archive, meeting_id) == "Mødelokale 1"
    assert dialog.result() == QDialog.DialogCode.Accepted
    window.undo()  # back to the other secretary's version
    assert location(archive, meeting_id) == "Byrådssalen"


def test_meeting_dialog_can_take_the_archives_version(window, archive, qtbot, asked):
    meeting_id, dialog = opened(window, archive, qtbot)
    asked.answer = USE_THEIRS
    dialog.accept()
    assert len(asked) == 1 and location(archive, meeting_id) == "Byrådssalen"
    assert dialog.fields["location"].value() == "Byrådssalen"
    dialog.accept()  # now based on theirs: no question
    assert len(asked) == 1 and dialog.result() == QDialog.DialogCode.Accepted


def test_undo_does_not_overwrite_another_secretarys_change(window, archive, qtbot, asked):
    meeting_id = make_meeting(archive)
    dialog = MeetingDialog(window.ws, meeting_id, None, window)
    qtbot.addWidget(dialog)
    dialog.fields["location"].edit.setText("Mødelokale 1")
    dialog.accept()
    assert location(archive, meeting_id) == "Mødelokale 1"
    failed = []
    window.ws.failed.connect(failed.append)
    with archive.transaction() as session:
        meeting_setup.update_meeting(session, meeting_id, location="Byrådssalen")
    window.undo()
    assert location(archive, meeting_id) == "Byrådssalen"
    assert failed and "ændret af en anden" in failed[-1]
