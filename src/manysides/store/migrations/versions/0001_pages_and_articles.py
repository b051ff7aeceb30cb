"""Pages (raw, compressed) and the articles extracted from them.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("path", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("content_type", sa.Text()),
        sa.Column("captured", sa.String(40)),
        sa.Column("given", sa.JSON(), nullable=False),
        sa.Column("feed_entry", sa.Boolean(), nullable=False),
        sa.Column("raw", sa.LargeBinary(), nullable=False),
        sa.Column("raw_size", sa.Integer(), nullable=False),
        sa.Column("raw_sha256", sa.String(64), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_pages_raw_sha256", "pages", ["raw_sha256"], unique=True)
    op.create_table(
        "articles",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("page_id", sa.Integer(), sa.ForeignKey("pages.id", ondelete="CASCADE"), nullable=False),
        sa.Column("path", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("outlet", sa.String(300)),
        sa.Column("title", sa.Text()),
        sa.Column("subtitle", sa.Text()),
        sa.Column("authors", sa.JSON(), nullable=False),
        sa.Column("published", sa.String(40)),
        sa.Column("published_utc", sa.DateTime()),
        sa.Column("language", sa.String(16)),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("captions", sa.JSON(), nullable=False),
        sa.Column("cited_sources", sa.JSON(), nullable=False),
        sa.Column("republished_from", sa.Text()),
        sa.Column("canonical_url", sa.Text()),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("method", sa.String(16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("captured", sa.String(40)),
        sa.Column("extracted_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("extractor_version", sa.String(40), nullable=False),
        sa.UniqueConstraint("page_id", name="uq_articles_page_id"),
    )
    for column in ("url", "outlet", "published_utc", "canonical_url", "content_hash"):
        op.create_index(f"ix_articles_{column}", "articles", [column])


def downgrade() -> None:
    op.drop_table("articles")
    op.drop_table("pages")
