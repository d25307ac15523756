"""What an item asks of the meeting: a decision, and room for a vote.

Two rules, both read from the item's title so that they need no setting:

- An item *takes no decision* when it is the signing of the minutes
  (Underskriftsark and the like): the members sign, nobody decides. Such
  an item gets no decision boxes on the paper protocol.
- The meeting *may vote* on every item that takes a decision and is not a
  standard item (approving the agenda, announcements, any other business,
  or one of the committee's own standard items). Every committee can be
  called to vote on a case, so the protocol leaves room for it there; a
  setting per committee would be one more thing a secretary must keep right.
"""

from __future__ import annotations

from model.entities import Item

# Compared titles (casefolded, spaces collapsed) of items that take no decision.
NO_DECISION = frozenset({
    "underskriftsark",
    "underskrift",
    "underskrifter",
    "underskrift af protokol",
    "underskrift af beslutningsprotokol",
    "underskrivning af protokol",
    "underskrivning af beslutningsprotokol",
})
# The usual standard items, as agendas title them, besides the committee's own.
USUAL = frozenset({
    "godkendelse af dagsorden",
    "dagsorden - godkendelse",
    "dagsorden – godkendelse",
    "godkendelse af dagsordenen",
    "meddelelser",
    "orientering",
    "orienteringer",
    "eventuelt",
}) | NO_DECISION


def compared(title: str) -> str:
    """A title as standard items are compared: case and spacing do not count."""
    return " ".join((title or "").split()).casefold()


def takes_decision(item: Item) -> bool:
    """False for an item on which nothing is decided (the Underskriftsark)."""
    return compared(item.title) not in NO_DECISION


def is_standard(item: Item) -> bool:
    """Whether the item is one of the committee's standard items or a usual one."""
    title = compared(item.title)
    own = {compared(s.get("title", "")) for s in item.meeting.committee.standard_items or []}
    return title in USUAL or title in own


def may_vote(item: Item) -> bool:
    """Whether the protocol leaves room to write a vote (for, imod, undlod) for the item."""
    return takes_decision(item) and not is_standard(item)
