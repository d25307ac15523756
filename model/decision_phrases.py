"""A committee's standard decisions: the phrases a secretary enters with one key each."""

from __future__ import annotations

from sqlalchemy.orm import Session

from model.checks import InputError
from model.committees import get_committee

DEFAULT_PHRASES = (
    "Godkendt.",
    "Anbefales.",
    "Taget til efterretning.",
    "Drøftet.",
    "Udsat.",
    "Ikke godkendt.",
)
MAX_PHRASES = 9  # one digit key each: Alt+1 .. Alt+9


def phrases(session: Session, committee_id: int) -> list[str]:
    """The committee's own phrases, or the usual ones when it has not chosen its own."""
    own = get_committee(session, committee_id).decision_phrases
    return list(own) if own else list(DEFAULT_PHRASES)


def clean_phrases(values: list[str]) -> list[str]:
    cleaned: list[str] = []
    for value in values:
        text = (value or "").strip()
        if text and text not in cleaned:
            cleaned.append(text)
    if len(cleaned) > MAX_PHRASES:
        raise InputError(
            "decision_phrases", f"Der kan højst være {MAX_PHRASES} standardbeslutninger."
        )
    return cleaned


def set_phrases(session: Session, committee_id: int, values: list[str] | None) -> list[str] | None:
    """Store the committee's own list (None or empty: the usual list); returns the old one."""
    committee = get_committee(session, committee_id)
    old = committee.decision_phrases
    cleaned = clean_phrases(values or [])
    committee.decision_phrases = cleaned if cleaned and cleaned != list(DEFAULT_PHRASES) else None
    session.flush()
    return old


def postpones(phrase: str) -> bool:
    """A phrase that says the item was udsat also marks it postponed (it comes back later)."""
    return phrase.strip().lower().startswith(("udsat", "udsættes", "punktet udsat"))
