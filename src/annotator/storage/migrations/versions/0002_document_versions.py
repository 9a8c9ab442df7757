"""Revised documents: previous texts are kept, annotations know how they were re-anchored.

- ``document_version``: each text a revision replaced (version 1 is the text as
  imported), with its SHA-256, when it was replaced and the revision's note.
- ``annotation.anchor_status``: "unchanged" (every existing annotation, and any
  never re-anchored), "moved", "fuzzy" (placed on changed text, to be reviewed)
  or "orphaned" (no place in the current text).
- ``annotation.anchor_version_id``/``anchor_start``/``anchor_end``: for fuzzy and
  orphaned annotations only, the version a person placed the span in and its
  offsets there; an orphan's start/end/quote point into that version's text.

On SQLite the annotation table is rebuilt (batch mode: SQLite cannot add a
foreign key or a CHECK constraint to a table), keeping its other constraints and
index; the whole upgrade is one transaction. The downgrade refuses to run while
any document has previous versions: it would throw away texts that orphaned
annotations point into.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from annotator.storage.tables import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The same expression as annotator.storage.tables.ANCHOR_CHECK, written out: a migration must
# keep meaning what it meant when it was written, whatever the models become.
ANCHOR_CHECK = (
    "anchor_status IN ('unchanged', 'moved', 'fuzzy', 'orphaned') AND ("
    "(anchor_status IN ('fuzzy', 'orphaned') AND anchor_version_id IS NOT NULL"
    " AND anchor_start IS NOT NULL AND anchor_end IS NOT NULL)"
    " OR (anchor_status IN ('unchanged', 'moved') AND anchor_version_id IS NULL"
    " AND anchor_start IS NULL AND anchor_end IS NULL))"
)


def upgrade() -> None:
    op.create_table(
        "document_version",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("created", UTCDateTime(), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.CheckConstraint('"version" >= 1', name=op.f("ck_document_version_version")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_version_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document_version")),
        sa.UniqueConstraint("document_id", "version", name=op.f("uq_document_version_document_id_version")),
    )
    op.create_index(op.f("ix_document_version_sha256"), "document_version", ["sha256"])
    with op.batch_alter_table("annotation") as batch:
        batch.add_column(sa.Column("anchor_status", sa.String(16), server_default="unchanged", nullable=False))
        batch.add_column(sa.Column("anchor_version_id", sa.String(36), nullable=True))
        batch.add_column(sa.Column("anchor_start", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("anchor_end", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_annotation_anchor_version_id_document_version"),
            "document_version",
            ["anchor_version_id"],
            ["id"],
        )
        batch.create_check_constraint(op.f("ck_annotation_anchor"), sa.text(ANCHOR_CHECK))
    # Opening a document asks for its few fuzzy and orphaned annotations: read them from this
    # narrow index instead of every (wide) annotation row.
    op.create_index(op.f("ix_annotation_document_anchor"), "annotation", ["document_id", "anchor_status"])


def downgrade() -> None:
    kept = op.get_bind().execute(sa.text("SELECT count(*) FROM document_version")).scalar()
    if kept:
        raise RuntimeError(
            f"cannot downgrade below 0002: {kept} previous document text(s) are kept, and orphaned "
            "annotations point into them; export the library first"
        )
    op.drop_index(op.f("ix_annotation_document_anchor"), table_name="annotation")
    with op.batch_alter_table("annotation") as batch:
        batch.drop_constraint(op.f("ck_annotation_anchor"), type_="check")
        batch.drop_constraint(op.f("fk_annotation_anchor_version_id_document_version"), type_="foreignkey")
        batch.drop_column("anchor_end")
        batch.drop_column("anchor_start")
        batch.drop_column("anchor_version_id")
        batch.drop_column("anchor_status")
    op.drop_index(op.f("ix_document_version_sha256"), table_name="document_version")
    op.drop_table("document_version")
