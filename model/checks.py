"""Refusals of bad input, each naming the field it concerns so a form can show it there."""

from __future__ import annotations

import datetime as dt

from model.errors import ReferentError


class InputError(ReferentError):
    """A value the user typed cannot be used; `field` names the form field."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(message)


def required_text(field: str, value: str | None, what: str) -> str:
    text = (value or "").strip()
    if not text:
        raise InputError(field, f"{what} må ikke være tom.")
    return text


def optional_text(value: str | None) -> str | None:
    text = (value or "").strip()
    return text or None


def parse_date(field: str, value: str | dt.date) -> dt.date:
    """A date typed as 21-04-2020, 21.4.2020 or 2020-04-21; refuses dates that do not exist."""
    if isinstance(value, dt.date):
        return value
    text = (value or "").strip()
    if not text:
        raise InputError(field, "Angiv en dato, f.eks. 21-04-2020.")
    try:
        if len(text) == 10 and text[4] == "-":
            return dt.date.fromisoformat(text)
        parts = text.replace(".", "-").replace("/", "-").split("-")
        if len(parts) != 3:
            raise ValueError
        day, month, year = (int(p) for p in parts)
        if year < 100:
            year += 2000
        return dt.date(year, month, day)
    except ValueError:
        message = f"»{text}« er ikke en dato, der findes (skriv dd-mm-åååå)."
        raise InputError(field, message) from None


def parse_time(field: str, value: str | dt.time | None) -> dt.time | None:
    """A time typed as 17:00, 17.00 or 17; empty for none."""
    if value is None or isinstance(value, dt.time):
        return value
    text = value.strip()
    if not text:
        return None
    try:
        hours, _, minutes = text.replace(".", ":").partition(":")
        return dt.time(int(hours), int(minutes or 0))
    except ValueError:
        raise InputError(field, f"»{text}« er ikke et klokkeslæt (skriv tt:mm).") from None
