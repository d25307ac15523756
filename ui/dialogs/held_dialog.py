"""Marking a meeting held: when did it end? ("Mødet sluttede kl. 11.45" in the referat.)

Offered with the planned end, or on the day itself the time now; it can be left
empty. The time is checked by the model when the step is taken.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from model import meeting_setup
from model.agenda import get_meeting
from model.checks import InputError, parse_time
from ui.line_field import ErrorLabel
from ui.workspace import Workspace


class HeldDialog(QDialog):
    def __init__(self, ws: Workspace, meeting_id: int, question: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mødet er afholdt"))
        proposed = ws.read(lambda s: meeting_setup.proposed_end(
            get_meeting(s, meeting_id), dt.datetime.now()))
        self.end = QLineEdit(f"{proposed:%H:%M}" if proposed else "", self)
        self.end.setPlaceholderText(self.tr("tt:mm (kan stå tom)"))
        self.error = ErrorLabel(self)
        text = QLabel(question, self)
        text.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Mødet sluttede kl."), self.end)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.end.selectAll()

    def accept(self) -> None:
        try:
            parse_time("end", self.end.text())
        except InputError as error:
            self.error.show_message(str(error))
            self.end.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, ws: Workspace, meeting_id: int, question: str, parent=None) -> str | None:
        """The end time typed ("" for none), or None when she cancels."""
        dialog = cls(ws, meeting_id, question, parent)
        return dialog.end.text().strip() if dialog.exec() else None
