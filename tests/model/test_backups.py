"""Backups: the day's copy in rotation, previews, restoring, and refusing damaged archives."""

from __future__ import annotations

import datetime as dt

import pytest

from main import main
from model import backups
from model.database import open_archive
from model.errors import ArchiveError
from model.interchange import import_file
from tests.conftest import EXAMPLE_FILES

STEVNS, FAXE = (next(p for p in EXAMPLE_FILES if p.stem.startswith(n)) for n in ("stevns", "faxe"))


def archive_with(path, *files):
    archive = open_archive(path)
    for file in files:
        import_file(archive, file)
    archive.close()


def meeting_ids(path) -> list[str]:
    archive = open_archive(path, keep_backups=None)
    from model.meetings import list_meetings

    with archive.sessions() as session:
        ids = sorted(m.ext_id for m in list_meetings(session))
    archive.close()
    return ids


def test_reopening_takes_one_copy_a_day(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS)
    assert backups.backups(path) == []  # a new archive has nothing to back up yet

    open_archive(path).close()
    open_archive(path).close()

    copies = backups.backups(path)
    assert len(copies) == 1 and copies[0].name.endswith("-daglig.sqlite3")
    assert backups.preview(copies[0]).meetings == 1


def test_rotation_keeps_the_newest(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS)
    folder = backups.backup_folder(path)
    folder.mkdir()
    for day in range(1, 6):
        backups.copy_database(path, folder / f"arkiv-202601{day:02d}-120000-daglig.sqlite3")

    made = backups.daily_backup(path, keep=3, today=dt.date(2026, 1, 10))

    names = [p.name for p in backups.backups(path)]
    assert names == [
        made.name,
        "arkiv-20260105-120000-daglig.sqlite3",
        "arkiv-20260104-120000-daglig.sqlite3",
    ]


def test_restore_brings_back_the_copy_and_keeps_the_present(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS)
    copy = backups.make_backup(path)
    archive_with(path, FAXE)
    assert meeting_ids(path) == ["aet-2020-08-19", "sagsbehandling-2020-04-21"]

    before = backups.restore(copy, path)

    assert meeting_ids(path) == ["aet-2020-08-19"]
    assert meeting_ids(before) == ["aet-2020-08-19", "sagsbehandling-2020-04-21"]


def test_preview_says_what_a_copy_holds(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS, FAXE)
    shown = backups.preview(backups.make_backup(path)).describe()
    assert "2 udvalg, 2 møder, 17 punkter, nyeste møde 2020-08-19 AET" in shown


def damage(path) -> bytes:
    data = bytearray(path.read_bytes())
    page = 16384
    data[3 * page : 3 * page + 4000] = b"\xde\xad" * 2000  # garble a table page
    path.write_bytes(bytes(data))
    return bytes(data)


def test_damaged_archive_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS, FAXE)
    damaged = damage(path)

    with pytest.raises(ArchiveError, match="beskadiget"):
        open_archive(path)
    assert path.read_bytes() == damaged


def test_backup_and_restore_verbs(tmp_path, capsys):
    db = tmp_path / "arkiv.sqlite3"
    out = tmp_path / "kopi.sqlite3"
    assert main(["--db", str(db), "import", str(STEVNS)]) == 0
    assert main(["--db", str(db), "backup", "--out", str(out)]) == 0
    assert main(["--db", str(db), "import", str(FAXE)]) == 0  # takes the day's copy first
    assert main(["--db", str(db), "backup"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db), "backup", "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert len(listed) == 2
    assert "-kopi.sqlite3: " in listed[0] and "2 møder, 17 punkter" in listed[0]
    assert "-daglig.sqlite3: " in listed[1] and "1 møde, 9 punkter" in listed[1]

    assert main(["--db", str(db), "restore", str(out)]) == 0
    said = capsys.readouterr().out
    assert "Gendanner kopi.sqlite3" in said and "foer-gendannelse" in said
    assert meeting_ids(db) == ["aet-2020-08-19"]


def test_restore_refuses_a_damaged_copy(tmp_path, capsys):
    db = tmp_path / "arkiv.sqlite3"
    archive_with(db, STEVNS)
    copy = backups.make_backup(db)
    damage(copy)
    assert main(["--db", str(db), "restore", str(copy)]) == 2
    assert "beskadiget" in capsys.readouterr().err
    assert meeting_ids(db) == ["aet-2020-08-19"]


def test_the_daily_check_keeps_a_damaged_file_out_of_the_backups(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS, FAXE)
    damage(path)
    with pytest.raises(ArchiveError, match="beskadiget"):
        open_archive(path)
    assert backups.backups(path) == []


def test_deferred_backup_is_left_to_the_caller(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS)
    archive = open_archive(path, defer_backup=True)
    assert backups.backups(path) == []
    made = archive.pending_backup()
    assert backups.backups(path) == [made]
    archive.close()
    assert open_archive(path, defer_backup=True).pending_backup is None  # one a day
