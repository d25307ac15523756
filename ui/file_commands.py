"""The main window's Filer menu: interchange files in and out, documents exported,
printed and published, and the archive restored from a backup copy."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from model import browse, os_errors
from model.errors import ReferentError


class FileCommands:
    """Mixed into `MainWindow`: uses its `ws`, `meeting_id`, `editor`, `show_error`,
    `_show_meeting` and status bar."""

    def import_file(self) -> None:
        from model.interchange import import_file

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Indlæs udvekslingsfil"), "", self.tr("Udvekslingsfiler (*.json)")
        )
        if not path:
            return
        self.editor.flush()
        try:
            report = import_file(self.ws.archive, Path(path))
        except (ReferentError, OSError) as error:
            self.show_error(os_errors.said(error))
            return
        self.ws.undo_stack.clear()  # the steps before may no longer fit what is stored
        self.ws.committees_changed.emit()
        QMessageBox.information(self, self.tr("Indlæst"), report.summary())

    def restore_backup(self) -> None:
        from ui.dialogs.restore_dialog import RestoreDialog

        self.editor.flush()
        dialog = RestoreDialog(self.ws.archive, self)
        if dialog.exec() and dialog.restored_from is not None:
            self.ws.undo_stack.clear()  # the steps were taken on the archive as it was
            self._show_meeting(None)
            self.ws.committees_changed.emit()
            self.statusBar().showMessage(
                self.tr("Arkivet er gendannet fra %1.").replace("%1", dialog.restored_from.name)
            )

    def export_interchange(self) -> None:
        from model.interchange import export_file

        if self.meeting_id is None:
            return
        self.editor.flush()
        view = self.ws.read(browse.meeting_view, self.meeting_id)
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Gem mødet som udvekslingsfil"), f"{view.ext_id}.json",
            self.tr("Udvekslingsfiler (*.json)"),
        )
        if not path:
            return
        try:
            self.ws.read(export_file, [view.ext_id], Path(path))
        except (ReferentError, OSError) as error:
            self.show_error(os_errors.said(error))
            return
        self.statusBar().showMessage(self.tr("Gemt %1").replace("%1", path), 8000)

    def export_document(self) -> None:
        from ui.dialogs.export_dialog import ExportDialog

        if self.meeting_id is None:
            return
        self.editor.flush()
        ExportDialog(self.ws, self.meeting_id, self).exec()

    def publish_site(self) -> None:
        from ui.dialogs.publish_dialog import PublishDialog

        self.editor.flush()
        PublishDialog(self.ws, self).exec()

    def print_document(self) -> None:
        """Ctrl+P: the export dialog with Udskriv as its default button."""
        from ui.dialogs.export_dialog import ExportDialog

        if self.meeting_id is None:
            return
        self.editor.flush()
        dialog = ExportDialog(self.ws, self.meeting_id, self)
        dialog.setWindowTitle(self.tr("Udskriv dokument"))
        dialog.export_button.setDefault(False)
        dialog.print_button.setDefault(True)
        dialog.exec()
