"""The follow-up list: questions and orders (spørgsmål og bestillinger) and their answers.

`meeting_follow_up_list` prints those of one meeting; `build_follow_up_list`
prints any selection across meetings, as the program's follow-up window
filters them. Both group the questions by meeting and item, in that order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from exporters import danish
from exporters.blocks import Chapter, Document, Fields, FrontPage, Para, Run
from exporters.markup import clean, clean_line
from model.follow_ups import FollowUpRow, row_of

KIND = "Opfølgning"
STATUS = {"open": "Åben", "answered": "Besvaret"}


def build_follow_up_list(follow_ups: Iterable, title: str, organisation: str = "",
                         committee: str = "") -> Document:
    """The follow-up list of `follow_ups`, headed `title`.

    `follow_ups` are `model.entities.FollowUp` objects (their item, meeting and committee
    loaded) or `model.follow_ups.FollowUpRow`s, as `find_follow_ups` returns them; they are
    printed in the order given, grouped by meeting and item where they follow each other.
    `committee` names the committee on the front page when all are of one; empty when
    the list spans several, and then every item heading names its committee.
    """
    entries = [f if isinstance(f, FollowUpRow) else row_of(f) for f in follow_ups]
    several = len({e.committee_id for e in entries}) > 1
    title = clean_line(title)
    doc = Document(
        kind=KIND, public=False, organisation=clean_line(organisation),
        committee=clean_line(committee), title=title, header=title,
        front=None, chapters=[], with_toc=False, compact=True,
        keywords=[KIND, clean_line(committee)] if committee else [KIND],
    )
    open_count = sum(e.status == "open" for e in entries)
    rows = [("Udskrevet", [danish.long_date(dt.date.today())]),
            ("Antal", [f"{len(entries)} i alt, {open_count} åbne, "
                       f"{len(entries) - open_count} besvarede"])]
    doc.front = FrontPage(doc.organisation, doc.committee or "Alle udvalg", KIND, title, rows)
    if not entries:
        doc.front.blocks.append(Para([Run("Der er ingen spørgsmål eller bestillinger.",
                                          italic=True)]))
    chapter = None
    for entry in entries:
        heading = f"Møde {danish.short_date(entry.meeting_date)}, punkt {entry.item_number}: " \
                  f"{clean_line(entry.item_title)}"
        if several:
            heading = f"{clean_line(entry.committee_name)} · {heading}"
        if chapter is None or chapter.heading != heading:
            chapter = Chapter(f"opfoelgning_{len(doc.chapters) + 1}", heading)
            doc.chapters.append(chapter)
        chapter.blocks.append(Fields(_fields(entry)))
    return doc


def meeting_follow_up_list(meeting) -> Document:
    """The questions and orders raised at `meeting`, in the order of its items."""
    committee = meeting.committee
    follow_ups = [f for item in meeting.items for f in item.follow_ups]
    title = f"Opfølgning på mødet i {clean_line(committee.name)} d. {meeting.date:%d-%m-%Y}"
    doc = build_follow_up_list(follow_ups, title, committee.organisation or "", committee.name)
    doc.keywords.append(f"{meeting.date:%Y-%m-%d}")
    return doc


def _fields(entry: FollowUpRow) -> list[tuple[str, str]]:
    rows = [("Spørgsmål", clean(entry.text).strip() or "–"),
            ("Stillet af", clean_line(entry.asked_by) or "–"),
            ("Ansvarlig", clean_line(entry.responsible) or "–"),
            ("Frist", danish.long_date(entry.due) if entry.due else "Ingen frist"),
            ("Status", STATUS.get(entry.status, clean_line(entry.status)))]
    if clean(entry.answer).strip():
        rows.append(("Svar", clean(entry.answer).strip()))
    return rows
