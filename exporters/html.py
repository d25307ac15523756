"""A chapter of the neutral document as simple HTML, for a preview on screen (QTextBrowser).

Only what an item prints: headings, paragraphs, lists; sizes and colours echo the PDF's.
"""

from __future__ import annotations

from html import escape

from exporters.blocks import Chapter, ListBlock, Para, Run, SectionHeading, SubHeading

ACCENT = "#1F3864"
GREY = "#595959"


def chapter_html(chapter: Chapter) -> str:
    parts = [f'<h2 style="color:{ACCENT}; font-size:15pt">{escape(chapter.heading)}</h2>']
    for block in chapter.blocks:
        if isinstance(block, SectionHeading):
            parts.append(f'<h3 style="color:{ACCENT}; font-size:11.5pt; margin-bottom:2px">'
                         f"{escape(block.text)}</h3>")
        elif isinstance(block, SubHeading):
            parts.append(f"<h4>{escape(block.text)}</h4>")
        elif isinstance(block, Para):
            style = {"meta": f"color:{GREY}; font-size:9pt; margin:0",
                     "lead": "font-weight:bold; margin-bottom:0"}.get(block.style, "")
            parts.append(f'<p style="{style}">{_runs(block.runs)}</p>')
        elif isinstance(block, ListBlock):
            items = "".join(f"<li>{_runs(entry.runs)}</li>" for entry in block.entries)
            parts.append(f"<ul>{items}</ul>")
    return "\n".join(parts)


def _runs(runs: list[Run]) -> str:
    out = []
    for run in runs:
        if run.text == "\n":
            out.append("<br/>")
            continue
        text = escape(run.text)
        if run.bold:
            text = f"<b>{text}</b>"
        if run.italic:
            text = f"<i>{text}</i>"
        out.append(text)
    return "".join(out)
