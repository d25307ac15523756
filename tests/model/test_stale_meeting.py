"""Two secretaries on one meeting: the meeting dialog's save, based on the details and
attendance it showed, is refused when someone else changed them since."""

from __future__ import annotations

import pytest

from model import meeting_saving, meeting_setup
from model.errors import EditConflict
from model.meeting_saving import MeetingConflict
from tests.model.agenda_helpers import committee, meeting


@pytest.fixture
def meeting_id(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        return meeting(s, c.id, "2020-03-01", ["Vejplan"]).id


def write(archive, operation, *args, **kwargs):
    with archive.transaction() as s:
        return operation(s, *args, **kwargs)


def read(archive, operation, *args):
    with archive.sessions() as s:
        return operation(s, *args)


def test_changed_by_another_is_refused_with_both_versions(archive, meeting_id):
    shown = read(archive, meeting_saving.details, meeting_id)
    rows = read(archive, meeting_setup.attendance_rows, meeting_id)
    write(archive, meeting_setup.update_meeting, meeting_id, location="Byrådssalen")  # B
    rows[1].status = "absent"

    with pytest.raises(MeetingConflict) as caught:
        write(archive, meeting_saving.save_meeting, meeting_id,
              {"location": "Mødelokale 1", "notes": "Min note"}, rows, shown)
    conflict = caught.value
    assert isinstance(conflict, EditConflict)
    assert "Sted: Mødelokale 1" in conflict.mine and "Noter: Min note" in conflict.mine
    assert "Fremmøde: Bo Dahl (A) fraværende" in conflict.mine
    assert "Sted: Byrådssalen" in conflict.theirs
    assert "Fremmøde: alle til stede" in conflict.theirs
    now = read(archive, meeting_saving.details, meeting_id)
    assert now == conflict.theirs_state
    assert now[0]["location"] == "Byrådssalen" and now[0]["notes"] is None
    assert [r.status for r in now[1]][1] == "present"

    # Keeping mine: the same save, based on their version.
    before, after = write(archive, meeting_saving.save_meeting, meeting_id,
                          {"location": "Mødelokale 1"}, rows, conflict.theirs_state)
    assert before == now and after[0]["location"] == "Mødelokale 1"
    assert read(archive, meeting_saving.details, meeting_id) == after


def test_unchanged_or_same_result_is_no_conflict(archive, meeting_id):
    shown = read(archive, meeting_saving.details, meeting_id)
    rows = read(archive, meeting_setup.attendance_rows, meeting_id)
    write(archive, meeting_saving.save_meeting, meeting_id, {"notes": "A"}, rows, shown)
    shown = read(archive, meeting_saving.details, meeting_id)
    write(archive, meeting_setup.update_meeting, meeting_id, notes="B")  # B writes ...
    # ... exactly what A writes: nothing is lost.
    write(archive, meeting_saving.save_meeting, meeting_id, {"notes": "B"}, rows, shown)
    # Without `shown` the save is not checked (undo).
    write(archive, meeting_saving.save_meeting, meeting_id, {"notes": "C"}, rows, None)
    assert read(archive, meeting_saving.details, meeting_id)[0]["notes"] == "C"
