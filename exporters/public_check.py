"""Before a public document goes out: where does its open text look like a CPR number?

The check reads the neutral document, so it sees exactly what the public
PDF and Word file will print, and nothing of the closed items they hide.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, is_dataclass

from exporters.blocks import Chapter, Document, ListEntry, Para, SectionHeading, SubHeading
from model.cpr import find_cpr_numbers, masked


@dataclass(frozen=True)
class CprWarning:
    place: str  # "192. Budgetforslag › Sagsfremstilling"
    excerpt: str  # the words around it, the number masked

    def __str__(self) -> str:
        return f"{self.place}: »{self.excerpt}«"


# Where a document-wide field is printed, as the warning names it.
_DOCUMENT_PLACES = {
    "organisation": "Organisationens navn",
    "committee": "Udvalgets navn",
    "title": "Titel",
    "header": "Sidehoved",
    "page_mark": "Sidehoved",
    "keywords": "Filens egenskaber",
    "kind": "Titel",
    "toc_title": "Indholdsfortegnelse",
}
_NOT_PRINTED = {"anchor"}  # bookmark names, never derived from text


def printed_text(doc: Document) -> Iterator[tuple[str, str]]:
    """(place, text) for every piece of text the document prints or carries.

    Walks every field, so that text added to the document later (a house
    style's header, a new block) is checked without being listed here.
    """
    for name, value in vars(doc).items():
        if name == "front" and value is not None:
            yield from _walk(value, "Forsiden")
        elif name == "chapters":
            for chapter in value:
                yield from _chapter(chapter)
        else:
            yield from _walk(value, _DOCUMENT_PLACES.get(name, "Dokumentet"))


def _chapter(chapter: Chapter) -> Iterator[tuple[str, str]]:
    place = chapter.heading
    for name, value in vars(chapter).items():
        if name == "blocks":
            for block in value:
                if isinstance(block, SectionHeading | SubHeading):
                    place = f"{chapter.heading} › {block.text}"
                yield from _walk(block, place)
        elif name not in _NOT_PRINTED:
            yield from _walk(value, chapter.heading)


def _walk(value, place: str) -> Iterator[tuple[str, str]]:
    """Every text in `value`; a paragraph's runs joined, as they print side by side."""
    if isinstance(value, str):
        yield place, value
    elif isinstance(value, Para | ListEntry):
        yield place, "".join(run.text for run in value.runs)
        yield from _walk(getattr(value, "label", ""), place)
    elif is_dataclass(value):
        for name, child in vars(value).items():
            if name not in _NOT_PRINTED:
                yield from _walk(child, place)
    elif isinstance(value, list | tuple):
        for child in value:
            yield from _walk(child, place)


def cpr_warnings(doc: Document) -> list[CprWarning]:
    """One warning per CPR-like number in what the document prints."""
    warnings: dict[CprWarning, None] = {}  # the committee's name prints in many places
    for place, text in printed_text(doc):
        for hit in find_cpr_numbers(text):
            before = text[max(0, hit.start - 30) : hit.start]
            after = text[hit.end : hit.end + 30]
            excerpt = " ".join(f"…{before}{masked(hit)}{after}…".split())
            warnings[CprWarning(place, excerpt)] = None
    return list(warnings)


def meeting_cpr_warnings(meeting, document: str = "referat") -> list[CprWarning]:
    """The warnings for the public `document` of `meeting`."""
    from exporters.document import build_document

    return cpr_warnings(build_document(meeting, document, public=True))


def cpr_warnings_for(session, meeting_ext_id: str, document: str) -> list[CprWarning]:
    """The warnings for a public document of the meeting named by its id (none if unknown)."""
    from model.meetings import load_meeting

    meeting = load_meeting(session, meeting_ext_id)
    return meeting_cpr_warnings(meeting, document) if meeting is not None else []


# -- closed items whose decision the public version cannot show ------------------------

MISSING_PUBLIC_TEXT = (
    "Punkt {number} (lukket) har ingen offentlig beslutningstekst; den offentlige udgave "
    "viser kun nummer og titel."
)


def missing_public_texts(meeting) -> list[str]:
    """One line per closed, decided item without a public decision text: the public referat
    then shows nothing of what was decided, which Ankestyrelsen expects it to, as far as
    tavshedspligt allows."""
    from model.decisions import is_decided, needs_decision

    return [
        MISSING_PUBLIC_TEXT.format(number=item.number)
        for item in meeting.items
        if item.closed and needs_decision(item) and is_decided(item)
        and not (item.decision.public_text or "").strip()
    ]


def missing_public_texts_for(session, meeting_ext_id: str, document: str) -> list[str]:
    """The lines for a public `document` of the meeting named by its id: only the referat
    prints decisions (none for an unknown meeting)."""
    from model.meetings import load_meeting

    if document != "referat":
        return []
    meeting = load_meeting(session, meeting_ext_id)
    return missing_public_texts(meeting) if meeting is not None else []
