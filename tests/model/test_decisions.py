"""Entering decisions: phrases, absence prefilled from attendance, votes, notes, locking."""

from __future__ import annotations

import datetime as dt

import pytest

from model import committees, decision_phrases, decisions, meeting_setup
from model.checks import InputError
from model.decision_entry import DecisionEntry, missing_text
from model.entities import Decision, Item
from tests.model.agenda_helpers import committee, meeting


def held_meeting(s, titles=("Budget", "Skoler", "Veje", "Underskriftsark"), **kw):
    c = committee(s, numbering="per_meeting", standard_items=[], **kw)
    committees.add_member(s, c.id, "Dora Fisk", "V")
    m = meeting(s, c.id, "2020-04-21", list(titles))
    for _ in range(2):
        meeting_setup.advance_status(s, m.id)
    return c, m


def test_standard_phrases_default_and_the_committees_own(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        assert decision_phrases.phrases(s, c.id)[:3] == [
            "Godkendt.", "Anbefales.", "Taget til efterretning."
        ]
        own = ["Indstillingen godkendt.", " ", "Udsat."]
        assert decision_phrases.set_phrases(s, c.id, own) is None
        assert decision_phrases.phrases(s, c.id) == ["Indstillingen godkendt.", "Udsat."]
        with pytest.raises(InputError, match="højst være 9"):
            decision_phrases.set_phrases(s, c.id, [f"Nr. {n}." for n in range(10)])
        decision_phrases.set_phrases(s, c.id, [])
        assert decision_phrases.phrases(s, c.id) == list(decision_phrases.DEFAULT_PHRASES)


def test_phrase_then_free_text_and_udsat_sets_postponed(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        item = m.items[0]
        change = decisions.apply_phrase(s, item.id, "Godkendt.")
        assert change.before is None and change.after.text == "Godkendt."
        assert decisions.apply_phrase(s, item.id, "Udsat.").after.postponed
        after = decisions.apply_phrase(s, item.id, "Drøftet.").after
        assert (after.text, after.postponed) == ("Drøftet.", False)
        decisions.set_text(s, item.id, "Udvalget bad om et nyt oplæg.")
        after = decisions.apply_phrase(s, item.id, "Anbefales.").after
        assert after.text == "Anbefales.\n\nUdvalget bad om et nyt oplæg."
        assert decisions.set_postponed(s, m.items[1].id, True).after.text == "Udsat."
        assert decisions.set_postponed(s, m.items[1].id, False).after is None


def test_absence_is_prefilled_from_attendance_and_changed_per_item(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        rows = meeting_setup.attendance_rows(s, m.id)
        anna, bo, carl, dora = (r.member_id for r in rows)
        rows[0].status = "absent"
        rows[1].status, rows[1].substitute = "substituted", "Eva Hav"
        meeting_setup.set_attendance(s, m.id, rows)
        item = m.items[0]
        entry = DecisionEntry.load(s, m.id)
        # Bo's seat is filled by Eva Hav, typed: a suppleant now, in his row's place
        assert entry.current_item(s).state.members("absent") == [anna]
        eva = entry.members[1]
        assert (eva.name, eva.away) == ("Eva Hav (A)", False)  # the seat's party
        assert eva.stands_in_for.startswith(c.members[1].name) and eva.id != bo
        assert not entry.current_item(s).stored
        decisions.set_text(s, item.id, "Godkendt.")
        assert s.get(Item, item.id).decision.members_marked("absent")[0].id == anna
        change = decisions.set_presence(s, item.id, carl, "absent", True)
        assert change.after.members("absent") == [anna, carl]
        change = decisions.set_presence(s, item.id, anna, "absent", False)
        assert change.after.members("absent") == [carl]
        change = decisions.set_presence(s, item.id, dora, "not_participating", True)
        assert change.after.members("not_participating") == [dora]
        # Only the prefilled absence, no text: no decision is kept.
        decisions.set_text(s, m.items[1].id, "x")
        assert decisions.set_text(s, m.items[1].id, "").after is None


def test_votes_by_member_and_by_party_and_refused_for_the_absent(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        anna, bo, carl, dora = (x.id for x in c.members)
        item = m.items[0]
        decisions.set_presence(s, item.id, anna, "absent", True)
        with pytest.raises(InputError, match="kan ikke stemme"):
            decisions.set_vote(s, item.id, anna, "for")
        after = decisions.set_party_vote(s, item.id, "V", "for").after
        assert after.members("for") == [dora] and after.votes_recorded
        after = decisions.set_vote(s, item.id, bo, "against").after
        assert after.vote_of(bo) == "against"
        after = decisions.set_vote(s, item.id, carl, "abstain").after
        assert after.members("abstain") == [carl]
        after = decisions.set_presence(s, item.id, carl, "not_participating", True).after
        assert after.vote_of(carl) is None
        assert decisions.clear_votes(s, item.id).after.members("for") == []


def test_minority_notes_and_undo_by_restoring(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        bo = c.members[1].id
        item = m.items[0]
        first = decisions.apply_phrase(s, item.id, "Godkendt.")
        change = decisions.add_minority_note(s, item.id, bo, "A kan ikke støtte forslaget.")
        assert change.after.notes == ((bo, "A kan ikke støtte forslaget."),)
        decisions.restore(s, item.id, change.before)
        assert s.get(Item, item.id).decision.minority_notes == []
        decisions.restore(s, item.id, first.before)
        assert s.get(Item, item.id).decision is None
        decisions.restore(s, item.id, change.after)
        assert s.get(Item, item.id).decision.minority_notes[0].member_id == bo
        with pytest.raises(InputError, match="Protokoltilførslen må ikke være tom"):
            decisions.add_minority_note(s, item.id, bo, " ")
        assert decisions.remove_minority_note(s, item.id, 0).after.notes == ()


def test_counter_and_navigation_skip_the_signature_item(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        entry = DecisionEntry.load(s, m.id)
        assert len(entry.item_ids) == 3 and entry.missing_text() == "3 punkter mangler beslutning"
        change = decisions.apply_phrase(s, entry.current_id, entry.phrase_for_key(1))
        entry.note_state(change.item_id, change.after)
        assert entry.missing == 2 and entry.position_text() == "Punkt 1 af 3"
        assert entry.next_undecided() and entry.index == 1
        assert entry.go(1) and not entry.go(1) and entry.index == 2
        assert entry.phrase_for_key(9) is None and entry.phrase_for_key(5) == "Udsat."
        assert decisions.missing_count(s, m.id) == 2
        assert missing_text(1) == "1 punkt mangler beslutning"
        assert missing_text(0) == "Alle punkter har en beslutning"
        assert DecisionEntry.load(s, m.id).index == 1  # starts at the first undecided
        assert entry.parties() == ["V"]


def test_a_meeting_not_held_is_refused(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2020-04-21", ["A"])
        with pytest.raises(InputError, match="når mødet er afholdt"):
            DecisionEntry.load(s, m.id)


def test_signed_meeting_is_locked_and_only_added_to(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        item, other = m.items[0], m.items[1]
        decisions.apply_phrase(s, item.id, "Godkendt.")
        with pytest.raises(InputError, match="når referatet er underskrevet"):
            decisions.add_correction(s, item.id, "For tidligt.")
        for _ in range(2):
            meeting_setup.advance_status(s, m.id)
        assert m.status == "signed"
        for attempt in (
            lambda: decisions.set_text(s, item.id, "Ændret."),
            lambda: decisions.apply_phrase(s, item.id, "Drøftet."),
            lambda: decisions.set_postponed(s, item.id, True),
            lambda: decisions.set_vote(s, item.id, c.members[0].id, "for"),
            lambda: decisions.restore(s, item.id, None),
        ):
            with pytest.raises(InputError, match="kan ikke ændres. Tilføj en dateret rettelse"):
                attempt()
        assert s.get(Item, item.id).decision.text == "Godkendt."
        correction_id = decisions.add_correction(
            s, item.id, "Navnet på skolen er Højby Skole.", dt.date(2020, 5, 2)
        )
        added = decisions.add_correction(s, other.id, "Punktet blev ikke behandlet.")
        views = decisions.corrections(s, item.id)
        assert [(v.id, v.date) for v in views] == [(correction_id, dt.date(2020, 5, 2))]
        assert s.get(Item, item.id).decision.text == "Godkendt."
        assert s.get(Decision, s.get(Item, other.id).decision.id).corrections[0].id == added
        with pytest.raises(InputError, match="tidligere dag"):
            decisions.remove_correction(s, correction_id)
        decisions.remove_correction(s, added)  # undo on the same day
        assert decisions.corrections(s, other.id) == []
        entry = DecisionEntry.load(s, m.id)
        assert entry.locked
