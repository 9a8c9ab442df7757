"""Core: a span index the text pane's highlighter queries once per block.

Spans are kept sorted by start. A query for the spans that overlap a window
bisects to the spans that start before the window ends and, to find spans that
began earlier, looks back only as far as the longest *short* span is long; the
few long ones (over :data:`LONG` code points: a chapter, a whole document) are
kept apart and checked one by one. So one whole-document annotation does not make
every query (each block painted, each caret move) scan back over the whole text.
``segments`` splits a window into pieces that are covered by the same set of tags,
which is what the highlighter paints.
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

#: Spans longer than this many code points are kept apart (see the module docstring).
LONG = 1_000


@dataclass(slots=True)
class Span:
    """Core: an annotation's extent, tag and coder, as the highlighter needs it. A value (not frozen, for speed)."""

    start: int
    end: int
    tag_id: str
    annotation_id: str
    coder: str = ""


class SpanIndex:
    """Core: sorted spans of one document with overlap queries; spans over *long* code points
    are checked apart (:data:`LONG`)."""

    def __init__(self, spans: list[Span] | None = None, long: int = LONG) -> None:
        self._long_length = long
        self._keys: list[tuple[int, int, str]] = []
        self._by_id: dict[str, Span] = {}
        self._long: dict[str, Span] = {}  # the spans longer than *long*, by annotation id
        self._lengths: Counter[int] = Counter()  # how many short spans have each length
        self._max_len = 0
        #: Counts the changes made by :meth:`add` and :meth:`remove`: what is worked out from the
        #: spans (the coding stripes' columns) is kept while it stays the same.
        self.version = 0
        for span in spans or ():
            self._by_id[span.annotation_id] = span
        self._rebuild()

    def _rebuild(self) -> None:
        self._keys = sorted((s.start, s.end, s.annotation_id) for s in self._by_id.values())
        self._long = {i: s for i, s in self._by_id.items() if s.end - s.start > self._long_length}
        self._lengths = Counter(s.end - s.start for s in self._by_id.values() if s.end - s.start <= self._long_length)
        self._max_len = max(self._lengths, default=0)

    @property
    def look_back(self) -> int:
        """How far before a window a query looks for spans that reach into it: the longest short span."""
        return self._max_len

    def __len__(self) -> int:
        return len(self._by_id)

    def __contains__(self, annotation_id: object) -> bool:
        return annotation_id in self._by_id

    def get(self, annotation_id: str) -> Span | None:
        return self._by_id.get(annotation_id)

    def add(self, span: Span) -> None:
        """Add or replace the span of ``span.annotation_id``."""
        if span.annotation_id in self._by_id:
            self.remove(span.annotation_id)
        self.version += 1
        self._by_id[span.annotation_id] = span
        insort(self._keys, (span.start, span.end, span.annotation_id))
        length = span.end - span.start
        if length > self._long_length:
            self._long[span.annotation_id] = span
        else:
            self._lengths[length] += 1
            self._max_len = max(self._max_len, length)

    def remove(self, annotation_id: str) -> Span | None:
        span = self._by_id.pop(annotation_id, None)
        if span is None:
            return None
        self.version += 1
        key = (span.start, span.end, annotation_id)
        i = bisect_left(self._keys, key)
        if i < len(self._keys) and self._keys[i] == key:
            del self._keys[i]
        length = span.end - span.start
        if self._long.pop(annotation_id, None) is not None:
            return span
        self._lengths[length] -= 1
        if not self._lengths[length]:
            del self._lengths[length]
            if length == self._max_len:  # the distinct lengths are few: removing many spans stays linear
                self._max_len = max(self._lengths, default=0)
        return span

    def overlapping(self, start: int, end: int) -> list[Span]:
        """Spans with ``span.start < end`` and ``span.end > start``, in text order."""
        earliest = start - self._max_len  # no short span starting before this reaches the window
        lo = bisect_left(self._keys, (earliest,))
        hi = bisect_left(self._keys, (end,))
        by_id = self._by_id
        found = [by_id[k[2]] for k in self._keys[lo:hi] if k[1] > start]
        earlier = [s for s in self._long.values() if s.start < earliest and s.end > start]
        if earlier:
            earlier.sort(key=lambda s: (s.start, s.end, s.annotation_id))
            found[:0] = earlier
        return found

    def neighbour(self, key: tuple[int, int, str], step: int) -> Span | None:
        """The span just after (*step* > 0) or just before (*step* < 0) the place *key* holds in text
        order, a key being ``(start, end, annotation_id)``; None past either end."""
        i = bisect_right(self._keys, key) if step > 0 else bisect_left(self._keys, key) - 1
        return self._by_id[self._keys[i][2]] if 0 <= i < len(self._keys) else None

    def at(self, offset: int) -> list[Span]:
        """Spans that contain code point *offset*."""
        return self.overlapping(offset, offset + 1)


def columns(spans: list[Span]) -> tuple[dict[str, int], int]:
    """Give each span a column so that spans which overlap never share one (interval-graph
    colouring, greedy by start: optimal, as few columns as the most spans over one code point).

    Returns ``(annotation id -> column, number of columns)``; an earlier, longer span gets the
    lower column, so an enclosing span stands outside the ones it holds.
    """
    found: dict[str, int] = {}
    busy: list[tuple[int, int]] = []  # (end, column) of the spans still open
    free: list[int] = []
    count = 0
    for span in sorted(spans, key=lambda s: (s.start, -s.end, s.annotation_id)):
        while busy and busy[0][0] <= span.start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            column = heapq.heappop(free)
        else:
            column, count = count, count + 1
        found[span.annotation_id] = column
        heapq.heappush(busy, (span.end, column))
    return found, count


def segments(spans: list[Span], start: int, end: int) -> list[tuple[int, int, tuple[str, ...]]]:
    """Split [start, end) into maximal pieces covered by the same tags.

    Returns ``(piece_start, piece_end, tag_ids)`` for pieces covered by at least
    one span; tag ids are in the order their spans start, without repeats.
    """
    cuts = {start, end}
    for s in spans:
        if start < s.start < end:
            cuts.add(s.start)
        if start < s.end < end:
            cuts.add(s.end)
    points = sorted(cuts)
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for a, b in itertools.pairwise(points):
        tags: list[str] = []
        for s in spans:
            if s.start <= a and s.end >= b and s.tag_id not in tags:
                tags.append(s.tag_id)
        if tags:
            if out and out[-1][1] == a and out[-1][2] == tuple(tags):
                out[-1] = (out[-1][0], b, out[-1][2])
            else:
                out.append((a, b, tuple(tags)))
    return out


def last_coder(spans: list[Span], start: int, end: int, coders: Container[str]) -> str | None:
    """The coder of the span that starts last among those covering all of [start, end) whose coder is
    one of *coders* (the one drawn on top), or None."""
    found: Span | None = None
    for s in spans:
        if s.start <= start and s.end >= end and s.coder in coders and (found is None or s.start >= found.start):
            found = s
    return found.coder if found is not None else None
