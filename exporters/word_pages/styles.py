"""The paragraph properties the pages depend on, resolved through styles and list levels.

Only what this model knows is read; a property that would change a line's height or
width in a way it does not model raises Unknown.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from exporters.word_pages.metrics import Unknown, W


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


def apply_ppr(props: Props, ppr) -> None:
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


def apply_rpr(props: Props, rpr) -> None:
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
            apply_ppr(self.base, defaults.find(f"{W}pPrDefault/{W}pPr"))
            apply_rpr(self.base, defaults.find(f"{W}rPrDefault/{W}rPr"))
        self.elements = {s.get(W + "styleId"): s for s in root.findall(W + "style")}
        self.default = next((s.get(W + "styleId") for s in root.findall(W + "style")
                             if s.get(W + "type") == "paragraph"
                             and s.get(W + "default") in ("1", "true")), None)
        self.resolved: dict[str, Props] = {}
        self.levels = levels(numbering_xml) if numbering_xml else {}

    def paragraph(self, style_id: str | None) -> Props:
        style_id = style_id or self.default
        if style_id in self.resolved:
            return self.resolved[style_id]
        element = self.elements.get(style_id)
        if element is None:
            props = self.paragraph(self.default) if style_id != self.default else \
                copy(self.base)
        else:
            parent = element.find(W + "basedOn")
            props = copy(self.paragraph(parent.get(W + "val")) if parent is not None
                          else self.base)
            apply_ppr(props, element.find(W + "pPr"))
            apply_rpr(props, element.find(W + "rPr"))
        props = copy(props)
        props.style = style_id or ""
        self.resolved[style_id] = props
        return props


def copy(props: Props) -> Props:
    return Props(**{**props.__dict__, "tabs": list(props.tabs)})


def levels(numbering_xml: bytes) -> dict[tuple[str, str], Level]:
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
