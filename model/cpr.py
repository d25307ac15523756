"""Finding what looks like a Danish CPR number (ddmmyy-xxxx) in text.

Minutes are published on the web; a CPR number in the open text of a
public document is a data breach. The check errs towards warning: any
ten digits that start with a date that exists, however they are written.
The text is first normalised, so that what prints the same is found the
same: every kind of dash is "-", every kind of space and line break is " ",
and soft hyphens and zero-width characters are gone.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

# Printed as nothing: soft hyphen, zero-width space/joiners, word joiner, BOM.
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\u2060\ufeff\u180e")
# Printed as a dash: hyphens, figure/en/em dashes, minus signs.
_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")
_SLASHES = frozenset("\u2044\u2215\uff0f")
_DOTS = frozenset("\u2024\uff0e")

# Day, month and year in pairs (optionally with dots or dashes between them, as in
# 01.02.03-1234), a separator, then the four control digits.
_CANDIDATE = re.compile(
    r"(?<![0-9])(?P<d>[0-9]{2})(?P<s>[.-]?)(?P<m>[0-9]{2})(?P=s)(?P<y>[0-9]{2})"
    r" {0,3}[-/.]? {0,3}(?P<c>[0-9]{4})(?![0-9])"
)
# After the word CPR any ten digits count, whatever single marks are between them.
_AFTER_PREFIX = re.compile(
    r"(?i)\bcpr(?:[ .-]*(?:nr|nummer|no)\b)?[ .:-]*(?P<n>[0-9](?:[ .:/-]?[0-9]){9})(?![0-9])"
)


@dataclass(frozen=True)
class CprHit:
    start: int  # in the text as given
    end: int
    text: str  # as written there
    digits: str = ""  # the ten digits


def normalised(text: str) -> tuple[str, list[int]]:
    """`text` with dashes, spaces and invisible characters made plain, and for each of
    its characters the index of the character it came from."""
    out: list[str] = []
    origin: list[int] = []
    for index, ch in enumerate(text):
        if ch in _INVISIBLE:
            continue
        if ch in _DASHES:
            ch = "-"
        elif ch in _SLASHES:
            ch = "/"
        elif ch in _DOTS:
            ch = "."
        elif ch.isspace() or unicodedata.category(ch) in ("Zs", "Zl", "Zp"):
            ch = " "
        elif not ch.isascii() and ch.isdigit():
            ch = str(unicodedata.digit(ch, 0))  # fullwidth and other scripts' digits
        if ch == " " and out and out[-1] == " ":
            continue  # a run of spaces and line breaks is one space
        out.append(ch)
        origin.append(index)
    return "".join(out), origin


def _is_birth_date(day: str, month: str, year: str) -> bool:
    # The century is unknown without the control digits' rules; a date that
    # exists in either century counts (29 February then needs a leap year).
    for century in (1900, 2000):
        try:
            dt.date(century + int(year), int(month), int(day))
            return True
        except ValueError:
            continue
    return False


def find_cpr_numbers(text: str) -> list[CprHit]:
    """Every stretch of `text` that looks like a CPR number."""
    plain, origin = normalised(text or "")
    spans: dict[tuple[int, int], str] = {}
    for match in _CANDIDATE.finditer(plain):
        if _is_birth_date(match["d"], match["m"], match["y"]):
            spans[match.span()] = match["d"] + match["m"] + match["y"] + match["c"]
    for match in _AFTER_PREFIX.finditer(plain):
        digits = re.sub("[^0-9]", "", match["n"])
        if _is_birth_date(digits[:2], digits[2:4], digits[4:6]):
            span = match.span("n")
            if not any(s <= span[0] < e for s, e in spans):
                spans[span] = digits
    hits = []
    for (start, end), digits in sorted(spans.items()):
        first, last = origin[start], origin[end - 1] + 1
        hits.append(CprHit(first, last, text[first:last], digits))
    return hits


def masked(hit: CprHit) -> str:
    """The hit as shown in a warning, without repeating the whole number: 010203-xxxx."""
    digits = hit.digits or re.sub("[^0-9]", "", hit.text)
    return digits[:6] + "-xxxx"
