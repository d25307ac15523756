"""Questions and orders (spørgsmål og bestillinger) as the referat prints them under their
item: the question, who asked it, and who answers it by when.

The answer is not printed: it usually comes after the meeting, and a signed referat
must read as it was signed (model/sealing), so answers belong to the follow-up list
(exporters/follow_up_list.py), which shows them as they stand.

In the order they were raised. A committee may leave them out of its minutes
(`Committee.follow_ups_in_minutes`); a closed item's never reach a public document,
since exporters/items.py returns before the content of a hidden item is built.
"""

from __future__ import annotations

from exporters import danish
from exporters.blocks import Block, Para, Run, SectionHeading
from exporters.markup import clean, clean_line, plain_blocks

HEADING = "Spørgsmål og bestillinger"


def follow_up_blocks(item) -> list[Block]:
    """The item's questions and orders, or nothing when there are none or the committee
    leaves them out of its minutes."""
    if not item.meeting.committee.prints_follow_ups:
        return []
    entries = [f for f in item.follow_ups if clean(f.text).strip()]
    if not entries:
        return []
    blocks: list[Block] = [SectionHeading(HEADING)]
    for follow_up in entries:
        blocks += _entry(follow_up)
    return blocks


def _entry(follow_up) -> list[Block]:
    blocks: list[Block] = []
    asked_by = clean_line(follow_up.asked_by)
    if asked_by:
        blocks.append(Para([Run(f"Stillet af {asked_by}:", bold=True)], "lead"))
    blocks += plain_blocks(follow_up.text)
    answers = answer_line(clean_line(follow_up.responsible), follow_up.due)
    if answers:
        blocks.append(Para([Run(answers, italic=True)]))
    return blocks


def answer_line(responsible: str, due) -> str:
    """'Besvares af Centerchefen senest 1. oktober 2026.', or less when less is known."""
    if not responsible and due is None:
        return ""
    text = "Besvares"
    if responsible:
        text += f" af {responsible}"
    if due is not None:
        text += f" senest {danish.long_date(due)}"
    return text + "."
