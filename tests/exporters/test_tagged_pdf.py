"""Tagged PDF (PDF/UA-1): the structure as an independent reader sees it.

poppler's `pdfinfo -struct-text` reads the structure tree with its text; the
pages' own text comes from `pdftotext`. The `pdfua` package checks the
machine-checkable part of PDF/UA-1 as a second opinion.
"""

from __future__ import annotations

import copy
import io
import json
import re
import subprocess

import pikepdf
import pytest

from exporters.document import build_document
from exporters.render import render_bytes
from model.interchange import import_file, load_json
from model.meetings import load_meeting
from tests.conftest import EXAMPLE_FILES

MEETINGS = ["aet-2020-08-19", "sagsbehandling-2020-04-21", "oeu-2026-09-30", "kb-2026-10-08"]
PUBLIC = [(m, d) for m in MEETINGS for d in ("referat", "dagsorden")]
TAG = re.compile(r"^(\s*)([A-Za-z][A-Za-z0-9]*)(?: \((?:block|inline)\))?:?$")
QUOTED = re.compile(r'^\s*"(.*)"$')
WORD = re.compile(r"\w+")


def struct_tree(path) -> list[tuple[str, str]]:
    """(tag, text) of every element that holds text, in reading order."""
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                         text=True, check=True).stdout
    found, tag = [], None
    for line in out.splitlines():
        if m := TAG.match(line):
            tag = m[2]
        elif (q := QUOTED.match(line)) and tag:
            found.append((tag, q[1]))
    return found


def page_texts(path) -> list[str]:
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return out.split("\f")[:-1]


def body_words(page: str, doc) -> list[str]:
    """The words of a page without its running header and footer."""
    lines = [line for line in page.splitlines() if line.strip()]
    furniture = (doc.header[:20], "Side ")
    body = [line for line in lines
            if not any(line.strip().startswith(f) or f in line for f in furniture[1:])
            and doc.header[:20] not in line]
    return WORD.findall(" ".join(body))


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The public referat and dagsorden of every example, tagged, with their neutral documents."""
    from model.database import open_archive

    folder = tmp_path_factory.mktemp("tagged")
    archive = open_archive(folder / "arkiv.sqlite3")
    for path in EXAMPLE_FILES:
        import_file(archive, path)
    files = {}
    with archive.sessions() as session:
        for meeting_id, document in PUBLIC + [("oeu-2026-09-30", "protokol"),
                                              ("aet-2020-08-19", "underskriftsark")]:
            meeting = load_meeting(session, meeting_id)
            public = document in ("referat", "dagsorden")
            out = folder / f"{meeting_id}-{document}.pdf"
            out.write_bytes(render_bytes(meeting, document, "pdf", public))
            doc = build_document(meeting, document, public) if document != "protokol" else None
            files[(meeting_id, document)] = (out, doc)
    archive.close()
    return files


@pytest.mark.parametrize("key", PUBLIC, ids=lambda k: "-".join(k))
def test_nearly_every_printed_word_is_in_the_tree(rendered, key):
    path, doc = rendered[key]
    tree = "".join(text for _, text in struct_tree(path)).replace(" ", "")
    for number, page in enumerate(page_texts(path), start=1):
        words = body_words(page, doc)
        found = sum(1 for word in words if word in tree)
        share = found / len(words) if words else 1.0
        print(f"{key} side {number}: {found}/{len(words)} ord i strukturen ({share:.1%})")
        assert share >= 0.98, f"side {number}: {share:.1%}"


@pytest.mark.parametrize("key", PUBLIC, ids=lambda k: "-".join(k))
def test_item_titles_are_headings_in_agenda_order(rendered, key):
    path, doc = rendered[key]
    tree = struct_tree(path)
    headings = [text for tag, text in tree if tag == "H1" and text != doc.toc_title]
    assert headings == [chapter.heading for chapter in doc.chapters]
    # Section headings are H2 under them; the TOC is a TOC of links, one per item.
    assert ("H2", "Resume") in tree or ("H2", "Indstilling") in tree or doc.kind != "Referat"
    assert [text for tag, text in tree if tag == "Link"][::2] == [
        chapter.toc_text for chapter in doc.chapters]


@pytest.mark.parametrize("key", PUBLIC, ids=lambda k: "-".join(k))
def test_headers_and_footers_are_not_in_the_tree(rendered, key):
    path, doc = rendered[key]
    texts = [text for _, text in struct_tree(path)]
    assert not any(re.search(r"Side \d+ af \d+", t) for t in texts)
    assert doc.header not in texts
    # …but they are printed, as artifacts.
    assert "Side 1 af" in page_texts(path)[0]


@pytest.mark.parametrize("key", PUBLIC + [("oeu-2026-09-30", "protokol"),
                                           ("aet-2020-08-19", "underskriftsark")],
                         ids=lambda k: "-".join(k))
def test_catalog_marks_a_pdf_ua_document(rendered, key):
    from pdfua import validate

    path, _ = rendered[key]
    with pikepdf.open(path) as pdf:
        assert str(pdf.Root.Lang) == "da-DK"
        assert bool(pdf.Root.MarkInfo.Marked)
        assert bool(pdf.Root.ViewerPreferences.DisplayDocTitle)
        meta = pdf.open_metadata()
        assert meta["pdfuaid:part"] == "1"
        assert meta["dc:title"]
        # What the writer sets survives the XMP being written back over the info.
        assert str(pdf.docinfo["/Author"]) and str(pdf.docinfo["/Subject"])
        assert meta["dc:creator"] == [str(pdf.docinfo["/Author"])]
        assert meta["xmp:CreatorTool"] == "Referent"
        for font in _fonts(pdf):
            assert "/FontDescriptor" in font and "/ToUnicode" in font, font.get("/BaseFont")
    report = validate(str(path))
    errors = [f"{f.rule_id}: {f.message}" for f in report.findings if f.severity.name == "ERROR"]
    assert errors == []


@pytest.mark.parametrize("key", PUBLIC, ids=lambda k: "-".join(k))
def test_structure_update_is_sound_pdf(rendered, key):
    """The structure tree is appended as an update with its own xref stream: qpdf finds
    every object where the update says, with nothing to repair."""
    path, _ = rendered[key]
    with pikepdf.open(path) as pdf:
        assert pdf.check_pdf_syntax() == []
        assert pdf.get_warnings() == []
        assert len(pdf.Root.StructTreeRoot.ParentTree.Nums) >= 2 * len(pdf.pages)


def test_page_streams_reach_qpdf_compressed_once(monkeypatch, tmp_path):
    """Each page's text leaves reportlab compressed with Flate alone, its filter the plain
    name: qpdf, which saves the tagged file, copies such a stream as it is instead of
    decoding and compressing it again (a third of the tagging's time)."""
    from exporters import pdf_tagging
    from model.database import open_archive

    saved = []
    finish = pdf_tagging.finish
    monkeypatch.setattr(pdf_tagging, "finish",
                        lambda data, *args: saved.append(data) or finish(data, *args))
    archive = open_archive(tmp_path / "arkiv.sqlite3")
    import_file(archive, EXAMPLE_FILES[0])
    with archive.sessions() as session:
        meeting = load_meeting(session, load_json(EXAMPLE_FILES[0])["meetings"][0]["id"])
        render_bytes(meeting, "referat", "pdf")
    archive.close()
    with pikepdf.open(io.BytesIO(saved[0])) as pdf:
        for number, page in enumerate(pdf.pages, 1):
            contents = page.obj.Contents
            assert contents.get("/Filter") == pikepdf.Name.FlateDecode, number
            assert b" Tf" in contents.read_bytes()  # and it decodes to the page's text


def test_front_page_table_has_row_headers(rendered):
    path, _ = rendered[("aet-2020-08-19", "referat")]
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                         text=True, check=True).stdout
    assert "Table" in out and "TR" in out and "/Scope /Row" in out
    tree = struct_tree(path)
    assert ("P", "Mødedato") in tree


def test_paragraph_split_over_pages_is_one_element(tmp_path):
    """A paragraph that runs onto the next page is one P with content on both pages."""
    from model.database import open_archive

    document = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
    document = copy.deepcopy(document)
    long_text = " ".join(f"Ord{n} i et meget langt afsnit om budgettet." for n in range(700))
    document["meetings"][0]["items"][1]["sections"][0]["text"] = long_text
    path = tmp_path / "lang.json"
    path.write_text(json.dumps(document), "utf-8")
    archive = open_archive(tmp_path / "arkiv.sqlite3")
    import_file(archive, path)
    with archive.sessions() as session:
        data = render_bytes(load_meeting(session, "oeu-2026-09-30"), "referat", "pdf", True)
    archive.close()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        pages = {p.objgen: n for n, p in enumerate(pdf.pages)}
        spread = []
        for element in _elements(pdf.Root.StructTreeRoot):
            if element.get("/S") == "/P":
                on = {pages[k.Pg.objgen] for k in element.K if isinstance(k, pikepdf.Dictionary)
                      and "/MCID" in k}
                spread.append(len(on))
        assert max(spread) >= 2


def _elements(node):
    kids = node.get("/K", [])
    for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
        if isinstance(kid, pikepdf.Dictionary) and kid.get("/Type") == "/StructElem":
            yield kid
            yield from _elements(kid)


def _fonts(pdf):
    for page in pdf.pages:
        yield from page.Resources.get("/Font", {}).values()


def test_lists_have_labels_apart_from_their_text(rendered):
    path, _ = rendered[("oeu-2026-09-30", "referat")]
    tree = struct_tree(path)
    labels = [text for tag, text in tree if tag == "Lbl"]
    bodies = [text for tag, text in tree if tag == "LBody"]
    assert "•" in labels and "1." in labels
    assert len(labels) == len(bodies)
    assert not any(body.startswith(("•", "1.")) for body in bodies)
    out = subprocess.run(["pdfinfo", "-struct-text", str(path)], capture_output=True,
                         text=True, check=True).stdout
    # The bullet list and the numbered list after it are two lists.
    section = out[out.index("Ændringer siden 1. behandling"):]
    assert section.index("  L (block)") < section.index('"1."')
    assert section.count("  L (block)", 0, section.index('"1."') + 200) == 2
