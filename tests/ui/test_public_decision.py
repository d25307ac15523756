"""The public decision text of a closed item in the item editor and the entry mode; the
export and publish dialogs ask before a public referat that lacks one; the committee's
setting for questions in the referat; search results that say where they were found."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from model.entities import Committee, Item
from tests.ui.test_decision_entry import open_entry

MEETING = "oeu-2026-09-30"


def _ids(window, ext_id: str) -> tuple[int, int]:
    return window.ws.read(lambda s: tuple(s.execute(
        select(Item.meeting_id, Item.id).where(Item.ext_id == ext_id)).one()))


def _public_text(window, item_id: int):
    def read(session):
        decision = session.get(Item, item_id).decision
        return decision.public_text if decision else None
    return window.ws.read(read)


def _show(window, ext_id: str) -> int:
    meeting_id, item_id = _ids(window, ext_id)
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    window.agenda.select_item(item_id)
    return item_id


def test_the_item_editor_has_the_field_for_closed_items_only(unsigned_examples_window, qtbot,
                                                              typing_clock):
    window = unsigned_examples_window
    field = window.editor.public_decision.field
    item_id = _show(window, f"{MEETING}-303")
    assert field.isVisible()
    assert field.edit.markdown() == "Økonomiudvalget besluttede at sælge grunden."
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "Grunden sælges til højestbydende.")
    qtbot.waitUntil(lambda: _public_text(window, item_id) == "Grunden sælges til højestbydende.",
                    timeout=20_000)
    window.undo()
    assert _public_text(window, item_id) == "Økonomiudvalget besluttede at sælge grunden."
    assert field.edit.markdown() == "Økonomiudvalget besluttede at sælge grunden."
    window.redo()
    assert _public_text(window, item_id) == "Grunden sælges til højestbydende."

    open_id = _show(window, f"{MEETING}-304")
    assert not field.isVisible()
    window.editor.closed.setChecked(True)  # closing the item offers the field at once
    assert field.isVisible()
    window.editor.closed.setChecked(False)
    assert not field.isVisible() and _public_text(window, open_id) is None


def test_a_public_text_changed_by_another_is_not_overwritten(unsigned_examples_window, qtbot,
                                                             monkeypatch):
    from model import item_edit
    from ui.dialogs import conflict_dialog

    window = unsigned_examples_window
    item_id = _show(window, f"{MEETING}-303")
    with window.ws.archive.transaction() as s:  # another secretary, meanwhile
        item_edit.set_public_text(s, item_id, "Deres tekst.", None)
    asked = []
    monkeypatch.setattr(conflict_dialog.ConflictDialog, "ask",
                        staticmethod(lambda parent, conflict: asked.append(conflict) or None))
    field = window.editor.public_decision.field
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "Min tekst.")
    field.edit.commit()
    assert asked and asked[0].theirs == "Deres tekst."
    assert _public_text(window, item_id) == "Deres tekst."
    assert "ændret af en anden" in field.error.text()
    assert field.edit.markdown() == "Min tekst."  # what was typed stays


def test_the_entry_mode_has_the_field_under_a_closed_items_decision(
        unsigned_examples_window, qtbot):
    window = unsigned_examples_window
    meeting_id, item_id = _ids(window, f"{MEETING}-303")
    window.ws.committees_changed.emit()
    _keys, entry = open_entry(window, meeting_id, qtbot)
    entry.entry.go_to(item_id)
    entry.show_current()
    assert entry.public.isVisible()
    assert entry.public.edit.markdown() == "Økonomiudvalget besluttede at sælge grunden."
    entry.public.edit.setFocus()
    entry.public.edit.selectAll()
    qtbot.keyClicks(entry.public.edit, "Salget er godkendt.")
    entry.public.edit.commit()
    assert _public_text(window, item_id) == "Salget er godkendt."
    window.undo()
    assert _public_text(window, item_id) == "Økonomiudvalget besluttede at sælge grunden."

    entry.entry.go_to(_ids(window, f"{MEETING}-304")[1])
    entry.show_current()
    assert not entry.public.isVisible()


def _without_public_text(window) -> int:
    meeting_id, item_id = _ids(window, f"{MEETING}-303")
    from model import item_edit

    with window.ws.archive.transaction() as s:
        item_edit.set_public_text(s, item_id, "", None)
    return meeting_id


def test_the_export_dialog_asks_before_a_public_referat_without_it(
        unsigned_examples_window, qtbot, tmp_path):
    from ui.dialogs.export_dialog import ExportDialog

    window = unsigned_examples_window
    meeting_id = _without_public_text(window)
    dialog = ExportDialog(window.ws, meeting_id, window)
    qtbot.addWidget(dialog)
    dialog.open_after.setChecked(False)
    dialog.public.setChecked(True)
    out = tmp_path / "offentlig.pdf"
    dialog.path.setText(str(out))
    asked = []
    dialog.confirm_public_texts = lambda warnings: asked.append(warnings) or False
    dialog.start()
    assert asked == [["Punkt 303 (lukket) har ingen offentlig beslutningstekst; den offentlige "
                      "udgave viser kun nummer og titel."]]
    assert not dialog.is_busy() and not out.exists()

    dialog.confirm_public_texts = lambda warnings: True  # "Dan alligevel"
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert out.read_bytes().startswith(b"%PDF")

    asked.clear()  # the internal version prints the whole decision: nothing to ask
    dialog.confirm_public_texts = lambda warnings: asked.append(warnings) or False
    dialog.public.setChecked(False)
    dialog.path.setText(str(tmp_path / "intern.pdf"))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert asked == [] and (tmp_path / "intern.pdf").exists()


def test_the_publish_dialog_asks_before_writing(unsigned_examples_window, qtbot, tmp_path,
                                                monkeypatch):
    from ui.dialogs.publish_dialog import PublishDialog

    window = unsigned_examples_window
    _without_public_text(window)
    dialog = PublishDialog(window.ws, window)
    qtbot.addWidget(dialog)
    dialog.open_after.setChecked(False)
    out = tmp_path / "websted"
    dialog.folder.setText(str(out))
    asked = []
    monkeypatch.setattr(dialog, "ask_public_texts",
                        lambda warnings: asked.append(warnings) or False)
    dialog.start(allow_cpr=False)
    qtbot.waitUntil(lambda: bool(asked) and not dialog.is_busy(), timeout=60000)
    assert asked[0] == ["ØU 30.09.2026: Punkt 303 (lukket) har ingen offentlig "
                        "beslutningstekst; den offentlige udgave viser kun nummer og titel."]
    assert "Intet er udgivet" in dialog.error.text()
    assert not out.exists() or not any(out.iterdir())

    monkeypatch.setattr(dialog, "ask_public_texts", lambda warnings: True)
    dialog.start(allow_cpr=False)
    qtbot.waitUntil(lambda: (out / "index.html").exists() and not dialog.is_busy(),
                    timeout=60000)
    assert dialog.error.text() == ""


def test_the_committee_dialog_turns_questions_in_the_referat_off(examples_window, qtbot):
    from ui.dialogs.committee_dialog import CommitteeDialog

    window = examples_window
    committee_id = window.ws.read(lambda s: s.scalar(
        select(Committee.id).where(Committee.short_name == "ØU")))
    dialog = CommitteeDialog(window.ws, committee_id, window)
    qtbot.addWidget(dialog)
    assert dialog.follow_ups.isChecked()  # on by default
    dialog.follow_ups.setChecked(False)
    assert dialog.save()
    assert window.ws.read(lambda s: s.get(Committee, committee_id).follow_ups_in_minutes) is False
    window.undo()
    assert window.ws.read(lambda s: s.get(Committee, committee_id).follow_ups_in_minutes) is True


def test_a_search_result_says_it_was_found_in_a_question(examples_window, qtbot):
    window = examples_window
    qtbot.keyClicks(window.search_box, "fordelt på bydele")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    results = window.search_panel.results
    assert results.count() == 1
    assert results.item(0).text().splitlines()[1].strip() == (
        "Spørgsmål: Oversigt over anlægsønsker »fordelt« »på« »bydele« ønskes til næste møde.")
    window.search_panel._activated(results.item(0))
    assert window.editor.view.title == "Budget 2027 - 2. behandling"


def test_the_decision_and_its_public_text_are_saved_in_turn_without_a_question(
        unsigned_examples_window, qtbot, monkeypatch):
    """Both fields are the decision's row: one's save must neither stop the other nor let
    it overwrite a change it has not seen."""
    from model import item_edit
    from ui.dialogs import conflict_dialog

    window = unsigned_examples_window
    item_id = _show(window, f"{MEETING}-303")
    asked = []
    monkeypatch.setattr(conflict_dialog.ConflictDialog, "ask",
                        staticmethod(lambda parent, conflict: asked.append(conflict) or None))
    editor, public = window.editor, window.editor.public_decision.field.edit
    for field, text in ((editor.decision, "Buddet accepteres."), (public, "Grunden sælges."),
                        (editor.decision, "Buddet accepteres ikke."), (public, "Ikke solgt.")):
        field.selectAll()
        qtbot.keyClicks(field, text)
        field.commit()
    assert asked == []

    def stored(session):
        decision = session.get(Item, item_id).decision
        return decision.text, decision.public_text
    assert window.ws.read(stored) == ("Buddet accepteres ikke.", "Ikke solgt.")

    with window.ws.archive.transaction() as s:  # another secretary changes the public text
        item_edit.set_public_text(s, item_id, "Deres.", None)
    editor.decision.selectAll()
    qtbot.keyClicks(editor.decision, "Buddet er accepteret.")
    editor.decision.commit()  # the decision's text is saved: nobody else changed it
    public.selectAll()
    qtbot.keyClicks(public, "Min.")
    public.commit()  # but the public text is not written over theirs without a word
    assert [c.theirs for c in asked] == ["Deres."]
    assert window.ws.read(stored) == ("Buddet er accepteret.", "Deres.")
