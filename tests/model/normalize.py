"""Fill an interchange document's omitted optional fields, using the schema itself.

The writer spells out every field; a hand-written file may leave optional
ones out. Filling them in from the schema's defaults (or null / [] where
it has none) makes the two comparable field for field. An optional object
that cannot be null stays out, as the writer leaves it out.
"""

from __future__ import annotations

import copy
from typing import Any

from model.interchange.validation import schema


def _resolve(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = schema()["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node


def _object_branch(node: dict[str, Any]) -> dict[str, Any] | None:
    node = _resolve(node)
    if "properties" in node:
        return node
    for branch in node.get("oneOf", []):
        found = _object_branch(branch)
        if found:
            return found
    return None


def _array_items(node: dict[str, Any]) -> dict[str, Any] | None:
    node = _resolve(node)
    return node.get("items") if node.get("type") == "array" else None


def _empty_value(node: dict[str, Any]) -> Any:
    node = _resolve(node)
    if "default" in node:
        return copy.deepcopy(node["default"])
    if node.get("type") == "array":
        return []
    return None


def _is_object(node: dict[str, Any]) -> bool:
    """An optional object that may not be null (a committee's `style`): the writer
    leaves it out rather than write an empty one."""
    node = _resolve(node)
    return node.get("type") == "object" and "default" not in node


def normalize(value: Any, node: dict[str, Any] | None = None) -> Any:
    """A copy of `value` with every omitted optional field filled in."""
    node = schema() if node is None else node
    if isinstance(value, dict):
        branch = _object_branch(node)
        # Free-form (`extra`), or all keys optional with defaults the program
        # knows (`style`): written back exactly as read.
        if branch is None or "required" not in branch:
            return copy.deepcopy(value)
        out = {}
        for key, sub in branch["properties"].items():
            if key in value:
                out[key] = normalize(value[key], sub)
            elif key != "extra" and not _is_object(sub):
                out[key] = _empty_value(sub)
        return out
    if isinstance(value, list):
        items = _array_items(node) or {}
        return [normalize(v, items) for v in value]
    return value
