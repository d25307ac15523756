"""A committee's standard items (Godkendelse af dagsorden, Evt. ...) for new meetings

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.add_column(
            sa.Column("standard_items", sa.JSON(), nullable=False, server_default="[]")
        )


def downgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.drop_column("standard_items")
