"""The decision entry's additions to an item beyond its decision: protokoltilførsler,
questions and orders (spørgsmål og bestillinger), and dated corrections of signed minutes.
Each opens a small form over the entry window and is one step on the undo stack."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from model import decisions, follow_ups
from model.checks import parse_date
from model.errors import ReferentError
from ui.decision_commands import CorrectionCommand, FollowUpAddCommand, FollowUpRemoveCommand
from ui.dialogs.entry_forms import EntryForm, FormField


class EntryAdditions:
    """Mixed into `DecisionEntryWindow`: uses its `current` item, `entry`, `ws`, `message`,
    `notes` and `follow_list` widgets and its `_run`/`_apply` steps."""

    def _open_form(self, form: EntryForm) -> None:
        self.flush()
        self.form = form
        form.finished.connect(self._form_closed)
        form.open()

    def _form_closed(self, _result: int) -> None:
        self.form = None
        self.activateWindow()  # back to the decision, to go on typing
        self.focus_decision()

    def add_note(self) -> None:
        if self.current is None or self._refuse_locked():
            return
        choices = [(m.name, m.id) for m in self.entry.members]
        fields = [FormField("member", self.tr("Medlem"), "choice", choices=choices),
                  FormField("text", self.tr("Tilførsel"), "text")]

        def save(values) -> None:
            self._apply(decisions.add_minority_note, values["member"], values["text"],
                        label=self.tr("Protokoltilførsel"))

        self._open_form(EntryForm(self.tr("Protokoltilførsel"), fields, save, self))

    def remove_note(self) -> None:
        row = self.notes.currentRow()
        if row >= 0:
            self._run(decisions.remove_minority_note, row, label=self.tr("Fjern protokoltilførsel"))

    def add_follow_up(self) -> None:
        item = self.current
        if item is None or self._refuse_locked():
            return
        members = [m.name for m in self.entry.members]
        responsible = self.ws.read(follow_ups.responsible_names)
        fields = [
            FormField("text", self.tr("Spørgsmål eller bestilling"), "text"),
            FormField("asked_by", self.tr("Spurgt af"), completions=members),
            FormField("responsible", self.tr("Svarer"), completions=responsible,
                      placeholder=self.tr("f.eks. centerchefen")),
            FormField("due", self.tr("Frist"), placeholder=self.tr("dd-mm-åååå (kan stå tom)")),
        ]

        def save(values) -> None:
            follow_up_id = self.ws.write(
                follow_ups.add_follow_up, item.id, values["text"], values["asked_by"],
                values["responsible"], values["due"],
            )
            self._push_other(FollowUpAddCommand(
                self.ws, self.entry.meeting_id, item.id, follow_up_id,
                self.tr("Spørgsmål eller bestilling"),
            ))

        self._open_form(EntryForm(self.tr("Spørgsmål eller bestilling"), fields, save, self))

    def remove_follow_up(self) -> None:
        entry = self.follow_list.currentItem()
        item = self.current
        if entry is None or item is None:
            return
        follow_up_id = entry.data(Qt.ItemDataRole.UserRole)
        try:
            snapshot = self.ws.write(follow_ups.delete_follow_up, follow_up_id,
                                     entry.data(Qt.ItemDataRole.UserRole + 1))
        except ReferentError as error:
            self.message.show_message(str(error))
            return
        self._push_other(FollowUpRemoveCommand(
            self.ws, self.entry.meeting_id, item.id, follow_up_id,
            self.tr("Fjern spørgsmål"), snapshot,
        ))

    def add_correction(self) -> None:
        item = self.current
        if item is None:
            return
        if not self.entry.locked:
            self.message.show_message(self.tr(
                "Rettelser tilføjes, når referatet er underskrevet; indtil da rettes beslutningen."
            ))
            return
        fields = [FormField("date", self.tr("Dato"), value=f"{dt.date.today():%d-%m-%Y}"),
                  FormField("text", self.tr("Rettelse"), "text")]

        def save(values) -> None:
            date = parse_date("date", values["date"])
            correction_id = self.ws.write(decisions.add_correction, item.id, values["text"], date)
            self._push_other(CorrectionCommand(
                self.ws, self.entry.meeting_id, item.id, correction_id, values["text"], date,
                self.tr("Tilføj rettelse"),
            ))

        self._open_form(EntryForm(
            self.tr("Tilføj rettelse"), fields, save, self,
            intro=self.tr("Et underskrevet referat ændres ikke; rettelsen tilføjes med sin dato."),
        ))

    def _push_other(self, command) -> None:
        self._pushing = True
        try:
            self.ws.undo_stack.push(command)
            self.ws.item_changed.emit(self.current.id)
        finally:
            self._pushing = False
        self._reload_current(keep_text=True)
