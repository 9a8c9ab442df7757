"""Tests: where an annotation stands after a revision, as one table (no database).

:func:`transition` is the table of anchor states; :func:`follow` places an
annotation with a :class:`Reanchorer` and applies it. A revision and an import
of a file made before a revision both go through them.
"""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from annotator.core.anchoring import (
    FOUND,
    FUZZY,
    KEPT,
    LAST_PLACED,
    MOVED,
    ORPHANED,
    UNCHANGED,
    AnchorState,
    Reanchorer,
    follow,
    transition,
)
from annotator.core.model import Annotation, annotation_on_span

V_OLD, V_NEW = "v-older", "v-just-made"  # the version a person placed it in; the one a revision made
PLACED_BEFORE = AnchorState(FUZZY, V_OLD, 3, 9)  # where a person last placed it (fuzzy or orphan)
ORPHAN_BEFORE = AnchorState(ORPHANED, V_OLD, 3, 9)

TABLE = [
    # before state, found, after state, which span it takes
    (AnchorState(), UNCHANGED, AnchorState(UNCHANGED), FOUND),
    (AnchorState(), MOVED, AnchorState(MOVED), FOUND),
    (AnchorState(MOVED), UNCHANGED, AnchorState(UNCHANGED), FOUND),
    (AnchorState(MOVED), MOVED, AnchorState(MOVED), FOUND),
    (PLACED_BEFORE, UNCHANGED, PLACED_BEFORE, FOUND),  # still awaiting review
    (PLACED_BEFORE, MOVED, PLACED_BEFORE, FOUND),
    (ORPHAN_BEFORE, UNCHANGED, AnchorState(MOVED), FOUND),  # found again, exactly
    (ORPHAN_BEFORE, MOVED, AnchorState(MOVED), FOUND),
    (AnchorState(), FUZZY, AnchorState(FUZZY, V_NEW, 20, 30), FOUND),  # placed in the replaced text
    (AnchorState(MOVED), FUZZY, AnchorState(FUZZY, V_NEW, 20, 30), FOUND),
    (PLACED_BEFORE, FUZZY, PLACED_BEFORE, FOUND),  # where a person placed it is kept
    (ORPHAN_BEFORE, FUZZY, AnchorState(FUZZY, V_OLD, 3, 9), FOUND),
    (AnchorState(), ORPHANED, AnchorState(ORPHANED, V_NEW, 20, 30), KEPT),
    (AnchorState(MOVED), ORPHANED, AnchorState(ORPHANED, V_NEW, 20, 30), KEPT),
    (PLACED_BEFORE, ORPHANED, AnchorState(ORPHANED, V_OLD, 3, 9), LAST_PLACED),  # back where a person put it
    (ORPHAN_BEFORE, ORPHANED, ORPHAN_BEFORE, KEPT),
]


@pytest.mark.parametrize(("before", "found", "after", "span"), TABLE)
def test_transitions_table(before: AnchorState, found: str, after: AnchorState, span: str) -> None:
    assert transition(before, found, V_NEW, 20, 30) == (after, span)


def test_the_table_covers_every_state_and_status() -> None:
    statuses = (UNCHANGED, MOVED, FUZZY, ORPHANED)
    assert sorted((before.status, found) for before, found, _, _ in TABLE) == sorted(
        (b, f) for b in statuses for f in statuses
    )


T0 = datetime(2026, 1, 1, tzinfo=UTC)
NOW = datetime(2026, 2, 1, tzinfo=UTC)


def made_on(text: str, quote: str) -> Annotation:
    start = text.index(quote)
    return annotation_on_span(
        text, start, start + len(quote), id="a", document_id="d", tag_id="t", note="", coder="",
        created=T0, modified=T0,
    )  # fmt: skip


def no_older_text(version_id: str) -> str:
    raise AssertionError(version_id)


def test_follow_moves_a_span_and_cuts_quote_and_context_from_the_new_text() -> None:
    old, new = "The vote passed narrowly.", "Intro. The vote passed narrowly."
    annotation = made_on(old, "vote passed")
    after, state = follow(annotation, AnchorState(), Reanchorer(old, new), V_NEW, now=NOW, text_of=no_older_text)
    assert state == AnchorState(MOVED)
    assert (new[after.start : after.end], after.prefix, after.suffix) == ("vote passed", "Intro. The ", " narrowly.")
    assert after.modified == NOW and after.created == T0


def test_follow_keeps_an_annotation_nothing_moved_as_it_was() -> None:
    text = "Nothing changes here. " + "A long paragraph that a revision leaves alone. " * 2
    annotation = made_on(text, "Nothing changes")
    assert follow(
        annotation, AnchorState(), Reanchorer(text, text + "More."), V_NEW, now=NOW, text_of=no_older_text
    ) == (annotation, AnchorState())  # its modified time too


def test_follow_orphans_an_annotation_whose_text_is_gone_keeping_its_offsets() -> None:
    old, new = "Keep this. Drop this sentence entirely.", "Keep this."
    annotation = made_on(old, "Drop this sentence entirely")
    after, state = follow(annotation, AnchorState(), Reanchorer(old, new), V_NEW, now=NOW, text_of=no_older_text)
    assert state == AnchorState(ORPHANED, V_NEW, annotation.start, annotation.end)
    assert (after.start, after.end, after.quote) == (annotation.start, annotation.end, annotation.quote)


def test_follow_puts_an_orphaned_fuzzy_annotation_back_where_a_person_placed_it() -> None:
    older = "Where a person placed it: the original claim."
    old = "The original claim was reworded a bit here."
    new = "Something else entirely."
    placed = older.index("the original claim")
    annotation = made_on(old, "The original claim was reworded")
    state = AnchorState(FUZZY, V_OLD, placed, placed + len("the original claim"))
    after, after_state = follow(
        annotation, state, Reanchorer(old, new), V_NEW, now=NOW, text_of={V_OLD: older}.__getitem__
    )
    assert after_state == AnchorState(ORPHANED, V_OLD, state.start, state.end)
    assert older[after.start : after.end] == after.quote == "the original claim"


def test_an_orphan_is_searched_for_not_mapped() -> None:
    old = "aaaa bbbb cccc"  # the orphan's offsets point into an older text, not this one
    new = "zz the lost words return zz"
    annotation = Annotation("a", "d", "t", 0, 14, "the lost words", "zz ", " return", "", "", T0, T0)
    after, state = follow(annotation, ORPHAN_BEFORE, Reanchorer(old, new), V_NEW, now=NOW, text_of=no_older_text)
    assert state == AnchorState(MOVED) and new[after.start : after.end] == "the lost words"
