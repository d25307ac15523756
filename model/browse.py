"""What the program's lists show, read in few queries as plain rows.

The tree of committees, years and meetings is read a level at a time, so
an archive of 10,000 meetings opens as fast as one of ten.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session, joinedload, selectinload

from model.agenda import get_item, get_meeting, is_frozen
from model.entities import Attachment, Committee, Decision, Item, Meeting
from model.meetings import STATUS_NAMES, display_title


@dataclass(frozen=True)
class CommitteeRow:
    id: int
    name: str
    short_name: str


@dataclass(frozen=True)
class MeetingRow:
    id: int
    ext_id: str
    date: dt.date
    title: str
    status: str
    own_title: str | None = None  # the meeting's own title, if it has one

    @property
    def status_name(self) -> str:
        return STATUS_NAMES.get(self.status, self.status)


@dataclass(frozen=True)
class ItemRow:
    id: int
    number: int
    title: str
    closed: bool
    has_decision: bool
    postponed: bool


def committees(session: Session) -> list[CommitteeRow]:
    # The table's columns, not the entity's: the window's first query then does not set up
    # every ORM mapper (0.1 s); the background warm-up does that while the tree shows.
    table = Committee.__table__
    query = select(table.c.id, table.c.name, table.c.short_name).order_by(table.c.name)
    return [CommitteeRow(*row) for row in session.execute(query)]


def committee_years(session: Session, committee_id: int) -> list[tuple[int, int]]:
    """The calendar years the committee met in, newest first, with the number of meetings."""
    year = extract("year", Meeting.date)
    query = (
        select(year, func.count())
        .where(Meeting.committee_id == committee_id)
        .group_by(year)
        .order_by(year.desc())
    )
    return [(int(y), int(n)) for y, n in session.execute(query)]


def meetings_in_year(session: Session, committee_id: int, year: int) -> list[MeetingRow]:
    """The committee's meetings of one year, newest first (as rows, not entities: a
    year of a busy committee is hundreds of meetings)."""
    query = (
        select(Meeting.id, Meeting.ext_id, Meeting.date, Meeting.title, Meeting.status,
               Committee.short_name)
        .join(Committee, Committee.id == Meeting.committee_id)
        .where(Meeting.committee_id == committee_id, extract("year", Meeting.date) == year)
        .order_by(Meeting.date.desc(), Meeting.start.desc())
    )
    return [_meeting_row(*row) for row in session.execute(query)]


def meeting_row(meeting: Meeting) -> MeetingRow:
    return _meeting_row(meeting.id, meeting.ext_id, meeting.date, meeting.title,
                        meeting.status, meeting.committee.short_name)


def _meeting_row(meeting_id: int, ext_id: str, date: dt.date, title: str | None, status: str,
                 short_name: str) -> MeetingRow:
    shown = title or f"{short_name} {date:%d-%m-%Y}"
    return MeetingRow(meeting_id, ext_id, date, shown, status, title)


def agenda_rows(session: Session, meeting_id: int) -> list[ItemRow]:
    """The meeting's items in order: number, title, closed, decided, postponed."""
    query = (
        select(Item.id, Item.number, Item.title, Item.closed, Decision.id, Decision.postponed)
        .outerjoin(Decision, Decision.item_id == Item.id)
        .where(Item.meeting_id == meeting_id)
        .order_by(Item.position)
    )
    rows = session.execute(query)
    return [ItemRow(i, n, t, bool(c), d is not None, bool(p)) for i, n, t, c, d, p in rows]


@dataclass
class MeetingView:
    id: int
    ext_id: str
    committee_id: int
    committee_name: str
    title: str
    date: dt.date
    start: dt.time | None
    end: dt.time | None
    location: str | None
    status: str
    frozen: bool
    numbering: str
    guests: list[str]
    notes: str | None


def meeting_view(session: Session, meeting_id: int) -> MeetingView:
    m = get_meeting(session, meeting_id)
    return MeetingView(
        m.id, m.ext_id, m.committee_id, m.committee.name, display_title(m, "Møde"), m.date,
        m.start, m.end, m.location, m.status, is_frozen(m), m.committee.numbering,
        list(m.guests), m.notes,
    )


@dataclass
class SectionView:
    id: int
    heading: str
    text: str
    version: int = 1  # the row's counter, handed back with an edit (model.saving)


@dataclass
class AttachmentView:
    id: int
    title: str
    filename: str | None
    closed: bool
    has_content: bool
    version: int = 1  # handed back with an edit, so a stale one is refused


@dataclass
class PriorView:
    body: str
    date: dt.date | None
    item_number: str | None
    text: str


@dataclass
class ItemView:
    id: int
    ext_id: str
    meeting_id: int
    number: int
    title: str
    closed: bool
    public_title: str | None
    journal_number: str | None
    case_id: int | None
    case_title: str | None
    case_journal_number: str | None
    time_slot: str | None
    presenters: str | None
    frozen: bool
    sections: list[SectionView] = field(default_factory=list)
    attachments: list[AttachmentView] = field(default_factory=list)
    prior_decisions: list[PriorView] = field(default_factory=list)
    decision_text: str = ""
    postponed: bool = False
    public_text: str = ""  # a closed item's public decision text
    # Row counters the editor hands back with an edit, so a stale copy is refused;
    # the decision's is 0 while the item has none.
    version: int = 1
    decision_version: int = 0


def item_view(session: Session, item_id: int) -> ItemView:
    """Everything the item editor shows, bilag without their bytes."""
    session.execute(
        select(Item)
        .where(Item.id == item_id)
        .options(
            joinedload(Item.meeting),
            joinedload(Item.case),
            joinedload(Item.decision),
            selectinload(Item.sections),
            selectinload(Item.prior_decisions),
            selectinload(Item.attachments),
        )
    ).unique()
    item = get_item(session, item_id)
    with_content = set(
        session.scalars(
            select(Attachment.id).where(
                Attachment.item_id == item_id, Attachment.content.is_not(None)
            )
        )
    )
    case = item.case
    decision = item.decision
    return ItemView(
        id=item.id,
        ext_id=item.ext_id,
        meeting_id=item.meeting_id,
        number=item.number,
        title=item.title,
        closed=item.closed,
        public_title=item.public_title,
        journal_number=item.journal_number,
        case_id=case.id if case else None,
        case_title=case.title if case else None,
        case_journal_number=case.journal_number if case else None,
        time_slot=item.time_slot,
        presenters=item.presenters,
        frozen=is_frozen(item.meeting),
        sections=[SectionView(s.id, s.heading, s.text, s.version) for s in item.sections],
        attachments=[
            AttachmentView(a.id, a.title, a.filename, a.closed, a.id in with_content, a.version)
            for a in item.attachments
        ],
        prior_decisions=[
            PriorView(p.body, p.date, p.item_number, p.text) for p in item.prior_decisions
        ],
        decision_text=decision.text if decision else "",
        postponed=bool(decision and decision.postponed),
        public_text=(decision.public_text or "") if decision else "",
        version=item.version,
        decision_version=decision.version if decision else 0,
    )


def committee_ids(session: Session) -> list[tuple[str, str]]:
    """(file id, name) of every committee, by name: for choosing committees by their ids."""
    query = select(Committee.ext_id, Committee.name).order_by(Committee.name, Committee.ext_id)
    return [(ext_id, name) for ext_id, name in session.execute(query)]
