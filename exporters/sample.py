"""A made-up item as a committee's house style prints it: the Husstil tab's preview.

The item is built of unsaved entities, so it goes through exactly the code that
prints real minutes (exporters/items.py) and never touches the archive.
"""

from __future__ import annotations

import datetime as dt

from exporters.blocks import Chapter
from model.entities import (
    Attachment,
    Attendance,
    Committee,
    Decision,
    DecisionMember,
    FollowUp,
    Item,
    Meeting,
    Member,
    PriorDecision,
    Section,
)


def sample_chapter(style: dict | None, committee_name: str = "",
                   decision_placement: str = "end") -> Chapter:
    """Item 12 of a meeting on Monday 6 January 2020, with every field a style can print."""
    from exporters.items import item_chapter

    committee = Committee(name=committee_name.strip() or "Økonomiudvalget", style=style,
                          decision_placement=decision_placement)
    absent, stand_in, inhabil = (
        Member(name=name, party=party, committee=committee)
        for name, party in (("Anne Holm", "V"), ("Bo Lund", "A"), ("Dorte Friis", "C"))
    )
    meeting = Meeting(committee=committee, date=dt.date(2020, 1, 6))
    meeting.attendance.append(Attendance(member=stand_in, status="substituted",
                                         substitute="Carl Berg (A)"))
    item = Item(meeting=meeting, number=12, title="Tillidskodeks", closed=False,
                journal_number="00.01.00-A00-1-20", presenters="Jan, Tine og Ida",
                time_slot="9.00-10.00", extra={"brevid": "4228764"})
    item.sections += [
        Section(heading="Sagsfremstilling", text="Udvalget drøfter forslaget til tillidskodeks."),
        Section(heading="Indstilling", text="Direktionen indstiller, at kodekset godkendes."),
    ]
    item.prior_decisions.append(PriorDecision(body="Direktionen", date=dt.date(2019, 12, 16),
                                              item_number="4", text="Anbefales."))
    decision = Decision(text="Godkendt.", postponed=False, votes_recorded=False)
    decision.member_marks += [DecisionMember(member=absent, kind="absent"),
                              DecisionMember(member=inhabil, kind="not_participating")]
    item.decision = decision
    item.attachments += [Attachment(title="Forslag til tillidskodeks", closed=False),
                         Attachment(title="Høringssvar", closed=False)]
    item.follow_ups.append(FollowUp(text="Hvordan følges kodekset op i udvalgene?",
                                    asked_by="Anne Holm (V)", responsible="Kommunaldirektøren",
                                    due=dt.date(2020, 2, 3), status="open"))
    return item_chapter(item, "punkt_12", with_decision=True, public=False)
