"""Word's own list numbering (numbering.xml) for the lists of a document.

A bullet or numbered entry gets a w:numPr instead of a typed "•" or "3.", so in
Word Enter continues the list and renumbering works. Each numbered list is a
w:num of its own that starts at the list's first number; bullets share one.
The indents are the PDF's (exporters/pdf_styles.list_style): 7 mm a level,
the label hanging 6 mm to the left of the text.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from lxml.etree import SubElement

LEVELS = 9
STEP = 397  # twips: 7 mm
HANGING = 340  # 6 mm
FONT = "Arial"
NUMBERED = re.compile(r"(\d+)\.")


def _set(element, **attributes) -> None:
    for key, value in attributes.items():
        element.set(qn(f"w:{key}"), str(value))


class Numbering:
    """The document's numbering part, with one bullet and one decimal definition added."""

    def __init__(self, word):
        self.root = word.part.numbering_part.element
        self._abstract_ids = [int(a.get(qn("w:abstractNumId")))
                              for a in self.root.findall(qn("w:abstractNum"))]
        self._num_ids = [int(n.get(qn("w:numId"))) for n in self.root.findall(qn("w:num"))]
        self.bullet = self._num(self._abstract("bullet"))
        self.decimal = self._abstract("decimal")
        self._lists: dict[object, int] = {}

    def num_for(self, label: str, key: object, level: int = 0) -> int | None:
        """The w:numId for an entry labelled `label` ("•", "3."), None for another label;
        `key` names the numbered list it belongs to."""
        if label == "•":
            return self.bullet
        found = NUMBERED.fullmatch(label)
        if not found:
            return None
        if key not in self._lists:
            self._lists[key] = self._num(self.decimal, int(found.group(1)), level)
        return self._lists[key]

    def _abstract(self, kind: str) -> int:
        ident = max(self._abstract_ids, default=-1) + 1
        self._abstract_ids.append(ident)
        abstract = OxmlElement("w:abstractNum")
        _set(abstract, abstractNumId=ident)
        _set(SubElement(abstract, qn("w:multiLevelType")), val="hybridMultilevel")
        for level in range(LEVELS):
            lvl = SubElement(abstract, qn("w:lvl"))
            _set(lvl, ilvl=level)
            _set(SubElement(lvl, qn("w:start")), val=1)
            _set(SubElement(lvl, qn("w:numFmt")), val=kind)
            _set(SubElement(lvl, qn("w:lvlText")),
                 val="•" if kind == "bullet" else f"%{level + 1}.")
            _set(SubElement(lvl, qn("w:lvlJc")), val="left")
            ppr = SubElement(lvl, qn("w:pPr"))
            left = STEP * (level + 1)
            _set(SubElement(SubElement(ppr, qn("w:tabs")), qn("w:tab")), val="num", pos=left)
            _set(SubElement(ppr, qn("w:ind")), left=left, hanging=HANGING)
            rpr = SubElement(lvl, qn("w:rPr"))
            _set(SubElement(rpr, qn("w:rFonts")), ascii=FONT, hAnsi=FONT, cs=FONT)
        first_num = self.root.find(qn("w:num"))
        if first_num is not None:
            first_num.addprevious(abstract)  # every abstractNum before the first num
        else:
            self.root.append(abstract)
        return ident

    def _num(self, abstract: int, start: int | None = None, level: int = 0) -> int:
        ident = max(self._num_ids, default=0) + 1
        self._num_ids.append(ident)
        num = SubElement(self.root, qn("w:num"))
        _set(num, numId=ident)
        _set(SubElement(num, qn("w:abstractNumId")), val=abstract)
        if start is not None:
            override = SubElement(num, qn("w:lvlOverride"))
            _set(override, ilvl=level)
            _set(SubElement(override, qn("w:startOverride")), val=start)
        return ident


def number(paragraph, num_id: int, level: int) -> None:
    """Make the paragraph an entry of list `num_id` at `level` (w:numPr after w:pStyle)."""
    ppr = paragraph._p.get_or_add_pPr()
    numpr = OxmlElement("w:numPr")
    _set(SubElement(numpr, qn("w:ilvl")), val=level)
    _set(SubElement(numpr, qn("w:numId")), val=num_id)
    style = ppr.find(qn("w:pStyle"))
    if style is not None:
        style.addnext(numpr)
    else:
        ppr.insert(0, numpr)
