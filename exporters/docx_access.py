"""What makes a Word file pass an accessibility check, whatever template it came from.

The document language da-DK in the style defaults (a committee's own template may
have none, and LibreOffice then tags its PDF export en-US), a title and
description on every table, and alternative text on every picture (a template's
logo in the header). Headings are already the real Heading styles (docx.py).
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

LANGUAGE = "da-DK"
WP_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


FORM_TITLE = "Skema til udfyldning"


def make_accessible(word, organisation: str) -> None:
    """Set the language, a title on every table without one, and pictures' alt text."""
    _language(word)
    title_tables(word.element.body)
    parts = [word.part] + [rel.target_part for rel in word.part.rels.values()
                           if rel.reltype.endswith(("/header", "/footer"))]
    for part in parts:
        for picture in part.element.iter(WP_DOCPR):
            if not picture.get("descr"):
                picture.set("descr", f"{organisation}s logo" if organisation else "Logo")


def title_tables(element) -> None:
    """A title on every table in `element` without one."""
    for tbl in element.iter(qn("w:tbl")):
        if tbl.tblPr.find(qn("w:tblCaption")) is None:
            title_table(tbl, FORM_TITLE)


def _language(word) -> None:
    styles = word.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    rpr_default = _child(defaults, "w:rPrDefault", first=True)
    rpr = _child(rpr_default, "w:rPr")
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def title_table(tbl, title: str) -> None:
    """Give a table (its w:tbl) a title and description that a screen reader announces."""
    tbl_pr = tbl.tblPr
    for tag in ("w:tblCaption", "w:tblDescription"):
        old = tbl_pr.find(qn(tag))
        if old is not None:
            tbl_pr.remove(old)
    caption, description = OxmlElement("w:tblCaption"), OxmlElement("w:tblDescription")
    caption.set(qn("w:val"), title)
    description.set(qn("w:val"), title)
    # tblCaption and tblDescription are the last children of tblPr (ECMA-376 17.4.60).
    tbl_pr.append(caption)
    tbl_pr.append(description)


def _child(parent, tag: str, first: bool = False):
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found
