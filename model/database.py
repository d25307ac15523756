"""Opening an archive: the engine, its connection settings and its schema version.

An archive is one SQLite file (the default, in the user's data folder) or a
PostgreSQL database named by URL. `open_archive` brings its schema to the
version this program knows, writing a backup copy of a SQLite file before
it changes anything, and refuses an archive written by a newer Referent.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from model import (
    archive_file,
    backups,
    migrations,
    sealing,  # noqa: F401 - registers the guard every write goes through
    search,
)
from model.errors import ArchiveError, ConflictError, SignedMeetingError
from model.files import write_atomically

T = TypeVar("T")
BUSY_TIMEOUT_MS = 10_000
WRITE_OPTION = "referent_write"  # execution option: this transaction will write


def default_archive_path() -> Path:
    """The archive in the user's data folder, e.g. ~/.local/share/Referent/referent.sqlite3."""
    from platformdirs import user_data_path

    return user_data_path("Referent", appauthor=False) / "referent.sqlite3"


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn a stale edit or a busy archive, raised by a commit inside, into a Danish error."""
    try:
        yield
    except StaleDataError:
        raise ConflictError(
            "Oplysningerne er ændret af en anden, siden du hentede dem; "
            "din ændring er ikke gemt. Hent den nye udgave og prøv igen."
        ) from None
    except IntegrityError as error:
        if "underskrevet" in str(error.orig):  # refused by a trigger of migration 0007
            raise SignedMeetingError("") from None
        if "decisions" in str(error.orig) and "item_id" in str(error.orig):
            raise ConflictError(  # two first decisions on one item at the same moment
                "Beslutningen er netop indtastet af en anden; din ændring er ikke gemt. "
                "Hent den nye udgave og prøv igen."
            ) from None
        raise ConflictError(
            "Arkivet afviste ændringen, fordi den strider mod en samtidig ændring "
            "eller mod arkivets regler; intet er gemt. Prøv igen."
        ) from None
    except OperationalError as error:
        if archive_file.held(error.orig):
            raise ArchiveError(
                "Arkivet er optaget af et andet program lige nu; prøv igen om lidt."
            ) from None
        raise


@dataclass
class Archive:
    """An open archive: its engine and a factory of sessions on it."""

    engine: Engine
    sessions: sessionmaker[Session]
    path: Path | None  # the SQLite file, or None on a server
    # The day's copy (and check) if deferred; raises ArchiveError if the file is damaged.
    pending_backup: Callable[[], Path | None] | None = None
    # Signed meetings that fail their seal at the daily check: meeting id -> what differs.
    seal_failures: dict[int, str] = field(default_factory=dict)
    seal_check_due: bool = False  # the day's check of every seal is still to be made

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back if it raises."""
        with user_errors(), self.sessions() as session, session.begin():
            session.connection(execution_options={WRITE_OPTION: True})
            yield session

    def write(self, work: Callable[[Session], T]) -> T:
        """`work` in one transaction, run once more if it collided with a concurrent one.

        Two imports that both create the same committee on a server: the
        second fails on the unique id; run again, it finds the committee and
        updates it instead. A second collision is one Danish line.

        Such a large write (an import) first reads every page of a SQLite
        file (0.3 s for 370 MB), so that it never writes into a damaged file
        whose damage lies where it does not read. A single edit relies on
        SQLite finding damage on the pages it touches.
        """
        if self.path is not None:
            archive_file.check_integrity(self.path)
        with user_errors():
            try:
                return self._once(work)
            except IntegrityError:
                return self._once(work)

    def _once(self, work: Callable[[Session], T]) -> T:
        with self.sessions() as session, session.begin():
            session.connection(execution_options={WRITE_OPTION: True})
            return work(session)

    def restore_from(self, backup: Path) -> Path | None:
        """Put a backup copy in this archive's place while it is open; returns the copy
        of the archive as it was. A copy from an older Referent is brought up to date."""
        if self.path is None:
            raise ArchiveError(
                "En databaseserver gendannes med serverens egne værktøjer (pg_restore)."
            )
        self.engine.dispose()  # no pooled connection holds a read of the old pages
        before = backups.restore(Path(backup), self.path)
        migrations.upgrade(
            self.engine, backup=lambda: backups.make_backup(self.path, "foer-opgradering")
        )
        search.ensure_index(self.engine)
        return before

    def close(self) -> None:
        self.engine.dispose()


def _sqlite_engine(path: Path, shown: Path | None = None) -> Engine:
    """An engine on the file `path`; errors name `shown` (the archive a temporary file becomes)."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine, "handle_error")
    def _on_error(context):  # noqa: ANN001
        # Wherever it arises (a render, an import, the window), damage or a full
        # disk is one Danish line; the transaction it broke is rolled back.
        problem = archive_file.problem(context.original_exception, shown or path)
        if problem is not None:
            raise problem

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):  # noqa: ANN001
        # pysqlite's own transaction handling would hide BEGIN from us; let
        # SQLAlchemy emit it so that a whole import is one transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):  # noqa: ANN001
        # A write transaction takes the write lock at once: a deferred one that
        # read first cannot wait for another writer and fails with "locked".
        immediate = connection.get_execution_options().get(WRITE_OPTION)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def _create_sqlite_file(path: Path) -> None:
    """Make a new, empty archive at a temporary name and give it `path` when it is whole."""

    def build(temp: Path) -> None:
        try:
            with sqlite3.connect(temp) as raw:
                # Must be set before the first table exists (smaller, faster file).
                raw.execute("PRAGMA page_size=16384")
                raw.execute("VACUUM")
            raw.close()
        except sqlite3.DatabaseError as error:
            raise archive_file.problem(error, path) or error from None
        engine = _sqlite_engine(temp, shown=path)
        try:
            migrations.upgrade(engine)
            search.ensure_index(engine)
        finally:
            engine.dispose()
            for suffix in ("-wal", "-shm", "-journal"):
                Path(f"{temp}{suffix}").unlink(missing_ok=True)

    write_atomically(path, build)


def _days_copy(engine: Engine, path: Path, keep: int, check: bool) -> Path | None:
    """The day's copy, after the full check if that was left to now: a damaged file
    never joins the good copies (ArchiveError, and no copy is made). Then, the copy
    made, the search index's b-trees are merged (search.compact)."""
    if check:
        backups.check_integrity(path)
    copy = backups.daily_backup(path, keep=keep)
    search.compact(engine)
    return copy


def _check_server(engine: Engine) -> None:
    """Refuse a server database that holds another program's tables, before changing it."""
    from sqlalchemy import inspect

    try:
        tables = set(inspect(engine).get_table_names())
        if tables and not archive_file.OWN_TABLES <= tables:
            raise ArchiveError("Databasen på serveren er ikke et Referent-arkiv.")
    except BaseException:
        engine.dispose()
        raise


def open_archive(
    path: Path | str | None = None,
    url: str | None = None,
    keep_backups: int | None = backups.DEFAULT_KEEP,
    defer_backup: bool = False,
    create: bool = True,
) -> Archive:
    """Open (creating if need be) the archive and bring its schema up to date.

    An existing SQLite file is checked, read-only, before anything writes to
    it. Once a day the check reads every page, and then the day's backup copy
    is made (the newest `keep_backups` kept; None for none); a damaged file
    is never copied over the good backups. `defer_backup` leaves the copy,
    and the full check before it when no migration is due, to the caller as
    `Archive.pending_backup` (the window runs it in the background; it
    raises ArchiveError for a damaged file). A copy is also made before any
    migration. A new archive is made only if `create`, at a temporary name
    first; an empty or foreign file is refused untouched.
    """
    revision = None  # of an existing SQLite file
    if url:
        engine = create_engine(url, pool_pre_ping=True)
        _check_server(engine)
        db_path = None
        new_file = False
    else:
        db_path = Path(path) if path else default_archive_path()
        new_file = not db_path.exists()
        if new_file and not create:
            raise ArchiveError(f"{db_path}: arkivet findes ikke")
        if new_file:
            db_path.parent.mkdir(parents=True, exist_ok=True)
            _create_sqlite_file(db_path)
        else:
            revision = archive_file.inspect(db_path)  # reading only, before anything writes
        engine = _sqlite_engine(db_path)
    pending = None
    daily = url is not None  # a server keeps no day's mark here: check at every start
    try:
        if db_path and not new_file and keep_backups and backups.due_today(db_path):
            daily = True
            # The full read takes seconds on a large archive: left to the deferred copy
            # (the window's, in the background) unless a migration is about to write.
            check_later = defer_backup and revision == migrations.head_revision()
            if not check_later:
                backups.check_integrity(db_path)  # once a day, not at every start
            pending = partial(_days_copy, engine, db_path, keep_backups, check_later)
        before_upgrade = None
        if db_path:
            before_upgrade = lambda: backups.make_backup(db_path, "foer-opgradering")  # noqa: E731
        if revision != migrations.head_revision():  # known already for a SQLite file
            migrations.upgrade(engine, backup=before_upgrade)
        # The search index is derived data kept by triggers; make it now, while
        # the archive is new and it costs nothing, so imports from the command
        # line are indexed as they go.
        search.ensure_index(engine)
        if pending and not defer_backup:
            pending()
            pending = None
    except Exception:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    # The seals are checked by the window, in the background (model.sealing.check_seals):
    # on a large archive that reads every signed meeting.
    return Archive(engine=engine, sessions=sessions, path=db_path, pending_backup=pending,
                   seal_check_due=daily)
