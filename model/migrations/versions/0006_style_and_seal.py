"""A committee's house style, and the seal a signed meeting came in with

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.add_column(sa.Column("style", sa.JSON(), nullable=True))
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("sealed_at", sa.String(40), nullable=True))
        batch_op.add_column(sa.Column("sealed_sha256", sa.String(64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("sealed_sha256")
        batch_op.drop_column("sealed_at")
    with op.batch_alter_table("committees") as batch_op:
        batch_op.drop_column("style")
