"""Tests: the span index and the segments the highlighter paints, against brute-force oracles.

``SpanIndex.overlapping`` looks back only as far as the longest span, which is
where a bookkeeping slip (a stale maximum after removals) would hide spans, so
the property test mixes adds, replacements, removals and queries.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.spans import LONG, Span, SpanIndex, columns, segments

TEXT_LENGTH = 60
TAGS = ["claim", "evidence", "speculation"]


def oracle_overlapping(spans: dict[str, Span], start: int, end: int) -> list[Span]:
    hits = [s for s in spans.values() if s.start < end and s.end > start]
    return sorted(hits, key=lambda s: (s.start, s.end, s.annotation_id))


def oracle_segments(spans: list[Span], start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Per character: the tags covering it (in span order, no repeats); then maximal runs."""
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for c in range(start, end):
        tags = tuple(dict.fromkeys(s.tag_id for s in spans if s.start <= c < s.end))
        if not tags:
            continue
        if out and out[-1][1] == c and out[-1][2] == tags:
            out[-1] = (out[-1][0], c + 1, tags)
        else:
            out.append((c, c + 1, tags))
    return out


# Few ids, so adds often replace a span and removals often hit one.
FEW_IDS = st.sampled_from([f"a{i}" for i in range(12)])


@st.composite
def spans(draw: st.DrawFn, ids: st.SearchStrategy[str] = FEW_IDS) -> Span:
    start = draw(st.integers(0, TEXT_LENGTH - 1))
    # Mostly short spans, sometimes long ones (which widen the look-back window).
    length = draw(st.one_of(st.integers(1, 5), st.integers(1, TEXT_LENGTH)))
    return Span(start, min(TEXT_LENGTH, start + length), draw(st.sampled_from(TAGS)), draw(ids))


WINDOWS = st.tuples(st.integers(-2, TEXT_LENGTH + 2), st.integers(0, 20)).map(lambda w: (w[0], w[0] + w[1]))
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("add"), spans()),
        st.tuples(st.just("remove"), FEW_IDS),
        st.tuples(st.just("query"), WINDOWS),
    ),
    max_size=40,
)


@pytest.mark.parametrize("long", [LONG, 8])  # 8: spans over 8 code points are kept apart
@settings(max_examples=300)
@given(initial=st.lists(spans(), max_size=10), operations=OPERATIONS)
def test_overlapping_matches_brute_force(initial: list[Span], operations: list[tuple[str, object]], long: int) -> None:
    model = {s.annotation_id: s for s in initial}
    index = SpanIndex(initial, long=long)
    for op, arg in operations:
        if op == "add":
            assert isinstance(arg, Span)
            index.add(arg)
            model[arg.annotation_id] = arg
        elif op == "remove":
            assert index.remove(arg) == model.pop(arg, None)  # type: ignore[arg-type]
        else:
            start, end = arg  # type: ignore[misc]
            assert index.overlapping(start, end) == oracle_overlapping(model, start, end)
        assert len(index) == len(model)
        assert [s.annotation_id for s in index.overlapping(-1, TEXT_LENGTH + 1)] == [
            s.annotation_id for s in oracle_overlapping(model, -1, TEXT_LENGTH + 1)
        ]
    for offset in range(-1, TEXT_LENGTH + 1):
        assert index.at(offset) == oracle_overlapping(model, offset, offset + 1)
    for annotation_id, span in model.items():
        assert annotation_id in index
        assert index.get(annotation_id) == span


def test_a_whole_document_span_does_not_widen_every_query() -> None:
    """The caret's query and each block's looked back over the longest span: one whole-document
    annotation made them scan every annotation."""
    short = [Span(i * 10, i * 10 + 5, "claim", f"s{i}") for i in range(1_000)]
    index = SpanIndex([*short, Span(0, 10_000, "evidence", "whole")])
    assert index.look_back == 5
    assert [s.annotation_id for s in index.at(5_002)] == ["whole", "s500"]
    index.add(Span(100, 9_000, "claim", "most"))
    assert index.look_back == 5 and [s.annotation_id for s in index.at(8_999)] == ["whole", "most"]
    index.remove("whole")
    assert [s.annotation_id for s in index.at(9_500)] == ["s950"]


def test_removing_the_longest_span_still_finds_long_ones_left() -> None:
    index = SpanIndex(
        [
            Span(0, 50, "claim", "long1"),
            Span(0, 40, "claim", "long2"),
            Span(45, 46, "claim", "short"),
        ]
    )
    index.remove("long1")
    assert [s.annotation_id for s in index.overlapping(39, 41)] == ["long2"]
    index.add(Span(0, 45, "evidence", "long2"))  # replace: longer than before
    assert [s.annotation_id for s in index.overlapping(44, 46)] == ["long2", "short"]


@settings(max_examples=300)
@given(st.lists(spans(st.uuids().map(str)), max_size=12), WINDOWS)
def test_segments_match_a_per_character_oracle(all_spans: list[Span], window: tuple[int, int]) -> None:
    start, end = window
    # What the highlighter does: segments of the spans overlapping the window, in index order.
    visible = SpanIndex(all_spans).overlapping(start, end)
    pieces = segments(visible, start, end)
    assert pieces == oracle_segments(visible, start, end)
    for a, b, _tags in pieces:
        assert start <= a < b <= end


def test_segments_of_nested_spans() -> None:
    spans_ = [Span(0, 10, "claim", "1"), Span(3, 6, "evidence", "2"), Span(3, 6, "claim", "3")]
    assert segments(spans_, 0, 12) == [
        (0, 3, ("claim",)),
        (3, 6, ("claim", "evidence")),
        (6, 10, ("claim",)),
    ]


@given(st.lists(spans(st.uuids().map(str)), max_size=12), st.integers(0, 60), st.sampled_from([1, -1]))
def test_neighbour_is_the_next_or_previous_span_in_text_order(all_spans: list[Span], at: int, step: int) -> None:
    index = SpanIndex(all_spans)
    ordered = sorted(index.overlapping(-1000, 1000), key=lambda s: (s.start, s.end, s.annotation_id))
    found = index.neighbour((at, -1, ""), step)
    expected = [s for s in ordered if s.start >= at][:1] if step > 0 else [s for s in ordered if s.start < at][-1:]
    assert ([found] if found else []) == expected
    for here, after in pairwise(ordered):
        assert index.neighbour((here.start, here.end, here.annotation_id), 1) is after
        assert index.neighbour((after.start, after.end, after.annotation_id), -1) is here


def test_columns_are_as_few_as_the_deepest_overlap() -> None:
    spans = [Span(0, 10, "a", "outer"), Span(2, 4, "b", "in1"), Span(5, 8, "b", "in2"), Span(3, 6, "c", "mid"),
             Span(10, 12, "a", "after")]  # fmt: skip
    found, count = columns(spans)
    assert count == 3  # code point 3: outer, in1 and mid
    assert found["outer"] == 0 and found["after"] == 0  # the enclosing one outermost; a free column reused
    assert found["in1"] != found["mid"] and found["mid"] != found["in2"] and found["in1"] == found["in2"] == 1


def test_the_version_counts_each_change() -> None:
    index = SpanIndex([Span(0, 4, "a", "one")])
    before = index.version
    index.add(Span(5, 9, "a", "two"))
    index.remove("one")
    index.remove("none")  # nothing removed: no change
    assert index.version == before + 2


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(1, 20)), max_size=40))
def test_columns_never_put_overlapping_spans_together(pairs: list[tuple[int, int]]) -> None:
    spans = [Span(start, start + length, "t", str(n)) for n, (start, length) in enumerate(pairs)]
    found, count = columns(spans)
    for a in spans:
        for b in spans:
            if a is not b and a.start < b.end and b.start < a.end:
                assert found[a.annotation_id] != found[b.annotation_id]
    deepest = max((sum(s.start <= p < s.end for s in spans) for p in range(80)), default=0)
    assert count == deepest and all(0 <= c < count for c in found.values())
