"""Whether a committee's referat prints the questions and orders under their item

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # A plain ADD COLUMN, not a batch: SQLite's batch copies the table and drops the old
    # one, and dropping committees deletes their meetings, which the seal's triggers refuse
    # for a signed meeting (the upgrade of every archive with one failed).
    op.add_column(
        "committees",
        sa.Column("follow_ups_in_minutes", sa.Boolean(), nullable=False, server_default=sa.true()),
    )


def downgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.drop_column("follow_ups_in_minutes")
