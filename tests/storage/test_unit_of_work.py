"""Tests: one unit of work is one transaction, on SQLite and PostgreSQL.

Whatever fails inside a unit of work (our code, or the database refusing a row
half-way), nothing it wrote may remain; database errors come out as
:class:`LibraryError` with a readable message.
"""

from __future__ import annotations

import pytest

from annotator.core.model import Annotation, Document, new_id, utc_now
from annotator.core.text import sha256_text
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.engine import LibraryError
from annotator.storage.tables import DocumentRow, TagRow
from annotator.storage.uow import unit_of_work
from tests._snapshot import set_names


def a_document(text: str = "Some text to annotate.") -> Document:
    return Document(new_id(), "A title", text, sha256_text(text), {"k": "v"}, utc_now())


def an_annotation(document_id: str, tag_id: str, start: int = 0, end: int = 4) -> Annotation:
    now = utc_now()
    return Annotation(new_id(), document_id, tag_id, start, end, "Some", "", " text", "", "", now, now)


def everything(library: Library) -> tuple[object, ...]:
    """The library's whole content, to compare before and after."""
    docs = library.documents()
    return (
        docs,
        [library.annotations(d.id) for d in docs],
        library.tags(),
        set_names(library),
        library.state("k"),
    )


def test_commit_on_success(library: Library) -> None:
    doc = a_document()
    tag = library.tags()[0]
    with unit_of_work(library.engine) as s:
        repo.insert_document(s, doc)
        repo.insert_annotations(s, [an_annotation(doc.id, tag.id)])
    assert library.document(doc.id) == doc
    assert [a.quote for a in library.annotations(doc.id)] == ["Some"]


def test_our_error_rolls_back_everything(library: Library) -> None:
    before = everything(library)
    doc = a_document()
    with pytest.raises(RuntimeError, match="boom"), unit_of_work(library.engine) as s:
        repo.insert_document(s, doc)
        repo.insert_annotations(s, [an_annotation(doc.id, library.tags()[0].id)])
        repo.set_state(s, "k", "half-written")
        repo.add_to_set(s, "a set", [doc.id], new_id())
        raise RuntimeError("boom")
    assert everything(library) == before


@pytest.mark.parametrize("violation", ["unknown tag (foreign key)", "empty span (check)", "duplicate id"])
def test_database_refusal_half_way_rolls_back_everything(library: Library, violation: str) -> None:
    tag_id = library.tags()[0].id
    existing = a_document("Already here.")
    with unit_of_work(library.engine) as s:
        repo.insert_document(s, existing)
    before = everything(library)

    doc = a_document()
    good = an_annotation(doc.id, tag_id)
    if violation.startswith("unknown tag"):
        bad = an_annotation(doc.id, new_id())
    elif violation.startswith("empty span"):
        bad = an_annotation(doc.id, tag_id, start=3, end=3)
    else:
        bad = good
    with pytest.raises(LibraryError, match="database error"), unit_of_work(library.engine) as s:
        repo.insert_document(s, doc)
        repo.set_state(s, "k", "half-written")
        s.flush()
        repo.insert_annotations(s, [good])
        repo.insert_annotations(s, [bad])
    assert everything(library) == before
    with pytest.raises(LookupError):
        library.document(doc.id)


def test_deleting_a_document_cascades_to_its_annotations(library: Library) -> None:
    doc = a_document()
    tag = library.tags()[0]
    with unit_of_work(library.engine) as s:
        repo.insert_document(s, doc)
        repo.insert_annotations(s, [an_annotation(doc.id, tag.id)])
        repo.add_to_set(s, "reading list", [doc.id], new_id())
    with unit_of_work(library.engine) as s:
        s.delete(s.get(DocumentRow, doc.id))
    assert library.annotations(doc.id) == []
    assert library.documents_in_set("reading list") == []


def test_a_tag_in_use_cannot_be_deleted(library: Library) -> None:
    doc = a_document()
    tag = library.tags()[0]
    with unit_of_work(library.engine) as s:
        repo.insert_document(s, doc)
        repo.insert_annotations(s, [an_annotation(doc.id, tag.id)])
    with pytest.raises(LibraryError), unit_of_work(library.engine) as s:
        s.delete(s.get(TagRow, tag.id))
    assert tag in library.tags()
