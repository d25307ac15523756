"""`--apply`: a scan's readings stored as proposals for the decision entry, per meeting."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select

from model.entities import Meeting
from model.errors import ReferentError
from model.scan_proposals import Reading, store
from scanning.read import ReadPage, ScanResult


def apply_scan(archive, result: ScanResult, meeting_id: str | None = None
               ) -> tuple[str, bool]:
    """Store the readings as proposals, one transaction per meeting (all of its pages or
    none); with `meeting_id` (the window's meeting) pages of other meetings are only
    reported. A signed meeting is refused by the seal guard. Returns a Danish report and
    whether every page read was stored."""
    by_meeting: dict[str, list[ReadPage]] = defaultdict(list)
    lines = []
    ok = True
    for page in result.pages:
        if meeting_id is not None and page.meeting != meeting_id:
            lines.append(f"{page.source}, side {page.page}: hører til et andet møde "
                         f"({page.meeting}) og er ikke indlæst.")
            ok = False
            continue
        by_meeting[page.meeting].append(page)
    for meeting_ext_id, pages in by_meeting.items():
        try:
            with archive.transaction() as session:
                # The archive's own meeting, not the copy it is printed from (which is
                # detached): the proposals belong to it, and the seal guard sees them.
                meeting = session.scalar(select(Meeting).where(Meeting.ext_id == meeting_ext_id))
                if meeting is None:
                    raise ReferentError(f'Mødet "{meeting_ext_id}" findes ikke i arkivet.')
                count, front = store(session, meeting, [_reading(p) for p in pages])
        except ReferentError as error:
            lines.append(f"Intet indlæst for mødet {meeting_ext_id}: {error}")
            ok = False
            continue
        what = f"{count} {'punkt' if count == 1 else 'punkter'}"
        what += " og fremmødet" if front else ""
        lines.append(f"Mødet {meeting_ext_id}: forslag gemt for {what}; bekræft dem i "
                     "beslutningsindtastningen.")
    return "\n".join(lines) or "Intet at indlæse.", ok


def _reading(page: ReadPage) -> Reading:
    return Reading(page.item, page.ticked, page.absent, page.written, page.decision_image,
                   page.questions_image, f"{page.source}, side {page.page}", page.votes_image)
