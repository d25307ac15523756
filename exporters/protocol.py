"""The paper protocol: what the chef takes into the meeting and writes the decisions in.

A front page with the meeting and an attendance form, then every item that
still lacks a decision on a page of its own: the Indstilling in full, boxes
for the usual decisions, a ruled box for the decision, room for a vote where
one may be taken, those taking part to tick as not present, and a form for
questions and orders. The ruled box gives way before anything moves to a
second page (blocks.PageFill). Items whose decision is already entered, and
items that take no decision (the Underskriftsark, model/standard_items.py),
get no page (the front page says which). Closed items are printed in full,
as the protocol is internal, but marked as closed.

Every box has a key for reading the paper back (pdf_forms.Placed):
"present:<member id>" and "absent:<member id>" on the front page,
"decision:<label>", "absent:<member id>", the ruled box "decision" and the
forms "votes" and "questions" on an item's page. A typed stand-in, who has
no member id, is keyed on an item's page by the id of the seat he fills, as
decisions mark him (model/roster.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from exporters import danish
from exporters.blocks import (
    Block,
    Chapter,
    Document,
    FormColumn,
    FormTable,
    FrontPage,
    PageFill,
    Para,
    Run,
    SectionHeading,
    TickBoxes,
    WritingBox,
)
from exporters.house_style import HouseStyle
from exporters.items import CLOSED_MARK, RECOMMENDATION
from exporters.markup import clean_line, markdown_blocks
from model import roster
from model.standard_items import may_vote, takes_decision

KIND = "Protokol"
DECISION_LINES = 7  # the ruled box at its most
FEWEST_LINES = 3  # and what it gives way to before the item's page runs over
QUESTION_ROWS = 3
QUESTIONS_KEY = "questions"  # the question form, whose scan is shown beside the decision
QUESTION_LINES = 1.2  # a row: a handwritten line and some
ATTENDANCE = [
    FormColumn("Medlem", 0.37),
    FormColumn("Til stede", 0.15, "box", key="present"),
    FormColumn("Fraværende", 0.18, "box", key="absent"),
    FormColumn("Stedfortræder", 0.30, "blank"),
]
# The vote as practice words it ("For stemte 5 (A, V), imod stemte 2 (Ø), undlod at stemme
# 1 (C)"): the column headings say it, so the form needs no heading of its own.
VOTES = [
    FormColumn("Stemte for", 1 / 3, "blank"),
    FormColumn("Stemte imod", 1 / 3, "blank"),
    FormColumn("Undlod at stemme", 1 / 3, "blank"),
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
    left_out, no_decision = [], []
    for index, item in enumerate(meeting.items, start=1):
        if item.decision is not None:
            left_out.append(item)
        elif not takes_decision(item):
            no_decision.append(item)
        else:
            doc.chapters.append(_item_chapter(item, f"punkt_{index}", members, phrases))
    doc.front = _front(meeting, doc, members, left_out, no_decision)
    return doc


def _front(meeting, doc: Document, members: list[Seat], left_out, no_decision) -> FrontPage:
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
    if no_decision:
        names = _and_list([f"{item.number} ({clean_line(item.title)})" for item in no_decision])
        word = "punkt" if len(no_decision) == 1 else "punkter"
        rows.append(("Uden beslutning", [f"Der træffes ingen beslutning under {word} {names}."]))
    blocks: list[Block] = [SectionHeading("Fremmøde")]
    seats = [seat for seat in members if seat.member_key]
    form_rows = [[f"{seat.name} ({seat.note})" if seat.note else seat.name, "", "",
                  seat.stand_in] for seat in seats]
    blocks.append(FormTable(ATTENDANCE, form_rows, blank_rows=2,
                            row_keys=[seat.member_key for seat in seats]))
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
    decision: list[Block] = [
        SectionHeading("Beslutning"),
        TickBoxes(phrases, columns=3, keys=[f"decision:{p}" for p in phrases]),
        WritingBox(DECISION_LINES, fewest=FEWEST_LINES, key="decision"),
    ]
    if may_vote(item):
        decision.append(FormTable(VOTES, [], blank_rows=1, row_lines=1.2, key="votes"))
    taking_part = [seat for seat in members if seat.takes_part]
    chapter.blocks.append(PageFill([
        decision,
        [SectionHeading("Ikke til stede under punktet"),
         TickBoxes([seat.taking_part for seat in taking_part], columns=2,
                   keys=[f"absent:{seat.taking_part_key}" for seat in taking_part])],
        [SectionHeading("Spørgsmål og bestillinger"),
         FormTable(QUESTIONS, [], blank_rows=QUESTION_ROWS, row_lines=QUESTION_LINES,
                   key=QUESTIONS_KEY)],
    ]))
    return chapter


@dataclass(frozen=True)
class Seat:
    """A member's place at the meeting: who holds it, and who takes part in it."""

    name: str  # the member, as printed
    note: str  # "afbud meldt"
    stand_in: str  # the stand-in's name, when an absence is known
    member_key: str  # the member's id; empty for a seat that is not a member's
    taking_part: str  # the name under "Ikke til stede under punktet"
    taking_part_key: str

    @property
    def takes_part(self) -> bool:
        return bool(self.taking_part)


def _members(meeting) -> list[Seat]:
    """Every seat in the committee's order (model.roster: a suppleant only where they
    stand in). A known absence (afbud) and its stand-in are printed, the boxes left to
    the pen; the stand-in takes the member's place in the items' lists."""
    seats = []
    for person in roster.people(meeting):
        key = person.seat.ext_id
        member = danish.name(person.seat)
        if not person.stand_in:
            note = "afbud meldt" if person.away else ""
            seats.append(Seat(member, note, "", key, member, key))
            continue
        stand_in = danish.name(person)
        # A stand-in typed as a name is marked in decisions by the seat's id (`marked_as`).
        seats.append(Seat(member, "afbud meldt", stand_in, key, stand_in,
                          person.marked_as.ext_id))
    return seats


def _phrases(committee) -> list[str]:
    """The committee's standard decisions, as boxes: "Godkendt", "Indstillingen godkendt"."""
    from model.decision_phrases import DEFAULT_PHRASES

    own = [clean_line(p) for p in committee.decision_phrases or [] if clean_line(p)]
    return [p.rstrip(".") for p in own or DEFAULT_PHRASES]


def _and_list(words: list[str]) -> str:
    """'1, 2 og 5'."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} og {words[-1]}"
