"""PostgreSQL's search index folds accents and capitals, as SQLite's FTS5 index does ("ecole" finds "ÉCOLE").

The GIN index of migration 0004 is rebuilt on `store/search.py`'s `PG_DOCUMENT`, which passes the text through
one `translate()` of accented and capital letters before the 'simple' configuration. SQLite is unchanged.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from alembic import op

from manysides.store.search import PG_DOCUMENT

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

OLD_DOCUMENT = "to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || left(body, 100000))"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute(f"CREATE INDEX ix_articles_search ON articles USING gin ({PG_DOCUMENT})")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_articles_search")
        op.execute(f"CREATE INDEX ix_articles_search ON articles USING gin ({OLD_DOCUMENT})")
