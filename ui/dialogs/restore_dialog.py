"""Restore the archive from one of its backup copies, after seeing what each holds."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from model import backups
from model.errors import ReferentError


class RestoreDialog(QDialog):
    """Lists the copies newest first with their contents; restores the chosen one."""

    def __init__(self, archive, parent=None):
        super().__init__(parent)
        self.archive = archive
        self.restored_from = None
        self.setWindowTitle(self.tr("Gendan sikkerhedskopi"))
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Vælg den kopi, arkivet skal gendannes fra. Arkivet, som det er nu, gemmes "
            "først som en kopi, så gendannelsen kan fortrydes."
        ), wordWrap=True))
        self.copies = QListWidget(self)
        layout.addWidget(self.copies)
        self.buttons = QDialogButtonBox(self)
        self.restore_button = self.buttons.addButton(
            self.tr("Gendan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._fill()

    def _fill(self) -> None:
        found = backups.backups(self.archive.path) if self.archive.path else []
        for path in found:
            try:
                text = backups.preview(path).describe()
            except ReferentError as error:
                text = str(error)
            entry = QListWidgetItem(text, self.copies)
            entry.setData(Qt.ItemDataRole.UserRole, path)
        if not found:
            self.copies.addItem(self.tr("Der er ingen sikkerhedskopier endnu."))
        self.restore_button.setEnabled(bool(found))
        self.copies.setCurrentRow(0)

    def chosen(self):
        entry = self.copies.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def confirm(self, text: str) -> bool:
        """Ask before replacing the archive (tests answer for the user)."""
        answer = QMessageBox.question(self, self.tr("Gendan sikkerhedskopi"), text)
        return answer == QMessageBox.StandardButton.Yes

    def restore(self) -> None:
        path = self.chosen()
        if path is None:
            return
        if not self.confirm(self.tr(
            "Arkivet erstattes af kopien %1. Arkivet, som det er nu, gemmes først som kopi. "
            "Fortsæt?"
        ).replace("%1", path.name)):
            return
        try:
            self.archive.restore_from(path)
        except ReferentError as error:
            QMessageBox.warning(self, self.tr("Gendan sikkerhedskopi"), str(error))
            return
        self.restored_from = path
        self.accept()
