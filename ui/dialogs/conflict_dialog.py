"""Ændret af en anden: the secretary's text and the archive's, side by side, and a choice."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from model.errors import EditConflict

KEEP_MINE = "mine"  # write mine, now based on the archive's version
USE_THEIRS = "theirs"  # drop mine and show the archive's
CANCEL = "cancel"  # keep mine in the field, unsaved


def tr(text: str) -> str:
    return QCoreApplication.translate("Conflict", text)


def shown(value: object) -> str:
    """A stored value as the secretary reads it (a field may be empty, a flag yes or no)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("Ja") if value else tr("Nej")
    return str(value)


class ConflictDialog(QDialog):
    def __init__(self, conflict: EditConflict, parent: QWidget | None = None):
        super().__init__(parent)
        self.choice = CANCEL
        self.setWindowTitle(tr("Ændret af en anden"))
        message = QLabel(
            str(conflict) + "\n" + tr("Vælg hvilken udgave der skal gælde."), self
        )
        message.setWordWrap(True)
        # Read-only but selectable, so either text can be copied from.
        self.mine = self._text(shown(conflict.mine))
        self.theirs = self._text(shown(conflict.theirs))
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("Din udgave"), self), 0, 0)
        grid.addWidget(QLabel(tr("Arkivets udgave (gemt af en anden)"), self), 0, 1)
        grid.addWidget(self.mine, 1, 0)
        grid.addWidget(self.theirs, 1, 1)

        buttons = QDialogButtonBox(self)
        for text, choice, role in (
            (tr("Behold min udgave"), KEEP_MINE, QDialogButtonBox.ButtonRole.AcceptRole),
            (tr("Brug arkivets udgave"), USE_THEIRS, QDialogButtonBox.ButtonRole.AcceptRole),
            (tr("Annullér"), CANCEL, QDialogButtonBox.ButtonRole.RejectRole),
        ):
            button = buttons.addButton(text, role)
            button.clicked.connect(lambda _c=False, c=choice: self._choose(c))
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def _text(self, text: str) -> QPlainTextEdit:
        view = QPlainTextEdit(text, self)
        view.setReadOnly(True)
        return view

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.done(QDialog.DialogCode.Accepted if choice != CANCEL else QDialog.DialogCode.Rejected)

    @classmethod
    def ask(cls, parent: QWidget | None, conflict: EditConflict) -> str:
        """KEEP_MINE, USE_THEIRS or CANCEL (also when the window is closed). Tests replace this."""
        dialog = cls(conflict, parent)
        dialog.exec()
        return dialog.choice
