"""Dagsorden med bilag: the agenda followed by every open bilag that is a PDF, in one file,
with a bookmark for each item and, under it, each of its bilag.

Committee members read the agenda on a tablet: one file to download, and the bookmarks
take them from an item to its bilag and back.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from model.attachments import is_pdf, label
from model.errors import NotFoundError, ReferentError
from model.files import write_atomically
from model.meetings import load_meeting


@dataclass
class Bundle:
    pdf: bytes
    included: list[str] = field(default_factory=list)  # "Punkt 3, Bilag 1: Kort"
    skipped: list[str] = field(default_factory=list)  # PDFs that could not be read


def bundle_pdf(meeting, public: bool = False) -> Bundle:
    from pypdf import PdfReader, PdfWriter
    from pypdf.errors import PyPdfError

    from exporters.document import build_document
    from exporters.render import render_document

    doc = build_document(meeting, "dagsorden", public)
    agenda = PdfReader(io.BytesIO(render_document(doc, "pdf")))
    # A clone keeps the agenda's structure tree, language and title (a tagged PDF);
    # its own bookmarks give way to the bundle's, which add the bilag under each item.
    writer = PdfWriter(clone_from=agenda)
    writer.root_object.pop("/Outlines", None)
    starts = _chapter_pages(agenda)
    bundle = Bundle(b"")
    for item, chapter, start in zip(meeting.items, doc.chapters, starts, strict=False):
        parent = writer.add_outline_item(title=chapter.heading, page_number=start)
        if public and item.closed:
            continue  # not even a closed item's open bilag goes into the public bundle
        for number, attachment in enumerate(item.attachments, start=1):
            if attachment.closed or not is_pdf(attachment.content):
                continue
            name = f"Punkt {item.number}, " + label(number, attachment.title)
            try:
                pages = PdfReader(io.BytesIO(attachment.content))
                if pages.is_encrypted:
                    pages.decrypt("")
                first = len(writer.pages)
                for page in pages.pages:
                    writer.add_page(page)
            except (PyPdfError, ValueError, KeyError, TypeError):
                bundle.skipped.append(name)
                continue
            writer.add_outline_item(
                title=label(number, attachment.title), page_number=first, parent=parent
            )
            bundle.included.append(name)
    writer.page_mode = "/UseOutlines"  # the reader opens with the bookmarks shown
    out = io.BytesIO()
    writer.write(out)
    bundle.pdf = out.getvalue()
    return bundle


def _chapter_pages(agenda) -> list[int]:
    """The page (from 0) of each chapter, from the bookmarks the PDF writer made."""
    return [agenda.get_destination_page_number(entry)
            for entry in agenda.outline if not isinstance(entry, list)]


def render_bundle(session: Session, meeting_ext_id: str, out: Path,
                  public: bool = False) -> Bundle:
    """Write the agenda with its bilag to `out` (atomically). A bilag's bytes are loaded
    as it is reached (they are deferred): a meeting has few, and they may be large."""
    meeting = load_meeting(session, meeting_ext_id)
    if meeting is None:
        raise NotFoundError(f'Mødet "{meeting_ext_id}" findes ikke i arkivet.')
    out = Path(out)
    if not out.parent.exists():
        raise ReferentError(f"Mappen {out.parent} findes ikke.")
    bundle = bundle_pdf(meeting, public)
    write_atomically(out, bundle.pdf)
    return bundle
