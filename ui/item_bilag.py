"""The item editor's bilag: added from files (chosen or dropped) or as a title alone,
opened, moved, marked closed and removed, each an undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QInputDialog, QListWidgetItem

from model import attachments, item_edit, os_errors
from model.errors import ReferentError
from ui import commands
from ui.signed import editing


class ItemBilag:
    """Mixed into `ItemEditor`: uses its `ws`, `view`, `attachments` list,
    `attachment_error`, `scroll`, `_push` and `show_item`."""

    def _bilag_keys(self) -> None:
        """Files dropped on the item become bilag; Return opens the chosen one, Ctrl+↑/↓
        move it (as items move in the agenda)."""
        from ui.bilag import FileDrop

        self.file_drop = FileDrop(self.add_files, self)
        for widget in (self, self.attachments, self.attachments.viewport(), self.scroll.viewport()):
            self.file_drop.watch(widget)
        for keys, slot in ((Qt.Key.Key_Return, self.open_attachment),
                           (Qt.Key.Key_Enter, self.open_attachment),
                           (Qt.Modifier.CTRL | Qt.Key.Key_Up, lambda: self.move_attachment(-1)),
                           (Qt.Modifier.CTRL | Qt.Key.Key_Down, lambda: self.move_attachment(1))):
            shortcut = QShortcut(QKeySequence(keys), self.attachments, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    @editing
    def move_attachment(self, step: int) -> None:
        from ui.bilag import MoveAttachmentCommand

        row = self.attachments.currentRow()
        attachment_id = self._current_attachment()
        if attachment_id is None or not 0 <= row + step < self.attachments.count():
            return
        v = self.view
        old = self.ws.write(item_edit.move_attachment, attachment_id, row + step)
        self._push(MoveAttachmentCommand(self.ws, v.meeting_id, v.id, attachment_id, old,
                                         row + step))
        self.show_item(v.id)
        self.attachments.setCurrentRow(row + step)

    @editing
    def add_attachments(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self, self.tr("Tilføj bilag"))
        self.add_files(paths)

    @editing
    def add_files(self, paths) -> None:
        """Each file a bilag of the item shown, in one step each (undo takes one back)."""
        v = self.view
        if v is None:
            return
        for path in paths:
            try:
                attachment_id = self.ws.write(item_edit.add_attachment, v.id, path)
            except (OSError, ReferentError) as error:
                self.attachment_error.show_message(os_errors.said(error))
                continue
            self._push(commands.AttachmentCommand(
                self.ws, v.meeting_id, v.id, attachment_id, True, self.tr("Tilføj bilag")
            ))
        if paths:
            self.show_item(v.id)

    @editing
    def add_attachment_title(self) -> None:
        """A bilag named in the minutes whose file is kept elsewhere (as in many referater)."""
        title, ok = QInputDialog.getText(self, self.tr("Bilag"), self.tr("Bilagets titel:"))
        if not ok or not title.strip():
            return
        v = self.view
        attachment_id = self.ws.write(item_edit.add_attachment, v.id, title=title)
        self._push(commands.AttachmentCommand(
            self.ws, v.meeting_id, v.id, attachment_id, True, self.tr("Tilføj bilag")
        ))
        self.show_item(v.id)

    def _current_attachment(self) -> int | None:
        entry = self.attachments.currentItem()
        return entry.data(Qt.ItemDataRole.UserRole) if entry else None

    def open_attachment(self) -> None:
        attachment_id = self._current_attachment()
        if attachment_id is None:
            return
        name, content = self.ws.read(item_edit.attachment_content, attachment_id)
        if content is None:
            self.attachment_error.show_message(
                self.tr("Bilaget har kun en titel; filen er ikke i arkivet.")
            )
            return
        path = attachments.write_private_file(name, content)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _attachment_version(self, attachment_id: int) -> int | None:
        """The version of the bilag as shown: an edit of one changed since is refused."""
        shown = [a for a in self.view.attachments if a.id == attachment_id] if self.view else []
        return shown[0].version if shown else None

    @editing
    def remove_attachment(self) -> None:
        attachment_id = self._current_attachment()
        if attachment_id is None:
            return
        v = self.view
        snapshot = self.ws.write(item_edit.remove_attachment, attachment_id,
                                 self._attachment_version(attachment_id))
        self._push(commands.AttachmentCommand(
            self.ws, v.meeting_id, v.id, attachment_id, False, self.tr("Fjern bilag"), snapshot
        ))
        self.show_item(v.id)

    @editing
    def _attachment_checked(self, entry: QListWidgetItem) -> None:
        v = self.view
        attachment_id = entry.data(Qt.ItemDataRole.UserRole)
        closed = entry.checkState() == Qt.CheckState.Checked
        old = self.ws.write(item_edit.set_attachment_field, attachment_id, "closed", closed,
                            self._attachment_version(attachment_id))
        self._push(commands.AttachmentFieldCommand(
            self.ws, v.meeting_id, v.id, attachment_id, "closed", old, closed
        ))
