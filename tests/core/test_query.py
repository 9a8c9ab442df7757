"""Tests: the retrieval query language: what the parser reads (precedence, quotes, ``=PATH``),
its one-line errors with a column, and the evaluator against a brute-force oracle."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import query as q
from annotator.core import sentences as sn
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.model import Tag

TAGS = [
    Tag("c", "claim", "#000000"),
    Tag("e", "evidence", "#000000"),
    Tag("s", "speculation", "#000000"),
    Tag("att", "Attitude", "#000000"),
    Tag("pos", "Positive", "#000000", parent_id="att"),
    Tag("neg", "Negative", "#000000", parent_id="att"),
    Tag("pos2", "Positive", "#000000", parent_id="s"),
    Tag("oq", "open question", "#000000"),
    Tag("wb", "well-being", "#000000"),
    Tag("slash", "a/b", "#000000"),
]


@dataclass(frozen=True)
class Seg:
    id: str
    tag_id: str
    start: int
    end: int


def read(text: str) -> str:
    return q.describe(q.parse(text))


def test_near_binds_tighter_than_and_than_minus_than_or() -> None:
    assert read("A | B & C near/1 D") == "(A | (B & (C near/1 D)))"
    assert read("A - B & C") == "(A - (B & C))"
    assert read("A & B - C | D") == "(((A & B) - C) | D)"


def test_operators_of_one_strength_group_from_the_left() -> None:
    assert read("A - B - C") == "((A - B) - C)"
    assert read("A near/0 B near/2 C") == "((A near/0 B) near/2 C)"


def test_parentheses_group() -> None:
    assert read("(A | B) & C") == "((A | B) & C)"
    assert read("A - (B - C)") == "(A - (B - C))"


def test_paths_with_spaces_or_operators_are_quoted_and_escapes_reach_the_path() -> None:
    assert q.parse('"open question" & claim') == q.Combined(
        "&", q.Operand("open question", True, 1), q.Operand("claim", True, 19)
    )
    assert q.operands(q.parse(r'"say \"no\"" | "a\/b" | a\/b'))[0].path == 'say "no"'
    assert [o.path for o in q.operands(q.parse(r'"a\/b" | a\/b | "near/2" | "-"'))] == [r"a\/b", r"a\/b", "near/2", "-"]


def test_a_dash_inside_a_word_is_part_of_the_tag() -> None:
    assert q.parse("well-being") == q.Operand("well-being", True, 1)
    assert read("well-being - claim") == "(well-being - claim)"


def test_an_equals_sign_means_the_tag_without_the_tags_inside_it() -> None:
    assert q.parse("=Attitude") == q.Operand("Attitude", False, 1)
    assert q.parse('="open question"') == q.Operand("open question", False, 1)
    assert read("=Attitude | Attitude") == "(=Attitude | Attitude)"


def test_operands_resolve_to_their_tag_and_by_default_the_tags_inside_it() -> None:
    tree = q.parse("Attitude & =Attitude & Attitude/Positive & speculation")
    ids = [q.resolve(tree, TAGS)[o] for o in q.operands(tree)]
    assert ids == [{"att", "pos", "neg"}, {"att"}, {"pos"}, {"s", "pos2"}]
    assert q.resolve(q.parse(r"a\/b"), TAGS)[q.Operand(r"a\/b", True, 1)] == {"slash"}


def test_an_unknown_or_ambiguous_path_fails_as_on_the_command_line() -> None:
    with pytest.raises(NotFound, match="there is no tag 'nope'"):
        q.resolve(q.parse("claim & nope"), TAGS)
    with pytest.raises(InvalidInput, match="ambiguous: it could be Attitude/Positive, speculation/Positive"):
        q.resolve(q.parse("Positive"), TAGS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the query is empty"),
        ("   ", "the query is empty"),
        ("claim &", "expected a tag PATH or '(' at column 8, found the end of the query"),
        ("& claim", "expected a tag PATH or '(' at column 1, found '&'"),
        ("claim evidence", "expected an operator (&, |, -, near/N) at column 7, found 'evidence'; write a PATH"),
        ("(claim | evidence", "'(' at column 1 is never closed"),
        ("claim | evidence)", "')' at column 17 has no '(' to close"),
        ('claim | "open', "the quote opened at column 9 is never closed"),
        ("claim near/x evidence", "near/N takes a whole number of sentences (near/0: the same sentence), not 'near/x'"),
        ("claim near/-1 evidence", "not 'near/-1' at column 7"),
        ("claim - - evidence", "expected a tag PATH or '(' at column 9, found '-'"),
        ('claim | ""', "expected a tag PATH or '(' at column 9"),
        ("()", "expected a tag PATH or '(' at column 2, found ')'"),
        ("(claim evidence)", "expected an operator (&, |, -, near/N) at column 8"),
    ],
)
def test_a_query_that_cannot_be_read_is_one_line_naming_the_column(text: str, message: str) -> None:
    with pytest.raises(q.QuerySyntaxError) as caught:
        q.parse(text)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("query: ")


def evaluate(text: str, segs: list[Seg], sentences: sn.Segmentation | None = None) -> list[str]:
    tree = q.parse(text)
    return [s.id for s in q.evaluate(tree, q.resolve(tree, TAGS), segs, sentences)]


SEGS = [
    Seg("c1", "c", 0, 10),
    Seg("c2", "c", 20, 30),
    Seg("c3", "c", 40, 50),
    Seg("e1", "e", 5, 8),  # inside c1
    Seg("e2", "e", 30, 35),  # touches c2's end: no overlap
    Seg("p1", "pos", 45, 60),  # overlaps c3's end
]


def test_and_keeps_the_left_segments_that_overlap_a_right_one() -> None:
    assert evaluate("claim & evidence", SEGS) == ["c1"]
    assert evaluate("claim & Attitude", SEGS) == ["c3"]
    assert evaluate("evidence & claim", SEGS) == ["e1"]
    assert evaluate("claim & =Attitude", SEGS) == []


def test_minus_keeps_the_left_segments_that_overlap_no_right_one() -> None:
    assert evaluate("claim - evidence", SEGS) == ["c2", "c3"]
    assert evaluate("claim - (evidence | Attitude)", SEGS) == ["c2"]


def test_or_is_the_union_with_each_annotation_once() -> None:
    assert evaluate("evidence | claim | evidence", SEGS) == ["c1", "e1", "c2", "e2", "c3"]
    assert evaluate("Attitude | Attitude/Positive", SEGS) == ["p1"]


def test_a_segment_overlaps_itself() -> None:
    assert evaluate("Attitude & Attitude/Positive", SEGS) == ["p1"]
    assert evaluate("Attitude - Attitude/Positive", SEGS) == []


def test_nothing_selected_is_an_empty_list() -> None:
    assert evaluate("speculation", SEGS) == [] and evaluate("claim & speculation", SEGS) == []
    assert evaluate("claim", []) == []


NEWS = "Mr. Lee spoke first. The U.S. envoy replied in Jan. with a plan. Nobody agreed. Then J. R. Doe left."


def at(quote: str, tag: str, name: str) -> Seg:
    start = NEWS.index(quote)
    return Seg(name, tag, start, start + len(quote))


def test_near_counts_sentences_and_abbreviations_do_not_end_one() -> None:
    seg = sn.segment(NEWS)
    assert [NEWS[s:e] for s, e in seg.sentences] == [
        "Mr. Lee spoke first.",
        "The U.S. envoy replied in Jan. with a plan.",
        "Nobody agreed.",
        "Then J. R. Doe left.",
    ]
    segs = [at("U.S. envoy", "c", "c1"), at("a plan", "e", "e1"), at("Nobody", "e", "e2"), at("Doe", "s", "s1")]
    assert evaluate("claim near/0 evidence", segs, seg) == ["c1"]  # "Jan." does not end the sentence
    assert evaluate("claim near/0 speculation", segs, seg) == []
    assert evaluate("claim near/1 speculation", segs, seg) == []
    assert evaluate("claim near/2 speculation", segs, seg) == ["c1"]
    assert evaluate("speculation near/1 evidence", segs, seg) == ["s1"]
    assert evaluate("speculation near/0 (evidence - claim)", segs, seg) == []


def test_a_segment_across_sentences_is_as_near_as_its_nearest_sentence() -> None:
    seg = sn.segment(NEWS)
    segs = [at("first. The U.S.", "c", "c1"), at("Nobody", "e", "e1")]
    assert evaluate("claim near/1 evidence", segs, seg) == ["c1"]
    assert evaluate("evidence near/0 claim", segs, seg) == []


SPANS = st.tuples(st.integers(0, 30), st.integers(1, 8)).map(lambda p: (p[0], p[0] + p[1]))


@given(st.lists(st.tuples(SPANS, st.sampled_from(["c", "e", "pos", "neg"])), max_size=25))
def test_and_minus_and_near_agree_with_checking_every_pair(raw: list[tuple[tuple[int, int], str]]) -> None:
    segs = [Seg(f"a{i}", tag, s, e) for i, ((s, e), tag) in enumerate(raw)]
    seg = sn.segment("One. Two. Three. Four. Five. Six. Seven. Eight.")  # sentences every 5-7 characters
    claims = [s for s in segs if s.tag_id == "c"]
    attitude = [s for s in segs if s.tag_id in ("pos", "neg")]

    def overlaps(a: Seg, b: Seg) -> bool:
        return a.start < b.end and b.start < a.end

    def key(s: Seg) -> tuple[int, int, str]:
        return (s.start, s.end, s.id)

    assert evaluate("claim & Attitude", segs) == [
        a.id for a in sorted(claims, key=key) if any(overlaps(a, b) for b in attitude)
    ]
    assert evaluate("claim - Attitude", segs) == [
        a.id for a in sorted(claims, key=key) if not any(overlaps(a, b) for b in attitude)
    ]
    for n in (0, 1, 3):
        wanted = [
            a.id
            for a in sorted(claims, key=key)
            if any(seg.sentence_distance((a.start, a.end), (b.start, b.end)) <= n for b in attitude)
        ]
        assert evaluate(f"claim near/{n} Attitude", segs, seg) == wanted
