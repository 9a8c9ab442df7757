"""Tests: W3C-style selectors and anchoring a span again after the text changed.

Anchoring must never produce a wrong highlight: the stored position when its
quote still matches, else the quote where its context fits best (nearest the
old position on a tie), else nothing (an orphan).
"""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from annotator.core.selectors import (
    CONTEXT_LENGTH,
    SpanError,
    TextPositionSelector,
    TextQuoteSelector,
    anchor,
    check_span,
    find_occurrences,
    locate_quote,
    quote_spans,
)

CHARS = st.characters(exclude_categories=("Cs",))


@st.composite
def text_and_span(draw: st.DrawFn) -> tuple[str, int, int]:
    text = draw(st.text(alphabet=CHARS, min_size=1, max_size=120))
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return text, start, end


class TestQuoteSelector:
    @settings(max_examples=200)
    @given(text_and_span())
    def test_from_span_takes_32_code_points_of_context(self, case: tuple[str, int, int]) -> None:
        text, start, end = case
        sel = TextQuoteSelector.from_span(text, start, end)
        assert sel.exact == text[start:end]
        assert len(sel.prefix) == min(CONTEXT_LENGTH, start)
        assert len(sel.suffix) == min(CONTEXT_LENGTH, len(text) - end)
        assert text[start - len(sel.prefix) : start] == sel.prefix
        assert text[end : end + len(sel.suffix)] == sel.suffix

    def test_context_counts_code_points_not_utf16_units(self) -> None:
        text = "\U0001f600" * 40 + "X" + "\U0001f44d" * 40
        sel = TextQuoteSelector.from_span(text, 40, 41)
        assert sel.prefix == "\U0001f600" * 32
        assert sel.suffix == "\U0001f44d" * 32

    @pytest.mark.parametrize(("start", "end"), [(-1, 2), (3, 3), (4, 2), (0, 11), (11, 12)])
    def test_bad_spans_raise(self, start: int, end: int) -> None:
        with pytest.raises(SpanError):
            TextQuoteSelector.from_span("0123456789", start, end)
        with pytest.raises(SpanError):
            TextPositionSelector.from_span("0123456789", start, end)
        with pytest.raises(SpanError):
            check_span("0123456789", start, end)


class TestLocateQuote:
    def test_unique_quote(self) -> None:
        assert locate_quote("the cat sat", "cat") == (4, 7)

    def test_missing_quote(self) -> None:
        with pytest.raises(SpanError, match="does not occur"):
            locate_quote("the cat sat", "dog")

    def test_ambiguous_quote_says_how_often_it_occurs(self) -> None:
        with pytest.raises(SpanError, match="occurs 3 times"):
            locate_quote("a cat, a cat, a cat", "cat")

    @pytest.mark.parametrize(("occurrence", "expected"), [(1, (2, 5)), (2, (9, 12)), (3, (16, 19))])
    def test_occurrence_picks_one(self, occurrence: int, expected: tuple[int, int]) -> None:
        assert locate_quote("a cat, a cat, a cat", "cat", occurrence) == expected

    @pytest.mark.parametrize("occurrence", [0, 4, -1])
    def test_occurrence_out_of_range(self, occurrence: int) -> None:
        with pytest.raises(SpanError, match="occurs 3 times"):
            locate_quote("a cat, a cat, a cat", "cat", occurrence)

    def test_overlapping_occurrences_count(self) -> None:
        assert find_occurrences("aaaa", "aa") == [0, 1, 2]
        assert locate_quote("aaaa", "aa", 2) == (1, 3)

    def test_offsets_are_code_points(self) -> None:
        text = "\U0001f600\U0001f600 caf\u00e9 \U0001f600"
        start, end = locate_quote(text, "caf\u00e9")
        assert (start, end) == (3, 7)
        assert text[start:end] == "caf\u00e9"

    @settings(max_examples=200)
    @given(st.text(alphabet="ab", max_size=30), st.text(alphabet="ab", min_size=1, max_size=3))
    def test_find_occurrences_against_brute_force(self, text: str, quote: str) -> None:
        expected = [i for i in range(len(text)) if text.startswith(quote, i)]
        assert find_occurrences(text, quote) == expected


class TestAnchor:
    TEXT = "Alpha said the plan works. Beta said the plan fails. Gamma said the plan works."

    def selectors(self, text: str, start: int, end: int) -> tuple[TextPositionSelector, TextQuoteSelector]:
        return TextPositionSelector.from_span(text, start, end), TextQuoteSelector.from_span(text, start, end)

    def test_exact_position_wins_when_its_quote_matches(self) -> None:
        # "the plan works" occurs twice; the stored position decides which one.
        start = self.TEXT.rindex("the plan works")
        pos, quote = self.selectors(self.TEXT, start, start + len("the plan works"))
        assert anchor(self.TEXT, pos, quote) == (start, start + len("the plan works"))

    def test_moved_quote_found_by_its_context(self) -> None:
        start = self.TEXT.index("the plan fails")
        pos, quote = self.selectors(self.TEXT, start, start + len("the plan fails"))
        revised = "Preface added. " + self.TEXT
        new_start = revised.index("the plan fails")
        assert anchor(revised, pos, quote) == (new_start, new_start + len("the plan fails"))

    def test_moved_repeated_quote_goes_to_the_best_context(self) -> None:
        # Gamma's "the plan works": an insertion shifts it, and Alpha's (same quote,
        # different prefix) now sits nearer the old position. Context must win.
        start = self.TEXT.rindex("the plan works")
        pos, quote = self.selectors(self.TEXT, start, start + len("the plan works"))
        revised = self.TEXT.replace("Alpha said", "Alpha said, at length and with much repetition,")
        revised = "X" * 200 + revised
        expected = revised.rindex("the plan works")
        assert anchor(revised, pos, quote) == (expected, expected + len("the plan works"))

    def test_same_context_picks_the_occurrence_nearest_the_old_position(self) -> None:
        text = "xx ab xx ab xx ab xx ab xx"
        # No context stored: only the distance to the hint can decide.
        quote = TextQuoteSelector("ab")
        for start in find_occurrences(text, "ab"):
            hint = TextPositionSelector(start + 1, start + 3)  # stale by one, and quote mismatches there
            assert anchor(text, hint, quote) == (start, start + 2)

    def test_orphan_when_the_quote_is_gone(self) -> None:
        start = self.TEXT.index("fails")
        pos, quote = self.selectors(self.TEXT, start, start + len("fails"))
        assert anchor(self.TEXT.replace("fails", "flops"), pos, quote) is None

    def test_position_out_of_range_without_quote_is_an_orphan(self) -> None:
        assert anchor("short", TextPositionSelector(3, 10), None) is None
        assert anchor("short", TextPositionSelector(1, 3), None) == (1, 3)

    @settings(max_examples=200)
    @given(text_and_span(), st.text(alphabet=CHARS, max_size=20), st.data())
    def test_anchor_after_an_insertion_outside_the_span(
        self, case: tuple[str, int, int], inserted: str, data: st.DataObject
    ) -> None:
        text, start, end = case
        pos, quote = self.selectors(text, start, end)
        at = data.draw(st.sampled_from([i for i in range(len(text) + 1) if i <= start or i >= end]))
        revised = text[:at] + inserted + text[at:]
        shift = len(inserted) if at <= start else 0
        found = anchor(revised, pos, quote)
        assert found is not None
        # Never a wrong highlight: whatever is found is the quote ...
        assert revised[found[0] : found[1]] == quote.exact
        # ... and where the quote is unique, it is the moved span itself.
        if len(find_occurrences(revised, quote.exact)) == 1:
            assert found == (start + shift, end + shift)

    @settings(max_examples=100)
    @given(text_and_span())
    def test_anchor_in_the_unchanged_text_is_the_span(self, case: tuple[str, int, int]) -> None:
        text, start, end = case
        assume(text[start:end])
        assert anchor(text, *self.selectors(text, start, end)) == (start, end)


def test_a_quote_matches_text_written_with_composed_or_combining_accents_at_exact_offsets() -> None:
    stored = "Le Cafe\u0301 de Flore. Caf\u00e9 noir."  # one decomposed, one composed
    start, end = locate_quote(stored, "Caf\u00e9 de")  # typed composed, stored decomposed
    assert (start, end) == (3, 11) and stored[start:end] == "Cafe\u0301 de"
    start, end = locate_quote(stored, "Cafe\u0301 noir")  # typed decomposed, stored composed
    assert stored[start:end] == "Caf\u00e9 noir"
    with pytest.raises(SpanError, match="occurs 2 times"):
        locate_quote(stored, "Caf\u00e9")
    assert locate_quote(stored, "Caf\u00e9", 2) == (19, 23)
    assert locate_quote("aaa", "aa", 2) == (1, 3)  # overlapping occurrences, as before


def test_a_quote_never_matches_part_of_a_character_with_combining_marks() -> None:
    stored = "Le Cafe\u0301 noir, \u1eb9 e\u0323\u0301."
    assert quote_spans(stored, "Cafe") == []  # the acute belongs to the e: not "Cafe"
    assert quote_spans(stored, "\u0301") == []  # nor the accent alone
    assert quote_spans(stored, "\u1eb9") == [(15, 16)]  # not e and dot below, leaving the acute out
    assert quote_spans(stored, "e\u0323\u0301") == [(17, 20)]


#: Letters, composed accented letters and combining marks, so that matches fall next to marks.
ACCENTED = st.text(alphabet=st.sampled_from("aeC \u00e9\u1eb9\u1ec7\u0301\u0323\u0302"), max_size=12)


@settings(max_examples=300)
@given(text=ACCENTED, quote=ACCENTED)
def test_quote_spans_are_whole_characters_equivalent_to_the_quote(text: str, quote: str) -> None:
    for start, end in quote_spans(text, quote):
        assert unicodedata.normalize("NFC", text[start:end]) == unicodedata.normalize("NFC", quote)
        assert start == 0 or not unicodedata.combining(text[start])  # no base left before it
        assert end == len(text) or not unicodedata.combining(text[end])  # no mark left after it
