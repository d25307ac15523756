"""Tables in dialogs that show whole rows: a few at least, and columns that fit their words."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTableWidget


def tab_leaves(table: QTableWidget) -> None:
    """Tab goes on to the next field, as everywhere else; arrows move between cells."""
    table.setTabKeyNavigation(False)


def show_rows(table: QTableWidget, rows: int = 5) -> None:
    """At least `rows` whole rows tall, so a committee's members are not seen 1½ at a time."""
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    row = max(table.verticalHeader().defaultSectionSize(), table.fontMetrics().height() + 12)
    header = table.horizontalHeader().sizeHint().height()
    table.setMinimumHeight(header + rows * row + 2 * table.frameWidth() + 2)


def fit_columns(table: QTableWidget, *columns: int) -> None:
    """These columns as wide as their widest cell, e.g. a role chooser showing "Næstformand"."""
    for column in columns:
        table.horizontalHeader().setSectionResizeMode(
            column, QHeaderView.ResizeMode.ResizeToContents
        )
