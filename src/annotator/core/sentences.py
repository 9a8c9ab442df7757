"""Core: paragraphs and sentences of a stored text, as code-point spans into it.

Retrieval (``near/N``: within N sentences) and auto-coding ask which sentence an
offset falls in, so a text's sentences must be spans of *that* text:
``text[start:end]`` is the sentence, end-exclusive, never a re-joined copy.

- A **paragraph** is a block of lines separated from the next by a blank line
  (a line holding nothing but spaces or tabs counts as blank). Its span leaves
  out the white space around it.
- **Sentences** come from nupunkt (Punkt, trained on legal and news text: it
  knows ``Mr.``, ``U.S.``, ``Jan.``, initials, decimals and sentence-final
  quotes), run on each paragraph alone, so no sentence runs across a blank line
  (a headline without a full stop stays its own sentence). nupunkt's output is
  taken as strings and placed back into the paragraph by matching its
  characters (white space aside), never by trusting offsets it may or may not
  keep; text it left out becomes a sentence of its own, so every non-blank
  character of a paragraph is in exactly one sentence.

Segmenting costs ~1 ms per 10,000 characters; :func:`segment` keeps the result of
recent texts by SHA-256, since one query asks for the same documents' sentences
over and over.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left, bisect_right
from collections import OrderedDict
from dataclasses import dataclass

from annotator.core.text import sha256_text

#: How many texts' segmentations are kept (a corpus query walks every document once per query).
CACHE_SIZE = 256

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class Segmentation:
    """Core: the paragraphs and sentences of one text, each a ``(start, end)`` span in code points,
    in text order, not overlapping, without white space at either end."""

    sha256: str
    paragraphs: tuple[tuple[int, int], ...]
    sentences: tuple[tuple[int, int], ...]
    _starts: tuple[int, ...]
    _ends: tuple[int, ...]

    def sentence_range(self, start: int, end: int) -> tuple[int, int]:
        """The first and last index of the sentences the span ``start..end`` touches.

        A span that lies wholly in the white space between two sentences touches both (it
        belongs to neither, and is as near to one as to the other); with no sentences at all
        (a blank text) every span is in sentence 0.
        """
        if not self.sentences:
            return (0, 0)
        first = bisect_right(self._ends, start)  # the first sentence ending after start
        last = bisect_left(self._starts, max(end, start + 1)) - 1  # the last starting before end
        first = min(first, len(self.sentences) - 1)
        last = max(last, 0)
        return (first, last) if first <= last else (last, first)

    def sentence_end_after(self, offset: int) -> int | None:
        """Where the first sentence that ends after *offset* ends; None when none does."""
        i = bisect_right(self._ends, offset)
        return self._ends[i] if i < len(self._ends) else None

    def sentence_start_before(self, offset: int) -> int | None:
        """Where the last sentence that starts before *offset* starts; None when none does."""
        i = bisect_left(self._starts, offset) - 1
        return self._starts[i] if i >= 0 else None

    def sentence_distance(self, a: tuple[int, int], b: tuple[int, int]) -> int:
        """How many sentence boundaries lie between two spans: 0 when they share a sentence."""
        a_first, a_last = self.sentence_range(*a)
        b_first, b_last = self.sentence_range(*b)
        return max(0, b_first - a_last, a_first - b_last)


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The blank-line-separated blocks of *text*, as spans without their surrounding white space."""
    found: list[tuple[int, int]] = []
    position = 0
    for gap in _BLANK_LINE.finditer(text):
        _add_trimmed(text, position, gap.start(), found)
        position = gap.end()
    _add_trimmed(text, position, len(text), found)
    return found


def _add_trimmed(text: str, start: int, end: int, found: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        found.append((start, end))


def sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of *text* (see the module's docstring), without caching."""
    found: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        paragraph = text[p_start:p_end]
        found.extend((p_start + s, p_start + e) for s, e in _place(paragraph, _split(paragraph)))
    return found


def _split(paragraph: str) -> list[str]:
    import nupunkt  # ~30 ms to import: only when sentences are asked for

    return [str(s) for s in nupunkt.load("default").tokenize(paragraph)]


def _place(paragraph: str, pieces: list[str]) -> list[tuple[int, int]]:
    """Spans of *paragraph* holding *pieces* in order, matched character by character with white
    space skipped on both sides; what is left unmatched (a piece that does not fit, or text the
    splitter dropped) becomes one span of its own, so nothing of the paragraph is lost."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in pieces:
        content = piece.strip()
        if not content:
            continue
        found = paragraph.find(content, cursor)
        if found >= 0 and not paragraph[cursor:found].strip():
            spans.append((found, found + len(content)))
            cursor = found + len(content)
            continue
        end = _match_ignoring_space(paragraph, cursor, content)
        if end is None:
            break  # the rest of the paragraph is one sentence (below)
        _add_trimmed(paragraph, cursor, end, spans)
        cursor = end
    _add_trimmed(paragraph, cursor, len(paragraph), spans)
    return spans


def _match_ignoring_space(text: str, start: int, content: str) -> int | None:
    """Where *content* ends in *text* read from *start*, white space aside on both sides; None
    if another character stands in the way."""
    i = start
    for char in content:
        if char.isspace():
            continue
        while i < len(text) and text[i].isspace():
            i += 1
        if i >= len(text) or text[i] != char:
            return None
        i += 1
    return i


_cache: OrderedDict[str, Segmentation] = OrderedDict()
_cache_lock = threading.Lock()


def segment(text: str, sha256: str | None = None) -> Segmentation:
    """The paragraphs and sentences of *text* (whose SHA-256 is *sha256*, computed if not given),
    from the cache when this text was segmented lately."""
    key = sha256 if sha256 is not None else sha256_text(text)
    with _cache_lock:
        kept = _cache.get(key)
        if kept is not None:
            _cache.move_to_end(key)
            return kept
    spans = tuple(sentences(text))
    made = Segmentation(key, tuple(paragraphs(text)), spans, tuple(s for s, _ in spans), tuple(e for _, e in spans))
    with _cache_lock:
        _cache[key] = made
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return made
