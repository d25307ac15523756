"""Small builders for the tests of the model's operations."""

from __future__ import annotations

from model import agenda, committees, meeting_setup


def committee(session, numbering="running", **kw):
    made = committees.create_committee(
        session, kw.pop("name", "Økonomiudvalget"), kw.pop("short_name", "ØU"),
        numbering=numbering, **kw,
    )
    for name, party in [("Anna Berg", "V"), ("Bo Dahl", "A"), ("Carl Eng", None)]:
        committees.add_member(session, made.id, name, party)
    return made


def meeting(session, committee_id, date, titles=()):
    made = meeting_setup.create_meeting(session, committee_id, date, "17:00", "Rådhuset")
    for title in titles:
        agenda.add_item(session, made.id, title)
    return made


def numbers(meeting):
    return [(item.number, item.title) for item in meeting.items]
