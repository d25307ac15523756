"""Search results across the archive; choosing one opens the item."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model import search, words
from ui.workspace import Workspace


class SearchPanel(QDockWidget):
    open_item = Signal(int, int)  # meeting id, item id

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(self.tr("Søgeresultater"), parent)
        self.ws = workspace
        self.summary = QLabel(self)
        self.results = QListWidget(self)
        self.results.itemActivated.connect(self._activated)
        self.results.itemClicked.connect(self._activated)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.results)
        self.setWidget(body)

    def search(self, text: str) -> list[search.Hit]:
        hits = self.ws.read(search.search, text) if text.strip() else []
        self.results.clear()
        for hit in hits:
            snippet = " ".join(hit.snippet.split())
            if hit.where:  # found in a question, a protokoltilførsel, a bilag's title …
                snippet = f"{hit.where}: {snippet}" if snippet else hit.where
            label = f"{hit.committee} {hit.date:%d-%m-%Y}, pkt. {hit.number}: {hit.title}"
            entry = QListWidgetItem(f"{label}\n    {snippet}" if snippet else label, self.results)
            entry.setData(Qt.ItemDataRole.UserRole, (hit.meeting_id, hit.item_id))
        if not text.strip():
            self.summary.setText(self.tr("Skriv et eller flere ord i søgefeltet."))
        elif hits:
            found = words.count(len(hits), self.tr("punkt"), self.tr("punkter"))
            self.summary.setText(self.tr("%1 fundet for »%2«")
                                 .replace("%1", found).replace("%2", text))
        else:
            self.summary.setText(self.tr("Intet fundet for »%1«").replace("%1", text))
        self.show()
        self.raise_()
        if hits:
            self.results.setCurrentRow(0)
        return hits

    def _activated(self, entry: QListWidgetItem) -> None:
        meeting_id, item_id = entry.data(Qt.ItemDataRole.UserRole)
        self.open_item.emit(meeting_id, item_id)
