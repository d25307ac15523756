"""A signed meeting is sealed: one guard for every write (guard), the record as
signed and its SHA-256 (record), checking it (verify), printing from it (printed)."""

from model.sealing import guard  # noqa: F401  (registers the flush guard)
from model.sealing.guard import lock_meeting, meeting_label

__all__ = ["lock_meeting", "meeting_label"]
