"""Adding, reordering and deleting items, typing into them, and undo."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from tests.ui.helpers import make_meeting, section_texts, titles


def _open(window, archive, **kw):
    meeting_id = make_meeting(archive, **kw)
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    return meeting_id


def test_add_items_and_reorder_with_keys_and_drop(window, archive, qtbot):
    meeting_id = _open(window, archive)
    view = window.agenda.view
    window.agenda.select_item(window.agenda.model.rows[0].id)
    window.act_new_item.trigger()
    title = window.editor.fields["title"].edit
    assert title.hasFocus() or title.selectedText() == "Nyt punkt"
    title.selectAll()
    qtbot.keyClicks(title, "Budget 2021")
    qtbot.keyClick(title, Qt.Key.Key_Return)
    assert titles(archive, meeting_id) == [(1, "A"), (2, "Budget 2021"), (3, "B"), (4, "C")]
    assert window.agenda.model.rows[1].title == "Budget 2021"

    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(archive, meeting_id) == [(1, "Budget 2021"), (2, "A"), (3, "B"), (4, "C")]
    assert window.agenda.current_item() == window.agenda.model.rows[0].id

    # Drag "C" onto the top of the list.
    model = window.agenda.model
    data: QMimeData = model.mimeData([model.index(3, 0)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert [t for _n, t in titles(archive, meeting_id)] == ["C", "Budget 2021", "A", "B"]
    assert [n for n, _t in titles(archive, meeting_id)] == [1, 2, 3, 4]

    window.undo()  # the drop
    window.undo()  # the Ctrl+Up
    assert [t for _n, t in titles(archive, meeting_id)] == ["A", "Budget 2021", "B", "C"]
    window.redo()
    assert [t for _n, t in titles(archive, meeting_id)][0] == "Budget 2021"


def test_type_into_a_section_and_find_it_in_the_archive_then_undo(window, archive, qtbot,
                                                                   typing_clock):
    meeting_id = _open(window, archive)
    item_id = window.agenda.model.rows[0].id
    window.agenda.select_item(item_id)
    box = window.editor.section_boxes[0]
    box.edit.setFocus()
    qtbot.keyClicks(box.edit, "Formanden byder ")
    qtbot.keyClick(box.edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box.edit, "velkommen")
    # Saved by itself shortly after typing stops: no Save button.
    qtbot.waitUntil(lambda: section_texts(archive, item_id)[0] != "", timeout=20_000)
    assert section_texts(archive, item_id)[0] == "Formanden byder **velkommen**"
    qtbot.keyClicks(box.edit, " og tak")
    # One run of typing (no pause between the keys): one step, stored or not.
    window.undo()
    assert section_texts(archive, item_id)[0] == ""
    assert box.edit.markdown() == ""
    window.redo()
    assert section_texts(archive, item_id)[0] == "Formanden byder **velkommen og tak**"
    assert titles(archive, meeting_id)[0] == (1, "A")


def test_delete_and_undo_brings_the_item_back(window, archive, qtbot):
    meeting_id = _open(window, archive)
    window.agenda.select_item(window.agenda.model.rows[1].id)
    window.agenda.view.setFocus()
    qtbot.keyClick(window.agenda.view, Qt.Key.Key_Delete)
    assert titles(archive, meeting_id) == [(1, "A"), (2, "C")]
    window.undo()
    assert titles(archive, meeting_id) == [(1, "A"), (2, "B"), (3, "C")]
    assert window.editor.view.title == "B"


def test_empty_title_and_duplicate_number_are_refused_where_typed(window, archive, qtbot):
    meeting_id = _open(window, archive)
    title = window.editor.fields["title"]
    title.edit.selectAll()
    qtbot.keyClick(title.edit, Qt.Key.Key_Delete)
    title.commit()
    assert "tom" in title.error.text() and titles(archive, meeting_id)[0] == (1, "A")
    number = window.editor.fields["number"]
    assert number.edit.isReadOnly()  # a draft numbers itself
    window.advance_status()
    assert not window.editor.fields["number"].edit.isReadOnly()
    number.edit.setText("2")
    number.commit()
    assert "allerede brugt" in number.error.text()
    assert number.value() == "2"
    number.edit.setText("7")
    number.commit()
    assert number.error.text() == "" and titles(archive, meeting_id)[0][0] == 7


def test_three_hundred_items_load_quickly(window, archive):
    import time

    meeting_id = make_meeting(archive, titles=[f"Punkt {n}" for n in range(300)])
    window.ws.committees_changed.emit()
    start = time.perf_counter()
    window.open_meeting(meeting_id)
    assert time.perf_counter() - start < 1.0
    assert window.agenda.model.rowCount() == 300


def test_ctrl_z_in_a_text_field_undoes_through_the_program(window, archive, qtbot):
    _open(window, archive)
    item_id = window.agenda.model.rows[0].id
    box = window.editor.section_boxes[0]
    box.edit.setFocus()
    qtbot.keyClicks(box.edit, "Første udkast")
    box.edit.commit()
    assert section_texts(archive, item_id)[0] == "Første udkast"
    qtbot.keyClick(box.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert section_texts(archive, item_id)[0] == ""
    assert box.edit.markdown() == ""
    title = window.editor.fields["title"].edit
    title.setFocus()
    title.selectAll()
    qtbot.keyClicks(title, "Ny titel")
    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "A" and window.agenda.model.rows[0].title == "A"
    qtbot.keyClick(title, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "Ny titel" and window.agenda.model.rows[0].title == "Ny titel"
