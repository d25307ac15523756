"""The item editor's bilag: moved up and down as undoable steps, and added by dropping
files from the file manager or an e-mail onto the item."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject

from model import item_edit
from ui.commands import _ValueCommand
from ui.workspace import Workspace


def tr(text: str) -> str:
    return QCoreApplication.translate("Bilag", text)


class MoveAttachmentCommand(_ValueCommand):
    """A bilag's place among its item's bilag (its number)."""

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, attachment_id: int,
                 old: int, new: int):
        super().__init__(ws, tr("Flyt bilag"))
        self.meeting_id, self.item_id, self.attachment_id = meeting_id, item_id, attachment_id
        self.old, self.new = old, new

    def _set(self, index: int) -> None:
        self.ws.write(item_edit.move_attachment, self.attachment_id, index)
        self.ws.item_changed.emit(self.item_id)
        self.ws.select_item.emit(self.meeting_id, self.item_id)


def local_files(mime: QMimeData) -> list[Path]:
    """The files (not folders, not web links) a drag carries."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


class FileDrop(QObject):
    """Accepts dragged files on the widgets it watches and hands them to `add`."""

    def __init__(self, add, parent=None):
        super().__init__(parent)
        self.add = add

    def watch(self, widget) -> None:
        widget.setAcceptDrops(True)
        widget.installEventFilter(self)

    def eventFilter(self, _watched, event) -> bool:  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if local_files(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            files = local_files(event.mimeData())
            if files:
                event.acceptProposedAction()
                self.add(files)
                return True
        return False
