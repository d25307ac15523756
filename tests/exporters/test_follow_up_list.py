"""The follow-up list (opfoelgning): one meeting's, and across meetings."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.exporters.helpers import docx_parts, pdf_pages, render


def _flat(pages: list[str]) -> str:
    return " ".join(" ".join(pages).split())


def _add(archive, meeting_id: str, n: int = 0, **fields) -> None:
    """A question on the meeting's item `n`; stored directly, as a signed meeting refuses
    new ones through the model, and its old questions must still print."""
    from model.entities import FollowUp
    from model.meetings import load_meeting

    if isinstance(fields.get("due"), str):
        fields["due"] = dt.date.fromisoformat(fields["due"])
    with archive.sessions() as session:
        meeting = load_meeting(session, meeting_id)
        meeting.items[n].follow_ups.append(FollowUp(status="open", **fields))
        session.commit()


def test_meeting_list_prints_every_field(examples_archive, tmp_path):
    from model.follow_ups import find_follow_ups, mark_answered
    from model.meetings import load_meeting

    _add(examples_archive, "kb-2026-10-08", text="Hvad koster vintervedligeholdelsen?",
         asked_by="Søren Østergaard (V)", responsible="Vejchefen", due="2026-11-01")
    with examples_archive.sessions() as session:
        rows = find_follow_ups(session, responsible="vejchef")
        mark_answered(session, rows[0].id, "1,2 mio. kr. om året.")
        session.commit()
        meeting = load_meeting(session, "kb-2026-10-08")
        count = sum(len(item.follow_ups) for item in meeting.items)
    text = _flat(pdf_pages(render(examples_archive, "kb-2026-10-08", "opfoelgning", "pdf",
                                  tmp_path / "o.pdf").read_bytes()))
    assert "Opfølgning" in text and "Kommunalbestyrelsen" in text
    assert "Hvad koster vintervedligeholdelsen?" in text
    assert "Søren Østergaard (V)" in text and "Vejchefen" in text
    assert "1. november 2026" in text and "Besvaret" in text and "1,2 mio. kr. om året." in text
    assert f"{count} i alt" in text
    for label in ("Spørgsmål", "Stillet af", "Ansvarlig", "Frist", "Status", "Svar"):
        assert label in text


def test_meeting_list_word(examples_archive, tmp_path):
    _add(examples_archive, "kb-2026-10-08", text="Oversigt over skoleveje", due="2026-12-24")
    path = render(examples_archive, "kb-2026-10-08", "opfoelgning", "docx", tmp_path / "o.docx")
    body = docx_parts(path.read_bytes())["word/document.xml"]
    assert ">Oversigt over skoleveje<" in body and ">24. december 2026<" in body
    assert ">Åben<" in body


def test_across_meetings(unsigned_examples_archive):
    archive = unsigned_examples_archive
    from exporters.follow_up_list import build_follow_up_list
    from exporters.render import render_document
    from model.follow_ups import find_follow_ups

    _add(archive, "oeu-2026-09-30", text="Status på cykelstien", responsible="Teknik")
    _add(archive, "kb-2026-10-08", text="Plan for skolerne", responsible="Skolechef")
    with archive.sessions() as session:
        rows = find_follow_ups(session, include_answered=True)
    doc = build_follow_up_list(rows, "Åbne spørgsmål og bestillinger")
    assert len({c.heading.split(" · ")[0] for c in doc.chapters}) > 1  # committees named
    text = _flat(pdf_pages(render_document(doc, "pdf")))
    assert "Åbne spørgsmål og bestillinger" in text and "Alle udvalg" in text
    assert "Status på cykelstien" in text and "Plan for skolerne" in text
    assert "Møde 30.09.2026, punkt" in text
    assert render_document(doc, "docx")[:2] == b"PK"


def test_empty_list_says_so(examples_archive):
    from exporters import danish
    from exporters.follow_up_list import build_follow_up_list
    from exporters.render import render_document

    text = _flat(pdf_pages(render_document(build_follow_up_list([], "Ingen"), "pdf")))
    assert "Der er ingen spørgsmål eller bestillinger." in text
    assert "0 i alt, 0 åbne, 0 besvarede" in text
    assert f"Udskrevet {danish.long_date(dt.date.today())}" in text
    assert "Stillet af" not in text and "Frist" not in text  # no empty entry printed


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_unknown_format_is_refused(fmt):
    from exporters.follow_up_list import build_follow_up_list
    from exporters.render import render_document
    from model.errors import ReferentError

    with pytest.raises(ReferentError):
        render_document(build_follow_up_list([], "x"), fmt + "x")
