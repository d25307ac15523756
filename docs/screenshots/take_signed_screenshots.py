"""Take underskrevet.png (a signed meeting in the window: the banner, the editor read-only,
the agenda's actions off), underskrevet-moede.png (its details, shown but not changed) and
underskriv.png (the question before signing), under Xvfb.

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/take_signed_screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from example_window import OUT, example_window, run  # noqa: E402


def main() -> None:
    app, window = example_window()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from sqlalchemy import select

    from model.entities import Item
    from ui.dialogs.meeting_dialog import MeetingDialog

    def item(ext_id: str) -> tuple[int, int]:
        query = select(Item.meeting_id, Item.id).where(Item.ext_id == ext_id)
        return tuple(window.ws.read(lambda s: s.execute(query).first()))

    def shoot_question() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(100, shoot_question)
            return
        for _ in range(10):
            app.processEvents()
        box.grab().save(str(OUT / "underskriv.png"))
        box.reject()  # Annullér: the Faxe meeting stays as it was
        QTimer.singleShot(100, app.quit)

    def shoot() -> None:
        window.open_item(*item("oeu-2026-09-30-302"))
        window.tree.expandAll()
        window.menuBar().setFocus()
        app.processEvents()
        window.grab().save(str(OUT / "underskrevet.png"))
        dialog = MeetingDialog(window.ws, window.meeting_id, None, window)
        dialog.show()
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(OUT / "underskrevet-moede.png"))
        dialog.close()
        window.open_item(*item("sagsbehandling-2020-04-21-1"))  # minutes approved
        app.processEvents()
        QTimer.singleShot(300, shoot_question)
        window.advance_status()

    run(app, shoot)


if __name__ == "__main__":
    main()
