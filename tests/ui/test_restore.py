"""Filer › Gendan sikkerhedskopi: the copies with their contents, and a restore in the window."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from model import backups
from model.entities import Item


def title_of(archive, ext_id: str) -> str:
    with archive.sessions() as session:
        return session.scalar(select(Item.title).where(Item.ext_id == ext_id))

FAXE_ITEM = "sagsbehandling-2020-04-21-2"  # of a meeting not signed: it can be changed


def test_restore_from_the_menu(examples_window, qtbot, monkeypatch):
    from ui.dialogs.restore_dialog import RestoreDialog

    window = examples_window
    archive = window.ws.archive
    if archive.path is None:
        pytest.skip("a database server is restored with its own tools")
    copy = backups.make_backup(archive.path)
    with archive.transaction() as session:
        session.scalar(select(Item).where(Item.ext_id == FAXE_ITEM)).title = "Ændret"

    dialog = RestoreDialog(archive, window)
    qtbot.addWidget(dialog)
    shown = dialog.copies.item(0).text()
    assert shown.startswith(copy.name) and "4 møder, 23 punkter" in shown
    asked = []
    dialog.confirm = lambda text: asked.append(text) or True
    dialog.restore()

    assert copy.name in asked[0]
    assert dialog.restored_from == copy
    assert title_of(archive, FAXE_ITEM) == "Kommissorium for udvalget"
    kept = [p for p in backups.backups(archive.path) if "foer-gendannelse" in p.name]
    assert len(kept) == 1 and backups.preview(kept[0]).items == 23
    # The window goes on working on the restored archive.
    window.search_box.setText("Personaleprofiler")
    window.run_search()
    assert window.search_panel.results.count() >= 1


def test_declining_changes_nothing(examples_window, qtbot):
    from ui.dialogs.restore_dialog import RestoreDialog

    archive = examples_window.ws.archive
    if archive.path is None:
        pytest.skip("a database server is restored with its own tools")
    backups.make_backup(archive.path)
    with archive.transaction() as session:
        session.scalar(select(Item).where(Item.ext_id == FAXE_ITEM)).title = "Ændret"
    dialog = RestoreDialog(archive, examples_window)
    qtbot.addWidget(dialog)
    dialog.confirm = lambda text: False
    dialog.restore()
    assert dialog.restored_from is None
    assert title_of(archive, FAXE_ITEM) == "Ændret"
