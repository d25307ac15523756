"""Building the neutral document from a meeting: front page, items, signature page.

This is the one place that decides what a document prints and in which
order; the writers in pdf.py and docx.py only lay out what it returns.
"""

from __future__ import annotations

from exporters import danish
from exporters.blocks import Chapter, Document, FrontPage, SignaturePage, Signer
from exporters.items import item_chapter
from exporters.markup import clean, clean_line

KINDS = {"referat": "Referat", "dagsorden": "Dagsorden", "underskriftsark": "Underskriftsark"}
SIGNATURE_HEADING = "Underskriftsark"
SIGNATURE_INTRO = "Referatet er godkendt og underskrevet af udvalgets medlemmer."
SECRETARY = "sekretær"
PLACE_ROWS = ("Mødedato", "Mødested")
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
        doc.with_toc = False
        doc.compact = True
        rows = [row for row in _front_rows(meeting, when, True) if row[0] in PLACE_ROWS]
        doc.front = FrontPage(organisation, committee_name, kind, doc.title, rows)
        sheet = _signature_chapter(meeting, "underskrifter")
        sheet.heading = "Underskrifter"  # the page's title already says Underskriftsark
        doc.chapters.append(sheet)
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
    if meeting.location:
        rows.append(("Mødested", [clean_line(meeting.location)]))
    present, absent, secretaries = [], [], []
    for row in meeting.attendance:
        member = row.member
        name = _with_role(member)
        note = clean_line(row.note)
        if member.role == SECRETARY:
            secretaries.append(name)
        elif row.status == "present":
            present.append(f"{name} – {note}" if note and referat else name)
        else:
            text = name
            stand_in = danish.stand_in(row)
            if stand_in:
                text += f", stedfortræder: {stand_in}"
                present.append(f"{stand_in} (stedfortræder for {danish.name(member)})")
            if note:
                text += f" ({note})"
            absent.append(text)
    listed = {row.member_id for row in meeting.attendance}
    others = [_with_role(m) for m in meeting.committee.members
              if m.id not in listed and m.role != SECRETARY]
    if referat:
        rows.append(("Til stede", present + others if not meeting.attendance else present))
        if absent:
            rows.append(("Fraværende", absent))
    else:
        members = [_with_role(r.member) for r in meeting.attendance
                   if r.member.role != SECRETARY] + others
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


def _with_role(member) -> str:
    role = CHAIR_ROLES.get(member.role)
    return f"{danish.name(member)}, {role}" if role else danish.name(member)


def _signature_chapter(meeting, anchor: str) -> Chapter:
    """Every member who signs, each with a line; members absent all meeting marked so."""
    attendance = {row.member_id: row for row in meeting.attendance}
    signers: list[Signer] = []
    stand_ins: list[Signer] = []
    for member in meeting.committee.members:
        if not member.signs:
            continue
        row = attendance.get(member.id)
        if row is None or row.status == "present":
            signers.append(Signer(_with_role(member)))
            continue
        signers.append(Signer(_with_role(member), "Fraværende"))
        stand_in = danish.stand_in(row)
        signed_already = row.substitute_member is not None and row.substitute_member.signs
        if stand_in and not signed_already:
            stand_ins.append(Signer(stand_in, f"Stedfortræder for {danish.name(member)}"))
    page = SignaturePage(SIGNATURE_INTRO, signers + stand_ins)
    return Chapter(anchor, SIGNATURE_HEADING, signature=page)
