"""Counted Danish nouns: "1 punkt", "2 punkter", never "punkt(er)"."""

from __future__ import annotations


def count(n: int, one: str, many: str) -> str:
    """`n` and the noun phrase in the number it needs, e.g. count(1, "punkt", "punkter")."""
    return f"{n} {one if n == 1 else many}"
