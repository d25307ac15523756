"""The middle pane: the meeting's heading, its status step, waiting items and the agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from model import browse, meeting_setup, words
from model.meetings import STATUS_NAMES
from ui.agenda_model import ITEM_ID_ROLE, AgendaModel
from ui.workspace import Workspace


class AgendaView(QTreeView):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRootIsDecorated(False)
        self.setUniformRowHeights(True)  # keeps 300 rows cheap to lay out
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDropIndicatorShown(True)
        self.setAllColumnsShowFocus(True)


class AgendaPane(QWidget):
    item_selected = Signal(object)  # item id or None
    details_requested = Signal()
    postponed_requested = Signal()
    status_requested = Signal()

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.meeting: browse.MeetingView | None = None
        self.waiting_count = 0  # postponed items waiting for an agenda
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.RichText)
        self.details = QPushButton(self.tr("Mødeoplysninger…"), self)
        self.details.clicked.connect(self.details_requested)
        self.step = QPushButton(self)
        self.step.clicked.connect(self.status_requested)
        self.waiting = QPushButton(self)
        self.waiting.setStyleSheet("text-align: left; padding: 4px;")
        self.waiting.clicked.connect(self.postponed_requested)
        self.waiting.hide()
        self.model = AgendaModel(workspace, self)
        self.view = AgendaView(self)
        self.view.setModel(self.model)
        header = self.view.header()
        header.setStretchLastSection(False)
        # Fixed widths: sizing columns to their contents asks every row, on every change.
        metrics = self.view.fontMetrics()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, sample in ((0, " Nr. 9999 "), (2, " Lukket "), (3, " Beslutning ")):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 12)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.count = QLabel(self)
        # Red when the daily check found the signed meeting changed after signing.
        self.seal_banner = QLabel(self)
        self.seal_banner.setWordWrap(True)
        self.seal_banner.setStyleSheet("background: #c62828; color: white; padding: 6px;")
        self.seal_banner.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.details)
        buttons.addWidget(self.step)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.seal_banner)
        layout.addWidget(self.title)
        layout.addLayout(buttons)
        layout.addWidget(self.waiting)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.show_meeting(None)

    def show_meeting(self, meeting_id: int | None, view: browse.MeetingView | None = None) -> None:
        """Show the meeting (`view`, if the caller has just read it)."""
        if view is None and meeting_id:
            view = self.ws.read(browse.meeting_view, meeting_id)
        self.meeting = view if meeting_id else None
        self.model.load(meeting_id)
        self._describe()
        self._show_seal(meeting_id)
        self.refresh_waiting()
        if self.model.rows:
            self.select_item(self.model.rows[0].id)
        else:
            self.item_selected.emit(None)

    def refresh_seal(self) -> None:
        """The seals were checked (in the background): show the current meeting's."""
        self._show_seal(self.meeting.id if self.meeting else None)

    def _show_seal(self, meeting_id: int | None) -> None:
        failure = self.ws.archive.seal_failures.get(meeting_id) if meeting_id else None
        if failure:
            detail = failure.split(": ", 1)[-1]
            self.seal_banner.setText(self.tr(
                "Mødet svarer ikke til sit segl: %1. Det underskrevne referat er ændret uden "
                "om Referent; dokumenterne dannes fortsat fra det underskrevne."
            ).replace("%1", detail))
        self.seal_banner.setVisible(bool(failure))

    def refresh(self) -> None:
        """The agenda changed: read it again and keep the current item selected."""
        current = self.current_item()
        self.model.refresh()
        if current is not None and self.model.row_of(current) >= 0:
            self.select_item(current, emit=False)
        elif current is not None:
            row = min(self.view.currentIndex().row(), len(self.model.rows) - 1)
            if row >= 0:
                self.select_item(self.model.rows[row].id)
            else:
                self.item_selected.emit(None)
        self._describe()

    def refresh_meeting(self) -> None:
        if self.meeting:
            self.meeting = self.ws.read(browse.meeting_view, self.meeting.id)
            self._describe()

    def refresh_waiting(self) -> None:
        from model import cases

        count = len(self.ws.read(cases.postponed_items, self.meeting.id)) if self.meeting else 0
        self.waiting_count = count
        if count == 1:
            text = self.tr("1 udsat punkt venter på en dagsorden – klik for at tage det med")
        else:
            text = self.tr("%1 udsatte punkter venter på en dagsorden – klik for at tage dem med")
        self.waiting.setText(text.replace("%1", str(count)))
        self.waiting.setVisible(count > 0)

    def _describe(self) -> None:
        m = self.meeting
        enabled = m is not None
        self.details.setEnabled(enabled)
        self.step.setEnabled(enabled)
        if m is None:
            self.title.setText(self.tr("Vælg et møde i listen til venstre."))
            self.step.setText(self.tr("Næste trin"))
            self.count.setText("")
            return
        when = f"{m.date:%d-%m-%Y}" + (f" kl. {m.start:%H:%M}" if m.start else "")
        place = f", {m.location}" if m.location else ""
        status = STATUS_NAMES.get(m.status, m.status)
        self.title.setText(f"<b>{_html(m.title)}</b><br>{when}{_html(place)} – {status}")
        following = meeting_setup.next_status(m.status)
        if following:
            self.step.setText(self.tr("Næste trin: %1").replace("%1", STATUS_NAMES[following]))
        else:
            self.step.setText(self.tr("Underskrevet"))
        self.step.setEnabled(following is not None)
        rows = len(self.model.rows)
        missing = self.model.undecided()
        self.count.setText(
            self.tr("%1, %2 mangler beslutning")
            .replace("%1", words.count(rows, self.tr("punkt"), self.tr("punkter")))
            .replace("%2", str(missing))
        )

    # -- selection ---------------------------------------------------------------

    def set_signed(self, signed: bool) -> None:
        """A signed meeting's agenda is read as it is: no dragging, no items taken in."""
        self.model.signed = signed
        self.view.setDragEnabled(not signed)
        self.view.setAcceptDrops(not signed)
        self.waiting.setEnabled(not signed)

    def current_item(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ITEM_ID_ROLE) if index.isValid() else None

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def select_item(self, item_id: int, emit: bool = True) -> None:
        """Make the item current; the editor ignores a re-selection of the item it shows."""
        row = self.model.row_of(item_id)
        if row < 0:
            return
        index = self.model.index(row, 0)
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _current_changed(self, current, _previous) -> None:
        self.item_selected.emit(current.data(ITEM_ID_ROLE) if current.isValid() else None)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
