"""Which meetings the site shows, and what each page holds."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from sqlalchemy import select
from sqlalchemy.orm import Session

from exporters import danish
from exporters.html import contents_html, document_html, facts_html
from exporters.items import public_attachments
from exporters.publish import calendar, feed
from exporters.publish.output import SiteOutput, sha256
from exporters.publish.paths import file_name, slug
from model.entities import Committee, Meeting
from model.errors import NotFoundError, ReferentError
from model.meetings import STATUS_NAMES, load_meeting

# The public document a meeting's page shows, by status; a draft shows none yet.
PUBLIC_DOCUMENT = {
    "agenda_published": "dagsorden",
    "held": "dagsorden",
    "minutes_approved": "referat",
    "signed": "referat",
}
CPR_SHOWN = 5


class CprFound(ReferentError):
    """The public documents look like they hold CPR numbers; nothing was written."""

    def __init__(self, warnings: list):
        self.warnings = warnings
        shown = "; ".join(str(w) for w in warnings[:CPR_SHOWN])
        super().__init__(
            f"{len(warnings)} sted(er) i de offentlige dokumenter ligner et CPR-nummer ({shown});"
            " ret teksten, eller udgiv alligevel med --allow-cpr."
        )


class PublicTextsMissing(ReferentError):
    """Closed, decided items whose public referat shows no decision; nothing was written
    yet, so the secretary can add the texts first or publish all the same."""

    def __init__(self, warnings: list[str]):
        self.warnings = warnings
        super().__init__(f"{len(warnings)} lukkede punkter har ingen offentlig "
                         "beslutningstekst.")


@dataclass
class PublishReport:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)
    meetings: int = 0
    # Closed, decided items published without a public decision text, one line each.
    public_text_warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"{self.meetings} {'møde' if self.meetings == 1 else 'møder'} udgivet: "
            f"{len(self.written)} filer skrevet, {self.unchanged} uændrede, "
            f"{len(self.removed)} fjernet"
        )


@dataclass
class _Page:
    meeting: Meeting
    document: str | None  # dagsorden, referat, or None for a draft
    path: str  # "aet/aet-2020-08-19.html"
    doc: object = None  # the public neutral Document


def publish_site(
    session: Session,
    out: Path,
    committee_ids: list[str] | None = None,
    base_url: str = "",
    allow_cpr: bool = False,
    ask_public_texts: bool = False,
) -> PublishReport:
    """Write the public website of the archive (or of the named committees) into `out`.
    With `ask_public_texts`, closed decided items without a public decision text stop it
    before anything is written (PublicTextsMissing); else the report names them."""
    from exporters.public_check import cpr_warnings

    committees = _committees(session, committee_ids)
    pages = {c.id: [_page(session, c, m) for m in _meetings(session, c)] for c in committees}
    warnings = [
        w
        for ps in pages.values()
        for p in ps
        if p.doc
        for w in cpr_warnings(p.doc) + _file_name_warnings(p)
    ]
    if warnings and not allow_cpr:
        raise CprFound(warnings)
    missing = _missing_public_texts(pages)
    if missing and ask_public_texts:
        raise PublicTextsMissing(missing)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    site = SiteOutput(out)
    _Writer(site, committees, pages, base_url).write_all()
    written, unchanged, removed = site.finish()
    count = sum(len(ps) for ps in pages.values())
    return PublishReport(written, unchanged, removed, count, missing)


def _missing_public_texts(pages) -> list[str]:
    """'ØU 30.09.2026: Punkt 7 (lukket) har ingen …' for the referater to be published."""
    from exporters.public_check import missing_public_texts

    return [
        f"{p.meeting.committee.short_name} {danish.short_date(p.meeting.date)}: {line}"
        for ps in pages.values()
        for p in ps
        if p.document == "referat"
        for line in missing_public_texts(p.meeting)
    ]


def _file_name_warnings(page: _Page) -> list:
    """The bilag's file names go into the site's addresses: checked like the text."""
    from exporters.public_check import CprWarning
    from model.cpr import find_cpr_numbers, masked

    warnings = []
    for item in page.meeting.items:
        for attachment in public_attachments(item):
            name = attachment.filename or ""
            for hit in find_cpr_numbers(name):
                place = f"{page.doc.title} › bilag {attachment.title}"
                warnings.append(
                    CprWarning(place, name.replace(name[hit.start : hit.end], masked(hit)))
                )
    return warnings


def _committees(session: Session, ext_ids: list[str] | None) -> list[Committee]:
    query = select(Committee).order_by(Committee.name, Committee.ext_id)
    found = list(session.scalars(query))
    if not ext_ids:
        return found
    by_id = {c.ext_id: c for c in found}
    missing = [ext_id for ext_id in ext_ids if ext_id not in by_id]
    if missing:
        raise NotFoundError(f'Udvalget "{missing[0]}" findes ikke i arkivet.')
    return [by_id[ext_id] for ext_id in dict.fromkeys(ext_ids)]


def _meetings(session: Session, committee: Committee) -> list[Meeting]:
    query = (
        select(Meeting.ext_id)
        .where(Meeting.committee_id == committee.id)
        .order_by(Meeting.date, Meeting.start, Meeting.ext_id)
    )
    return [load_meeting(session, ext_id) for ext_id in session.scalars(query)]


def _page(session: Session, committee: Committee, meeting: Meeting) -> _Page:
    from exporters.document import build_document

    document = PUBLIC_DOCUMENT.get(meeting.status)
    page = _Page(meeting, document, f"{slug(committee.ext_id)}/{slug(meeting.ext_id)}.html")
    if document:
        page.doc = build_document(meeting, document, public=True)
    return page


class _Writer:
    def __init__(self, site: SiteOutput, committees, pages, base_url: str):
        self.site = site
        self.committees = committees
        self.pages = pages
        self.base_url = base_url
        self.env = Environment(
            loader=PackageLoader("resources", "publish"),
            autoescape=select_autoescape(default=True),
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.site_name = _site_name(committees)

    def render(self, template: str, **context) -> bytes:
        context.setdefault("site_name", self.site_name)
        return (self.env.get_template(template).render(**context).rstrip() + "\n").encode("utf-8")

    def write_all(self) -> None:
        self.site.add("style.css", self.env.loader.get_source(self.env, "style.css")[0].encode())
        self.site.add(
            "index.html",
            self.render(
                "index.html",
                root="",
                committees=[self._committee_summary(c) for c in self.committees],
            ),
        )
        every = []
        for committee in self.committees:
            entries = [(p.meeting, _event_title(p), p.path) for p in self.pages[committee.id]]
            every += entries
            folder = slug(committee.ext_id)
            self.site.add(
                f"{folder}/kalender.ics",
                calendar.calendar_bytes(committee.name, entries, self.base_url),
            )
            self.site.add(
                f"{folder}/index.html",
                self.render(
                    "committee.html",
                    root="../",
                    committee=committee,
                    years=_by_year(self.pages[committee.id]),
                ),
            )
            for page in self.pages[committee.id]:
                self._meeting(committee, page)
        every.sort(key=lambda e: (e[0].date, e[0].start or dt.time(), e[0].ext_id))
        self.site.add("kalender.ics", calendar.calendar_bytes(self.site_name, every, self.base_url))
        self.site.add(
            "referater.atom",
            feed.feed_bytes(
                f"Nye referater – {self.site_name}",
                self.site_name,
                self._feed_entries(),
                self.base_url,
            ),
        )

    def _committee_summary(self, committee) -> dict:
        pages = self.pages[committee.id]
        return {
            "committee": committee,
            "folder": slug(committee.ext_id),
            "years": sorted({p.meeting.date.year for p in pages}, reverse=True),
            "count": len(pages),
        }

    def _meeting(self, committee, page: _Page) -> None:
        stem = page.path.removesuffix(".html")
        pdf = None
        if page.doc is not None:
            pdf = f"{stem}.pdf"
            key = sha256(repr(page.doc).encode("utf-8") + _version().encode())
            self.site.add_costly(pdf, key, lambda: _pdf(page))
        files = self._attachments(page, stem)
        self.site.add(
            page.path,
            self.render(
                "meeting.html",
                root="../",
                committee=committee,
                page=page,
                title=_page_title(page),
                status=STATUS_NAMES.get(page.meeting.status, ""),
                when=danish.meeting_when(page.meeting.date, page.meeting.start, page.meeting.end),
                facts=facts_html(page.doc) if page.doc else None,
                body=document_html(page.doc) if page.doc else None,
                contents=contents_html(page.doc) if page.doc else None,
                pdf=pdf.rsplit("/", 1)[1] if pdf else None,
                files=files,
            ),
        )

    def _attachments(self, page: _Page, stem: str) -> list[dict]:
        """The open bilag of the open items, copied beside the page; [] for a draft."""
        if page.doc is None:
            return []
        groups = []
        # The items' chapters come first, in agenda order: their headings as printed.
        for item, chapter in zip(page.meeting.items, page.doc.chapters, strict=False):
            links = []
            for index, attachment in enumerate(public_attachments(item), start=1):
                if attachment.content is None:
                    continue
                name = f"{stem}-bilag/punkt-{item.number}/" + file_name(
                    index, attachment.filename, attachment.title
                )
                self.site.add(name, attachment.content)
                links.append(
                    {
                        "title": attachment.title or attachment.filename,
                        "href": name.split("/", 1)[1],
                        "size": _size(len(attachment.content)),
                    }
                )
            if links:
                groups.append({"heading": chapter.heading, "links": links})
        return groups

    def _feed_entries(self) -> list[dict]:
        entries = []
        for committee in self.committees:
            for page in self.pages[committee.id]:
                if page.document != "referat":
                    continue
                entries.append(
                    {
                        "id": f"tag:referent,2020:{page.meeting.ext_id}",
                        "title": _page_title(page),
                        "updated": calendar.stamp(page.meeting),
                        "path": page.path,
                        "summary": f"{committee.name}, "
                        f"{danish.long_date(page.meeting.date)}: referatet er offentliggjort.",
                    }
                )
        return entries


def _pdf(page: _Page) -> bytes:
    from exporters.pdf import render_pdf

    return render_pdf(page.doc)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("referent")
    except PackageNotFoundError:
        return "0"


def _site_name(committees) -> str:
    organisations = sorted({c.organisation for c in committees if c.organisation})
    return organisations[0] if len(organisations) == 1 else "Dagsordener og referater"


def _page_title(page: _Page) -> str:
    if page.doc is not None:
        return page.doc.title
    meeting = page.meeting
    return f"Møde i {meeting.committee.name} {danish.long_date(meeting.date)}"


def _event_title(page: _Page) -> str:
    return f"{page.meeting.committee.name}: møde"


def _by_year(pages: list[_Page]) -> list[tuple[int, list[_Page]]]:
    years: dict[int, list[_Page]] = {}
    for page in sorted(pages, key=lambda p: (p.meeting.date, p.meeting.ext_id), reverse=True):
        years.setdefault(page.meeting.date.year, []).append(page)
    return sorted(years.items(), reverse=True)


def _size(count: int) -> str:
    if count < 1024 * 1024:
        return f"{max(1, round(count / 1024))} kB"
    return f"{count / 1024 / 1024:.1f} MB".replace(".", ",")
