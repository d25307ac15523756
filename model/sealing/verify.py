"""Checking signed meetings against their seals, and saying in Danish what differs."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.entities import Meeting
from model.meetings import whole_meeting
from model.sealing import record as records

MEETING_FIELDS = {
    "committee": "udvalget", "date": "datoen", "start": "starttidspunktet",
    "end": "sluttidspunktet", "location": "stedet", "title": "titlen", "status": "status",
    "guests": "de øvrige deltagere", "notes": "bemærkningerne",
    "attendance": "fremmødet", "extra": "de ekstra oplysninger",
}
ITEM_FIELDS = {
    "number": "nummeret", "title": "titlen", "closed": "lukket/åben",
    "public_title": "den offentlige titel", "part": "delen", "case": "sagen",
    "journal_number": "journalnummeret", "time_slot": "tidspunktet",
    "presenters": "oplægsholderne", "prior_decisions": "de tidligere beslutninger",
    "decision": "beslutningen", "attachments": "bilagene", "follow_ups": "opfølgningen",
    "extra": "de ekstra oplysninger",
}
AFTER = "efter underskrivelsen"


def _item_label(item: dict[str, Any]) -> str:
    return f'punkt {item["number"]} "{item["title"]}"'


def _item_differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    found = []
    old_sections, new_sections = old["sections"], new["sections"]
    for n, section in enumerate(old_sections):
        other = new_sections[n] if n < len(new_sections) else None
        if other != section:
            found.append(f'afsnittet "{section["heading"]}" er ændret')
    if len(new_sections) > len(old_sections):
        found.append("der er tilføjet afsnit")
    for key, label in ITEM_FIELDS.items():
        if old.get(key) != new.get(key):
            found.append(f"{label} er ændret")
    return [f"{_item_label(old)}: {text} {AFTER}" for text in found]


def differences(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    """What differs between two sealed parts of a meeting, the sealed one first."""
    found = [f"{label} er ændret {AFTER}" for key, label in MEETING_FIELDS.items()
             if old.get(key) != new.get(key)]
    new_items = {item["id"]: item for item in new["items"]}
    old_ids = [item["id"] for item in old["items"]]
    for item in old["items"]:
        if item["id"] not in new_items:
            found.append(f"{_item_label(item)} er fjernet {AFTER}")
        else:
            found += _item_differences(item, new_items[item["id"]])
    for item in new["items"]:
        if item["id"] not in old_ids:
            found.append(f"{_item_label(item)} er tilføjet {AFTER}")
    if not found and old_ids != [item["id"] for item in new["items"]]:
        found.append(f"punkternes rækkefølge er ændret {AFTER}")
    if not found and old != new:
        found.append(f"indholdet er ændret {AFTER}")
    return found


def check_meeting(meeting: Meeting) -> str | None:
    """None when the signed meeting matches its seal, else one line saying what differs."""
    if meeting.status != "signed":
        return None
    if not meeting.sealed_record:
        return f"{meeting.ext_id}: mødet er underskrevet, men har intet segl"
    stored = records.loads(meeting.sealed_record)
    if records.sha256(stored["meeting"]) != meeting.sealed_sha256:
        return (f"{meeting.ext_id}: det gemte referat passer ikke med seglets SHA-256 "
                "(ændret efter underskrivelsen)")
    live = records.record_of(meeting)["meeting"]
    found = differences(stored["meeting"], live)
    if found:
        return f"{meeting.ext_id}: " + "; ".join(found)
    return None


def verify(session: Session, ext_ids: list[str] | None = None) -> list[str]:
    """One line per signed meeting that does not match its seal (all signed meetings,
    or those named); a named meeting that does not exist raises NotFoundError."""
    query = select(Meeting).options(*whole_meeting()).order_by(Meeting.date, Meeting.ext_id)
    if ext_ids:
        from model.interchange.writer import find_meetings

        meetings = find_meetings(session, ext_ids)
    else:
        meetings = list(session.scalars(query.where(Meeting.status == "signed")))
    return [line for line in map(check_meeting, meetings) if line]


def failing_meetings(session: Session, batch: int = 100) -> dict[int, str]:
    """The signed meetings that fail their seal, by id: for the window's banner.
    Read a batch at a time, so a large archive is never all in memory."""
    ids = list(session.scalars(select(Meeting.id).where(Meeting.status == "signed")))
    found = {}
    for start in range(0, len(ids), batch):
        query = select(Meeting).where(Meeting.id.in_(ids[start:start + batch]))
        for meeting in session.scalars(query.options(*whole_meeting())):
            line = check_meeting(meeting)
            if line:
                found[meeting.id] = line
        session.expunge_all()
    return found
