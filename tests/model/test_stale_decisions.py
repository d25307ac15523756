"""Two secretaries on one decision: an entry-mode edit based on the decision it showed is
refused when someone else changed it since, with both versions, and nothing written."""

from __future__ import annotations

import pytest

from model import committees, decisions
from model.decision_conflict import DecisionConflict
from model.decision_entry import DecisionEntry
from model.errors import EditConflict
from tests.model.test_decisions import held_meeting


@pytest.fixture
def entry(archive):
    with archive.transaction() as s:
        c, m = held_meeting(s)
        committees.add_member(s, c.id, "Ole Hansen", "A")
        return m.id


def shown(archive, meeting_id):
    """What secretary A's entry mode shows of the first item, read in its own session."""
    with archive.sessions() as s:
        entry = DecisionEntry.load(s, meeting_id)
        entry.index = 0
        return entry.current_item(s)


def write(archive, operation, *args, **kwargs):
    with archive.transaction() as s:
        return operation(s, *args, **kwargs)


def members(archive, meeting_id):
    with archive.sessions() as s:
        by_name = {m.name: m.id for m in DecisionEntry.load(s, meeting_id).members}
        return by_name["Dora Fisk (V)"], by_name["Ole Hansen (A)"]


def test_text_added_by_another_is_refused_with_both_texts(archive, entry):
    mine = shown(archive, entry)
    assert mine.version == 0 and not mine.stored
    write(archive, decisions.set_text, mine.id, "Deres tekst")  # secretary B

    with pytest.raises(DecisionConflict) as caught:
        write(archive, decisions.set_text, mine.id, "Min tekst", basis=mine.basis)
    conflict = caught.value
    assert isinstance(conflict, EditConflict)
    assert (conflict.mine, conflict.theirs) == ("Min tekst", "Deres tekst")
    assert conflict.mine_state.text == "Min tekst"
    assert "ændret af en anden" in str(conflict) and "Beslutningen" in str(conflict)
    assert shown(archive, entry).state.text == "Deres tekst"

    # Keeping mine: the state shown as mine, written on their version.
    now = shown(archive, entry)
    change = write(archive, decisions.restore, mine.id, conflict.mine_state, basis=now.basis)
    assert change.before.text == "Deres tekst" and change.after.text == "Min tekst"
    assert shown(archive, entry).state.text == "Min tekst"
    assert shown(archive, entry).version == change.version > now.version


def test_marks_are_summed_up_when_they_differ(archive, entry):
    dora, ole = members(archive, entry)
    write(archive, decisions.set_text, shown(archive, entry).id, "Godkendt.")
    mine = shown(archive, entry)
    write(archive, decisions.set_presence, mine.id, dora, "absent", True)  # B
    write(archive, decisions.set_postponed, mine.id, True)  # B

    with pytest.raises(DecisionConflict) as caught:
        write(archive, decisions.set_vote, mine.id, ole, "for", basis=mine.basis)
    conflict = caught.value
    assert conflict.mine == "Godkendt.\n\n— For: Ole Hansen (A)"
    assert conflict.theirs == "Godkendt.\n\n— Udsat · Ikke til stede: Dora Fisk (V)"
    assert shown(archive, entry).state.vote_of(ole) is None


def test_every_entry_operation_checks(archive, entry):
    dora, _ole = members(archive, entry)
    mine = shown(archive, entry)
    write(archive, decisions.set_text, mine.id, "Deres tekst")
    stale = [
        (decisions.apply_phrase, "Godkendt."),
        (decisions.set_postponed, True),
        (decisions.set_presence, dora, "not_participating", True),
        (decisions.set_party_vote, "V", "against"),
        (decisions.add_minority_note, dora, "Min tilførsel"),
    ]
    for operation, *args in stale:
        with pytest.raises(DecisionConflict):
            write(archive, operation, mine.id, *args, basis=mine.basis)
    assert shown(archive, entry).state == decisions.DecisionState(text="Deres tekst")


def test_own_steps_in_a_row_and_unchanged_archive_do_not_conflict(archive, entry):
    dora, ole = members(archive, entry)
    item = shown(archive, entry)
    for operation, *args in ((decisions.set_text, "Godkendt."),
                             (decisions.set_vote, ole, "for"),
                             (decisions.add_minority_note, dora, "Imod.")):
        write(archive, operation, item.id, *args, basis=item.basis)
        item = shown(archive, entry)
    assert item.state.notes == ((dora, "Imod."),)
    # B writes what is already there: the version moves, nothing visible does.
    write(archive, decisions.restore, item.id, item.state)
    write(archive, decisions.set_text, item.id, "Godkendt!", basis=item.basis)
    # B writes exactly what A is about to write: nothing can be lost.
    now = shown(archive, entry)
    write(archive, decisions.set_text, item.id, "Samme.")
    write(archive, decisions.set_text, item.id, "Samme.", basis=now.basis)
    # Without a basis, callers (undo, older views) work as before.
    write(archive, decisions.set_text, item.id, "Til sidst.")
    assert shown(archive, entry).state.text == "Til sidst."


def test_decision_removed_and_entered_anew_is_still_a_conflict(archive, entry):
    item_id = shown(archive, entry).id
    write(archive, decisions.set_text, item_id, "Første.")
    mine = shown(archive, entry)
    write(archive, decisions.set_text, item_id, "")  # B empties it: the record goes
    write(archive, decisions.set_text, item_id, "Anden.")  # and enters another
    assert shown(archive, entry).version == mine.version  # a new row, the same number
    with pytest.raises(DecisionConflict) as caught:
        write(archive, decisions.set_text, item_id, "Min.", basis=mine.basis)
    assert caught.value.theirs == "Anden."


def test_attendance_changed_before_anything_was_entered_is_no_conflict(archive, entry):
    from model import meeting_setup

    dora, _ole = members(archive, entry)
    mine = shown(archive, entry)
    away = [meeting_setup.AttendanceRow(dora, "absent")]
    write(archive, meeting_setup.set_attendance, entry, away)
    write(archive, decisions.set_text, mine.id, "Godkendt.", basis=mine.basis)
    assert shown(archive, entry).state.members("absent") == [dora]
