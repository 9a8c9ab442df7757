"""Tests: saved searches: save, list, run, rename, delete; names as set names; one-line refusals;
a window's change based on what another program changed is refused. On SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from annotator.core.errors import Conflict, InvalidInput, NotFound
from annotator.core.search import Query
from annotator.services import Library, importing, sets
from annotator.services import attributes as attrs
from annotator.services.saved_searches import (
    delete_saved_search,
    list_saved_searches,
    rename_saved_search,
    save_search,
    saved_search,
    scope_of,
)
from annotator.services.searching import Scope, search_library


@pytest.fixture
def documents(library: Library) -> dict[str, str]:
    ids = {}
    for title, text in {"One": "A rose\u00a0🌹 rose.\n", "Two": "Roses and a rose.\n"}.items():
        ids[title] = importing.import_text(library, text, title=title).documents[0].id
    return ids


def test_a_saved_search_keeps_its_query_and_scope_and_runs_as_saved(
    library: Library, documents: dict[str, str]
) -> None:
    sets.add_to_set(library, name="week 1", document_ids=[documents["Two"]])
    attrs.define_attribute(library, name="kind", kind="text")
    query = Query("rose", word=True, case=True)
    scope = Scope(document_ids=(documents["Two"],), set_name="week 1", where=(("kind", ""),))
    changes = save_search(library, name="  Cafe\u0301 roses ", query=query, scope=scope)
    assert changes.saved_searches_changed
    [saved] = list_saved_searches(library)
    assert saved.name == "Café roses"  # NFC, stripped
    assert (saved.query, scope_of(saved)) == (query, scope)
    assert saved_search(library, "Café roses") == saved
    save_search(library, name="everywhere", query=Query("roses?", regex=True))
    everywhere = saved_search(library, "everywhere")
    found = [
        (d.title, [h.match for h in d.hits])
        for d in search_library(library, everywhere.query, scope=scope_of(everywhere))
    ]
    assert found == [("One", ["rose", "rose"]), ("Two", ["Roses", "rose"])]
    assert [s.name for s in list_saved_searches(library)] == ["Café roses", "everywhere"]


@pytest.mark.parametrize(
    ("name", "query", "scope", "error", "needle"),
    [
        ("", Query("x"), Scope(), InvalidInput, "needs a name"),
        ("a\nb", Query("x"), Scope(), InvalidInput, "saved search"),
        ("bad", Query("(a+)+", regex=True), Scope(), InvalidInput, "could take hours"),
        ("bad", Query("("), Scope(), None, None),  # plain text: "(" is fine
        ("bad", Query("x"), Scope(set_name="nope"), NotFound, "no set 'nope'"),
        ("bad", Query("x"), Scope(where=(("colour", "red"),)), NotFound, "no attribute 'colour'"),
        ("bad", Query(""), Scope(), InvalidInput, "empty"),
    ],
)
def test_a_bad_name_query_or_scope_is_refused_in_one_line_and_nothing_is_saved(
    library: Library, name: str, query: Query, scope: Scope, error: type[Exception] | None, needle: str | None
) -> None:
    if error is None:
        save_search(library, name=name, query=query, scope=scope)
        assert [s.name for s in list_saved_searches(library)] == [name]
        return
    with pytest.raises(error, match=needle) as caught:
        save_search(library, name=name, query=query, scope=scope)
    assert "\n" not in str(caught.value)
    assert list_saved_searches(library) == []


def test_names_are_unique_and_rename_and_delete_by_name(library: Library, documents: dict[str, str]) -> None:
    save_search(library, name="roses", query=Query("rose"))
    save_search(library, name="thorns", query=Query("thorn"))
    with pytest.raises(InvalidInput, match="already a saved search 'roses'"):
        save_search(library, name="ROSES".lower(), query=Query("other"))
    with pytest.raises(InvalidInput, match="already a saved search 'thorns'"):
        rename_saved_search(library, name="roses", new_name=" thorns ")
    rename_saved_search(library, name="roses", new_name="all roses")
    assert saved_search(library, "all roses").query == Query("rose")
    with pytest.raises(NotFound, match="no saved search 'roses' \\(saved searches: 'all roses', 'thorns'\\)"):
        saved_search(library, "roses")
    delete_saved_search(library, name="thorns")
    assert [s.name for s in list_saved_searches(library)] == ["all roses"]
    with pytest.raises(NotFound, match="no saved search 'thorns'"):
        delete_saved_search(library, name="thorns")


def test_a_change_based_on_a_saved_search_another_program_changed_is_refused(library: Library) -> None:
    save_search(library, name="roses", query=Query("rose"))
    shown = saved_search(library, "roses")
    rename_saved_search(library, name="roses", new_name="flowers")  # another program
    with pytest.raises(Conflict, match="another program"):
        delete_saved_search(library, base=shown)
    with pytest.raises(Conflict, match="another program"):
        rename_saved_search(library, base=shown, new_name="mine")
    assert [s.name for s in list_saved_searches(library)] == ["flowers"]
    current = saved_search(library, "flowers")
    delete_saved_search(library, base=current)
    assert list_saved_searches(library) == []


@pytest.mark.parametrize("name", ["vintage\x01", "stage\nleft"])
def test_a_refused_name_is_quoted_as_typed(library: Library, name: str) -> None:
    """Found attacking issue 10: the message was a tag's with "tag" replaced everywhere, the name
    included ("the saved search name 'vinsaved searche\\x01' holds…")."""
    with pytest.raises(InvalidInput) as caught:
        save_search(library, name=name, query=Query("x"))
    assert repr(name) in str(caught.value) and "saved search name" in str(caught.value)
    with pytest.raises(InvalidInput) as caught:
        sets.create_set(library, name=name)
    assert repr(name) in str(caught.value) and "set name" in str(caught.value)
