"""A closed item's public decision text: set through model operations (the item editor's
and the entry mode's), refused for an open item, for a stale copy and for a signed meeting;
a public export of a closed decided item without one warns, naming the item."""

from __future__ import annotations

import io
import json

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from exporters.public_check import missing_public_texts, missing_public_texts_for
from model import decisions, item_edit, saving
from model.checks import InputError
from model.decision_conflict import DecisionConflict
from model.entities import Item
from model.errors import EditConflict, ReferentError
from model.interchange import load_json
from model.meetings import load_meeting
from tests.conftest import EXAMPLE_FILES
from tests.model.hostile_cli import run

MEETING = "oeu-2026-09-30"
CLOSED = f"{MEETING}-303"  # closed, decided, with a public text in the example
OPEN = f"{MEETING}-304"
WARNING = ("Punkt 303 (lukket) har ingen offentlig beslutningstekst; den offentlige udgave "
           "viser kun nummer og titel.")


def _id(session, ext_id: str) -> int:
    return session.scalar(select(Item.id).where(Item.ext_id == ext_id))


def _public_text(archive, ext_id: str) -> str | None:
    with archive.sessions() as session:
        decision = session.get(Item, _id(session, ext_id)).decision
        return decision.public_text if decision else None


def test_the_editor_sets_it_on_a_closed_item_and_refuses_a_stale_copy(
        unsigned_examples_archive):
    archive = unsigned_examples_archive
    with archive.transaction() as s:
        item_id = _id(s, CLOSED)
        shown = decisions.version_of(s.get(Item, item_id))
        saved = saving.save_public_text(s, item_id, "Grunden sælges.", shown)
    assert saved.old.startswith("Økonomiudvalget besluttede at sælge")  # the example's, for undo
    assert saved.version == saved.previous_version + 1
    assert _public_text(archive, CLOSED) == "Grunden sælges."

    with pytest.raises(EditConflict) as refused, archive.transaction() as s:
        item_edit.set_public_text(s, item_id, "Min udgave.", shown)  # based on the old one
    assert (refused.value.mine, refused.value.theirs) == ("Min udgave.", "Grunden sælges.")
    assert "Den offentlige beslutningstekst" in str(refused.value)
    assert _public_text(archive, CLOSED) == "Grunden sælges."

    with archive.transaction() as s:  # emptied: nothing is published of the decision
        assert item_edit.set_public_text(s, item_id, "  ", saved.version) == "Grunden sælges."
    assert _public_text(archive, CLOSED) is None


def test_an_open_item_has_no_public_text_of_its_own(unsigned_examples_archive):
    archive = unsigned_examples_archive
    with pytest.raises(InputError, match="Punktet er åbent"), archive.transaction() as s:
        item_edit.set_public_text(s, _id(s, OPEN), "Noget.", None)
    with pytest.raises(InputError, match="Punktet er åbent"), archive.transaction() as s:
        decisions.set_public_text(s, _id(s, OPEN), "Noget.")
    assert _public_text(archive, OPEN) is None


def test_the_entry_mode_sets_it_against_the_decision_it_showed(unsigned_examples_archive):
    archive = unsigned_examples_archive
    with archive.sessions() as s:
        item = s.get(Item, _id(s, CLOSED))
        basis = decisions.Basis(decisions.version_of(item), decisions.state_of(item.decision))
        item_id = item.id
    with archive.transaction() as s:
        change = decisions.set_public_text(s, item_id, "Salget er godkendt.", basis)
    assert change.after.public_text == "Salget er godkendt."
    assert change.before.text == change.after.text  # the decision itself is untouched

    with pytest.raises(DecisionConflict) as refused, archive.transaction() as s:
        decisions.set_public_text(s, item_id, "Min tekst.", basis)  # shown before the change
    assert "Offentlig tekst: Min tekst." in refused.value.mine
    assert "Offentlig tekst: Salget er godkendt." in refused.value.theirs
    with archive.transaction() as s:  # undo: the decision as it was
        decisions.restore(s, item_id, change.before)
    assert _public_text(archive, CLOSED) == change.before.public_text


def test_a_signed_meetings_public_text_is_never_changed(examples_archive):
    with pytest.raises(ReferentError, match="underskrevet"), examples_archive.transaction() as s:
        item_edit.set_public_text(s, _id(s, CLOSED), "Ændret.", None)
    with pytest.raises(ReferentError, match="underskrevet"), examples_archive.transaction() as s:
        decisions.set_public_text(s, _id(s, CLOSED), "Ændret.")
    assert _public_text(examples_archive, CLOSED).startswith("Økonomiudvalget besluttede at sælge")


def test_a_closed_decided_item_without_public_text_is_named(unsigned_examples_archive):
    archive = unsigned_examples_archive
    with archive.sessions() as s:
        assert missing_public_texts(load_meeting(s, MEETING)) == []  # the example has one
    with archive.transaction() as s:
        item_edit.set_public_text(s, _id(s, CLOSED), "", None)
    with archive.sessions() as s:
        assert missing_public_texts(load_meeting(s, MEETING)) == [WARNING]
        assert missing_public_texts_for(s, MEETING, "referat") == [WARNING]
        assert missing_public_texts_for(s, MEETING, "dagsorden") == []  # prints no decision
        # The Underskriftsark item (305, closed) takes no decision: never named.
        assert not any("305" in line for line in missing_public_texts(load_meeting(s, MEETING)))
    with archive.transaction() as s:  # undecided: nothing to publish yet
        item_edit.set_decision_text(s, _id(s, CLOSED), "", None)
    with archive.sessions() as s:
        assert missing_public_texts(load_meeting(s, MEETING)) == []


def _without_public_text(tmp_path):
    document = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
    meeting = document["meetings"][0]
    meeting["status"] = "minutes_approved"
    meeting.pop("sealed", None)
    meeting["items"][2]["decision"]["public_text"] = None
    source = tmp_path / "m.json"
    source.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    db = tmp_path / "a.sqlite3"
    assert run("--db", db, "import", source)[0] == 0
    return db


def test_the_render_verb_warns_and_goes_on(tmp_path):
    db = _without_public_text(tmp_path)
    out = tmp_path / "offentlig.pdf"
    code, stdout, err = run("--db", db, "render", MEETING, "--document", "referat",
                            "--format", "pdf", "--public", "--out", out)
    assert code == 0
    assert err.splitlines() == [f"Advarsel: {WARNING}"]
    assert f"Gemt {out}" in stdout
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(out.read_bytes())).pages)
    assert "Salg af kommunal grund" in text and "Havnevej" not in text
    # The internal version and the public dagsorden print the decision or none: no warning.
    for extra in ([], ["--document", "dagsorden", "--public"]):
        argv = ["--db", db, "render", MEETING, "--document", "referat", "--format", "pdf",
                "--out", tmp_path / "x.pdf", *extra]
        assert run(*argv)[2] == ""


def test_publishing_names_them_or_stops_to_ask(tmp_path):
    from exporters.publish import PublicTextsMissing, publish_site
    from model.database import open_archive

    db = _without_public_text(tmp_path)
    site = tmp_path / "site"
    archive = open_archive(db, keep_backups=None)
    try:
        with archive.sessions() as s, pytest.raises(PublicTextsMissing) as asked:
            publish_site(s, site, ask_public_texts=True)
        assert asked.value.warnings == [f"ØU 30.09.2026: {WARNING}"]
        assert not site.exists()  # asked before anything was written
    finally:
        archive.close()
    code, stdout, err = run("--db", db, "publish", "--out", site)
    assert code == 0 and err.splitlines() == [f"Advarsel: ØU 30.09.2026: {WARNING}"]
    assert (site / "index.html").exists() and "udgivet" in stdout


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_the_public_referat_prints_the_text_as_set(unsigned_examples_archive, fmt):
    from docx import Document

    from exporters.render import render_bytes

    archive = unsigned_examples_archive
    with archive.transaction() as s:
        item_edit.set_public_text(s, _id(s, CLOSED), "Grunden sælges til **højestbydende**.",
                                  None)
    with archive.sessions() as s:
        data = render_bytes(load_meeting(s, MEETING), "referat", fmt, public=True)
    if fmt == "pdf":
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)
    else:
        text = " ".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    text = " ".join(text.split())
    assert "Salg af kommunal grund, Havnevej 12 (Lukket punkt)" not in text  # public title
    assert "Beslutning Grunden sælges til højestbydende." in text
    assert "Buddet" not in text and "besluttede at sælge" not in text
