"""Meetings found by committee and date from one index

The window's tree lists a committee's years and the meetings of a year. With an
index on the committee alone, SQLite read every meeting row of the committee
(with its sealed record beside it) to learn its date: 6 ms of a 200-item
meeting's opening in a 100,000-item archive. The index on (committee, date)
answers both from the index, and serves every lookup by committee alone too.

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-29
"""

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_meetings_committee_id_date", "meetings", ["committee_id", "date"])
    op.drop_index("ix_meetings_committee_id", table_name="meetings")


def downgrade() -> None:
    op.create_index("ix_meetings_committee_id", "meetings", ["committee_id"])
    op.drop_index("ix_meetings_committee_id_date", table_name="meetings")
