"""The Word writer's chapters written out as they are made, not held as one tree.

python-docx's tree of a 2000-item file takes 130 MB; the same chapters as text
take 20 MB. Each chapter's elements are serialised as soon as it is built and
taken out of the tree, and word/document.xml is put together from the tree
that is left (front page, contents) and the chapters when the file is saved.
The text is what lxml writes for them in the whole tree: the namespace
declarations it adds on a lone element's first tag are the document's own.
"""

from __future__ import annotations

import re

from lxml import etree

_NS_DECL = re.compile(rb' xmlns(?::([\w.-]+))?="([^"]*)"')
_BODY = re.compile(rb"<w:body\b[^>]*>")
_BREAK, _NO_BREAK = b"<w:pageBreakBefore/>", b'<w:pageBreakBefore w:val="0"/>'


def serialised(element) -> bytes:
    """`element` as it reads inside the document, and taken out of the tree. Only the
    declarations the document's root makes itself are left out (a committee's template
    might not declare every namespace an element uses)."""
    root = element.getroottree().getroot()
    declared = {(prefix or "").encode(): uri.encode() for prefix, uri in root.nsmap.items()}
    xml = etree.tostring(element, encoding="UTF-8")
    end = xml.index(b">")
    element.getparent().remove(element)

    def keep(decl) -> bytes:
        prefix, uri = decl.group(1) or b"", decl.group(2)
        return b"" if declared.get(prefix) == uri else decl.group(0)

    return _NS_DECL.sub(keep, xml[:end]) + xml[end:]


def document_xml(root, chapters: list[bytes], first: int = 0, last: int | None = None,
                 whole: bool = True) -> list[bytes]:
    """word/document.xml in pieces: the tree `root` with `chapters[first:last]` before the
    body's closing sectPr; without what the tree holds before them unless `whole`.
    A part's first chapter does not break the page: its first page must not be empty."""
    head = etree.tostring(root, encoding="UTF-8", xml_declaration=True, standalone=True)
    at = head.rindex(b"<w:sectPr")
    start = head[:at] if whole else head[:_BODY.search(head).end()]
    chosen = chapters[first:last]
    if chosen and first:
        chosen = [chosen[0].replace(_BREAK, _NO_BREAK, 1), *chosen[1:]]
    return [start, *chosen, head[at:]]
