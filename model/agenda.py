"""A meeting's agenda: adding, deleting and moving items, and numbering them.

Numbers follow the committee's rule: `per_meeting` counts 1, 2, 3 in each
meeting; `running` continues from the committee's previous meeting of the
same calendar year (192-200 after 183-191). While the agenda is a draft the
numbers follow the order; once it is published they are frozen, because
people have already read them: a later item gets the next free number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from model import snapshots
from model.checks import required_text
from model.entities import Item, Meeting, Section
from model.errors import EditConflict, NotFoundError
from model.ids import new_ext_id
from model.standard_items import compared


@dataclass
class AgendaChange:
    """What an agenda operation changed: the item it concerned and renumbered items."""

    meeting_id: int
    item_id: int | None = None
    index: int | None = None  # the item's place in the agenda before (delete) or after (add)
    renumbered: dict[int, int] = field(default_factory=dict)  # item id -> new number
    snapshot: dict[str, Any] | None = None  # a deleted item, for undo


def get_meeting(session: Session, meeting_id: int) -> Meeting:
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        raise NotFoundError("Mødet findes ikke længere i arkivet.")
    return meeting


def get_item(session: Session, item_id: int) -> Item:
    item = session.get(Item, item_id)
    if item is None:
        raise NotFoundError("Punktet findes ikke længere i arkivet.")
    return item


def is_frozen(meeting: Meeting) -> bool:
    """Numbers stop following the order once the agenda has been sent out."""
    return meeting.status != "draft"


def _sort_key(meeting: Meeting) -> tuple:
    return (meeting.date, meeting.start is not None, meeting.start or 0, meeting.id or 0)


def _same_year_meetings(session: Session, meeting: Meeting) -> list[Meeting]:
    query = select(Meeting).where(
        Meeting.committee_id == meeting.committee_id,
        extract("year", Meeting.date) == meeting.date.year,
    )
    return sorted(session.scalars(query), key=_sort_key)


def first_number(session: Session, meeting: Meeting) -> int:
    """The number the meeting's first item gets."""
    if meeting.committee.numbering != "running":
        return 1
    earlier = [
        m.id
        for m in _same_year_meetings(session, meeting)
        if _sort_key(m) < _sort_key(meeting) and m.id != meeting.id
    ]
    if not earlier:
        return 1
    highest = session.scalar(select(func.max(Item.number)).where(Item.meeting_id.in_(earlier)))
    return (highest or 0) + 1


def renumber(session: Session, meeting: Meeting) -> dict[int, int]:
    """Number a draft agenda in order (and later drafts of a running year); returns changes."""
    session.flush()
    changed: dict[int, int] = {}
    targets = [meeting]
    if meeting.committee.numbering == "running":
        here = _sort_key(meeting)
        targets = [m for m in _same_year_meetings(session, meeting) if _sort_key(m) >= here]
        if meeting not in targets:
            targets.insert(0, meeting)
    for target in targets:
        if is_frozen(target):
            continue
        number = first_number(session, target)
        for item in target.items:
            if item.number != number:
                item.number = number
                changed[item.id] = number
            number += 1
        session.flush()
    return changed


def _next_free_number(meeting: Meeting) -> int:
    return max((i.number for i in meeting.items), default=0) + 1


def new_item(title: str, headings: list[str], **fields: Any) -> Item:
    item = Item(ext_id=new_ext_id("punkt"), number=0, title=title, **fields)
    item.sections = [Section(heading=h, text="") for h in headings]
    return item


def _insert(session: Session, meeting: Meeting, item: Item, index: int | None) -> AgendaChange:
    index = len(meeting.items) if index is None else max(0, min(index, len(meeting.items)))
    if is_frozen(meeting) and not item.number:
        item.number = _next_free_number(meeting)
    meeting.items.insert(index, item)
    meeting.items.reorder()
    session.flush()
    renumbered = renumber(session, meeting)
    return AgendaChange(meeting.id, item.id, index, renumbered)


def add_item(
    session: Session, meeting_id: int, title: str, index: int | None = None, **fields: Any
) -> AgendaChange:
    """A new item with the committee's default sections, at `index` (default: last)."""
    meeting = get_meeting(session, meeting_id)
    title = required_text("title", title, "Titlen")
    item = new_item(title, meeting.committee.section_headings, **fields)
    return _insert(session, meeting, item, index)


def delete_item(session: Session, item_id: int, expected_version: int | None = None
                ) -> AgendaChange:
    """Delete an item with everything on it; the change holds a snapshot to put it back.
    With `expected_version`, an item someone else changed since is not deleted."""
    item = get_item(session, item_id)
    EditConflict.check(expected_version, item.version, f"Punktet »{item.title}«", None,
                       item.title)
    meeting = item.meeting
    index = meeting.items.index(item)
    data = snapshots.snapshot(item)
    meeting.items.remove(item)
    meeting.items.reorder()
    session.flush()
    renumbered = renumber(session, meeting)
    return AgendaChange(meeting.id, item_id, index, renumbered, snapshot=data)


def restore_item(session: Session, data: dict[str, Any], index: int) -> AgendaChange:
    """Put a deleted item back where it was, with its ids and content."""
    meeting = get_meeting(session, data["columns"]["meeting_id"])
    item = snapshots.rebuild(data)
    if not is_frozen(meeting):
        item.number = 0
    return _insert(session, meeting, item, index)


def move_item(session: Session, item_id: int, index: int,
              expected_order: list[int] | None = None) -> AgendaChange:
    """Move an item to `index` in its agenda; the change's index is where it was.
    With `expected_order` (the item ids as shown), an agenda someone else has
    reordered, added to or cut since is not moved (EditConflict)."""
    item = get_item(session, item_id)
    meeting = item.meeting
    order = [i.id for i in meeting.items]
    if expected_order is not None and expected_order != order:
        raise EditConflict("Dagsordenens rækkefølge", _titles(meeting, expected_order),
                           _titles(meeting, order), 0, meeting.version)
    old = meeting.items.index(item)
    index = max(0, min(index, len(meeting.items) - 1))
    if index != old:
        meeting.items.pop(old)
        meeting.items.insert(index, item)
        meeting.items.reorder()
        session.flush()
    renumbered = renumber(session, meeting)
    return AgendaChange(meeting.id, item.id, old, renumbered)


def _titles(meeting: Meeting, order: list[int]) -> str:
    titles = {i.id: f"{i.number}. {i.title}" for i in meeting.items}
    return "\n".join(titles.get(item_id, "(slettet punkt)") for item_id in order)


def copy_of_item(old: Item, **fields: Any) -> Item:
    """A new, unnumbered item with `old`'s title, settings and sections (not its decision)."""
    item = Item(
        ext_id=new_ext_id("punkt"),
        number=0,
        title=old.title,
        closed=old.closed,
        public_title=old.public_title,
        part=old.part,
        journal_number=old.journal_number,
        presenters=old.presenters,
        **fields,
    )
    item.sections = [Section(heading=s.heading, text=s.text) for s in old.sections]
    return item


def copy_agenda(
    session: Session, source_meeting_id: int, meeting_id: int, item_ids: list[int] | None = None
) -> list[int]:
    """Copy items of an earlier meeting (titles, sections, case; no decisions) to the end:
    those in `item_ids`, or all. A standard item the agenda has already (every new meeting
    gets them) is not copied again."""
    source = get_meeting(session, source_meeting_id)
    meeting = get_meeting(session, meeting_id)
    doubles = already_standard(meeting)
    added = []
    for old in source.items:
        if item_ids is not None and old.id not in item_ids:
            continue
        if compared(old.title) in doubles:
            continue
        item = copy_of_item(old, case=old.case, time_slot=old.time_slot)
        added.append(_insert(session, meeting, item, None).item_id)
    return added


def already_standard(meeting: Meeting) -> set[str]:
    """The committee's standard items that are on the meeting's agenda (as compared titles)."""
    standard = {compared(s["title"]) for s in meeting.committee.standard_items or []}
    return {compared(i.title) for i in meeting.items} & standard
