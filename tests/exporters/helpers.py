"""Rendering example meetings and reading the files back, for the exporter tests."""

from __future__ import annotations

import io
import re
import shutil
import zipfile
from pathlib import Path

import pytest

SECRETS = (  # what the closed item 303 of oeu-2026-09-30 holds beyond its public title
    "Havnevej",
    "4,8 mio",
    "lokal virksomhed",
    "buddet accepteres",
    "Rettelse: købers",
    "Notat om anlægsønsker",
    "82.06.02-G01-14-26",
)
TOC_LINE = re.compile(r"^\s*(?P<text>\S.*?)\s*(?:\.\s*){3,}(?P<page>\d+)\s*$")

needs_soffice = pytest.mark.skipif(
    shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed"
)


def render(archive, meeting_id: str, document: str, fmt: str, out: Path,
           public: bool = False) -> Path:
    from exporters.render import render_meeting

    with archive.sessions() as session:
        render_meeting(session, meeting_id, document, fmt, public, out)
    return out


def pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text(extraction_mode="layout") for page in reader.pages]


def toc_entries(pages: list[str]) -> list[tuple[str, int]]:
    """(text, page) of every TOC line, read from the pages after the front page."""
    entries = []
    for text in pages[1:]:
        found = [TOC_LINE.match(line) for line in text.splitlines()]
        found = [m for m in found if m]
        if not found and entries:
            break
        entries += [(" ".join(m["text"].split()), int(m["page"])) for m in found]
    return entries


def heading_on_page(page_text: str, heading: str) -> bool:
    """Whether the page prints the heading (its first words; a long one wraps)."""
    start = _plain(heading)[:35]
    return any(_plain(line).startswith(start) for line in page_text.splitlines())


def _plain(text: str) -> str:
    # pypdf reads an emoji back as \x00 or not at all: compare the rest
    return " ".join("".join(c for c in text if c.isprintable() and ord(c) < 0x2000).split())


def outline(data: bytes) -> list[tuple[str, int]]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [(str(item.title), reader.get_destination_page_number(item) + 1)
            for item in reader.outline if not isinstance(item, list)]


def docx_parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {name: package.read(name).decode("utf-8", "replace")
                for name in package.namelist()}
