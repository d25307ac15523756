"""Import, re-import and export of a 10-item and a 200-item meeting; prints times and file size.

    python bench/import_bench.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import meeting_document  # noqa: E402
from model.database import open_archive  # noqa: E402
from model.interchange import export_file, import_file  # noqa: E402


def one_run(items: int, seed: int, folder: Path) -> dict[str, float]:
    source = folder / "meeting.json"
    source.write_text(json.dumps(meeting_document(items, seed=seed)), "utf-8")
    archive = open_archive(folder / "arkiv.sqlite3")
    figures = {"json": source.stat().st_size}

    start = time.perf_counter()
    import_file(archive, source)
    figures["import"] = time.perf_counter() - start
    with archive.engine.connect() as connection:  # fold the WAL into the file
        connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    figures["size"] = (folder / "arkiv.sqlite3").stat().st_size

    start = time.perf_counter()
    import_file(archive, source)
    figures["reimport"] = time.perf_counter() - start

    start = time.perf_counter()
    with archive.sessions() as session:
        export_file(session, ["bench-1"], folder / "out.json")
    figures["export"] = time.perf_counter() - start
    archive.close()
    return figures


def measure(items: int, runs: int) -> dict[str, float]:
    results = []
    for seed in range(runs):
        with tempfile.TemporaryDirectory() as folder:
            results.append(one_run(items, seed, Path(folder)))
    return {key: statistics.median(r[key] for r in results) for key in results[0]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    print(f"median of {args.runs} runs, SQLite file archive")
    for items in (10, 200):
        f = measure(items, args.runs)
        print(
            f"{items:4d} items: import {f['import'] * 1000:7.0f} ms   re-import "
            f"{f['reimport'] * 1000:7.0f} ms   export {f['export'] * 1000:6.0f} ms   "
            f"archive {f['size'] / 1e6:5.2f} MB (JSON {f['json'] / 1e6:5.2f} MB)"
        )


if __name__ == "__main__":
    main()
