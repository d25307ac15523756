"""The neutral document as semantic HTML, for the published website.

Like the PDF and Word writers this only lays out what `document.py`
decided: a public document has already lost its closed items' content
before it reaches here. The meeting is the page's h1 (the site's template
prints it); items are h2, sections h3, a section's own sub-headings h4.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from exporters.blocks import (
    FORM_BLOCKS,
    Block,
    Chapter,
    Document,
    FrontPage,
    ListBlock,
    PageFill,
    Para,
    Run,
    SectionHeading,
    SubHeading,
)

BULLETS = ("•", "-", "–")


def document_html(doc: Document) -> Markup:
    """Every item of `doc` as a section under its h2; the signature page is for paper only."""
    return Markup("\n").join(_chapter(c) for c in doc.chapters if c.signature is None)


def facts_html(doc: Document) -> Markup:
    """The front page's rows (Mødedato, Til stede …) as a description list."""
    return _front(doc.front) if doc.front is not None else Markup("")


def contents_html(doc: Document) -> Markup:
    """A list of links to the document's items, for the page's table of contents."""
    entries = [
        Markup('<li><a href="#{}">{}</a></li>').format(chapter.anchor, chapter.heading)
        for chapter in doc.chapters
        if chapter.signature is None
    ]
    return Markup('<ol class="toc">\n{}\n</ol>').format(Markup("\n").join(entries))


def _front(front: FrontPage) -> Markup:
    rows = [
        Markup("<dt>{}</dt>{}").format(
            label, Markup("").join(Markup("<dd>{}</dd>").format(v) for v in values)
        )
        for label, values in front.rows
    ]
    return Markup('<dl class="facts">\n{}\n</dl>').format(Markup("\n").join(rows))


def _chapter(chapter: Chapter) -> Markup:
    heading_id = escape(chapter.anchor)
    body = blocks_html(chapter.blocks)
    return Markup(
        '<section class="item" aria-labelledby="{id}">\n<h2 id="{id}">{heading}</h2>\n{body}\n'
        "</section>"
    ).format(id=heading_id, heading=chapter.heading, body=body)


def blocks_html(blocks: list[Block]) -> Markup:
    return Markup("\n").join(
        _block(block) for block in blocks if not isinstance(block, (*FORM_BLOCKS, PageFill))
    )


def _block(block: Block) -> Markup:
    if isinstance(block, SectionHeading):
        return Markup("<h3>{}</h3>").format(block.text)
    if isinstance(block, SubHeading):
        return Markup("<h4>{}</h4>").format(block.text)
    if isinstance(block, ListBlock):
        return _list(block)
    assert isinstance(block, Para), block
    css = "" if block.style == "body" else Markup(' class="{}"').format(block.style)
    return Markup("<p{}>{}</p>").format(css, runs_html(block.runs))


def _list(block: ListBlock) -> Markup:
    """A list as ul or ol; entries of a deeper level nest inside the entry before them."""
    html, _ = _list_level(block.entries, 0, 0)
    return html


def _list_level(entries, start: int, level: int) -> tuple[Markup, int]:
    ordered = entries[start].label not in BULLETS
    items: list[Markup] = []
    index = start
    while index < len(entries) and entries[index].level >= level:
        entry = entries[index]
        if entry.level > level and items:
            nested, index = _list_level(entries, index, entry.level)
            items[-1] = Markup("{}{}").format(items[-1], nested)
            continue
        value = _ordinal(entry.label) if ordered else None
        attr = Markup(' value="{}"').format(value) if value is not None else Markup("")
        items.append(Markup("<li{}>{}").format(attr, runs_html(entry.runs)))
        index += 1
    tag = "ol" if ordered else "ul"
    inner = Markup("").join(Markup("{}</li>").format(item) for item in items)
    return Markup("<{tag}>{inner}</{tag}>").format(tag=Markup(tag), inner=inner), index


def _ordinal(label: str) -> int | None:
    digits = label.rstrip(".)")
    return int(digits) if digits.isdigit() else None


def runs_html(runs: list[Run]) -> Markup:
    parts = []
    for run in runs:
        if run.text == "\n":
            parts.append(Markup("<br>"))
            continue
        text = escape(run.text)
        if run.italic:
            text = Markup("<em>{}</em>").format(text)
        if run.bold:
            text = Markup("<strong>{}</strong>").format(text)
        parts.append(text)
    return Markup("").join(parts)


# The preview of the committee dialog's Husstil tab (a QTextBrowser): the same HTML as
# the website, with sizes and colours that echo the PDF's.
PREVIEW_STYLE = """<style>
h2 { color: #1F3864; font-size: 15pt; }
h3 { color: #1F3864; font-size: 11.5pt; margin-bottom: 2px; }
p.meta { color: #595959; font-size: 9pt; margin: 0; }
p.lead { font-weight: bold; margin-bottom: 0; }
</style>"""


def chapter_html(chapter: Chapter) -> str:
    """One item as HTML for an on-screen preview."""
    return PREVIEW_STYLE + str(_chapter(chapter))
