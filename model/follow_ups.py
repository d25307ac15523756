"""Questions and orders (spørgsmål og bestillinger) raised at meetings, and their answers.

Raised while the decisions are entered; followed up across meetings by the
person who must answer. A signed meeting's questions stay as they were
asked, but they can still be answered: the answer usually comes later.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from model import snapshots
from model.agenda import get_item
from model.checks import InputError, optional_text, parse_date, required_text
from model.decisions import LOCKED, is_locked
from model.entities import FollowUp, Item, Meeting
from model.errors import EditConflict, NotFoundError

STATUSES = ("open", "answered")
FIELDS = ("text", "asked_by", "responsible", "due", "status", "answer")
# What may still change once the minutes are signed.
ANSWER_FIELDS = ("status", "answer")


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    item_id: int
    meeting_id: int
    committee_id: int
    committee_name: str
    meeting_date: dt.date
    item_number: int
    item_title: str
    text: str
    asked_by: str | None
    responsible: str | None
    due: dt.date | None
    status: str
    answer: str | None
    version: int = 1  # handed back with an edit, so a stale one is refused

    @property
    def overdue(self) -> bool:
        return self.status == "open" and self.due is not None and self.due < dt.date.today()


def row_of(f: FollowUp) -> FollowUpRow:
    """The row the lists show and print, from a follow-up with its item and meeting."""
    item, meeting = f.item, f.item.meeting
    return FollowUpRow(
        f.id, item.id, meeting.id, meeting.committee_id, meeting.committee.name, meeting.date,
        item.number, item.title, f.text, f.asked_by, f.responsible, f.due, f.status, f.answer,
        f.version,
    )


def get_follow_up(session: Session, follow_up_id: int) -> FollowUp:
    follow_up = session.get(FollowUp, follow_up_id)
    if follow_up is None:
        raise NotFoundError("Spørgsmålet findes ikke længere.")
    return follow_up


def _clean(field: str, value: Any) -> Any:
    if field == "text":
        return required_text("text", value, "Spørgsmålet eller bestillingen")
    if field in ("asked_by", "responsible", "answer"):
        return optional_text(value)
    if field == "due":
        return parse_date("due", value) if value not in (None, "") and str(value).strip() else None
    if field == "status":
        if value not in STATUSES:
            raise InputError("status", f"Ukendt status: {value}")
        return value
    raise ValueError(f"not a follow-up field: {field}")


def add_follow_up(
    session: Session, item_id: int, text: str, asked_by: str | None = None,
    responsible: str | None = None, due: dt.date | str | None = None,
) -> int:
    """A new open question or order on the item; returns its id."""
    item = get_item(session, item_id)
    if is_locked(item.meeting):
        raise InputError("follow_up", LOCKED)
    values = {"text": text, "asked_by": asked_by, "responsible": responsible, "due": due}
    follow_up = FollowUp(status="open", **{k: _clean(k, v) for k, v in values.items()})
    item.follow_ups.append(follow_up)
    session.flush()
    return follow_up.id


def update_follow_up(session: Session, follow_up_id: int, *,
                     expected_version: int | None = None, **fields: Any) -> dict[str, Any]:
    """Change the named fields; returns their old values (for undo). With
    `expected_version`, a follow-up someone else changed since is refused (EditConflict)."""
    follow_up = get_follow_up(session, follow_up_id)
    locked = is_locked(follow_up.item.meeting)
    cleaned = {}
    for field, value in fields.items():
        if field not in FIELDS:
            raise ValueError(f"not a follow-up field: {field}")
        if locked and field not in ANSWER_FIELDS:
            raise InputError(field, LOCKED)
        cleaned[field] = _clean(field, value)
    old = {field: getattr(follow_up, field) for field in cleaned}
    EditConflict.check(expected_version, follow_up.version, "Spørgsmålet eller bestillingen",
                       cleaned, old)
    for field, value in cleaned.items():
        setattr(follow_up, field, value)
    session.flush()
    return old


def mark_answered(session: Session, follow_up_id: int, answer: str,
                  expected_version: int | None = None) -> dict[str, Any]:
    """Record the answer and close the question; returns the old status and answer."""
    answer = required_text("answer", answer, "Svaret")
    return update_follow_up(session, follow_up_id, expected_version=expected_version,
                            status="answered", answer=answer)


def delete_follow_up(session: Session, follow_up_id: int, expected_version: int | None = None
                     ) -> tuple[dict[str, Any], int]:
    """Delete a question entered by mistake; returns its snapshot and place, for undo.
    With `expected_version`, one someone else changed since is not deleted."""
    follow_up = get_follow_up(session, follow_up_id)
    EditConflict.check(expected_version, follow_up.version, "Spørgsmålet eller bestillingen",
                       None, follow_up.text)
    if is_locked(follow_up.item.meeting):
        raise InputError("follow_up", LOCKED)
    return snapshots.remove_child(session, follow_up, "follow_ups")


def restore_follow_up(session: Session, data: dict[str, Any], index: int) -> int:
    item = get_item(session, data["columns"]["item_id"])
    return snapshots.restore_child(session, item, "follow_ups", data, index)


def _query():
    return (
        select(FollowUp)
        .join(FollowUp.item)
        .join(Item.meeting)
        .options(joinedload(FollowUp.item).joinedload(Item.meeting).joinedload(Meeting.committee))
    )


def item_follow_ups(session: Session, item_id: int) -> list[FollowUpRow]:
    query = _query().where(FollowUp.item_id == item_id).order_by(FollowUp.position)
    return [row_of(f) for f in session.scalars(query)]


def find_follow_ups(
    session: Session, responsible: str | None = None, committee_id: int | None = None,
    include_answered: bool = False,
) -> list[FollowUpRow]:
    """Questions and orders across meetings: open ones unless `include_answered`, for one
    responsible person (part of the name, any case) and one committee if given; those due
    first come first, those without a due date last, then by meeting."""
    query = _query()
    if not include_answered:
        query = query.where(FollowUp.status == "open")
    if committee_id is not None:
        query = query.where(Meeting.committee_id == committee_id)
    rows = [row_of(f) for f in session.scalars(query)]
    if responsible and responsible.strip():
        # In Python: SQLite's LIKE folds only ASCII, and "Økonomichefen" must match "økonomi".
        wanted = responsible.strip().casefold()
        rows = [r for r in rows if wanted in (r.responsible or "").casefold()]
    rows.sort(key=lambda r: (r.status != "open", r.due is None, r.due or dt.date.max,
                             r.meeting_date, r.item_number, r.id))
    return rows


def responsible_names(session: Session, committee_id: int | None = None) -> list[str]:
    """Everyone who has been asked to answer, for the filter's list."""
    query = select(FollowUp.responsible).join(FollowUp.item).join(Item.meeting).distinct()
    query = query.where(FollowUp.responsible.is_not(None))
    if committee_id is not None:
        query = query.where(Meeting.committee_id == committee_id)
    return sorted({name for name in session.scalars(query) if name}, key=str.lower)
