"""The PDF read back: TOC numbers, bookmarks, signature page, public version, hostile text."""

from __future__ import annotations

import io

import pytest

from tests.exporters.helpers import (
    SECRETS,
    heading_on_page,
    outline,
    pdf_pages,
    render,
    toc_entries,
)

EXAMPLES = ["aet-2020-08-19", "sagsbehandling-2020-04-21", "oeu-2026-09-30", "kb-2026-10-08"]


@pytest.mark.parametrize("meeting_id", EXAMPLES)
@pytest.mark.parametrize("document", ["referat", "dagsorden"])
def test_toc_numbers_are_the_pages_the_headings_are_printed_on(
    examples_archive, tmp_path, meeting_id, document
):
    data = render(examples_archive, meeting_id, document, "pdf", tmp_path / "x.pdf").read_bytes()
    pages = pdf_pages(data)
    entries = toc_entries(pages)
    assert entries, "no table of contents found"
    first_body_page = min(page for _, page in entries)
    # the bookmarks point at the same pages; they carry the full heading, the TOC the
    # style's toc_entry (Faxe: the title alone)
    marks = [(t, p) for t, p in outline(data) if t != "Indholdsfortegnelse"]
    assert [p for _, p in marks] == [p for _, p in entries]
    for (title, _), (text, page) in zip(marks, entries, strict=True):
        assert text.rstrip(".") in title
        assert heading_on_page(pages[page - 1], title), f"{title!r} is not on page {page}"
        earlier = pages[first_body_page - 1 : page - 1]
        assert not any(heading_on_page(p, title) for p in earlier), f"{title!r} before {page}"
    total = len(pages)
    for number, text in enumerate(pages, start=1):
        assert f"Side {number} af {total}" in text
    assert "Indholdsfortegnelse" in pages[1]


def test_front_page_and_header(examples_archive, tmp_path):
    data = render(examples_archive, "oeu-2026-09-30", "referat", "pdf", tmp_path / "x.pdf")
    pages = pdf_pages(data.read_bytes())
    front = " ".join(pages[0].split())
    assert "Referat" in front and "Økonomiudvalget" in front
    assert "Onsdag d. 30. september 2026" in front
    assert "08:30" not in front  # the times said once, as a sentence
    assert "Mødet begyndte kl. 8.30 og sluttede kl. 10.15." in front
    assert "Mødelokale 2, Rådhuset" in front
    assert "Karen Vinter (O)" in front
    assert all("Prøvekommune" in page for page in pages)


def test_signature_page_names(examples_archive, tmp_path):
    data = render(examples_archive, "oeu-2026-09-30", "referat", "pdf", tmp_path / "x.pdf")
    last = " ".join(pdf_pages(data.read_bytes())[-1].split())
    assert "Underskriftsark" in last
    for name in ("Hanne Kjær (A), formand", "Søren Østergaard (V), næstformand",
                 "Lærke Holm (F)", "Karen Vinter (O)"):
        assert name in last
    # those who took part sign: nobody away, no line for Mikkel whose seat Karen filled
    assert "Åse Bøgh" not in last and "Fraværende" not in last
    assert last.count("Mikkel Ærenlund") == 1  # in "Stedfortræder for Mikkel Ærenlund (O)"
    assert "Jens Sekretær" not in last


def test_underskriftsark_alone(examples_archive, tmp_path):
    data = render(examples_archive, "aet-2020-08-19", "underskriftsark", "pdf", tmp_path / "u.pdf")
    pages = pdf_pages(data.read_bytes())
    assert len(pages) == 1
    assert "Jacob Panton-Kristiansen (V)" in pages[0]


@pytest.mark.parametrize("document", ["referat", "dagsorden"])
def test_public_version_holds_nothing_of_the_closed_item(examples_archive, tmp_path, document):
    from pypdf import PdfReader

    path = render(examples_archive, "oeu-2026-09-30", document, "pdf", tmp_path / "p.pdf",
                  public=True)
    data = path.read_bytes()
    text = " ".join(" ".join(pdf_pages(data)).split())
    assert "Punkt 303: Salg af kommunal grund (Lukket punkt)" in text
    reader = PdfReader(io.BytesIO(data))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    marks = " ".join(title for title, _ in outline(data))
    for secret in SECRETS:
        assert secret not in text
        assert secret not in meta
        assert secret not in marks
    # the internal version does print them, so the check above can fail
    internal = render(examples_archive, "oeu-2026-09-30", "referat", "pdf", tmp_path / "i.pdf")
    assert "Havnevej 12" in " ".join(pdf_pages(internal.read_bytes()))


HOSTILE = (
    "Indsat fra Word:\x0bny linje\x0cny side\x07 ting <b>&amp; \"citat\" 😀👨‍👩‍👧 "
    "Łukasz Wałęsa, Čapek, Şahin, Ærø\n\n" + ("langt afsnit " * 8000) + "\n\n"
    + "x" * 5000
)


def set_hostile_text(archive):
    from sqlalchemy import select

    from model.entities import Item

    with archive.transaction() as session:
        item = session.scalars(select(Item).where(Item.ext_id == "oeu-2026-09-30-302")).one()
        item.sections[1].text = HOSTILE
        item.title = "Budget\x0b2027 😀 Ł"


def test_hostile_text_renders(unsigned_examples_archive, tmp_path):
    set_hostile_text(unsigned_examples_archive)
    path = render(unsigned_examples_archive, "oeu-2026-09-30", "referat", "pdf", tmp_path / "h.pdf")
    pages = pdf_pages(path.read_bytes())
    text = " ".join(" ".join(pages).split())
    assert len(pages) > 20  # 100,000 characters break over many pages
    assert "Łukasz Wałęsa, Čapek, Şahin, Ærø" in text
    assert "<b>& \"citat\"" in text  # Markdown decodes &amp; as CommonMark says
    entries = toc_entries(pages)
    for title, page in entries:
        assert heading_on_page(pages[page - 1], title)


def test_measured_chapter_pages_match_the_printed_ones(examples_archive):
    """The Word writer's estimate without LibreOffice: one measuring pass, same pages."""
    from sqlalchemy import select

    from exporters.document import build_document
    from exporters.pdf import chapter_pages, render_pdf
    from model.entities import Meeting

    with examples_archive.sessions() as session:
        meeting = session.scalars(select(Meeting).where(Meeting.ext_id == "aet-2020-08-19")).one()
        doc = build_document(meeting, "referat")
        printed = [page for title, page in outline(render_pdf(doc))
                   if title != "Indholdsfortegnelse"]
        assert chapter_pages(doc) == printed
