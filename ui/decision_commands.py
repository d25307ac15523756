"""Undoable steps of the decision entry mode: a decision set back and forth, follow-ups
added, removed or answered, a correction added (and taken back the same day)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from model import decisions, follow_ups
from model.decisions import DecisionChange
from ui.commands import _Command
from ui.typing_run import same_run
from ui.workspace import Workspace

MERGE_DECISION_TEXT = 1002


def _changed(ws: Workspace, meeting_id: int, item_id: int) -> None:
    ws.item_changed.emit(item_id)
    ws.agenda_changed.emit(meeting_id)


class DecisionCommand(_Command):
    """The decision before and after one step; the saves of one run of typing in one
    decision are one step (`run`: ui.typing_run; 0 for a step that is not typing)."""

    part = "decision"

    def __init__(self, ws: Workspace, change: DecisionChange, text: str, run: int = 0):
        super().__init__(ws, text)
        self.change = change
        self.run = run

    def id(self) -> int:
        return MERGE_DECISION_TEXT if self.run else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, DecisionCommand) and same_run(other.run, self.run)
                and other.change.item_id == self.change.item_id):
            return False
        self.change = DecisionChange(
            self.change.item_id, self.change.meeting_id, self.change.before, other.change.after
        )
        return True

    def _set(self, state, leaving) -> None:
        """Set the decision to `state`, if it still is `leaving`: a decision another
        secretary has changed since is not overwritten by an undo (refused, said below)."""
        basis = decisions.Basis(-1, leaving)
        self.ws.write(decisions.restore, self.change.item_id, state, basis=basis)
        _changed(self.ws, self.change.meeting_id, self.change.item_id)

    def apply(self) -> None:
        self._set(self.change.after, self.change.before)

    def revert(self) -> None:
        self._set(self.change.before, self.change.after)


class FollowUpAddCommand(_Command):
    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, follow_up_id: int,
                 text: str):
        super().__init__(ws, text)
        self.meeting_id, self.item_id, self.follow_up_id = meeting_id, item_id, follow_up_id
        self.snapshot: tuple[dict[str, Any], int] | None = None

    def apply(self) -> None:
        self.follow_up_id = self.ws.write(follow_ups.restore_follow_up, *self.snapshot)
        _changed(self.ws, self.meeting_id, self.item_id)

    def revert(self) -> None:
        self.snapshot = self.ws.write(follow_ups.delete_follow_up, self.follow_up_id)
        _changed(self.ws, self.meeting_id, self.item_id)


class FollowUpRemoveCommand(FollowUpAddCommand):
    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, follow_up_id: int,
                 text: str, snapshot: tuple[dict[str, Any], int]):
        super().__init__(ws, meeting_id, item_id, follow_up_id, text)
        self.snapshot = snapshot

    def apply(self) -> None:
        super().revert()

    def revert(self) -> None:
        super().apply()


class FollowUpFieldsCommand(_Command):
    """Fields of a follow-up changed (answered, reopened, edited)."""

    adds_to_signed = True  # an answer often comes after the minutes are signed

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, follow_up_id: int,
                 old: dict[str, Any], new: dict[str, Any], text: str):
        super().__init__(ws, text)
        self.meeting_id, self.item_id, self.follow_up_id = meeting_id, item_id, follow_up_id
        self.old, self.new = old, new

    def _set(self, values: dict[str, Any]) -> None:
        self.ws.write(follow_ups.update_follow_up, self.follow_up_id, **values)
        _changed(self.ws, self.meeting_id, self.item_id)

    def apply(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)


class CorrectionCommand(_Command):
    """A dated correction; undo takes it back (the model allows that the same day only)."""

    adds_to_signed = True

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, correction_id: int,
                 text: str, date, label: str):
        super().__init__(ws, label)
        self.meeting_id, self.item_id, self.correction_id = meeting_id, item_id, correction_id
        self.text, self.date = text, date

    def apply(self) -> None:
        self.correction_id = self.ws.write(
            decisions.add_correction, self.item_id, self.text, self.date
        )
        _changed(self.ws, self.meeting_id, self.item_id)

    def revert(self) -> None:
        self.ws.write(decisions.remove_correction, self.correction_id)
        _changed(self.ws, self.meeting_id, self.item_id)
