"""Undo that shows what it does: deleting an item asks and is undone whole; undo and
redo select the item they change, in another meeting too; one run of typing is one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from model import agenda, item_edit
from model.entities import Attachment, Item, Meeting, Section
from tests.ui.helpers import make_meeting, section_texts, titles
from tests.ui.signed_helpers import Answer, meeting_id
from ui.confirm import ask as real_ask

FAXE = "sagsbehandling-2020-04-21"  # minutes approved: editable


def _whole(archive, item_id):
    """An item as its referat would print it: place, number, sections, bilag, decision."""
    with archive.sessions() as s:
        item = s.get(Item, item_id)
        sections = [(x.heading, x.text) for x in s.scalars(
            select(Section).where(Section.item_id == item_id).order_by(Section.position))]
        bilag = [(a.title, a.closed) for a in s.scalars(
            select(Attachment).where(Attachment.item_id == item_id))]
        decision = item.decision.text if item.decision else None
        return (item.meeting.items.index(item), item.number, item.title, sections, bilag,
                decision)


def _activate(qtbot, window):
    """The window active again with the agenda in focus (offscreen, a closed question
    hands the activation back to no one)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=20_000)
    window.agenda.view.setFocus()


def test_delete_asks_first_and_undo_brings_back_all_of_the_item(
    examples_window, examples_archive, qtbot, monkeypatch
):
    window, archive = examples_window, examples_archive
    monkeypatch.setattr("ui.confirm.ask", real_ask)
    mid = meeting_id(archive, FAXE)
    window.open_meeting(mid)
    item_id = window.agenda.model.rows[2].id
    with archive.transaction() as s:
        item_edit.add_attachment(s, item_id, title="Profilbeskrivelser")
    whole = _whole(archive, item_id)
    assert whole[4] and whole[5] and len(whole[3]) == 2
    count = len(titles(archive, mid))
    window.agenda.select_item(item_id)
    window.agenda.view.setFocus()

    answer = Answer("Annullér")
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Delete)
    assert answer.buttons == ["Slet punktet", "Annullér"] and "Personaleprofiler" in answer.text
    assert len(titles(archive, mid)) == count

    answer = Answer("Slet punktet")
    _activate(qtbot, window)
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Delete)
    assert answer.text is not None
    assert len(titles(archive, mid)) == count - 1
    with archive.sessions() as s:
        assert s.get(Item, item_id) is None
    window.agenda.select_item(window.agenda.model.rows[0].id)
    _activate(qtbot, window)
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _whole(archive, item_id) == whole
    assert window.agenda.current_item() == item_id and window.editor.view.id == item_id


def _item_in(window, archive, mid, row):
    window.open_meeting(mid)
    item_id = window.agenda.model.rows[row].id
    window.agenda.select_item(item_id)
    return item_id


def test_undo_and_redo_select_the_item_they_change(window, archive, qtbot):
    mid = make_meeting(archive, titles=[f"Punkt {n}" for n in range(1, 61)])
    window.ws.committees_changed.emit()
    last = _item_in(window, archive, mid, 59)
    title = window.editor.fields["title"]
    title.edit.setText("Evt.")
    title.commit()
    first = _item_in(window, archive, mid, 0)
    view = window.agenda.view
    row_rect = view.visualRect(window.agenda.model.index(59, 0))
    assert not view.viewport().rect().intersects(row_rect)  # out of sight

    window.undo()
    assert titles(archive, mid)[59][1] == "Punkt 60"
    assert window.agenda.current_item() == last and window.editor.view.title == "Punkt 60"
    row_rect = view.visualRect(window.agenda.model.index(59, 0))
    assert view.viewport().rect().contains(row_rect)  # scrolled into view
    window.agenda.select_item(first)
    window.redo()
    assert window.agenda.current_item() == last and window.editor.view.title == "Evt."


def test_undo_opens_the_meeting_of_the_item_it_changes(window, archive, qtbot):
    one = make_meeting(archive)
    with archive.transaction() as s:
        committee_id = s.get(Meeting, one).committee_id
        from model import meeting_setup

        two = meeting_setup.create_meeting(s, committee_id, "2020-05-19", "17:00").id
        agenda.add_item(s, two, "Anden dagsorden")
    window.ws.committees_changed.emit()
    item_id = _item_in(window, archive, one, 1)
    box = window.editor.section_boxes[0]
    box.edit.setFocus()
    qtbot.keyClicks(box.edit, "Sagen i korte træk")
    window.open_meeting(two)  # leaving stores the typing
    assert section_texts(archive, item_id)[0] == "Sagen i korte træk"
    assert window.meeting_id == two

    window.undo()
    assert section_texts(archive, item_id)[0] == ""
    assert window.meeting_id == one and window.agenda.current_item() == item_id
    assert window.tree.currentIndex().data() is not None
    window.open_meeting(two)
    window.redo()
    assert window.meeting_id == one and window.editor.section_boxes[0].edit.markdown() == (
        "Sagen i korte træk"
    )


def _type_and_store(qtbot, archive, edit, text, item_id, expected):
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    qtbot.keyClicks(edit, text)
    qtbot.waitUntil(lambda: section_texts(archive, item_id)[0] == expected, timeout=20_000)


def test_two_runs_of_typing_are_two_steps(window, archive, qtbot, typing_clock):
    mid = make_meeting(archive)
    window.ws.committees_changed.emit()
    item_id = _item_in(window, archive, mid, 0)
    boxes = window.editor.section_boxes
    edit = boxes[0].edit
    # One run, stored twice by the autosave while the keys go on: one step.
    _type_and_store(qtbot, archive, edit, "Første", item_id, "Første")
    _type_and_store(qtbot, archive, edit, " løb", item_id, "Første løb")
    typing_clock.pause()  # a pause: what comes next is a run of its own
    _type_and_store(qtbot, archive, edit, ", andet", item_id, "Første løb, andet")
    boxes[1].edit.setFocus()  # leaving the field and coming back: a third run
    _type_and_store(qtbot, archive, edit, " og tredje", item_id, "Første løb, andet og tredje")

    window.undo()
    assert section_texts(archive, item_id)[0] == "Første løb, andet"
    window.undo()
    assert section_texts(archive, item_id)[0] == "Første løb"
    window.undo()
    assert section_texts(archive, item_id)[0] == ""
    assert edit.markdown() == ""
    window.redo()
    assert section_texts(archive, item_id)[0] == "Første løb"


def test_a_title_typed_in_one_run_is_one_step(window, archive, qtbot, typing_clock):
    mid = make_meeting(archive)
    window.ws.committees_changed.emit()
    _item_in(window, archive, mid, 0)
    title = window.editor.fields["title"].edit
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Bud")
    qtbot.waitUntil(lambda: titles(archive, mid)[0][1] == "Bud", timeout=20_000)
    qtbot.keyClicks(title, "get")
    qtbot.waitUntil(lambda: titles(archive, mid)[0][1] == "Budget", timeout=20_000)
    typing_clock.pause()
    qtbot.keyClicks(title, " 2021")
    window.undo()  # what is typed is stored first, as the run it is
    assert titles(archive, mid)[0][1] == "Budget"
    window.undo()
    assert titles(archive, mid)[0][1] == "A"


def test_decision_entry_typing_runs_and_undo_goes_back_to_the_item(
    window, archive, qtbot, typing_clock
):
    from tests.ui.keyboard import CTRL
    from tests.ui.test_decision_entry import decisions_of, held_meeting, open_entry

    _committee_id, mid = held_meeting(archive)
    keys, entry = open_entry(window, mid, qtbot)
    first = entry.current.id
    keys.type("Godkendt")
    qtbot.waitUntil(lambda: decisions_of(archive, mid)[0] is not None, timeout=20_000)
    typing_clock.pause()
    keys.type(" med en ændring")
    keys.key(Qt.Key.Key_Return, CTRL)  # on to the next item, which stores the typing
    assert decisions_of(archive, mid)[0].text == "Godkendt med en ændring"
    assert entry.current.id != first

    keys.key(Qt.Key.Key_Z, CTRL)  # the second run only, shown where it was typed
    assert decisions_of(archive, mid)[0].text == "Godkendt"
    assert entry.current.id == first and entry.decision.markdown() == "Godkendt"
    assert window.agenda.current_item() == first
    keys.key(Qt.Key.Key_Z, CTRL)
    assert decisions_of(archive, mid)[0] is None or decisions_of(archive, mid)[0].text == ""


def test_undo_scrolls_the_editor_to_the_part_it_changes(window, archive, qtbot):
    mid = make_meeting(archive)
    window.ws.committees_changed.emit()
    item_id = _item_in(window, archive, mid, 0)
    editor = window.editor
    boxes = [b for b in editor.section_boxes if b.isVisible()]
    long_text = "\n\n".join(f"Afsnit {n}." for n in range(40))
    with archive.transaction() as s:
        item_edit.set_section_text(s, boxes[0].section_id, long_text)
    editor.show_item(item_id)
    last = boxes[-1]
    last.edit.setFocus()
    qtbot.keyClicks(last.edit, "Til sidst")
    editor.flush()
    bar = editor.scroll.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0, timeout=20_000)
    bar.setValue(0)
    assert bar.maximum() > 0 and not last.visibleRegion().boundingRect().height()

    window.undo()
    assert section_texts(archive, item_id)[-1] == ""
    assert bar.value() > 0 and last.visibleRegion().boundingRect().height() > 0
