"""Finding meetings and describing them the way the minutes do."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from model.entities import Attendance, Committee, Decision, Item, Meeting

STATUS_NAMES = {
    "draft": "kladde",
    "agenda_published": "dagsorden udsendt",
    "held": "afholdt",
    "minutes_approved": "referat godkendt",
    "signed": "underskrevet",
}


def list_meetings(session: Session) -> list[Meeting]:
    """Every meeting with its committee, newest first."""
    query = (
        select(Meeting)
        .options(joinedload(Meeting.committee))
        .order_by(Meeting.date.desc(), Meeting.start.desc(), Meeting.ext_id)
    )
    return list(session.scalars(query))


def display_title(meeting: Meeting, document: str = "Referat") -> str:
    """The meeting's title, or the one the minutes print: "Referat Chefforum d. 16-01-2020"."""
    if meeting.title:
        return meeting.title
    return f"{document} {meeting.committee.name} d. {meeting.date:%d-%m-%Y}"


def whole_meeting():
    """Loader options that fetch a meeting with everything its documents print,
    in a dozen queries instead of one per item and child."""
    item = selectinload(Meeting.items)
    decision = item.selectinload(Item.decision)
    return (
        joinedload(Meeting.committee).selectinload(Committee.members),
        selectinload(Meeting.attendance).options(
            joinedload(Attendance.member), joinedload(Attendance.substitute_member)
        ),
        item.joinedload(Item.case),
        item.selectinload(Item.sections),
        item.selectinload(Item.prior_decisions),
        item.selectinload(Item.attachments),
        item.selectinload(Item.follow_ups),
        decision.selectinload(Decision.member_marks),
        decision.selectinload(Decision.minority_notes),
        decision.selectinload(Decision.corrections),
    )


def load_meeting(session: Session, ext_id: str) -> Meeting | None:
    """The meeting with this id, with everything its documents print, or None.

    A signed meeting comes as its sealed record holds it (a detached copy), so its
    documents print the committee and cases as they were when it was signed."""
    from model.sealing.printed import as_signed

    sealed = select(Meeting.sealed_record.is_not(None)).where(
        Meeting.ext_id == ext_id, Meeting.status == "signed")
    options = signed_meeting() if session.scalar(sealed) else whole_meeting()
    meeting = session.scalar(select(Meeting).where(Meeting.ext_id == ext_id).options(*options))
    return as_signed(meeting) if meeting is not None else None


def signed_meeting():
    """Loader options for a sealed meeting, whose documents print its record: only what is
    taken from the archive beside it (`sealing.printed`). Loading the rest as well held
    some 40 MB more at 2000 items, beside the record and the copy made from it."""
    item = selectinload(Meeting.items)
    return (
        joinedload(Meeting.committee).selectinload(Committee.members),
        item.selectinload(Item.attachments),
        item.selectinload(Item.follow_ups),
        item.selectinload(Item.decision).selectinload(Decision.corrections),
    )
