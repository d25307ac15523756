"""A committee's house style applied to one item: its templates filled with the item's values.

The templates and their rules are model/style.py's; this module supplies the
values the Danish way ("mandag", "6. januar 2020", "A, B og C").
"""

from __future__ import annotations

from exporters import danish
from exporters.markup import clean_line
from model import roster
from model import style as templates

OPEN, CLOSED = "Åbent", "Lukket"


class HouseStyle:
    """The committee's templates, every key filled in with its default where missing."""

    def __init__(self, style: dict | None):
        self.look = templates.effective(style)

    @property
    def absence_after(self) -> bool:
        return self.look["absence_position"] == "after"

    @property
    def attachments_after_heading(self) -> bool:
        return self.look["attachments_position"] == "after_heading"

    def headings(self, item, title: str, hidden: bool) -> tuple[str, str]:
        """The item's heading and its TOC line; a withheld item shows number and title only."""
        values = {"number": item.number, "title": title}
        if not hidden:
            values.update(presenters=clean_line(item.presenters),
                          time_slot=clean_line(item.time_slot))
        return (templates.fill(self.look["item_heading"], values),
                templates.fill(self.look["toc_entry"], values))

    def lines(self, item) -> list[str]:
        """The lines under the heading; a line whose placeholders are all empty is left out."""
        values = {
            "journal_number": clean_line(item.effective_journal_number),
            "open": CLOSED if item.closed else OPEN,
            "committee": clean_line(item.meeting.committee.name),
            "extra": item.extra or {},
            "time_slot": clean_line(item.time_slot),
            "presenters": clean_line(item.presenters),
        }
        filled = (templates.fill_line(line, values) for line in self.look["item_lines"])
        return [clean_line(line) for line in filled if line]

    def decision_heading(self, item) -> str:
        day = item.meeting.date
        return templates.fill(self.look["decision_heading"], {
            "committee": clean_line(item.meeting.committee.name),
            "weekday": danish.weekday(day) if day else "",
            "date": danish.long_date(day) if day else "",
            "number": item.number,
        })

    def prior_decision_heading(self, prior) -> str:
        return clean_line(templates.fill(self.look["prior_decision_heading"], {
            "body": clean_line(prior.body),
            "weekday": danish.weekday(prior.date) if prior.date else "",
            "date": danish.long_date(prior.date) if prior.date else "",
            "item_number": clean_line(prior.item_number),
        }))

    def members_line(self, key: str, item, members) -> str:
        """The `absence` or `not_participating` line naming `members` ('' for none)."""
        if not members:
            return ""
        return templates.fill(self.look[key], {
            "names": danish.names(members),
            "committee": clean_line(item.meeting.committee.name),
        })

    def substitute_lines(self, meeting) -> list[str]:
        """A line per stand-in of the meeting, when the style has the template."""
        template = self.look["substitute_line"]
        if not template:
            return []
        lines = [templates.fill(template, {"substitute": danish.name(person),
                                           "member": danish.name(person.seat)})
                 for person in roster.people(meeting) if person.stand_in]
        return [line for line in lines if line]

    def attachments_heading(self, item) -> str:
        return templates.fill(self.look["attachments_heading"], {"number": item.number})
