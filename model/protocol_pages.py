"""The stored layout of printed protocol pages: kept at printing, looked up when scanning."""

from __future__ import annotations

from sqlalchemy.orm import Session

from model.entities import ProtocolPage
from model.sealing.guard import now_iso


def remember(session: Session, pages: list[dict], width: float, height: float) -> None:
    """Keep the pages' layouts (dicts of digest, meeting, item, page, boxes); a page printed
    before with the same layout keeps its row."""
    for page in pages:
        if session.get(ProtocolPage, page["digest"]) is None:
            session.add(ProtocolPage(page_width=width, page_height=height, printed_at=now_iso(),
                                     **page))


def find(session: Session, digest: str) -> ProtocolPage | None:
    return session.get(ProtocolPage, digest)
