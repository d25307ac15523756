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


def test_a_deferred_check_finds_damage_before_the_copy(tmp_path):
    from tests.model.test_hostile_archive import damage_table

    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS, FAXE)
    assert backups.backups(path) == []  # a new file: the day's check and copy are due
    damage_table(path, "items")
    archive = open_archive(path, defer_backup=True)  # the window shows before the full read
    with pytest.raises(ArchiveError, match=f"^{path}: arkivet er beskadiget .*Filer › Gendan"):
        archive.pending_backup()
    archive.close()
    assert backups.backups(path) == []  # no damaged copy among the good ones


@pytest.mark.parametrize("first_version", [False, True])
def test_the_full_check_waits_for_the_copy_unless_a_migration_writes(tmp_path, monkeypatch,
                                                                    first_version):
    from tests.model.test_archive import make_first_version_archive

    path = tmp_path / "arkiv.sqlite3"
    if first_version:
        make_first_version_archive(path)
    else:
        archive_with(path, STEVNS)  # a new file: the day's check and copy are due
    checked: list[str] = []
    monkeypatch.setattr(backups, "check_integrity", lambda p: checked.append("check"))
    monkeypatch.setattr("model.migrations._run_alembic",
                        lambda *a: checked.append("migrate"))
    archive = open_archive(path, defer_backup=True)
    assert checked == (["check", "migrate"] if first_version else [])
    archive.pending_backup()
    assert checked == (["check", "migrate"] if first_version else ["check"])
    archive.close()
    assert len(backups.backups(path)) == 1  # the day's, or the one taken before migrating


def test_listing_leaves_no_wal_or_shm_beside_the_copies(tmp_path, capsys):
    db = tmp_path / "arkiv.sqlite3"
    archive_with(db, STEVNS)
    for _ in range(3):
        backups.make_backup(db)
    old_style = backups.backup_folder(db) / "arkiv-20200101-120000-daglig.sqlite3"
    import sqlite3

    with sqlite3.connect(old_style) as wal_copy:  # copies of earlier versions were WAL files
        backups.archive_file.open_for_reading(db).backup(wal_copy)
        wal_copy.execute("PRAGMA journal_mode=WAL")
    wal_copy.close()
    assert old_style.read_bytes()[18:20] == b"\x02\x02"  # WAL

    assert main(["--db", str(db), "backup", "--list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 4
    names = [p.name for p in backups.backup_folder(db).iterdir()]
    assert len(names) == 4 and all(n.endswith(".sqlite3") for n in names), names


def test_the_newest_fourteen_daily_copies_are_kept(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS)
    for day in range(1, 21):
        backups.daily_backup(path, today=dt.date(2026, 1, day))
        # make_backup stamps the copy with now; name it after the day it stands for
        newest = max(backups.backup_folder(path).glob("*-daglig.sqlite3"),
                     key=lambda p: p.stat().st_mtime_ns)
        newest.rename(newest.with_name(f"arkiv-202601{day:02d}-120000-daglig.sqlite3"))

    names = [p.name for p in backups.backups(path)]
    assert len(names) == backups.DEFAULT_KEEP == 14
    assert names[0] == "arkiv-20260120-120000-daglig.sqlite3"
    assert names[-1] == "arkiv-20260107-120000-daglig.sqlite3"


def test_a_damaged_copy_never_joins_the_others(tmp_path, monkeypatch):
    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS, FAXE)
    first = backups.make_backup(path)
    damage(path)  # after the day's check: the next copy would carry the damage
    with pytest.raises(ArchiveError, match="beskadiget"):
        backups.make_backup(path)
    assert backups.backups(path) == [first]
    assert [p.name for p in backups.backup_folder(path).iterdir()] == [first.name]


def test_restore_refuses_a_copy_from_a_newer_referent_before_replacing(tmp_path):
    import sqlite3

    db = tmp_path / "arkiv.sqlite3"
    archive_with(db, STEVNS, FAXE)
    copy = backups.make_backup(db)
    with sqlite3.connect(copy) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = db.read_bytes()

    code = main(["--db", str(db), "restore", str(copy)])

    assert code == 2
    assert db.read_bytes() == before
    assert not list(backups.backup_folder(db).glob("*foer-gendannelse*"))


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 et brev", "other-db"])
def test_restore_refuses_what_is_no_archive(tmp_path, capsys, content):
    import sqlite3

    db = tmp_path / "arkiv.sqlite3"
    archive_with(db, STEVNS)
    copy = tmp_path / "kopi.sqlite3"
    if content == "other-db":
        with sqlite3.connect(copy) as connection:
            connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
            connection.execute("INSERT INTO alembic_version VALUES ('0001')")
        connection.close()
    else:
        copy.write_bytes(content)
    before = db.read_bytes()
    assert main(["--db", str(db), "restore", str(copy)]) == 2
    err = capsys.readouterr().err
    assert "Referent-arkiv" in err and err.count("\n") == 1
    assert db.read_bytes() == before


def test_restore_takes_a_copy_with_4_kb_pages(tmp_path):
    import sqlite3

    db = tmp_path / "arkiv.sqlite3"
    archive_with(db, STEVNS)
    small = tmp_path / "smaa-sider.sqlite3"
    archive_with(tmp_path / "kilde.sqlite3", FAXE)
    with sqlite3.connect(small) as target:
        target.execute("PRAGMA page_size=4096")
        target.execute("VACUUM")
        src = sqlite3.connect(tmp_path / "kilde.sqlite3")
        src.execute("PRAGMA journal_mode=DELETE")
        target.executescript("")
        src.backup(target, pages=0)
        src.close()
        target.execute("PRAGMA journal_mode=DELETE")
        target.execute("PRAGMA page_size=4096")
        target.execute("VACUUM")
        assert target.execute("PRAGMA page_size").fetchone() == (4096,)
    target.close()

    assert main(["--db", str(db), "restore", str(small)]) == 0
    assert meeting_ids(db) == ["sagsbehandling-2020-04-21"]
    archive = open_archive(db, keep_backups=None)
    with archive.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA quick_check").scalar() == "ok"
    archive.close()


def test_listing_names_a_bad_copy_and_goes_on(tmp_path, capsys):
    db = tmp_path / "arkiv.sqlite3"
    archive_with(db, STEVNS)
    good = backups.make_backup(db)
    bad = backups.backup_folder(db) / "arkiv-20200101-120000-daglig.sqlite3"
    bad.write_bytes(b"ikke en database")
    assert main(["--db", str(db), "backup", "--list"]) == 0
    listed = capsys.readouterr().out.splitlines()
    assert listed[0].startswith(f"{good.name}: taget ")
    assert listed[1].startswith(f"{bad.name}: kan ikke bruges (")
    assert "ikke et Referent-arkiv" in listed[1]
