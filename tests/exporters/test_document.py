"""The neutral document: what each document prints, in which order, and what it hides."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from exporters.blocks import ListBlock, Para, SectionHeading
from exporters.document import build_document
from model.entities import Meeting


def _meeting(session, ext_id):
    return session.scalars(select(Meeting).where(Meeting.ext_id == ext_id)).one()


def _texts(chapter) -> list[str]:
    out = []
    for block in chapter.blocks:
        if isinstance(block, SectionHeading):
            out.append(f"## {block.text}")
        elif isinstance(block, Para):
            out.append("".join(run.text for run in block.runs))
        elif isinstance(block, ListBlock):
            out += ["".join(run.text for run in e.runs) for e in block.entries]
    return out


@pytest.fixture
def session(examples_archive):
    with examples_archive.sessions() as session:
        yield session


def test_stevns_prints_beslutning_right_after_indstilling(session):
    doc = build_document(_meeting(session, "aet-2020-08-19"), "referat")
    chapter = doc.chapters[2]
    assert chapter.heading.startswith("194. AP.Møller støtter IPS")
    headings = [t for t in _texts(chapter) if t.startswith("## ")]
    # Stevns' style: the bilag right under the item's heading, with no heading of their own
    assert headings == ["## Resume", "## Indstilling", "## Beslutning", "## Sagsfremstilling"]
    assert isinstance(chapter.blocks[0], ListBlock)
    assert _texts(chapter)[0].startswith("Bilag 1: ips_sjaelland_projektbeskrivelse")
    texts = _texts(chapter)
    assert texts.index("Direktionen, 17. august 2020, pkt. 4:") < texts.index("## Beslutning")


def test_prior_decisions_in_date_order_and_absence_line(session):
    doc = build_document(_meeting(session, "aet-2020-08-19"), "referat")
    first = _texts(doc.chapters[0])
    assert "Ikke til stede: Jacob Panton-Kristiansen (V)" in first
    texts = _texts(doc.chapters[6])  # 198: PMT 18 Aug, BUL 18 Aug
    bodies = [t for t in texts if t.endswith(":") and "2020, pkt." in t]
    assert bodies == ["Plan, Miljø og Teknik, 18. august 2020, pkt. 336:",
                      "Børn, Unge og Læring, 18. august 2020, pkt. 208:"]


def test_faxe_numbering_and_decision_last(session):
    doc = build_document(_meeting(session, "sagsbehandling-2020-04-21"), "referat")
    assert doc.chapters[0].heading == "Punkt 1: Velkomst og præsentation"
    headings = [t for t in _texts(doc.chapters[0]) if t.startswith("## ")]
    assert headings == ["## Sagsfremstilling", "## Lovgrundlag", "## Økonomi",
                        "## Sagen afgøres af", "## Indstilling", "## Beslutning", "## Bilag"]
    assert doc.front.rows[0] == ("Mødedato", ["Tirsdag d. 21. april 2020 kl. 17:00"])


def test_votes_by_party_protokoltilfoersel_and_correction(session):
    doc = build_document(_meeting(session, "oeu-2026-09-30"), "referat")
    budget, closed = _texts(doc.chapters[1]), _texts(doc.chapters[2])
    assert "For stemte 3 (A, F, V), imod stemte 1 (O)." in budget
    # oeu-4's seat was filled by a stand-in typed as a name only: the seat's vote and
    # protokoltilførsel are the stand-in's (model/roster.py)
    assert "Protokoltilførsel fra Karen Vinter (O):" in budget
    assert "Tilføjet d. 2. oktober 2026:" in closed
    assert "Bilag 2: Notat om anlægsønsker (Lukket bilag)" in budget
    assert "Bilag 1: Budgetforslag 2027-2030" in budget


def test_public_closed_item_shows_number_public_title_and_public_text_only(session):
    doc = build_document(_meeting(session, "oeu-2026-09-30"), "referat", public=True)
    chapter = doc.chapters[2]
    # no style: the contract's default heading, whatever the numbering
    assert chapter.heading == "Punkt 303: Salg af kommunal grund (Lukket punkt)"
    assert _texts(chapter) == ["## Beslutning", "Økonomiudvalget besluttede at sælge grunden."]
    assert "Bilag 2: Notat om anlægsønsker (Lukket bilag)" not in _texts(doc.chapters[1])
    assert "Bilag 1: Budgetforslag 2027-2030" in _texts(doc.chapters[1])  # numbered as inside


def test_dagsorden_has_no_decisions_and_no_signature_page(session):
    doc = build_document(_meeting(session, "oeu-2026-09-30"), "dagsorden")
    assert doc.kind == "Dagsorden"
    assert all("## Beslutning" not in _texts(c) for c in doc.chapters)
    assert all(c.signature is None for c in doc.chapters)
    assert "Direktionen, 21. september 2026, pkt. 4:" in _texts(doc.chapters[1])
    public = build_document(_meeting(session, "oeu-2026-09-30"), "dagsorden", public=True)
    assert _texts(public.chapters[2]) == []


def test_signature_page_lists_those_who_took_part_formand_first(session):
    doc = build_document(_meeting(session, "oeu-2026-09-30"), "referat")
    page = doc.chapters[-1].signature
    assert [(s.name, s.note) for s in page.signers] == [
        ("Hanne Kjær (A), formand", ""),
        ("Søren Østergaard (V), næstformand", ""),
        ("Karen Vinter (O)", "Stedfortræder for Mikkel Ærenlund (O)"),
        ("Lærke Holm (F)", ""),
    ]  # Åse Bøgh was away; Jens Sekretær does not sign
    assert page.meeting == "Økonomiudvalget, onsdag d. 30. september 2026 kl. 08:30, " \
        "Mødelokale 2, Rådhuset"
    assert page.dated == "Underskrevet den:"


def test_front_page_lists_present_absent_substitute_and_guests(session):
    doc = build_document(_meeting(session, "oeu-2026-09-30"), "referat")
    rows = dict(doc.front.rows)
    assert rows["Mødedato"] == ["Onsdag d. 30. september 2026"]
    assert rows["Mødetid"] == ["Mødet begyndte kl. 8.30 og sluttede kl. 10.15."]
    agenda = dict(build_document(_meeting(session, "oeu-2026-09-30"), "dagsorden").front.rows)
    assert agenda["Mødedato"] == ["Onsdag d. 30. september 2026 kl. 08:30-10:15"]
    assert "Mødetid" not in agenda
    assert "Åse Bøgh (C) (Afbud)" in rows["Fraværende"]
    assert "Mikkel Ærenlund (O), stedfortræder: Karen Vinter (O)" in rows["Fraværende"]
    assert rows["Øvrige deltagere"] == ["Kommunaldirektør Bent Lind", "Økonomichef Rikke Dal"]


def test_markdown_becomes_lists_subheadings_and_emphasis():
    from exporters.blocks import SubHeading
    from exporters.markup import markdown_blocks

    blocks = markdown_blocks("Tekst **fed** og *kursiv*\nny linje\n\n### Under\n\n- a\n- b\n\n"
                             "3. tre\n4. fire\n\n<b>ikke html</b>")
    para = blocks[0]
    assert [(r.text, r.bold, r.italic) for r in para.runs] == [
        ("Tekst ", False, False), ("fed", True, False), (" og ", False, False),
        ("kursiv", False, True), ("\n", False, False), ("ny linje", False, False)]
    assert blocks[1] == SubHeading("Under")
    # A bullet list and the numbered list after it are two lists, as Markdown has them.
    assert [e.label for e in blocks[2].entries] == ["•", "•"]
    assert [e.label for e in blocks[3].entries] == ["3.", "4."]
    assert blocks[4].runs[0].text == "<b>ikke html</b>"


def test_clean_drops_what_xml_forbids_and_keeps_breaks():
    from exporters.markup import clean

    assert clean("a\x0bb\x0cc\x00d\x07e\ud800f😀") == "a\nb\n\ncdef😀"


def test_signatures_go_into_the_committees_own_underskriftsark_item(session):
    oeu = _meeting(session, "oeu-2026-09-30")
    internal = build_document(oeu, "referat")
    assert internal.chapters[-1].heading == "Punkt 305: Underskriftsark (Lukket punkt)"
    assert internal.chapters[-1].signature is not None
    public = build_document(oeu, "referat", public=True)
    assert [c for c in public.chapters if c.signature] == []  # a closed item shows nothing
    faxe = build_document(_meeting(session, "sagsbehandling-2020-04-21"), "referat")
    assert faxe.chapters[-1].heading == "Underskriftsark"
    assert faxe.chapters[-1].signature is not None


def test_a_bullet_list_and_a_numbered_list_after_it_are_two_lists():
    from exporters.blocks import ListBlock
    from exporters.markup import markdown_blocks

    blocks = markdown_blocks("- en\n- to\n\n1. Drift\n2. Anlæg\n\n- a\n  1. indre\n- b")
    assert [[e.label for e in b.entries] for b in blocks if isinstance(b, ListBlock)] == [
        ["•", "•"], ["1.", "2."], ["•", "1.", "•"]]
