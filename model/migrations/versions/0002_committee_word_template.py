"""A committee's own Word template, kept in the archive

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.add_column(sa.Column("word_template_name", sa.String(length=255), nullable=True))
        batch_op.add_column(sa.Column("word_template", sa.LargeBinary(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("committees") as batch_op:
        batch_op.drop_column("word_template")
        batch_op.drop_column("word_template_name")
