"""The follow-up list: open questions and orders across meetings, by responsible person
and committee, answered here with the answer, printed through the exporters."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from model import browse, follow_ups, os_errors
from model.errors import ReferentError
from model.files import write_atomically
from ui.decision_commands import FollowUpFieldsCommand
from ui.dialogs.entry_forms import EntryForm, FormField
from ui.line_field import ErrorLabel
from ui.workspace import Workspace

COLUMNS = ("Frist", "Udvalg", "Møde", "Punkt", "Spørgsmål eller bestilling", "Spurgt af",
           "Svarer", "Svar")


class FollowUpList(QDockWidget):
    open_item = Signal(int, int)  # meeting id, item id

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(self.tr("Opfølgning: spørgsmål og bestillinger"), parent)
        self.setObjectName("follow_ups")
        self.ws = workspace
        self.rows: list[follow_ups.FollowUpRow] = []
        body = QWidget(self)
        self.committee = QComboBox(body)
        self.committee.setAccessibleName(self.tr("Udvalg"))
        self.responsible = QComboBox(body)
        self.responsible.setEditable(True)
        self.responsible.setAccessibleName(self.tr("Svarer"))
        self.responsible.lineEdit().setPlaceholderText(self.tr("alle"))
        self.answered = QCheckBox(self.tr("Vis også besvarede"), body)
        self.committee.currentIndexChanged.connect(lambda _i: self.refresh())
        self.responsible.currentTextChanged.connect(lambda _t: self.refresh())
        self.answered.toggled.connect(lambda _on: self.refresh())
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Udvalg:"), body))
        filters.addWidget(self.committee, 1)
        filters.addWidget(QLabel(self.tr("Svarer:"), body))
        filters.addWidget(self.responsible, 1)
        filters.addWidget(self.answered)

        self.table = QTableWidget(0, len(COLUMNS), body)
        self.table.setHorizontalHeaderLabels([self.tr(c) for c in COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.cellDoubleClicked.connect(lambda _r, _c: self.go_to_item())

        self.count = QLabel(body)
        self.error = ErrorLabel(body)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count, 1)
        for text, slot in ((self.tr("Marker besvaret…"), self.mark_answered),
                           (self.tr("Genåbn"), self.reopen),
                           (self.tr("Gå til punktet"), self.go_to_item),
                           (self.tr("Gem som…"), self.save_list),
                           (self.tr("Udskriv…"), self.print_list)):
            button = QPushButton(text, body)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        layout = QVBoxLayout(body)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setWidget(body)
        self.fill_filters()
        workspace.item_changed.connect(lambda _id: self.refresh() if self.isVisible() else None)
        workspace.committees_changed.connect(self.fill_filters)

    # -- filling -------------------------------------------------------------------------

    def fill_filters(self) -> None:
        self.committee.blockSignals(True)
        current = self.committee.currentData()
        self.committee.clear()
        self.committee.addItem(self.tr("Alle udvalg"), None)
        for row in self.ws.read(browse.committees):
            self.committee.addItem(row.name, row.id)
        index = self.committee.findData(current)
        self.committee.setCurrentIndex(max(index, 0))
        self.committee.blockSignals(False)
        self.responsible.blockSignals(True)
        text = self.responsible.currentText()
        self.responsible.clear()
        self.responsible.addItem("")
        self.responsible.addItems(self.ws.read(follow_ups.responsible_names))
        self.responsible.setCurrentText(text)
        self.responsible.blockSignals(False)
        self.refresh()

    def refresh(self) -> None:
        self.rows = self.ws.read(
            follow_ups.find_follow_ups, self.responsible.currentText(),
            self.committee.currentData(), self.answered.isChecked(),
        )
        self.table.setRowCount(len(self.rows))
        for n, row in enumerate(self.rows):
            values = (
                f"{row.due:%d-%m-%Y}" if row.due else "",
                row.committee_name,
                f"{row.meeting_date:%d-%m-%Y}",
                f"{row.item_number}. {row.item_title}",
                row.text,
                row.asked_by or "",
                row.responsible or "",
                row.answer or (self.tr("åben") if row.status == "open" else ""),
            )
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if row.overdue and column == 0:
                    cell.setForeground(Qt.GlobalColor.red)
                    cell.setToolTip(self.tr("Fristen er overskredet"))
                self.table.setItem(n, column, cell)
        self.table.resizeRowsToContents()
        open_count = sum(1 for r in self.rows if r.status == "open")
        self.count.setText(self.tr("%1 åbne").replace("%1", str(open_count)))

    def current_row(self) -> follow_ups.FollowUpRow | None:
        index = self.table.currentRow()
        return self.rows[index] if 0 <= index < len(self.rows) else None

    # -- acting ----------------------------------------------------------------------------

    def mark_answered(self) -> None:
        row = self.current_row()
        if row is None:
            return
        fields = [FormField("answer", self.tr("Svar"), "text", value=row.answer or "")]

        def save(values) -> None:
            old = self.ws.write(follow_ups.mark_answered, row.id, values["answer"], row.version)
            new = {"status": "answered", "answer": values["answer"]}
            self.ws.undo_stack.push(FollowUpFieldsCommand(
                self.ws, row.meeting_id, row.item_id, row.id, old, new, self.tr("Besvar")
            ))
            self.ws.item_changed.emit(row.item_id)

        form = EntryForm(self.tr("Besvar: %1").replace("%1", row.text[:60]), fields, save, self,
                         intro=row.text)
        self.form = form
        form.open()

    def reopen(self) -> None:
        row = self.current_row()
        if row is None or row.status == "open":
            return
        try:
            old = self.ws.write(follow_ups.update_follow_up, row.id, status="open",
                                expected_version=row.version)
        except ReferentError as error:
            self.ws.failed.emit(str(error))
            self.refresh()
            return
        self.ws.undo_stack.push(FollowUpFieldsCommand(
            self.ws, row.meeting_id, row.item_id, row.id, old, {"status": "open"},
            self.tr("Genåbn"),
        ))
        self.ws.item_changed.emit(row.item_id)

    def go_to_item(self) -> None:
        row = self.current_row()
        if row is not None:
            self.open_item.emit(row.meeting_id, row.item_id)

    def print_list(self) -> None:
        """Udskriv: the list as it is shown (its filters, across meetings), through the print
        preview to the printer."""
        from ui import printing

        if not self.rows:
            self.error.show_message(self.tr("Listen er tom; der er intet at udskrive."))
            return
        self.error.show_message(None)
        printing.preview(self._render("pdf"), self.tr("Opfølgningsliste"), self)

    def save_list(self) -> None:
        """The list as it is shown (its filters, across meetings) in a PDF or Word file."""
        if not self.rows:
            self.error.show_message(self.tr("Listen er tom; der er intet at udskrive."))
            return
        path, chosen = QFileDialog.getSaveFileName(
            self, self.tr("Gem opfølgningslisten"), self.tr("Opfølgningsliste.pdf"),
            self.tr("PDF (*.pdf);;Word (*.docx)"),
        )
        if not path:
            return
        fmt = "docx" if path.lower().endswith(".docx") or "docx" in chosen else "pdf"
        out = Path(path).with_suffix("." + fmt)
        try:
            write_atomically(out, self._render(fmt))
        except (ReferentError, OSError) as error:
            message = os_errors.said(error)
            self.error.show_message(message)
            self.ws.failed.emit(message)
            return
        self.error.show_message(None)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(out)))

    def _render(self, fmt: str) -> bytes:
        from exporters.follow_up_list import build_follow_up_list
        from exporters.render import render_document

        committee = self.committee.currentText() if self.committee.currentData() else ""
        title = self.tr("Opfølgningsliste")
        who = self.responsible.currentText().strip()
        if who:
            title += self.tr(" – ansvarlig: %1").replace("%1", who)
        return render_document(build_follow_up_list(self.rows, title, committee=committee), fmt)
