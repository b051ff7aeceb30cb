"""Per-site line counts, so a site's boilerplate learned from earlier pages cleans later ones.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sites",
        sa.Column("site", sa.String(300), primary_key=True),
        sa.Column("pages", sa.Integer(), nullable=False),
    )
    op.create_table(
        "site_lines",
        sa.Column("site", sa.String(300), primary_key=True),
        sa.Column("line_key", sa.String(16), primary_key=True),
        sa.Column("pages", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("site_lines")
    op.drop_table("sites")
