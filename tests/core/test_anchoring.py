"""Tests: re-anchoring annotations in a revised text (core, no database).

Revisions of the sample article (paragraphs inserted, removed and reordered, a
typo fixed, a sentence reworded or rewritten) must put each annotation where a
reader would, with an honest status; properties checked with Hypothesis: edits
away from a span keep it exact, and no status ever claims more exactness than
the new text has.
"""

from __future__ import annotations

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.anchoring import (
    ANCHOR_STATUSES,
    FUZZY,
    MOVED,
    ORPHANED,
    UNCHANGED,
    Anchor,
    Reanchorer,
    TextDiff,
)
from annotator.core.selectors import CONTEXT_LENGTH, TextQuoteSelector, find_occurrences, locate_quote

THESIS = "Kazakhstan imploded"
OPENING = "We need time to understand better what happened in Kazakhstan, and why"
STABILITY = "seemed to be an island of stability in the vast landmass of Eurasia"
ZHANAOZEN = "a protest by oil industry workers turned violent"


def span(text: str, quote: str, occurrence: int = 1) -> tuple[int, int, str, str, str]:
    """(start, end, quote, prefix, suffix) of the *occurrence*-th *quote* in *text*."""
    start, end = locate_quote(text, quote, occurrence)
    selector = TextQuoteSelector.from_span(text, start, end)
    return start, end, selector.exact, selector.prefix, selector.suffix


def place(old: str, new: str, quote: str, occurrence: int = 1) -> tuple[Anchor, str | None]:
    result = Reanchorer(old, new).anchor(*span(old, quote, occurrence))
    return result, (new[result.start : result.end] if result.placed else None)


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def test_identical_text_leaves_every_span_unchanged(seed_text: str) -> None:
    for quote in (THESIS, OPENING, STABILITY, ZHANAOZEN):
        result, now = place(seed_text, seed_text, quote)
        assert (result.status, now, result.score) == (UNCHANGED, quote, 1.0)
        assert (result.start, result.end) == span(seed_text, quote)[:2]


def test_inserted_paragraph_moves_later_spans_and_keeps_earlier_ones(seed_text: str) -> None:
    parts = paragraphs(seed_text)
    new = "\n\n".join([*parts[:2], "An inserted paragraph, about nothing in particular.", *parts[2:]])
    before, _ = place(seed_text, new, OPENING)  # in the second paragraph, before the insertion
    assert before.status == UNCHANGED
    for quote in (THESIS, STABILITY, ZHANAOZEN):
        result, now = place(seed_text, new, quote)
        assert (result.status, now) == (MOVED, quote)
        assert result.start == span(seed_text, quote)[0] + len(
            "An inserted paragraph, about nothing in particular.\n\n"
        )


def test_removed_paragraph_orphans_its_spans_only(seed_text: str) -> None:
    parts = paragraphs(seed_text)
    gone = next(i for i, p in enumerate(parts) if THESIS in p)
    new = "\n\n".join(parts[:gone] + parts[gone + 1 :])
    result, _ = place(seed_text, new, THESIS)
    assert result == Anchor(ORPHANED)
    for quote in (OPENING, STABILITY, ZHANAOZEN):
        result, now = place(seed_text, new, quote)
        assert result.status in (UNCHANGED, MOVED) and now == quote


def test_reordered_paragraphs_are_followed(seed_text: str) -> None:
    parts = paragraphs(seed_text)
    rng = random.Random(5)
    body = parts[1:]
    rng.shuffle(body)
    new = "\n\n".join([parts[0], *body])
    for quote in (THESIS, OPENING, STABILITY, ZHANAOZEN):
        result, now = place(seed_text, new, quote)
        assert result.status in (UNCHANGED, MOVED) and now == quote
        assert result.start == new.index(quote)


def test_fixed_typo_inside_a_span_is_a_fuzzy_match_on_the_corrected_words(seed_text: str) -> None:
    old = seed_text.replace("island of stability", "iland of stabillity")
    quote = STABILITY.replace("island of stability", "iland of stabillity")
    result, now = place(old, seed_text, quote)
    assert (result.status, now) == (FUZZY, STABILITY)
    assert 0.9 < result.score < 1.0


def test_reworded_quoted_sentence_is_fuzzy(seed_text: str) -> None:
    reworded = "We need more time to understand what really happened in Kazakhstan and why"
    new = seed_text.replace(OPENING, reworded)
    result, now = place(seed_text, new, OPENING)
    assert (result.status, now) == (FUZZY, reworded)


def test_reworded_sentence_moved_to_another_paragraph_is_found(seed_text: str) -> None:
    sentence = "Kazakhstan has a history of social unrest"
    reworded = "Kazakhstan has a long history of social unrest"
    new = seed_text.replace(sentence + ", such as", "Like").replace(
        "The beginning of 2022 surprised many.",
        f"{reworded}. The beginning of 2022 surprised many.",
    )
    result, now = place(seed_text, new, sentence)
    assert (result.status, now) == (FUZZY, reworded)


def test_rewritten_sentence_is_orphaned_not_pinned_on_its_replacement(seed_text: str) -> None:
    new = seed_text.replace(STABILITY, "looked like the calmest place between Beijing and Moscow")
    result, _ = place(seed_text, new, STABILITY)
    assert result == Anchor(ORPHANED)


def test_common_word_of_a_deleted_paragraph_is_not_moved_onto_another_occurrence(
    seed_text: str,
) -> None:
    parts = paragraphs(seed_text)
    gone = next(i for i, p in enumerate(parts) if THESIS in p)
    new = "\n\n".join(parts[:gone] + parts[gone + 1 :])
    old_start = seed_text.index(THESIS)
    result = Reanchorer(seed_text, new).anchor(*span_at(seed_text, old_start, old_start + len("Kazakhstan")))
    assert "Kazakhstan" in new  # it occurs elsewhere, in other words
    assert result.status in (FUZZY, ORPHANED)  # never a confident "moved" onto another sentence


def test_crlf_revision_with_one_edit_keeps_the_rest(seed_text: str) -> None:
    from annotator.core.text import normalize_text

    new = normalize_text(seed_text.replace("\n", "\r\n").replace("Kazakhstan imploded", "Kazakhstan fell apart"))
    assert "\r" not in new
    result, _ = place(seed_text, new, OPENING)
    assert result.status == UNCHANGED
    result, now = place(seed_text, new, ZHANAOZEN)
    assert result.status == MOVED and now == ZHANAOZEN


def test_offsets_are_code_points_over_emoji_and_combining_marks() -> None:
    old = "Cafe\u0301 \U0001f600 costs\u00a05\u00a0\u20ac, said the \U0001f44d\U0001f3fd owner.\n\u05e9\u05dc\u05d5\u05dd peace"
    new = "\U0001f389 New first line.\n" + old.replace("said", "told us")
    for quote in (
        "\U0001f44d\U0001f3fd owner",
        "5\u00a0\u20ac",
        "\u05e9\u05dc\u05d5\u05dd",
        "Cafe\u0301",
    ):
        result, now = place(old, new, quote)
        assert result.status == MOVED and now == quote
        assert result.start == new.index(quote)


def test_spans_at_the_very_start_and_end_of_the_text(seed_text: str) -> None:
    first = seed_text.split("\n", 1)[0]
    last = seed_text.rstrip("\n").rsplit("\n", 1)[1]
    new = seed_text.replace("The beginning of 2022", "The start of 2022")
    for quote in (first, last):
        result, now = place(seed_text, new, quote)
        assert result.status in (UNCHANGED, MOVED) and now == quote


def test_offsets_from_an_older_version_are_searched_for(seed_text: str) -> None:
    start, end, quote, prefix, suffix = span(seed_text, THESIS)
    older = "Preface.\n\n" + seed_text  # offsets that point into some older text
    result = Reanchorer(older, seed_text).anchor(start, end, quote, prefix, suffix)
    assert result.status == MOVED and seed_text[result.start : result.end] == quote
    assert Reanchorer(seed_text, seed_text).anchor(0, 3, "", "", "") == Anchor(ORPHANED)


def test_ten_thousand_spans_on_a_long_text_all_exact_or_honest(seed_text: str) -> None:
    rng = random.Random(3)
    old = "\n\n".join(f"{i}. {p}" for i, p in enumerate(paragraphs(seed_text) * 12))  # ~200 kB
    spans = []
    for _ in range(10_000):
        start = rng.randrange(0, len(old) - 200)
        spans.append(span_at(old, start, start + rng.randint(3, 150)))
    new = old
    for _ in range(40):
        at = rng.randrange(len(new))
        new = (
            new[:at] + rng.choice(["", "inserted words ", "\n\nA new paragraph.\n\n"]) + new[at + rng.randint(0, 20) :]
        )
    reanchorer = Reanchorer(old, new)
    results = [reanchorer.anchor(*s) for s in spans]
    counts = {status: sum(r.status == status for r in results) for status in ANCHOR_STATUSES}
    assert counts[UNCHANGED] + counts[MOVED] > 9_000
    for (start, end, quote, _, _), result in zip(spans, results):
        assert_honest(new, start, end, quote, result)


def span_at(text: str, start: int, end: int) -> tuple[int, int, str, str, str]:
    selector = TextQuoteSelector.from_span(text, start, end)
    return start, end, selector.exact, selector.prefix, selector.suffix


def assert_honest(new: str, start: int, end: int, quote: str, result: Anchor) -> None:
    """The status never claims more than the new text holds."""
    assert result.status in ANCHOR_STATUSES
    if result.status == ORPHANED:
        assert result.start is None and result.end is None
        return
    assert result.start is not None and result.end is not None
    assert 0 <= result.start < result.end <= len(new)
    if result.status in (UNCHANGED, MOVED):
        assert new[result.start : result.end] == quote
        assert result.score == 1.0
    if result.status == UNCHANGED:
        assert (result.start, result.end) == (start, end)


# -- properties -------------------------------------------------------------------------------

ALPHABET = st.sampled_from(list("ab \n.") + ["cd", "\U0001f600", "e\u0301", "\u00a0", "\u05e9", " the ", "word"])
TEXTS = st.lists(ALPHABET, min_size=1, max_size=120).map("".join)
INSERTS = st.lists(ALPHABET, max_size=8).map("".join)


@st.composite
def edits_away_from_a_span(draw: st.DrawFn) -> tuple[str, str, int, int, int, int]:
    """(old, new, start, end, new_start, new_end): edits only farther than the context from the span."""
    left, middle, right = draw(TEXTS), draw(TEXTS), draw(TEXTS)
    pad = "|" * CONTEXT_LENGTH  # the context stays whole
    old = left + pad + middle + pad + right
    start, end = len(left) + len(pad), len(left) + len(pad) + len(middle)
    new, new_start, new_end = old, start, end
    for _ in range(draw(st.integers(0, 6))):
        before = draw(st.booleans())
        lo, hi = (0, new_start - len(pad)) if before else (new_end + len(pad), len(new))
        at = draw(st.integers(lo, hi))
        cut = draw(st.integers(0, min(5, hi - at)))
        insert = draw(INSERTS)
        new = new[:at] + insert + new[at + cut :]
        if before:
            new_start += len(insert) - cut
            new_end += len(insert) - cut
    return old, new, start, end, new_start, new_end


@settings(max_examples=300, deadline=None)
@given(edits_away_from_a_span())
def test_edits_away_from_a_span_keep_it_exact(case: tuple[str, str, int, int, int, int]) -> None:
    old, new, start, end, new_start, new_end = case
    quote = old[start:end]
    result = Reanchorer(old, new).anchor(*span_at(old, start, end))
    assert result.status in (UNCHANGED, MOVED)
    assert_honest(new, start, end, quote, result)
    if len(find_occurrences(new, quote)) == 1:
        assert (result.start, result.end) == (new_start, new_end)


@settings(max_examples=300, deadline=None)
@given(TEXTS, st.data())
def test_any_edits_never_make_a_status_overstate_exactness(old: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(old) - 1))
    end = data.draw(st.integers(start + 1, len(old)))
    new = old
    for _ in range(data.draw(st.integers(0, 5))):
        at = data.draw(st.integers(0, len(new)))
        new = new[:at] + data.draw(INSERTS) + new[at + data.draw(st.integers(0, 6)) :]
    result = Reanchorer(old, new).anchor(*span_at(old, start, end))
    assert_honest(new, start, end, old[start:end], result)


@settings(max_examples=300, deadline=None)
@given(TEXTS, TEXTS)
def test_diff_blocks_are_equal_text_in_order(old: str, new: str) -> None:
    diff = TextDiff(old, new)
    previous_a = previous_b = 0
    for a, b, n in diff._blocks:
        assert n > 0 and old[a : a + n] == new[b : b + n]
        assert a >= previous_a and b >= previous_b
        previous_a, previous_b = a + n, b + n
    for pos in range(len(old)):
        mapped = diff.map_position(pos)
        assert mapped is None or new[mapped] == old[pos]
        assert 0 <= diff.hint(pos) <= len(new)


@pytest.mark.parametrize("quote", [OPENING, THESIS])
def test_status_is_one_of_four_and_fuzzy_scores_are_below_one(seed_text: str, quote: str) -> None:
    new = seed_text.replace(quote, quote.replace("n", "m", 1))
    result, now = place(seed_text, new, quote)
    assert result.status == FUZZY and 0.6 <= result.score < 1.0 and now == quote.replace("n", "m", 1)


def test_a_very_common_quote_is_found_by_its_context() -> None:
    filler = "a b " * 1500  # "a" occurs 1,500 times: too often to score each occurrence
    text = filler + "the one marked a here " + filler
    start = text.index("marked a") + len("marked ")
    _, _, quote, prefix, suffix = span_at(text, start, start + 1)
    new = "Preface. " + text
    result = Reanchorer(text, new).anchor(0, 1, quote, prefix, suffix, orphan=True)  # searched near 0
    assert (result.status, result.start) == (MOVED, start + len("Preface. "))
