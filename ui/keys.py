"""The program's keys before a text field's own: on Linux a line field takes Ctrl+E as
"end of line", so the window's Ctrl+E (export) would never fire while typing."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QWidget


class ProgramKeys(QObject):
    """Lets these actions' keys through as shortcuts from every field of `window`.

    Qt asks the focused widget first (a ShortcutOverride event) whether it wants a key;
    the filter sits on that widget alone, moved along as the focus moves. A filter on the
    whole application would be called from Python for every event of every widget:
    a tenth of the time it takes to open a meeting."""

    def __init__(self, window: QWidget, actions: list[QAction]):
        super().__init__(window)
        self.window = window
        self.keys = {key[0].toCombined() for action in actions for key in action.shortcuts()}
        self._watched: QWidget | None = None
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self._focus_changed(None, QApplication.focusWidget())

    def _focus_changed(self, _old, now) -> None:
        if self._watched is not None and self._watched is not now:
            try:
                self._watched.removeEventFilter(self)
            except RuntimeError:  # the widget is gone
                pass
        self._watched = None
        if now is not None and now.window() is self.window:
            now.installEventFilter(self)  # first of its filters, even if it was there before
            self._watched = now

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        combined = event.keyCombination().toCombined()
        if combined in self.keys and isinstance(watched, QWidget) and (
            watched.window() is self.window
        ):
            event.ignore()  # not the field's: the shortcut map gives it to the action
            return True
        return False


def tab_moves_on(dialog: QWidget) -> None:
    """Tab leaves every text box of the dialog instead of typing a tab character, which
    nothing in a meeting's details, a committee or a form ever needs."""
    from PySide6.QtWidgets import QPlainTextEdit, QTextEdit

    for box in dialog.findChildren(QPlainTextEdit) + dialog.findChildren(QTextEdit):
        box.setTabChangesFocus(True)
