"""Builds referent.docx, the default Word template, from python-docx's own.

Run it again after changing a style: `python resources/templates/build_template.py`.
The sizes and spacing are those of the PDF (exporters/pdf_styles.py), so the
two formats break pages alike; Arial because every Windows has it and
LibreOffice sets it in its metric twin, Liberation Sans.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_LINE_SPACING, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = Path(__file__).resolve().parent
FONT = "Arial"
ACCENT = RGBColor(0x1F, 0x38, 0x64)
GREY = RGBColor(0x59, 0x59, 0x59)


def _defaults(document) -> None:
    """Arial and Danish for every run, overriding the theme's Calibri/Cambria."""
    styles = document.styles.element
    rpr = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        fonts.set(qn(f"w:{attr}"), FONT)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "da-DK")
    lang.set(qn("w:eastAsia"), "da-DK")
    lang.set(qn("w:bidi"), "ar-SA")


def _no_theme_fonts(document) -> None:
    """Arial wherever a style (a heading, a table style) asked for the theme's fonts,
    so no style changes font when the file meets another theme."""
    for fonts in document.styles.element.iter(qn("w:rFonts")):
        themed = [key for key in fonts.attrib if key.lower().endswith("theme")]
        if not themed:
            continue
        for key in themed:
            del fonts.attrib[key]
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{attr}"), FONT)


def _word_2013(document) -> None:
    """Not in compatibility mode: compatibilityMode 15, as Word 2013 and later write."""
    for setting in document.settings.element.iter(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            setting.set(qn("w:val"), "15")


def _style(document, name, base="Normal", kind=WD_STYLE_TYPE.PARAGRAPH):
    try:
        style = document.styles[name]
    except KeyError:
        style = document.styles.add_style(name, kind)
    if base and kind == WD_STYLE_TYPE.PARAGRAPH and name != "Normal":
        style.base_style = document.styles[base]
    return style


def _para(style, size, leading, before=0, after=0, bold=None, color=None, keep=False):
    font = style.font
    font.name = FONT
    font.size = Pt(size)
    font.bold = bold
    font.italic = False
    font.color.rgb = color
    rfonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("asciiTheme", "hAnsiTheme", "cstheme", "eastAsiaTheme"):
        rfonts.attrib.pop(qn(f"w:{attr}"), None)
    fmt = style.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(leading)
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    fmt.keep_with_next = keep
    fmt.widow_control = True  # as the PDF: no line of a paragraph alone on a page


def build() -> bytes:
    document = Document()
    _defaults(document)
    section = document.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(25)
    section.top_margin, section.bottom_margin = Mm(28), Mm(22)
    section.header_distance, section.footer_distance = Mm(12), Mm(9)

    _para(_style(document, "Normal", None), 10.5, 14, after=5)
    _para(_style(document, "Heading 1"), 15, 19, after=8, bold=True, color=ACCENT, keep=True)
    _para(_style(document, "Heading 2"), 12, 16, before=8, after=4, bold=True, color=ACCENT,
          keep=True)
    _para(_style(document, "Afsnitsoverskrift"), 11.5, 15, before=8, after=3, bold=True,
          color=ACCENT, keep=True)
    _para(_style(document, "Underoverskrift"), 10.5, 14, before=4, after=2, bold=True, keep=True)
    _para(_style(document, "Mellemrubrik"), 10.5, 14, before=4, after=2, bold=True, keep=True)
    _para(_style(document, "Sagsdata"), 9, 12, after=1, color=GREY, keep=True)
    listing = _style(document, "Punktopstilling")
    _para(listing, 10.5, 14, after=2)
    listing.paragraph_format.left_indent = Mm(7)
    listing.paragraph_format.first_line_indent = Mm(-6)
    listing.paragraph_format.tab_stops.add_tab_stop(Mm(7))
    _para(_style(document, "Title"), 28, 34, after=8, bold=True, color=ACCENT)
    _para(_style(document, "Subtitle"), 17, 22, after=30, bold=True, color=RGBColor(0, 0, 0))
    _para(_style(document, "Forside organisation"), 12, 16, after=30, color=GREY)
    _para(_style(document, "Forside felt"), 10.5, 14, bold=True)
    _para(_style(document, "Forside tekst"), 10.5, 14)
    _para(_style(document, "TOC Heading"), 15, 19, after=12, bold=True, color=ACCENT)
    toc = _style(document, "toc 1")
    _para(toc, 10.5, 14, after=3)
    toc.paragraph_format.right_indent = Mm(0)
    toc.paragraph_format.tab_stops.add_tab_stop(Mm(160), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    _para(_style(document, "Underskrift"), 10.5, 14)
    _para(_style(document, "Underskrift note"), 9, 12, color=GREY)
    _para(_style(document, "Header"), 8.5, 11, color=GREY)
    _para(_style(document, "Footer"), 8.5, 11, color=GREY)
    for name in ("Title", "Subtitle", "TOC Heading"):
        pPr = document.styles[name].element.get_or_add_pPr()
        for old in pPr.findall(qn("w:pBdr")) + pPr.findall(qn("w:outlineLvl")):
            pPr.remove(old)
        # letter spacing and kerning of python-docx's title styles: the PDF has neither
        rPr = document.styles[name].element.get_or_add_rPr()
        for old in rPr.findall(qn("w:spacing")) + rPr.findall(qn("w:kern")):
            rPr.remove(old)
    # The header's right tab sits on the right margin, like the PDF's.
    document.styles["Header"].paragraph_format.tab_stops.clear_all()
    document.styles["Header"].paragraph_format.tab_stops.add_tab_stop(
        Mm(160), WD_TAB_ALIGNMENT.RIGHT
    )
    _no_theme_fonts(document)
    _word_2013(document)
    document.core_properties.author = ""
    document.core_properties.title = ""
    document.core_properties.comments = ""
    document.core_properties.last_modified_by = ""
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


if __name__ == "__main__":
    target = HERE / "referent.docx"
    target.write_bytes(build())
    sys.stdout.write(f"wrote {target}\n")
