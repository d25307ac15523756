"""A SQLite archive file as a file: is it Referent's, is it whole, what went wrong with it.

Everything here reads only. It is the one place that decides what counts
as Referent's archive and which SQLite errors mean a damaged file or a full
disk, so that opening, the daily check, backups and restore all agree.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from model import migrations
from model.errors import ArchiveError

# Tables every revision of Referent's schema has; a file without them is not ours,
# whatever else it holds (another program's alembic_version, say).
OWN_TABLES = frozenset({"alembic_version", "committees", "members", "meetings", "items"})
RESTORE_HINT = "gendan en sikkerhedskopi med Filer › Gendan sikkerhedskopi (eller referent restore)"
# SQLite's (extended) error names that mean the file itself is damaged.
_DAMAGE = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
_READ_ERRORS = ("SQLITE_IOERR", "SQLITE_IOERR_READ", "SQLITE_IOERR_SHORT_READ")
_FULL = (
    "SQLITE_FULL",
    "SQLITE_IOERR_WRITE",
    "SQLITE_IOERR_FSYNC",
    "SQLITE_IOERR_TRUNCATE",
    "SQLITE_IOERR_SHMSIZE",  # the -shm file cannot grow: a full disk
    "SQLITE_IOERR_SHMMAP",
)


def open_for_reading(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """A connection that cannot write to the database file.

    Never read an archive with plain `open()` instead: closing any file
    descriptor of a file drops every POSIX lock this process holds on it,
    including those of SQLite's own open connections, and another program
    may then reset the WAL under them ("disk I/O error", or worse).
    `immutable` is for a file nobody writes (a backup copy): no -wal or
    -shm file is made beside it.
    """
    flags = "immutable=1" if immutable else "mode=ro"
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?{flags}", uri=True, timeout=10)


def damaged_message(path: Path | str, detail: str) -> str:
    detail = " ".join(str(detail).split())[:200]
    return f"{path}: arkivet er beskadiget ({detail}). Det er ikke ændret; {RESTORE_HINT}."


def full_disk_message(path: Path | str) -> str:
    return f"{path}: disken er fuld, eller der kan ikke skrives til den; intet er ændret."


def held(error: BaseException) -> bool:
    """Whether a SQLite error means the file is held by another writer (locked, busy)."""
    text = str(error)
    return "locked" in text or "busy" in text


def problem(
    error: BaseException, path: Path | str, written: Path | str | None = None
) -> ArchiveError | None:
    """The user's error for a SQLite error that means damage (of `path`) or a full
    disk (where `written` is being written, by default `path`), else None."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name.startswith(_DAMAGE) or name in _READ_ERRORS:
        return ArchiveError(damaged_message(path, str(error)))
    if name in _FULL:
        return ArchiveError(full_disk_message(written or path))
    return None


def read_only_error(error: sqlite3.DatabaseError, path: Path) -> ArchiveError:
    """Any error met while reading a file to inspect it, as the user's error."""
    if getattr(error, "sqlite_errorname", "") == "SQLITE_NOTADB":
        return ArchiveError(f"{path}: filen er ikke et Referent-arkiv (ikke en SQLite-database)")
    return problem(error, path) or ArchiveError(f"{path}: filen kan ikke læses ({error})")


def inspect(path: Path, immutable: bool = False) -> str:
    """The schema revision of Referent's archive at `path`, refusing anything else.

    An empty file, another program's database, or an archive from a newer
    Referent is refused before anything has written to it.
    """
    path = Path(path)
    if path.stat().st_size == 0:
        raise ArchiveError(
            f"{path}: filen er tom og er ikke et Referent-arkiv (slet den, hvis den er til overs)"
        )
    try:
        connection = open_for_reading(path, immutable)
        try:
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
            revision = None
            if OWN_TABLES <= tables:
                revision = connection.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise read_only_error(error, path) from None
    if not OWN_TABLES <= tables or revision is None:
        raise ArchiveError(f"{path}: databasen er ikke et Referent-arkiv")
    if not migrations.is_known(revision[0]):
        raise ArchiveError(f"{path}: {migrations.too_new_message(revision[0])}")
    return revision[0]


def check_integrity(path: Path, immutable: bool = False) -> None:
    """Refuse a damaged file, reading it only (every page: seconds for a large archive)."""
    try:
        connection = open_for_reading(path, immutable)
        try:
            result = connection.execute("PRAGMA quick_check").fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise read_only_error(error, path) from None
    if result != [("ok",)]:
        raise ArchiveError(damaged_message(path, str(result[0][0])))
