"""Taking postponed items onto a meeting's agenda, and copying an earlier agenda."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model import agenda, browse, cases
from ui import commands
from ui.workspace import Workspace


def tr(text: str) -> str:
    return QCoreApplication.translate("Postponed", text)


def take_postponed(ws: Workspace, meeting_id: int, row: int, parent: QWidget) -> None:
    waiting = ws.read(
        lambda s: [
            (i.id, f"{i.meeting.date:%d-%m-%Y}, pkt. {i.number}: {i.title}")
            for i in cases.postponed_items(s, meeting_id)
        ]
    )
    dialog = QDialog(parent)
    dialog.setWindowTitle(tr("Udsatte punkter"))
    listing = QListWidget(dialog)
    for item_id, label in waiting:
        entry = QListWidgetItem(label, listing)
        entry.setData(Qt.ItemDataRole.UserRole, item_id)
        entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        entry.setCheckState(Qt.CheckState.Checked)
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(QLabel(tr("Disse punkter blev udsat og kan tages med på dagsordenen, "
                               "med sag, afsnit, bilag og tidligere beslutninger:"), dialog))
    layout.addWidget(listing)
    layout.addWidget(buttons)
    if not waiting or not dialog.exec():
        return
    chosen = [
        listing.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(listing.count())
        if listing.item(i).checkState() == Qt.CheckState.Checked
    ]
    index = row + 1 if row >= 0 else None
    ws.undo_stack.beginMacro(tr("Tag udsatte punkter med"))
    try:
        for item_id in chosen:
            change = ws.write(cases.carry_over, item_id, meeting_id, index)
            ws.undo_stack.push(commands.AddItemCommand(ws, change, tr("Udsat punkt")))
            index = change.index + 1
    finally:
        ws.undo_stack.endMacro()
    ws.agenda_changed.emit(meeting_id)


def copy_agenda(ws: Workspace, meeting_id: int, parent: QWidget) -> None:
    """Copy an earlier meeting's items (of the same committee) onto this agenda."""
    view = ws.read(browse.meeting_view, meeting_id)
    earlier = []
    for year, _count in ws.read(browse.committee_years, view.committee_id):
        earlier += [m for m in ws.read(browse.meetings_in_year, view.committee_id, year)
                    if m.id != meeting_id]
        if len(earlier) > 40:
            break
    if not earlier:
        return
    labels = [f"{m.date:%d-%m-%Y}  {m.title}" for m in earlier]
    label, ok = QInputDialog.getItem(
        parent, tr("Kopiér dagsorden"), tr("Kopiér punkterne fra mødet:"), labels, 0, False
    )
    if not ok:
        return
    source = earlier[labels.index(label)]
    ws.undo_stack.beginMacro(tr("Kopiér dagsorden"))
    try:
        ids = ws.write(agenda.copy_agenda, source.id, meeting_id)
        rows = ws.read(browse.agenda_rows, meeting_id)
        positions = {r.id: n for n, r in enumerate(rows)}
        for item_id in ids:
            change = agenda.AgendaChange(meeting_id, item_id, positions[item_id])
            ws.undo_stack.push(commands.AddItemCommand(ws, change, tr("Kopiér punkt")))
    finally:
        ws.undo_stack.endMacro()
    ws.agenda_changed.emit(meeting_id)
