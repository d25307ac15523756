"""A text field for a section or decision: rich text in, interchange Markdown out."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QKeySequence,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocumentFragment,
    QTextListFormat,
)
from PySide6.QtWidgets import QTextEdit

from ui import spelling
from ui.markdown_text import from_markdown, html_to_markdown, to_markdown
from ui.typing_run import TypingRun

AUTOSAVE_MS = 700


class MarkdownEdit(QTextEdit):
    """Emits `committed(markdown)` shortly after the user stops typing and on leaving.

    The field's own undo is off: undo belongs to the program's undo stack,
    which holds every committed change to the archive. `typing` tells which run
    of typing a commit belongs to, so one run is one undo step (ui.typing_run).
    """

    committed = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setAcceptRichText(True)
        self.setUndoRedoEnabled(False)
        self.setTabChangesFocus(True)
        self._saved = ""
        self.typing = TypingRun()
        self._timer = QTimer(self, singleShot=True, interval=AUTOSAVE_MS)
        self._timer.timeout.connect(self._store)
        self.textChanged.connect(self._changed)
        self._loading = False
        self.document().documentLayout().documentSizeChanged.connect(self._fit)
        spelling.attach(self)  # from the start: a field made in a window in use

    # -- content ---------------------------------------------------------------

    def set_markdown(self, text: str) -> None:
        """Show `text` without counting it as an edit."""
        self._timer.stop()
        self._loading = True
        try:
            from_markdown(self.document(), text)
        finally:
            self._loading = False
        self._saved = text
        self.typing.end()

    def markdown(self) -> str:
        return to_markdown(self.document())

    def mark_unsaved(self, stored: str, retry: bool = False) -> None:
        """The shown text was not stored: the next commit offers it again (with `retry`,
        the autosave does, shortly; a refused save waits for the secretary instead)."""
        self._saved = stored
        if retry:
            self._timer.start()

    def is_dirty(self) -> bool:
        return self._timer.isActive()

    def commit(self) -> None:
        """Hand the text on if it changed since it was loaded or last committed; the run
        of typing ends here (the field is left, or the program needs what is typed)."""
        self._store()
        self.typing.end()

    def _store(self) -> None:
        self._timer.stop()
        text = self.markdown()
        if text != self._saved:
            self._saved = text
            self.committed.emit(text)

    def _changed(self) -> None:
        if self._loading:
            return
        self.typing.keystroke()
        # Counted from the first unsaved keystroke, not the last: a secretary who
        # types without pausing still has everything stored within a second.
        if not self._timer.isActive():
            self._timer.start()

    def event(self, event) -> bool:
        if leave_undo_to_program(event):
            return False
        return super().event(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.commit()
        super().focusOutEvent(event)

    # -- size: grow with the text, so the editor scrolls as one page -------------

    def _fit(self) -> None:
        height = int(self.document().size().height()) + 2 * self.frameWidth() + 8
        self.setFixedHeight(max(70, min(height, 2000)))

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(300, 90)

    # -- paste: keep bold, italic, lists and headings, drop the rest -------------

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        if source.hasHtml():
            fragment = QTextDocumentFragment.fromMarkdown(html_to_markdown(source.html()))
            self.textCursor().insertFragment(fragment)
            return
        if source.hasText():
            self.textCursor().insertText(source.text())

    # -- formatting commands (the toolbar and Ctrl+B / Ctrl+I) -------------------

    def toggle_bold(self) -> None:
        if self.isReadOnly():
            return
        fmt = QTextCharFormat()
        bold = self.fontWeight() < QFont.Weight.DemiBold
        fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Normal)
        self.mergeCurrentCharFormat(fmt)

    def toggle_italic(self) -> None:
        if self.isReadOnly():
            return
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.fontItalic())
        self.mergeCurrentCharFormat(fmt)

    def toggle_list(self, ordered: bool) -> None:
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        current = cursor.currentList()
        style = QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc
        cursor.beginEditBlock()
        if current is not None and current.format().style() == style:
            for i in reversed(range(current.count())):
                block = current.item(i)
                if cursor.selectionStart() <= block.position() + block.length() and (
                    block.position() <= cursor.selectionEnd()
                ):
                    current.remove(block)
            fmt = cursor.blockFormat()
            fmt.setIndent(0)
            cursor.setBlockFormat(fmt)
        else:
            cursor.createList(style)
        cursor.endEditBlock()

    def toggle_heading(self) -> None:
        if self.isReadOnly():
            return
        cursor = self.textCursor()
        block_format = QTextBlockFormat(cursor.blockFormat())
        on = block_format.headingLevel() != 3
        block_format.setHeadingLevel(3 if on else 0)
        cursor.beginEditBlock()
        cursor.setBlockFormat(block_format)
        cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        char = QTextCharFormat()
        char.setFontWeight(QFont.Weight.Bold if on else QFont.Weight.Normal)
        char.setProperty(QTextCharFormat.Property.FontSizeAdjustment, 1 if on else 0)
        cursor.mergeCharFormat(char)
        cursor.endEditBlock()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Bold and italic are kept; underline is not in the format, so Ctrl+U does nothing.
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods == Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_B:
            self.toggle_bold()
            return
        if mods == Qt.KeyboardModifier.ControlModifier and event.key() == Qt.Key.Key_I:
            self.toggle_italic()
            return
        super().keyPressEvent(event)


def leave_undo_to_program(event) -> bool:
    """Let Ctrl+Z and its kin reach the program's Undo action instead of the field's own
    undo, so that there is one history of changes, in the order they were made."""
    if event.type() != QEvent.Type.ShortcutOverride:
        return False
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        event.ignore()
        return True
    return False
