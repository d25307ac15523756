"""An unexpected error: typed text stored, a log with the traceback, a Danish dialog."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import item, make_meeting


@pytest.fixture
def crashes(monkeypatch, tmp_path):
    """The hook installed for the test's window, its log in tmp_path, dialogs recorded."""
    from ui import crash

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored afterwards
    monkeypatch.setattr(crash, "data_folder", lambda: tmp_path / "data")
    shown = []
    monkeypatch.setattr(crash.CrashDialog, "exec", lambda d: shown.append(d) or 0)
    return shown


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_keeps_the_typing_logs_and_tells(window, archive, qtbot, crashes,
                                                              tmp_path):
    from ui import crash

    crash.install(window.flush, lambda: window)
    meeting_id = make_meeting(archive, titles=("A",))
    window.open_meeting(meeting_id)
    title = window.editor.fields["title"].edit
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Budget 2021")  # not stored yet: the autosave waits

    def broken():
        raise ZeroDivisionError("division by zero")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: bool(crashes), timeout=20_000)
    item_id = window.editor.view.id
    assert item(archive, item_id).title == "Budget 2021"
    dialog = crashes[0]
    log = (tmp_path / "data" / "fejl.log").read_text("utf-8")
    assert "ZeroDivisionError" in log and "broken" in log
    assert "uventet fejl" in dialog.findChild(crash.QLabel).text()
    assert str(tmp_path / "data" / "fejl.log") in dialog.findChild(crash.QLabel).text()
    assert dialog.copy_button.text() == "Kopiér detaljer"
    dialog.copy_button.click()
    assert "ZeroDivisionError" in QApplication.clipboard().text()


def test_an_os_error_is_named_in_danish(crashes, qtbot):
    from ui import crash

    crash.install()
    try:
        open("/nonexistent-folder/referat.pdf", "rb")
    except OSError:
        sys.excepthook(*sys.exc_info())
    label = crashes[0].findChild(crash.QLabel).text()
    assert label.startswith("/nonexistent-folder/referat.pdf: mappen eller filen findes ikke")


def test_faulthandler_writes_to_the_data_folder(tmp_path):
    import faulthandler

    from ui import crash

    path = crash.enable_faulthandler(tmp_path / "data")
    try:
        assert faulthandler.is_enabled()
        faulthandler.dump_traceback(crash._fault_file)
        crash._fault_file.flush()
        assert "test_faulthandler_writes_to_the_data_folder" in path.read_text("utf-8")
    finally:
        faulthandler.disable()
