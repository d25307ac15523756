"""External ids for records made in the program (the interchange names records by them)."""

from __future__ import annotations

import uuid


def new_ext_id(kind: str) -> str:
    """A fresh id such as "item-3f2a9c81d0e4": unique without asking the archive."""
    return f"{kind}-{uuid.uuid4().hex[:12]}"
