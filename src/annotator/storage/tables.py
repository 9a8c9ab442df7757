"""Storage: the SQLModel table definitions (schema head).

Every change here needs an Alembic migration in ``migrations/versions``; the
test suite checks that the migrated schema matches these tables.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import cast

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

# Stable constraint names make migrations (and SQLite batch mode) predictable.
SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(sa.TypeDecorator[datetime]):
    """Timezone-aware UTC timestamps on every backend (SQLite stores them naive)."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetimes are not stored; use annotator.core.model.utc_now()")
            value = value.astimezone(UTC)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):  # type: ignore[no-untyped-def]
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=UTC)
        return value


def _ts() -> sa.Column[datetime]:
    return sa.Column(UTCDateTime(), nullable=False)


class TagRow(SQLModel, table=True):
    """Storage: a tag of the library's codebook."""

    __tablename__ = "tag"
    # A name is unique among its siblings (migration 0004); coalesce makes top-level tags siblings too.
    __table_args__ = (sa.Index("uq_tag_sibling_name", sa.text("coalesce(parent_id, '')"), "name", unique=True),)

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(sa_column=sa.Column(sa.String(200), nullable=False))
    color: str = Field(max_length=16)
    description: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    shortcut: str = Field(default="", max_length=32)
    sort_order: int = Field(default=0)
    parent_id: str | None = Field(default=None, foreign_key="tag.id", max_length=36, index=True)


class DocumentRow(SQLModel, table=True):
    """Storage: a document and its current text (replaced only by a revision; see DocumentVersionRow)."""

    __tablename__ = "document"
    __table_args__ = (
        # Every edit checks the text it is based on is current by its SHA-256. In SQLite's row the
        # text (megabytes, in overflow pages) comes before sha256, so reading sha256 from the row
        # walks them all (~0.8 ms for 3 MB); this index answers from itself (migration 0003).
        sa.Index("ix_document_id_sha256", "id", "sha256"),
    )

    id: str = Field(primary_key=True, max_length=36)
    title: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    sha256: str = Field(max_length=64, index=True)
    metadata_json: str = Field(default="{}", sa_column=sa.Column(sa.Text, nullable=False, server_default="{}"))
    created: datetime = Field(sa_column=_ts())
    # Added by migration 0004.
    memo: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))


class DocumentVersionRow(SQLModel, table=True):
    """Storage: a previous text of a document, kept when a revision replaced it.

    ``version`` counts from 1 (the text as imported); ``created`` is when the
    revision replaced it, ``note`` what its author said about that revision.
    """

    __tablename__ = "document_version"
    __table_args__ = (
        sa.UniqueConstraint("document_id", "version", name="uq_document_version_document_id_version"),
        sa.CheckConstraint('"version" >= 1', name="version"),
    )

    id: str = Field(primary_key=True, max_length=36)
    document_id: str = Field(
        sa_column=sa.Column(sa.String(36), sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False)
    )
    version: int
    text: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    sha256: str = Field(max_length=64, index=True)
    created: datetime = Field(sa_column=_ts())
    note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))


#: Anchor statuses, and: fuzzy and orphaned annotations (only they) know the version a person
#: placed them in, with offsets there (migration 0002 writes the same expression).
ANCHOR_CHECK = (
    "anchor_status IN ('unchanged', 'moved', 'fuzzy', 'orphaned') AND ("
    "(anchor_status IN ('fuzzy', 'orphaned') AND anchor_version_id IS NOT NULL"
    " AND anchor_start IS NOT NULL AND anchor_end IS NOT NULL)"
    " OR (anchor_status IN ('unchanged', 'moved') AND anchor_version_id IS NULL"
    " AND anchor_start IS NULL AND anchor_end IS NULL))"
)


class DocumentSetRow(SQLModel, table=True):
    """Storage: a named set of documents (a class reading list, a study's corpus)."""

    __tablename__ = "document_set"

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(sa_column=sa.Column(sa.String(200), nullable=False, unique=True))


class DocumentSetMemberRow(SQLModel, table=True):
    """Storage: membership of a document in a set."""

    __tablename__ = "document_set_member"

    set_id: str = Field(
        sa_column=sa.Column(sa.String(36), sa.ForeignKey("document_set.id", ondelete="CASCADE"), primary_key=True)
    )
    document_id: str = Field(
        sa_column=sa.Column(sa.String(36), sa.ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    )


class AnnotationRow(SQLModel, table=True):
    """Storage: a tagged span. Offsets are code points into ``document.text``.

    Except for orphans: after a revision of its document, ``anchor_status`` says
    how the span was placed in the new text ("unchanged", "moved", "fuzzy": placed
    on changed text, to be reviewed, or "orphaned": no place in it). An orphan's
    start, end and quote point into the text of the ``document_version``
    ``anchor_version_id``; a fuzzy one's ``anchor_*`` columns keep where a person
    had placed it in that version (see :mod:`annotator.core.anchoring`).
    """

    __tablename__ = "annotation"
    __table_args__ = (
        sa.CheckConstraint('"start" >= 0 AND "end" > "start"', name="span"),
        sa.CheckConstraint(ANCHOR_CHECK, name="anchor"),
        sa.Index("ix_annotation_document_start", "document_id", "start", "end", "id"),
        sa.Index("ix_annotation_document_anchor", "document_id", "anchor_status"),
    )

    id: str = Field(primary_key=True, max_length=36)
    document_id: str = Field(
        sa_column=sa.Column(sa.String(36), sa.ForeignKey("document.id", ondelete="CASCADE"), nullable=False)
    )
    tag_id: str = Field(
        sa_column=sa.Column(sa.String(36), sa.ForeignKey("tag.id", ondelete="RESTRICT"), nullable=False)
    )
    start: int
    end: int
    quote: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    prefix: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    suffix: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    note: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    coder: str = Field(default="", sa_column=sa.Column(sa.String(200), nullable=False, server_default=""))
    created: datetime = Field(sa_column=_ts())
    modified: datetime = Field(sa_column=_ts())
    # Added by migration 0002 (revised documents).
    anchor_status: str = Field(
        default="unchanged", sa_column=sa.Column(sa.String(16), nullable=False, server_default="unchanged")
    )
    anchor_version_id: str | None = Field(
        default=None, sa_column=sa.Column(sa.String(36), sa.ForeignKey("document_version.id"), nullable=True)
    )
    anchor_start: int | None = Field(default=None, sa_column=sa.Column(sa.Integer, nullable=True))
    anchor_end: int | None = Field(default=None, sa_column=sa.Column(sa.Integer, nullable=True))


class AttributeRow(SQLModel, table=True):
    """Storage: a document attribute (a variable), typed text, number, date or choice (migration 0004)."""

    __tablename__ = "attribute"
    __table_args__ = (sa.CheckConstraint("kind IN ('text', 'number', 'date', 'choice')", name="kind"),)

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(sa_column=sa.Column(sa.String(200), nullable=False, unique=True))
    kind: str = Field(max_length=16)
    choices: str = Field(default="[]", sa_column=sa.Column(sa.Text, nullable=False, server_default="[]"))
    sort_order: int = Field(default=0, sa_column=sa.Column(sa.Integer, nullable=False, server_default="0"))


class DocumentAttributeRow(SQLModel, table=True):
    """Storage: a document's value of an attribute, as canonical text (migration 0004)."""

    __tablename__ = "document_attribute"

    document_id: str = Field(
        sa_column=sa.Column(sa.String(36), sa.ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    )
    attribute_id: str = Field(
        sa_column=sa.Column(sa.String(36), sa.ForeignKey("attribute.id", ondelete="CASCADE"), primary_key=True)
    )
    value: str = Field(sa_column=sa.Column(sa.Text, nullable=False))


class JournalEntryRow(SQLModel, table=True):
    """Storage: a dated entry of the project journal (migration 0004)."""

    __tablename__ = "journal_entry"

    id: str = Field(primary_key=True, max_length=36)
    created: datetime = Field(sa_column=_ts())
    modified: datetime = Field(sa_column=_ts())
    author: str = Field(default="", sa_column=sa.Column(sa.String(200), nullable=False, server_default=""))
    title: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))
    body: str = Field(default="", sa_column=sa.Column(sa.Text, nullable=False, server_default=""))


class SavedSearchRow(SQLModel, table=True):
    """Storage: a library search kept by name, shared by everyone using the library (migration 0005).

    ``scope`` is JSON: ``{"documents": [ids], "set": name or null, "where": [[name, value]]}``.
    """

    __tablename__ = "saved_search"

    id: str = Field(primary_key=True, max_length=36)
    name: str = Field(sa_column=sa.Column(sa.String(200), nullable=False, unique=True))
    pattern: str = Field(sa_column=sa.Column(sa.Text, nullable=False))
    regex: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    match_case: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    whole_word: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    loose: bool = Field(default=False, sa_column=sa.Column(sa.Boolean, nullable=False, server_default=sa.false()))
    scope: str = Field(default="{}", sa_column=sa.Column(sa.Text, nullable=False, server_default="{}"))
    modified: datetime = Field(sa_column=_ts())


class StateRow(SQLModel, table=True):
    """Storage: small per-library key/value state (last document, scroll position)."""

    __tablename__ = "app_state"

    key: str = Field(primary_key=True, max_length=100)
    value: str = Field(sa_column=sa.Column(sa.Text, nullable=False))


def core_table(model: type[SQLModel]) -> sa.Table:
    """The SQLAlchemy Core table of a table model, for tuple selects and bulk writes.

    SQLModel sets ``__table__`` on every ``table=True`` class; its type hints do not say so.
    """
    return cast(sa.Table, model.__table__)  # type: ignore[attr-defined]


TAG = core_table(TagRow)
DOCUMENT = core_table(DocumentRow)
DOCUMENT_VERSION = core_table(DocumentVersionRow)
DOCUMENT_SET = core_table(DocumentSetRow)
DOCUMENT_SET_MEMBER = core_table(DocumentSetMemberRow)
ANNOTATION = core_table(AnnotationRow)
STATE = core_table(StateRow)
ATTRIBUTE = core_table(AttributeRow)
DOCUMENT_ATTRIBUTE = core_table(DocumentAttributeRow)
JOURNAL_ENTRY = core_table(JournalEntryRow)
SAVED_SEARCH = core_table(SavedSearchRow)
