"""Building the neutral document from a meeting: front page, items, signature page.

This is the one place that decides what a document prints and in which
order; the writers in pdf.py and docx.py only lay out what it returns.
"""

from __future__ import annotations

from exporters import danish
from exporters.blocks import Chapter, Document, FrontPage, SignaturePage, Signer
from exporters.items import item_chapter
from exporters.markup import clean, clean_line
from model import roster

KINDS = {"referat": "Referat", "dagsorden": "Dagsorden", "underskriftsark": "Underskriftsark"}
SIGNATURE_HEADING = "Underskriftsark"
SIGNATURE_INTRO = "Referatet er godkendt og underskrevet af udvalgets medlemmer."
SIGNING_DATE = "Underskrevet den:"
SECRETARY = "sekretær"
CHAIR_ROLES = {"formand": "formand", "næstformand": "næstformand"}
INTERNAL_EDITION = "Intern udgave"


def build_document(meeting, document: str, public: bool = False) -> Document:
    """The document `document` (referat, dagsorden, underskriftsark) of `meeting`."""
    kind = KINDS[document]
    committee = meeting.committee
    organisation = clean_line(committee.organisation)
    committee_name = clean_line(committee.name)
    when = danish.meeting_when(meeting.date, meeting.start, meeting.end)
    doc = Document(
        kind=kind,
        public=public,
        organisation=organisation,
        committee=committee_name,
        title=_title(meeting, kind),
        header=f"{committee_name} · {kind} {danish.short_date(meeting.date)}",
        front=None,
        chapters=[],
        keywords=[kind, committee_name, f"{meeting.date:%Y-%m-%d}"],
    )
    if document == "underskriftsark":
        # The referat's signature page alone, naming its meeting: no front page, so that
        # 20 signers with long names still fit on the one sheet that is passed round.
        doc.with_toc = False
        doc.compact = True
        doc.chapters.append(_signature_chapter(meeting, "underskrifter"))
        return doc

    referat = document == "referat"
    if not public and any(item.closed for item in meeting.items):
        doc.edition = INTERNAL_EDITION
    doc.front = FrontPage(organisation, committee_name, kind, doc.title,
                          _front_rows(meeting, when, referat))
    host = None
    for index, item in enumerate(meeting.items, start=1):
        chapter = item_chapter(item, f"punkt_{index}", with_decision=referat, public=public)
        doc.chapters.append(chapter)
        if clean_line(item.title).lower() == SIGNATURE_HEADING.lower():
            # The committee's own "Underskriftsark" item carries the signatures,
            # unless it is closed and this is the public version: then none are shown.
            host = chapter if not (public and item.closed) else False
    if referat:
        signatures = _signature_chapter(meeting, "underskrifter")
        if host:
            host.signature = signatures.signature
        elif host is None:
            doc.chapters.append(signatures)
    return doc


def _title(meeting, kind: str) -> str:
    """'Referat Chefforum d. 16-01-2020' unless the meeting has a title of its own."""
    from model.meetings import display_title

    title = clean_line(display_title(meeting, kind))
    # A meeting titled "Dagsorden …" still prints "Referat …" on its minutes.
    for other in KINDS.values():
        if other != kind and title.startswith(other + " "):
            title = kind + title[len(other):]
    return title


def _front_rows(meeting, when: str, referat: bool) -> list[tuple[str, list[str]]]:
    rows: list[tuple[str, list[str]]] = [("Mødedato", [when])]
    if referat and meeting.end:  # the end said once, as a sentence
        rows = [("Mødedato", [danish.meeting_when(meeting.date, None)]),
                ("Mødetid", [danish.meeting_times(meeting.start, meeting.end)])]
    if meeting.location:
        rows.append(("Mødested", [clean_line(meeting.location)]))
    present, absent = _attendance_lines(meeting, referat)
    secretaries = [_with_role(row.member) for row in meeting.attendance
                   if row.member.role == SECRETARY]
    if referat:
        rows.append(("Til stede", present))
        if absent:
            rows.append(("Fraværende", absent))
    else:
        members = [_with_role(p.seat) for p in roster.people(meeting)]
        rows.append(("Medlemmer", members))
        if absent:
            rows.append(("Afbud", absent))
    if secretaries:
        rows.append(("Sekretær", secretaries))
    guests = [clean_line(g) for g in meeting.guests or [] if clean_line(g)]
    if guests:
        rows.append(("Øvrige deltagere", guests))
    if referat and clean(meeting.notes).strip():
        rows.append(("Bemærkninger", [clean_line(meeting.notes)]))
    return [(label, names) for label, names in rows if names]


def _attendance_lines(meeting, referat: bool) -> tuple[list[str], list[str]]:
    """Who was there and who was away, each person once: a suppleant standing in
    is listed as the stand-in only (model/roster.py)."""
    present, absent = [], []
    for person in roster.people(meeting):
        seat = person.seat
        note = clean_line(person.note)
        if not person.away and not person.stand_in:
            present.append(f"{_with_role(seat)} – {note}" if note and referat else
                           _with_role(seat))
            continue
        text = _with_role(seat)
        if person.stand_in:
            stand_in = danish.name(person)
            text += f", stedfortræder: {stand_in}"
            present.append(f"{stand_in}, stedfortræder for {danish.name(seat)}")
        if note:
            text += f" ({note})"
        absent.append(text)
    return present, absent


def _with_role(member) -> str:
    role = CHAIR_ROLES.get(member.role)
    return f"{danish.name(member)}, {role}" if role else danish.name(member)


def _signature_chapter(meeting, anchor: str) -> Chapter:
    """Those who took part and sign, each with a line (model/roster.py says who), under
    the meeting they sign for and a line for the date of signing."""
    signers = []
    for person in roster.signers(meeting):
        if person.stand_in:
            signers.append(Signer(danish.name(person),
                                  f"Stedfortræder for {danish.name(person.seat)}"))
        else:
            signers.append(Signer(_with_role(person.seat)))
    page = SignaturePage(SIGNATURE_INTRO, signers, _signed_meeting(meeting), SIGNING_DATE)
    return Chapter(anchor, SIGNATURE_HEADING, signature=page)


def _signed_meeting(meeting) -> str:
    """'Økonomiudvalget, onsdag d. 30. september 2026 kl. 08:30, Rådhuset'."""
    when = danish.meeting_when(meeting.date, meeting.start)
    parts = [clean_line(meeting.committee.name), when[:1].lower() + when[1:],
             clean_line(meeting.location)]
    return ", ".join(part for part in parts if part)
