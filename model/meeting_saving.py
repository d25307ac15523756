"""Saving the meeting dialog against the details and attendance it showed.

The dialog writes all of its fields and the attendance at once, so a change
someone else made after it was opened would be overwritten by what the dialog
still shows: such a save is refused (MeetingConflict) with both versions.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy.orm import Session

from model import meeting_setup
from model.agenda import get_meeting
from model.entities import Member
from model.errors import EditConflict, ReferentError
from model.meeting_setup import AttendanceRow

Details = tuple[dict[str, Any], list[AttendanceRow]]
LABELS = {"date": "Dato", "start": "Starter kl.", "end": "Slutter kl.", "location": "Sted",
          "title": "Titel", "guests": "Gæster", "notes": "Noter"}
STATUS_WORDS = {"absent": "fraværende", "substituted": "stedfortræder"}


class MeetingConflict(EditConflict):
    """`mine`/`theirs` as text for the dialog; `*_state` as Details."""

    def __init__(self, mine: str, theirs: str, mine_state: Details, theirs_state: Details,
                 version: int):
        super().__init__("Mødets oplysninger eller fremmøde", mine, theirs, version, version)
        self.mine_state = mine_state
        self.theirs_state = theirs_state


def details(session: Session, meeting_id: int) -> Details:
    """The meeting's details and attendance as the dialog shows and changes them."""
    meeting = get_meeting(session, meeting_id)
    fields = {}
    for field in meeting_setup.MEETING_FIELDS:
        value = getattr(meeting, field)
        fields[field] = list(value or []) if field == "guests" else value
    return fields, meeting_setup.attendance_rows(session, meeting_id)


@dataclass
class MeetingStep:
    """One save of the meeting dialog, as undo and redo need it."""

    before: Details
    after: Details
    # the suppleants it added to the committee: id -> name
    added: dict[int, str] = dataclasses.field(default_factory=dict)


def save_meeting(session: Session, meeting_id: int, values: dict[str, Any],
                 attendance: list[AttendanceRow], shown: Details | None
                 ) -> tuple[Details, Details]:
    """Store the dialog's values; returns the details before and after (for undo).

    With `shown` (what the dialog showed), a meeting changed since by someone else
    is refused, unless the archive already holds exactly what this save makes.
    The refusal is raised inside the transaction, so nothing of it is kept.
    """
    step = save_step(session, meeting_id, values, attendance, shown)
    return step.before, step.after


def save_step(session: Session, meeting_id: int, values: dict[str, Any],
              attendance: list[AttendanceRow], shown: Details | None) -> MeetingStep:
    """`save_meeting`, also telling which suppleants a typed stand-in added."""
    before = details(session, meeting_id)
    meeting_setup.update_meeting(session, meeting_id, **values)
    added = meeting_setup.set_attendance(session, meeting_id, attendance)
    after = details(session, meeting_id)
    if shown is not None and before != shown and after != before:
        version = get_meeting(session, meeting_id).version
        raise MeetingConflict(describe(session, after), describe(session, before), after,
                              before, version)
    names = {m: session.get(Member, m).display_name for m in added}
    return MeetingStep(before, after, names)


def undo_step(session: Session, meeting_id: int, step: MeetingStep) -> None:
    """Back to what the meeting was before `step` (refused if changed since); the
    suppleants it added leave the committee again, unless they are in use by now."""
    from model import committees

    save_meeting(session, meeting_id, *step.before, step.after)
    for member_id in step.added:
        with contextlib.suppress(ReferentError):  # refused before it changes anything
            committees.remove_member(session, member_id)


def redo_step(session: Session, meeting_id: int, step: MeetingStep) -> MeetingStep:
    """`step` again; a suppleant it added is added anew (a new id): the new step."""
    fields, rows = step.after
    again = [replace(row, substitute=step.added[row.substitute_member_id],
                     substitute_member_id=None)
             if row.substitute_member_id in step.added else row for row in rows]
    return save_step(session, meeting_id, fields, again, step.before)


def _shown(value: Any) -> str:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return f"{value:%d-%m-%Y}"
    if isinstance(value, dt.time):
        return f"{value:%H:%M}"
    if isinstance(value, list):
        return ", ".join(value)
    return "" if value is None else str(value)


def describe(session: Session, state: Details) -> str:
    """The details as lines of text, and who was not simply present."""
    fields, attendance = state
    lines = [f"{LABELS[f]}: {_shown(fields[f])}" for f in meeting_setup.MEETING_FIELDS]
    away = []
    for row in attendance:
        if row.status in STATUS_WORDS:
            member = session.get(Member, row.member_id)
            words = STATUS_WORDS[row.status]
            stand_in = session.get(Member, row.substitute_member_id) if (
                row.substitute_member_id) else None
            if stand_in is not None or row.substitute:
                words += f" {stand_in.display_name if stand_in else row.substitute}"
            away.append(f"{member.display_name if member else '?'} {words}")
    lines.append("Fremmøde: " + ("; ".join(away) if away else "alle til stede"))
    return "\n".join(lines)
