"""A whole meeting cycle with the keyboard alone, as a secretary who never touches the mouse:
the committee, the meeting, its items, the paper protocol, the decisions, the referat.

Keys go to the widget that has focus, as on a real keyboard; dialogs that block (exec) are
driven from inside their own event loop. Questions are answered Ja (the `messages` fixture
stands for pressing Return on them).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from tests.ui.keyboard import ALT, CTRL, SHIFT, Keyboard

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("exporters.render")

RETURN, TAB, ESC = Qt.Key.Key_Return, Qt.Key.Key_Tab, Qt.Key.Key_Escape


def focused():
    return QApplication.focusWidget()


class Cycle:
    def __init__(self, window, qtbot):
        self.window, self.qtbot = window, qtbot
        self.keys = Keyboard(window)
        self.failures: list[BaseException] = []

    def tab_to(self, widget, most: int = 40) -> None:
        """Tab until `widget` has focus, as a person does, counting every key."""
        for _ in range(most):
            if focused() is widget:
                return
            self.keys.key(TAB)
        assert focused() is widget, f"Tab never reached {widget!r}; stuck at {focused()!r}"

    def give_up(self) -> None:
        while (dialog := QApplication.activeModalWidget()) is not None:
            self.failures.append(AssertionError(f"{dialog.windowTitle()} was left open"))
            dialog.reject()

    def activate(self, dialog) -> None:
        """The window manager gives a new dialog the keyboard (offscreen, we ask it to)."""
        if not dialog.isActiveWindow():
            dialog.activateWindow()
        self.qtbot.waitUntil(dialog.isActiveWindow, timeout=20_000)

    def in_dialog(self, open_key, modifiers, drive) -> None:
        """Press `open_key`, then drive the modal dialog it opens from its own loop."""
        def run():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(20, run)
                return
            try:
                self.activate(dialog)
                drive(dialog)
            except BaseException as error:  # noqa: BLE001 - reported after the loop ends
                self.failures.append(error)
                dialog.reject()

        QTimer.singleShot(0, run)
        watchdog = QTimer(singleShot=True, interval=60000)
        watchdog.timeout.connect(self.give_up)  # a dialog nobody drives must not hang the run
        watchdog.start()
        self.keys.key(open_key, modifiers)
        watchdog.stop()
        self.activate(self.window)  # the dialog closed: the window has the keyboard again
        if self.failures:
            raise self.failures[0]


def test_a_whole_meeting_cycle_without_the_mouse(window, archive, qtbot, messages, tmp_path,
                                                 monkeypatch):
    from PySide6.QtGui import QDesktopServices

    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    monkeypatch.setattr("ui.dialogs.export_dialog.QStandardPaths.writableLocation",
                        lambda _where: str(tmp_path))
    cycle = Cycle(window, qtbot)
    keys = cycle.keys
    window.activateWindow()
    window.agenda.view.setFocus()

    # 1. The committee: the first new meeting asks for one.
    def committee(dialog):
        keys.type("Teknik- og Miljøudvalget")
        keys.key(TAB)
        keys.type("TMU")
        cycle.tab_to(next(b for b in dialog.findChildren(type(dialog.save_button))
                          if b.text() == "Tilføj medlem"))
        for name in ("Anna Berg", "Bo Dahl", "Carl Eng"):
            keys.key(Qt.Key.Key_Space)  # Tilføj medlem: the new row's name is being edited
            keys.type(name)
            keys.key(RETURN)
            cycle.tab_to(next(b for b in dialog.findChildren(type(dialog.save_button))
                              if b.text() == "Tilføj medlem"))
        keys.key(ESC)  # closing keeps what was typed: the committee is saved

    def meeting(dialog):
        cycle.tab_to(dialog.fields["date"].edit)
        keys.type("07-09-2021")
        keys.key(TAB)
        keys.type("16:00")
        keys.key(TAB, times=2)
        keys.type("Mødelokale 2")
        keys.key(RETURN)  # OK

    def both(dialog):
        committee(dialog)
        QTimer.singleShot(0, lambda: _modal_then(meeting, cycle))

    cycle.in_dialog(Qt.Key.Key_N, CTRL | SHIFT, both)
    assert window.meeting_id is not None, cycle.failures
    assert window.agenda.meeting.location == "Mødelokale 2"

    # 2. The items: title, Tab into the first section, and on.
    for title, text in (("Cykelsti på Havnevej", "Forvaltningen foreslår en cykelsti."),
                        ("Budget 2022", "Budgettet fremlægges.")):
        keys.key(Qt.Key.Key_N, CTRL)
        keys.type(title)
        keys.key(TAB)
        keys.type(text)
    keys.key(TAB)  # leaving the text stores it
    rows = [r.title for r in window.agenda.model.rows]
    start = rows.index("Cykelsti på Havnevej")  # after the committee's first standard items
    assert rows[start:start + 2] == ["Cykelsti på Havnevej", "Budget 2022"]

    # 3. The agenda goes out (Ctrl+Shift+T), and the paper protocol is made (Ctrl+E).
    keys.key(Qt.Key.Key_T, CTRL | SHIFT)
    assert window.agenda.meeting.status == "agenda_published"

    def export(document):
        def drive(dialog):
            dialog.document.setFocus()
            while dialog.document.currentData() != document:
                keys.key(Qt.Key.Key_Down)
            keys.key(RETURN)  # Eksportér
            qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
            assert dialog.error.text() == "", dialog.error.text()
            keys.key(ESC)
        return drive

    cycle.in_dialog(Qt.Key.Key_E, CTRL, export("protokol"))
    protocol = tmp_path / "Beslutningsprotokol TMU 2021-09-07.pdf"
    assert "Cykelsti på Havnevej" in _text(protocol)

    # 4. Back from the meeting: the decisions (the meeting is marked held on the way).
    keys.key(Qt.Key.Key_B, CTRL | SHIFT)
    entry = window.decision_entry
    qtbot.waitUntil(lambda: focused() is entry.decision)
    for title in rows:  # the first standard decision for each; votes on the cycle path
        keys.key(Qt.Key.Key_1, ALT)
        if title == "Cykelsti på Havnevej":
            keys.key(Qt.Key.Key_F, ALT)
            keys.key(Qt.Key.Key_F, times=2)  # Anna and Bo for
            keys.key(Qt.Key.Key_I)  # Carl against
            keys.key(Qt.Key.Key_B, ALT)
        keys.key(Qt.Key.Key_Return, CTRL)
    assert entry.counter.text() == "Alle punkter har en beslutning"
    keys.key(ESC)
    qtbot.waitUntil(lambda: window.decision_entry is None)
    cycle.activate(window)

    # 5. The referat.
    cycle.in_dialog(Qt.Key.Key_E, CTRL, export("referat"))
    referat = _text(tmp_path / "Referat TMU 2021-09-07.pdf")
    for expected in ("Cykelsti på Havnevej", "Forvaltningen foreslår en cykelsti.",
                     "Budget 2022", "Anna Berg", "imod stemte"):
        assert expected in referat, expected
    print(f"\nHele mødet med tastaturet: {keys.total} tastetryk "
          f"({keys.characters} tegn, {keys.commands} kommandoer)")


def _modal_then(drive, cycle):
    from ui.dialogs.meeting_dialog import MeetingDialog

    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, MeetingDialog):
        QTimer.singleShot(20, lambda: _modal_then(drive, cycle))
        return
    try:
        cycle.activate(dialog)
        drive(dialog)
    except BaseException as error:  # noqa: BLE001
        cycle.failures.append(error)
        dialog.reject()


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in pypdf.PdfReader(path).pages).split())
