"""Services: searches kept by name in the library (saved, run, renamed, deleted).

A saved search is a :class:`~annotator.core.search.Query` and a
:class:`~annotator.services.searching.Scope`, kept in the library itself so everyone
working on it (a shared PostgreSQL library, a copy passed on) has the same ones. Names
are stored as set names are (NFC, stripped, one line, at most 200 characters) and are
unique. A query that cannot be searched, and a scope naming a set, document or attribute
the library does not have, are refused when saving, in one line, and nothing is saved.

From the command line a saved search is named by its name; a window passes *base*, the
saved search as it showed it: if another program changed or deleted it since, the change
is refused with :class:`~annotator.core.errors.Conflict` and nothing is saved.
"""

from __future__ import annotations

from annotator.core.errors import Conflict, InvalidInput, NotFound
from annotator.core.model import new_id, nfc, tag_name, utc_now
from annotator.core.search import Query, SavedSearch, compile_query
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.services.searching import Scope, documents_in_scope
from annotator.storage import locks
from annotator.storage import saved_searches as store
from annotator.storage.uow import Session, reading, unit_of_work

SEARCH_CHANGED = "another program changed or deleted this saved search since it was shown here; nothing was saved"


def search_name(raw: str) -> str:
    """A saved search's name as stored: NFC, stripped, not empty, one line, at most 200 characters."""
    return tag_name(nfc(raw), kind="saved search")


def scope_of(search: SavedSearch) -> Scope:
    """Where *search* looks, as :func:`~annotator.services.searching.search_library` takes it."""
    return Scope(document_ids=search.document_ids, set_name=search.set_name, where=search.where)


def list_saved_searches(library: Library) -> list[SavedSearch]:
    """Every saved search, by name."""
    with reading(library.engine) as s:
        return store.list_saved(s)


def saved_search(library: Library, name: str) -> SavedSearch:
    """The saved search *name*; :class:`NotFound` lists those there are."""
    with reading(library.engine) as s:
        found = store.saved_named(s, search_name(name))
        if found is None:
            names = ", ".join(f"'{x.name}'" for x in store.list_saved(s)) or "none saved yet"
            raise NotFound(f"there is no saved search '{name}' (saved searches: {names})")
    return found


def save_search(library: Library, *, name: str, query: Query, scope: Scope | None = None) -> Changes:
    """Keep *query* and *scope* as *name*; refused if a saved search has that name already."""
    name = search_name(name)
    compile_query(query)  # a pattern that cannot be searched is not kept
    scope = scope or Scope()
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SAVED_SEARCHES)
        if store.saved_named(s, name) is not None:
            raise InvalidInput(f"there is already a saved search '{name}'")
        documents_in_scope(s, scope)  # an unknown set, document or attribute says so
        search = SavedSearch(new_id(), name, query, scope.document_ids, scope.set_name, scope.where)
        store.insert_saved(s, search, utc_now())
    return Changes(saved_searches_changed=True)


def _target(s: Session, name: str | None, base: SavedSearch | None) -> SavedSearch:
    if base is None:
        if name is None:
            raise TypeError("a saved search is named by its name or its base")
        found = store.saved_named(s, search_name(name))
        if found is None:
            raise NotFound(f"there is no saved search '{name}'")
        return found
    found = next((x for x in store.list_saved(s) if x.id == base.id), None)
    if found != base:
        raise Conflict(SEARCH_CHANGED)
    return base


def rename_saved_search(
    library: Library, *, new_name: str, name: str | None = None, base: SavedSearch | None = None
) -> Changes:
    """Rename the saved search *name* (or *base*); refused if another one has *new_name*."""
    new_name = search_name(new_name)
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SAVED_SEARCHES)
        search = _target(s, name, base)
        if search.name == new_name:
            return Changes()
        if store.saved_named(s, new_name) is not None:
            raise InvalidInput(f"there is already a saved search '{new_name}'")
        store.rename_saved(s, search.id, new_name, utc_now())
    return Changes(saved_searches_changed=True)


def delete_saved_search(library: Library, *, name: str | None = None, base: SavedSearch | None = None) -> Changes:
    """Delete the saved search *name* (or *base*)."""
    with unit_of_work(library.engine) as s:
        locks.hold(s, locks.SAVED_SEARCHES)
        store.delete_saved(s, _target(s, name, base).id)
    return Changes(saved_searches_changed=True)
