"""Udskriv: every document through the print preview to the printer, and the follow-up list."""

from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from sqlalchemy import select

from model.entities import Meeting

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("pypdfium2")
pytest.importorskip("exporters.render")


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """The preview, when shown, prints at once to a PDF file ("Udskriv" pressed)."""
    sheets = []

    def run(dialog):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        out = tmp_path / f"printed-{len(sheets)}.pdf"
        printer.setOutputFileName(str(out))
        dialog.paintRequested.emit(printer)
        sheets.append((dialog.windowTitle(), out))
        return 0

    monkeypatch.setattr(QPrintPreviewDialog, "exec", run)
    return sheets


def _pages(path):
    return len(pypdf.PdfReader(path).pages)


@pytest.mark.parametrize("document", ["dagsorden", "referat", "protokol", "underskriftsark",
                                      "opfoelgning", "dagsorden_bilag"])
def test_every_document_prints_page_for_page(examples_window, qtbot, printed, document):
    from ui.dialogs.export_dialog import ExportDialog

    window = examples_window
    meeting_id = window.ws.read(lambda s: s.scalar(
        select(Meeting.id).where(Meeting.ext_id == "oeu-2026-09-30")))
    window.open_meeting(meeting_id)
    dialog = ExportDialog(window.ws, meeting_id, window)
    qtbot.addWidget(dialog)
    dialog.document.setCurrentIndex(dialog.document.findData(document))
    expected = _pages_of(dialog.pdf_bytes())
    dialog.print_button.click()
    title, out = printed[0]
    assert title.startswith("Udskriv ") and "2026-09-30" in title
    assert _pages(out) == expected > 0
    assert dialog.error.text() == ""
    assert _ink(out) > 0.002  # the sheet shows the page, not a blank


def _ink(path) -> float:
    """The share of dark pixels on the first printed sheet."""
    from ui.printing import page_images

    image = next(page_images(path.read_bytes(), 30))
    dark = sum(1 for y in range(image.height()) for x in range(image.width())
               if image.pixelColor(x, y).lightness() < 128)
    return dark / (image.width() * image.height())


def _pages_of(pdf: bytes) -> int:
    import io

    return len(pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_ctrl_p_opens_the_dialog_with_udskriv_first(examples_window, monkeypatch):
    from ui.dialogs.export_dialog import ExportDialog

    window = examples_window
    window.open_meeting(window.ws.read(lambda s: s.scalar(select(Meeting.id).limit(1))))
    seen = []
    monkeypatch.setattr(ExportDialog, "exec", lambda d: seen.append(d) or 0)
    window.act_print.trigger()
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    assert seen[0].print_button.isDefault() and not seen[0].export_button.isDefault()


def test_the_follow_up_lists_udskriv_prints(examples_window, qtbot, printed):
    window = examples_window
    window.show_follow_ups()
    panel = window.follow_up_list
    panel.committee.setCurrentIndex(0)
    panel.answered.setChecked(True)
    panel.refresh()
    assert panel.rows
    panel.print_list()
    title, out = printed[0]
    assert title == "Udskriv Opfølgningsliste"
    assert _pages(out) >= 1
    # The printed sheet carries the list's own page, drawn from its PDF.
    assert _pages(out) == _pages_of(panel._render("pdf"))
