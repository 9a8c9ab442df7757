"""Tests: one picture of everything a library holds, to check that a refused action changed nothing."""

from __future__ import annotations

import sqlalchemy as sa

from annotator.services.library import Library


def set_names(library: Library) -> list[str]:
    """The names of the library's document sets, sorted (no use case lists them; tests do)."""
    with library.engine.connect() as conn:
        return list(conn.execute(sa.text("SELECT name FROM document_set ORDER BY name")).scalars())


def library_contents(library: Library) -> tuple[object, ...]:
    """Documents (summaries and full), every annotation, the tags and the sets."""
    docs = library.documents()
    return (
        docs,
        [library.document(d.id) for d in docs],
        [library.annotations(d.id) for d in docs],
        library.tags(),
        set_names(library),
    )
