"""The history of a meeting after its agenda was sent out: who changed what, when,
before and after. Written at every flush by the same event as the guard, so every
write is in it; the table is append-only (triggers of migration 0007)."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import MANYTOONE, Session

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
        if attr.key in state.unloaded:
            if state.has_identity:
                continue  # deferred bilag bytes not read: not shown
            found[attr.key] = None  # a new row: not given, set at the flush
            continue
        found[attr.key] = _value(getattr(obj, attr.key))
    for relation in state.mapper.relationships:  # a new row's links are set at the flush
        if relation.direction is not MANYTOONE or state.has_identity:
            continue
        linked = getattr(obj, relation.key)
        for local, remote in relation.local_remote_pairs:
            if linked is not None and found.get(local.key, 0) is None:
                found[local.key] = getattr(linked, remote.key)
    return found


def _old_columns(obj: Any, keys: set[str]) -> dict[str, Any]:
    state = inspect(obj)
    old = {}
    for key in keys:
        history = state.attrs[key].history
        old[key] = _value(history.deleted[0] if history.deleted else getattr(obj, key))
    return old


def _owner(session: Session, obj: Any) -> Any:
    """The row's parent (its item, decision or meeting), also after it was taken out."""
    parent = guard.PARENTS.get(type(obj))
    if parent is None:
        return None
    relation, column, parent_class = parent
    owner = getattr(obj, relation)
    if owner is None and getattr(obj, column) is not None:
        owner = session.get(parent_class, getattr(obj, column))
    return owner


def _item_of(session: Session, obj: Any) -> Any:
    owner = obj
    while owner is not None and not isinstance(owner, Item | Meeting):
        owner = _owner(session, owner)
    return owner


def _label(session: Session, obj: Any) -> str:
    if isinstance(obj, Item):
        return f' {obj.number} "{obj.title}"'
    item = _item_of(session, _owner(session, obj))
    place = f' på punkt {item.number} "{item.title}"' if isinstance(item, Item) else ""
    if isinstance(obj, Section):
        place = f' "{obj.heading}"' + place
    elif isinstance(obj, Attachment):
        place = f' "{obj.title}"' + place
    return place


def _dumps(values: dict[str, Any] | None) -> str | None:
    return json.dumps(values, ensure_ascii=False, sort_keys=True) if values else None


def _content_key(session: Session, obj: Any, values: dict[str, Any]) -> tuple:
    """What a row says, apart from its place in the list: a row deleted and one added
    with the same (an import writes a meeting's rows anew) is no change."""
    parent = guard.PARENTS.get(type(obj))
    values = dict(values)
    for key in ("position", parent[1] if parent else ""):
        values.pop(key, None)
    item = _item_of(session, _owner(session, obj))
    return type(obj).__name__, type(item).__name__, getattr(item, "id", None), _dumps(values)


def _is_orphan(obj: Any) -> bool:
    parent = guard.PARENTS.get(type(obj))
    return bool(parent) and getattr(obj, parent[0]) is None


def _with_cascaded(changes: list) -> list:
    """The changes, and the rows a deleted row takes with it (a decision its marks)."""
    seen = {id(obj) for obj, _change, _ids in changes}
    result = list(changes)
    for obj, change, meeting_ids in changes:
        if change == "deleted" or (change == "dirty" and _is_orphan(obj)):
            for child in _children(obj):
                if id(child) not in seen:
                    seen.add(id(child))
                    result.append((child, "deleted", meeting_ids))
    return result


def _children(obj: Any) -> list:
    from model.snapshots import CHILDREN

    found = []
    for key in CHILDREN.get(type(obj).__name__, ()):
        value = getattr(obj, key)
        for child in value if isinstance(value, list) else [value] if value else []:
            found += [child, *_children(child)]
    return found


PENDING = "referent_history"  # session.info key: this transaction's changes, not yet written


def record(session: Session, changes: list, stored: dict[int, tuple[str, bool]]) -> None:
    """Note every change to a meeting whose agenda has been sent out; written at commit."""
    at, user = guard.now_iso(), user_name()
    pending = session.info.setdefault(PENDING, [])
    for obj, change, meeting_ids in _with_cascaded(changes):
        recorded = [m for m in meeting_ids if stored.get(m, (None, False))[0] in RECORDED]
        if type(obj) not in KINDS or not recorded:
            continue
        if change == "dirty" and _is_orphan(obj):
            change = "deleted"  # taken out of its list: deleted by this flush
        before = after = key = None
        if change == "dirty":
            keys = {k for k in guard.changed_keys(obj)
                    if k in inspect(obj).mapper.column_attrs.keys() and k not in SKIPPED}
            if not keys:
                continue
            before, after = _old_columns(obj, keys), _columns(obj, keys)
        else:
            values = _columns(obj)
            before, after = (None, values) if change == "new" else (values, None)
            key = _content_key(session, obj, values)
        what = f"{KINDS[type(obj)]}{_label(session, obj)} {VERBS[change]}"[:2000]
        for meeting_id in recorded:
            pending.append((key, change, {
                "at": at, "os_user": user, "meeting_id": meeting_id, "what": what,
                "before": _dumps(before), "after": _dumps(after),
            }))


def write(session: Session) -> None:
    """At commit: store the transaction's changes, leaving out rows that were deleted
    and added again unchanged."""
    pending = session.info.pop(PENDING, [])
    deleted: dict[tuple, list[int]] = {}
    for n, (key, change, _row) in enumerate(pending):
        if change == "deleted":
            deleted.setdefault(key, []).append(n)
    cancelled = set()
    for n, (key, change, _row) in enumerate(pending):
        if change == "new" and deleted.get(key):
            cancelled |= {n, deleted[key].pop()}
    rows = [row for n, (_k, _c, row) in enumerate(pending) if n not in cancelled]
    if rows:
        session.execute(insert(ChangeRecord), rows)


def forget(session: Session, *_args: Any) -> None:
    session.info.pop(PENDING, None)


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
event.listen(Session, "before_commit", write)
event.listen(Session, "after_rollback", forget)
