"""Meeting details, attendance and status."""

from __future__ import annotations

import datetime as dt

import pytest

from model import meeting_setup
from model.checks import InputError
from model.entities import Meeting
from model.errors import SignedMeetingError
from tests.model.agenda_helpers import committee, meeting


def test_details_validate_and_return_old_values(archive):
    with archive.transaction() as s:
        c = committee(s)
        m = meeting(s, c.id, "2020-03-01")
        with pytest.raises(InputError) as error:
            meeting_setup.update_meeting(s, m.id, date="31-02-2020")
        assert error.value.field == "date" and "findes" in str(error.value)
        with pytest.raises(InputError) as error:
            meeting_setup.update_meeting(s, m.id, end="16:00")
        assert error.value.field == "end"
        old = meeting_setup.update_meeting(s, m.id, location=" Byrådssalen ", guests=["Jan", ""])
        assert old == {"location": "Rådhuset", "guests": []}
        assert (m.location, m.guests) == ("Byrådssalen", ["Jan"])
        assert m.start == dt.time(17, 0)


def test_attendance_and_status(archive):
    with archive.transaction() as s:
        c = committee(s)
        m = meeting(s, c.id, "2020-03-01")
        rows = meeting_setup.attendance_rows(s, m.id)
        rows[1].status = "absent"
        rows[2].status = "substituted"
        rows[2].substitute = "Dorte Friis"
        added = meeting_setup.set_attendance(s, m.id, rows)
        # the typed stand-in became a suppleant of the committee in the same step
        dorte = c.members[-1]
        assert (added, dorte.name, dorte.role) == ([dorte.id], "Dorte Friis", "suppleant")
        assert [(a.member.name, a.status, a.substitute_member) for a in m.attendance] == [
            ("Anna Berg", "present", None),
            ("Bo Dahl", "absent", None),
            ("Carl Eng", "substituted", dorte),
        ]
        steps = [meeting_setup.advance_status(s, m.id)[1] for _ in range(4)]
        assert steps == ["agenda_published", "held", "minutes_approved", "signed"]
        with pytest.raises(InputError):
            meeting_setup.advance_status(s, m.id)
        meeting_id = m.id
    # A signed meeting is sealed: its status cannot be taken back either.
    with pytest.raises(SignedMeetingError, match="Mødet ØU 1. marts 2020 er underskrevet"):
        with archive.transaction() as s:
            meeting_setup.set_status(s, meeting_id, "held")
    with archive.transaction() as s:
        assert s.get(Meeting, meeting_id).status == "signed"
