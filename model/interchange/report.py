"""What an import did, counted per kind of record, said in Danish."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

# Kinds as the report names them: (singular, plural).
KIND_NAMES = {
    "committee": ("udvalg", "udvalg"),
    "member": ("medlem", "medlemmer"),
    "case": ("sag", "sager"),
    "meeting": ("møde", "møder"),
    "item": ("punkt", "punkter"),
}


@dataclass
class ImportReport:
    """What an import did, counted per kind."""

    added: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    removed: Counter = field(default_factory=Counter)
    meetings: list[str] = field(default_factory=list)

    def count(self, kind: str, before: Any, after: Any) -> None:
        if before is None:
            self.added[kind] += 1
        elif before == after:
            self.unchanged[kind] += 1
        else:
            self.updated[kind] += 1

    def summary(self) -> str:
        """One Danish line per kind of change, e.g. "Tilføjet: 1 udvalg, 9 punkter"."""
        lines = []
        for label, counts in (
            ("Tilføjet", self.added),
            ("Opdateret", self.updated),
            ("Uændret", self.unchanged),
            ("Fjernet", self.removed),
        ):
            parts = [
                f"{counts[kind]} {KIND_NAMES[kind][counts[kind] != 1]}"
                for kind in KIND_NAMES
                if counts[kind]
            ]
            if parts:
                lines.append(f"{label}: " + ", ".join(parts))
        return "\n".join(lines) or "Filen indeholdt intet at importere."
