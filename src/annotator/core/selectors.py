"""Core: W3C-style text selectors and anchoring.

A span is described two ways, as the W3C Web Annotation model and Hypothesis
do: a ``TextPositionSelector`` (start, end in code points) and a
``TextQuoteSelector`` (exact quote with up to 32 code points of prefix and
suffix). Anchoring tries the stored position first, checked against the quote;
then the exact quote, nearest to the old position and best matching the
context. A selector that cannot be placed is an orphan, never a wrong span.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Defined with the other errors; imported from here by code written before they were.
from annotator.core.errors import SpanError as SpanError

CONTEXT_LENGTH = 32


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    """Core: start and end offsets in code points, end-exclusive."""

    start: int
    end: int

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> TextPositionSelector:
        check_span(text, start, end)
        return cls(start, end)

    def to_span(self, text: str) -> tuple[int, int]:
        check_span(text, self.start, self.end)
        return self.start, self.end


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    """Core: the exact quote with its surrounding context."""

    exact: str
    prefix: str = ""
    suffix: str = ""

    @classmethod
    def from_span(cls, text: str, start: int, end: int) -> TextQuoteSelector:
        check_span(text, start, end)
        return cls(
            exact=text[start:end],
            prefix=text[max(0, start - CONTEXT_LENGTH) : start],
            suffix=text[end : end + CONTEXT_LENGTH],
        )

    def to_span(self, text: str, hint: int | None = None) -> tuple[int, int] | None:
        """The best exact occurrence of the quote, or None when there is none."""
        found = find_occurrences(text, self.exact)
        if not found:
            return None

        def score(pos: int) -> tuple[int, int]:
            end = pos + len(self.exact)
            context = common_suffix_length(text[max(0, pos - len(self.prefix)) : pos], self.prefix)
            context += common_prefix_length(text[end : end + len(self.suffix)], self.suffix)
            distance = abs(pos - hint) if hint is not None else 0
            return (-context, distance)

        best = min(found, key=score)
        return best, best + len(self.exact)


def check_span(text: str, start: int, end: int) -> None:
    """Raise :class:`SpanError` unless 0 <= start < end <= len(text)."""
    if not (0 <= start < end <= len(text)):
        raise SpanError(f"span {start}..{end} does not fit a text of {len(text)} characters")


def find_occurrences(text: str, quote: str, limit: int | None = None) -> list[int]:
    """Every start offset at which *quote* occurs in *text* (overlapping ones too), at most *limit*."""
    if not quote:
        return []
    found: list[int] = []
    pos = text.find(quote)
    while pos != -1 and (limit is None or len(found) < limit):
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def quote_spans(text: str, quote: str) -> list[tuple[int, int]]:
    """Every span of *text* (overlapping ones too) that is *quote* up to Unicode canonical
    equivalence: an ``é`` typed composed matches one stored as ``e`` and a combining accent,
    and the other way round. The spans are offsets into *text* as stored, so a match written
    differently from *quote* may differ from it in length. A match that would cut a character
    from its combining marks is none: ``Cafe`` is not in ``Cafe\u0301``, nor ``ẹ`` in
    ``e\u0323\u0301`` (its acute would be left outside)."""
    pattern = _equivalent_pattern(quote)
    if pattern is None:
        spans = [(start, start + len(quote)) for start in find_occurrences(text, quote)]
    else:
        spans = [(m.start(), m.start() + len(m.group(1))) for m in pattern.finditer(text)]
    return [(start, end) for start, end in spans if _whole_characters(text, start, end)]


def _whole_characters(text: str, start: int, end: int) -> bool:
    """*text[start:end]* neither starts on a combining mark of the character before it nor ends
    before a combining mark of its last character."""
    starts_inside = start > 0 and unicodedata.combining(text[start]) != 0
    ends_inside = end < len(text) and unicodedata.combining(text[end]) != 0
    return not (starts_inside or ends_inside)


def _equivalent_pattern(quote: str) -> re.Pattern[str] | None:
    """A regex for :func:`quote_spans`: each character of *quote* with its combining marks, as
    composed (NFC) or decomposed (NFD); None if *quote* has no character written either way."""
    composed = unicodedata.normalize("NFC", quote)
    clusters: list[str] = []
    for char in composed:
        if clusters and unicodedata.combining(char):
            clusters[-1] += char
        else:
            clusters.append(char)
    parts, either = [], False
    for cluster in clusters:
        forms = sorted({cluster, unicodedata.normalize("NFD", cluster)}, key=len, reverse=True)
        either = either or len(forms) > 1
        parts.append(
            "(?:" + "|".join(re.escape(form) for form in forms) + ")" if len(forms) > 1 else re.escape(cluster)
        )
    if not either and composed == quote:
        return None
    return re.compile(f"(?=({''.join(parts)}))")  # a lookahead, so overlapping occurrences are found too


def locate_quote(text: str, quote: str, occurrence: int | None = None) -> tuple[int, int]:
    """The span of *quote* in *text*, up to canonical equivalence (:func:`quote_spans`);
    *occurrence* (1-based) picks one of several.

    Raises :class:`SpanError` saying how often the quote occurs when it is
    missing, ambiguous without *occurrence*, or *occurrence* is out of range.
    """
    found = quote_spans(text, quote) if quote else []
    if not found:
        raise SpanError("the quote does not occur in the document")
    if occurrence is None:
        if len(found) > 1:
            raise SpanError(
                f"the quote occurs {len(found)} times in the document; choose one with --occurrence 1..{len(found)}"
            )
        occurrence = 1
    if not 1 <= occurrence <= len(found):
        raise SpanError(f"the quote occurs {len(found)} times; occurrence {occurrence} does not exist")
    return found[occurrence - 1]


def anchor(text: str, position: TextPositionSelector | None, quote: TextQuoteSelector | None) -> tuple[int, int] | None:
    """Place a described span in *text*: exact position if its quote still matches, else the quote."""
    fits = position is not None and 0 <= position.start < position.end <= len(text)
    if fits and position is not None and (quote is None or text[position.start : position.end] == quote.exact):
        return position.start, position.end
    if quote is not None:
        return quote.to_span(text, hint=position.start if position else None)
    return None


def common_prefix_length(a: str, b: str) -> int:
    """How many leading code points *a* and *b* share (bisection on slices: C-speed compares)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def common_suffix_length(a: str, b: str) -> int:
    """How many trailing code points *a* and *b* share."""
    return common_prefix_length(a[::-1], b[::-1])
