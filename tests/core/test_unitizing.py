"""Tests: Krippendorff's unitizing alpha against the published examples as DKPro Agreement
computes them, the sweep against a plain double loop, code points, and undefined values.

Sources of the inputs and expected values (DKPro Agreement, github.com/dkpro/dkpro-statistics,
``dkpro-statistics-agreement/src/test/java/org/dkpro/statistics/agreement/unitizing/``):

- ``Krippendorff2004Test``: Krippendorff, *Content Analysis*, 2nd ed. (2004), p. 254, two
  observers, categories c and k, on the continuum 150..450 (shifted here to 0..300: α_U
  reads only distances and lengths);
- ``Krippendorff1995Test``: Krippendorff (1995), "On the reliability of unitizing contiguous
  data", p. 57, the pairs Bertha/Bill (A), John/Jill (B), Gerret/Gill (C), Heather/Hill (D) on
  24 positions, stretched to longer continua for D_e;
- ``UnitizingAgreementTest``: DKPro's own small example and its single-unit case.

DKPro gives (offset, length); the spans below are (start, end).
"""

from __future__ import annotations

from fractions import Fraction
from itertools import combinations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.errors import InvalidInput
from annotator.core.unitizing import CodedSpan, Section, UnitizingAlpha, alpha_u, distance, sections

#: Krippendorff (2004: 254) as DKPro's Krippendorff2004Test gives it, shifted by −150.
KRIPPENDORFF_2004 = [
    CodedSpan("i", "c", 225, 295), CodedSpan("i", "c", 370, 400),
    CodedSpan("j", "c", 220, 300), CodedSpan("j", "c", 355, 375), CodedSpan("j", "c", 400, 420),
    CodedSpan("i", "k", 180, 240), CodedSpan("i", "k", 300, 350),
    CodedSpan("j", "k", 180, 240), CodedSpan("j", "k", 300, 350),
]  # fmt: skip
KRIPPENDORFF_2004 = [CodedSpan(s.coder, s.tag, s.start - 150, s.end - 150) for s in KRIPPENDORFF_2004]

#: Krippendorff (1995: 57): (tag, coder index, offset, length) on 24 positions.
KRIPPENDORFF_1995 = [
    ("A", 0, 2, 8), ("A", 0, 14, 6), ("A", 1, 4, 4), ("A", 1, 15, 2),
    ("B", 0, 0, 18), ("B", 1, 0, 2), ("B", 1, 2, 1), ("B", 1, 3, 1), ("B", 1, 4, 1), ("B", 1, 5, 1),
    ("B", 1, 6, 3), ("B", 1, 9, 1),
    ("C", 0, 2, 6), ("C", 0, 10, 2), ("C", 0, 14, 4), ("C", 0, 20, 2),
    ("C", 1, 0, 2), ("C", 1, 4, 4), ("C", 1, 10, 4), ("C", 1, 16, 2), ("C", 1, 20, 2),
    ("D", 0, 0, 2), ("D", 0, 2, 8), ("D", 0, 10, 4), ("D", 0, 14, 6), ("D", 0, 20, 4),
    ("D", 1, 0, 4), ("D", 1, 4, 4), ("D", 1, 8, 7), ("D", 1, 15, 2), ("D", 1, 17, 7),
]  # fmt: skip


def _1995(stretch: float, tags: str = "ABCD") -> list[CodedSpan]:
    """The 1995 example stretched as DKPro's createExample does (Java's int truncation)."""
    return [
        CodedSpan(str(coder), tag, int(offset * stretch), int(offset * stretch) + int(length * stretch))
        for tag, coder, offset, length in KRIPPENDORFF_1995
        if tag in tags
    ]


def _by_tag(
    length: int, spans: list[CodedSpan], coders: tuple[str, ...] = ("0", "1")
) -> dict[str | None, UnitizingAlpha]:
    result = alpha_u(length, coders, spans)
    return {a.tag: a for a in result.tags} | {None: result.overall}


def test_krippendorff_2004_example_per_tag_and_overall() -> None:
    result = alpha_u(300, ("i", "j"), KRIPPENDORFF_2004)
    c, k = result.tags
    assert (c.tag, k.tag) == ("c", "k")
    assert float(c.observed) == pytest.approx(0.0144, abs=0.0001)
    assert float(c.expected) == pytest.approx(0.0532, abs=0.0001)
    assert c.value == pytest.approx(0.7286, abs=0.0001)
    assert float(k.observed) == 0 and float(k.expected) == pytest.approx(0.0490, abs=0.0001)
    assert k.value == pytest.approx(1.0, abs=0.0001)
    # Overall is 1 − ΣD_o/ΣD_e, not the mean of the tags' values (that would be 0.8643).
    assert result.overall.value == pytest.approx(0.8591, abs=0.0005)
    assert result.overall.units == 9 and result.overall.reason is None


def test_krippendorff_2004_distances() -> None:
    """Krippendorff (2004) δ of section pairs, as DKPro's testDistanceMetric1/2 check them."""

    def sec(offset: int, length: int, coded: bool) -> Section:
        return Section(offset, offset + length, coded)

    assert distance(sec(2, 3, False), sec(2, 2, True)) + distance(sec(5, 6, True), sec(4, 7, False)) == 40
    assert distance(sec(3, 2, False), sec(3, 2, True)) + distance(sec(5, 6, True), sec(5, 6, False)) == 40
    assert distance(sec(5, 6, True), sec(4, 2, True)) == 26
    assert distance(sec(5, 6, True), sec(5, 2, True)) == 16
    assert distance(sec(5, 6, True), sec(6, 2, True)) == 10
    assert distance(sec(5, 6, True), sec(7, 2, True)) == 8
    assert distance(sec(5, 6, True), sec(6, 4, True)) == 2
    assert distance(sec(5, 6, True), sec(5, 6, True)) == 0
    assert distance(sec(225, 70, True), sec(220, 80, True)) == 50
    assert distance(sec(370, 30, True), sec(355, 20, True)) == 850
    assert distance(sec(400, 50, False), sec(400, 20, True)) == 400
    # A unit that reaches past the gap it meets disagrees with nothing there (DKPro's testDistanceMetric).
    assert distance(sec(1, 8, True), sec(0, 2, False)) == 0
    assert distance(sec(0, 1, False), sec(0, 2, False)) == 0


def test_krippendorff_1995_observed_disagreement() -> None:
    tags = _by_tag(24, _1995(1))
    expected = {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}
    for tag, d_o in expected.items():
        assert float(tags[tag].observed) == pytest.approx(d_o, abs=0.00001), tag


def test_krippendorff_1995_expected_disagreement_and_alpha_on_a_long_continuum() -> None:
    tags = _by_tag(1_200_000, _1995(1_200_000 / 24))
    expected = {"A": (0.06990, 0.553), "B": (1.17731, -0.926), "C": (0.08642, 0.679), "D": (0.41445, 0.066)}
    for tag, (d_e, value) in expected.items():
        assert float(tags[tag].expected) == pytest.approx(d_e, abs=0.005), tag
        assert tags[tag].value == pytest.approx(value, abs=0.02), tag


@pytest.mark.parametrize(
    ("stretch", "d_e", "d_e_within", "value"),
    [(12 / 24, 0.05494, 0.00001, 0.494), (120 / 24, 0.08234, 0.005, 0.663), (1200 / 24, 0.08600, 0.005, 0.677),
     (12000 / 24, 0.08638, 0.005, 0.678)],
)  # fmt: skip
def test_krippendorff_1995_gerret_and_gill_over_varying_lengths(
    stretch: float, d_e: float, d_e_within: float, value: float
) -> None:
    """DKPro's testVaryingLengths: D_o stays, D_e and α_U grow towards the paper's values."""
    (c,) = alpha_u(int(24 * stretch), ("0", "1"), _1995(stretch, "C")).tags
    assert float(c.observed) == pytest.approx(0.02777, abs=0.00001)
    assert float(c.expected) == pytest.approx(d_e, abs=d_e_within)
    assert c.value == pytest.approx(value, abs=0.02)


def test_dkpro_small_example() -> None:
    """r0: -11111111-   r1: --1-1-1---   (DKPro UnitizingAgreementTest.createExample)."""
    spans = [CodedSpan("0", "A", 1, 9)] + [CodedSpan("1", "A", s, s + 1) for s in (2, 4, 6)]
    (a,) = alpha_u(10, ("0", "1"), spans).tags
    assert float(a.observed) == pytest.approx(0.9100, abs=0.0001)
    assert float(a.expected) == pytest.approx(0.5351, abs=0.0001)
    assert a.value == pytest.approx(-0.7003, abs=0.0001)


def test_coders_who_coded_nothing_still_count() -> None:
    """DKPro's testSingleAnnotationUnit: three coders, one unit by one of them, α_U = 0."""
    result = alpha_u(20, ("a", "b", "c"), [CodedSpan("a", "X", 0, 1)])
    assert result.overall.value == pytest.approx(0.0)
    assert result.overall.observed == result.overall.expected == Fraction(1, 600)


def test_touching_spans_stay_two_units() -> None:
    """Heather's D (1995) is touching units from end to end; joined, it would be one unit."""
    apart = _by_tag(24, _1995(1, "D"))["D"]
    whole = _by_tag(24, [CodedSpan("0", "D", 0, 24)] + [s for s in _1995(1, "D") if s.coder == "1"])["D"]
    assert apart.merged == 0 and apart.observed != whole.observed


def test_a_coders_overlapping_spans_of_a_tag_count_as_their_union() -> None:
    overlapping = [CodedSpan("i", "c", 75, 100), CodedSpan("i", "c", 90, 145), CodedSpan("i", "c", 80, 90)]
    spans = [s for s in KRIPPENDORFF_2004 if (s.coder, s.start) != ("i", 75)] + overlapping
    joined, original = alpha_u(300, ("i", "j"), spans), alpha_u(300, ("i", "j"), KRIPPENDORFF_2004)
    c = joined.tags[0]
    assert c.merged == 2 and c.units == 5
    assert (c.observed, c.expected, c.value) == (
        original.tags[0].observed,
        original.tags[0].expected,
        original.tags[0].value,
    )
    assert joined.overall.value == original.overall.value and joined.overall.merged == 2


def test_offsets_are_code_points_an_emoji_before_a_span_changes_nothing() -> None:
    plain = "Say: the cat sat on the mat. Then the dog came in and sat down."
    emoji = plain.replace(":", "\N{GRINNING FACE}")  # one code point, two UTF-16 units

    def coded(text: str, utf16: bool = False) -> list[CodedSpan]:
        def span(coder: str, quote: str) -> CodedSpan:
            start = text.index(quote)
            if utf16:
                start = len(text[:start].encode("utf-16-le")) // 2
            return CodedSpan(coder, "animal", start, start + len(quote))

        return [span("ada", "the cat sat"), span("bo", "cat sat"), span("ada", "dog came"), span("bo", "the dog")]

    assert len(plain) == len(emoji)
    value = alpha_u(len(plain), ("ada", "bo"), coded(plain)).overall
    assert alpha_u(len(emoji), ("ada", "bo"), coded(emoji)).overall == value
    utf16 = len(emoji.encode("utf-16-le")) // 2
    assert alpha_u(utf16, ("ada", "bo"), coded(emoji, utf16=True)).overall.value != value.value


def test_undefined_values_say_why_and_are_never_nan() -> None:
    nothing = alpha_u(20, ("a", "b"), [], tags=["X"])
    assert nothing.tags[0].value is None and nothing.tags[0].reason == "no coder coded a span of this tag"
    assert nothing.overall.value is None and nothing.overall.reason == "no coder coded a span of these tags"
    empty = alpha_u(0, ("a", "b"), [], tags=["X"])
    assert empty.overall.value is None and empty.overall.reason == "the text is empty"
    every = [CodedSpan(c, "X", p, p + 1) for c in "ab" for p in range(3)]
    same = alpha_u(3, ("a", "b"), every).overall
    assert same.value is None and same.expected == 0 and same.reason is not None
    assert same.reason.startswith("no variation")


def test_a_tag_nobody_used_adds_nothing_to_the_overall_value() -> None:
    with_unused = alpha_u(300, ("i", "j"), KRIPPENDORFF_2004, tags=["c", "none", "k"])
    assert [a.tag for a in with_unused.tags] == ["c", "none", "k"] and with_unused.tags[1].value is None
    assert with_unused.overall == alpha_u(300, ("i", "j"), KRIPPENDORFF_2004).overall


@pytest.mark.parametrize(
    ("coders", "span", "message"),
    [(("a",), [], "unitizing alpha needs two or more different coders"),
     (("a", "a"), [], "unitizing alpha needs two or more different coders"),
     (("a", "b"), [CodedSpan("c", "X", 0, 1)], "a span is by 'c', who is not one of the coders compared"),
     (("a", "b"), [CodedSpan("a", "X", 3, 3)], "span 3–3 does not fit a text of 10 code points"),
     (("a", "b"), [CodedSpan("a", "X", 5, 11)], "span 5–11 does not fit a text of 10 code points")],
)  # fmt: skip
def test_bad_input_is_one_clear_line(coders: tuple[str, ...], span: list[CodedSpan], message: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        alpha_u(10, coders, span)
    assert str(raised.value) == message


def _plain_observed(cuts: list[list[Section]], length: int) -> Fraction:
    """D_o by comparing every section of one coder with every section of another that it meets."""
    total = sum(
        distance(a, b) for x, y in combinations(cuts, 2) for a in x for b in y if a.start < b.end and b.start < a.end
    )
    m = len(cuts)
    return Fraction(2 * total, m * (m - 1) * length * length)


@st.composite
def _studies(draw: st.DrawFn) -> tuple[int, list[CodedSpan]]:
    length = draw(st.integers(1, 40))
    spans = []
    for coder in "abc":
        bounds = sorted(draw(st.sets(st.integers(0, length), max_size=8)))
        spans += [CodedSpan(coder, "X", s, e) for s, e in zip(bounds[::2], bounds[1::2], strict=False)]
    return length, spans


@given(_studies())
def test_the_sweep_finds_what_a_double_loop_finds(study: tuple[int, list[CodedSpan]]) -> None:
    length, spans = study
    (x,) = alpha_u(length, ("a", "b", "c"), spans, tags=["X"]).tags
    cuts = [sections(sorted((s.start, s.end) for s in spans if s.coder == c), length) for c in "abc"]
    if x.units:
        assert x.observed == _plain_observed(cuts, length)
    for cut in cuts:
        assert [s.start for s in cut[1:]] == [s.end for s in cut[:-1]] and cut[0].start == 0 and cut[-1].end == length
