"""A codebook the user shapes, memos, document attributes and a project journal.

- ``tag``: a name is unique among its siblings, not in the whole library, so
  "Positive" can live under two parents. The unique constraint on ``name`` is
  replaced by a unique index on ``(coalesce(parent_id, ''), name)`` (a plain
  ``(parent_id, name)`` index would let two top-level tags share a name: NULLs
  are distinct in unique indexes on SQLite and PostgreSQL).
- ``document.memo``: a multi-line memo per document.
- ``attribute``: document variables (NVivo classifications, MAXQDA document
  variables), typed ``text``, ``number``, ``date`` or ``choice`` (one of
  ``choices``, a JSON list).
- ``document_attribute``: a document's value of an attribute, stored as text in a
  canonical form per type (see :mod:`annotator.core.attributes`).
- ``journal_entry``: the project journal, dated entries with an author.

On PostgreSQL the new tables notify listening windows like the others (0003).
On SQLite the tag table is rebuilt in batch mode to drop its unique constraint.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from annotator.storage.tables import UTCDateTime

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

FUNCTION = "annotator_notify_change"
NEW_TABLES = ("attribute", "document_attribute", "journal_entry")
SIBLING_NAME = "uq_tag_sibling_name"


def upgrade() -> None:
    with op.batch_alter_table("tag") as batch:
        batch.drop_constraint("uq_tag_name", type_="unique")
    op.create_index(SIBLING_NAME, "tag", [sa.text("coalesce(parent_id, '')"), "name"], unique=True)
    op.create_index(op.f("ix_tag_parent_id"), "tag", ["parent_id"])
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("memo", sa.Text(), server_default="", nullable=False))
    op.create_table(
        "attribute",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("choices", sa.Text(), server_default="[]", nullable=False),
        sa.Column("sort_order", sa.Integer(), server_default="0", nullable=False),
        sa.CheckConstraint("kind IN ('text', 'number', 'date', 'choice')", name=op.f("ck_attribute_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attribute")),
        sa.UniqueConstraint("name", name=op.f("uq_attribute_name")),
    )
    op.create_table(
        "document_attribute",
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("attribute_id", sa.String(36), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_attribute_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["attribute_id"],
            ["attribute.id"],
            name=op.f("fk_document_attribute_attribute_id_attribute"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "attribute_id", name=op.f("pk_document_attribute")),
    )
    op.create_table(
        "journal_entry",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("created", UTCDateTime(), nullable=False),
        sa.Column("modified", UTCDateTime(), nullable=False),
        sa.Column("author", sa.String(200), server_default="", nullable=False),
        sa.Column("title", sa.Text(), server_default="", nullable=False),
        sa.Column("body", sa.Text(), server_default="", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entry")),
    )
    if op.get_bind().dialect.name == "postgresql":
        for table in NEW_TABLES:
            op.execute(
                f'CREATE TRIGGER {FUNCTION} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
                f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
            )


def downgrade() -> None:
    duplicated = op.get_bind().execute(sa.text("SELECT count(*) - count(DISTINCT name) FROM tag")).scalar()
    if duplicated:
        raise RuntimeError(
            f"cannot downgrade below 0004: {duplicated} tag name(s) are used under more than one parent; "
            "rename them first"
        )
    op.drop_table("journal_entry")
    op.drop_table("document_attribute")
    op.drop_table("attribute")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("memo")
    op.drop_index(op.f("ix_tag_parent_id"), table_name="tag")
    op.drop_index(SIBLING_NAME, table_name="tag")
    with op.batch_alter_table("tag") as batch:
        batch.create_unique_constraint("uq_tag_name", ["name"])
