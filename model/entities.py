"""The archive's tables: everything a meeting's documents print.

Each record that the interchange file names by id keeps that id as
`ext_id`, unique within its kind; the integer `id` is ours alone. Ordered
children carry a `position` kept by `ordering_list`, so the order the
secretary chose is the order that is printed and exported.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    true,
)
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

# Stable constraint names, so Alembic migrations can refer to them on every backend.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

CASCADE = "all, delete-orphan"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[str]: JSON}


class Versioned:
    """A row counter that every UPDATE checks and raises: an edit based on a
    stale copy (another secretary saved first) fails instead of overwriting."""

    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.version}


def _ordered(target: str, **kw: Any) -> Any:
    """A one-to-many relationship whose list order is stored in `position`."""
    return relationship(
        target,
        order_by=f"{target}.position",
        collection_class=ordering_list("position"),
        cascade=CASCADE,
        **kw,
    )


class Committee(Versioned, Base):
    __tablename__ = "committees"

    id: Mapped[int] = mapped_column(primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(200), unique=True)
    name: Mapped[str] = mapped_column(String(2000))
    short_name: Mapped[str] = mapped_column(String(2000))
    organisation: Mapped[str | None] = mapped_column(String(2000))
    numbering: Mapped[str] = mapped_column(String(20), default="per_meeting")
    decision_placement: Mapped[str] = mapped_column(String(30), default="end")
    section_headings: Mapped[list[str]] = mapped_column(default=list)
    # Items every new meeting starts with: [{"title", "place": "first"|"last"}].
    standard_items: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    extra: Mapped[dict[str, Any] | None]
    # The committee's own Word template (house style: logo, fonts), kept in
    # the archive so that one file still holds everything.
    word_template_name: Mapped[str | None] = mapped_column(String(255))
    word_template: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    # The committee's own standard decisions ("Indstillingen godkendt."), one key
    # each when decisions are entered; None means the usual list (model.decision_phrases).
    decision_phrases: Mapped[list[str] | None] = mapped_column(JSON)
    # The house style (`style` in the interchange file): templates for how the
    # committee's documents word and place things; None means the defaults.
    style: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # Questions and orders (follow-ups) printed under their item in the referat;
    # a local setting, not part of the interchange file.
    follow_ups_in_minutes: Mapped[bool] = mapped_column(default=True, server_default=true())

    members: Mapped[list[Member]] = _ordered("Member", back_populates="committee")
    meetings: Mapped[list[Meeting]] = relationship(
        back_populates="committee", order_by="Meeting.date", cascade=CASCADE
    )

    @property
    def prints_follow_ups(self) -> bool:
        """Whether the referat prints questions and orders; unset (a committee not yet
        stored) is the column's default, on."""
        return self.follow_ups_in_minutes is not False


class Member(Versioned, Base):
    __tablename__ = "members"

    id: Mapped[int] = mapped_column(primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(200), unique=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(2000))
    party: Mapped[str | None] = mapped_column(String(20))
    role: Mapped[str] = mapped_column(String(20), default="medlem")
    signs: Mapped[bool] = mapped_column(Boolean, default=True)
    extra: Mapped[dict[str, Any] | None]

    committee: Mapped[Committee] = relationship(back_populates="members")

    @property
    def display_name(self) -> str:
        """The name as minutes print it: "Jacob Panton-Kristiansen (V)"."""
        return f"{self.name} ({self.party})" if self.party else self.name


class Case(Versioned, Base):
    __tablename__ = "cases"

    id: Mapped[int] = mapped_column(primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(200), unique=True)
    title: Mapped[str] = mapped_column(String(2000))
    journal_number: Mapped[str | None] = mapped_column(String(100))
    extra: Mapped[dict[str, Any] | None]

    items: Mapped[list[Item]] = relationship(back_populates="case")


class Meeting(Versioned, Base):
    __tablename__ = "meetings"
    # A committee's years and meetings (the window's tree) are read from the index alone.
    __table_args__ = (Index("ix_meetings_committee_id_date", "committee_id", "date"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(200), unique=True)
    committee_id: Mapped[int] = mapped_column(ForeignKey("committees.id", ondelete="CASCADE"))
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    start: Mapped[dt.time | None] = mapped_column(Time)
    end: Mapped[dt.time | None] = mapped_column(Time)
    location: Mapped[str | None] = mapped_column(String(2000))
    title: Mapped[str | None] = mapped_column(String(2000))
    status: Mapped[str] = mapped_column(String(30), default="draft")
    guests: Mapped[list[str]] = mapped_column(default=list)
    notes: Mapped[str | None] = mapped_column(Text)
    extra: Mapped[dict[str, Any] | None]
    # The top-level `extra` of the file this meeting last came in with, so
    # exporting the meeting again writes it back unchanged.
    file_extra: Mapped[dict[str, Any] | None]
    # The seal of a signed meeting (`sealed` in the interchange file): when it
    # was sealed and the SHA-256 of its canonical content as signed.
    sealed_at: Mapped[str | None] = mapped_column(String(40))
    sealed_sha256: Mapped[str | None] = mapped_column(String(64))
    # The record as signed, canonical JSON (model/sealing/record.py): the signed
    # minutes are printed from it, so later committee or case changes stay out.
    sealed_record: Mapped[str | None] = mapped_column(Text, deferred=True)

    committee: Mapped[Committee] = relationship(back_populates="meetings")
    attendance: Mapped[list[Attendance]] = _ordered(
        "Attendance", back_populates="meeting", foreign_keys="Attendance.meeting_id"
    )
    items: Mapped[list[Item]] = _ordered("Item", back_populates="meeting")


class Attendance(Versioned, Base):
    __tablename__ = "attendance"
    __table_args__ = (UniqueConstraint("meeting_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(default=0)
    status: Mapped[str] = mapped_column(String(20))
    substitute: Mapped[str | None] = mapped_column(String(2000))
    substitute_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", ondelete="SET NULL")
    )
    note: Mapped[str | None] = mapped_column(String(2000))

    meeting: Mapped[Meeting] = relationship(back_populates="attendance")
    member: Mapped[Member] = relationship(foreign_keys=[member_id])
    substitute_member: Mapped[Member | None] = relationship(foreign_keys=[substitute_member_id])


class Item(Versioned, Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    ext_id: Mapped[str] = mapped_column(String(200), unique=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meetings.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(2000))
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    part: Mapped[str] = mapped_column(String(20), default="ordinary")
    case_id: Mapped[int | None] = mapped_column(
        ForeignKey("cases.id", ondelete="SET NULL"), index=True
    )
    journal_number: Mapped[str | None] = mapped_column(String(100))
    public_title: Mapped[str | None] = mapped_column(String(2000))
    time_slot: Mapped[str | None] = mapped_column(String(100))
    presenters: Mapped[str | None] = mapped_column(String(2000))
    extra: Mapped[dict[str, Any] | None]

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    case: Mapped[Case | None] = relationship(back_populates="items")
    sections: Mapped[list[Section]] = _ordered("Section", back_populates="item")
    prior_decisions: Mapped[list[PriorDecision]] = _ordered("PriorDecision", back_populates="item")
    decision: Mapped[Decision | None] = relationship(
        back_populates="item", cascade=CASCADE, uselist=False
    )
    attachments: Mapped[list[Attachment]] = _ordered("Attachment", back_populates="item")
    follow_ups: Mapped[list[FollowUp]] = _ordered("FollowUp", back_populates="item")

    @property
    def effective_journal_number(self) -> str | None:
        """The item's own journal number, else its case's."""
        if self.journal_number:
            return self.journal_number
        return self.case.journal_number if self.case else None


class Section(Versioned, Base):
    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    heading: Mapped[str] = mapped_column(String(2000))
    text: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[Item] = relationship(back_populates="sections")


class PriorDecision(Versioned, Base):
    __tablename__ = "prior_decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    body: Mapped[str] = mapped_column(String(2000))
    date: Mapped[dt.date | None] = mapped_column(Date)
    item_number: Mapped[str | None] = mapped_column(String(50))
    text: Mapped[str] = mapped_column(Text, default="")

    item: Mapped[Item] = relationship(back_populates="prior_decisions")


class Decision(Versioned, Base):
    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), unique=True)
    text: Mapped[str] = mapped_column(Text, default="")
    postponed: Mapped[bool] = mapped_column(Boolean, default=False)
    public_text: Mapped[str | None] = mapped_column(Text)
    # Votes are either not recorded (null in the file) or three lists,
    # possibly empty; this flag keeps the two apart.
    votes_recorded: Mapped[bool] = mapped_column(Boolean, default=False)
    extra: Mapped[dict[str, Any] | None]

    item: Mapped[Item] = relationship(back_populates="decision")
    member_marks: Mapped[list[DecisionMember]] = _ordered(
        "DecisionMember", back_populates="decision"
    )
    minority_notes: Mapped[list[MinorityNote]] = _ordered("MinorityNote", back_populates="decision")
    corrections: Mapped[list[Correction]] = _ordered("Correction", back_populates="decision")

    def members_marked(self, kind: str) -> list[Member]:
        """The members marked `kind` (see `DecisionMember.KINDS`), in entered order."""
        return [mark.member for mark in self.member_marks if mark.kind == kind]


class DecisionMember(Base):
    """One member's mark on a decision: absent, not participating, or a vote."""

    __tablename__ = "decision_members"

    KINDS = ("absent", "not_participating", "for", "against", "abstain")

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    kind: Mapped[str] = mapped_column(String(20))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))

    decision: Mapped[Decision] = relationship(back_populates="member_marks")
    member: Mapped[Member] = relationship()


class MinorityNote(Base):
    """A protokoltilførsel: a member's dissent written into the minutes."""

    __tablename__ = "minority_notes"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id", ondelete="CASCADE"))
    text: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[Decision] = relationship(back_populates="minority_notes")
    member: Mapped[Member] = relationship()


class Correction(Base):
    """A dated addition to a signed decision: a signed protocol is only added to."""

    __tablename__ = "corrections"

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(
        ForeignKey("decisions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(default=0)
    date: Mapped[dt.date] = mapped_column(Date)
    text: Mapped[str] = mapped_column(Text, default="")

    decision: Mapped[Decision] = relationship(back_populates="corrections")


class Attachment(Versioned, Base):
    """A bilag; its bytes live in the archive so one file holds everything."""

    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    title: Mapped[str] = mapped_column(String(2000))
    filename: Mapped[str | None] = mapped_column(String(255))
    closed: Mapped[bool] = mapped_column(Boolean, default=False)
    content: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)

    item: Mapped[Item] = relationship(back_populates="attachments")


class FollowUp(Versioned, Base):
    """A question or order (spørgsmål eller bestilling) raised at the meeting."""

    __tablename__ = "follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text, default="")
    asked_by: Mapped[str | None] = mapped_column(String(2000))
    responsible: Mapped[str | None] = mapped_column(String(2000), index=True)
    due: Mapped[dt.date | None] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(20), default="open", index=True)
    answer: Mapped[str | None] = mapped_column(Text)

    item: Mapped[Item] = relationship(back_populates="follow_ups")


class ChangeRecord(Base):
    """One change to a meeting after its agenda was sent out: append-only (triggers
    refuse UPDATE and DELETE), written by model/sealing/history.py at every flush."""

    __tablename__ = "change_history"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[str] = mapped_column(String(40))  # ISO time with offset
    os_user: Mapped[str] = mapped_column(String(200))  # the computer's user name
    meeting_id: Mapped[int] = mapped_column(Integer, index=True)  # no FK: outlives the meeting
    what: Mapped[str] = mapped_column(String(2000))
    before: Mapped[str | None] = mapped_column(Text)
    after: Mapped[str | None] = mapped_column(Text)


class ProtocolPage(Base):
    """Where a printed protocol page has its boxes, stored when the protocol is printed, so
    a scan of it is read against the page as printed even if the meeting changed since.
    Found by the digest its QR code carries (exporters/scan_marks.py). Printing is no change
    to the meeting: no foreign key, so a signed meeting's protocol can be printed too."""

    __tablename__ = "protocol_pages"

    digest: Mapped[str] = mapped_column(String(32), primary_key=True)
    meeting: Mapped[str] = mapped_column(String(200), index=True)  # the meeting's ext_id
    item: Mapped[str] = mapped_column(String(200))  # the item's ext_id; "" on the front page
    page: Mapped[int] = mapped_column(Integer)
    boxes: Mapped[list[Any]] = mapped_column(JSON)  # [key, x, y, width, height] in points
    page_width: Mapped[float] = mapped_column(Float)
    page_height: Mapped[float] = mapped_column(Float)
    printed_at: Mapped[str] = mapped_column(String(40))


class ScanProposal(Base):
    """What a scanned protocol page proposes for an item (or, without an item, for the
    meeting's attendance): never a decision until the secretary confirms it. A row of its
    meeting, so the seal guard refuses it for a signed meeting."""

    __tablename__ = "scan_proposals"
    __table_args__ = (UniqueConstraint("meeting_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meetings.id", ondelete="CASCADE"))
    item_id: Mapped[int | None] = mapped_column(ForeignKey("items.id", ondelete="CASCADE"))
    ticked: Mapped[list[str]] = mapped_column(JSON)  # decision labels as printed
    absent: Mapped[list[str]] = mapped_column(JSON)  # member ext_ids
    written: Mapped[bool] = mapped_column(Boolean)
    decision_image: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG
    questions_image: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG
    votes_image: Mapped[bytes | None] = mapped_column(LargeBinary)  # PNG: for, imod, undlod
    source: Mapped[str] = mapped_column(String(1000))  # "scan.pdf, side 3"
    scanned_at: Mapped[str] = mapped_column(String(40))

    meeting: Mapped[Meeting] = relationship()
    item: Mapped[Item | None] = relationship()
