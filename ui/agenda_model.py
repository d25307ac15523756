"""The middle list: a meeting's items, numbered, with marks for closed and decided items.

Dragging an item does not move rows here: the drop asks for a move, the move
is made in the archive as an undoable command, and the list is read again.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QMimeData, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtCore import Signal as _Signal
from PySide6.QtGui import QColor

from model import browse
from ui.workspace import Workspace

MIME = "application/x-referent-item"
ITEM_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex
# Made once: the view asks for them for every cell it paints, and each | of Qt's flags
# makes a new Python enum value.
_SIGNED_ROW = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_ROW = _SIGNED_ROW | Qt.ItemFlag.ItemIsDropEnabled | Qt.ItemFlag.ItemIsDragEnabled
_NUMBER_ALIGNMENT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_MARK_ALIGNMENT = int(Qt.AlignmentFlag.AlignCenter)
# The roles as plain numbers, as the view asks for them: it asks seven roles of every
# cell it paints, and most get None at once.
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_ALIGNMENT = int(Qt.ItemDataRole.TextAlignmentRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ITEM_ID = int(ITEM_ID_ROLE)
_ANSWERED = frozenset((_DISPLAY, _ALIGNMENT, _FOREGROUND, _TOOLTIP, _ITEM_ID))
# A colour, not a QBrush: the view makes the brush, and the first QBrush made in Python
# sets up PySide's gradient enums (12 ms, on opening the first meeting with a closed item).
_CLOSED_COLOR = QColor("#a33")


class AgendaModel(QAbstractTableModel):
    move_requested = _Signal(int, int)  # item id, new index

    COLUMNS = ("Nr.", "Titel", "Lukket", "Beslutning")

    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.meeting_id: int | None = None
        self.rows: list[browse.ItemRow] = []
        self.signed = False  # a signed meeting's items are not dragged

    def load(self, meeting_id: int | None) -> None:
        self.beginResetModel()
        self.meeting_id = meeting_id
        self.rows = self.ws.read(browse.agenda_rows, meeting_id) if meeting_id else []
        self.endResetModel()

    def refresh(self) -> None:
        """Read the items again; rows that stay the same are only repainted."""
        if self.meeting_id is None:
            return
        fresh = self.ws.read(browse.agenda_rows, self.meeting_id)
        if [r.id for r in fresh] != [r.id for r in self.rows]:
            self.beginResetModel()
            self.rows = fresh
            self.endResetModel()
        else:
            self.rows = fresh
            if fresh:
                self.dataChanged.emit(self.index(0, 0), self.index(len(fresh) - 1, 3))

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self.rows):
            if item.id == item_id:
                return row
        return -1

    def undecided(self) -> int:
        return sum(1 for r in self.rows if not r.has_decision)

    # -- the model interface ----------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(self.COLUMNS[section])
        return None

    def data(self, index: Index, role: int = _DISPLAY):
        if role not in _ANSWERED or not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == _DISPLAY:
            if column == 0:
                return str(row.number)
            if column == 1:
                return row.title
            if column == 2:
                return self.tr("Lukket") if row.closed else ""
            if row.postponed:
                return self.tr("Udsat")
            return "✓" if row.has_decision else ""
        if role == _ALIGNMENT:
            return _NUMBER_ALIGNMENT if column == 0 else _MARK_ALIGNMENT if column == 3 else None
        if role == _FOREGROUND:
            return _CLOSED_COLOR if column == 2 and row.closed else None
        if role == _TOOLTIP:
            marks = []
            if row.closed:
                marks.append(self.tr("lukket punkt"))
            decided = self.tr("har beslutning")
            marks.append(decided if row.has_decision else self.tr("mangler beslutning"))
            return f"{row.number}. {row.title} ({', '.join(marks)})"
        return row.id  # ITEM_ID_ROLE

    def flags(self, index: Index) -> Qt.ItemFlag:
        # A signed meeting's items are neither dragged nor dropped on.
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags if self.signed else Qt.ItemFlag.ItemIsDropEnabled
        return _SIGNED_ROW if self.signed else _ROW

    # -- drag and drop ----------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes) -> QMimeData:  # noqa: N802
        data = QMimeData()
        if indexes:
            data.setData(MIME, str(self.rows[indexes[0].row()].id).encode())
        return data

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802
        if not data.hasFormat(MIME):
            return False
        item_id = int(bytes(data.data(MIME)).decode())
        source = self.row_of(item_id)
        if row < 0:
            row = parent.row() if parent.isValid() else len(self.rows)
        target = row - 1 if row > source else row
        if source >= 0 and target != source:
            self.move_requested.emit(item_id, target)
        return False  # the rows move when the archive has moved them, not here
