"""The paper protocol: what the chef takes into the meeting and writes the decisions in.

A front page with the meeting and an attendance form, then every item that
still lacks a decision on pages of its own: the Indstilling in full, boxes
for the usual decisions, a ruled box for the decision, the members to tick
as not present, and a form for questions and orders. Items whose decision is
already entered are left out (the front page says which). Closed items are
printed in full, as the protocol is internal, but marked as closed.
"""

from __future__ import annotations

from exporters import danish
from exporters.blocks import (
    Block,
    Chapter,
    Document,
    FormColumn,
    FormTable,
    FrontPage,
    Para,
    Run,
    SectionHeading,
    TickBoxes,
    WritingBox,
)
from exporters.house_style import HouseStyle
from exporters.items import CLOSED_MARK, RECOMMENDATION
from exporters.markup import clean_line, markdown_blocks

KIND = "Protokol"
SECRETARY = "sekretær"
DECISION_LINES = 7
QUESTION_ROWS = 3
# What the scanner reads (scanning/): the keys of the boxes, in the layout the PDF records.
DECISION_KEY = "decision:"
ABSENT_KEY = "absent:"
ATTEND_ABSENT_KEY = "attend_absent:"
WRITTEN_KEY = "written"
QUESTIONS_KEY = "questions"
ATTENDANCE = [
    FormColumn("Medlem", 0.33),
    FormColumn("Til stede", 0.16, "box"),
    FormColumn("Fraværende", 0.19, "box", key="attend_absent"),
    FormColumn("Stedfortræder", 0.32, "blank"),
]
QUESTIONS = [
    FormColumn("Spørgsmål eller bestilling", 0.52, "blank"),
    FormColumn("Stillet af", 0.24, "blank"),
    FormColumn("Besvares af", 0.24, "blank"),
]


def build_protocol(meeting) -> Document:
    """The protocol of `meeting`: the items without a decision, to be written on by hand."""
    committee = meeting.committee
    name = clean_line(committee.name)
    meeting_mark = f"{clean_line(committee.short_name) or name} {danish.short_date(meeting.date)}"
    title = f"{KIND} {name} d. {meeting.date:%d-%m-%Y}"
    doc = Document(
        kind=KIND, public=False, organisation=clean_line(committee.organisation), committee=name,
        title=title, header=f"{KIND} · {meeting_mark}", front=None, chapters=[],
        with_toc=False, keywords=[KIND, name, f"{meeting.date:%Y-%m-%d}"],
        page_mark=meeting_mark, large_print=True, scan_meeting=meeting.ext_id,
    )
    members = _members(meeting)
    phrases = _phrases(committee)
    left_out = []
    for index, item in enumerate(meeting.items, start=1):
        if item.decision is not None:
            left_out.append(item)
            continue
        doc.chapters.append(_item_chapter(item, f"punkt_{index}", members, phrases))
    doc.front = _front(meeting, doc, members, left_out)
    return doc


def _front(meeting, doc: Document, members, left_out) -> FrontPage:
    rows = [("Mødedato", [danish.meeting_when(meeting.date, meeting.start, meeting.end)])]
    if meeting.location:
        rows.append(("Mødested", [clean_line(meeting.location)]))
    printed = len(doc.chapters)
    rows.append(("Punkter", [f"{printed} {'punkt' if printed == 1 else 'punkter'} "
                             "uden beslutning er med i protokollen."]))
    if left_out:
        numbers = _and_list([str(item.number) for item in left_out])
        word = "punkt" if len(left_out) == 1 else "punkter"
        rows.append(("Udeladt", [f"{len(left_out)} {word} har allerede en beslutning og er "
                                 f"ikke med: {word} {numbers}."]))
    blocks: list[Block] = [SectionHeading("Fremmøde")]
    form_rows = [[f"{label} ({note})" if note else label, "", "", stand_in]
                 for label, note, stand_in, _ in members]
    blocks.append(FormTable(ATTENDANCE, form_rows, blank_rows=2,
                            row_keys=[key for *_, key in members]))
    blocks.append(Para([Run("Sæt kryds ved hvert medlem. Skriv stedfortræderens navn ud for "
                            "det medlem, der er fraværende; tomme rækker er til øvrige "
                            "deltagere.")], "meta"))
    return FrontPage(doc.organisation, doc.committee, KIND, doc.title, rows, blocks)


def _item_chapter(item, anchor: str, members, phrases: list[str]) -> Chapter:
    heading, _ = HouseStyle(item.meeting.committee.style).headings(
        item, clean_line(item.title), hidden=False)
    if item.closed:
        heading = f"{heading} {CLOSED_MARK}"
    chapter = Chapter(anchor, heading, mark=f"Punkt {item.number}", scan_item=item.ext_id)
    meta = []
    if item.effective_journal_number:
        meta.append(f"Sagsnr.: {clean_line(item.effective_journal_number)}")
    if item.presenters:
        meta.append(f"Fremlægges af: {clean_line(item.presenters)}")
    if item.closed:
        meta.append("Lukket punkt: må ikke offentliggøres.")
    chapter.blocks += [Para([Run(line)], "meta") for line in meta]
    recommendation: list[Block] = []
    for section in item.sections:
        if clean_line(section.heading).lower() == RECOMMENDATION:
            recommendation += markdown_blocks(section.text)
    chapter.blocks.append(SectionHeading("Indstilling"))
    chapter.blocks += recommendation or [Para([Run("Punktet har ingen indstilling.",
                                                   italic=True)])]
    chapter.blocks += [
        SectionHeading("Beslutning"),
        TickBoxes(phrases, columns=3, keys=[f"{DECISION_KEY}{p}" for p in phrases]),
        WritingBox(DECISION_LINES, key=WRITTEN_KEY),
        SectionHeading("Ikke til stede under punktet"),
        TickBoxes([label for label, *_ in members], columns=2,
                  keys=[f"{ABSENT_KEY}{key}" for *_, key in members]),
        SectionHeading("Spørgsmål og bestillinger"),
        FormTable(QUESTIONS, [], blank_rows=QUESTION_ROWS, row_lines=1.5, key=QUESTIONS_KEY),
    ]
    return chapter


def _members(meeting) -> list[tuple[str, str, str, str]]:
    """(name, note, stand-in, member id) of every member who takes part, the meeting's
    attendance first; a known absence (afbud) and its stand-in are printed, the boxes are
    left to the pen."""
    rows = []
    listed = set()
    for row in meeting.attendance:
        listed.add(row.member_id)
        if row.member.role == SECRETARY:
            continue
        note, stand_in = "", ""
        if row.status != "present":
            note = "afbud meldt"
            if row.substitute_member is not None:
                stand_in = danish.name(row.substitute_member)
            else:
                stand_in = clean_line(row.substitute)
        rows.append((danish.name(row.member), note, stand_in, row.member.ext_id))
    for member in meeting.committee.members:
        if member.id not in listed and member.role != SECRETARY:
            rows.append((danish.name(member), "", "", member.ext_id))
    return rows


def _phrases(committee) -> list[str]:
    """The committee's standard decisions, as boxes: "Godkendt", "Indstillingen godkendt"."""
    from model.decision_phrases import DEFAULT_PHRASES

    own = [clean_line(p) for p in committee.decision_phrases or [] if clean_line(p)]
    return [p.rstrip(".") for p in own or DEFAULT_PHRASES]


def _and_list(words: list[str]) -> str:
    """'1, 2 og 5'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} og {words[-1]}"
