"""The decision entry mode: a held meeting's items one after another, entered from the
paper protocol with the keyboard alone.

The rules (which item, what each key means, the counter) live in
`model.decision_entry.DecisionEntry`; this window shows them and writes through
`model.decisions`, each change a step on the program's undo stack.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from model import decisions
from model.decision_entry import DecisionEntry, EntryItem
from model.errors import ReferentError
from ui import decision_conflicts
from ui.decision_commands import (
    DecisionCommand,
)
from ui.dialogs.entry_forms import EntryForm
from ui.entry_additions import EntryAdditions
from ui.line_field import ErrorLabel
from ui.markdown_edit import MarkdownEdit
from ui.member_marks import MemberMarksTable
from ui.public_decision import PublicDecisionField
from ui.scan_panel import ScanPanel
from ui.screen_fit import resize_within_screen
from ui.workspace import Workspace

CTRL, ALT = Qt.Modifier.CTRL, Qt.Modifier.ALT
DIGITS = [getattr(Qt.Key, f"Key_{n}") for n in range(1, 10)]


# What the keys of this window do, for Hjælp › Tastaturgenveje; a test checks that every
# shortcut the window makes is named here.
KEY_HELP = [
    ("Alt+1 … Alt+9", "Standardbeslutning 1 … 9"),
    ("Ctrl+Return", "Næste punkt"),
    ("Ctrl+Enter", "Næste punkt"),
    ("Ctrl+PgDown", "Næste punkt"),
    ("Ctrl+PgUp", "Forrige punkt"),
    ("Alt+B", "Til beslutningsfeltet"),
    ("Alt+U", "Udsat (til og fra)"),
    ("Alt+F", "Til fremmøde og afstemning"),
    ("Alt+P", "Protokoltilførsel"),
    ("Alt+S", "Spørgsmål eller bestilling"),
    ("Alt+R", "Rettelse efter underskrift"),
    ("Alt+G", "Brug aflæsningen af den scannede protokol"),
    ("Del", "Slet den valgte protokoltilførsel eller det valgte spørgsmål"),
    ("Mellemrum, D", "Ikke til stede, deltog ikke (i afstemningen)"),
    ("F, I, U, 0", "Stemte for, imod, undlod, ingen stemme; markøren går en række ned"),
]


class DecisionText(MarkdownEdit):
    """The decision field: it scrolls instead of growing, since this window does not."""

    def _fit(self) -> None:
        pass


class DecisionEntryWindow(EntryAdditions, QDialog):
    def __init__(self, workspace: Workspace, meeting_id: int, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.entry: DecisionEntry = workspace.read(DecisionEntry.load, meeting_id)
        self.current: EntryItem | None = None
        self.form: EntryForm | None = None
        self._pushing = False
        self._settling = False  # a conflict is being settled: one question at a time
        self.setWindowTitle(self.tr("Indtast beslutninger – %1").replace("%1", self.entry.title))
        self._build()
        resize_within_screen(self, 1240, 800)
        self._shortcuts()
        workspace.item_changed.connect(self._item_changed)
        self.show_current()

    # -- building ----------------------------------------------------------------------

    def _label(self, text: str, bold: bool = True, scale: float = 1.0) -> QLabel:
        label = QLabel(text, self)
        font = label.font()
        font.setBold(bold)
        font.setPointSizeF(font.pointSizeF() * scale)
        label.setFont(font)
        return label

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAutoDefault(False)  # Return belongs to the field that has focus
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        self.heading = self._label("", scale=1.35)
        self.heading.setWordWrap(True)
        self.position = self._label("", bold=False)
        self.counter = self._label("", scale=1.1)
        self.banner = QLabel(self.tr(
            "Referatet er underskrevet. Beslutningerne kan ikke ændres, kun tilføjes en "
            "dateret rettelse (Alt+R)."
        ), self)
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3cd; padding: 6px;")
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.position)
        top.addSpacing(24)
        top.addWidget(self.counter)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 8, 0)
        left_layout.addWidget(self._label(self.tr("Indstilling")))
        self.recommendation = QTextBrowser(self)
        self.recommendation.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        left_layout.addWidget(self.recommendation, 1)
        left_layout.addWidget(self._label(self.tr("Standardbeslutninger")))
        self.phrase_buttons: list[QPushButton] = []
        for n, phrase in enumerate(self.entry.phrases, start=1):
            button = self._button(f"Alt+{n}   {phrase}", lambda _c=False, k=n: self.apply_phrase(k))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setStyleSheet("text-align: left; padding: 3px 8px;")
            left_layout.addWidget(button)
            self.phrase_buttons.append(button)

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(8, 0, 0, 0)
        right_layout.addWidget(self._label(self.tr("Beslutning (Alt+B)")))
        self.decision = DecisionText(self)
        self.decision.setAccessibleName(self.tr("Beslutning"))
        # "- " at the start of a line begins a list, Return on an empty entry ends it.
        self.decision.setAutoFormatting(QTextEdit.AutoFormattingFlag.AutoBulletList)
        self.decision.committed.connect(self._commit_text)
        self.decision.setMinimumHeight(120)
        # The scanned protocol's reading and handwriting beside the field they belong in.
        self.scan_panel = ScanPanel(self)
        self.scan_panel.confirmed.connect(self.use_scan)
        beside = QHBoxLayout()
        beside.addWidget(self.decision, 1)
        beside.addWidget(self.scan_panel)
        right_layout.addLayout(beside, 3)
        self.decision_error = ErrorLabel(self)
        right_layout.addWidget(self.decision_error)
        self.postponed = QCheckBox(
            self.tr("Udsat – punktet kommer igen på en senere dagsorden (Alt+U)"), self
        )
        self.postponed.toggled.connect(self.set_postponed)
        right_layout.addWidget(self.postponed)
        self.public = PublicDecisionField(self)
        self.public.committed.connect(self._commit_public_text)
        right_layout.addWidget(self.public)
        right_layout.addWidget(self._label(self.tr("Fremmøde og afstemning (Alt+F)")))
        self.marks = MemberMarksTable(self)
        self.marks.presence_toggled.connect(self._presence)
        self.marks.vote_chosen.connect(self._vote)
        self.marks.party_vote_chosen.connect(self._party_vote)
        self.marks.refused.connect(self._refuse_locked)
        right_layout.addWidget(self.marks)
        hint = QLabel(self.tr(
            "Mellemrum: ikke til stede · D: deltog ikke · F: for · I: imod · U: undlod · "
            "0: ingen stemme"
        ), self)
        hint.setStyleSheet("color: #555;")
        right_layout.addWidget(hint)

        lists = QHBoxLayout()
        self.notes = QListWidget(self)
        self.follow_list = QListWidget(self)
        self.corrections = QListWidget(self)
        self.note_button = self._button(self.tr("Protokoltilførsel… (Alt+P)"), self.add_note)
        self.follow_button = self._button(
            self.tr("Spørgsmål/bestilling… (Alt+S)"), self.add_follow_up
        )
        self.correction_button = self._button(
            self.tr("Tilføj rettelse… (Alt+R)"), self.add_correction
        )
        self.correction_box = QWidget(self)
        for title, widget, button, box in (
            (self.tr("Protokoltilførsler"), self.notes, self.note_button, None),
            (self.tr("Spørgsmål og bestillinger"), self.follow_list, self.follow_button, None),
            (self.tr("Rettelser efter underskrift"), self.corrections, self.correction_button,
             self.correction_box),
        ):
            column = QVBoxLayout(box) if box else QVBoxLayout()
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(self._label(title))
            widget.setMinimumHeight(70)
            widget.setWordWrap(True)
            column.addWidget(widget, 1)
            column.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            if box:
                lists.addWidget(box, 1)
            else:
                lists.addLayout(column, 1)
        right_layout.addLayout(lists, 1)
        self.notes.setMaximumHeight(150)
        self.follow_list.setMaximumHeight(150)
        self.corrections.setMaximumHeight(150)
        for widget, slot in ((self.notes, self.remove_note),
                             (self.follow_list, self.remove_follow_up)):
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_Delete), widget, activated=slot)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([460, 760])

        self.message = ErrorLabel(self)
        self.previous_button = self._button(self.tr("◀ Forrige (Ctrl+PgUp)"), self.previous_item)
        self.next_button = self._button(self.tr("Næste ▶ (Ctrl+Enter)"), self.next_item)
        close = self._button(self.tr("Luk (Esc)"), self.close)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addStretch(1)
        bottom.addWidget(self.previous_button)
        bottom.addWidget(self.next_button)
        bottom.addWidget(close)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        layout.addLayout(bottom)

    def _shortcuts(self) -> None:
        keys = [(ALT | digit, lambda k=n: self.apply_phrase(k))
                for n, digit in enumerate(DIGITS, start=1)]
        keys += [
            (CTRL | Qt.Key.Key_Return, self.next_item),
            (CTRL | Qt.Key.Key_Enter, self.next_item),
            (CTRL | Qt.Key.Key_PageDown, self.next_item),
            (CTRL | Qt.Key.Key_PageUp, self.previous_item),
            (ALT | Qt.Key.Key_B, self.focus_decision),
            (ALT | Qt.Key.Key_U, self.postponed.toggle),
            (ALT | Qt.Key.Key_F, self.marks.setFocus),
            (ALT | Qt.Key.Key_P, self.add_note),
            (ALT | Qt.Key.Key_S, self.add_follow_up),
            (ALT | Qt.Key.Key_R, self.add_correction),
            (ALT | Qt.Key.Key_G, self.use_scan),
        ]
        for sequence, slot in keys:
            QShortcut(QKeySequence(sequence), self, activated=slot)

    # -- showing -------------------------------------------------------------------------

    def show_current(self) -> None:
        self.message.setStyleSheet("color: #b00020;")
        self.current = self.ws.read(self.entry.current_item)
        item = self.current
        locked = self.entry.locked
        self.banner.setVisible(locked)
        self.correction_box.setVisible(locked)
        for widget in (self.note_button, self.follow_button, *self.phrase_buttons):
            widget.setEnabled(not locked)
        self.decision.setReadOnly(locked)
        self.message.show_message(None)
        self.decision_error.show_message(None)
        self._update_counter()
        if item is None:
            self.heading.setText(self.tr("Mødet har ingen punkter at beslutte."))
            return
        journal = f"   {item.journal_number}" if item.journal_number else ""
        self.heading.setText(f"{item.number}. {item.title}{journal}")
        self.position.setText(self.entry.position_text())
        self.recommendation.setMarkdown(item.recommendation or self.tr("*Ingen indstilling.*"))
        self.decision.set_markdown(item.state.text)
        self._show_public(item)
        self.marks.start_at_top()
        self._show_state(item)
        self.previous_button.setEnabled(self.entry.index > 0)
        self.next_button.setEnabled(self.entry.index < len(self.entry.item_ids) - 1)
        self.focus_decision()

    def _show_state(self, item: EntryItem) -> None:
        state = item.state
        self.postponed.blockSignals(True)
        self.postponed.setChecked(state.postponed)
        self.postponed.blockSignals(False)
        self.postponed.setEnabled(not self.entry.locked)
        proposed = frozenset(item.scan.absent) if item.scan else frozenset()
        self.marks.show_state(self.entry.members, self.entry.parties(), state, self.entry.locked,
                              proposed)
        self.marks.fit_rows(8)  # more members scroll, so the window fits a laptop's screen
        names = {m.id: m.name for m in self.entry.members}
        self.scan_panel.show_scan(item.scan, names, self.entry.locked)
        ticked = item.scan.phrase if item.scan else None
        for button, phrase in zip(self.phrase_buttons, self.entry.phrases, strict=True):
            # The phrase the chair ticked, preselected for Alt+G.
            marked = "font-weight: bold; border: 2px solid #1565c0;" if phrase == ticked else ""
            button.setStyleSheet(f"text-align: left; padding: 3px 8px; {marked}")
        self.notes.clear()
        for member_id, text in state.notes:
            self.notes.addItem(f"{names.get(member_id, '?')}: {text}")
        self.follow_list.clear()
        for row in item.follow_ups:
            parts = [row.text]
            if row.responsible:
                parts.append(self.tr("svarer: %1").replace("%1", row.responsible))
            if row.due:
                parts.append(self.tr("frist %1").replace("%1", f"{row.due:%d-%m-%Y}"))
            if row.status == "answered":
                parts.append(self.tr("besvaret"))
            entry = QListWidgetItem(" · ".join(parts), self.follow_list)
            entry.setData(Qt.ItemDataRole.UserRole, row.id)
            entry.setData(Qt.ItemDataRole.UserRole + 1, row.version)  # as shown
        self.corrections.clear()
        for correction in item.corrections:
            self.corrections.addItem(f"{correction.date:%d-%m-%Y}: {correction.text}")

    def _show_public(self, item: EntryItem) -> None:
        """A closed item's public decision text, under its decision; none for an open one."""
        self.public.setVisible(item.closed)
        self.public.show_text(item.state.public_text)
        self.public.set_read_only(self.entry.locked)

    def _update_counter(self) -> None:
        missing = self.entry.missing
        self.counter.setText(self.entry.missing_text())
        self.counter.setStyleSheet("color: #1b5e20;" if missing == 0 else "color: #b00020;")

    def focus_decision(self) -> None:
        self.decision.setFocus()
        self.decision.moveCursor(QTextCursor.MoveOperation.End)

    # -- moving --------------------------------------------------------------------------

    def flush(self) -> None:
        """Store what is typed but not yet stored (before moving, undo, closing)."""
        self.decision.commit()
        self.public.edit.commit()

    def next_item(self) -> None:
        self.flush()
        if self.entry.go(1):
            self.show_current()
        else:
            self.message.show_message(self._end_message())
            # All decided is good news, not an error: not in the error colour.
            self.message.setStyleSheet("" if not self.entry.missing else "color: #b00020;")

    def previous_item(self) -> None:
        self.flush()
        if self.entry.go(-1):
            self.show_current()

    def _end_message(self) -> str:
        if self.entry.missing:
            return self.tr("Sidste punkt. %1.").replace("%1", self.entry.missing_text())
        return self.tr("Sidste punkt. Alle punkter har en beslutning.")

    def closeEvent(self, event) -> None:  # noqa: N802
        self.flush()
        super().closeEvent(event)

    def reject(self) -> None:
        self.flush()
        super().reject()

    # -- changing the decision -------------------------------------------------------------

    def _refuse_locked(self) -> bool:
        if self.entry.locked:
            self.message.show_message(decisions.LOCKED)
            return True
        return False

    def _run(self, operation, *args, label: str, typing: bool = False, field=None) -> None:
        """Apply a decision operation to the current item; a refusal is said below."""
        if self.current is None or self._refuse_locked():
            return
        try:
            self._apply(operation, *args, label=label, typing=typing, field=field)
        except ReferentError as error:
            self.message.show_message(str(error))

    def _apply(self, operation, *args, label: str, typing: bool = False, field=None) -> None:
        """Write a step based on the decision shown; another secretary's change since is
        settled in the conflict dialog, and nothing is written until a choice is made.
        With `typing`, the step is what was typed in `field` (the decision by default)."""
        item = self.current
        field = field or self.decision
        stored = item.state.public_text or "" if field is self.public.edit else item.state.text
        if self._settling:  # the dialog's event loop let the autosave run: later
            if typing:
                field.mark_unsaved(stored, retry=True)
            return
        self._settling = True
        try:
            outcome = decision_conflicts.save(self.ws, operation, item.id, args, item.basis,
                                              self)
        finally:
            self._settling = False
        if outcome.kind == decision_conflicts.CANCELLED:
            if typing:  # what was typed stays in the field, unsaved
                field.mark_unsaved(stored)
            self._show_state(item)  # the marks as shown before the refused step
            self.message.show_message(str(outcome.conflict))
            return
        self.message.show_message(None)
        if outcome.kind == decision_conflicts.THEIRS:
            self.ws.item_changed.emit(item.id)  # other views of this item show theirs too
            self.ws.agenda_changed.emit(self.entry.meeting_id)
            self._reload_current(keep_text=False)
            return
        change = outcome.change
        if change.changed:
            # Mine kept over theirs is a step of its own: undo goes back to theirs.
            run = field.typing.number if typing and outcome.conflict is None else 0
            self._pushing = True
            try:
                self.ws.undo_stack.push(DecisionCommand(self.ws, change, label, run))
                self.ws.item_changed.emit(item.id)
                self.ws.agenda_changed.emit(change.meeting_id)
            finally:
                self._pushing = False
        self._reload_current(keep_text=typing)

    def _reload_current(self, keep_text: bool) -> None:
        """Show the stored state of the current item again (after a change or an undo)."""
        self.current = self.ws.read(self.entry.current_item)
        if not keep_text:
            self.decision.set_markdown(self.current.state.text)
            self._show_public(self.current)
        self._show_state(self.current)
        self._update_counter()

    def _commit_text(self, text: str) -> None:
        self._run(decisions.set_text, text, label=self.tr("Skriv beslutning"), typing=True)

    def _commit_public_text(self, text: str) -> None:
        self.decision.commit()  # the decision shown is stored first: this step is based on it
        self._run(decisions.set_public_text, text, label=self.tr("Offentlig beslutningstekst"),
                  typing=True, field=self.public.edit)

    def apply_phrase(self, key: int) -> None:
        phrase = self.entry.phrase_for_key(key)
        if phrase is None or self._refuse_locked():
            return
        self.flush()
        self._run(decisions.apply_phrase, phrase,
                  label=self.tr("Standardbeslutning »%1«").replace("%1", phrase))
        self.focus_decision()

    def use_scan(self) -> None:
        """Take over the scanned reading, one undoable step: the ticked standard decision
        and the members ticked as not present; the handwriting is typed."""
        scan = self.current.scan if self.current else None
        if scan is None or self._refuse_locked():
            return
        self.flush()
        if scan.phrase or scan.absent:
            self._run(decisions.take_reading, scan.phrase, list(scan.absent),
                      label=self.tr("Aflæsning af den scannede protokol"))
        self.focus_decision()

    def set_postponed(self, on: bool) -> None:
        if self._refuse_locked():
            self._reload_current(keep_text=True)
            return
        self.flush()
        self._run(decisions.set_postponed, on, label=self.tr("Udsat"))

    def _presence(self, member_id: int, kind: str, on: bool) -> None:
        label = self.tr("Ikke til stede") if kind == "absent" else self.tr("Deltog ikke")
        self._run(decisions.set_presence, member_id, kind, on, label=label)

    def _vote(self, member_id: int, vote) -> None:
        self._run(decisions.set_vote, member_id, vote, label=self.tr("Stemme"))

    def _party_vote(self, party: str, vote) -> None:
        self._run(decisions.set_party_vote, party, vote, label=self.tr("Partiets stemmer"))

    def _item_changed(self, item_id: int) -> None:
        """An undo or another view changed an item: keep the counter and this view right."""
        if self._pushing or item_id not in self.entry.item_ids:
            return
        self.entry.note_state(item_id, self.ws.read(decisions.decision_state, item_id))
        if self.current is not None and item_id == self.current.id:
            self._reload_current(keep_text=False)
        else:
            self._update_counter()
