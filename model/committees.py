"""Creating and editing committees and their members."""

from __future__ import annotations

from typing import Any

from sqlalchemy import exists, or_, select
from sqlalchemy.orm import Session, selectinload

from model import style as house_style
from model.checks import InputError, optional_text, required_text
from model.entities import Attendance, Committee, DecisionMember, Member, MinorityNote
from model.errors import NotFoundError, ReferentError
from model.ids import new_ext_id

DEFAULT_SECTIONS = ["Sagsfremstilling", "Lovgrundlag", "Økonomi", "Indstilling"]
DEFAULT_STANDARD_ITEMS = [
    {"title": "Godkendelse af dagsorden", "place": "first"},
    {"title": "Meddelelser", "place": "last"},
    {"title": "Eventuelt", "place": "last"},
]
NUMBERINGS = ("running", "per_meeting")
PLACEMENTS = ("after_recommendation", "end")
ROLES = ("formand", "næstformand", "medlem", "ekstern", "suppleant", "sekretær")
COMMITTEE_FIELDS = (
    "name", "short_name", "organisation", "numbering", "decision_placement",
    "section_headings", "standard_items", "style", "follow_ups_in_minutes",
)
MEMBER_FIELDS = ("name", "party", "role", "signs")


def get_committee(session: Session, committee_id: int) -> Committee:
    committee = session.get(Committee, committee_id)
    if committee is None:
        raise NotFoundError("Udvalget findes ikke længere i arkivet.")
    return committee


def list_committees(session: Session) -> list[Committee]:
    """Every committee with its members, by name."""
    query = select(Committee).options(selectinload(Committee.members)).order_by(Committee.name)
    return list(session.scalars(query))


def _clean(field: str, value: Any) -> Any:
    if field == "name":
        return required_text("name", value, "Udvalgets navn")
    if field == "short_name":
        return required_text("short_name", value, "Forkortelsen")
    if field == "organisation":
        return optional_text(value)
    if field == "numbering" and value not in NUMBERINGS:
        raise InputError(field, "Nummereringen skal være løbende eller pr. møde.")
    if field == "decision_placement" and value not in PLACEMENTS:
        raise InputError(field, "Beslutningen placeres efter indstillingen eller til sidst.")
    if field == "section_headings":
        return [h.strip() for h in value if h.strip()]
    if field == "style":
        try:
            return house_style.cleaned(value)
        except ValueError as error:
            raise InputError(field, str(error)) from None
    if field == "follow_ups_in_minutes":
        return bool(value)
    if field == "standard_items":
        items = []
        for entry in value:
            title = (entry.get("title") or "").strip()
            if title:
                place = "first" if entry.get("place") == "first" else "last"
                items.append({"title": title, "place": place})
        return items
    return value


def create_committee(
    session: Session,
    name: str,
    short_name: str,
    organisation: str | None = None,
    numbering: str = "per_meeting",
    decision_placement: str = "end",
    section_headings: list[str] | None = None,
    standard_items: list[dict[str, Any]] | None = None,
    style: dict[str, Any] | None = None,
    follow_ups_in_minutes: bool = True,
) -> Committee:
    """A new committee with the usual sections and standard items unless others are given."""
    values = {
        "name": name,
        "short_name": short_name,
        "organisation": organisation,
        "numbering": numbering,
        "decision_placement": decision_placement,
        "section_headings": DEFAULT_SECTIONS if section_headings is None else section_headings,
        "standard_items": DEFAULT_STANDARD_ITEMS if standard_items is None else standard_items,
        "style": style,
        "follow_ups_in_minutes": follow_ups_in_minutes,
    }
    committee = Committee(
        ext_id=new_ext_id("udvalg"), **{k: _clean(k, v) for k, v in values.items()}
    )
    session.add(committee)
    session.flush()
    return committee


def update_committee(session: Session, committee_id: int, **fields: Any) -> dict[str, Any]:
    """Change the named fields; returns their old values (for undo)."""
    committee = get_committee(session, committee_id)
    old = {}
    for field, value in fields.items():
        if field not in COMMITTEE_FIELDS:
            raise ValueError(f"not a committee field: {field}")
        old[field] = getattr(committee, field)
        setattr(committee, field, _clean(field, value))
    session.flush()
    return old


def set_word_template(session: Session, committee_id: int, name: str | None, data: bytes | None):
    """Keep the committee's own Word template in the archive (None removes it)."""
    committee = get_committee(session, committee_id)
    if data is not None and not data.startswith(b"PK"):
        raise InputError("word_template", "Filen er ikke en Word-fil (.docx eller .dotx).")
    committee.word_template_name = name if data is not None else None
    committee.word_template = data
    session.flush()


def _member_value(field: str, value: Any) -> Any:
    if field == "name":
        return required_text("name", value, "Navnet")
    if field == "party":
        return optional_text(value)
    if field == "role" and value not in ROLES:
        raise InputError("role", f"Ukendt rolle: {value}")
    if field == "signs":
        return bool(value)
    return value


def add_member(
    session: Session,
    committee_id: int,
    name: str,
    party: str | None = None,
    role: str = "medlem",
    signs: bool = True,
) -> Member:
    """A new member, last in the committee's list."""
    committee = get_committee(session, committee_id)
    member = Member(
        ext_id=new_ext_id("medlem"),
        name=_member_value("name", name),
        party=_member_value("party", party),
        role=_member_value("role", role),
        signs=bool(signs),
    )
    committee.members.append(member)
    session.flush()
    return member


def update_member(session: Session, member_id: int, **fields: Any) -> dict[str, Any]:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFoundError("Medlemmet findes ikke længere i arkivet.")
    old = {}
    for field, value in fields.items():
        if field not in MEMBER_FIELDS:
            raise ValueError(f"not a member field: {field}")
        old[field] = getattr(member, field)
        setattr(member, field, _member_value(field, value))
    session.flush()
    return old


def remove_member(session: Session, member_id: int) -> None:
    """Remove a member who has no part in any meeting yet; history is never rewritten."""
    member = session.get(Member, member_id)
    if member is None:
        return
    used = session.scalar(
        select(
            exists().where(
                or_(Attendance.member_id == member_id, Attendance.substitute_member_id == member_id)
            )
            | exists().where(DecisionMember.member_id == member_id)
            | exists().where(MinorityNote.member_id == member_id)
        )
    )
    if used:
        raise ReferentError(
            f"{member.name} står i tidligere møders fremmøde eller beslutninger og kan ikke "
            "slettes; skift i stedet rollen, eller lad navnet stå."
        )
    committee = member.committee
    committee.members.remove(member)
    committee.members.reorder()
    session.flush()
