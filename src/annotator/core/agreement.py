"""Core: intercoder agreement, as a methods reviewer can check it: the unit stated, textbook formulas.

**Units.** A text is cut into units (:data:`UNITS`): every ``character`` (code point, white space
included: the default, as NVivo compares every character of a source, coded or not), every
``word`` (as :mod:`annotator.core.words` reads words), every ``sentence`` or ``paragraph`` (as
:mod:`annotator.core.sentences` segments them). A unit is coded with a category by a coder when
any of its characters is covered by one of that coder's spans of it.

**Values.** Each coder gives each unit one value. Per tag, the value is :data:`PRESENT` or
:data:`ABSENT` (every unit counts). Categorically, the categories are the chosen tags: a unit's
value is the one tag covering it, :data:`CONFLICT` when the coder gave it two different ones,
and an uncoded unit is missing (None) or a category of its own (:data:`UNCODED`).

**A tally** maps a row of values (one per coder, in the coders' order) to how many units have
that row. Every measure reads only the tally, so documents pool by adding tallies, and
character units are counted by a sweep over the sorted span boundaries (a run of characters
between two boundaries has one row) instead of one Python object per code point.

**Measures** (conflicts are left out as missing values; see :func:`without_conflicts`):

- :func:`percent_agreement`: the share (0-100) of the units every coder gave a value to on which
  all of them gave the same one;
- :func:`cohen_kappa` (Cohen 1960): a pair, over the units both coded;
  κ = (p_o − p_e)/(1 − p_e), p_e = Σ_k p_a(k)·p_b(k);
- :func:`fleiss_kappa` (Fleiss 1971): every coder, over the units all coded; and
  :func:`fleiss_category_kappas`, Fleiss's κ_j of each category;
- :func:`krippendorff_alpha` (Krippendorff 2004, §11.3; nominal): α = 1 − D_o/D_e from the
  coincidence matrix of the units with two values or more, missing values allowed.

A value that is undefined (nothing to compare, a single category) is a :class:`Result` with
``value`` None and a one-line ``reason``; never NaN, never a made-up 1.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from annotator.core import sentences, words

CHARACTER, WORD, SENTENCE, PARAGRAPH = "character", "word", "sentence", "paragraph"
#: What one unit of agreement may be, smallest first.
UNITS = (CHARACTER, WORD, SENTENCE, PARAGRAPH)

PRESENT, ABSENT = "present", "absent"
#: A unit one coder gave two different categories.
CONFLICT = "\0conflict"
#: The category of an uncoded unit when uncoded units are a category of their own.
UNCODED = "(uncoded)"

#: A row of values (one per coder; None: missing) and how many units have it.
Tally = Counter[tuple[str | None, ...]]
#: A coder's coding of a text: ``(start, end, category)`` spans, in code points, end-exclusive.
Coding = Sequence[tuple[int, int, str]]


@dataclass(frozen=True, slots=True)
class Result:
    """Core: one measure's value, the units it was computed over, and why it is undefined
    (``value`` None) when it is."""

    value: float | None
    units: int
    reason: str | None = None


def _undefined(reason: str, units: int = 0) -> Result:
    return Result(None, units, reason)


# -- units ----------------------------------------------------------------------------------------


def unit_spans(text: str, unit: str, sha256: str | None = None) -> list[tuple[int, int]]:
    """The units of *text* other than characters, as code-point spans in text order."""
    if unit == WORD:
        return list(words.spans(text))
    if unit == SENTENCE:
        return list(sentences.segment(text, sha256).sentences)
    if unit == PARAGRAPH:
        return list(sentences.segment(text, sha256).paragraphs)
    raise ValueError(f"no unit spans for '{unit}'")


def character_tally(length: int, codings: Sequence[Coding], uncoded: str | None) -> Tally:
    """The tally of a text of *length* code points, one unit per code point, from each coder's
    *codings*; a character no span of a coder covers has the value *uncoded* for that coder.

    A sweep: the boundaries of every span, sorted; between two boundaries each coder's set of
    categories is constant, so the whole run adds its length to one row."""
    events: list[tuple[int, int, str, int]] = []
    for coder, spans in enumerate(codings):
        for start, end, category in spans:
            start, end = max(0, start), min(length, end)
            if start < end:
                events.append((start, coder, category, 1))
                events.append((end, coder, category, -1))
    events.sort(key=lambda e: e[0])
    active: list[Counter[str]] = [Counter() for _ in codings]
    row: list[str | None] = [uncoded] * len(codings)
    tally: Tally = Counter()
    position = 0
    i = 0
    while i < len(events):
        at = events[i][0]
        if at > position:
            tally[tuple(row)] += at - position
            position = at
        touched: set[int] = set()
        while i < len(events) and events[i][0] == at:
            _, coder, category, step = events[i]
            active[coder][category] += step
            if not active[coder][category]:
                del active[coder][category]
            touched.add(coder)
            i += 1
        for coder in touched:
            row[coder] = _value(active[coder], uncoded)
    if length > position:
        tally[tuple(row)] += length - position
    return tally


def units_tally(units: Sequence[tuple[int, int]], codings: Sequence[Coding], uncoded: str | None) -> Tally:
    """The tally of *units* (spans): a coder's value for a unit is the category of the spans
    touching one of its characters (see the module)."""
    covers = [_merged(spans) for spans in codings]
    tally: Tally = Counter()
    for start, end in units:
        row = tuple(_value(_touching(merged, start, end), uncoded) for merged in covers)
        tally[row] += 1
    return tally


def _value(categories: Iterable[str], uncoded: str | None) -> str | None:
    found = list(categories)
    if not found:
        return uncoded
    return found[0] if len(found) == 1 else CONFLICT


def _merged(spans: Coding) -> dict[str, tuple[list[int], list[int]]]:
    """Per category, its spans merged into disjoint runs: (starts, ends), both sorted."""
    by_category: dict[str, list[tuple[int, int]]] = {}
    for start, end, category in spans:
        if start < end:
            by_category.setdefault(category, []).append((start, end))
    merged: dict[str, tuple[list[int], list[int]]] = {}
    for category, found in by_category.items():
        starts: list[int] = []
        ends: list[int] = []
        for start, end in sorted(found):
            if ends and start <= ends[-1]:
                ends[-1] = max(ends[-1], end)
            else:
                starts.append(start)
                ends.append(end)
        merged[category] = (starts, ends)
    return merged


def _touching(merged: Mapping[str, tuple[list[int], list[int]]], start: int, end: int) -> list[str]:
    found: list[str] = []
    for category, (starts, ends) in merged.items():
        i = bisect_right(ends, start)  # the first run ending after start
        if i < len(starts) and starts[i] < end:
            found.append(category)
    return found


def conflicts(tally: Tally) -> int:
    """How many (unit, coder) values of *tally* are a :data:`CONFLICT`."""
    return sum(n * row.count(CONFLICT) for row, n in tally.items())


def without_conflicts(tally: Tally) -> Tally:
    """*tally* with every :data:`CONFLICT` made a missing value."""
    made: Tally = Counter()
    for row, n in tally.items():
        made[tuple(None if v == CONFLICT else v for v in row)] += n
    return made


def pair(tally: Tally, a: int, b: int) -> Tally:
    """The tally of coders *a* and *b* alone."""
    made: Tally = Counter()
    for row, n in tally.items():
        made[(row[a], row[b])] += n
    return made


# -- measures -------------------------------------------------------------------------------------


def _complete(tally: Tally) -> list[tuple[tuple[str, ...], int]]:
    return [(tuple(v for v in row if v is not None), n) for row, n in tally.items() if None not in row and n]


def percent_agreement(tally: Tally) -> Result:
    """The share (0-100) of the units every coder gave a value to on which all gave the same."""
    rows = _complete(tally)
    units = sum(n for _, n in rows)
    if not units:
        return _undefined("no unit was given a value by every coder")
    agreed = sum(n for row, n in rows if len(set(row)) == 1)
    return Result(100.0 * agreed / units, units)


def cohen_kappa(tally: Tally) -> Result:
    """Cohen's (1960) kappa of a two-coder *tally*, over the units both coded."""
    rows = _complete(tally)
    units = sum(n for _, n in rows)
    if not units:
        return _undefined("no unit was given a value by both coders")
    first: Counter[str] = Counter()
    second: Counter[str] = Counter()
    agreed = 0
    for (a, b), n in rows:
        first[a] += n
        second[b] += n
        agreed += n if a == b else 0
    if len(set(first) | set(second)) < 2:
        return _undefined("both coders gave every unit the same one value: no variation", units)
    observed = agreed / units
    chance = sum(first[k] * second[k] for k in first) / (units * units)
    return Result((observed - chance) / (1 - chance), units)


def _fleiss_table(tally: Tally) -> tuple[list[tuple[Counter[str], int]], int, int, Counter[str]]:
    rows = _complete(tally)
    raters = len(next(iter(tally))) if tally else 0
    subjects = sum(n for _, n in rows)
    table = [(Counter(row), n) for row, n in rows]
    totals: Counter[str] = Counter()
    for counts, n in table:
        for category, k in counts.items():
            totals[category] += k * n
    return table, subjects, raters, totals


def fleiss_kappa(tally: Tally) -> Result:
    """Fleiss's (1971) kappa of all coders, over the units every coder coded."""
    table, subjects, raters, totals = _fleiss_table(tally)
    if not subjects or raters < 2:
        return _undefined("no unit was given a value by every coder")
    if len(totals) < 2:
        return _undefined("every coder gave every unit the same one value: no variation", subjects)
    agreement = sum(n * (sum(k * k for k in counts.values()) - raters) for counts, n in table)
    observed = agreement / (subjects * raters * (raters - 1))
    chance = sum((t / (subjects * raters)) ** 2 for t in totals.values())
    return Result((observed - chance) / (1 - chance), subjects)


def fleiss_category_kappas(tally: Tally) -> dict[str, Result]:
    """Fleiss's (1971) kappa of each category j: 1 − Σ_i n_ij(m − n_ij) / (N·m(m − 1)·p_j·q_j),
    over the units every coder coded; categories in sorted order."""
    table, subjects, raters, totals = _fleiss_table(tally)
    found: dict[str, Result] = {}
    if not subjects or raters < 2:
        return found
    for category in sorted(totals):
        share = totals[category] / (subjects * raters)
        if share >= 1:
            found[category] = _undefined(f"every value is '{category}': no variation", subjects)
            continue
        spread = sum(n * counts[category] * (raters - counts[category]) for counts, n in table)
        denominator = subjects * raters * (raters - 1) * share * (1 - share)
        found[category] = Result(1 - spread / denominator, subjects)
    return found


def krippendorff_alpha(tally: Tally) -> Result:
    """Krippendorff's (2004) nominal alpha, from the units with at least two values (missing
    values allowed): 1 − (n − 1)·Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k."""
    totals: Counter[str] = Counter()
    disagreement = 0.0
    units = 0
    for row, n in tally.items():
        values = Counter(v for v in row if v is not None)
        paired = sum(values.values())
        if paired < 2 or not n:
            continue
        units += n
        for category, k in values.items():
            totals[category] += k * n
        different = paired * paired - sum(k * k for k in values.values())
        disagreement += n * different / (paired - 1)
    if not units:
        return _undefined("no unit was given a value by two coders")
    pairable = sum(totals.values())
    expected = pairable * pairable - sum(k * k for k in totals.values())
    if not expected:
        return _undefined("every value is the same category: no variation", units)
    return Result(1 - (pairable - 1) * disagreement / expected, units)
