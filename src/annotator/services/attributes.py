"""Services: document attributes (variables): define, rename, change choices, delete; set and read values.

The read functions are the plain interface other parts (exports, the JSON v2 writer,
the window) use:

- :func:`definitions` -> ``[Attribute(id, name, kind, choices, sort_order)]`` in display order;
- :func:`attributes_of` -> ``{document_id: {attribute name: canonical value}}``, where a
  document has a key only for the attributes it has a value of.

Values are canonical text (:func:`annotator.core.attributes.parse_value`): numbers like
``2.5`` or ``-12``, dates ``YYYY-MM-DD``, choices exactly as listed. Every write parses
all its input first, so bad input changes nothing. An edit made on what a window showed
says what it was based on (*base*) and is refused with :class:`Conflict` (nothing saved)
when another program changed it meanwhile.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from annotator.core.attributes import (
    CHOICE,
    Attribute,
    attribute_name,
    check_choices,
    check_kind,
    parse_value,
)
from annotator.core.errors import Conflict, InvalidInput, NotFound
from annotator.core.model import new_id
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import attributes as store
from annotator.storage import locks
from annotator.storage.uow import Session, reading, unit_of_work

VALUES_CHANGED = "another program changed this document's attributes since they were shown here; nothing was saved"
ATTRIBUTE_CHANGED = "another program changed or deleted this attribute since it was shown here; nothing was saved"


@dataclass(frozen=True, slots=True)
class AttributeDeleted:
    """Services: what deleting an attribute did: its change, and how many values went with it."""

    changes: Changes
    values_removed: int


# -- reading ----------------------------------------------------------------------------------------


def definitions(library: Library) -> list[Attribute]:
    """Every attribute of the library, in display order."""
    with reading(library.engine) as s:
        return store.list_attributes(s)


def attribute_named(library: Library, name: str) -> Attribute:
    """The attribute called *name*; :class:`NotFound` (listing the names) if there is none."""
    return _named(definitions(library), name)


def attributes_of(library: Library, document_ids: Sequence[str] | None = None) -> dict[str, dict[str, str]]:
    """``{document_id: {attribute name: value}}`` for the given documents (all when None).

    Every document asked for is a key (an empty mapping when it has no values); unknown ids
    are not checked here. Names are in display order.
    """
    with reading(library.engine) as s:
        return values_by_name(s, document_ids)


def values_by_name(s: Session, document_ids: Sequence[str] | None) -> dict[str, dict[str, str]]:
    """:func:`attributes_of` in an open session (exports read it in their snapshot)."""
    attributes = store.list_attributes(s)
    by_id = store.attribute_values(s, document_ids)
    return {doc_id: {a.name: values[a.id] for a in attributes if a.id in values} for doc_id, values in by_id.items()}


def usage(library: Library, attribute_id: str) -> int:
    """How many documents have a value of the attribute."""
    with reading(library.engine) as s:
        return sum(store.value_counts(s, attribute_id).values())


# -- definitions ------------------------------------------------------------------------------------


def _named(attributes: Sequence[Attribute], name: str) -> Attribute:
    wanted = unicodedata.normalize("NFC", name).strip()
    found = next((a for a in attributes if a.name == wanted), None)
    if found is None:
        names = ", ".join(a.name for a in attributes) or "none defined yet"
        raise NotFound(f"there is no attribute '{name}' (attributes: {names})")
    return found


def _current(s: Session, attribute_id: str, base: Attribute | None) -> Attribute:
    current = next((a for a in store.list_attributes(s) if a.id == attribute_id), None)
    if current is None:
        if base is not None:
            raise Conflict(ATTRIBUTE_CHANGED)
        raise NotFound(f"there is no attribute with id '{attribute_id}'")
    if base is not None and (base.name, base.choices) != (current.name, current.choices):
        raise Conflict(ATTRIBUTE_CHANGED)
    return current


def _free_name(s: Session, name: str, own_id: str | None = None) -> None:
    if any(a.name == name and a.id != own_id for a in store.list_attributes(s)):
        raise InvalidInput(f"there is already an attribute '{name}'")


def define_attribute(
    library: Library, *, name: str, kind: str, choices: Sequence[str] = (), attribute_id: str | None = None
) -> Changes:
    """Define a new attribute; refused if the name is taken or the kind or choices are not sound."""
    name, kind = attribute_name(name), check_kind(kind)
    checked = check_choices(kind, choices)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.ATTRIBUTES)  # PostgreSQL: what is read here decides what is written
        _free_name(s, name)
        order = store.next_attribute_order(s)
        store.insert_attribute(s, Attribute(attribute_id or new_id(), name, kind, checked, order))
    return Changes(attributes_changed=True)


def rename_attribute(library: Library, *, attribute_id: str, name: str, base: Attribute | None = None) -> Changes:
    """Give an attribute another name (refused if *base* is no longer what is stored)."""
    name = attribute_name(name)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.ATTRIBUTES)  # PostgreSQL: what is read here decides what is written
        current = _current(s, attribute_id, base)
        if current.name == name:
            return Changes()
        _free_name(s, name, attribute_id)
        if not store.update_attribute(s, current, name=name, choices=current.choices):
            raise Conflict(ATTRIBUTE_CHANGED)
    return Changes(attributes_changed=True)


def set_choices(
    library: Library, *, attribute_id: str, choices: Sequence[str], base: Attribute | None = None
) -> Changes:
    """Replace a choice attribute's list (add, remove, reorder).

    A choice that documents still have is not removed: refused with the count.
    """
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.ATTRIBUTES)  # PostgreSQL: what is read here decides what is written
        current = _current(s, attribute_id, base)
        if current.kind != CHOICE:
            raise InvalidInput(f"'{current.name}' is a {current.kind} attribute; only a choice attribute has choices")
        checked = check_choices(CHOICE, choices)
        if checked == current.choices:
            return Changes()
        in_use = store.value_counts(s, attribute_id)
        dropped = [(c, in_use[c]) for c in current.choices if c not in checked and in_use.get(c)]
        if dropped:
            said = "; ".join(f"'{c}' is the value of {n} document(s)" for c, n in dropped)
            raise InvalidInput(f"{said}: give them another value first; nothing was changed")
        if not store.update_attribute(s, current, name=current.name, choices=checked):
            raise Conflict(ATTRIBUTE_CHANGED)
    return Changes(attributes_changed=True)


def delete_attribute(library: Library, *, attribute_id: str, base: Attribute | None = None) -> AttributeDeleted:
    """Delete an attribute and every document's value of it; says how many values went."""
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.ATTRIBUTES)  # PostgreSQL: what is read here decides what is written
        _current(s, attribute_id, base)
        removed = store.delete_attribute(s, attribute_id)
    return AttributeDeleted(Changes(attributes_changed=True), removed)


# -- values -----------------------------------------------------------------------------------------


def set_attributes(
    library: Library,
    *,
    document_id: str,
    values: Mapping[str, str | None],
    base: Mapping[str, str | None] | None = None,
) -> Changes:
    """Set (or, with None or "", clear) a document's values, by attribute name.

    Each value is parsed for its attribute's kind first (:func:`parse_value`): one bad
    value refuses them all. *base*: the values as the window showed them (name -> value,
    None for none); if any of the attributes being written holds something else now,
    :class:`Conflict` and nothing is saved.
    """
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.ATTRIBUTES)  # PostgreSQL: what is read here decides what is written
        attributes = store.list_attributes(s)
        parsed: dict[str, str] = {}
        for name, raw in values.items():
            attribute = _named(attributes, name)
            parsed[attribute.id] = parse_value(attribute, raw or "")
        if not store.existing_document_ids(s, [document_id]):
            raise NotFound(f"there is no document '{document_id}' in this library")
        stored = store.attribute_values(s, [document_id])[document_id]
        if base is not None:
            for attribute in attributes:
                if attribute.id in parsed and (base.get(attribute.name) or "") != stored.get(attribute.id, ""):
                    raise Conflict(VALUES_CHANGED)
        changed = {i: v for i, v in parsed.items() if stored.get(i, "") != v}
        if not changed:
            return Changes()
        store.write_values(s, document_id, changed)
    return Changes(documents_updated=(document_id,))
