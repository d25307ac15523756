"""Editing one agenda item: its fields, sections, decision text and bilag.

Each setter returns the old value, so the program can undo by setting it back.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model import decisions, snapshots
from model.agenda import get_item, is_frozen
from model.checks import InputError, optional_text, required_text
from model.entities import Attachment, Decision, Item, Section
from model.errors import EditConflict, NotFoundError

# How a refused edit names what it concerns (EditConflict's message).
FIELD_NAMES = {
    "title": "Titlen", "closed": "Lukket-markeringen", "public_title": "Den offentlige titel",
    "journal_number": "Journalnummeret", "time_slot": "Tidsrummet",
    "presenters": "Fremlæggerne", "number": "Nummeret", "part": "Placeringen på dagsordenen",
}

ITEM_FIELDS = (
    "title", "closed", "public_title", "journal_number", "time_slot", "presenters", "number",
    "part",
)


def _clean(item: Item, field: str, value: Any) -> Any:
    if field == "title":
        return required_text("title", value, "Titlen")
    if field == "closed":
        return bool(value)
    if field in ("public_title", "journal_number", "time_slot", "presenters"):
        return optional_text(value)
    if field == "part":
        if value not in ("ordinary", "simplified"):
            raise InputError(field, f"Ukendt del af dagsordenen: {value}")
        return value
    if field == "number":
        return _clean_number(item, value)
    raise ValueError(f"not an item field: {field}")


def _clean_number(item: Item, value: Any) -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise InputError("number", f"»{value}« er ikke et nummer.") from None
    if number < 1:
        raise InputError("number", "Nummeret skal være 1 eller mere.")
    if not is_frozen(item.meeting):
        raise InputError(
            "number", "Punkterne nummereres selv, indtil dagsordenen er udsendt."
        )
    taken = _numbers_in_meeting(item)
    if number in taken:
        raise InputError("number", f"Nummer {number} er allerede brugt i dette møde.")
    return number


def _numbers_in_meeting(item: Item) -> set[int]:
    return {other.number for other in item.meeting.items if other.id != item.id}


def set_item_field(session: Session, item_id: int, field: str, value: Any,
                   expected_version: int | None = None) -> Any:
    """Set one field of an item; returns the old value.

    With `expected_version` (the item's version the editor showed) an item
    changed since by someone else is refused with an EditConflict.
    """
    item = get_item(session, item_id)
    new = _clean(item, field, value)
    old = getattr(item, field)
    EditConflict.check(expected_version, item.version, FIELD_NAMES[field], new, old)
    if new != old:
        setattr(item, field, new)
        session.flush()
    return old


# -- sections -------------------------------------------------------------


def get_section(session: Session, section_id: int) -> Section:
    section = session.get(Section, section_id)
    if section is None:
        raise NotFoundError("Afsnittet findes ikke længere.")
    return section


def set_section_text(session: Session, section_id: int, text: str,
                     expected_version: int | None = None) -> str:
    """Store a section's Markdown text; returns the old text.

    With `expected_version`, a section changed since is refused (EditConflict).
    """
    section = get_section(session, section_id)
    old = section.text
    EditConflict.check(
        expected_version, section.version, f"Afsnittet »{section.heading}«", text, old
    )
    if text != old:
        section.text = text
        session.flush()
    return old


def set_section_heading(session: Session, section_id: int, heading: str,
                        expected_version: int | None = None) -> str:
    section = get_section(session, section_id)
    old = section.heading
    new = required_text("heading", heading, "Overskriften")
    EditConflict.check(expected_version, section.version, "Overskriften", new, old)
    section.heading = new
    session.flush()
    return old


def add_section(session: Session, item_id: int, heading: str, index: int | None = None) -> int:
    """A new empty section; returns its id."""
    item = get_item(session, item_id)
    section = Section(heading=required_text("heading", heading, "Overskriften"), text="")
    item.sections.insert(len(item.sections) if index is None else index, section)
    item.sections.reorder()
    session.flush()
    return section.id


def remove_section(session: Session, section_id: int, expected_version: int | None = None
                   ) -> tuple[dict[str, Any], int]:
    """Delete a section; returns its snapshot and place, for undo. With `expected_version`,
    a section someone else changed since is not deleted (EditConflict)."""
    section = get_section(session, section_id)
    EditConflict.check(expected_version, section.version, f"Afsnittet »{section.heading}«",
                       None, section.text)
    return snapshots.remove_child(session, section, "sections")


def restore_section(session: Session, data: dict[str, Any], index: int) -> int:
    item = get_item(session, data["columns"]["item_id"])
    return snapshots.restore_child(session, item, "sections", data, index)


# -- decision -------------------------------------------------------------


def set_decision_text(session: Session, item_id: int, text: str,
                      expected_version: int | None = None) -> str:
    """Set the decision's text (Markdown); an empty text on a bare decision removes it.

    `expected_version` is the decision's version the editor showed (0: none
    yet); a decision added or changed since is refused (EditConflict).
    """
    item = decisions.editable_item(session, item_id)
    decision = item.decision
    old = decision.text if decision else ""
    current = decision.version if decision else 0
    EditConflict.check(expected_version, current, "Beslutningen", text, old)
    if text == old:
        return old
    if decision is None:
        item.decision = Decision(text=text)
    elif not text.strip() and not (
        decision.member_marks or decision.minority_notes or decision.corrections
        or decision.postponed or decision.public_text
    ):
        item.decision = None
    else:
        decision.text = text
    session.flush()
    return old


def set_public_text(session: Session, item_id: int, text: str,
                    expected_version: int | None = None) -> str:
    """Set a closed item's public decision text; returns the old one ("" for none).

    `expected_version` is the decision's version the editor showed (0: none yet);
    a decision changed since is refused (EditConflict)."""
    item = decisions.editable_item(session, item_id)
    new = decisions.public_text_value(item, text)
    old = item.decision.public_text if item.decision else None
    EditConflict.check(expected_version, decisions.version_of(item),
                       "Den offentlige beslutningstekst", new or "", old or "")
    if new != old:
        decisions.set_public_text(session, item_id, new)
    return old or ""


def set_postponed(session: Session, item_id: int, postponed: bool) -> bool:
    """Mark the item udsat (it then offers itself to the next meeting); returns the old flag."""
    item = decisions.editable_item(session, item_id)
    old = bool(item.decision and item.decision.postponed)
    if item.decision is None:
        item.decision = Decision(text="Udsat." if postponed else "")
    item.decision.postponed = bool(postponed)
    session.flush()
    return old


# -- bilag ----------------------------------------------------------------


def add_attachment(
    session: Session, item_id: int, path: Path | None = None, *, title: str | None = None,
    filename: str | None = None, content: bytes | None = None,
) -> int:
    """Attach a file (read from `path`, or given as bytes); returns the bilag's id."""
    item = get_item(session, item_id)
    if path is not None:
        path = Path(path)
        content = path.read_bytes()
        filename = filename or path.name
        title = title or path.stem
    attachment = Attachment(
        title=required_text("title", title, "Bilagets titel"), filename=filename, content=content
    )
    item.attachments.append(attachment)
    session.flush()
    return attachment.id


def get_attachment(session: Session, attachment_id: int) -> Attachment:
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        raise NotFoundError("Bilaget findes ikke længere.")
    return attachment


def attachment_content(session: Session, attachment_id: int) -> tuple[str, bytes | None]:
    """The bilag's file name and bytes (None when only its title is known)."""
    attachment = get_attachment(session, attachment_id)
    name = attachment.filename or f"{attachment.title}.bin"
    return name, attachment.content


def set_attachment_field(session: Session, attachment_id: int, field: str, value: Any,
                         expected_version: int | None = None) -> Any:
    """Set a bilag's title or closed mark; returns the old value. With `expected_version`
    a bilag changed since by someone else is refused with both versions (EditConflict)."""
    attachment = get_attachment(session, attachment_id)
    if field == "closed":
        value = bool(value)
    elif field == "title":
        value = required_text("title", value, "Bilagets titel")
    else:
        raise ValueError(f"not an attachment field: {field}")
    old = getattr(attachment, field)
    EditConflict.check(expected_version, attachment.version,
                       f"Bilaget »{attachment.title}«", value, old)
    setattr(attachment, field, value)
    session.flush()
    return old


def remove_attachment(session: Session, attachment_id: int,
                      expected_version: int | None = None) -> tuple[dict[str, Any], int]:
    attachment = get_attachment(session, attachment_id)
    EditConflict.check(expected_version, attachment.version, f"Bilaget »{attachment.title}«",
                       None, attachment.title)
    return snapshots.remove_child(session, attachment, "attachments")


def restore_attachment(session: Session, data: dict[str, Any], index: int) -> int:
    item = get_item(session, data["columns"]["item_id"])
    return snapshots.restore_child(session, item, "attachments", data, index)


def move_attachment(session: Session, attachment_id: int, index: int) -> int:
    """Put the bilag at `index` among its item's bilag (which renumbers them); returns
    where it was, for undo."""
    attachment = get_attachment(session, attachment_id)
    siblings = attachment.item.attachments
    old = siblings.index(attachment)
    index = max(0, min(index, len(siblings) - 1))
    if index != old:
        siblings.insert(index, siblings.pop(old))
        siblings.reorder()
        session.flush()
    return old


def find_item_by_ext_id(session: Session, ext_id: str) -> Item | None:
    return session.scalar(select(Item).where(Item.ext_id == ext_id))
