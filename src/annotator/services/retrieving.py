"""Services: retrieve coded segments across the library with a query (``claim & evidence``).

The query language is :mod:`annotator.core.query`. The documents searched are all of
them, or those given by id and those of a set (together, as ``export --doc/--set``),
kept only if they have every attribute value asked for (``NAME=VALUE``, matched as the
library's attribute filter does: text by a part, case aside; other kinds exactly); the
annotations are those of the coders given (all when none). Orphans are never retrieved:
their offsets point into a text the document no longer has.

Everything is read in one snapshot (:func:`~annotator.storage.uow.reading`): a revision
committed meanwhile cannot pair an old quote with a new text. Only the annotations of the
tags the query names are read, as tuples; texts are read only when sentences (``near``)
or context are needed, and their sentences come from the cache by SHA-256.

The query is parsed and every PATH resolved before any annotation is read, so a typo
fails at once with one line.

Each segment carries the SHA-256 of the text its offsets point into (read in the same
snapshot), so a view that jumps to it later can refuse when the document was revised since.
A long retrieval (the window runs it off its GUI thread) reports progress per document and
can be cancelled (:mod:`annotator.services.progress`). :func:`segments_table` is the rows as
the shared table writers take them (:mod:`annotator.formats.tables`).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from annotator.core import codebook
from annotator.core import query as q
from annotator.core.attributes import value_matches
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import coder_name, nfc
from annotator.core.sentences import segment
from annotator.formats.tables import Table
from annotator.services.attributes import values_by_name
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.storage import attributes as attribute_store
from annotator.storage import repository as repo
from annotator.storage.uow import Session, reading


@dataclass(frozen=True, slots=True)
class Segment:
    """Services: one retrieved segment: where it is, what it says, who coded it, and (when asked
    for) up to N characters of the text before and after it."""

    document_id: str
    title: str
    annotation_id: str
    tag_id: str
    tag: str  # the tag's full PATH (``Parent/Child``)
    start: int
    end: int
    quote: str
    note: str
    coder: str
    before: str = ""
    after: str = ""
    sha256: str = ""  # of the text *start* and *end* point into


class SegmentRow(NamedTuple):
    """Services: what the query evaluator and the matrices read of an annotation, and the rest of
    its row, as ``repository.coded_segments`` gives it (a named tuple: tens of
    thousands are made per query, and a frozen dataclass takes four times as long to make)."""

    document_id: str
    id: str
    tag_id: str
    start: int
    end: int
    quote: str
    note: str
    coder: str


def retrieve(
    library: Library,
    query: str,
    *,
    coders: Sequence[str] | None = None,
    document_ids: Sequence[str] | None = None,
    set_name: str | None = None,
    where: Sequence[tuple[str, str]] = (),
    context: int = 0,
    progress: Progress | None = None,
) -> list[Segment]:
    """The segments *query* selects, by document (in the library's order), then start, end, id.

    *where* holds (attribute name, wanted value) pairs; all must hold. *context* > 0 gives each
    segment up to that many characters before and after it. :class:`NotFound` for an unknown
    tag, document, set or attribute; :class:`InvalidInput` for a query that cannot be read, an
    ambiguous tag or a value its attribute cannot have. *progress* hears (documents done, documents)
    and may cancel (:class:`~annotator.services.progress.Cancelled`).
    """
    if context < 0:
        raise InvalidInput(f"context is a number of characters, 0 or more, not {context}")
    tree = q.parse(query)
    wanted_coders = sorted({coder_name(c) for c in coders}) if coders else None
    with reading(library.engine) as s:
        tags = repo.list_tags(s)
        tag_ids = q.resolve(tree, tags)
        chosen = _documents(s, document_ids, set_name)
        if where:
            chosen = _with_values(s, chosen, where)
        every_tag = sorted(set().union(*tag_ids.values()))
        by_document: dict[str, list[SegmentRow]] = {}
        for row in map(SegmentRow._make, repo.coded_segments(s, every_tag, coders=wanted_coders)):
            if chosen is None or row.document_id in chosen:
                by_document.setdefault(row.document_id, []).append(row)
        paths = codebook.paths(tags)
        sentences_needed = q.uses_sentences(tree)
        found: list[Segment] = []
        titles = repo.document_titles(s, list(by_document))
        in_order = [doc_id for doc_id, _ in titles]
        if sentences_needed or context > 0:  # a few texts per query, as a search reads them
            texts = library.current_texts(s, in_order)
        else:
            sha256s = repo.document_sha256s(s, in_order)
            texts = ((doc_id, "", sha256s[doc_id]) for doc_id in in_order)
        for done, ((doc_id, title), (_, text, sha256)) in enumerate(zip(titles, texts, strict=True)):
            report(progress, done, len(titles))
            sentences = segment(text, sha256) if sentences_needed else None
            for row in q.evaluate(tree, tag_ids, by_document[doc_id], sentences):
                before = text[max(0, row.start - context) : row.start] if context else ""
                after = text[row.end : row.end + context] if context else ""
                found.append(
                    Segment(
                        doc_id, title, row.id, row.tag_id, codebook.format_path(paths[row.tag_id]), row.start,
                        row.end, row.quote, row.note, row.coder, before, after, sha256,
                    )
                )  # fmt: skip
        report(progress, len(titles), len(titles))
    return found


#: The columns of :func:`segments_table`, as ``annotator retrieve``'s table has them.
COLUMNS = ("document", "title", "annotation", "tag", "start", "end", "coder", "quote", "note")


def segments_table(segments: Sequence[Segment], *, with_context: bool, title: str = "Retrieved segments") -> Table:
    """*segments* as a table: :data:`COLUMNS`, and with *with_context* ``before`` and ``after``."""
    columns = COLUMNS + (("before", "after") if with_context else ())
    rows = [
        (s.document_id, s.title, s.annotation_id, s.tag, s.start, s.end, s.coder, s.quote, s.note)
        + ((s.before, s.after) if with_context else ())
        for s in segments
    ]
    return Table(title, columns, rows)


def _documents(s: Session, document_ids: Sequence[str] | None, set_name: str | None) -> set[str] | None:
    """The documents given by id and by set (None: every document)."""
    if not document_ids and set_name is None:
        return None
    chosen: set[str] = set()
    if document_ids:
        existing = attribute_store.existing_document_ids(s, list(document_ids))
        missing = next((d for d in document_ids if d not in existing), None)
        if missing is not None:
            raise NotFound(f"there is no document '{missing}' in this library")
        chosen.update(document_ids)
    if set_name is not None:
        in_set = repo.document_ids_in_set(s, nfc(set_name.strip()))
        if in_set is None:
            raise NotFound(f"there is no set '{set_name}' in this library")
        chosen.update(in_set)
    return chosen


def _with_values(s: Session, chosen: set[str] | None, where: Sequence[tuple[str, str]]) -> set[str]:
    """Those of *chosen* (None: every document) whose attributes have every value of *where*."""
    attributes = {a.name: a for a in attribute_store.list_attributes(s)}
    checks = []
    for name, wanted in where:
        attribute = attributes.get(unicodedata.normalize("NFC", name).strip())
        if attribute is None:
            names = ", ".join(attributes) or "none defined yet"
            raise NotFound(f"there is no attribute '{name}' (attributes: {names})")
        value_matches(attribute, "", wanted)  # a value the attribute cannot have fails here, once
        checks.append((attribute, wanted))
    values = values_by_name(s, sorted(chosen) if chosen is not None else None)
    return {
        doc_id
        for doc_id, own in values.items()
        if all(value_matches(a, own.get(a.name, ""), wanted) for a, wanted in checks)
    }
