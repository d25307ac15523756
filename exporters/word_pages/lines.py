"""A paragraph's lines: greedy line breaking as Writer does it in a Word file."""

from __future__ import annotations

import re
from functools import cached_property

from exporters.word_pages import metrics
from exporters.word_pages.metrics import FONTS, PX_PER_TWIP, Unknown, W
from exporters.word_pages.styles import Props, apply_rpr, copy

_NO_ROOM = 1 << 40
_SPACES = re.compile("( +)")
# Where Writer breaks a line inside a word, as measured on LibreOffice 7.4 (line breaks
# after each of these characters placed across the margin): after a hyphen, a dash or a
# backslash, before a letter, a digit, an opening bracket or a quote. Never at a slash.
_CHANCE = re.compile(r"(?<=[-\u2010\u2013\u2014\\])(?=[^\W_]|[(\"»«])")
# Breaks this model does not know for sure (after ! ? … | inside a word, soft hyphens,
# zero-width spaces, a dash before other punctuation): a word holding one must not come
# to a line's end, or LibreOffice has to lay the file out.
_UNSURE = re.compile(r"[!?\u2026|](?=\S)|[\u00ad\u200b]|[-\u2010\u2013\u2014\\]"
                     r"(?=[^\s\w(\"»«/)\]}\-\u2010\u2013\u2014])")


def pieces(p, props: Props):
    """The paragraph's text as (kind, text, widths) pieces: 'text', 'tab' or 'br'."""
    for element in p.iter(W + "r"):
        rpr = element.find(W + "rPr")
        run = props
        if rpr is not None:
            run = copy(props)
            apply_rpr(run, rpr)
        if run.font not in FONTS:
            raise Unknown(f"skriften {run.font}")
        widths = metrics.widths(run.bold, run.italic, run.size)
        for child in element:
            tag = child.tag[len(W):]
            if tag == "t":
                if child.text:
                    yield "text", child.text, widths
            elif tag == "tab":
                yield "tab", "", widths
            elif tag == "br":
                if child.get(W + "type") in ("page", "column"):
                    raise Unknown("sideskift i et afsnit")
                yield "br", "", widths
            elif tag in ("rPr", "fldChar", "instrText", "lastRenderedPageBreak",
                         "bookmarkStart", "bookmarkEnd", "noProof"):
                continue
            else:
                raise Unknown(f"løbet indeholder {tag}")


def after_tabs(pieces) -> list[int]:
    """The width of the text after each tab of a paragraph's pieces, up to the next tab."""
    widths_after: list[int] = []
    for kind, text, widths in pieces:
        if kind == "tab":
            widths_after.append(0)
        elif kind == "text" and widths_after:
            widths_after[-1] += widths.of(text)
    return widths_after


def plain_lines(pieces, props: Props, text_width: int) -> int | None:
    """The lines of a paragraph of one run of words between single spaces, counted the
    quick way (most of a referat's paragraphs); None for any other, left to Liner."""
    if len(pieces) != 1 or pieces[0][0] != "text":
        return None
    _kind, text, widths = pieces[0]
    if "  " in text or text[:1] == " " or _CHANCE.search(text) or _UNSURE.search(text):
        return None
    right = (text_width - props.right) * PX_PER_TWIP
    left = props.left * PX_PER_TWIP
    space = widths[" "]
    end = (props.left + props.first) * PX_PER_TWIP
    lines, empty = 1, True
    for width in map(widths.of, text.rstrip(" ").split(" ")):
        new = end + width if empty else end + space + width
        if new > right and not empty:
            lines += 1
            new = left + width
        if new > right:
            return None  # a word longer than the line
        end, empty = new, False
    return lines


class Liner:
    """Greedy line breaking as Writer does it, counting the lines of one paragraph."""

    def __init__(self, props: Props, text_width: int, default_tab: int,
                 after_tabs: list[int]):
        self.props = props
        self.right = (text_width - props.right) * PX_PER_TWIP
        self.left = props.left * PX_PER_TWIP
        self.x = (props.left + props.first) * PX_PER_TWIP
        self.lines = 1
        self.empty = True  # nothing on the current line yet
        self.default_tab = default_tab * PX_PER_TWIP
        self.after_tabs = after_tabs  # the width of the text after each tab, to the next
        self.tabs = 0
        self.pending = 0  # the width of spaces after the last word (hanging at a break)
        self.word: list[tuple[str, str, metrics.Widths]] = []

    def newline(self) -> None:
        self.lines += 1
        self.x = self.left
        self.empty = True
        self.pending = 0

    def feed(self, kind: str, text: str, widths: metrics.Widths) -> None:
        if kind == "br":
            self.flush()
            self.newline()
            return
        if kind == "tab":
            self.word.append(("tab", self.tabs, widths))
            self.tabs += 1
            return
        for n, part in enumerate(_SPACES.split(text)):
            if n % 2:  # spaces: the word before them is whole
                self.flush()
                self.pending += widths.of(part)
            elif part:
                pieces = _CHANCE.split(part)
                for piece in pieces[:-1]:
                    self.word.append(("text", piece, widths))
                    self.flush()
                if pieces[-1]:
                    self.word.append(("text", pieces[-1], widths))

    def flush(self) -> None:
        """Place the word gathered so far: on this line if it fits, else on the next."""
        if not self.word:
            return
        word, self.word = self.word, []
        x = self.x + self.pending
        end = self._advance(word, x)
        text = "".join(t for kind, t, _w in word if kind == "text")
        if end > self.right and _UNSURE.search(text):
            raise Unknown(f"ordet {text!r} deles måske ved linjens slutning")
        if end > self.right and not self.empty:
            self.newline()
            x = self.x
            end = self._advance(word, x)
        if end > self.right:
            self._split(word)
            return
        self.x = end
        self.pending = 0
        self.empty = False

    def _advance(self, word, x: int) -> int:
        for kind, text, widths in word:
            if kind == "text":
                x += widths.of(text)
                continue
            x = self._tab(text, x)
        return x

    def _tab(self, index: int, x: int) -> int:
        """Where the paragraph's `index`th tab at `x` takes the text: to the next stop (a
        right stop ends the text up to the next tab there, a centred one centres it)."""
        for pos, kind in self.stops:
            if pos > x:
                if kind == "left":
                    return pos
                after = self.after_tabs[index]
                return max(x, pos - (after if kind == "right" else after // 2))
        return _NO_ROOM  # past the last stop: the word goes to the next line

    @cached_property
    def stops(self) -> list[tuple[int, str]]:
        """The paragraph's tab stops, its own then the default ones, left to right."""
        props = self.props
        stops = [(pos * PX_PER_TWIP, kind) for pos, kind in props.tabs]
        if props.first < 0:
            stops.append((self.left, "left"))  # a hanging indent is a stop of its own
        stops.sort()
        last = stops[-1][0] if stops else 0
        step = self.default_tab
        default = (last // step + 1) * step
        while default < self.right + step:
            stops.append((default, "left"))
            default += step
        return stops

    def _split(self, word) -> None:
        """A word longer than the line: broken between letters where the line is full."""
        for kind, text, widths in word:
            if kind != "text":
                raise Unknown("et langt ord med tabulator")
            for char in text:
                width = widths[char]
                if self.x + width > self.right and not self.empty:
                    self.newline()
                self.x += width
                self.empty = False
        self.pending = 0

    def count(self) -> int:
        self.flush()
        return self.lines
