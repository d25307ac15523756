"""A stand-in's seat is no longer marked absent on every item

Before model/roster.py, the decision entry filled every item's absence with the
members who were away all meeting, stand-ins' seats included. A seat's mark now
means the stand-in in it (a typed stand-in has no member id of its own), so those
marks would print the stand-in as absent. Where a substituted seat is marked
absent on every decided item of an unsigned meeting, that was the old default
and the marks go. Signed meetings are sealed and left as signed.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SEATS = sa.text(
    "SELECT a.meeting_id, a.member_id FROM attendance a JOIN meetings m ON m.id = a.meeting_id "
    "WHERE a.status = 'substituted' AND m.status <> 'signed'"
)
# The decisions of one meeting, as the three statements below need them.
_OF_MEETING = (
    "SELECT d.id FROM decisions d JOIN items i ON i.id = d.item_id WHERE i.meeting_id = :meeting"
)
DECISIONS = sa.text(_OF_MEETING)
MARKED = sa.text(
    "SELECT DISTINCT decision_id FROM decision_members "
    f"WHERE kind = 'absent' AND member_id = :member AND decision_id IN ({_OF_MEETING})"
)
UNMARK = sa.text(
    "DELETE FROM decision_members "
    f"WHERE kind = 'absent' AND member_id = :member AND decision_id IN ({_OF_MEETING})"
)


def upgrade() -> None:
    bind = op.get_bind()
    for meeting, member in bind.execute(SEATS).all():
        decided = {row[0] for row in bind.execute(DECISIONS, {"meeting": meeting})}
        marked = {row[0] for row in bind.execute(MARKED, {"meeting": meeting, "member": member})}
        if decided and marked == decided:
            bind.execute(UNMARK, {"meeting": meeting, "member": member})


def downgrade() -> None:
    pass  # the old default is not worth restoring
