"""reportlab's TrueType font, with a quicker way to give text its codes in the font's subsets.

reportlab embeds a TrueType font as subsets of 256 glyphs and gives each character a code
in one of them the first time it is drawn (`TTFont.splitString`, a Python loop over every
character: 0.15 of the 0.45 s a 200-item referat's paragraphs take to draw, 0.05 with this
table). After the first pages nearly every
line is made of characters that have codes in the first subset already; such a line is
translated with one table, and the loop is left for the rest. The bytes are the same.
"""

from __future__ import annotations

from fnmatch import fnmatch
from weakref import WeakKeyDictionary

from reportlab import rl_config
from reportlab.pdfbase.ttfonts import TTEncoding, TTFont

from exporters import font_faces

NBSP = 0xA0  # drawn as a space, as reportlab's loop does
UNKNOWN = "\u0100"  # what a character without a code in the first subset becomes: no byte


class SubsetFont(TTFont):
    def __init__(self, name: str, filename: str):
        # TTFont.__init__, with its face read through the cache (font_faces.py);
        # tests/exporters/test_pdf_font.py holds the two alike.
        self.fontName = name
        self.face = font_faces.face(filename)
        self.encoding = TTEncoding()
        self.state = WeakKeyDictionary()
        self._asciiReadable = rl_config.ttfAsciiReadable
        self.shapable = not any(fnmatch(name, glob) for glob in rl_config.unShapedFontGlob)

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 - reportlab's name
        state = self.state.get(doc)
        if state is not None and text and isinstance(text, str):
            try:
                return [(0, text.translate(_first_subset(state)).encode("latin-1"))]
            except UnicodeEncodeError:
                pass  # a character new to the font, or of another subset
        return super().splitString(text, doc, encoding)


def _first_subset(state) -> dict[int, int | str]:
    """A table for str.translate: each character's code in the first subset, and UNKNOWN
    for the other characters up to 255 (those above stay, and cannot be encoded either).
    Made again when characters have been given codes since."""
    assignments = state.assignments
    made = getattr(state, "referent_first", None)
    if made is None or made[0] != len(assignments):
        table: dict[int, int | str] = dict.fromkeys(range(256), UNKNOWN)
        table.update((code, n) for code, n in assignments.items() if n < 256)
        if 32 in assignments and assignments[32] < 256:
            table[NBSP] = assignments[32]
        made = state.referent_first = (len(assignments), table)
    return made[1]


# -- one document's codes, given in two processes (pdf_split.py) ---------------------------


def give_codes(doc, chars: dict[str, str]) -> None:
    """Give each font named in `chars` codes for its characters in the document `doc`
    (a canvas's `_doc`), now: a process forked after this gives them the same codes."""
    from reportlab.pdfbase import pdfmetrics

    for name, text in chars.items():
        pdfmetrics.getFont(name).splitString(text, doc)


def codes_given(doc) -> dict[str, int]:
    """How many characters each font has codes for in `doc`."""
    from reportlab.pdfbase import pdfmetrics

    return {name: len(state.assignments) for name in pdfmetrics.getRegisteredFontNames()
            if (state := getattr(pdfmetrics.getFont(name), "state", {}).get(doc))}


def codes_since(doc, before: dict[str, int]) -> dict[str, str]:
    """The characters each font was given codes for in `doc` since `before`
    (codes_given), in the order they were given them."""
    from reportlab.pdfbase import pdfmetrics

    since = {}
    for name, count in codes_given(doc).items():
        if count > before.get(name, 0):
            state = pdfmetrics.getFont(name).state[doc]
            since[name] = "".join(map(chr, list(state.assignments)[before.get(name, 0):]))
    return since
