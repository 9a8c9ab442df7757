"""Services: undoing and redoing an import's annotations (one undo step in the window).

An import (:func:`annotator.services.importing.persist`) says in its result every
annotation it added with the anchor state it was written with, and the SHA-256 of
each text it added them to. :func:`remove_imported` deletes exactly those, refused
if a person or another program edited one since (its tag, note, span, coder or
review state, as stored, not as a window last showed it); :func:`restore_imported`
puts the very same ones back (ids, times, states), refused if one of those texts
was revised since. Documents and tags the import created stay: an undo takes back
the annotations it brought, and a document or tag it made is deleted like any other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from annotator.core.anchoring import UNCHANGED, AnchorState
from annotator.core.errors import Conflict
from annotator.core.model import Annotation
from annotator.services.annotating import SEEN_FIELDS
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work

UNDO_EDITED = "an annotation this import added was edited since (“{quote}”); the import was not undone"
REDO_REVISED = "the text of a document this import added annotations to was revised since; nothing was redone"

#: An annotation an import added, with the anchor state it was written with.
Added = tuple[Annotation, AnchorState]


def _seen(annotation: Annotation, state: AnchorState) -> tuple[object, ...]:
    """What a person may have edited: tag, note, span, coder, and whether it awaits review (not the
    modified time, which an edit undone in a window moves on while leaving it as it was)."""
    return (*(getattr(annotation, name) for name in SEEN_FIELDS), annotation.coder, state.status)


def _short(quote: str, limit: int = 40) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


def remove_imported(library: Library, *, added: Sequence[Added]) -> Changes:
    """Undo an import's annotations: delete exactly *added*, in one transaction.

    Refused (:class:`Conflict`, nothing deleted) if one of them, as stored now, differs from how the
    import wrote it; one already deleted is left out.
    """
    ids = [a.id for a, _ in added]
    with unit_of_work(library.engine) as s:
        repo.lock_annotations(s, ids)
        stored = {a.id: (a, state) for a, state in repo.anchored_annotations_by_id(s, ids)}
        for annotation, state in added:
            now = stored.get(annotation.id)
            if now is not None and _seen(*now) != _seen(annotation, state):
                raise Conflict(UNDO_EDITED.format(quote=_short(now[0].quote)))
        gone = [stored[a.id] for a, _ in added if a.id in stored]
        repo.delete_annotations(s, [a.id for a, _ in gone])
    return Changes(
        annotations_deleted=tuple(a for a, _ in gone),
        anchor_states=tuple((a.id, state) for a, state in gone if state.status != UNCHANGED),
    )


def restore_imported(library: Library, *, added: Sequence[Added], sha256s: Mapping[str, str]) -> Changes:
    """Redo an import's annotations: put back these very *added* (ids, times, anchor states) in one
    transaction. Refused (:class:`Conflict`, nothing written) if a text they were written on
    (*sha256s*: document id -> SHA-256) changed since; one that exists again is left out."""
    document_ids = sorted({a.document_id for a, _ in added})
    with unit_of_work(library.engine) as s:
        repo.lock_documents(s, document_ids)
        locks.hold(s, locks.ANNOTATE)
        current = repo.document_sha256s(s, document_ids)
        if any(current.get(d) != sha256s.get(d) for d in document_ids):
            raise Conflict(REDO_REVISED)
        existing = repo.existing_annotation_ids(s, [a.id for a, _ in added])
        put = [(a, state) for a, state in added if a.id not in existing]
        repo.insert_annotations(s, [a for a, _ in put])
        repo.update_anchors(s, [(a, state) for a, state in put if state.status != UNCHANGED])
    return Changes(
        annotations_created=tuple(a for a, _ in put),
        anchor_states=tuple((a.id, state) for a, state in put if state.status != UNCHANGED),
    )
