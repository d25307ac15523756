"""A committee's house style (husstil): templates for how its documents word things.

The keys, defaults and placeholders are those of `style` in the interchange
contract (../shared/interchange.md). A template's `{name}` is replaced by the
field's value; a part in square brackets is printed only when every
placeholder inside it has a value. This module is pure text: the exporters
supply the values (dates already written the Danish way) and place the result.
"""

from __future__ import annotations

import copy
import re
from typing import Any

HEADING_FIELDS = ("number", "title", "presenters", "time_slot")
DEFAULTS: dict[str, Any] = {
    "item_heading": "Punkt {number}: {title}",
    "toc_entry": None,  # None: the same as item_heading
    # The contract's default is the first line alone; the other two keep what Referent
    # printed before house styles, and are left out for an item without the field.
    "item_lines": ["Sagsnr.: {journal_number}", "Tidspunkt: {time_slot}",
                   "Fremlægges af: {presenters}"],
    "decision_heading": "Beslutning",
    "prior_decision_heading": "{body}, {date}, pkt. {item_number}:",
    "absence": "Ikke til stede: {names}",
    "absence_position": "before",
    "not_participating": "{names} deltog ikke i behandlingen af punktet.",
    "substitute_line": None,  # None: no line
    "attachments_heading": "Bilag",
    "attachments_position": "end",
}
# The placeholders each template may use; `extra.KEY` is written "extra." here.
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "item_heading": HEADING_FIELDS,
    "toc_entry": HEADING_FIELDS,
    "item_lines": ("journal_number", "open", "committee", "extra.", "time_slot", "presenters"),
    "decision_heading": ("committee", "weekday", "date", "number"),
    "prior_decision_heading": ("body", "weekday", "date", "item_number"),
    "absence": ("names", "committee"),
    "not_participating": ("names", "committee"),
    "substitute_line": ("substitute", "member"),
    "attachments_heading": ("number",),
}
CHOICES = {
    "absence_position": ("before", "after"),
    "attachments_position": ("after_heading", "end"),
}
# Starting points in the committee dialog: the three styles of the contract's seeds.
# Stevns as its published minutes print it (example file): the bilag without a heading.
PRESETS: dict[str, dict[str, Any]] = {
    "Stevns": {
        "item_heading": "{number}. {title}",
        "item_lines": [],
        "attachments_heading": "",
        "attachments_position": "after_heading",
    },
    "Albertslund og Faxe": {
        "item_heading": "Punkt {number}: {title}[ v. {presenters}][ ({time_slot})]",
        "toc_entry": "{title}[ v. {presenters}][ ({time_slot})]",
        "item_lines": ["{journal_number}"],
    },
    "Region Sjælland": {
        "item_heading": "{number}. {title}",
        "item_lines": ["{open}", "{committee} Brevid: {extra.brevid}"],
        "decision_heading": "Beslutning i {committee} {weekday} den {date}, pkt. {number}",
        "prior_decision_heading": "Beslutning i {body} {weekday} den {date}, pkt. {item_number}",
        "absence": "{names} deltog ikke i {committee}s behandling af sagen.",
        "absence_position": "after",
        "substitute_line": "{substitute} deltog som stedfortræder for {member}.",
        "attachments_heading": "Bilag til punkt nr. {number}:",
    },
}
MAX_LINES = 10
MAX_LENGTH = 500

_PART = re.compile(r"\[([^\[\]]*)\]")
_FIELD = re.compile(r"\{([^{}]+)\}")


def effective(style: dict[str, Any] | None) -> dict[str, Any]:
    """Every key with its value: the committee's where it has one, else the default."""
    made = copy.deepcopy(DEFAULTS)
    made.update(copy.deepcopy(style or {}))
    if made.get("toc_entry") is None:
        made["toc_entry"] = made["item_heading"]
    return made


def fill(template: str | None, values: dict[str, Any]) -> str:
    """The template with its placeholders replaced; a bracketed part whose placeholders
    are not all filled is left out (values are substituted once, never re-read)."""
    if not template:
        return ""
    out = []
    position = 0
    for part in _PART.finditer(template):
        out.append(_substitute(template[position:part.start()], values))
        inner = part.group(1)
        if all(value_of(values, name) for name in _FIELD.findall(inner)):
            out.append(_substitute(inner, values))
        position = part.end()
    out.append(_substitute(template[position:], values))
    return " ".join("".join(out).split())


def fill_line(template: str, values: dict[str, Any]) -> str | None:
    """One of `item_lines` filled, or None when it has placeholders and all are empty."""
    names = _FIELD.findall(template)
    if names and not any(value_of(values, name) for name in names):
        return None
    return fill(template, values) or None


def value_of(values: dict[str, Any], name: str) -> str:
    """The text for placeholder `name`; `extra.KEY` reads the item's extra."""
    if name.startswith("extra."):
        value = (values.get("extra") or {}).get(name[len("extra."):])
    else:
        value = values.get(name)
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def _substitute(text: str, values: dict[str, Any]) -> str:
    return _FIELD.sub(lambda m: value_of(values, m.group(1)), text)


def problems(style: Any) -> list[str]:
    """What is wrong with a style, each as one Danish line (empty: nothing)."""
    if style is None:
        return []
    if not isinstance(style, dict):
        return ["Husstilen skal være en tabel af skabeloner."]
    found = []
    for key, value in style.items():
        if key not in DEFAULTS:
            found.append(f"Husstilen kender ikke nøglen »{key}«.")
        elif key in CHOICES:
            if value not in CHOICES[key]:
                found.append(f"»{key}« skal være en af: {', '.join(CHOICES[key])}.")
        elif key == "item_lines":
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                found.append("»item_lines« skal være en liste af linjer.")
            elif len(value) > MAX_LINES:
                found.append(f"Højst {MAX_LINES} linjer under overskriften.")
            else:
                found += [p for line in value for p in _template_problems(key, line)]
        elif value is None and key in ("substitute_line", "toc_entry"):
            continue
        elif not isinstance(value, str):
            found.append(f"»{key}« skal være en tekst.")
        else:
            found += _template_problems(key, value)
    return found


def _template_problems(key: str, template: str) -> list[str]:
    if len(template) > MAX_LENGTH:
        return [f"»{key}« er længere end {MAX_LENGTH} tegn."]
    bare = _PART.sub(lambda m: m.group(1), template)
    if "[" in bare or "]" in bare:
        return [f"»{key}«: en [ mangler sin ] (eller omvendt): {template}"]
    allowed = PLACEHOLDERS[key]
    return [
        f"»{key}« kender ikke {{{name}}}; brug {', '.join('{' + a + '}' for a in allowed)}."
        for name in _FIELD.findall(template)
        if name not in allowed and not (name.startswith("extra.") and "extra." in allowed
                                        and len(name) > len("extra."))
    ]


def cleaned(style: Any) -> dict[str, Any] | None:
    """A copy of a valid style with the keys that equal their default left out,
    so a later change of a default reaches it; None when nothing differs."""
    found = problems(style)
    if found:
        raise ValueError(found[0])
    if not style:
        return None
    kept = {k: copy.deepcopy(v) for k, v in style.items() if DEFAULTS.get(k, k) != v}
    return kept or None
