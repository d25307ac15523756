"""Udskriv: any of our PDF documents, through Qt's print preview, to the printer.

PySide6-Essentials has no QtPdf, so the pages are drawn by PDFium (pypdfium2) as images at
the printer's resolution (at most PRINT_DPI, which prints text sharply and stays small).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRect
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

PRINT_DPI = 300


def tr(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def page_images(pdf: bytes, dpi: int):
    """Each page of the PDF as a QImage at `dpi`."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        for page in document:
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)
            image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                           QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                           else QImage.Format.Format_RGBX8888)
            yield image.copy()  # the bitmap's memory goes with the page
            page.close()
    finally:
        document.close()


def paint(printer: QPrinter, pdf: bytes) -> int:
    """Draw the PDF's pages on the printer, one on each sheet, scaled to fit; returns the
    number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    count = 0
    try:
        dpi = min(printer.resolution(), PRINT_DPI)
        for count, image in enumerate(page_images(pdf, dpi), start=1):
            if count > 1:
                printer.newPage()
            area = painter.viewport()
            size = image.size().scaled(area.size(), _keep_aspect())
            painter.setViewport(QRect(area.x(), area.y(), size.width(), size.height()))
            painter.setWindow(image.rect())
            painter.drawImage(0, 0, image)
            painter.setViewport(area)
            painter.setWindow(QRect(0, 0, area.width(), area.height()))
    finally:
        painter.end()
    return count


def _keep_aspect():
    from PySide6.QtCore import Qt

    return Qt.AspectRatioMode.KeepAspectRatio


def preview(pdf: bytes, title: str, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """The print preview of the document; Udskriv there sends it to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setFullPage(True)  # the PDF's pages carry their own margins
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(tr("Udskriv %1").replace("%1", title))
    dialog.paintRequested.connect(lambda p: paint(p, pdf))
    from ui.screen_fit import resize_within_screen

    resize_within_screen(dialog, 900, 1000)
    dialog.exec()
    return dialog
