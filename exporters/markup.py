"""Clean text and Markdown → neutral blocks, parsed once for every writer."""

from __future__ import annotations

import re
from functools import lru_cache

from exporters.blocks import LINE_BREAK, Block, ListBlock, ListEntry, Para, Run, SubHeading

# Word pastes \x0b for a manual line break and \x0c for a page break; neither
# may stand in an XML part, and reportlab would print them as boxes.
_BREAKS = str.maketrans(
    {"\x0b": "\n", "\x0c": "\n\n", "\r": "\n", "\u2028": "\n", "\u2029": "\n\n"}
)
# What XML 1.0 forbids (other C0 controls, lone surrogates, U+FFFE/U+FFFF),
# plus DEL and the C1 controls, which no font draws.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_FORBIDDEN = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean(text: str | None) -> str:
    """Text as it may be printed: breaks normalised, forbidden characters dropped."""
    if not text:
        return ""
    if not _SUSPECT.search(text):
        return text  # the common case, and 100 times faster than translating
    text = text.replace("\r\n", "\n").translate(_BREAKS)
    return _FORBIDDEN.sub("", text)


def clean_line(text: str | None) -> str:
    """Clean text for a single line (titles, names): every break becomes a space."""
    return " ".join(clean(text).split())


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    # html off: a "<b>" typed by a user is text, not markup.
    return MarkdownIt("commonmark", {"html": False})


def plain_blocks(text: str | None, style: str = "body") -> list[Block]:
    """Plain text (no Markdown) as paragraphs, one per blank-line-separated chunk."""
    blocks: list[Block] = []
    for chunk in re.split(r"\n\s*\n", clean(text)):
        if chunk.strip():
            blocks.append(Para(_lines(chunk.strip()), style))
    return blocks


def _lines(text: str, bold: bool = False, italic: bool = False) -> list[Run]:
    runs: list[Run] = []
    for i, line in enumerate(text.split("\n")):
        if i:
            runs.append(LINE_BREAK)
        if line:
            runs.append(Run(line, bold, italic))
    return runs


# What makes a text's Markdown more than paragraphs, "- " lists and "#" headings (the
# simple reading, _simple_blocks): a character that opens inline markup, an escape or an
# entity, or a tab, anywhere; a line that starts with another character that can open a
# block (quote, list, rule, fence, table, setext underline) or with a number and "." or
# ")"; white space at a line's start (code, a continued list entry) or end (a hard break).
_INLINE_MARKUP = re.compile(r"[\\`*_\[\]<&\t]")
_BLOCK_START = re.compile(r"^(?:[#>*+\-=_`~|]|\d+[.)])", re.MULTILINE)
_HEADING = re.compile(r"#{1,6} ([^#]+)")
_BULLET = "- "


def _simple_blocks(source: str) -> list[Block] | None:
    """`source` as markdown-it reads it, when it is no more than paragraphs of lines,
    one-line "#" headings and "- " lists of one-line entries, each apart from the next by
    a blank line; otherwise None. Most sections are, and markdown-it takes half the time
    of building a long meeting's documents. tests/exporters/test_markup.py holds this to
    markdown-it's reading."""
    if _INLINE_MARKUP.search(source):
        return None
    blocks: list[Block] = []
    lists = 0  # numbered as markdown_blocks numbers them: each list its group
    for chunk in source.split("\n\n"):
        chunk = chunk.strip("\n")
        if not chunk:
            continue
        lines = chunk.split("\n")
        if any(line != line.strip() for line in lines):
            return None
        if all(line.startswith(_BULLET) for line in lines):
            entries = [line[len(_BULLET):] for line in lines]
            if any(entry != entry.lstrip() or _BLOCK_START.match(entry) for entry in entries):
                return None
            if not (blocks and isinstance(blocks[-1], ListBlock)):  # a blank line
                lists += 1  # between entries leaves them in one list
                blocks.append(ListBlock([]))
            blocks[-1].entries += [ListEntry("•", [Run(e)], 0, lists) for e in entries]
        elif not _BLOCK_START.search(chunk):
            blocks.append(Para(_lines(chunk)))
        elif len(lines) == 1 and (heading := _HEADING.fullmatch(chunk)):
            blocks.append(SubHeading(" ".join(heading[1].split())))
        else:
            return None
    return blocks


def markdown_blocks(text: str | None) -> list[Block]:
    """A section's Markdown as paragraphs, lists and sub-headings."""
    source = clean(text)
    if not source.strip():
        return []
    simple = _simple_blocks(source)
    return simple if simple is not None else _parsed_blocks(source)


def _parsed_blocks(source: str) -> list[Block]:
    """Clean, non-blank Markdown as blocks, read by markdown-it."""
    tokens = _parser().parse(source)
    blocks: list[Block] = []
    lists: list[bool] = []  # the open lists, innermost last; True where ordered
    groups: list[int] = []  # and their numbers, so each list is numbered on its own
    opened = 0
    label = ""
    first_in_item = False
    list_ended = False  # a list closed: the next entry, even right after, starts another

    def add_entry(runs: list[Run]) -> None:
        nonlocal first_in_item, list_ended
        entry = ListEntry(label if first_in_item else "", runs, max(len(lists) - 1, 0),
                          groups[-1] if groups else 0)
        first_in_item = False
        if blocks and isinstance(blocks[-1], ListBlock) and not list_ended:
            blocks[-1].entries.append(entry)
        else:
            blocks.append(ListBlock([entry]))
        list_ended = False

    heading = False
    for token in tokens:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind == "ordered_list_open")
            opened += 1
            groups.append(opened)
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
            groups.pop()
            list_ended = not lists
        elif kind == "list_item_open":
            label = f"{token.info}." if lists and lists[-1] else "•"
            first_in_item = True
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "inline":
            runs = inline_runs(token.children or [])
            if heading:
                blocks.append(SubHeading(_flat(runs)))
            elif lists:
                add_entry(runs)
            elif runs:
                blocks.append(Para(runs))
        elif kind in ("fence", "code_block"):
            runs = _lines(token.content.rstrip("\n"))
            if lists:
                add_entry(runs)
            elif runs:
                blocks.append(Para(runs))
    return blocks


def inline_runs(children) -> list[Run]:
    """markdown-it inline tokens → runs, merging neighbours of the same emphasis."""
    runs: list[Run] = []
    bold = italic = 0
    for child in children:
        kind = child.type
        if kind == "strong_open":
            bold += 1
        elif kind == "strong_close":
            bold -= 1
        elif kind == "em_open":
            italic += 1
        elif kind == "em_close":
            italic -= 1
        elif kind in ("softbreak", "hardbreak"):
            # Secretaries break lines on purpose (a calendar, an address): keep them.
            runs.append(LINE_BREAK)
        elif kind in ("text", "code_inline", "html_inline"):
            _append(runs, Run(child.content, bold > 0, italic > 0))
        elif kind == "image":
            _append(runs, Run(child.content, bold > 0, italic > 0))
    return runs


def _append(runs: list[Run], run: Run) -> None:
    if not run.text:
        return
    last = runs[-1] if runs else None
    if last and last is not LINE_BREAK and (last.bold, last.italic) == (run.bold, run.italic):
        runs[-1] = Run(last.text + run.text, run.bold, run.italic)
    else:
        runs.append(run)


def _flat(runs: list[Run]) -> str:
    return " ".join("".join(r.text for r in runs).split())


def shorten(text: str, fits) -> str:
    """`text`, or as many of its first words as `fits` (a test of a candidate) allows,
    ending in "…": a header is shortened at a word, never in the middle of one."""
    if fits(text):
        return text
    words = text.split(" ")
    for count in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[:count]).rstrip(" ,.:;-–·") + "…"
        if fits(candidate):
            return candidate
    first = words[0]  # a single word longer than the room: nothing better than a cut
    while len(first) > 1 and not fits(first + "…"):
        first = first[:-1]
    return first + "…"
