"""Services: the stretches where chosen coders differ, and settling each into a consensus coder.

What a stretch is, is :mod:`annotator.core.disagreements`' to say; this module reads the
annotations and texts and lays the stretches out as rows a table, JSON or CSV can hold. The
choices are those of :mod:`annotator.services.agreement`: two or more coders (one no annotation
carries is :class:`NotFound`), a :class:`~annotator.services.searching.Scope` of documents,
tag PATHs (default: every tag), each standing for itself and the tags inside it.

**Adjudication** (:func:`adjudicate`): for one stretch, accept one coder's version, several
coders' (both), or none, into a *consensus coder* (a name of its own, not one of the coders
compared). In that stretch and for its disputed tags, the consensus coder's annotations become
the chosen version: the accepted coders' annotations overlapping the stretch are copied whole
(same tag, start, end and note; under the consensus coder; accepting two coders gives the
union, an annotation both made copied once), and the consensus coder's annotations there that
are not among them are deleted; accepting none ("neither") deletes them all. A deleted one
reaching beyond the stretch keeps its parts outside it (as annotations of their own): settling
one stretch never changes the consensus elsewhere. One transaction,
checked first: the document's SHA-256 must be the one the list was made on, and every compared
coder's annotations there must be those listed (none changed, deleted or added), or nothing is
written and :class:`~annotator.core.model.Conflict` says why in one line. The consensus coder
is then a coder like any other: in exports, in retrieval and in agreement.

:func:`swap_annotations` undoes (and redoes) an adjudication: it deletes exactly the
annotations it added and puts back exactly those it deleted, checked the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from annotator.core import codebook
from annotator.core import disagreements as core
from annotator.core.anchoring import AnchorState
from annotator.core.errors import InvalidInput
from annotator.core.model import Annotation, Conflict, annotation_on_span, coder_name, new_id, utc_now
from annotator.formats.tables import Table
from annotator.services.agreement import check_coders, chosen_tags, coder_names
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.services.progress import Progress, report
from annotator.services.searching import Scope, documents_in_scope
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.uow import Session, reading, unit_of_work

#: How much text around a stretch it carries (code points each side), to read it in.
CONTEXT = 80
TEXT_CHANGED = "the text of this document changed since the disagreements were listed; list them again"
CODING_CHANGED = (
    "coder '{coder}' changed their annotations in this stretch since the disagreements were listed; list them again"
)
TAKEN_CHANGED = "an annotation to take away was changed or deleted by another program since; nothing was changed"
RESTORED_TAKEN = "an annotation to put back is in the library again, put there by another program; nothing was changed"


@dataclass(frozen=True, slots=True)
class Coding:
    """Services: one annotation of a coder in a stretch: id, tag (id and PATH), extent, note."""

    annotation_id: str
    tag_id: str
    tag: str
    start: int
    end: int
    note: str


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Services: one stretch where the coders differ: the document (id, title, the SHA-256 of the
    text it was found in), ``[start, end)`` in code points and its text (*quote*), the code points
    in dispute, the disputed tags (ids and PATHs), per coder in the coders' order who coded what, and
    up to :data:`CONTEXT` code points of text *before* and *after* it, to read it in."""

    document_id: str
    title: str
    sha256: str
    start: int
    end: int
    disputed: int
    tag_ids: tuple[str, ...]
    tags: tuple[str, ...]
    quote: str
    coders: tuple[str, ...]
    coded: tuple[tuple[Coding, ...], ...]
    before: str = ""
    after: str = ""

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Disagreements:
    """Services: what was compared (coders, document ids in library order, tag PATHs) and the
    stretches, largest first."""

    coders: tuple[str, ...]
    documents: tuple[str, ...]
    tags: tuple[str, ...]
    stretches: tuple[Disagreement, ...]


def disagreements(
    library: Library,
    *,
    coders: Sequence[str],
    tags: Sequence[str] | None = None,
    scope: Scope | None = None,
    progress: Progress | None = None,
) -> Disagreements:
    """Every stretch where *coders* differ (see the module). :class:`InvalidInput` for fewer than
    two coders; :class:`NotFound` for an unknown coder, tag, document or set."""
    names = coder_names(coders)
    with reading(library.engine) as s:
        check_coders(s, names)
        every = repo.list_tags(s)
        chosen = chosen_tags(every, tags)
        paths = {i: codebook.format_path(p) for i, p in codebook.paths(every).items()}
        paths = {t.id: paths[t.id] for t, _ in codebook.walk(every)}  # in tree order: how tags are listed
        members = sorted(set().union(*({t.id} | codebook.descendants(every, t.id) for t in chosen)))
        in_scope = documents_in_scope(s, scope or Scope())
        documents = [doc_id for doc_id, _ in in_scope]
        titles = dict(in_scope)
        codings = _codings(repo.coded_segments(s, members, coders=names), documents, names, paths)
        found: list[Disagreement] = []
        for done, (doc_id, text, sha256) in enumerate(library.current_texts(s, documents), start=1):
            by_coder = codings.get(doc_id)
            if by_coder is not None:
                cores = [[core.Coded(c.annotation_id, c.tag_id, c.start, c.end) for c in mine] for mine in by_coder]
                found.extend(
                    _disagreement(stretch, doc_id, titles[doc_id], sha256, text, names, by_coder, paths)
                    for stretch in core.stretches(cores)
                )
            report(progress, done, len(documents))
    order = {d: i for i, d in enumerate(documents)}
    found.sort(key=lambda d: (-d.length, order[d.document_id], d.start))
    return Disagreements(tuple(names), tuple(documents), tuple(paths[t.id] for t in chosen), tuple(found))


def _codings(
    rows: Sequence[tuple[str, str, str, int, int, str, str, str]],
    documents: Sequence[str],
    coders: Sequence[str],
    paths: dict[str, str],
) -> dict[str, list[list[Coding]]]:
    """Per document, per coder (in *coders*' order): their annotations, in text order."""
    wanted = set(documents)
    place = {c: i for i, c in enumerate(coders)}
    found: dict[str, list[list[Coding]]] = {}
    for doc_id, annotation_id, tag_id, start, end, _quote, note, coder in rows:
        if doc_id in wanted and coder in place:
            mine = found.setdefault(doc_id, [[] for _ in coders])[place[coder]]
            mine.append(Coding(annotation_id, tag_id, paths.get(tag_id, tag_id), start, end, note))
    for by_coder in found.values():
        for mine in by_coder:
            mine.sort(key=lambda c: (c.start, c.end, c.annotation_id))
    return found


def _disagreement(
    stretch: core.Stretch,
    doc_id: str,
    title: str,
    sha256: str,
    text: str,
    coders: Sequence[str],
    by_coder: Sequence[Sequence[Coding]],
    paths: dict[str, str],
) -> Disagreement:
    by_id = {c.annotation_id: c for mine in by_coder for c in mine}
    order = {t: i for i, t in enumerate(paths)}
    tag_ids = tuple(sorted(stretch.tags, key=lambda t: order.get(t, len(order))))
    return Disagreement(
        document_id=doc_id, title=title, sha256=sha256, start=stretch.start, end=stretch.end,
        disputed=stretch.disputed, tag_ids=tag_ids, tags=tuple(paths.get(t, t) for t in tag_ids),
        quote=text[stretch.start : stretch.end], coders=tuple(coders),
        coded=tuple(tuple(by_id[c.annotation_id] for c in mine) for mine in stretch.coded),
        before=text[max(0, stretch.start - CONTEXT) : stretch.start], after=text[stretch.end : stretch.end + CONTEXT],
    )  # fmt: skip


# -- a table: CSV, the window's Copy and Export… ------------------------------------------------------


def disagreements_table(found: Disagreements, title: str = "Disagreements") -> Table:
    """The stretches as a table: document, title, start, end, length, disputed, tags, quote, then per
    coder what they coded (``PATH start-end`` each, ``; ``-joined) and the annotation ids."""
    columns = ["document", "title", "start", "end", "length", "disputed", "tags", "quote"]
    for coder in found.coders:
        columns += [f"{coder}: coded", f"{coder}: annotations"]
    rows = []
    for d in found.stretches:
        row: list[str | int] = [
            d.document_id,
            d.title,
            d.start,
            d.end,
            d.length,
            d.disputed,
            "; ".join(d.tags),
            d.quote,
        ]
        for mine in d.coded:
            row += [describe_codings(mine), "; ".join(c.annotation_id for c in mine)]
        rows.append(row)
    return Table(title, tuple(columns), rows)


def describe_codings(coded: Sequence[Coding]) -> str:
    """What one coder coded in a stretch, in a line: ``claim 4-10; evidence 6-8`` ("" for nothing)."""
    return "; ".join(f"{c.tag} {c.start}-{c.end}" for c in coded)


# -- adjudication -------------------------------------------------------------------------------------


def adjudicate(library: Library, *, stretch: Disagreement, accept: Sequence[str], consensus: str) -> Changes:
    """Make the consensus coder's annotations in *stretch* those of the *accept*-ed coders (none:
    "neither"); see the module. :class:`InvalidInput` for a bad consensus name or a coder not
    compared; :class:`Conflict` when the text or the coders' annotations changed since."""
    name = coder_name(consensus)
    if not name:
        raise InvalidInput("choose a name for the consensus coder")
    if name in stretch.coders:
        raise InvalidInput(f"the consensus coder must be another name than the coders compared, not '{name}'")
    accepted = [coder_name(c) for c in accept]
    unknown = next((c for c in accepted if c not in stretch.coders), None)
    if unknown is not None:
        raise InvalidInput(f"'{unknown}' is not one of the coders compared")
    with unit_of_work(library.engine) as s:
        text, sha256 = library.current_text(s, stretch.document_id, lock=True)
        if sha256 != stretch.sha256:
            raise Conflict(TEXT_CHANGED)
        locks.hold(s, locks.ANNOTATE)
        stored = repo.annotations_of(s, [stretch.document_id])[stretch.document_id]
        for coder, listed in zip(stretch.coders, stretch.coded, strict=True):
            if _keys(_in_stretch(stored, stretch, coder)) != {_key(c) for c in listed}:
                raise Conflict(CODING_CHANGED.format(coder=coder))
        wanted: dict[tuple[str, int, int], str] = {}
        for coder in accepted:
            for c in stretch.coded[stretch.coders.index(coder)]:
                wanted.setdefault((c.tag_id, c.start, c.end), c.note)
        deleted = []
        for a in _in_stretch(stored, stretch, name):
            if wanted.get((a.tag_id, a.start, a.end)) == a.note:
                del wanted[(a.tag_id, a.start, a.end)]  # already so: kept as it is
            else:
                deleted.append(a)
        states = repo.anchor_states_of(s, stretch.document_id)
        repo.delete_annotations(s, [a.id for a in deleted])
        kept = {(a.tag_id, a.start, a.end) for a in _in_stretch(stored, stretch, name)} - {
            (a.tag_id, a.start, a.end) for a in deleted
        }
        for a in deleted:
            for start, end in _outside(a, stretch):
                if (a.tag_id, start, end) not in kept:
                    wanted.setdefault((a.tag_id, start, end), a.note)
        now = utc_now()
        created = [
            _consensus_copy(text, stretch.document_id, tag_id, start, end, note, name, now)
            for (tag_id, start, end), note in sorted(wanted.items(), key=lambda kv: (kv[0][1], kv[0][2], kv[0][0]))
        ]
        repo.insert_annotations(s, created)
    return Changes(
        annotations_created=tuple(created),
        annotations_deleted=tuple(deleted),
        anchor_states=tuple((a.id, states[a.id]) for a in deleted if a.id in states),
    )


def _consensus_copy(
    text: str, document_id: str, tag_id: str, start: int, end: int, note: str, coder: str, now: datetime
) -> Annotation:
    return annotation_on_span(
        text, start, end, id=new_id(), document_id=document_id, tag_id=tag_id, note=note, coder=coder,
        created=now, modified=now,
    )  # fmt: skip


def _outside(a: Annotation, stretch: Disagreement) -> list[tuple[int, int]]:
    """The parts of *a* before and after *stretch*: what settling the stretch leaves as it was."""
    parts = [(a.start, stretch.start), (stretch.end, a.end)]
    return [(start, end) for start, end in parts if start < end]


def _in_stretch(stored: Sequence[Annotation], stretch: Disagreement, coder: str) -> list[Annotation]:
    """*coder*'s annotations with a disputed tag of *stretch* that overlap it."""
    tags = set(stretch.tag_ids)
    return [
        a for a in stored
        if a.coder == coder and a.tag_id in tags and a.start < stretch.end and a.end > stretch.start
    ]  # fmt: skip


def _key(c: Coding | Annotation) -> tuple[str, str, int, int, str]:
    return (c.annotation_id if isinstance(c, Coding) else c.id), c.tag_id, c.start, c.end, c.note


def _keys(found: Sequence[Annotation]) -> set[tuple[str, str, int, int, str]]:
    return {_key(a) for a in found}


def swap_annotations(
    library: Library,
    *,
    remove: Sequence[Annotation],
    restore: Sequence[Annotation],
    states: Sequence[tuple[str, AnchorState]] = (),
) -> Changes:
    """Delete exactly *remove* (each as it is given: unchanged since) and put back exactly *restore*
    (none of them there meanwhile, each quote still the text's) with the anchor *states* they had
    (e.g. awaiting review; the ``anchor_states`` of :func:`adjudicate`'s changes), in one
    transaction: the undo of :func:`adjudicate` (and, the other way round, its redo).
    :class:`Conflict` changes nothing."""
    with unit_of_work(library.engine) as s:
        for document_id in sorted({a.document_id for a in (*remove, *restore)}):
            text, _ = library.current_text(s, document_id, lock=True)
            if any(text[a.start : a.end] != a.quote for a in restore if a.document_id == document_id):
                raise Conflict(TEXT_CHANGED)
        locks.hold(s, locks.ANNOTATE)
        _remove_exactly(s, remove)
        if repo.existing_annotation_ids(s, [a.id for a in restore]):
            raise Conflict(RESTORED_TAKEN)
        repo.insert_annotations(s, list(restore))
        kept = dict(states)
        put_back = tuple((a.id, kept[a.id]) for a in restore if a.id in kept)
        repo.update_anchors(s, [(a, kept[a.id]) for a in restore if a.id in kept])
    return Changes(annotations_created=tuple(restore), annotations_deleted=tuple(remove), anchor_states=put_back)


def _remove_exactly(s: Session, remove: Sequence[Annotation]) -> None:
    for a in remove:
        expected = {"tag_id": a.tag_id, "start": a.start, "end": a.end, "note": a.note, "coder": a.coder}
        if not repo.delete_annotation(s, a.id, expected=expected):
            raise Conflict(TAKEN_CHANGED)
