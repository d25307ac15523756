"""Take husstil.png: the committee dialog's Husstil tab, Region Sjælland's style as the
starting point, with the preview of an item as it will print; under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/take_style_screenshot.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QTimer

    from model.database import open_archive
    from model.interchange import import_file
    from ui.app import application, example_files, open_window
    from ui.dialogs.committee_dialog import CommitteeDialog

    work = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    archive = open_archive(os.path.join(work, "eksempler.sqlite3"))
    for path in example_files():
        import_file(archive, path)
    app = application()
    window = open_window(archive)
    window.show()

    def shoot() -> None:
        dialog = CommitteeDialog(window.ws, None, window)
        dialog.resize(1200, 700)
        dialog.new_committee()
        dialog.fields["name"].set_value("Regionsrådet 2018-2021")
        dialog.fields["short_name"].set_value("RR")
        dialog.fields["organisation"].set_value("Region Sjælland")
        dialog._style_context()
        tab = dialog.style_tab
        tab.preset.setCurrentIndex(tab.preset.findData("Region Sjælland"))
        tab.use_preset()
        dialog.tabs.setCurrentWidget(tab)
        dialog.show()
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(OUT / "husstil.png"))
        app.quit()

    QTimer.singleShot(1200, shoot)
    app.exec()
    os._exit(0)  # skip Python's final collection racing Qt's teardown


if __name__ == "__main__":
    main()
