"""Feed watching (sources with their schedule, entries already seen) and outlet profiles (profiles, what finds
them, their labels, and whose coverage each article counts as).

Only portable types, so it applies on SQLite and PostgreSQL alike; times are naive UTC.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watch_sources",
        sa.Column("name", sa.String(300), primary_key=True),
        sa.Column("url", sa.Text(), nullable=False),
        sa.Column("outlet", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("interval", sa.Integer(), nullable=False),
        sa.Column("min_interval", sa.Integer(), nullable=False),
        sa.Column("max_interval", sa.Integer(), nullable=False),
        sa.Column("next_fetch", sa.DateTime(), nullable=False),
        sa.Column("etag", sa.String(400)),
        sa.Column("last_modified", sa.String(100)),
        sa.Column("body_sha256", sa.String(64)),
        sa.Column("last_fetch", sa.DateTime()),
        sa.Column("last_success", sa.DateTime()),
        sa.Column("last_error", sa.Text()),
        sa.Column("last_error_at", sa.DateTime()),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("failure_weight", sa.Float(), nullable=False),
        sa.Column("disabled", sa.Boolean(), nullable=False),
        sa.Column("disabled_reason", sa.Text()),
        sa.Column("polls", sa.Integer(), nullable=False),
        sa.Column("not_modified", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
    )
    op.create_index("ix_watch_sources_next_fetch", "watch_sources", ["next_fetch"])
    op.create_table(
        "watch_entries",
        sa.Column("source", sa.String(300), sa.ForeignKey("watch_sources.name", ondelete="CASCADE"), primary_key=True),
        sa.Column("entry_key", sa.String(64), primary_key=True),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "outlet_profiles",
        sa.Column("name", sa.String(300), primary_key=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("domains", sa.JSON(), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("country", sa.String(100)),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("owner", sa.String(300)),
        sa.Column("kind", sa.String(100)),
        sa.Column("labels", sa.JSON(), nullable=False),
    )
    op.create_table(
        "outlet_matches",
        sa.Column("match", sa.String(320), primary_key=True),
        sa.Column("outlet", sa.String(300), sa.ForeignKey("outlet_profiles.name", ondelete="CASCADE"), nullable=False),
    )
    op.create_index("ix_outlet_matches_outlet", "outlet_matches", ["outlet"])
    op.create_table(
        "outlet_labels",
        sa.Column(
            "outlet", sa.String(300), sa.ForeignKey("outlet_profiles.name", ondelete="CASCADE"), primary_key=True
        ),
        sa.Column("key", sa.String(100), primary_key=True),
        sa.Column("value", sa.String(300), primary_key=True),
    )
    op.create_index("ix_outlet_labels_key_value", "outlet_labels", ["key", "value", "outlet"])
    op.create_table(
        "article_outlets",
        sa.Column("article_id", sa.String(200), sa.ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
        sa.Column("outlet", sa.String(300)),
        sa.Column("republished_by", sa.String(300)),
    )
    op.create_index("ix_article_outlets_outlet", "article_outlets", ["outlet"])


def downgrade() -> None:
    for table in ("article_outlets", "outlet_labels", "outlet_matches", "outlet_profiles", "watch_entries"):
        op.drop_table(table)
    op.drop_table("watch_sources")
