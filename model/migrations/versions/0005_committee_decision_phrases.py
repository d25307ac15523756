"""A committee's own standard decision phrases, for entering decisions by key

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.add_column(sa.Column("decision_phrases", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.drop_column("decision_phrases")
