"""Services: searching the texts of a library (the command line's ``search``).

:func:`search_library` finds a :class:`~annotator.core.search.Query` in every document
of a :class:`Scope`: the whole library, a set, given documents, documents with an
attribute value (``NAME=VALUE``, matched as the library's filter matches it), or
what all the given ones have in common. Results come one document at a time, in
library order, as a generator: a window shows the first page while the rest is
still being searched, and a caller that has enough stops iterating. Everything is
read in one snapshot (a document revised meanwhile is searched as it was, or as it
is, never half of each), which the generator holds until it is finished or closed.
Each document's hits carry the SHA-256 of the text they were found in, so a window
jumping to one can tell that the text changed since. Texts read are not kept in the
library's small cache (see :meth:`Library.current_text`), which a window may use from
another thread meanwhile.

``progress(done, total)`` is called after each document (total: the documents in
scope); returning False stops the search with
:class:`~annotator.services.progress.Cancelled`. A bad query, an unknown set,
document or attribute, or a value the attribute cannot hold is refused with one line
before any text is read.
"""

from __future__ import annotations

from collections.abc import Container, Iterator, Sequence
from dataclasses import dataclass

from annotator.core.attributes import TEXT, Attribute, parse_value, value_matches
from annotator.core.errors import NotFound
from annotator.core.model import nfc
from annotator.core.search import CONTEXT, Finder, Hit, Query, compile_query
from annotator.formats.tables import Table
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.storage import attributes as store
from annotator.storage import repository as repo
from annotator.storage.uow import Session, reading


@dataclass(frozen=True, slots=True)
class Scope:
    """Services: which documents to search. Empty: the whole library. Given several, the
    documents that fit all of them (``document_ids`` is one condition: any of these)."""

    document_ids: tuple[str, ...] = ()
    set_name: str | None = None
    where: tuple[tuple[str, str], ...] = ()  # (attribute name, value): documents with each of them


#: The columns of :func:`hits_table`: code points of the text searched, end exclusive.
HIT_COLUMNS = ("document", "title", "start", "end", "before", "match", "after")


@dataclass(frozen=True, slots=True)
class DocumentHits:
    """Services: the hits in one document, in text order, and the SHA-256 of the text they were
    found in (a window that jumps to a hit checks the text is still that one)."""

    document_id: str
    title: str
    hits: list[Hit]
    sha256: str = ""


def hits_table(
    found: Sequence[DocumentHits], *, title: str = "Search results", only: Container[tuple[str, int, int]] | None = None
) -> Table:
    """The hits of *found* as a table (:data:`HIT_COLUMNS`), a row per hit; with *only*, the hits
    whose (document id, start, end) it holds."""
    rows = [
        (d.document_id, d.title, h.start, h.end, h.before, h.match, h.after)
        for d in found for h in d.hits
        if only is None or (d.document_id, h.start, h.end) in only
    ]  # fmt: skip
    return Table(title, HIT_COLUMNS, rows)


def search_library(
    library: Library,
    query: Query,
    *,
    scope: Scope | None = None,
    context: int = CONTEXT,
    progress: Progress | None = None,
) -> Iterator[DocumentHits]:
    """The documents of *scope* that *query* is found in, with their hits, in library order.

    A bad query is refused when this is called; an unknown set, document or attribute
    when iteration starts, before any text is read.
    """
    finder = compile_query(query)
    return _search(library, finder, scope or Scope(), context, progress)


def _search(
    library: Library, finder: Finder, scope: Scope, context: int, progress: Progress | None
) -> Iterator[DocumentHits]:
    with reading(library.engine) as s:
        documents = documents_in_scope(s, scope)
        titles = dict(documents)
        texts = library.current_texts(s, [doc_id for doc_id, _ in documents])
        for done, (doc_id, text, sha256) in enumerate(texts, start=1):
            hits = list(finder.hits(text, context=context))
            if hits:
                yield DocumentHits(doc_id, titles[doc_id], hits, sha256)
            report(progress, done, len(documents))


def text_stamps(library: Library) -> dict[str, str]:
    """The SHA-256 of every document's text now, by id: a window keeps those of when it searched
    and compares them later, to say its results may be out of date."""
    with reading(library.engine) as s:
        return repo.document_sha256s(s, [doc_id for doc_id, _ in repo.document_titles(s)])


def documents_in_scope(s: Session, scope: Scope) -> list[tuple[str, str]]:
    """(id, title) of the documents in *scope*, in library order; :class:`NotFound` for a name
    or id that is not in the library."""
    documents = repo.document_titles(s)
    if scope.document_ids:
        known = {doc_id for doc_id, _ in documents}
        missing = next((d for d in scope.document_ids if d not in known), None)
        if missing is not None:
            raise NotFound(f"there is no document '{missing}' in this library")
        wanted = set(scope.document_ids)
        documents = [d for d in documents if d[0] in wanted]
    if scope.set_name is not None:
        members = repo.document_ids_in_set(s, nfc(scope.set_name.strip()))
        if members is None:
            raise NotFound(f"there is no set '{scope.set_name}' in this library")
        in_set = set(members)
        documents = [d for d in documents if d[0] in in_set]
    if scope.where:
        defined = store.list_attributes(s)
        checks = []
        for name, wanted_value in scope.where:
            attribute = _attribute(defined, name)
            if attribute.kind != TEXT and wanted_value.strip():
                parse_value(attribute, wanted_value)  # "= abc" of a number says why, instead of finding nothing
            checks.append((attribute, wanted_value))
        values = store.attribute_values(s, [d[0] for d in documents])
        documents = [
            d for d in documents
            if all(value_matches(a, values[d[0]].get(a.id, ""), wanted) for a, wanted in checks)
        ]  # fmt: skip
    return documents


def _attribute(attributes: Sequence[Attribute], name: str) -> Attribute:
    wanted = nfc(name.strip())
    found = next((a for a in attributes if a.name == wanted), None)
    if found is None:
        names = ", ".join(a.name for a in attributes) or "none defined yet"
        raise NotFound(f"there is no attribute '{name}' (attributes: {names})")
    return found
