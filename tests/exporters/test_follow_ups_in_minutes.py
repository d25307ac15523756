"""Questions and orders are printed under their item in the referat, read back from the
PDF, the Word file and the HTML: in the order raised, with who asked, who answers, the
deadline, but not the answer (it comes later; the follow-up list has it); left out when
the committee says so, and never for a closed item in a public document."""

from __future__ import annotations

import datetime as dt
import io
import subprocess

import pytest
from sqlalchemy import select

from exporters.document import build_document
from exporters.html import chapter_html, document_html
from exporters.render import render_bytes
from model import committees, follow_ups, meeting_setup
from model.entities import Item
from model.meetings import load_meeting
from tests.exporters.helpers import docx_parts

MEETING = "oeu-2026-09-30"
LONG_NAME = "Anne-Marie Christiansen-Østergaard Vestergaard (F)"  # 50 characters
SECOND = "Hvor mange elever bliver berørt af ændringen af skolebuskørslen?"
CLOSED_SECRET = "Hvem har budt på grunden ved Havnevej?"
OPEN_QUESTION = "Hvornår åbner cykelstien langs Strandvejen?"


def _item(session, ext_id: str) -> Item:
    return session.scalar(select(Item).where(Item.ext_id == ext_id))


@pytest.fixture
def minutes(unsigned_examples_archive):
    """The example meeting with a second question on item 302 (after the example's one),
    one on the closed item 303 and one on the open item 304."""
    archive = unsigned_examples_archive
    with archive.transaction() as session:
        follow_ups.add_follow_up(session, _item(session, f"{MEETING}-302").id, SECOND,
                                 LONG_NAME, "Skolechefen", dt.date(2026, 11, 4))
        follow_ups.add_follow_up(session, _item(session, f"{MEETING}-303").id, CLOSED_SECRET,
                                 "Lærke Holm (F)", "Ejendomschefen")
        follow_ups.add_follow_up(session, _item(session, f"{MEETING}-304").id, OPEN_QUESTION,
                                 None, "Vejchefen")
    return archive


def _render(archive, fmt: str, public: bool = False) -> bytes:
    with archive.sessions() as session:
        return render_bytes(load_meeting(session, MEETING), "referat", fmt, public)


def pdf_text(data: bytes) -> str:
    done = subprocess.run(["pdftotext", "-layout", "-", "-"], input=data, capture_output=True,
                          check=True)
    return " ".join(done.stdout.decode().split())


def docx_text(data: bytes) -> str:
    from docx import Document

    word = Document(io.BytesIO(data))
    return " ".join(" ".join(p.text for p in word.paragraphs).split())


ANSWER = "Oversigten er udsendt som bilag til mødet den 28. oktober."  # the example's
EXPECTED = [  # item 302's questions as printed, in the order they were raised
    "Spørgsmål og bestillinger",
    "Stillet af Lærke Holm (F):",
    "Oversigt over anlægsønsker fordelt på bydele ønskes til næste møde.",
    "Besvares af Økonomichef Rikke Dal senest 28. oktober 2026.",
    f"Stillet af {LONG_NAME}:",
    SECOND,
    "Besvares af Skolechefen senest 4. november 2026.",
]


def _in_order(text: str, parts: list[str]) -> bool:
    at = 0
    for part in parts:
        found = text.find(part, at)
        if found < 0:
            return False
        at = found + len(part)
    return True


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_questions_print_under_their_item_in_the_order_raised(minutes, fmt):
    text = (pdf_text if fmt == "pdf" else docx_text)(_render(minutes, fmt))
    assert _in_order(text, EXPECTED), text
    # Under item 302, after its decision, before the next item's heading.
    assert _in_order(text, ["Punkt 302: Budget 2027", "Beslutning", "Protokoltilførsel",
                            "Spørgsmål og bestillinger", "Punkt 303:"])
    assert _in_order(text, ["Punkt 304:", OPEN_QUESTION, "Besvares af Vejchefen."])
    assert CLOSED_SECRET in text  # the internal referat prints the closed item's too
    assert not _in_order(text, [SECOND, "Oversigt over anlægsønsker"])  # not reordered
    assert ANSWER not in text and "Svar:" not in text  # answers are the follow-up list's


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_committee_setting_leaves_them_out(minutes, fmt):
    with minutes.transaction() as session:
        committee_id = _item(session, f"{MEETING}-302").meeting.committee_id
        committees.update_committee(session, committee_id, follow_ups_in_minutes=False)
    text = (pdf_text if fmt == "pdf" else docx_text)(_render(minutes, fmt))
    assert "Spørgsmål og bestillinger" not in text
    assert SECOND not in text and OPEN_QUESTION not in text
    assert "Anbefales over for Kommunalbestyrelsen." in text  # the rest is printed as before


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_closed_items_questions_never_reach_a_public_document(minutes, fmt):
    data = _render(minutes, fmt, public=True)
    text = (pdf_text if fmt == "pdf" else docx_text)(data)
    assert OPEN_QUESTION in text and SECOND in text  # an open item's are public
    assert "Havnevej" not in text
    if fmt == "docx":  # no part of the file holds it: comments, headers, properties …
        assert not any("Havnevej" in part or "Ejendomschefen" in part
                       for part in docx_parts(data).values())
    else:
        assert b"Ejendomschefen" not in data


def test_the_website_and_the_house_style_preview_print_them(minutes):
    with minutes.sessions() as session:
        public = build_document(load_meeting(session, MEETING), "referat", public=True)
    html = str(document_html(public))
    assert "<h3>Spørgsmål og bestillinger</h3>" in html
    assert OPEN_QUESTION in html and "Besvares af Vejchefen." in html
    assert CLOSED_SECRET not in html

    from exporters.sample import sample_chapter

    preview = str(chapter_html(sample_chapter(None)))
    assert _in_order(preview, ["Spørgsmål og bestillinger", "Stillet af Anne Holm (V):",
                               "Hvordan følges kodekset op i udvalgene?",
                               "Besvares af Kommunaldirektøren senest 3. februar 2020."])


def test_the_dagsorden_has_no_questions(minutes):
    text = pdf_text(_render_dagsorden(minutes))
    assert "Spørgsmål og bestillinger" not in text and SECOND not in text


def _render_dagsorden(archive) -> bytes:
    with archive.sessions() as session:
        return render_bytes(load_meeting(session, MEETING), "dagsorden", "pdf")


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_a_signed_referat_prints_the_same_as_before_signing(minutes, fmt):
    """Signed, the referat is printed from the sealed record: the questions are still there,
    and every word is as it was; turning the committee's setting off later changes nothing."""
    before = _render(minutes, fmt)
    with minutes.transaction() as session:
        meeting_setup.set_status(session, _item(session, f"{MEETING}-302").meeting_id, "signed")
    after = _render(minutes, fmt)
    read = pdf_text if fmt == "pdf" else docx_text
    assert read(after) == read(before)
    assert _in_order(read(after), EXPECTED)
    with minutes.transaction() as session:
        committee_id = _item(session, f"{MEETING}-302").meeting.committee_id
        committees.update_committee(session, committee_id, follow_ups_in_minutes=False)
    assert read(_render(minutes, fmt)) == read(before)
