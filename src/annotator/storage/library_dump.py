"""Storage: reading and writing what a whole-library export carries beyond documents and
annotations (annotated JSON version 2): anchor states and orphans of many documents at
once, previous texts, sets, attribute definitions and values, the journal.

Core tuple selects, a few per export however many documents it holds. Functions take an
open session and never commit. (The services editing sets, attributes and the journal
have their own functions for one row at a time; these are the bulk reads and the inserts
an import of a whole library needs.)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import orjson
import sqlalchemy as sa
from sqlmodel import Session

from annotator.core.anchoring import ORPHANED, UNCHANGED, AnchorState, DocumentVersion, Orphan
from annotator.core.gcpause import gc_paused
from annotator.core.model import Annotation
from annotator.core.records import AttributeDefinition, DocumentSet, JournalEntry
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
_M = tables.DOCUMENT_SET_MEMBER
_AT = tables.ATTRIBUTE
_DA = tables.DOCUMENT_ATTRIBUTE
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


def document_sets(session: Session) -> list[DocumentSet]:
    """Every set with its documents (in the library's order), sets by name."""
    members: dict[str, list[str]] = {}
    query = (
        sa.select(_M.c.set_id, _M.c.document_id)
        .join(_D, _D.c.id == _M.c.document_id)
        .order_by(_D.c.created, _D.c.title, _D.c.id)
    )
    for set_id, doc_id in session.execute(query):
        members.setdefault(set_id, []).append(doc_id)
    rows = session.execute(sa.select(_S.c.id, _S.c.name).order_by(_S.c.name, _S.c.id))
    return [DocumentSet(set_id, name, tuple(members.get(set_id, ()))) for set_id, name in rows]


def attribute_definitions(session: Session) -> list[AttributeDefinition]:
    """Every attribute, by sort order and name."""
    rows = session.execute(
        sa.select(_AT.c.id, _AT.c.name, _AT.c.kind, _AT.c.choices, _AT.c.sort_order).order_by(
            _AT.c.sort_order, _AT.c.name
        )
    )
    return [
        AttributeDefinition(i, name, kind, tuple(orjson.loads(choices)), order)
        for i, name, kind, choices, order in rows
    ]


def attribute_values(session: Session, document_ids: Sequence[str]) -> dict[str, dict[str, str]]:
    """Per document: attribute id -> its value (canonical text), for the values it has."""
    found: dict[str, dict[str, str]] = {d: {} for d in document_ids}
    for chunk in _chunks(list(document_ids)):
        query = sa.select(_DA.c.document_id, _DA.c.attribute_id, _DA.c.value).where(_DA.c.document_id.in_(chunk))
        for doc_id, attribute_id, value in session.execute(query):
            found[doc_id][attribute_id] = value
    return found


def journal(session: Session) -> list[JournalEntry]:
    """The journal's entries, oldest first."""
    query = sa.select(_J.c.id, _J.c.created, _J.c.modified, _J.c.author, _J.c.title, _J.c.body).order_by(
        _J.c.created, _J.c.id
    )
    return [JournalEntry(*row) for row in session.execute(query)]


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


def set_document_memo(session: Session, document_id: str, memo: str) -> None:
    session.execute(sa.update(_D).where(_D.c.id == document_id).values(memo=memo))


def insert_set(session: Session, document_set: DocumentSet) -> None:
    """A new set with its members."""
    session.execute(sa.insert(_S).values(id=document_set.id, name=document_set.name))
    add_members(session, document_set.id, document_set.document_ids)


def add_members(session: Session, set_id: str, document_ids: Iterable[str]) -> None:
    """Add documents to a set (those already in it are left as they are)."""
    existing = set(session.execute(sa.select(_M.c.document_id).where(_M.c.set_id == set_id)).scalars())
    rows = [{"set_id": set_id, "document_id": d} for d in dict.fromkeys(document_ids) if d not in existing]
    if rows:
        session.execute(sa.insert(_M), rows)


def insert_attribute(session: Session, attribute: AttributeDefinition) -> None:
    session.execute(
        sa.insert(_AT).values(
            id=attribute.id, name=attribute.name, kind=attribute.kind,
            choices=orjson.dumps(list(attribute.choices)).decode(), sort_order=attribute.sort_order,
        )
    )  # fmt: skip


def set_attribute_choices(session: Session, attribute_id: str, choices: Sequence[str]) -> None:
    session.execute(sa.update(_AT).where(_AT.c.id == attribute_id).values(choices=orjson.dumps(list(choices)).decode()))


def insert_attribute_values(session: Session, values: Sequence[tuple[str, str, str]]) -> None:
    """(document id, attribute id, value) rows, none of which exists yet."""
    if values:
        session.execute(sa.insert(_DA), [{"document_id": d, "attribute_id": a, "value": v} for d, a, v in values])


def insert_journal_entries(session: Session, entries: Sequence[JournalEntry]) -> None:
    if entries:
        session.execute(
            sa.insert(_J),
            [
                {"id": e.id, "created": e.created, "modified": e.modified, "author": e.author, "title": e.title,
                 "body": e.body}
                for e in entries
            ],
        )  # fmt: skip
