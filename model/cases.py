"""Cases (sager) and their history: items in several meetings that share a case.

A case's earlier decisions, in this or other committees, become the item's
prior decisions without retyping, and an item that was postponed (udsat)
offers itself to the committee's next meeting with its case and history.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, joinedload

from model.agenda import AgendaChange, _insert, copy_of_item, get_item, get_meeting
from model.checks import optional_text, required_text
from model.entities import Attachment, Case, Decision, Item, Meeting, PriorDecision
from model.ids import new_ext_id


def find_cases(session: Session, text: str = "", limit: int = 50) -> list[Case]:
    """Cases whose title or journal number contains `text`, newest first."""
    query = select(Case).order_by(Case.id.desc()).limit(limit)
    if text.strip():
        pattern = f"%{text.strip()}%"
        query = query.where(or_(Case.title.ilike(pattern), Case.journal_number.ilike(pattern)))
    return list(session.scalars(query))


def create_case(session: Session, title: str, journal_number: str | None = None) -> Case:
    case = Case(
        ext_id=new_ext_id("sag"),
        title=required_text("case", title, "Sagens titel"),
        journal_number=optional_text(journal_number),
    )
    session.add(case)
    session.flush()
    return case


def set_item_case(session: Session, item_id: int, case_id: int | None) -> int | None:
    """Put the item on a case (None: no case); returns the old case id."""
    item = get_item(session, item_id)
    old = item.case_id
    item.case = session.get(Case, case_id) if case_id is not None else None
    session.flush()
    return old


@dataclass
class EarlierDecision:
    body: str
    date: dt.date
    item_number: str
    text: str


def case_history(session: Session, item_id: int) -> list[EarlierDecision]:
    """Decisions taken on the item's case in earlier meetings, oldest first."""
    item = get_item(session, item_id)
    if item.case_id is None:
        return []
    query = (
        select(Item)
        .join(Item.meeting)
        .join(Item.decision)
        .where(Item.case_id == item.case_id, Item.id != item.id)
        .where(Meeting.date < item.meeting.date)
        .options(joinedload(Item.meeting).joinedload(Meeting.committee), joinedload(Item.decision))
        .order_by(Meeting.date)
    )
    found = []
    for other in session.scalars(query):
        text = other.decision.text.strip()
        if text:
            found.append(
                EarlierDecision(
                    other.meeting.committee.name, other.meeting.date, str(other.number), text
                )
            )
    return found


def add_case_history(session: Session, item_id: int) -> list[int]:
    """Add the case's earlier decisions that the item does not show yet; returns their ids."""
    item = get_item(session, item_id)
    have = {(p.body, p.date, p.item_number) for p in item.prior_decisions}
    added = []
    for earlier in case_history(session, item_id):
        if (earlier.body, earlier.date, earlier.item_number) in have:
            continue
        prior = PriorDecision(
            body=earlier.body, date=earlier.date, item_number=earlier.item_number,
            text=earlier.text,
        )
        item.prior_decisions.append(prior)
        added.append(prior)
    item.prior_decisions.sort(key=lambda p: (p.date or dt.date.min))
    item.prior_decisions.reorder()
    session.flush()
    return [p.id for p in added]


def remove_prior_decisions(session: Session, item_id: int, prior_ids: list[int]) -> None:
    """Take these prior decisions off the item again (undo of `add_case_history`)."""
    item = get_item(session, item_id)
    wanted = set(prior_ids)
    for prior in [p for p in item.prior_decisions if p.id in wanted]:
        item.prior_decisions.remove(prior)
    item.prior_decisions.reorder()
    session.flush()


def postponed_items(session: Session, meeting_id: int) -> list[Item]:
    """Items udsat at the committee's earlier meetings that no later meeting has taken up."""
    meeting = get_meeting(session, meeting_id)
    query = (
        select(Item)
        .join(Item.meeting)
        .join(Item.decision)
        .where(
            Meeting.committee_id == meeting.committee_id,
            Meeting.date <= meeting.date,
            Meeting.id != meeting.id,
            Decision.postponed.is_(True),
        )
        .options(joinedload(Item.meeting))
        .order_by(Meeting.date, Item.position)
    )
    waiting = []
    for item in session.scalars(query):
        if not _taken_up(session, item):
            waiting.append(item)
    return waiting


def _taken_up(session: Session, item: Item) -> bool:
    """Whether a later meeting of the committee already carries the item (by case or origin)."""
    later = select(Item.id, Item.extra).join(Item.meeting).where(
        Meeting.committee_id == item.meeting.committee_id, Meeting.date >= item.meeting.date,
        Item.id != item.id,
    )
    if item.case_id is not None:
        if session.execute(later.where(Item.case_id == item.case_id)).first():
            return True
    for _id, extra in session.execute(later):
        if extra and extra.get("carried_from") == item.ext_id:
            return True
    return False


def carry_over(
    session: Session, item_id: int, meeting_id: int, index: int | None = None
) -> AgendaChange:
    """Put a postponed item on `meeting`'s agenda: same case, sections and bilag, and the
    earlier decisions (the postponement too) as its history."""
    old = get_item(session, item_id)
    meeting = get_meeting(session, meeting_id)
    case = old.case
    if case is None:
        # The case is what ties the two items together in the history.
        case = create_case(session, old.title, old.effective_journal_number)
        old.case = case
    with session.no_autoflush:  # the new item is half-built until it is inserted
        item = copy_of_item(old, extra={"carried_from": old.ext_id})
        item.prior_decisions = [
            PriorDecision(body=p.body, date=p.date, item_number=p.item_number, text=p.text)
            for p in old.prior_decisions
        ]
        item.attachments = [
            Attachment(title=a.title, filename=a.filename, closed=a.closed, content=a.content)
            for a in old.attachments
        ]
        item.case = case
    change = _insert(session, meeting, item, index)
    add_case_history(session, item.id)
    return change
