"""Tests: one picture of everything a library holds, to check that a refused action changed nothing."""

from __future__ import annotations

from annotator.services.library import Library


def library_contents(library: Library) -> tuple[object, ...]:
    """Documents (summaries and full), every annotation, the tags and the sets."""
    docs = library.documents()
    return (
        docs,
        [library.document(d.id) for d in docs],
        [library.annotations(d.id) for d in docs],
        library.tags(),
        library.sets(),
    )
