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
  cleaned and checked by :func:`annotator.core.codebook.clean_name` first, so
  ``"claim "`` is the tag ``claim``; a blank, invisible or control-character name
  is refused. Tags are matched by **path** (names from the root, one way for every
  format): a tag given with its parents (REFI, annotated JSON version 2) is the tag
  with that path, made with any missing parents; a plain name is the top-level tag
  of that name, else the only tag inside another that has it. Tags the library has
  keep their colour, key and description. A file's codebook tree (version 2) is
  matched the same way, its new tags keeping their id (unless the library uses it)
  and their key (unless a library tag has it). Into a library with no documents the file's
  codebook is taken whole: tags it shares by path with the library take the
  file's id, colour, key, description and order; the library's other tags stay.
- **Previous texts and anchors** (version 2): a document's previous texts that the
  library's document lacks (by SHA-256) are added to its versions (for a new
  document with their numbers and ids; for one already there numbered after its
  own). Orphans keep pointing into their version's text; fuzzy annotations keep
  where a person placed them; either is followed into a revised text like any
  other when the file was made before a revision.
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
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any, Protocol

from annotator.core import codebook
from annotator.core.anchoring import (
    FUZZY,
    MOVED,
    ORPHANED,
    UNCHANGED,
    AnchorState,
    DocumentVersion,
    Reanchorer,
    follow,
)
from annotator.core.attributes import TEXT, Attribute, attribute_name, check_choices, check_kind, parse_value
from annotator.core.errors import FormatError, InvalidInput
from annotator.core.memos import JournalEntry, memo_text
from annotator.core.model import (
    ID_MAX,
    Annotation,
    Document,
    Tag,
    TagSpec,
    annotation_on_span,
    check_name,
    coder_name,
    new_id,
    utc_now,
)
from annotator.core.records import CodebookTag, DocumentSet, IncomingAnchor, IncomingVersion, LibraryExtras, set_name
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
    anchor: IncomingAnchor | None


class IncomingDocument(Protocol):
    """Core: a document read from a file (``formats.base.ImportedDocument``)."""

    title: str
    text: str
    metadata: dict[str, Any]
    annotations: list[Any]  # IncomingAnnotation; a list is invariant, so not spelt out
    id: str | None
    memo: str
    created: datetime | None
    versions: list[IncomingVersion]
    attributes: dict[str, str]


class IncomingBundle(Protocol):
    """Core: everything one file brought in (``formats.base.ImportBundle``)."""

    documents: list[Any]  # IncomingDocument
    tags: list[TagSpec]
    attributes: list[Attribute]
    extras: LibraryExtras | None


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
    #: whether the library holds no document (then a file's codebook is taken whole)
    empty: bool = False
    #: document id -> its previous texts as (id, number, SHA-256), for the documents found
    versions: Mapping[str, Sequence[tuple[str, int, str]]] = field(default_factory=dict)
    #: the incoming version ids that a version in the library has
    version_ids: AbstractSet[str] = frozenset()


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
    #: previous texts to add (before the annotations: orphans point into them)
    versions: list[DocumentVersion] = field(default_factory=list)


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
    #: the whole codebook, parents first, when it is written anew (a file's codebook taken
    #: whole by a library with no documents): the library's tags are replaced by these
    codebook: list[Tag] | None = None

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


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """Core: what an import would write, in counts a person checks before anything is written.

    Annotations: ``placed`` where the file placed them (or moved with a revised text),
    ``for_review`` placed on changed text and awaiting review, ``orphaned`` without a place in
    the current text (each added), and ``unchanged``, already in the library. ``coders``: coder
    name -> annotations added, by name. ``matched``: the library's documents the import adds
    to, in order. Two summaries are equal when the import would write the same thing (fresh
    ids aside): a write based on a confirmed summary checks that.
    """

    placed: int = 0
    for_review: int = 0
    orphaned: int = 0
    unchanged: int = 0
    added_to_matched: int = 0  # of those added, into documents the library already has
    matched: tuple[str, ...] = ()
    documents_new: int = 0
    tags_new: tuple[str, ...] = ()  # the new tags' paths
    coders: tuple[tuple[str, int], ...] = ()

    @property
    def added(self) -> int:
        """Every annotation the import adds: placed, for review and orphaned."""
        return self.placed + self.for_review + self.orphaned

    @property
    def brings_work_in(self) -> bool:
        """Whether it adds annotations to documents the library already has (a colleague's work)."""
        return self.added_to_matched > 0


def summarize(plan: ImportPlan, library_tags: Sequence[Tag] = ()) -> ImportSummary:
    """The :class:`ImportSummary` of *plan* (*library_tags* name the new tags by their paths)."""
    placed = review = orphaned = into_matched = 0
    coders: dict[str, int] = {}
    for d in plan.documents:
        states = {a.id: state.status for a, state in d.anchors}
        review += sum(1 for s in states.values() if s == FUZZY)
        orphaned += sum(1 for s in states.values() if s == ORPHANED)
        placed += sum(1 for a in d.annotations if states.get(a.id) not in (FUZZY, ORPHANED))
        if not d.new:
            into_matched += len(d.annotations)
        for a in d.annotations:
            coders[a.coder] = coders.get(a.coder, 0) + 1
    tag_paths = codebook.paths([*library_tags, *plan.tags])
    return ImportSummary(
        placed, review, orphaned, plan.annotations_existing, into_matched,
        matched=tuple(dict.fromkeys(d.id for d in plan.documents if not d.new)),
        documents_new=sum(1 for d in plan.documents if d.new),
        tags_new=tuple(codebook.format_path(tag_paths.get(t.id, (t.name,))) for t in plan.tags),
        coders=tuple(sorted(coders.items())),
    )  # fmt: skip


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
        self.now: datetime | None = None  # when the document being planned was made
        self.plan = ImportPlan()
        self.empty = held.empty
        self._index(list(held.tags))
        self.document_sha256s = dict(held.document_sha256s)
        self.documents_by_sha256 = dict(held.documents_by_sha256)
        #: documents this import makes -> the file's id of the document each was made from
        self.made_from: dict[str, str | None] = {}
        self.versions_by_sha256 = held.versions_by_sha256
        self.annotations = {doc_id: (set(h.ids), set(h.keys)) for doc_id, h in held.annotations.items()}
        self.annotation_ids = set(held.annotation_ids)
        self.versions = {doc_id: list(vs) for doc_id, vs in held.versions.items()}
        self.version_ids = set(held.version_ids)

    def _index(self, tags: list[Tag]) -> None:
        """Know *tags* (the library's and those planned) by path and by name."""
        self.all_tags = tags
        tag_paths = codebook.paths(tags)
        self.by_path = {path: t for t in tags if (path := tag_paths[t.id])}
        self.by_name: dict[str, list[Tag]] = {}
        self.by_label: dict[tuple[str, ...], Tag] = {}  # PATH labels of flat formats, found once
        self.next_order: dict[str | None, int] = {}
        for t in tags:
            self.by_name.setdefault(t.name, []).append(t)
            self.next_order[t.parent_id] = max(self.next_order.get(t.parent_id, 0), t.sort_order + 1)

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

    def _make(
        self,
        parents: tuple[str, ...],
        spec: TagSpec,
        parent_id: str | None,
        *,
        tag_id: str | None = None,
        key: str = "",
    ) -> Tag:
        name = codebook.clean_name(spec.name)
        created = self.plan.tags
        color = spec.color or NEW_TAG_COLORS[len(created) % len(NEW_TAG_COLORS)]
        order = self.next_order.get(parent_id, 0)
        self.next_order[parent_id] = order + 1
        tag = Tag(tag_id or self.make_id(), name, color, spec.description, key, order, parent_id)
        created.append(tag)
        self.all_tags.append(tag)
        self.by_path[(*parents, name)] = tag
        self.by_name.setdefault(name, []).append(tag)
        return tag

    def codebook(self, incoming: Sequence[CodebookTag]) -> None:
        """Match a file's codebook tree (parents first) to the library's tags by path, as
        :meth:`tag` does; its annotations then name their tags by those paths."""
        if not incoming:
            return
        taken_ids = {t.id for t in self.all_tags}
        file_keys = {t.shortcut for t in incoming if t.shortcut}
        # The first codebook into a library without documents (none planned either: their
        # annotations would refer to the tags replaced) is taken whole.
        whole = self.empty and self.plan.codebook is None and not self.plan.documents
        keys = set(file_keys) if whole else {t.shortcut for t in self.all_tags if t.shortcut}
        replaced: dict[str, Tag] = {}  # library tag id -> the file's tag taking its place
        placed: dict[str, tuple[tuple[str, ...], Tag]] = {}  # the file's tag id -> (its path, the tag)
        seen: set[tuple[str, ...]] = set()
        for t in incoming:
            parents, parent = placed[t.parent_id] if t.parent_id is not None else ((), None)
            path = (*parents, codebook.clean_name(t.name))
            if path in seen:  # "Café" and "Cafe\u0301", or "Café ": one name once cleaned
                where = f"under '{codebook.format_path(parents)}'" if parents else "at the top level"
                raise FormatError(
                    f"the file's codebook has two tags named '{path[-1]}' {where}; names are unique among siblings"
                )
            seen.add(path)
            found = self.by_path.get(path)
            if found is not None and not whole:
                placed[t.id] = (path, found)
                continue
            if found is not None:
                taken_ids.discard(found.id)  # the file's tag takes this one's place (and may take its id)
            tag_id = t.id if is_our_id(t.id) and t.id not in taken_ids else self.make_id()
            taken_ids.add(tag_id)
            key = t.shortcut if whole or t.shortcut not in keys else ""
            keys.add(key)
            parent_id = parent.id if parent is not None else None
            if found is None:
                tag = self._make(parents, TagSpec(t.name, t.color, t.description), parent_id, tag_id=tag_id, key=key)
            else:
                tag = replace(found, id=tag_id, color=t.color or found.color, description=t.description,
                              shortcut=key, parent_id=parent_id)  # fmt: skip
                replaced[found.id] = tag
                self.by_path[path] = tag
            if whole:  # the file's order too
                tag = replace(tag, sort_order=t.sort_order)
                self.by_path[path] = tag
            placed[t.id] = (path, tag)
        if whole:
            # The library's other tags stay, under the tags that took their parents' places, without
            # a key the file's codebook gives to one of its own.
            mine = {tag.id: tag for _, tag in placed.values()}
            kept = [tag for _, tag in placed.values()]
            for x in self.all_tags:
                if x.id not in mine and x.id not in replaced:
                    parent_id = replaced[x.parent_id].id if x.parent_id in replaced else x.parent_id
                    kept.append(replace(x, parent_id=parent_id, shortcut="" if x.shortcut in file_keys else x.shortcut))
            self.plan.codebook = [x for x, _ in codebook.walk(kept)]
            created = {t.id for t in self.plan.tags}
            self.plan.tags = [x for x in self.plan.codebook if x.id in created]
            self._index(kept)

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
            if doc_id in self.made_from and incoming.id is not None and self.made_from[doc_id] != incoming.id:
                # Another document of the same file with the same text (one revised to the other's text,
                # say): in the library it came from they were two documents, and so they stay.
                doc_id = None
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
            created = imported.created or now
            document = Document(doc_id, imported.title, text, sha, dict(imported.metadata), created, imported.memo)
            planned = PlannedDocument(doc_id, imported.title, True, document)
            self.document_sha256s[doc_id] = sha
            self.documents_by_sha256.setdefault(sha, doc_id)
            self.made_from[doc_id] = incoming.id
        versions = self._versions(planned, imported.versions)
        self._annotations(planned, incoming, text, revised, now, versions)
        return planned

    def _versions(self, planned: PlannedDocument, incoming: Sequence[IncomingVersion]) -> dict[str, tuple[str, str]]:
        """The file's version id -> (the library's version id, its text), for the previous texts
        the file carries; those the library's document lacks are added to the plan."""
        held = self.versions.setdefault(planned.id, [])
        by_sha = {sha: version_id for version_id, _, sha in held}
        number = max((n for _, n, _ in held), default=0)
        found: dict[str, tuple[str, str]] = {}
        for v in incoming:
            if v.text is None:
                continue  # left out of the file: nothing to store (nor may anything point into it)
            if v.sha256 in by_sha:
                found[v.id] = (by_sha[v.sha256], v.text)
                continue
            version_id = v.id if is_our_id(v.id) and v.id not in self.version_ids else self.make_id()
            number = v.version if planned.new else number + 1
            planned.versions.append(
                DocumentVersion(version_id, planned.id, number, v.text, v.sha256, v.created, v.note)
            )
            held.append((version_id, number, v.sha256))
            by_sha[v.sha256] = version_id
            self.version_ids.add(version_id)
            found[v.id] = (version_id, v.text)
        return found

    def _annotations(
        self,
        planned: PlannedDocument,
        incoming: PreparedDocument,
        text: str,
        revised: tuple[DocumentVersion, Reanchorer] | None,
        now: datetime,
        versions: Mapping[str, tuple[str, str]],
    ) -> None:
        in_document, present = self.annotations.setdefault(planned.id, (set(), set()))
        # An id counts as already imported only in this document (orphans included). The same
        # id on another document is another annotation (a hand-edited export, a text changed in
        # another library): it gets a fresh id, like an annotation without one, and is matched
        # on what it carries instead.
        elsewhere = {i for i in incoming.annotation_ids if i and i not in in_document and i in self.annotation_ids}
        imported = incoming.source
        texts = dict(versions.values())  # the library's version id -> its text

        def text_of(version_id: str) -> str:  # where a person placed a fuzzy annotation
            return texts[version_id] if version_id in texts else _no_older_text(version_id)

        for a, our_id in zip(imported.annotations, incoming.annotation_ids, strict=True):
            coder = coder_name(a.coder)
            if our_id in in_document:
                self.plan.annotations_existing += 1
                continue
            keeps_id = our_id is not None and our_id not in elsewhere
            state, placed_in = _anchor_of(imported.title, a.anchor, versions)
            in_text = text if placed_in is None else placed_in
            check_span(in_text, a.start, a.end)
            if a.quote is not None and a.quote != in_text[a.start : a.end]:
                raise FormatError(f"'{imported.title}': an annotation's quote is not text[start:end]")
            annotation = annotation_on_span(
                in_text, a.start, a.end, id=our_id if keeps_id and our_id else self.make_id(),
                document_id=planned.id, tag_id=self.tag(_spec_of(a)).id, note=a.note, coder=coder,
                created=a.created or now, modified=a.modified or a.created or now,
            )  # fmt: skip
            if revised is not None and state.status != ORPHANED:  # an orphan stays with its version
                version, reanchorer = revised
                # Placed as a revision places it, keeping the file's modified time.
                annotation, state = follow(
                    annotation, state, reanchorer, version.id, now=annotation.modified, text_of=text_of
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


def _anchor_of(
    title: str, anchor: IncomingAnchor | None, versions: Mapping[str, tuple[str, str]]
) -> tuple[AnchorState, str | None]:
    """The anchor state an incoming annotation stands at in the library, and for an orphan the
    text its offsets point into (None: the document's text)."""
    if anchor is None or anchor.status == UNCHANGED:
        return AnchorState(), None
    if anchor.status == MOVED:
        return AnchorState(MOVED), None
    if anchor.status not in (FUZZY, ORPHANED) or anchor.start is None or anchor.end is None:
        raise FormatError(f"'{title}': an annotation's anchor status {anchor.status!r} is not one there is")
    found = versions.get(anchor.version_id or "")
    if found is None:
        raise FormatError(f"'{title}': an annotation points into a previous text the file does not carry")
    version_id, version_text = found
    check_span(version_text, anchor.start, anchor.end)
    state = AnchorState(anchor.status, version_id, anchor.start, anchor.end)
    return state, (version_text if anchor.status == ORPHANED else None)


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
        if bundle.extras is not None:
            planner.codebook(bundle.extras.codebook)
        planner.plan.bundles.append([planner.document(d) for d in documents])
    return planner.plan


# -- what a whole library's export brings besides (annotated JSON version 2) --------------------


@dataclass(frozen=True, slots=True)
class HeldExtras:
    """Core: what the library holds that a file's attributes, sets, journal and memos are matched
    against: its attribute definitions and sets; for the documents the import matched, their
    memos and attribute values (attribute id -> value); the incoming ids of sets, attributes and
    journal entries that the library already uses (each in its own table)."""

    attributes: Sequence[Attribute] = ()
    sets: Sequence[DocumentSet] = ()
    memos: Mapping[str, str] = field(default_factory=dict)
    values: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    set_ids: AbstractSet[str] = frozenset()
    attribute_ids: AbstractSet[str] = frozenset()
    journal_ids: AbstractSet[str] = frozenset()


@dataclass(slots=True)
class ExtrasPlan:
    """Core: what an import writes besides documents, annotations and tags.

    ``attributes``: new definitions; ``choices``: attribute id -> its choices, grown by those a
    file declares; ``values``: (document id, attribute id, value) to add; ``memos``: (document
    id, memo) of documents already there; ``sets``: new sets with their members; ``members``:
    (set id, documents to add) for sets already there; ``journal``: new entries; ``notes``: what
    was kept aside or read otherwise, in a line each (a value the library already had otherwise).
    """

    attributes: list[Attribute] = field(default_factory=list)
    choices: dict[str, tuple[str, ...]] = field(default_factory=dict)
    values: list[tuple[str, str, str]] = field(default_factory=list)
    memos: list[tuple[str, str]] = field(default_factory=list)
    sets: list[DocumentSet] = field(default_factory=list)
    members: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def joined_memo(held: str, incoming: str) -> str:
    """A memo of a document the import matched: the library's, with the file's below it when the
    file says something the library's memo does not hold (neither is lost)."""
    if not incoming.strip() or incoming in held:
        return held
    return incoming if not held.strip() else f"{held}\n\n{incoming}"


class _Attributes:
    """The attribute definitions of one import: the library's, and those the files add."""

    def __init__(self, held: HeldExtras, out: ExtrasPlan, make_id: Callable[[], str]) -> None:
        self.out, self.make_id = out, make_id
        self.by_name = {a.name: a for a in held.attributes}
        self.used_ids = set(held.attribute_ids) | {a.id for a in held.attributes}
        self.next_order = max((a.sort_order for a in held.attributes), default=-1) + 1
        self.files_order = not held.attributes  # a library without attributes takes a file's order
        self.noted: set[str] = set()

    def define(self, name: str, declared: Attribute | None) -> Attribute:
        """The library's attribute *name* (cleaned), defined as the file *declared* it (undeclared:
        text) if the library lacks it; a choice the file declares and the library lacks is added."""
        found = self.by_name.get(name)
        if found is None:
            kind = check_kind(declared.kind) if declared is not None else TEXT
            choices = check_choices(kind, declared.choices) if declared is not None else ()
            order = declared.sort_order if declared is not None and self.files_order else self.next_order
            keeps = declared is not None and is_our_id(declared.id) and declared.id not in self.used_ids
            found = Attribute(declared.id if keeps and declared else self.make_id(), name, kind, choices, order)
            self.next_order = max(self.next_order, order + 1)
            self.used_ids.add(found.id)
            self.by_name[name] = found
            self.out.attributes.append(found)
        elif declared is not None and declared.kind != found.kind:
            if name not in self.noted:
                self.noted.add(name)
                self.out.notes.append(
                    f"attribute '{name}' is {found.kind} in this library but {declared.kind} in the file: "
                    f"its values were read as {found.kind}"
                )
        elif declared is not None and (missing := [c for c in declared.choices if c not in found.choices]):
            grown = replace(found, choices=(*found.choices, *check_choices(found.kind, missing)))
            self.by_name[name] = grown
            new = [i for i, a in enumerate(self.out.attributes) if a.id == found.id]
            if new:
                self.out.attributes[new[0]] = grown
            else:
                self.out.choices[found.id] = grown.choices
            found = grown
        return found


def plan_extras(
    prepared: PreparedImport, plan: ImportPlan, held: HeldExtras, *, make_id: Callable[[], str] = new_id
) -> ExtrasPlan:
    """What the files' attribute definitions and values, and a whole library's sets, journal and
    document memos, add to a library holding *held*, once *plan* has placed their documents.

    - **Attributes** are matched by name (:func:`annotator.core.attributes.attribute_name`). One
      the library lacks is defined as the file declares it (every declared one, used or not;
      an undeclared name as text), keeping its id when it is ours and unused. One the library
      has keeps its kind (a note says when the file's differs); a choice it lacks is added.
      Values are parsed for the library's kind (:func:`~annotator.core.attributes.parse_value`):
      one that does not fit refuses the whole import (:class:`FormatError`). A value is added
      where the document has none; where it has another, the library's stays and a note says
      what the file had.
    - **Memos** of documents already there: :func:`joined_memo`.
    - **Sets** are matched by name: documents are added to the library's set; a new set keeps
      its id unless the library uses it.
    - **Journal** entries are matched by id (an entry whose id the library has is there
      already); others are added, keeping their id when it is ours.
    """
    out = ExtrasPlan()
    attributes = _Attributes(held, out, make_id)
    sets = {s.name: s for s in held.sets}
    values = {doc_id: dict(v) for doc_id, v in held.values.items()}
    memos = dict(held.memos)
    added_to: dict[str, list[str]] = {}
    known_entries = set(held.journal_ids)
    for (bundle, documents), planned in zip(prepared.bundles, plan.bundles, strict=True):
        declared: dict[str, Attribute] = {}
        for a in bundle.attributes:
            try:
                name = attribute_name(a.name)
                declared[name] = a
                attributes.define(name, a)
            except InvalidInput as exc:
                raise FormatError(f"attribute '{a.name}': {exc}; nothing was imported") from exc
        file_ids = {}  # the file's document id -> the library's
        for incoming, placed in zip(documents, planned, strict=True):
            source = incoming.source
            if source.id is not None:
                file_ids[source.id] = placed.id
            try:
                memo = joined_memo(memos.get(placed.id, ""), memo_text("document memo", source.memo))
            except InvalidInput as exc:
                raise FormatError(f"'{source.title}': {exc}") from exc
            if not placed.new and memo != memos.get(placed.id, ""):
                memos[placed.id] = memo
                out.memos.append((placed.id, memo))
            have = values.setdefault(placed.id, {})
            for raw_name, raw in source.attributes.items():
                try:
                    name = attribute_name(raw_name)
                    attribute = attributes.define(name, declared.get(name))
                    value = parse_value(attribute, raw)
                except InvalidInput as exc:
                    raise FormatError(f"'{source.title}', attribute '{raw_name}': {exc}; nothing was imported") from exc
                if not value:
                    continue
                if attribute.id not in have:
                    have[attribute.id] = value
                    out.values.append((placed.id, attribute.id, value))
                elif have[attribute.id] != value:
                    out.notes.append(
                        f"'{placed.title}': attribute '{name}' kept {have[attribute.id]!r} (the file has {value!r})"
                    )
        extras = bundle.extras
        if extras is None:
            continue
        for s in extras.sets:
            members = tuple(dict.fromkeys(file_ids[d] for d in s.document_ids if d in file_ids))
            found_set = sets.get(s.name)
            if found_set is None:
                taken = not is_our_id(s.id) or s.id in held.set_ids or any(x.id == s.id for x in sets.values())
                found_set = DocumentSet(make_id() if taken else s.id, set_name(s.name), members)
                sets[s.name] = found_set
                out.sets.append(found_set)
            elif more := [d for d in members if d not in found_set.document_ids]:
                added_to.setdefault(found_set.id, []).extend(more)
        for e in extras.journal:
            if e.id in known_entries:
                continue
            entry = e if is_our_id(e.id) else replace(e, id=make_id())
            check_name("author", entry.author)
            memo_text("journal entry", entry.body)
            known_entries.add(entry.id)
            out.journal.append(entry)
    # A new set made by an earlier file of this import gets the members of later ones too.
    new_sets = {s.id: i for i, s in enumerate(out.sets)}
    for set_id, added in added_to.items():
        if set_id in new_sets:
            s = out.sets[new_sets[set_id]]
            out.sets[new_sets[set_id]] = replace(s, document_ids=tuple(dict.fromkeys((*s.document_ids, *added))))
        else:
            out.members.append((set_id, tuple(dict.fromkeys(added))))
    return out
