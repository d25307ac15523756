"""Windows that fit the screen they open on, down to a laptop's 1366×768."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

# Room left for the window's title bar and the desktop's task bar.
FRAME_WIDTH, FRAME_HEIGHT = 16, 72


def resize_within_screen(widget: QWidget, width: int, height: int) -> None:
    """Resize to width×height, or less where the screen's free area is smaller."""
    screen = widget.screen() or (widget.parentWidget().screen() if widget.parentWidget() else None)
    if screen is not None:
        free = screen.availableGeometry()
        width = min(width, free.width() - FRAME_WIDTH)
        height = min(height, free.height() - FRAME_HEIGHT)
    widget.resize(width, height)
