"""A one-line field that saves itself: shortly after typing stops, and on leaving."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from ui import spelling
from ui.typing_run import TypingRun

AUTOSAVE_MS = 700


class ErrorLabel(QLabel):
    """A message under the field it concerns; the typed text stays as it is."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setStyleSheet("color: #b00020;")
        self.setWordWrap(True)
        self.hide()

    def show_message(self, text: str | None) -> None:
        self.setText(text or "")
        self.setVisible(bool(text))


class _Line(QLineEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        spelling.attach(self)  # from the start: a field made in a window in use

    def event(self, event) -> bool:
        from ui.markdown_edit import leave_undo_to_program

        if leave_undo_to_program(event):
            return False
        return super().event(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
            QKeySequence.StandardKey.Redo
        ):
            event.ignore()  # the field's own undo would bypass the program's history
            return
        super().keyPressEvent(event)


class LineField(QWidget):
    committed = Signal(str)

    def __init__(self, placeholder: str = "", parent=None):
        super().__init__(parent)
        self.edit = _Line(self)
        self.edit.setPlaceholderText(placeholder)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        self._saved = ""
        self.typing = TypingRun()  # which run of typing a commit belongs to (one undo step)
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self._store)
        # From the first unsaved keystroke, so steady typing is stored within a second too.
        self.edit.textEdited.connect(self._changed)
        self.edit.editingFinished.connect(self.commit)

    def _changed(self, _text: str) -> None:
        self.typing.keystroke()
        if not self._timer.isActive():
            self._timer.start()

    def set_value(self, text: str | None) -> None:
        self._timer.stop()
        self._saved = text or ""
        self.edit.setText(self._saved)
        self.error.show_message(None)
        self.typing.end()

    def value(self) -> str:
        return self.edit.text()

    def retry_later(self) -> None:
        """Offer the typed value again after the usual pause (it could not be saved now)."""
        self._timer.start()

    def stored(self) -> str:
        """The value as last shown from, or stored in, the archive."""
        return self._saved

    def commit(self) -> None:
        """Hand on what is typed, if anything; the run of typing ends here."""
        self._store()
        self.typing.end()

    def _store(self) -> None:
        self._timer.stop()
        if self.edit.text() != self._saved:
            self.committed.emit(self.edit.text())

    def accept(self) -> None:
        """The value was stored: it is the new baseline, and any message goes."""
        self._saved = self.edit.text()
        self.error.show_message(None)

    def refuse(self, message: str) -> None:
        self.error.show_message(message)

    def setReadOnly(self, on: bool) -> None:  # noqa: N802
        self.edit.setReadOnly(on)
