"""Before a public document goes out: where does its open text look like a CPR number?

The check reads the neutral document, so it sees exactly what the public
PDF and Word file will print, and nothing of the closed items they hide.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from exporters.blocks import Document, ListBlock, Para, SectionHeading, SubHeading
from model.cpr import find_cpr_numbers, masked


@dataclass(frozen=True)
class CprWarning:
    place: str  # "192. Budgetforslag › Sagsfremstilling"
    excerpt: str  # the words around it, the number masked

    def __str__(self) -> str:
        return f"{self.place}: »{self.excerpt}«"


def printed_text(doc: Document) -> Iterator[tuple[str, str]]:
    """(place, text) for every piece of text the document prints."""
    if doc.front is not None:
        yield "Forsiden", doc.title
        for label, values in doc.front.rows:
            for value in values:
                yield f"Forsiden › {label}", value
    for chapter in doc.chapters:
        yield chapter.heading, chapter.heading
        section = ""
        for block in chapter.blocks:
            if isinstance(block, SectionHeading | SubHeading):
                section = f" › {block.text}"
                yield chapter.heading + section, block.text
            elif isinstance(block, Para):
                yield chapter.heading + section, "".join(run.text for run in block.runs)
            elif isinstance(block, ListBlock):
                for entry in block.entries:
                    yield chapter.heading + section, "".join(run.text for run in entry.runs)
        if chapter.signature is not None:
            for signer in chapter.signature.signers:
                yield chapter.heading, f"{signer.name} {signer.note}"


def cpr_warnings(doc: Document) -> list[CprWarning]:
    """One warning per CPR-like number in what the document prints."""
    warnings = []
    for place, text in printed_text(doc):
        for hit in find_cpr_numbers(text):
            before = text[max(0, hit.start - 30) : hit.start]
            after = text[hit.end : hit.end + 30]
            warnings.append(CprWarning(place, f"…{before}{masked(hit)}{after}…".strip()))
    return warnings


def meeting_cpr_warnings(meeting, document: str = "referat") -> list[CprWarning]:
    """The warnings for the public `document` of `meeting`."""
    from exporters.document import build_document

    return cpr_warnings(build_document(meeting, document, public=True))


def cpr_warnings_for(session, meeting_ext_id: str, document: str) -> list[CprWarning]:
    """The warnings for a public document of the meeting named by its id (none if unknown)."""
    from model.meetings import load_meeting

    meeting = load_meeting(session, meeting_ext_id)
    return meeting_cpr_warnings(meeting, document) if meeting is not None else []
