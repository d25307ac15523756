"""Opening archives: schema migrations, backups before upgrading, refusing foreign files."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from model import migrations
from model.database import open_archive
from model.entities import Base
from model.errors import ArchiveError


def test_migrations_build_exactly_the_models(archive):
    def not_search_index(name, type_, parent_names):
        return not (name or "").startswith("search_index")  # derived data, see model/search.py

    with archive.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": not_search_index})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_sqlite_connection_settings(archive):
    if archive.path is None:
        pytest.skip("SQLite only")
    with archive.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert connection.exec_driver_sql("PRAGMA page_size").scalar() == 16384


def make_first_version_archive(path) -> None:
    """An archive as the first release wrote it, with one committee in it."""
    engine = create_engine(f"sqlite:///{path}")
    migrations.upgrade(engine, target="0001")
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO committees (ext_id, name, short_name, organisation, numbering,"
                " decision_placement, section_headings)"
                " VALUES ('aet', 'Arbejdsmarked', 'AET', 'Stevns Kommune', 'running', 'end', '[]')"
            )
        )
    engine.dispose()


def test_upgrade_from_first_version_keeps_data_and_writes_backup(tmp_path):
    path = tmp_path / "gammelt.sqlite3"
    make_first_version_archive(path)

    archive = open_archive(path)

    assert migrations.current_revision(archive.engine) == migrations.head_revision()
    with archive.engine.connect() as connection:
        row = connection.execute(text("SELECT ext_id, name, word_template FROM committees")).one()
    assert tuple(row) == ("aet", "Arbejdsmarked", None)
    archive.close()
    backups = list((tmp_path / "sikkerhedskopier").glob("gammelt-*-foer-opgradering.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT ext_id FROM committees").fetchall() == [("aet",)]


def test_current_archive_is_opened_without_backup(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    open_archive(path).close()
    open_archive(path).close()
    assert list(tmp_path.rglob("*foer-opgradering*")) == []


def test_archive_from_newer_version_is_refused_untouched(tmp_path):
    path = tmp_path / "nyt.sqlite3"
    open_archive(path).close()
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
    connection.close()
    before = path.read_bytes()

    with pytest.raises(ArchiveError, match="nyere version af Referent"):
        open_archive(path)
    assert path.read_bytes() == before


def test_foreign_file_is_refused_untouched(tmp_path):
    path = tmp_path / "brev.docx"
    path.write_bytes(b"PK\x03\x04 not a database")
    with pytest.raises(ArchiveError, match="ikke et Referent-arkiv"):
        open_archive(path)
    assert path.read_bytes() == b"PK\x03\x04 not a database"


def test_other_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "andet.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE kunder (navn TEXT)")
    connection.close()
    before = path.read_bytes()
    with pytest.raises(ArchiveError, match="ikke et Referent-arkiv"):
        open_archive(path)
    assert path.read_bytes() == before
    assert not path.with_name("andet.sqlite3-wal").exists()


def test_revision_file_names_agree_with_alembic():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(migrations.HERE))
    script = ScriptDirectory.from_config(config)
    chain = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert chain == migrations.known_revisions()  # one line, named as the files are
    assert script.get_current_head() == migrations.head_revision()
