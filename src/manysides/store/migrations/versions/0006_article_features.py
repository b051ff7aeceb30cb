"""Story features computed at ingest (on a worker, or in the ingest process) for articles not yet in a story.

Story assignment reads them instead of re-embedding, and removes each row when its article joins a story (the
features then live in `article_stories`). Portable types only: applies on SQLite and PostgreSQL alike.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "article_features",
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("features", sa.LargeBinary(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("article_features")
