"""Tests: the codebook's pure rules: paths, the tree, moves, counts, names, colours and keys."""

from __future__ import annotations

import pytest

from annotator.core import codebook as cb
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import Tag


def _tag(id: str, name: str, parent: str | None = None, order: int = 0, key: str = "", color: str = "#000000") -> Tag:
    return Tag(id, name, color, "", key, order, parent)


# Feelings / Positive, Feelings / Negative / Positive (a 3rd level), Outcome / Positive, a/b
TAGS = [
    _tag("f", "Feelings", order=0),
    _tag("fp", "Positive", "f", order=1),
    _tag("fn", "Negative", "f", order=0),
    _tag("fnp", "Positive", "fn"),
    _tag("o", "Outcome", order=1),
    _tag("op", "Positive", "o"),
    _tag("slash", "a/b", order=2),
]


@pytest.mark.parametrize(
    ("names", "text"),
    [(("a",), "a"), (("Parent", "Child"), "Parent/Child"), (("a/b",), "a\\/b"), (("c:\\x", "y"), "c:\\\\x/y")],
)
def test_paths_format_and_parse_back(names: tuple[str, ...], text: str) -> None:
    assert cb.format_path(names) == text
    assert cb.parse_path(text) == names


def test_a_lone_backslash_is_itself_and_names_are_cleaned() -> None:
    assert cb.parse_path("a\\b / Cafe\u0301 ") == ("a\\b", "Caf\u00e9")


@pytest.mark.parametrize("text", ["", "a//b", "/a", "a/", " / "])
def test_a_path_with_an_empty_step_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match="empty step"):
        cb.parse_path(text)


def test_a_path_resolves_by_name_suffix_or_full_path() -> None:
    assert cb.resolve(TAGS, "Outcome/Positive").id == "op"
    assert cb.resolve(TAGS, "Negative/Positive").id == "fnp"
    assert cb.resolve(TAGS, "Feelings/Positive").id == "fp"  # the full path wins over the longer suffix match
    assert cb.resolve(TAGS, "Outcome").id == "o"
    assert cb.resolve(TAGS, "a\\/b").id == "slash"
    assert cb.resolve(TAGS, ("Feelings", "Negative")).id == "fn"


def test_an_ambiguous_path_names_every_candidate_in_full() -> None:
    with pytest.raises(InvalidInput) as caught:
        cb.resolve(TAGS, "Positive")
    message = str(caught.value)
    assert "Feelings/Positive" in message and "Feelings/Negative/Positive" in message
    assert "Outcome/Positive" in message


def test_an_unknown_path_is_not_found() -> None:
    with pytest.raises(NotFound, match="no tag 'Feelings/Nope'"):
        cb.resolve(TAGS, "Feelings/Nope")


def test_short_paths_are_the_name_unless_it_is_ambiguous() -> None:
    assert cb.short_path(TAGS, "fn") == "Negative"
    assert cb.short_path(TAGS, "op") == "Outcome/Positive"
    assert cb.short_path(TAGS, "fnp") == "Negative/Positive"
    assert cb.short_path(TAGS, "slash") == "a\\/b"


def test_labels_are_the_name_unless_it_is_ambiguous_then_the_shortest_path() -> None:
    assert cb.labels(TAGS) == {
        "f": "Feelings", "fp": "Feelings/Positive", "fn": "Negative", "fnp": "Negative/Positive",
        "o": "Outcome", "op": "Outcome/Positive", "slash": "a/b",
    }  # fmt: skip


def test_labels_never_coincide_even_when_a_name_reads_like_a_path() -> None:
    tags = [_tag("f", "F"), _tag("fp", "Pos", "f"), _tag("p", "Pos"), _tag("lit", "F/Pos")]
    shown = cb.labels(tags)
    assert shown == {"f": "F", "fp": "F/Pos", "p": "Pos", "lit": "F\\/Pos"}
    deep = [_tag("a", "A"), _tag("b", "B", "a"), _tag("x", "X"), _tag("xa", "A", "x"), _tag("xb", "B", "xa")]
    assert cb.labels(deep) == {"a": "A", "b": "A/B", "x": "X", "xa": "X/A", "xb": "X/A/B"}
    assert len(set(cb.labels(deep).values())) == len(deep)


def test_the_tree_orders_children_by_sort_order_then_name() -> None:
    order = [(t.id, depth) for t, depth in cb.walk(TAGS)]
    assert order == [("f", 0), ("fn", 1), ("fnp", 2), ("fp", 1), ("o", 0), ("op", 1), ("slash", 0)]
    tied = [_tag("b", "beta"), _tag("a", "alpha")]
    assert [t.name for t in cb.children(tied)[None]] == ["alpha", "beta"]


def test_descendants_and_the_cycle_check() -> None:
    assert cb.descendants(TAGS, "f") == {"fp", "fn", "fnp"}
    cb.check_move(TAGS, "fn", "o")
    cb.check_move(TAGS, "fn", None)
    for parent in ("fn", "fnp"):
        with pytest.raises(InvalidInput, match="inside itself"):
            cb.check_move(TAGS, "fn", parent)


def test_counts_roll_up_to_every_ancestor() -> None:
    total = cb.rolled_up(TAGS, {"fnp": 2, "fn": 1, "fp": 4, "op": 8})
    assert total["f"] == 7 and total["fn"] == 3 and total["o"] == 8 and total["slash"] == 0


def test_sibling_names_are_unique_among_siblings_only() -> None:
    assert cb.sibling_name(" Neutral ", TAGS, "f") == "Neutral"
    assert cb.sibling_name("Positive", TAGS, None) == "Positive"  # no top-level Positive
    with pytest.raises(InvalidInput, match="already a tag 'Positive' under 'Feelings'"):
        cb.sibling_name("Positive", TAGS, "f")
    assert cb.sibling_name("Positive", TAGS, "f", tag_id="fp") == "Positive"  # its own name


@pytest.mark.parametrize("raw", ["", "   ", "a\tb", "line\nbreak", "x" * 201])
def test_bad_names_are_refused(raw: str) -> None:
    with pytest.raises(InvalidInput):
        cb.clean_name(raw)


def test_colours_and_keys() -> None:
    assert cb.check_color(" #2A9D8F ") == "#2a9d8f"
    with pytest.raises(InvalidInput, match="#rrggbb"):
        cb.check_color("teal")
    assert cb.next_color([]) == cb.PALETTE[0]
    assert cb.next_color(cb.PALETTE[:3]) == cb.PALETTE[3]
    assert cb.free_key([_tag("a", "a", key="1"), _tag("b", "b", key="3")]) == "2"
    assert cb.free_key([_tag(k, k, key=k) for k in cb.KEYS]) == ""
    assert cb.check_key("q") == "q" and cb.check_key("") == ""
    with pytest.raises(InvalidInput, match="one character"):
        cb.check_key("12")


def test_placing_a_tag_renumbers_its_siblings() -> None:
    siblings = cb.children(TAGS)[None]
    new = _tag("n", "New")
    placed = cb.placed(siblings, new, 1)
    assert [(t.id, t.sort_order) for t in placed] == [("f", 0), ("n", 1), ("o", 2), ("slash", 3)]
    assert [t.id for t in cb.placed(siblings, new, None)][-1] == "n"
