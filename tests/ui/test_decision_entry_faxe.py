"""The Faxe meeting of 21 April 2020 entered the day after, from the keyboard alone: its
eight decisions (as the minutes give them), the absence under item 1 and the follow-ups."""

from __future__ import annotations

import datetime as dt
import json
import re

from PySide6.QtCore import Qt
from sqlalchemy import select

from model.entities import Meeting
from tests.conftest import EXAMPLES
from tests.ui.keyboard import ALT, CTRL, SHIFT, Keyboard

EXAMPLE = EXAMPLES / "faxe-sagsbehandling-2020-04-21.json"


def held_without_decisions(archive, ext_id: str) -> int:
    """The example meeting as it was the morning after: held, nothing entered."""
    with archive.transaction() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.ext_id == ext_id))
        for item in meeting.items:
            item.decision = None
            item.follow_ups.clear()
        meeting.status = "held"
        return meeting.id


def stored(archive, meeting_id):
    from model.decisions import state_of
    from model.follow_ups import item_follow_ups

    with archive.sessions() as s:
        meeting = s.get(Meeting, meeting_id)
        ext = {m.id: m.ext_id for m in meeting.committee.members}
        return [
            (
                state_of(item.decision).text if item.decision else None,
                [ext[m] for m in state_of(item.decision).members("absent")] if item.decision
                else [],
                [(f.text, f.asked_by, f.responsible, f.due, f.status)
                 for f in item_follow_ups(s, item.id)],
            )
            for item in meeting.items
        ]


def test_enter_the_faxe_decisions_from_the_keyboard(examples_window, examples_archive, qtbot,
                                                    tmp_path):
    window, archive = examples_window, examples_archive
    source = json.loads(EXAMPLE.read_text("utf-8"))["meetings"][0]
    meeting_id = held_without_decisions(archive, source["id"])
    window.ws.committees_changed.emit()
    window.open_meeting(meeting_id)
    window.agenda.view.setFocus()
    keys = Keyboard(window)

    keys.key(Qt.Key.Key_B, CTRL | SHIFT)  # Møde > Indtast beslutninger
    entry = window.decision_entry
    assert entry is not None and entry.isVisible()
    qtbot.waitUntil(lambda: keys.target() is entry.decision, timeout=20_000)
    assert entry.counter.text() == "8 punkter mangler beslutning"
    members = [m.id for m in entry.entry.members]

    for n, record in enumerate(source["items"]):
        assert entry.current.title == record["title"]
        assert keys.target() is entry.decision
        decision = record["decision"]
        keys.markdown(decision["text"])
        for member_ext in decision["absent"]:
            keys.key(Qt.Key.Key_F, ALT)  # to the members' table
            row = int(member_ext.rsplit("m", 1)[1]) - 1
            keys.key(Qt.Key.Key_Down, times=row)
            keys.key(Qt.Key.Key_Space)  # ikke til stede
            assert entry.marks.item(row, 1).checkState() == Qt.CheckState.Checked
            keys.key(Qt.Key.Key_B, ALT)  # back to the decision
        for follow_up in record["follow_ups"]:
            keys.key(Qt.Key.Key_S, ALT)
            assert entry.form is not None
            qtbot.waitUntil(lambda: entry.form.isAncestorOf(keys.target()), timeout=20_000)
            keys.type(follow_up["text"])
            keys.key(Qt.Key.Key_Tab)
            keys.type(follow_up["asked_by"])
            keys.key(Qt.Key.Key_Tab)
            keys.type(follow_up["responsible"])
            keys.key(Qt.Key.Key_Tab)
            if follow_up["due"]:
                keys.type(dt.date.fromisoformat(follow_up["due"]).strftime("%d-%m-%Y"))
            keys.key(Qt.Key.Key_Return, CTRL)
            assert entry.form is None
            qtbot.waitUntil(lambda: keys.target() is entry.decision, timeout=20_000)
        keys.key(Qt.Key.Key_Return, CTRL)  # next item (stores the text)
        assert entry.counter.text().startswith(str(7 - n) if n < 7 else "Alle")

    assert entry.counter.text() == "Alle punkter har en beslutning"
    assert "Sidste punkt" in entry.message.text()
    keys.key(Qt.Key.Key_Escape)
    assert window.decision_entry is None

    got = stored(archive, meeting_id)
    for record, (text, absent, follow_ups) in zip(source["items"], got, strict=True):
        assert text == record["decision"]["text"], record["title"]
        assert absent == record["decision"]["absent"]
        assert follow_ups == [
            (f["text"], f["asked_by"], f["responsible"],
             dt.date.fromisoformat(f["due"]) if f["due"] else None, f["status"])
            for f in record["follow_ups"]
        ]
    assert len(members) == 7
    print(f"\nFaxe-mødet, 8 beslutninger: {keys.total} tastetryk "
          f"({keys.characters} tegn og {keys.commands} andre taster)")

    # The referat of the meeting entered by hand is the example's referat.
    import pypdf

    from exporters import render
    with archive.transaction() as s:
        s.get(Meeting, meeting_id).status = source["status"]
    mine = tmp_path / "mine.pdf"
    with archive.sessions() as s:
        render.render_meeting(s, source["id"], "referat", "pdf", False, mine)
    from model.database import open_archive
    from model.interchange import import_file

    other = open_archive(tmp_path / "eksempel.sqlite3")
    import_file(other, EXAMPLE)
    theirs = tmp_path / "theirs.pdf"
    with other.sessions() as s:
        render.render_meeting(s, source["id"], "referat", "pdf", False, theirs)
    other.close()

    def text(path):
        pages = [p.extract_text() for p in pypdf.PdfReader(path).pages]
        return [line for line in "\n".join(pages).splitlines()
                if not re.match(r"^(Side \d+ af \d+)$", line.strip())]

    assert text(mine) == text(theirs)
