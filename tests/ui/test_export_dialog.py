"""The export dialog: names sorted by date, the folder remembered per kind of document, and
a word when the finished file cannot be opened."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QDesktopServices
from sqlalchemy import select

from model.entities import Meeting

pytest.importorskip("exporters.render")


def _dialog(window, qtbot):
    from ui.dialogs.export_dialog import ExportDialog

    meeting_id = window.ws.read(lambda s: s.scalar(
        select(Meeting.id).where(Meeting.ext_id == "aet-2020-08-19")))
    dialog = ExportDialog(window.ws, meeting_id, window)
    qtbot.addWidget(dialog)
    return dialog


def _export(dialog, qtbot, folder):
    dialog.path.setText(str(folder / dialog.suggested_name()))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert dialog.error.text() == ""


def test_names_and_folders_per_kind(examples_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: True)
    dialog = _dialog(examples_window, qtbot)
    assert dialog.suggested_name() == "Referat AET 2020-08-19.pdf"
    dialog.public.setChecked(True)
    assert dialog.suggested_name() == "Referat AET 2020-08-19 (offentlig).pdf"
    dialog.public.setChecked(False)
    referater, protokoller = tmp_path / "referater", tmp_path / "protokoller"
    referater.mkdir()
    protokoller.mkdir()
    _export(dialog, qtbot, referater)
    dialog.document.setCurrentIndex(dialog.document.findData("protokol"))
    _export(dialog, qtbot, protokoller)
    assert (protokoller / "Beslutningsprotokol AET 2020-08-19.pdf").exists()

    again = _dialog(examples_window, qtbot)  # a new day: each kind goes where it went
    assert again.path.text() == str(referater / "Referat AET 2020-08-19.pdf")
    again.document.setCurrentIndex(again.document.findData("protokol"))
    assert again.path.text() == str(protokoller / "Beslutningsprotokol AET 2020-08-19.pdf")
    again.docx.setChecked(True)
    assert again.path.text() == str(protokoller / "Beslutningsprotokol AET 2020-08-19.docx")


def test_a_file_that_cannot_be_opened_is_said(examples_window, qtbot, tmp_path, monkeypatch):
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda _url: False)
    dialog = _dialog(examples_window, qtbot)
    dialog.open_after.setChecked(True)
    _export(dialog, qtbot, tmp_path)
    assert "kunne ikke åbnes" in dialog.status.text()
    assert (tmp_path / "Referat AET 2020-08-19.pdf").exists()


def test_the_underskriftsark_has_no_public_version(examples_window, qtbot, tmp_path):
    dialog = _dialog(examples_window, qtbot)
    dialog.document.setCurrentIndex(dialog.document.findData("underskriftsark"))
    dialog.public.setChecked(True)
    out = tmp_path / "ud"
    out.mkdir()
    dialog.path.setText(str(out / dialog.suggested_name()))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert dialog.error.text() == "Underskriftsarket er internt og findes ikke i en offentlig " \
        "udgave."
    assert list(out.iterdir()) == []  # nothing half-written
