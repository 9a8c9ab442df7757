"""Services: revising a document's text without losing a single annotation.

A revision replaces a document's text (an erratum, a corrected transcription,
a new edition) in one unit of work:

- the text it replaces is kept as a numbered :class:`DocumentVersion`;
- every annotation is placed again in the new text (:mod:`annotator.core.anchoring`)
  and its start, end, quote, prefix and suffix are rewritten from the new text,
  so ``text[start:end] == quote`` keeps holding for every annotation that is
  placed ("unchanged", "moved" or "fuzzy");
- an annotation that cannot be placed becomes an *orphan*: nothing of it is
  changed or deleted, its offsets and quote still point into the version it was
  made on (``AnchorState.version_id``), and a person can put it back with
  :func:`reattach_orphan`;
- a "fuzzy" annotation (placed on changed text) stays flagged for review, over
  later revisions too, until :func:`accept_fuzzy` or :func:`reattach_orphan`;
  where a person had placed it is kept (``AnchorState``), so if a later
  revision orphans it, it falls back to that original span.

Nothing is ever deleted by a revision; reverting is revising back to an old
version's text (orphans whose text returns are found again).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from operator import attrgetter

from annotator.core.anchoring import (
    ANCHOR_STATUSES,
    FUZZY,
    MOVED,
    ORPHANED,
    AnchorState,
    DocumentVersion,
    Orphan,
    Reanchorer,
    follow,
)
from annotator.core.errors import NotFound
from annotator.core.model import Annotation, Conflict, InvalidInput, moved_to_span, new_id, utc_now
from annotator.core.text import UnstorableText, sha256_text, stored_text
from annotator.formats.base import FormatError
from annotator.services.annotating import DELETED, REVISED
from annotator.services.changes import Changes
from annotator.services.importing import LibrarySource, opened, read_file
from annotator.services.library import Library
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.engine import LibraryError
from annotator.storage.uow import reading, unit_of_work

#: Why an accept is refused: the placement a person agreed with is not the one stored now.
PLACED_AGAIN = "another program's revision placed this annotation again since it was shown here; nothing was accepted"
#: Where an annotation is placed, as a person sees it.
_placement = attrgetter("start", "end", "quote")


@dataclass(frozen=True, slots=True)
class RevisionResult:
    """Services: what a revision did.

    ``counts`` has every status of :data:`ANCHOR_STATUSES`: how the document's
    annotations stand after it ("fuzzy" includes ones still awaiting review from
    an earlier revision, "orphaned" ones orphaned earlier and still not placed).
    ``changes.annotations_updated`` holds the placed annotations whose span or
    context changed; ``fuzzy`` and ``orphaned`` list those needing a person.
    """

    document_id: str
    version: DocumentVersion
    counts: dict[str, int]
    changes: Changes
    fuzzy: tuple[Annotation, ...] = ()
    orphaned: tuple[Annotation, ...] = ()
    #: annotation id -> its anchor state after the revision
    states: dict[str, AnchorState] = field(default_factory=dict)


def revise_document(
    library: Library, *, document_id: str, new_text: str, note: str = "", expected_sha256: str | None = None
) -> RevisionResult:
    """Replace a document's text with *new_text*, keeping the old one and re-anchoring every annotation.

    The text is normalised as an import would (line endings, BOM). Raises
    :class:`NotFound` for an unknown document, :class:`InvalidInput` for a
    text that is empty, not text, or the same as the current one, and
    :class:`LibraryError` if the database fails or the document changed
    meanwhile, :class:`Conflict` if its text is no longer the one with
    *expected_sha256* (what the reviser saw); then nothing is changed.
    """
    try:
        text = stored_text(new_text)
    except UnstorableText as exc:
        raise InvalidInput(f"{exc}; nothing was changed") from exc
    if not text.strip():
        raise InvalidInput("the new text is empty; nothing was changed")
    sha256 = sha256_text(text)
    now = utc_now()
    with unit_of_work(library.engine) as s:
        # Before anything is read (PostgreSQL): an import matching texts by SHA-256 waits for the
        # revision (or it for the import), and so does anything placing annotations in this text.
        locks.hold(s, locks.IMPORT)
        repo.lock_documents(s, [document_id], exclusive=True)
        document = repo.get_document(s, document_id)
        if document is None:
            raise NotFound(f"there is no document '{document_id}' in this library")
        if expected_sha256 is not None and document.sha256 != expected_sha256:
            raise Conflict(REVISED)
        if document.text == text:
            raise InvalidInput("the new text is the same as the document's current text; nothing was changed")
        version = DocumentVersion(
            new_id(), document_id, repo.next_version_number(s, document_id), document.text, document.sha256,
            now, note,
        )  # fmt: skip
        repo.insert_document_version(s, version)
        if not repo.replace_document_text(s, document_id, text=text, sha256=sha256, expected_sha256=document.sha256):
            raise Conflict(REVISED)  # cannot happen under the lock above; refused rather than assumed

        older_texts: dict[str, str] = {version.id: version.text}

        def text_of(version_id: str) -> str:
            if version_id not in older_texts:
                older = repo.get_document_version(s, version_id)
                if older is None:  # the foreign key makes this impossible; say so rather than guess
                    raise LibraryError(f"document version {version_id} is missing; the library is damaged")
                older_texts[version_id] = older.text
            return older_texts[version_id]

        reanchorer = Reanchorer(document.text, text)
        writes: list[tuple[Annotation, AnchorState]] = []
        states: dict[str, AnchorState] = {}
        updated: list[Annotation] = []
        fuzzy: list[Annotation] = []
        orphaned: list[Annotation] = []
        for annotation, state in repo.anchored_annotations_of(s, document_id):
            after, new_state = follow(annotation, state, reanchorer, version.id, now=now, text_of=text_of)
            states[annotation.id] = new_state
            if (after, new_state) != (annotation, state):
                writes.append((after, new_state))
                if new_state.status != ORPHANED:
                    updated.append(after)
            if new_state.status == FUZZY:
                fuzzy.append(after)
            elif new_state.status == ORPHANED:
                orphaned.append(after)
        repo.update_anchors(s, writes)
    counts = dict.fromkeys(ANCHOR_STATUSES, 0)
    for state in states.values():
        counts[state.status] += 1
    return RevisionResult(
        document_id=document_id,
        version=version,
        counts=counts,
        changes=Changes(annotations_updated=tuple(updated), documents_revised=(document_id,)),
        fuzzy=tuple(fuzzy),
        orphaned=tuple(orphaned),
        states=states,
    )


def reattach_orphan(
    library: Library, *, annotation_id: str, start: int, end: int, expected_sha256: str | None = None
) -> Changes:
    """Place an orphaned (or fuzzy) annotation on ``text[start:end]`` of its document's current text.

    The span a person chose is final: the annotation becomes "moved" and its
    review flag is cleared. Raises :class:`NotFound`, :class:`SpanError` for a
    span that does not fit the text, :class:`InvalidInput` for an annotation that
    is already placed and reviewed, :class:`Conflict` if the text is no longer
    the one with *expected_sha256* (the one the span was selected in).
    """
    with unit_of_work(library.engine) as s:
        # The document first: a revision then waits for this, or this for a revision to end.
        repo.lock_documents(s, repo.document_ids_of_annotations(s, [annotation_id]))
        found = repo.get_anchored_annotation(s, annotation_id)
        if found is None:
            raise NotFound(f"there is no annotation '{annotation_id}'")
        annotation, state = found
        if state.status not in (ORPHANED, FUZZY):
            raise InvalidInput(
                "this annotation is placed in the current text; change its span instead of reattaching it"
            )
        text = library.current_text(s, annotation.document_id, lock=True)[0]
        if expected_sha256 is not None and sha256_text(text) != expected_sha256:
            raise Conflict(REVISED)
        # SpanError if the span does not fit the text.
        after = moved_to_span(annotation, text, start, end, modified=utc_now())
        repo.update_anchors(s, [(after, AnchorState(MOVED))])
    return Changes(annotations_updated=(after,))


def accept_fuzzy(
    library: Library, *, annotation_ids: Iterable[str], bases: Mapping[str, Annotation] | None = None
) -> Changes:
    """Clear the review flag of fuzzy annotations: a person agrees with where they were placed.

    Annotations that are not fuzzy are left as they are (accepting twice changes
    nothing); an orphan cannot be accepted (:class:`InvalidInput`: place it with
    :func:`reattach_orphan`). All or nothing, in one unit of work.

    *bases* (annotation id -> the annotation as a window showed it): a person
    accepts the placement they saw, so if another program's revision placed one
    again since (its start, end or quote differ, or it is an orphan now) or
    deleted it, the whole accept is refused with :class:`Conflict`. Ids without
    a base are not checked.
    """
    accepted: list[Annotation] = []
    now = utc_now()
    ids = list(dict.fromkeys(annotation_ids))
    with unit_of_work(library.engine) as s:
        # The documents first: a revision committed between reading a placement and accepting it
        # would have the old placement written into the new text (PostgreSQL).
        repo.lock_documents(s, repo.document_ids_of_annotations(s, ids))
        for annotation_id in ids:
            base = bases.get(annotation_id) if bases is not None else None
            found = repo.get_anchored_annotation(s, annotation_id)
            if found is None:
                raise Conflict(DELETED) if base is not None else NotFound(f"there is no annotation '{annotation_id}'")
            annotation, state = found
            if base is not None and (state.status == ORPHANED or _placement(base) != _placement(annotation)):
                raise Conflict(PLACED_AGAIN)
            if state.status == ORPHANED:
                raise InvalidInput(f"annotation '{annotation_id}' is orphaned; select its new text to reattach it")
            if state.status == FUZZY:
                accepted.append(replace(annotation, modified=now))
        repo.update_anchors(s, [(a, AnchorState(MOVED)) for a in accepted])
    return Changes(annotations_updated=tuple(accepted))


def revise_from_file(
    library: LibrarySource,
    *,
    document_id: str,
    path: str | os.PathLike[str],
    format_id: str | None = None,
    note: str = "",
    expected_sha256: str | None = None,
) -> RevisionResult:
    """Replace a document's text with the one in the file at *path*, read like an import.

    The file must hold exactly one document without annotations (the document's
    own annotations follow the new text); else :class:`FormatError`, as for a
    file that cannot be read. The file is read before *library* is opened (it
    may be an opener), so a file that cannot be used changes nothing. Then as
    :func:`revise_document`, *expected_sha256* included.
    """
    try:
        bundle = read_file(path, format_id)
    except FormatError as exc:
        raise FormatError(f"{path}: {exc}; nothing was changed") from exc
    if len(bundle.documents) != 1:
        raise FormatError(f"{path} holds {len(bundle.documents)} documents; a revision takes a file with exactly one")
    [document] = bundle.documents
    if document.annotations:
        raise FormatError(
            f"{path} carries {len(document.annotations)} annotation(s); a revision takes a text only "
            "(the document's own annotations follow the new text)"
        )
    return revise_document(
        opened(library), document_id=document_id, new_text=document.text, note=note,
        expected_sha256=expected_sha256,
    )  # fmt: skip


# -- queries --------------------------------------------------------------------------------------


def document_versions(library: Library, document_id: str) -> list[DocumentVersion]:
    """The previous texts of a document, oldest (version 1, as imported) first."""
    with reading(library.engine) as s:
        if repo.get_document(s, document_id) is None:
            raise NotFound(f"there is no document '{document_id}' in this library")
        return repo.document_versions(s, document_id)


def anchor_states(library: Library, document_id: str) -> dict[str, AnchorState]:
    """Annotation id -> anchor state, for the document's annotations not plainly "unchanged"."""
    with reading(library.engine) as s:
        return repo.anchor_states_of(s, document_id)


def orphans(library: Library, document_id: str) -> list[Orphan]:
    """The document's orphans, each with the previous version its offsets and quote point into."""
    with reading(library.engine) as s:
        return repo.orphans_of(s, document_id)
