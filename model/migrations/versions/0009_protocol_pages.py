"""Where the boxes of each printed protocol page are, for reading a scan back

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "protocol_pages",
        sa.Column("digest", sa.String(32), nullable=False),
        sa.Column("meeting", sa.String(200), nullable=False),
        sa.Column("item", sa.String(200), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("boxes", sa.JSON(), nullable=False),
        sa.Column("page_width", sa.Float(), nullable=False),
        sa.Column("page_height", sa.Float(), nullable=False),
        sa.Column("printed_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_protocol_pages")),
    )
    op.create_index(op.f("ix_protocol_pages_meeting"), "protocol_pages", ["meeting"])


def downgrade() -> None:
    op.drop_index(op.f("ix_protocol_pages_meeting"), table_name="protocol_pages")
    op.drop_table("protocol_pages")
