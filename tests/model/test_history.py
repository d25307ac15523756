"""Every change to a meeting after its agenda was sent out is recorded, append-only."""

from __future__ import annotations

import getpass

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from model import item_edit, meeting_setup
from model.sealing.history import meeting_history
from tests.model.agenda_helpers import committee, meeting


def test_changes_after_the_agenda_was_sent_are_recorded(archive):
    with archive.transaction() as s:
        m = meeting(s, committee(s).id, "2020-03-01", ["Budget"])
        item = next(i for i in m.items if i.title == "Budget")
        item_edit.set_item_field(s, item.id, "title", "Budget 2021")  # a draft: not recorded
        meeting_setup.advance_status(s, m.id)  # dagsorden udsendt
        ids = (m.id, item.id, item.sections[0].id if item.sections else None)
    meeting_id, item_id, _ = ids
    with archive.transaction() as s:
        item_edit.set_item_field(s, item_id, "title", "Budget 2022")
        section = item_edit.add_section(s, item_id, "Indstilling")
    with archive.transaction() as s:
        item_edit.set_section_text(s, section, "Godkendes.")

    with archive.sessions() as s:
        rows = meeting_history(s, meeting_id)
    assert [r.what for r in rows] == [
        'Punkt 4 "Budget 2022" ændret',
        'Afsnit "Indstilling" på punkt 4 "Budget 2022" tilføjet',
        'Afsnit "Indstilling" på punkt 4 "Budget 2022" ændret',
    ]
    title_row = rows[0]
    assert title_row.before == "Titel: Budget 2021" and title_row.after == "Titel: Budget 2022"
    assert rows[-1].before == "Tekst: –" and rows[-1].after == "Tekst: Godkendes."
    assert {r.user for r in rows} == {getpass.getuser()}
    assert all("T" in r.at and ("+" in r.at or "-" in r.at[10:]) for r in rows)


def test_the_history_is_append_only(archive):
    with archive.transaction() as s:
        m = meeting(s, committee(s).id, "2020-03-01", ["Budget"])
        meeting_setup.advance_status(s, m.id)
        meeting_setup.update_meeting(s, m.id, location="Byrådssalen")
    for statement in ("UPDATE change_history SET what = 'Intet'", "DELETE FROM change_history"):
        with pytest.raises(DBAPIError, match="kun tilføjes"), archive.engine.begin() as c:
            c.execute(text(statement))
    with archive.sessions() as s:
        assert [r.what for r in meeting_history(s, m.id)][-1] == "Mødet ændret"


def test_an_import_that_writes_the_same_again_records_nothing(archive, tmp_path):
    """Re-importing a meeting rewrites its rows; only a real change is recorded."""
    import json

    from model.interchange import import_file, load_json
    from tests.conftest import EXAMPLE_FILES

    path = next(p for p in EXAMPLE_FILES if p.stem.startswith("faxe"))
    import_file(archive, path)
    with archive.transaction() as s:
        from model.agenda import get_meeting
        from model.entities import Meeting

        meeting_id = s.query(Meeting.id).scalar()
        status = get_meeting(s, meeting_id).status
    assert status in ("agenda_published", "held", "minutes_approved")
    with archive.sessions() as s:
        before = len(meeting_history(s, meeting_id))

    import_file(archive, path)
    with archive.sessions() as s:
        assert len(meeting_history(s, meeting_id)) == before

    document = load_json(path)
    document["meetings"][0]["items"][1]["sections"][0]["text"] = "Ny tekst."
    changed = tmp_path / "aendret.json"
    changed.write_text(json.dumps(document), "utf-8")
    import_file(archive, changed)
    with archive.sessions() as s:
        rows = meeting_history(s, meeting_id)[before:]
    assert [r.what for r in rows] == [
        'Afsnit "Sagsfremstilling" på punkt 2 "Kommissorium for udvalget" tilføjet',
        'Afsnit "Sagsfremstilling" på punkt 2 "Kommissorium for udvalget" slettet',
    ]
    assert rows[0].after.endswith("Tekst: Ny tekst.")
    assert rows[1].before.startswith("Overskrift: Sagsfremstilling")
