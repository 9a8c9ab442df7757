"""Services: creating, retagging, annotating notes on, deleting and restoring annotations.

Quotes and context always come from the stored document text: a caller gives
offsets (code points) and never text read back from a widget.
"""

from __future__ import annotations

from dataclasses import replace

from annotator.core.anchoring import UNCHANGED, AnchorState
from annotator.core.model import Annotation, check_name, new_id, utc_now
from annotator.core.selectors import SpanError, TextQuoteSelector, check_span, locate_quote
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work


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
    check_name("coder", coder)
    text = library.text(document_id)
    selector = TextQuoteSelector.from_span(text, start, end)  # checks the span fits
    with unit_of_work(library.engine) as s:
        _tag_exists(repo.list_tags(s), tag_id)
        now = utc_now()
        annotation = Annotation(
            id=annotation_id or new_id(), document_id=document_id, tag_id=tag_id, start=start, end=end,
            quote=selector.exact, prefix=selector.prefix, suffix=selector.suffix, note=note, coder=coder,
            created=now, modified=now,
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
    text = library.text(document_id)
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
        repo.update_annotation_fields(s, annotation_id, modified=updated.modified, **fields)
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


def restore_annotation(library: Library, *, annotation: Annotation, anchor: AnchorState | None = None) -> Changes:
    """Put back an annotation exactly as it was (undo of a delete), checked against the text.

    *anchor* is how a revision had left it (e.g. "fuzzy", awaiting review), so an
    undone delete does not quietly clear a review mark.
    """
    text = library.text(annotation.document_id)
    check_span(text, annotation.start, annotation.end)
    if text[annotation.start : annotation.end] != annotation.quote:
        raise SpanError("the annotation's quote no longer matches the document text")
    with unit_of_work(library.engine) as s:
        if repo.get_annotation(s, annotation.id) is not None:
            repo.update_annotation(s, annotation)
        else:
            repo.insert_annotations(s, [annotation])
        if anchor is not None and anchor.status != UNCHANGED:
            repo.update_anchors(s, [(annotation, anchor)])
    return Changes(annotations_created=(annotation,))
