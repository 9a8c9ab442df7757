"""Services: creating, retagging, annotating notes on, deleting and restoring annotations.

Quotes and context always come from the stored document text: a caller gives
offsets (code points) and never text read back from a widget.
"""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from annotator.core.model import Annotation, new_id, utc_now
from annotator.core.selectors import CONTEXT_LENGTH, SpanError, check_span_length, locate_quote
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work


def _slice(session: Session, document_id: str, start: int, end: int) -> tuple[int, str, str, str]:
    """Length, prefix, quote and suffix of a span, cut from the stored text (checked to fit)."""
    if start < 0 or end <= start:
        raise SpanError(f"span {start}..{end} is empty or negative")
    found = repo.text_around(session, document_id, start, end, CONTEXT_LENGTH)
    if found is None:
        raise LookupError(f"there is no document '{document_id}' in this library")
    check_span_length(found[0], start, end)
    return found


def _tag_exists(library_tags: list, tag_id: str) -> None:
    if not any(t.id == tag_id for t in library_tags):
        raise LookupError(f"there is no tag with id '{tag_id}'")


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
) -> Changes:
    """Tag ``text[start:end]`` of a document. Offsets are code points, end-exclusive."""
    with unit_of_work(library.engine) as s:
        _tag_exists(repo.list_tags(s), tag_id)
        length, prefix, quote, suffix = _slice(s, document_id, start, end)
        now = utc_now()
        annotation = Annotation(
            id=annotation_id or new_id(), document_id=document_id, tag_id=tag_id, start=start, end=end,
            quote=quote, prefix=prefix, suffix=suffix, note=note, coder=coder, created=now, modified=now,
        )  # fmt: skip
        repo.insert_annotations(s, [annotation])
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
    text = library.document(document_id).text
    start, end = locate_quote(text, quote, occurrence)
    return create_annotation(
        library, document_id=document_id, tag_id=tag_id, start=start, end=end, note=note, coder=coder
    )


def _update(library: Library, annotation_id: str, **fields: object) -> Changes:
    with unit_of_work(library.engine) as s:
        current = repo.get_annotation(s, annotation_id)
        if current is None:
            raise LookupError(f"there is no annotation '{annotation_id}'")
        if "tag_id" in fields:
            _tag_exists(repo.list_tags(s), str(fields["tag_id"]))
        if all(getattr(current, k) == v for k, v in fields.items()):
            return Changes()
        updated = replace(current, modified=utc_now(), **fields)  # type: ignore[arg-type]
        repo.update_annotation(s, updated)
    return Changes(annotations_updated=(updated,))


def retag_annotation(library: Library, *, annotation_id: str, tag_id: str) -> Changes:
    """Give an annotation another tag."""
    return _update(library, annotation_id, tag_id=tag_id)


def set_note(library: Library, *, annotation_id: str, note: str) -> Changes:
    """Replace an annotation's note."""
    return _update(library, annotation_id, note=note)


def delete_annotation(library: Library, *, annotation_id: str) -> Changes:
    """Delete an annotation; the returned change holds it as it was, for undo."""
    with unit_of_work(library.engine) as s:
        current = repo.get_annotation(s, annotation_id)
        if current is None:
            raise LookupError(f"there is no annotation '{annotation_id}'")
        repo.delete_annotation(s, annotation_id)
    return Changes(annotations_deleted=(current,))


def restore_annotation(library: Library, *, annotation: Annotation) -> Changes:
    """Put back an annotation exactly as it was (undo of a delete), checked against the text."""
    with unit_of_work(library.engine) as s:
        _length, _prefix, quote, _suffix = _slice(s, annotation.document_id, annotation.start, annotation.end)
        if quote != annotation.quote:
            raise SpanError("the annotation's quote no longer matches the document text")
        if repo.get_annotation(s, annotation.id) is not None:
            repo.update_annotation(s, annotation)
        else:
            repo.insert_annotations(s, [annotation])
    return Changes(annotations_created=(annotation,))
