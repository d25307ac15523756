"""The Danish summary the `scan` verb prints per page."""

from __future__ import annotations

from sqlalchemy import select

from model.entities import Member
from scanning.read import ReadPage, ScanResult


def member_names(session, result: ScanResult) -> dict[str, str]:
    """The names of the members the pages tick, by id, for a summary a person reads."""
    ids = {member for page in result.pages for member in page.absent}
    if not ids:
        return {}
    members = session.scalars(select(Member).where(Member.ext_id.in_(ids)))
    return {member.ext_id: member.display_name for member in members}


def summary(result: ScanResult, names: dict[str, str] | None = None) -> str:
    names = names or {}
    lines = [_page_line(page, names) for page in result.pages]
    lines += [f"{u.source}, side {u.page}: ikke læst. {u.why}" for u in result.unread]
    read, unread = len(result.pages), len(result.unread)
    lines.append(f"{read} {'side' if read == 1 else 'sider'} læst, {unread} ikke læst.")
    return "\n".join(lines)


def _page_line(page: ReadPage, names: dict[str, str]) -> str:
    where = f"{page.source}, side {page.page}: mødet {page.meeting}, "
    away = [names.get(member, member) for member in page.absent]
    if page.item is None:
        absent = ", ".join(away) or "ingen"
        return f"{where}forsiden. Fraværende: {absent}."
    parts = [f"punkt {page.item}."]
    parts.append(double_tick(page) or (f"Afkrydset: {page.ticked[0]}." if page.ticked
                                       else "Ingen afgørelse afkrydset."))
    if away:
        parts.append(f"Ikke til stede: {', '.join(away)}.")
    parts.append("Der er skrevet i beslutningsfeltet." if page.written
                 else "Beslutningsfeltet er tomt.")
    return where + " ".join(parts)


def double_tick(page: ReadPage) -> str:
    """The question to the secretary when more than one decision is ticked; '' otherwise."""
    if len(page.ticked) < 2:
        return ""
    return (f"Spørgsmål til sekretæren: flere afgørelser er afkrydset "
            f"({', '.join(page.ticked)}); ingen er valgt.")
