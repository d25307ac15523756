"""Pick the item's case (sag) from the archive, or make a new one."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from model import cases
from model.checks import InputError
from ui.line_field import ErrorLabel
from ui.workspace import Workspace


class CaseDialog(QDialog):
    def __init__(self, workspace: Workspace, current: int | None, title: str,
                 journal_number: str | None, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.case_id = current
        self.setWindowTitle(self.tr("Vælg sag"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Søg på titel eller journalnummer"))
        self.search.textChanged.connect(self._fill)
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        none = QPushButton(self.tr("Ingen sag"), self)
        none.clicked.connect(self._no_case)

        new_box = QGroupBox(self.tr("Ny sag"), self)
        self.new_title = QLineEdit(title, self)
        self.new_journal = QLineEdit(journal_number or "", self)
        self.error = ErrorLabel(self)
        create = QPushButton(self.tr("Opret sagen"), self)
        create.clicked.connect(self._create)
        form = QFormLayout(new_box)
        form.addRow(self.tr("Titel"), self.new_title)
        form.addRow(self.tr("Journalnummer"), self.new_journal)
        form.addRow("", self.error)
        form.addRow("", create)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list)
        layout.addWidget(none, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(new_box)
        layout.addWidget(buttons)
        self._fill("")

    def _fill(self, text: str) -> None:
        self.list.clear()
        for case in self.ws.read(cases.find_cases, text):
            label = case.title + (f" ({case.journal_number})" if case.journal_number else "")
            entry = QListWidgetItem(label, self.list)
            entry.setData(Qt.ItemDataRole.UserRole, case.id)
            if case.id == self.case_id:
                self.list.setCurrentItem(entry)

    def _no_case(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.case_id = None
        super().accept()

    def _create(self) -> None:
        try:
            case = self.ws.write(cases.create_case, self.new_title.text(), self.new_journal.text())
        except InputError as error:
            self.error.show_message(str(error))
            return
        self.case_id = case.id
        super().accept()

    def accept(self) -> None:
        entry = self.list.currentItem()
        if entry is not None:
            self.case_id = entry.data(Qt.ItemDataRole.UserRole)
        super().accept()
