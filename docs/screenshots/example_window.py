"""The window on a fresh archive of the example meetings, for the screenshot scripts."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def example_window():
    """(app, window): the program's own window, its settings in a fresh folder."""
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings

    from model.database import open_archive
    from model.interchange import import_file
    from ui.app import application, example_files, open_window

    work = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    archive = open_archive(os.path.join(work, "eksempler.sqlite3"))
    for path in example_files():
        import_file(archive, path)
    app = application()
    window = open_window(archive)
    window.resize(1360, 860)
    window.show()
    return app, window
