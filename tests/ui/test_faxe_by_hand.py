"""The Faxe meeting of 21 April 2020 made by hand in the window, as a new secretary
would, and its referat compared with the one of the imported example."""

from __future__ import annotations

import json
import re

import pypdf
from PySide6.QtCore import Qt

import exporters.render  # noqa: F401  (a missing exporter fails here, it is not skipped)
from tests.conftest import EXAMPLES

EXAMPLE = EXAMPLES / "faxe-sagsbehandling-2020-04-21.json"


def type_markdown(qtbot, editor, edit, text: str) -> None:
    """Type paragraphs with Return, and `- ` lines with the list button, as a user does."""
    edit.setFocus()
    in_list = False
    lines = [line for line in text.split("\n") if line.strip()]
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(edit, Qt.Key.Key_Return)
        bullet = line.startswith("- ")
        if bullet != in_list:
            editor._format(lambda e: e.toggle_list(False))
            in_list = bullet
        qtbot.keyClicks(edit, line[2:] if bullet else line)
    edit.commit()


def referat_text(path) -> str:
    pages = [page.extract_text() for page in pypdf.PdfReader(path).pages]
    return "\n".join(pages)


def without_page_lines(text: str) -> str:
    """The text without running headers and page numbers (the page counts differ)."""
    return "\n".join(line for line in text.splitlines()
                     if not re.match(r"^(Side \d+ af \d+|Faxe Kommune .*)$", line.strip()))


def item_block(text: str, number: int) -> str:
    # the heading, then Faxe's journal number alone under it (the TOC prints titles only)
    start = re.search(rf"Punkt {number}: [^\n]*\n\d\d\.\d\d\.", text).start()
    following = re.search(rf"Punkt {number + 1}: [^\n]*\n\d\d\.\d\d\.", text[start:])
    end = start + following.start() if following else text.index("Underskriftsark", start)
    return without_page_lines(text[start:end])


def test_make_the_faxe_meeting_by_hand_and_export_its_referat(window, archive, qtbot, tmp_path,
                                                             monkeypatch):
    from model.interchange import import_file
    from ui.dialogs.committee_dialog import CommitteeDialog
    from ui.dialogs.export_dialog import ExportDialog
    from ui.dialogs.meeting_dialog import MeetingDialog

    source = json.loads(EXAMPLE.read_text("utf-8"))
    committee = source["committees"][0]
    meeting = source["meetings"][0]

    dialog = CommitteeDialog(window.ws, None, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.fields["name"].edit, committee["name"])
    qtbot.keyClicks(dialog.fields["short_name"].edit, committee["short_name"])
    qtbot.keyClicks(dialog.fields["organisation"].edit, committee["organisation"])
    dialog.sections.setPlainText("\n".join(committee["section_headings"]))
    # Faxe's house style, typed in the Husstil tab as the example file has it
    dialog.style_tab.edits["toc_entry"].setText(committee["style"]["toc_entry"])
    dialog.style_tab.lines.setPlainText("\n".join(committee["style"]["item_lines"]))
    dialog.first_items.setPlainText("")
    dialog.last_items.setPlainText("")
    for member in committee["members"]:
        dialog.add_member_row((None, member["name"], member["party"] or "", member["role"], True))
    assert dialog.save()
    dialog.close()
    window.ws.committees_changed.emit()

    meeting_dialog = MeetingDialog(window.ws, None, dialog.committee_id, window)
    qtbot.addWidget(meeting_dialog)
    qtbot.keyClicks(meeting_dialog.fields["date"].edit, "21-04-2020")
    qtbot.keyClicks(meeting_dialog.fields["start"].edit, "17.00")
    meeting_dialog.attendance.item(1, 3).setText(meeting["attendance"][1]["note"])
    meeting_dialog.accept()
    assert meeting_dialog.result() == 1
    window.tree_model.refresh_committee(dialog.committee_id)
    window.open_meeting(meeting_dialog.meeting_id)

    editor = window.editor
    for record in meeting["items"][:2]:
        window.act_new_item.trigger()
        title = editor.fields["title"].edit
        title.selectAll()
        qtbot.keyClicks(title, record["title"])
        qtbot.keyClick(title, Qt.Key.Key_Tab)
        qtbot.keyClicks(editor.fields["journal_number"].edit, record["journal_number"])
        editor.fields["journal_number"].commit()
        for box, section in zip(editor.section_boxes, record["sections"], strict=False):
            assert box.heading.text() == section["heading"]
            type_markdown(qtbot, editor, box.edit, section["text"])
        type_markdown(qtbot, editor, editor.decision, record["decision"]["text"])
        for attachment in record["attachments"]:
            monkeypatch.setattr(
                "ui.item_bilag.QInputDialog.getText", lambda *a, t=attachment: (t["title"], True)
            )
            editor.add_attachment_title()
    for _step in range(3):  # kladde -> dagsorden udsendt -> afholdt -> referat godkendt
        window.advance_status()

    export = ExportDialog(window.ws, window.meeting_id, window)
    qtbot.addWidget(export)
    export.open_after.setChecked(False)
    mine = tmp_path / "referat-haandlavet.pdf"
    export.path.setText(str(mine))
    export.start()
    qtbot.waitUntil(lambda: not export.is_busy(), timeout=60000)
    assert export.error.text() == ""

    # The example, imported into a second archive and rendered the same way.
    from model.database import open_archive

    other = open_archive(tmp_path / "eksempel.sqlite3")
    import_file(other, EXAMPLE)
    from exporters.render import render_meeting

    theirs = tmp_path / "referat-eksempel.pdf"
    with other.sessions() as session:
        render_meeting(session, meeting["id"], "referat", "pdf", False, theirs)
    other.close()

    mine_text, their_text = referat_text(mine), referat_text(theirs)
    front = [without_page_lines(t.split("Indholdsfortegnelse")[0]) for t in (mine_text, their_text)]
    assert front[0] == front[1]
    mine_block, their_block = item_block(mine_text, 2), item_block(their_text, 2)
    assert mine_block.splitlines() == their_block.splitlines()
    assert "Punkt 1: Velkomst og præsentation" in mine_text
