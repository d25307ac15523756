"""The interchange's Markdown subset to and from a QTextDocument.

Only what the minutes print survives: paragraphs, `- ` and `1. ` lists,
**bold**, *italic* and `### ` sub-headings. Qt reads Markdown itself; the
writing is ours, because Qt's own writer wraps lines and adds constructs the
printed documents do not know.
"""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QTextBlock, QTextDocument, QTextListFormat

ORDERED = {
    QTextListFormat.Style.ListDecimal,
    QTextListFormat.Style.ListLowerAlpha,
    QTextListFormat.Style.ListUpperAlpha,
    QTextListFormat.Style.ListLowerRoman,
    QTextListFormat.Style.ListUpperRoman,
}
# Word puts a list's bullet or number into the paragraph's text when it is copied.
_WORD_BULLET = re.compile(r"^[\u00b7\u2022\u25aa\u25cf\u2013o§-][\s\u00a0]+")
_WORD_NUMBER = re.compile(r"^(\d+)[.)][\s\u00a0]+")
# A paragraph that starts like a list or heading must not become one when read back.
_LOOKS_LIKE_BLOCK = re.compile(r"^([-+*](?=\s|$)|#)")
_LOOKS_LIKE_NUMBER = re.compile(r"^(\d+)([.)])(?=\s|$)")


def from_markdown(document: QTextDocument, text: str) -> None:
    document.setMarkdown(text, QTextDocument.MarkdownFeature.MarkdownDialectCommonMark)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*")


def _inline(block: QTextBlock, plain: bool) -> str:
    runs: list[tuple[bool, bool, str]] = []
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.isValid():
            fmt = fragment.charFormat()
            bold = not plain and fmt.fontWeight() >= QFont.Weight.DemiBold
            italic = not plain and fmt.fontItalic()
            text = fragment.text().replace("\u00a0", " ").replace("\ufffc", "")
            if runs and runs[-1][:2] == (bold, italic):
                runs[-1] = (bold, italic, runs[-1][2] + text)
            else:
                runs.append((bold, italic, text))
        iterator += 1
    out = []
    for bold, italic, text in runs:
        marker = ("**" if bold else "") + ("*" if italic else "")
        core = text.strip()
        if not marker or not core:
            out.append(_escape(text))
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out.append(f"{lead}{marker}{_escape(core)}{marker[::-1]}{trail}")
    # Shift+Enter makes a line break inside a paragraph: a hard break in Markdown.
    return "".join(out).replace("\u2028", "\\\n").rstrip()


def to_markdown(document: QTextDocument, from_word: bool = False) -> str:
    """The document as interchange Markdown. `from_word` also turns Word's typed
    bullets and numbers into lists and every heading into a sub-heading."""
    parts: list[tuple[str, str]] = []  # (kind, line); kind "p", "h", "li<list>"
    block = document.begin()
    while block.isValid():
        text_list = block.textList()
        level = block.blockFormat().headingLevel()
        line = _inline(block, plain=bool(level))
        if text_list is not None:
            fmt = text_list.format()
            indent = "   " * max(0, fmt.indent() - 1)
            if fmt.style() in ORDERED:
                prefix = f"{text_list.itemNumber(block) + 1}. "
            else:
                prefix = "- "
            parts.append((f"li{text_list.item(0).position()}", indent + prefix + line.strip()))
        elif level and line.strip():
            parts.append(("h", "### " + line.strip()))
        elif line.strip():
            stripped = line.strip()
            if from_word and _WORD_BULLET.match(stripped):
                parts.append(("li", "- " + _WORD_BULLET.sub("", stripped)))
            elif from_word and _WORD_NUMBER.match(stripped):
                parts.append(("li", _WORD_NUMBER.sub(r"\1. ", stripped)))
            else:
                stripped = _LOOKS_LIKE_BLOCK.sub(r"\\\1", stripped, count=1)
                parts.append(("p", _LOOKS_LIKE_NUMBER.sub(r"\1\\\2", stripped, count=1)))
        else:
            parts.append(("blank", ""))
        block = block.next()
    lines: list[str] = []
    previous = None
    for kind, line in parts:
        if kind == "blank":
            previous = "blank"
            continue
        if lines and not (kind.startswith("li") and kind == previous):
            lines.append("")
        lines.append(line)
        previous = kind
    return "\n".join(lines)


def html_to_markdown(html: str) -> str:
    """Pasted HTML (Word, a web page) reduced to what the minutes keep."""
    document = QTextDocument()
    document.setHtml(html)
    return to_markdown(document, from_word=True)
