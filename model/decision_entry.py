"""The rules of entering a held meeting's decisions the day after, apart from any widget.

The secretary goes through the items in order with the paper protocol beside
her: the Indstilling shown, one key per standard phrase, absence prefilled
from the meeting's attendance. `DecisionEntry` knows which item is current,
what each key means and how many items still lack a decision; a thin widget
drives it and writes through the operations in `model.decisions`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from model import decision_phrases, decisions, follow_ups, roster
from model.agenda import get_item, get_meeting
from model.decisions import DecisionState
from model.meetings import STATUS_NAMES, display_title
from model.scan_proposals import ScanView, scan_view

ENTRY_STATUSES = ("held", "minutes_approved", "signed")


@dataclass(frozen=True)
class MemberLine:
    id: int
    name: str  # as the minutes print it, with the party letter
    party: str | None
    away: bool  # absent for the whole meeting, nobody in the seat
    stands_in_for: str | None = None  # a stand-in: the member whose seat, as printed


@dataclass
class EntryItem:
    """One item as the entry mode shows it."""

    id: int
    number: int
    title: str
    journal_number: str | None
    recommendation: str  # the Indstilling, Markdown
    state: DecisionState
    stored: bool  # False: nothing entered yet, `state` is the prefilled start
    follow_ups: list[follow_ups.FollowUpRow] = field(default_factory=list)
    corrections: list[decisions.CorrectionView] = field(default_factory=list)
    version: int = 0  # the decision's version shown (0: none stored)
    closed: bool = False  # a lukket punkt: it has a public decision text of its own
    scan: ScanView | None = None  # what a scanned protocol proposes (model/scan_proposals.py)

    @property
    def basis(self) -> decisions.Basis:
        """What an edit from the entry mode is based on (checked against the archive)."""
        return decisions.Basis(self.version, self.state)


def recommendation_of(item) -> str:
    """The item's Indstilling (the section the decision answers), or empty."""
    for section in item.sections:
        if section.heading.strip().lower().startswith("indstilling"):
            return section.text
    return ""


def member_line(person: roster.Person) -> MemberLine:
    """A row of the entry mode's grid: a member, or a stand-in in the seat's place."""
    seat = person.seat.display_name if person.stand_in else None
    return MemberLine(person.key, person.display_name, person.party, person.away, seat)


def missing_text(count: int) -> str:
    if count == 0:
        return "Alle punkter har en beslutning"
    if count == 1:
        return "1 punkt mangler beslutning"
    return f"{count} punkter mangler beslutning"


class DecisionEntry:
    """Where the secretary is in a meeting, and what the keys mean there."""

    def __init__(self, meeting_id: int, title: str, status: str, phrases: list[str],
                 members: list[MemberLine], item_ids: list[int], decided: dict[int, bool]):
        self.meeting_id = meeting_id
        self.title = title
        self.status = status
        self.phrases = phrases
        self.members = members
        self.item_ids = item_ids
        self.decided = decided
        self.index = 0

    @classmethod
    def load(cls, session: Session, meeting_id: int) -> DecisionEntry:
        """The entry mode for a held meeting; a meeting not yet held is refused."""
        from model.checks import InputError

        meeting = get_meeting(session, meeting_id)
        if meeting.status not in ENTRY_STATUSES:
            raise InputError(
                "status",
                f"Mødet er »{STATUS_NAMES[meeting.status]}«; beslutninger indtastes, "
                "når mødet er afholdt.",
            )
        members = [member_line(p) for p in roster.people(meeting)]
        items = [i for i in meeting.items if decisions.needs_decision(i)]
        entry = cls(
            meeting.id, display_title(meeting), meeting.status,
            decision_phrases.phrases(session, meeting.committee_id), members,
            [i.id for i in items], {i.id: decisions.is_decided(i) for i in items},
        )
        entry.index = entry._first_undecided()
        return entry

    # -- where we are ----------------------------------------------------------------

    @property
    def locked(self) -> bool:
        return self.status == "signed"

    @property
    def current_id(self) -> int | None:
        return self.item_ids[self.index] if self.item_ids else None

    def position_text(self) -> str:
        return f"Punkt {self.index + 1} af {len(self.item_ids)}" if self.item_ids else ""

    def _first_undecided(self) -> int:
        for n, item_id in enumerate(self.item_ids):
            if not self.decided[item_id]:
                return n
        return 0

    def go(self, step: int) -> bool:
        """Move `step` items on (or back); False at either end, where it stays."""
        target = self.index + step
        if not self.item_ids or not 0 <= target < len(self.item_ids):
            return False
        self.index = target
        return True

    def go_to(self, item_id: int) -> bool:
        if item_id not in self.item_ids:
            return False
        self.index = self.item_ids.index(item_id)
        return True

    def next_undecided(self) -> bool:
        """The next item after this one still without a decision, wrapping round."""
        count = len(self.item_ids)
        for step in range(1, count):
            candidate = (self.index + step) % count
            if not self.decided[self.item_ids[candidate]]:
                self.index = candidate
                return True
        return False

    # -- the counter -------------------------------------------------------------------

    @property
    def missing(self) -> int:
        return sum(1 for decided in self.decided.values() if not decided)

    def missing_text(self) -> str:
        return missing_text(self.missing)

    def note_state(self, item_id: int, state: DecisionState | None) -> None:
        """Keep the counter right after a change to an item's decision."""
        if item_id in self.decided:
            self.decided[item_id] = bool(state and state.decided)

    # -- keys ------------------------------------------------------------------------

    def phrase_for_key(self, key: int) -> str | None:
        """The standard phrase of key `key` (1 for Alt+1), or None."""
        return self.phrases[key - 1] if 1 <= key <= len(self.phrases) else None

    def parties(self) -> list[str]:
        """Parties with more than one member: a whole party's vote is one key then."""
        counts: dict[str, int] = {}
        for member in self.members:
            if member.party:
                counts[member.party] = counts.get(member.party, 0) + 1
        return [party for party, n in counts.items() if n > 1]

    # -- the current item --------------------------------------------------------------

    def current_item(self, session: Session) -> EntryItem | None:
        item_id = self.current_id
        if item_id is None:
            return None
        item = get_item(session, item_id)
        stored = decisions.state_of(item.decision)
        self.note_state(item_id, stored)
        return EntryItem(
            id=item.id,
            number=item.number,
            title=item.title,
            journal_number=item.effective_journal_number,
            recommendation=recommendation_of(item),
            state=stored or decisions.prefilled(item.meeting),
            stored=stored is not None,
            follow_ups=follow_ups.item_follow_ups(session, item.id),
            corrections=decisions.corrections(session, item.id),
            version=decisions.version_of(item),
            closed=item.closed,
            scan=scan_view(session, item, self.phrases),
        )
