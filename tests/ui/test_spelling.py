"""Danish spell check: red lines, suggestions, Tilføj til ordbog, and no dictionary."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCharFormat

from tests.ui.helpers import make_meeting, section_texts
from ui import speller as speller_module

DICTIONARY = speller_module.dictionary_folder()
needs_dictionary = pytest.mark.skipif(DICTIONARY is None,
                                      reason="no Danish hunspell dictionary (hunspell-da)")


@pytest.fixture
def own_words(tmp_path):
    path = tmp_path / "data" / "egne-ord.txt"
    speller_module.use(speller_module.Speller(DICTIONARY, path))
    yield path
    speller_module.use(None)


def underlined(edit) -> list[str]:
    """The words drawn with the spelling line in the field."""
    words = []
    block = edit.document().begin()
    while block.isValid():
        for r in block.layout().formats():
            if r.format.underlineStyle() == QTextCharFormat.UnderlineStyle.SpellCheckUnderline:
                words.append(block.text()[r.start:r.start + r.length])
        block = block.next()
    return words


def _section(window, archive):
    window.open_meeting(make_meeting(archive, titles=("A",)))
    box = next(b for b in window.editor.section_boxes if b.isVisible())
    return box.edit


@needs_dictionary
def test_misspelled_words_are_underlined_and_corrected_from_the_menu(window, archive, qtbot,
                                                                     own_words):
    from ui.spelling import spelling_menu

    edit = _section(window, archive)
    edit.setFocus()
    qtbot.keyClicks(edit, "Udvalget tog protokoltilførslen til efterretnig.")
    assert underlined(edit) == ["efterretnig"]
    pos = edit.cursorRect(_cursor_at(edit, "efterretnig")).center()
    menu = spelling_menu(edit, pos)
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == "efterretning" and "Tilføj til ordbog" in texts
    menu.actions()[0].trigger()
    assert edit.toPlainText() == "Udvalget tog protokoltilførslen til efterretning."
    assert underlined(edit) == []
    edit.commit()
    assert section_texts(archive, window.editor.view.id)[0] == (
        "Udvalget tog protokoltilførslen til efterretning.")


def _cursor_at(edit, word):
    cursor = edit.textCursor()
    cursor.setPosition(edit.toPlainText().index(word) + 2)
    return cursor


@needs_dictionary
def test_tilfoej_til_ordbog_keeps_the_word_for_good(window, archive, qtbot, own_words):
    from ui.spelling import spelling_menu

    edit = _section(window, archive)
    edit.setFocus()
    qtbot.keyClicks(edit, "Punktet blev behandlet i Stevnsudvalgsgruppen.")
    assert underlined(edit) == ["Stevnsudvalgsgruppen"]
    menu = spelling_menu(edit, edit.cursorRect(_cursor_at(edit, "Stevnsudvalgsgruppen")).center())
    next(a for a in menu.actions() if a.text() == "Tilføj til ordbog").trigger()
    assert underlined(edit) == []
    assert own_words.read_text("utf-8").split() == ["Stevnsudvalgsgruppen"]
    again = speller_module.Speller(DICTIONARY, own_words)  # tomorrow's start
    assert again.correct("Stevnsudvalgsgruppen") and not again.correct("Stevnsudvalgsgrupen")


@needs_dictionary
def test_every_text_field_is_checked(window, archive, qtbot, own_words):
    from ui.dialogs.meeting_dialog import MeetingDialog
    from ui.spelling import spelling_menu

    meeting_id = make_meeting(archive, titles=("A",))
    dialog = MeetingDialog(window.ws, meeting_id, None, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.notes.setPlainText("Mødet blev hævet kl. 11.45 efter en kort pausse.")
    # Checked once the dialog has the keyboard, as it has when it opens.
    qtbot.waitUntil(lambda: underlined(dialog.notes) == ["pausse"])
    assert not window.editor.decision.is_dirty()  # a red line is not an edit
    title = dialog.fields["title"].edit
    title.setText("Referat fra mødde")
    menu = spelling_menu(title, title.cursorRect().center())
    assert "møde" in [a.text() for a in menu.actions()]


def test_without_a_dictionary_it_says_so_and_underlines_nothing(window, archive, qtbot,
                                                                tmp_path):
    from ui.spelling import spelling_menu

    speller_module.use(speller_module.Speller(None, tmp_path / "egne-ord.txt"))
    try:
        edit = _section(window, archive)
        edit.setFocus()
        qtbot.keyClicks(edit, "Efterretnig")
        assert underlined(edit) == []
        notes = [a for a in spelling_menu(edit, edit.cursorRect().center()).actions()
                 if "hunspell-da" in a.text()]
        assert notes and not notes[0].isEnabled()
    finally:
        speller_module.use(None)


def _red_pixels(widget) -> int:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # as the screen would, after the text changed
    image = widget.grab().toImage()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if (c := image.pixelColor(x, y)).red() > 180 and c.green() < 80 and c.blue() < 80)


@needs_dictionary
def test_one_line_fields_are_underlined_too(window, archive, qtbot, own_words):
    window.open_meeting(make_meeting(archive, titles=("A",)))
    title = window.editor.fields["title"].edit
    title.setText("Budgettet for næste år")
    assert _red_pixels(title) == 0
    title.setText("Budgettet for næstte år")
    assert _red_pixels(title) > 5


def test_a_house_style_placeholder_is_no_misspelling():
    from ui.speller import speller

    checker = speller()
    if not checker.available:
        pytest.skip("no Danish dictionary on this machine")
    text = "Beslutning i {committee} {weekday} den {date}, pkt. {extra.brevid} xqzvbn"
    wrong = [text[s : s + n] for s, n in checker.misspelled(text)]
    assert wrong == ["xqzvbn"]


@needs_dictionary
def test_a_word_added_while_a_closed_field_is_still_held_rechecks_the_rest(qtbot, own_words):
    """A field can be gone while Python still holds its highlighter (in a cycle the
    collector has not reached, or kept by a caller): Tilføj til ordbog rechecks every
    other field and does not stop at it."""
    import shiboken6
    from PySide6.QtWidgets import QPlainTextEdit

    from ui.spelling import attach, recheck_all

    gone, kept = QPlainTextEdit(), QPlainTextEdit()
    qtbot.addWidget(kept)
    for edit in (gone, kept):
        attach(edit)
        edit.setPlainText("Stevnsudvalgsgruppen mødes.")
    held = gone._spell_highlighter  # noqa: F841 - Python still holds it
    shiboken6.delete(gone)
    assert underlined(kept) == ["Stevnsudvalgsgruppen"]
    speller_module.speller().add("Stevnsudvalgsgruppen")
    recheck_all()
    assert underlined(kept) == []


@needs_dictionary
def test_a_right_click_opens_the_spelling_menu(window, archive, qtbot, own_words, monkeypatch):
    """As the secretary opens it: a context menu event on the field (a multi-line field's
    goes to its viewport), with the suggestions for the word under the mouse."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    from ui import spelling

    shown = []
    made = spelling.spelling_menu

    class Opened:  # the menu as made, not run: QMenu.exec would wait for a click
        def __init__(self, widget, pos):
            shown.append([action.text() for action in made(widget, pos).actions()])

        def exec(self, _where):
            pass

    monkeypatch.setattr(spelling, "spelling_menu", Opened)
    edit = _section(window, archive)
    title = window.editor.fields["title"].edit
    for field in (edit, title):  # else Qt's own menu would open, and wait for a click
        assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    edit.setPlainText("Udvalget tog sagen til efterretnig.")
    pos = edit.cursorRect(_cursor_at(edit, "efterretnig")).center()
    QApplication.sendEvent(edit.viewport(), QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, pos, edit.viewport().mapToGlobal(pos)))
    title.setText("Referat fra mødde")
    at = QPoint(title.cursorRect().center())
    QApplication.sendEvent(title, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, at, title.mapToGlobal(at)))
    assert len(shown) == 2
    assert shown[0][0] == "efterretning" and "Tilføj til ordbog" in shown[0]
    assert "møde" in shown[1]


@needs_dictionary
def test_a_field_of_a_dialog_of_qts_own_is_checked_once_it_has_the_keyboard(window, qtbot,
                                                                           own_words):
    from PySide6.QtWidgets import QInputDialog, QLineEdit

    from ui.spelling import checked

    dialog = QInputDialog(window)
    qtbot.addWidget(dialog)
    dialog.setLabelText("Overskrift:")
    dialog.show()
    field = dialog.findChild(QLineEdit)
    assert not checked(field)
    qtbot.waitUntil(lambda: checked(field))
