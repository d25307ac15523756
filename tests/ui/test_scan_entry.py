"""A scanned protocol read from the window: proposals beside the decision field, taken
over item by item with Alt+G; two ticked decisions are asked about, not guessed."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt

from model.decisions import state_of
from model.entities import Meeting
from tests.ui.keyboard import ALT, Keyboard
from tests.ui.test_decision_entry import held_meeting


def _scanned_protocol(archive, meeting_id, tmp_path):
    """The meeting's protocol printed, item 1 marked with one decision and a scribble,
    item 2 with two decisions, all scanned into one PDF; returns the marks and the file."""
    from exporters.render import render_protocol_pdf
    from model.protocol_pages import find
    from scanning.locate import find_code
    from tests.scanning.simulate import as_pdf, clean_pages, mark_page, scan

    rng = np.random.default_rng(5)
    with archive.sessions() as session:
        from model.meetings import load_meeting

        ext_id = session.get(Meeting, meeting_id).ext_id
        pdf = render_protocol_pdf(session, load_meeting(session, ext_id))
        marked = []
        for image in clean_pages(pdf):
            layout = find(session, find_code(image).identity.digest)
            number = len(marked)
            marked.append(mark_page(image, layout, rng, double=number == 2,
                                    scribble=number == 1))
    path = tmp_path / "scanning.pdf"
    path.write_bytes(as_pdf([scan(m.image, rng) for m in marked]))
    return marked, path


def test_a_scan_read_from_the_window_is_confirmed_per_item(window, archive, qtbot, messages,
                                                           tmp_path):
    _committee_id, meeting_id = held_meeting(archive)
    marked, path = _scanned_protocol(archive, meeting_id, tmp_path)
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    assert window.act_scan.isEnabled()
    window.load_scan([path])
    assert any("forslag gemt for 10 punkter og fremmødet" in m for m in messages)
    entry = window.decision_entry
    qtbot.waitUntil(lambda: entry is not None and entry.isVisible(), timeout=20_000)
    with archive.sessions() as session:
        assert all(i.decision is None for i in session.get(Meeting, meeting_id).items)

    first = marked[1]
    phrase = first.ticked[0] + "."
    panel = entry.scan_panel
    assert panel.isVisible()
    assert f"Afkrydset: {phrase}" in panel.reading.text()
    assert "Der er skrevet i beslutningsfeltet." in panel.reading.text()
    assert not panel.decision_image.pixmap().isNull()
    assert panel.decision_image.pixmap().width() == 420
    assert not panel.questions_image.pixmap().isNull()
    assert not panel.votes_image.pixmap().isNull()  # for, imod, undlod as written
    chosen = [b for b in entry.phrase_buttons if "border" in b.styleSheet()]
    assert [b.text().split("   ")[1] for b in chosen] == [phrase]

    by_ext = {m.ext_id: m.id for m in _members(archive, meeting_id)}
    proposed = {by_ext[m] for m in first.absent + marked[0].absent}
    half = {entry.marks.rows[row][1] for row in range(len(entry.entry.members))
            if entry.marks.item(row, 1).checkState() == Qt.CheckState.PartiallyChecked}
    assert half == proposed - set(entry.current.state.members("absent")) and half
    keys = Keyboard(entry)
    qtbot.waitUntil(lambda: keys.target() is entry.decision, timeout=20_000)
    before = _stored(archive, meeting_id)
    keys.key(Qt.Key.Key_G, ALT)
    with archive.sessions() as session:
        item = session.get(Meeting, meeting_id).items[0]
        state = state_of(item.decision)
        ext = {m.id: m.ext_id for m in item.meeting.committee.members}
    assert state.text == phrase
    away = {ext[m] for m in state.members("absent")}
    assert set(first.absent) | set(marked[0].absent) <= away
    # The reading is one step: one undo takes the phrase and the absences back together.
    window.undo()
    assert _stored(archive, meeting_id) == before
    window.redo()
    with archive.sessions() as session:
        assert state_of(session.get(Meeting, meeting_id).items[0].decision) == state

    entry.next_item()
    second = marked[2]
    assert len(second.ticked) == 2
    assert panel.question.isVisible()
    assert "Flere afgørelser er afkrydset" in panel.question.text()
    assert not [b for b in entry.phrase_buttons if "border" in b.styleSheet()]
    keys.key(Qt.Key.Key_G, ALT)
    with archive.sessions() as session:
        state = state_of(session.get(Meeting, meeting_id).items[1].decision)
    assert state is None or state.text == ""  # no decision guessed


def _stored(archive, meeting_id):
    with archive.sessions() as session:
        return state_of(session.get(Meeting, meeting_id).items[0].decision)


def _members(archive, meeting_id):
    with archive.sessions() as session:
        members = session.get(Meeting, meeting_id).committee.members
        for member in members:
            session.expunge(member)
        return members


def test_no_scan_is_read_into_a_signed_meeting(window, archive, qtbot):
    _committee_id, meeting_id = held_meeting(archive, status="signed")
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    assert not window.act_scan.isEnabled()


def test_a_scan_dropped_on_the_window_is_read(window, archive, qtbot, messages, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    _committee_id, meeting_id = held_meeting(archive)
    marked, path = _scanned_protocol(archive, meeting_id, tmp_path)
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "x.txt"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert any("forslag gemt for 10 punkter og fremmødet" in m for m in messages)
    qtbot.waitUntil(lambda: window.decision_entry is not None, timeout=20_000)
    assert window.decision_entry.scan_panel.isVisible()
    assert f"Afkrydset: {marked[1].ticked[0]}." in window.decision_entry.scan_panel.reading.text()
