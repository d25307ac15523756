"""Qt fixtures: settings in a temporary folder, message boxes that answer themselves (yes),
and the main window on a fresh or an example archive."""

from __future__ import annotations

import pytest

pytest.importorskip("pytestqt")


@pytest.fixture(autouse=True)
def private_settings(tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "cfg"))
    yield


@pytest.fixture
def messages(monkeypatch):
    """Message boxes do not block: questions are answered yes, warnings are collected."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: shown.append(text))
    monkeypatch.setattr("ui.confirm.ask", lambda *a, **k: True)  # Slet punktet, Underskriv
    # Marked held, the end time offered is taken with OK.
    monkeypatch.setattr("ui.dialogs.held_dialog.HeldDialog.exec", lambda self: 1)
    return shown


def _window(qtbot, archive):
    from ui.app import application, open_window

    application()
    window = open_window(archive)
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def window(qtbot, archive, messages):
    return _window(qtbot, archive)


@pytest.fixture
def examples_window(qtbot, examples_archive, messages):
    return _window(qtbot, examples_archive)


class _Clock:
    """The clock that tells runs of typing apart (ui.typing_run), moved on by hand."""

    def __init__(self):
        self.now = 1000.0

    def pause(self, seconds: float = 2.0) -> None:
        self.now += seconds


@pytest.fixture
def typing_clock(monkeypatch):
    """Runs of typing end only where the test pauses: real time in a test is not a pause."""
    clock = _Clock()
    monkeypatch.setattr("ui.typing_run.clock", lambda: clock.now)
    return clock


@pytest.fixture
def unsigned_examples_window(qtbot, unsigned_examples_archive, messages):
    """The examples with the signed meetings not yet signed: for tests that change them."""
    return _window(qtbot, unsigned_examples_archive)
