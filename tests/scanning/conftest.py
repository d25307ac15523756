"""Example meetings with their protocols printed, for reading scans of them back."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from tests.conftest import EXAMPLE_FILES

FAXE = "sagsbehandling-2020-04-21"
STEVNS = "aet-2020-08-19"
SIGNED = "oeu-2026-09-30"
OTHER = "kb-2026-10-08"


@dataclass
class Printed:
    db: Path
    pdfs: dict[str, Path]  # meeting id -> its protocol as printed

    def archive(self):
        from model.database import open_archive

        return open_archive(self.db, keep_backups=None)


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> Printed:
    """Faxe and Stevns as the chair takes them into the meeting (no decision entered, Stevns
    not yet signed), the signed Prøvekommune meeting as it is, and every protocol printed."""
    from exporters.render import render_meeting
    from model.database import open_archive
    from model.interchange import import_document, load_json, validate
    from model.meetings import load_meeting

    folder = tmp_path_factory.mktemp("scan")
    db = folder / "arkiv.sqlite3"
    archive = open_archive(db, keep_backups=None)
    for path in EXAMPLE_FILES:
        document = load_json(path)
        for meeting in document["meetings"]:
            if meeting["id"] == STEVNS:
                meeting["status"] = "minutes_approved"
                meeting.pop("sealed", None)
        validate(document)
        with archive.transaction() as session:
            import_document(session, document)
    with archive.transaction() as session:
        for meeting_id in (FAXE, STEVNS):
            for item in load_meeting(session, meeting_id).items:
                item.decision = None
    pdfs = {}
    for meeting_id in (FAXE, STEVNS, SIGNED, OTHER):
        pdfs[meeting_id] = folder / f"{meeting_id}.pdf"
        with archive.sessions() as session:
            render_meeting(session, meeting_id, "protokol", "pdf", False, pdfs[meeting_id])
    archive.close()
    return Printed(db, pdfs)


def layouts(printed: Printed, meeting_id: str):
    """The clean pages of the meeting's printed protocol, each with its stored layout."""
    from model.protocol_pages import find
    from scanning.locate import find_code
    from tests.scanning.simulate import clean_pages

    archive = printed.archive()
    try:
        with archive.sessions() as session:
            out = []
            for image in clean_pages(printed.pdfs[meeting_id].read_bytes()):
                layout = find(session, find_code(image).identity.digest)
                session.expunge(layout)
                out.append((image, layout))
            return out
    finally:
        archive.close()


@pytest.fixture
def rng():
    return np.random.default_rng(17)
