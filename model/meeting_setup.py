"""Meetings: made from the committee's template, their details, attendance and status."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from model import sealing
from model.agenda import get_meeting, new_item, renumber
from model.checks import InputError, optional_text, parse_date, parse_time
from model.committees import get_committee
from model.entities import Attendance, Meeting, Member
from model.ids import new_ext_id

STATUSES = ("draft", "agenda_published", "held", "minutes_approved", "signed")
ATTENDANCE = ("present", "absent", "substituted")
SUPPLEANT = "suppleant"
MEETING_FIELDS = ("date", "start", "end", "location", "title", "guests", "notes")


def create_meeting(
    session: Session,
    committee_id: int,
    date: dt.date | str,
    start: dt.time | str | None = None,
    location: str | None = None,
    end: dt.time | str | None = None,
    title: str | None = None,
) -> Meeting:
    """A draft meeting with the committee's standard items and every member present."""
    committee = get_committee(session, committee_id)
    meeting = Meeting(
        ext_id=new_ext_id("moede"),
        committee=committee,
        date=parse_date("date", date),
        start=parse_time("start", start),
        end=parse_time("end", end),
        location=optional_text(location),
        title=optional_text(title),
        status="draft",
        guests=[],
    )
    session.add(meeting)
    # Suppleants come only when they stand in for a member (model/roster.py).
    meeting.attendance = [Attendance(member=m, status="present") for m in committee.members
                          if m.role != SUPPLEANT]
    first = [s for s in committee.standard_items if s.get("place") == "first"]
    last = [s for s in committee.standard_items if s.get("place") != "first"]
    meeting.items = [new_item(s["title"], []) for s in first + last]
    session.flush()
    renumber(session, meeting)
    return meeting


def _clean(field: str, value: Any) -> Any:
    if field == "date":
        return parse_date(field, value)
    if field in ("start", "end"):
        return parse_time(field, value)
    if field in ("location", "title", "notes"):
        return optional_text(value)
    if field == "guests":
        return [g.strip() for g in value if g.strip()]
    return value


def update_meeting(session: Session, meeting_id: int, **fields: Any) -> dict[str, Any]:
    """Change the meeting's details; returns the old values. A new date renumbers drafts."""
    meeting = get_meeting(session, meeting_id)
    values = {}
    for field, value in fields.items():
        if field not in MEETING_FIELDS:
            raise ValueError(f"not a meeting field: {field}")
        values[field] = _clean(field, value)
    start = values.get("start", meeting.start)
    end = values.get("end", meeting.end)
    if start and end and end < start:
        raise InputError("end", "Mødet kan ikke slutte, før det begynder.")
    old = {field: getattr(meeting, field) for field in values}
    for field, value in values.items():
        setattr(meeting, field, value)
    session.flush()
    if "date" in values and values["date"] != old["date"]:
        renumber(session, meeting)
    return old


@dataclass
class AttendanceRow:
    member_id: int
    status: str = "present"
    substitute: str | None = None
    substitute_member_id: int | None = None
    note: str | None = None


def attendance_rows(session: Session, meeting_id: int) -> list[AttendanceRow]:
    """One row per member of the committee, in the committee's order (present if not set);
    suppleants have none of their own: they come as the stand-in of a member's row."""
    meeting = get_meeting(session, meeting_id)
    known = {row.member_id: row for row in meeting.attendance}
    rows = []
    for member in meeting.committee.members:
        if member.role == SUPPLEANT:
            continue
        row = known.get(member.id)
        if row is None:
            rows.append(AttendanceRow(member.id))
        else:
            rows.append(
                AttendanceRow(
                    member.id, row.status, row.substitute, row.substitute_member_id, row.note
                )
            )
    return rows


def set_attendance(session: Session, meeting_id: int, rows: list[AttendanceRow]) -> list[int]:
    """Replace the meeting's attendance with these rows, in their order.

    A stand-in is a suppleant of the committee: chosen by id, or typed as a name,
    which adds them as a suppleant in the same step (returned: the ids added), so that
    they have a row to vote and be marked absent in. A name the row already held (a
    file from elsewhere) stays a name: its votes are marked on the seat (model/roster.py).
    """
    meeting = get_meeting(session, meeting_id)
    existing = {row.member_id: row for row in meeting.attendance}
    new_rows, added, standing = [], [], {}
    for wanted in rows:
        if wanted.status not in ATTENDANCE:
            raise InputError("attendance", f"Ukendt fremmøde: {wanted.status}")
        member = session.get(Member, wanted.member_id)
        if member is None:
            raise InputError("attendance", "Et medlem findes ikke længere.")
        row = existing.pop(wanted.member_id, None) or Attendance(member_id=wanted.member_id)
        substitute, substitute_id = None, None
        if wanted.status == "substituted":
            substitute, substitute_id = _stand_in(session, meeting, member, wanted, row, added)
            if substitute_id is not None:
                if substitute_id in standing:
                    raise InputError("attendance", f"{standing[substitute_id]} kan kun være "
                                     "stedfortræder for ét medlem.")
                standing[substitute_id] = session.get(Member, substitute_id).display_name
        row.status = wanted.status
        row.substitute, row.substitute_member_id = substitute, substitute_id
        row.note = optional_text(wanted.note)
        new_rows.append(row)
    meeting.attendance = new_rows
    meeting.attendance.reorder()
    session.flush()
    return added


def _stand_in(session: Session, meeting: Meeting, seat: Member, wanted: AttendanceRow,
              row: Attendance, added: list[int]) -> tuple[str | None, int | None]:
    """(name, member id) of the row's stand-in; a newly typed name becomes a suppleant."""
    if wanted.substitute_member_id is not None:
        chosen = session.get(Member, wanted.substitute_member_id)
        if chosen is None or chosen.committee_id != meeting.committee_id or \
                chosen.role != SUPPLEANT:
            raise InputError("attendance", f"Stedfortræderen for {seat.display_name} skal "
                             "være suppleant i udvalget.")
        return None, chosen.id
    typed = optional_text(wanted.substitute)
    if typed is None:
        raise InputError("attendance", f"Vælg eller skriv stedfortræderen for "
                         f"{seat.display_name}.")
    if row.substitute_member_id is None and typed == row.substitute:
        return typed, None  # kept as it came: a name only
    return None, _suppleant(session, meeting, seat, typed, added).id


def _suppleant(session: Session, meeting: Meeting, seat: Member, typed: str,
               added: list[int]) -> Member:
    """The committee's suppleant of this name, or a new one (of the seat's party unless
    the name says otherwise: 'Karen Vinter (O)')."""
    from model import committees
    from model.roster import split_name

    name, party = split_name(typed, seat.party)
    for member in meeting.committee.members:
        if member.role == SUPPLEANT and (member.name.casefold(), member.party) == (
                name.casefold(), party):
            return member
    member = committees.add_member(session, meeting.committee_id, name, party,
                                   role=SUPPLEANT, signs=False)
    added.append(member.id)
    return member


def next_status(status: str) -> str | None:
    index = STATUSES.index(status)
    return STATUSES[index + 1] if index + 1 < len(STATUSES) else None


KEEP = object()  # an end time not given: the meeting's stays as it is


def advance_status(session: Session, meeting_id: int, end: Any = KEEP) -> tuple[str, str]:
    """Move the meeting one step on (kladde → dagsorden udsendt → ...); returns (old, new).
    Marked held, it takes the time the meeting ended (`end`: a time, "HH:MM", or empty).
    The meeting is locked first, so a write of the same moment is in the seal or waits."""
    sealing.lock_meeting(session, meeting_id)
    meeting = get_meeting(session, meeting_id)
    session.refresh(meeting)
    new = next_status(meeting.status)
    if new is None:
        raise InputError("status", "Mødet er underskrevet; der er intet trin efter.")
    old = meeting.status
    if new == "held" and end is not KEEP:
        update_meeting(session, meeting_id, end=end)
    if old == "draft":
        renumber(session, meeting)  # the numbers people will read are the ones frozen now
    meeting.status = new
    session.flush()
    return old, new


def set_status(session: Session, meeting_id: int, status: str, end: Any = KEEP) -> str:
    """Set the status directly (undo of a step, with the end time it had); returns the old."""
    if status not in STATUSES:
        raise InputError("status", f"Ukendt status: {status}")
    if end is not KEEP:
        update_meeting(session, meeting_id, end=end)
    meeting = get_meeting(session, meeting_id)
    old, meeting.status = meeting.status, status
    session.flush()
    return old


def proposed_end(meeting: Meeting, now: dt.datetime) -> dt.time | None:
    """The end time to offer when the meeting is marked held: the planned end, or on the
    day itself the time now to the nearest five minutes; else none."""
    if meeting.end is not None:
        return meeting.end
    if meeting.date != now.date():
        return None
    minutes = min(round((now.hour * 60 + now.minute) / 5) * 5, 23 * 60 + 55)
    end = dt.time(minutes // 60, minutes % 60)
    return end if meeting.start is None or end >= meeting.start else None


def proposed_location(session: Session, committee_id: int) -> str | None:
    """Where the committee met last: most committees always meet in the same room."""
    from sqlalchemy import select

    return session.scalar(
        select(Meeting.location)
        .where(Meeting.committee_id == committee_id, Meeting.location.is_not(None))
        .order_by(Meeting.date.desc(), Meeting.id.desc())
        .limit(1)
    )
