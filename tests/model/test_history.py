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
