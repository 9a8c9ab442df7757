"""Core: where coders differ, as stretches of a text a person can read and settle one by one.

The comparison is that of the character-level agreement (:mod:`annotator.core.agreement`), as
NVivo's coding comparison reads a source: every code point counts, and a code point is coded
with a tag by a coder when one of that coder's annotations with that tag covers it. Tags are
compared as they are (a child tag is not its parent), since settling a disagreement copies
annotations with their own tags.

**Pieces.** The boundaries of every annotation cut the text into pieces; over a piece each
coder's set of tags is constant. A tag is *disputed* on a piece when some coders gave it there
and others did not (the union of the coders' sets less their intersection). Identical codings
dispute nothing.

**Stretches.** The annotations *involved* in a disagreement are those covering a piece with a
tag disputed there. A stretch is the extent of involved annotations that overlap one another
(transitively), merged into one run: ``[start, end)`` from the first start to the last end. So
where ada tagged 0–10 and bo 5–15 with "claim", the stretch is 0–15 (ada: 0–10, bo: 5–15), one
disagreement about where the claim begins and ends, as MAXQDA's segment comparison would show
it, not two slivers of five characters; and a long passage both coded alike is not pulled in
by a word only one of them tagged inside it. Annotations that merely touch (one ends where
the next starts) are separate stretches.

Each stretch says which tags are disputed in it (:attr:`Stretch.tags`), how many of its code
points are in dispute (:attr:`Stretch.disputed`), and, per coder, *who coded what*: that
coder's annotations with one of those tags that overlap the stretch (whole annotations, which
may reach beyond it). Stretches come largest first (then in text order).

Offsets are code points into the stored text, end-exclusive.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from annotator.core.spans import Span, SpanIndex


@dataclass(frozen=True, slots=True)
class Coded:
    """Core: one annotation as the comparison reads it: its id, tag and extent."""

    annotation_id: str
    tag: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Stretch:
    """Core: one stretch where the coders differ (see the module): ``[start, end)``, the code points
    in dispute in it, the disputed tags (sorted), and per coder (in the coders' order) their
    annotations with those tags overlapping it, in text order."""

    start: int
    end: int
    disputed: int
    tags: tuple[str, ...]
    coded: tuple[tuple[Coded, ...], ...]

    @property
    def length(self) -> int:
        return self.end - self.start


def stretches(codings: Sequence[Sequence[Coded]]) -> list[Stretch]:
    """The stretches where *codings* (one list of annotations per coder, two or more) differ,
    largest first, then in text order."""
    pieces = _disputed_pieces(codings)
    involved = sorted({(a.start, a.end, a.annotation_id) for _, _, _, chosen in pieces for a in chosen})
    runs: list[list[int]] = []
    for start, end, _ in involved:
        if runs and start < runs[-1][1]:
            runs[-1][1] = max(runs[-1][1], end)
        else:
            runs.append([start, end])
    starts = [r[0] for r in runs]
    tags: list[set[str]] = [set() for _ in runs]
    disputed = [0] * len(runs)
    for a, b, found_tags, _ in pieces:
        k = bisect_right(starts, a) - 1
        tags[k] |= found_tags
        disputed[k] += b - a
    indexes = [SpanIndex([Span(c.start, c.end, c.tag, c.annotation_id) for c in mine]) for mine in codings]
    by_id = {c.annotation_id: c for mine in codings for c in mine}
    made = []
    for k, (start, end) in enumerate(runs):
        coded = tuple(
            tuple(by_id[s.annotation_id] for s in index.overlapping(start, end) if s.tag_id in tags[k])
            for index in indexes
        )
        made.append(Stretch(start, end, disputed[k], tuple(sorted(tags[k])), coded))
    made.sort(key=lambda s: (-s.length, s.start))
    return made


def _disputed_pieces(codings: Sequence[Sequence[Coded]]) -> list[tuple[int, int, set[str], list[Coded]]]:
    """The pieces (see the module) with a disputed tag: (start, end, disputed tags, the annotations
    involved), in text order. A sweep over the sorted boundaries, as the agreement's tally."""
    events: list[tuple[int, int, int, Coded]] = []
    for coder, mine in enumerate(codings):
        for c in mine:
            if c.start < c.end:
                events.append((c.start, 1, coder, c))
                events.append((c.end, -1, coder, c))
    events.sort(key=lambda e: e[0])
    active: list[dict[str, dict[str, Coded]]] = [{} for _ in codings]
    pieces: list[tuple[int, int, set[str], list[Coded]]] = []
    position = 0
    i = 0
    while i < len(events):
        at = events[i][0]
        if at > position:
            piece = _piece(active, position, at)
            if piece is not None:
                pieces.append(piece)
            position = at
        while i < len(events) and events[i][0] == at:
            _, step, coder, c = events[i]
            by_tag = active[coder]
            if step > 0:
                by_tag.setdefault(c.tag, {})[c.annotation_id] = c
            else:
                by_tag[c.tag].pop(c.annotation_id, None)
                if not by_tag[c.tag]:
                    del by_tag[c.tag]
            i += 1
    return pieces


def _piece(
    active: Sequence[dict[str, dict[str, Coded]]], start: int, end: int
) -> tuple[int, int, set[str], list[Coded]] | None:
    sets = [set(by_tag) for by_tag in active]
    disputed = set[str]().union(*sets) - sets[0].intersection(*sets[1:])
    if not disputed:
        return None
    involved = [c for by_tag in active for tag in disputed for c in by_tag.get(tag, {}).values()]
    return start, end, disputed, involved
