"""One agenda item as printed: sections, prior decisions, the decision, bilag.

Every rule of what an item shows lives here, including what a public
document withholds of a closed item.
"""

from __future__ import annotations

import datetime as dt

from exporters import danish
from exporters.blocks import Block, Chapter, ListBlock, ListEntry, Para, Run, SectionHeading
from exporters.house_style import HouseStyle
from exporters.item_follow_ups import follow_up_blocks
from exporters.markup import clean_line, markdown_blocks
from model import roster

RECOMMENDATION = "indstilling"
CLOSED_MARK = "(Lukket punkt)"
VOTE_WORDS = (("for", "for stemte"), ("against", "imod stemte"), ("abstain", "undlod at stemme"))


def item_chapter(item, anchor: str, *, with_decision: bool, public: bool) -> Chapter:
    """The chapter of one item in a referat (with_decision) or a dagsorden."""
    committee = item.meeting.committee
    look = HouseStyle(committee.style)
    hidden = public and item.closed
    title = clean_line(item.public_title or item.title) if hidden else clean_line(item.title)
    heading, toc = look.headings(item, title, hidden)
    if item.closed:
        heading, toc = f"{heading} {CLOSED_MARK}", f"{toc} {CLOSED_MARK}"
    chapter = Chapter(anchor, heading, toc=toc)
    if hidden:
        # Number, public title and the publishable part of the decision; nothing else.
        decision = item.decision
        if with_decision and decision is not None and (decision.public_text or "").strip():
            chapter.blocks += [*_heading(look.decision_heading(item)),
                               *markdown_blocks(decision.public_text)]
        return chapter

    chapter.blocks += [Para([Run(line)], "meta") for line in look.lines(item)]
    attachments = _attachments(item, public, look)
    if look.attachments_after_heading:
        chapter.blocks += attachments
        attachments = []
    tail = _prior_decisions(item, look)
    if with_decision and item.decision is not None:
        tail += _decision(item, look)
    if with_decision:
        tail += follow_up_blocks(item)
    # Stevns prints Beslutning right after Indstilling; Faxe and most others last.
    after_recommendation = committee.decision_placement == "after_recommendation"
    placed = False
    for section in item.sections:
        heading_text = clean_line(section.heading)
        body = markdown_blocks(section.text)
        if body:  # an empty heading says nothing and takes a line
            chapter.blocks += [SectionHeading(heading_text), *body]
        if after_recommendation and not placed and heading_text.lower() == RECOMMENDATION:
            chapter.blocks += tail
            placed = True
    if not placed:
        chapter.blocks += tail
    chapter.blocks += attachments
    return chapter


def _heading(text: str) -> list[Block]:
    """A section heading, or nothing when the style's template prints nothing."""
    return [SectionHeading(text)] if text else []


def _prior_decisions(item, look: HouseStyle) -> list[Block]:
    """'Direktionen, 17. august 2020, pkt. 4:' then the text, oldest first."""
    ordered = sorted(item.prior_decisions, key=lambda p: (p.date or dt.date.max, p.position))
    blocks: list[Block] = []
    for prior in ordered:
        heading = look.prior_decision_heading(prior)
        if heading:
            blocks.append(Para([Run(heading, bold=True)], "lead"))
        blocks += markdown_blocks(prior.text)
    return blocks


def _decision(item, look: HouseStyle) -> list[Block]:
    decision = item.decision
    meeting = item.meeting

    def marked(kind: str) -> list:  # a seat a typed stand-in fills is the stand-in
        return roster.named(meeting, decision.members_marked(kind))

    members = [
        Para([Run(line)])
        for line in (look.members_line("absence", item, marked("absent")),
                     look.members_line("not_participating", item, marked("not_participating")))
        if line
    ]
    blocks: list[Block] = _heading(look.decision_heading(item))
    if not look.absence_after:
        blocks += members
    blocks += markdown_blocks(decision.text)
    if decision.votes_recorded:
        line = danish.vote_line([(words, marked(kind)) for kind, words in VOTE_WORDS])
        if line:
            blocks.append(Para([Run(line)]))
    if decision.postponed and not _mentions_postponed(decision.text):
        blocks.append(Para([Run("Punktet blev udsat.", italic=True)]))
    if look.absence_after:
        blocks += members
    blocks += [Para([Run(line)]) for line in look.substitute_lines(item.meeting)]
    for note in decision.minority_notes:
        who = danish.name(roster.named(meeting, [note.member])[0])
        blocks.append(Para([Run(f"Protokoltilførsel fra {who}:", bold=True)], "lead"))
        blocks += markdown_blocks(note.text)
    for correction in sorted(decision.corrections, key=lambda c: (c.date, c.position)):
        when = danish.long_date(correction.date)
        blocks.append(Para([Run(f"Tilføjet d. {when}:", bold=True)], "lead"))
        blocks += markdown_blocks(correction.text)
    return blocks


def _mentions_postponed(text: str | None) -> bool:
    lowered = (text or "").lower()
    return "udsat" in lowered or "udsæt" in lowered


def public_attachments(item) -> list:
    """The bilag a public document may show and hand out: open bilag of an open item."""
    return [] if item.closed else [a for a in item.attachments if not a.closed]


def _attachments(item, public: bool, look: HouseStyle) -> list[Block]:
    from model.attachments import label

    # Numbered as in the editor, so the public version's "Bilag 3" is the same bilag.
    allowed = public_attachments(item) if public else item.attachments
    shown = [(n, a) for n, a in enumerate(item.attachments, start=1) if a in allowed]
    if not shown:
        return []
    entries = []
    for number, attachment in shown:
        title = label(number, clean_line(attachment.title) or clean_line(attachment.filename))
        if attachment.closed:
            title += " (Lukket bilag)"
        entries.append(ListEntry("•", [Run(title)]))
    return [*_heading(look.attachments_heading(item)), ListBlock(entries, keep=True)]
