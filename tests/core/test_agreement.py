"""Intercoder agreement against the published textbook examples, and against the `krippendorff`
package (an independent implementation) and a per-character count on random codings."""

from __future__ import annotations

from collections import Counter

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core import agreement as a


def _columns(*coders: str) -> a.Tally:
    """A tally from one string of values per coder (``.`` is a missing value)."""
    rows = zip(*[[None if v == "." else v for v in coder.split()] for coder in coders], strict=True)
    return Counter(rows)


def _fleiss_table(counts: list[list[int]]) -> a.Tally:
    """A tally from a subjects × categories table of how many raters chose each category."""
    tally: a.Tally = Counter()
    for subject in counts:
        tally[tuple(str(j) for j, k in enumerate(subject) for _ in range(k))] += 1
    return tally


def test_cohen_1960_example() -> None:
    # Cohen, J. (1960). A coefficient of agreement for nominal scales. Educ. Psychol. Meas. 20, 37-46,
    # Table 1: 200 subjects, judges A (rows) and B (columns), 3 categories; p_o = .70, p_c = .41, κ = .492.
    table = {("1", "1"): 88, ("1", "2"): 14, ("1", "3"): 18, ("2", "1"): 10, ("2", "2"): 40, ("2", "3"): 10,
             ("3", "1"): 2, ("3", "2"): 6, ("3", "3"): 12}  # fmt: skip
    result = a.cohen_kappa(Counter(table))
    assert result.value == pytest.approx(0.492, abs=5e-4)
    assert result.units == 200
    assert a.percent_agreement(Counter(table)).value == pytest.approx(70.0)


# The worked Fleiss example of Wikipedia's "Fleiss' kappa" (also statsmodels' test table):
# 10 subjects, 14 raters, 5 categories; P̄ = 0.378, P̄_e = 0.213, κ = 0.210.
WIKIPEDIA_FLEISS = [[0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
                    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7]]  # fmt: skip


def test_fleiss_example() -> None:
    result = a.fleiss_kappa(_fleiss_table(WIKIPEDIA_FLEISS))
    assert result.value == pytest.approx(0.210, abs=5e-4)
    assert result.units == 10


def test_fleiss_category_kappa_is_the_kappa_of_that_category_against_the_rest() -> None:
    # Fleiss (1971), eq. 17: κ_j is the kappa of the two-category table "j or not j".
    tally = _fleiss_table(WIKIPEDIA_FLEISS)
    for category, result in a.fleiss_category_kappas(tally).items():
        binary: a.Tally = Counter()
        for row, n in tally.items():
            binary[tuple("j" if v == category else "other" for v in row)] += n
        assert result.value == pytest.approx(a.fleiss_kappa(binary).value)
    assert set(a.fleiss_category_kappas(tally)) == {"0", "1", "2", "3", "4"}


# Fleiss, J. L. (1971). Measuring nominal scale agreement among many raters. Psychol. Bull. 76(5), 378-382,
# Table 1: 30 patients, 6 psychiatrists each, categories depression, personality disorder, schizophrenia,
# neurosis, other (the counts as transcribed in JonasMoss/quadagree, data_raw/fleiss1971.csv). Fleiss reports
# κ = .430 overall and κ_j = .245, .245, .520, .471, .566.
FLEISS_1971 = [[0, 0, 0, 6, 0], [0, 3, 0, 0, 3], [0, 1, 4, 0, 1], [0, 0, 0, 0, 6], [0, 3, 0, 3, 0], [2, 0, 4, 0, 0],
               [0, 0, 4, 0, 2], [2, 0, 3, 1, 0], [2, 0, 0, 4, 0], [0, 0, 0, 0, 6], [1, 0, 0, 5, 0], [1, 1, 0, 4, 0],
               [0, 3, 3, 0, 0], [1, 0, 0, 5, 0], [0, 2, 0, 3, 1], [0, 0, 5, 0, 1], [3, 0, 0, 1, 2], [5, 1, 0, 0, 0],
               [0, 2, 0, 4, 0], [1, 0, 2, 0, 3], [0, 0, 0, 0, 6], [0, 1, 0, 5, 0], [0, 2, 0, 1, 3], [2, 0, 0, 4, 0],
               [1, 0, 0, 4, 1], [0, 5, 0, 1, 0], [4, 0, 0, 0, 2], [0, 2, 0, 4, 0], [1, 0, 5, 0, 0], [0, 0, 0, 0, 6]]  # fmt: skip


def test_fleiss_1971_overall_and_per_category() -> None:
    tally = _fleiss_table(FLEISS_1971)
    overall = a.fleiss_kappa(tally)
    assert overall.value == pytest.approx(0.430, abs=5e-4) and overall.units == 30
    per_category = a.fleiss_category_kappas(tally)
    assert [round(r.value or 0, 3) for r in per_category.values()] == [0.245, 0.245, 0.520, 0.471, 0.566]


def test_nvivo_worked_example_every_character_of_the_source() -> None:
    # NVivo's help, "Run a Coding Comparison query": a source of 1000 characters, 50 coded by both users, 150
    # by one only, 800 by neither: percentage agreement (800 + 50) / 1000 = 85%. Its kappa, by the formula
    # given there: ΣEF = (coded_A·coded_B + uncoded_A·uncoded_B) / TU; K = (TA − ΣEF) / (TU − ΣEF).
    # Here A codes 0-150 and B 100-200 (50 both, 100 + 50 one only); the text is all emoji, one unit each.
    text = "😀" * 1000
    tally = a.character_tally(len(text), [[(0, 150, a.PRESENT)], [(100, 200, a.PRESENT)]], a.ABSENT)
    assert a.percent_agreement(tally).value == pytest.approx(85.0)
    chance = (150 * 100 + 850 * 900) / 1000
    assert a.cohen_kappa(tally).value == pytest.approx((850 - chance) / (1000 - chance))
    assert a.cohen_kappa(tally).units == 1000


# Krippendorff, K. (2004/2011), "Computing Krippendorff's Alpha-Reliability", sections A-C (the coding
# examples of Content Analysis, 2nd ed., ch. 11).
def test_krippendorff_binary_two_observers() -> None:
    tally = _columns("0 1 0 0 0 0 0 0 1 0", "1 1 1 0 0 1 0 0 0 0")
    assert a.krippendorff_alpha(tally).value == pytest.approx(0.095, abs=5e-4)


def test_krippendorff_nominal_two_observers() -> None:
    tally = _columns("a a b b d c c c e d d a", "b a b b b c c c e d d d")
    assert a.krippendorff_alpha(tally).value == pytest.approx(0.692, abs=5e-4)


def test_krippendorff_four_coders_with_missing_values() -> None:
    tally = _columns(
        "1 2 3 3 2 1 4 1 2 . . .",
        "1 2 3 3 2 2 4 1 2 5 . 3",
        ". 3 3 3 2 3 4 2 2 5 1 .",
        "1 2 3 3 2 4 4 1 2 5 1 .",
    )
    result = a.krippendorff_alpha(tally)
    assert result.value == pytest.approx(0.743, abs=5e-4)
    assert result.units == 11  # unit 12 has one value only: not pairable


def test_undefined_values_say_why() -> None:
    same = _columns("x x x", "x x x")
    for result in (a.cohen_kappa(same), a.fleiss_kappa(same), a.krippendorff_alpha(same)):
        assert result.value is None and result.reason and "no variation" in result.reason
    assert a.percent_agreement(same).value == 100.0
    empty: a.Tally = Counter()
    for result in (a.cohen_kappa(empty), a.fleiss_kappa(empty), a.krippendorff_alpha(empty),
                   a.percent_agreement(empty)):  # fmt: skip
        assert result.value is None and result.units == 0 and result.reason
    missing = _columns("x . y", ". x .")
    assert a.krippendorff_alpha(missing).value is None
    assert a.fleiss_category_kappas(empty) == {}


values = st.sampled_from(["a", "b", "c", None])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(values, min_size=3, max_size=3), min_size=1, max_size=30))
def test_alpha_equals_the_krippendorff_package(rows: list[list[str | None]]) -> None:
    tally: a.Tally = Counter(tuple(row) for row in rows)
    ours = a.krippendorff_alpha(tally)
    codes = {"a": 0.0, "b": 1.0, "c": 2.0}
    data = np.array([[np.nan if v is None else codes[v] for v in row] for row in rows]).T
    pairable = sum(1 for row in rows if sum(v is not None for v in row) >= 2)
    kinds = {v for row in rows if sum(x is not None for x in row) >= 2 for v in row if v is not None}
    if not pairable or len(kinds) < 2:
        assert ours.value is None and ours.reason
        return
    assert ours.value == pytest.approx(krippendorff.alpha(data, level_of_measurement="nominal"))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["a", "b", "c"]), min_size=2, max_size=2), min_size=2, max_size=30))
def test_two_coders_kappas_agree_with_each_other_and_with_alpha(rows: list[list[str]]) -> None:
    # With two coders and no missing values Fleiss's kappa is Scott's pi, and alpha = pi·(1 − 1/2N) + 1/2N
    # (Krippendorff 2004, §11.3.1): an identity between two independently coded formulas.
    tally: a.Tally = Counter(tuple(row) for row in rows)
    pi, alpha = a.fleiss_kappa(tally), a.krippendorff_alpha(tally)
    if pi.value is None:
        assert alpha.value is None
        return
    n = len(rows)
    assert alpha.value == pytest.approx(pi.value * (1 - 1 / (2 * n)) + 1 / (2 * n))


def _per_character(length: int, codings: list[list[tuple[int, int, str]]], uncoded: str | None) -> a.Tally:
    tally: a.Tally = Counter()
    for i in range(length):
        row = []
        for spans in codings:
            found = {c for s, e, c in spans if s <= i < e}
            row.append(uncoded if not found else found.pop() if len(found) == 1 else a.CONFLICT)
        tally[tuple(row)] += 1
    return tally


spans = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(["x", "y"])), max_size=6).map(
    lambda found: [(min(s, e), max(s, e), c) for s, e, c in found]
)


@settings(max_examples=200, deadline=None)
@given(st.lists(spans, min_size=2, max_size=3), st.sampled_from([None, a.UNCODED]))
def test_the_sweep_counts_what_a_per_character_count_counts(
    codings: list[list[tuple[int, int, str]]], uncoded: str | None
) -> None:
    # NVivo's rule: every character of the source counts, coded or not.
    assert a.character_tally(40, codings, uncoded) == _per_character(40, codings, uncoded)


@settings(max_examples=100, deadline=None)
@given(st.lists(spans, min_size=2, max_size=3))
def test_units_are_coded_when_any_of_their_characters_is(codings: list[list[tuple[int, int, str]]]) -> None:
    units = [(0, 5), (5, 12), (15, 30), (31, 40)]
    expected: a.Tally = Counter()
    for start, end in units:
        row = []
        for coding in codings:
            found = {c for s, e, c in coding if s < end and start < e and s < e}
            row.append(None if not found else found.pop() if len(found) == 1 else a.CONFLICT)
        expected[tuple(row)] += 1
    assert a.units_tally(units, codings, None) == expected


def test_a_non_bmp_character_before_the_spans_changes_no_value() -> None:
    text = "Claims are made. Evidence follows, here.\n\nA second paragraph of it."
    first, second = [(0, 16, a.PRESENT), (40, 60, a.PRESENT)], [(0, 10, a.PRESENT), (17, 40, a.PRESENT)]
    shifted = "😀🏳️‍🌈\n\n" + text  # its own paragraph: no sentence or paragraph of the text grows
    moved = len(shifted) - len(text)
    later = [[(s + moved, e + moved, c) for s, e, c in coding] for coding in (first, second)]
    for unit in a.UNITS:
        if unit == a.CHARACTER:
            plain = a.character_tally(len(text), [first, second], a.ABSENT)
            emoji = a.character_tally(len(shifted), later, a.ABSENT)
            emoji[(a.ABSENT, a.ABSENT)] -= moved  # the emoji's own code points are uncoded units
        else:
            plain = a.units_tally(a.unit_spans(text, unit), [first, second], a.ABSENT)
            emoji = a.units_tally([u for u in a.unit_spans(shifted, unit) if u[0] >= moved], later, a.ABSENT)
        assert +plain == +emoji, unit
        for measure in (a.percent_agreement, a.cohen_kappa, a.krippendorff_alpha):
            assert measure(plain) == measure(emoji)


def test_word_sentence_and_paragraph_units() -> None:
    text = "One two. Three four.\n\nFive six."
    coding = [(0, 1, "x")]  # one character of "One"
    assert sum(a.units_tally(a.unit_spans(text, a.WORD), [coding, []], None).values()) == 6
    words = a.units_tally(a.unit_spans(text, a.WORD), [coding, coding], None)
    assert words[("x", "x")] == 1
    assert a.units_tally(a.unit_spans(text, a.SENTENCE), [coding, []], None) == Counter(
        {("x", None): 1, (None, None): 2}
    )
    assert a.units_tally(a.unit_spans(text, a.PARAGRAPH), [coding, []], None) == Counter(
        {("x", None): 1, (None, None): 1}
    )


def test_a_conflict_is_counted_and_left_out_as_missing() -> None:
    tally = a.character_tally(10, [[(0, 5, "x"), (3, 8, "y")], [(0, 8, "x")]], None)
    assert a.conflicts(tally) == 2
    assert a.without_conflicts(tally)[(None, "x")] == 2
