"""Keyboard first: Tab order, keys that work from every field, the help, decision entry."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDialog, QPlainTextEdit

from model.entities import Meeting
from tests.ui.helpers import make_meeting
from tests.ui.keyboard import ALT, CTRL, Keyboard
from tests.ui.test_decision_entry import held_meeting, open_entry


def _focus_chain(start, steps):
    seen = [start]
    widget = start
    for _ in range(steps):
        widget = widget.nextInFocusChain()
        seen.append(widget)
    return seen


def test_tab_goes_title_sections_decision_bilag(window, archive, qtbot):
    from model import item_edit

    meeting_id = make_meeting(archive, titles=("A",))
    with archive.transaction() as s:
        item = s.get(Meeting, meeting_id).items[0]
        for heading in ("Sagsfremstilling", "Indstilling", "Økonomi"):
            item_edit.add_section(s, item.id, heading)
    window.open_meeting(meeting_id)
    editor = window.editor
    title = editor.fields["title"].edit
    title.setFocus()
    keys = Keyboard(window)
    visited = []
    boxes = [b.edit for b in editor.section_boxes if b.isVisible()]
    for _ in range(len(boxes) + 4):
        keys.key(Qt.Key.Key_Tab)
        visited.append(QApplication.focusWidget())
    names = [b.accessibleName() for b in boxes]
    assert names[-3:] == ["Sagsfremstilling", "Indstilling", "Økonomi"]
    assert visited[:len(boxes)] == boxes
    assert visited[len(boxes)] is editor.decision
    assert editor.attachments in visited[len(boxes) + 1:]


def test_a_new_item_shows_its_title_selected(window, archive, qtbot):
    meeting_id = make_meeting(archive, titles=[f"Punkt {n}" for n in range(30)])
    window.open_meeting(meeting_id)
    window.agenda.select_item(window.agenda.model.rows[-1].id)
    bar = window.editor.scroll.verticalScrollBar()
    window.editor.decision.setFocus()
    bar.setValue(bar.maximum())
    window.agenda.view.setFocus()
    Keyboard(window).key(Qt.Key.Key_N, CTRL)
    title = window.editor.fields["title"].edit
    assert QApplication.focusWidget() is title
    assert title.selectedText() == "Nyt punkt"
    top = title.mapTo(window.editor.page, title.rect().topLeft()).y()
    assert bar.value() <= top  # the title is not scrolled out above


class _TakesCtrlE(QObject):
    """A field's own binding of Ctrl+E, as on Linux ("end of line"); offscreen has none."""

    def eventFilter(self, _watched, event):  # noqa: N802
        if event.type() == QEvent.Type.ShortcutOverride and (
            event.keyCombination().toCombined() == (CTRL | Qt.Key.Key_E).toCombined()
        ):
            event.accept()
            return True
        return False


def test_ctrl_e_exports_from_a_line_field_and_a_text(window, archive, qtbot, monkeypatch):
    opened = []
    monkeypatch.setattr(type(window), "export_document", lambda self: opened.append(1))
    window.act_export.triggered.disconnect()
    window.act_export.triggered.connect(lambda: window.export_document())
    window.open_meeting(make_meeting(archive, titles=("A",)))
    window.activateWindow()
    takes = _TakesCtrlE(window)
    for field in (window.editor.fields["title"].edit, window.editor.decision):
        field.installEventFilter(takes)
        field.setFocus()
        qtbot.waitUntil(lambda f=field: QApplication.focusWidget() is f)
        before = len(opened)
        Keyboard(window).key(Qt.Key.Key_E, CTRL)
        assert len(opened) == before + 1, field


def test_tab_leaves_the_text_boxes_of_dialogs(window, archive, qtbot):
    from ui.dialogs.committee_dialog import CommitteeDialog
    from ui.dialogs.meeting_dialog import MeetingDialog

    make_meeting(archive)
    window.ws.committees_changed.emit()
    for dialog in (CommitteeDialog(window.ws, None, window),
                   MeetingDialog(window.ws, None, None, window)):
        qtbot.addWidget(dialog)
        dialog.show()
        boxes = dialog.findChildren(QPlainTextEdit)
        assert boxes
        for box in boxes:
            box.setPlainText("")
            box.setFocus()
            qtbot.keyClick(box, Qt.Key.Key_Tab)
            assert "\t" not in box.toPlainText()
            assert QApplication.focusWidget() is not box


def test_f1_lists_every_shortcut_of_the_window(window, qtbot, monkeypatch):
    from ui import help
    from ui.decision_entry import KEY_HELP

    shown = {}
    monkeypatch.setattr(QDialog, "open", lambda d: shown.setdefault("d", d))
    Keyboard(window).key(Qt.Key.Key_F1)
    dialog = shown["d"]
    assert dialog.windowTitle() == "Tastaturgenveje"
    text = dialog.findChild(help.QTextBrowser).toPlainText()
    native = QKeySequence.SequenceFormat.NativeText
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if action.text() and help.shown_key(key):
                assert key.toString(native) in text, action.text()
    decisions_key = window.act_decisions.shortcut().toString(native)
    assert decisions_key in text and "Møde › Indtast beslutninger" in text
    assert "Fed" in text and "Ctrl+B" in text
    for keys, what in KEY_HELP:
        assert keys in text and what in text


def test_the_decision_window_names_all_its_keys(window, archive, qtbot):
    from PySide6.QtGui import QShortcut

    from ui.decision_entry import KEY_HELP

    _c, meeting_id = held_meeting(archive)
    _keys, entry = open_entry(window, meeting_id, qtbot)
    named = " ".join(keys for keys, _what in KEY_HELP)
    for shortcut in entry.findChildren(QShortcut):
        key = shortcut.key().toString()
        if key.startswith("Alt+") and key[-1].isdigit():
            continue  # Alt+1 … Alt+9
        assert key.replace("Del", "Del") in named.replace("Delete", "Del"), key


def test_guide_and_version(window, monkeypatch):
    from importlib import metadata

    from PySide6.QtWidgets import QMessageBox

    from ui import help

    shown = {}
    monkeypatch.setattr(QDialog, "open", lambda d: shown.setdefault("d", d))
    window.act_guide.trigger()
    guide = shown["d"].findChild(help.QTextBrowser).toPlainText()
    assert "Indtast beslutninger" in guide and "Dagsordenen" in guide
    about = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: about.append(text))
    window.act_about.trigger()
    assert metadata.version("referent") in about[0]


def test_entry_on_a_meeting_whose_agenda_is_out_offers_to_mark_it_held(
    window, archive, qtbot, messages
):
    from model import browse

    _c, meeting_id = held_meeting(archive, status="agenda_published")
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    window.act_decisions.trigger()  # `messages` answers the question yes
    assert window.ws.read(browse.meeting_view, meeting_id).status == "held"
    assert window.decision_entry is not None
    window.decision_entry.close()


def test_votes_go_down_the_members_from_the_first(window, archive, qtbot):
    from model import decisions

    _c, meeting_id = held_meeting(archive)
    keys, entry = open_entry(window, meeting_id, qtbot)
    entry.marks.setCurrentCell(3, 0)  # left on a lower row by the item before
    keys.key(Qt.Key.Key_Return, CTRL)
    keys.key(Qt.Key.Key_F, ALT)
    for key in (Qt.Key.Key_F, Qt.Key.Key_I, Qt.Key.Key_U):
        keys.key(key)
    item_id = entry.current.id
    state = window.ws.read(decisions.decision_state, item_id)
    members = entry.entry.members
    assert [state.vote_of(m.id) for m in members[:3]] == ["for", "against", "abstain"]
    assert entry.marks.currentRow() == 3


def test_all_decided_is_not_said_in_red(window, archive, qtbot):
    _c, meeting_id = held_meeting(archive)
    keys, entry = open_entry(window, meeting_id, qtbot)
    for _ in range(10):
        keys.key(Qt.Key.Key_1, ALT)
        keys.key(Qt.Key.Key_Return, CTRL)
    assert entry.message.text() == "Sidste punkt. Alle punkter har en beslutning."
    assert "b00020" not in entry.message.styleSheet()
    entry.close()
