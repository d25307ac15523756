"""Marking a meeting held takes the time it ended; the referat says when it began and ended."""

from __future__ import annotations

import datetime as dt

import pytest

from exporters import danish
from model import meeting_setup
from model.checks import InputError
from model.entities import Meeting
from tests.model.agenda_helpers import committee, meeting


def test_marked_held_with_the_end_time_and_undone_with_the_one_it_had(archive):
    with archive.transaction() as s:
        c = committee(s)
        m = meeting(s, c.id, "2026-03-12")
        meeting_setup.advance_status(s, m.id, end="19:00")  # only a held meeting takes it
        assert m.end is None
        with pytest.raises(InputError, match="kan ikke slutte, før det begynder"):
            meeting_setup.advance_status(s, m.id, end="16.30")
        assert m.status == "agenda_published"  # nothing half-done: refused as a whole
        assert meeting_setup.advance_status(s, m.id, end="19.45") == ("agenda_published", "held")
        assert m.end == dt.time(19, 45)
        meeting_setup.set_status(s, m.id, "agenda_published", end=None)
        assert (m.status, m.end) == ("agenda_published", None)
        meeting_setup.advance_status(s, m.id, end="")
        assert (m.status, m.end) == ("held", None)


def test_the_end_offered_is_the_planned_one_or_now_on_the_day():
    day = dt.date(2026, 3, 12)
    planned = Meeting(date=day, start=dt.time(9), end=dt.time(11, 45))
    assert meeting_setup.proposed_end(planned, dt.datetime(2026, 3, 13, 8)) == dt.time(11, 45)
    open_ended = Meeting(date=day, start=dt.time(9), end=None)
    assert meeting_setup.proposed_end(open_ended, dt.datetime(2026, 3, 12, 11, 43)) == \
        dt.time(11, 45)
    assert meeting_setup.proposed_end(open_ended, dt.datetime(2026, 3, 12, 8, 0)) is None
    assert meeting_setup.proposed_end(open_ended, dt.datetime(2026, 3, 13, 11, 43)) is None


def test_times_as_danish_prose_writes_them():
    assert danish.meeting_times(dt.time(9), dt.time(11, 45)) == \
        "Mødet begyndte kl. 9.00 og sluttede kl. 11.45."
    assert danish.meeting_times(None, dt.time(17, 5)) == "Mødet sluttede kl. 17.05."
