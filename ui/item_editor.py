"""The right-hand pane: one agenda item, saved as it is typed.

Each change is stored at once (a line field on leaving it or after a pause
in typing, a text after a pause) and pushed on the undo stack; nothing asks
to be saved. A refused value keeps what was typed and says why under it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QScrollArea,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from model import attachments, browse, decisions, item_edit, saving
from model.checks import InputError
from model.errors import ReferentError
from ui import commands, conflicts
from ui.item_bilag import ItemBilag
from ui.item_parts import ItemParts
from ui.item_sections import SectionBox
from ui.line_field import ErrorLabel, LineField
from ui.markdown_edit import MarkdownEdit
from ui.public_decision import PART as PUBLIC_PART
from ui.public_decision import EditorPublicDecision
from ui.signed import SignedBanner, editing, grey_fields, item_signed, meeting_signed
from ui.workspace import Workspace


def _shown(session, item_id: int) -> tuple[browse.ItemView, bool]:
    """The item as the editor shows it, and whether its meeting is signed: one read."""
    view = browse.item_view(session, item_id)
    return view, meeting_signed(session, view.meeting_id)


LINE_FIELDS = ("number", "title", "public_title", "journal_number", "time_slot", "presenters")


class ItemEditor(ItemParts, ItemBilag, QWidget):
    correction_requested = Signal()  # "Tilføj rettelse…" in a signed meeting's banner

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.view: browse.ItemView | None = None
        self.locked = False  # the item's meeting is signed: everything here is read-only
        self.headings: list[str] = []
        self._pushing = False
        self._last_text: MarkdownEdit | None = None
        # The versions the shown values are based on (see ui.conflicts).
        self._item_version = 0
        self._decision_version = 0
        self._decision_stored = ""
        self._settling = False
        self._greyed = False  # the page's fields are greyed as read-only (signed meeting)
        self._build()
        self._bilag_keys()
        self.ws.item_changed.connect(self._on_item_changed)
        self.ws.show_part.connect(self.reveal)
        self.show_item(None)

    # -- building ----------------------------------------------------------------

    def _build(self) -> None:
        self.toolbar = QToolBar(self.tr("Formatering"), self)
        for text, tip, slot in (
            (self.tr("F"), self.tr("Fed (Ctrl+B)"), lambda e: e.toggle_bold()),
            (self.tr("K"), self.tr("Kursiv (Ctrl+I)"), lambda e: e.toggle_italic()),
            (self.tr("• Liste"), self.tr("Punktopstilling"), lambda e: e.toggle_list(False)),
            (self.tr("1. Liste"), self.tr("Nummereret liste"), lambda e: e.toggle_list(True)),
            (self.tr("Underoverskrift"), self.tr("Underoverskrift (###)"),
             lambda e: e.toggle_heading()),
        ):
            action = self.toolbar.addAction(text)
            action.setToolTip(tip)
            if text in (self.tr("F"), self.tr("K")):
                font = self.font()
                font.setBold(text == self.tr("F"))
                font.setItalic(text == self.tr("K"))
                action.setFont(font)
            action.triggered.connect(lambda _c=False, f=slot: self._format(f))

        self.caption = QLabel(self)
        font = self.caption.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.caption.setFont(font)

        self.fields: dict[str, LineField] = {}
        placeholders = {
            "number": self.tr("nummereres selv, til dagsordenen udsendes"),
            "title": self.tr("punktets titel"),
            "public_title": self.tr("titlen i offentlige dokumenter (tom: titlen)"),
            "journal_number": self.tr("KLE, f.eks. 00.22.04-A30-30-19"),
            "time_slot": self.tr("f.eks. 9.00-10.00"),
            "presenters": self.tr("f.eks. Jan, Tine og Ida"),
        }
        for name in LINE_FIELDS:
            field = LineField(placeholders[name], self)
            field.committed.connect(lambda text, n=name: self.commit_field(n, text))
            self.fields[name] = field
        self.closed = QCheckBox(self.tr("Lukket punkt"), self)
        self.closed.toggled.connect(self._closed_toggled)

        self.case_label = QLabel(self)
        self.case_label.setWordWrap(True)
        self.case_button = QPushButton(self.tr("Vælg sag…"), self)
        self.case_button.clicked.connect(lambda _c=False: self.choose_case())
        case_row = QHBoxLayout()
        case_row.addWidget(self.case_label, 1)
        case_row.addWidget(self.case_button)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Nummer"), self.fields["number"])
        form.addRow(self.tr("Titel"), self.fields["title"])
        form.addRow("", self.closed)
        form.addRow(self.tr("Offentlig titel"), self.fields["public_title"])
        form.addRow(self.tr("Sag"), case_row)
        form.addRow(self.tr("Journalnummer"), self.fields["journal_number"])
        form.addRow(self.tr("Tidsrum"), self.fields["time_slot"])
        form.addRow(self.tr("Fremlæggere"), self.fields["presenters"])

        self.sections_layout = QVBoxLayout()
        self.sections_layout.setSpacing(0)
        self.section_boxes: list[SectionBox] = []
        self.add_section_button = QToolButton(self)
        self.add_section_button.setText(self.tr("Tilføj afsnit"))
        self.add_section_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.add_section_button.setMenu(QMenu(self))
        self.add_section_button.menu().aboutToShow.connect(self._fill_section_menu)

        self.prior_title = self._heading(self.tr("Tidligere beslutninger"))
        self.prior_label = QLabel(self)
        self.prior_label.setWordWrap(True)
        self.prior_label.setTextFormat(Qt.TextFormat.PlainText)
        self.prior_button = QPushButton(self.tr("Hent sagens tidligere beslutninger"), self)
        self.prior_button.clicked.connect(lambda _c=False: self.fetch_history())

        self.decision_title = self._heading(self.tr("Beslutning"))
        self.decision = MarkdownEdit(self)
        self.decision.setAccessibleName(self.tr("Beslutning"))
        self.decision.committed.connect(self._commit_decision)
        self.decision_error = ErrorLabel(self)
        self.postponed = QCheckBox(self.tr("Udsat (kommer igen på næste dagsorden)"), self)
        self.postponed.toggled.connect(self._postponed_toggled)

        self.attachments = QListWidget(self)
        self.attachments.setMaximumHeight(120)
        self.attachments.itemChanged.connect(self._attachment_checked)
        self.attachments.itemDoubleClicked.connect(lambda _i: self.open_attachment())
        buttons = QHBoxLayout()
        self.attachment_buttons: dict[str, QPushButton] = {}
        for key, text, slot in (
            ("add", self.tr("Tilføj bilag…"), self.add_attachments),
            ("title", self.tr("Kun titel…"), self.add_attachment_title),
            ("open", self.tr("Åbn"), self.open_attachment),
            ("remove", self.tr("Fjern"), self.remove_attachment),
            ("up", self.tr("Op"), lambda: self.move_attachment(-1)),
            ("down", self.tr("Ned"), lambda: self.move_attachment(1)),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(lambda _c=False, f=slot: f())
            buttons.addWidget(button)
            self.attachment_buttons[key] = button
        buttons.addStretch(1)
        self.attachment_error = ErrorLabel(self)

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.addWidget(self.caption)
        page_layout.addLayout(form)
        page_layout.addLayout(self.sections_layout)
        page_layout.addWidget(self.add_section_button, 0, Qt.AlignmentFlag.AlignLeft)
        page_layout.addWidget(self.prior_title)
        page_layout.addWidget(self.prior_label)
        page_layout.addWidget(self.prior_button, 0, Qt.AlignmentFlag.AlignLeft)
        page_layout.addWidget(self.decision_title)
        page_layout.addWidget(self.decision)
        page_layout.addWidget(self.decision_error)
        page_layout.addWidget(self.postponed)
        self.public_decision = EditorPublicDecision(self, page)
        self.public_decision.field.edit.installEventFilter(self)
        page_layout.addWidget(self.public_decision.field)
        page_layout.addWidget(self._heading(self.tr("Bilag (sæt flueben ved lukkede bilag)")))
        page_layout.addWidget(self.attachments)
        page_layout.addLayout(buttons)
        page_layout.addWidget(self.attachment_error)
        page_layout.addStretch(1)
        self.page = page

        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setWidget(page)
        self.empty = QLabel(self.tr("Vælg et punkt på dagsordenen."), self)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner = SignedBanner(self)
        self.banner.correction_requested.connect(self.correction_requested)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.banner)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.empty, 1)

    def _heading(self, text: str) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _format(self, action) -> None:
        target = self.focusWidget()
        if not isinstance(target, MarkdownEdit):
            target = self._last_text
        if target is not None:
            action(target)
            target.setFocus()

    # -- showing an item ---------------------------------------------------------

    def show_item(self, item_id: int | None) -> None:
        self.flush()
        if item_id is None:
            self.view = None
            self.scroll.hide()
            self.toolbar.setEnabled(False)
            self.banner.hide()
            self.empty.show()
            return
        self.view, self.locked = self.ws.read(_shown, item_id)
        self.empty.hide()
        self.scroll.show()
        self._fill()

    def _fill(self) -> None:
        v = self.view
        self.setUpdatesEnabled(False)
        try:
            self.caption.setText(self.tr("Punkt %1").replace("%1", str(v.number)))
            values = {
                "number": str(v.number), "title": v.title, "public_title": v.public_title,
                "journal_number": v.journal_number, "time_slot": v.time_slot,
                "presenters": v.presenters,
            }
            for name, value in values.items():
                self.fields[name].set_value(value)
            self._item_version = v.version
            self.fields["number"].setReadOnly(not v.frozen or self.locked)
            self.fields["number"].setToolTip(
                "" if v.frozen else self.tr("Punkterne nummereres selv, til dagsordenen udsendes.")
            )
            self.closed.blockSignals(True)
            self.closed.setChecked(v.closed)
            self.closed.blockSignals(False)
            self.fields["public_title"].setEnabled(v.closed)
            self.fields["public_title"].setReadOnly(self.locked)
            if v.case_id:
                number = f" ({v.case_journal_number})" if v.case_journal_number else ""
                self.case_label.setText(f"{v.case_title}{number}")
            else:
                self.case_label.setText(self.tr("Ingen sag"))
            self._fill_sections()
            self.prior_label.setText(
                "\n\n".join(
                    f"{p.body}, {p.date:%d-%m-%Y}, pkt. {p.item_number}:\n{p.text}"
                    if p.date else f"{p.body}:\n{p.text}"
                    for p in v.prior_decisions
                ) or self.tr("Ingen.")
            )
            self._show_decision(v.decision_text, v.decision_version)
            self.decision_error.show_message(None)
            self.public_decision.fill(v, self.locked)
            self.postponed.blockSignals(True)
            self.postponed.setChecked(v.postponed)
            self.postponed.blockSignals(False)
            self._fill_attachments()
            self._lock(self.locked)
        finally:
            self.setUpdatesEnabled(True)

    def _lock(self, locked: bool) -> None:
        """A signed meeting's item is read-only: only a dated correction may be added
        (in the decision entry mode), which the banner offers."""
        self.banner.setVisible(locked)
        if self._greyed != locked:
            grey_fields(self.page, locked)
            self._greyed = locked
        self.toolbar.setEnabled(not locked)
        for name, field in self.fields.items():
            if name not in ("number", "public_title"):
                field.setReadOnly(locked)
        self.closed.setEnabled(not locked)
        self.case_button.setEnabled(not locked)
        self.prior_button.setEnabled(not locked and self.view.case_id is not None)
        for box in self.section_boxes:
            box.set_read_only(locked)
        self.add_section_button.setEnabled(not locked)
        self.decision.setReadOnly(locked)
        self.decision.setToolTip(decisions.LOCKED if locked else "")
        self.public_decision.field.set_read_only(locked)
        self.postponed.setEnabled(not locked)
        for key, button in self.attachment_buttons.items():
            button.setEnabled(key == "open" or not locked)

    def signed(self) -> bool:
        return self.view is not None and self.ws.read(item_signed, self.view.id)

    def refused(self) -> None:
        """A change was refused: show the item as stored again (a box ticked for nothing
        is unticked, a meeting signed meanwhile locked). Typed text stays: a refused text
        is never thrown away."""
        if self.view is None:
            return
        try:
            self.view, self.locked = self.ws.read(_shown, self.view.id)
        except ReferentError:
            return  # the item is gone; the agenda will say so when it is read again
        self._fill_checks()

    def _fill_checks(self) -> None:
        for box, on in ((self.closed, self.view.closed), (self.postponed, self.view.postponed)):
            box.blockSignals(True)
            box.setChecked(on)
            box.blockSignals(False)
        self._fill_attachments()
        self._lock(self.locked)

    def _fill_sections(self) -> None:
        sections = self.view.sections
        while len(self.section_boxes) < len(sections):
            box = SectionBox(self.page)
            box.committed.connect(self._commit_section)
            box.remove_requested.connect(self._remove_section)
            box.edit.installEventFilter(self)
            box.set_read_only(self.locked)
            self.sections_layout.addWidget(box)
            self.section_boxes.append(box)
        for box, section in zip(self.section_boxes, sections, strict=False):
            box.show_section(section.id, section.heading, section.text, section.version)
            box.show()
        for box in self.section_boxes[len(sections):]:
            box.hide()
        self._chain_tabs()

    def _chain_tabs(self) -> None:
        """Tab goes where the writing is: Titel, the sections in order, the decision, the
        bilag; then the item's other details. Section boxes are made as items need them,
        so without this a new box would come last, after the bilag."""
        f = self.fields
        order = [f["number"].edit, f["title"].edit]
        order += [box.edit for box in self.section_boxes]
        order += [self.decision, self.postponed, self.attachments,
                  *self.attachment_buttons.values()]
        order += [self.closed, f["public_title"].edit, self.case_button, f["journal_number"].edit,
                  f["time_slot"].edit, f["presenters"].edit, self.add_section_button,
                  self.prior_button]
        order += [box.remove for box in self.section_boxes]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def focus_title(self) -> None:
        """Into the title, selected and scrolled into view (a new item is typed over)."""
        title = self.fields["title"].edit
        title.setFocus()
        title.selectAll()
        self.scroll.ensureWidgetVisible(self.fields["title"])

    def _fill_attachments(self) -> None:
        self.attachments.blockSignals(True)
        self.attachments.clear()
        for number, a in enumerate(self.view.attachments, start=1):
            text = attachments.label(number, a.title)
            if not a.has_content:
                text = self.tr("%1 (kun titel)").replace("%1", text)
            entry = QListWidgetItem(text, self.attachments)
            entry.setData(Qt.ItemDataRole.UserRole, a.id)
            checkable = Qt.ItemFlag.ItemIsUserCheckable
            entry.setFlags(entry.flags() & ~checkable if self.locked else entry.flags() | checkable)
            entry.setCheckState(Qt.CheckState.Checked if a.closed else Qt.CheckState.Unchecked)
            entry.setToolTip(self.tr("Lukket bilag") if a.closed else (a.filename or ""))
        self.attachments.blockSignals(False)
        self.attachment_error.show_message(None)

    def reveal(self, item_id: int, part: str) -> None:
        """Scroll to the part of the shown item that an undo or redo changed."""
        if self.view is None or self.view.id != item_id:
            return
        kind, _, number = part.partition(":")
        widgets = {
            "case": self.case_label, "prior": self.prior_label, "decision": self.decision,
            "attachments": self.attachments, "sections": self.add_section_button,
            "closed": self.closed, PUBLIC_PART: self.public_decision.field, **self.fields,
        }
        widget = widgets.get(kind)
        if kind == "section":
            widget = next((b for b in self.section_boxes
                           if b.isVisible() and b.section_id == int(number)), None)
        if widget is not None:
            self.page.layout().activate()  # where the widget is after a refill, not before
            self.scroll.ensureWidgetVisible(widget, 0, 40)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if isinstance(watched, MarkdownEdit) and event.type() == event.Type.FocusIn:
            self._last_text = watched
        return False

    def _on_item_changed(self, item_id: int) -> None:
        if self.view and item_id == self.view.id and not self._pushing:
            self.view, self.locked = self.ws.read(_shown, item_id)
            self._fill()

    # -- saving ------------------------------------------------------------------

    def item_version(self, item_id: int) -> int | None:
        """The version of the item as this editor shows it (None: it shows another)."""
        self.flush()
        return self._item_version if self.view is not None and self.view.id == item_id else None

    def flush(self) -> None:
        """Store whatever is typed but not yet stored (before undo, switching, quitting)."""
        if self.view is None:
            return
        for field in self.fields.values():
            field.commit()
        for box in self.section_boxes:
            if box.isVisible():
                box.edit.commit()
        self.decision.commit()
        self.public_decision.field.edit.commit()

    def _save(self, operation, args, value, expected, stored, **kw) -> conflicts.Outcome | None:
        """conflicts.save; None while another save is being settled, since the dialog's
        event loop lets other fields' autosaves run, and one question at a time is enough."""
        if self._settling:
            return None
        self._settling = True
        try:
            return conflicts.save(self.ws, operation, args, value, expected, stored, self, **kw)
        finally:
            self._settling = False

    def _push(self, command) -> None:
        self._pushing = True
        try:
            self.ws.undo_stack.push(command)
        finally:
            self._pushing = False

    @editing
    def commit_field(self, name: str, text: str) -> None:
        v = self.view
        if v is None:
            return
        field = self.fields[name]
        try:
            outcome = self._save(
                saving.save_item_field, (v.id, name), text, self._item_version,
                field.stored(), whole_row=False,
            )
        except (InputError, ReferentError) as error:
            field.refuse(str(error))
            return
        if outcome is None:
            field.retry_later()
            return
        self._item_version = outcome.version
        if outcome.kind == conflicts.THEIRS:
            field.set_value(conflicts.shown(outcome.conflict.theirs))
            self.ws.agenda_changed.emit(v.meeting_id)
            return
        if outcome.kind == conflicts.CANCELLED:
            field.refuse(str(outcome.conflict))
            return
        old = outcome.saved.old
        field.accept()
        new = int(text) if name == "number" else text
        label = {"number": self.tr("nummer"), "title": self.tr("titel")}.get(name, name)
        self._push(commands.ItemFieldCommand(self.ws, v.meeting_id, v.id, name, old, new, label,
                                             run=field.typing.number))
        if name in ("title", "number"):
            self.ws.agenda_changed.emit(v.meeting_id)
            if name == "number":
                self.caption.setText(self.tr("Punkt %1").replace("%1", text.strip()))

    @editing
    def _closed_toggled(self, on: bool) -> None:
        v = self.view
        saved = self.ws.write(saving.save_item_field, v.id, "closed", on, None)
        old = saved.old
        if saved.previous_version == self._item_version:
            self._item_version = saved.version
        self.fields["public_title"].setEnabled(on)
        self.public_decision.field.setVisible(on)
        self._push(commands.ItemFieldCommand(
            self.ws, v.meeting_id, v.id, "closed", old, on, self.tr("lukket")
        ))
        self.ws.agenda_changed.emit(v.meeting_id)

    @editing
    def _commit_section(self, section_id: int, text: str) -> None:
        v = self.view
        box = next(b for b in self.section_boxes if b.section_id == section_id)
        try:
            outcome = self._save(
                saving.save_section_text, (section_id,), text, box.version, box.stored
            )
        except ReferentError as error:
            self.ws.failed.emit(str(error))
            return
        if outcome is None:
            box.edit.mark_unsaved(box.stored, retry=True)
            return
        section = next(s for s in v.sections if s.id == section_id)
        if outcome.kind == conflicts.CANCELLED:
            box.edit.mark_unsaved(box.stored)
            self.ws.failed.emit(str(outcome.conflict))
            return
        if outcome.kind == conflicts.THEIRS:
            text = outcome.conflict.theirs
            box.show_section(section_id, section.heading, text, outcome.version)
        else:
            box.version, box.stored = outcome.version, text
            self._push(commands.TextCommand(
                self.ws, v.meeting_id, v.id, ("section", section_id), outcome.saved.old, text,
                section.heading, run=box.edit.typing.number if outcome.conflict is None else 0,
            ))
        section.text, section.version = text, box.version

    def _show_decision(self, text: str, version: int) -> None:
        self.decision.set_markdown(text)
        self._decision_stored, self._decision_version = text, version

    def _commit_decision(self, text: str) -> None:
        v = self.view
        try:
            outcome = self._save(
                saving.save_decision_text, (v.id,), text, self._decision_version,
                self._decision_stored,
            )
        except ReferentError as error:
            self.decision_error.show_message(str(error))
            return
        if outcome is None:
            self.decision.mark_unsaved(self._decision_stored, retry=True)
            return
        if outcome.kind == conflicts.CANCELLED:
            self.decision.mark_unsaved(self._decision_stored)
            self.decision_error.show_message(str(outcome.conflict))
            return
        if outcome.kind == conflicts.THEIRS:
            self._show_decision(outcome.conflict.theirs, outcome.version)
        else:
            self._decision_stored, self._decision_version = text, outcome.version
            self._push(commands.TextCommand(
                self.ws, v.meeting_id, v.id, ("decision", v.id), outcome.saved.old, text,
                self.tr("beslutning"),
                run=self.decision.typing.number if outcome.conflict is None else 0,
            ))
        self.decision_error.show_message(None)
        self.ws.agenda_changed.emit(v.meeting_id)

    @editing
    def _postponed_toggled(self, on: bool) -> None:
        v = self.view
        self.decision.commit()
        old = self.ws.write(item_edit.set_postponed, v.id, on)
        self._push(commands.PostponedCommand(self.ws, v.meeting_id, v.id, old, on))
        self.ws.agenda_changed.emit(v.meeting_id)
        self.view = self.ws.read(browse.item_view, v.id)
        self._show_decision(self.view.decision_text, self.view.decision_version)
