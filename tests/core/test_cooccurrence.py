"""Tests: the pieces of the code matrices: pairs found by a sweep (and the same pairs as a plain
double loop finds them), pair counts rolled up a tag tree, the document shortcut, and coded
characters as a union of spans."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core import matrices as m
from annotator.core.sentences import segment


@dataclass(frozen=True)
class A:
    id: str
    tag_id: str
    start: int
    end: int
    coder: str = "ada"


def test_overlap_needs_a_shared_character_touching_is_not_enough() -> None:
    a, b, c = A("a", "t", 0, 5), A("b", "t", 5, 9), A("c", "u", 4, 6)
    found = {frozenset((x.id, y.id)) for x, y in m.pairs([a, b, c], m.interval(m.OVERLAP))}
    assert found == {frozenset("ac"), frozenset("bc")}


@given(st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from("tuv")), max_size=25))
def test_the_sweep_finds_the_pairs_a_double_loop_finds(spans: list[tuple[int, int, str]]) -> None:
    items = [A(str(i), tag, start, start + length) for i, (start, length, tag) in enumerate(spans)]
    swept = sorted(tuple(sorted((a.id, b.id))) for a, b in m.pairs(items, m.interval(m.OVERLAP)))
    looped = sorted(
        tuple(sorted((a.id, b.id))) for a, b in combinations(items, 2) if a.start < b.end and b.start < a.end
    )
    assert swept == looped


def test_pairs_are_of_one_coder_and_the_document_shortcut_counts_the_same() -> None:
    items = [A("1", "t", 0, 3), A("2", "t", 10, 12), A("3", "u", 20, 22), A("4", "u", 1, 2, "bo"), A("5", "t", 5, 6)]
    counted = m.tag_pairs(items, m.interval(m.DOCUMENT), whole_document=True)
    listed = m.tag_pairs(items, m.interval(m.DOCUMENT))
    assert counted == listed == {("t", "t"): 3, ("t", "u"): 3}


def test_rolled_up_a_pair_counts_once_in_a_cell_however_many_ways_it_fits() -> None:
    # parent P holds child C; a pair (C, C) fits P x C both ways and counts once there.
    counts = {("C", "C"): 2, ("C", "P"): 1, ("C", "X"): 5}
    members = [frozenset({"P", "C"}), frozenset({"C"}), frozenset({"X"})]
    assert m.rolled_cells(counts, members) == [[3, 3, 5], [3, 2, 5], [5, 5, 0]]


def test_paragraphs_and_sentences_as_places() -> None:
    text = "One. Two.\n\nThree."
    seg = segment(text)
    one, two, three = A("1", "t", 0, 4), A("2", "t", 5, 9), A("3", "t", 11, 17)
    assert [m.interval(m.SENTENCE, seg)(a) for a in (one, two, three)] == [(0, 1), (1, 2), (2, 3)]
    assert [m.interval(m.PARAGRAPH, seg)(a) for a in (one, two, three)] == [(0, 1), (0, 1), (1, 2)]
    assert m.interval(m.PARAGRAPH, seg)(A("4", "t", 0, 17)) == (0, 2)


def test_coded_characters_count_overlaps_once() -> None:
    assert m.covered([(0, 5), (3, 8), (10, 12), (11, 12)]) == 10
    assert m.covered([]) == 0
    items = [A("1", "t", 0, 5), A("2", "t", 3, 8), A("3", "u", 0, 100)]
    assert [m.measure(items, frozenset({"t"}), how) for how in m.MEASURES] == [2, 1, 8]


@given(
    st.lists(
        st.tuples(st.integers(0, 30), st.integers(1, 8), st.sampled_from("tuv"), st.sampled_from(["ada", "bo"])),
        max_size=25,
    )
)
def test_pair_counts_by_tag_are_what_a_double_loop_counts(spans: list[tuple[int, int, str, str]]) -> None:
    items = [A(str(i), tag, start, start + length, coder) for i, (start, length, tag, coder) in enumerate(spans)]
    looped: dict[tuple[str, str], int] = {}
    for a, b in combinations(items, 2):
        if a.coder == b.coder and a.start < b.end and b.start < a.end:
            key = (min(a.tag_id, b.tag_id), max(a.tag_id, b.tag_id))
            looped[key] = looped.get(key, 0) + 1
    assert m.tag_pairs(items, m.interval(m.OVERLAP)) == looped
