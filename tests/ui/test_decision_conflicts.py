"""Two secretaries on one decision: the entry mode's autosave based on a decision changed
by someone else since asks which version counts, shows both, and writes nothing until
the secretary has chosen."""

from __future__ import annotations

from model import decisions
from model.entities import Item
from tests.ui import test_conflicts
from tests.ui.test_decision_entry import held_meeting, open_entry
from ui.dialogs.conflict_dialog import KEEP_MINE, USE_THEIRS

asked = test_conflicts.asked  # the fixture answering ConflictDialog.ask


def another_secretary(archive, operation, *args):
    with archive.transaction() as session:
        return operation(session, *args)


def stored(archive, item_id):
    with archive.sessions() as session:
        return decisions.state_of(session.get(Item, item_id).decision)


def stored_text(archive, item_id):
    state = stored(archive, item_id)
    return state.text if state else None


def test_entry_mode_asks_and_keeps_mine_on_request(window, archive, qtbot, asked):
    _committee, meeting_id = held_meeting(archive)
    _keys, entry = open_entry(window, meeting_id, qtbot)
    item_id = entry.current.id
    another_secretary(archive, decisions.set_text, item_id, "Deres beslutning.")
    asked.stored = lambda: stored_text(archive, item_id)

    entry.decision.setFocus()
    qtbot.keyClicks(entry.decision, "Min beslutning.")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)  # the autosave met the conflict
    assert asked[0] == ("Min beslutning.", "Deres beslutning.", "Deres beslutning.")
    # Annullér: nothing written, mine stays in the field, and the reason is said.
    assert stored_text(archive, item_id) == "Deres beslutning."
    assert entry.decision.markdown() == "Min beslutning."
    assert "ændret af en anden" in entry.message.text()

    asked.answer = KEEP_MINE
    qtbot.keyClicks(entry.decision, " Igen.")
    qtbot.waitUntil(lambda: stored_text(archive, item_id) == "Min beslutning. Igen.",
                    timeout=20_000)
    assert asked[1] == ("Min beslutning. Igen.", "Deres beslutning.", "Deres beslutning.")
    assert entry.message.text() == ""
    # Further typing is based on my own save: no more questions.
    qtbot.keyClicks(entry.decision, "!")
    qtbot.waitUntil(lambda: stored_text(archive, item_id) == "Min beslutning. Igen.!",
                    timeout=20_000)
    assert len(asked) == 2
    window.undo()  # my typing after the choice
    window.undo()  # keeping mine: back to what the other secretary wrote
    assert stored_text(archive, item_id) == "Deres beslutning."


def test_entry_mode_can_take_the_archives_version(window, archive, qtbot, asked):
    _committee, meeting_id = held_meeting(archive)
    _keys, entry = open_entry(window, meeting_id, qtbot)
    item_id = entry.current.id
    another_secretary(archive, decisions.set_text, item_id, "Deres beslutning.")
    asked.answer = USE_THEIRS
    asked.stored = lambda: stored_text(archive, item_id)

    entry.decision.setFocus()
    qtbot.keyClicks(entry.decision, "Min beslutning.")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)
    assert asked[0] == ("Min beslutning.", "Deres beslutning.", "Deres beslutning.")
    assert entry.decision.markdown() == "Deres beslutning."
    assert stored_text(archive, item_id) == "Deres beslutning."

    qtbot.keyClicks(entry.decision, " Og min.")  # now based on theirs: saved without asking
    qtbot.waitUntil(lambda: stored_text(archive, item_id) == "Deres beslutning. Og min.",
                    timeout=20_000)
    assert len(asked) == 1


def test_a_mark_on_a_changed_decision_shows_both_summaries(window, archive, qtbot, asked):
    _committee, meeting_id = held_meeting(archive)
    _keys, entry = open_entry(window, meeting_id, qtbot)
    item_id = entry.current.id
    anna = next(m.id for m in entry.entry.members if m.name.startswith("Anna Berg"))
    bo = next(m.id for m in entry.entry.members if m.name.startswith("Bo Dahl"))
    another_secretary(archive, decisions.set_text, item_id, "Godkendt.")
    another_secretary(archive, decisions.set_vote, item_id, bo, "against")

    entry._vote(anna, "for")  # as the marks table's F key does
    assert len(asked) == 1
    mine, theirs, _ = asked[0]
    assert mine.startswith("(ingen tekst)\n\n— ") and "For: Anna Berg (V)" in mine
    assert theirs.startswith("Godkendt.\n\n— ") and "Imod: Bo Dahl (A)" in theirs
    assert "Ikke til stede: Eva Gran (O)" in theirs
    assert stored(archive, item_id).vote_of(anna) is None


def test_undo_does_not_overwrite_another_secretarys_change(window, archive, qtbot, asked):
    _committee, meeting_id = held_meeting(archive)
    _keys, entry = open_entry(window, meeting_id, qtbot)
    item_id = entry.current.id
    failed = []
    window.ws.failed.connect(failed.append)
    entry.decision.setFocus()
    qtbot.keyClicks(entry.decision, "Min beslutning.")
    entry.flush()
    assert stored_text(archive, item_id) == "Min beslutning."
    another_secretary(archive, decisions.set_text, item_id, "Deres beslutning.")

    window.undo()
    assert stored_text(archive, item_id) == "Deres beslutning."
    assert failed and "ændret af en anden" in failed[-1]
