"""A signed meeting is sealed: one guard for every write (guard), the record as
signed and its SHA-256 (record), checking it (verify), printing from it (printed)."""

from model.sealing import guard, history  # noqa: F401  (register the flush guard, history)
from model.sealing.guard import lock_meeting, meeting_label


def check_seals(archive, verify_all: bool) -> None:
    """Seal signed meetings that have no record yet (signed before seals were kept); with
    `verify_all` (the daily check) verify every seal, keeping the failures on
    `archive.seal_failures`. The window runs it in the background after opening."""
    from sqlalchemy import exists, select

    from model.entities import Meeting
    from model.sealing import verify

    unsealed = exists().where(Meeting.status == "signed", Meeting.sealed_record.is_(None))
    with archive.sessions() as session:
        missing = session.scalar(select(unsealed))
    if missing:
        with archive.transaction() as session:
            guard.seal_unsealed(session)
    if verify_all:
        with archive.sessions() as session:
            archive.seal_failures = verify.failing_meetings(session)


__all__ = ["check_seals", "lock_meeting", "meeting_label"]
