"""No lost edits: a write based on a version someone else has changed since is refused
with both versions, and signing and writing at the same moment are serialised."""

from __future__ import annotations

import threading
import time

import pytest

from model import agenda, decisions, follow_ups, item_edit, meeting_setup
from model.database import user_errors
from model.decisions import Basis
from model.entities import Item, Meeting
from model.errors import ConflictError, EditConflict, ReferentError
from tests.model.agenda_helpers import committee, meeting


@pytest.fixture
def held(archive):
    """A held meeting with two items, a bilag and a follow-up on the first."""
    with archive.transaction() as s:
        m = meeting(s, committee(s).id, "2020-03-01", ["Budget", "Skoler"])
        for _ in range(2):
            meeting_setup.advance_status(s, m.id)
        first = next(i for i in m.items if i.title == "Budget")
        other = next(i for i in m.items if i.title == "Skoler")
        bilag = item_edit.add_attachment(s, first.id, title="Notat", content=b"x")
        question = follow_ups.add_follow_up(s, first.id, "Hvad koster det?")
        ids = {"meeting": m.id, "item": first.id, "other": other.id, "bilag": bilag,
               "follow_up": question}
    return archive, ids


def _version(archive, entity, ident) -> int:
    with archive.sessions() as s:
        return s.get(entity, ident).version


def test_a_stale_bilag_edit_is_refused_with_both_versions(held):
    from model.entities import Attachment

    archive, ids = held
    shown = _version(archive, Attachment, ids["bilag"])
    with archive.transaction() as s:
        item_edit.set_attachment_field(s, ids["bilag"], "title", "Deres notat", shown)
    with pytest.raises(EditConflict) as refused, archive.transaction() as s:
        item_edit.set_attachment_field(s, ids["bilag"], "title", "Mit notat", shown)
    assert (refused.value.mine, refused.value.theirs) == ("Mit notat", "Deres notat")
    with pytest.raises(EditConflict), archive.transaction() as s:
        item_edit.remove_attachment(s, ids["bilag"], shown)
    with archive.sessions() as s:
        assert s.get(Attachment, ids["bilag"]).title == "Deres notat"


def test_a_stale_follow_up_edit_or_delete_is_refused(held):
    from model.entities import FollowUp

    archive, ids = held
    shown = _version(archive, FollowUp, ids["follow_up"])
    with archive.transaction() as s:
        follow_ups.update_follow_up(s, ids["follow_up"], text="Deres spørgsmål",
                                    expected_version=shown)
    with pytest.raises(EditConflict) as refused, archive.transaction() as s:
        follow_ups.update_follow_up(s, ids["follow_up"], text="Mit spørgsmål",
                                    expected_version=shown)
    assert refused.value.mine == {"text": "Mit spørgsmål"}
    assert refused.value.theirs == {"text": "Deres spørgsmål"}
    with pytest.raises(EditConflict), archive.transaction() as s:
        follow_ups.mark_answered(s, ids["follow_up"], "Svar", shown)
    with pytest.raises(EditConflict), archive.transaction() as s:
        follow_ups.delete_follow_up(s, ids["follow_up"], shown)
    with archive.sessions() as s:
        assert s.get(FollowUp, ids["follow_up"]).text == "Deres spørgsmål"


def test_deleting_an_item_someone_just_edited_is_refused(held):
    archive, ids = held
    shown = _version(archive, Item, ids["item"])
    with archive.transaction() as s:
        item_edit.set_item_field(s, ids["item"], "title", "Budget 2021", shown)
    with pytest.raises(EditConflict) as refused, archive.transaction() as s:
        agenda.delete_item(s, ids["item"], shown)
    assert refused.value.theirs == "Budget 2021"
    with archive.sessions() as s:
        assert s.get(Item, ids["item"]).title == "Budget 2021"


def test_a_move_based_on_an_agenda_reordered_since_is_refused(held):
    archive, ids = held
    with archive.sessions() as s:
        shown = [i.id for i in s.get(Meeting, ids["meeting"]).items]
    with archive.transaction() as s:
        agenda.move_item(s, ids["other"], 0, expected_order=shown)
    with pytest.raises(EditConflict) as refused, archive.transaction() as s:
        agenda.move_item(s, ids["item"], 0, expected_order=shown)
    assert refused.value.theirs.splitlines()[0].endswith("Skoler")
    assert refused.value.mine.index("Budget") < refused.value.mine.index("Skoler")
    with archive.sessions() as s:
        assert [i.id for i in s.get(Meeting, ids["meeting"]).items][0] == ids["other"]


# -- at the same moment: two programs, one waits for the other ----------------------


def _in_thread(archive, operation):
    """Run `operation(session)` in its own transaction in a thread; returns the thread
    and a list that gets its error (or None)."""
    outcome: list = []

    def run():
        try:
            with user_errors(), archive.transaction() as session:
                operation(session)
            outcome.append(None)
        except Exception as error:  # noqa: BLE001 - the test looks at what it was
            outcome.append(error)

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _holding(archive, operation):
    """A transaction that has done `operation` and not yet committed."""
    context = archive.transaction()
    session = context.__enter__()
    operation(session)
    return context


def _approved(archive, ids):
    with archive.transaction() as s:
        meeting_setup.advance_status(s, ids["meeting"])  # minutes_approved


def test_a_decision_saved_while_the_meeting_is_signed_is_refused(held):
    archive, ids = held
    _approved(archive, ids)
    signing = _holding(archive, lambda s: meeting_setup.advance_status(s, ids["meeting"]))
    thread, outcome = _in_thread(
        archive, lambda s: decisions.set_text(s, ids["item"], "Godkendt.")
    )
    time.sleep(0.5)
    assert thread.is_alive()  # waits for the signing
    signing.__exit__(None, None, None)
    thread.join(30)
    assert isinstance(outcome[0], ReferentError)
    assert "underskrevet" in str(outcome[0])
    with archive.sessions() as s:
        assert s.get(Item, ids["item"]).decision is None
        assert s.get(Meeting, ids["meeting"]).status == "signed"


def test_a_signing_while_a_decision_is_saved_seals_the_decision(held):
    archive, ids = held
    _approved(archive, ids)
    deciding = _holding(archive, lambda s: decisions.set_text(s, ids["item"], "Godkendt."))
    thread, outcome = _in_thread(archive, lambda s: meeting_setup.advance_status(s, ids["meeting"]))
    time.sleep(0.5)
    assert thread.is_alive()  # waits for the decision
    deciding.__exit__(None, None, None)
    thread.join(30)
    assert outcome == [None]
    with archive.sessions() as s:
        m = s.get(Meeting, ids["meeting"])
        assert m.status == "signed" and '"text":"Godkendt."' in m.sealed_record


def test_two_first_decisions_on_one_item_give_a_conflict_not_a_traceback(held):
    archive, ids = held
    empty = Basis(0, None)  # both entry modes showed no decision yet
    first = _holding(archive, lambda s: decisions.set_text(s, ids["item"], "Godkendt.", empty))
    thread, outcome = _in_thread(
        archive, lambda s: decisions.set_text(s, ids["item"], "Drøftet.", empty)
    )
    time.sleep(0.5)
    first.__exit__(None, None, None)
    thread.join(30)
    assert isinstance(outcome[0], ConflictError)
    with archive.sessions() as s:
        assert s.get(Item, ids["item"]).decision.text == "Godkendt."
