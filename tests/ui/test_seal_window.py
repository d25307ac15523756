"""The window and sealed meetings: a red banner on a meeting that fails its seal."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from model.entities import Meeting


def _meeting_id(archive, ext_id: str) -> int:
    with archive.sessions() as session:
        return session.scalar(select(Meeting.id).where(Meeting.ext_id == ext_id))


def test_a_meeting_changed_behind_its_seal_shows_a_red_banner(examples_archive, qtbot, messages):
    from tests.ui.conftest import _window
    from ui.app import start_seal_check

    archive = examples_archive
    if archive.path is None:
        pytest.skip("SQLite: another program changes the file")
    connection = sqlite3.connect(archive.path)
    connection.execute("DROP TRIGGER referent_seal_items_update")
    connection.execute("UPDATE items SET title = 'Ny titel' WHERE ext_id = 'aet-2020-08-19-193'")
    connection.commit()
    connection.close()
    archive.seal_check_due = True  # the day's first start

    window = _window(qtbot, archive)
    window.open_meeting(_meeting_id(archive, "aet-2020-08-19"))
    banner = window.agenda.seal_banner
    assert not banner.isVisible()  # not known yet: the check runs in the background
    start_seal_check(window)
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    assert not archive.seal_check_due
    assert banner.text().startswith(
        'Mødet svarer ikke til sit segl: punkt 193 "Budgetforslag 2021 - AET": titlen er '
        "ændret efter underskrivelsen."
    )
    window.open_meeting(_meeting_id(archive, "oeu-2026-09-30"))  # signed, and as signed
    assert not banner.isVisible()


def test_the_meeting_history_is_shown_from_the_meeting_menu(window, qtbot, monkeypatch):
    from model import item_edit, meeting_setup
    from tests.model.agenda_helpers import committee, meeting
    from ui.dialogs.history_dialog import HistoryDialog

    archive = window.ws.archive
    with archive.transaction() as s:
        m = meeting(s, committee(s).id, "2020-03-01", ["Budget"])
        item = next(i for i in m.items if i.title == "Budget")
        meeting_setup.advance_status(s, m.id)
        meeting_id, item_id = m.id, item.id
    with archive.transaction() as s:
        item_edit.set_item_field(s, item_id, "title", "Budget 2021")
    window.open_meeting(meeting_id)
    shown = []
    monkeypatch.setattr(HistoryDialog, "exec", lambda dialog: shown.append(dialog) or 0)

    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Møde")
    next(a for a in menu.actions() if a.text() == "&Historik…").trigger()

    dialog = shown[0]
    qtbot.addWidget(dialog)
    table = dialog.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Tidspunkt", "Bruger", "Ændring", "Før", "Efter"]
    last = table.rowCount() - 1
    assert table.item(last, 2).text() == 'Punkt 4 "Budget 2021" ændret'
    assert table.item(last, 3).text() == "Titel: Budget"
    assert table.item(last, 4).text() == "Titel: Budget 2021"
    assert table.editTriggers() == table.EditTrigger.NoEditTriggers
