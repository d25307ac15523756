"""Safe, stable names for the site's folders and files, made from the archive's ids."""

from __future__ import annotations

import hashlib
import re

_DANISH = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "é": "e", "ü": "u", "ö": "oe", "ä": "ae"})
MAX_SLUG = 80


def slug(text: str) -> str:
    """'Økonomiudvalget 2020/1' -> 'oekonomiudvalget-2020-1': lower-case ASCII, digits, dashes.

    A name that had to be changed or shortened gets a short hash of the original,
    so two different ids never share a file name."""
    lowered = (text or "").lower().translate(_DANISH)
    cleaned = re.sub(r"[^a-z0-9]+", "-", lowered).strip("-")[:MAX_SLUG].strip("-")
    if cleaned != lowered or not cleaned:
        digest = hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:6]
        cleaned = f"{cleaned}-{digest}" if cleaned else digest
    return cleaned


def file_name(index: int, filename: str | None, title: str) -> str:
    """A bilag's name in the site: its number, then a safe form of its file name."""
    original = filename or title or "bilag"
    stem, dot, ext = original.rpartition(".")
    if not dot or not re.fullmatch(r"[A-Za-z0-9]{1,8}", ext):
        stem, ext = original, ""
    name = re.sub(r"[^a-z0-9]+", "-", stem.lower().translate(_DANISH)).strip("-")[:60] or "bilag"
    return f"{index:02d}-{name}" + (f".{ext.lower()}" if ext else "")
