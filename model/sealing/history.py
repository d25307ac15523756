"""The history of a meeting after its agenda was sent out: who changed what, when,
before and after. Written at every flush by the same event as the guard, so every
write is in it; the table is append-only (triggers of migration 0007)."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from model.entities import (
    Attachment,
    Attendance,
    ChangeRecord,
    Correction,
    Decision,
    DecisionMember,
    FollowUp,
    Item,
    Meeting,
    MinorityNote,
    PriorDecision,
    Section,
)
from model.sealing import guard

# From "dagsorden udsendt" on, what the members have seen is on record.
RECORDED = ("agenda_published", "held", "minutes_approved", "signed")
KINDS = {
    Meeting: "Mødet", Item: "Punkt", Section: "Afsnit", PriorDecision: "Tidligere beslutning",
    Decision: "Beslutning", DecisionMember: "Fravær eller stemme",
    MinorityNote: "Protokoltilførsel", Correction: "Rettelse", Attachment: "Bilag",
    FollowUp: "Spørgsmål eller bestilling", Attendance: "Fremmøde",
}
VERBS = {"new": "tilføjet", "dirty": "ændret", "deleted": "slettet"}
SKIPPED = {"id", "version", "sealed_record"}


def user_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no user name in the environment (a service)
        return "ukendt"


def _value(value: Any) -> Any:
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _columns(obj: Any, keys: set[str] | None = None) -> dict[str, Any]:
    state = inspect(obj)
    found = {}
    for attr in state.mapper.column_attrs:
        if attr.key in SKIPPED or (keys is not None and attr.key not in keys):
            continue
        if attr.key in state.unloaded:  # deferred bilag bytes not read: not shown
            continue
        found[attr.key] = _value(getattr(obj, attr.key))
    return found


def _old_columns(obj: Any, keys: set[str]) -> dict[str, Any]:
    state = inspect(obj)
    old = {}
    for key in keys:
        history = state.attrs[key].history
        old[key] = _value(history.deleted[0] if history.deleted else getattr(obj, key))
    return old


def _label(obj: Any) -> str:
    item = obj if isinstance(obj, Item) else None
    if isinstance(obj, Section | PriorDecision | Attachment | FollowUp | Decision):
        item = obj.item
    elif isinstance(obj, DecisionMember | MinorityNote | Correction) and obj.decision:
        item = obj.decision.item
    place = f' på punkt {item.number} "{item.title}"' if item is not None else ""
    if isinstance(obj, Item):
        place = f' {obj.number} "{obj.title}"'
    elif isinstance(obj, Section):
        place = f' "{obj.heading}"' + place
    elif isinstance(obj, Attachment):
        place = f' "{obj.title}"' + place
    return place


def _dumps(values: dict[str, Any] | None) -> str | None:
    return json.dumps(values, ensure_ascii=False, sort_keys=True) if values else None


def record(session: Session, changes: list, stored: dict[int, tuple[str, bool]]) -> None:
    """Add a history row for every change to a meeting whose agenda has been sent out."""
    at, user = guard.now_iso(), user_name()
    for obj, change, meeting_ids in changes:
        if type(obj) not in KINDS:
            continue
        for meeting_id in meeting_ids:
            if stored.get(meeting_id, (None, False))[0] not in RECORDED:
                continue
            parent = guard.PARENTS.get(type(obj))
            if change == "dirty" and parent and getattr(obj, parent[0]) is None:
                change = "deleted"  # an orphan, deleted by this flush
            before = after = None
            if change == "new":
                after = _columns(obj)
            elif change == "deleted":
                before = _columns(obj)
            else:
                keys = {k for k in guard.changed_keys(obj)
                        if k in inspect(obj).mapper.column_attrs.keys() and k not in SKIPPED}
                if not keys:
                    continue
                before, after = _old_columns(obj, keys), _columns(obj, keys)
            session.add(ChangeRecord(
                at=at, os_user=user, meeting_id=meeting_id,
                what=f"{KINDS[type(obj)]}{_label(obj)} {VERBS[change]}"[:2000],
                before=_dumps(before), after=_dumps(after),
            ))


@dataclass(frozen=True)
class HistoryRow:
    at: str
    user: str
    what: str
    before: str
    after: str


# How the history names the fields it shows (the others by their own name).
FIELD_NAMES = {
    "title": "Titel", "text": "Tekst", "heading": "Overskrift", "number": "Nummer",
    "closed": "Lukket", "location": "Sted", "date": "Dato", "start": "Start", "end": "Slut",
    "status": "Status", "notes": "Bemærkninger", "guests": "Øvrige deltagere",
    "position": "Plads", "public_title": "Offentlig titel", "public_text": "Offentlig tekst",
    "postponed": "Udsat", "answer": "Svar", "responsible": "Ansvarlig", "due": "Frist",
    "asked_by": "Stillet af", "filename": "Filnavn", "content": "Indhold", "kind": "Art",
    "journal_number": "Journalnummer", "substitute": "Stedfortræder", "note": "Note",
    "sealed_at": "Forseglet", "sealed_sha256": "Seglets SHA-256", "body": "Organ",
}


def _shown_value(key: str, value: Any) -> str:
    from model.meetings import STATUS_NAMES

    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if key == "status":
        return STATUS_NAMES.get(value, value)
    if isinstance(value, list):
        return ", ".join(map(str, value))
    return str(value)


def _shown(text: str | None) -> str:
    if not text:
        return ""
    values = json.loads(text)
    return "; ".join(f"{FIELD_NAMES.get(key, key)}: {_shown_value(key, value)}"
                     for key, value in values.items())


def meeting_history(session: Session, meeting_id: int) -> list[HistoryRow]:
    """The meeting's recorded changes, oldest first."""
    query = (select(ChangeRecord).where(ChangeRecord.meeting_id == meeting_id)
             .order_by(ChangeRecord.id))
    return [HistoryRow(r.at, r.os_user, r.what, _shown(r.before), _shown(r.after))
            for r in session.scalars(query)]


guard.on_checked_flush(record)
