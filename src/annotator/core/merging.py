"""Core: what an import adds to a library, worked out as a plan, without a database.

An import merges documents read from files into what the library already holds.
The rules live here, as pure functions over plain values:

- **Documents** are matched by id (only if the stored text is the same), then by
  the SHA-256 of their normalised text. A file made before a revision of one of
  our documents (its text is a previous version's) is matched to that document,
  and its annotations follow the revised text as the revision's own did
  (:func:`annotator.core.anchoring.follow`). Anything else is a new document; it
  keeps its id unless it has none or another document has it. Ids longer than
  ours (other tools' IRIs) are not stored.
- **Annotations** are matched by id within their document, orphans included, when
  the id is ours (a canonical UUID). Other tools' ids are only unique within their
  file, so such annotations get fresh ids, as do annotations of id-less formats and
  ids another document's annotation already has; those are matched on what they
  carry, (tag, start, end, note), against the document's placed annotations. So
  importing the same file again adds nothing, and nothing is silently dropped.
- **Tags** an import names and the library lacks are created (in the order they
  come), with the bundle's colour or one of :data:`NEW_TAG_COLORS`. Names are
  cleaned and checked by :func:`annotator.core.model.tag_name` first, so
  ``"claim "`` is the tag ``claim``; a blank, invisible or control-character name
  is refused.
- Text that cannot be stored as it is, is refused: NUL characters, CR line endings
  under annotations (offsets into the unnormalised text would be wrong), quotes
  that are not ``text[start:end]``, spans that do not fit, names too long or not
  names at all.

The service asks :func:`prepare_import` what to look up (:class:`PreparedImport`),
looks it up in one unit of work (:class:`Holdings`), and writes what
:func:`plan_import` returns (:class:`ImportPlan`). Readers (``formats``) produce
the bundles; the protocols below name what this module reads of them.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Protocol

from annotator.core import codebook
from annotator.core.anchoring import (
    ORPHANED,
    UNCHANGED,
    AnchorState,
    DocumentVersion,
    Reanchorer,
    follow,
)
from annotator.core.errors import FormatError, InvalidInput
from annotator.core.model import (
    ID_MAX,
    Annotation,
    Document,
    Tag,
    TagSpec,
    annotation_on_span,
    check_name,
    new_id,
    utc_now,
)
from annotator.core.selectors import check_span
from annotator.core.text import UnstorableText, normalize_text, sha256_text, stored_text

#: Colours given to tags that an import brings in without one.
NEW_TAG_COLORS = ("#e76f51", "#457b9d", "#e9c46a", "#8ab17d", "#f28482", "#6d597a", "#577590", "#bc6c25")

#: What identifies an annotation when its id does not: (tag id, start, end, note).
#: What an annotation without an id of ours is matched on: (tag id, start, end, note, where), where
#: is "" for a span of the current text and a version's id for an orphan's span in that version.
ContentKey = tuple[str, int, int, str, str]


class IncomingAnnotation(Protocol):
    """Core: an annotation as a file describes it (``formats.base.ImportedAnnotation``)."""

    tag: str
    start: int
    end: int
    quote: str | None
    note: str
    coder: str
    id: str | None
    created: datetime | None
    modified: datetime | None
    tag_path: tuple[str, ...]  # the names from the top down to tag; () for a plain name


class IncomingDocument(Protocol):
    """Core: a document read from a file (``formats.base.ImportedDocument``)."""

    title: str
    text: str
    metadata: dict[str, Any]
    annotations: list[Any]  # IncomingAnnotation; a list is invariant, so not spelt out
    id: str | None


class IncomingBundle(Protocol):
    """Core: everything one file brought in (``formats.base.ImportBundle``)."""

    documents: list[Any]  # IncomingDocument
    tags: list[TagSpec]


def is_our_id(value: str) -> bool:
    """Whether *value* is an id as we make them: a UUID in its canonical (lower-case) form."""
    try:
        return len(value) == ID_MAX and str(uuid.UUID(value)) == value
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class PreparedDocument:
    """Core: one incoming document with its normalised text, its SHA-256 and the ids we may keep."""

    source: IncomingDocument
    text: str
    sha256: str
    id: str | None  # None: too long to store (another tool's IRI), or none given
    annotation_ids: tuple[str | None, ...]  # None where the id is not ours


@dataclass(frozen=True, slots=True)
class PreparedImport:
    """Core: the incoming bundles, each text normalised once, and what to look up for them."""

    bundles: tuple[tuple[IncomingBundle, tuple[PreparedDocument, ...]], ...]

    @property
    def document_ids(self) -> list[str]:
        """The document ids the files give (that could be stored)."""
        return list(dict.fromkeys(d.id for _, docs in self.bundles for d in docs if d.id))

    @property
    def sha256s(self) -> list[str]:
        """The SHA-256 of every incoming text, as it will be stored."""
        return list(dict.fromkeys(d.sha256 for _, docs in self.bundles for d in docs))

    @property
    def annotation_ids(self) -> list[str]:
        """The annotation ids the files give that are ours (the only ones ever kept)."""
        return list(dict.fromkeys(i for _, docs in self.bundles for d in docs for i in d.annotation_ids if i))


def prepare_import(bundles: Iterable[IncomingBundle]) -> PreparedImport:
    """Normalise every incoming text (line endings, BOM) and note the ids an import may keep."""
    prepared = []
    for bundle in bundles:
        docs = []
        for imported in bundle.documents:
            text = normalize_text(imported.text)
            doc_id = imported.id if imported.id and len(imported.id) <= ID_MAX else None
            ids = tuple(a.id if a.id and is_our_id(a.id) else None for a in imported.annotations)
            docs.append(PreparedDocument(imported, text, sha256_text(text), doc_id, ids))
        prepared.append((bundle, tuple(docs)))
    return PreparedImport(tuple(prepared))


@dataclass(frozen=True, slots=True)
class HeldAnnotations:
    """Core: a stored document's annotations as an import matches them.

    ``ids``: every annotation's id, orphans included; ``keys``: their content keys
    (:data:`ContentKey`: an orphan's span is in the version it points into).
    """

    ids: AbstractSet[str] = frozenset()
    keys: AbstractSet[ContentKey] = frozenset()


@dataclass(frozen=True, slots=True)
class Holdings:
    """Core: what the library holds that an import is matched against, as the service looked it up.

    ``document_sha256s``: document id -> SHA-256 of its text, for the incoming
    document ids that are stored; ``documents_by_sha256``: SHA-256 -> the id of a
    document with that text, for the incoming texts; ``versions_by_sha256``:
    SHA-256 -> the newest previous version with that text and its document's
    current text, for incoming texts that are a version's; ``annotations``:
    document id -> its annotations, for every document those lookups found;
    ``annotation_ids``: the incoming annotation ids stored on any document.
    """

    tags: Sequence[Tag] = ()
    document_sha256s: Mapping[str, str] = field(default_factory=dict)
    documents_by_sha256: Mapping[str, str] = field(default_factory=dict)
    versions_by_sha256: Mapping[str, tuple[DocumentVersion, str]] = field(default_factory=dict)
    annotations: Mapping[str, HeldAnnotations] = field(default_factory=dict)
    annotation_ids: AbstractSet[str] = frozenset()


@dataclass(slots=True)
class PlannedDocument:
    """Core: one incoming document in the plan: the library's document it is, or a new one.

    ``document`` is the new document to insert (None for one already there);
    ``annotations`` the annotations to insert, and ``anchors`` the anchor states to
    write for those of them that followed a revision and are not plain "unchanged".
    """

    id: str
    title: str
    new: bool
    document: Document | None = None
    annotations: list[Annotation] = field(default_factory=list)
    anchors: list[tuple[Annotation, AnchorState]] = field(default_factory=list)


@dataclass(slots=True)
class ImportPlan:
    """Core: what an import writes: tags first, then per bundle its documents in order.

    ``bundles`` has one list per incoming bundle (empty for a codebook), so a
    caller can report progress bundle by bundle. ``annotations_existing`` counts
    the incoming annotations already in the library.
    """

    tags: list[Tag] = field(default_factory=list)
    bundles: list[list[PlannedDocument]] = field(default_factory=list)
    annotations_existing: int = 0

    @property
    def documents(self) -> list[PlannedDocument]:
        return [d for docs in self.bundles for d in docs]

    @property
    def annotations_added(self) -> int:
        return sum(len(d.annotations) for d in self.documents)

    @property
    def placed_annotations(self) -> list[Annotation]:
        """The annotations added that are placed in their document's current text (not orphans)."""
        placed = []
        for d in self.documents:
            orphaned = {a.id for a, state in d.anchors if state.status == ORPHANED}
            placed += [a for a in d.annotations if a.id not in orphaned]
        return placed


def _no_older_text(version_id: str) -> str:
    # An incoming annotation is new: it was never placed by a person in an older version.
    raise AssertionError(f"an imported annotation has no earlier placement (version {version_id})")


def _spec_of(annotation: IncomingAnnotation) -> TagSpec:
    path = annotation.tag_path
    return TagSpec(path[-1], "", parents=tuple(path[:-1])) if path else TagSpec(annotation.tag, "")


class _Planner:
    """The matching state of one import: the library's holdings plus what the plan adds so far."""

    def __init__(self, held: Holdings, clock: Callable[[], datetime], make_id: Callable[[], str]) -> None:
        self.clock, self.make_id = clock, make_id
        tag_paths = codebook.paths(held.tags)
        self.now: datetime | None = None  # when the document being planned was made
        self.plan = ImportPlan()
        self.by_path = {path: t for t in held.tags if (path := tag_paths[t.id])}
        self.by_name: dict[str, list[Tag]] = {}
        self.by_label: dict[tuple[str, ...], Tag] = {}
        self.next_order: dict[str | None, int] = {}
        for t in held.tags:
            self.by_name.setdefault(t.name, []).append(t)
            self.next_order[t.parent_id] = max(self.next_order.get(t.parent_id, 0), t.sort_order + 1)
        self.document_sha256s = dict(held.document_sha256s)
        self.documents_by_sha256 = dict(held.documents_by_sha256)
        self.versions_by_sha256 = held.versions_by_sha256
        self.annotations = {doc_id: (set(h.ids), set(h.keys)) for doc_id, h in held.annotations.items()}
        self.annotation_ids = set(held.annotation_ids)

    def tag(self, spec: TagSpec) -> Tag:
        """The tag *spec* names, made (with any missing parents) if the library has none.

        A spec with ``parents`` is matched by name path. A plain name (a format without
        hierarchy) is the top-level tag of that name; if there is none and exactly one tag
        inside another has it, that one (so a flat export of a nested codebook comes back
        onto its tags); else, if it reads as a PATH that names one tag (the label a flat
        export gives two tags that share a name, ``Feelings/Positive``), that tag; else a
        new top-level tag.
        """
        name = codebook.clean_name(spec.name)  # "claim " is the tag claim, not a new one that looks the same
        if not spec.parents:
            found = self.by_path.get((name,))
            if found is None:
                same = self.by_name.get(name, [])
                found = same[0] if len(same) == 1 else self._labelled(name) or self._make((), spec, None)
            return found
        path: tuple[str, ...] = ()
        parent_id = None
        for step in (codebook.clean_name(p) for p in spec.parents):
            path = (*path, step)
            parent = self.by_path.get(path) or self._make(path[:-1], TagSpec(step, ""), parent_id)
            parent_id = parent.id
        return self.by_path.get((*path, name)) or self._make(path, spec, parent_id)

    def _labelled(self, label: str) -> Tag | None:
        """The one tag whose path is, or ends with, the PATH *label* (one with a ``/`` or ``\\``
        in it); None if it is no such PATH or names no tag or several."""
        if "/" not in label and "\\" not in label:
            return None
        try:
            steps = codebook.parse_path(label)
        except InvalidInput:
            return None
        if steps == (label,):
            return None
        found = self.by_path.get(steps) or self.by_label.get(steps)
        if found is None:
            matches = [t for path, t in self.by_path.items() if path[-len(steps) :] == steps]
            found = matches[0] if len(matches) == 1 else None
            if found is not None:
                self.by_label[steps] = found  # each annotation asks again: look once
        return found

    def _make(self, parents: tuple[str, ...], spec: TagSpec, parent_id: str | None) -> Tag:
        name = codebook.clean_name(spec.name)
        created = self.plan.tags
        color = spec.color or NEW_TAG_COLORS[len(created) % len(NEW_TAG_COLORS)]
        order = self.next_order.get(parent_id, 0)
        self.next_order[parent_id] = order + 1
        tag = Tag(self.make_id(), name, color, spec.description, "", order, parent_id)
        created.append(tag)
        self.by_path[(*parents, name)] = tag
        self.by_name.setdefault(name, []).append(tag)
        return tag

    def document(self, incoming: PreparedDocument) -> PlannedDocument:
        imported, text, sha = incoming.source, incoming.text, incoming.sha256
        # Each document is made after the one before it, even within one tick of the clock:
        # the library lists documents by when they were made, so in the order they came.
        now = self.clock()
        if self.now is not None and now <= self.now:
            now = self.now + timedelta(milliseconds=1)
        self.now = now
        try:  # the one storable-text check (prepare_import normalised it the same way)
            stored_text(imported.text, carries_offsets=bool(imported.annotations))
        except UnstorableText as exc:
            raise FormatError(f"'{imported.title}': {exc}") from exc
        doc_id = None
        if incoming.id and self.document_sha256s.get(incoming.id) == sha:
            doc_id = incoming.id
        if doc_id is None:
            doc_id = self.documents_by_sha256.get(sha)
        # A file made before a revision of one of our documents: its annotations
        # follow that document's text as the revision's own did.
        revised: tuple[DocumentVersion, Reanchorer] | None = None
        if doc_id is None and (found := self.versions_by_sha256.get(sha)) is not None:
            version, current_text = found
            doc_id = version.document_id
            revised = (version, Reanchorer(text, current_text))
        if doc_id is not None:
            planned = PlannedDocument(doc_id, imported.title, False)
        else:
            taken = incoming.id is not None and incoming.id in self.document_sha256s
            doc_id = self.make_id() if (incoming.id is None or taken) else incoming.id
            document = Document(doc_id, imported.title, text, sha, dict(imported.metadata), now)
            planned = PlannedDocument(doc_id, imported.title, True, document)
            self.document_sha256s[doc_id] = sha
            self.documents_by_sha256.setdefault(sha, doc_id)
        self._annotations(planned, incoming, text, revised, now)
        return planned

    def _annotations(
        self,
        planned: PlannedDocument,
        incoming: PreparedDocument,
        text: str,
        revised: tuple[DocumentVersion, Reanchorer] | None,
        now: datetime,
    ) -> None:
        in_document, present = self.annotations.setdefault(planned.id, (set(), set()))
        # An id counts as already imported only in this document (orphans included). The same
        # id on another document is another annotation (a hand-edited export, a text changed in
        # another library): it gets a fresh id, like an annotation without one, and is matched
        # on what it carries instead.
        elsewhere = {i for i in incoming.annotation_ids if i and i not in in_document and i in self.annotation_ids}
        imported = incoming.source
        for a, our_id in zip(imported.annotations, incoming.annotation_ids, strict=True):
            check_name("coder", a.coder)
            if our_id in in_document:
                self.plan.annotations_existing += 1
                continue
            keeps_id = our_id is not None and our_id not in elsewhere
            check_span(text, a.start, a.end)
            if a.quote is not None and a.quote != text[a.start : a.end]:
                raise FormatError(f"'{imported.title}': an annotation's quote is not text[start:end]")
            annotation = annotation_on_span(
                text, a.start, a.end, id=our_id if keeps_id and our_id else self.make_id(), document_id=planned.id,
                tag_id=self.tag(_spec_of(a)).id, note=a.note, coder=a.coder, created=a.created or now,
                modified=a.modified or a.created or now,
            )  # fmt: skip
            state = AnchorState()
            if revised is not None:
                version, reanchorer = revised
                # Placed as a revision places it, keeping the file's modified time.
                annotation, state = follow(
                    annotation, state, reanchorer, version.id, now=annotation.modified, text_of=_no_older_text
                )
            if not keeps_id and _key(annotation, state) in present:
                self.plan.annotations_existing += 1
                continue
            if state.status != UNCHANGED:
                planned.anchors.append((annotation, state))
            planned.annotations.append(annotation)
            in_document.add(annotation.id)
            self.annotation_ids.add(annotation.id)
        # Later documents of this import that are this one again match against what it now
        # holds; within one document the keys stay as they were (two id-less copies of one
        # span in one file are both added).
        states = {a.id: state for a, state in planned.anchors}
        present.update(_key(a, states.get(a.id, AnchorState())) for a in planned.annotations)


def _key(annotation: Annotation, state: AnchorState) -> ContentKey:
    where = (state.version_id or "") if state.status == ORPHANED else ""
    return (annotation.tag_id, annotation.start, annotation.end, annotation.note, where)


def plan_import(
    prepared: PreparedImport,
    held: Holdings,
    *,
    clock: Callable[[], datetime] = utc_now,
    make_id: Callable[[], str] = new_id,
) -> ImportPlan:
    """What importing *prepared* into a library holding *held* adds (see the module's docstring).

    *clock* says when documents, and annotations without a time of their own, are made;
    *make_id* makes fresh ids. Raises :class:`FormatError` for text that cannot be
    stored as it is, :class:`~annotator.core.errors.SpanError` for a span that does
    not fit its text and :class:`~annotator.core.errors.InvalidInput` for a name too
    long, at the first one met, in the order the bundles give them.
    """
    planner = _Planner(held, clock, make_id)
    for bundle, documents in prepared.bundles:
        for spec in bundle.tags:
            planner.tag(spec)
        planner.plan.bundles.append([planner.document(d) for d in documents])
    return planner.plan
