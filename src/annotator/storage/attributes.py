"""Storage: document attributes (definitions and values) and named sets of documents.

Functions here take an open session and never commit (the unit of work does).
Attribute values are stored as the canonical text :mod:`annotator.core.attributes`
makes; a document without a value of an attribute has no row for it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, cast

import orjson
import sqlalchemy as sa
from sqlmodel import Session

from annotator.core.attributes import Attribute
from annotator.core.records import DocumentSet
from annotator.storage import tables

_AT = tables.ATTRIBUTE
_DA = tables.DOCUMENT_ATTRIBUTE
_D = tables.DOCUMENT
_S = tables.DOCUMENT_SET
_M = tables.DOCUMENT_SET_MEMBER


def _rowcount(result: sa.Result[Any]) -> int:
    return cast(sa.CursorResult[Any], result).rowcount


def _chunks(values: Sequence[str], size: int = 500) -> Iterable[Sequence[str]]:
    return (values[i : i + size] for i in range(0, len(values), size))


# -- attribute definitions ------------------------------------------------------------------------


def list_attributes(session: Session) -> list[Attribute]:
    """Every attribute, in the order they are shown (sort order, then name)."""
    query = sa.select(_AT.c.id, _AT.c.name, _AT.c.kind, _AT.c.choices, _AT.c.sort_order).order_by(
        _AT.c.sort_order, _AT.c.name
    )
    return [Attribute(i, n, k, tuple(orjson.loads(c)), o) for i, n, k, c, o in session.execute(query)]


def insert_attribute(session: Session, attribute: Attribute) -> None:
    session.execute(
        sa.insert(_AT).values(
            id=attribute.id, name=attribute.name, kind=attribute.kind,
            choices=orjson.dumps(list(attribute.choices)).decode(), sort_order=attribute.sort_order,
        )
    )  # fmt: skip


def next_attribute_order(session: Session) -> int:
    return int(session.execute(sa.select(sa.func.coalesce(sa.func.max(_AT.c.sort_order), -1))).scalar_one()) + 1


def update_attribute(session: Session, expected: Attribute, *, name: str, choices: Sequence[str]) -> bool:
    """Rename an attribute or change its choices, only if it is still *expected*; True if it was."""
    query = (
        sa.update(_AT)
        .where(
            _AT.c.id == expected.id,
            _AT.c.name == expected.name,
            _AT.c.choices == orjson.dumps(list(expected.choices)).decode(),
        )
        .values(name=name, choices=orjson.dumps(list(choices)).decode())
    )
    return _rowcount(session.execute(query)) == 1


def delete_attribute(session: Session, attribute_id: str) -> int:
    """Delete an attribute and its values; returns how many values went with it."""
    count = _rowcount(session.execute(sa.delete(_DA).where(_DA.c.attribute_id == attribute_id)))
    session.execute(sa.delete(_AT).where(_AT.c.id == attribute_id))
    return count


def value_counts(session: Session, attribute_id: str) -> dict[str, int]:
    """Stored value -> how many documents have it, for one attribute."""
    query = sa.select(_DA.c.value, sa.func.count()).where(_DA.c.attribute_id == attribute_id).group_by(_DA.c.value)
    return {value: n for value, n in session.execute(query)}


# -- attribute values -----------------------------------------------------------------------------


def attribute_values(session: Session, document_ids: Sequence[str] | None = None) -> dict[str, dict[str, str]]:
    """Document id -> {attribute id: value}, for the given documents (all when None).

    Documents asked for that have no value get an empty mapping.
    """
    found: dict[str, dict[str, str]] = {d: {} for d in document_ids or ()}
    query = sa.select(_DA.c.document_id, _DA.c.attribute_id, _DA.c.value)
    if document_ids is None:
        for doc_id, attribute_id, value in session.execute(query):
            found.setdefault(doc_id, {})[attribute_id] = value
        return found
    for chunk in _chunks(list(document_ids)):
        for doc_id, attribute_id, value in session.execute(query.where(_DA.c.document_id.in_(chunk))):
            found[doc_id][attribute_id] = value
    return found


def write_values(session: Session, document_id: str, values: Mapping[str, str]) -> None:
    """Set (a non-empty value) or clear ("") a document's values, by attribute id."""
    for attribute_id, value in values.items():
        session.execute(sa.delete(_DA).where(_DA.c.document_id == document_id, _DA.c.attribute_id == attribute_id))
        if value:
            session.execute(sa.insert(_DA).values(document_id=document_id, attribute_id=attribute_id, value=value))


def existing_document_ids(session: Session, document_ids: Sequence[str]) -> set[str]:
    found: set[str] = set()
    for chunk in _chunks(list(document_ids)):
        found.update(session.execute(sa.select(_D.c.id).where(_D.c.id.in_(chunk))).scalars())
    return found


# -- sets -----------------------------------------------------------------------------------------


def list_sets(session: Session) -> list[DocumentSet]:
    """Every set with its document ids in library order, by name."""
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


def set_row(session: Session, set_id: str) -> tuple[str, set[str]] | None:
    """A set's name and its document ids, or None if there is no set with that id."""
    name = session.execute(sa.select(_S.c.name).where(_S.c.id == set_id)).scalar()
    if name is None:
        return None
    members = session.execute(
        sa.select(_M.c.document_id).join(_D, _D.c.id == _M.c.document_id).where(_M.c.set_id == set_id)
    ).scalars()
    return name, set(members)


def set_id_named(session: Session, name: str) -> str | None:
    return session.execute(sa.select(_S.c.id).where(_S.c.name == name)).scalar()


def insert_set(session: Session, set_id: str, name: str) -> None:
    session.execute(sa.insert(_S).values(id=set_id, name=name))


def rename_set(session: Session, set_id: str, name: str) -> None:
    session.execute(sa.update(_S).where(_S.c.id == set_id).values(name=name))


def delete_set(session: Session, set_id: str) -> int:
    """Delete a set (its documents stay); returns how many documents it held."""
    count = _rowcount(session.execute(sa.delete(_M).where(_M.c.set_id == set_id)))
    session.execute(sa.delete(_S).where(_S.c.id == set_id))
    return count


def add_members(session: Session, set_id: str, document_ids: Iterable[str]) -> list[str]:
    """Put documents in a set; returns those that were not in it."""
    existing = set(session.execute(sa.select(_M.c.document_id).where(_M.c.set_id == set_id)).scalars())
    added = [d for d in dict.fromkeys(document_ids) if d not in existing]
    if added:
        session.execute(sa.insert(_M), [{"set_id": set_id, "document_id": d} for d in added])
    return added


def remove_members(session: Session, set_id: str, document_ids: Sequence[str]) -> int:
    """Take documents out of a set; returns how many were in it."""
    removed = 0
    for chunk in _chunks(list(dict.fromkeys(document_ids))):
        removed += _rowcount(session.execute(sa.delete(_M).where(_M.c.set_id == set_id, _M.c.document_id.in_(chunk))))
    return removed
