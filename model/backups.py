"""Backup copies of a SQLite archive: made online, kept in rotation, previewed, restored.

Copies are taken with SQLite's online backup API, so they are consistent
even while another program writes, and are written to a temporary name
first, so a copy on disk is always whole. They live in a folder
"sikkerhedskopier" beside the archive.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from model.errors import ArchiveError
from model.files import write_atomically

DEFAULT_KEEP = 14
FOLDER_NAME = "sikkerhedskopier"
STAMP = "%Y%m%d-%H%M%S"


def backup_folder(archive: Path) -> Path:
    return archive.parent / FOLDER_NAME


def copy_database(source: Path, target: Path) -> None:
    """Copy a SQLite database with the online backup API, whole or not at all."""

    def write(temp: Path) -> None:
        with _connect(source, read_only=True) as src, sqlite3.connect(temp) as dst:
            src.backup(dst)
        dst.close()
        src.close()

    write_atomically(target, write)


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        return open_for_reading(path)
    return sqlite3.connect(path)


def open_for_reading(path: Path) -> sqlite3.Connection:
    """A connection that cannot write to the database file.

    Never read an archive with plain `open()` instead: closing any file
    descriptor of a file drops every POSIX lock this process holds on it,
    including those of SQLite's own open connections, and another program
    may then reset the WAL under them ("disk I/O error", or worse).
    """
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)


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
    """Count what a backup holds, reading it only."""
    try:
        with _connect(path, read_only=True) as connection:
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
    try:
        with _connect(path, read_only=True) as connection:
            result = connection.execute("PRAGMA quick_check").fetchall()
        connection.close()
    except sqlite3.DatabaseError as error:
        raise ArchiveError(_damaged(path, str(error))) from None
    if result != [("ok",)]:
        raise ArchiveError(_damaged(path, str(result[0][0])))


def _damaged(path: Path, detail: str) -> str:
    return (
        f"{path}: arkivet er beskadiget ({detail}). Det er ikke ændret; "
        "gendan en sikkerhedskopi (referent restore)."
    )


def restore(backup: Path, archive: Path) -> Path:
    """Put a backup in the archive's place, after copying the current archive aside.

    Returns the copy of the archive as it was, so a restore can be undone.
    """
    check_integrity(backup)
    preview(backup)  # refuses a file that is no archive
    before = make_backup(archive, label="foer-gendannelse") if archive.exists() else None
    with _connect(backup, read_only=True) as src, sqlite3.connect(archive) as dst:
        src.backup(dst)  # writes through SQLite's locks, so a reader never sees half
    src.close()
    dst.close()
    return before
