"""`publish`: the public documents as a website, with calendars and a feed."""

from __future__ import annotations

import datetime as dt
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from sqlalchemy import select

from exporters.publish import publish_site
from main import main
from model.entities import Item, Meeting, Section
from model.errors import NotFoundError, ReferentError
from model.interchange import load_json
from tests.conftest import EXAMPLE_FILES
from tests.exporters.helpers import SECRETS

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
STEVNS_PAGE = "aet/aet-2020-08-19.html"
PROEVE_PAGE = "oeu/oeu-2026-09-30.html"


class Outline(HTMLParser):
    """The headings of a page in order, and its links."""

    def __init__(self):
        super().__init__()
        self.headings: list[tuple[str, str]] = []
        self.links: list[str] = []
        self.lang = None
        self._open: str | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        if tag in ("h1", "h2", "h3", "h4"):
            self._open, self._text = tag, []
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])

    def handle_data(self, data):
        if self._open:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == self._open:
            self.headings.append((tag, " ".join("".join(self._text).split())))
            self._open = None


def outline(path: Path) -> Outline:
    parser = Outline()
    parser.feed(path.read_text("utf-8"))
    return parser


@pytest.fixture
def site(tmp_path) -> Path:
    """The site's folder; tmp_path itself holds the archive file."""
    return tmp_path / "site"


def publish(archive, out: Path, **kw):
    with archive.sessions() as session:
        return publish_site(session, out, **kw)


def site_files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_meeting_page_is_semantic_html_in_agenda_order(unsigned_examples_archive, site):
    publish(unsigned_examples_archive, site)
    page = outline(site / STEVNS_PAGE)
    stevns = next(load_json(p) for p in EXAMPLE_FILES if p.stem.startswith("stevns"))
    items = stevns["meetings"][0]["items"]

    assert page.lang == "da"
    assert [tag for tag, _ in page.headings].count("h1") == 1
    assert page.headings[0] == ("h1", "Referat Arbejdsmarked, Erhverv og Turisme d. 19-08-2020")
    item_headings = [text for tag, text in page.headings if tag == "h2" and text[:3].isdigit()]
    assert [h.split(".")[0] for h in item_headings] == [str(i["number"]) for i in items]
    assert item_headings[0] == "192. Dagsorden - godkendelse"
    # Sections are h3 under their item, and the page links its public PDF.
    after_193 = page.headings[page.headings.index(("h2", item_headings[1])) + 1]
    assert after_193 == ("h3", "Resume")
    assert "aet-2020-08-19.pdf" in page.links


def test_closed_content_never_reaches_the_site(unsigned_examples_archive, site):
    publish(unsigned_examples_archive, site)
    files = site_files(site)
    ours = [n for n in files if n.endswith(".pdf") and "-bilag/" not in n]
    texts = {
        name: data.decode("utf-8", "replace") for name, data in files.items() if name not in ours
    }
    for name in ours:
        texts[name] = subprocess.run(
            ["pdftotext", str(site / name), "-"], capture_output=True, text=True, check=True
        ).stdout
    for secret in SECRETS:
        leaks = [name for name, text in texts.items() if secret in text]
        assert not leaks, f"{secret!r} in {leaks}"
    # The closed item is there by number and public title, with its public decision.
    page = (site / PROEVE_PAGE).read_text("utf-8")
    assert "303" in page and "(Lukket punkt)" in page
    # The open bilag of the open item is handed out; the closed bilag is not.
    bilag = [n for n in files if "-bilag/" in n]
    assert bilag == ["oeu/oeu-2026-09-30-bilag/punkt-302/01-budgetforslag-2027.pdf"]


def test_calendar_has_every_meeting_at_its_local_time(unsigned_examples_archive, site):
    publish(unsigned_examples_archive, site, base_url="https://example.dk/moeder")
    calendar = Calendar.from_ical((site / "kalender.ics").read_bytes())
    events = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert calendar.walk("VTIMEZONE")[0]["tzid"] == "Europe/Copenhagen"
    with unsigned_examples_archive.sessions() as session:
        meetings = list(session.scalars(select(Meeting)))
        assert len(events) == len(meetings) == 4
        for meeting in meetings:
            event = events[f"{meeting.ext_id}@referent"]
            start = event.decoded("dtstart")
            if meeting.start is None:
                assert start == meeting.date
            else:
                assert start.tzinfo is not None
                local = start.astimezone(COPENHAGEN)
                assert (local.date(), local.time()) == (meeting.date, meeting.start)
            if meeting.location:
                assert str(event["location"]) == meeting.location
            assert str(event["url"]).startswith("https://example.dk/moeder/")
            assert str(event["url"]).endswith(f"{meeting.ext_id}.html")
    per_committee = Calendar.from_ical((site / "aet" / "kalender.ics").read_bytes())
    assert [str(e["uid"]) for e in per_committee.walk("VEVENT")] == ["aet-2020-08-19@referent"]


def test_summer_time_meeting_is_at_its_local_hour(unsigned_examples_archive, site):
    with unsigned_examples_archive.transaction() as session:
        meeting = session.scalar(select(Meeting).where(Meeting.ext_id == "oeu-2026-09-30"))
        meeting.start = dt.time(16, 30)
    publish(unsigned_examples_archive, site)
    calendar = Calendar.from_ical((site / "oeu" / "kalender.ics").read_bytes())
    start = calendar.walk("VEVENT")[0].decoded("dtstart")
    assert start.astimezone(dt.UTC).time() == dt.time(14, 30)  # CEST is UTC+2


def test_feed_lists_the_minutes(unsigned_examples_archive, site):
    publish(unsigned_examples_archive, site)
    root = ET.parse(site / "referater.atom").getroot()
    ns = {"a": "http://www.w3.org/2005/Atom"}
    links = [e.find("a:link", ns).get("href") for e in root.findall("a:entry", ns)]
    with unsigned_examples_archive.sessions() as session:
        minutes = [
            f"{m.committee.ext_id}/{m.ext_id}.html"
            for m in session.scalars(select(Meeting))
            if m.status in ("minutes_approved", "signed")
        ]
    assert sorted(links) == sorted(minutes)
    assert links  # the examples hold signed minutes


def test_publishing_again_changes_no_byte(unsigned_examples_archive, site):
    first = publish(unsigned_examples_archive, site)
    before = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in site.rglob("*") if p.is_file()}
    second = publish(unsigned_examples_archive, site)
    after = {p: (p.stat().st_mtime_ns, p.read_bytes()) for p in site.rglob("*") if p.is_file()}

    assert first.written and not second.written and not second.removed
    assert after == before


def test_a_change_rewrites_only_its_meeting(unsigned_examples_archive, site):
    publish(unsigned_examples_archive, site)
    with unsigned_examples_archive.transaction() as session:
        section = session.scalar(
            select(Section)
            .join(Item)
            .join(Meeting)
            .where(Meeting.ext_id == "sagsbehandling-2020-04-21")
            .limit(1)
        )
        section.text += "\n\nEn tilføjet sætning om vejarbejdet."
    report = publish(unsigned_examples_archive, site)

    assert sorted(report.written) == [
        "sagsbehandling/sagsbehandling-2020-04-21.html",
        "sagsbehandling/sagsbehandling-2020-04-21.pdf",
    ]
    assert "vejarbejdet" in (site / "sagsbehandling/sagsbehandling-2020-04-21.html").read_text()


def test_an_item_closed_after_publishing_takes_its_bilag_off_the_site(unsigned_examples_archive, site):
    publish(unsigned_examples_archive, site)
    bilag = site / "oeu/oeu-2026-09-30-bilag/punkt-302/01-budgetforslag-2027.pdf"
    assert bilag.exists()
    (site / "egen-fil.txt").write_text("ikke Referents")
    with unsigned_examples_archive.transaction() as session:
        session.scalar(select(Item).where(Item.number == 302)).closed = True
    report = publish(unsigned_examples_archive, site)

    assert not bilag.exists() and not bilag.parent.exists()
    assert str(bilag.relative_to(site)) in report.removed
    assert (site / "egen-fil.txt").exists()  # files the site did not write stay


def test_cpr_number_stops_publishing(unsigned_examples_archive, tmp_path):
    with unsigned_examples_archive.transaction() as session:
        section = session.scalar(
            select(Section).join(Item).where(Item.number == 193, Section.heading == "Resume")
        )
        section.text += " Borgeren har CPR-nr. 010203-1234."
    with pytest.raises(ReferentError, match="CPR"):
        publish(unsigned_examples_archive, tmp_path / "site")
    assert not (tmp_path / "site").exists() or not any((tmp_path / "site").iterdir())
    publish(unsigned_examples_archive, tmp_path / "site", allow_cpr=True)
    assert (tmp_path / "site" / STEVNS_PAGE).exists()


def test_cpr_number_in_a_bilag_file_name_stops_publishing(unsigned_examples_archive, site):
    from model.entities import Attachment

    with unsigned_examples_archive.transaction() as session:
        attachment = session.scalar(select(Attachment).join(Item).where(Item.number == 302))
        attachment.filename = "Klage fra 010203-1234.pdf"
    with pytest.raises(ReferentError, match="bilag"):
        publish(unsigned_examples_archive, site)


def test_only_the_named_committees(unsigned_examples_archive, site):
    publish(unsigned_examples_archive, site, committee_ids=["aet"])
    assert sorted(p.name for p in site.iterdir() if p.is_dir()) == ["aet"]
    with pytest.raises(NotFoundError, match='"ingen"'):
        publish(unsigned_examples_archive, site, committee_ids=["ingen"])


def test_draft_meeting_has_a_page_without_agenda(unsigned_examples_archive, site):
    with unsigned_examples_archive.transaction() as session:
        session.scalar(select(Meeting).where(Meeting.ext_id == "kb-2026-10-08")).status = "draft"
    publish(unsigned_examples_archive, site)
    page = (site / "kb" / "kb-2026-10-08.html").read_text("utf-8")
    assert "Dagsordenen er ikke udsendt endnu." in page
    assert not (site / "kb" / "kb-2026-10-08.pdf").exists()
    assert "<h2" not in page.split("<main", 1)[1].split("</main>")[0]


def test_publish_verb(tmp_path, capsys):
    db = tmp_path / "arkiv.sqlite3"
    for path in EXAMPLE_FILES:
        assert main(["--db", str(db), "import", str(path)]) == 0
    out = tmp_path / "websted"
    assert main(["--db", str(db), "publish", "--out", str(out)]) == 0
    assert "4 møder udgivet" in capsys.readouterr().out
    assert (out / "index.html").exists()
    assert main(["--db", str(db), "publish", "--out", str(out), "--committee", "xx"]) == 2
    assert capsys.readouterr().err.strip() == 'referent: Udvalget "xx" findes ikke i arkivet.'
