"""The window's start: the welcome on an empty archive, the day's backup in the background,
and an archive damaged since the day's check."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from model import backups
from model.database import open_archive
from model.errors import ArchiveError
from tests.model.test_hostile_archive import FAXE, STEVNS, archive_with, damage_table


def answer_welcome(button_text: str, seen: list[str]) -> None:
    """When the welcome box shows, note its texts and press `button_text`."""

    def press() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        seen.extend([box.windowTitle(), box.text()])
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()

    QTimer.singleShot(0, press)


def meeting_count(window) -> int:
    from model.meetings import list_meetings

    return len(window.ws.read(list_meetings))


def test_welcome_loads_the_examples(window):
    from ui.app import offer_first_steps

    seen: list[str] = []
    answer_welcome("Indlæs eksemplerne", seen)
    offer_first_steps(window)
    assert seen == ["Velkommen til Referent", "Arkivet er tomt."]
    assert meeting_count(window) == 4
    assert window.tree_model.rowCount() == 4  # the committees are shown at once


def test_welcome_later_leaves_the_archive_empty(window):
    from ui.app import offer_first_steps

    answer_welcome("Senere", [])
    offer_first_steps(window)
    assert meeting_count(window) == 0


def test_welcome_opens_the_committee_dialog(window, monkeypatch):
    from ui.app import offer_first_steps

    opened = []
    monkeypatch.setattr(window, "edit_committees", lambda: opened.append(True))
    answer_welcome("Opret et udvalg", [])
    offer_first_steps(window)
    assert opened == [True]


def test_no_welcome_on_an_archive_with_committees(examples_window, monkeypatch):
    from ui.app import offer_first_steps

    monkeypatch.setattr(QMessageBox, "exec", lambda self: pytest.fail("welcome shown"))
    offer_first_steps(examples_window)


@pytest.fixture
def used_yesterday(tmp_path):
    """An archive with meetings and no copy taken today."""
    import shutil

    path = tmp_path / "arkiv.sqlite3"
    archive_with(path, STEVNS, FAXE)
    shutil.rmtree(backups.backup_folder(path))  # the second import took today's copy
    return path


def test_the_days_backup_is_made_in_the_background(qtbot, used_yesterday, messages):
    from ui.app import application, open_window, start_daily_backup

    application()
    archive = open_archive(used_yesterday, defer_backup=True)
    assert archive.pending_backup is not None and backups.backups(used_yesterday) == []
    window = open_window(archive)
    qtbot.addWidget(window)
    window.show()

    start_daily_backup(archive)
    assert meeting_count(window) == 2  # the window answers while the copy is made

    qtbot.waitUntil(lambda: len(backups.backups(used_yesterday)) == 1, timeout=20000)
    (copy,) = backups.backups(used_yesterday)
    assert copy.name.endswith("-daglig.sqlite3")
    assert backups.preview(copy).meetings == 2
    window.ws.close()
    assert open_archive(used_yesterday, defer_backup=True).pending_backup is None  # one a day


def test_a_failing_backup_does_not_take_the_window_down(qtbot, used_yesterday, messages):
    from PySide6.QtCore import QThreadPool

    from ui.app import application, open_window, start_daily_backup

    application()
    archive = open_archive(used_yesterday, defer_backup=True)
    window = open_window(archive)
    qtbot.addWidget(window)
    damage_table(used_yesterday, "items")  # damaged after the check, before the copy

    start_daily_backup(archive)
    QThreadPool.globalInstance().waitForDone(20000)

    assert backups.backups(used_yesterday) == []  # no damaged copy among the good ones
    assert window.isEnabled()
    window.ws.close()


def test_damage_found_while_the_window_reads_is_shown_in_danish(qtbot, used_yesterday,
                                                                 messages, monkeypatch):
    from ui.app import application, install_error_hook, open_window

    application()
    assert open_archive(used_yesterday).close() is None  # the day's check and copy: fine
    damage_table(used_yesterday, "meetings")
    archive = open_archive(used_yesterday, defer_backup=True)
    window = open_window(archive)
    qtbot.addWidget(window)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_hook(window)
    before = used_yesterday.read_bytes()

    with qtbot.captureExceptions() as raised:
        committee = window.tree_model.index(0, 0)
        window.tree.expand(committee)  # the committee's years (read from an index)
        QApplication.processEvents()
        # A year's meetings, when the secretary opens it (a click, which Qt delivers).
        QTimer.singleShot(0, lambda: window.tree.expand(window.tree_model.index(0, 0,
                                                                                committee)))
        QApplication.processEvents()
    assert raised, "reading the damaged table raised nothing"
    kind, error, trace = raised[0]
    assert isinstance(error, ArchiveError)
    sys.excepthook(kind, error, trace)  # what Qt does with an error no slot caught
    sys.excepthook(kind, error, trace)  # the tree's next repaint: no second box

    assert len(messages) == 1
    assert messages[0].startswith(f"{used_yesterday}: arkivet er beskadiget")  # no Qt prefix
    assert "Filer › Gendan sikkerhedskopi" in messages[0]
    assert "\n" not in messages[0]
    # As PySide passes on an error raised in a model method that Qt called itself:
    prefixed = ArchiveError("Error calling Python override of QAbstractItemModel::rowCount(): "
                            "Error calling Python override of QAbstractItemModel::fetchMore(): "
                            "x.sqlite3: arkivet er beskadiget (malformed).")
    sys.excepthook(ArchiveError, prefixed, None)
    assert messages[1] == "x.sqlite3: arkivet er beskadiget (malformed)."
    window.ws.close()
    assert used_yesterday.read_bytes() == before


def test_damage_found_by_the_days_check_after_the_window_shows(qtbot, used_yesterday,
                                                               messages):
    from PySide6.QtCore import QThreadPool

    from ui.app import application, open_window, start_daily_backup

    application()
    damage_table(used_yesterday, "items")  # where opening the window does not read
    before = used_yesterday.read_bytes()
    archive = open_archive(used_yesterday, defer_backup=True)  # the full read comes later
    window = open_window(archive)
    qtbot.addWidget(window)
    window.show()
    assert messages == []

    start_daily_backup(archive, window)
    QThreadPool.globalInstance().waitForDone(20000)
    qtbot.waitUntil(lambda: messages != [], timeout=20000)

    assert messages == [
        f"{used_yesterday}: arkivet er beskadiget (database disk image is malformed). "
        "Det er ikke ændret; gendan en sikkerhedskopi med Filer › Gendan sikkerhedskopi "
        "(eller referent restore)."
    ]
    assert backups.backups(used_yesterday) == []  # no damaged copy among the good ones
    assert window.act_restore.isEnabled()  # the way out the message names
    window.ws.close()
    assert used_yesterday.read_bytes() == before


def test_the_start_turns_the_collector_back_on(monkeypatch):
    import gc

    import main

    seen = []
    monkeypatch.setattr("ui.app.run", lambda **_: seen.append(gc.isenabled()) or 0)
    assert main.main([]) == 0
    assert seen == [False]  # off while the window is being made
    assert gc.isenabled()
