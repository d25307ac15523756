"""The page each heading of our Word file lands on, worked out as LibreOffice lays it out.

Laying a 200-item referat out with LibreOffice takes longer than building it. But the
file is simple: our own styles, every line of an exact height, one font with Arial's
metrics. So the pages can be counted here, by LibreOffice's own rules:

- text is measured as Writer measures it for a Word file: every glyph's advance rounded
  to whole units of its reference device, 8640 to the inch (6 to the twip);
- a line breaks at the last space (or a hyphen before a letter) that fits;
- paragraph spacing is added above and below, at the top of a page too;
- no line alone at a page's top or bottom, headings kept with what follows, a heading's
  lines kept together, and a page break before each chapter.

Anything outside what this module knows (another font, a line height that is not exact,
a table between the chapters, a section break, a character the font lacks) makes
`heading_pages` return None, and the caller asks LibreOffice instead. The tests lay
generated meetings out with LibreOffice and compare every page.
"""

from __future__ import annotations

import gc
import io
import re
import struct
import zipfile
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from exporters.fonts import FILES, FAMILY, font_dir

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PX_PER_TWIP = 6  # LibreOffice's reference device for Word files: 8640 dpi
FONTS = {"Arial", "Liberation Sans"}  # the Word file's font and its metric twin
WIDOWS = ORPHANS = 2
FIGURE_SPACE = "\u2007"
_FACES = {(False, False): FAMILY, (True, False): f"{FAMILY}-Bold",
          (False, True): f"{FAMILY}-Italic", (True, True): f"{FAMILY}-BoldItalic"}


class Unknown(Exception):
    """Something this model does not lay out; LibreOffice has to."""


# --- measuring text -------------------------------------------------------------------


@lru_cache(maxsize=None)
def _advances(bold: bool, italic: bool) -> dict[int, int]:
    """Each character's advance in font units (2048 to the em) of Liberation Sans."""
    data = (font_dir() / FILES[_FACES[bold, italic]]).read_bytes()
    return _font_advances(data)


def _font_advances(data: bytes) -> dict[int, int]:
    """Character -> advance width from a TrueType font's cmap (format 4) and hmtx tables:
    read here, as the whole font need not be (reportlab's reader takes 20 ms a face)."""
    tables = {data[12 + 16 * i:16 + 16 * i]: struct.unpack_from(">II", data, 20 + 16 * i)
              for i in range(struct.unpack_from(">H", data, 4)[0])}
    metrics = struct.unpack_from(">H", data, tables[b"hhea"][0] + 34)[0]
    hmtx = tables[b"hmtx"][0]
    advance = [struct.unpack_from(">H", data, hmtx + 4 * i)[0] for i in range(metrics)]
    cmap = tables[b"cmap"][0]
    subtables = {struct.unpack_from(">HH", data, cmap + 4 + 8 * i):
                 cmap + struct.unpack_from(">I", data, cmap + 8 + 8 * i)[0]
                 for i in range(struct.unpack_from(">H", data, cmap + 2)[0])}
    at = subtables.get((3, 1))
    if at is None or struct.unpack_from(">H", data, at)[0] != 4:
        raise Unknown("skriftens tegntabel kan ikke læses")
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends = struct.unpack_from(f">{segments}H", data, at + 14)
    starts = struct.unpack_from(f">{segments}H", data, at + 16 + 2 * segments)
    deltas = struct.unpack_from(f">{segments}h", data, at + 16 + 4 * segments)
    offsets_at = at + 16 + 6 * segments
    offsets = struct.unpack_from(f">{segments}H", data, offsets_at)
    widths = {}
    for n, (start, end, delta, offset) in enumerate(zip(starts, ends, deltas, offsets)):
        for char in range(start, min(end, 0xFFFE) + 1):
            if offset:
                where = offsets_at + 2 * n + offset + 2 * (char - start)
                glyph = struct.unpack_from(">H", data, where)[0]
                glyph = (glyph + delta) & 0xFFFF if glyph else 0
            else:
                glyph = (char + delta) & 0xFFFF
            if glyph:
                widths[char] = advance[min(glyph, metrics - 1)]
    return widths


@lru_cache(maxsize=None)
def _widths(bold: bool, italic: bool, half_points: int) -> _Widths:
    return _Widths(_advances(bold, italic), half_points)


class _Widths(dict):
    """Character -> advance in device units at one size, filled in as characters come."""

    def __init__(self, advances: dict[int, int], half_points: int):
        super().__init__()
        self.advances = advances
        self.words: dict[str, int] = {}
        self.scale = half_points * 10 * PX_PER_TWIP / 2048  # font units -> device units

    def __missing__(self, char: str) -> int:
        units = self.advances.get(ord(char))
        if units is None:
            raise Unknown(f"tegnet {char!r} findes ikke i skriften")
        value = self[char] = int(units * self.scale + 0.5)
        return value

    def of(self, text: str) -> int:
        width = self.words.get(text)
        if width is None:
            width = self.words[text] = sum(map(self.__getitem__, text))
        return width


# --- styles -----------------------------------------------------------------------------


@dataclass
class Props:
    """What of a paragraph's (or run's) properties the layout needs, in twips."""

    before: int = 0
    after: int = 0
    line: int | None = None  # exact line height; None: not exact (unknown here)
    keep_next: bool = False
    keep_lines: bool = False
    widows: bool = False
    page_break: bool = False
    contextual: bool = False
    left: int = 0
    right: int = 0
    first: int = 0  # first-line indent; negative for hanging
    tabs: list[tuple[int, str]] = field(default_factory=list)
    num: tuple[str, str] | None = None  # (numId, ilvl)
    size: int = 20  # half-points
    bold: bool = False
    italic: bool = False
    font: str = "Arial"
    style: str = ""


def _on(element) -> bool:
    return element.get(W + "val") not in ("0", "false", "off")


def _apply_ppr(props: Props, ppr) -> None:
    if ppr is None:
        return
    for child in ppr:
        tag = child.tag[len(W):]
        if tag == "spacing":
            if child.get(W + "before") is not None:
                props.before = int(child.get(W + "before"))
            if child.get(W + "after") is not None:
                props.after = int(child.get(W + "after"))
            if child.get(W + "line") is not None:
                rule = child.get(W + "lineRule", "auto")
                props.line = int(child.get(W + "line")) if rule == "exact" else None
            if child.get(W + "beforeAutospacing") or child.get(W + "afterAutospacing"):
                raise Unknown("automatisk afstand")
        elif tag == "keepNext":
            props.keep_next = _on(child)
        elif tag == "keepLines":
            props.keep_lines = _on(child)
        elif tag == "widowControl":
            props.widows = _on(child)
        elif tag == "pageBreakBefore":
            props.page_break = _on(child)
        elif tag == "contextualSpacing":
            props.contextual = _on(child)
        elif tag == "ind":
            _apply_ind(props, child)
        elif tag == "tabs":
            for tab in child:
                kind = tab.get(W + "val")
                pos = int(tab.get(W + "pos"))
                props.tabs = [t for t in props.tabs if t[0] != pos]
                if kind in ("right", "end"):
                    props.tabs.append((pos, "right"))
                elif kind == "center":
                    props.tabs.append((pos, "center"))
                elif kind in ("left", "start", "num"):
                    props.tabs.append((pos, "left"))
                elif kind != "clear":
                    raise Unknown(f"tabulatorstop af typen {kind}")
                props.tabs.sort()
        elif tag == "numPr":
            ilvl, num = child.find(W + "ilvl"), child.find(W + "numId")
            if num is not None:
                props.num = (num.get(W + "val"),
                             ilvl.get(W + "val") if ilvl is not None else "0")
        elif tag not in _HARMLESS_PPR:
            raise Unknown(f"afsnitsegenskaben {tag}")


_HARMLESS_PPR = {"pStyle", "jc", "outlineLvl", "shd", "suppressAutoHyphens", "rPr",
                 "adjustRightInd", "autoSpaceDE", "autoSpaceDN", "textAlignment",
                 "suppressLineNumbers", "kinsoku", "wordWrap", "overflowPunct"}


def _apply_ind(props: Props, ind) -> None:
    for name, attr in (("left", "left"), ("start", "left"), ("right", "right"),
                       ("end", "right")):
        if ind.get(W + name) is not None:
            setattr(props, attr, int(ind.get(W + name)))
    if ind.get(W + "hanging") is not None:
        props.first = -int(ind.get(W + "hanging"))
    elif ind.get(W + "firstLine") is not None:
        props.first = int(ind.get(W + "firstLine"))


def _apply_rpr(props: Props, rpr) -> None:
    if rpr is None:
        return
    for child in rpr:
        tag = child.tag[len(W):]
        if tag == "b":
            props.bold = _on(child)
        elif tag == "i":
            props.italic = _on(child)
        elif tag == "sz":
            props.size = int(child.get(W + "val"))
        elif tag == "rFonts":
            if child.get(W + "ascii"):
                props.font = child.get(W + "ascii")
        elif tag in ("caps", "smallCaps", "vanish", "spacing", "w", "position",
                     "vertAlign", "kern", "fitText", "specVanish") and _on(child):
            raise Unknown(f"tegnegenskaben {tag}")


class Styles:
    """The file's paragraph styles and list levels, each resolved through its parents."""

    def __init__(self, styles_xml: bytes, numbering_xml: bytes | None):
        root = etree.fromstring(styles_xml)
        self.base = Props()
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            _apply_ppr(self.base, defaults.find(f"{W}pPrDefault/{W}pPr"))
            _apply_rpr(self.base, defaults.find(f"{W}rPrDefault/{W}rPr"))
        self.elements = {s.get(W + "styleId"): s for s in root.findall(W + "style")}
        self.default = next((s.get(W + "styleId") for s in root.findall(W + "style")
                             if s.get(W + "type") == "paragraph"
                             and s.get(W + "default") in ("1", "true")), None)
        self.resolved: dict[str, Props] = {}
        self.levels = _levels(numbering_xml) if numbering_xml else {}

    def paragraph(self, style_id: str | None) -> Props:
        style_id = style_id or self.default
        if style_id in self.resolved:
            return self.resolved[style_id]
        element = self.elements.get(style_id)
        if element is None:
            props = self.paragraph(self.default) if style_id != self.default else \
                _copy(self.base)
        else:
            parent = element.find(W + "basedOn")
            props = _copy(self.paragraph(parent.get(W + "val")) if parent is not None
                          else self.base)
            _apply_ppr(props, element.find(W + "pPr"))
            _apply_rpr(props, element.find(W + "rPr"))
        props = _copy(props)
        props.style = style_id or ""
        self.resolved[style_id] = props
        return props


def _copy(props: Props) -> Props:
    return Props(**{**props.__dict__, "tabs": list(props.tabs)})


def _levels(numbering_xml: bytes) -> dict[tuple[str, str], Level]:
    """(numId, ilvl) -> the list level it numbers with."""
    root = etree.fromstring(numbering_xml)
    abstracts = {a.get(W + "abstractNumId"): a for a in root.findall(W + "abstractNum")}
    levels = {}
    for num in root.findall(W + "num"):
        abstract_id = num.find(W + "abstractNumId").get(W + "val")
        abstract = abstracts.get(abstract_id)
        if abstract is None:
            continue
        starts = {}
        for override in num.findall(W + "lvlOverride"):
            start = override.find(W + "startOverride")
            if start is None or len(override) > 1:
                raise Unknown("en nummerering med egne niveauer")
            starts[override.get(W + "ilvl")] = int(start.get(W + "val"))
        # Lists numbered from one abstract number count on together, unless restarted.
        counter = num.get(W + "numId") if starts else f"abstract {abstract_id}"
        for lvl in abstract.findall(W + "lvl"):
            ilvl = lvl.get(W + "ilvl")
            text, start = lvl.find(W + "lvlText"), lvl.find(W + "start")
            kind = lvl.find(W + "numFmt")
            kind = kind.get(W + "val") if kind is not None else "decimal"
            if kind not in ("decimal", "bullet", "none"):
                raise Unknown(f"nummereringen {kind}")
            levels[num.get(W + "numId"), ilvl] = Level(
                text.get(W + "val") if text is not None else "", lvl.find(W + "pPr"),
                counter, starts.get(ilvl, int(start.get(W + "val")) if start is not None
                                    else 0))
    return levels


@dataclass
class Level:
    text: str  # '%1.' or '•'
    ppr: object
    counter: str  # the lists counting on from each other share it
    start: int


# --- paragraphs and their lines ---------------------------------------------------------


@dataclass
class Para:
    """A body paragraph as the pages need it: its lines and spacing, in twips."""

    props: Props
    lines: int
    anchors: list[str]


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


def _pieces(p, props: Props):
    """The paragraph's text as (kind, text, widths) pieces: 'text', 'tab' or 'br'."""
    for element in p.iter(W + "r"):
        rpr = element.find(W + "rPr")
        run = props
        if rpr is not None:
            run = _copy(props)
            _apply_rpr(run, rpr)
        if run.font not in FONTS:
            raise Unknown(f"skriften {run.font}")
        widths = _widths(run.bold, run.italic, run.size)
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


def _after_tabs(pieces) -> list[int]:
    """The width of the text after each tab of a paragraph's pieces, up to the next tab."""
    widths_after: list[int] = []
    for kind, text, widths in pieces:
        if kind == "tab":
            widths_after.append(0)
        elif kind == "text" and widths_after:
            widths_after[-1] += widths.of(text)
    return widths_after


def _plain_lines(pieces, props: Props, text_width: int) -> int | None:
    """The lines of a paragraph of one run of words between single spaces, counted the
    quick way (most of a referat's paragraphs); None for any other, left to _Liner."""
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


class _Liner:
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
        self.word: list[tuple[str, str, _Widths]] = []

    def newline(self) -> None:
        self.lines += 1
        self.x = self.left
        self.empty = True
        self.pending = 0

    def feed(self, kind: str, text: str, widths: _Widths) -> None:
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
        if end > self.right and any(_UNSURE.search(t) for k, t, _w in word if k == "text"):
            raise Unknown(f"et ord der måske deles ved linjens slutning: {word!r}")
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
        for i, (kind, text, widths) in enumerate(word):
            if kind == "text":
                x += widths.of(text)
                continue
            x = self._tab(text, x)
        return x

    def _tab(self, index: int, x: int) -> int:
        """Where the paragraph's `index`th tab at `x` takes the text: to the next stop (a
        right stop ends the text up to the next tab there, a centred one centres it)."""
        for pos, kind in self._stops():
            if pos > x:
                if kind == "left":
                    return pos
                after = self.after_tabs[index]
                return max(x, pos - (after if kind == "right" else after // 2))
        return _NO_ROOM  # past the last stop: the word goes to the next line

    def _stops(self):
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




# --- the document -----------------------------------------------------------------------

CELL_MARGIN = 108  # twips left and right in a table's cell: Word's default
TOP_BEFORE = 0


@dataclass
class Row:
    """A table row: kept on one page, as tall as its tallest cell."""

    height: int
    anchors: list[str] = field(default_factory=list)


class _Reader:
    """The body of document.xml as paragraphs with their lines, and table rows."""

    def __init__(self, package: zipfile.ZipFile):
        names = set(package.namelist())
        numbering = package.read("word/numbering.xml") if "word/numbering.xml" in names \
            else None
        self.styles = Styles(package.read("word/styles.xml"), numbering)
        self.default_tab = _default_tab(package.read("word/settings.xml")) \
            if "word/settings.xml" in names else 720
        self.counters: dict[str, list[int]] = {}

    def blocks(self, body, text_width: int):
        for element in body:
            tag = element.tag[len(W):]
            if tag == "p":
                yield self.paragraph(element, text_width)
            elif tag == "tbl":
                yield from self.table(element)
            elif tag in ("sectPr", "bookmarkStart", "bookmarkEnd", "tcPr"):
                continue
            else:
                raise Unknown(f"dokumentet indeholder {tag}")

    def paragraph(self, p, text_width: int) -> Para:
        ppr = p.find(W + "pPr")
        style = ppr.find(W + "pStyle") if ppr is not None else None
        props = self.styles.paragraph(style.get(W + "val") if style is not None else None)
        label = None
        if ppr is not None and (len(ppr) > 1 or style is None) or props.num is not None:
            props = _copy(props)
            number = ppr.find(W + "numPr") if ppr is not None else None
            if number is not None:  # the list level's indents, then the paragraph's own
                _apply_ppr(props, (number,))
            label = self.label(props)
            _apply_ppr(props, ppr)
        if props.line is None:
            raise Unknown("en linjehøjde der ikke er fast")
        pieces = list(_pieces(p, props))
        lines = _plain_lines(pieces, props, text_width) if label is None else None
        if lines is None:
            if label is not None:
                pieces[:0] = [("text", label, _widths(props.bold, props.italic, props.size)),
                              ("tab", "", None)]
            liner = _Liner(props, text_width, self.default_tab, _after_tabs(pieces))
            for kind, text, widths in pieces:
                liner.feed(kind, text, widths)
            lines = liner.count()
        anchors = [b.get(W + "name") for b in p.iter(W + "bookmarkStart")]
        return Para(props, lines, anchors)

    def label(self, props: Props) -> str | None:
        """A numbered paragraph's label ('•', '3.'), its level's indents applied to `props`."""
        if props.num is None or props.num[0] == "0":
            return None
        level = self.styles.levels.get(props.num)
        if level is None:
            raise Unknown("en ukendt nummerering")
        _apply_ppr(props, level.ppr)
        ilvl = int(props.num[1])
        counts = self.counters.get(level.counter)
        if counts is None:
            counts = self.counters[level.counter] = [None] * 9
        counts[ilvl] = level.start if counts[ilvl] is None else counts[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = None
        text = level.text
        for n in range(9):
            if f"%{n + 1}" in text:
                text = text.replace(f"%{n + 1}", str(counts[n] or 1))
        return text

    def table(self, tbl):
        for tr in tbl.findall(W + "tr"):
            height, anchors = 0, []
            for tc in tr.findall(W + "tc"):
                width = tc.find(f"{W}tcPr/{W}tcW")
                if width is None or width.get(W + "type") != "dxa":
                    raise Unknown("en tabelcelle uden fast bredde")
                inner = int(width.get(W + "w")) - 2 * CELL_MARGIN
                cell, after = 0, 0
                for block in self.blocks(tc, inner):
                    if not isinstance(block, Para):
                        raise Unknown("en tabel i en tabel")
                    cell += block.props.before + block.lines * block.props.line + \
                        block.props.after
                    anchors += block.anchors
                height = max(height, cell)
            yield Row(height, anchors)


def _default_tab(settings_xml: bytes) -> int:
    tab = etree.fromstring(settings_xml).find(W + "defaultTabStop")
    return int(tab.get(W + "val")) if tab is not None else 720


@dataclass
class Page:
    """The page's body: its text's width and height, in twips."""

    width: int
    height: int


def _page(sect, package: zipfile.ZipFile, reader: _Reader) -> Page:
    """The body's size, once the headers and footers are known to fit in the margins
    (a taller one, a logo say, would push the body in) and no line grid is set."""
    if sect is None:
        raise Unknown("dokumentet har ingen sideopsætning")
    size, margins = sect.find(W + "pgSz"), sect.find(W + "pgMar")
    columns, grid = sect.find(W + "cols"), sect.find(W + "docGrid")
    if size is None or margins is None or \
            columns is not None and int(columns.get(W + "num", "1")) > 1 or \
            grid is not None and grid.get(W + "type") not in (None, "default"):
        raise Unknown("en sideopsætning med spalter eller linjegitter")

    def twips(element, name: str) -> int:
        return int(element.get(W + name) or 0)

    page = Page(twips(size, "w") - twips(margins, "left") - twips(margins, "right"),
                twips(size, "h") - twips(margins, "top") - twips(margins, "bottom"))
    targets = _relationships(package)
    for kind, edge, distance in (("header", "top", "header"), ("footer", "bottom", "footer")):
        for ref in sect.findall(f"{W}{kind}Reference"):
            part = targets.get(ref.get(_R + "id"))
            if part is None:
                raise Unknown(f"en {kind} der ikke findes")
            height = _part_height(reader, package.read(part), page.width)
            if twips(margins, distance) + height > twips(margins, edge):
                raise Unknown(f"en {kind} der er højere end margenen")
    return page


_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PACKAGE_R = "{http://schemas.openxmlformats.org/package/2006/relationships}"


def _relationships(package: zipfile.ZipFile) -> dict[str, str]:
    rels = etree.fromstring(package.read("word/_rels/document.xml.rels"))
    return {rel.get("Id"): "word/" + rel.get("Target").lstrip("/").removeprefix("word/")
            for rel in rels.findall(_PACKAGE_R + "Relationship")}


def _part_height(reader: _Reader, xml: bytes, width: int) -> int:
    """The height of a header's or footer's paragraphs (nothing else may be in it)."""
    height = 0
    for block in reader.blocks(etree.fromstring(xml), width):
        if not isinstance(block, Para):
            raise Unknown("en tabel i sidehoved eller sidefod")
        props = block.props
        height += props.before + block.lines * props.line + props.after
    return height


def _check_compatibility(settings_xml: bytes) -> None:
    """The spacing rules above are those of a Word 2013 file (compatibility mode 15) with
    no other compatibility options: anything else may space paragraphs otherwise."""
    compat = etree.fromstring(settings_xml).find(W + "compat")
    known = {"useFELayout", "compatSetting"}
    if compat is None or any(c.tag[len(W):] not in known for c in compat):
        raise Unknown("ukendte kompatibilitetsindstillinger")
    modes = [c.get(W + "val") for c in compat.findall(W + "compatSetting")
             if c.get(W + "name") == "compatibilityMode"]
    if modes != ["15"]:
        raise Unknown("en anden kompatibilitetstilstand end Word 2013")


class _Pager:
    """Puts the blocks on pages, noting the page of every bookmark.

    `y` is where the last line placed ends; the space below a paragraph is kept apart
    (`after`): the next paragraph's gap is the larger of it and its own space above, as
    LibreOffice spaces a Word file's paragraphs."""

    def __init__(self, height: int):
        self.height = height
        self.pages: dict[str, int] = {}

    def run(self, source, wanted: set[str]) -> None:
        """Lay the blocks from `source` out until every bookmark in `wanted` has its page."""
        blocks: list = []
        page, y, after, i = 1, 0, 0, 0
        placed: list[tuple[int, int, int]] = []  # each block's (page, y, after) before it
        forced: set[int] = set()
        missing = set(wanted)
        while missing:
            if i == len(blocks):
                block = next(source, None)
                if block is None:
                    return
                blocks.append(block)
            block = blocks[i]
            placed[i:] = [(page, y, after)]
            if isinstance(block, Row):
                if y and y + after + block.height > self.height:
                    page, y = page + 1, 0
                for name in block.anchors:
                    self.pages[name] = page
                    missing.discard(name)
                y, after = y + (after if y else 0) + block.height, 0
                i += 1
                continue
            if y and (block.props.page_break or i in forced):
                page, y, after = page + 1, 0, 0
            start_page = page
            first_page, page, y = self._place(block, page, y, after, blocks, i)
            chain = self._chain(blocks, placed, i, start_page) if first_page != start_page \
                else i
            if chain < i:
                forced.add(chain)  # the paragraphs kept with this one go along to its page
                page, y, after = placed[chain]
                i = chain
                continue
            for name in block.anchors:
                self.pages[name] = first_page
                missing.discard(name)
            after = block.props.after
            i += 1

    @staticmethod
    def _chain(blocks, placed, i: int, page: int) -> int:
        """The first of the paragraphs before `i` kept with it on `page`; `i` if none, or
        if they start the page (then they cannot go along)."""
        chain = i
        while chain and isinstance(blocks[chain - 1], Para) and \
                blocks[chain - 1].props.keep_next and placed[chain - 1][0] == page:
            chain -= 1
        if chain == i or placed[chain][1] == 0 or not placed[chain][1] and chain in ():
            return i
        return chain

    def _place(self, para: Para, page: int, y: int, after: int, blocks, i):
        """Lay `para` out from (page, y): its first page, and the page and y after it."""
        props, line, lines = para.props, para.props.line, para.lines
        gap = max(after, props.before) if y else props.before if TOP_BEFORE or \
            props.page_break or page == 1 else 0
        if props.contextual and y and isinstance(blocks[i - 1], Para) and \
                blocks[i - 1].props.style == props.style:
            gap = 0
        first_page = None
        while True:
            room = (self.height - y - gap) // line  # whole lines that fit here
            if room >= lines:
                return first_page or page, page, y + gap + lines * line
            take = self._split(props, lines, room, y == 0)
            if take:
                first_page = first_page or page
                lines -= take
            if not take:  # all of it on the next page: spaced as at any page's top
                gap = props.before if TOP_BEFORE else 0
            else:
                gap = 0
            page, y = page + 1, 0

    @staticmethod
    def _split(props: Props, lines: int, room: int, top: bool) -> int:
        """How many of the paragraph's remaining `lines` go on this page with `room`."""
        if room <= 0:
            return 0 if not top else 1
        if props.keep_lines and not top:
            return 0
        take = min(room, lines)
        if props.widows:
            if lines - take < WIDOWS:
                take = lines - WIDOWS
            if take < ORPHANS:
                return 0 if not top else min(room, lines)
        return take


def heading_pages(docx: bytes, anchors: list[str]) -> list[int] | None:
    """The page of each bookmark in `anchors` as LibreOffice lays `docx` out, or None where
    the file holds something this model does not know."""
    collecting = gc.isenabled()
    gc.disable()  # it makes no cycles; the collector would walk the caller's heap for nothing
    try:
        return _pages(docx, anchors)
    except Unknown:
        return None
    finally:
        if collecting:
            gc.enable()


def _pages(docx: bytes, anchors: list[str]) -> list[int]:
    package = zipfile.ZipFile(io.BytesIO(docx))
    _check_compatibility(package.read("word/settings.xml"))
    reader = _Reader(package)
    xml = package.read("word/document.xml")
    page = _page(_last_section(xml), package, reader)
    pager = _Pager(page.height)
    pager.run(reader.blocks(_body_children(xml), page.width), set(anchors))
    missing = [a for a in anchors if a not in pager.pages]
    if missing:
        raise Unknown(f"bogmærket {missing[0]} findes ikke")
    return [pager.pages[a] for a in anchors]


def _last_section(xml: bytes):
    """The body's own sectPr, the last element of the part, parsed alone (the page's size
    is needed before the body is read, and the body is read as a stream)."""
    start, end = xml.rfind(b"<w:sectPr"), xml.rfind(b"</w:sectPr>")
    if start < 0 or end < start:
        return None
    root = xml[:xml.index(b">", xml.index(b"<w:document")) + 1]
    wrapped = root + xml[start:end + len(b"</w:sectPr>")] + b"</w:document>"
    return etree.fromstring(wrapped)[0]


def _body_children(xml: bytes):
    """The body's children one at a time, each let go once the next is read: the part of
    a 2000-item referat is 20 MB, and a whole tree of it ten times that."""
    depth = 0
    for event, element in etree.iterparse(io.BytesIO(xml), events=("start", "end")):
        if event == "start":
            depth += 1
            continue
        depth -= 1
        if depth == 2:  # w:document > w:body > this
            yield element
            element.clear()
            parent = element.getparent()
            while element.getprevious() is not None:
                del parent[0]
