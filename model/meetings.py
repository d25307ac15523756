"""Finding meetings and describing them the way the minutes do."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from model.entities import Meeting

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
