"""Finding what looks like a Danish CPR number (ddmmyy-xxxx) in text.

Minutes are published on the web; a CPR number in the open text of a
public document is a data breach. The check errs towards warning: any
ten digits that start with a date that exists, with or without the dash.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_CANDIDATE = re.compile(r"(?<![\d-])(\d{2})(\d{2})(\d{2})[-\u2010\u2011\u2013 ]?(\d{4})(?![\d-])")


@dataclass(frozen=True)
class CprHit:
    start: int
    end: int
    text: str


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
    return [
        CprHit(match.start(), match.end(), match.group(0))
        for match in _CANDIDATE.finditer(text or "")
        if _is_birth_date(match.group(1), match.group(2), match.group(3))
    ]


def masked(hit: CprHit) -> str:
    """The hit as shown in a warning, without repeating the whole number: 010203-xxxx."""
    return hit.text[:6] + "-xxxx"
