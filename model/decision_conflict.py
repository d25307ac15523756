"""A decision changed by another secretary after the entry mode showed it.

Both versions are carried as decision states (to write mine, or show theirs)
and as the text the conflict dialog shows: the decision's text, and one line
summing up the marks, postponement and protokoltilførsler when those differ.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from model.entities import Member
from model.errors import EditConflict

WHAT = "Beslutningen"
MARK_NAMES = (
    ("absent", "Ikke til stede"),
    ("not_participating", "Deltog ikke"),
    ("for", "For"),
    ("against", "Imod"),
    ("abstain", "Undlod"),
)


class DecisionConflict(EditConflict):
    """`mine`/`theirs` as the dialog shows them; `*_state` as they would be stored."""

    def __init__(self, mine: str, theirs: str, mine_state, theirs_state,
                 expected_version: int, current_version: int):
        super().__init__(WHAT, mine, theirs, expected_version, current_version)
        self.mine_state = mine_state  # DecisionState: what keeping mine writes
        self.theirs_state = theirs_state  # DecisionState: what the archive holds


def _rest(state) -> tuple:
    return (state.postponed, state.votes_recorded, sorted(state.marks), state.notes,
            state.public_text)


def summary(session: Session, state) -> str:
    """One line: "Udsat · Ikke til stede: Dora Fisk (V) · For: …", or "Ingen markeringer"."""
    def name(member_id: int) -> str:
        member = session.get(Member, member_id)
        return member.display_name if member else "?"

    parts = ["Udsat"] if state.postponed else []
    for kind, label in MARK_NAMES:
        names = [name(m) for k, m in state.marks if k == kind]
        if names:
            parts.append(f"{label}: {', '.join(names)}")
    if state.notes:
        count = len(state.notes)
        parts.append("1 protokoltilførsel" if count == 1 else f"{count} protokoltilførsler")
    if state.public_text:
        parts.append(f"Offentlig tekst: {' '.join(state.public_text.split())}")
    return " · ".join(parts) or "Ingen markeringer"


def conflict(session: Session, mine, theirs, expected_version: int, current_version: int
             ) -> DecisionConflict:
    """The conflict between two decision states, shown as text (+ marks when they differ)."""
    def shown(state) -> str:
        text = state.text.strip() or "(ingen tekst)"
        if _rest(mine) == _rest(theirs):
            return text
        return f"{text}\n\n— {summary(session, state)}"

    return DecisionConflict(shown(mine), shown(theirs), mine, theirs, expected_version,
                            current_version)
