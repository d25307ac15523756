"""Entering an item's decision: text, standard phrases, absence, votes, protokoltilførsler.

Every operation returns a `DecisionChange` with the decision as it was and as
it became, so the program undoes a step by restoring `before` and redoes it
by restoring `after`. A meeting whose minutes are signed is locked: its
decisions are never changed again, only added to by dated corrections.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from sqlalchemy.orm import Session

from model import decision_phrases, roster, sealing
from model.agenda import get_item
from model.checks import InputError, required_text
from model.decision_conflict import conflict
from model.entities import Correction, Decision, DecisionMember, Item, Meeting, Member, MinorityNote

LOCKED = (
    "Referatet er underskrevet, så beslutningen kan ikke ændres. "
    "Tilføj en dateret rettelse i stedet."
)
VOTES = ("for", "against", "abstain")
PRESENCE = ("absent", "not_participating")
# The committee's own signature item carries no decision of its own.
SIGNATURE_TITLE = "underskriftsark"


@dataclass(frozen=True)
class DecisionState:
    """A decision as plain values (corrections are not part of it: they are never undone)."""

    text: str = ""
    postponed: bool = False
    votes_recorded: bool = False
    public_text: str | None = None
    marks: tuple[tuple[str, int], ...] = ()  # (kind, member id), in entered order
    notes: tuple[tuple[int, str], ...] = ()  # protokoltilførsler: (member id, text)

    def members(self, kind: str) -> list[int]:
        return [member_id for k, member_id in self.marks if k == kind]

    def vote_of(self, member_id: int) -> str | None:
        return next((k for k, m in self.marks if m == member_id and k in VOTES), None)

    @property
    def decided(self) -> bool:
        """Whether the item counts as decided: a text, or udsat."""
        return bool(self.text.strip()) or self.postponed


@dataclass(frozen=True)
class Basis:
    """What the entry mode showed: an edit based on it is refused (DecisionConflict) when
    someone else has changed the decision since; None means the caller does not check."""

    version: int  # the decision's version, 0: no decision stored, -1: not known (undo)
    state: DecisionState | None  # as shown; None: none stored (the prefilled start)


@dataclass(frozen=True)
class DecisionChange:
    item_id: int
    meeting_id: int
    before: DecisionState | None
    after: DecisionState | None
    changed: bool = field(init=False)
    version: int = field(default=0, compare=False)  # the decision's version now: next basis

    def __post_init__(self) -> None:
        object.__setattr__(self, "changed", self.before != self.after)


# -- reading ------------------------------------------------------------------------


def state_of(decision: Decision | None) -> DecisionState | None:
    if decision is None:
        return None
    return DecisionState(
        text=decision.text or "",
        postponed=bool(decision.postponed),
        votes_recorded=bool(decision.votes_recorded),
        public_text=decision.public_text,
        marks=tuple((m.kind, m.member_id) for m in decision.member_marks),
        notes=tuple((n.member_id, n.text) for n in decision.minority_notes),
    )


def decision_state(session: Session, item_id: int) -> DecisionState | None:
    return state_of(get_item(session, item_id).decision)


def is_locked(meeting: Meeting) -> bool:
    """A signed protocol is never changed, only added to (model/sealing/guard.py refuses
    every write to it; this tells the window so beforehand)."""
    return meeting.status == "signed"


def needs_decision(item: Item) -> bool:
    return item.title.strip().lower() != SIGNATURE_TITLE


def is_decided(item: Item) -> bool:
    state = state_of(item.decision)
    return bool(state and state.decided)


def missing_count(session: Session, meeting_id: int) -> int:
    """How many of the meeting's items still lack a decision."""
    from model.agenda import get_meeting

    meeting = get_meeting(session, meeting_id)
    return sum(1 for i in meeting.items if needs_decision(i) and not is_decided(i))


def meeting_absent(meeting: Meeting) -> list[int]:
    """Members away for the whole meeting with nobody in their seat: absent on every item.
    A seat a stand-in fills is not absent: the stand-in takes part (model/roster.py)."""
    return [person.key for person in roster.people(meeting) if person.away]


def prefilled(meeting: Meeting) -> DecisionState:
    """What an item's decision starts as: empty, with the meeting's absence filled in."""
    return DecisionState(marks=tuple(("absent", m) for m in meeting_absent(meeting)))


def shown_state(item: Item) -> DecisionState:
    """The decision as the entry mode shows it: the stored one, or the prefilled start."""
    return state_of(item.decision) or prefilled(item.meeting)


# -- writing ------------------------------------------------------------------------


def editable_item(session: Session, item_id: int) -> Item:
    """The item, if its decision may still be changed (its meeting is not signed).

    The meeting's row is locked first (PostgreSQL), so the decision read next is the
    latest: a signing or another first decision of the same moment waits for us, or
    we for it, and then sees the other's result instead of an error."""
    item = get_item(session, item_id)
    if sealing.lock_meeting(session, item.meeting_id) == "signed":
        raise InputError("decision", LOCKED)
    session.expire(item, ["decision"])
    if is_locked(item.meeting):
        raise InputError("decision", LOCKED)
    return item


def _is_bare(state: DecisionState, start: DecisionState) -> bool:
    plain = replace(state, text=state.text.strip(), marks=())
    return plain == DecisionState() and sorted(state.marks) == sorted(start.marks)


def _write(session: Session, item: Item, wanted: DecisionState | None) -> None:
    """Make the stored decision equal `wanted`; a bare one (nothing beyond the prefilled
    absence) is not kept, so an item without a decision has no record."""
    if wanted is not None and _is_bare(wanted, prefilled(item.meeting)):
        wanted = None
    decision = item.decision
    if wanted is None:
        if decision is not None:
            if decision.corrections:  # a dated addition stays, on an emptied decision
                wanted = DecisionState()
            else:
                item.decision = None
                session.flush()
                return
        else:
            return
    if decision is None:
        decision = Decision(text="")
        item.decision = decision
    decision.text = wanted.text
    decision.postponed = wanted.postponed
    decision.votes_recorded = wanted.votes_recorded
    decision.public_text = wanted.public_text
    if state_of(decision).marks != wanted.marks:
        decision.member_marks.clear()
        session.flush()
        for kind, member_id in wanted.marks:
            decision.member_marks.append(DecisionMember(kind=kind, member_id=member_id))
        decision.member_marks.reorder()
    if state_of(decision).notes != wanted.notes:
        decision.minority_notes.clear()
        session.flush()
        for member_id, text in wanted.notes:
            decision.minority_notes.append(MinorityNote(member_id=member_id, text=text))
        decision.minority_notes.reorder()
    session.flush()


def version_of(item: Item) -> int:
    return item.decision.version if item.decision else 0


def _check(session: Session, item: Item, edit, basis: Basis | None) -> None:
    """Refuse an edit based on a decision someone else has changed since it was shown.

    Nothing is lost, so nothing is refused, when the archive still holds what was
    shown (the version moved for nothing visible) or already holds what the edit makes.
    """
    if basis is None:
        return
    current = version_of(item)
    theirs = state_of(item.decision) or prefilled(item.meeting)
    shown = basis.state or prefilled(item.meeting)
    if theirs == shown or current == basis.version == 0:
        return  # nothing of anybody's to lose (a new prefill is the meeting's attendance)
    mine = edit(shown) or prefilled(item.meeting)
    if mine == theirs:
        return
    raise conflict(session, mine, theirs, basis.version, current)


def _change(session: Session, item_id: int, edit, basis: Basis | None = None
            ) -> DecisionChange:
    """Apply `edit` (old state -> new state) to the item's decision."""
    item = editable_item(session, item_id)
    _check(session, item, edit, basis)
    before = state_of(item.decision)
    wanted = edit(before or prefilled(item.meeting))
    if wanted is not None:
        check_votes(item, wanted, before)
    _write(session, item, wanted)
    session.expire(item, ["decision"])
    return DecisionChange(item.id, item.meeting_id, before, state_of(item.decision),
                          version_of(item))


def check_votes(item: Item, state: DecisionState, before: DecisionState | None = None
                ) -> None:
    """Refuse a vote by someone not taking part in the item (not at the meeting, absent
    from the item, not participating) and a second vote by anyone, so there are never more
    votes than people taking part. Checked only when a vote is new, so an older decision
    whose attendance changed since can still be edited otherwise."""
    old = set(before.marks) if before else set()
    votes = [(k, m) for k, m in state.marks if k in VOTES]
    if not [mark for mark in votes if mark not in old]:
        return
    meeting = item.meeting
    people = roster.by_key(meeting)
    absent, away = set(state.members("absent")), set(state.members("not_participating"))
    members = {m.id: m for m in meeting.committee.members}
    voted: set[int] = set()
    for _kind, key in votes:
        person = people.get(key) or members.get(key)
        name = person.display_name if person is not None else "?"
        if key in voted:
            raise InputError("votes", f"{name} har stemt mere end én gang.")
        voted.add(key)
        if key not in people:  # the secretary, a suppleant not standing in, a replaced seat
            if person is not None and person.role == "sekretær":
                raise InputError("votes", f"{name} er udvalgets sekretær og kan ikke stemme.")
            raise InputError("votes", f"{name} var ikke med på mødet og kan ikke stemme.")
        if key in absent:
            raise InputError("votes", f"{name} var ikke til stede under punktet og kan "
                             "ikke stemme.")
        if key in away:
            raise InputError("votes", f"{name} deltog ikke i punktet og kan ikke stemme.")


def restore(session: Session, item_id: int, state: DecisionState | None,
            basis: Basis | None = None) -> DecisionChange:
    """Set the decision back to `state` (undo and redo; keeping mine after a conflict)."""
    return _change(session, item_id, lambda _old: state, basis)


def set_text(session: Session, item_id: int, text: str, basis: Basis | None = None
             ) -> DecisionChange:
    """The decision's text (Markdown)."""
    return _change(session, item_id, lambda old: replace(old, text=text), basis)


def apply_phrase(session: Session, item_id: int, phrase: str,
                 basis: Basis | None = None) -> DecisionChange:
    """A standard decision: it replaces an empty text or another standard phrase, and goes
    in front of a text already written. "Udsat." also marks the item postponed."""
    return _change(session, item_id, _phrase_edit(session, item_id, phrase), basis)


def _phrase_edit(session: Session, item_id: int, phrase: str):
    phrase = phrase.strip()
    item = get_item(session, item_id)
    known = decision_phrases.phrases(session, item.meeting.committee_id)

    def edit(old: DecisionState) -> DecisionState:
        current = old.text.strip()
        if not current or current in known:
            text = phrase
        elif current.startswith(phrase):
            text = old.text
        else:
            text = f"{phrase}\n\n{old.text.strip()}"
        postponed = decision_phrases.postpones(phrase) or (
            old.postponed and not (current in known and decision_phrases.postpones(current))
        )
        return replace(old, text=text, postponed=postponed)

    return edit


def take_reading(session: Session, item_id: int, phrase: str | None, absent: list[int],
                 basis: Basis | None = None) -> DecisionChange:
    """What the chair marked on the paper protocol, as one step: the ticked standard
    decision and the members ticked as not present."""
    item = editable_item(session, item_id)
    for member_id in absent:
        _member(session, item, member_id)
    edits = [_phrase_edit(session, item_id, phrase)] if phrase else []
    edits += [_presence_edit(member_id, "absent", True) for member_id in absent]

    def edit(old: DecisionState) -> DecisionState:
        for one in edits:
            old = one(old)
        return old

    return _change(session, item_id, edit, basis)


def set_postponed(session: Session, item_id: int, postponed: bool,
                 basis: Basis | None = None) -> DecisionChange:
    """Udsat: the item then offers itself to the committee's next agenda."""
    def edit(old: DecisionState) -> DecisionState:
        text = old.text
        if postponed and not text.strip():
            text = "Udsat."
        elif not postponed and decision_phrases.postpones(text.strip()) and len(text) < 40:
            text = ""
        return replace(old, postponed=postponed, text=text)

    return _change(session, item_id, edit, basis)


OPEN_ITEM_PUBLIC_TEXT = (
    "Punktet er åbent, så hele beslutningen er offentlig; kun et lukket punkt har en "
    "særskilt offentlig beslutningstekst."
)


def public_text_value(item: Item, text: str | None) -> str | None:
    """A closed item's public decision text as stored: None when empty. An open item's
    decision is public as it stands, so text for it is refused."""
    if not (text or "").strip():
        return None
    if not item.closed:
        raise InputError("public_text", OPEN_ITEM_PUBLIC_TEXT)
    return text


def set_public_text(session: Session, item_id: int, text: str | None,
                    basis: Basis | None = None) -> DecisionChange:
    """The part of a closed item's decision that may be published (Markdown)."""
    value = public_text_value(editable_item(session, item_id), text)
    return _change(session, item_id, lambda old: replace(old, public_text=value), basis)


def _member(session: Session, item: Item, member_id: int) -> Member:
    member = session.get(Member, member_id)
    if member is None or member.committee_id != item.meeting.committee_id:
        raise InputError("member", "Medlemmet hører ikke til udvalget.")
    return member


def set_presence(session: Session, item_id: int, member_id: int, kind: str, on: bool,
                 basis: Basis | None = None) -> DecisionChange:
    """Mark a member absent or not participating for this item (or not); such a member
    casts no vote, so a vote of theirs goes."""
    if kind not in PRESENCE:
        raise ValueError(f"not a presence mark: {kind}")
    item = editable_item(session, item_id)
    _member(session, item, member_id)
    return _change(session, item_id, _presence_edit(member_id, kind, on), basis)


def _presence_edit(member_id: int, kind: str, on: bool):
    def edit(old: DecisionState) -> DecisionState:
        if on:
            if (kind, member_id) in old.marks:
                return old
            marks = [(k, m) for k, m in old.marks if m != member_id or k not in PRESENCE + VOTES]
            marks.append((kind, member_id))
        else:
            marks = [(k, m) for k, m in old.marks if (k, m) != (kind, member_id)]
        return replace(old, marks=tuple(marks))

    return edit


def set_vote(session: Session, item_id: int, member_id: int, vote: str | None,
                 basis: Basis | None = None) -> DecisionChange:
    """A member's vote: for, against, abstain, or None to take it away."""
    if vote is not None and vote not in VOTES:
        raise ValueError(f"not a vote: {vote}")
    item = editable_item(session, item_id)
    _member(session, item, member_id)

    def edit(old: DecisionState) -> DecisionState:
        marks = [(k, m) for k, m in old.marks if not (m == member_id and k in VOTES)]
        if vote:
            marks.append((vote, member_id))
        recorded = old.votes_recorded or vote is not None
        return replace(old, marks=tuple(marks), votes_recorded=recorded)

    return _change(session, item_id, edit, basis)


def set_party_vote(session: Session, item_id: int, party: str, vote: str | None,
                 basis: Basis | None = None) -> DecisionChange:
    """The whole party votes alike: every member of it who takes part in the item."""
    if vote is not None and vote not in VOTES:
        raise ValueError(f"not a vote: {vote}")
    item = editable_item(session, item_id)
    members = [p.key for p in roster.people(item.meeting) if (p.party or "") == party]
    if not members:
        raise InputError("votes", f"Udvalget har ingen medlemmer fra parti {party}.")

    def edit(old: DecisionState) -> DecisionState:
        away = {m for k, m in old.marks if k in PRESENCE}
        voting = [m for m in members if m not in away]
        marks = [(k, m) for k, m in old.marks if not (m in voting and k in VOTES)]
        if vote:
            marks += [(vote, m) for m in voting]
        return replace(old, marks=tuple(marks), votes_recorded=old.votes_recorded or bool(vote))

    return _change(session, item_id, edit, basis)


def clear_votes(session: Session, item_id: int,
                 basis: Basis | None = None) -> DecisionChange:
    """No vote was taken: the decision prints no tally."""
    return _change(session, item_id, lambda old: replace(
        old, votes_recorded=False, marks=tuple((k, m) for k, m in old.marks if k not in VOTES)
    ), basis)


def add_minority_note(session: Session, item_id: int, member_id: int, text: str,
                 basis: Basis | None = None) -> DecisionChange:
    """A protokoltilførsel: a member's own words in the minutes."""
    item = editable_item(session, item_id)
    _member(session, item, member_id)
    text = required_text("minority_note", text, "Protokoltilførslen")
    note = (member_id, text)
    return _change(session, item_id, lambda old: replace(old, notes=(*old.notes, note)), basis)


def remove_minority_note(session: Session, item_id: int, index: int,
                 basis: Basis | None = None) -> DecisionChange:
    def edit(old: DecisionState) -> DecisionState:
        notes = list(old.notes)
        if not 0 <= index < len(notes):
            raise InputError("minority_note", "Protokoltilførslen findes ikke længere.")
        del notes[index]
        return replace(old, notes=tuple(notes))

    return _change(session, item_id, edit, basis)


# -- corrections: the only addition to a signed decision ------------------------------


def add_correction(session: Session, item_id: int, text: str, date: dt.date | None = None
                   ) -> int:
    """A dated addition to the decision of a signed meeting; returns its id."""
    item = get_item(session, item_id)
    if not is_locked(item.meeting):
        raise InputError(
            "correction",
            "Rettelser tilføjes, når referatet er underskrevet; indtil da rettes beslutningen.",
        )
    text = required_text("correction", text, "Rettelsen")
    if item.decision is None:
        item.decision = Decision(text="")
    correction = Correction(date=date or dt.date.today(), text=text)
    item.decision.corrections.append(correction)
    session.flush()
    return correction.id


def remove_correction(session: Session, correction_id: int) -> None:
    """Take back a correction made by mistake, the same day only (undo)."""
    correction = session.get(Correction, correction_id)
    if correction is None:
        return
    if correction.date != dt.date.today():
        raise InputError("correction", "En rettelse fra en tidligere dag kan ikke fjernes.")
    decision = correction.decision
    decision.corrections.remove(correction)
    decision.corrections.reorder()
    session.flush()


@dataclass(frozen=True)
class CorrectionView:
    id: int
    date: dt.date
    text: str


def corrections(session: Session, item_id: int) -> list[CorrectionView]:
    decision = get_item(session, item_id).decision
    if decision is None:
        return []
    return [CorrectionView(c.id, c.date, c.text) for c in decision.corrections]
