"""Kopiér dagsorden: choose an earlier meeting of the committee, then the items to copy.

The committee's standard items are on every new agenda already; they are shown, unticked
and greyed, so that copying never puts them on twice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from model import agenda, browse
from ui.keys import tab_moves_on
from ui.workspace import Workspace


def earlier_meetings(ws: Workspace, meeting_id: int, most: int = 40) -> list[browse.MeetingRow]:
    """The committee's other meetings, newest first."""
    view = ws.read(browse.meeting_view, meeting_id)
    earlier: list[browse.MeetingRow] = []
    for year, _count in ws.read(browse.committee_years, view.committee_id):
        earlier += [m for m in ws.read(browse.meetings_in_year, view.committee_id, year)
                    if m.id != meeting_id]
        if len(earlier) > most:
            break
    return earlier


class CopyAgendaDialog(QDialog):
    def __init__(self, ws: Workspace, meeting_id: int, earlier: list[browse.MeetingRow],
                 parent=None):
        super().__init__(parent)
        self.ws = ws
        self.meeting_id = meeting_id
        self.setWindowTitle(self.tr("Kopiér dagsorden"))
        self.source = QComboBox(self)
        for m in earlier:
            self.source.addItem(f"{m.date:%d-%m-%Y}  {m.title}", m.id)
        self.items = QListWidget(self)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Kopiér"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Fra mødet"), self.source)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Punkter (mellemrum sætter og fjerner et flueben):"),
                                self))
        layout.addWidget(self.items, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.source.currentIndexChanged.connect(self._fill)
        self._fill()
        tab_moves_on(self)
        self.resize(560, 460)

    def _fill(self, *_args) -> None:
        source_id = self.source.currentData()
        self.items.clear()
        if source_id is None:
            return

        def read(session):
            present = agenda.already_standard(agenda.get_meeting(session, self.meeting_id))
            rows = [(i.id, i.number, i.title) for i in agenda.get_meeting(session, source_id).items]
            return present, rows

        present, rows = self.ws.read(read)
        doubles = 0
        for item_id, number, title in rows:
            entry = QListWidgetItem(f"{number}. {title}", self.items)
            entry.setData(Qt.ItemDataRole.UserRole, item_id)
            if " ".join(title.split()).casefold() in present:
                entry.setFlags(entry.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                entry.setToolTip(self.tr("Står allerede på dagsordenen (fast punkt)"))
                doubles += 1
            else:
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Checked)
        self.note.setText(self.tr(
            "Faste punkter, der allerede står på dagsordenen, kopieres ikke igen."
        ) if doubles else "")
        self.items.setCurrentRow(0)

    def chosen(self) -> list[int]:
        return [
            self.items.item(n).data(Qt.ItemDataRole.UserRole)
            for n in range(self.items.count())
            if self.items.item(n).flags() & Qt.ItemFlag.ItemIsUserCheckable
            and self.items.item(n).checkState() == Qt.CheckState.Checked
        ]
