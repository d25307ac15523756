"""One agenda item as printed: sections, prior decisions, the decision, bilag.

Every rule of what an item shows lives here, including what a public
document withholds of a closed item.
"""

from __future__ import annotations

import datetime as dt

from exporters import danish
from exporters.blocks import Block, Chapter, ListBlock, ListEntry, Para, Run, SectionHeading
from exporters.markup import clean_line, markdown_blocks

RECOMMENDATION = "indstilling"
CLOSED_MARK = "(Lukket punkt)"


def item_chapter(item, anchor: str, *, with_decision: bool, public: bool) -> Chapter:
    """The chapter of one item in a referat (with_decision) or a dagsorden."""
    committee = item.meeting.committee
    hidden = public and item.closed
    title = clean_line(item.public_title or item.title) if hidden else clean_line(item.title)
    heading = danish.item_heading(item.number, title, committee.numbering)
    if item.closed:
        heading = f"{heading} {CLOSED_MARK}"
    chapter = Chapter(anchor, heading)
    if hidden:
        # Number, public title and the publishable part of the decision; nothing else.
        decision = item.decision
        if with_decision and decision is not None and (decision.public_text or "").strip():
            chapter.blocks += [SectionHeading("Beslutning"), *markdown_blocks(decision.public_text)]
        return chapter

    chapter.blocks += _meta(item)
    tail = _prior_decisions(item)
    if with_decision and item.decision is not None:
        tail += _decision(item.decision)
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
    chapter.blocks += _attachments(item, public)
    return chapter


def _meta(item) -> list[Block]:
    lines = []
    if item.effective_journal_number:
        lines.append(("Sagsnr.", item.effective_journal_number))
    if item.time_slot:
        lines.append(("Tidspunkt", item.time_slot))
    if item.presenters:
        lines.append(("Fremlægges af", item.presenters))
    return [Para([Run(f"{label}: {clean_line(value)}")], "meta") for label, value in lines]


def _prior_decisions(item) -> list[Block]:
    """'Direktionen, 17. august 2020, pkt. 4:' then the text, oldest first."""
    ordered = sorted(item.prior_decisions, key=lambda p: (p.date or dt.date.max, p.position))
    blocks: list[Block] = []
    for prior in ordered:
        parts = [clean_line(prior.body)]
        if prior.date:
            parts.append(danish.long_date(prior.date))
        if prior.item_number:
            parts.append(f"pkt. {clean_line(prior.item_number)}")
        blocks.append(Para([Run(", ".join(p for p in parts if p) + ":", bold=True)], "lead"))
        blocks += markdown_blocks(prior.text)
    return blocks


def _decision(decision) -> list[Block]:
    blocks: list[Block] = [SectionHeading("Beslutning")]
    absent = decision.members_marked("absent")
    if absent:
        names = ", ".join(danish.name(m) for m in absent)
        blocks.append(Para([Run(f"Ikke til stede: {names}")]))
    not_participating = decision.members_marked("not_participating")
    if not_participating:
        names = ", ".join(danish.name(m) for m in not_participating)
        blocks.append(Para([Run(f"Deltog ikke i behandlingen: {names}")]))
    blocks += markdown_blocks(decision.text)
    if decision.votes_recorded:
        for kind, label in (("for", "For stemte"), ("against", "Imod stemte"),
                            ("abstain", "Undlod at stemme")):
            voters = decision.members_marked(kind)
            if voters:
                blocks.append(Para([Run(f"{label}: {danish.party_tally(voters)}")]))
    if decision.postponed and not _mentions_postponed(decision.text):
        blocks.append(Para([Run("Punktet blev udsat.", italic=True)]))
    for note in decision.minority_notes:
        who = danish.name(note.member)
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


def _attachments(item, public: bool) -> list[Block]:
    from model.attachments import label

    shown = [(n, a) for n, a in enumerate(item.attachments, start=1)
             if not (public and a.closed)]
    if not shown:
        return []
    entries = []
    for number, attachment in shown:
        title = label(number, clean_line(attachment.title) or clean_line(attachment.filename))
        if attachment.closed:
            title += " (Lukket bilag)"
        entries.append(ListEntry("•", [Run(title)]))
    return [SectionHeading("Bilag"), ListBlock(entries)]
