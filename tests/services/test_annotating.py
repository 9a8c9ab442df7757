"""Tests: the annotation use cases, on SQLite and PostgreSQL.

Quotes and context must always come from the stored text, in code points, so
they stay right over emoji (two UTF-16 units), combining marks (two code points
that look like one), NBSP and text imported with CRLF line endings. A refused
edit must change nothing, and every use case says what it changed.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from annotator.core import errors
from annotator.core.model import Annotation, Conflict, Document
from annotator.core.selectors import CONTEXT_LENGTH, SpanError
from annotator.services import annotating, importing
from annotator.services.changes import Changes
from annotator.services.library import Library

# Imported with CRLF line endings; emoji (one with a skin-tone modifier), a combining
# acute accent, NBSPs, RTL text and a line separator.
RAW = (
    "Field notes\r\n"
    "Cafe\u0301 \U0001f600 costs\u00a05\u00a0\u20ac, said the \U0001f44d\U0001f3fd owner.\r\n"
    "\u05e9\u05dc\u05d5\u05dd means peace\u2028and e\u0301 is two code points.\r\n"
    "The end \U0001f600.\r\n"
)
TEXT = RAW.replace("\r\n", "\n")


@pytest.fixture
def document(library: Library, tmp_path: Path) -> Document:
    path = tmp_path / "notes.txt"
    path.write_bytes(RAW.encode("utf-8"))
    result = importing.import_paths(library, [path])
    return library.document(result.documents[0].id)


def everything(library: Library, document: Document) -> tuple[object, ...]:
    return library.documents(), library.annotations(document.id), library.tags()


def tag_id(library: Library, name: str = "claim") -> str:
    return library.tag_named(name).id


def span_of(quote: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(quote, start + 1)
    return start, start + len(quote)


def test_stored_text_is_normalised_and_measured_in_code_points(library: Library, document: Document) -> None:
    assert document.text == TEXT
    assert "\r" not in document.text
    [summary] = library.documents()
    assert summary.length == len(TEXT)  # the database counts code points like Python does


@pytest.mark.parametrize(
    "quote",
    [
        "\U0001f600",
        "Cafe\u0301",
        "e\u0301",
        "5\u00a0\u20ac",
        "\U0001f44d\U0001f3fd owner",
        "peace\u2028and",
        "\u05e9\u05dc\u05d5\u05dd",
    ],
)
def test_create_takes_quote_and_context_from_the_stored_text(library: Library, document: Document, quote: str) -> None:
    start, end = span_of(quote)
    changes = annotating.create_annotation(
        library,
        document_id=document.id,
        tag_id=tag_id(library),
        start=start,
        end=end,
        note="n",
        coder="ada",
    )
    [created] = changes.annotations_created
    assert (created.start, created.end) == (start, end)
    assert created.quote == document.text[start:end] == quote
    assert created.prefix == document.text[max(0, start - CONTEXT_LENGTH) : start]
    assert created.suffix == document.text[end : end + CONTEXT_LENGTH]
    assert (created.note, created.coder, created.document_id) == ("n", "ada", document.id)
    assert library.annotations(document.id) == [created]  # stored exactly as returned
    assert library.documents()[0].counts == {tag_id(library, "claim"): 1}  # by tag id, not name


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(st.data())
def test_any_span_round_trips_through_the_database(library: Library, document: Document, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(TEXT) - 1))
    end = data.draw(st.integers(start + 1, len(TEXT)))
    assume(not TEXT[start:end].isspace())  # refused: see test_a_span_of_white_space_only_is_refused
    before = [a for a in library.annotations(document.id) if (a.start, a.end) == (start, end)]
    if before:  # drawn before in this library: a copy is refused (test_an_exact_copy_is_refused)
        with pytest.raises(errors.AlreadyTagged):
            annotating.create_annotation(
                library, document_id=document.id, tag_id=tag_id(library, "evidence"), start=start, end=end
            )
        return
    [created] = annotating.create_annotation(
        library, document_id=document.id, tag_id=tag_id(library, "evidence"), start=start, end=end
    ).annotations_created
    stored = library.annotation(created.id)
    assert stored == created
    assert stored is not None and stored.quote == TEXT[start:end]
    assert stored.prefix + stored.quote + stored.suffix in TEXT


def test_an_exact_copy_is_refused(library: Library, document: Document) -> None:
    """Same document, tag, span and coder: refused naming the annotation there (as the window
    does), by offsets or by quote; another tag or coder is another annotation."""
    start, end = span_of("said the")
    claim = tag_id(library)
    [first] = annotating.create_annotation(
        library, document_id=document.id, tag_id=claim, start=start, end=end, note="first"
    ).annotations_created
    before = everything(library, document)
    attempts = [
        lambda: annotating.create_annotation(
            library, document_id=document.id, tag_id=claim, start=start, end=end, note="another note"
        ),
        lambda: annotating.annotate_quote(library, document_id=document.id, tag_id=claim, quote="said the"),
    ]
    for attempt in attempts:
        with pytest.raises(errors.AlreadyTagged) as caught:
            attempt()
        assert caught.value.existing_id == first.id
        assert str(caught.value) == (
            f"the span {start}..{end} is already tagged 'claim': annotation {first.id}; nothing was saved"
        )
    assert everything(library, document) == before
    with pytest.raises(errors.AlreadyTagged, match="already tagged 'claim' by coder 'ada'"):
        for _ in range(2):
            annotating.annotate_quote(library, document_id=document.id, tag_id=claim, quote="said the", coder="ada")
    annotating.annotate_quote(library, document_id=document.id, tag_id=tag_id(library, "evidence"), quote="said the")
    assert len(library.annotations(document.id)) == 3


@pytest.mark.parametrize("blank", [" ", "\n", "\u2028", "\u00a0"])
def test_a_span_of_white_space_only_is_refused(library: Library, document: Document, blank: str) -> None:
    text = document.text
    before = everything(library, document)
    start = text.index(blank)
    with pytest.raises(SpanError, match=f"^the span {start}..{start + 1} holds only white space"):
        annotating.create_annotation(
            library, document_id=document.id, tag_id=tag_id(library), start=start, end=start + 1
        )
    with pytest.raises(SpanError, match="holds only white space"):
        annotating.annotate_quote(library, document_id=document.id, tag_id=tag_id(library), quote=blank, occurrence=1)
    assert everything(library, document) == before


def test_a_quote_keeps_its_white_space(library: Library, document: Document) -> None:
    """White space at a quote's ends is the user's to choose: the span is exactly the quote."""
    [created] = annotating.annotate_quote(
        library, document_id=document.id, tag_id=tag_id(library), quote=" costs\u00a0"
    ).annotations_created
    assert (created.start, created.end, created.quote) == (*span_of(" costs\u00a0"), " costs\u00a0")


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (5, 5), (6, 2), (0, len(TEXT) + 1), (len(TEXT), len(TEXT) + 1)])
def test_bad_span_raises_and_changes_nothing(library: Library, document: Document, start: int, end: int) -> None:
    before = everything(library, document)
    with pytest.raises(SpanError):
        annotating.create_annotation(library, document_id=document.id, tag_id=tag_id(library), start=start, end=end)
    assert everything(library, document) == before


def test_unknown_tag_or_document_raises_lookup_error(library: Library, document: Document) -> None:
    before = everything(library, document)
    with pytest.raises(LookupError, match="no tag"):
        annotating.create_annotation(library, document_id=document.id, tag_id="no-such-tag", start=0, end=5)
    with pytest.raises(LookupError, match="no document"):
        annotating.create_annotation(library, document_id="no-such-doc", tag_id=tag_id(library), start=0, end=5)
    with pytest.raises(LookupError, match="no document"):
        annotating.annotate_quote(library, document_id="no-such-doc", tag_id=tag_id(library), quote="Field")
    assert everything(library, document) == before


def test_annotate_quote_needs_an_occurrence_when_ambiguous(library: Library, document: Document) -> None:
    before = everything(library, document)
    with pytest.raises(SpanError, match="occurs 2 times"):
        annotating.annotate_quote(library, document_id=document.id, tag_id=tag_id(library), quote="\U0001f600")
    assert everything(library, document) == before
    [second] = annotating.annotate_quote(
        library, document_id=document.id, tag_id=tag_id(library), quote="\U0001f600", occurrence=2
    ).annotations_created
    assert (second.start, second.end) == span_of("\U0001f600", 2)


@pytest.fixture
def annotation(library: Library, document: Document) -> Annotation:
    start, end = span_of("Cafe\u0301 \U0001f600")
    changes = annotating.create_annotation(
        library, document_id=document.id, tag_id=tag_id(library), start=start, end=end, note="first"
    )
    return changes.annotations_created[0]


def test_retag_says_what_changed(library: Library, annotation: Annotation) -> None:
    changes = annotating.retag_annotation(library, annotation_id=annotation.id, tag_id=tag_id(library, "speculation"))
    [updated] = changes.annotations_updated
    assert not changes.annotations_created and not changes.annotations_deleted
    assert updated.tag_id == tag_id(library, "speculation")
    assert updated == replace(annotation, tag_id=updated.tag_id, modified=updated.modified)
    assert updated.modified >= annotation.modified
    assert library.annotation(annotation.id) == updated
    assert library.documents()[0].counts == {tag_id(library, "speculation"): 1}


def test_retag_to_the_same_tag_changes_nothing(library: Library, annotation: Annotation) -> None:
    changes = annotating.retag_annotation(library, annotation_id=annotation.id, tag_id=annotation.tag_id)
    assert changes.empty
    assert library.annotation(annotation.id) == annotation


def test_retag_to_an_unknown_tag_changes_nothing(library: Library, annotation: Annotation) -> None:
    with pytest.raises(LookupError):
        annotating.retag_annotation(library, annotation_id=annotation.id, tag_id="nope")
    assert library.annotation(annotation.id) == annotation


def test_set_note(library: Library, annotation: Annotation) -> None:
    note = "Unsourced \U0001f914\nsecond line\u00a0with NBSP"
    [updated] = annotating.set_note(library, annotation_id=annotation.id, note=note).annotations_updated
    assert updated.note == note
    assert updated.tag_id == annotation.tag_id
    assert library.annotation(annotation.id) == updated


def test_delete_then_restore_is_exact(library: Library, document: Document, annotation: Annotation) -> None:
    deleted = annotating.delete_annotation(library, annotation_id=annotation.id)
    assert deleted.annotations_deleted == (annotation,)
    assert library.annotations(document.id) == []
    assert library.annotation(annotation.id) is None

    restored = annotating.restore_annotation(library, annotation=deleted.annotations_deleted[0])
    assert restored.annotations_created == (annotation,)
    assert library.annotations(document.id) == [annotation]


def test_restore_never_overwrites_an_annotation_that_exists_again(library: Library, annotation: Annotation) -> None:
    # Put back by another program meanwhile, as it was: nothing to do.
    assert annotating.restore_annotation(library, annotation=annotation).empty
    # Put back and edited since: restoring the old state would throw their edit away.
    edited = annotating.set_note(library, annotation_id=annotation.id, note="edited").annotations_updated[0]
    with pytest.raises(Conflict, match="changed this annotation"):
        annotating.restore_annotation(library, annotation=annotation)
    assert library.annotation(annotation.id) == edited


def test_restore_refuses_a_quote_that_no_longer_matches(library: Library, annotation: Annotation) -> None:
    annotating.delete_annotation(library, annotation_id=annotation.id)
    with pytest.raises(SpanError, match="no longer matches"):
        annotating.restore_annotation(library, annotation=replace(annotation, quote="something else"))
    with pytest.raises(SpanError):
        annotating.restore_annotation(library, annotation=replace(annotation, end=len(TEXT) + 5))
    assert library.annotation(annotation.id) is None


def test_unknown_annotation_raises_lookup_error(library: Library, annotation: Annotation) -> None:
    for call in (
        lambda: annotating.delete_annotation(library, annotation_id="nope"),
        lambda: annotating.set_note(library, annotation_id="nope", note="x"),
        lambda: annotating.retag_annotation(library, annotation_id="nope", tag_id=annotation.tag_id),
    ):
        with pytest.raises(LookupError, match="no annotation"):
            call()
    assert library.annotation(annotation.id) == annotation


def test_changes_empty() -> None:
    assert Changes().empty
    assert not Changes(documents_created=("x",)).empty


def test_a_coder_name_too_long_to_store_is_refused(library: Library, document: Document) -> None:
    from annotator.core.model import InvalidInput

    before = everything(library, document)
    with pytest.raises(InvalidInput, match="coder names are limited"):
        annotating.create_annotation(
            library, document_id=document.id, tag_id=tag_id(library), start=0, end=5, coder="c" * 201
        )
    assert everything(library, document) == before


def test_a_deleted_annotation_says_how_a_revision_left_it_and_comes_back_so(library: Library) -> None:
    from annotator.core.anchoring import FUZZY
    from annotator.services import revising

    old = "Intro line that stays.\nThe quick brown fox jumps over the lazy dog every single morning.\n"
    doc = importing.persist(library, [importing.text_bundle(old, title="T")]).documents[0].id
    made = annotating.annotate_quote(
        library, document_id=doc, tag_id=library.tag_named("claim").id, quote="quick brown fox jumps over the lazy dog"
    ).annotations_created[0]
    revising.revise_document(library, document_id=doc, new_text=old.replace("fox", "fax"))
    state = revising.anchor_states(library, doc)[made.id]
    assert state.status == FUZZY
    gone = annotating.delete_annotation(library, annotation_id=made.id)
    assert gone.anchor_states == ((made.id, state),)
    (annotation,) = gone.annotations_deleted
    back = annotating.restore_annotation(library, annotation=annotation, anchor=dict(gone.anchor_states)[made.id])
    assert back.anchor_states == ((made.id, state),) and revising.anchor_states(library, doc)[made.id] == state
