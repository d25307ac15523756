"""Driving the window from the keyboard only, counting every key a person would press."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


class Keyboard:
    """Sends keys to the widget that has focus (as a person's keyboard does), counting them:
    a character is one key, a chord such as Ctrl+Enter is one key too."""

    def __init__(self, fallback):
        self.fallback = fallback  # where keys go if no widget has focus (offscreen start-up)
        self.characters = 0
        self.commands = 0

    @property
    def total(self) -> int:
        return self.characters + self.commands

    def target(self):
        widget = QApplication.focusWidget()
        if widget is None:
            window = QApplication.activeModalWidget() or QApplication.activeWindow()
            widget = (window.focusWidget() if window else None) or self.fallback
        return widget

    def key(self, key, modifiers=NO, times: int = 1) -> None:
        for _ in range(times):
            QTest.keyClick(self.target(), key, modifiers)
            self.commands += 1

    def type(self, text: str) -> None:
        QTest.keyClicks(self.target(), text)
        self.characters += len(text)

    def markdown(self, text: str) -> None:
        """Type a Markdown text into a decision field: Return between paragraphs, "- " to
        start a list (the field makes it one), Return on an empty entry to end it."""
        lines = [line for line in text.split("\n") if line.strip()]
        in_list = False
        for n, line in enumerate(lines):
            bullet = line.startswith("- ")
            if n:
                self.key(Qt.Key.Key_Return)
                if in_list and not bullet:
                    self.key(Qt.Key.Key_Return)  # an empty list entry ends the list
            self.type(line[2:] if bullet and in_list else line)
            in_list = bullet
