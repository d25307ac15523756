"""No document prints text over other text: every word box on every page is compared with
every other (poppler's `pdftotext -bbox`, tests/exporters/overlap.py), for every document
kind of every example meeting and of a generated 20-member meeting with long names, in the
PDF and in the Word file as LibreOffice lays it out."""

from __future__ import annotations

import io
import shutil

import pytest

from tests.conftest import EXAMPLE_FILES
from tests.exporters.big_meeting import big_meeting_document
from tests.exporters.helpers import needs_soffice
from tests.exporters.overlap import overlapping, report, words

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                   reason="poppler (pdftotext) is not installed")
pytestmark = needs_poppler
KINDS = [("dagsorden", False), ("dagsorden", True), ("referat", False), ("referat", True),
         ("underskriftsark", False), ("opfoelgning", False), ("protokol", False)]


def _documents() -> list[dict]:
    """Every example meeting and the generated one, as interchange documents."""
    from model.interchange import load_json

    return [load_json(path) for path in EXAMPLE_FILES] + [big_meeting_document()]


def _undecided(document: dict) -> dict:
    """The meetings as the chef takes them into the meeting: held, no decision entered."""
    for meeting in document["meetings"]:
        meeting["status"] = "held"
        meeting.pop("sealed", None)
        for item in meeting["items"]:
            item["decision"] = None
    return document


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    """(meeting, kind, public, format) -> bytes of every document; the protocol from an
    archive where no item is decided yet (it prints only undecided items)."""
    from model.database import open_archive
    from model.interchange import import_document, validate

    folder = tmp_path_factory.mktemp("overlap")
    archives = {"decided": open_archive(folder / "a.sqlite3"),
                "undecided": open_archive(folder / "b.sqlite3")}
    for document in _documents():
        for name, archive in archives.items():
            doc = _undecided(document) if name == "undecided" else document
            validate(doc)
            with archive.transaction() as session:
                import_document(session, doc)
    meetings = [m["id"] for d in _documents() for m in d["meetings"]]
    files = {}
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REFERENT_SOFFICE", "off")  # the TOC's numbers: not what is tested here
        for meeting_id in meetings:
            for kind, public in KINDS:
                archive = archives["undecided" if kind == "protokol" else "decided"]
                for fmt in ("pdf", "docx"):
                    files[meeting_id, kind, public, fmt] = _render(archive, meeting_id, kind,
                                                                   public, fmt)
    for archive in archives.values():
        archive.close()
    return files


def _render(archive, meeting_id: str, kind: str, public: bool, fmt: str) -> bytes:
    from exporters.render import render_bytes
    from model.meetings import load_meeting

    with archive.sessions() as session:
        return render_bytes(load_meeting(session, meeting_id), kind, fmt, public)


def _failures(pdfs: dict) -> list[str]:
    failures = []
    for (meeting_id, kind, public, _), pdf in pdfs.items():
        assert pdf, f"{meeting_id} {kind}: no PDF"
        found = words(pdf)
        assert found, f"{meeting_id} {kind}: no words read"
        pairs = overlapping(found)
        if pairs:
            name = f"{kind}{' (offentlig)' if public else ''} for {meeting_id}"
            failures.append(f"{name}:\n{report(pairs)}")
    return failures


def test_no_pdf_prints_text_over_text(printed):
    pdfs = {key: data for key, data in printed.items() if key[3] == "pdf"}
    meetings = {m["id"] for d in _documents() for m in d["meetings"]}
    assert len(meetings) >= 5 and len(pdfs) == len(KINDS) * len(meetings)
    failures = _failures(pdfs)
    assert not failures, "\n\n".join(failures)


@pytest.fixture(scope="module")
def word_pdfs(printed) -> dict:
    """The Word files as LibreOffice lays them out."""
    from exporters.layout import convert_all_to_pdf

    keys = [key for key in printed if key[3] == "docx"]
    return dict(zip(keys, convert_all_to_pdf([printed[key] for key in keys]), strict=True))


@needs_soffice
def test_no_word_file_prints_text_over_text(word_pdfs):
    failures = _failures(word_pdfs)
    assert not failures, "\n\n".join(failures)


@needs_soffice
def test_no_form_heading_breaks_inside_a_word(word_pdfs):
    """A narrow column's heading ("Fraværende") must not wrap in the middle of the word."""
    from exporters.protocol import ATTENDANCE, QUESTIONS, VOTES

    headings = {word for column in ATTENDANCE + VOTES + QUESTIONS
                for word in column.title.split()}
    for key, pdf in word_pdfs.items():
        if key[1] == "protokol":
            printed_words = {word.text for word in words(pdf)}
            assert headings <= printed_words, (key, sorted(headings - printed_words))


# The checker itself must find what it is there to find.


def _pdf(draw) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from exporters.fonts import FAMILY, register

    register()
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont(FAMILY, 11)
    draw(canvas)
    canvas.save()
    return out.getvalue()


def test_checker_finds_a_word_printed_over_another():
    def draw(canvas):
        canvas.drawString(100, 700, "Fraværende")
        canvas.drawString(104, 703, "Stedfortræder")  # a line that ran into the one above
        canvas.drawString(100, 600, "Alene")

    pairs = overlapping(words(_pdf(draw)))
    assert [(a.text, b.text) for a, b in pairs] == [("Fraværende", "Stedfortræder")]


def test_checker_leaves_lines_and_neighbours_alone():
    def draw(canvas):
        text = canvas.beginText(100, 700)
        text.setLeading(13)
        for line in ("Anne-Marie Kristine Østergaard-Christensen (A)", "Hans-Christian (V)",
                     "tæt på hinanden: ord,ord ord"):
            text.textLine(line)
        canvas.drawText(text)

    found = words(_pdf(draw))
    assert len(found) == 11
    assert overlapping(found) == []


def _table_pdf(row_heights) -> bytes:
    """The attendance form as it was: rows of a fixed height, a long name wrapping."""
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from exporters.pdf_styles import styles

    style = styles(True)["front_value"]
    names = ["Hans-Christian Valdemar Bøgh-Rasmussen Skovgaard (V)",
             "Mette-Louise Frederikke Østergaard-Christensen (C)"]
    rows = [[Paragraph(name, style), ""] for name in names]
    out = io.BytesIO()
    table = Table(rows, colWidths=[50 * 2.835, 40 * 2.835], rowHeights=row_heights)
    table.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    SimpleDocTemplate(out, pagesize=A4).build([table])
    return out.getvalue()


def test_checker_finds_a_wrapped_name_printed_over_the_next_row():
    pairs = overlapping(words(_table_pdf([9 * 2.835] * 2)))  # 9 mm rows: the old form
    assert pairs
    assert {"Mette-Louise", "Frederikke"} & {w.text for pair in pairs for w in pair}
    assert overlapping(words(_table_pdf(None))) == []  # rows that grow: nothing over
