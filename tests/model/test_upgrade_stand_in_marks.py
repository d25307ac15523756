"""Migration 0010: the old default that marked a stand-in's seat absent on every item goes,
on unsigned meetings only; a seat marked absent on some items keeps its marks."""

from __future__ import annotations

import sqlite3

import pytest

from model.database import open_archive
from tests.conftest import EXAMPLE_FILES, import_before_signing

MEETING = "oeu-2026-09-30"
SEAT = "oeu-4"  # substituted by the typed stand-in Karen Vinter (O)


def _archive_at_0009(path, marked_items: int | None) -> None:
    """The example meeting, unsigned, its stand-in's seat marked absent on `marked_items`
    of its decisions (None: all), as revision 0009 left it."""
    archive = open_archive(path, keep_backups=None)
    import_before_signing(archive, [p for p in EXAMPLE_FILES if "proevekommune" in p.name])
    archive.close()
    with sqlite3.connect(path) as raw:
        decisions = [row[0] for row in raw.execute(
            "SELECT d.id FROM decisions d JOIN items i ON i.id = d.item_id "
            "JOIN meetings m ON m.id = i.meeting_id WHERE m.ext_id = ? ORDER BY d.id",
            (MEETING,))]
        seat = raw.execute("SELECT id FROM members WHERE ext_id = ?", (SEAT,)).fetchone()[0]
        for decision in decisions[:marked_items]:
            raw.execute("INSERT INTO decision_members (decision_id, position, kind, member_id) "
                        "VALUES (?, 99, 'absent', ?)", (decision, seat))
        raw.execute("DROP INDEX ix_meetings_committee_id_date")  # revision 0011's
        raw.execute("CREATE INDEX ix_meetings_committee_id ON meetings (committee_id)")
        raw.execute("UPDATE alembic_version SET version_num = '0009'")
    raw.close()


def _seat_marks(path) -> int:
    with sqlite3.connect(path) as raw:
        return raw.execute(
            "SELECT count(*) FROM decision_members dm JOIN members m ON m.id = dm.member_id "
            "WHERE m.ext_id = ? AND dm.kind = 'absent'", (SEAT,)).fetchone()[0]


@pytest.mark.parametrize("marked, left", [(None, 0), (1, 1)])
def test_the_old_default_absence_of_a_stand_ins_seat_goes(tmp_path, marked, left):
    path = tmp_path / "arkiv.sqlite3"
    _archive_at_0009(path, marked)
    assert _seat_marks(path) > 0

    open_archive(path, keep_backups=None).close()

    assert _seat_marks(path) == left
