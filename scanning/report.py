"""The Danish summary the `scan` verb prints per page."""

from __future__ import annotations

from scanning.read import ReadPage, ScanResult


def summary(result: ScanResult) -> str:
    lines = [_page_line(page) for page in result.pages]
    lines += [f"{u.source}, side {u.page}: ikke læst. {u.why}" for u in result.unread]
    read, unread = len(result.pages), len(result.unread)
    lines.append(f"{read} {'side' if read == 1 else 'sider'} læst, {unread} ikke læst.")
    return "\n".join(lines)


def _page_line(page: ReadPage) -> str:
    where = f"{page.source}, side {page.page}: mødet {page.meeting}, "
    if page.item is None:
        absent = ", ".join(page.absent) or "ingen"
        return f"{where}forsiden. Fraværende: {absent}."
    parts = [f"punkt {page.item}."]
    parts.append(double_tick(page) or (f"Afkrydset: {page.ticked[0]}." if page.ticked
                                       else "Ingen afgørelse afkrydset."))
    if page.absent:
        parts.append(f"Ikke til stede: {', '.join(page.absent)}.")
    parts.append("Der er skrevet i beslutningsfeltet." if page.written
                 else "Beslutningsfeltet er tomt.")
    return where + " ".join(parts)


def double_tick(page: ReadPage) -> str:
    """The question to the secretary when more than one decision is ticked; '' otherwise."""
    if len(page.ticked) < 2:
        return ""
    return (f"Spørgsmål til sekretæren: flere afgørelser er afkrydset "
            f"({', '.join(page.ticked)}); ingen er valgt.")
