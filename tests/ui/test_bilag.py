"""Bilag: numbered, moved, dropped on the item, opened; the agenda with its bilag in one PDF."""

from __future__ import annotations

import io

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from model.entities import Item, Meeting
from tests.ui.helpers import make_meeting
from tests.ui.keyboard import CTRL, Keyboard

pypdf = pytest.importorskip("pypdf")


def a_pdf(text: str, pages: int = 1) -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for n in range(pages):
        page.drawString(72, 720, f"{text} side {n + 1}")
        page.showPage()
    page.save()
    return out.getvalue()


def bilag_titles(archive, item_id):
    with archive.sessions() as s:
        return [a.title for a in s.get(Item, item_id).attachments]


def test_numbered_moved_with_undo_and_opened(window, archive, qtbot, monkeypatch):
    from model import item_edit

    meeting_id = make_meeting(archive, titles=("A",))
    with archive.transaction() as s:
        item_id = s.get(Meeting, meeting_id).items[0].id
        for title in ("Kort", "Notat", "Tegning"):
            item_edit.add_attachment(s, item_id, title=title, filename=f"{title}.pdf",
                                     content=a_pdf(title))
    window.open_meeting(meeting_id)
    listing = window.editor.attachments
    assert [listing.item(n).text() for n in range(3)] == [
        "Bilag 1: Kort", "Bilag 2: Notat", "Bilag 3: Tegning"]
    listing.setFocus()
    listing.setCurrentRow(0)
    keys = Keyboard(window)
    keys.key(Qt.Key.Key_Down, CTRL)
    assert bilag_titles(archive, item_id) == ["Notat", "Kort", "Tegning"]
    assert window.editor.attachments.item(1).text() == "Bilag 2: Kort"
    assert window.editor.attachments.currentRow() == 1
    window.undo()
    assert bilag_titles(archive, item_id) == ["Kort", "Notat", "Tegning"]

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window.editor.attachments.setFocus()
    window.editor.attachments.setCurrentRow(2)
    keys.key(Qt.Key.Key_Return)
    with archive.sessions() as s:
        stored = s.get(Item, item_id).attachments[2].content
    with open(opened[0].toLocalFile(), "rb") as f:
        assert f.read() == stored


def test_files_dropped_on_the_item_become_bilag(window, archive, qtbot, tmp_path):
    meeting_id = make_meeting(archive, titles=("A",))
    window.open_meeting(meeting_id)
    item_id = window.editor.view.id
    files = [tmp_path / "Lokalplan.pdf", tmp_path / "Høringssvar.docx"]
    for path in files:
        path.write_bytes(path.name.encode())
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in files])
    target = window.editor.attachments.viewport()
    args = (QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(*args)  # as a drag from the file manager arrives
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(*args)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    assert bilag_titles(archive, item_id) == ["Lokalplan", "Høringssvar"]
    with archive.sessions() as s:
        assert s.get(Item, item_id).attachments[1].content == "Høringssvar.docx".encode()
    assert window.editor.attachments.item(1).text() == "Bilag 2: Høringssvar"


def _meeting_with_bilag(archive):
    from model import agenda, item_edit

    meeting_id = make_meeting(archive, titles=("Lokalplan", "Budget", "Personalesag"))
    with archive.transaction() as s:
        meeting = s.get(Meeting, meeting_id)
        first, second, third = meeting.items
        add = item_edit.add_attachment
        add(s, first.id, title="Kortbilag", filename="kort.pdf", content=a_pdf("KORTET", 2))
        add(s, first.id, title="Referat af borgermøde", filename="m.docx", content=b"PK\x03\x04")
        add(s, first.id, title="Høringssvar", filename="h.pdf", content=a_pdf("HØRING"))
        hidden = add(s, second.id, title="Fortroligt notat", filename="n.pdf",
                     content=a_pdf("FORTROLIGT"))
        item_edit.set_attachment_field(s, hidden, "closed", True)
        add(s, second.id, title="Budgetoversigt", filename="b.pdf", content=a_pdf("BUDGET"))
        add(s, third.id, title="Sagsakter", filename="s.pdf", content=a_pdf("SAGSAKTER"))
        third.closed = True
        agenda.get_meeting(s, meeting_id)
        return meeting_id, meeting.ext_id


def _outline(reader):
    def walk(entries, depth=0):
        for entry in entries:
            if isinstance(entry, list):
                yield from walk(entry, depth + 1)
            else:
                yield depth, entry.title, reader.get_destination_page_number(entry)
    return list(walk(reader.outline))


def test_render_with_bilag_on_the_command_line(archive, tmp_path, capsys):
    from main import main

    if archive.path is None:
        pytest.skip("the command line test opens the archive by its file")
    _meeting_id, ext_id = _meeting_with_bilag(archive)
    out = tmp_path / "Dagsorden med bilag.pdf"
    code = main(["--db", str(archive.path), "render", ext_id, "--document", "dagsorden",
                 "--format", "pdf", "--public", "--with-bilag", "--out", str(out)])
    assert code == 0, capsys.readouterr().err
    reader = pypdf.PdfReader(out)
    outline = _outline(reader)
    titles = [(depth, title) for depth, title, _page in outline]
    assert (1, "Bilag 1: Kortbilag") in titles and (1, "Bilag 3: Høringssvar") in titles
    assert (1, "Bilag 2: Budgetoversigt") in titles
    assert not any("Fortroligt" in t or "Sagsakter" in t or "borgermøde" in t
                   for _d, t in titles)
    pages = [page.extract_text() for page in reader.pages]
    text = "\n".join(pages)
    assert "FORTROLIGT" not in text and "SAGSAKTER" not in text
    start = dict((t, p) for _d, t, p in outline)
    assert pages[start["Bilag 1: Kortbilag"]].startswith("KORTET side 1")
    assert pages[start["Bilag 1: Kortbilag"] + 1].startswith("KORTET side 2")
    assert pages[start["Bilag 3: Høringssvar"]].startswith("HØRING")
    item_pages = [p for d, _t, p in outline if d == 0]
    assert len(item_pages) == 3 and item_pages == sorted(item_pages)
    assert "Bilag 1: Kortbilag" in text and "Bilag 2: Referat af borgermøde" in text
    first_bilag = start["Bilag 1: Kortbilag"]
    assert first_bilag > max(item_pages)  # the whole agenda first, then the bilag
    assert len(reader.pages) == first_bilag + 2 + 1 + 1
    # The agenda keeps its tagged structure and language in the bundle.
    catalog = reader.trailer["/Root"]
    assert "/StructTreeRoot" in catalog and catalog["/Lang"] == "da-DK"
    assert catalog["/MarkInfo"]["/Marked"]


def test_with_bilag_is_only_for_the_agenda_as_pdf(archive, tmp_path, capsys):
    from main import main

    if archive.path is None:
        pytest.skip("the command line test opens the archive by its file")
    _meeting_id, ext_id = _meeting_with_bilag(archive)
    code = main(["--db", str(archive.path), "render", ext_id, "--document", "referat",
                 "--format", "pdf", "--with-bilag", "--out", str(tmp_path / "x.pdf")])
    assert code == 2
    assert "--with-bilag gælder kun --document dagsorden" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_the_export_dialog_makes_the_bundle(window, archive, qtbot, tmp_path):
    from ui.dialogs.export_dialog import WITH_BILAG, ExportDialog

    meeting_id, _ext_id = _meeting_with_bilag(archive)
    window.ws.committees_changed.emit()
    dialog = ExportDialog(window.ws, meeting_id, window)
    qtbot.addWidget(dialog)
    dialog.open_after.setChecked(False)
    dialog.docx.setChecked(True)
    dialog.document.setCurrentIndex(dialog.document.findData(WITH_BILAG))
    assert dialog.pdf.isChecked() and not dialog.docx.isEnabled()
    assert dialog.suggested_name() == "Dagsorden med bilag ØU 2020-04-21.pdf"
    dialog.path.setText(str(tmp_path / dialog.suggested_name()))
    dialog.start()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)
    assert dialog.error.text() == ""
    reader = pypdf.PdfReader(tmp_path / "Dagsorden med bilag ØU 2020-04-21.pdf")
    titles = [t for _d, t, _p in _outline(reader)]
    assert "Bilag 1: Sagsakter" in titles  # the internal version: a closed item's open bilag
    assert "Bilag 1: Fortroligt notat" not in titles  # never a closed bilag
