"""Services: creating, retagging, annotating notes on, deleting and restoring annotations.

Quotes and context always come from the stored document text: a caller gives
offsets (code points) and never text read back from a widget.

Another program may change the library at any moment, so an edit that a person
made on what a window showed says what it was based on, and is refused with
:class:`~annotator.core.model.Conflict` (nothing saved) if that changed
meanwhile: a span carries the SHA-256 of the text it was selected in
(*expected_sha256*); a change of tag or note, or a delete, carries the
annotation as the window showed it (*base*). A retag of an annotation whose
note someone else changed meanwhile still goes through: it overwrites nothing
of theirs. Callers with nothing to be stale about (the command line, which
reads and writes in one go) pass neither.
"""

from __future__ import annotations

from dataclasses import replace

from annotator.core.anchoring import UNCHANGED, AnchorState
from annotator.core.errors import AlreadyTagged, NotFound, TagNotFound
from annotator.core.model import (
    Annotation,
    Conflict,
    Tag,
    annotation_on_span,
    coder_name,
    new_id,
    utc_now,
)
from annotator.core.selectors import SpanError, check_span, locate_quote
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.uow import Session, unit_of_work

#: What a person saw of an annotation when they chose to delete it.
SEEN_FIELDS = ("tag_id", "note", "start", "end")

REVISED = "the document was revised in another program since it was shown here; nothing was saved"
CHANGED = "another program changed this annotation since it was shown here; nothing was saved"
DELETED = "another program deleted this annotation since it was shown here; nothing was saved"


def _tag_exists(library_tags: list[Tag], tag_id: str) -> Tag:
    found = next((t for t in library_tags if t.id == tag_id), None)
    if found is None:
        raise TagNotFound(tag_id)
    return found


def _current_text(library: Library, s: Session, document_id: str, expected_sha256: str | None) -> str:
    """The document's text in this unit of work, locked against a revision until it ends."""
    text, sha256 = library.current_text(s, document_id, lock=True)
    if expected_sha256 is not None and sha256 != expected_sha256:
        raise Conflict(REVISED)
    return text


def _insert(s: Session, document_id: str, tag_id: str, text: str, start: int, end: int, **fields: str) -> Annotation:
    """A new annotation on ``text[start:end]``, unless the span holds no text or the document
    already has this very annotation (same tag, span and coder: a copy would say nothing new
    and double every count)."""
    check_span(text, start, end)  # a span that does not fit is refused before the tag is looked up
    if text[start:end].isspace():
        raise SpanError(f"the span {start}..{end} holds only white space; tag some text")
    tag = _tag_exists(repo.list_tags(s), tag_id)
    coder = fields.get("coder", "")
    locks.hold(s, locks.ANNOTATE)  # PostgreSQL: two programs tagging the same span at once add one
    existing = repo.same_annotation(s, document_id, tag_id, start, end, coder)
    if existing is not None:
        by = f" by coder '{coder}'" if coder else ""
        raise AlreadyTagged(
            f"the span {start}..{end} is already tagged '{tag.name}'{by}: annotation {existing}; nothing was saved",
            existing,
        )
    now = utc_now()
    annotation = annotation_on_span(
        text, start, end, id=fields.get("annotation_id") or new_id(), document_id=document_id, tag_id=tag_id,
        note=fields.get("note", ""), coder=fields.get("coder", ""), created=now, modified=now,
    )  # fmt: skip
    repo.insert_annotations(s, [annotation])
    return annotation


def create_annotation(
    library: Library,
    *,
    document_id: str,
    tag_id: str,
    start: int,
    end: int,
    note: str = "",
    coder: str = "",
    annotation_id: str | None = None,
    expected_sha256: str | None = None,
) -> Changes:
    """Tag ``text[start:end]`` of a document. Offsets are code points, end-exclusive.

    *expected_sha256*: the SHA-256 of the text the offsets were taken in; if the
    document was revised since, :class:`Conflict` and nothing is saved.
    """
    coder = coder_name(coder)
    with unit_of_work(library.engine) as s:
        text = _current_text(library, s, document_id, expected_sha256)
        annotation = _insert(
            s, document_id, tag_id, text, start, end, note=note, coder=coder, annotation_id=annotation_id or ""
        )
    return Changes(annotations_created=(annotation,))


def annotate_quote(
    library: Library,
    *,
    document_id: str,
    tag_id: str,
    quote: str,
    occurrence: int | None = None,
    note: str = "",
    coder: str = "",
) -> Changes:
    """Tag the *occurrence*-th (1-based) place where *quote* occurs; ambiguity is an error."""
    coder = coder_name(coder)
    with unit_of_work(library.engine) as s:
        text = _current_text(library, s, document_id, None)
        start, end = locate_quote(text, quote, occurrence)
        annotation = _insert(s, document_id, tag_id, text, start, end, note=note, coder=coder)
    return Changes(annotations_created=(annotation,))


def _stored(s: Session, annotation_id: str) -> Annotation | None:
    """The annotation as stored, placed or orphaned: a tag, a note or a delete applies to both."""
    found = repo.get_anchored_annotation(s, annotation_id)
    return None if found is None else found[0]


def _update(library: Library, annotation_id: str, base: Annotation | None, **fields: object) -> Changes:
    """Write *fields* of an annotation; with *base*, only if none of them changed since *base*."""
    with unit_of_work(library.engine) as s:
        found = repo.get_anchored_annotation(s, annotation_id)
        if found is None:
            raise Conflict(DELETED) if base is not None else NotFound(f"there is no annotation '{annotation_id}'")
        current, state = found
        expected = {name: getattr(current, name) for name in fields}
        if base is not None and any(getattr(base, name) != value for name, value in expected.items()):
            raise Conflict(CHANGED)
        if "tag_id" in fields:
            _tag_exists(repo.list_tags(s), str(fields["tag_id"]))
        if all(getattr(current, k) == v for k, v in fields.items()):
            return Changes()
        updated = replace(current, modified=repo.next_modified(current.modified), **fields)  # type: ignore[arg-type]
        if not repo.update_annotation_fields(s, annotation_id, expected=expected, modified=updated.modified, **fields):
            raise Conflict(CHANGED)  # PostgreSQL: another transaction committed since the read above
    states = ((updated.id, state),) if state.status != UNCHANGED else ()
    return Changes(annotations_updated=(updated,), anchor_states=states)


def retag_annotation(library: Library, *, annotation_id: str, tag_id: str, base: Annotation | None = None) -> Changes:
    """Give an annotation another tag (refused if *base*'s tag is no longer its tag)."""
    return _update(library, annotation_id, base, tag_id=tag_id)


def set_note(library: Library, *, annotation_id: str, note: str, base: Annotation | None = None) -> Changes:
    """Replace an annotation's note (refused if *base*'s note is no longer its note)."""
    return _update(library, annotation_id, base, note=note)


def delete_annotation(library: Library, *, annotation_id: str, base: Annotation | None = None) -> Changes:
    """Delete an annotation; the returned change holds it as it was, for undo.

    With *base*, refused if its tag, note or span changed since: the delete
    would throw away what someone else did to it.
    """
    with unit_of_work(library.engine) as s:
        found = repo.get_anchored_annotation(s, annotation_id)
        if found is None:
            raise Conflict(DELETED) if base is not None else NotFound(f"there is no annotation '{annotation_id}'")
        current, state = found
        expected = {name: getattr(current, name) for name in SEEN_FIELDS}
        if base is not None and any(getattr(base, name) != value for name, value in expected.items()):
            raise Conflict(CHANGED)
        if not repo.delete_annotation(s, annotation_id, expected=expected):
            raise Conflict(CHANGED)
    states = ((current.id, state),) if state.status != UNCHANGED else ()
    return Changes(annotations_deleted=(current,), anchor_states=states)


def restore_annotation(library: Library, *, annotation: Annotation, anchor: AnchorState | None = None) -> Changes:
    """Put back an annotation exactly as it was (undo of a delete), checked against the text.

    *anchor* is how a revision had left it (e.g. "fuzzy", awaiting review), so an
    undone delete does not quietly clear a review mark. An annotation that exists
    again meanwhile (put back by another program) is left as it is.
    """
    with unit_of_work(library.engine) as s:
        text = _current_text(library, s, annotation.document_id, None)
        check_span(text, annotation.start, annotation.end)
        if text[annotation.start : annotation.end] != annotation.quote:
            raise SpanError("the annotation's quote no longer matches the document text")
        existing = _stored(s, annotation.id)
        if existing is not None:
            if existing != annotation:
                raise Conflict(CHANGED)
            return Changes()
        repo.insert_annotations(s, [annotation])
        if anchor is not None and anchor.status != UNCHANGED:
            repo.update_anchors(s, [(annotation, anchor)])
    states = ((annotation.id, anchor),) if anchor is not None and anchor.status != UNCHANGED else ()
    return Changes(annotations_created=(annotation,), anchor_states=states)
