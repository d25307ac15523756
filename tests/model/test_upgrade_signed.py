"""An archive that holds a signed meeting is brought up to date: no migration may copy a
table whose rows the seal's triggers guard."""

from __future__ import annotations

import sqlite3

from sqlalchemy import text

from model import migrations
from model.database import open_archive
from model.interchange import import_file
from model.sealing.verify import verify
from tests.conftest import EXAMPLE_FILES


def test_an_archive_with_a_signed_meeting_upgrades_from_0007(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    archive = open_archive(path, keep_backups=None)
    for source in EXAMPLE_FILES:
        import_file(archive, source)
    archive.close()
    with sqlite3.connect(path) as raw:  # as revision 0007 left it
        raw.execute("ALTER TABLE committees DROP COLUMN follow_ups_in_minutes")
        raw.execute("DROP TABLE scan_proposals")  # and what later revisions made
        raw.execute("DROP TABLE protocol_pages")
        raw.execute("DROP INDEX ix_meetings_committee_id_date")  # revision 0011's
        raw.execute("CREATE INDEX ix_meetings_committee_id ON meetings (committee_id)")
        raw.execute("UPDATE alembic_version SET version_num = '0007'")
    raw.close()

    archive = open_archive(path, keep_backups=None)

    assert migrations.current_revision(archive.engine) == migrations.head_revision()
    with archive.engine.connect() as connection:
        assert connection.execute(text(
            "SELECT min(follow_ups_in_minutes) FROM committees")).scalar() == 1
        assert connection.execute(text(
            "SELECT count(*) FROM meetings WHERE status = 'signed'")).scalar() == 2
    with archive.sessions() as session:
        assert verify(session) == []
    archive.close()
