"""Core: what auto-coding a text's hits makes: one span per hit's extent, each span once.

Auto-coding tags every hit of a search (or the hits a person chose) with one tag. The
span tagged is the hit's **extent**:

- ``match``: the hit itself, without white space at either end (a span never starts or
  ends with white space, as in the window); a hit of white space only codes nothing.
- ``sentence``: the sentence the hit is in, or the sentences it runs across, from
  :func:`annotator.core.sentences.segment` (nupunkt, per paragraph).
- ``paragraph``: the blank-line-separated block the hit is in (or the blocks it runs across).

Spans are code points into the stored text, end-exclusive, cut from the same
segmentation the retrieval query's ``near/N`` uses. Two hits with one extent (two
matches in one sentence) make one span, which counts both hits, so a preview can say
how many hits each annotation stands for.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.errors import InvalidInput
from annotator.core.sentences import Segmentation

MATCH = "match"
SENTENCE = "sentence"
PARAGRAPH = "paragraph"
#: The extents a hit can be coded with, in the order a person is offered them.
EXTENTS = (MATCH, SENTENCE, PARAGRAPH)

#: How many characters of a span a preview row shows (the start and the end of longer ones).
PREVIEW_CHARS = 90


@dataclass(frozen=True, slots=True)
class ExtentSpan:
    """Core: one span to code: code points [start, end) of the text, and how many hits gave it."""

    start: int
    end: int
    hits: int


def check_extent(extent: str) -> str:
    """*extent* if it is one of :data:`EXTENTS`; :class:`InvalidInput` (one line) if not."""
    if extent not in EXTENTS:
        raise InvalidInput(f"there is no extent '{extent}' (extents: {', '.join(EXTENTS)})")
    return extent


def needs_segmentation(extent: str) -> bool:
    """Whether *extent* asks for the text's sentences and paragraphs (segmenting costs time)."""
    return check_extent(extent) != MATCH


def extent_spans(
    text: str, hits: Iterable[tuple[int, int]], extent: str, segmentation: Segmentation | None = None
) -> list[ExtentSpan]:
    """The spans that coding *hits* (code-point spans of *text*) with *extent* makes, in text
    order, each once; *segmentation* is ``segment(text)``, needed unless *extent* is ``match``."""
    check_extent(extent)
    if extent != MATCH and segmentation is None:
        raise ValueError(f"the extent '{extent}' needs the text's segmentation")
    counts: dict[tuple[int, int], int] = {}
    blocks = _Blocks(segmentation.paragraphs) if extent == PARAGRAPH and segmentation is not None else None
    for start, end in hits:
        trimmed = _trimmed(text, start, end)
        if trimmed is None:
            continue
        if extent == MATCH:
            span = trimmed
        elif blocks is not None:
            span = blocks.around(*trimmed)
        else:
            assert segmentation is not None
            first, last = segmentation.sentence_range(*trimmed)
            span = (segmentation.sentences[first][0], segmentation.sentences[last][1])
        counts[span] = counts.get(span, 0) + 1
    return [ExtentSpan(start, end, n) for (start, end), n in sorted(counts.items())]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


class _Blocks:
    """Sorted, non-overlapping spans (paragraphs), asked which of them a span touches."""

    def __init__(self, spans: tuple[tuple[int, int], ...]) -> None:
        self._spans = spans
        self._starts = [s for s, _ in spans]
        self._ends = [e for _, e in spans]

    def around(self, start: int, end: int) -> tuple[int, int]:
        """The first block's start and the last block's end of the blocks [start, end) touches. A
        trimmed span always holds a character of some block (blocks leave out only white space)."""
        first = min(bisect_right(self._ends, start), len(self._spans) - 1)
        last = max(bisect_left(self._starts, end) - 1, first)
        return (self._spans[first][0], self._spans[last][1])


def preview(quote: str, limit: int = PREVIEW_CHARS) -> str:
    """*quote* on one line (white space runs as one space) and, if longer than *limit*, its
    start and end around an ellipsis: what a preview row or a table cell shows of a span."""
    line = " ".join(quote.split())
    if len(line) <= limit:
        return line
    head = (limit - 3) * 2 // 3  # " … " between them
    return f"{line[:head].rstrip()} … {line[len(line) - (limit - 3 - head) :].lstrip()}"
