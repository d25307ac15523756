"""Stand-ins: one person in the seat's place, counted once, voting and refused as others."""

from __future__ import annotations

import copy

import pytest

from model import committees, decisions, meeting_saving, meeting_setup, roster
from model.checks import InputError
from model.decision_entry import DecisionEntry
from model.entities import Attendance, Committee, Member
from tests.model.agenda_helpers import committee, meeting
from tests.model.stand_in_helpers import STAND_IN, big_meeting


def _held(s):
    c = committee(s, numbering="per_meeting", standard_items=[])
    m = meeting(s, c.id, "2026-03-12", ["Budget"])
    for _ in range(2):
        meeting_setup.advance_status(s, m.id)
    return c, m


def test_a_suppleant_standing_in_is_one_person_with_a_row_and_a_vote(archive):
    with archive.transaction() as s:
        c, m, ids = big_meeting(s)
        sofie = next(x for x in c.members if x.role == "suppleant")
        assert (sofie.name, sofie.party) == ("Sofie-Amalie Rosenkrantz Gyldenstjerne-Brahe", "A")
        # an older meeting gave every member a row, the suppleant's too: still one person
        m.attendance.append(Attendance(member=sofie, status="present"))
        s.flush()
        people = roster.people(m)
        assert len(people) == 21 and [p.key for p in people].count(sofie.id) == 1
        assert len(roster.taking_part(m)) == 20  # seat 5 away
        entry = DecisionEntry.load(s, m.id)
        first = entry.members[0]
        assert (first.id, first.name, first.away) == (sofie.id, STAND_IN, False)
        assert first.stands_in_for.endswith("(A)")
        assert entry.members[5].away and len(entry.members) == 21  # no secretary, no suppleant
        item = m.items[0].id
        after = decisions.set_vote(s, item, sofie.id, "for").after
        assert after.vote_of(sofie.id) == "for"
        after = decisions.set_presence(s, item, sofie.id, "not_participating", True).after
        assert after.vote_of(sofie.id) is None
        with pytest.raises(InputError, match="deltog ikke i punktet og kan ikke stemme"):
            decisions.set_vote(s, item, sofie.id, "for")
        decisions.set_presence(s, item, sofie.id, "absent", True)
        with pytest.raises(InputError, match="ikke til stede under punktet"):
            decisions.set_vote(s, item, sofie.id, "against")


def test_votes_by_the_away_and_the_replaced_are_refused(archive):
    with archive.transaction() as s:
        c, m, ids = big_meeting(s)
        item = m.items[0].id
        with pytest.raises(InputError, match="var ikke med på mødet og kan ikke stemme"):
            decisions.set_vote(s, item, ids[0], "for")  # the formand: his stand-in votes
        with pytest.raises(InputError, match="ikke til stede under punktet"):
            decisions.set_vote(s, item, ids[5], "for")  # away all meeting: prefilled absent
        # unless she came for this item after all
        decisions.set_presence(s, item, ids[5], "absent", False)
        assert decisions.set_vote(s, item, ids[5], "for").after.vote_of(ids[5]) == "for"
        decisions.set_vote(s, item, ids[5], None)
        secretary = next(x for x in c.members if x.role == "sekretær")
        with pytest.raises(InputError, match="Jens Sekretær er udvalgets sekretær og kan ikke stemme"):
            decisions.set_vote(s, item, secretary.id, "abstain")
        # a party's vote is every one of the party taking part, the stand-in too
        after = decisions.set_party_vote(s, item, "A", "for").after
        sofie = m.attendance[0].substitute_member
        assert sofie.id in after.members("for") and ids[0] not in after.members("for")
        assert len(after.members("for")) == 3  # seats 0 (Sofie), 7, 14


def test_a_second_vote_by_the_same_person_is_refused(archive):
    with archive.transaction() as s:
        c, m = _held(s)
        anna, bo, carl = (x.id for x in c.members)
        item = m.items[0].id
        decisions.set_presence(s, item, carl, "absent", True)
        state = decisions.decision_state(s, item)
        from dataclasses import replace

        twice = replace(state, votes_recorded=True,
                        marks=(*state.marks, ("for", anna), ("for", bo), ("against", bo)))
        with pytest.raises(InputError, match=r"Bo Dahl \(A\) har stemt mere end én gang"):
            decisions.restore(s, item, twice)
        assert decisions.decision_state(s, item) == state  # nothing half-done
        fine = replace(twice, marks=twice.marks[:-1])
        assert decisions.restore(s, item, fine).after.members("for") == [anna, bo]


def test_a_typed_name_only_takes_part_in_the_seats_row(archive):
    """Files from elsewhere name a stand-in only: the seat's marks are the stand-in's."""
    with archive.transaction() as s:
        c, m = _held(s)
        bo = c.members[1]
        row = m.attendance[1]
        row.status, row.substitute = "substituted", "Eva Hav (F)"
        s.flush()
        eva = roster.by_key(m)[bo.id]
        assert (eva.display_name, eva.stand_in, eva.seat) == ("Eva Hav (F)", True, bo)
        after = decisions.set_vote(s, m.items[0].id, bo.id, "against").after
        assert after.vote_of(bo.id) == "against"
        # saving the dialog unchanged keeps her a name; no suppleant is made
        rows = meeting_setup.attendance_rows(s, m.id)
        assert meeting_setup.set_attendance(s, m.id, rows) == []
        assert m.attendance[1].substitute == "Eva Hav (F)"


def test_one_suppleant_stands_in_for_one_member_only(archive):
    with archive.transaction() as s:
        c, m = _held(s)
        dorte = committees.add_member(s, c.id, "Dorte Friis", "V", "suppleant", signs=False)
        rows = meeting_setup.attendance_rows(s, m.id)
        assert len(rows) == 3  # the suppleant has no row of her own
        for row in rows[:2]:
            row.status, row.substitute_member_id = "substituted", dorte.id
        with pytest.raises(InputError, match="Dorte Friis \\(V\\) kan kun være stedfortræder"):
            meeting_setup.set_attendance(s, m.id, rows)
        rows[0].substitute_member_id = c.members[2].id  # a seated member is no suppleant
        with pytest.raises(InputError, match="skal være suppleant i udvalget"):
            meeting_setup.set_attendance(s, m.id, rows)


def test_typing_a_stand_in_is_one_step_undone_and_redone_whole(archive):
    with archive.transaction() as s:
        c, m = _held(s)
        meeting_id, committee_id = m.id, c.id
        shown = meeting_saving.details(s, m.id)
    fields, rows = copy.deepcopy(shown)
    rows[2].status, rows[2].substitute = "substituted", "Ole Brønd (B)"
    with archive.transaction() as s:
        step = meeting_saving.save_step(s, meeting_id, fields, rows, shown)
    assert list(step.added.values()) == ["Ole Brønd (B)"]

    def suppleants():
        with archive.sessions() as s:
            members = s.get(Committee, committee_id).members
            return [x.display_name for x in members if x.role == "suppleant"]

    assert suppleants() == ["Ole Brønd (B)"]
    with archive.transaction() as s:
        meeting_saving.undo_step(s, meeting_id, step)
    assert suppleants() == []
    with archive.transaction() as s:
        again = meeting_saving.redo_step(s, meeting_id, step)
    assert suppleants() == ["Ole Brønd (B)"]
    with archive.sessions() as s:
        row = meeting_setup.attendance_rows(s, meeting_id)[2]
        ole = s.get(Member, row.substitute_member_id)
        assert (ole.name, list(again.added)) == ("Ole Brønd", [ole.id])
    # chosen again by name, the same suppleant is used, not a second one
    fields, rows = copy.deepcopy(again.after)
    rows[1].status, rows[1].substitute, rows[1].substitute_member_id = "absent", None, None
    with archive.transaction() as s:
        assert meeting_saving.save_step(s, meeting_id, fields, rows, again.after).added == {}
    assert suppleants() == ["Ole Brønd (B)"]
