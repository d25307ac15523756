"""Checking an interchange file against its schema and the rules the schema cannot say.

Every refusal is an `InterchangeError` whose place reads like the file:
`meetings[0].items[3].decision.absent[1]`, and whose message is Danish.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
from functools import cache
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from model.errors import InterchangeError


@cache
def schema() -> dict[str, Any]:
    """The interchange schema shipped in `resources/`."""
    text = resources.files("resources").joinpath("interchange.schema.json").read_text("utf-8")
    return json.loads(text)


@cache
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def place(path: Any) -> str:
    """`["meetings", 0, "items", 3]` -> `meetings[0].items[3]`."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
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
        return f'feltet "{missing[0]}" mangler'
    if kind == "additionalProperties":
        known = set(error.schema.get("properties", {}))
        unknown = sorted(key for key in error.instance if key not in known)
        return f'ukendt felt "{unknown[0]}" (kun "extra" må rumme egne felter)'
    if kind == "type":
        wanted = value if isinstance(value, list) else [value]
        return "skal være " + " eller ".join(_TYPES.get(t, t) for t in wanted)
    if kind == "enum":
        return "skal være en af " + ", ".join(json.dumps(v, ensure_ascii=False) for v in value)
    if kind == "const":
        return f"skal være {json.dumps(value, ensure_ascii=False)}"
    if kind == "pattern":
        if "[0-9]{4}" in value:
            return f"{json.dumps(error.instance, ensure_ascii=False)} er ikke en dato (ÅÅÅÅ-MM-DD)"
        if ":" in value:
            return f"{json.dumps(error.instance, ensure_ascii=False)} er ikke et klokkeslæt (TT:MM)"
        return f"{json.dumps(error.instance, ensure_ascii=False)} har ikke den rette form"
    if kind == "minLength":
        return "må ikke være tom"
    if kind == "maxLength":
        return f"er for lang ({len(error.instance)} tegn; højst {value})"
    if kind == "minimum":
        return f"skal være mindst {value}"
    return error.message


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


def parse_date(text: str, path: tuple) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InterchangeError(place(path), f'datoen "{text}" findes ikke') from None


def parse_time(text: str | None) -> dt.time | None:
    return dt.time.fromisoformat(text) if text else None


def decode_content(text: str | None, path: tuple) -> bytes | None:
    """The bytes of a bilag; line breaks inside the base64 are allowed."""
    if text is None:
        return None
    try:
        return base64.b64decode("".join(text.split()), validate=True)
    except (binascii.Error, ValueError):
        raise InterchangeError(place(path), "bilagets indhold er ikke gyldig base64") from None
