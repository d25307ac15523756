"""The item editor's sections and decision: headed rich-text fields."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from ui.markdown_edit import MarkdownEdit


class SectionBox(QWidget):
    """One section: its heading and its text. Reused between items, so switching is quick."""

    committed = Signal(int, str)  # section id, markdown
    remove_requested = Signal(int)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.section_id = 0
        # What the archive held when shown or last saved, and its version: the base of an edit.
        self.version = 0
        self.stored = ""
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.remove = QToolButton(self)
        self.remove.setText("×")
        self.remove.setAutoRaise(True)
        self.remove.setToolTip(self.tr("Fjern afsnittet"))
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.section_id))
        self.edit = MarkdownEdit(self)
        self.edit.committed.connect(lambda text: self.committed.emit(self.section_id, text))
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.setSpacing(2)
        layout.addLayout(top)
        layout.addWidget(self.edit)

    def set_read_only(self, on: bool) -> None:
        """A signed meeting's section: its text cannot be changed, nor the section removed."""
        self.edit.setReadOnly(on)
        self.remove.setVisible(not on)

    def show_section(self, section_id: int, heading: str, text: str, version: int) -> None:
        self.section_id = section_id
        self.version, self.stored = version, text
        self.heading.setText(heading)
        self.edit.setAccessibleName(heading)
        self.edit.set_markdown(text)
