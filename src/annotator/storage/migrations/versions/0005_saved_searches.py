"""Saved searches: a library search kept by name, in the library, so a team shares them.

- ``saved_search``: a name (unique, NFC and stripped as set names are), the pattern and
  its switches (regex, case, whole word, loose), and the scope as JSON (documents, a set,
  attribute values), with the time it was last saved.

On PostgreSQL the new table notifies listening windows like the others (0003).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from annotator.storage.tables import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FUNCTION = "annotator_notify_change"
TABLE = "saved_search"


def upgrade() -> None:
    op.create_table(
        TABLE,
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("pattern", sa.Text(), nullable=False),
        sa.Column("regex", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("match_case", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("whole_word", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("loose", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("scope", sa.Text(), server_default="{}", nullable=False),
        sa.Column("modified", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_search")),
        sa.UniqueConstraint("name", name=op.f("uq_saved_search_name")),
    )
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            f'CREATE TRIGGER {FUNCTION} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{TABLE}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    op.drop_table(TABLE)
