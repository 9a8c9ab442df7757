"""Services: word frequencies across the library, and keyword in context from any word.

:func:`word_frequencies` counts the words of every document in a
:class:`~annotator.services.searching.Scope` (as the search takes it), as
:mod:`annotator.core.words` reads words: case folded, a curly apostrophe as a straight one.
Each row is a word with how often it occurs and in how many documents, most frequent first
(then in more documents first, then by the word), with stop words of a language left out and
words shorter than a minimum length left out, cut to the top N.

:func:`keyword_in_context` gives the occurrences of one word, with the text around each: a
whole-word search ignoring case (:mod:`annotator.core.search`) for every spelling of the word
(:func:`~annotator.core.words.word_pattern`), kept only where the hit is the whole word as
counted (not ``well`` in ``well-being``), so a row's count and its occurrences agree.

Everything is read in one snapshot; ``progress(done, total)`` is called after each document
and may cancel (:class:`~annotator.services.progress.Cancelled`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from annotator.core import words
from annotator.core.errors import InvalidInput
from annotator.core.matrices import Header, Table
from annotator.core.search import CONTEXT, Finder, Hit, Query, compile_query
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.services.searching import Scope, documents_in_scope
from annotator.storage.uow import reading

#: The columns of a frequency table.
COLUMNS = (Header("count", "count"), Header("documents", "documents"))


@dataclass(frozen=True, slots=True)
class WordHits:
    """Services: the occurrences of a word in one document, in text order, and the SHA-256 of the
    text they were found in (for the window to refuse a text changed since)."""

    document_id: str
    title: str
    sha256: str
    hits: list[Hit]


def word_frequencies(
    library: Library,
    *,
    scope: Scope | None = None,
    stopwords: str | None = None,
    top: int | None = None,
    min_length: int = 1,
    progress: Progress | None = None,
) -> Table:
    """The words of *scope*'s documents as a :class:`Table`: a row per word (id and label: the word
    as counted), columns ``count`` and ``documents``.

    *stopwords*: an ISO 639-1 code whose stop words are left out; *top*: only the first so many
    rows; *min_length*: words of fewer code points are left out."""
    if top is not None and top < 1:
        raise InvalidInput(f"top is a number of words, 1 or more, not {top}")
    if min_length < 1:
        raise InvalidInput(f"the minimum length is a number of characters, 1 or more, not {min_length}")
    skip = words.stop_words(stopwords) if stopwords else frozenset()
    total: Counter[str] = Counter()
    documents: Counter[str] = Counter()
    with reading(library.engine) as s:
        chosen = documents_in_scope(s, scope or Scope())
        for done, (doc_id, _) in enumerate(chosen, start=1):
            text, _ = library.current_text(s, doc_id)
            found = words.counts(text)
            total.update(found)
            documents.update(found.keys())
            report(progress, done, len(chosen))
    kept = [w for w in total if len(w) >= min_length and w not in skip]
    kept.sort(key=lambda w: (-total[w], -documents[w], w))
    kept = kept[:top] if top is not None else kept
    return Table(tuple(Header(w, w) for w in kept), COLUMNS, tuple((total[w], documents[w]) for w in kept))


def keyword_in_context(
    library: Library,
    word: str,
    *,
    scope: Scope | None = None,
    context: int = CONTEXT,
    progress: Progress | None = None,
) -> Iterator[WordHits]:
    """The documents of *scope* where *word* occurs (as :func:`word_frequencies` counts it), with
    its occurrences and up to *context* characters each side, in library order. A *word* that is
    not one word is refused when this is called; an unknown set, document or attribute when
    iteration starts."""
    key = words.word_key(word.strip())
    finder = compile_query(Query(words.word_pattern(word), regex=True, word=True))
    return _occurrences(library, key, finder, scope or Scope(), max(context, 0), progress)


def _occurrences(
    library: Library, key: str, finder: Finder, scope: Scope, context: int, progress: Progress | None
) -> Iterator[WordHits]:
    with reading(library.engine) as s:
        chosen = documents_in_scope(s, scope)
        for done, (doc_id, title) in enumerate(chosen, start=1):
            text, sha256 = library.current_text(s, doc_id)
            hits = [
                h for h in finder.hits(text, context=context)
                if words.word_key(h.match) == key and not words.joined(text, h.start, h.end)
            ]  # fmt: skip
            if hits:
                yield WordHits(doc_id, title, sha256, hits)
            report(progress, done, len(chosen))
