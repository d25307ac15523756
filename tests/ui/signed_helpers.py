"""A signed meeting for the window tests, its referat as printed, and answering the
window's real questions (QMessageBox with Danish buttons) by clicking a button."""

from __future__ import annotations

import io

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from model.entities import Meeting

SIGNED = "oeu-2026-09-30"  # the example meeting with every field, signed


def meeting_id(archive, ext_id: str = SIGNED) -> int:
    with archive.sessions() as s:
        return s.scalar(select(Meeting.id).where(Meeting.ext_id == ext_id))


def referat_text(archive, ext_id: str = SIGNED) -> str:
    """The referat as the exporters print it (PDF), read back as text."""
    from pypdf import PdfReader

    from exporters.render import render_bytes
    from model.meetings import load_meeting

    with archive.sessions() as s:
        data = render_bytes(load_meeting(s, ext_id), "referat", "pdf")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


class Answer:
    """Clicks the button named `button` in the next message box, and keeps what it said."""

    def __init__(self, button: str):
        self.button = button
        self.text = self.explanation = None
        self.buttons: list[str] = []
        QTimer.singleShot(0, self._click)

    def _click(self) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, self._click)
            return
        self.text, self.explanation = box.text(), box.informativeText()
        self.buttons = [b.text() for b in box.buttons()]
        next(b for b in box.buttons() if b.text() == self.button).click()
