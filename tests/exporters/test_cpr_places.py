"""A CPR number, however written, in any place a public document prints is found there."""

from __future__ import annotations

import copy
import io
import json

import pytest
from pypdf import PdfReader

from exporters.public_check import meeting_cpr_warnings
from exporters.render import render_bytes
from model.database import open_archive
from model.interchange import import_file, load_json
from model.meetings import load_meeting
from tests.conftest import EXAMPLE_FILES
from tests.model.hostile_cli import assert_one_clean_line, run
from tests.model.test_cpr import WRITTEN

PROEVE = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
PROEVE["meetings"][0]["status"] = "held"
MEETING = ("meetings", 0)
ITEM = ("meetings", 0, "items", 1)
CLOSED = ("meetings", 0, "items", 2)
PLACES = [
    ("committees", 0, "name"),
    ("committees", 0, "organisation"),
    ("committees", 0, "members", 0, "name"),
    (*MEETING, "title"),
    (*MEETING, "location"),
    (*MEETING, "guests", 0),
    (*MEETING, "notes"),
    (*MEETING, "attendance", 2, "note"),
    (*ITEM, "title"),
    (*ITEM, "presenters"),
    (*ITEM, "time_slot"),
    (*ITEM, "sections", 0, "heading"),
    (*ITEM, "sections", 0, "text"),
    (*ITEM, "prior_decisions", 0, "text"),
    (*ITEM, "prior_decisions", 0, "body"),
    (*ITEM, "decision", "text"),
    (*ITEM, "decision", "minority_notes", 0, "text"),
    (*ITEM, "attachments", 0, "title"),
    (*ITEM, "follow_ups", 0, "text"),
    (*CLOSED, "public_title"),
    (*CLOSED, "decision", "public_text"),
    (*ITEM, "follow_ups", 0, "asked_by"),
    (*ITEM, "follow_ups", 0, "responsible"),
]
# What a public referat must print, so that the test cannot pass by printing nothing
# (18, 21 and 22: a question printed under its open item).
SURELY_PRINTED = {0, 1, 2, 4, 8, 12, 15, 18, 19, 20, 21, 22}


def set_at(document, path, value):
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


def pdf_text(data: bytes) -> str:
    """The text of every page and of the file's properties (title, keywords): all published."""
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    return "\n".join(pages + [str(v) for v in (reader.metadata or {}).values()])


@pytest.mark.parametrize("n", range(len(PLACES)), ids=lambda n: ".".join(map(str, PLACES[n])))
def test_a_cpr_number_wherever_a_public_document_prints_it(tmp_path, n):
    form = WRITTEN[n % len(WRITTEN)]
    document = copy.deepcopy(PROEVE)
    set_at(document, PLACES[n], f"Mærke{n} {form}")
    source = tmp_path / "m.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    archive = open_archive(tmp_path / "a.sqlite3")
    try:
        import_file(archive, source)
        with archive.sessions() as session:
            meeting = load_meeting(session, "oeu-2026-09-30")
            for kind in ("referat", "dagsorden"):
                printed = f"Mærke{n}" in pdf_text(render_bytes(meeting, kind, "pdf", public=True))
                warnings = meeting_cpr_warnings(meeting, kind)
                flagged = any("010203-xxxx" in w.excerpt for w in warnings)
                assert flagged == printed, (kind, form, warnings)
                if kind == "referat" and n in SURELY_PRINTED:
                    assert printed
    finally:
        archive.close()


def test_the_render_verb_stops_a_cpr_number_in_the_committees_name(tmp_path):
    document = copy.deepcopy(PROEVE)
    document["committees"][0]["organisation"] = "Prøvekommune, CPR-nr. 010203\u20131234"
    source = tmp_path / "m.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    db = tmp_path / "a.sqlite3"
    assert run("--db", db, "import", source)[0] == 0
    out = tmp_path / "offentlig.pdf"
    argv = ["--db", db, "render", "oeu-2026-09-30", "--document", "dagsorden", "--format", "pdf",
            "--public", "--out", out]

    code, _, err = run(*argv)

    assert code == 2
    assert "Organisationens navn: »…Prøvekommune, CPR-nr. 010203-xxxx…«" in err
    assert "ligner et CPR-nummer" in err.splitlines()[-1]
    assert not out.exists()


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_public_signature_sheet_is_refused_as_internal(tmp_path, fmt):
    db = tmp_path / "a.sqlite3"
    source = tmp_path / "m.json"
    source.write_text(json.dumps(PROEVE, ensure_ascii=False), "utf-8")
    assert run("--db", db, "import", source)[0] == 0
    out = tmp_path / f"ark.{fmt}"
    argv = ["--db", db, "render", "oeu-2026-09-30", "--document", "underskriftsark",
            "--format", fmt, "--out", out]

    code, _, err = run(*argv, "--public")

    assert code == 2
    assert "Underskriftsarket er internt" in assert_one_clean_line(err)
    assert not out.exists()
    assert run(*argv)[0] == 0 and out.exists()  # the internal sheet is made as before
