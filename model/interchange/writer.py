"""Writing meetings out as an interchange file.

Every field the format knows is written, with its default where the archive
holds nothing, so a file read back in gives the same records again; `extra`
is written only where one came in.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.entities import (
    Attachment,
    Attendance,
    Case,
    Committee,
    Decision,
    FollowUp,
    Item,
    Meeting,
    Member,
)
from model.errors import NotFoundError
from model.files import write_atomically
from model.meetings import whole_meeting

FORMAT = "referent-interchange"
VERSION = 1


def _date(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _time(value: dt.time | None) -> str | None:
    return value.strftime("%H:%M") if value else None


def _with_extra(record: dict[str, Any], extra: dict[str, Any] | None) -> dict[str, Any]:
    if extra is not None:
        record["extra"] = extra
    return record


def member_dict(member: Member) -> dict[str, Any]:
    record = {
        "id": member.ext_id,
        "name": member.name,
        "party": member.party,
        "role": member.role,
        "signs": member.signs,
    }
    return _with_extra(record, member.extra)


def committee_dict(committee: Committee) -> dict[str, Any]:
    record = {
        "id": committee.ext_id,
        "name": committee.name,
        "short_name": committee.short_name,
        "organisation": committee.organisation,
        "numbering": committee.numbering,
        "decision_placement": committee.decision_placement,
        "section_headings": list(committee.section_headings),
        "members": [member_dict(m) for m in committee.members],
    }
    if committee.style is not None:
        record["style"] = committee.style
    return _with_extra(record, committee.extra)


def case_dict(case: Case) -> dict[str, Any]:
    record = {"id": case.ext_id, "title": case.title, "journal_number": case.journal_number}
    return _with_extra(record, case.extra)


def attendance_dict(row: Attendance) -> dict[str, Any]:
    return {
        "member": row.member.ext_id,
        "status": row.status,
        "substitute": row.substitute,
        "substitute_member": row.substitute_member.ext_id if row.substitute_member else None,
        "note": row.note,
    }


def decision_dict(decision: Decision) -> dict[str, Any]:
    def ids(kind: str) -> list[str]:
        return [m.ext_id for m in decision.members_marked(kind)]

    votes = None
    if decision.votes_recorded:
        votes = {"for": ids("for"), "against": ids("against"), "abstain": ids("abstain")}
    record = {
        "text": decision.text,
        "absent": ids("absent"),
        "not_participating": ids("not_participating"),
        "votes": votes,
        "minority_notes": [
            {"member": note.member.ext_id, "text": note.text} for note in decision.minority_notes
        ],
        "postponed": decision.postponed,
        "public_text": decision.public_text,
        "corrections": [{"date": _date(c.date), "text": c.text} for c in decision.corrections],
    }
    return _with_extra(record, decision.extra)


def attachment_dict(attachment: Attachment) -> dict[str, Any]:
    content = attachment.content
    return {
        "title": attachment.title,
        "filename": attachment.filename,
        "closed": attachment.closed,
        "content_base64": base64.b64encode(content).decode("ascii")
        if content is not None
        else None,
    }


def follow_up_dict(follow_up: FollowUp) -> dict[str, Any]:
    return {
        "text": follow_up.text,
        "asked_by": follow_up.asked_by,
        "responsible": follow_up.responsible,
        "due": _date(follow_up.due),
        "status": follow_up.status,
        "answer": follow_up.answer,
    }


def item_dict(item: Item) -> dict[str, Any]:
    record = {
        "id": item.ext_id,
        "number": item.number,
        "title": item.title,
        "closed": item.closed,
        "public_title": item.public_title,
        "part": item.part,
        "case": item.case.ext_id if item.case else None,
        "journal_number": item.journal_number,
        "time_slot": item.time_slot,
        "presenters": item.presenters,
        "sections": [{"heading": s.heading, "text": s.text} for s in item.sections],
        "prior_decisions": [
            {"body": p.body, "date": _date(p.date), "item_number": p.item_number, "text": p.text}
            for p in item.prior_decisions
        ],
        "decision": decision_dict(item.decision) if item.decision else None,
        "attachments": [attachment_dict(a) for a in item.attachments],
        "follow_ups": [follow_up_dict(f) for f in item.follow_ups],
    }
    return _with_extra(record, item.extra)


def meeting_dict(meeting: Meeting) -> dict[str, Any]:
    record = {
        "id": meeting.ext_id,
        "committee": meeting.committee.ext_id,
        "date": _date(meeting.date),
        "start": _time(meeting.start),
        "end": _time(meeting.end),
        "location": meeting.location,
        "title": meeting.title,
        "status": meeting.status,
        "attendance": [attendance_dict(row) for row in meeting.attendance],
        "guests": list(meeting.guests),
        "notes": meeting.notes,
        "items": [item_dict(item) for item in meeting.items],
    }
    record["sealed"] = (
        {"at": meeting.sealed_at, "sha256": meeting.sealed_sha256}
        if meeting.sealed_sha256
        else None
    )
    return _with_extra(record, meeting.extra)


def build_document(meetings: list[Meeting]) -> dict[str, Any]:
    """The interchange document for these meetings, their committees and their cases."""
    committees = sorted(
        {m.committee.id: m.committee for m in meetings}.values(), key=lambda c: c.id
    )
    cases = sorted(
        {i.case.id: i.case for m in meetings for i in m.items if i.case}.values(),
        key=lambda c: c.id,
    )
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "committees": [committee_dict(c) for c in committees],
        "cases": [case_dict(c) for c in cases],
        "meetings": [meeting_dict(m) for m in meetings],
    }
    file_extras = [m.file_extra for m in meetings]
    if file_extras and file_extras[0] is not None and all(e == file_extras[0] for e in file_extras):
        document["extra"] = file_extras[0]
    return document


def find_meetings(session: Session, ext_ids: list[str]) -> list[Meeting]:
    """The meetings named by their ids, in the order given; raises for an unknown id."""
    query = select(Meeting).where(Meeting.ext_id.in_(ext_ids)).options(*whole_meeting())
    found = {m.ext_id: m for m in session.scalars(query)}
    missing = [ext_id for ext_id in ext_ids if ext_id not in found]
    if missing:
        raise NotFoundError(f'Mødet "{missing[0]}" findes ikke i arkivet.')
    return [found[ext_id] for ext_id in ext_ids]


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def export_file(session: Session, ext_ids: list[str], path: Path) -> dict[str, Any]:
    """Write the named meetings to `path`, whole or not at all; return the document."""
    document = build_document(find_meetings(session, ext_ids))
    write_atomically(Path(path), dumps(document).encode("utf-8"))
    return document
