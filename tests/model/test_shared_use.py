"""Two programs on one archive: a stale edit is refused, a busy file waits or says so."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest
from sqlalchemy import select

from main import main
from model import database
from model.entities import Item
from model.errors import ConflictError
from model.interchange import load_json
from tests.conftest import EXAMPLE_FILES, ROOT
from tests.model.normalize import normalize

ITEM = "sagsbehandling-2020-04-21-2"  # of a meeting not signed: it can still be edited


def load_item(session, ext_id=ITEM) -> Item:
    return session.scalar(select(Item).where(Item.ext_id == ext_id))


def test_edit_based_on_a_stale_copy_is_refused(examples_archive):
    archive = examples_archive
    with archive.sessions() as mine:
        my_copy = load_item(mine)
        mine.commit()  # the window shows my copy; no transaction stays open
        with archive.transaction() as theirs:
            load_item(theirs).title = "Deres titel"

        my_copy.title = "Min titel"
        with pytest.raises(ConflictError, match="ændret af en anden"), database.user_errors():
            mine.commit()

    with archive.sessions() as session:
        assert load_item(session).title == "Deres titel"


def test_fresh_edit_after_a_refusal_succeeds(examples_archive):
    archive = examples_archive
    with archive.transaction() as session:
        load_item(session).title = "Første"
    with archive.transaction() as session:
        item = load_item(session)
        item.title = "Anden"
    with archive.sessions() as session:
        assert load_item(session).title == "Anden"
        assert load_item(session).version == 3


def _import_loop(db, files, rounds):
    code = (
        "import sys; from main import main\n"
        "files = sys.argv[2:]\n"
        f"for _ in range({rounds}):\n"
        "    for f in files:\n"
        "        assert main(['--db', sys.argv[1], 'import', f]) == 0\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, str(db), *map(str, files)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_two_programs_import_into_one_sqlite_file(tmp_path):
    db = tmp_path / "delt.sqlite3"
    database.open_archive(db).close()
    stevns, faxe = (
        next(p for p in EXAMPLE_FILES if p.stem.startswith(n)) for n in ("stevns", "faxe")
    )

    first = _import_loop(db, [stevns, faxe], rounds=4)
    second = _import_loop(db, [faxe, stevns], rounds=4)
    assert first.wait(timeout=120) == 0, first.stderr.read()
    assert second.wait(timeout=120) == 0, second.stderr.read()

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    for path in (stevns, faxe):
        meeting_id = load_json(path)["meetings"][0]["id"]
        out = tmp_path / f"{meeting_id}.json"
        assert main(["--db", str(db), "export", meeting_id, "--out", str(out)]) == 0
        expected = normalize({**load_json(path), "cases": []})
        exported = json.loads(out.read_text("utf-8"))
        if expected["meetings"][0]["status"] == "signed":  # sealed as it first came in
            expected["meetings"][0]["sealed"] = exported["meetings"][0]["sealed"]
        assert exported == expected


def test_archive_held_by_another_program_is_reported(tmp_path, capsys, monkeypatch):
    db = tmp_path / "optaget.sqlite3"
    database.open_archive(db).close()
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another program in the middle of a write
    try:
        code = main(["--db", str(db), "import", str(EXAMPLE_FILES[0])])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    _, err = capsys.readouterr()
    assert code == 2
    assert err == "referent: Arkivet er optaget af et andet program lige nu; prøv igen om lidt.\n"
    assert main(["--db", str(db), "import", str(EXAMPLE_FILES[0])]) == 0
