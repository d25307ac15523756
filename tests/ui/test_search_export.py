"""Searching the archive and exporting a document from the window."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_search_opens_the_item(examples_window, qtbot):
    window = examples_window
    qtbot.keyClicks(window.search_box, "personaleprofiler")
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    results = window.search_panel.results
    assert results.count() >= 1
    qtbot.mouseClick(results.viewport(), Qt.MouseButton.LeftButton,
                     pos=results.visualItemRect(results.item(0)).center())
    assert window.editor.view.title == "Personaleprofiler"
    assert window.tree.currentIndex().data(Qt.ItemDataRole.DisplayRole).startswith("21-04-2020")


def test_export_runs_in_background_and_writes_the_file(examples_window, qtbot, tmp_path):
    from ui.dialogs.export_dialog import ExportDialog

    window = examples_window
    window.search_box.setText("Personaleprofiler")
    window.run_search()
    window.search_panel._activated(window.search_panel.results.item(0))
    dialog = ExportDialog(window.ws, window.meeting_id, window)
    qtbot.addWidget(dialog)
    assert dialog.document.currentData() == "referat"  # the meeting is held
    dialog.open_after.setChecked(False)
    out = tmp_path / "referat.pdf"
    dialog.path.setText(str(out))
    dialog.start()
    assert dialog.is_busy() or out.exists() or dialog.error.text()
    assert dialog.is_busy()  # started, and the window is not blocked while it runs
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert dialog.error.text() == ""
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Personaleprofiler" in " ".join(text.split())


def test_public_export_warns_about_cpr_numbers_first(unsigned_examples_window, qtbot, tmp_path):
    from sqlalchemy import select

    from model.entities import Item
    from ui.dialogs.export_dialog import ExportDialog

    window = unsigned_examples_window
    with window.ws.archive.transaction() as session:
        item = session.scalar(select(Item).where(Item.ext_id == "aet-2020-08-19-193"))
        item.sections[0].text += "\n\nBorgeren 010203-1234 har klaget."
    meeting_id = window.ws.read(lambda s: s.scalar(
        select(Item.meeting_id).where(Item.ext_id == "aet-2020-08-19-193")))
    dialog = ExportDialog(window.ws, meeting_id, window)
    qtbot.addWidget(dialog)
    dialog.open_after.setChecked(False)
    dialog.public.setChecked(True)
    out = tmp_path / "offentlig.pdf"
    dialog.path.setText(str(out))
    asked = []
    dialog.confirm_cpr = lambda warnings: asked.append(warnings) or False

    dialog.start()

    assert [str(w.place) for w in asked[0]] == ["193. Budgetforslag 2021 - AET › Resume"]
    assert not dialog.is_busy() and not out.exists()

    dialog.confirm_cpr = lambda warnings: True  # "Dan alligevel"
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert out.read_bytes().startswith(b"%PDF")
