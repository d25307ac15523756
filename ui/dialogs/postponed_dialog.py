"""Taking postponed items onto a meeting's agenda, and copying an earlier agenda."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
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
    """Copy chosen items of an earlier meeting (of the same committee) onto this agenda."""
    from ui.dialogs.copy_agenda_dialog import CopyAgendaDialog, earlier_meetings

    earlier = earlier_meetings(ws, meeting_id)
    if not earlier:
        ws.failed.emit(tr("Udvalget har ingen andre møder at kopiere fra."))
        return
    dialog = CopyAgendaDialog(ws, meeting_id, earlier, parent)
    if not dialog.exec() or not dialog.chosen():
        return
    ws.undo_stack.beginMacro(tr("Kopiér dagsorden"))
    try:
        ids = ws.write(agenda.copy_agenda, dialog.source.currentData(), meeting_id,
                       dialog.chosen())
        rows = ws.read(browse.agenda_rows, meeting_id)
        positions = {r.id: n for n, r in enumerate(rows)}
        for item_id in ids:
            change = agenda.AgendaChange(meeting_id, item_id, positions[item_id])
            ws.undo_stack.push(commands.AddItemCommand(ws, change, tr("Kopiér punkt")))
    finally:
        ws.undo_stack.endMacro()
    ws.agenda_changed.emit(meeting_id)
