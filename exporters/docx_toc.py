"""The Word file's contents numbers, written into the saved file as text.

The writer keeps every number as wide as the widest (figure spaces after the
entry's text make up the rest), so the file LibreOffice laid out and the file
with the numbers have the same lines. Writing them into the saved file's
word/document.xml, rather than into python-docx's tree and saving it again,
lets the tree (130 MB at 2000 items) go before LibreOffice runs.
"""

from __future__ import annotations

import copy
import io
import re
import zipfile
from xml.sax.saxutils import escape, unescape

FIGURE_SPACE = "\u2007"
DOCUMENT = "word/document.xml"
_LINK = re.compile(rb'<w:hyperlink\b[^>]*?\bw:anchor="([^"]*)"[^>]*>(.*?)</w:hyperlink>', re.S)
_TEXT = re.compile(rb"(<w:t\b[^>]*>)([^<]*)(</w:t>)")


def entry_text(text: str, page: int, digits: int) -> str:
    """An entry's text with the figure spaces that make its number `digits` wide."""
    return text + FIGURE_SPACE * (digits - len(str(page)))


def write_numbers(docx: bytes, entries: list[tuple[str, str]], pages: list[int],
                  digits: int) -> bytes:
    """`docx` with the entry (anchor, text) linking to each anchor numbered with its page.
    The entry's first w:t is its text, its last the number (exporters/docx.py `_toc`)."""
    wanted = {anchor: (text, page) for (anchor, text), page in zip(entries, pages, strict=True)}
    source = zipfile.ZipFile(io.BytesIO(docx))
    xml = source.read(DOCUMENT)
    view = memoryview(xml)  # slices of it are not copies: the part is 20 MB at 2000 items
    pieces, at = [], 0
    for link in _LINK.finditer(xml):
        anchor = unescape(link.group(1).decode(), {"&quot;": '"'})
        if anchor not in wanted:
            continue
        text, page = wanted.pop(anchor)
        texts = list(_TEXT.finditer(xml, link.start(2), link.end(2)))
        title, number = texts[0], texts[-1]
        pieces += [view[at:title.start(2)], escape(entry_text(text, page, digits)).encode(),
                   view[title.end(2):number.start(2)], str(page).encode()]
        at = number.end(2)
        if not wanted:
            break
    if wanted:
        raise ValueError(f"{len(wanted)} contents entries not found in the Word file")
    pieces.append(view[at:])
    return replace_part(source, DOCUMENT, pieces)


def replace_part(source: zipfile.ZipFile, name: str, content) -> bytes:
    """The package `source` with its part `name` replaced by `content`: bytes, a list of
    bytes-like pieces written one after another, or a function that writes to a stream."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            info = copy.copy(info)  # writing alters the info it is given
            if info.filename != name:
                target.writestr(info, source.read(info.filename))
                continue
            with target.open(info, "w") as part:
                if callable(content):
                    content(part)
                    continue
                for piece in [content] if isinstance(content, bytes) else content:
                    part.write(piece)
    return out.getvalue()
