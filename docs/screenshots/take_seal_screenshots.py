"""Take historik.png (Møde › Historik) and segl.png (a meeting that fails its seal).

    xvfb-run -a -s "-screen 0 1400x900x24" python docs/screenshots/take_seal_screenshots.py
"""

from __future__ import annotations

import os
import sqlite3
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "docs" / "screenshots"


def prepare(path: str) -> None:
    """The examples, a few changes to the Faxe meeting after its agenda was sent out, and
    the signed Stevns meeting changed behind Referent's back (its trigger dropped)."""
    from sqlalchemy import select

    from model import item_edit, meeting_setup
    from model.database import open_archive
    from model.entities import Item, Meeting
    from model.interchange import import_file
    from ui.app import example_files

    archive = open_archive(path)
    for example in example_files():
        import_file(archive, example)
    with archive.transaction() as s:
        faxe = s.scalar(select(Meeting).where(Meeting.ext_id == "sagsbehandling-2020-04-21"))
        meeting_setup.set_status(s, faxe.id, "agenda_published")
    with archive.transaction() as s:
        item = s.scalar(select(Item).where(Item.ext_id == "sagsbehandling-2020-04-21-2"))
        item_edit.set_item_field(s, item.id, "title", "Kommissorium for udvalget 2020")
        item_edit.set_section_text(s, item.sections[0].id, "Udvalget drøfter sit kommissorium.")
        meeting_setup.update_meeting(s, faxe.id, location="Byrådssalen, Faxe Rådhus")
    archive.close()
    connection = sqlite3.connect(path)
    connection.execute("DROP TRIGGER referent_seal_sections_update")
    connection.execute(
        "UPDATE sections SET text = text || ' Tilføjet bagefter.' WHERE heading = 'Indstilling' "
        "AND item_id = (SELECT id FROM items WHERE ext_id = 'aet-2020-08-19-193')")
    connection.commit()
    connection.close()


def main() -> None:
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QSettings, QTimer
    from sqlalchemy import select

    from model.database import open_archive
    from model.entities import Meeting
    from ui.app import application, open_window
    from ui.dialogs.history_dialog import HistoryDialog

    work = tempfile.mkdtemp()
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, work)
    path = os.path.join(work, "eksempler.sqlite3")
    prepare(path)
    for copy in (Path(work) / "sikkerhedskopier").glob("*"):
        copy.unlink()  # so the daily check runs at this opening
    archive = open_archive(path)
    from model import sealing

    sealing.check_seals(archive, verify_all=archive.seal_check_due)  # as the window does
    app = application()
    window = open_window(archive)
    window.resize(1360, 860)
    window.show()

    def meeting(ext_id: str) -> int:
        return window.ws.read(lambda s: s.scalar(select(Meeting.id).where(
            Meeting.ext_id == ext_id)))

    def shoot() -> None:
        window.open_meeting(meeting("aet-2020-08-19"))
        window.tree.expandAll()
        app.processEvents()
        window.grab().save(str(OUT / "segl.png"))
        dialog = HistoryDialog(window.ws, meeting("sagsbehandling-2020-04-21"), window)
        dialog.show()
        for _ in range(10):
            app.processEvents()
        dialog.grab().save(str(OUT / "historik.png"))
        app.quit()

    QTimer.singleShot(1200, shoot)
    app.exec()
    os._exit(0)  # skip Python's final collection racing Qt's teardown


if __name__ == "__main__":
    main()
