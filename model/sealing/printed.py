"""The meeting a signed meeting's documents are printed from: its sealed record.

The committee and the cases are shared with later meetings and may change
(new members, other parties, a new case number); the signed minutes must
print them as they were when signed. So the documents of a signed meeting
are built from detached, unsaved copies made from the record, with what is
added after signing taken from the archive: dated corrections, follow-up
answers, and bilag bytes (whose SHA-256 the record holds).
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Any

from model.entities import (
    Attachment,
    Attendance,
    Case,
    Committee,
    Correction,
    Decision,
    DecisionMember,
    FollowUp,
    Item,
    Meeting,
    Member,
    MinorityNote,
    PriorDecision,
    Section,
)
from model.sealing import record as records


def _new(entity: type, /, **values: Any) -> Any:
    """An unsaved `entity` holding `values`, made without the ORM's attribute events
    (copying a 200-item meeting through them took 0.1 s, as long as loading it). What the
    events would do besides is done here: the other side of each relationship is set, and
    an ordered list numbers its entries."""
    copy = entity.__mapper__.class_manager.new_instance()
    copy.__dict__.update(values)
    for key, back, many in _relationships(entity):
        value = values.get(key)
        if value is None:
            continue
        if isinstance(value, list):
            for position, child in enumerate(value):
                child.__dict__[back] = copy
                if "position" in child.__mapper__.attrs and "position" not in child.__dict__:
                    child.__dict__["position"] = position
        elif many:
            value.__dict__.setdefault(back, []).append(copy)
        else:
            value.__dict__[back] = copy
    return copy


@cache
def _relationships(entity: type) -> list[tuple[str, str, bool]]:
    """(key, the other side's key, whether that side is a list) of each relationship of
    `entity` that has another side."""
    return [(key, prop.back_populates, prop.mapper.relationships[prop.back_populates].uselist)
            for key, prop in entity.__mapper__.relationships.items() if prop.back_populates]


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def _committee(data: dict[str, Any], live: Committee, printing: dict[str, Any]
               ) -> tuple[Committee, dict[str, Member]]:
    live_ids = {m.ext_id: m.id for m in live.members}
    members = []
    for n, m in enumerate(data["members"]):
        members.append(_new(
            Member, id=live_ids.get(m["id"], -1 - n), ext_id=m["id"], name=m["name"],
            party=m["party"], role=m["role"], signs=m["signs"], extra=m.get("extra"),
            position=n,
        ))
    committee = _new(
        Committee, id=live.id, ext_id=data["id"], name=data["name"], short_name=data["short_name"],
        organisation=data["organisation"], numbering=data["numbering"],
        decision_placement=data["decision_placement"],
        section_headings=list(data["section_headings"]), style=data.get("style"),
        extra=data.get("extra"), members=members,
        # Layout and wording aids, not what was decided: the archive's own.
        word_template_name=live.word_template_name, word_template=live.word_template,
        decision_phrases=live.decision_phrases, standard_items=list(live.standard_items or []),
        # As at signing; a record from before the setting existed printed no questions.
        follow_ups_in_minutes=bool(printing.get("follow_ups_in_minutes", False)),
    )
    return committee, {m.ext_id: m for m in members}


def _decision(data: dict[str, Any] | None, live: Decision | None,
              members: dict[str, Member]) -> Decision | None:
    corrections = [_new(Correction, date=c.date, text=c.text, position=c.position)
                   for c in (live.corrections if live else [])]
    if data is None:
        return _new(Decision, text="", corrections=corrections) if corrections else None
    marks = [(kind, ext_id) for kind in ("absent", "not_participating")
             for ext_id in data[kind]]
    if data["votes"] is not None:
        marks += [(kind, ext_id) for kind in ("for", "against", "abstain")
                  for ext_id in data["votes"][kind]]
    return _new(
        Decision, text=data["text"], postponed=data["postponed"], public_text=data["public_text"],
        votes_recorded=data["votes"] is not None, extra=data.get("extra"),
        member_marks=[_new(DecisionMember, kind=kind, member=members[e],
                           member_id=members[e].id) for kind, e in marks],
        minority_notes=[_new(MinorityNote, member=members[n["member"]],
                             member_id=members[n["member"]].id, text=n["text"])
                        for n in data["minority_notes"]],
        corrections=corrections,
    )


def _item(data: dict[str, Any], live: Item | None, members: dict[str, Member],
          cases: dict[str, Case]) -> Item:
    live_bilag = list(live.attachments) if live else []
    live_follow_ups = list(live.follow_ups) if live else []
    item = _new(
        Item, id=live.id if live else None, ext_id=data["id"], number=data["number"],
        title=data["title"], closed=data["closed"], public_title=data["public_title"],
        part=data["part"], journal_number=data["journal_number"], time_slot=data["time_slot"],
        presenters=data["presenters"], extra=data.get("extra"),
        case=cases.get(data["case"]) if data["case"] else None,
        sections=[_new(Section, heading=s["heading"], text=s["text"])
                  for s in data["sections"]],
        prior_decisions=[
            _new(PriorDecision, body=p["body"], date=_date(p["date"]),
                 item_number=p["item_number"], text=p["text"])
            for p in data["prior_decisions"]
        ],
        decision=_decision(data["decision"], live.decision if live else None, members),
        attachments=[
            _new(Attachment, title=a["title"], filename=a["filename"], closed=a["closed"],
                 content=live_bilag[n].content if n < len(live_bilag) else None)
            for n, a in enumerate(data["attachments"])
        ],
        follow_ups=[  # a question stays as asked; its answer may have come since
            _new(FollowUp, id=f.id, text=f.text, asked_by=f.asked_by,
                 responsible=f.responsible, due=f.due, status=f.status, answer=f.answer,
                 position=n)
            for n, f in enumerate(live_follow_ups)
        ],
    )
    return item


def as_signed(meeting: Meeting) -> Meeting:
    """The signed meeting as its sealed record holds it, detached from the archive; a
    meeting that is not signed (or has no record) is returned as it is."""
    if meeting.status != "signed" or not meeting.sealed_record:
        return meeting
    record = records.loads(meeting.sealed_record)
    data = record["meeting"]
    _load_bilag_contents(meeting)
    committee, members = _committee(record["committee"], meeting.committee,
                                    record.get("printing", {}))
    cases = {c["id"]: _new(Case, ext_id=c["id"], title=c["title"],
                           journal_number=c["journal_number"], extra=c.get("extra"))
             for c in record["cases"]}
    live_items = {item.ext_id: item for item in meeting.items}
    return _new(
        Meeting, id=meeting.id, ext_id=data["id"], date=_date(data["date"]),
        start=_time(data["start"]), end=_time(data["end"]), location=data["location"],
        title=data["title"], status=data["status"], guests=list(data["guests"]),
        notes=data["notes"], extra=data.get("extra"), sealed_at=meeting.sealed_at,
        sealed_sha256=meeting.sealed_sha256, committee=committee,
        attendance=[
            _new(Attendance, member=members[a["member"]], member_id=members[a["member"]].id,
                 status=a["status"], substitute=a["substitute"], note=a["note"],
                 substitute_member=members.get(a["substitute_member"] or ""),
                 substitute_member_id=members[a["substitute_member"]].id
                 if a["substitute_member"] else None)
            for a in data["attendance"]
        ],
        items=[_item(i, live_items.get(i["id"]), members, cases) for i in data["items"]],
    )


def _load_bilag_contents(meeting: Meeting) -> None:
    """The bytes of every bilag of the meeting in one query: the copies take them from
    the archive, and one lazy load per bilag was 400 queries for a 200-item meeting."""
    from sqlalchemy import select
    from sqlalchemy.orm import object_session, undefer

    session = object_session(meeting)
    if session is None:
        return
    query = (select(Attachment).join(Item, Attachment.item_id == Item.id)
             .where(Item.meeting_id == meeting.id).options(undefer(Attachment.content)))
    session.scalars(query).all()
