"""The left-hand tree: committees, their years and meetings, read a level at a time."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from model import browse
from ui.workspace import Workspace

MEETING_ID_ROLE = Qt.ItemDataRole.UserRole + 1
COMMITTEE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
Index = QModelIndex | QPersistentModelIndex
# Made once: the view asks for them for every row it paints (each | of Qt's flags makes a
# new Python enum value), and most of the roles it asks for get None at once.
_SELECTABLE = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_FONT = int(Qt.ItemDataRole.FontRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ANSWERED = frozenset((_DISPLAY, _FONT, _TOOLTIP, int(MEETING_ID_ROLE), int(COMMITTEE_ID_ROLE)))


@cache
def _bold() -> QFont:
    """A committee's name (made when first shown: a font needs the application)."""
    font = QFont()
    font.setBold(True)
    return font


def _place(session, meeting_id: int) -> tuple[int, int]:
    """The committee and year under which the tree shows the meeting."""
    from model.agenda import get_meeting

    meeting = get_meeting(session, meeting_id)
    return meeting.committee_id, meeting.date.year


@dataclass(eq=False)
class Node:
    kind: str  # "committee", "year", "meeting"
    parent: Node | None
    committee_id: int
    label: str
    year: int | None = None
    meeting: browse.MeetingRow | None = None
    children: list[Node] = field(default_factory=list)
    loaded: bool = False

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


class MeetingTreeModel(QAbstractItemModel):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.root = Node("root", None, 0, "", loaded=True)
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.root.children = [
            # The short name first: it is what secretaries say, and survives a narrow pane.
            Node("committee", self.root, c.id, f"{c.short_name} – {c.name}")
            for c in self.ws.read(browse.committees)
        ]
        self.endResetModel()

    # -- lazy loading -----------------------------------------------------------

    def _load(self, node: Node) -> list[Node]:
        if node.kind == "committee":
            years = self.ws.read(browse.committee_years, node.committee_id)
            return [
                Node("year", node, node.committee_id, str(year), year=year) for year, _n in years
            ]
        if node.kind == "year":
            rows = self.ws.read(browse.meetings_in_year, node.committee_id, node.year)
            return [self._meeting_node(node, row) for row in rows]
        return []

    @staticmethod
    def _meeting_node(parent: Node, row: browse.MeetingRow) -> Node:
        label = f"{row.date:%d-%m-%Y}" + (f"  {row.own_title}" if row.own_title else "")
        return Node("meeting", parent, parent.committee_id, label, parent.year, row, loaded=True)

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        node = self._node(parent)
        return node.kind != "meeting" and (not node.loaded or bool(node.children))

    def canFetchMore(self, parent: Index) -> bool:  # noqa: N802
        return not self._node(parent).loaded

    def fetchMore(self, parent: Index) -> None:  # noqa: N802
        node = self._node(parent)
        if node.loaded:
            return
        children = self._load(node)
        node.loaded = True
        if children:
            self.beginInsertRows(parent, 0, len(children) - 1)
            node.children = children
            self.endInsertRows()

    def refresh_committee(self, committee_id: int) -> None:
        """Read a committee's years and meetings again (a meeting was made or changed)."""
        for row, node in enumerate(self.root.children):
            if node.committee_id == committee_id and node.loaded:
                index = self.index(row, 0)
                if node.children:
                    self.beginRemoveRows(index, 0, len(node.children) - 1)
                    node.children = []
                    self.endRemoveRows()
                node.loaded = False
                self.fetchMore(index)

    def update_meeting(self, row: browse.MeetingRow) -> None:
        index = self.index_of_meeting(row.id, load=False)
        if index.isValid():
            node = self._node(index)
            fresh = self._meeting_node(node.parent, row)
            node.label, node.meeting = fresh.label, fresh.meeting
            self.dataChanged.emit(index, index.siblingAtColumn(1))

    def index_of_meeting(self, meeting_id: int, load: bool = True) -> QModelIndex:
        """The tree index of a meeting, loading its committee and year if need be."""
        if load:
            committee_id, year_shown = self.ws.read(_place, meeting_id)
        for c_row, committee in enumerate(self.root.children):
            if load and committee.committee_id != committee_id:
                continue
            c_index = self.index(c_row, 0)
            if load:
                self.fetchMore(c_index)
            for y_row, year in enumerate(committee.children):
                if load and year.year != year_shown:
                    continue
                y_index = self.index(y_row, 0, c_index)
                if load:
                    self.fetchMore(y_index)
                for m_row, node in enumerate(year.children):
                    if node.meeting and node.meeting.id == meeting_id:
                        return self.index(m_row, 0, y_index)
        return QModelIndex()

    # -- the model interface ----------------------------------------------------

    def _node(self, index: Index) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        node = self._node(parent)
        if 0 <= row < len(node.children) and 0 <= column < 2:
            return self.createIndex(row, column, node.children[row])
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        node = self._node(index).parent
        if node is None or node is self.root:
            return QModelIndex()
        return self.createIndex(node.row(), 0, node)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._node(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 2

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [self.tr("Udvalg og møder"), self.tr("Status")][section]
        return None

    def data(self, index: Index, role: int = _DISPLAY):
        if role not in _ANSWERED or not index.isValid():
            return None
        node = self._node(index)
        if role == _DISPLAY:
            if index.column() == 0:
                return node.label
            return node.meeting.status_name if node.meeting else None
        if role == _FONT:
            return _bold() if node.kind == "committee" else None
        if role == _TOOLTIP:
            # The name is often cut in a narrow tree: the tooltip shows it whole.
            if node.meeting:
                return f"{node.meeting.title} – {node.meeting.status_name}"
            return node.label
        if role == MEETING_ID_ROLE:
            return node.meeting.id if node.meeting else None
        return node.committee_id  # COMMITTEE_ID_ROLE

    def flags(self, index: Index) -> Qt.ItemFlag:
        return _SELECTABLE if index.isValid() else Qt.ItemFlag.NoItemFlags
