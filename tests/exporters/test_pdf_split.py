"""A long PDF laid out in two processes (exporters/pdf_split.py) is the PDF one process
lays out: the same pages and words, the same "Side X af Y" and contents numbers, the same
bookmarks, links and structure tree. When the halves cannot be joined, this process lays
out the other half itself, and the file is still the same."""

from __future__ import annotations

import gc
import io

import pikepdf
import pytest

from exporters import pdf, pdf_font, pdf_split
from exporters.blocks import Chapter, Document, Para, Run
from exporters.document import build_document
from exporters.protocol import build_protocol
from model.database import open_archive
from model.interchange import import_document
from model.meetings import load_meeting
from tests.exporters.helpers import outline, pdf_pages, toc_entries
from tests.exporters.word_stress import stress_meeting

MEETING = "stress-21"


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    archive = open_archive(tmp_path_factory.mktemp("split") / "a.sqlite3", keep_backups=None)
    with archive.transaction() as session:
        import_document(session, stress_meeting(36, 21))
    yield archive
    archive.close()


def _doc(archive, public: bool = False) -> Document:
    with archive.sessions() as session:
        return build_document(load_meeting(session, MEETING), "referat", public)


def _calls(monkeypatch, module, name: str) -> list:
    """Record each call of module.name, which still does its work."""
    calls: list = []
    original = getattr(module, name)

    def spy(*args, **kwargs):
        calls.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(module, name, spy)
    return calls


def _reading(data: bytes) -> dict:
    """What a reader of the file meets, page numbers where it points at pages."""
    with pikepdf.open(io.BytesIO(data)) as pdf_file:
        pages = {page.objgen: n for n, page in enumerate(pdf_file.pages, 1)}
        links = [(n, pages[annot.Dest[0].objgen], str(annot.Contents))
                 for n, page in enumerate(pdf_file.pages, 1)
                 for annot in page.obj.get("/Annots", [])]
        tree: list = []
        _walk(pdf_file.Root.StructTreeRoot.K, pages, tree)
        parents = [int(page.obj.StructParents) for page in pdf_file.pages]
    texts = pdf_pages(data)
    return {"texts": texts, "toc": toc_entries(texts), "outline": outline(data),
            "links": links, "tree": tree, "parents": parents}


def _walk(node, pages: dict, out: list) -> None:
    if isinstance(node, pikepdf.Array):
        for kid in node:
            _walk(kid, pages, out)
    elif isinstance(node, pikepdf.Dictionary):
        page = pages.get(node.Pg.objgen) if "/Pg" in node else None
        if node.get("/Type") in ("/MCR", "/OBJR"):
            out.append((str(node.Type), page, int(node.get("/MCID", -1))))
            return
        out.append((str(node.S), page))
        if "/K" in node:
            _walk(node.K, pages, out)
    else:
        out.append(("MCID", int(node)))


@pytest.mark.parametrize("public", [False, True], ids=["intern", "offentlig"])
def test_two_processes_make_the_pdf_one_process_makes(archive, monkeypatch, public):
    forks = _calls(monkeypatch, pdf_split, "fork")
    here = _calls(monkeypatch, pdf, "_lay_out_here")
    two = pdf.render_pdf(_doc(archive, public), workers=2)
    assert len(forks) == 1 and not here  # the other half came from the other process
    one = _reading(pdf.render_pdf(_doc(archive, public)))
    split = _reading(two)
    for what in one:
        assert split[what] == one[what], what
    count = len(split["texts"])
    assert count > 40 and split["tree"] and len(split["links"]) == len(split["toc"])
    for number, text in enumerate(split["texts"], 1):
        assert f"Side {number} af {count}" in text
    for heading, page in split["toc"]:  # every contents number is where its heading is
        assert heading[:25] in " ".join(split["texts"][page - 1].split())


def test_characters_liberation_sans_lacks_are_set_alike_in_both_halves(archive, monkeypatch):
    def doc() -> Document:
        made = _doc(archive)  # DejaVu Sans's glyphs, met in another order in each half
        made.chapters[1].blocks.append(Para([Run("Vægt ⚖, fly ✈ og smil 😀.")]))
        made.chapters[-2].blocks.append(Para([Run("Smil 😀, fly ✈ og vægt ⚖.")]))
        return made

    here = _calls(monkeypatch, pdf, "_lay_out_here")
    two = pdf.render_pdf(doc(), workers=2)
    assert not here
    assert _reading(two) == _reading(pdf.render_pdf(doc()))
    with pikepdf.open(io.BytesIO(two)) as pdf_file:
        fonts = {str(font.BaseFont) for page in pdf_file.pages
                 for font in page.Resources.Font.values()}
    assert any("DejaVuSans" in name for name in fonts)


def test_other_process_failing_leaves_its_half_to_this_one(archive, monkeypatch):
    def fails(*args):
        raise RuntimeError("the other process stops")

    monkeypatch.setattr(pdf, "_lay_out_other", fails)  # the fork inherits it
    here = _calls(monkeypatch, pdf, "_lay_out_here")
    two = pdf.render_pdf(_doc(archive), workers=2)
    assert len(here) == 1
    monkeypatch.undo()
    assert _reading(two) == _reading(pdf.render_pdf(_doc(archive)))


def test_halves_without_codes_in_common_are_laid_out_here(archive, monkeypatch):
    # Without every character's code given before the fork, each half gives its own
    # characters codes in the order it meets them, and the pages cannot be joined.
    monkeypatch.setattr(pdf_split, "_give_codes", lambda target, chars: None)
    joins = []
    original = pdf_split.join

    def join(*args):
        joins.append(original(*args))
        return joins[-1]

    monkeypatch.setattr(pdf_split, "join", join)
    two = pdf.render_pdf(_doc(archive), workers=2)
    assert joins == [False]
    monkeypatch.undo()
    one = pdf.render_pdf(_doc(archive))
    assert pdf_pages(two) == pdf_pages(one) and outline(two) == outline(one)


def _canvas_at_fork(chars: str):
    from exporters.fonts import FAMILY, register

    register()
    canvas = pdf._Canvas(io.BytesIO())
    pdf_split._give_codes(canvas._doc, chars)
    split = pdf_split.Split(0, 0, pdf_font.codes_given(canvas._doc),
                            len(canvas._doc.fontMapping))
    return canvas, split, FAMILY


def test_codes_one_half_added_after_the_others_are_taken_over():
    canvas, split, family = _canvas_at_fork("abcæøå")
    pdf_font.give_codes(canvas._doc, {family: "é"})  # this half met "é"
    laid = pdf_split.Laid([], [], pdf.tagging.Tagger(), codes={family: "éü"})
    assert pdf_split.join(canvas, split, laid, 0)
    assert pdf_font.codes_since(canvas._doc, split.codes) == {family: "éü"}


def test_codes_given_in_another_order_are_refused():
    canvas, split, family = _canvas_at_fork("abcæøå")
    pdf_font.give_codes(canvas._doc, {family: "ü"})
    laid = pdf_split.Laid([], [], pdf.tagging.Tagger(), codes={family: "é"})
    assert not pdf_split.join(canvas, split, laid, 0)
    assert pdf_font.codes_since(canvas._doc, split.codes) == {family: "ü"}  # unchanged


def test_a_link_in_the_other_half_is_refused():
    canvas, split, _ = _canvas_at_fork("abc")
    notes = pdf.tagging.Tagger()
    notes.links.append((0, pdf.tagging.Element("Link")))
    assert not pdf_split.join(canvas, split, pdf_split.Laid([], [], notes), 0)


def test_only_long_documents_with_nothing_to_read_back_are_split(archive, monkeypatch):
    doc = _doc(archive)
    plan = pdf_split.plan(doc, 2)
    assert plan is not None and 0 < plan.at < len(doc.chapters)
    assert set("æøåÆØÅ–§") <= set(plan.chars)  # the text's, and the page furniture's
    assert pdf_split.plan(doc, 1) is None
    short = Document("Referat", False, "Kommune", "Udvalg", "Referat", "Udvalg", None,
                     [Chapter(f"c{n}", f"Punkt {n}", [Para([Run("Kort.")])]) for n in range(9)])
    assert pdf_split.plan(short, 2) is None
    with archive.sessions() as session:
        protocol = build_protocol(load_meeting(session, MEETING))
    assert pdf_split.plan(protocol, 2) is None  # its boxes' places are kept for scanning
    monkeypatch.delattr(pdf_split.os, "fork")  # Windows
    assert pdf_split.plan(doc, 2) is None


def test_the_command_line_lays_a_long_pdf_out_in_two_processes(archive, monkeypatch,
                                                               tmp_path):
    import main

    forks = _calls(monkeypatch, pdf_split, "fork")
    out = tmp_path / "referat.pdf"
    db = archive.engine.url.database
    assert main.main(["--db", db, "render", MEETING, "--document", "referat", "--format",
                      "pdf", "--out", str(out)]) == 0
    assert len(forks) == 1
    # The collector, off while the one-shot command renders, is as this process had it.
    assert gc.isenabled() and gc.get_freeze_count() == 0
    texts = pdf_pages(out.read_bytes())
    assert f"Side {len(texts)} af {len(texts)}" in texts[-1]
