"""Laying a Word file out with LibreOffice, to learn the page each heading lands on: for
a file the page model (exporters/word_pages) does not know, such as one made from a
committee's own template in another font, and for the tests that check that model.

python-docx cannot paginate, and `soffice --convert-to` prints a TOC field's
cached numbers as they are. But the PDF it writes carries an outline entry
per heading, pointing at the page where LibreOffice put it: those pages are
the numbers the cache should hold. Without LibreOffice (or pypdf) the
functions return None and the caller keeps its estimate.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from exporters.docx_toc import replace_part
from exporters.fonts import FILES, font_dir

TIMEOUT_S = 300
MAX_WORKERS = 4
MIN_CHAPTERS_PER_PART = 25  # below this, a second LibreOffice start costs more than it saves
# LibreOffice holds the whole layout in memory: measured 213 MB for 535 pages (200 items of
# bench/render_bench.py's meeting), 292-301 MB for 1,070 (400 items). Parts of at most this
# many chapters keep each process near 215 MB however long the meeting; they take turns on
# the processors. A start more costs 1.1 s of CPU per 200 items (laying them out some 5 s).
MAX_CHAPTERS_PER_PART = 200
ENV_SOFFICE = "REFERENT_SOFFICE"  # a path to soffice, or "off" to never use it
_WINDOWS = (
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)


def soffice() -> str | None:
    """The LibreOffice executable, or None when it is not installed (or turned off)."""
    chosen = os.environ.get(ENV_SOFFICE)
    if chosen:
        return None if chosen.lower() == "off" else chosen
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    return next((path for path in _WINDOWS if Path(path).exists()), None)


def convert_to_pdf(docx: bytes, timeout: float = TIMEOUT_S) -> bytes | None:
    """The Word file laid out by LibreOffice as PDF, or None if that could not be done."""
    return convert_all_to_pdf([docx], timeout)[0]


def convert_all_to_pdf(files: list[bytes], timeout: float = TIMEOUT_S) -> list[bytes | None]:
    """Word files laid out as PDF by one LibreOffice run (one start, not one per file);
    None for each that could not be done."""
    program = soffice()
    if program is None:
        return [None] * len(files)
    with tempfile.TemporaryDirectory(prefix="referent-lo-") as temp, \
            _kept_profile(Path(temp)) as profile:
        folder = Path(temp)
        sources = [folder / f"dokument{n}.docx" for n in range(len(files))]
        for source, docx in zip(sources, files, strict=True):
            source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources),
        ]
        targets = [source.with_suffix(".pdf") for source in sources]
        kept = profile.parent != folder
        if _run(command, timeout) and not all(t.exists() for t in targets) and kept:
            # Finished without every PDF: perhaps a kept profile damaged by a crash. A new one.
            shutil.rmtree(profile, ignore_errors=True)
            fresh = folder / "profile"
            _install_fonts(fresh)
            command[1] = f"-env:UserInstallation={fresh.as_uri()}"
            _run(command, timeout)
        return [target.read_bytes() if target.exists() else None for target in targets]


def _run(command: list[str], timeout: float) -> bool:
    """Whether LibreOffice ran to its end in time (not whether it wrote anything)."""
    try:
        subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                       stdin=subprocess.DEVNULL)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return True


@contextmanager
def _kept_profile(temp: Path) -> Iterator[Path]:
    """A LibreOffice profile kept in the user's cache folder between runs, so LibreOffice
    does not make one at every start (measured on this Debian's 7.4: 1.12 s of CPU for a
    start on a kept profile, 1.24 s on a new one). Two LibreOffice processes cannot
    share one (the second hands its work to the first), so each running conversion holds
    a lock on its own; when all are taken, or the cache cannot be written, a throwaway
    profile in `temp` does the job as before."""
    try:
        from platformdirs import user_cache_path

        base = user_cache_path("Referent", appauthor=False) / "libreoffice"
        base.mkdir(parents=True, exist_ok=True)
    except (ImportError, OSError):
        base = None
    for slot in range(MAX_WORKERS * 2 if base else 0):
        profile = base / f"profil-{slot}"
        with _locked(base / f"profil-{slot}.lock") as mine:
            if mine:
                _install_fonts(profile)
                yield profile
                return
    profile = temp / "profile"
    _install_fonts(profile)
    yield profile


@contextmanager
def _locked(path: Path) -> Iterator[bool]:
    """Whether this process got the lock file at `path`, held until the block ends (the
    system lets go of it when a process dies, so a crash leaves no stale lock)."""
    try:
        handle = open(path, "a+b")
    except OSError:
        yield False
        return
    with handle:
        try:
            if os.name == "nt":
                import msvcrt

                msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            yield False
            return
        yield True


def _install_fonts(profile: Path) -> None:
    """Our fonts in the profile's own font folder, so no system package is needed."""
    fonts = profile / "user" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for filename in FILES.values():
        target = fonts / filename
        if target.exists():
            continue  # a kept profile has them from its first run
        if target.is_symlink():
            target.unlink()  # left from a Referent installed elsewhere
        try:
            target.symlink_to(font_dir() / filename)
        except OSError:  # Windows without the right to make links
            shutil.copyfile(font_dir() / filename, target)


def outline_pages(pdf: bytes) -> list[tuple[str, int]] | None:
    """The top-level outline entries of a PDF with their 1-based pages."""
    try:
        from pypdf import PdfReader
    except ImportError:
        return None
    reader = PdfReader(io.BytesIO(pdf))
    entries = []
    for item in reader.outline:
        if isinstance(item, list):
            continue  # children: sub-headings, not listed in the TOC
        page = reader.get_destination_page_number(item)
        entries.append((str(item.title), page + 1))
    return entries


def heading_pages(docx: bytes, count: int) -> list[int] | None:
    """The page of each of the `count` first-level headings, as LibreOffice lays the file out."""
    return parts_pages(layout_parts(docx, count), count)


def layout_parts(docx: bytes, count: int, split=None) -> list[bytes] | None:
    """The file cut into the parts LibreOffice lays out side by side (`parts_pages`), or None
    without LibreOffice; `split(parts)` cuts it, if given (the Word writer, which holds
    the file's chapters), else `split_chapters`.

    Every chapter starts on a page of its own, so its length does not depend
    on what comes before it: a long file is cut into one part per processor
    (more if it is long), the parts are laid out side by side, and their pages added up.
    """
    if soffice() is None:
        return None
    parts = max(_workers(count), -(-count // MAX_CHAPTERS_PER_PART))
    if parts < 2:
        return [docx]
    return split(parts) if split else split_chapters(docx, parts)


def parts_pages(documents: list[bytes] | None, count: int) -> list[int] | None:
    """The pages of the headings of the parts `layout_parts` cut, as one file's."""
    if documents is None:
        return None
    with ThreadPoolExecutor(min(_workers(count), len(documents))) as pool:
        laid_out = pool.map(convert_to_pdf, documents)
        pages: list[int] = []
        offset = 0
        for pdf in laid_out:  # read as each comes, not all held at once
            if pdf is None:
                return None
            entries = outline_pages(pdf)
            if entries is None:
                return None
            pages += [offset + page for _title, page in entries]
            offset += _page_count(pdf)
    return pages if len(pages) == count else None


def _workers(count: int) -> int:
    return max(1, min(os.cpu_count() or 1, MAX_WORKERS, count // MIN_CHAPTERS_PER_PART))


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def split_chapters(docx: bytes, parts: int, root=None) -> list[bytes]:
    """The file cut at chapter starts (paragraphs that break the page) into `parts` files.

    `root` is the file's word/document.xml already parsed, if the caller holds it (the
    writer does): a second tree of a 2000-item file takes 140 MB. It is left as it was."""
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(docx))
    if root is None:
        root = etree.fromstring(source.read("word/document.xml"))
    body = root.find(_W + "body")
    children = list(body)
    starts = [i for i, child in enumerate(children) if _starts_chapter(child)]
    if len(starts) < parts:
        return [docx]
    cuts = [starts[len(starts) * k // parts] for k in range(1, parts)]
    bounds = [0, *cuts, len(children) - 1]  # the last child is the sectPr, kept in every part
    documents = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        for child in list(body):
            body.remove(child)
        for child in children[lo:hi]:
            body.append(child)
        body.append(children[-1])
        if lo:
            _drop_page_break(children[lo])
        documents.append(replace_part(source, "word/document.xml", partial(_write, root)))
        if lo:
            _restore_page_break(children[lo])
    for child in list(body):
        body.remove(child)
    body.extend(children)
    return documents


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _write(root, stream) -> None:
    """`root` written into the zip as it is serialised, not held as one string first."""
    from lxml import etree

    etree.ElementTree(root).write(stream, encoding="UTF-8", xml_declaration=True,
                                  standalone=True)


def _starts_chapter(element) -> bool:
    ppr = element.find(_W + "pPr")
    return ppr is not None and ppr.find(_W + "pageBreakBefore") is not None


def _drop_page_break(element) -> None:
    # A part's first page must not begin with an empty page.
    brk = element.find(_W + "pPr").find(_W + "pageBreakBefore")
    brk.set(_W + "val", "0")


def _restore_page_break(element) -> None:
    element.find(_W + "pPr").find(_W + "pageBreakBefore").attrib.pop(_W + "val", None)
