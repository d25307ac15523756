"""The open archive as the window sees it: operations in transactions, an undo stack,
and signals that say what changed so each view refreshes only what it shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from model.database import Archive

T = TypeVar("T")


class Workspace(QObject):
    agenda_changed = Signal(int)  # meeting id: items added, removed, moved or renumbered
    item_changed = Signal(int)  # item id: a field, section, decision or bilag
    meeting_changed = Signal(int)  # meeting id: details or status
    committees_changed = Signal()  # committees, members, or the list of meetings
    select_item = Signal(int, int)  # meeting id, item id: show this item (after undo, search)
    show_meeting = Signal(int)  # meeting id: show this meeting (after undo of its details)
    show_part = Signal(int, str)  # item id, part ("title", "section:12", "decision", ...)
    failed = Signal(str)  # a Danish message for the status bar or a message box

    def __init__(self, archive: Archive, parent: QObject | None = None):
        super().__init__(parent)
        self.archive = archive
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)

    def write(self, operation: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run a model operation as one committed transaction; its errors pass through."""
        with self.archive.transaction() as session:
            return operation(session, *args, **kwargs)

    def read(self, query: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.archive.sessions() as session:
            return query(session, *args, **kwargs)

    def close(self) -> None:
        self.archive.close()
