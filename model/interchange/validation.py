"""Checking an interchange file against its schema and the rules the schema cannot say.

Every refusal is an `InterchangeError` whose place reads like the file:
`meetings[0].items[3].decision.absent[1]`, and whose message is Danish.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import math
import re
import unicodedata
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError, best_match

from model.errors import InterchangeError


@cache
def schema() -> dict[str, Any]:
    """The interchange schema shipped in `resources/`."""
    text = resources.files("resources").joinpath("interchange.schema.json").read_text("utf-8")
    return json.loads(text)


# Deeper than any interchange file needs (the "extra" objects included); refused
# before the schema check, whose recursion a deeper file would exhaust.
MAX_DEPTH = 64
MAX_ITEM_NUMBER = 99_999  # as the schema says; kept here too, the database's limit is 2^31
SHOWN_CHARS = 80  # of a refused value, in the message


def _pattern(validator, pattern, instance, schema):  # noqa: ANN001
    """JSON Schema's `$` is the end of the text (ECMA-262); Python's also matches
    before a final line break, which would let "09:00\n" through."""
    if not validator.is_type(instance, "string"):
        return
    ecma = pattern
    if pattern.endswith("$") and not pattern.endswith(r"\$"):
        ecma = pattern[:-1] + r"\Z"
    if not re.search(ecma, instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _validator() -> Draft202012Validator:
    strict = validators.extend(Draft202012Validator, {"pattern": _pattern})
    return strict(schema())


def shown(value: Any) -> str:
    """A value for a one-line message: quoted, shortened, control characters escaped."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    if len(text) > SHOWN_CHARS:
        text = text[:SHOWN_CHARS] + "…"
    return '"' + "".join(_escaped(ch) for ch in text) + '"'


def _escaped(ch: str) -> str:
    if ch == '"':
        return '\\"'
    if unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"):
        return f"\\u{ord(ch):04x}" if ord(ch) <= 0xFFFF else f"\\U{ord(ch):08x}"
    return ch


def place(path: Any) -> str:
    """`["meetings", 0, "items", 3]` -> `meetings[0].items[3]`; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
            continue
        part = str(part)
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            part = shown(part)
        out += f".{part}" if out else part
    return out


_TYPES = {
    "string": "tekst",
    "integer": "et heltal",
    "number": "et tal",
    "boolean": "true eller false",
    "array": "en liste",
    "object": "et objekt",
    "null": "null",
}


def _danish(error: ValidationError) -> str:
    """A Danish sentence for one schema violation."""
    kind, value = error.validator, error.validator_value
    if kind == "required":
        missing = [key for key in value if key not in error.instance]
        return f"feltet {shown(missing[0])} mangler"
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = sorted(key for key in error.instance if key not in known)
        return f'ukendt felt {shown(unknown[0])} (kun "extra" må rumme egne felter)'
    if kind == "type":
        wanted = value if isinstance(value, list) else [value]
        return "skal være " + " eller ".join(_TYPES.get(t, t) for t in wanted)
    if kind == "enum":
        return "skal være en af " + ", ".join(json.dumps(v, ensure_ascii=False) for v in value)
    if kind == "const":
        return f"skal være {json.dumps(value, ensure_ascii=False)}"
    if kind == "pattern":
        if "[0-9]{4}" in value:
            return f"{shown(error.instance)} er ikke en dato (ÅÅÅÅ-MM-DD)"
        if ":" in value:
            return f"{shown(error.instance)} er ikke et klokkeslæt (TT:MM)"
        return f"{shown(error.instance)} har ikke den rette form"
    if kind == "minLength":
        return "må ikke være tom"
    if kind == "maxLength":
        return f"er for lang ({len(error.instance)} tegn; højst {value})"
    if kind == "minimum":
        return f"skal være mindst {value}"
    if kind == "maximum":
        return f"må højst være {value}"
    return " ".join(error.message.split())[:200]


def _most_useful(error: ValidationError) -> ValidationError:
    """For "this or null" choices, report why the non-null branch failed."""
    while error.validator == "oneOf" and error.context:
        not_null = [
            e for e in error.context if not (e.validator == "type" and e.validator_value == "null")
        ]
        error = best_match(not_null) if not_null else error.context[0]
    return error


def check_schema(document: Any) -> None:
    """Raise `InterchangeError` for the first schema violation, saying how many there are."""
    errors = sorted(_validator().iter_errors(document), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    first = _most_useful(best_match(errors))
    message = _danish(first)
    if len(errors) > 1:
        message += f" (og {len(errors) - 1} fejl mere)"
    raise InterchangeError(place(first.absolute_path) or "filen", message)


def check_shape(document: Any) -> None:
    """Refuse what would break the checks themselves: nesting deeper than any
    file needs, and numbers no JSON reader agrees on (NaN, Infinity)."""
    stack: list[tuple[Any, tuple, int]] = [(document, (), 0)]
    while stack:
        value, path, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise InterchangeError(
                place(path[:8]) + "…", f"filen er indlejret for dybt (højst {MAX_DEPTH} niveauer)"
            )
        if isinstance(value, float) and not math.isfinite(value):
            raise InterchangeError(place(path), f"{value} er ikke et tal")
        if isinstance(value, dict):
            stack.extend((child, (*path, key), depth + 1) for key, child in value.items())
        elif isinstance(value, list):
            stack.extend((child, (*path, i), depth + 1) for i, child in enumerate(value))


def check_item_numbers(document: dict[str, Any]) -> None:
    """Item numbers within what the schema says and every database holds."""
    for m, meeting in enumerate(document["meetings"]):
        for i, item in enumerate(meeting["items"]):
            number = item["number"]
            if isinstance(number, bool) or not 0 <= number <= MAX_ITEM_NUMBER or number % 1:
                raise InterchangeError(
                    place(("meetings", m, "items", i, "number")),
                    f"punktnummeret {shown(number)} skal være et heltal "
                    f"fra 0 til {MAX_ITEM_NUMBER}",
                )


def check_strings(value: Any, path: tuple = ()) -> None:
    """Refuse text a database cannot hold: NUL characters and unpaired surrogates."""
    if isinstance(value, str):
        if "\x00" in value:
            raise InterchangeError(place(path), "teksten indeholder et NUL-tegn (\\u0000)")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise InterchangeError(place(path), "teksten indeholder et ugyldigt tegn") from None
    elif isinstance(value, dict):
        for key, child in value.items():
            check_strings(key, path)
            check_strings(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            check_strings(child, (*path, index))


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIME = re.compile(r"([01][0-9]|2[0-3]):[0-5][0-9]")


def parse_date(text: str, path: tuple) -> dt.date:
    """ÅÅÅÅ-MM-DD and nothing else (fromisoformat alone takes "20200101" and more)."""
    if not isinstance(text, str) or not _DATE.fullmatch(text):
        raise InterchangeError(place(path), f"{shown(text)} er ikke en dato (ÅÅÅÅ-MM-DD)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InterchangeError(place(path), f"datoen {shown(text)} findes ikke") from None


def parse_time(text: str | None, path: tuple = ()) -> dt.time | None:
    """TT:MM, or None for no time."""
    if not text:
        return None
    if not isinstance(text, str) or not _TIME.fullmatch(text):
        raise InterchangeError(place(path), f"{shown(text)} er ikke et klokkeslæt (TT:MM)")
    return dt.time.fromisoformat(text)


def decode_content(text: str | None, path: tuple) -> bytes | None:
    """The bytes of a bilag; line breaks inside the base64 are allowed."""
    if text is None:
        return None
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise InterchangeError(place(path), "bilagets indhold er ikke gyldig base64") from None
