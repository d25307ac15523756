"""`render_meeting`: find a meeting, build its document, write it atomically. A protocol's
PDF also stores where its boxes are, for reading the scanned paper back (scanning/)."""

from __future__ import annotations

import gc
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from model.entities import Meeting
from model.errors import NotFoundError, ReferentError
from model.files import write_atomically
from model.meetings import load_meeting

DOCUMENTS = ("dagsorden", "referat", "underskriftsark", "protokol", "opfoelgning")
LATER: dict[str, str] = {}  # documents named on the command line but not made yet
# Printed in full, closed items too: there is no public version to hand out.
INTERNAL = {
    "protokol": "Protokollen er intern og findes ikke i en offentlig udgave.",
    "opfoelgning": "Opfølgningslisten er intern og findes ikke i en offentlig udgave.",
    # Members' names beside their signatures: nothing for the web, so no public version.
    "underskriftsark": "Underskriftsarket er internt og findes ikke i en offentlig udgave.",
}
FORMATS = ("pdf", "docx")
WORD_SLACK = 1  # lines of a protocol's ruled box: see render_document

def render_meeting(
    session: Session, meeting_ext_id: str, document: str, fmt: str, public: bool, out: Path,
    workers: int = 1,
) -> None:
    """Write `document` of the meeting `meeting_ext_id` as `fmt` (pdf, docx) to `out`;
    `workers` above 1 lets a long PDF be laid out in two processes (exporters/pdf_split)."""
    if document in LATER:
        raise ReferentError(LATER[document])
    if document not in DOCUMENTS:
        raise ReferentError(f"Ukendt dokument: {document}")
    if fmt not in FORMATS:
        raise ReferentError(f"Ukendt format: {fmt}")
    if public and document in INTERNAL:
        raise ReferentError(INTERNAL[document])
    meeting = load_meeting(session, meeting_ext_id)  # a dozen queries, not one per item
    if meeting is None:
        raise NotFoundError(f'Mødet "{meeting_ext_id}" findes ikke i arkivet.')
    out = Path(out)
    if not out.parent.exists():
        raise ReferentError(f"Mappen {out.parent} findes ikke.")
    if document == "protokol" and fmt == "pdf":
        write_atomically(out, render_protocol_pdf(session, meeting))
        return
    doc, template = _neutral(meeting, document, public), _word_template(meeting)
    # The meeting (with a signed one's sealed copy, 50 MB at 2000 items) is not needed
    # while the document is written.
    del meeting
    gc.collect()
    write_atomically(out, render_document(doc, fmt, template, spend=True, workers=workers))


def render_protocol_pdf(session: Session, meeting: Meeting) -> bytes:
    """The protocol as PDF, its pages' layouts kept in the archive for reading scans back."""
    from exporters.pdf import PAGE, render_pdf_with_layout
    from exporters.protocol import build_protocol
    from model.protocol_pages import remember

    data, pages = render_pdf_with_layout(build_protocol(meeting))
    rows = [{"digest": p.digest, "meeting": p.meeting, "item": p.item, "page": p.page,
             "boxes": [list(b.rounded()) for b in p.boxes]} for p in pages]
    remember(session, rows, *PAGE)
    try:
        session.commit()
    except IntegrityError:  # printed at the same moment on another PC: the same rows
        session.rollback()
    return data


def render_bytes(meeting: Meeting, document: str, fmt: str, public: bool = False) -> bytes:
    """The document as bytes in `fmt`, for callers that keep it in memory (the UI's preview).

    The protocol and the follow-up list are internal: they have no public version."""
    return render_document(_neutral(meeting, document, public), fmt, _word_template(meeting))


def _neutral(meeting: Meeting, document: str, public: bool):
    """The neutral Document of `document` for the meeting."""
    if public and document in INTERNAL:
        raise ReferentError(INTERNAL[document])
    if document == "protokol":
        from exporters.protocol import build_protocol

        return build_protocol(meeting)
    if document == "opfoelgning":
        from exporters.follow_up_list import meeting_follow_up_list

        return meeting_follow_up_list(meeting)
    from exporters.document import build_document

    return build_document(meeting, document, public)


def render_document(doc, fmt: str, template: bytes | None = None, spend: bool = False,
                    workers: int = 1) -> bytes:
    """A neutral Document (such as `follow_up_list.build_follow_up_list`'s) as `fmt` bytes;
    `template` is a committee's Word template, if any. For Word, the document's elastic
    ruled boxes are fixed at the lines they get in the PDF (pdf.settle_boxes). `spend`
    when the caller needs `doc` no more: a PDF lets its chapters go as it lays them out.
    `workers` above 1, from a caller that may fork: see pdf.render_pdf."""
    if fmt == "pdf":
        from exporters.pdf import render_pdf

        return render_pdf(doc, spend=spend, workers=workers)
    if fmt != "docx":
        raise ReferentError(f"Ukendt format: {fmt}")
    from exporters.docx import render_docx

    if doc.elastic:
        from exporters.pdf import settle_boxes

        # Word cannot stretch a ruled box to its page: it gets the lines the PDF gave it,
        # one fewer, as Word and LibreOffice set the same text a little taller than
        # reportlab. (Without such boxes the PDF writer is not even imported.)
        settle_boxes(doc, slack=WORD_SLACK)
    return render_docx(doc, template=template)


def _word_template(meeting: Meeting) -> bytes | None:
    return meeting.committee.word_template or None
