"""Spell check in every text field: words the Danish dictionary does not know get a red
wavy line, and the context menu offers suggestions and "Tilføj til ordbog".

A field is checked from when it is made (MarkdownEdit, line_field), or from when it or
another field of its window first has the keyboard: so every dialog has it without
asking. Multi-line fields get a highlighter; one-line fields get their lines drawn over
them; both get the menu. Not an application-wide event filter, which would take every
event of the program through Python (9 ms of opening a meeting).
"""

from __future__ import annotations

import weakref

from PySide6.QtCore import QCoreApplication, QObject, QPoint, QPointF, Qt, Slot
from PySide6.QtGui import (
    QColor,
    QPainter,
    QPaintEvent,
    QPen,
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


TEXT_FIELDS = (QTextEdit, QPlainTextEdit, QLineEdit)
_CHECKED = "referent_spelling"  # a widget property: attach has looked at the field


def attach(widget: QTextEdit | QPlainTextEdit | QLineEdit) -> None:
    """Check the field's spelling from now on, if it is prose (once per field)."""
    if widget.property(_CHECKED) is not None:
        return
    prose = wanted(widget)
    widget.setProperty(_CHECKED, prose)
    if not prose:
        return
    if isinstance(widget, QLineEdit):
        widget.installEventFilter(_watcher())  # its own events only: to draw its lines
    else:
        widget._spell_highlighter = SpellHighlighter(widget.document())
    widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
    widget.customContextMenuRequested.connect(_watcher().open_menu)


def check(root: QWidget) -> None:
    """Check the spelling of every text field in `root` (a window)."""
    for kind in TEXT_FIELDS:
        for field in root.findChildren(kind):
            attach(field)


def checked(widget) -> bool:
    """Whether the field's spelling is checked."""
    return bool(widget.property(_CHECKED))


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
    """Draws the lines of one-line fields, and opens the spelling menus."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        # A prose QLineEdit's events (attach): the class tells the kind more cheaply than
        # event.type(), which makes a Python enum value each time.
        if event.__class__ is QPaintEvent and watched.text() and speller().available:
            watched.event(event)  # the field paints itself, then the lines go on top
            underline_line(watched)
            return True
        return False

    @Slot(QPoint)
    def open_menu(self, pos: QPoint) -> None:
        """A checked field asked for its context menu at `pos` (in a multi-line field's
        viewport, as Qt gives it)."""
        widget = self.sender()
        at = widget if isinstance(widget, QLineEdit) else widget.viewport()
        spelling_menu(widget, pos).exec(at.mapToGlobal(pos))


_the_watcher: _Watcher | None = None


def _watcher() -> _Watcher:
    global _the_watcher
    if _the_watcher is None:
        _the_watcher = _Watcher()
    return _the_watcher


def install() -> None:
    """Spell check every text field the program shows from now on: the fields of a window
    once one of its widgets has the keyboard (fields made later in a window already in
    use: when they get it, or when made, as MarkdownEdit and line_field's are)."""
    app = QApplication.instance()
    if not app.property(_CHECKED):
        app.setProperty(_CHECKED, True)
        app.focusChanged.connect(_focus_changed)


def _focus_changed(_old, new) -> None:
    if new is not None:
        check(new.window())
