"""A scanned protocol's absences and stand-ins: the front page's 'Fraværende' for a seat
whose stand-in came does not make the stand-in absent; a typed stand-in ticked on an
item's page is marked by the seat's id, as decisions mark him (model/roster.py)."""

from __future__ import annotations

from sqlalchemy import select

from model import scan_proposals
from model.entities import Item, Member
from model.meetings import load_meeting

MEETING = "oeu-2026-09-30"
SEAT = "oeu-4"  # Mikkel Ærenlund, Karen Vinter (O) typed as his stand-in
AWAY = "oeu-3"  # absent all meeting, nobody in the seat


def _reading(item, absent):
    return scan_proposals.Reading(item, [], absent, False, b"", b"", "scan.pdf")


def _view(archive, front_absent, item_absent):
    with archive.transaction() as session:
        meeting = load_meeting(session, MEETING)
        scan_proposals.store(session, meeting, [_reading(None, front_absent),
                                                _reading(f"{MEETING}-301", item_absent)])
    with archive.sessions() as session:
        meeting = load_meeting(session, MEETING)
        item = session.scalar(select(Item).where(Item.ext_id == f"{MEETING}-301"))
        view = scan_proposals.scan_view(session, item, [])
        ids = {m.id: m.ext_id for m in session.scalars(select(Member))}
        return [ids[m] for m in view.absent]


def test_the_front_pages_absence_of_a_filled_seat_is_not_the_stand_ins(
        unsigned_examples_archive):
    assert _view(unsigned_examples_archive, [SEAT, AWAY], []) == [AWAY]


def test_a_typed_stand_in_ticked_on_an_items_page_is_the_seat(unsigned_examples_archive):
    assert _view(unsigned_examples_archive, [], [SEAT]) == [SEAT]
