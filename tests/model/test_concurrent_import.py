"""Two imports that create the same committee at the same moment, on a database server."""

from __future__ import annotations

import copy
import json
import threading

import pytest
from sqlalchemy import event, func, select

from model.database import open_archive
from model.entities import Committee, Meeting
from model.interchange import import_file, load_json
from tests.conftest import EXAMPLE_FILES, archive_url

STEVNS = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns")))


@pytest.fixture
def server():
    if not archive_url():
        pytest.skip("needs REFERENT_TEST_DB_URL (on SQLite one writer waits for the other)")
    from tests.pg import drop_database, fresh_database

    url = fresh_database(archive_url())
    open_archive(url=url).close()
    yield url
    drop_database(url)


def other_meeting(document: dict) -> dict:
    """The same committee, another meeting."""
    document = copy.deepcopy(document)
    meeting = document["meetings"][0]
    meeting["id"] = "aet-2020-09-16"
    meeting["date"] = "2020-09-16"
    meeting["status"] = "held"
    for item in meeting["items"]:
        item["id"] = "x-" + item["id"]
    return document


def test_both_imports_succeed_and_the_committee_is_made_once(server, tmp_path):
    files = [tmp_path / "a.json", tmp_path / "b.json"]
    files[0].write_text(json.dumps(STEVNS), "utf-8")
    files[1].write_text(json.dumps(other_meeting(STEVNS)), "utf-8")
    archives = [open_archive(url=server) for _ in files]
    together = threading.Barrier(2, timeout=20)
    for archive in archives:
        waited = []

        @event.listens_for(archive.sessions, "before_flush")
        def _meet(session, _context, _instances, waited=waited):  # noqa: ANN001
            # Both have looked for the committee and found none; now both insert it.
            if not waited:
                waited.append(True)
                together.wait()

    outcomes: list[object] = [None, None]

    def run(n: int) -> None:
        try:
            outcomes[n] = import_file(archives[n], files[n])
        except Exception as error:  # noqa: BLE001 - the test reports what it was
            outcomes[n] = error

    threads = [threading.Thread(target=run, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    assert not any(isinstance(o, Exception) for o in outcomes), outcomes
    with archives[0].sessions() as session:
        assert session.scalar(select(func.count()).select_from(Committee)) == 1
        assert session.scalar(select(func.count()).select_from(Meeting)) == 2
    for archive in archives:
        archive.close()
