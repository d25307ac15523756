"""Stand-ins, votes, signers and times as the PDF and Word files print them, read back:
a 21-seat committee with names of 40 characters and more, a suppleant in the formand's
seat, one member away."""

from __future__ import annotations

import io
import re

import pytest

from model import committees, decisions, meeting_setup
from model.entities import Member
from model.errors import ReferentError
from tests.exporters.helpers import needs_soffice, pdf_pages, render
from tests.model.stand_in_helpers import COMMITTEE, STAND_IN, big_meeting, long_name

VOTES = "For stemte 6 (A, V), imod stemte 2 (Ø), undlod at stemme 3 (C)."
TIMES = "Mødet begyndte kl. 9.00 og sluttede kl. 11.45."


def _squeeze(text: str) -> str:
    """Without white space: a long name wraps anywhere in a narrow column."""
    return re.sub(r"\s+", "", text)


@pytest.fixture
def big(archive):
    with archive.transaction() as s:
        c, m, ids = big_meeting(s)
        sofie = m.attendance[0].substitute_member.id
        first, second = (i.id for i in m.items[:2])
        decisions.apply_phrase(s, first, "Godkendt.")
        for party, vote in (("A", "for"), ("V", "for"), ("Ø", "against"), ("C", "abstain")):
            decisions.set_party_vote(s, first, party, vote)
        decisions.apply_phrase(s, second, "Drøftet.")
        decisions.set_presence(s, second, sofie, "absent", True)
        decisions.set_presence(s, second, ids[2], "not_participating", True)
        ext_id = m.ext_id
    return archive, ext_id, ids


def _signers() -> list[str]:
    """Who signs the big meeting, in order: næstformand, the formand's stand-in, then the
    rest in the committee's order, without seat 5 (away)."""
    names = [f"{long_name(1)} (V), næstformand", STAND_IN]
    parties = ("A", "V", "C", "F", "O", "Ø", "B")
    names += [f"{long_name(n)} ({parties[n % 7]})" for n in range(2, 21) if n != 5]
    return names


def _stream(data: bytes) -> list[str]:
    """Each page's text in the order it is drawn: a table cell by cell (the layout mode
    puts the two columns' wrapped lines side by side)."""
    from pypdf import PdfReader

    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _in_order(text: str, names: list[str]) -> bool:
    squeezed, at = _squeeze(text), 0
    for name in names:
        at = squeezed.find(_squeeze(name), at)
        if at < 0:
            return False
    return True


def test_referat_pdf_prints_the_stand_in_once_votes_counted_and_times(big, tmp_path):
    archive, ext_id, ids = big
    data = render(archive, ext_id, "referat", "pdf", tmp_path / "r.pdf").read_bytes()
    pages = pdf_pages(data)
    front = _squeeze(pages[0])
    assert front.count(_squeeze("Sofie-Amalie Rosenkrantz Gyldenstjerne-Brahe")) == 2
    # once as present (, stedfortræder for …), once beside the formand under Fraværende
    assert _squeeze(f"{STAND_IN}, stedfortræder for {long_name(0)} (A)") in front
    assert _squeeze(f"{long_name(0)} (A), formand, stedfortræder: {STAND_IN}") in front
    assert _squeeze(TIMES) in front
    text = _squeeze(" ".join(pages))
    assert _squeeze(VOTES) in text
    away = f"{long_name(5)} (Ø)"
    assert _squeeze(f"Ikke til stede: {away} og {STAND_IN}") in text
    assert _squeeze(f"{long_name(2)} (C) deltog ikke i behandlingen af punktet.") in text
    last = _stream(data)[-1]
    assert _in_order(last, _signers())
    assert _squeeze(long_name(5)) + "(Ø)" not in _squeeze(last)  # away: no line


def test_referat_docx_prints_the_same(big, tmp_path):
    from docx import Document

    archive, ext_id, ids = big
    word = Document(io.BytesIO(
        render(archive, ext_id, "referat", "docx", tmp_path / "r.docx").read_bytes()))
    paragraphs = [p.text for p in word.paragraphs]
    assert VOTES in paragraphs
    assert f"Ikke til stede: {long_name(5)} (Ø) og {STAND_IN}" in paragraphs
    front = {row.cells[0].text: row.cells[1].text for row in word.tables[0].rows}
    assert front["Mødetid"] == TIMES
    assert front["Til stede"].count("Sofie-Amalie") == 1
    assert front["Til stede"].startswith(f"{STAND_IN}, stedfortræder for {long_name(0)} (A)")
    signatures = word.tables[-1]
    names = [cell.paragraphs[0].text for row in signatures.rows for cell in row.cells]
    assert names == _signers()
    assert signatures.rows[0].cells[1].paragraphs[1].text == \
        f"Stedfortræder for {long_name(0)} (A)"


def _sheet_checks(text: str) -> None:
    """The sheet names its meeting (committee, date, place), has a line for the date of
    signing, and the signers in order, nobody away."""
    squeezed = _squeeze(text)
    for expected in (COMMITTEE, "torsdag d. 12. marts 2026 kl. 09:00", "Byrådssalen, Rådhuset",
                     "Underskrevet den:"):
        assert _squeeze(expected) in squeezed, expected
    assert _in_order(text, _signers())
    assert _squeeze(long_name(5)) + "(Ø)" not in squeezed


def test_underskriftsark_pdf_twenty_signers_on_one_page(big, tmp_path):
    archive, ext_id, ids = big
    data = render(archive, ext_id, "underskriftsark", "pdf", tmp_path / "u.pdf").read_bytes()
    pages = _stream(data)
    assert len(pages) == 1
    _sheet_checks(pages[0])


def test_underskriftsark_with_six_stand_ins_still_one_page(big, tmp_path):
    archive, ext_id, ids = big
    with archive.transaction() as s:
        from model.meetings import load_meeting

        meeting_id = load_meeting(s, ext_id).id
        rows = meeting_setup.attendance_rows(s, meeting_id)
        for n in (1, 3, 8, 13, 17):
            rows[n].status = "substituted"
            rows[n].substitute = f"Frederikke-Josefine Vestergaard-Rasmussen {n}"
        meeting_setup.set_attendance(s, meeting_id, rows)
    for fmt in ("pdf", "docx"):
        data = render(archive, ext_id, "underskriftsark", fmt, tmp_path / f"u.{fmt}")
        data = data.read_bytes()
        if fmt == "docx":
            from exporters.layout import convert_to_pdf

            data = convert_to_pdf(data)
            if data is None:
                continue  # no LibreOffice here
        pages = _stream(data)
        assert len(pages) == 1, fmt
        assert _squeeze(pages[0]).count("Stedfortræderfor") == 6


@needs_soffice
def test_underskriftsark_word_twenty_signers_on_one_page_as_libreoffice_lays_it_out(
        big, tmp_path):
    from exporters.layout import convert_to_pdf

    archive, ext_id, ids = big
    data = render(archive, ext_id, "underskriftsark", "docx", tmp_path / "u.docx").read_bytes()
    pages = _stream(convert_to_pdf(data))
    assert len(pages) == 1
    _sheet_checks(pages[0])


def test_underskriftsark_has_no_public_version(big, tmp_path):
    archive, ext_id, ids = big
    for fmt in ("pdf", "docx"):
        with pytest.raises(ReferentError, match="Underskriftsarket er internt"):
            render(archive, ext_id, "underskriftsark", fmt, tmp_path / f"u.{fmt}", public=True)
        assert not (tmp_path / f"u.{fmt}").exists()


def test_a_signed_meeting_prints_the_signers_as_signed(big, tmp_path):
    """Who signs is part of the sealed record: later changes to the committee stay out."""
    archive, ext_id, ids = big
    with archive.transaction() as s:
        from model.meetings import load_meeting

        meeting_id = load_meeting(s, ext_id).id
        for _ in range(2):
            meeting_setup.advance_status(s, meeting_id)
    with archive.transaction() as s:
        committees.update_member(s, ids[1], role="medlem", signs=False)
        committees.update_member(s, ids[3], role="formand")
        committees.add_member(s, s.get(Member, ids[0]).committee_id, "Ny Efterfølger", "A")
    for fmt in ("pdf", "docx"):
        data = render(archive, ext_id, "underskriftsark", fmt, tmp_path / f"s.{fmt}")
        if fmt == "pdf":
            text = _stream(data.read_bytes())[0]
        else:
            from docx import Document

            word = Document(io.BytesIO(data.read_bytes()))
            text = " ".join(c.text for row in word.tables[-1].rows for c in row.cells)
        assert _in_order(text, _signers()), fmt
        assert "Ny Efterfølger" not in text
