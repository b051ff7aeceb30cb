"""Story summaries (the listing without reading articles), full-text search, and cached comparisons.

Summaries are derived data: `store/summaries.py` fills them when they are missing, so a database made before
this revision gets them on its first open. The search index is filled here, from the stored articles.

SQLite: an FTS5 table without its own copy of the text (`content=''`), kept in step by triggers on `articles`.
PostgreSQL: a GIN index on a tsvector expression with the 'simple' configuration (articles are in many
languages, so no stemming). Both index the title and the first 100,000 characters of the body: a tsvector holds
at most 1 MB, and an index expression that fails would refuse the article itself. `store/search.py` repeats
these expressions exactly; an index is only used for the expression it was built on.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-05
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

SEARCH_CHARS = 100_000
PG_DOCUMENT = f"to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || left(body, {SEARCH_CHARS}))"
SQLITE_VALUES = f"coalesce({{row}}.title, ''), substr({{row}}.body, 1, {SEARCH_CHARS})"


def upgrade() -> None:
    op.create_table(
        "story_summaries",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("first_published", sa.String(40)),
        sa.Column("last_published", sa.String(40)),
        sa.Column("first_utc", sa.DateTime()),
        sa.Column("last_utc", sa.DateTime()),
        sa.Column("undated", sa.Boolean(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("outlet_count", sa.Integer(), nullable=False),
        sa.Column("outlets", sa.JSON(), nullable=False),
        sa.Column("languages", sa.JSON(), nullable=False),
        sa.Column("articles_key", sa.String(64), nullable=False),
    )
    # the listing's order: dated first, newest first, then id (see Service.stories)
    op.create_index("ix_story_summaries_order", "story_summaries", ["undated", sa.text("last_utc DESC"), "story_id"])
    op.create_index("ix_story_summaries_first_utc", "story_summaries", ["first_utc"])
    op.create_table(
        "story_outlets",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("outlet", sa.String(300), primary_key=True),
        sa.Column("outlet_key", sa.String(300), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("alone", sa.Integer(), nullable=False),
    )
    op.create_index("ix_story_outlets_outlet_key", "story_outlets", ["outlet_key", "story_id"])
    op.create_index("ix_story_outlets_outlet", "story_outlets", ["outlet", "alone"])
    op.create_table(
        "story_languages",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("language", sa.String(16), primary_key=True),
    )
    op.create_index("ix_story_languages_language", "story_languages", ["language", "story_id"])
    op.create_table(
        "comparisons",
        sa.Column("story_id", sa.String(64), primary_key=True),
        sa.Column("articles_key", sa.String(64), nullable=False),
        sa.Column("engine_version", sa.String(40), nullable=False),
        sa.Column("report", sa.LargeBinary(), nullable=False),
        sa.Column("outlet_digest", sa.JSON(), nullable=False),
        sa.Column("computed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_index("ix_articles_outlet_published_utc", "articles", ["outlet", "published_utc"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute(f"CREATE INDEX ix_articles_search ON articles USING gin ({PG_DOCUMENT})")
    else:
        _sqlite_search()


def _sqlite_search() -> None:
    new, old = SQLITE_VALUES.format(row="new"), SQLITE_VALUES.format(row="old")
    op.execute(
        "CREATE VIRTUAL TABLE articles_search USING fts5(title, body, content='', "
        "tokenize='unicode61 remove_diacritics 2')"
    )
    insert = f"INSERT INTO articles_search(rowid, title, body) VALUES (new.page_id, {new});"
    delete = f"INSERT INTO articles_search(articles_search, rowid, title, body) VALUES ('delete', old.page_id, {old});"
    op.execute(f"CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN {insert} END")
    op.execute(f"CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN {delete} END")
    op.execute(
        "CREATE TRIGGER articles_search_update AFTER UPDATE OF title, body, page_id ON articles "
        f"BEGIN {delete} {insert} END"
    )
    row = SQLITE_VALUES.format(row="articles")
    op.execute(f"INSERT INTO articles_search(rowid, title, body) SELECT page_id, {row} FROM articles")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
    else:
        for trigger in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS articles_search_{trigger}")
        op.execute("DROP TABLE IF EXISTS articles_search")
    op.drop_index("ix_articles_outlet_published_utc", "articles")
    for table in ("comparisons", "story_languages", "story_outlets", "story_summaries"):
        op.drop_table(table)
