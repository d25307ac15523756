"""The window on a fresh archive of the example meetings, for the screenshot scripts."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def example_window(before_signing: bool = False, prepare: Callable | None = None,
                   fill_screen: bool = False):
    """(app, window): the program's own window, its settings in a fresh folder. With
    `before_signing`, the signed examples come in as approved, so they can still be edited;
    `prepare(archive, folder)` runs on the archive before the window opens; `fill_screen`
    shows the window as large as the screen (1366×768: a secretary's laptop)."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    from model.database import open_archive
    from ui.app import application, open_window

    work = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    archive = open_archive(os.path.join(work, "eksempler.sqlite3"))
    _import_examples(archive, before_signing)
    if prepare is not None:
        prepare(archive, Path(work))
    app = application()
    window = open_window(archive)
    if fill_screen:
        window.setGeometry(window.screen().availableGeometry())
    else:
        window.resize(1360, 860)
    window.show()
    return app, window


def _import_examples(archive, before_signing: bool) -> None:
    from model.interchange import import_document, load_json, validate
    from ui.app import example_files

    for path in example_files():
        document = load_json(path)
        for meeting in document["meetings"] if before_signing else []:
            if meeting.get("status") == "signed":
                meeting["status"] = "minutes_approved"
                meeting.pop("sealed", None)
        validate(document)
        with archive.transaction() as session:
            import_document(session, document)


def run(app, first: Callable[[], None], delay_ms: int = 1200) -> None:
    """Run the window until a script's `first` step (and what it schedules) quits it."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(delay_ms, first)
    app.exec()
    os._exit(0)  # skip Python's final collection racing Qt's teardown


def settle(app) -> None:
    """Let the window lay itself out and paint before it is grabbed."""
    for _ in range(10):
        app.processEvents()
