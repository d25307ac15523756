"""Edits the window bases on what it shows: one that meets a change another secretary
made since is refused with the reason, and nothing of theirs is lost."""

from __future__ import annotations

from sqlalchemy import select

from model.entities import Attachment, FollowUp, Item, Meeting

FAXE = "sagsbehandling-2020-04-21"  # an example meeting not signed


def _open(window, archive, ext_id: str = FAXE) -> list[int]:
    with archive.sessions() as s:
        mid = s.scalar(select(Meeting.id).where(Meeting.ext_id == ext_id))
    window.open_meeting(mid)
    return [row.id for row in window.agenda.model.rows]


def _with_bilag(archive, item_id: int) -> int:
    with archive.transaction() as s:
        item = s.get(Item, item_id)
        item.attachments.append(Attachment(title="Notat", filename="notat.pdf", content=b"%PDF"))
        s.flush()
        return item.attachments[-1].id


def test_removing_a_bilag_changed_since_is_refused(unsigned_examples_window, messages):
    window = unsigned_examples_window
    archive = window.ws.archive
    item_id = _open(window, archive)[1]
    bilag = _with_bilag(archive, item_id)
    window.agenda.select_item(item_id)
    editor = window.editor
    editor.attachments.setCurrentRow(editor.attachments.count() - 1)
    with archive.transaction() as s:  # another secretary renames it meanwhile
        s.get(Attachment, bilag).title = "Notat, rettet"

    editor.remove_attachment()

    assert any("ændret af en anden" in m for m in messages), messages
    with archive.sessions() as s:
        assert s.get(Attachment, bilag).title == "Notat, rettet"


def test_removing_a_bilag_nobody_changed_works(unsigned_examples_window, messages):
    window = unsigned_examples_window
    archive = window.ws.archive
    item_id = _open(window, archive)[1]
    bilag = _with_bilag(archive, item_id)
    window.agenda.select_item(item_id)
    editor = window.editor
    editor.attachments.setCurrentRow(editor.attachments.count() - 1)
    editor.remove_attachment()
    assert messages == []
    with archive.sessions() as s:
        assert s.get(Attachment, bilag) is None


def test_deleting_an_item_someone_just_edited_is_refused(unsigned_examples_window, messages):
    window = unsigned_examples_window
    archive = window.ws.archive
    item_id = _open(window, archive)[2]
    window.agenda.select_item(item_id)
    with archive.transaction() as s:
        s.get(Item, item_id).title = "Ny titel fra en kollega"

    window.delete_item()

    assert any("ændret af en anden" in m for m in messages), messages
    with archive.sessions() as s:
        assert s.get(Item, item_id).title == "Ny titel fra en kollega"


def test_own_title_typing_then_delete_is_not_a_conflict(unsigned_examples_window, messages,
                                                         qtbot):
    window = unsigned_examples_window
    archive = window.ws.archive
    item_id = _open(window, archive)[2]
    window.agenda.select_item(item_id)
    title = window.editor.fields["title"].edit
    qtbot.keyClicks(title, " (ændret)")
    window.editor.flush()

    window.delete_item()

    assert messages == []
    with archive.sessions() as s:
        assert s.get(Item, item_id) is None


def test_moving_in_an_agenda_changed_since_is_refused(unsigned_examples_window, messages):
    window = unsigned_examples_window
    archive = window.ws.archive
    rows = _open(window, archive)
    window.agenda.select_item(rows[1])
    with archive.transaction() as s:  # another secretary moved the last item first
        meeting = s.get(Item, rows[1]).meeting
        meeting.items.insert(0, meeting.items.pop())

    window.move_item(1)

    assert any("ændret af en anden" in m or "rækkefølge" in m for m in messages), messages
    with archive.sessions() as s:
        order = [i.id for i in s.get(Item, rows[1]).meeting.items]
    assert order == [rows[-1], *rows[:-1]]


def test_reopening_a_follow_up_changed_since_is_refused(unsigned_examples_window, messages):
    from ui.follow_up_list import FollowUpList

    window = unsigned_examples_window
    archive = window.ws.archive
    with archive.transaction() as s:
        follow_up = s.scalars(select(FollowUp)).first()
        follow_up.status, follow_up.answer = "answered", "Svar"
        follow_up_id = follow_up.id
    panel = FollowUpList(window.ws, window)
    panel.answered.setChecked(True)  # answered ones are listed too
    panel.refresh()
    row = panel.rows.index(next(r for r in panel.rows if r.id == follow_up_id))
    panel.table.selectRow(row)
    with archive.transaction() as s:
        s.get(FollowUp, follow_up_id).answer = "Et bedre svar fra en kollega"

    panel.reopen()

    assert any("ændret af en anden" in m for m in messages), messages
    with archive.sessions() as s:
        assert s.get(FollowUp, follow_up_id).status == "answered"


def test_removing_a_follow_up_changed_since_is_refused(unsigned_examples_window):
    window = unsigned_examples_window
    archive = window.ws.archive
    _open(window, archive)
    with archive.sessions() as s:
        follow_up = s.scalars(select(FollowUp).join(Item).join(Meeting)
                              .where(Meeting.ext_id == FAXE)).first()
        follow_up_id, item_id = follow_up.id, follow_up.item_id
    window.enter_decisions()
    entry = window.decision_entry
    entry.entry.go_to(item_id)
    entry.show_current()
    entry.follow_list.setCurrentRow(0)
    with archive.transaction() as s:
        s.get(FollowUp, follow_up_id).text = "Spørgsmålet, præciseret af en kollega"

    entry.remove_follow_up()

    assert "ændret af en anden" in entry.message.text()
    with archive.sessions() as s:
        assert s.get(FollowUp, follow_up_id).text == "Spørgsmålet, præciseret af en kollega"
