"""Paragraph styles of the PDF: one place for sizes, spacing and colours."""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from exporters.fonts import FAMILY, register
from exporters.markup import shorten

PAGE = A4
MARGIN_X = 25 * mm
MARGIN_TOP = 28 * mm
MARGIN_BOTTOM = 22 * mm
ACCENT = colors.HexColor("#1F3864")  # dark blue, as Word's headings in municipal templates
GREY = colors.HexColor("#595959")
RULE = colors.HexColor("#A6A6A6")
BODY_SIZE = 10.5
# Headings stay with the first line after them, as Word's "keep with next"
# does: a page break comes first when less than this is left (heading + a line).
# reportlab's own keepWithNext would move the whole next paragraph instead,
# and the PDF would break pages where the Word file does not.
KEEP = {"section": 40, "sub": 34, "lead": 34}
LIST_INDENT = 7 * mm
LARGE = 12 / BODY_SIZE  # large print: body text 12 pt
LARGE_MIN = 11  # and nothing smaller than this


@lru_cache(maxsize=2)
def styles(large: bool = False) -> dict[str, ParagraphStyle]:
    """The styles; `large` for a document written on with a pen (the protocol)."""
    made = _styles()
    if not large:
        return made
    return {
        name: ParagraphStyle(
            f"{name}_large", style, fontSize=max(LARGE_MIN, style.fontSize * LARGE),
            leading=max(LARGE_MIN * 1.3, style.leading * LARGE),
            spaceAfter=style.spaceAfter * LARGE, spaceBefore=style.spaceBefore * LARGE,
        )
        for name, style in made.items()
    }


@lru_cache(maxsize=1)
def _styles() -> dict[str, ParagraphStyle]:
    register()
    bold = f"{FAMILY}-Bold"
    body = ParagraphStyle(
        "body", fontName=FAMILY, fontSize=BODY_SIZE, leading=14, spaceAfter=5,
        alignment=TA_LEFT, allowWidows=0, allowOrphans=0,
    )
    made = {
        "body": body,
        "lead": ParagraphStyle(
            "lead", body, fontName=bold, spaceBefore=4, spaceAfter=2
        ),
        "meta": ParagraphStyle("meta", body, fontSize=9, leading=12, textColor=GREY, spaceAfter=1),
        "chapter": ParagraphStyle(
            "chapter", body, fontName=bold, fontSize=15, leading=19, textColor=ACCENT,
            spaceAfter=8,
        ),
        "section": ParagraphStyle(
            "section", body, fontName=bold, fontSize=11.5, leading=15, textColor=ACCENT,
            spaceBefore=8, spaceAfter=3,
        ),
        "sub": ParagraphStyle(
            "sub", body, fontName=bold, fontSize=BODY_SIZE, spaceBefore=4, spaceAfter=2,
        ),
        "list": ParagraphStyle("list", body, spaceAfter=2, leftIndent=LIST_INDENT),
        "toc_title": ParagraphStyle(
            "toc_title", body, fontName=bold, fontSize=15, leading=19, textColor=ACCENT,
            spaceAfter=12,
        ),
        "toc": ParagraphStyle(
            "toc", body, leftIndent=0, rightIndent=12 * mm, firstLineIndent=0, spaceAfter=3,
        ),
        "front_org": ParagraphStyle(
            "front_org", body, fontSize=12, leading=16, textColor=GREY, spaceAfter=30,
        ),
        "front_kind": ParagraphStyle(
            "front_kind", body, fontName=bold, fontSize=28, leading=34, textColor=ACCENT,
            spaceAfter=8,
        ),
        "front_committee": ParagraphStyle(
            "front_committee", body, fontName=bold, fontSize=17, leading=22, spaceAfter=30,
        ),
        "front_label": ParagraphStyle("front_label", body, fontName=bold, spaceAfter=0),
        "front_value": ParagraphStyle("front_value", body, spaceAfter=0),
        "sign_name": ParagraphStyle("sign_name", body, spaceAfter=0),
        "sign_note": ParagraphStyle(
            "sign_note", body, fontSize=9, leading=12, textColor=GREY, spaceAfter=0
        ),
        "sign_name_tight": ParagraphStyle("sign_name_tight", body, fontSize=9, leading=10.5,
                                          spaceAfter=0),
        "sign_note_tight": ParagraphStyle(
            "sign_note_tight", body, fontSize=8, leading=9.5, textColor=GREY, spaceAfter=0
        ),
    }
    return made


@lru_cache(maxsize=32)
def list_style(level: int, last: bool = False, large: bool = False) -> ParagraphStyle:
    """A list entry at nesting `level`: the label hangs in the indent; the last one
    keeps a body paragraph's distance to what follows."""
    base = styles(large)["list"]
    return ParagraphStyle(
        f"list{level}{'last' if last else ''}{'large' if large else ''}", base,
        leftIndent=LIST_INDENT * (level + 1),
        bulletIndent=LIST_INDENT * level + 1 * mm, bulletFontName=FAMILY,
        bulletFontSize=base.fontSize if large else base.bulletFontSize,
        spaceAfter=styles(large)["body"].spaceAfter if last else base.spaceAfter,
    )


# An entry's number as its heading template prints it: "192. ", "Punkt 2: ", "Sag 12: ".
TOC_NUMBER = re.compile(r"^(?:\S+ )?\d+[.:] ")


def toc_hanging(text: str, large: bool = False) -> float:
    """How far (points) the wrapped lines of a TOC entry are indented: under the text
    after the entry's number, or not at all for an entry without one."""
    number = TOC_NUMBER.match(text)
    if not number:
        return 0.0
    register()
    return stringWidth(number.group(0), FAMILY, styles(large)["toc"].fontSize)


@lru_cache(maxsize=256)
def toc_style(hanging: float, large: bool = False) -> ParagraphStyle:
    base = styles(large)["toc"]
    return ParagraphStyle(f"toc{hanging:.1f}{'large' if large else ''}", base,
                          leftIndent=hanging,
                          firstLineIndent=-hanging)


def text_width(text: str, size: float, font: str = FAMILY) -> float:
    register()
    return stringWidth(text, font, size)


def fit(text: str, room: float, size: float, font: str = FAMILY) -> str:
    """The text, shortened at a word with "…" when it is wider than `room` points."""
    return shorten(text, lambda t: text_width(t, size, font) <= room)


def fit_header(header: str, room: float, size: float, edition: str = "") -> str:
    """'Udvalget for … · Referat 19.08.2020' in `room` points: the committee's name gives
    way at a word, the document and the date stay, and so does an `edition` after them
    ('… · Intern udgave')."""
    if edition:
        tail = f" · {edition}"
        return fit_header(header, room - text_width(tail, size), size) + tail
    name, sep, tail = header.rpartition(" · ")
    if not sep:
        return fit(header, room, size)
    return fit(name, room - text_width(sep + tail, size), size) + sep + tail
