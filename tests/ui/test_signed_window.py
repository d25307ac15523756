"""A signed meeting in the window: every editing action is disabled or refused with the
reason, the referat prints the same before and after, and only a dated correction is added.
Signing asks first and says what it means; Annullér leaves the status as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog

from model.entities import Item, Meeting
from tests.ui.signed_helpers import Answer, meeting_id, referat_text
from ui.confirm import ask as real_ask

BANNER = "Mødet er underskrevet. Referatet kan ikke ændres; tilføj en dateret rettelse."
BUDGET = "oeu-2026-09-30-302"  # four sections, two bilag and a decision


def _open_budget(window, archive):
    mid = meeting_id(archive)
    window.open_meeting(mid)
    with archive.sessions() as s:
        item_id = next(i.id for i in s.get(Meeting, mid).items if i.ext_id == BUDGET)
    window.open_item(mid, item_id)
    assert window.editor.view.id == item_id
    return mid, item_id


def _refused(messages, before: int) -> None:
    assert messages[before:] and all(m == BANNER for m in messages[before:]), messages[before:]


def test_every_editing_action_is_off_or_refused_and_the_referat_is_unchanged(
    examples_window, examples_archive, qtbot, messages, monkeypatch
):
    window, archive = examples_window, examples_archive
    printed = referat_text(archive)
    mid, item_id = _open_budget(window, archive)
    editor = window.editor

    # The agenda: nothing added, deleted, moved or taken in; the status has no next step.
    for action in (window.act_new_item, window.act_delete_item, window.act_up, window.act_down,
                   window.act_postponed, window.act_copy, window.act_status):
        assert not action.isEnabled(), action.text()
    for action in (window.act_decisions, window.act_details, window.act_export):
        assert action.isEnabled(), action.text()
    window.agenda.view.setFocus()
    for key, mods in ((Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier),
                      (Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)):
        qtbot.keyClick(window.agenda.view, key, mods)
    assert not window.agenda.step.isEnabled()
    model = window.agenda.model
    assert not model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not window.agenda.view.acceptDrops()
    # Even when asked directly (a drop, a slot), each is refused with the reason.
    before = len(messages)
    data = QMimeData()
    data.setData("application/x-referent-item", str(item_id).encode())
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    window.new_item()
    window.delete_item()
    window.move_item(1)
    window.copy_agenda()
    window.take_postponed()
    _refused(messages, before)

    # The item editor: read-only, with the banner; its buttons are off.
    assert editor.banner.isVisible() and editor.banner.label.text() == BANNER
    for name, field in editor.fields.items():
        assert field.edit.isReadOnly() or not field.isEnabled(), name
    title = editor.fields["title"].edit
    title.setFocus()
    qtbot.keyClicks(title, "X")
    editor.flush()
    assert not editor.toolbar.isEnabled()
    assert not editor.closed.isEnabled() and not editor.postponed.isEnabled()
    assert not editor.case_button.isEnabled() and not editor.prior_button.isEnabled()
    assert not editor.add_section_button.isEnabled()
    boxes = [b for b in editor.section_boxes if b.isVisible()]
    assert len(boxes) == 4
    for box in boxes:
        assert box.edit.isReadOnly() and not box.remove.isVisible()
    boxes[0].edit.setFocus()
    qtbot.keyClicks(boxes[0].edit, "Y")
    qtbot.keyClick(boxes[0].edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    boxes[0].edit.toggle_list(False)
    assert editor.decision.isReadOnly()
    for key, button in editor.attachment_buttons.items():
        assert button.isEnabled() == (key == "open"), key
    assert editor.attachments.count() == 2
    for row in range(editor.attachments.count()):
        assert not editor.attachments.item(row).flags() & Qt.ItemFlag.ItemIsUserCheckable
    editor.flush()
    # The editor's own slots refuse as well.
    before = len(messages)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Nyt bilag", True))
    editor.add_section("Økonomi")
    editor._remove_section(boxes[0].section_id)
    editor.attachments.setCurrentRow(0)
    editor.remove_attachment()
    editor.add_attachment_title()
    editor.fetch_history()
    editor.commit_field("title", "Andet")
    editor._closed_toggled(True)
    _refused(messages, before)
    assert not editor.closed.isChecked()  # a refused tick is taken back on the screen

    # The meeting dialog shows the details and attendance, and changes nothing.
    from ui.dialogs.meeting_dialog import MeetingDialog

    dialog = MeetingDialog(window.ws, mid, None, window)
    qtbot.addWidget(dialog)
    assert dialog.banner.isVisibleTo(dialog)
    assert all(f.edit.isReadOnly() for f in dialog.fields.values())
    assert dialog.guests.isReadOnly() and dialog.notes.isReadOnly()
    assert dialog.attendance.rowCount() > 0
    assert not any(dialog.attendance.cellWidget(r, 1).isEnabled()
                   for r in range(dialog.attendance.rowCount()))
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isVisibleTo(dialog)
    dialog.fields["location"].edit.setText("Et andet sted")
    dialog.accept()
    assert dialog.error.text() == BANNER and dialog.result() == 0

    with archive.sessions() as s:
        assert s.get(Item, item_id).title == "Budget 2027 - 2. behandling"
        assert s.get(Meeting, mid).status == "signed"
    assert referat_text(archive) == printed


def test_an_undo_of_a_step_from_before_the_signing_is_refused(
    unsigned_examples_window, unsigned_examples_archive, qtbot, messages
):
    """A step taken while the meeting was open is not undone once it is signed."""
    window, archive = unsigned_examples_window, unsigned_examples_archive
    mid, item_id = _open_budget(window, archive)
    with archive.transaction() as s:
        s.get(Meeting, mid).status = "minutes_approved"
    window.ws.meeting_changed.emit(mid)
    assert not window.editor.locked
    title = window.editor.fields["title"]
    title.edit.setText("Budget 2027, 2. behandling")
    title.commit()
    window.act_status.trigger()  # signs: the confirmation is answered yes here
    assert window.editor.locked and window.editor.banner.isVisible()
    printed = referat_text(archive)
    before = len(messages)
    stack = window.ws.undo_stack
    assert stack.count() == 1  # the signing itself is no step
    window.undo()  # the title's is refused, and dropped: it can never be undone now
    _refused(messages, before)
    assert stack.count() == 0 and not stack.canRedo()
    with archive.sessions() as s:
        assert s.get(Meeting, mid).status == "signed"
        assert s.get(Item, item_id).title == "Budget 2027, 2. behandling"
    assert referat_text(archive) == printed


def test_the_banner_adds_a_dated_correction(examples_window, examples_archive, qtbot):
    window, archive = examples_window, examples_archive
    _mid, item_id = _open_budget(window, archive)
    window.editor.banner.button.click()
    entry = window.decision_entry
    assert entry is not None and entry.current.id == item_id
    qtbot.waitUntil(lambda: entry.form is not None)
    form = entry.form
    form.widgets["text"].setPlainText("Beløbet er 2,4 mio. kr.")
    form.accept()
    with archive.sessions() as s:
        assert [c.text for c in s.get(Item, item_id).decision.corrections][-1] == (
            "Beløbet er 2,4 mio. kr."
        )


@pytest.mark.parametrize("button", ["Annullér", "Underskriv"])
def test_signing_asks_and_says_what_it_means(
    unsigned_examples_window, unsigned_examples_archive, qtbot, monkeypatch, button
):
    window, archive = unsigned_examples_window, unsigned_examples_archive
    monkeypatch.setattr("ui.confirm.ask", real_ask)
    mid, _item_id = _open_budget(window, archive)
    with archive.transaction() as s:
        s.get(Meeting, mid).status = "minutes_approved"
    window.ws.meeting_changed.emit(mid)
    assert window.act_status.isEnabled() and not window.editor.fields["title"].edit.isReadOnly()
    answer = Answer(button)
    window.agenda.step.click()
    assert answer.buttons == ["Underskriv", "Annullér"]
    assert "til underskrevet" in answer.text
    assert "forseglet" in answer.explanation and "daterede rettelser" in answer.explanation
    with archive.sessions() as s:
        status = s.get(Meeting, mid).status
    signed = button == "Underskriv"
    assert status == ("signed" if signed else "minutes_approved")
    assert window.editor.banner.isVisible() == signed
    assert window.act_new_item.isEnabled() != signed
    assert window.ws.undo_stack.count() == 0  # signing is for good: not a step to undo


def test_a_meeting_signed_meanwhile_by_another_program_refuses_the_typing(
    examples_window, examples_archive, qtbot, messages
):
    window, archive = examples_window, examples_archive
    mid = meeting_id(archive, "sagsbehandling-2020-04-21")
    window.open_meeting(mid)
    item_id = window.editor.view.id
    assert not window.editor.locked and not window.act_correction.isEnabled()
    with archive.transaction() as s:  # another secretary signs it
        s.get(Meeting, mid).status = "signed"
    printed = referat_text(archive, "sagsbehandling-2020-04-21")
    box = window.editor.section_boxes[0]
    box.edit.setFocus()
    qtbot.keyClicks(box.edit, "Sent tilføjet")
    before = len(messages)
    window.editor.flush()
    window.new_item()
    _refused(messages, before)
    assert window.editor.locked and window.editor.banner.isVisible()
    assert box.edit.isReadOnly() and not window.act_new_item.isEnabled()
    assert window.act_correction.isEnabled()
    with archive.sessions() as s:
        assert "Sent tilføjet" not in s.get(Item, item_id).sections[0].text
    assert referat_text(archive, "sagsbehandling-2020-04-21") == printed
