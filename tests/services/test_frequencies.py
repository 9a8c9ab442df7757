"""Tests: word frequencies and keyword in context on SQLite and PostgreSQL: counts by hand, stop
words, top N, minimum length, the search's scope, and every counted occurrence of a word found in
context (ß and ss, curly apostrophes, not inside hyphenated words) with code-point offsets."""

from __future__ import annotations

import pytest

from annotator.core.errors import InvalidInput, NotFound
from annotator.services import Library, importing, sets
from annotator.services.frequencies import keyword_in_context, word_frequencies
from annotator.services.progress import Cancelled
from annotator.services.searching import Scope

FIRST = "The 😀 Straße and the STRASSE: don’t stop. Well-being is well, well."
SECOND = "The end. Don't go to the strasse!"


@pytest.fixture
def docs(library: Library) -> list[str]:
    return [importing.import_text(library, text, title=title).documents[0].id for text, title in [(FIRST, "First"), (SECOND, "Second")]]  # fmt: skip


def rows(table) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    return [(h.label, *cells) for h, cells in zip(table.rows, table.cells)]


def test_counts_and_documents_most_frequent_first(library: Library, docs: list[str]) -> None:
    table = word_frequencies(library)
    assert [h.id for h in table.columns] == ["count", "documents"]
    assert rows(table) == [
        ("the", 4, 2), ("strasse", 3, 2), ("don't", 2, 2), ("well", 2, 1), ("and", 1, 1), ("end", 1, 1),
        ("go", 1, 1), ("is", 1, 1), ("stop", 1, 1), ("to", 1, 1), ("well-being", 1, 1),
    ]  # fmt: skip


def test_stop_words_top_and_minimum_length(library: Library, docs: list[str]) -> None:
    assert rows(word_frequencies(library, stopwords="en")) == [("strasse", 3, 2), ("well-being", 1, 1)]
    assert rows(word_frequencies(library, top=2)) == [("the", 4, 2), ("strasse", 3, 2)]
    assert [r[0] for r in rows(word_frequencies(library, min_length=5))] == ["strasse", "don't", "well-being"]


def test_scoped_like_the_search(library: Library, docs: list[str]) -> None:
    assert rows(word_frequencies(library, scope=Scope(document_ids=(docs[1],)), top=1)) == [("the", 2, 1)]
    sets.add_to_set(library, name="Course", document_ids=[docs[0]])
    assert rows(word_frequencies(library, scope=Scope(set_name="Course"), top=2)) == [("strasse", 2, 1), ("the", 2, 1)]
    assert word_frequencies(library, scope=Scope(set_name="Course", document_ids=(docs[1],))).rows == ()


def test_every_counted_occurrence_is_found_in_context(library: Library, docs: list[str]) -> None:
    for header, (count, in_documents) in zip(word_frequencies(library).rows, word_frequencies(library).cells):
        found = list(keyword_in_context(library, header.label))
        assert sum(len(d.hits) for d in found) == count, header.label
        assert len(found) == in_documents


def test_keyword_in_context_gives_offsets_spellings_and_the_text_sha256(library: Library, docs: list[str]) -> None:
    first, second = keyword_in_context(library, "STRASSE", context=5)
    assert [(h.match, h.before, h.after) for h in first.hits] == [
        ("Straße", "he 😀 ", " and "),
        ("STRASSE", " the ", ": don"),
    ]
    assert all(FIRST[h.start : h.end] == h.match for h in first.hits)
    assert first.sha256 == library.document(docs[0]).sha256 and first.title == "First"
    assert [h.match for h in second.hits] == ["strasse"]
    [well] = keyword_in_context(library, "well")
    assert [FIRST[h.start : h.end + 1] for h in well.hits] == ["well,", "well."]  # not in Well-being
    assert [h.match for d in keyword_in_context(library, "don't") for h in d.hits] == ["don’t", "Don't"]


def test_bad_input_is_one_clear_error(library: Library, docs: list[str]) -> None:
    with pytest.raises(InvalidInput, match="no stop word list for 'klingon'"):
        word_frequencies(library, stopwords="klingon")
    with pytest.raises(InvalidInput, match="top is a number of words, 1 or more, not 0"):
        word_frequencies(library, top=0)
    with pytest.raises(InvalidInput, match="1 or more, not 0"):
        word_frequencies(library, min_length=0)
    with pytest.raises(InvalidInput, match="'two words' is not one word"):
        keyword_in_context(library, "two words")
    with pytest.raises(NotFound, match="there is no set 'nope'"):
        word_frequencies(library, scope=Scope(set_name="nope"))


def test_a_cancelled_count_stops(library: Library, docs: list[str]) -> None:
    with pytest.raises(Cancelled):
        word_frequencies(library, progress=lambda done, total: False)
