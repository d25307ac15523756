"""Take beslutninger.png: the decision entry mode on the Faxe example, under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/take_decision_screenshot.py

The meeting is shown as the morning after: items 1-2 entered, item 3 being typed.
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
    from sqlalchemy import select

    from model import follow_ups
    from model.database import open_archive
    from model.entities import Meeting
    from model.interchange import import_file
    from ui.app import application, example_files, open_window

    work = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    archive = open_archive(os.path.join(work, "eksempler.sqlite3"))
    for path in example_files():
        import_file(archive, path)
    with archive.transaction() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.ext_id == "sagsbehandling-2020-04-21"))
        typed = meeting.items[2].decision.text.split("\n\n")[:2]
        for item in meeting.items[2:]:
            item.decision = None
            item.follow_ups.clear()
        meeting.status = "held"
        meeting_id = meeting.id
        follow_ups.add_follow_up(
            s, meeting.items[2].id, "Centerchefen belyser personaleprofilerne på et senere møde.",
            "Udvalget", "Centerchefen på fagområdet",
        )
    app = application()
    window = open_window(archive)
    window.setGeometry(window.screen().availableGeometry())  # 1366×768
    window.show()

    def shoot() -> None:
        window.open_meeting(meeting_id)
        window.enter_decisions()
        entry = window.decision_entry
        entry.setGeometry(entry.screen().availableGeometry())  # as large as a laptop allows
        entry.decision.insertPlainText("\n".join(typed))
        for _ in range(10):
            app.processEvents()
        entry.grab().save(str(OUT / "beslutninger.png"))
        entry.decision.commit()
        app.quit()

    QTimer.singleShot(1200, shoot)
    app.exec()
    os._exit(0)  # skip Python's final collection racing Qt's teardown


if __name__ == "__main__":
    main()
