"""Two secretaries on one item: a save based on a stale copy asks which version counts,
shows both, and overwrites nothing until the secretary has chosen."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from model import item_edit
from model.entities import Item
from tests.ui.helpers import item, make_meeting, section_texts
from ui.dialogs import conflict_dialog
from ui.dialogs.conflict_dialog import CANCEL, KEEP_MINE, USE_THEIRS, ConflictDialog


@pytest.fixture
def asked(monkeypatch):
    """Answers the conflict dialog with `asked.answer`; records what it was shown, and
    what `asked.stored()` (the archive, read as another program would) said at that moment."""

    class Asked(list):
        answer = CANCEL
        stored = staticmethod(lambda: None)

    record = Asked()

    def ask(_parent, conflict):
        record.append((conflict.mine, conflict.theirs, record.stored()))
        return record.answer

    monkeypatch.setattr(ConflictDialog, "ask", ask)
    return record


def _open_item(window, archive):
    meeting_id = make_meeting(archive)
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    item_id = window.agenda.model.rows[0].id
    window.agenda.select_item(item_id)
    return item_id


def _another_secretary(archive, operation, *args):
    with archive.transaction() as session:
        operation(session, *args)


def _type(qtbot, edit, text):
    edit.setFocus()
    qtbot.keyClicks(edit, text)


def test_section_changed_by_another_asks_and_keeps_mine_on_request(
    examples_window, archive, qtbot, asked
):
    window = examples_window
    item_id = _open_item(window, archive)
    box = window.editor.section_boxes[0]
    _another_secretary(archive, item_edit.set_section_text, box.section_id, "Deres tekst")
    asked.stored = lambda: section_texts(archive, item_id)[0]

    _type(qtbot, box.edit, "Min tekst")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)  # autosave met the conflict
    assert asked[0] == ("Min tekst", "Deres tekst", "Deres tekst")
    # Annullér: nothing written, mine stays in the field.
    assert section_texts(archive, item_id)[0] == "Deres tekst"
    assert box.edit.markdown() == "Min tekst"

    # The next save asks again; "Behold min udgave" writes mine over theirs.
    asked.answer = KEEP_MINE
    _type(qtbot, box.edit, " nu")
    qtbot.waitUntil(lambda: section_texts(archive, item_id)[0] == "Min tekst nu", timeout=20_000)
    assert asked[1] == ("Min tekst nu", "Deres tekst", "Deres tekst")

    # Further typing is based on my own save: no more questions.
    _type(qtbot, box.edit, "!")
    qtbot.waitUntil(lambda: section_texts(archive, item_id)[0] == "Min tekst nu!", timeout=20_000)
    assert len(asked) == 2
    window.undo()  # "!" came after a pause: a run of its own
    assert section_texts(archive, item_id)[0] == "Min tekst nu"
    window.undo()  # back to what the other secretary wrote
    assert section_texts(archive, item_id)[0] == "Deres tekst"


def test_section_changed_by_another_can_take_the_archives_version(
    examples_window, archive, qtbot, asked
):
    window = examples_window
    item_id = _open_item(window, archive)
    box = window.editor.section_boxes[0]
    _another_secretary(archive, item_edit.set_section_text, box.section_id, "Deres tekst")
    asked.answer = USE_THEIRS
    _type(qtbot, box.edit, "Min tekst")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=20_000)
    assert asked[0][:2] == ("Min tekst", "Deres tekst")
    assert box.edit.markdown() == "Deres tekst"
    assert section_texts(archive, item_id)[0] == "Deres tekst"

    _type(qtbot, box.edit, " og min")  # now based on theirs: saved without asking
    qtbot.waitUntil(lambda: section_texts(archive, item_id)[0] != "Deres tekst", timeout=20_000)
    assert len(asked) == 1 and section_texts(archive, item_id)[0].endswith(" og min")


def test_unrelated_change_to_the_row_does_not_ask(window, archive, qtbot, asked):
    item_id = _open_item(window, archive)
    box = window.editor.section_boxes[0]
    _another_secretary(archive, item_edit.set_section_heading, box.section_id, "Ny overskrift")
    _another_secretary(archive, item_edit.set_item_field, item_id, "presenters", "Jan")
    _type(qtbot, box.edit, "Min tekst")
    qtbot.waitUntil(lambda: section_texts(archive, item_id)[0] == "Min tekst", timeout=20_000)
    title = window.editor.fields["title"]
    title.edit.selectAll()
    _type(qtbot, title.edit, "Min titel")
    title.commit()
    assert asked == []
    assert (item(archive, item_id).title, item(archive, item_id).presenters) == ("Min titel", "Jan")


def test_title_and_decision_changed_by_another_ask_first(window, archive, qtbot, asked):
    item_id = _open_item(window, archive)
    _another_secretary(archive, item_edit.set_item_field, item_id, "title", "Deres titel")
    _another_secretary(archive, item_edit.set_decision_text, item_id, "Godkendt.")

    title = window.editor.fields["title"]
    title.edit.selectAll()
    _type(qtbot, title.edit, "Min titel")
    title.commit()
    assert asked[0][:2] == ("Min titel", "Deres titel")
    assert item(archive, item_id).title == "Deres titel"
    assert title.value() == "Min titel" and "ændret af en anden" in title.error.text()

    # Leaving the field is another save: it asks again, and this time takes theirs.
    asked.answer = USE_THEIRS
    _type(qtbot, window.editor.decision, "Udsat.")
    assert asked[1][:2] == ("Min titel", "Deres titel") and title.value() == "Deres titel"
    window.editor.decision.commit()
    assert asked[2][:2] == ("Udsat.", "Godkendt.")
    assert window.editor.decision.markdown() == "Godkendt."
    assert _decision_text(archive, item_id) == "Godkendt."


def _decision_text(archive, item_id):
    with archive.sessions() as session:
        return session.get(Item, item_id).decision.text


def test_dialog_shows_both_versions_and_reports_the_choice(qtbot):
    from model.errors import EditConflict

    conflict = EditConflict("Afsnittet »Indstilling«", "Min", "Deres", 1, 2)
    dialog = ConflictDialog(conflict)
    qtbot.addWidget(dialog)
    assert (dialog.mine.toPlainText(), dialog.theirs.toPlainText()) == ("Min", "Deres")
    assert dialog.mine.isReadOnly() and dialog.theirs.isReadOnly()
    buttons = {b.text(): b for b in dialog.findChildren(QPushButton)}
    assert set(buttons) >= {"Behold min udgave", "Brug arkivets udgave", "Annullér"}
    buttons["Brug arkivets udgave"].click()
    assert dialog.choice == conflict_dialog.USE_THEIRS


def test_one_question_at_a_time(window, archive, qtbot, asked, monkeypatch):
    item_id = _open_item(window, archive)
    box = window.editor.section_boxes[0]
    title = window.editor.fields["title"]
    _another_secretary(archive, item_edit.set_section_text, box.section_id, "Deres tekst")
    _another_secretary(archive, item_edit.set_item_field, item_id, "title", "Deres titel")
    title.edit.selectAll()
    qtbot.keyClicks(title.edit, "Min titel")  # typed, not yet saved
    open_dialogs = []

    def ask(_parent, conflict):
        open_dialogs.append(conflict)
        # The real dialog takes the focus, and the title field saves on losing it.
        title.commit()
        asked.append((conflict.mine, conflict.theirs, len(open_dialogs)))
        open_dialogs.pop()
        return KEEP_MINE

    monkeypatch.setattr(ConflictDialog, "ask", ask)
    _type(qtbot, box.edit, "Min tekst")
    box.edit.commit()
    assert section_texts(archive, item_id)[0] == "Min tekst"
    # The title waited for the first question to be answered, then asked its own.
    qtbot.waitUntil(lambda: item(archive, item_id).title == "Min titel", timeout=20_000)
    assert [(mine, depth) for mine, _theirs, depth in asked] == [
        ("Min tekst", 1), ("Min titel", 1)
    ]
