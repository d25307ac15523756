"""`--db-url` on the command line: the verbs on a PostgreSQL server, and its refusals."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import create_engine, text

from tests.conftest import EXAMPLE_FILES, archive_url
from tests.model.hostile_cli import assert_one_clean_line, run

STEVNS = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))


@pytest.fixture
def url():
    if not archive_url():
        pytest.skip("needs REFERENT_TEST_DB_URL")
    from tests.pg import drop_database, fresh_database

    made = fresh_database(archive_url())
    yield made
    drop_database(made)


def test_the_verbs_on_a_server(url, tmp_path):
    code, out, err = run("--db-url", url, "import", STEVNS)
    assert code == 0, err
    assert "Tilføjet: 1 udvalg, 7 medlemmer, 1 møde, 9 punkter" in out

    code, out, _ = run("--db-url", url, "meetings")
    assert code == 0 and out.startswith("aet-2020-08-19\tAET\t2020-08-19\t")

    exported = tmp_path / "ud.json"
    assert run("--db-url", url, "export", "aet-2020-08-19", "--out", exported)[0] == 0
    assert json.loads(exported.read_text("utf-8"))["meetings"][0]["id"] == "aet-2020-08-19"

    pdf = tmp_path / "referat.pdf"
    argv = ["render", "aet-2020-08-19", "--document", "referat", "--format", "pdf", "--out", pdf]
    assert run("--db-url", url, *argv)[0] == 0
    assert pdf.read_bytes().startswith(b"%PDF")

    engine = create_engine(url)
    with engine.connect() as connection:
        assert connection.execute(text("SELECT count(*) FROM meetings")).scalar() == 1
    engine.dispose()


@pytest.mark.parametrize("verb", [["backup"], ["restore", "kopi.sqlite3"]])
def test_backup_and_restore_are_the_servers_own(url, verb):
    code, _, err = run("--db-url", url, *verb)
    assert code == 2
    line = assert_one_clean_line(err)
    assert "pg_dump" in line or "pg_restore" in line or "serverens egne værktøjer" in line


def test_a_foreign_server_database_is_refused_untouched(url):
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE alembic_version (version_num VARCHAR(32))"))
        connection.execute(text("INSERT INTO alembic_version VALUES ('abc123')"))
        connection.execute(text("CREATE TABLE orders (id INTEGER)"))

    code, _, err = run("--db-url", url, "import", STEVNS)

    assert code == 2
    assert "ikke et Referent-arkiv" in assert_one_clean_line(err)
    with engine.connect() as connection:
        tables = connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
        ).scalars()
        assert sorted(tables) == ["alembic_version", "orders"]
    engine.dispose()


def test_a_server_that_does_not_answer_is_one_line():
    code, _, err = run("--db-url", "postgresql+psycopg://nobody@127.0.0.1:1/referent",
                       "meetings")
    assert code == 2
    assert "databasen kan ikke bruges" in assert_one_clean_line(err)
