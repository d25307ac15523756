"""Committees and their members: the list on the left, the chosen committee on the right."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from model import committees, decision_phrases
from model.checks import InputError
from model.errors import ReferentError
from ui import commands, table_rows
from ui.dialogs.style_tab import StyleTab
from ui.keys import tab_moves_on
from ui.line_field import ErrorLabel, LineField
from ui.screen_fit import resize_within_screen
from ui.workspace import Workspace

ROLE_NAMES = {
    "formand": "Formand", "næstformand": "Næstformand", "medlem": "Medlem",
    "ekstern": "Eksternt medlem", "suppleant": "Suppleant", "sekretær": "Sekretær",
}


class CommitteeDialog(QDialog):
    def __init__(self, workspace: Workspace, committee_id: int | None, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.committee_id: int | None = None
        self.setWindowTitle(self.tr("Udvalg og medlemmer"))
        resize_within_screen(self, 960, 820)  # the members in view without scrolling
        self.list = QListWidget(self)
        self.list.currentItemChanged.connect(self._chosen)
        new = QPushButton(self.tr("Nyt udvalg"), self)
        new.clicked.connect(self.new_committee)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(new)

        self.fields = {
            "name": LineField(self.tr("f.eks. Økonomiudvalget"), self),
            "short_name": LineField(self.tr("f.eks. ØU"), self),
            "organisation": LineField(self.tr("f.eks. Faxe Kommune"), self),
        }
        self.numbering = QComboBox(self)
        self.numbering.addItem(self.tr("Punkt 1, 2, 3 … i hvert møde"), "per_meeting")
        self.numbering.addItem(self.tr("Løbende gennem året (192-200)"), "running")
        self.placement = QComboBox(self)
        self.placement.addItem(self.tr("Til sidst i punktet"), "end")
        self.placement.addItem(self.tr("Lige efter indstillingen"), "after_recommendation")
        self.sections = QPlainTextEdit(self)
        self.sections.setPlaceholderText(self.tr("Én overskrift pr. linje"))
        self.first_items = QPlainTextEdit(self)
        self.first_items.setPlaceholderText(self.tr("F.eks. Godkendelse af dagsorden"))
        self.last_items = QPlainTextEdit(self)
        self.last_items.setPlaceholderText(self.tr("F.eks. Meddelelser, Eventuelt"))
        self.phrases = QPlainTextEdit(self)
        self.phrases.setPlaceholderText(self.tr("Én pr. linje, højst 9; tast Alt+1, Alt+2 …"))
        self.phrases.setToolTip(self.tr(
            "Beslutninger, der indtastes med én tast, f.eks. »Indstillingen godkendt.«"
        ))
        for box in (self.sections, self.first_items, self.last_items, self.phrases):
            box.setMaximumHeight(80)
        self.follow_ups = QCheckBox(self.tr("Spørgsmål og bestillinger står i referatet"), self)
        self.follow_ups.setToolTip(self.tr(
            "Under hvert punkt: spørgsmålet, hvem der spurgte, hvem der svarer, fristen "
            "og svaret, når det er givet."
        ))
        self.template_label = QLabel(self)
        choose = QPushButton(self.tr("Vælg Word-skabelon…"), self)
        choose.clicked.connect(self.choose_template)
        remove = QPushButton(self.tr("Brug standard"), self)
        remove.clicked.connect(lambda: self._set_template(None, None))
        template_row = QHBoxLayout()
        template_row.addWidget(self.template_label, 1)
        template_row.addWidget(choose)
        template_row.addWidget(remove)
        self.template_error = ErrorLabel(self)

        self.members = QTableWidget(0, 4, self)
        self.members.setHorizontalHeaderLabels(
            [self.tr("Navn"), self.tr("Parti"), self.tr("Rolle"), self.tr("Underskriver")]
        )
        self.members.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table_rows.fit_columns(self.members, 1, 2, 3)
        table_rows.tab_leaves(self.members)
        table_rows.show_rows(self.members, 4)
        add_member = QPushButton(self.tr("Tilføj medlem"), self)
        add_member.clicked.connect(self.add_member_row)
        remove_member = QPushButton(self.tr("Fjern medlem"), self)
        remove_member.clicked.connect(self.remove_member_row)
        member_buttons = QHBoxLayout()
        member_buttons.addWidget(add_member)
        member_buttons.addWidget(remove_member)
        member_buttons.addStretch(1)
        self.members_error = ErrorLabel(self)
        self.error = ErrorLabel(self)

        form = QFormLayout()
        form.addRow(self.tr("Navn"), self.fields["name"])
        form.addRow(self.tr("Forkortelse"), self.fields["short_name"])
        form.addRow(self.tr("Organisation"), self.fields["organisation"])
        form.addRow(self.tr("Nummerering"), self.numbering)
        form.addRow(self.tr("Beslutningen står"), self.placement)
        form.addRow(self.tr("Afsnit i nye punkter"), self.sections)
        form.addRow(self.tr("Faste punkter først"), self.first_items)
        form.addRow(self.tr("Faste punkter sidst"), self.last_items)
        form.addRow(self.tr("Standardbeslutninger"), self.phrases)
        form.addRow(self.tr("Referatet"), self.follow_ups)
        form.addRow(self.tr("Word-skabelon"), template_row)
        form.addRow("", self.template_error)
        self.save_button = QPushButton(self.tr("Gem udvalget"), self)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(QLabel(self.tr("Medlemmer"), self))
        right.addWidget(self.members, 1)
        right.addLayout(member_buttons)
        right.addWidget(self.members_error)
        self.form_widget = QWidget(self)
        self.form_widget.setLayout(right)
        self.style_tab = StyleTab(self)
        self.fields["name"].edit.textChanged.connect(self._style_context)
        self.placement.currentIndexChanged.connect(self._style_context)
        # On a small screen (1366×768 with a task bar) the form scrolls instead of the
        # dialog growing past the screen's edge.
        self.form_scroll = QScrollArea(self)
        self.form_scroll.setWidgetResizable(True)
        self.form_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.form_scroll.setWidget(self.form_widget)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.form_scroll, self.tr("Udvalg"))
        self.tabs.addTab(self.style_tab, self.tr("Husstil"))
        panel = QVBoxLayout()
        panel.addWidget(self.tabs, 1)
        panel.addWidget(self.error)
        panel.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(panel, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self._fill_list(committee_id)
        tab_moves_on(self)

    def _fill_list(self, select: int | None) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        chosen = None
        for c in self.ws.read(committees.list_committees):
            entry = QListWidgetItem(f"{c.name} ({c.short_name})", self.list)
            entry.setToolTip(entry.text())  # long names are cut in the narrow list
            entry.setData(Qt.ItemDataRole.UserRole, c.id)
            if c.id == select or chosen is None:
                chosen = entry
        self.list.blockSignals(False)
        if chosen is not None:
            self.list.setCurrentItem(chosen)
        else:
            self.new_committee()

    def _chosen(self, entry: QListWidgetItem | None, _previous=None) -> None:
        if entry is None:
            return
        self.committee_id = entry.data(Qt.ItemDataRole.UserRole)

        def load(session):
            c = committees.get_committee(session, self.committee_id)
            members = [(m.id, m.name, m.party, m.role, m.signs) for m in c.members]
            return c, members, decision_phrases.phrases(session, c.id)

        c, members, phrases = self.ws.read(load)
        self._show(c.name, c.short_name, c.organisation, c.numbering, c.decision_placement,
                   c.section_headings, c.standard_items, c.word_template_name, members, phrases,
                   c.style, c.follow_ups_in_minutes)

    def _show(self, name, short_name, organisation, numbering, placement, sections, standard,
              template, members, phrases=decision_phrases.DEFAULT_PHRASES,
              style=None, follow_ups=True) -> None:
        self.fields["name"].set_value(name)
        self.fields["short_name"].set_value(short_name)
        self.fields["organisation"].set_value(organisation)
        self.numbering.setCurrentIndex(self.numbering.findData(numbering))
        self.placement.setCurrentIndex(self.placement.findData(placement))
        self.sections.setPlainText("\n".join(sections))
        self.first_items.setPlainText(
            "\n".join(s["title"] for s in standard if s.get("place") == "first")
        )
        self.last_items.setPlainText(
            "\n".join(s["title"] for s in standard if s.get("place") != "first")
        )
        self.phrases.setPlainText("\n".join(phrases))
        self.follow_ups.setChecked(bool(follow_ups))
        self.template_label.setText(template or self.tr("Programmets standard"))
        self.members.setRowCount(0)
        for member in members:
            self.add_member_row(member)
        for label in (self.members_error, self.error, self.template_error):
            label.show_message(None)
        self.style_tab.set_style(style)
        self._style_context()

    def _style_context(self, *_args) -> None:
        self.style_tab.set_context(self.fields["name"].value(), self.placement.currentData())

    def new_committee(self) -> None:
        self.list.blockSignals(True)
        self.list.clearSelection()
        self.list.setCurrentItem(None)
        self.list.blockSignals(False)
        self.committee_id = None
        self._show("", "", "", "per_meeting", "end", committees.DEFAULT_SECTIONS,
                   committees.DEFAULT_STANDARD_ITEMS, None, [])
        self.fields["name"].edit.setFocus()

    def add_member_row(self, member=None) -> None:
        member_id, name, party, role, signs = member or (None, "", "", "medlem", True)
        row = self.members.rowCount()
        self.members.insertRow(row)
        cell = QTableWidgetItem(name)
        cell.setData(Qt.ItemDataRole.UserRole, member_id)
        self.members.setItem(row, 0, cell)
        self.members.setItem(row, 1, QTableWidgetItem(party or ""))
        roles = QComboBox(self.members)
        for key, label in ROLE_NAMES.items():
            roles.addItem(self.tr(label), key)
        roles.setCurrentIndex(max(0, roles.findData(role)))
        self.members.setCellWidget(row, 2, roles)
        box = QCheckBox(self.members)
        box.setChecked(bool(signs))
        self.members.setCellWidget(row, 3, box)
        if member is None or member is False:
            self.members.setCurrentCell(row, 0)
            self.members.editItem(cell)

    def remove_member_row(self) -> None:
        row = self.members.currentRow()
        if row >= 0:
            self.members.removeRow(row)

    def _set_template(self, name: str | None, data: bytes | None) -> None:
        if self.committee_id is None:
            self.template_error.show_message(self.tr("Gem udvalget først."))
            return
        try:
            self.ws.write(committees.set_word_template, self.committee_id, name, data)
        except InputError as error:
            self.template_error.show_message(str(error))
            return
        self.template_error.show_message(None)
        self.template_label.setText(name or self.tr("Programmets standard"))

    def choose_template(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Word-skabelon"), "", self.tr("Word-filer (*.docx *.dotx)")
        )
        if path:
            self._set_template(Path(path).name, Path(path).read_bytes())

    def save(self) -> bool:
        for label in (self.members_error, self.error):
            label.show_message(None)
        for field in self.fields.values():
            field.error.show_message(None)
        standard = [{"title": t, "place": "first"} for t in self.first_items.toPlainText()
                    .splitlines()] + [{"title": t, "place": "last"}
                                      for t in self.last_items.toPlainText().splitlines()]
        values = {
            "name": self.fields["name"].value(),
            "short_name": self.fields["short_name"].value(),
            "organisation": self.fields["organisation"].value(),
            "numbering": self.numbering.currentData(),
            "decision_placement": self.placement.currentData(),
            "section_headings": self.sections.toPlainText().splitlines(),
            "standard_items": standard,
            "style": self.style_tab.style(),
            "follow_ups_in_minutes": self.follow_ups.isChecked(),
        }
        try:
            with self.ws.archive.transaction() as session:
                before = None
                if self.committee_id is None:
                    committee_id = committees.create_committee(session, **values).id
                else:
                    committee_id = self.committee_id
                    before = commands.committee_state(session, committee_id)
                    committees.update_committee(session, committee_id, **values)
                decision_phrases.set_phrases(
                    session, committee_id, self.phrases.toPlainText().splitlines()
                )
                self._save_members(session, committee_id)
                after = commands.committee_state(session, committee_id)
        except InputError as error:
            target = self.fields.get(error.field)
            if target is not None:
                target.refuse(str(error))
            elif error.field == "style":
                self.style_tab.error.show_message(str(error))
                self.tabs.setCurrentWidget(self.style_tab)
            else:
                self.members_error.show_message(str(error))
            return False
        except ReferentError as error:
            self.error.show_message(str(error))
            return False
        self.committee_id = committee_id
        if before is not None and before != after:
            self.ws.undo_stack.push(commands.CommitteeCommand(self.ws, committee_id, before, after))
        self._fill_list(committee_id)
        return True

    def _save_members(self, session, committee_id: int) -> None:
        committee = committees.get_committee(session, committee_id)
        kept = set()
        order = []
        for row in range(self.members.rowCount()):
            name = self.members.item(row, 0).text() if self.members.item(row, 0) else ""
            member_id = self.members.item(row, 0).data(Qt.ItemDataRole.UserRole)
            party = self.members.item(row, 1).text() if self.members.item(row, 1) else ""
            role = self.members.cellWidget(row, 2).currentData()
            signs = self.members.cellWidget(row, 3).isChecked()
            if not name.strip() and member_id is None:
                continue
            if member_id is None:
                member = committees.add_member(session, committee_id, name, party, role, signs)
            else:
                committees.update_member(session, member_id, name=name, party=party, role=role,
                                         signs=signs)
                member = next(m for m in committee.members if m.id == member_id)
            kept.add(member.id)
            order.append(member)
        for member in list(committee.members):
            if member.id not in kept:
                committees.remove_member(session, member.id)
        committee.members.sort(key=order.index)
        committee.members.reorder()

    def reject(self) -> None:
        # Closing keeps what was typed: an unsaved committee with a name is saved.
        if self.fields["name"].value().strip() and not self.save():
            return
        super().reject()
