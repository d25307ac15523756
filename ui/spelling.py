"""Spell check in every text field: words the Danish dictionary does not know get a red
wavy line, and the context menu offers suggestions and "Tilføj til ordbog".

One application-wide watcher attaches a highlighter to each multi-line text field when it
is first shown, so every dialog has it without asking; one-line fields get their lines
drawn over them, and the same menu.
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QPointF
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QShowEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTextBrowser,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

from ui.speller import WORD, speller

NO_SPELLING = "referent_no_spelling"  # a widget property: a field that is not prose
_highlighters: weakref.WeakSet = weakref.WeakSet()


def tr(text: str) -> str:
    return QCoreApplication.translate("Spelling", text)


class SpellHighlighter(QSyntaxHighlighter):
    def __init__(self, document):
        super().__init__(document)
        self.mark = QTextCharFormat()
        self.mark.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.mark.setUnderlineColor(QColor("#d00000"))
        _highlighters.add(self)

    def highlightBlock(self, text: str) -> None:  # noqa: N802
        for start, length in speller().misspelled(text):
            self.setFormat(start, length, self.mark)


def _text_widget(widget) -> QTextEdit | QPlainTextEdit | QLineEdit | None:
    if isinstance(widget, QWidget) and isinstance(widget.parentWidget(), (QTextEdit,
                                                                          QPlainTextEdit)):
        widget = widget.parentWidget()  # the viewport of a text field
    if isinstance(widget, (QTextEdit, QPlainTextEdit, QLineEdit)):
        return widget
    return None


def wanted(widget) -> bool:
    """Prose fields only: not a file name, a password, a number box or a read-only view."""
    if isinstance(widget, QTextBrowser) or widget.property(NO_SPELLING):
        return False
    if isinstance(widget, QLineEdit) and widget.echoMode() != QLineEdit.EchoMode.Normal:
        return False
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, (QFileDialog, QComboBox, QAbstractSpinBox)):
            return False
        parent = parent.parentWidget()
    return True


def attach(widget: QTextEdit | QPlainTextEdit) -> None:
    """Underline the field's misspelled words (once per field)."""
    if widget.property("referent_spelling") or not wanted(widget):
        return
    widget.setProperty("referent_spelling", True)
    widget._spell_highlighter = SpellHighlighter(widget.document())


def recheck_all() -> None:
    for highlighter in list(_highlighters):
        if isValid(highlighter):  # its field may be gone while Python still holds it
            highlighter.rehighlight()


def underline_line(field: QLineEdit) -> None:
    """Red wavy lines under the misspelled words of a one-line field (it has no
    highlighter): each word's place is measured from where the field draws its cursor,
    which allows for the text scrolled sideways in a narrow field."""
    wrong = speller().misspelled(field.text())
    if not wrong:
        return
    text, metrics = field.text(), field.fontMetrics()
    cursor = field.cursorRect()
    origin = cursor.center().x() - metrics.horizontalAdvance(text[:field.cursorPosition()])
    y = cursor.bottom() - 1
    painter = QPainter(field)
    painter.setPen(QPen(QColor("#d00000"), 1))
    for start, length in wrong:
        left = origin + metrics.horizontalAdvance(text[:start])
        right = origin + metrics.horizontalAdvance(text[:start + length])
        wave = [QPointF(x, y + (1.5 if (x - left) % 4 < 2 else -0.5))
                for x in range(int(left), int(right) + 1, 2)]
        painter.drawPolyline(wave)
    painter.end()


# -- the context menu --------------------------------------------------------------------


def word_at(widget, pos: QPoint) -> tuple[str, object]:
    """The word under `pos` (viewport coordinates) and a way to replace it."""
    if isinstance(widget, QLineEdit):
        text, at = widget.text(), widget.cursorPositionAt(pos)
        for match in WORD.finditer(text):
            if match.start() <= at <= match.end():
                def replace(new, m=match):
                    widget.setSelection(m.start(), m.end() - m.start())
                    widget.insert(new)
                return match.group(), replace
        return "", None
    cursor = widget.cursorForPosition(pos)
    block, at = cursor.block(), cursor.positionInBlock()
    for match in WORD.finditer(block.text()):
        if match.start() <= at <= match.end():
            def replace(new, m=match, b=block):
                edit = QTextCursor(b)
                edit.setPosition(b.position() + m.start())
                edit.setPosition(b.position() + m.end(), QTextCursor.MoveMode.KeepAnchor)
                edit.insertText(new)
            return match.group(), replace
    return "", None


def spelling_menu(widget, pos: QPoint) -> QMenu:
    """The field's own menu with the spelling choices for the word at `pos` on top."""
    if isinstance(widget, QLineEdit):
        menu = widget.createStandardContextMenu()
    else:
        menu = widget.createStandardContextMenu(widget.viewport().mapToParent(pos))
    check = speller()
    first = menu.actions()[0] if menu.actions() else None
    if not check.available:
        note = menu.addAction(check.missing)
        note.setEnabled(False)
        return menu
    word, replace = word_at(widget, pos)
    if not word or check.correct(word) or widget.isReadOnly():
        return menu
    choices = check.suggestions(word)
    for suggestion in choices:
        action = menu.addAction(suggestion)
        action.triggered.connect(lambda _c=False, s=suggestion: replace(s))
        menu.insertAction(first, action)
    if not choices:
        none = menu.addAction(tr("(ingen forslag)"))
        none.setEnabled(False)
        menu.insertAction(first, none)
    add = menu.addAction(tr("Tilføj til ordbog"))
    add.triggered.connect(lambda: (check.add(word), recheck_all()))
    menu.insertAction(first, add)
    menu.insertSeparator(first)
    return menu


class _Watcher(QObject):
    """Attaches to text fields as they are shown, and opens their spelling menus."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # Called for every event of the program: the event's class tells its kind more
        # cheaply than event.type(), which makes a Python enum value each time.
        kind = event.__class__
        if kind is QShowEvent and isinstance(watched, (QTextEdit, QPlainTextEdit)):
            attach(watched)
        elif kind is QPaintEvent and isinstance(watched, QLineEdit) and watched.text():
            if not wanted(watched) or not speller().available:
                return False
            watched.event(event)  # the field paints itself, then the lines go on top
            underline_line(watched)
            return True
        elif kind is QContextMenuEvent:
            widget = _text_widget(watched)
            if widget is None or not wanted(widget):
                return False
            pos = event.pos()
            if widget is watched and not isinstance(widget, QLineEdit):
                pos = widget.viewport().mapFrom(widget, pos)
            spelling_menu(widget, pos).exec(event.globalPos())
            return True
        return False


_the_watcher: _Watcher | None = None


def _watcher() -> _Watcher:
    global _the_watcher
    if _the_watcher is None:
        _the_watcher = _Watcher()
    return _the_watcher


def install() -> None:
    """Spell check every text field the program shows from now on."""
    app = QApplication.instance()
    if not app.property("referent_spelling"):
        app.setProperty("referent_spelling", True)
        app.installEventFilter(_watcher())


