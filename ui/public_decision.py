"""A closed item's public decision text (Decision.public_text): the part of the decision
that the public referat prints, as far as tavshedspligt allows.

One field for the item editor and the decision entry mode; shown only for a closed
item (an open item's decision is public as it stands). The editor saves it against
the decision's version, as it saves the decision's text, and undo takes it back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from model import item_edit, saving
from model.errors import ReferentError
from ui import conflicts
from ui.commands import TextCommand
from ui.line_field import ErrorLabel
from ui.markdown_edit import MarkdownEdit

PART = "public_decision"  # what undo scrolls to (ItemEditor.reveal)


def tr(text: str) -> str:
    return QCoreApplication.translate("PublicDecision", text)


class PublicDecisionText(MarkdownEdit):
    """The text: a few lines high, scrolling rather than growing (the entry mode does not
    grow, and the editor's page has room below)."""

    def _fit(self) -> None:
        pass


class PublicDecisionField(QWidget):
    """Heading, a line on what belongs here, the text and the message of a refused save."""

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        heading = QLabel(tr("Offentlig beslutningstekst (lukket punkt)"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        hint = QLabel(tr(
            "Den del af beslutningen, der må offentliggøres. Står feltet tomt, viser den "
            "offentlige udgave kun punktets nummer og titel."
        ), self)
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        self.edit = PublicDecisionText(self)
        self.edit.setAccessibleName(tr("Offentlig beslutningstekst"))
        self.edit.setFixedHeight(self.edit.fontMetrics().lineSpacing() * 4 + 12)
        self.edit.committed.connect(self.committed)
        self.error = ErrorLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)

    def show_text(self, text: str | None) -> None:
        self.edit.set_markdown(text or "")
        self.error.show_message(None)

    def set_read_only(self, locked: bool) -> None:
        self.edit.setReadOnly(locked)


class PublicTextCommand(TextCommand):
    """A change of the public decision text; the saves of one run of typing are one step."""

    def __init__(self, ws, meeting_id: int, item_id: int, old: str, new: str, run: int = 0):
        super().__init__(ws, meeting_id, item_id, ("public", item_id), old, new,
                         tr("offentlig beslutningstekst"), run)
        self.part = PART

    def _set(self, value: str) -> None:
        self.ws.write(item_edit.set_public_text, self.item_id, value)
        self.ws.agenda_changed.emit(self.meeting_id)
        self.ws.item_changed.emit(self.item_id)


class EditorPublicDecision:
    """The field in the item editor: filled from its ItemView, saved like the decision's
    text against the decision's version this field showed (a stale one is settled in the
    conflict dialog), each save a step on the undo stack.

    It keeps its own version, apart from the decision text's: both are the decision's
    row, and a save of one must not make the other look current when it is not."""

    def __init__(self, editor, page):
        self.editor = editor
        self.field = PublicDecisionField(page)
        self.field.hide()  # most items are open: their page is laid out without it
        self.field.committed.connect(self.commit)
        self.stored = ""
        self.version = 0

    def fill(self, view, locked: bool) -> None:
        if self.field.isHidden() == view.closed:  # a change only: it lays the page out again
            self.field.setVisible(view.closed)
        self.field.show_text(view.public_text)
        self.stored = view.public_text or ""
        self.version = view.decision_version
        self.field.set_read_only(locked)

    def commit(self, text: str) -> None:
        editor, view = self.editor, self.editor.view
        if view is None:
            return
        edit = self.field.edit
        try:
            outcome = editor._save(saving.save_public_text, (view.id,), text, self.version,
                                   self.stored)
        except ReferentError as error:
            edit.mark_unsaved(self.stored)
            self.field.error.show_message(str(error))
            return
        if outcome is None:
            edit.mark_unsaved(self.stored, retry=True)
            return
        if outcome.kind == conflicts.CANCELLED:
            edit.mark_unsaved(self.stored)
            self.field.error.show_message(str(outcome.conflict))
            return
        self.version = outcome.version
        if outcome.kind == conflicts.THEIRS:
            self.stored = outcome.conflict.theirs
            self.field.show_text(self.stored)
        else:
            self.stored = text
            editor._push(PublicTextCommand(
                editor.ws, view.meeting_id, view.id, outcome.saved.old, text,
                run=edit.typing.number if outcome.conflict is None else 0,
            ))
        self.field.error.show_message(None)
        editor.ws.agenda_changed.emit(view.meeting_id)
