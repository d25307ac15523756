"""Møde › Historik: every recorded change to the meeting since its agenda was sent out,
read-only (the record itself is append-only)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model.sealing.history import HistoryRow, meeting_history
from ui.workspace import Workspace

COLUMNS = ("Tidspunkt", "Bruger", "Ændring", "Før", "Efter")


def tr(text: str) -> str:
    return QCoreApplication.translate("History", text)


class HistoryDialog(QDialog):
    def __init__(self, ws: Workspace, meeting_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Mødets historik"))
        self.rows: list[HistoryRow] = ws.read(meeting_history, meeting_id)
        self.table = QTableWidget(len(self.rows), len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels([tr(c) for c in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        for r, row in enumerate(self.rows):
            at = row.at.replace("T", " ")[:19]
            for c, value in enumerate((at, row.user, row.what, row.before, row.after)):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.table.setItem(r, c, cell)
        self.table.resizeColumnsToContents()
        for column, widest in ((2, 280), (3, 240), (4, 240)):  # long texts wrap; all in a tooltip
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeRowsToContents()
        note = QLabel(tr("Ændringer fra dagsordenen blev udsendt. Historikken kan ikke "
                         "ændres eller slettes.") if self.rows else
                      tr("Ingen ændringer er registreret, siden dagsordenen blev udsendt."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(1000, 480)
