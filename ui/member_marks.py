"""The members of an item as a table: not present, not taking part, and their votes,
set from the keyboard with one key each (and by clicking)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from model.decision_entry import MemberLine
from model.decisions import DecisionState

ABSENT, NOT_PARTICIPATING, VOTE = 1, 2, 3
VOTE_KEYS = {Qt.Key.Key_F: "for", Qt.Key.Key_I: "against", Qt.Key.Key_U: "abstain",
             Qt.Key.Key_0: None, Qt.Key.Key_Delete: None, Qt.Key.Key_Backspace: None}
VOTE_CYCLE = (None, "for", "against", "abstain")


class MemberMarksTable(QTableWidget):
    presence_toggled = Signal(int, str, bool)  # member id, "absent"/"not_participating", on
    vote_chosen = Signal(int, object)  # member id, "for"/"against"/"abstain"/None
    party_vote_chosen = Signal(str, object)  # party, vote or None
    refused = Signal()  # a key pressed while the meeting is locked

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setHorizontalHeaderLabels(
            [self.tr("Medlem"), self.tr("Ikke til stede"), self.tr("Deltog ikke"),
             self.tr("Stemme")]
        )
        self.verticalHeader().hide()
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as in every other field
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.rows: list[tuple[str, int | str]] = []  # ("member", id) or ("party", letter)
        self.locked = False
        self.cellClicked.connect(self._clicked)
        self.vote_names = {None: "", "for": self.tr("For"), "against": self.tr("Imod"),
                           "abstain": self.tr("Undlod")}

    def show_state(self, members: list[MemberLine], parties: list[str],
                   state: DecisionState, locked: bool, proposed: frozenset[int] = frozenset()
                   ) -> None:
        """`proposed`: members a scanned protocol ticks as not present, shown half ticked
        until the secretary takes the reading over (or ticks them)."""
        row_before = max(self.currentRow(), 0)
        self.locked = locked
        self.rows = [("member", m.id) for m in members] + [("party", p) for p in parties]
        self.setRowCount(len(self.rows))
        absent, away = set(state.members("absent")), set(state.members("not_participating"))
        for row, member in enumerate(members):
            name = member.name + (self.tr(" (fraværende hele mødet)") if member.away else "")
            if member.stands_in_for:
                name += self.tr(" – stedfortræder for %1").replace("%1", member.stands_in_for)
            self._cell(row, 0, name)
            self._check(row, ABSENT, member.id in absent)
            if member.id in proposed and member.id not in absent:
                self.item(row, ABSENT).setCheckState(Qt.CheckState.PartiallyChecked)
                self.item(row, ABSENT).setToolTip(self.tr("Afkrydset på den scannede protokol"))
            self._check(row, NOT_PARTICIPATING, member.id in away)
            self._cell(row, VOTE, self.vote_names[state.vote_of(member.id)])
        for offset, party in enumerate(parties):
            row = len(members) + offset
            self._cell(row, 0, self.tr("Hele parti %1").replace("%1", party))
            for column in (ABSENT, NOT_PARTICIPATING):
                self._cell(row, column, "")
            voters = [m.id for m in members if m.party == party and m.id not in absent | away]
            votes = {state.vote_of(m) for m in voters}
            self._cell(row, VOTE, self.vote_names[votes.pop()] if len(votes) == 1 else "")
        if self.rows:
            self.setCurrentCell(min(row_before, len(self.rows) - 1), 0)

    def fit_rows(self, most: int = 12) -> None:
        """As tall as its rows (up to `most`), so the lists below get the rest."""
        shown = min(self.rowCount(), most)
        height = self.horizontalHeader().height() + 2 * self.frameWidth()
        height += sum(self.rowHeight(row) for row in range(shown))
        self.setFixedHeight(height + 2)

    def _cell(self, row: int, column: int, text: str) -> QTableWidgetItem:
        cell = QTableWidgetItem(text)
        cell.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        self.setItem(row, column, cell)
        return cell

    def _check(self, row: int, column: int, on: bool) -> None:
        cell = self._cell(row, column, "")
        cell.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _checked(self, row: int, column: int) -> bool:
        return self.item(row, column).checkState() == Qt.CheckState.Checked

    # -- keys and clicks ---------------------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802
        row = self.currentRow()
        key = event.key()
        plain = not (event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                          | Qt.KeyboardModifier.AltModifier))
        handled = plain and row >= 0 and (
            key in (Qt.Key.Key_Space, Qt.Key.Key_D) or key in VOTE_KEYS
        )
        if not handled:
            super().keyPressEvent(event)
            return
        if self.locked:
            self.refused.emit()
            return
        if key == Qt.Key.Key_Space:
            self._toggle(row, ABSENT)
        elif key == Qt.Key.Key_D:
            self._toggle(row, NOT_PARTICIPATING)
        else:
            self._vote(row, VOTE_KEYS[key])
            # Votes are read off the paper one member after another: on to the next row.
            self.setCurrentCell(min(row + 1, self.rowCount() - 1), 0)

    def start_at_top(self) -> None:
        """A new item: the first vote key goes to the first member."""
        self.setCurrentCell(-1, -1)

    def _toggle(self, row: int, column: int) -> None:
        kind, ref = self.rows[row]
        if kind == "member":
            name = "absent" if column == ABSENT else "not_participating"
            self.presence_toggled.emit(ref, name, not self._checked(row, column))

    def _vote(self, row: int, vote: str | None) -> None:
        kind, ref = self.rows[row]
        if kind == "member":
            self.vote_chosen.emit(ref, vote)
        else:
            self.party_vote_chosen.emit(ref, vote)

    def _clicked(self, row: int, column: int) -> None:
        if self.locked:
            self.refused.emit()
        elif column in (ABSENT, NOT_PARTICIPATING):
            self._toggle(row, column)
        elif column == VOTE:
            names = {v: k for k, v in self.vote_names.items()}
            current = names.get(self.item(row, VOTE).text())
            following = VOTE_CYCLE[(VOTE_CYCLE.index(current) + 1) % len(VOTE_CYCLE)]
            self._vote(row, following)
