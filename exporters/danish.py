"""Dates, names and numbers the way Danish minutes print them."""

from __future__ import annotations

import datetime as dt

from exporters.markup import clean_line

# Babel's da_DK names, written out: importing Babel took 0.1 s of every render for them.
MONTHS = ("januar", "februar", "marts", "april", "maj", "juni", "juli", "august",
          "september", "oktober", "november", "december")
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def long_date(day: dt.date) -> str:
    """'17. august 2020'."""
    return f"{day.day}. {MONTHS[day.month - 1]} {day.year}"


def meeting_when(day: dt.date, start: dt.time | None, end: dt.time | None = None) -> str:
    """'Torsdag d. 16. januar 2020 kl. 09:00' (with '-11:45' when the end is known)."""
    text = f"{weekday(day).capitalize()} d. {long_date(day)}"
    if start:
        text += f" kl. {start:%H:%M}"
        if end:
            text += f"-{end:%H:%M}"
    return text


def clock(time: dt.time) -> str:
    """'9.00', '11.45': the time of day as Danish prose writes it."""
    return f"{time.hour}.{time.minute:02d}"


def meeting_times(start: dt.time | None, end: dt.time) -> str:
    """'Mødet begyndte kl. 9.00 og sluttede kl. 11.45.'"""
    if start is None:
        return f"Mødet sluttede kl. {clock(end)}."
    return f"Mødet begyndte kl. {clock(start)} og sluttede kl. {clock(end)}."


def short_date(day: dt.date) -> str:
    """'19.08.2020', as page headers print it."""
    return f"{day:%d.%m.%Y}"


def name(member) -> str:
    """'Jacob Panton-Kristiansen (V)'."""
    return clean_line(member.display_name)


def weekday(day: dt.date) -> str:
    """'mandag'."""
    return WEEKDAYS[day.weekday()]


def names(members) -> str:
    """'A (V), B (C) og D (O)'."""
    listed = [name(m) for m in members]
    if len(listed) < 2:
        return "".join(listed)
    return f"{', '.join(listed[:-1])} og {listed[-1]}"


def party_tally(members) -> str:
    """Votes by party: '3 (A, F, V)'; a member without a party counts by name."""
    labels = sorted({clean_line(m.party) or clean_line(m.name) for m in members})
    return f"{len(members)} ({', '.join(labels)})"


def vote_line(tallies: list[tuple[str, list]]) -> str:
    """'For stemte 5 (A, V), imod stemte 2 (Ø), undlod at stemme 1 (C).' from
    (words, voters) pairs; a kind nobody voted is left out."""
    parts = [f"{words} {party_tally(voters)}" for words, voters in tallies if voters]
    if not parts:
        return ""
    text = ", ".join(parts) + "."
    return text[:1].upper() + text[1:]
