"""Whole copies of records in plain data, so a deleted item can be put back exactly (undo)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import inspect
from sqlalchemy.orm import Session

from model import entities

# Children that belong to a record and go and come back with it.
CHILDREN: dict[str, tuple[str, ...]] = {
    "Item": ("sections", "prior_decisions", "attachments", "follow_ups", "decision"),
    "Decision": ("member_marks", "minority_notes", "corrections"),
}


def snapshot(record: Any) -> dict[str, Any]:
    """The record's columns (bilag bytes included) and its children, recursively."""
    mapper = inspect(record).mapper
    name = mapper.class_.__name__
    columns = {attr.key: getattr(record, attr.key) for attr in mapper.column_attrs}
    children: dict[str, Any] = {}
    for key in CHILDREN.get(name, ()):
        value = getattr(record, key)
        if isinstance(value, list):
            children[key] = [snapshot(child) for child in value]
        else:
            children[key] = snapshot(value) if value is not None else None
    return {"type": name, "columns": columns, "children": children}


def rebuild(data: dict[str, Any]) -> Any:
    """New, unattached records equal to the snapshot, with the same ids."""
    cls = getattr(entities, data["type"])
    record = cls(**data["columns"])
    for key, value in data["children"].items():
        if isinstance(value, list):
            setattr(record, key, [rebuild(child) for child in value])
        else:
            setattr(record, key, rebuild(value) if value is not None else None)
    return record


def restore_into(session: Session, data: dict[str, Any]) -> Any:
    record = rebuild(data)
    session.add(record)
    return record


def remove_child(session: Session, record: Any, collection: str) -> tuple[dict[str, Any], int]:
    """Delete a child of its item (a section, bilag or follow-up); returns its snapshot and
    place, so `restore_child` can put the same record back where it was."""
    children = getattr(record.item, collection)
    index = children.index(record)
    data = snapshot(record)
    children.remove(record)
    children.reorder()
    session.flush()
    return data, index


def restore_child(session: Session, item: Any, collection: str, data: dict[str, Any],
                  index: int) -> int:
    """Put a child removed by `remove_child` back into `item` at `index`; returns its id."""
    record = rebuild(data)
    children = getattr(item, collection)
    children.insert(index, record)
    children.reorder()
    session.flush()
    return record.id
