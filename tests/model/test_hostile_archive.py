"""Damaged, foreign, empty and missing archive files, and a full disk: one line, nothing changed."""

from __future__ import annotations

import errno
import sqlite3
import subprocess

import pytest

from model import backups
from model.database import open_archive
from model.errors import ArchiveError
from tests.conftest import EXAMPLE_FILES
from tests.model.hostile_cli import assert_one_clean_line, run

STEVNS, FAXE = (next(p for p in EXAMPLE_FILES if p.stem.startswith(n)) for n in ("stevns", "faxe"))


def archive_with(path, *files):
    for file in files:
        assert run("--db", path, "import", file)[0] == 0


def damage_table(path, table: str) -> bytes:
    """Garble the root page of `table`, as a bad sector would; returns the file's bytes."""
    with sqlite3.connect(path) as connection:
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
        root = connection.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)
        ).fetchone()[0]
    connection.close()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\xde\xad\xbe\xef" * (page_size // 4)
    path.write_bytes(bytes(data))
    return bytes(data)


@pytest.fixture
def damaged(tmp_path):
    """An archive whose day's check and copy passed this morning, damaged since."""
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS, FAXE)
    assert run("--db", path, "meetings")[0] == 0  # the day's first open: checked and copied
    assert len(backups.backups(path)) == 1
    damage_table(path, "meetings")
    return path


VERBS = {
    "meetings": ["meetings"],
    "import": ["import", STEVNS],
    "export": ["export", "--all", "--out", "{tmp}/ud.json"],
    "render": ["render", "aet-2020-08-19", "--document", "referat", "--format", "pdf",
               "--out", "{tmp}/r.pdf"],
    "backup": ["backup"],
    "backup --out": ["backup", "--out", "{tmp}/kopi.sqlite3"],
}


@pytest.mark.parametrize("verb", list(VERBS))
def test_damage_after_the_days_check_is_one_line_and_nothing_is_written(damaged, tmp_path,
                                                                           verb):
    before = damaged.read_bytes()
    copies = backups.backups(damaged)
    argv = [str(a).replace("{tmp}", str(tmp_path)) for a in VERBS[verb]]

    code, _, err = run("--db", damaged, *argv)

    assert code == 2
    line = assert_one_clean_line(err)
    assert "arkivet er beskadiget" in line and "Filer › Gendan sikkerhedskopi" in line
    assert damaged.read_bytes() == before
    assert backups.backups(damaged) == copies  # no damaged copy among the good ones
    leftovers = {"ud.json", "r.pdf", "kopi.sqlite3"} & {p.name for p in tmp_path.iterdir()}
    assert leftovers == set()


def test_damage_in_the_window_session_is_an_archive_error(damaged):
    archive = open_archive(damaged)  # not due: no full check today
    from model.meetings import list_meetings

    try:
        with pytest.raises(ArchiveError, match="Gendan sikkerhedskopi"), archive.sessions() as s:
            list_meetings(s)
    finally:
        archive.close()


def test_a_foreign_database_with_alembic_version_is_refused_untouched(tmp_path):
    path = tmp_path / "andet.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
        connection.execute("CREATE TABLE orders (id INTEGER)")
    connection.close()
    before = path.read_bytes()

    for verb in (["meetings"], ["import", STEVNS], ["backup"]):
        code, _, err = run("--db", path, *verb)
        assert code == 2
        assert "ikke et Referent-arkiv" in assert_one_clean_line(err)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["andet.sqlite3"]  # no -wal, no copy


def test_an_empty_file_is_refused_untouched(tmp_path):
    path = tmp_path / "tom.sqlite3"
    path.write_bytes(b"")
    code, _, err = run("--db", path, "import", STEVNS)
    assert code == 2
    assert "tom" in assert_one_clean_line(err)
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tom.sqlite3"]


@pytest.mark.parametrize("verb", [["meetings"], ["backup"], ["export", "--all", "--out", "x.json"],
                                  ["render", "x", "--document", "referat", "--format", "pdf",
                                   "--out", "x.pdf"]])
def test_a_mistyped_db_path_is_refused_and_not_created(tmp_path, verb):
    path = tmp_path / "arkvi.sqlite3"
    code, _, err = run("--db", path, *verb)
    assert code == 2
    assert "arkivet findes ikke" in assert_one_clean_line(err)
    assert list(tmp_path.iterdir()) == []


def test_import_creates_a_new_archive(tmp_path):
    path = tmp_path / "ny" / "arkiv.sqlite3"
    assert run("--db", path, "import", STEVNS)[0] == 0
    assert sorted(p.name for p in path.parent.iterdir()) == ["arkiv.sqlite3"]


def test_a_new_archive_that_cannot_be_written_leaves_nothing(tmp_path, monkeypatch):
    import os

    from model import files

    real_replace = os.replace

    def full(*args):
        raise OSError(errno.ENOSPC, "No space left on device", str(args[1]))

    monkeypatch.setattr(files.os, "replace", full)
    code, _, err = run("--db", tmp_path / "arkiv.sqlite3", "import", STEVNS)
    monkeypatch.setattr(files.os, "replace", real_replace)
    assert code == 2
    assert "disken er fuld" in assert_one_clean_line(err)
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def small_disk(tmp_path):
    """A 3 MB file system, mounted for the test (needs root)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip("a small file system can only be mounted as root")
    yield folder
    subprocess.run(["umount", str(folder)], check=True)


def fill(folder):
    """Fill the file system up to the last byte."""
    import os

    handle = os.open(folder / "fyld", os.O_WRONLY | os.O_CREAT)
    try:
        while True:
            os.write(handle, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(handle)


def test_a_full_disk_is_one_line_and_leaves_no_empty_archive(small_disk, tmp_path):
    archive = small_disk / "arkiv.sqlite3"
    archive_with(archive, STEVNS)
    source = tmp_path / "kilde.sqlite3"
    archive_with(source, FAXE)
    fill(small_disk)
    before = archive.read_bytes()

    attempts = [
        ("--db", archive, "import", FAXE),
        ("--db", small_disk / "nyt.sqlite3", "import", STEVNS),
        ("--db", source, "backup", "--out", small_disk / "kopi.sqlite3"),
    ]
    for argv in attempts:
        code, _, err = run(*argv)
        assert code == 2, err
        assert "disken er fuld" in assert_one_clean_line(err)
    assert archive.read_bytes() == before
    names = {p.name for p in small_disk.iterdir()} - {"sikkerhedskopier"}
    # SQLite's own -wal and -shm may stay beside the archive; nothing new, nothing half-made
    assert names <= {"arkiv.sqlite3", "arkiv.sqlite3-wal", "arkiv.sqlite3-shm", "fyld"}
    (small_disk / "fyld").unlink()
    assert run("--db", archive, "meetings")[1].startswith("aet-2020-08-19")


def test_an_import_never_writes_into_a_damaged_file_wherever_the_damage_is(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS)
    assert run("--db", path, "meetings")[0] == 0  # the day's check and copy
    with sqlite3.connect(path) as connection:
        connection.execute("VACUUM")  # no free pages: damage anywhere is damage to data
        assert connection.execute("PRAGMA freelist_count").fetchone() == (0,)
    connection.close()
    good = path.read_bytes()
    page_size = 16384
    proevekommune = next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune"))
    for page in range(2, len(good) // page_size + 1):  # every page but the header's
        data = bytearray(good)
        start = (page - 1) * page_size
        data[start : start + 4000] = b"\xde\xad" * 2000
        path.write_bytes(bytes(data))

        code, _, err = run("--db", path, "import", proevekommune)

        assert code == 2, f"page {page}: the import wrote into the damaged file"
        assert "Gendan sikkerhedskopi" in assert_one_clean_line(err)
        assert path.read_bytes() == bytes(data)
