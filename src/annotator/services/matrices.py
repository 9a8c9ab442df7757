"""Services: the code matrices of a library (tags × tags co-occurrence, documents × tags), and the
segments behind any cell.

What a cell counts is said once, in :mod:`annotator.core.matrices`: a co-occurrence cell is the
number of unordered pairs of two different annotations by the same coder, one of the row's tag
and one of the column's, that overlap (or share a sentence, a paragraph, the document); a
documents × tags cell is a count, a presence (0/1) or the characters a tag covers.

- **Tags**: every tag of the codebook in tree order, or those given by PATH (as ``export
  --tag`` takes them), each standing for itself and the tags inside it unless *subtags* is
  False (as ``=PATH`` in a query).
- **Documents**: a :class:`~annotator.services.searching.Scope`, as the search takes it (by
  id, set and attribute values; given together, a document must fit each).
- **Coders**: only these coders' annotations (all when none). Orphans are never counted.

Everything is read in one snapshot (:func:`~annotator.storage.uow.reading`), so a revision
committed meanwhile cannot mix an old text's offsets with a new one's; what opens a cell
returns the SHA-256 of each text it read, for the window to refuse a text changed since.
Only the annotations of the tags asked for are read, as tuples; texts are read only when
sentences or paragraphs are needed (and their segmentation comes from the cache by SHA-256).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from annotator.core import codebook
from annotator.core import matrices as m
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import Tag, coder_name
from annotator.core.sentences import Segmentation, segment
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.services.retrieving import Segment, SegmentRow
from annotator.services.searching import Scope, documents_in_scope
from annotator.storage import repository as repo
from annotator.storage.uow import Session, reading


@dataclass(frozen=True, slots=True)
class _Spot:
    """An annotation as a whole matrix counts it: where, which tag, whose (no quote, no note)."""

    document_id: str
    id: str
    tag_id: str
    start: int
    end: int
    coder: str


@dataclass(frozen=True, slots=True)
class PairsBehind:
    """Services: the pairs a co-occurrence cell counts, the annotation of the row's tag first, by
    document (in library order) and place; and each document's text SHA-256 they were read with."""

    pairs: tuple[tuple[Segment, Segment], ...]
    sha256: dict[str, str]


@dataclass(frozen=True, slots=True)
class SegmentsBehind:
    """Services: the segments a documents × tags cell measures, by start, end and id; and the
    SHA-256 of the text they were read with."""

    segments: tuple[Segment, ...]
    sha256: dict[str, str]


def cooccurrence_matrix(
    library: Library,
    *,
    within: str = m.OVERLAP,
    tags: Sequence[str] | None = None,
    subtags: bool = True,
    coders: Sequence[str] | None = None,
    scope: Scope | None = None,
    progress: Progress | None = None,
) -> m.Table:
    """Tags × tags: how many pairs of annotations are together *within* (see the module).

    *tags*: PATHs (default: every tag, in tree order). :class:`NotFound` for an unknown tag, set,
    document or attribute; :class:`InvalidInput` for an ambiguous PATH or an unknown *within*."""
    _check_within(within)
    with reading(library.engine) as s:
        headers, members = _columns(repo.list_tags(s), tags, subtags)
        documents, by_document = _read(s, scope, coders, members, spots=True)
        counts: Counter[tuple[str, str]] = Counter()
        for done, (doc_id, _) in enumerate(documents, start=1):
            items = by_document.get(doc_id)
            if items and len(items) > 1:
                place = m.interval(within, _segmentation(library, s, doc_id, within))
                counts.update(m.tag_pairs(items, place, whole_document=within == m.DOCUMENT))
            report(progress, done, len(documents))
    cells = m.rolled_cells(counts, members)
    return m.Table(headers, headers, tuple(tuple(row) for row in cells))


def cooccurrence_pairs(
    library: Library,
    row_tag_id: str,
    column_tag_id: str,
    *,
    within: str = m.OVERLAP,
    subtags: bool = True,
    coders: Sequence[str] | None = None,
    scope: Scope | None = None,
) -> PairsBehind:
    """The pairs behind the co-occurrence cell of these two tags (ids, as the matrix's headers
    have them), read now: as many as the cell counts when nothing changed meanwhile."""
    _check_within(within)
    with reading(library.engine) as s:
        every = repo.list_tags(s)
        row, column = _members(every, row_tag_id, subtags), _members(every, column_tag_id, subtags)
        documents, by_document = _read(s, scope, coders, [row, column])
        paths = _paths(every)
        found: list[tuple[Segment, Segment]] = []
        sha256: dict[str, str] = {}
        for doc_id, title in documents:
            items = by_document.get(doc_id)
            if not items or len(items) < 2:
                continue
            segmentation = _segmentation(library, s, doc_id, within)
            pairs = m.together(items, m.interval(within, segmentation), row, column)
            if pairs:
                sha256[doc_id] = segmentation.sha256 if segmentation else _sha256(s, doc_id)
                found.extend((_segment(a, title, paths), _segment(b, title, paths)) for a, b in pairs)
    return PairsBehind(tuple(found), sha256)


def document_matrix(
    library: Library,
    *,
    measure: str = m.COUNT,
    tags: Sequence[str] | None = None,
    subtags: bool = True,
    coders: Sequence[str] | None = None,
    scope: Scope | None = None,
    progress: Progress | None = None,
) -> m.Table:
    """Documents × tags: per document of *scope* (every one, in library order, also those without
    annotations) and tag, the *measure*: ``count``, ``presence`` or ``characters``."""
    if measure not in m.MEASURES:
        raise InvalidInput(f"measure is one of {', '.join(m.MEASURES)}, not '{measure}'")
    with reading(library.engine) as s:
        headers, members = _columns(repo.list_tags(s), tags, subtags)
        documents, by_document = _read(s, scope, coders, members, spots=True)
        cells: list[tuple[int, ...]] = []
        for done, (doc_id, _) in enumerate(documents, start=1):
            items = by_document.get(doc_id, [])
            cells.append(tuple(m.measure(items, ids, measure) for ids in members))
            report(progress, done, len(documents))
    rows = tuple(m.Header(doc_id, title) for doc_id, title in documents)
    return m.Table(rows, headers, tuple(cells))


def document_segments(
    library: Library,
    document_id: str,
    tag_id: str,
    *,
    subtags: bool = True,
    coders: Sequence[str] | None = None,
) -> SegmentsBehind:
    """The segments behind the documents × tags cell of this document and tag (ids), read now."""
    with reading(library.engine) as s:
        every = repo.list_tags(s)
        ids = _members(every, tag_id, subtags)
        documents, by_document = _read(s, Scope(document_ids=(document_id,)), coders, [ids])
        paths = _paths(every)
        _, title = documents[0]
        chosen = m.chosen(by_document.get(document_id, []), ids)
        segments = tuple(_segment(a, title, paths) for a in chosen)
        return SegmentsBehind(segments, {document_id: _sha256(s, document_id)})


# -- reading --------------------------------------------------------------------------------------


def _check_within(within: str) -> None:
    if within not in m.WITHIN:
        raise InvalidInput(f"within is one of {', '.join(m.WITHIN)}, not '{within}'")


def _columns(
    every: Sequence[Tag], paths: Sequence[str] | None, subtags: bool
) -> tuple[tuple[m.Header, ...], list[frozenset[str]]]:
    """The tag headers (every tag in tree order, or those *paths* name, each once) and the tag ids
    each stands for."""
    if paths is None:
        chosen = [tag for tag, _ in codebook.walk(every)]
    else:
        chosen = list({t.id: t for t in (codebook.resolve(every, p) for p in paths)}.values())
    full = _paths(every)
    headers = tuple(m.Header(t.id, full[t.id]) for t in chosen)
    return headers, [_members(every, t.id, subtags) for t in chosen]


def _members(every: Sequence[Tag], tag_id: str, subtags: bool) -> frozenset[str]:
    if not any(t.id == tag_id for t in every):
        raise NotFound(f"there is no tag with id '{tag_id}' in this library")
    return frozenset({tag_id} | (codebook.descendants(every, tag_id) if subtags else set()))


def _paths(every: Sequence[Tag]) -> dict[str, str]:
    return {tag_id: codebook.format_path(names) for tag_id, names in codebook.paths(every).items()}


def _read(
    s: Session,
    scope: Scope | None,
    coders: Sequence[str] | None,
    members: Sequence[frozenset[str]],
    *,
    spots: bool = False,
) -> tuple[list[tuple[str, str]], dict[str, list[Any]]]:
    """The documents of *scope* (id, title; library order) and their placed annotations of the
    tags in *members*, of *coders* only when given: as :class:`SegmentRow`, or (*spots*, to count them
    only) as :class:`_Spot`."""
    documents = documents_in_scope(s, scope or Scope())
    wanted = {doc_id for doc_id, _ in documents}
    tag_ids = sorted(set().union(*members)) if members else []
    chosen_coders = sorted({coder_name(c) for c in coders}) if coders else None
    by_document: dict[str, list[Any]] = {}
    if not tag_ids:
        return documents, by_document
    if spots:
        for values in repo.coded_spans(s, tag_ids, coders=chosen_coders):
            if values[0] in wanted:
                by_document.setdefault(values[0], []).append(_Spot(*values))
    else:
        for row in repo.coded_segments(s, tag_ids, coders=chosen_coders):
            if row[0] in wanted:
                by_document.setdefault(row[0], []).append(SegmentRow(*row))
    return documents, by_document


def _segmentation(library: Library, s: Session, doc_id: str, within: str) -> Segmentation | None:
    if not m.needs_segmentation(within):
        return None
    text, sha256 = library.current_text(s, doc_id)
    return segment(text, sha256)


def _sha256(s: Session, doc_id: str) -> str:
    found = repo.document_sha256(s, doc_id)
    assert found is not None  # read in this snapshot a moment ago
    return found


def _segment(row: SegmentRow, title: str, paths: dict[str, str]) -> Segment:
    return Segment(
        row.document_id, title, row.id, row.tag_id, paths[row.tag_id], row.start, row.end, row.quote, row.note,
        row.coder,
    )  # fmt: skip
