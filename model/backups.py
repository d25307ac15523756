"""Backup copies of a SQLite archive: made online, kept in rotation, previewed, restored.

Copies are taken with SQLite's online backup API, so they are consistent
even while another program writes, and are written to a temporary name
first, so a copy on disk is always whole. They live in a folder
"sikkerhedskopier" beside the archive.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from model import archive_file
from model.errors import ArchiveError
from model.files import write_atomically

DEFAULT_KEEP = 14
FOLDER_NAME = "sikkerhedskopier"
STAMP = "%Y%m%d-%H%M%S"


def backup_folder(archive: Path) -> Path:
    return archive.parent / FOLDER_NAME


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database with the online backup API, whole or not at all.

    The copy is checked (`PRAGMA quick_check`) before it takes its name, so a
    damaged copy never joins the good ones, and it is a single file (no WAL)
    that can be read without leaving -wal and -shm files beside it.
    """

    def write(temp: Path) -> None:
        try:
            with closing(archive_file.open_for_reading(source)) as src, closing(
                sqlite3.connect(temp)
            ) as dst:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                result = dst.execute("PRAGMA quick_check").fetchall()
        except sqlite3.DatabaseError as error:
            raise archive_file.problem(error, source, written=target) or ArchiveError(
                f"{source}: kan ikke kopieres ({error})"
            ) from None
        finally:
            _remove_companions(temp)
        if result != [("ok",)]:
            raise ArchiveError(archive_file.damaged_message(source, str(result[0][0])))

    write_atomically(target, write)


def _remove_companions(path: Path) -> None:
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the database file (see archive_file)."""
    return archive_file.open_for_reading(path)


def make_backup(archive: Path, label: str = "kopi", folder: Path | None = None) -> Path:
    """Write a backup copy of `archive` and return its path."""
    folder = folder or backup_folder(archive)
    folder.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    target = folder / f"{archive.stem}-{now.strftime(STAMP)}-{label}.sqlite3"
    n = 1
    while target.exists():  # two copies in the same second
        n += 1
        target = folder / f"{archive.stem}-{now.strftime(STAMP)}-{label}-{n}.sqlite3"
    copy_database(archive, target)
    return target


def backups(archive: Path) -> list[Path]:
    """The archive's backup copies, newest first."""
    folder = backup_folder(archive)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{archive.stem}-*.sqlite3"), reverse=True)


def due_today(archive: Path, today: dt.date | None = None) -> bool:
    """Whether the day's copy (and the full integrity check before it) is still to be made."""
    stamp = (today or dt.date.today()).strftime("%Y%m%d")
    return not any(p.name.startswith(f"{archive.stem}-{stamp}-") for p in backups(archive))


def daily_backup(
    archive: Path, keep: int = DEFAULT_KEEP, today: dt.date | None = None
) -> Path | None:
    """Make the day's copy unless one exists, then keep only the newest `keep` copies."""
    made = make_backup(archive, label="daglig") if due_today(archive, today) else None
    for old in backups(archive)[max(keep, 1) :]:
        old.unlink(missing_ok=True)
    return made


@dataclass
class BackupPreview:
    """What a backup holds, shown before the user restores it."""

    path: Path
    taken: dt.datetime
    size: int
    committees: int
    meetings: int
    items: int
    newest_meeting: str | None

    def describe(self) -> str:
        newest = f", nyeste møde {self.newest_meeting}" if self.newest_meeting else ""
        meetings = f"{self.meetings} {'møde' if self.meetings == 1 else 'møder'}"
        items = f"{self.items} {'punkt' if self.items == 1 else 'punkter'}"
        return (
            f"{self.path.name}: taget {self.taken:%d-%m-%Y kl. %H:%M}, "
            f"{self.committees} udvalg, {meetings}, {items}{newest} ({self.size / 1e6:.1f} MB)"
        )


def preview(path: Path) -> BackupPreview:
    """Count what a backup holds, reading it only (and refuse what is no archive)."""
    archive_file.inspect(path, immutable=True)
    try:
        with archive_file.open_for_reading(path, immutable=True) as connection:
            count = lambda table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: E731
            newest = connection.execute(
                "SELECT m.date || ' ' || c.short_name FROM meetings m"
                " JOIN committees c ON c.id = m.committee_id ORDER BY m.date DESC LIMIT 1"
            ).fetchone()
            figures = count("committees"), count("meetings"), count("items")
        connection.close()
    except sqlite3.DatabaseError as error:
        raise ArchiveError(f"{path}: kan ikke læses som sikkerhedskopi ({error})") from None
    stat = path.stat()
    return BackupPreview(
        path=path,
        taken=dt.datetime.fromtimestamp(stat.st_mtime),
        size=stat.st_size,
        committees=figures[0],
        meetings=figures[1],
        items=figures[2],
        newest_meeting=newest[0] if newest else None,
    )


def check_integrity(path: Path) -> None:
    """Refuse a damaged file, reading it only."""
    archive_file.check_integrity(path)


def restore(backup: Path, archive: Path) -> Path | None:
    """Put a backup in the archive's place, after copying the current archive aside.

    The copy is checked first (Referent's archive, a version this program
    knows, every page readable), so a bad copy never replaces the archive.
    Returns the copy of the archive as it was, so a restore can be undone.
    """
    backup, archive = Path(backup), Path(archive)
    # Read as SQLite reads a live file (not `immutable`): the copy may be any file the
    # user names, with committed pages still in a -wal beside it.
    archive_file.inspect(backup)
    archive_file.check_integrity(backup)
    if not archive.exists():
        copy_database(backup, archive)
        return None
    before = make_backup(archive, label="foer-gendannelse")
    try:
        _copy_into(backup, archive)
    except sqlite3.DatabaseError as error:
        if archive_file.held(error):
            raise ArchiveError(
                f"{archive}: arkivet er åbent i et andet program; luk det og prøv igen."
            ) from None
        raise archive_file.problem(error, archive) or ArchiveError(
            f"{archive}: kan ikke gendannes ({error})"
        ) from None
    return before


def _copy_into(backup: Path, archive: Path) -> None:
    """Copy through SQLite's locks, so that a reader never sees half of it."""
    src = archive_file.open_for_reading(backup)
    dst = sqlite3.connect(archive, timeout=10)
    try:
        page_size = src.execute("PRAGMA page_size").fetchone()[0]
        if dst.execute("PRAGMA page_size").fetchone()[0] != page_size:
            # A WAL file cannot change its page size; leave WAL for the copy
            # (which needs no one else to have the file open) and go back after.
            dst.execute("PRAGMA journal_mode=DELETE")
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()
        src.close()
