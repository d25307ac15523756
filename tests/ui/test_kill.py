"""The real program, killed with SIGKILL while a secretary types, loses at most the last second.

Each round starts the desktop program in a process of its own on one archive,
types into an item's section with Qt key events (as a keyboard would), waits
one second after the last key and kills the process without warning. The
next round, and finally the test, reads the archive: every round's text
must be there. One round kills in the middle of steady typing instead and
checks that all but the last second was kept.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import select

from model.database import open_archive
from model.entities import Item
from model.interchange import import_file
from tests.conftest import EXAMPLE_FILES, ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")

ITEM = "sagsbehandling-2020-04-21-2"  # of a meeting not signed: it takes typing

# Runs in the child: the program's own window on the archive, then typing.
TYPIST = r"""
import sys, time
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtTest import QTest
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[4])
from sqlalchemy import select
from model.database import open_archive
from model.entities import Item
from ui.app import application, open_window

db, text, steady = sys.argv[1], sys.argv[2], sys.argv[3] == "steady"
app = application()
archive = open_archive(db, defer_backup=True)
window = open_window(archive)
window.show()
with archive.sessions() as session:
    item = session.scalar(select(Item).where(Item.ext_id == "ITEM_ID"))
    meeting_id, item_id = item.meeting_id, item.id

def type_it():
    window.open_meeting(meeting_id)
    window.agenda.select_item(item_id)
    app.processEvents()
    edit = window.editor.section_boxes[0].edit
    edit.setFocus()
    cursor = edit.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    if steady:  # a key every 50 ms, never a pause, until killed
        for n, char in enumerate(text * 100):
            QTest.keyClicks(edit, char)
            app.processEvents()
            if n == len(text):
                print("TYPED", flush=True)
            time.sleep(0.05)
    QTest.keyClicks(edit, text)
    print("TYPED", flush=True)

QTimer.singleShot(100, type_it)
app.exec()
""".replace("ITEM_ID", ITEM)


def section_text(db) -> str:
    archive = open_archive(db, keep_backups=None)
    with archive.sessions() as session:
        text = session.scalar(select(Item).where(Item.ext_id == ITEM)).sections[0].text
    archive.close()
    return text


def run_and_kill(db, text: str, settings, steady: bool = False, after: float = 1.0) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", TYPIST, str(db), text, "steady" if steady else "once",
         str(settings)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        line = child.stdout.readline()
        assert line.strip() == "TYPED", child.stderr.read()
        time.sleep(after)
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL


def test_typing_survives_sigkill(tmp_path):
    db = tmp_path / "arkiv.sqlite3"
    archive = open_archive(db)
    import_file(archive, next(p for p in EXAMPLE_FILES if p.stem.startswith("faxe")))
    archive.close()
    before = section_text(db)

    words = ["Aftalt", "kvartalsvis", "opfølgning"]
    for n, word in enumerate(words):
        run_and_kill(db, f" {word}{n}", tmp_path / "cfg")
    kept = section_text(db)
    assert kept.startswith(before.rstrip())
    assert [w for n, w in enumerate(words) if f"{w}{n}" not in kept] == []


def test_steady_typing_is_stored_within_a_second(tmp_path):
    db = tmp_path / "arkiv.sqlite3"
    archive = open_archive(db)
    import_file(archive, next(p for p in EXAMPLE_FILES if p.stem.startswith("faxe")))
    archive.close()
    before = section_text(db)

    # Killed 2 s into steady typing (a key each 50 ms): the first second is stored.
    run_and_kill(db, "abcdefghij", tmp_path / "cfg", steady=True, after=1.5)
    added = section_text(db)[len(before.rstrip()):]
    assert len(added.strip()) >= 10, added
