"""Core: the code matrices of close reading, as plain tables: tags × tags and documents × tags.

Both answer "where do my codes meet?" across a corpus, and both keep the way back to the
text: every cell can be opened on the segments it counts (:func:`together`, :func:`chosen`).

**Co-occurrence** (tags × tags). A cell counts **unordered pairs of two different
annotations by the same coder, one of the row's tag and the other of the column's, that are
together**, where *together* is one of :data:`WITHIN`:

- ``overlap``: they share a character (``a.start < b.end and b.start < a.end``), as the
  query ``A & B`` reads overlap;
- ``sentence``: they touch a common sentence, as ``A near/0 B`` reads it;
- ``paragraph``: they touch a common paragraph (a block set off by blank lines);
- ``document``: they are in the same document.

The matrix is symmetric. The **diagonal** counts pairs of two different annotations of the
same tag that are together, never an annotation with itself: a tag used once has 0 there
(QDA tools differ on the diagonal; one pair rule for every cell keeps it plain). A tag stands for itself **and the tags inside it**
(as a PATH does in a query) unless the matrix is asked for own tags only; so a pair of two
``Attitude/Positive`` segments counts in the cell ``Attitude`` × ``Attitude/Positive`` once.
Annotations without a coder name are one coder ("no name").

**Documents × tags**: per document and tag, one :data:`MEASURES`: ``count`` (annotations),
``presence`` (1 if there is one, else 0) or ``characters`` (the code points the tag covers:
the union of its spans, so two overlapping annotations of one tag are not counted twice).

Pairs are found per document and coder by a sort and a sweep over intervals (characters,
sentence indexes or paragraph indexes), so the cost is the annotations plus the pairs
found; ``document`` counts pairs from per-tag counts without listing them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol, TypeVar

from annotator.core import query
from annotator.core.sentences import Segmentation

OVERLAP, SENTENCE, PARAGRAPH, DOCUMENT = "overlap", "sentence", "paragraph", "document"
#: What "together" may mean for a co-occurrence, narrowest first.
WITHIN = (OVERLAP, SENTENCE, PARAGRAPH, DOCUMENT)

COUNT, PRESENCE, CHARACTERS = "count", "presence", "characters"
#: What a documents × tags cell may measure.
MEASURES = (COUNT, PRESENCE, CHARACTERS)


@dataclass(frozen=True, slots=True)
class Header:
    """Core: a row or column of a :class:`Table`: what it stands for (a tag or document id, a
    word) and how it is shown (a tag's full PATH, a document's title, the word)."""

    id: str
    label: str


@dataclass(frozen=True, slots=True)
class Table:
    """Core: a table of whole numbers: ``cells[i][j]`` belongs to ``rows[i]`` and ``columns[j]``.

    The one shape of every matrix and of word frequencies, so the window and any export
    can show or write them alike."""

    rows: tuple[Header, ...]
    columns: tuple[Header, ...]
    cells: tuple[tuple[int, ...], ...]


class Coded(query.Coded, Protocol):
    """Core: what the matrices read of an annotation: what the query evaluator reads, and its coder."""

    @property
    def coder(self) -> str: ...


_C = TypeVar("_C", bound=Coded)

#: An annotation's place for "together": a half-open interval of characters, sentences or paragraphs.
Interval = Callable[[Coded], tuple[int, int]]


def needs_segmentation(within: str) -> bool:
    """Whether *within* asks for a text's sentences or paragraphs."""
    return within in (SENTENCE, PARAGRAPH)


def interval(within: str, segmentation: Segmentation | None = None) -> Interval:
    """How an annotation is placed for *within*: its characters, the sentences or paragraphs it
    touches (from *segmentation*, the text's), or one place for the whole document."""
    if within == OVERLAP:
        return lambda a: (a.start, a.end)
    if within == DOCUMENT:
        return lambda a: (0, 1)
    if segmentation is None:
        raise ValueError(f"within {within} needs the document's sentences and paragraphs")
    if within == SENTENCE:

        def sentence(a: Coded) -> tuple[int, int]:
            first, last = segmentation.sentence_range(a.start, a.end)
            return (first, last + 1)

        return sentence
    starts = [s for s, _ in segmentation.paragraphs]
    ends = [e for _, e in segmentation.paragraphs]

    def paragraph(a: Coded) -> tuple[int, int]:
        if not starts:
            return (0, 1)
        first = min(bisect_right(ends, a.start), len(starts) - 1)  # as Segmentation.sentence_range
        last = max(bisect_left(starts, max(a.end, a.start + 1)) - 1, 0)
        return (first, last + 1) if first <= last else (last, first + 1)

    return paragraph


def pairs(items: Iterable[_C], place: Interval) -> Iterator[tuple[_C, _C]]:
    """Every unordered pair of two different *items* whose places overlap, each once, the one
    placed first first: a sort, then a sweep that keeps the items still open."""
    placed = sorted(((place(a), a) for a in items), key=lambda p: (p[0], p[1].id))
    open_: list[tuple[int, _C]] = []  # (end, item) of the items that may still meet a later one
    for (start, end), item in placed:
        open_ = [(e, other) for e, other in open_ if e > start]
        for _, other in open_:
            yield other, item
        open_.append((end, item))


def by_coder(items: Iterable[_C]) -> dict[str, list[_C]]:
    """*items* grouped by coder, in the order given."""
    groups: dict[str, list[_C]] = {}
    for item in items:
        groups.setdefault(item.coder, []).append(item)
    return groups


def tag_pairs(items: Sequence[Coded], place: Interval, *, whole_document: bool = False) -> Counter[tuple[str, str]]:
    """How many pairs of *items* (one document's) are together, by their own tags (the two ids
    in sorted order), same coder only. *whole_document*: every pair is together (counted from
    the tags' counts, without listing the pairs)."""
    found: Counter[tuple[str, str]] = Counter()
    for group in by_coder(items).values():
        if whole_document:
            counts = sorted(Counter(a.tag_id for a in group).items())
            for i, (t, n) in enumerate(counts):
                if n > 1:
                    found[(t, t)] += n * (n - 1) // 2
                for u, m in counts[i + 1 :]:
                    found[(t, u)] += n * m
            continue
        # The sweep of pairs(), on plain tuples: this runs over every annotation of the library.
        open_: list[tuple[int, str]] = []
        for (start, end), tag in sorted((place(a), a.tag_id) for a in group):
            open_ = [(e, t) for e, t in open_ if e > start]
            for _, t in open_:
                found[(t, tag) if t <= tag else (tag, t)] += 1
            open_.append((end, tag))
    return found


def rolled_cells(counts: Mapping[tuple[str, str], int], members: Sequence[frozenset[str]]) -> list[list[int]]:
    """The co-occurrence cells of headers standing for the tag sets *members*, from pair counts by
    own tags: a pair of tags (t, u) counts in cell (i, j) when one is in ``members[i]`` and the
    other in ``members[j]``, once however many ways it fits."""
    size = len(members)
    cells = [[0] * size for _ in range(size)]
    where: dict[str, list[int]] = {}
    for i, ids in enumerate(members):
        for tag_id in ids:
            where.setdefault(tag_id, []).append(i)
    for (t, u), n in counts.items():
        hit = {(i, j) for i in where.get(t, ()) for j in where.get(u, ())}
        for i, j in hit | {(j, i) for i, j in hit}:
            cells[i][j] += n
    return cells


def fits(a: Coded, b: Coded, row: frozenset[str], column: frozenset[str]) -> bool:
    """Whether the pair (a, b) belongs to the cell of *row* × *column*, in either order."""
    return (a.tag_id in row and b.tag_id in column) or (b.tag_id in row and a.tag_id in column)


def together(items: Sequence[_C], place: Interval, row: frozenset[str], column: frozenset[str]) -> list[tuple[_C, _C]]:
    """The pairs of one document's *items* behind the cell *row* × *column*: each with the
    annotation of the row's tag first (when both fit either way, the one placed first), in
    the order of the first's start, end and id."""
    wanted = row | column
    found: list[tuple[_C, _C]] = []
    for group in by_coder(a for a in items if a.tag_id in wanted).values():
        for a, b in pairs(group, place):
            if not fits(a, b, row, column):
                continue
            found.append((a, b) if a.tag_id in row and b.tag_id in column else (b, a))
    found.sort(key=lambda p: (p[0].start, p[0].end, p[0].id, p[1].start, p[1].end, p[1].id))
    return found


def covered(spans: Iterable[tuple[int, int]]) -> int:
    """How many code points the union of *spans* covers (overlaps counted once)."""
    total, reach = 0, None
    for start, end in sorted(spans):
        if reach is None or start >= reach:
            total += end - start
            reach = end
        elif end > reach:
            total += end - reach
            reach = end
    return total


def measure(items: Sequence[Coded], ids: frozenset[str], how: str) -> int:
    """One documents × tags cell: *how* (one of :data:`MEASURES`) of one document's *items* whose
    tag is one of *ids*."""
    mine = [a for a in items if a.tag_id in ids]
    if how == COUNT:
        return len(mine)
    if how == PRESENCE:
        return 1 if mine else 0
    if how == CHARACTERS:
        return covered((a.start, a.end) for a in mine)
    raise ValueError(f"measure is one of {', '.join(MEASURES)}, not {how!r}")


def chosen(items: Sequence[_C], ids: frozenset[str]) -> list[_C]:
    """The segments behind a documents × tags cell: those of *items* whose tag is one of *ids*,
    by start, end and id."""
    return sorted((a for a in items if a.tag_id in ids), key=lambda a: (a.start, a.end, a.id))
