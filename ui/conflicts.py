"""Saving one edited value against the version the editor showed, and settling a conflict.

A refused save never loses what was typed: the secretary chooses in ConflictDialog.
A row can move on for reasons that do not touch the edited value (another field,
a renumbering, a heading): when the archive still holds the value the editor
showed, nothing of anybody's is lost, so the save is simply repeated on the new
version without asking.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from model.errors import EditConflict
from model.saving import Saved
from ui.dialogs.conflict_dialog import KEEP_MINE, USE_THEIRS, ConflictDialog, shown
from ui.workspace import Workspace

SAVED, THEIRS, CANCELLED = "saved", "theirs", "cancelled"


@dataclass
class Outcome:
    kind: str  # SAVED, THEIRS or CANCELLED
    saved: Saved | None = None  # when SAVED
    conflict: EditConflict | None = None  # the last one met, if any
    version: int | None = None  # the version the editor's next edit of this value is based on


def save(ws: Workspace, operation: Callable[..., Saved], args: tuple, value: Any,
         expected: int, base: Any, parent, whole_row: bool = True) -> Outcome:
    """Run `operation(*args, value, expected)`; on a conflict, retry or ask.

    `base` is the value the editor showed before the typing. `whole_row`: the
    editor shows all of the row in this one field (a text), so after any save the
    next edit may be based on the row's new version; an item's fields share a
    row, and a field shown before someone else's save must not be based on it.
    """
    version, conflict = expected, None
    while True:
        try:
            saved = ws.write(operation, *args, value, version)
        except EditConflict as refused:
            conflict = refused
            if shown(refused.theirs) != shown(base):
                choice = ConflictDialog.ask(parent, refused)
                if choice == USE_THEIRS:
                    theirs = refused.current_version if whole_row else expected
                    return Outcome(THEIRS, conflict=refused, version=theirs)
                if choice != KEEP_MINE:
                    return Outcome(CANCELLED, conflict=refused, version=expected)
            version, base = refused.current_version, refused.theirs
            continue
        untouched = saved.previous_version == expected
        next_version = saved.version if whole_row or untouched else expected
        return Outcome(SAVED, saved, conflict, next_version)
