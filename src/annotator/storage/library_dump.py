"""Storage: the bulk reads a whole-library export and import need beyond documents and
annotations (annotated JSON version 2): anchor states, orphans and previous texts of many
documents at once, memos of many documents, which ids are taken; and the codebook's
replacement by a file's.

Core tuple selects, a few per export however many documents it holds. Functions take an
open session and never commit. Sets and attribute definitions and values are
:mod:`annotator.storage.attributes`', the journal :mod:`annotator.storage.journal`'s, a
document's memo :mod:`annotator.storage.documents`'.
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from sqlmodel import Session

from annotator.core.anchoring import ORPHANED, UNCHANGED, AnchorState, DocumentVersion, Orphan
from annotator.core.gcpause import gc_paused
from annotator.core.model import Annotation
from annotator.storage import tables
from annotator.storage.repository import (
    _ANCHOR_COLUMNS,
    _ANNOTATION_COLUMNS,
    _VERSION_COLUMNS,
    _anchor_state,
    _chunks,
)

_A = tables.ANNOTATION
_D = tables.DOCUMENT
_V = tables.DOCUMENT_VERSION
_S = tables.DOCUMENT_SET
_AT = tables.ATTRIBUTE
_J = tables.JOURNAL_ENTRY


# -- reading ------------------------------------------------------------------------------------


def anchor_states(session: Session, document_ids: Sequence[str]) -> dict[str, dict[str, AnchorState]]:
    """Per document: annotation id -> anchor state, for the placed annotations that are not plain
    "unchanged" (moved, fuzzy). Orphans are :func:`orphans`'."""
    found: dict[str, dict[str, AnchorState]] = {d: {} for d in document_ids}
    for chunk in _chunks(list(document_ids)):
        query = sa.select(_A.c.document_id, _A.c.id, *_ANCHOR_COLUMNS).where(
            _A.c.document_id.in_(chunk), _A.c.anchor_status.notin_((UNCHANGED, ORPHANED))
        )
        for row in session.execute(query):
            found[row[0]][row[1]] = _anchor_state(row[2:])
    return found


def versions(session: Session, document_ids: Sequence[str]) -> dict[str, list[DocumentVersion]]:
    """Per document: its previous texts, oldest first."""
    found: dict[str, list[DocumentVersion]] = {d: [] for d in document_ids}
    for chunk in _chunks(list(document_ids)):
        query = sa.select(*_VERSION_COLUMNS).where(_V.c.document_id.in_(chunk)).order_by(_V.c.version)
        for row in session.execute(query):
            found[row[1]].append(DocumentVersion(*row))
    return found


def version_keys(session: Session, document_ids: Sequence[str]) -> dict[str, list[tuple[str, int, str]]]:
    """Per document: its previous texts as (id, number, SHA-256), oldest first, without the texts."""
    found: dict[str, list[tuple[str, int, str]]] = {d: [] for d in document_ids}
    for chunk in _chunks(list(document_ids)):
        query = (
            sa.select(_V.c.document_id, _V.c.id, _V.c.version, _V.c.sha256)
            .where(_V.c.document_id.in_(chunk))
            .order_by(_V.c.version)
        )
        for doc_id, version_id, number, sha in session.execute(query):
            found[doc_id].append((version_id, number, sha))
    return found


def orphans(
    session: Session, document_ids: Sequence[str], versions_of: dict[str, list[DocumentVersion]]
) -> dict[str, list[Orphan]]:
    """Per document: its orphans, by (start, end, id), each with the version (from *versions_of*)
    its offsets and quote point into."""
    found: dict[str, list[Orphan]] = {d: [] for d in document_ids}
    by_id = {v.id: v for vs in versions_of.values() for v in vs}
    for chunk in _chunks(list(document_ids)):
        query = (
            sa.select(*_ANNOTATION_COLUMNS, _A.c.anchor_version_id)
            .where(_A.c.document_id.in_(chunk), _A.c.anchor_status == ORPHANED)
            .order_by(_A.c.start, _A.c.end, _A.c.id)
        )
        with gc_paused():
            for row in session.execute(query):
                version = by_id.get(row[12])
                if version is not None:  # the foreign key makes this certain
                    found[row[1]].append(Orphan(Annotation(*row[:12]), version))
    return found


def has_documents(session: Session) -> bool:
    """Whether the library holds any document."""
    return session.execute(sa.select(_D.c.id).limit(1)).first() is not None


def existing_ids(session: Session, table: str, ids: Sequence[str]) -> set[str]:
    """Those of *ids* that a row of *table* (``tag``, ``document_version``, ``document_set``,
    ``attribute``, ``journal_entry``) has as its id."""
    column = {
        "tag": tables.TAG.c.id, "document_version": _V.c.id, "document_set": _S.c.id, "attribute": _AT.c.id,
        "journal_entry": _J.c.id,
    }[table]  # fmt: skip
    found: set[str] = set()
    for chunk in _chunks(list(ids)):
        found.update(session.execute(sa.select(column).where(column.in_(chunk))).scalars())
    return found


def document_memos(session: Session, document_ids: Sequence[str]) -> dict[str, str]:
    """Document id -> its memo, for those of *document_ids* that exist."""
    found: dict[str, str] = {}
    for chunk in _chunks(list(document_ids)):
        found.update((i, memo) for i, memo in session.execute(sa.select(_D.c.id, _D.c.memo).where(_D.c.id.in_(chunk))))
    return found


# -- writing (an import) ------------------------------------------------------------------------


def delete_all_tags(session: Session) -> None:
    """Delete every tag: only for an import into a library with no documents (so no annotation
    uses one), which then writes the codebook anew; one statement, so parents and children go
    together."""
    session.execute(sa.delete(tables.TAG))
