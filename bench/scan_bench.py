"""Read a scanned paper protocol back, and time it per page.

    python bench/scan_bench.py [--pages 20] [--repeat 3]

Prints the seconds per page that `scanning.read.read_files` takes for a
protocol printed from the Faxe example (every decision removed), marked by a
simulated chair and scanned as a sheet-fed scanner would (200 dpi greyscale
JPEG pages in one PDF, skewed, shifted, blurred, noisy, one upside down), and
whether every page was read as marked. The target: at most 1 s a page.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FAXE = "sagsbehandling-2020-04-21"


def _printed(folder: Path):
    from exporters.render import render_protocol_pdf
    from model.database import open_archive
    from model.interchange import import_file
    from model.meetings import load_meeting

    archive = open_archive(folder / "arkiv.sqlite3", keep_backups=None)
    import_file(archive, ROOT / "resources" / "examples" / f"faxe-{FAXE}.json")
    with archive.transaction() as session:
        for item in load_meeting(session, FAXE).items:
            item.decision = None
    with archive.sessions() as session:
        pdf = render_protocol_pdf(session, load_meeting(session, FAXE))
    return archive, pdf


def main() -> None:
    import numpy as np

    from model.protocol_pages import find
    from scanning.locate import find_code
    from scanning.read import read_files
    from tests.scanning.simulate import as_pdf, clean_pages, mark_page, scan

    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = np.random.default_rng(1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        archive, pdf = _printed(folder)
        with archive.sessions() as session:
            layouts = [(image, find(session, find_code(image).identity.digest))
                       for image in clean_pages(pdf)]
        marked = [mark_page(*layouts[i % len(layouts)], rng) for i in range(args.pages)]
        scans = [scan(m.image, rng, upside_down=i == 1) for i, m in enumerate(marked)]
        path = folder / "scanning.pdf"
        path.write_bytes(as_pdf(scans))
        times = []
        for _ in range(args.repeat):
            with archive.sessions() as session:
                start = time.perf_counter()
                result = read_files(session, [path])
                times.append(time.perf_counter() - start)
        exact = all((p.item, p.ticked, p.absent) == (m.item, m.ticked, m.absent)
                    for p, m in zip(result.pages, marked, strict=True))
        archive.close()
    best = min(times) / args.pages
    print(f"{args.pages} scanned pages (200 dpi, JPEG in one PDF), best of {args.repeat}:")
    print(f"  {best:.3f} s a page ({min(times):.2f} s in all), target at most 1 s a page")
    print(f"  read as marked: {'every page' if exact and not result.unread else 'NOT ALL'}")


if __name__ == "__main__":
    main()
