"""Readings of a scanned protocol kept as proposals: the decision entry shows them beside
the fields and the secretary confirms each item; nothing here is ever a decision."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from model import roster
from model.entities import Item, Meeting, ScanProposal
from model.sealing.guard import now_iso


@dataclass
class Reading:
    """One page's reading, as scanning/ hands it over."""

    item: str | None  # the item's ext_id; None for the front page (attendance)
    ticked: list[str]
    absent: list[str]  # member ext_ids
    written: bool
    decision_image: bytes
    questions_image: bytes
    source: str
    votes_image: bytes = b""


def store(session: Session, meeting: Meeting, readings: list[Reading]) -> tuple[int, bool]:
    """Keep the readings as the meeting's proposals, each replacing the item's earlier one;
    an item's pages (the question form on a page of its own) are merged into one. Returns
    (items, whether the front page's attendance was among them). The seal guard refuses a signed
    meeting at the flush."""
    items = {item.ext_id: item for item in meeting.items}
    merged: dict[str | None, Reading] = {}
    for reading in readings:
        if reading.item is not None and reading.item not in items:
            continue  # printed before the item was removed from the meeting
        earlier = merged.get(reading.item)
        merged[reading.item] = reading if earlier is None else _merge(earlier, reading)
    for key, reading in merged.items():
        item = items.get(key) if key is not None else None
        old = _proposal(session, meeting, item)
        if old is not None:
            session.delete(old)
            session.flush()
        session.add(ScanProposal(
            meeting=meeting, item=item, ticked=reading.ticked, absent=reading.absent,
            written=reading.written, decision_image=reading.decision_image or None,
            questions_image=reading.questions_image or None,
            votes_image=reading.votes_image or None, source=reading.source,
            scanned_at=now_iso()))
    return len([key for key in merged if key is not None]), None in merged


def _merge(a: Reading, b: Reading) -> Reading:
    return Reading(a.item, a.ticked + [t for t in b.ticked if t not in a.ticked],
                   a.absent + [m for m in b.absent if m not in a.absent],
                   a.written or b.written, a.decision_image or b.decision_image,
                   a.questions_image or b.questions_image, f"{a.source}; {b.source}",
                   a.votes_image or b.votes_image)


def _proposal(session: Session, meeting: Meeting, item: Item | None) -> ScanProposal | None:
    query = select(ScanProposal).where(ScanProposal.meeting_id == meeting.id)
    query = query.where(ScanProposal.item_id.is_(None) if item is None
                        else ScanProposal.item_id == item.id)
    return session.scalars(query).first()


def proposals(session: Session, meeting: Meeting) -> dict[int | None, ScanProposal]:
    """The meeting's proposals by item id (None: the front page's attendance)."""
    rows = session.scalars(select(ScanProposal).where(ScanProposal.meeting_id == meeting.id))
    return {row.item_id: row for row in rows}


@dataclass
class ScanView:
    """An item's scanned reading as the decision entry shows it beside the fields."""

    phrase: str | None  # the standard decision ticked, as the committee words it
    question: str  # to the secretary when the paper is unclear (two decisions ticked)
    absent: list[int]  # members ticked as not present (the item's and the front page's)
    written: bool
    decision_image: bytes | None
    questions_image: bytes | None
    source: str
    votes_image: bytes | None = None


def scan_view(session: Session, item: Item, phrases: list[str]) -> ScanView | None:
    """The item's proposal with its phrase matched to the committee's `phrases` (printed
    without their full stop) and its members found; None when there is none."""
    found = proposals(session, item.meeting)
    row = found.get(item.id)
    if row is None:
        return None
    front = found.get(None)
    by_ext = {m.ext_id: m.id for m in item.meeting.committee.members}
    # A seat ticked away on the front page whose stand-in came is not away: the seat's
    # person is the stand-in (model/roster.py), who may be ticked on the item's page.
    filled = {p.seat.ext_id for p in roster.people(item.meeting) if p.stand_in}
    away = [key for key in (front.absent if front else []) if key not in filled]
    absent = [by_ext[key] for key in row.absent + away if key in by_ext]
    phrase, question = None, ""
    if len(row.ticked) > 1:
        question = (f"Flere afgørelser er afkrydset ({', '.join(row.ticked)}): spørg "
                    "formanden, hvilken der gælder.")
    elif row.ticked:
        printed = row.ticked[0]
        phrase = next((p for p in phrases if p.rstrip(".") == printed), printed)
    return ScanView(phrase, question, list(dict.fromkeys(absent)), row.written,
                    row.decision_image, row.questions_image, row.source, row.votes_image)
