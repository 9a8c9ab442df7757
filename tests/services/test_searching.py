"""Tests: searching a library: scopes (all, set, documents, attribute value), library order,
one snapshot, stopping early and cancelling; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidInput, NotFound
from annotator.core.search import Query
from annotator.services import Library, importing, sets
from annotator.services import attributes as attrs
from annotator.services.progress import Cancelled
from annotator.services.searching import Scope, search_library

TEXTS = {
    "First": "A rose is a rose.\n",
    "Second": "No flowers here.\n",
    "Third": "Rose\u00a0garden 🌹 with a rose\u0301 and roses.\n",
}


@pytest.fixture
def documents(library: Library) -> dict[str, str]:
    """Title -> id of three documents, imported in this order (which is the library's order)."""
    ids = {}
    for title, text in TEXTS.items():
        ids[title] = importing.import_text(library, text, title=title).documents[0].id
    return ids


def found(library: Library, query: Query, scope: Scope | None = None) -> list[tuple[str, list[tuple[int, int, str]]]]:
    return [(d.title, [(h.start, h.end, h.match) for h in d.hits]) for d in search_library(library, query, scope=scope)]


def test_the_whole_library_is_searched_in_library_order_with_exact_offsets(
    library: Library, documents: dict[str, str]
) -> None:
    third = TEXTS["Third"]
    assert found(library, Query("rose")) == [
        ("First", [(2, 6, "rose"), (12, 16, "rose")]),
        ("Third", [(0, 4, "Rose"), (third.index("rose"), third.index("rose") + 4, "rose"),
                   (third.index("roses"), third.index("roses") + 4, "rose")]),
    ]  # fmt: skip
    for document in search_library(library, Query("rose", word=True)):
        text = library.text(document.document_id)
        assert all(text[h.start : h.end] == h.match for h in document.hits)
    assert [len(d.hits) for d in search_library(library, Query("rose", word=True))] == [2, 1]  # not rośe, not roses


def test_a_set_given_documents_and_an_attribute_value_narrow_the_search(
    library: Library, documents: dict[str, str]
) -> None:
    sets.add_to_set(library, name="week 1", document_ids=[documents["Third"], documents["Second"]])
    attrs.define_attribute(library, name="year", kind="number")
    attrs.set_attributes(library, document_id=documents["First"], values={"year": "2020"})
    attrs.set_attributes(library, document_id=documents["Third"], values={"year": "2020.0"})
    rose = Query("rose")
    assert [t for t, _ in found(library, rose, Scope(set_name="week 1"))] == ["Third"]
    assert [t for t, _ in found(library, rose, Scope(document_ids=(documents["Third"], documents["First"])))] == [
        "First", "Third"
    ]  # fmt: skip
    assert [t for t, _ in found(library, rose, Scope(where=(("year", "2020.00"),)))] == ["First", "Third"]
    assert [t for t, _ in found(library, rose, Scope(where=(("year", ""),)))] == ["First", "Third"]  # any value
    both = Scope(set_name="week 1", where=(("year", "2020"),))
    assert [t for t, _ in found(library, rose, both)] == ["Third"]


@pytest.mark.parametrize(
    ("scope", "needle"),
    [(Scope(set_name="nope"), "no set 'nope'"), (Scope(document_ids=("missing",)), "no document 'missing'"),
     (Scope(where=(("colour", "red"),)), "no attribute 'colour'")],
)  # fmt: skip
def test_an_unknown_set_document_or_attribute_is_refused(
    library: Library, documents: dict[str, str], scope: Scope, needle: str
) -> None:
    with pytest.raises(NotFound, match=needle):
        found(library, Query("rose"), scope)


def test_a_value_the_attribute_cannot_hold_and_a_bad_query_are_refused_at_once(
    library: Library, documents: dict[str, str]
) -> None:
    attrs.define_attribute(library, name="year", kind="number")
    with pytest.raises(InvalidInput, match="not a number"):
        found(library, Query("rose"), Scope(where=(("year", "soon"),)))
    with pytest.raises(InvalidInput, match="could take hours"):
        search_library(library, Query("(a+)+", regex=True))  # before iterating


def test_a_search_can_stop_after_the_first_document_and_be_cancelled(
    library: Library, documents: dict[str, str]
) -> None:
    results = search_library(library, Query("rose"))
    first = next(results)
    assert first.title == "First"
    results.close()  # the snapshot ends; the library can be written again at once
    importing.import_text(library, "one more rose\n", title="Fourth")
    seen: list[tuple[int, int]] = []

    def stop_after_one(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 1

    with pytest.raises(Cancelled):
        list(search_library(library, Query("rose"), progress=stop_after_one))
    assert seen == [(1, 4)]


def test_a_search_reads_one_snapshot(library: Library, documents: dict[str, str]) -> None:
    results = search_library(library, Query("rose"))
    assert next(results).title == "First"
    importing.import_text(library, "a rose imported meanwhile\n", title="Zeta")
    assert [d.title for d in results] == ["Third"]  # the new document is not half-seen


def test_each_document_s_hits_carry_the_sha256_of_the_text_searched(
    library: Library, documents: dict[str, str]
) -> None:
    from annotator.services import revising

    results = search_library(library, Query("rose"))
    first = next(results)
    assert first.sha256 == library.document(documents["First"]).sha256
    results.close()
    revising.revise_document(library, document_id=documents["First"], new_text="Now: a rose, a rose.\n")
    [again, _third] = search_library(library, Query("rose"))
    assert again.sha256 == library.document(documents["First"]).sha256 != first.sha256


def test_texts_read_a_few_per_query_keep_library_order_offsets_and_context(library: Library) -> None:
    """More documents than one query reads (storage.repository.TEXTS_PER_QUERY): every hit is where
    a search of that document's own text finds it, with non-BMP characters before it and its
    context cut at line breaks, and the documents come in library order, whole or narrowed."""
    from annotator.core.search import find_hits
    from annotator.storage.repository import TEXTS_PER_QUERY

    count = TEXTS_PER_QUERY * 2 + 3
    ids = [
        importing.import_text(library, f"𝔐 {'🌹' * n} a rose\nin line two, rose {n}\u2028rose\n", title=f"T{n:02d}")
        .documents[0].id
        for n in range(count)
    ]  # fmt: skip
    query = Query("rose", word=True)
    for scope in (Scope(), Scope(document_ids=tuple(reversed(ids[1::2])))):
        results = list(search_library(library, query, scope=scope, context=20))
        expected_ids = ids if not scope.document_ids else ids[1::2]
        assert [d.document_id for d in results] == expected_ids
        for document in results:
            text = library.text(document.document_id)
            assert document.sha256 == library.document(document.document_id).sha256
            hits = [(h.start, h.end, h.match, h.before, h.after) for h in document.hits]
            assert hits == [(h.start, h.end, h.match, h.before, h.after) for h in find_hits(text, query, context=20)]
            first = document.hits[0]
            assert text[first.start : first.end] == "rose" and first.after == "" and first.before.endswith("a ")
            assert document.hits[1].before == "in line two, " and document.hits[2].before == ""


def test_a_kept_current_text_is_not_read_again_and_one_another_program_revised_is(
    library: Library, documents: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from annotator.services import revising
    from annotator.storage import repository

    library.document(documents["First"])  # kept, as a window keeps the text it shows
    read: list[str] = []
    real = repository.document_texts
    monkeypatch.setattr(repository, "document_texts", lambda s, ids: (read.extend(ids), real(s, ids))[1])
    assert [d.title for d in search_library(library, Query("rose"))] == ["First", "Third"]
    assert documents["First"] not in read and documents["Third"] in read
    with Library.open(library.url) as other:
        revising.revise_document(other, document_id=documents["First"], new_text="Nothing here.\n")
    read.clear()
    assert [d.title for d in search_library(library, Query("rose"))] == ["Third"]
    assert documents["First"] in read
