"""Where the boxes of each printed protocol page are, and what scans of them propose

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
    op.create_table(
        "scan_proposals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=True),
        sa.Column("ticked", sa.JSON(), nullable=False),
        sa.Column("absent", sa.JSON(), nullable=False),
        sa.Column("written", sa.Boolean(), nullable=False),
        sa.Column("decision_image", sa.LargeBinary(), nullable=True),
        sa.Column("questions_image", sa.LargeBinary(), nullable=True),
        sa.Column("votes_image", sa.LargeBinary(), nullable=True),
        sa.Column("source", sa.String(1000), nullable=False),
        sa.Column("scanned_at", sa.String(40), nullable=False),
        sa.ForeignKeyConstraint(["meeting_id"], ["meetings.id"], ondelete="CASCADE",
                                name=op.f("fk_scan_proposals_meeting_id_meetings")),
        sa.ForeignKeyConstraint(["item_id"], ["items.id"], ondelete="CASCADE",
                                name=op.f("fk_scan_proposals_item_id_items")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_scan_proposals")),
        sa.UniqueConstraint("meeting_id", "item_id", name=op.f("uq_scan_proposals_meeting_id")),
    )


def downgrade() -> None:
    op.drop_table("scan_proposals")
    op.drop_index(op.f("ix_protocol_pages_meeting"), table_name="protocol_pages")
    op.drop_table("protocol_pages")
