"""The open meeting's way through its steps, as the main window takes it: the next status
(held asks for the end time, signing is for good), the decision entry for a held meeting,
and a scanned protocol read into it from the menu or dropped on the window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from model import browse, meeting_setup
from model.errors import ReferentError
from ui import commands
from ui.signed import confirm_signing


class MeetingSteps:
    """Mixed into `MainWindow`: uses its `ws`, `meeting_id`, `editor`, `agenda`,
    `decision_entry` and `show_error`."""

    # -- the status ------------------------------------------------------------------

    def advance_status(self) -> None:
        if self.meeting_id is None:
            return
        self.editor.flush()
        view = self.ws.read(browse.meeting_view, self.meeting_id)
        following = meeting_setup.next_status(view.status)
        if following is None:
            return
        from model.meetings import STATUS_NAMES

        if following == "signed":
            if not confirm_signing(self, view.title):
                return
        elif following == "held":
            self._mark_held(self.tr("Sæt mødet til »%1«?").replace("%1", STATUS_NAMES[following]))
            return
        else:
            question = self.tr("Sæt mødet til »%1«?").replace("%1", STATUS_NAMES[following])
            if view.status == "draft":
                question += "\n\n" + self.tr(
                    "Punkternes numre ligger derefter fast; nye punkter får næste ledige nummer."
                )
            answer = QMessageBox.question(self, self.tr("Næste trin"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._step_status()

    def _mark_held(self, question: str) -> bool:
        """Marked held, the meeting is asked for the time it ended (may be left empty)."""
        from ui.dialogs.held_dialog import HeldDialog

        end = HeldDialog.ask(self.ws, self.meeting_id, question, self)
        return end is not None and self._step_status(end)

    def _step_status(self, end=meeting_setup.KEEP) -> bool:
        """The meeting one step on; an undoable step, except signing, which is for good."""
        before = self.ws.read(browse.meeting_view, self.meeting_id).end
        try:
            old, new = self.ws.write(meeting_setup.advance_status, self.meeting_id, end)
        except ReferentError as error:
            self.show_error(str(error))
            return False
        if new != "signed":  # signing is for good: no undo step takes it back
            ends = (meeting_setup.KEEP, meeting_setup.KEEP) if end is meeting_setup.KEEP else (
                before, self.ws.read(browse.meeting_view, self.meeting_id).end)
            self.ws.undo_stack.push(commands.StatusCommand(self.ws, self.meeting_id, old, new,
                                                           *ends))
        self.ws.meeting_changed.emit(self.meeting_id)
        return True

    def _held_for_entry(self) -> bool:
        """Decisions are entered for a held meeting: one whose agenda is out is offered to
        be marked held, instead of a refusal (the secretary comes back from the meeting)."""
        status = self.ws.read(browse.meeting_view, self.meeting_id).status
        if status != "agenda_published":
            return True
        return self._mark_held(self.tr(
            "Mødet står som »dagsorden udsendt«. Er mødet holdt?\n\n"
            "OK sætter det til »afholdt«, så beslutningerne kan indtastes."
        ))

    # -- decisions ---------------------------------------------------------------------

    def load_scan(self, paths=None) -> None:
        """Read a scanned protocol of the open meeting into proposals, then confirm them in
        the decision entry."""
        from ui import scan_import

        if self.meeting_id is None or self._signed:
            return
        paths = paths or scan_import.choose_files(self)
        if paths and scan_import.import_scan(self, self.meeting_id, paths):
            self.enter_decisions()

    def dragEnterEvent(self, event) -> None:  # noqa: N802
        from ui.scan_import import dropped_files

        if self.meeting_id is not None and dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        from ui.scan_import import dropped_files

        paths = dropped_files(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.load_scan(paths)

    def enter_decisions(self) -> None:
        """The entry mode for the open meeting (held, approved, or signed: then read-only)."""
        from ui.decision_entry import DecisionEntryWindow

        if self.meeting_id is None:
            return
        self.editor.flush()
        if not self._held_for_entry():
            return
        if self.decision_entry is not None:
            self.decision_entry.close()
        try:
            entry = DecisionEntryWindow(self.ws, self.meeting_id, self)
        except ReferentError as error:
            self.show_error(str(error))
            return
        entry.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        entry.destroyed.connect(lambda _o=None: setattr(self, "decision_entry", None))
        entry.finished.connect(lambda _r: setattr(self, "decision_entry", None))
        self.decision_entry = entry
        # It starts at the first item without a decision; with none left (or a signed
        # meeting, to add a correction), at the item chosen in the agenda.
        item_id = self.agenda.current_item()
        if not entry.entry.missing and item_id is not None and entry.entry.go_to(item_id):
            entry.show_current()
        entry.show()
        entry.activateWindow()

    def add_correction(self) -> None:
        """A dated correction to the chosen item's decision (the decision entry's form)."""
        self.enter_decisions()
        if self.decision_entry is not None:
            self.decision_entry.add_correction()
