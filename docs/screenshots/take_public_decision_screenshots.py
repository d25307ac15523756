"""Take offentlig-beslutning.png (the item editor on a closed item, at its public decision
text) and offentlig-beslutning-indtastning.png (the same item in the decision entry mode),
on the Prøvekommune example before it was signed, under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" \
        python docs/screenshots/take_public_decision_screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"
ITEM = "oeu-2026-09-30-303"  # Salg af kommunal grund, Havnevej 12 (lukket)


def prepare(path: str) -> None:
    """The examples, the signed Prøvekommune meeting as it was the day before signing."""
    from model.database import open_archive
    from model.interchange import import_document, load_json, validate
    from ui.app import example_files

    archive = open_archive(path)
    for example in example_files():
        document = load_json(example)
        for meeting in document["meetings"]:
            if meeting.get("status") == "signed":
                meeting["status"] = "minutes_approved"
                meeting.pop("sealed", None)
        validate(document)
        with archive.transaction() as session:
            import_document(session, document)
    archive.close()


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QTimer
    from sqlalchemy import select

    from model.database import open_archive
    from model.entities import Item
    from ui.app import application, open_window

    work = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    path = os.path.join(work, "eksempler.sqlite3")
    prepare(path)
    archive = open_archive(path)
    app = application()
    window = open_window(archive)
    window.setGeometry(window.screen().availableGeometry())  # 1366×768
    window.show()
    meeting_id, item_id = window.ws.read(lambda s: tuple(s.execute(
        select(Item.meeting_id, Item.id).where(Item.ext_id == ITEM)).one()))

    def settle() -> None:
        for _ in range(10):
            app.processEvents()

    def shoot() -> None:
        window.open_meeting(meeting_id)
        window.agenda.select_item(item_id)
        settle()
        editor = window.editor
        editor.page.layout().activate()
        editor.scroll.ensureWidgetVisible(editor.public_decision.field, 0, 40)
        editor.public_decision.field.edit.setFocus()
        settle()
        window.grab().save(str(OUT / "offentlig-beslutning.png"))
        window.enter_decisions()
        entry = window.decision_entry
        entry.setGeometry(entry.screen().availableGeometry())
        entry.entry.go_to(item_id)
        entry.show_current()
        entry.public.edit.setFocus()
        settle()
        entry.grab().save(str(OUT / "offentlig-beslutning-indtastning.png"))
        app.quit()

    QTimer.singleShot(1200, shoot)
    app.exec()
    os._exit(0)  # skip Python's final collection racing Qt's teardown


if __name__ == "__main__":
    main()
