"""Stand-ins through the window: chosen or typed in the meeting dialog (one undo step),
a row of their own in the entry mode's grid; marking a meeting held asks when it ended."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from model import committees, meeting_setup
from model.entities import Committee, Meeting
from tests.ui.keyboard import ALT
from tests.ui.test_decision_entry import open_entry
from ui.dialogs.meeting_dialog import STAND_IN, STATUS, MeetingDialog


def _meeting(archive, status="draft"):
    with archive.transaction() as s:
        c = committees.create_committee(s, "Teknik- og Miljøudvalget", "TMU", standard_items=[])
        for name, party, role in [("Anna Berg", "V", "formand"), ("Bo Dahl", "A", "medlem"),
                                  ("Carl Eng", "O", "medlem"),
                                  ("Karen Vinter", "O", "suppleant")]:
            committees.add_member(s, c.id, name, party, role)
        m = meeting_setup.create_meeting(s, c.id, "2026-03-12", "09:00", end="11:45")
        from model import agenda

        agenda.add_item(s, m.id, "Cykelsti på Havnevej")
        m.status = status
        return c.id, m.id


def _suppleants(archive, committee_id):
    with archive.sessions() as s:
        return [m.name for m in s.get(Committee, committee_id).members if m.role == "suppleant"]


def _stand_ins(archive, meeting_id):
    with archive.sessions() as s:
        return [(a.member.name, a.status, a.substitute_member.name if a.substitute_member else
                 a.substitute) for a in s.get(Meeting, meeting_id).attendance]


def _dialog(window, qtbot, meeting_id):
    dialog = MeetingDialog(window.ws, meeting_id, None, window)
    qtbot.addWidget(dialog)
    return dialog


def test_stand_ins_chosen_and_typed_in_one_undo_step(window, archive, qtbot):
    committee_id, meeting_id = _meeting(archive)
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    dialog = _dialog(window, qtbot, meeting_id)
    assert dialog.attendance.rowCount() == 3  # the suppleant has no row of her own
    carl = dialog.attendance.cellWidget(2, STAND_IN)
    assert [carl.itemText(i) for i in range(carl.count())] == ["", "Karen Vinter (O)"]
    carl.setCurrentIndex(1)  # chosen: the row becomes a stand-in's
    assert dialog.attendance.cellWidget(2, STATUS).currentData() == "substituted"
    bo = dialog.attendance.cellWidget(1, STAND_IN)
    bo.lineEdit().setFocus()
    qtbot.keyClicks(bo.lineEdit(), "Ole Brønd")  # typed: a new suppleant of Bo's party
    dialog.accept()
    assert dialog.result() == 1
    assert _stand_ins(archive, meeting_id) == [
        ("Anna Berg", "present", None), ("Bo Dahl", "substituted", "Ole Brønd"),
        ("Carl Eng", "substituted", "Karen Vinter")]
    assert _suppleants(archive, committee_id) == ["Karen Vinter", "Ole Brønd"]
    assert window.act_undo.text().endswith("Mødeoplysninger")

    window.undo()  # one step: the attendance and the new suppleant
    assert [row[1] for row in _stand_ins(archive, meeting_id)] == ["present"] * 3
    assert _suppleants(archive, committee_id) == ["Karen Vinter"]
    window.redo()
    assert _stand_ins(archive, meeting_id)[1] == ("Bo Dahl", "substituted", "Ole Brønd")
    assert _suppleants(archive, committee_id) == ["Karen Vinter", "Ole Brønd"]

    # shown again: the stand-ins in their rows
    again = _dialog(window, qtbot, meeting_id)
    assert again.attendance.cellWidget(1, STAND_IN).currentText() == "Ole Brønd (A)"
    assert again.attendance.cellWidget(2, STAND_IN).currentText() == "Karen Vinter (O)"


def test_a_stand_in_without_a_name_is_refused_in_its_row(window, archive, qtbot):
    _committee_id, meeting_id = _meeting(archive)
    dialog = _dialog(window, qtbot, meeting_id)
    dialog.attendance.cellWidget(1, STATUS).setCurrentIndex(2)  # Stedfortræder, no name
    dialog.accept()
    assert dialog.result() == 0
    assert dialog.attendance_error.text() == \
        "Vælg eller skriv stedfortræderen i rækken for Bo Dahl (A)."


def test_the_stand_in_has_a_row_in_the_entry_grid_and_votes(window, archive, qtbot):
    committee_id, meeting_id = _meeting(archive, status="held")
    with archive.transaction() as s:
        rows = meeting_setup.attendance_rows(s, meeting_id)
        karen = next(m for m in s.get(Committee, committee_id).members if m.role == "suppleant")
        rows[2].status, rows[2].substitute_member_id = "substituted", karen.id
        meeting_setup.set_attendance(s, meeting_id, rows)
        karen_id = karen.id
    keys, entry = open_entry(window, meeting_id, qtbot)
    names = [entry.marks.item(r, 0).text() for r in range(entry.marks.rowCount())]
    assert names[:3] == ["Anna Berg (V)", "Bo Dahl (A)",
                         "Karen Vinter (O) – stedfortræder for Carl Eng (O)"]
    keys.key(Qt.Key.Key_F, ALT)
    keys.key(Qt.Key.Key_Down, times=2)
    keys.key(Qt.Key.Key_I)  # Karen votes against
    with archive.sessions() as s:
        marks = [(m.kind, m.member_id) for m in s.get(Meeting, meeting_id).items[0]
                 .decision.member_marks]
    assert marks == [("against", karen_id)]
    assert entry.marks.currentRow() == 2  # the last row: the cursor stays on her
    keys.key(Qt.Key.Key_D)  # not participating: her vote goes
    assert entry.marks.item(2, 2).checkState() == Qt.CheckState.Checked
    assert entry.marks.item(2, 3).text() == ""


def test_marking_held_asks_for_the_end_time(window, archive, qtbot, monkeypatch):
    from ui.dialogs.held_dialog import HeldDialog

    _committee_id, meeting_id = _meeting(archive, status="agenda_published")
    dialog = HeldDialog(window.ws, meeting_id, "Sæt mødet til »afholdt«?", window)
    qtbot.addWidget(dialog)
    assert dialog.end.text() == "11:45"  # the planned end
    dialog.end.setText("25.00")
    dialog.accept()
    assert dialog.result() == 0 and "klokkeslæt" in dialog.error.text()

    monkeypatch.setattr(HeldDialog, "ask", lambda *a, **k: "12.10")
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    window.act_status.trigger()
    with archive.sessions() as s:
        m = s.get(Meeting, meeting_id)
        assert (m.status, m.end) == ("held", dt.time(12, 10))
    window.undo()
    with archive.sessions() as s:
        m = s.get(Meeting, meeting_id)
        assert (m.status, m.end) == ("agenda_published", dt.time(11, 45))
    monkeypatch.setattr(HeldDialog, "ask", lambda *a, **k: None)  # she cancels
    window.act_status.trigger()
    with archive.sessions() as s:
        assert s.get(Meeting, meeting_id).status == "agenda_published"
