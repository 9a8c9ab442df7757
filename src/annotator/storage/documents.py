"""Storage: a document's title and memo, deleting a document whole and putting it back, and its details.

Functions take an open session and never commit. A delete cascades in the
database to the document's versions, annotations, set memberships and
attribute values; :func:`snapshot` reads all of them first, and
:func:`restore` writes them back with the same ids.
"""

from __future__ import annotations

from typing import Any, cast

import sqlalchemy as sa
from sqlmodel import Session

from annotator.core.anchoring import UNCHANGED
from annotator.core.documents import DocumentSnapshot
from annotator.storage import repository as repo
from annotator.storage import tables

_A = tables.ANNOTATION
_D = tables.DOCUMENT
_M = tables.DOCUMENT_SET_MEMBER
_S = tables.DOCUMENT_SET
_T = tables.TAG
_V = tables.DOCUMENT_VERSION
_DA = tables.DOCUMENT_ATTRIBUTE
_AT = tables.ATTRIBUTE


def _rowcount(result: sa.Result[Any]) -> int:
    return cast(sa.CursorResult[Any], result).rowcount


def update_document(session: Session, document_id: str, *, expected: dict[str, str], **values: str) -> bool:
    """Write *values* (title, memo) of a document if it still holds the *expected* column values."""
    query = sa.update(_D).where(_D.c.id == document_id, *(_D.c[k] == v for k, v in expected.items())).values(**values)
    return _rowcount(session.execute(query)) == 1


def snapshot(session: Session, document_id: str) -> DocumentSnapshot | None:
    """Everything a document is, to put it back after a delete (None: no such document)."""
    document = repo.get_document(session, document_id)
    if document is None:
        return None
    set_ids = list(session.execute(sa.select(_M.c.set_id).where(_M.c.document_id == document_id)).scalars())
    attributes = [
        (str(a), str(v))
        for a, v in session.execute(sa.select(_DA.c.attribute_id, _DA.c.value).where(_DA.c.document_id == document_id))
    ]
    return DocumentSnapshot(
        document,
        repo.document_versions(session, document_id),
        repo.anchored_annotations_of(session, document_id),
        sorted(set_ids),
        sorted(attributes),
    )


def delete_document(session: Session, document_id: str, *, expected_sha256: str) -> bool:
    """Delete a document and (by cascade) all that belongs to it, if its text is still *expected_sha256*."""
    # Annotations first: an annotation's anchor_version_id refers to a version without a cascade.
    exists = session.execute(sa.select(_D.c.id).where(_D.c.id == document_id, _D.c.sha256 == expected_sha256))
    if exists.first() is None:
        return False
    session.execute(sa.delete(_A).where(_A.c.document_id == document_id))
    session.execute(sa.delete(_V).where(_V.c.document_id == document_id))
    session.execute(sa.delete(_M).where(_M.c.document_id == document_id))
    session.execute(sa.delete(_DA).where(_DA.c.document_id == document_id))
    return _rowcount(session.execute(sa.delete(_D).where(_D.c.id == document_id))) == 1


def existing_tag_ids(session: Session) -> set[str]:
    return set(session.execute(sa.select(_T.c.id)).scalars())


def restore(session: Session, snap: DocumentSnapshot) -> None:
    """Write a deleted document back as *snap* holds it; sets and attributes deleted since are left out."""
    repo.insert_document(session, snap.document)
    for version in snap.versions:
        repo.insert_document_version(session, version)
    repo.insert_annotations(session, [a for a, _state in snap.annotations])
    repo.update_anchors(session, [(a, state) for a, state in snap.annotations if state.status != UNCHANGED])
    sets = set(session.execute(sa.select(_S.c.id)).scalars())
    rows = [{"set_id": s, "document_id": snap.document.id} for s in snap.set_ids if s in sets]
    if rows:
        session.execute(sa.insert(_M), rows)
    attributes = set(session.execute(sa.select(_AT.c.id)).scalars())
    values = [
        {"document_id": snap.document.id, "attribute_id": a, "value": v} for a, v in snap.attributes if a in attributes
    ]
    if values:
        session.execute(sa.insert(_DA), values)


def annotation_counts(session: Session, document_id: str) -> tuple[dict[str, int], int]:
    """A document's placed annotations per tag id, and how many orphans it has."""
    counts: dict[str, int] = {}
    orphans = 0
    query = (
        sa.select(_A.c.tag_id, _A.c.anchor_status, sa.func.count())
        .where(_A.c.document_id == document_id)
        .group_by(_A.c.tag_id, _A.c.anchor_status)
    )
    for tag_id, status, n in session.execute(query):
        if status == "orphaned":
            orphans += n
        else:
            counts[tag_id] = counts.get(tag_id, 0) + n
    return counts, orphans
