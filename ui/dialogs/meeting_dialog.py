"""A meeting's details and attendance; for a new meeting also its committee.

Everything is checked before anything is stored; a refused value is shown
under its field and the dialog stays open with all that was typed.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from model import browse, committees, meeting_saving, meeting_setup
from model.checks import InputError
from model.errors import ReferentError
from model.meeting_saving import MeetingConflict
from ui import commands, table_rows
from ui.dialogs.conflict_dialog import KEEP_MINE, USE_THEIRS, ConflictDialog
from ui.keys import tab_moves_on
from ui.line_field import ErrorLabel, LineField
from ui.signed import LOCKED_STYLE, SignedBanner, meeting_signed, reason
from ui.workspace import Workspace

ATTENDANCE_NAMES = {"present": "Til stede", "absent": "Fraværende", "substituted": "Stedfortræder"}
MEMBER, STATUS, STAND_IN, NOTE = range(4)


class MeetingDialog(QDialog):
    def __init__(self, workspace: Workspace, meeting_id: int | None, committee_id: int | None,
                 parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.meeting_id = meeting_id
        self.committee_id = committee_id
        self.shown: meeting_saving.Details | None = None  # what a save is based on
        self.setWindowTitle(self.tr("Nyt møde") if meeting_id is None else self.tr("Mødet"))
        self.resize(640, 640)
        self.committee = QComboBox(self)
        for c in self.ws.read(browse.committees):
            self.committee.addItem(f"{c.name} ({c.short_name})", c.id)
        self.fields = {
            "date": LineField(self.tr("dd-mm-åååå"), self),
            "start": LineField(self.tr("tt:mm"), self),
            "end": LineField(self.tr("tt:mm (kan stå tom)"), self),
            "location": LineField(self.tr("f.eks. Mødelokale 1, Rådhuset"), self),
            "title": LineField(self.tr("tom: »Referat <udvalg> d. <dato>«"), self),
        }
        self.guests = QPlainTextEdit(self)
        self.guests.setPlaceholderText(self.tr("Én pr. linje, f.eks. Centerchef Jan Hansen"))
        self.guests.setMaximumHeight(70)
        self.notes = QPlainTextEdit(self)
        self.notes.setPlaceholderText(self.tr("F.eks. Mødet hævet kl. 11.45"))
        self.notes.setMaximumHeight(70)
        self.attendance = QTableWidget(0, 4, self)
        self.attendance.setHorizontalHeaderLabels(
            [self.tr("Medlem"), self.tr("Fremmøde"), self.tr("Stedfortræder"), self.tr("Note")]
        )
        for column in (MEMBER, STAND_IN, NOTE):
            self.attendance.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch
            )
        table_rows.fit_columns(self.attendance, 1)
        table_rows.tab_leaves(self.attendance)
        table_rows.show_rows(self.attendance, 5)
        self.attendance_error = ErrorLabel(self)
        self.error = ErrorLabel(self)

        form = QFormLayout()
        if meeting_id is None:
            form.addRow(self.tr("Udvalg"), self.committee)
        else:
            self.committee.hide()  # outside any layout it would be drawn over "Dato"
        form.addRow(self.tr("Dato"), self.fields["date"])
        form.addRow(self.tr("Starter kl."), self.fields["start"])
        form.addRow(self.tr("Slutter kl."), self.fields["end"])
        form.addRow(self.tr("Sted"), self.fields["location"])
        form.addRow(self.tr("Titel"), self.fields["title"])
        form.addRow(self.tr("Gæster"), self.guests)
        form.addRow(self.tr("Noter"), self.notes)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.banner = SignedBanner(self)
        self.banner.button.hide()  # corrections are added to decisions, not to these details
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addWidget(self.attendance, 1)
        layout.addWidget(self.attendance_error)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._load()
        self.committee.currentIndexChanged.connect(lambda _i: self._fill_attendance())
        self.signed = meeting_id is not None and self.ws.read(meeting_signed, meeting_id)
        if self.signed:
            self._lock()
        self.committee.currentIndexChanged.connect(lambda _i: self._propose_location())
        tab_moves_on(self)

    def _lock(self) -> None:
        """A signed meeting's details and attendance are shown, not changed."""
        self.banner.show()
        self.setStyleSheet(LOCKED_STYLE)
        for field in self.fields.values():
            field.setReadOnly(True)
        self.guests.setReadOnly(True)
        self.notes.setReadOnly(True)
        self.attendance.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r in range(self.attendance.rowCount()):
            self.attendance.cellWidget(r, STATUS).setEnabled(False)
            self.attendance.cellWidget(r, STAND_IN).setEnabled(False)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Luk"))

    def _load(self) -> None:
        if self.meeting_id is None:
            if self.committee_id is not None:
                self.committee.setCurrentIndex(max(0, self.committee.findData(self.committee_id)))
            self.fields["start"].set_value("")
            self._fill_attendance()
            self._propose_location()
            return
        m = self.ws.read(browse.meeting_view, self.meeting_id)
        self.shown = self.ws.read(meeting_saving.details, self.meeting_id)
        self.committee_id = m.committee_id
        self.fields["date"].set_value(f"{m.date:%d-%m-%Y}")
        self.fields["start"].set_value(f"{m.start:%H:%M}" if m.start else "")
        self.fields["end"].set_value(f"{m.end:%H:%M}" if m.end else "")
        self.fields["location"].set_value(m.location)
        self.fields["title"].set_value(self._own_title())
        self.guests.setPlainText("\n".join(m.guests))
        self.notes.setPlainText(m.notes or "")
        self._fill_attendance()

    def _propose_location(self) -> None:
        """A new meeting: where the committee met last, unless she has typed a place."""
        field = self.fields["location"]
        if field.value() not in ("", getattr(self, "_proposed", "")):
            return
        committee_id = self.committee.currentData()
        place = self.ws.read(meeting_setup.proposed_location, committee_id) if (
            committee_id is not None) else None
        self._proposed = place or ""
        field.set_value(self._proposed)

    def _own_title(self) -> str:
        return self.ws.read(lambda s: browse.get_meeting(s, self.meeting_id).title or "")

    def _fill_attendance(self) -> None:
        committee_id = self.committee.currentData() if self.meeting_id is None else (
            self.committee_id
        )
        if committee_id is None:
            return

        def rows(session):
            members = committees.get_committee(session, committee_id).members
            if self.meeting_id is None:
                found = [meeting_setup.AttendanceRow(m.id) for m in members
                         if m.role != meeting_setup.SUPPLEANT]
            else:
                found = meeting_setup.attendance_rows(session, self.meeting_id)
            names = {m.id: m.display_name for m in members}
            suppleants = [(m.display_name, m.id) for m in members
                          if m.role == meeting_setup.SUPPLEANT]
            return found, names, suppleants

        found, names, suppleants = self.ws.read(rows)
        self.rows = found
        self.attendance.setRowCount(len(found))
        for r, row in enumerate(found):
            name = QTableWidgetItem(names.get(row.member_id, "?"))
            name.setFlags(name.flags() & ~name.flags().ItemIsEditable)
            self.attendance.setItem(r, MEMBER, name)
            combo = QComboBox(self.attendance)
            for key, label in ATTENDANCE_NAMES.items():
                combo.addItem(self.tr(label), key)
            combo.setCurrentIndex(combo.findData(row.status))
            self.attendance.setCellWidget(r, STATUS, combo)
            stand_in = self._stand_in_choice(suppleants, combo)
            if row.status == "substituted":
                shown = names.get(row.substitute_member_id) or row.substitute or ""
                stand_in.setCurrentText(shown)
            self.attendance.setCellWidget(r, STAND_IN, stand_in)
            self.attendance.setItem(r, NOTE, QTableWidgetItem(row.note or ""))

    def _stand_in_choice(self, suppleants: list[tuple[str, int]], status: QComboBox
                         ) -> QComboBox:
        """The committee's suppleants to choose, or a new name to type (which makes them
        a suppleant on OK); choosing one makes the row a stand-in's."""
        choice = QComboBox(self.attendance)
        choice.setEditable(True)
        choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        choice.lineEdit().setPlaceholderText(self.tr("Vælg suppleant eller skriv navn"))
        choice.addItem("", None)
        for name, member_id in suppleants:
            choice.addItem(name, member_id)
        choice.setCurrentIndex(0)

        def chosen(text: str) -> None:
            if text.strip():
                status.setCurrentIndex(status.findData("substituted"))

        choice.currentTextChanged.connect(chosen)
        return choice

    def _wanted_attendance(self) -> list[meeting_setup.AttendanceRow]:
        wanted = []
        for r, row in enumerate(self.rows):
            status = self.attendance.cellWidget(r, STATUS).currentData()
            note = self.attendance.item(r, NOTE).text().strip() if self.attendance.item(
                r, NOTE) else ""
            choice = self.attendance.cellWidget(r, STAND_IN)
            text = " ".join(choice.currentText().split())
            if status != "substituted":
                wanted.append(meeting_setup.AttendanceRow(row.member_id, status,
                                                          note=note or None))
                continue
            if not text:
                raise InputError("attendance", self.tr(
                    "Vælg eller skriv stedfortræderen i rækken for %1."
                ).replace("%1", self.attendance.item(r, MEMBER).text()))
            index = choice.findText(text)
            member_id = choice.itemData(index) if index > 0 else None
            wanted.append(meeting_setup.AttendanceRow(
                row.member_id, status, None if member_id else text, member_id, note or None))
        return wanted

    def accept(self) -> None:
        if getattr(self, "signed", False):
            self.error.show_message(reason())
            return
        for field in self.fields.values():
            field.error.show_message(None)
        self.attendance_error.show_message(None)
        self.error.show_message(None)
        values = {name: field.value() for name, field in self.fields.items()}
        values["guests"] = self.guests.toPlainText().splitlines()
        values["notes"] = self.notes.toPlainText()
        try:
            attendance = self._wanted_attendance()
            with self.ws.archive.transaction() as session:
                if self.meeting_id is None:
                    self.committee_id = self.committee.currentData()
                    if self.committee_id is None:
                        raise InputError("committee", self.tr("Opret først et udvalg."))
                    meeting = meeting_setup.create_meeting(
                        session, self.committee_id, values["date"], values["start"],
                        values["location"], values["end"], values["title"],
                    )
                    meeting_id = meeting.id
                    meeting_setup.update_meeting(
                        session, meeting_id, guests=values["guests"], notes=values["notes"]
                    )
                    meeting_setup.set_attendance(session, meeting_id, attendance)
                    step = None
                else:
                    meeting_id = self.meeting_id
                    step = meeting_saving.save_step(
                        session, meeting_id, values, attendance, self.shown
                    )
        except MeetingConflict as refused:
            self._settle(refused)
            return
        except InputError as error:
            target = self.fields.get(error.field)
            if target is not None:
                target.refuse(str(error))
                target.edit.setFocus()
            elif error.field == "attendance":
                self.attendance_error.show_message(str(error))
            else:
                self.error.show_message(str(error))
            return
        except ReferentError as error:
            self.error.show_message(str(error))
            return
        self.meeting_id = meeting_id
        if step is not None and step.before != step.after:
            self.ws.undo_stack.push(commands.MeetingDetailsCommand(self.ws, meeting_id, step))
        super().accept()

    def _settle(self, refused: MeetingConflict) -> None:
        """Someone else changed the meeting since the dialog showed it: ask, then act."""
        choice = ConflictDialog.ask(self, refused)
        if choice == KEEP_MINE:  # OK again, now based on what the archive holds
            self.shown = refused.theirs_state
            self.accept()
        elif choice == USE_THEIRS:
            self._load()
            self.error.show_message(self.tr(
                "Dialogen viser nu arkivets udgave; tryk OK for at beholde den."
            ))
        else:
            self.error.show_message(str(refused))

    def date_edit(self) -> QLineEdit:
        return self.fields["date"].edit
