"""Fixtures shared by every test: a fresh archive and the example meetings."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SHARED_EXAMPLES = ROOT.parent / "shared" / "examples"
EXAMPLES = Path(str(resources.files("resources").joinpath("examples")))
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.json"))


def archive_url() -> str | None:
    """A server to run the archive tests on instead of SQLite (REFERENT_TEST_DB_URL)."""
    return os.environ.get("REFERENT_TEST_DB_URL")


BACKENDS = ["sqlite"] + (["postgresql"] if archive_url() else [])


@pytest.fixture(params=BACKENDS)
def archive(request, tmp_path):
    """An empty archive: a SQLite file in tmp_path, and, when REFERENT_TEST_DB_URL names a
    PostgreSQL server, the same test again on a fresh database there."""
    from model.database import open_archive

    if request.param == "postgresql":
        from tests.pg import drop_database, fresh_database

        url = fresh_database(archive_url())
        opened = open_archive(url=url)
        yield opened
        opened.close()
        drop_database(url)
    else:
        opened = open_archive(tmp_path / "arkiv.sqlite3")
        yield opened
        opened.close()


@pytest.fixture
def examples_archive(archive):
    """An archive holding every example meeting."""
    from model.interchange import import_file

    for path in EXAMPLE_FILES:
        import_file(archive, path)
    return archive


@pytest.fixture
def unsigned_examples_archive(archive):
    """Every example meeting, the signed ones stored as approved but not signed, for tests
    that change their content (a signed meeting is sealed and refuses every change)."""
    import_before_signing(archive, EXAMPLE_FILES)
    return archive


def import_before_signing(archive, paths) -> None:
    """Import example files with their signed meetings as approved, not yet signed."""
    from model.interchange import import_document, load_json, validate

    for path in paths:
        document = load_json(path)
        for meeting in document["meetings"]:
            if meeting.get("status") == "signed":
                meeting["status"] = "minutes_approved"
                meeting.pop("sealed", None)
        validate(document)
        with archive.transaction() as session:
            import_document(session, document)
