"""Schema migrations (Alembic), run from the program rather than a command line.

`upgrade` brings an archive to the newest schema this program knows. An
archive stamped with a revision we do not know was written by a newer
Referent and is refused untouched.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from model.errors import ArchiveError

HERE = Path(__file__).parent


def _config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    return config


def head_revision() -> str:
    """The newest schema revision this program knows."""
    return ScriptDirectory.from_config(_config()).get_current_head()


def is_known(revision: str) -> bool:
    """Whether this program has the migration `revision` (else a newer one wrote it)."""
    script = ScriptDirectory.from_config(_config())
    return revision in {rev.revision for rev in script.walk_revisions()}


def too_new_message(revision: str) -> str:
    return (
        "Arkivet er gemt af en nyere version af Referent "
        f"(skemaversion {revision}); opdater programmet for at åbne det."
    )


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine, backup: Callable[[], Path] | None = None, target: str = "head") -> None:
    """Migrate the archive to `target`; call `backup` first if existing data would change."""
    script = ScriptDirectory.from_config(_config())
    current = current_revision(engine)
    if current is not None and not is_known(current):
        raise ArchiveError(too_new_message(current))
    wanted = script.get_current_head() if target == "head" else target
    if current == wanted:
        return
    if current is None and inspect(engine).get_table_names():
        raise ArchiveError("Databasen indeholder tabeller, men er ikke et Referent-arkiv.")
    if current is not None and backup is not None:
        backup()
    with engine.begin() as connection:
        config = _config()
        config.attributes["connection"] = connection
        command.upgrade(config, target)
