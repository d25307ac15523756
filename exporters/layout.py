"""Laying a Word file out with LibreOffice, to learn the page each heading lands on.

python-docx cannot paginate, and `soffice --convert-to` prints a TOC field's
cached numbers as they are. But the PDF it writes carries an outline entry
per heading, pointing at the page where LibreOffice put it: those pages are
the numbers the cache should hold. Without LibreOffice (or pypdf) the
functions return None and the caller keeps its estimate.
"""

from __future__ import annotations

import copy
import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from exporters.fonts import FILES, font_dir

TIMEOUT_S = 300
MAX_PARTS = 4
MIN_CHAPTERS_PER_PART = 25  # below this, a second LibreOffice start costs more than it saves
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
    with tempfile.TemporaryDirectory(prefix="referent-lo-") as temp:
        folder = Path(temp)
        profile = folder / "profile"
        _install_fonts(profile)
        sources = [folder / f"dokument{n}.docx" for n in range(len(files))]
        for source, docx in zip(sources, files, strict=True):
            source.write_bytes(docx)
        command = [
            program,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless", "--invisible", "--norestore", "--nologo", "--nodefault",
            "--convert-to", "pdf", "--outdir", str(folder), *map(str, sources),
        ]
        try:
            subprocess.run(command, capture_output=True, timeout=timeout, check=False,
                           stdin=subprocess.DEVNULL)
        except (OSError, subprocess.TimeoutExpired):
            return [None] * len(files)
        targets = [source.with_suffix(".pdf") for source in sources]
        return [target.read_bytes() if target.exists() else None for target in targets]


def _install_fonts(profile: Path) -> None:
    """Our fonts in the profile's own font folder, so no system package is needed."""
    fonts = profile / "user" / "fonts"
    fonts.mkdir(parents=True, exist_ok=True)
    for filename in FILES.values():
        target = fonts / filename
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
    """The page of each of the `count` first-level headings, as LibreOffice lays the file out.

    Every chapter starts on a page of its own, so its length does not depend
    on what comes before it: a long file is cut into one part per processor,
    the parts are laid out side by side, and their pages added up.
    """
    if soffice() is None:
        return None
    parts = max(1, min(os.cpu_count() or 1, MAX_PARTS, count // MIN_CHAPTERS_PER_PART))
    documents = split_chapters(docx, parts) if parts > 1 else [docx]
    with ThreadPoolExecutor(len(documents)) as pool:
        laid_out = list(pool.map(convert_to_pdf, documents))
    pages: list[int] = []
    offset = 0
    for pdf in laid_out:
        if pdf is None:
            return None
        entries = outline_pages(pdf)
        if entries is None:
            return None
        pages += [offset + page for _title, page in entries]
        offset += _page_count(pdf)
    return pages if len(pages) == count else None


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def split_chapters(docx: bytes, parts: int) -> list[bytes]:
    """The file cut at chapter starts (paragraphs that break the page) into `parts` files."""
    from lxml import etree

    source = zipfile.ZipFile(io.BytesIO(docx))
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
        xml = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
        documents.append(_replace_part(source, "word/document.xml", xml))
        if lo:
            _restore_page_break(children[lo])
    return documents


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _starts_chapter(element) -> bool:
    ppr = element.find(_W + "pPr")
    return ppr is not None and ppr.find(_W + "pageBreakBefore") is not None


def _drop_page_break(element) -> None:
    # A part's first page must not begin with an empty page.
    brk = element.find(_W + "pPr").find(_W + "pageBreakBefore")
    brk.set(_W + "val", "0")


def _restore_page_break(element) -> None:
    element.find(_W + "pPr").find(_W + "pageBreakBefore").attrib.pop(_W + "val", None)


def _replace_part(source: zipfile.ZipFile, name: str, content: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = content if info.filename == name else source.read(info.filename)
            target.writestr(copy.copy(info), data)  # writestr alters the info it is given
    return out.getvalue()
