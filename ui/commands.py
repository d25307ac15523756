"""Undoable changes: each wraps a model operation and the one that reverses it.

The change is made before the command is pushed (so a refused value never
reaches the stack); `redo` therefore skips its first call. Undo and redo show
what they change: the item (or the meeting) is selected, in whichever meeting
it lives, and a step on a signed meeting is refused with the reason.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from model import (
    agenda,
    cases,
    committees,
    decision_phrases,
    item_edit,
    meeting_saving,
    meeting_setup,
    snapshots,
)
from model.errors import ReferentError
from ui.signed import meeting_signed, reason
from ui.typing_run import same_run
from ui.workspace import Workspace

MERGE_TEXT = 1001
MERGE_FIELD = 1003


def tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class _Command(QUndoCommand):
    # A dated correction is the one change a signed meeting takes (and may take back).
    adds_to_signed = False
    # Which part of the item the step changes, for the editor to scroll to (ItemEditor.reveal).
    part: str | None = None

    def __init__(self, workspace: Workspace, text: str):
        super().__init__(text)
        self.ws = workspace
        self._done = True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def where(self) -> tuple[int | None, int | None]:
        """The meeting and the item the step changes (None: not one meeting, or not one item)."""
        change = getattr(self, "change", None)
        if change is not None:
            return change.meeting_id, change.item_id
        return getattr(self, "meeting_id", None), getattr(self, "item_id", None)

    def _guarded(self, action) -> None:
        meeting_id, item_id = self.where()
        try:
            if meeting_id is not None and not self.adds_to_signed and self.ws.read(
                meeting_signed, meeting_id
            ):
                self.setObsolete(True)  # never possible again: the stack lets it go
                raise ReferentError(reason())
            action()
        except ReferentError as error:
            self._show(meeting_id, item_id)
            self.ws.failed.emit(str(error))
            return
        self._show(meeting_id, item_id)

    def _show(self, meeting_id: int | None, item_id: int | None) -> None:
        """Never change something out of sight: select what the step changed."""
        if meeting_id is None:
            return
        if item_id is None:
            self.ws.show_meeting.emit(meeting_id)
        else:
            self.ws.select_item.emit(meeting_id, item_id)
            if self.part:
                self.ws.show_part.emit(item_id, self.part)

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError



class _ValueCommand(_Command):
    """A change of one value: redo sets `new`, undo sets `old`, through `_set`."""

    old: Any
    new: Any

    def _set(self, value: Any) -> None:
        raise NotImplementedError

    def apply(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)

class ItemFieldCommand(_ValueCommand):
    """One field of an item (title, closed, journal number ...)."""

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, field: str, old: Any,
                 new: Any, label: str, run: int = 0):
        super().__init__(ws, tr("Ret %1").replace("%1", label))
        self.meeting_id, self.item_id, self.field = meeting_id, item_id, field
        self.old, self.new = old, new
        self.run = run  # the run of typing it came from: one run, one step
        self.part = field

    def id(self) -> int:
        return MERGE_FIELD

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, ItemFieldCommand) and other.item_id == self.item_id
                and other.field == self.field and same_run(other.run, self.run)):
            return False
        self.new = other.new
        return True

    def _set(self, value: Any) -> None:
        self.ws.write(item_edit.set_item_field, self.item_id, self.field, value)
        self.ws.item_changed.emit(self.item_id)
        self.ws.agenda_changed.emit(self.meeting_id)


class TextCommand(_ValueCommand):
    """A section's or a decision's text; the saves of one run of typing are one step."""

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, target: tuple[str, int],
                 old: str, new: str, label: str, run: int = 0):
        super().__init__(ws, tr("Skriv i %1").replace("%1", label))
        self.meeting_id, self.item_id, self.target = meeting_id, item_id, target
        self.old, self.new = old, new
        self.run = run
        self.part = "decision" if target[0] == "decision" else f"section:{target[1]}"

    def id(self) -> int:
        return MERGE_TEXT

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802
        if not (isinstance(other, TextCommand) and other.target == self.target
                and same_run(other.run, self.run)):
            return False
        self.new = other.new
        return True

    def _set(self, value: str) -> None:
        kind, target_id = self.target
        if kind == "section":
            self.ws.write(item_edit.set_section_text, target_id, value)
        else:
            self.ws.write(item_edit.set_decision_text, target_id, value)
            self.ws.agenda_changed.emit(self.meeting_id)
        self.ws.item_changed.emit(self.item_id)


class AddItemCommand(_Command):
    """A new item (or one carried over); undo deletes it, redo puts the same item back."""

    def __init__(self, ws: Workspace, change: agenda.AgendaChange, text: str):
        super().__init__(ws, text)
        self.change = change
        self.snapshot: dict | None = None

    def apply(self) -> None:
        self.ws.write(agenda.restore_item, self.snapshot, self.change.index)
        self.ws.agenda_changed.emit(self.change.meeting_id)

    def revert(self) -> None:
        removed = self.ws.write(agenda.delete_item, self.change.item_id)
        self.snapshot = removed.snapshot
        self.ws.agenda_changed.emit(self.change.meeting_id)


class DeleteItemCommand(_Command):
    def __init__(self, ws: Workspace, change: agenda.AgendaChange, title: str):
        super().__init__(ws, tr("Slet punktet »%1«").replace("%1", title))
        self.change = change

    def apply(self) -> None:
        self.change = self.ws.write(agenda.delete_item, self.change.item_id)
        self.ws.agenda_changed.emit(self.change.meeting_id)

    def revert(self) -> None:
        self.ws.write(agenda.restore_item, self.change.snapshot, self.change.index)
        self.ws.agenda_changed.emit(self.change.meeting_id)


class MoveItemCommand(_Command):
    def __init__(self, ws: Workspace, change: agenda.AgendaChange, to_index: int):
        super().__init__(ws, tr("Flyt punkt"))
        self.change, self.to_index = change, to_index

    def _move(self, index: int) -> None:
        self.ws.write(agenda.move_item, self.change.item_id, index)
        self.ws.agenda_changed.emit(self.change.meeting_id)

    def apply(self) -> None:
        self._move(self.to_index)

    def revert(self) -> None:
        self._move(self.change.index)


class ItemCaseCommand(_ValueCommand):
    part = "case"

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, old: int | None,
                 new: int | None):
        super().__init__(ws, tr("Vælg sag"))
        self.meeting_id, self.item_id, self.old, self.new = meeting_id, item_id, old, new

    def _set(self, case_id: int | None) -> None:
        self.ws.write(cases.set_item_case, self.item_id, case_id)
        self.ws.item_changed.emit(self.item_id)


class _ChildCommand(_Command):
    """A child of an item added or removed: both directions are a remove and a restore,
    which puts the same record (same id, same place) back. Subclasses name the two
    model operations."""

    remove = staticmethod(lambda session, child_id: None)
    restore = staticmethod(lambda session, data, index: None)

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, child_id: int,
                 added: bool, text: str, snapshot: tuple | None = None):
        super().__init__(ws, text)
        self.meeting_id, self.item_id, self.child_id = meeting_id, item_id, child_id
        self.added = added
        self.snapshot = snapshot

    def _remove(self) -> None:
        self.snapshot = self.ws.write(self.remove, self.child_id)
        self._changed()

    def _restore(self) -> None:
        data, index = self.snapshot
        self.child_id = self.ws.write(self.restore, data, index)
        self._changed()

    def _changed(self) -> None:
        self.ws.item_changed.emit(self.item_id)

    def apply(self) -> None:
        self._restore() if self.added else self._remove()

    def revert(self) -> None:
        self._remove() if self.added else self._restore()


class AttachmentCommand(_ChildCommand):
    """A bilag added or removed."""

    part = "attachments"

    remove = staticmethod(item_edit.remove_attachment)
    restore = staticmethod(item_edit.restore_attachment)


class AttachmentFieldCommand(_ValueCommand):
    part = "attachments"

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, attachment_id: int,
                 field: str, old: Any, new: Any):
        super().__init__(ws, tr("Ret bilag"))
        self.meeting_id, self.item_id, self.attachment_id = meeting_id, item_id, attachment_id
        self.field, self.old, self.new = field, old, new

    def _set(self, value: Any) -> None:
        self.ws.write(item_edit.set_attachment_field, self.attachment_id, self.field, value)
        self.ws.item_changed.emit(self.item_id)


class PostponedCommand(_ValueCommand):
    part = "decision"

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, old: bool, new: bool):
        super().__init__(ws, tr("Udsat"))
        self.meeting_id, self.item_id, self.old, self.new = meeting_id, item_id, old, new

    def _set(self, value: bool) -> None:
        self.ws.write(item_edit.set_postponed, self.item_id, value)
        self.ws.item_changed.emit(self.item_id)
        self.ws.agenda_changed.emit(self.meeting_id)


class SectionCommand(_ChildCommand):
    """A section added or removed."""

    part = "sections"

    remove = staticmethod(item_edit.remove_section)
    restore = staticmethod(item_edit.restore_section)


def _advance_from(session, meeting_id: int, old: str, end=meeting_setup.KEEP
                  ) -> tuple[str, str]:
    """The status step again, only from the status it was taken from."""
    current = agenda.get_meeting(session, meeting_id).status
    if current != old:
        raise ReferentError(tr("Mødets status er ændret siden; trinnet gentages ikke."))
    return meeting_setup.advance_status(session, meeting_id, end)


class StatusCommand(_Command):
    """The meeting moved one status step on (marked held with its end time); undo sets
    the status, and the end time, it had."""

    def __init__(self, ws: Workspace, meeting_id: int, old: str, new: str,
                 end_before=meeting_setup.KEEP, end_after=meeting_setup.KEEP):
        super().__init__(ws, tr("Næste trin"))
        self.meeting_id, self.old, self.new = meeting_id, old, new
        self.end_before, self.end_after = end_before, end_after

    def _changed(self) -> None:
        self.ws.meeting_changed.emit(self.meeting_id)
        self.ws.agenda_changed.emit(self.meeting_id)

    def apply(self) -> None:
        self.ws.write(_advance_from, self.meeting_id, self.old, self.end_after)
        self._changed()

    def revert(self) -> None:
        self.ws.write(meeting_setup.set_status, self.meeting_id, self.old, self.end_before)
        self._changed()


class MeetingDetailsCommand(_Command):
    """One OK of the meeting dialog: details and attendance before and after, and the
    suppleants a typed stand-in added to the committee in the same step."""

    def __init__(self, ws: Workspace, meeting_id: int, step: meeting_saving.MeetingStep):
        super().__init__(ws, tr("Mødeoplysninger"))
        self.meeting_id, self.step = meeting_id, step

    def _changed(self) -> None:
        self.ws.meeting_changed.emit(self.meeting_id)
        self.ws.agenda_changed.emit(self.meeting_id)
        self.ws.committees_changed.emit()  # a new date may move the meeting in the tree

    def apply(self) -> None:
        """What another secretary has changed since is not overwritten (refused)."""
        self.step = self.ws.write(meeting_saving.redo_step, self.meeting_id, self.step)
        self._changed()

    def revert(self) -> None:
        self.ws.write(meeting_saving.undo_step, self.meeting_id, self.step)
        self._changed()


class CaseHistoryCommand(_Command):
    """The case's earlier decisions fetched into the item's prior decisions."""

    part = "prior"

    def __init__(self, ws: Workspace, meeting_id: int, item_id: int, added: list[int]):
        super().__init__(ws, tr("Hent sagens tidligere beslutninger"))
        self.meeting_id, self.item_id, self.added = meeting_id, item_id, added

    def _changed(self) -> None:
        self.ws.item_changed.emit(self.item_id)

    def apply(self) -> None:
        self.added = self.ws.write(cases.add_case_history, self.item_id)
        self._changed()

    def revert(self) -> None:
        self.ws.write(cases.remove_prior_decisions, self.item_id, self.added)
        self._changed()


def committee_state(session, committee_id: int) -> dict[str, Any]:
    """What the committee dialog changes, as plain data: fields, phrases and members."""
    committee = committees.get_committee(session, committee_id)
    return {
        "fields": {f: _copy(getattr(committee, f)) for f in committees.COMMITTEE_FIELDS},
        "phrases": _copy(committee.decision_phrases),
        "members": [snapshots.snapshot(m) for m in committee.members],
    }


def _copy(value: Any) -> Any:
    if isinstance(value, list):
        return [dict(v) if isinstance(v, dict) else v for v in value]
    return value


def _set_committee_state(session, committee_id: int, state: dict[str, Any]) -> None:
    committee = committees.get_committee(session, committee_id)
    committees.update_committee(session, committee_id, **state["fields"])
    decision_phrases.set_phrases(session, committee_id, state["phrases"])
    wanted = {data["columns"]["id"]: data for data in state["members"]}
    for member in list(committee.members):
        if member.id not in wanted:
            committees.remove_member(session, member.id)
    present = {m.id: m for m in committee.members}
    order = []
    for member_id, data in wanted.items():
        member = present.get(member_id)
        if member is None:
            member = snapshots.rebuild(data)
            committee.members.append(member)
        else:
            committees.update_member(
                session, member_id, **{f: data["columns"][f] for f in committees.MEMBER_FIELDS}
            )
        order.append(member)
    committee.members.sort(key=order.index)
    committee.members.reorder()
    session.flush()


class CommitteeCommand(_Command):
    """One save of the committee dialog: the committee and its members before and after."""

    def __init__(self, ws: Workspace, committee_id: int, old: dict[str, Any],
                 new: dict[str, Any]):
        super().__init__(ws, tr("Udvalget »%1«").replace("%1", new["fields"]["name"]))
        self.committee_id, self.old, self.new = committee_id, old, new

    def _set(self, state: dict[str, Any]) -> None:
        self.ws.write(_set_committee_state, self.committee_id, state)
        self.ws.committees_changed.emit()

    def apply(self) -> None:
        self._set(self.new)

    def revert(self) -> None:
        self._set(self.old)
