"""Edits from the item editor that are checked against the version it showed.

Each returns the old value (for undo) and the row's version before and after,
so the editor can base its next edit on its own save and not on a change
someone else made in between.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from model import item_edit
from model.agenda import get_item


@dataclass(frozen=True)
class Saved:
    old: Any  # the value before, for undo
    previous_version: int  # the row's version before this edit
    version: int  # the row's version now: the base of the next edit


def save_item_field(session: Session, item_id: int, field: str, value: Any,
                    expected_version: int | None) -> Saved:
    before = get_item(session, item_id).version
    old = item_edit.set_item_field(session, item_id, field, value, expected_version)
    return Saved(old, before, get_item(session, item_id).version)


def save_section_text(session: Session, section_id: int, text: str,
                      expected_version: int | None) -> Saved:
    before = item_edit.get_section(session, section_id).version
    old = item_edit.set_section_text(session, section_id, text, expected_version)
    return Saved(old, before, item_edit.get_section(session, section_id).version)


def save_decision_text(session: Session, item_id: int, text: str,
                       expected_version: int | None) -> Saved:
    before = _decision_version(session, item_id)
    old = item_edit.set_decision_text(session, item_id, text, expected_version)
    return Saved(old, before, _decision_version(session, item_id))


def save_public_text(session: Session, item_id: int, text: str,
                     expected_version: int | None) -> Saved:
    before = _decision_version(session, item_id)
    old = item_edit.set_public_text(session, item_id, text, expected_version)
    return Saved(old, before, _decision_version(session, item_id))


def _decision_version(session: Session, item_id: int) -> int:
    decision = get_item(session, item_id).decision
    return decision.version if decision else 0
