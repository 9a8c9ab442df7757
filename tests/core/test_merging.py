"""Tests: an import's merge plan, worked out without a database.

:func:`plan_import` gets the incoming bundles and what the library holds (as the
service looks it up) and says what to add. Every rule of an import is here: match
documents by id, SHA-256 and previous version; annotations by our ids within their
document, or on (tag, start, end, note); fresh ids for foreign ids; tags created in
order; unstorable text refused.
"""

from __future__ import annotations

import itertools
import re
from datetime import UTC, datetime

import pytest

from annotator.core.anchoring import FUZZY, MOVED, ORPHANED, AnchorState, DocumentVersion
from annotator.core.errors import FormatError, InvalidInput, SpanError
from annotator.core.merging import (
    NEW_TAG_COLORS,
    HeldAnnotations,
    Holdings,
    ImportPlan,
    is_our_id,
    plan_import,
    prepare_import,
)
from annotator.core.model import Tag, TagSpec
from annotator.core.text import sha256_text
from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument

NOW = datetime(2026, 3, 1, tzinfo=UTC)
CLAIM = Tag("tag-claim", "claim", "#f4a261")
TEXT = "The vote passed narrowly on Tuesday."
OURS = "0b8e6a52-5f0b-4a63-9d0e-3c1b2a4f5e6d"
OTHER_OURS = "7d1f3c2e-1a2b-4c3d-8e9f-0a1b2c3d4e5f"


def fresh_ids() -> itertools.count[int]:
    return itertools.count(1)


def plan(*bundles: ImportBundle, held: Holdings | None = None) -> ImportPlan:
    counter = fresh_ids()
    return plan_import(
        prepare_import(bundles),
        held or Holdings(tags=[CLAIM]),
        clock=lambda: NOW,
        make_id=lambda: f"new-{next(counter)}",
    )


def doc(text: str = TEXT, *annotations: ImportedAnnotation, id: str | None = None) -> ImportedDocument:
    return ImportedDocument("t", text, {}, list(annotations), id)


def claim(quote: str, *, id: str | None = None, note: str = "", tag: str = "claim") -> ImportedAnnotation:
    start = TEXT.index(quote)
    return ImportedAnnotation(tag, start, start + len(quote), quote, note, "", id)


def test_a_new_document_with_its_annotations_and_new_tags() -> None:
    result = plan(
        ImportBundle(
            [doc(TEXT, claim("vote passed"), claim("Tuesday", tag="date"), id=OURS)], [TagSpec("method", "#123456")]
        )
    )
    [planned] = result.documents
    assert (planned.id, planned.new) == (OURS, True) and planned.document is not None
    assert (planned.document.sha256, planned.document.created) == (sha256_text(TEXT), NOW)
    assert [(t.name, t.color, t.sort_order) for t in result.tags] == [
        ("method", "#123456", 1),
        ("date", NEW_TAG_COLORS[1], 2),
    ]
    assert [(a.quote, a.tag_id, a.document_id) for a in planned.annotations] == [
        ("vote passed", CLAIM.id, OURS),
        ("Tuesday", result.tags[1].id, OURS),
    ]
    assert (result.annotations_added, result.annotations_existing) == (2, 0)
    assert result.placed_annotations == planned.annotations
    assert all(a.created == a.modified == NOW for a in planned.annotations)


def test_the_same_text_twice_in_one_import_is_one_document() -> None:
    result = plan(
        ImportBundle([doc(TEXT, claim("vote"))]), ImportBundle([doc(TEXT.replace("\n", "\r\n"), claim("vote"))])
    )
    first, second = result.documents
    assert (first.new, second.new, second.id) == (True, False, first.id)
    assert [len(d.annotations) for d in result.documents] == [1, 0]  # matched on (tag, start, end, note)
    assert result.annotations_existing == 1


def test_a_document_is_matched_by_id_only_with_the_same_text() -> None:
    held = Holdings(tags=[CLAIM], document_sha256s={OURS: sha256_text("another text")})
    [planned] = plan(ImportBundle([doc(TEXT, id=OURS)]), held=held).documents
    assert planned.new and planned.id == "new-1"  # the id is another document's: a fresh one
    held = Holdings(tags=[CLAIM], document_sha256s={OURS: sha256_text(TEXT)})
    [planned] = plan(ImportBundle([doc(TEXT, id=OURS)]), held=held).documents
    assert (planned.new, planned.id, planned.document) == (False, OURS, None)


def test_a_document_is_matched_by_its_text() -> None:
    held = Holdings(tags=[CLAIM], documents_by_sha256={sha256_text(TEXT): "stored"})
    [planned] = plan(ImportBundle([doc(TEXT, id=OURS)]), held=held).documents
    assert (planned.new, planned.id) == (False, "stored")


def test_annotations_are_matched_by_our_id_within_their_document_only() -> None:
    held = Holdings(
        tags=[CLAIM],
        documents_by_sha256={sha256_text(TEXT): "stored"},
        annotations={"stored": HeldAnnotations({OURS}, {(CLAIM.id, 4, 15, "", "")})},
        annotation_ids={OURS, OTHER_OURS},  # OTHER_OURS is on another document
    )
    result = plan(
        ImportBundle([doc(TEXT, claim("vote passed", id=OURS, note="changed"), claim("passed", id=OTHER_OURS))]),
        held=held,
    )
    [planned] = result.documents
    assert result.annotations_existing == 1  # OURS, whatever it carries now
    [added] = planned.annotations
    assert added.id == "new-1" and added.quote == "passed"  # never takes over another's id


def test_an_id_from_another_document_is_matched_on_what_it_carries() -> None:
    held = Holdings(
        tags=[CLAIM],
        documents_by_sha256={sha256_text(TEXT): "stored"},
        annotations={"stored": HeldAnnotations({"x"}, {(CLAIM.id, 4, 15, "", "")})},
        annotation_ids={OTHER_OURS},
    )
    result = plan(ImportBundle([doc(TEXT, claim("vote passed", id=OTHER_OURS))]), held=held)
    assert (result.annotations_added, result.annotations_existing) == (0, 1)


@pytest.mark.parametrize("foreign", ["1", "anno1", OURS.upper(), "urn:uuid:" + OURS])
def test_foreign_ids_get_fresh_ids_and_match_on_content(foreign: str) -> None:
    assert not is_our_id(foreign) and is_our_id(OURS)
    result = plan(ImportBundle([doc(TEXT, claim("vote", id=foreign))]))
    assert [a.id for a in result.documents[0].annotations] == ["new-2"]  # new-1 is the document's
    held = Holdings(
        tags=[CLAIM],
        documents_by_sha256={sha256_text(TEXT): "stored"},
        annotations={"stored": HeldAnnotations({"new-1"}, {(CLAIM.id, 4, 8, "", "")})},
    )
    again = plan(ImportBundle([doc(TEXT, claim("vote", id=foreign))]), held=held)
    assert (again.annotations_added, again.annotations_existing) == (0, 1)


def test_id_less_annotations_match_on_tag_offsets_and_note() -> None:
    held = Holdings(
        tags=[CLAIM],
        documents_by_sha256={sha256_text(TEXT): "stored"},
        annotations={"stored": HeldAnnotations({"x", "orphan"}, {(CLAIM.id, 4, 8, "n", "")})},
    )
    result = plan(ImportBundle([doc(TEXT, claim("vote", note="n"), claim("vote", note="other"))]), held=held)
    assert [a.note for a in result.documents[0].annotations] == ["other"]
    assert result.annotations_existing == 1


def test_ids_longer_than_ours_are_not_stored() -> None:
    long_id = "https://example.org/documents/" + "a" * 40
    [planned] = plan(ImportBundle([doc(TEXT, id=long_id)])).documents
    assert planned.id == "new-1"


def test_a_file_made_before_a_revision_follows_the_revised_text() -> None:
    old = "Intro line.\nThe vote passed narrowly on Tuesday.\nA paragraph that the correction removes.\n"
    new = "New intro.\nThe vote passed narrowly on Tuesday.\n"
    version = DocumentVersion("v1", "stored", 1, old, sha256_text(old), NOW, "")
    held = Holdings(tags=[CLAIM], versions_by_sha256={sha256_text(old): (version, new)})
    spans = [
        (old.index(q), old.index(q) + len(q)) for q in ("vote passed narrowly", "paragraph that the correction removes")
    ]
    made = datetime(2025, 1, 1, tzinfo=UTC)
    incoming = doc(old, *(ImportedAnnotation("claim", s, e, old[s:e], created=made) for s, e in spans))
    result = plan(ImportBundle([incoming]), held=held)
    [planned] = result.documents
    assert (planned.id, planned.new) == ("stored", False)
    placed, orphan = planned.annotations
    assert new[placed.start : placed.end] == placed.quote == "vote passed narrowly"
    assert placed.modified == made  # the file's times are kept
    assert planned.anchors == [(placed, AnchorState(MOVED)), (orphan, AnchorState(ORPHANED, "v1", *spans[1]))]
    assert result.placed_annotations == [placed]


def test_a_fuzzy_placement_is_kept_for_review() -> None:
    old = "First.\nThe committee approved the budget on Monday after a long debate.\nLast.\n"
    new = "First.\nThe committee approved the budgets on Monday after a long debate.\nLast.\n"
    version = DocumentVersion("v1", "stored", 1, old, sha256_text(old), NOW, "")
    held = Holdings(tags=[CLAIM], versions_by_sha256={sha256_text(old): (version, new)})
    quote = "approved the budget on Monday"
    s = old.index(quote)
    [planned] = plan(
        ImportBundle([doc(old, ImportedAnnotation("claim", s, s + len(quote), quote))]), held=held
    ).documents
    [(_annotation, state)] = planned.anchors
    assert state == AnchorState(FUZZY, "v1", s, s + len(quote))


@pytest.mark.parametrize(
    ("incoming", "error", "message"),
    [
        (doc("a \x00 b"), FormatError, "NUL characters"),
        (doc("old\r\nmac", ImportedAnnotation("claim", 0, 3)), FormatError, "CR line endings"),
        (doc(TEXT, ImportedAnnotation("claim", 0, 3, "xyz")), FormatError, r"quote is not text\[start:end\]"),
        (doc(TEXT, ImportedAnnotation("claim", 30, 99)), SpanError, "does not fit"),
        (doc(TEXT, ImportedAnnotation("claim", 0, 3, coder="c" * 201)), InvalidInput, "coder names"),
        (doc(TEXT, ImportedAnnotation("x" * 201, 0, 3)), InvalidInput, "tag names"),
    ],
)
def test_what_cannot_be_stored_is_refused(incoming: ImportedDocument, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        plan(ImportBundle([incoming]))


def test_preparing_leaves_the_bundles_as_they_were() -> None:
    incoming = doc(TEXT, claim("vote", id="1"), id="https://example.org/" + "d" * 40)
    plan(ImportBundle([incoming]))
    assert incoming.id.startswith("https://") and incoming.annotations[0].id == "1"


def test_documents_of_one_import_are_made_in_the_order_they_came() -> None:
    """The library lists documents by when they were made: one tick of the clock must not reorder them."""
    result = plan(ImportBundle([doc("B text"), doc("A text")]), ImportBundle([doc("C text")]))
    created = [d.document.created for d in result.documents if d.document is not None]
    assert created == sorted(set(created)) and len(created) == 3 and created[0] == NOW


# -- tag names --------------------------------------------------------------------------------------


def test_tag_names_are_cleaned_so_a_look_alike_is_the_same_tag() -> None:
    padded = [claim("vote", tag="claim "), claim("passed", tag="\tclaim\n"), claim("Tuesday", tag=" date ")]
    result = plan(ImportBundle([doc(TEXT, *padded)], [TagSpec(" method\u00a0", "#123456")]))
    assert [t.name for t in result.tags] == ["method", "date"]
    [planned] = result.documents
    assert [a.tag_id for a in planned.annotations] == [CLAIM.id, CLAIM.id, result.tags[1].id]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (" ", "a tag needs a name"),
        ("", "a tag needs a name"),
        ("\u200b", "holds only invisible characters"),
        ("\u200b \u2060\ufeff", "holds only invisible characters"),
        ("a\nb", "control character or line break (U+000A)"),
        ("a\tb", "control character or line break (U+0009)"),
        ("a\u2028b", "control character or line break (U+2028)"),
        ("x\x1b[2J", "control character or line break (U+001B)"),
        ("x" * 201, "tag names are limited to 200 characters (this one has 201)"),
    ],
)
def test_a_tag_name_that_is_no_name_is_refused(name: str, message: str) -> None:
    for bundle in (
        ImportBundle([doc(TEXT, claim("vote", tag=name))]),  # an annotation's tag
        ImportBundle([doc(TEXT)], [TagSpec(name, "#123456")]),  # a codebook's
    ):
        with pytest.raises(InvalidInput, match=re.escape(message)):
            plan(bundle)


@pytest.mark.parametrize(
    "name",
    ["caf\u00e9", "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "a\u200db", "x" * 200],
)
def test_tag_names_that_are_names_are_kept_as_they_are(name: str) -> None:
    assert [t.name for t in plan(ImportBundle([doc(TEXT)], [TagSpec(name, "#123456")])).tags] == [name]
