"""Services: named sets of documents (a class reading list, a study's corpus).

A document can be in any number of sets; deleting a set leaves its documents in
the library. Adding a document that is already in a set, or removing one that is
not, changes nothing (and is no error), so every call can be repeated. A set is
named by its name as the caller saw it: a set renamed or deleted by another
program meanwhile is not found, and nothing is changed.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import new_id
from annotator.core.records import DocumentSet as DocumentSet  # the one set type
from annotator.core.records import set_name as set_name  # callers found it here
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import attributes as store
from annotator.storage import locks
from annotator.storage.uow import Session, reading, unit_of_work


def list_sets(library: Library) -> list[DocumentSet]:
    """Every set, by name, with its documents."""
    with reading(library.engine) as s:
        return store.list_sets(s)


def _set_id(s: Session, name: str) -> str:
    set_id = store.set_id_named(s, name)
    if set_id is None:
        raise NotFound(f"there is no set '{name}' in this library")
    return set_id


def _check_documents(s: Session, document_ids: Sequence[str]) -> None:
    existing = store.existing_document_ids(s, document_ids)
    missing = [d for d in dict.fromkeys(document_ids) if d not in existing]
    if missing:
        raise NotFound(f"there is no document '{missing[0]}' in this library; nothing was changed")


def create_set(library: Library, *, name: str) -> Changes:
    """Make an empty set; refused if there is one of that name."""
    name = set_name(name)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        if store.set_id_named(s, name) is not None:
            raise InvalidInput(f"there is already a set '{name}'")
        store.insert_set(s, new_id(), name)
    return Changes(sets_changed=True)


def rename_set(library: Library, *, name: str, new_name: str) -> Changes:
    """Rename the set *name*; refused if another set has *new_name*."""
    new_name = set_name(new_name)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        set_id = _set_id(s, name)
        if new_name == name:
            return Changes()
        if store.set_id_named(s, new_name) is not None:
            raise InvalidInput(f"there is already a set '{new_name}'")
        store.rename_set(s, set_id, new_name)
    return Changes(sets_changed=True)


def delete_set(library: Library, *, name: str) -> Changes:
    """Delete a set; its documents stay in the library."""
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        store.delete_set(s, _set_id(s, name))
    return Changes(sets_changed=True)


def add_to_set(library: Library, *, name: str, document_ids: Sequence[str], create: bool = True) -> Changes:
    """Put documents in the set *name* (made first when *create* and there is none).

    Every document must exist (else :class:`NotFound` and nothing changes); those
    already in the set stay as they are.
    """
    name = set_name(name)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        _check_documents(s, document_ids)
        set_id = store.set_id_named(s, name)
        made = False
        if set_id is None:
            if not create:
                raise NotFound(f"there is no set '{name}' in this library")
            set_id, made = new_id(), True
            store.insert_set(s, set_id, name)
        added = store.add_members(s, set_id, document_ids)
    return Changes(sets_changed=bool(made or added))


def remove_from_set(library: Library, *, name: str, document_ids: Sequence[str]) -> Changes:
    """Take documents out of the set *name*; those not in it are no error."""
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        set_id = _set_id(s, name)
        _check_documents(s, document_ids)
        removed = store.remove_members(s, set_id, document_ids)
    return Changes(sets_changed=bool(removed))
