"""Story assignments: each article's story, what it duplicates, and its compact story features.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_stories",
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("story_id", sa.String(64), nullable=False),
        sa.Column("duplicate_of", sa.String(200)),
        sa.Column("features", sa.LargeBinary(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
    )
    op.create_index("ix_article_stories_story_id", "article_stories", ["story_id"])


def downgrade() -> None:
    op.drop_table("article_stories")
