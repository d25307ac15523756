"""One guard for every write to a signed meeting: a SQLAlchemy `before_flush` event.

Every model operation, the importer and undo write through the ORM, so the
one check that sees every flush sees every write: it finds the meeting that
owns each new, changed or deleted row (through the row's old and new parent,
so a row moved out of a signed meeting is caught too) and refuses the flush
when that meeting is signed in the database. What may still happen to a
signed meeting: a dated correction is added (or taken back the same day), a
follow-up is answered, and a signed meeting without a seal is sealed.

The step that sets a meeting's status to signed seals it here, so every way
of signing (the window, undo, an import) stores the record as signed.

On PostgreSQL the owning meetings' rows are locked (SELECT ... FOR UPDATE)
before the check, so a write and a signing of the same meeting are
serialised: the later one sees the other's result. Triggers made by
migration 0007 refuse the same writes in the database itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import MANYTOONE, RelationshipProperty, Session, attributes

from model.entities import (
    Attachment,
    Attendance,
    Correction,
    Decision,
    DecisionMember,
    FollowUp,
    Item,
    Meeting,
    MinorityNote,
    PriorDecision,
    ScanProposal,
    Section,
)
from model.errors import SealError, SignedMeetingError
from model.sealing import record as records

SIGNED = "signed"
SEAL_COLUMNS = frozenset({"sealed_at", "sealed_sha256", "sealed_record"})
# The parent relationship and foreign key of every row that belongs to one meeting.
PARENTS: dict[type, tuple[str, str, type]] = {
    Item: ("meeting", "meeting_id", Meeting),
    Attendance: ("meeting", "meeting_id", Meeting),
    Section: ("item", "item_id", Item),
    PriorDecision: ("item", "item_id", Item),
    Attachment: ("item", "item_id", Item),
    FollowUp: ("item", "item_id", Item),
    Decision: ("item", "item_id", Item),
    DecisionMember: ("decision", "decision_id", Decision),
    MinorityNote: ("decision", "decision_id", Decision),
    Correction: ("decision", "decision_id", Decision),
    ScanProposal: ("meeting", "meeting_id", Meeting),  # a scan's reading waits for the secretary
}
# A follow-up of a signed meeting may still be answered (model/follow_ups.py).
ANSWER_FIELDS = frozenset(records.LATER_FOLLOW_UP_FIELDS)


def meeting_label(meeting: Meeting) -> str:
    """'AET 19. august 2020': how a refusal names the meeting."""
    from babel.dates import format_date  # a refusal is rare; Babel costs 0.1 s to import

    day = format_date(meeting.date, "d. MMMM y", locale="da_DK") if meeting.date else ""
    short = meeting.committee.short_name if meeting.committee else ""
    return f"{short} {day}".strip() or meeting.ext_id


def now_iso() -> str:
    return dt.datetime.now().astimezone().isoformat(timespec="seconds")


def _all_values(obj: Any, key: str) -> list[Any]:
    """The attribute's value now and the one stored, when they differ."""
    return [v for v in attributes.get_history(obj, key).sum() if v is not None]


def owning_meetings(session: Session, obj: Any, _depth: int = 0) -> set[int]:
    """Ids of the stored meetings the row belongs to, before and after this change."""
    if isinstance(obj, Meeting):
        return {obj.id} if obj.id is not None else set()
    parent = PARENTS.get(type(obj))
    if parent is None or _depth > 4:
        return set()
    relation, column, parent_class = parent
    found: set[int] = set()
    parent_ids = set(_all_values(obj, column))
    for owner in _all_values(obj, relation):
        found |= owning_meetings(session, owner, _depth + 1)
        parent_ids.discard(owner.id)
    for parent_id in parent_ids:
        owner = session.get(parent_class, parent_id)
        if owner is not None:
            found |= owning_meetings(session, owner, _depth + 1)
    return found


def changed_keys(obj: Any) -> set[str]:
    """Columns and many-to-one links changed on the row (collections left out)."""
    state = inspect(obj)
    keys = set()
    for attr in state.attrs:
        prop = state.mapper.attrs[attr.key]
        if isinstance(prop, RelationshipProperty) and prop.direction is not MANYTOONE:
            continue  # a child's own row says when it moves
        if attr.history.has_changes():
            keys.add(attr.key)
    return keys


def _bare_decision(decision: Decision) -> bool:
    """The empty decision a correction is hung on, when the item had none."""
    return (not (decision.text or "").strip() and not decision.postponed
            and not decision.votes_recorded and decision.public_text is None
            and not decision.member_marks and not decision.minority_notes)


def allowed_on_signed(obj: Any, change: str) -> bool:
    """What may still happen to a row of a signed meeting."""
    if change == "new":
        return isinstance(obj, Correction) or (isinstance(obj, Decision) and _bare_decision(obj))
    parent = PARENTS.get(type(obj))
    if change == "dirty" and parent and getattr(obj, parent[0]) is None:
        change = "deleted"  # taken out of its parent's list: deleted as an orphan by the flush
    if change == "deleted":
        return isinstance(obj, Correction) and obj.date == dt.date.today()  # same-day undo
    keys = changed_keys(obj)
    if isinstance(obj, FollowUp):
        return keys <= ANSWER_FIELDS
    if isinstance(obj, Correction):
        return keys <= {"position"}  # the others close up after a same-day removal
    return not keys


def _stored_state(session: Session, meeting_ids: set[int]) -> dict[int, tuple[str, bool]]:
    """Status and whether a record is sealed, as stored, locking the rows (PostgreSQL)."""
    if not meeting_ids:
        return {}
    query = (
        select(Meeting.id, Meeting.status, Meeting.sealed_record.is_not(None))
        .where(Meeting.id.in_(meeting_ids))
        .order_by(Meeting.id)
        .with_for_update()
    )
    return {row[0]: (row[1], bool(row[2])) for row in session.execute(query)}


def lock_meeting(session: Session, meeting_id: int) -> str | None:
    """Hold the meeting's row until the transaction ends (PostgreSQL; SQLite writers
    already hold the whole file): a concurrent signing or write then waits for us.
    Returns the meeting's stored status, read after the lock."""
    return _stored_state(session, {meeting_id}).get(meeting_id, (None, False))[0]


def _refuse(session: Session, meeting_id: int, detail: str = "") -> None:
    meeting = session.get(Meeting, meeting_id)
    raise SignedMeetingError(meeting_label(meeting) if meeting else str(meeting_id), detail)


def _changes(session: Session):
    for obj in list(session.new):
        yield obj, "new"
    for obj in list(session.dirty):
        if session.is_modified(obj, include_collections=False):
            yield obj, "dirty"
    for obj in list(session.deleted):
        yield obj, "deleted"


def check_flush(session: Session) -> tuple[list[tuple[Any, str, set[int]]], dict]:
    """Refuse the flush if it changes a signed meeting; seal meetings being signed.
    Returns the changes with their meetings and the meetings' stored state (history)."""
    changes = [(obj, change, owning_meetings(session, obj)) for obj, change in _changes(session)]
    touched = set().union(*(ids for _obj, _change, ids in changes)) if changes else set()
    stored = _stored_state(session, touched)
    signing = set()
    for obj, change, ids in changes:
        if isinstance(obj, Meeting):
            _check_meeting(session, obj, change, stored, signing)
            continue
        for meeting_id in ids:
            status, _sealed = stored.get(meeting_id, (None, False))
            if status == SIGNED and not allowed_on_signed(obj, change):
                _refuse(session, meeting_id)
    for obj, _change, ids in changes:
        if not isinstance(obj, Meeting) and ids & {m.id for m in signing}:
            raise SignedMeetingError(meeting_label(next(iter(signing))),
                                     "gem ændringerne, før mødet underskrives")
    for meeting in signing:
        seal(meeting)
    return changes, stored


def _check_meeting(session: Session, meeting: Meeting, change: str,
                   stored: dict[int, tuple[str, bool]], signing: set[Meeting]) -> None:
    status, sealed = stored.get(meeting.id, (None, False))
    if change == "new":
        if meeting.status == SIGNED:  # its rows would follow it into a signed meeting
            raise SignedMeetingError(meeting_label(meeting), "et nyt møde underskrives, "
                                     "når det er gemt")
        return
    if status == SIGNED:
        keys = changed_keys(meeting) if change == "dirty" else {"*"}
        if change == "deleted" or not keys <= SEAL_COLUMNS or sealed:
            _refuse(session, meeting.id)
        return
    if change == "dirty" and meeting.status == SIGNED:
        signing.add(meeting)


def seal(meeting: Meeting) -> None:
    """Store the record as signed with its SHA-256; a seal the meeting came with
    (an imported file's) must be the same, or the signing is refused."""
    record = records.record_of(meeting)
    digest = records.sha256(record["meeting"])
    claimed = meeting.sealed_sha256
    if claimed and claimed != digest:
        raise SealError(
            f"Mødet {meeting_label(meeting)} ({meeting.ext_id}) passer ikke med sit segl: "
            "indholdet er ændret, efter at det blev underskrevet."
        )
    meeting.sealed_record = records.dumps(record)
    meeting.sealed_sha256 = digest
    meeting.sealed_at = meeting.sealed_at or now_iso()


def seal_unsealed(session: Session, batch: int = 100) -> list[str]:
    """Seal the signed meetings that have no stored record (signed before seals were
    kept); one whose content differs from the seal it came with is left for `verify`
    to name. Returns the ids of the meetings sealed."""
    from model.meetings import whole_meeting

    ids = list(session.scalars(select(Meeting.id).where(
        Meeting.status == SIGNED, Meeting.sealed_record.is_(None)).order_by(Meeting.id)))
    sealed = []
    for start in range(0, len(ids), batch):  # a batch at a time: a big archive is large
        query = select(Meeting).where(Meeting.id.in_(ids[start:start + batch]))
        for meeting in session.scalars(query.options(*whole_meeting())):
            record = records.record_of(meeting)
            digest = records.sha256(record["meeting"])
            if meeting.sealed_sha256 and meeting.sealed_sha256 != digest:
                continue
            meeting.sealed_record, meeting.sealed_sha256 = records.dumps(record), digest
            meeting.sealed_at = meeting.sealed_at or now_iso()
            sealed.append(meeting.ext_id)
        session.flush()
        session.expunge_all()
    return sealed


_listeners: list = []


def before_flush(session: Session, _context: Any, _instances: Any) -> None:
    with session.no_autoflush:
        changes, stored = check_flush(session)
        for listener in _listeners:
            listener(session, changes, stored)


def on_checked_flush(listener) -> None:
    """Call `listener(session, changes, stored)` after the guard passed a flush (history)."""
    _listeners.append(listener)


event.listen(Session, "before_flush", before_flush)
