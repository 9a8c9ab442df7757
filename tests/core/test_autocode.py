"""Tests (core): the spans auto-coding makes of hits: trimmed matches, sentences and paragraphs as
code points (beyond the BMP), each span once with its hit count; and the preview of a span."""

from __future__ import annotations

import pytest

from annotator.core.autocode import MATCH, PARAGRAPH, SENTENCE, ExtentSpan, extent_spans, preview
from annotator.core.errors import InvalidInput
from annotator.core.sentences import segment

TEXT = "𝔄 first 🙂 rose. A rose, a rose.\n\n𝔅 Rose again.\n"


def _hits(word: str) -> list[tuple[int, int]]:
    lowered = TEXT.lower()
    return [(i, i + len(word)) for i in range(len(TEXT)) if lowered.startswith(word, i)]


def test_match_spans_are_the_hits_without_white_space_and_blank_hits_code_nothing() -> None:
    at = TEXT.index(" rose.")
    found = extent_spans(TEXT, [(at, at + 5), (TEXT.index("\n\n"), TEXT.index("\n\n") + 2)], MATCH)
    assert found == [ExtentSpan(at + 1, at + 5, 1)]
    assert TEXT[found[0].start : found[0].end] == "rose"


def test_sentence_spans_count_every_hit_they_hold() -> None:
    found = extent_spans(TEXT, _hits("rose"), SENTENCE, segment(TEXT))
    assert [(TEXT[s.start : s.end], s.hits) for s in found] == [
        ("𝔄 first 🙂 rose.", 1), ("A rose, a rose.", 2), ("𝔅 Rose again.", 1)
    ]  # fmt: skip


def test_paragraph_spans_are_blank_line_blocks_and_a_hit_across_two_takes_both() -> None:
    found = extent_spans(TEXT, _hits("rose"), PARAGRAPH, segment(TEXT))
    assert [(TEXT[s.start : s.end], s.hits) for s in found] == [
        ("𝔄 first 🙂 rose. A rose, a rose.", 3), ("𝔅 Rose again.", 1)
    ]  # fmt: skip
    across = TEXT.index("rose.\n\n")
    assert [(s.start, s.end) for s in extent_spans(TEXT, [(across, across + 9)], PARAGRAPH, segment(TEXT))] == [
        (0, len(TEXT) - 1)
    ]


def test_an_unknown_extent_is_one_line() -> None:
    with pytest.raises(InvalidInput, match="no extent 'word' \\(extents: match, sentence, paragraph\\)"):
        extent_spans(TEXT, [], "word")


def test_preview_is_one_line_and_keeps_both_ends_of_a_long_span() -> None:
    assert preview("A  rose,\n\tred.") == "A rose, red."
    long = "Start " + "middle " * 30 + "the end."
    shown = preview(long, 40)
    assert len(shown) <= 40 and shown.startswith("Start middle") and shown.endswith("the end.") and " … " in shown
