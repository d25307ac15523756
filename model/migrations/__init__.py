"""Schema migrations (Alembic), run from the program rather than a command line.

`upgrade` brings an archive to the newest schema this program knows. An
archive stamped with a revision we do not know was written by a newer
Referent and is refused untouched.

Revision files are named after their revision ("0003_row_versions.py")
and form one line, so the known revisions can be read off the file names
without importing Alembic (140 ms at every start); a test holds the names
and Alembic's own view together.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine, inspect, text

from model.errors import ArchiveError

HERE = Path(__file__).parent


def known_revisions() -> list[str]:
    """The revisions this program has, oldest first, from the file names."""
    return sorted(p.name.split("_", 1)[0] for p in (HERE / "versions").glob("[0-9]*_*.py"))


def head_revision() -> str:
    """The newest schema revision this program knows."""
    return known_revisions()[-1]


def is_known(revision: str) -> bool:
    """Whether this program has the migration `revision` (else a newer one wrote it)."""
    return revision in known_revisions()


def too_new_message(revision: str) -> str:
    return (
        "Arkivet er gemt af en nyere version af Referent "
        f"(skemaversion {revision}); opdater programmet for at åbne det."
    )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        if not inspect(connection).has_table("alembic_version"):
            return None
        return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, backup: Callable[[], Path] | None = None, target: str = "head") -> None:
    """Migrate the archive to `target`; call `backup` first if existing data would change."""
    current = current_revision(engine)
    if current is not None and not is_known(current):
        raise ArchiveError(too_new_message(current))
    wanted = head_revision() if target == "head" else target
    if current == wanted:
        return
    if current is None and inspect(engine).get_table_names():
        raise ArchiveError("Databasen indeholder tabeller, men er ikke et Referent-arkiv.")
    if current is not None and backup is not None:
        backup()
    _run_alembic(engine, target)


def _run_alembic(engine: Engine, target: str) -> None:
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, target)
