"""Tests: the stretches where coders differ: overlap gives one stretch over both annotations,
nesting, identical codings give none, a disputed word inside an agreed passage stays small, a
tag against another tag, three coders, touching annotations stay apart, the order (largest
first), and offsets in code points after a non-BMP emoji."""

from __future__ import annotations

from annotator.core.disagreements import Coded, Stretch, stretches


def _c(annotation_id: str, tag: str, start: int, end: int) -> Coded:
    return Coded(annotation_id, tag, start, end)


def test_identical_codings_give_no_stretch() -> None:
    ada = [_c("a1", "claim", 0, 10), _c("a2", "evidence", 12, 20)]
    bo = [_c("b1", "claim", 0, 10), _c("b2", "evidence", 12, 20)]
    assert stretches([ada, bo]) == []
    assert stretches([[], []]) == []


def test_overlapping_spans_make_one_stretch_over_both() -> None:
    ada, bo = [_c("a1", "claim", 0, 10)], [_c("b1", "claim", 5, 15)]
    assert stretches([ada, bo]) == [Stretch(0, 15, 10, ("claim",), ((ada[0],), (bo[0],)))]


def test_a_nested_span_is_disputed_where_it_differs() -> None:
    ada, bo = [_c("a1", "claim", 0, 20)], [_c("b1", "claim", 5, 8)]
    (found,) = stretches([ada, bo])
    assert (found.start, found.end, found.disputed, found.length) == (0, 20, 17, 20)
    assert found.coded == ((ada[0],), (bo[0],))


def test_a_word_only_one_coder_tagged_inside_an_agreed_passage_stays_small() -> None:
    ada = [_c("a1", "context", 0, 100), _c("a2", "claim", 40, 45)]
    bo = [_c("b1", "context", 0, 100)]
    assert stretches([ada, bo]) == [Stretch(40, 45, 5, ("claim",), ((ada[1],), ()))]


def test_one_tag_against_another_is_one_stretch_naming_both() -> None:
    ada, bo = [_c("a1", "claim", 3, 9)], [_c("b1", "evidence", 3, 9)]
    assert stretches([ada, bo]) == [Stretch(3, 9, 6, ("claim", "evidence"), ((ada[0],), (bo[0],)))]


def test_who_coded_what_lists_every_annotation_of_the_disputed_tags_overlapping() -> None:
    ada = [_c("a1", "claim", 0, 10)]
    bo = [_c("b1", "claim", 0, 4), _c("b2", "claim", 6, 12), _c("b3", "claim", 30, 40)]
    (first, second) = stretches([ada, bo])
    assert (first.start, first.end, first.tags) == (0, 12, ("claim",))
    assert first.coded == ((ada[0],), (bo[0], bo[1]))
    assert first.disputed == 2 + 2  # 4..6 only ada; 10..12 only bo
    assert second == Stretch(30, 40, 10, ("claim",), ((), (bo[2],)))


def test_touching_annotations_are_separate_stretches_largest_first() -> None:
    ada = [_c("a1", "claim", 0, 3), _c("a2", "claim", 3, 10)]
    assert [(s.start, s.end) for s in stretches([ada, []])] == [(3, 10), (0, 3)]


def test_equal_sizes_come_in_text_order() -> None:
    ada = [_c("a2", "claim", 20, 25), _c("a1", "claim", 0, 5)]
    assert [(s.start, s.end) for s in stretches([[], ada])] == [(0, 5), (20, 25)]


def test_three_coders_differ_where_any_one_differs() -> None:
    ada = [_c("a1", "claim", 0, 10)]
    bo = [_c("b1", "claim", 0, 10)]
    cy = [_c("c1", "claim", 0, 6)]
    (found,) = stretches([ada, bo, cy])
    assert (found.start, found.end, found.disputed) == (0, 10, 4)
    assert found.coded == ((ada[0],), (bo[0],), (cy[0],))
    assert stretches([ada, bo, [_c("c1", "claim", 0, 10)]]) == []


def test_offsets_are_code_points_after_a_non_bmp_emoji() -> None:
    text = "😀😀 The team refused. They left."
    start = text.index("team refused")
    end = start + len("team refused")
    ada, bo = [_c("a1", "claim", start, end)], [_c("b1", "claim", start + 5, end)]
    (found,) = stretches([ada, bo])
    assert text[found.start : found.end] == "team refused"
    assert found.start == 7  # two emoji are two code points (four UTF-16 units)
