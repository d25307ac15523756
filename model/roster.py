"""Who takes part in a meeting: one row per person, a stand-in in the seat's place.

The one place that says who a meeting's people are, for the decision entry's
grid, the vote checks and every printed list (front page, absence lines, votes,
signatures). It reads only the meeting's attendance and its committee's
members, so it works on a signed meeting's detached copy (model/sealing/printed.py)
exactly as on the archive's.

Rules:
- A seat is a committee member who is not a secretary or a suppleant. Its row
  is the member (present, or away all meeting) or, when substituted, the stand-in.
- A suppleant takes part only by standing in: their own attendance row (older
  meetings gave every member one, present) is not a second person.
- A stand-in who is a member (`substitute_member`) is marked in decisions by
  their own member id. A stand-in typed as a name only (files from elsewhere,
  older meetings) has no member id, so decisions mark them by the seat's id:
  a vote or absence of the seat is the stand-in's, as the interchange examples
  write it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NOT_SEATS = ("sekretær", "suppleant")
_PARTY = re.compile(r"^(?P<name>.*\S)\s*\((?P<party>[^()]{1,5})\)$")


@dataclass(frozen=True)
class Person:
    """One person of the meeting, with the attributes printed names are made of."""

    marked_as: object  # the Member decisions mark this person by (its id: `key`)
    name: str
    party: str | None
    seat: object  # the committee Member whose seat this is
    stand_in: bool  # standing in for `seat`'s member
    away: bool  # absent all meeting, nobody in the seat
    note: str | None = None  # the attendance row's note ("Afbud")

    @property
    def key(self) -> int:
        return self.marked_as.id

    @property
    def display_name(self) -> str:
        return f"{self.name} ({self.party})" if self.party else self.name

    @property
    def role(self) -> str:
        """The seat's role when the member sits in it; a stand-in is a member."""
        return "medlem" if self.stand_in else self.seat.role

    @property
    def signs(self) -> bool:
        """Who sits in a signing member's seat signs."""
        return bool(self.seat.signs)


def split_name(text: str, party: str | None = None) -> tuple[str, str | None]:
    """'Karen Vinter (O)' -> ('Karen Vinter', 'O'); without a party letter, `party`."""
    text = " ".join((text or "").split())
    found = _PARTY.match(text)
    if found:
        return found["name"], found["party"].strip() or party
    return text, party


def people(meeting) -> list[Person]:
    """Every seat's person in the committee's order, the ones away all meeting too."""
    # By the member objects, not their ids: an unsaved meeting (the house style's
    # preview) has none yet.
    rows = {id(row.member): row for row in meeting.attendance}
    found: list[Person] = []
    standing: set[int] = set()
    for member in meeting.committee.members:
        if member.role in NOT_SEATS:
            continue
        row = rows.get(id(member))
        status = row.status if row is not None else "present"
        note = row.note if row is not None else None
        person = _stand_in(row, member, note) if status == "substituted" else None
        if person is not None and id(person.marked_as) in standing:
            person = None  # one person stands in for one seat
        if person is not None:
            standing.add(id(person.marked_as))
            found.append(person)
        else:
            found.append(Person(member, member.name, member.party, member,
                                False, status != "present", note))
    return found


def _stand_in(row, seat, note: str | None) -> Person | None:
    substitute = row.substitute_member
    if substitute is not None:
        return Person(substitute, substitute.name, substitute.party, seat, True, False, note)
    if (row.substitute or "").strip():
        name, party = split_name(row.substitute, seat.party)
        return Person(seat, name, party, seat, True, False, note)
    return None


def taking_part(meeting) -> list[Person]:
    """The people at the meeting: present members and stand-ins."""
    return [p for p in people(meeting) if not p.away]


def by_key(meeting) -> dict[int, Person]:
    return {p.key: p for p in people(meeting)}


def named(meeting, members) -> list:
    """Members marked in a decision as the people they are: a seat a typed stand-in
    fills is the stand-in; anyone else (a member no longer seated) as the member."""
    lookup = {id(p.marked_as): p for p in people(meeting)}
    return [lookup.get(id(m), m) for m in members]


def signers(meeting) -> list[Person]:
    """Who signs: present signing members and stand-ins in signing seats; the formand,
    then the næstformand, then the rest in the committee's order."""
    rank = {"formand": 0, "næstformand": 1}
    present = [p for p in taking_part(meeting) if p.signs]
    return sorted(present, key=lambda p: (rank.get(p.role, 2), p.seat.position))
