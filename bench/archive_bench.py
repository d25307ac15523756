"""Speed at the scale of a municipality's archive (30 committees, 20 years, 100,000 items).

    python bench/archive_bench.py [--archive PATH] [--runs 5]

Generates the archive once (bench/generate_archive.py) and keeps it at
--archive; then prints medians of several runs for what a secretary waits
for. Each figure that starts the program runs in a fresh process, so the
operating system's file cache is the only thing carried over (as on a PC
where Referent was used earlier that day).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_ARCHIVE = Path(tempfile.gettempdir()) / "referent-bench-100k.sqlite3"

# Each probe runs in its own interpreter and prints one JSON object.
OPEN_PROBE = """
import json, resource, sys, time
start = time.perf_counter()
from model.database import open_archive
from model.meetings import list_meetings, load_meeting
archive = open_archive(sys.argv[1], keep_backups=None)
opened = time.perf_counter() - start
with archive.sessions() as session:
    t = time.perf_counter(); meetings = list_meetings(session); listed = time.perf_counter() - t
figures = {"open_s": opened, "list_meetings_s": listed, "meetings": len(meetings)}
for ext_id, key in ((sys.argv[2], "open_15"), (sys.argv[3], "open_200")):
    with archive.sessions() as session:
        t = time.perf_counter()
        meeting = load_meeting(session, ext_id)
        for item in meeting.items:
            item.sections, item.decision
        figures[key + "_ms"] = (time.perf_counter() - t) * 1000
        figures[key + "_items"] = len(meeting.items)
figures["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures))
"""


SEARCH_PROBE = """
import json, statistics, sys, time
from model.database import open_archive
from model.search import search
archive = open_archive(sys.argv[1], keep_backups=None)
figures = {}
for word in ("xyzzyq", "budgettet", "anlæg drift"):
    times = []
    for _ in range(7):
        with archive.sessions() as session:
            t = time.perf_counter()
            hits = search(session, word)
            times.append((time.perf_counter() - t) * 1000)
    figures[word] = statistics.median(times)
    figures[word + "_hits"] = len(hits)
print(json.dumps(figures))
"""

# The first start after an upgrade that changed the search index's columns: the index is
# made again from the tables (model/search.py ensure_index), once.
REINDEX_PROBE = """
import json, sys, time
from model.database import open_archive
from model.search import ensure_index
archive = open_archive(sys.argv[1], keep_backups=None)
with archive.engine.begin() as connection:
    connection.exec_driver_sql("DROP TABLE search_index")
t = time.perf_counter()
ensure_index(archive.engine)
print(json.dumps({"reindex_s": time.perf_counter() - t}))
"""

# The desktop program on the archive: from process start to a window that answers,
# then the large meeting opened in it, a search, and the peak memory.
GUI_PROBE = """
import json, os, resource, sys, tempfile, time
started = float(sys.argv[2])
import gc; gc.disable()  # as main.run_gui does, until the window shows
from model.database import open_archive  # before PySide6, as main.run_gui does
from ui.app import application, open_window
from PySide6.QtCore import QSettings
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tempfile.mkdtemp())
app = application()
archive = open_archive(sys.argv[1], keep_backups=None)
window = open_window(archive)
window.show()
app.processEvents()
figures = {"usable_s": time.time() - started}
gc.enable()
from PySide6.QtCore import QThreadPool
from ui.app import warm_up
warm_up(archive)  # as `run` does; a person takes longer than this to pick a meeting
QThreadPool.globalInstance().waitForDone()
from sqlalchemy import select
from model.entities import Meeting
with archive.sessions() as session:
    big = session.scalar(select(Meeting.id).where(Meeting.ext_id == sys.argv[3]))
t = time.perf_counter()
window.open_meeting(big)
app.processEvents()
figures["window_open_200_ms"] = (time.perf_counter() - t) * 1000
t = time.perf_counter()
window.search_panel.search("budgettet")
app.processEvents()
figures["window_first_search_ms"] = (time.perf_counter() - t) * 1000  # the panel opens too
t = time.perf_counter()
window.search_panel.search("overførsel")
app.processEvents()
figures["window_search_ms"] = (time.perf_counter() - t) * 1000
figures["gui_peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(figures), flush=True)
os._exit(0)
"""


def gui_probe(archive: Path, big_meeting: str) -> dict:
    import os
    import time

    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", GUI_PROBE, str(archive), repr(started), big_meeting],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def probe(code: str, *args: str) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def median_of(runs: list[dict]) -> dict:
    return {k: statistics.median(r[k] for r in runs) for k in runs[0]}


def ensure_archive(path: Path) -> None:
    """The archive, generated once, as the window's day's upkeep leaves it (its search
    index merged: model/database.py _days_copy); untimed, and no work once done."""
    from sqlalchemy import create_engine

    from model import search

    if not path.exists():
        from bench.generate_archive import generate

        print(f"generating {path} (about half a minute) ...", flush=True)
        counts = generate(path, committees=30, years=20, items=15)
        print(f"{counts['meetings']} meetings, {counts['items']} items", flush=True)
    engine = create_engine(f"sqlite:///{path}")
    search.compact(engine)
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    ensure_archive(args.archive)
    size = args.archive.stat().st_size / 1e6
    print(f"archive {args.archive} ({size:.0f} MB); medians of {args.runs} runs")

    f = median_of(
        [probe(OPEN_PROBE, str(args.archive), "u5-2020-03", "u1-2024-09") for _ in range(args.runs)]
    )
    print(f"open archive (incl. imports, integrity check): {f['open_s'] * 1000:6.0f} ms")
    listed = f"list all {f['meetings']:.0f} meetings:"
    print(f"{listed:42s}{f['list_meetings_s'] * 1000:6.0f} ms")
    print(f"open a meeting of {f['open_15_items']:.0f} items:            {f['open_15_ms']:6.1f} ms")
    print(
        f"open a meeting of {f['open_200_items']:.0f} items:           {f['open_200_ms']:6.1f} ms"
    )
    print(f"peak memory of the process:               {f['peak_mb']:6.0f} MB")
    search_probe = probe(SEARCH_PROBE, str(args.archive))
    for word in ("xyzzyq", "budgettet", "anlæg drift"):
        print(
            f"search {word!r:14s} ({search_probe[word + '_hits']:.0f} hits):".ljust(42)
            + f"{search_probe[word]:6.1f} ms"
        )

    reindex = probe(REINDEX_PROBE, str(args.archive))
    print(f"rebuild the search index (once, after an upgrade): {reindex['reindex_s']:5.1f} s")

    g = median_of([gui_probe(args.archive, "u1-2024-09") for _ in range(args.runs)])
    print(f"start to usable main window:              {g['usable_s'] * 1000:6.0f} ms")
    print(f"open the 200-item meeting in the window:  {g['window_open_200_ms']:6.1f} ms")
    print(f"first search in the window (panel opens): {g['window_first_search_ms']:6.1f} ms")
    print(f"next search in the window:                {g['window_search_ms']:6.1f} ms")
    print(f"peak memory of the program:               {g['gui_peak_mb']:6.0f} MB")


if __name__ == "__main__":
    main()
