"""A scan read page by page into what the `scan` verb prints and `--apply` stores."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from exporters.protocol import QUESTIONS_KEY
from model.protocol_pages import find
from scanning import locate, measure
from scanning.sources import SourcePage, pages

# The keys of exporters/protocol.py's boxes: a decision to tick, a member ticked as away
# (Fraværende on the front page, not present under an item), the ruled decision box.
DECISION_KEY = "decision:"
ABSENT_KEY = "absent:"
WRITTEN_KEY = "decision"
VOTES_KEY = "votes"


@dataclass
class ReadPage:
    source: str
    page: int
    meeting: str
    item: str | None
    ticked: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    written: bool = False
    decision_image: bytes = b""  # the ruled box as scanned, PNG
    questions_image: bytes = b""  # the question form as scanned, PNG
    votes_image: bytes = b""  # the vote form as scanned, PNG (items where a vote may be taken)

    def as_json(self) -> dict:
        return {"source": self.source, "page": self.page, "meeting": self.meeting,
                "item": self.item, "ticked": self.ticked, "absent": self.absent,
                "written": self.written}


@dataclass
class Unread:
    source: str
    page: int
    why: str

    def as_json(self) -> dict:
        return {"source": self.source, "page": self.page, "why": self.why}


@dataclass
class ScanResult:
    pages: list[ReadPage] = field(default_factory=list)
    unread: list[Unread] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"pages": [p.as_json() for p in self.pages],
                "unread": [u.as_json() for u in self.unread]}


def read_files(session: Session, files: list[Path]) -> ScanResult:
    """Every page of `files`, read against the protocol pages stored when they were printed."""
    result = ScanResult()
    for path in files:
        for source in pages(Path(path)):
            outcome = read_page(session, source)
            (result.pages if isinstance(outcome, ReadPage) else result.unread).append(outcome)
    return result


def read_page(session: Session, source: SourcePage) -> ReadPage | Unread:
    if source.image is None:
        return Unread(source.source, source.page, source.why)
    found = locate.find_code(source.image)
    if found is None:
        return Unread(source.source, source.page,
                      "Ingen QR-kode fundet: siden er ikke en side af en protokol fra Referent, "
                      "eller den er for utydelig.")
    if found.identity is None:
        return Unread(source.source, source.page,
                      "QR-koden er ikke fra en protokol fra Referent.")
    stored = find(session, found.identity.digest)
    if stored is None or stored.meeting != found.identity.meeting:
        return Unread(source.source, source.page,
                      f'Siden hører til mødet "{found.identity.meeting}", men den er ikke '
                      "udskrevet fra dette arkiv.")
    size = (stored.page_width, stored.page_height)
    transform = locate.page_transform(source.image, found, size)
    if transform is None:
        return Unread(source.source, source.page,
                      "Hjørnemærkerne kan ikke findes: er hele siden med på scanningen?")
    page = locate.straighten(source.image, transform, size)
    return _read(source, stored, page)


def _read(source: SourcePage, stored, page) -> ReadPage:
    ink = measure.ink_mask(page)
    height = stored.page_height
    read = ReadPage(source.source, source.page, stored.meeting, stored.item or None)
    for box in stored.boxes:
        key = box[0]
        if key == WRITTEN_KEY:
            read.written = measure.written(ink, box, height)
            read.decision_image = measure.crop(page, box, height)
        elif key == QUESTIONS_KEY:
            read.questions_image = measure.crop(page, box, height)
        elif key == VOTES_KEY:
            read.votes_image = measure.crop(page, box, height)
        elif key.startswith(DECISION_KEY) and measure.ticked(ink, box, height):
            read.ticked.append(key[len(DECISION_KEY):])
        elif key.startswith(ABSENT_KEY) and measure.ticked(ink, box, height):
            read.absent.append(key[len(ABSENT_KEY):])
    return read
