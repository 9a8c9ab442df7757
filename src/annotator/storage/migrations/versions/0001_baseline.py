"""Baseline schema: tags, documents, document sets, annotations, app state.

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from annotator.storage.tables import UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "tag",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("color", sa.String(16), nullable=False),
        sa.Column("description", sa.Text(), server_default="", nullable=False),
        sa.Column("shortcut", sa.String(32), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("parent_id", sa.String(36), nullable=True),
        sa.ForeignKeyConstraint(["parent_id"], ["tag.id"], name="fk_tag_parent_id_tag"),
        sa.PrimaryKeyConstraint("id", name="pk_tag"),
        sa.UniqueConstraint("name", name="uq_tag_name"),
    )
    op.create_table(
        "document",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("metadata_json", sa.Text(), server_default="{}", nullable=False),
        sa.Column("created", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document"),
    )
    op.create_index("ix_document_sha256", "document", ["sha256"])
    op.create_table(
        "document_set",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_document_set"),
        sa.UniqueConstraint("name", name="uq_document_set_name"),
    )
    op.create_table(
        "document_set_member",
        sa.Column("set_id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"], ["document_set.id"], name="fk_document_set_member_set_id_document_set", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name="fk_document_set_member_document_id_document", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("set_id", "document_id", name="pk_document_set_member"),
    )
    op.create_table(
        "annotation",
        sa.Column("id", sa.String(36), nullable=False),
        sa.Column("document_id", sa.String(36), nullable=False),
        sa.Column("tag_id", sa.String(36), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("prefix", sa.Text(), server_default="", nullable=False),
        sa.Column("suffix", sa.Text(), server_default="", nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.Column("coder", sa.String(200), server_default="", nullable=False),
        sa.Column("created", UTCDateTime(), nullable=False),
        sa.Column("modified", UTCDateTime(), nullable=False),
        sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name="ck_annotation_span"),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name="fk_annotation_document_id_document", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], name="fk_annotation_tag_id_tag", ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name="pk_annotation"),
    )
    op.create_index("ix_annotation_document_start", "annotation", ["document_id", "start", "end", "id"])
    op.create_table(
        "app_state",
        sa.Column("key", sa.String(100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_app_state"),
    )


def downgrade() -> None:
    op.drop_table("app_state")
    op.drop_index("ix_annotation_document_start", table_name="annotation")
    op.drop_table("annotation")
    op.drop_table("document_set_member")
    op.drop_table("document_set")
    op.drop_index("ix_document_sha256", table_name="document")
    op.drop_table("document")
    op.drop_table("tag")
