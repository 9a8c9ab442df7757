"""Services: named sets of documents (a class reading list, a study's corpus).

A document can be in any number of sets; deleting a set leaves its documents in
the library. Adding a document that is already in a set, or removing one that is
not, changes nothing (and is no error), so every call can be repeated. A set is
named either by its name (the command line: a set renamed or deleted by another
program meanwhile is not found, and nothing is changed) or, from a window, by
*base*: the set as it was shown (its id, name and documents). If another program
renamed it, deleted it or changed its documents since, the change is refused
with :class:`Conflict` and nothing is saved.
"""

from __future__ import annotations

from collections.abc import Sequence

from annotator.core import model
from annotator.core.errors import Conflict, InvalidInput, NotFound
from annotator.core.model import new_id
from annotator.core.records import DocumentSet as DocumentSet  # the one set type
from annotator.core.records import set_name as set_name  # callers found it here
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import attributes as store
from annotator.storage import locks
from annotator.storage.uow import Session, reading, unit_of_work

SET_CHANGED = "another program renamed, deleted or changed this set since it was shown here; nothing was saved"


def list_sets(library: Library) -> list[DocumentSet]:
    """Every set, by name, with its documents."""
    with reading(library.engine) as s:
        return store.list_sets(s)


def _set_id(s: Session, name: str) -> str:
    set_id = store.set_id_named(s, model.nfc(name.strip()))
    if set_id is None:
        raise NotFound(f"there is no set '{name}' in this library")
    return set_id


def _target(s: Session, name: str | None, base: DocumentSet | None) -> str:
    """The id of the set named *name*, or of *base* if it is still as shown (else :class:`Conflict`)."""
    if base is None:
        if name is None:
            raise TypeError("a set is named by its name or its base")
        return _set_id(s, name)
    row = store.set_row(s, base.id)
    if row is None or row != (base.name, set(base.document_ids)):
        raise Conflict(SET_CHANGED)
    return base.id


def _check_documents(s: Session, document_ids: Sequence[str]) -> None:
    existing = store.existing_document_ids(s, document_ids)
    missing = [d for d in dict.fromkeys(document_ids) if d not in existing]
    if missing:
        raise NotFound(f"there is no document '{missing[0]}' in this library; nothing was changed")


def create_set(library: Library, *, name: str, set_id: str | None = None, document_ids: Sequence[str] = ()) -> Changes:
    """Make a set, empty or holding *document_ids*; refused if there is one of that name.

    *set_id*: the id it gets (a window's undo gives a deleted set back its own id).
    """
    name = set_name(name)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        if store.set_id_named(s, name) is not None:
            raise InvalidInput(f"there is already a set '{name}'")
        _check_documents(s, document_ids)
        if set_id is not None and store.set_row(s, set_id) is not None:
            raise Conflict(SET_CHANGED)
        set_id = set_id or new_id()
        store.insert_set(s, set_id, name)
        store.add_members(s, set_id, document_ids)
    return Changes(sets_changed=True)


def rename_set(library: Library, *, new_name: str, name: str | None = None, base: DocumentSet | None = None) -> Changes:
    """Rename the set *name* (or *base*); refused if another set has *new_name*."""
    new_name = set_name(new_name)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        set_id = _target(s, name, base)
        other = store.set_id_named(s, new_name)
        if other == set_id:
            return Changes()
        if other is not None:
            raise InvalidInput(f"there is already a set '{new_name}'")
        store.rename_set(s, set_id, new_name)
    return Changes(sets_changed=True)


def delete_set(library: Library, *, name: str | None = None, base: DocumentSet | None = None) -> Changes:
    """Delete the set *name* (or *base*); its documents stay in the library."""
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        store.delete_set(s, _target(s, name, base))
    return Changes(sets_changed=True)


def add_to_set(
    library: Library,
    *,
    document_ids: Sequence[str],
    name: str | None = None,
    base: DocumentSet | None = None,
    create: bool = True,
) -> Changes:
    """Put documents in the set *name* (made first when *create* and there is none) or *base*.

    Every document must exist (else :class:`NotFound` and nothing changes); those
    already in the set stay as they are.
    """
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        _check_documents(s, document_ids)
        made = False
        if base is not None:
            set_id = _target(s, None, base)
        else:
            if name is None:
                raise TypeError("a set is named by its name or its base")
            name = set_name(name)
            found = store.set_id_named(s, name)
            if found is None:
                if not create:
                    raise NotFound(f"there is no set '{name}' in this library")
                found, made = new_id(), True
                store.insert_set(s, found, name)
            set_id = found
        added = store.add_members(s, set_id, document_ids)
    return Changes(sets_changed=bool(made or added))


def remove_from_set(
    library: Library, *, document_ids: Sequence[str], name: str | None = None, base: DocumentSet | None = None
) -> Changes:
    """Take documents out of the set *name* (or *base*); those not in it are no error."""
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SETS)
        set_id = _target(s, name, base)
        _check_documents(s, document_ids)
        removed = store.remove_members(s, set_id, document_ids)
    return Changes(sets_changed=bool(removed))
