"""Take the screenshots in this folder: the example archive in the window, under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/take_screenshots.py

At 1366×768, a secretary's laptop: the window fills the screen, and every dialog fits.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from example_window import OUT, example_window, run, settle  # noqa: E402


def main() -> None:
    app, window = example_window(before_signing=True, fill_screen=True)  # all editable
    from PySide6.QtCore import QPoint
    from sqlalchemy import select

    from model.entities import Item
    from ui.dialogs.export_dialog import ExportDialog

    def item(title_start: str, meeting: str | None = None) -> tuple[int, int]:
        query = select(Item.meeting_id, Item.id).where(Item.title.startswith(title_start))
        if meeting is not None:
            query = query.where(Item.meeting.has(ext_id=meeting))
        return tuple(window.ws.read(lambda s: s.execute(query).first()))

    def shoot() -> None:
        window.open_item(*item("Kommissorium"))
        window.tree.expandAll()
        app.processEvents()
        window.grab().save(str(OUT / "hovedvindue.png"))
        meeting_id, item_id = item("Dansk Byggeri")
        window.open_item(meeting_id, item_id)
        app.processEvents()
        window.editor.grab().save(str(OUT / "punkteditor.png"))
        dialog = ExportDialog(window.ws, meeting_id, window)
        name = os.path.basename(dialog.path.text())
        dialog.path.setText(f"/home/sekretaer/Dokumenter/{name}")
        dialog.show()
        dialog.progress.setRange(0, 0)  # as it looks while the document is made
        dialog.status.setText(f"Danner {name} …")
        settle(app)
        dialog.grab().save(str(OUT / "eksport.png"))
        dialog.close()
        spelling(*item("Budget 2027 - 2. behandling", "kb-2026-10-08"))
        help_window()
        app.quit()

    def spelling(meeting_id: int, item_id: int) -> None:
        """A misspelled word underlined, and its menu open over the text."""
        from ui.spelling import spelling_menu

        window.open_item(meeting_id, item_id)
        edit = next(b.edit for b in window.editor.section_boxes if b.isVisible())
        cursor = edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        edit.setTextCursor(cursor)
        edit.insertPlainText("\n\nForslaget har været i høring hos Erhvervsrådett og "
                             "handicaprådet, som begge anbefaler det.")
        edit.setFocus()
        window.editor.scroll.ensureWidgetVisible(edit, 0, 120)
        for _ in range(5):
            app.processEvents()
        at = edit.toPlainText().index("Erhvervsrådett") + 3
        cursor.setPosition(at)
        point = edit.cursorRect(cursor).center()
        menu = spelling_menu(edit, point)
        menu.popup(edit.viewport().mapToGlobal(point + QPoint(0, 14)))  # under the word
        settle(app)
        app.primaryScreen().grabWindow(0).save(str(OUT / "stavekontrol.png"))
        menu.close()

    def help_window() -> None:
        from ui import help

        dialog = help.show_shortcuts(window)
        settle(app)
        dialog.grab().save(str(OUT / "tastaturgenveje.png"))
        dialog.close()

    run(app, shoot)


if __name__ == "__main__":
    main()
