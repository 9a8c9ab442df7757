"""Services: auto-coding: tag every hit of a search (or the hits a person chose) with one tag.

Two steps, so a person sees what will happen before it does:

- :func:`plan` (a :class:`~annotator.core.search.Query` over a :class:`Scope`) or
  :func:`plan_hits` (hits a view found, each with the SHA-256 of the text it was found in)
  reads one snapshot and returns a :class:`Plan`: each hit's extent span (the match, its
  sentence or its paragraph; see :mod:`annotator.core.autocode`), each span once, marked
  *to create* or *already coded*, with the SHA-256 of the text it was planned on. A
  :class:`Plan` can be narrowed to the rows a person kept (:meth:`Plan.only`).
- :func:`apply` writes the spans to create in **one** transaction with one bulk insert. It
  refuses, writing nothing, if the text of any of those documents changed since the plan
  (checked inside the transaction, with the documents locked against a revision), and
  looks again for spans already coded there, so a second run, or another program's run at
  the same moment, adds nothing.

**Already coded** means: the document has a placed annotation with the same tag and exactly
the same span, **by any coder**. Auto-coding applies a rule to the text, not a person's
judgment: the same rule run by two coders would otherwise double every count, and a second
run must add nothing whoever runs it. (Tagging one span by hand still refuses only a copy
by the same coder: two people's judgments of one span are data.)

Undo and redo of an auto-coding (:func:`remove_coded`, :func:`restore_coded`) delete and put
back exactly the annotations it made, with their ids and times, each in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from annotator.core.autocode import MATCH, check_extent, extent_spans, needs_segmentation
from annotator.core.errors import Conflict, NotFound
from annotator.core.model import Annotation, Tag, annotation_on_span, coder_name, new_id, utc_now
from annotator.core.search import Query, compile_query
from annotator.core.selectors import check_span
from annotator.core.sentences import segment
from annotator.services.annotating import SEEN_FIELDS
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.services.searching import Scope, documents_in_scope
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.uow import Session, reading, unit_of_work

REVISED_SINCE_SHOWN = "the text of “{title}” changed since it was shown here; nothing was coded"
REVISED_SINCE_FOUND = "the text of “{title}” changed since these hits were found; search again; nothing was coded"
REVISED_SINCE_PLAN = "the text of “{title}” changed since the preview; nothing was coded; preview again"
DELETED_SINCE_PLAN = "the document “{title}” was deleted since the preview; nothing was coded"
TAG_DELETED_SINCE_PLAN = "the tag chosen was deleted (or merged into another) since the preview; nothing was coded"
UNDO_CHANGED = "another program changed an annotation this auto-coding made; nothing was undone"
REDO_REVISED = "the text of a document this auto-coding coded changed since; nothing was redone"


@dataclass(frozen=True, slots=True)
class ChosenHit:
    """Services: a hit a view found and a person chose: code points [start, end) of a document's
    text, and the SHA-256 of the text it was found in."""

    document_id: str
    start: int
    end: int
    sha256: str


@dataclass(frozen=True, slots=True)
class PlannedSpan:
    """Services: one span a plan codes: where, on which text, its text, how many hits gave it,
    and the annotation that codes it already (None: to create)."""

    document_id: str
    sha256: str
    start: int
    end: int
    quote: str
    hits: int
    coded_by: str | None = None

    @property
    def already_coded(self) -> bool:
        return self.coded_by is not None


@dataclass(frozen=True, slots=True)
class Plan:
    """Services: what auto-coding would do: spans in library order, then text order."""

    tag_id: str
    extent: str
    spans: tuple[PlannedSpan, ...]
    titles: tuple[tuple[str, str], ...]  # (document id, title) of the documents planned on

    @property
    def to_create(self) -> list[PlannedSpan]:
        return [p for p in self.spans if p.coded_by is None]

    @property
    def already_coded(self) -> list[PlannedSpan]:
        return [p for p in self.spans if p.coded_by is not None]

    @property
    def hits(self) -> int:
        """How many hits the spans stand for (a hit of white space only codes nothing)."""
        return sum(p.hits for p in self.spans)

    @property
    def documents(self) -> int:
        """How many documents hold a span."""
        return len({p.document_id for p in self.spans})

    def title(self, document_id: str) -> str:
        return next((t for i, t in self.titles if i == document_id), document_id)

    def only(self, indices: Iterable[int]) -> Plan:
        """This plan with only the spans at *indices* (the rows a person kept), in plan order."""
        keep = set(indices)
        return replace(self, spans=tuple(p for i, p in enumerate(self.spans) if i in keep))


@dataclass(frozen=True, slots=True)
class AutocodeResult:
    """Services: what :func:`apply` did: the annotations added (in ``changes``), and how many planned
    spans were already coded (in the plan, or found coded when writing)."""

    changes: Changes
    added: int
    already_coded: int


# -- planning ---------------------------------------------------------------------------------------


def plan(
    library: Library,
    query: Query,
    *,
    tag_id: str,
    extent: str = MATCH,
    scope: Scope | None = None,
    expected_sha256s: Mapping[str, str] | None = None,
    progress: Progress | None = None,
) -> Plan:
    """What coding every hit of *query* in *scope* with the tag *tag_id* and *extent* would do.

    *expected_sha256s* (document id -> SHA-256): the texts a window shows; a document of the
    scope whose text is another one now is refused (:class:`Conflict`). A bad query or extent,
    an unknown tag, set, document or attribute is refused with one line before any text is read.
    """
    finder = compile_query(query)
    check_extent(extent)
    with reading(library.engine) as s:
        _tag(s, tag_id)
        documents = documents_in_scope(s, scope or Scope())
        planned: list[PlannedSpan] = []
        titles: list[tuple[str, str]] = []
        for done, (doc_id, title) in enumerate(documents, start=1):
            text, sha256 = library.current_text(s, doc_id)
            expected = (expected_sha256s or {}).get(doc_id)
            if expected is not None and expected != sha256:
                raise Conflict(REVISED_SINCE_SHOWN.format(title=title))
            hits = finder.spans(text)
            if hits:
                planned.extend(_planned(doc_id, sha256, text, hits, extent))
                titles.append((doc_id, title))
            report(progress, done, len(documents))
        return _marked(s, Plan(tag_id, extent, tuple(planned), tuple(titles)))


def plan_hits(
    library: Library,
    hits: Sequence[ChosenHit],
    *,
    tag_id: str,
    extent: str = MATCH,
    progress: Progress | None = None,
) -> Plan:
    """What coding the chosen *hits* with the tag *tag_id* and *extent* would do. A hit found in a
    text the document no longer has is refused (:class:`Conflict`), as is one that does not fit."""
    check_extent(extent)
    by_document: dict[str, list[ChosenHit]] = {}
    for hit in hits:
        by_document.setdefault(hit.document_id, []).append(hit)
    with reading(library.engine) as s:
        _tag(s, tag_id)
        titles = dict(repo.document_titles(s, list(by_document)))
        missing = next((d for d in by_document if d not in titles), None)
        if missing is not None:
            raise NotFound(f"there is no document '{missing}' in this library")
        planned: list[PlannedSpan] = []
        for done, (doc_id, title) in enumerate(titles.items(), start=1):  # library order
            text, sha256 = library.current_text(s, doc_id)
            chosen = by_document[doc_id]
            if any(h.sha256 != sha256 for h in chosen):
                raise Conflict(REVISED_SINCE_FOUND.format(title=title))
            for h in chosen:
                check_span(text, h.start, h.end)
            planned.extend(_planned(doc_id, sha256, text, [(h.start, h.end) for h in chosen], extent))
            report(progress, done, len(titles))
        return _marked(s, Plan(tag_id, extent, tuple(planned), tuple(titles.items())))


def _planned(document_id: str, sha256: str, text: str, hits: list[tuple[int, int]], extent: str) -> list[PlannedSpan]:
    """The spans coding *hits* of *text* with *extent* makes (none marked as coded yet)."""
    segmentation = segment(text, sha256) if needs_segmentation(extent) else None
    return [
        PlannedSpan(document_id, sha256, span.start, span.end, text[span.start : span.end], span.hits)
        for span in extent_spans(text, hits, extent, segmentation)
    ]


def _marked(s: Session, plan: Plan) -> Plan:
    """*plan* with each span that the document has coded with the plan's tag marked as coded."""
    coded = _coded(s, plan.tag_id, [doc_id for doc_id, _ in plan.titles])
    spans = tuple(replace(p, coded_by=coded.get((p.document_id, p.start, p.end))) for p in plan.spans)
    return replace(plan, spans=spans)


def _tag(s: Session, tag_id: str) -> Tag:
    found = next((t for t in repo.list_tags(s) if t.id == tag_id), None)
    if found is None:
        raise NotFound(f"there is no tag with id '{tag_id}'")
    return found


def _coded(s: Session, tag_id: str, document_ids: Sequence[str]) -> dict[tuple[str, int, int], str]:
    """(document id, start, end) -> the id of a placed annotation with the tag *tag_id* there, any coder."""
    coded: dict[tuple[str, int, int], str] = {}
    if document_ids:
        for annotation_id, _tag_id, doc_id, start, end, _coder, _note in sorted(
            repo.placed_annotation_keys(s, [tag_id], document_ids)
        ):
            coded.setdefault((doc_id, start, end), annotation_id)
    return coded


# -- writing --------------------------------------------------------------------------------------


def apply(library: Library, plan: Plan, *, coder: str = "", progress: Progress | None = None) -> AutocodeResult:
    """Create the annotations *plan* has to create, stamped with *coder*, in one transaction.

    Refused (:class:`Conflict`, nothing written) if the text of one of those documents changed
    since the plan, or the document is gone; :class:`NotFound` if the tag is (merged or deleted). A span coded
    meanwhile (by another program, or an earlier run) is left out and counted as already coded.
    """
    coder = coder_name(coder)
    wanted = plan.to_create
    if not wanted:
        return AutocodeResult(Changes(), 0, len(plan.spans))
    planned_on = {p.document_id: p.sha256 for p in wanted}
    document_ids = list(planned_on)
    made: list[Annotation] = []
    with unit_of_work(library.engine) as s:
        repo.lock_documents(s, document_ids)  # PostgreSQL: a revision waits for this unit of work
        locks.hold(s, locks.ANNOTATE)  # and so does another program coding the same spans
        if not any(t.id == plan.tag_id for t in repo.list_tags(s)):
            raise NotFound(TAG_DELETED_SINCE_PLAN)
        current = repo.document_sha256s(s, document_ids)
        for doc_id, sha256 in planned_on.items():
            if doc_id not in current:
                raise Conflict(DELETED_SINCE_PLAN.format(title=plan.title(doc_id)))
            if current[doc_id] != sha256:
                raise Conflict(REVISED_SINCE_PLAN.format(title=plan.title(doc_id)))
        coded = _coded(s, plan.tag_id, document_ids)
        now = utc_now()
        text_of: tuple[str, str] = ("", "")  # (document id, text): spans come grouped by document
        for done, p in enumerate(wanted, start=1):
            if (p.document_id, p.start, p.end) in coded:
                continue
            if text_of[0] != p.document_id:
                text_of = (p.document_id, library.current_text(s, p.document_id)[0])
                report(progress, done - 1, len(wanted))
            made.append(
                annotation_on_span(
                    text_of[1], p.start, p.end, id=new_id(), document_id=p.document_id, tag_id=plan.tag_id,
                    note="", coder=coder, created=now, modified=now,
                )
            )  # fmt: skip
        repo.insert_annotations(s, made)
        report(progress, len(wanted), len(wanted))
    return AutocodeResult(Changes(annotations_created=tuple(made)), len(made), len(plan.spans) - len(made))


def remove_coded(library: Library, *, annotations: Sequence[Annotation]) -> Changes:
    """Undo an auto-coding: delete exactly *annotations* (as :func:`apply` or :func:`restore_coded`
    made them), in one transaction. Refused (:class:`Conflict`, nothing deleted) if another
    program changed what a person sees of one since (its note, tag or span): deleting it would
    throw that away. One
    another program deleted already is left out."""
    ids = [a.id for a in annotations]
    with unit_of_work(library.engine) as s:
        repo.lock_annotations(s, ids)
        found = {a.id: a for a, _state in repo.anchored_annotations_by_id(s, ids)}
        if any(_seen(found[a.id]) != _seen(a) for a in annotations if a.id in found):
            raise Conflict(UNDO_CHANGED)
        gone = tuple(a for a in annotations if a.id in found)
        repo.delete_annotations(s, [a.id for a in gone])
    return Changes(annotations_deleted=gone)


def _seen(annotation: Annotation) -> tuple[object, ...]:
    """What a person sees of an annotation: its tag, note and span. Not its modified time, which
    an edit undone in the window moves on while leaving the annotation as it was."""
    return tuple(getattr(annotation, name) for name in SEEN_FIELDS)


def restore_coded(library: Library, *, annotations: Sequence[Annotation], sha256s: Mapping[str, str]) -> Changes:
    """Redo an auto-coding: put back these very *annotations* (ids, times), in one transaction.

    *sha256s* (document id -> SHA-256) are the texts they were made on: if one changed since,
    refused (:class:`Conflict`, nothing written). One that exists again, or whose span another
    program coded with its tag meanwhile (already coded), is left out.
    """
    document_ids = sorted({a.document_id for a in annotations})
    with unit_of_work(library.engine) as s:
        repo.lock_documents(s, document_ids)
        locks.hold(s, locks.ANNOTATE)
        current = repo.document_sha256s(s, document_ids)
        if any(current.get(d) != sha256s.get(d) for d in document_ids):
            raise Conflict(REDO_REVISED)
        existing = repo.existing_annotation_ids(s, [a.id for a in annotations])
        coded: set[tuple[str, str, int, int]] = set()
        for tag_id in {a.tag_id for a in annotations}:
            coded.update((tag_id, *key) for key in _coded(s, tag_id, document_ids))
        put = tuple(
            a for a in annotations if a.id not in existing and (a.tag_id, a.document_id, a.start, a.end) not in coded
        )
        repo.insert_annotations(s, put)
    return Changes(annotations_created=put)
