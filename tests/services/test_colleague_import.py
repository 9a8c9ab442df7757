"""Tests: bringing a colleague's work in, on SQLite and PostgreSQL.

Library A and library B share a document (B imported A's export); B's coder codes it and
exports; A previews B's export (a summary, nothing written), imports it under B's coder,
and can take it back as one step and put it back again. A text A revised meanwhile moves
B's annotations as a revision would, and the summary counts those placed for review and
orphaned. A write based on a summary the library no longer matches writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from annotator.core.anchoring import FUZZY, ORPHANED, UNCHANGED
from annotator.core.errors import Conflict
from annotator.core.merging import ImportSummary
from annotator.services import annotating, exporting, importing
from annotator.services import codebook as codebook_service
from annotator.services.import_undo import remove_imported, restore_imported
from annotator.services.library import Library
from annotator.services.progress import Cancelled
from annotator.services.revising import anchor_states, orphans, revise_document
from tests._snapshot import library_contents

OLD = (
    "Intro line.\nThe vote passed narrowly on Tuesday 🗳.\nThe iland of stabilty held for a week.\n"
    "A paragraph that the correction removes.\n"
)
NEW = "Intro line.\nThe vote passed narrowly on Tuesday 🗳.\nThe island of stability held for a week.\n"
BOBS = ("vote passed narrowly", "iland of stabilty", "paragraph that the correction removes")


class Colleagues:
    """Library A (ours, with Ann's annotation) and B's export, in which Bob coded A's document."""

    def __init__(self, a: Library, b: Library, tmp_path: Path) -> None:
        self.a, self.tmp_path = a, tmp_path
        source = tmp_path / "report.txt"
        source.write_text(OLD, encoding="utf-8")
        self.doc_id = importing.import_paths(a, [source]).documents[0].id
        claim = a.tag_named("claim")
        annotating.create_annotation(a, document_id=self.doc_id, tag_id=claim.id, start=0, end=10, coder="ann")
        ours = self.export(a, "a.json")
        importing.import_paths(b, [ours])  # B got the document from A's export
        evidence = codebook_service.create_tag(b, name="turning point").tags_created[0]
        for quote, tag in zip(BOBS, (b.tag_named("claim"), evidence, evidence), strict=True):
            start = OLD.index(quote)
            annotating.create_annotation(
                b, document_id=self.doc_id, tag_id=tag.id, start=start, end=start + len(quote), coder="bob"
            )
        self.theirs = self.export(b, "b.json")

    def export(self, library: Library, name: str) -> Path:
        path = self.tmp_path / name
        exporting.export_to_path(library, path, format_id="json")
        return path


@pytest.fixture
def colleagues(library: Library, open_library: Callable[[], Library], tmp_path: Path) -> Colleagues:
    return Colleagues(library, open_library(), tmp_path)


def _annotations(library: Library, doc_id: str) -> tuple[object, ...]:
    """Every annotation of a document as stored: placed ones, their review marks, and orphans."""
    return (library.annotations(doc_id), anchor_states(library, doc_id), orphans(library, doc_id))


def _coders(library: Library, doc_id: str) -> list[tuple[str, str]]:
    return sorted((a.coder, a.quote) for a in library.annotations(doc_id))


def test_preview_counts_exactly_and_writes_nothing(colleagues: Colleagues) -> None:
    a = colleagues.a
    before = library_contents(a)

    summary = importing.preview_paths(a, [colleagues.theirs])

    assert summary == ImportSummary(
        placed=3, unchanged=1, added_to_matched=3, matched=(colleagues.doc_id,), tags_new=("turning point",),
        coders=(("bob", 3),),
    )  # fmt: skip
    assert summary.added == 3 and summary.brings_work_in
    assert library_contents(a) == before


def test_import_adds_bobs_work_under_his_name_then_previews_as_all_unchanged(colleagues: Colleagues) -> None:
    a, doc_id = colleagues.a, colleagues.doc_id
    shown: list[tuple[ImportSummary, str]] = []

    def confirm(summary: ImportSummary, why: str) -> bool:
        shown.append((summary, why))
        return True

    result = importing.import_paths(a, [colleagues.theirs], confirm=confirm)

    assert [why for _, why in shown] == [""]
    assert result.summary == shown[0][0] and result.annotations_added == 3
    assert _coders(a, doc_id) == [("ann", "Intro line"), *sorted(("bob", q) for q in BOBS)]
    again = importing.preview_paths(a, [colleagues.theirs])
    assert (again.added, again.unchanged, again.matched, again.coders) == (0, 4, (doc_id,), ())


def test_a_revised_text_reanchors_the_colleagues_work_and_the_summary_says_so(colleagues: Colleagues) -> None:
    a, doc_id = colleagues.a, colleagues.doc_id
    revise_document(a, document_id=doc_id, new_text=NEW)

    summary = importing.preview_paths(a, [colleagues.theirs])
    # Ann's annotation is matched by its id; Bob's follow the revision.
    assert (summary.placed, summary.for_review, summary.orphaned, summary.unchanged) == (1, 1, 1, 1)

    result = importing.import_paths(a, [colleagues.theirs], confirm=lambda s, _why: s == summary)
    states = anchor_states(a, doc_id)
    by_quote = {x.quote: states.get(x.id) for x in a.annotations(doc_id) if x.coder == "bob"}
    assert {q: (s.status if s else UNCHANGED) for q, s in by_quote.items()} == {
        "vote passed narrowly": UNCHANGED, "island of stability": FUZZY,
    }  # fmt: skip
    assert [o.annotation.quote for o in orphans(a, doc_id)] == [BOBS[2]]
    assert sorted(s.status for _, s in result.added) == sorted([UNCHANGED, FUZZY, ORPHANED])


def test_undo_removes_exactly_what_the_import_added_and_redo_puts_it_back(colleagues: Colleagues) -> None:
    a, doc_id = colleagues.a, colleagues.doc_id
    revise_document(a, document_id=doc_id, new_text=NEW)  # with a review mark and an orphan to put back
    before = _annotations(a, doc_id)
    result = importing.import_paths(a, [colleagues.theirs])
    after = _annotations(a, doc_id)
    assert after != before

    undone = remove_imported(a, added=result.added)

    assert {x.id for x in undone.annotations_deleted} == {x.id for x, _ in result.added}
    assert _annotations(a, doc_id) == before
    redone = restore_imported(a, added=result.added, sha256s=result.sha256s)
    assert len(redone.annotations_created) == 3
    assert _annotations(a, doc_id) == after


def test_undo_is_refused_when_an_imported_annotation_was_edited_since(colleagues: Colleagues) -> None:
    a, doc_id = colleagues.a, colleagues.doc_id
    result = importing.import_paths(a, [colleagues.theirs])
    bobs = next(x for x, _ in result.added if x.quote == BOBS[0])
    annotating.set_note(a, annotation_id=bobs.id, note="I disagree")
    edited = library_contents(a)

    with pytest.raises(Conflict, match="edited since .*vote passed narrowly.*not undone"):
        remove_imported(a, added=result.added)

    assert library_contents(a) == edited
    assert len([x for x in a.annotations(doc_id) if x.coder == "bob"]) == 3


def test_redo_is_refused_when_the_text_was_revised_since_the_undo(colleagues: Colleagues) -> None:
    a, doc_id = colleagues.a, colleagues.doc_id
    result = importing.import_paths(a, [colleagues.theirs])
    remove_imported(a, added=result.added)
    revise_document(a, document_id=doc_id, new_text=NEW)
    revised = library_contents(a)

    with pytest.raises(Conflict, match="revised since"):
        restore_imported(a, added=result.added, sha256s=result.sha256s)

    assert library_contents(a) == revised


def test_a_library_changed_between_summary_and_write_is_asked_again(colleagues: Colleagues) -> None:
    a = colleagues.a
    shown: list[tuple[ImportSummary, str]] = []

    def confirm(summary: ImportSummary, why: str) -> bool:
        shown.append((summary, why))
        if len(shown) == 1:  # meanwhile another program brings the same work in
            importing.import_paths(a, [colleagues.theirs])
            return True
        return False

    with pytest.raises(Cancelled):
        importing.import_paths(a, [colleagues.theirs], confirm=confirm)

    assert [s.added for s, _ in shown] == [3, 0]
    assert shown[1][1] == importing.CHANGED_SINCE_SUMMARY
    assert len([x for x in a.annotations(colleagues.doc_id) if x.coder == "bob"]) == 3  # not twice


def test_a_write_based_on_a_stale_summary_writes_nothing(colleagues: Colleagues) -> None:
    a = colleagues.a
    stale = importing.preview_paths(a, [colleagues.theirs])
    revise_document(a, document_id=colleagues.doc_id, new_text=NEW)
    revised = library_contents(a)
    bundle = importing.read_file(colleagues.theirs)

    with pytest.raises(importing.SummaryChanged) as refused:
        importing.persist(a, [bundle], expected=stale)

    assert (refused.value.summary.for_review, refused.value.summary.orphaned) == (1, 1)
    assert str(refused.value) == importing.CHANGED_SINCE_SUMMARY
    assert library_contents(a) == revised


@pytest.mark.parametrize("format_id", ["qdpx", "jsonl"])
def test_other_formats_that_carry_coders_bring_the_work_in_too(colleagues: Colleagues, format_id: str) -> None:
    a, doc_id = colleagues.a, colleagues.doc_id
    theirs = colleagues.tmp_path / f"b.{format_id}"
    with Library.open(f"sqlite:///{colleagues.tmp_path / 'copy-of-b.sqlite3'}") as copy_of_b:
        importing.import_paths(copy_of_b, [colleagues.theirs])  # B's work, written in another format
        exporting.export_to_path(copy_of_b, theirs, format_id=format_id)

    summary = importing.preview_paths(a, [theirs])
    assert (summary.added, summary.matched, summary.coders) == (3, (doc_id,), (("bob", 3),))
    importing.import_paths(a, [theirs])
    assert _coders(a, doc_id) == [("ann", "Intro line"), *sorted(("bob", q) for q in BOBS)]
    assert importing.preview_paths(a, [theirs]).added == 0


def test_the_summary_lines_are_english_or_translated_templates_around_the_counts() -> None:
    summary = ImportSummary(placed=2, documents_new=1, tags_new=("a/b",), coders=(("", 2),))
    assert importing.summary_lines(summary)[1:] == [
        "documents: 0 matched, 1 new",
        "tags: 1 new (a/b)",
        "coder (none): 2 to add",
    ]
    shouted = importing.summary_lines(summary, lambda context, text: text.replace(" new", " NEU").replace("none", "-"))
    assert shouted[1:] == ["documents: 0 matched, 1 NEU", "tags: 1 NEU (a/b)", "coder (-): 2 to add"]
