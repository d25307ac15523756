"""Every figure of issue 15's table in one run, each beside its aim.

    python -m bench [--only render toc memory cli archive] [--runs 3] [--archive PATH]

render:  a 200-item referat to PDF and to Word (with its exact contents list), as whole
         `referent render` processes, as a ratio of the yardstick: LibreOffice converting
         the same Word file to PDF, cold (a new process on a profile it made before, as on a
         user's PC). Medians of --runs.
toc:     Word files of 800 and 2000 items laid out by LibreOffice: is every contents number
         the page its heading lands on?
memory:  the peak resident memory of any process a 2000-item render starts (LibreOffice
         included), for PDF and Word.
cli:     `referent meetings`, and the same interpreter only importing its libraries.
archive: the window on the 100,000-item archive (bench/generate_archive.py makes it once,
         about 2 minutes): usable, a 200-item meeting opened, search of one and two words.

The machine's other work only ever adds time: run it when the machine is quiet.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PARTS = ("render", "toc", "memory", "cli", "archive")
REFERENT = [sys.executable, str(ROOT / "main.py")]
# A child that runs a command and reports the largest resident set of it and everything it
# waited for (the render's LibreOffice processes too): RUSAGE_CHILDREN keeps the maximum.
PEAK = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, "
        "capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
# What `referent meetings` cannot do without: the interpreter and these imports.
LIBRARIES = "import argparse, sqlalchemy, sqlalchemy.orm, platformdirs"


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []

    def add(self, what: str, figure: str, aim: str) -> None:
        self.rows.append((what, figure, aim))
        print(f"{what:48s} {figure:>26s}   aim {aim}", flush=True)

    def markdown(self) -> str:
        lines = ["| what | measured | aim |", "|---|---|---|"]
        lines += [f"| {w} | {f} | {a} |" for w, f, a in self.rows]
        return "\n".join(lines)


def timed(command: list[str], runs: int, env: dict | None = None) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def peak_mb(command: list[str]) -> float:
    out = subprocess.run([sys.executable, "-c", PEAK, *command], check=True,
                         capture_output=True, text=True).stdout
    return int(out.split()[-1]) / 1024


def meeting_db(folder: Path, items: int) -> Path:
    from bench.render_bench import interchange

    db = folder / f"referat-{items}.sqlite3"
    if not db.exists():
        source = folder / f"referat-{items}.json"
        source.write_text(json.dumps(interchange(items), ensure_ascii=False), encoding="utf-8")
        subprocess.run([*REFERENT, "--db", str(db), "import", str(source)], check=True,
                       capture_output=True)
    return db


def render_command(db: Path, fmt: str, out: Path) -> list[str]:
    return [*REFERENT, "--db", str(db), "render", "bench-meeting", "--document", "referat",
            "--format", fmt, "--out", str(out)]


def yardstick(docx: Path, folder: Path, runs: int) -> float:
    from exporters.layout import soffice

    program = soffice()
    if program is None:
        raise SystemExit("LibreOffice is needed for the yardstick")
    profile = folder / "lo-profile"
    command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
               "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(docx)]
    subprocess.run(command, check=True, capture_output=True)  # the first start makes it
    return timed(command, runs)


def part_render(table: Table, folder: Path, runs: int) -> None:
    db = meeting_db(folder, 200)
    pdf, docx = folder / "referat-200.pdf", folder / "referat-200.docx"
    word_s = timed(render_command(db, "docx", docx), runs)
    pdf_s = timed(render_command(db, "pdf", pdf), runs)
    lo_s = yardstick(docx, folder, runs)
    table.add("yardstick: LibreOffice, Word -> PDF, 200 items", f"{lo_s:.2f} s", "-")
    table.add("referat PDF, 200 items", f"{pdf_s:.2f} s = {pdf_s / lo_s:.2f} x", "<= 0.35 x")
    table.add("referat Word, exact contents, 200 items", f"{word_s:.2f} s = {word_s / lo_s:.2f} x",
              "<= 0.6 x")


def contents_right(docx: Path, folder: Path) -> tuple[int, int]:
    """(right, all) contents numbers of a Word file as LibreOffice lays it out."""
    from docx import Document

    from exporters.layout import convert_to_pdf
    from tests.exporters.helpers import heading_on_page

    data = docx.read_bytes()
    word = Document(docx)
    entries = [p.text.rsplit("\t", 1) for p in word.paragraphs if p.style.name == "toc 1"]
    target = folder / (docx.stem + "-lo.pdf")
    target.write_bytes(convert_to_pdf(data))
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")
    right = sum(heading_on_page(pages[int(page) - 1], title.rstrip("\u2007"))
                for title, page in entries)
    return right, len(entries)


def part_toc(table: Table, folder: Path) -> None:
    for items in (800, 2000):
        docx = folder / f"referat-{items}.docx"
        if not docx.exists():
            subprocess.run(render_command(meeting_db(folder, items), "docx", docx), check=True,
                           capture_output=True)
        right, count = contents_right(docx, folder)
        table.add(f"Word contents list, {items} items", f"{right} of {count} numbers right",
                  "all")


def part_memory(table: Table, folder: Path) -> None:
    db = meeting_db(folder, 2000)
    for fmt, name in (("pdf", "PDF"), ("docx", "Word")):
        mb = peak_mb(render_command(db, fmt, folder / f"referat-2000.{fmt}"))
        table.add(f"peak memory, 2000-item referat, {name}", f"{mb:.0f} MB", "<= 250 MB")


def part_cli(table: Table, folder: Path, runs: int) -> None:
    db = meeting_db(folder, 200)
    runs = max(runs, 5)
    command_s = timed([*REFERENT, "--db", str(db), "meetings"], runs)
    libraries_s = timed([sys.executable, "-c", LIBRARIES], runs)
    table.add("`referent meetings`",
              f"{command_s:.2f} s, {command_s - libraries_s:.2f} s above", "<= 0.25 s above")


def part_archive(table: Table, archive: Path, runs: int) -> None:
    from bench.archive_bench import SEARCH_PROBE, ensure_archive, gui_probe, median_of, probe

    ensure_archive(archive)
    probe(SEARCH_PROBE, str(archive))  # the day's first open checks and backs up: not timed
    window = median_of([gui_probe(archive, "u1-2024-09") for _ in range(runs)])
    table.add("window usable, 100,000 items", f"{window['usable_s']:.2f} s", "<= 0.5 s")
    table.add("200-item meeting opens in the window",
              f"{window['window_open_200_ms']:.0f} ms", "<= 50 ms")
    search = median_of([probe(SEARCH_PROBE, str(archive)) for _ in range(runs)])
    table.add("search, one word, 100,000 items", f"{search['budgettet']:.0f} ms", "<= 20 ms")
    table.add("search, two words, 100,000 items", f"{search['anlæg drift']:.0f} ms", "<= 30 ms")


def machine() -> str:
    """How busy the machine is, for reading the rows in seconds: a fixed Python loop's
    time, and the share of the last minute some task waited for a CPU (Linux's pressure
    stall information, where the kernel gives it). On a host shared with others both
    move, and every row in seconds moves with them; the ratios to the yardstick less."""
    began = time.perf_counter()
    for _ in range(20_000_000):
        pass
    loop = time.perf_counter() - began
    try:
        fields = Path("/proc/pressure/cpu").read_text().split()
        waiting = f", a task waiting for a CPU {fields[fields.index('some') + 2][6:]} % " \
                  "of the last minute"
    except (OSError, ValueError, IndexError):
        waiting = ""
    return f"machine: a loop of 20 million steps {loop:.2f} s{waiting}"


def compile_sources() -> None:
    """Byte-compile the program as installing it does. Where PYTHONDONTWRITEBYTECODE is set
    (as on the build machines) every start would compile all of it again: 0.1-0.2 s that
    no user waits for."""
    import compileall
    import py_compile

    for package in ("model", "ui", "exporters", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)
    for module in ("main.py", "cli_danish.py"):
        py_compile.compile(str(ROOT / module))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="+", choices=PARTS, default=list(PARTS))
    parser.add_argument("--runs", type=int, default=3, help="medians of N runs")
    parser.add_argument("--archive", type=Path,
                        default=Path(tempfile.gettempdir()) / "referent-bench-100k.sqlite3")
    parser.add_argument("--keep", type=Path, help="keep the generated files in this folder")
    parser.add_argument("--markdown", action="store_true", help="also print a Markdown table")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    compile_sources()
    print(machine(), flush=True)
    table = Table()
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="referent-bench-") as temp:
        folder = args.keep or Path(temp)
        folder.mkdir(parents=True, exist_ok=True)
        if "render" in args.only:
            part_render(table, folder, args.runs)
        if "memory" in args.only:
            part_memory(table, folder)
        if "toc" in args.only:
            part_toc(table, folder)
        if "cli" in args.only:
            part_cli(table, folder, args.runs)
        if "archive" in args.only:
            part_archive(table, args.archive, args.runs)
    print(f"({time.perf_counter() - started:.0f} s in all; at the end, {machine()})")
    if args.markdown:
        print(table.markdown())


if __name__ == "__main__":
    main()
