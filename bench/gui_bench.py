"""How long the window takes to open a 200-item meeting and to switch between its items,
and to open a year of a committee with 10,000 meetings in the tree.

    QT_QPA_PLATFORM=offscreen python -m bench.gui_bench [--items 200] [--meetings 10000]

Prints milliseconds; a person notices delays above about 100 ms.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert, select

from bench.synthetic import meeting_document


def _build(folder: Path, items: int, meetings: int):
    from model.database import open_archive
    from model.entities import Committee, Meeting
    from model.interchange import import_document

    archive = open_archive(folder / "bench.sqlite3", keep_backups=None)
    with archive.transaction() as session:
        import_document(session, meeting_document(items))
    with archive.transaction() as session:
        committee_id = session.scalar(select(Committee.id))
        start = dt.date(1990, 1, 1)
        rows = [
            {
                "ext_id": f"bench-extra-{n}", "committee_id": committee_id,
                "date": start + dt.timedelta(days=n), "status": "signed", "guests": [],
            }
            for n in range(meetings)
        ]
        session.execute(insert(Meeting), rows)
        big = session.scalar(select(Meeting.id).where(Meeting.ext_id == "bench-1"))
    return archive, big, committee_id


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=200)
    parser.add_argument("--meetings", type=int, default=10_000)
    args = parser.parse_args(argv)

    from PySide6.QtCore import QSettings

    with tempfile.TemporaryDirectory() as folder:
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, folder)
        began = time.perf_counter()
        archive, meeting_id, _committee = _build(Path(folder), args.items, args.meetings)
        print(f"archive: {args.items}-item meeting + {args.meetings} meetings built in "
              f"{time.perf_counter() - began:.1f} s")
        from ui.app import application, open_window

        app = application()
        began = time.perf_counter()
        window = open_window(archive)
        window.show()
        app.processEvents()
        print(f"window shown: {_ms(time.perf_counter() - began)}")

        began = time.perf_counter()
        index = window.tree_model.index_of_meeting(meeting_id)
        window.tree.setCurrentIndex(index)
        app.processEvents()
        print(f"tree: committee and year of {args.meetings} meetings opened, meeting "
              f"found: {_ms(time.perf_counter() - began)}")

        window._show_meeting(None)
        began = time.perf_counter()
        window._show_meeting(meeting_id)
        app.processEvents()
        print(f"open the {args.items}-item meeting (agenda and first item shown): "
              f"{_ms(time.perf_counter() - began)}")

        rows = [row.id for row in window.agenda.model.rows]
        times = []
        for item_id in rows[1:] + rows[:1]:
            began = time.perf_counter()
            window.agenda.select_item(item_id)
            app.processEvents()
            times.append(time.perf_counter() - began)
        times.sort()
        print(f"switch item ({len(times)} switches): median {_ms(statistics.median(times))}, "
              f"95th percentile {_ms(times[int(len(times) * 0.95)])}, max {_ms(times[-1])}")

        editor = window.editor
        box = editor.section_boxes[0]
        began = time.perf_counter()
        box.edit.insertPlainText("Benchmark ")
        box.edit.commit()
        app.processEvents()
        print(f"store one section edit with undo step: {_ms(time.perf_counter() - began)}")

        began = time.perf_counter()
        window.search_panel.search("budgettet")
        app.processEvents()
        print(f"search the archive: {_ms(time.perf_counter() - began)}")
        window.close()
        archive.close()
    sys.stdout.flush()
    # Leave without Python's final garbage collection racing Qt's own teardown.
    os._exit(0)


if __name__ == "__main__":
    main()
