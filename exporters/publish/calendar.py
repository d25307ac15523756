"""The meetings as iCalendar files: one per committee and one for all."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

ZONE = ZoneInfo("Europe/Copenhagen")


def meeting_start(meeting) -> dt.datetime | dt.date:
    """The meeting's start in Danish local time, or its date when no time is set."""
    if meeting.start is None:
        return meeting.date
    return dt.datetime.combine(meeting.date, meeting.start, tzinfo=ZONE)


def stamp(meeting) -> dt.datetime:
    """A time that stands for this version of the meeting and is the same on every
    publish (so an unchanged calendar keeps its bytes): its seal, else its start."""
    if meeting.sealed_at:
        try:
            return dt.datetime.fromisoformat(meeting.sealed_at).astimezone(dt.UTC)
        except ValueError:
            pass
    start = meeting_start(meeting)
    if isinstance(start, dt.datetime):
        return start.astimezone(dt.UTC)
    return dt.datetime.combine(start, dt.time(), tzinfo=ZONE).astimezone(dt.UTC)


def calendar_bytes(name: str, entries: list[tuple[object, str, str]], base_url: str = "") -> bytes:
    """A calendar named `name` of (meeting, title, page path) entries."""
    calendar = Calendar()
    calendar.add("prodid", "-//Referent//Mødekalender//DA")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Copenhagen")
    for meeting, title, page in entries:
        calendar.add_component(_event(meeting, title, page, base_url))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _event(meeting, title: str, page: str, base_url: str) -> Event:
    event = Event()
    event.add("uid", f"{meeting.ext_id}@referent")
    event.add("dtstamp", stamp(meeting))
    start = meeting_start(meeting)
    event.add("dtstart", start)
    if isinstance(start, dt.datetime) and meeting.end is not None and meeting.end > meeting.start:
        event.add("dtend", dt.datetime.combine(meeting.date, meeting.end, tzinfo=ZONE))
    event.add("summary", title)
    if meeting.location:
        event.add("location", meeting.location)
    if base_url:
        event.add("url", base_url.rstrip("/") + "/" + page)
    event.add("description", f"Dagsorden og referat: {page}")
    return event
