"""Core: Krippendorff's unitizing alpha (α_U), which compares where coders put their spans.

Per-unit measures (kappa, alpha over characters or words) ask whether each unit got the same
tag; α_U asks whether the coders cut the text alike. It is Krippendorff's (1995, "On the
reliability of unitizing contiguous data"; 2004, *Content Analysis* §12.4) measure, computed as
DKPro Agreement's ``KrippendorffAlphaUnitizingAgreement`` computes it, so its published examples
are our tests.

**The continuum** is one document's text in code points, ``0 .. length``; spans are
end-exclusive code-point offsets, as everywhere in Annotator, so an emoji counts once.

**Per tag**, each coder's spans of the tag cut the continuum into sections: the spans (units)
and the stretches between them (gaps, which count as sections too). Two coders' sections that
share a code point disagree by

- ``(start₁ − start₂)² + (end₁ − end₂)²`` when both are units;
- ``length²`` of a unit that lies wholly inside the other coder's gap;
- nothing otherwise (two gaps, or a unit reaching past the gap it meets).

The observed disagreement ``D_o`` sums that over every pair of coders, ``× 2 / (m(m − 1)L²)``
for ``m`` coders and a text of ``L`` code points. The expected disagreement ``D_e`` is
Krippendorff's closed form over every way the same units and gaps could have been laid out
(2004, eq. 12.4; DKPro's reading of it, with ``l − 1`` where the 1995 paper printed ``l + 1``).
α_U of a tag is ``1 − D_o / D_e``; over the tags it is ``1 − ΣD_o / ΣD_e``.

**A coder's overlapping spans of one tag.** DKPro requires that they do not overlap (its sweep
walks backwards over them and its number means nothing). Here they are first joined into their
union, the code points the coder coded with the tag, and :attr:`UnitizingAlpha.merged` says how
many spans were so absorbed. Spans that only touch stay two units, as DKPro reads them.

**Undefined values** (an empty text, a tag nobody used, no variation: ``D_e = 0``) come back
with ``value`` ``None`` and a one-line ``reason``, never NaN or 1 (DKPro answers NaN or 0 there).

The work is a sort and a sweep: per tag, each pair of coders' sections are walked side by side
(only sections that meet are compared), and ``D_e`` sums over the gaps longer than a unit with a
binary search in the sorted gap lengths; so the cost is ``O(n log n)`` in the spans. ``D_o`` and
``D_e`` are exact fractions (the sums are whole numbers), so the value does not depend on the
order the spans came in.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from itertools import combinations

from annotator.core.errors import InvalidInput

#: The measure's name, as results and exports call it.
ALPHA_U = "alpha_u"


@dataclass(frozen=True, slots=True)
class CodedSpan:
    """Core: what α_U reads of an annotation: who coded which code points with which tag."""

    coder: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Section:
    """Core: a stretch of one coder's continuum for one tag: a unit (coded) or a gap."""

    start: int
    end: int
    coded: bool


@dataclass(frozen=True, slots=True)
class UnitizingAlpha:
    """Core: α_U for one tag, or over the tags (``tag`` ``None``).

    ``observed`` and ``expected`` are ``D_o`` and ``D_e``; ``units`` counts every coder's units
    (after joining overlaps), ``merged`` the spans joined into another. ``value`` is ``None``
    exactly when the measure is undefined, and then ``reason`` says why in one line."""

    tag: str | None
    observed: Fraction
    expected: Fraction
    units: int
    merged: int
    value: float | None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class UnitizingResult:
    """Core: α_U of one continuum: per tag (in the order asked) and over them all."""

    length: int
    coders: tuple[str, ...]
    tags: tuple[UnitizingAlpha, ...]
    overall: UnitizingAlpha


def distance(a: Section, b: Section) -> int:
    """Krippendorff's (2004) disagreement of two coders' sections that share a code point."""
    if a.coded and b.coded:
        return (a.start - b.start) ** 2 + (a.end - b.end) ** 2
    if a.coded and b.start <= a.start and a.end <= b.end:
        return (a.end - a.start) ** 2
    if b.coded and a.start <= b.start and b.end <= a.end:
        return (b.end - b.start) ** 2
    return 0


def sections(units: Sequence[tuple[int, int]], length: int) -> list[Section]:
    """The continuum ``0 .. length`` cut by sorted, non-overlapping units into units and gaps."""
    cut: list[Section] = []
    at = 0
    for start, end in units:
        if start > at:
            cut.append(Section(at, start, False))
        cut.append(Section(start, end, True))
        at = end
    if at < length:
        cut.append(Section(at, length, False))
    return cut


def _joined(spans: Iterable[tuple[int, int]]) -> tuple[list[tuple[int, int]], int]:
    """Spans sorted, those sharing a code point joined into one; and how many were absorbed."""
    units: list[tuple[int, int]] = []
    merged = 0
    for start, end in sorted(spans):
        if units and start < units[-1][1]:
            units[-1] = (units[-1][0], max(units[-1][1], end))
            merged += 1
        else:
            units.append((start, end))
    return units, merged


def _observed_sum(a: Sequence[Section], b: Sequence[Section]) -> int:
    """Σ distance over the pairs of two coders' sections that meet, walked side by side."""
    total = i = j = 0
    while i < len(a) and j < len(b):
        total += distance(a[i], b[j])
        if a[i].end <= b[j].end:
            i, j = i + 1, j + (a[i].end == b[j].end)
        else:
            j += 1
    return total


def _expected(units: Sequence[int], gaps: Sequence[int], coders: int, length: int) -> Fraction:
    """Krippendorff's (2004, §12.4) D_e from every coder's unit and gap lengths."""
    gaps = sorted(gaps)
    longer = [0] * (len(gaps) + 1)  # longer[k]: the sum of gaps[k:]
    for k in range(len(gaps) - 1, -1, -1):
        longer[k] = longer[k + 1] + gaps[k]
    n = len(units)
    total = 0
    for l in units:  # noqa: E741 - Krippendorff's name for a unit's length
        k = bisect_left(gaps, l)
        placements = longer[k] - (len(gaps) - k) * (l - 1)  # Σ (g − l + 1) over the gaps g ≥ l
        total += (n - 1) * (l * (l - 1) * (2 * l - 1) // 3) + l * l * placements
    pairs = coders * length * (coders * length - 1) - sum(l * (l - 1) for l in units)  # noqa: E741
    return Fraction(2 * total, length * pairs)


def _alpha(tag: str | None, observed: Fraction, expected: Fraction, units: int, merged: int) -> UnitizingAlpha:
    """The value, or why there is none."""
    if units == 0:
        reason = "no coder coded a span of this tag" if tag is not None else "no coder coded a span of these tags"
        return UnitizingAlpha(tag, observed, expected, units, merged, None, reason)
    if expected == 0:
        reason = "no variation: every coder coded every code point as a unit of its own"
        return UnitizingAlpha(tag, observed, expected, units, merged, None, reason)
    return UnitizingAlpha(tag, observed, expected, units, merged, float(1 - observed / expected))


def _tag_alpha(
    tag: str, by_coder: dict[str, list[tuple[int, int]]], coders: Sequence[str], length: int
) -> UnitizingAlpha:
    """α_U of one tag on the continuum."""
    cut: list[list[Section]] = []
    lengths: list[int] = []
    gaps: list[int] = []
    merged = 0
    for coder in coders:
        units, absorbed = _joined(by_coder.get(coder, ()))
        merged += absorbed
        cut.append(sections(units, length))
        lengths.extend(end - start for start, end in units)
        gaps.extend(s.end - s.start for s in cut[-1] if not s.coded)
    m = len(coders)
    if not lengths:
        return _alpha(tag, Fraction(0), Fraction(0), 0, merged)
    observed = Fraction(2 * sum(_observed_sum(a, b) for a, b in combinations(cut, 2)), m * (m - 1) * length * length)
    return _alpha(tag, observed, _expected(lengths, gaps, m, length), len(lengths), merged)


def alpha_u(
    length: int, coders: Sequence[str], spans: Iterable[CodedSpan], tags: Sequence[str] | None = None
) -> UnitizingResult:
    """Krippendorff's α_U of ``coders`` on a text of ``length`` code points, per tag and overall.

    Every coder counts, including one who coded nothing. ``tags`` chooses the tags and their
    order (spans of other tags are left out); without it, every tag a span has, sorted.
    Raises :class:`InvalidInput` for fewer than two coders, a span by someone not among
    them, or a span that is empty or outside the text."""
    coders = tuple(coders)
    if len(set(coders)) < 2 or len(set(coders)) != len(coders):
        raise InvalidInput("unitizing alpha needs two or more different coders")
    if length < 0:
        raise InvalidInput(f"a text cannot be {length} code points long")
    known = set(coders)
    found: dict[str, dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
    for span in spans:
        if span.coder not in known:
            raise InvalidInput(f"a span is by {span.coder!r}, who is not one of the coders compared")
        if not 0 <= span.start < span.end <= length:
            raise InvalidInput(f"span {span.start}–{span.end} does not fit a text of {length} code points")
        found[span.tag][span.coder].append((span.start, span.end))
    chosen = tuple(tags) if tags is not None else tuple(sorted(found))
    if length == 0:
        empty = tuple(UnitizingAlpha(t, Fraction(0), Fraction(0), 0, 0, None, "the text is empty") for t in chosen)
        none = UnitizingAlpha(None, Fraction(0), Fraction(0), 0, 0, None, "the text is empty")
        return UnitizingResult(length, coders, empty, none)
    per_tag = tuple(_tag_alpha(tag, found.get(tag, {}), coders, length) for tag in chosen)
    overall = _alpha(
        None,
        sum((a.observed for a in per_tag), Fraction(0)),
        sum((a.expected for a in per_tag), Fraction(0)),
        sum(a.units for a in per_tag),
        sum(a.merged for a in per_tag),
    )
    return UnitizingResult(length, coders, per_tag, overall)
