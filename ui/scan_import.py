"""Møde › Indlæs scannet protokol…, and a scan dropped on the window: the pages read and
kept as proposals for the open meeting, then the decision entry opened to confirm them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from model.entities import Meeting

SUFFIXES = (".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def tr(text: str) -> str:
    return QCoreApplication.translate("ScanImport", text)


def choose_files(window) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(
        window, tr("Indlæs scannet protokol"), "",
        tr("Scanninger (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"))
    return [Path(name) for name in names]


def dropped_files(mime) -> list[Path]:
    """The scans among the files of a drag, if any."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in SUFFIXES]


def import_scan(window, meeting_id: int, paths: list[Path]) -> bool:
    """Read the scans, keep the readings of the meeting's pages as proposals and say what
    happened; True when something was stored."""
    from scanning.apply import apply_scan
    from scanning.read import read_files

    ws = window.ws
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        ext_id = ws.read(lambda session: session.get(Meeting, meeting_id).ext_id)
        result = ws.read(read_files, paths)
        report, _ok = apply_scan(ws.archive, result, meeting_id=ext_id)
    finally:
        QApplication.restoreOverrideCursor()
    lines = [report] + [f"{Path(u.source).name}, side {u.page}: {u.why}" for u in result.unread]
    stored = any(page.meeting == ext_id for page in result.pages) and "forslag gemt" in report
    box = QMessageBox.information if stored else QMessageBox.warning
    box(window, tr("Indlæs scannet protokol"), "\n".join(lines))
    return stored
