"""Tests: auto-coding: planning each hit's extent (match, sentence, paragraph) with exact code
points beyond the BMP, "already coded" by any coder, one transaction that refuses a text
changed since the plan, a second run adding nothing, a subset of the plan, cancelling, and
undo/redo deleting and recreating exactly those annotations; on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from annotator.core.autocode import MATCH, PARAGRAPH, SENTENCE
from annotator.core.errors import InvalidInput, NotFound, SpanError
from annotator.core.model import Conflict
from annotator.core.search import Query
from annotator.services import Library, annotating, codebook, importing, revising
from annotator.services.autocoding import ChosenHit, apply, plan, plan_hits, remove_coded, restore_coded
from annotator.services.progress import Cancelled
from annotator.services.searching import Scope

# Emoji (two UTF-16 units each) before every hit, so an offset counted in UTF-16 is caught.
TEXT = (
    "👩‍🔬 The rose grew. Dr. Ames cut a rose and a rose again. 🌹 No flowers here.\n"
    "\n"
    "A second 🌷 paragraph: one rose.\n"
    "Same paragraph, next line.\n"
)
OTHER = "Roses? One rose, in another document.\n"


@pytest.fixture
def docs(library: Library) -> list[str]:
    first = importing.import_text(library, TEXT, title="Garden").documents[0].id
    second = importing.import_text(library, OTHER, title="Other").documents[0].id
    return [first, second]


def spans(library: Library, doc_id: str) -> list[tuple[int, int, str, str]]:
    return [(a.start, a.end, a.quote, a.coder) for a in library.annotations(doc_id)]


def test_match_extent_codes_each_hit_with_exact_code_points_and_a_second_run_adds_nothing(
    library: Library, docs: list[str]
) -> None:
    claim = library.tag_named("claim")
    planned = plan(library, Query("rose", word=True), tag_id=claim.id, extent=MATCH)
    starts = [i for i in range(len(TEXT)) if TEXT.startswith("rose", i)]
    assert [(p.document_id, p.start, p.end) for p in planned.spans] == [
        *((docs[0], s, s + 4) for s in starts), (docs[1], OTHER.index("rose"), OTHER.index("rose") + 4)
    ]  # fmt: skip
    assert (len(planned.to_create), len(planned.already_coded), planned.hits, planned.documents) == (5, 0, 5, 2)
    done = apply(library, planned, coder="ada")
    assert (done.added, done.already_coded) == (5, 0)
    stored = spans(library, docs[0])
    assert [(s, e) for s, e, _, _ in stored] == [(s, s + 4) for s in starts]
    assert all(quote == TEXT[s:e] == "rose" and coder == "ada" for s, e, quote, coder in stored)
    assert {a.id for a in done.changes.annotations_created} == {
        a.id for d in docs for a in library.annotations(d)
    }  # fmt: skip

    again = plan(library, Query("rose", word=True), tag_id=claim.id)
    assert (len(again.to_create), len(again.already_coded)) == (0, 5)
    assert {p.coded_by for p in again.spans} == {a.id for a in done.changes.annotations_created}
    assert (apply(library, again).added, apply(library, planned).added) == (0, 0)  # the old plan too
    assert len(spans(library, docs[0])) == 4


def test_already_coded_is_the_same_tag_and_span_by_any_coder_and_only_that(library: Library, docs: list[str]) -> None:
    claim, evidence = library.tag_named("claim"), library.tag_named("evidence")
    first = TEXT.index("rose")
    annotating.create_annotation(library, document_id=docs[0], tag_id=claim.id, start=first, end=first + 4, coder="bo")
    annotating.create_annotation(library, document_id=docs[0], tag_id=evidence.id, start=first + 5, end=first + 9)
    annotating.create_annotation(library, document_id=docs[0], tag_id=claim.id, start=first, end=first + 9)
    planned = plan(library, Query("rose", word=True), tag_id=claim.id, scope=Scope(document_ids=(docs[0],)))
    assert [(p.start, p.already_coded) for p in planned.spans][:2] == [
        (first, True),
        (TEXT.index("rose", first + 1), False),
    ]
    done = apply(library, planned, coder="ada")
    assert (done.added, done.already_coded) == (3, 1)


def test_sentence_extent_makes_one_annotation_per_sentence_however_many_hits_it_holds(
    library: Library, docs: list[str]
) -> None:
    claim = library.tag_named("claim")
    planned = plan(library, Query("rose"), tag_id=claim.id, extent=SENTENCE, scope=Scope(document_ids=(docs[0],)))
    sentences = ["👩‍🔬 The rose grew.", "Dr. Ames cut a rose and a rose again.", "A second 🌷 paragraph: one rose."]
    assert [p.quote for p in planned.spans] == sentences
    assert [p.hits for p in planned.spans] == [1, 2, 1]
    for p in planned.spans:
        assert TEXT[p.start : p.end] == p.quote and p.sha256 == library.document(docs[0]).sha256
    apply(library, planned)
    assert [quote for _, _, quote, _ in spans(library, docs[0])] == sentences
    assert [(s, e) for s, e, _, _ in spans(library, docs[0])] == [
        (TEXT.index(s), TEXT.index(s) + len(s)) for s in sentences
    ]


def test_paragraph_extent_codes_the_blank_line_block_and_a_hit_across_blocks_codes_both(
    library: Library, docs: list[str]
) -> None:
    claim = library.tag_named("claim")
    scope = Scope(document_ids=(docs[0],))
    planned = plan(library, Query("rose"), tag_id=claim.id, extent=PARAGRAPH, scope=scope)
    first, second = TEXT.split("\n\n")
    second = second.rstrip("\n")
    assert [(p.start, p.end, p.hits) for p in planned.spans] == [
        (0, len(first), 3), (TEXT.index(second), len(TEXT) - 1, 1)
    ]  # fmt: skip
    across = plan(library, Query(r"here\.\s+A second", regex=True), tag_id=claim.id, extent=PARAGRAPH, scope=scope)
    assert [(p.start, p.end) for p in across.spans] == [(0, len(TEXT) - 1)]
    across_sentences = plan(library, Query("here. A", loose=True), tag_id=claim.id, extent=SENTENCE, scope=scope)
    assert [p.quote for p in across_sentences.spans] == ["🌹 No flowers here.\n\nA second 🌷 paragraph: one rose."]


def test_a_text_changed_since_the_plan_is_refused_whole_and_nothing_is_written(
    library: Library, docs: list[str]
) -> None:
    claim = library.tag_named("claim")
    planned = plan(library, Query("rose"), tag_id=claim.id)
    revising.revise_document(library, document_id=docs[1], new_text="Yesterday: " + OTHER)
    with pytest.raises(Conflict, match="“Other” changed since the preview; nothing was coded"):
        apply(library, planned)
    assert spans(library, docs[0]) == [] and spans(library, docs[1]) == []
    fresh = plan(library, Query("rose"), tag_id=claim.id)
    assert apply(library, fresh).added == 6  # four roses and one in Garden, "Roses" and "rose" in Other


def test_a_window_showing_an_older_text_is_refused_when_planning(library: Library, docs: list[str]) -> None:
    claim = library.tag_named("claim")
    shown = library.document(docs[0]).sha256
    revising.revise_document(library, document_id=docs[0], new_text=TEXT + "More.\n")
    with pytest.raises(Conflict, match="changed since it was shown here"):
        plan(library, Query("rose"), tag_id=claim.id, scope=Scope(document_ids=(docs[0],)),
             expected_sha256s={docs[0]: shown})  # fmt: skip


def test_a_subset_of_the_plan_codes_only_those_rows(library: Library, docs: list[str]) -> None:
    claim = library.tag_named("claim")
    planned = plan(library, Query("rose"), tag_id=claim.id, extent=SENTENCE)
    chosen = planned.only([1, 3])
    assert [p.quote for p in chosen.spans] == [planned.spans[1].quote, planned.spans[3].quote]
    apply(library, chosen)
    assert [quote for _, _, quote, _ in spans(library, docs[0])] == ["Dr. Ames cut a rose and a rose again."]
    assert [quote for _, _, quote, _ in spans(library, docs[1])] == ["Roses?"]


def test_chosen_hits_are_planned_on_the_text_they_were_found_in(library: Library, docs: list[str]) -> None:
    claim = library.tag_named("claim")
    sha = library.document(docs[0]).sha256
    second = TEXT.index("a rose")
    hits = [ChosenHit(docs[0], second + 2, second + 6, sha), ChosenHit(docs[0], second + 13, second + 17, sha)]
    planned = plan_hits(library, hits, tag_id=claim.id, extent=SENTENCE)
    assert [(p.quote, p.hits) for p in planned.spans] == [("Dr. Ames cut a rose and a rose again.", 2)]
    with pytest.raises(Conflict, match="changed since these hits were found"):
        plan_hits(library, [ChosenHit(docs[0], 2, 5, "0" * 64)], tag_id=claim.id)
    with pytest.raises(SpanError):
        plan_hits(library, [ChosenHit(docs[0], 2, len(TEXT) + 1, sha)], tag_id=claim.id)
    with pytest.raises(NotFound, match="no document 'nope'"):
        plan_hits(library, [ChosenHit("nope", 2, 5, sha)], tag_id=claim.id)


def test_bad_input_is_refused_before_anything_is_read_or_written(library: Library, docs: list[str]) -> None:
    claim = library.tag_named("claim")
    with pytest.raises(NotFound, match="no tag with id 'nope'"):
        plan(library, Query("rose"), tag_id="nope")
    with pytest.raises(InvalidInput, match="no extent 'word'"):
        plan(library, Query("rose"), tag_id=claim.id, extent="word")
    with pytest.raises(InvalidInput, match="could take hours"):
        plan(library, Query("(a+)+", regex=True), tag_id=claim.id)
    with pytest.raises(NotFound, match="no set 'nope'"):
        plan(library, Query("rose"), tag_id=claim.id, scope=Scope(set_name="nope"))
    planned = plan(library, Query("rose"), tag_id=claim.id)
    with pytest.raises(InvalidInput, match="control character"):
        apply(library, planned, coder="a\x1bb")
    assert spans(library, docs[0]) == []


def test_cancelling_planning_or_writing_changes_nothing(library: Library, docs: list[str]) -> None:
    claim = library.tag_named("claim")
    with pytest.raises(Cancelled):
        plan(library, Query("rose"), tag_id=claim.id, progress=lambda done, total: done < 1)
    planned = plan(library, Query("rose"), tag_id=claim.id)
    calls: list[tuple[int, int]] = []

    def stop_at_the_end(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < total

    with pytest.raises(Cancelled):
        apply(library, planned, progress=stop_at_the_end)
    assert calls[-1] == (6, 6)  # everything was inserted, then rolled back
    assert spans(library, docs[0]) == [] and spans(library, docs[1]) == []


def test_undo_deletes_exactly_those_and_redo_puts_back_the_same_annotations(library: Library, docs: list[str]) -> None:
    claim = library.tag_named("claim")
    first = TEXT.index("rose")
    mine = annotating.create_annotation(library, document_id=docs[0], tag_id=claim.id, start=first, end=first + 8)
    done = apply(library, plan(library, Query("rose"), tag_id=claim.id), coder="ada")
    made = done.changes.annotations_created
    undone = remove_coded(library, annotations=made)
    assert undone.annotations_deleted == made
    assert [a.id for a in library.annotations(docs[0])] == [mine.annotations_created[0].id]
    sha256s = {d: library.document(d).sha256 for d in docs}
    redone = restore_coded(library, annotations=made, sha256s=sha256s)
    assert redone.annotations_created == made
    assert sorted(library.annotations(docs[0]) + library.annotations(docs[1]), key=lambda a: a.id) == sorted(
        [*made, mine.annotations_created[0]], key=lambda a: a.id
    )
    assert restore_coded(library, annotations=made, sha256s=sha256s).annotations_created == ()  # there already


def test_undo_is_refused_when_another_program_changed_one_and_redo_when_a_text_changed(
    library: Library, docs: list[str]
) -> None:
    claim = library.tag_named("claim")
    made = apply(library, plan(library, Query("rose"), tag_id=claim.id)).changes.annotations_created
    annotating.set_note(library, annotation_id=made[0].id, note="mine now")
    with pytest.raises(Conflict, match="nothing was undone"):
        remove_coded(library, annotations=made)
    assert len(library.annotations(docs[0])) == 4 and len(made) == 6
    annotating.delete_annotation(library, annotation_id=made[1].id)  # gone already: the rest still go
    annotating.set_note(library, annotation_id=made[0].id, note="")
    changed = library.annotations(docs[0])[0]
    rest = [changed, *made[2:]]
    assert len(remove_coded(library, annotations=[*rest, made[1]]).annotations_deleted) == 5
    sha256s = {d: library.document(d).sha256 for d in docs}
    revising.revise_document(library, document_id=docs[1], new_text="New: " + OTHER)
    with pytest.raises(Conflict, match="nothing was redone"):
        restore_coded(library, annotations=made, sha256s=sha256s)
    assert spans(library, docs[0]) == []


def test_redo_leaves_out_a_span_another_program_coded_meanwhile(library: Library, docs: list[str]) -> None:
    claim = library.tag_named("claim")
    made = apply(library, plan(library, Query("rose"), tag_id=claim.id)).changes.annotations_created
    remove_coded(library, annotations=made)
    theirs = annotating.create_annotation(
        library, document_id=docs[0], tag_id=claim.id, start=made[0].start, end=made[0].end, coder="bo"
    ).annotations_created[0]
    sha256s = {d: library.document(d).sha256 for d in docs}
    redone = restore_coded(library, annotations=made, sha256s=sha256s)
    assert [a.id for a in redone.annotations_created] == [a.id for a in made[1:]]
    assert theirs.id in {a.id for a in library.annotations(docs[0])}


def test_undo_goes_through_after_a_note_edited_and_undone_here(library: Library, docs: list[str]) -> None:
    """A note set and set back (the window's own edit, undone) changes only the modified time."""
    claim = library.tag_named("claim")
    made = apply(library, plan(library, Query("rose"), tag_id=claim.id)).changes.annotations_created
    annotating.set_note(library, annotation_id=made[0].id, note="for a moment")
    annotating.set_note(library, annotation_id=made[0].id, note="")
    assert library.annotation(made[0].id).modified != made[0].modified
    assert len(remove_coded(library, annotations=made).annotations_deleted) == len(made)


def test_a_tag_merged_away_since_the_preview_is_said_in_words_and_nothing_is_written(
    library: Library, docs: list[str]
) -> None:
    """Found attacking issue 10: coding after another program merged (or deleted) the tag chosen
    said "there is no tag with id '…'", an id no one has seen."""
    claim, evidence = library.tag_named("claim"), library.tag_named("evidence")
    planned = plan(library, Query("rose"), tag_id=claim.id)
    codebook.merge_tags(library, tag_ids=[claim.id], into_id=evidence.id)
    with pytest.raises(NotFound) as refused:
        apply(library, planned)
    assert "the tag chosen was deleted" in str(refused.value) and claim.id not in str(refused.value)
    assert spans(library, docs[0]) == [] and spans(library, docs[1]) == []
