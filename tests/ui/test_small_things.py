"""Small things a secretary saw on her first day: words, boxes, tooltips and sizes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QSize, Qt
from sqlalchemy import select

from model.entities import Meeting

# A laptop's 1366×768 screen, less a task bar and the window's title bar.
USABLE = QSize(1366, 768 - 72)


def _meeting(window, status):
    return window.ws.read(lambda s: s.scalar(
        select(Meeting.id).where(Meeting.status == status).order_by(Meeting.id)))


def test_the_meeting_dialog_draws_no_committee_box_over_the_date(examples_window, qtbot):
    from ui.dialogs.meeting_dialog import MeetingDialog

    dialog = MeetingDialog(examples_window.ws, _meeting(examples_window, "signed"), None,
                           examples_window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.committee.isVisible()
    date = dialog.fields["date"]
    assert not any(
        child.isVisible() and child.geometry().intersects(date.geometry())
        for child in dialog.findChildren(type(dialog.committee)) if child.parent() is dialog
    )


def test_one_search_hit_is_one_punkt(examples_window):
    window = examples_window
    window.search_box.setText("personaleprofiler")
    window.run_search()
    assert window.search_panel.summary.text() == "1 punkt fundet for »personaleprofiler«"


def test_waiting_items_are_counted_in_danish_and_the_action_follows(window, qtbot):
    from model import item_edit, meeting_setup
    from tests.ui.helpers import make_meeting

    first = make_meeting(window.ws.archive, titles=("A", "B"))
    window.open_meeting(first)
    assert not window.agenda.waiting.isVisibleTo(window)
    assert not window.act_postponed.isEnabled()  # nothing waits: nothing to take
    with window.ws.archive.transaction() as s:
        meeting = s.get(Meeting, first)
        later = meeting_setup.create_meeting(s, meeting.committee_id, "2020-05-19", "17:00").id
        item_edit.set_postponed(s, meeting.items[0].id, True)
    window.ws.committees_changed.emit()
    window.open_meeting(later)
    assert window.agenda.waiting.text().startswith("1 udsat punkt venter")
    assert "(" not in window.agenda.waiting.text()
    assert window.act_postponed.isEnabled()
    with window.ws.archive.transaction() as s:
        item_edit.set_postponed(s, s.get(Meeting, first).items[1].id, True)
    window.agenda.refresh_waiting()
    assert window.agenda.waiting.text().startswith("2 udsatte punkter venter")


def test_the_agenda_counts_one_punkt(window):
    from tests.ui.helpers import make_meeting

    window.open_meeting(make_meeting(window.ws.archive, titles=("Eneste",)))
    assert window.agenda.count.text() == "1 punkt, 1 mangler beslutning"


def test_the_title_names_referent_once_as_the_platform_shows_it(window):
    from PySide6.QtWidgets import QApplication

    title = window.windowTitle()
    name = QApplication.applicationDisplayName()
    # Qt adds the display name unless the title already ends with it.
    shown = title if title.endswith(name) else f"{title} — {name}"
    assert shown.count("Referent") == 1
    assert str(window.ws.archive.path or "databaseserver") in title


def test_committee_and_meeting_names_have_tooltips(examples_window):
    model = examples_window.tree_model
    for row in range(model.rowCount()):
        committee = model.index(row, 0, QModelIndex())
        shown = committee.data(Qt.ItemDataRole.DisplayRole)
        assert committee.data(Qt.ItemDataRole.ToolTipRole) == shown


def test_member_tables_show_several_rows_and_whole_roles(examples_window, qtbot):
    from ui.dialogs.committee_dialog import CommitteeDialog

    dialog = CommitteeDialog(examples_window.ws, None, examples_window)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.members
    row_height = table.rowHeight(0)
    assert table.height() >= table.horizontalHeader().height() + 4 * row_height
    roles = [table.cellWidget(r, 2) for r in range(table.rowCount())]
    roles[0].setCurrentIndex(roles[0].findData("næstformand"))
    table.resizeColumnsToContents()
    needed = roles[0].fontMetrics().horizontalAdvance("Næstformand")
    assert table.columnWidth(2) > needed


@pytest.fixture
def dialogs_seen(monkeypatch):
    """Every dialog opened is recorded with its smallest usable size, and not run."""
    from PySide6.QtWidgets import QDialog

    seen: dict[str, QSize] = {}

    def record(dialog, *_args):
        dialog.adjustSize()
        seen[type(dialog).__name__ + ":" + dialog.windowTitle()] = dialog.minimumSizeHint()
        return 0

    monkeypatch.setattr(QDialog, "exec", record)
    monkeypatch.setattr(QDialog, "open", record)
    return seen


def test_every_dialog_fits_a_1366x768_screen(examples_window, dialogs_seen, qtbot):
    from ui.decision_entry import DecisionEntryWindow

    window = examples_window
    window.open_meeting(_meeting(window, "signed"))
    for action in (window.act_committees, window.act_new_meeting, window.act_details,
                   window.act_export, window.act_copy, window.act_restore):
        action.trigger()
    from ui.dialogs.postponed_dialog import take_postponed

    take_postponed(window.ws, window.meeting_id, 0, window)
    for status in ("minutes_approved", "signed"):
        entry = DecisionEntryWindow(window.ws, _meeting(window, status), window)
        qtbot.addWidget(entry)
        entry.show()
        dialogs_seen[f"decisions {status}"] = entry.minimumSizeHint()
        entry.add_correction() if entry.entry.locked else entry.add_note()
    assert len(dialogs_seen) >= 8, dialogs_seen
    too_big = {name: (size.width(), size.height()) for name, size in dialogs_seen.items()
               if size.width() > USABLE.width() or size.height() > USABLE.height()}
    assert not too_big


def test_the_window_shows_at_once_then_reopens_the_last_meeting(qtbot, examples_archive,
                                                                  messages):
    from tests.ui.conftest import _window

    first = _window(qtbot, examples_archive)
    meeting = _meeting(first, "signed")
    first.open_meeting(meeting)
    first.close()
    second = _window(qtbot, examples_archive)
    assert second.meeting_id is None  # on screen without waiting for the meeting
    qtbot.waitUntil(lambda: second.meeting_id == meeting)
    assert second.agenda.model.rows
    assert second.tree.currentIndex().isValid()
