"""Core: following annotations into a revised text (re-anchoring).

When a document's text is replaced by a revised one (a typo fixed, a paragraph
added, a sentence reworded), every annotation is placed again in the new text,
the way the Hypothesis client anchors a highlight, in this order:

1. **Through the diff.** The old and new texts are compared once, by lines and
   then, inside changed lines, by words (:class:`TextDiff`); a span whose first
   and last characters lie in unchanged stretches is translated to its new
   offsets and checked against its quote. Status ``"unchanged"`` when the
   offsets are the same, ``"moved"`` when they shifted. This is what makes
   10,000 annotations cheap: one bisection each. When the ends survived but
   the text between them changed, and it is nearly the same text in nearly the
   same context (:data:`SURE_FUZZY`: a typo fixed, lines re-wrapped), it is
   taken there at once as ``"fuzzy"``, without searching the whole text.
2. **The exact quote elsewhere** (a paragraph moved, a span across an edit that
   put the same words back): every occurrence is scored on how much of the
   stored prefix and suffix (32 code points each) still surrounds it, then on
   distance from the old place translated through the diff. The best one counts
   as ``"moved"`` when at least half of its context agrees (one whole side, say),
   or when the quote is distinctive (:data:`DISTINCTIVE_QUOTE` code points or
   more) and occurs exactly once.
3. **A fuzzy match** (a reworded sentence, a fixed typo in the span): candidate
   spans around the translated old place and around exact pieces of the quote
   or its context found elsewhere, scored as Hypothesis does, on quote
   similarity (weight 50), prefix and suffix agreement (20 each) and nearness
   to the expected place (2). The best candidate is taken, as ``"fuzzy"``, when
   its quote similarity is at least :data:`MIN_QUOTE_SIMILARITY` and its score
   at least :data:`MIN_FUZZY_SCORE`, or, for a quote of :data:`LONG_QUOTE` code
   points or more, when its similarity is at least :data:`LONG_QUOTE_SIMILARITY`
   whatever the context (a sentence moved and lightly reworded). A fuzzy
   placement always needs a person's review: it is never claimed to hold the
   old quote.
4. Otherwise ``"orphaned"``: no place in the new text. Orphans are kept by the
   caller with their old offsets, never silently put on wrong text.

So the status never overstates exactness: ``"unchanged"`` and ``"moved"``
mean ``new_text[start:end]`` is the old quote, exactly.

Where an annotation then *stands* (its :class:`AnchorState`: still awaiting a
person's review, orphaned, found again) depends on where it stood before as
well as on where it landed: :func:`transition` is that table, and
:func:`follow` places one annotation and applies it. A revision and an import
of a file made before a revision both go through :func:`follow`.
Placing a stored span in a text has one entry point here,
:meth:`Reanchorer.anchor` (an orphan's quote is searched for through it too);
:func:`annotator.core.selectors.anchor` is the exact placement of a selector
read from a file in that file's own text, which never guesses.

Similarities come from :class:`difflib.SequenceMatcher` (the standard library):
``ratio()`` of two unrelated English snippets is about 0.3 (0.4 for nine in
ten), of a sentence with one word changed about 0.9.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from difflib import SequenceMatcher
from typing import Final

from annotator.core.model import Annotation, moved_to_span
from annotator.core.selectors import common_prefix_length, common_suffix_length, find_occurrences

UNCHANGED: Final = "unchanged"
MOVED: Final = "moved"
FUZZY: Final = "fuzzy"
ORPHANED: Final = "orphaned"
#: Every status, in the order results are reported.
ANCHOR_STATUSES: Final = (UNCHANGED, MOVED, FUZZY, ORPHANED)

#: A fuzzy candidate's quote must be at least this similar (SequenceMatcher ratio) to the old quote.
MIN_QUOTE_SIMILARITY: Final = 0.6
#: ... and its weighted score (quote, prefix, suffix, position) at least this high.
MIN_FUZZY_SCORE: Final = 0.6
#: A quote this long that is at least LONG_QUOTE_SIMILARITY like a candidate is taken whatever its
#: score (a sentence moved and lightly reworded, all of whose context is new).
LONG_QUOTE: Final = 32
LONG_QUOTE_SIMILARITY: Final = 0.85
#: A span whose first and last characters are unchanged is placed between them without searching
#: elsewhere when both its quote similarity and its score reach this.
SURE_FUZZY: Final = 0.9
#: An exact quote found elsewhere counts as moved when this share of its context still agrees ...
MIN_MOVED_CONTEXT: Final = 0.5
#: ... or when it occurs once in the new text and is at least this long.
DISTINCTIVE_QUOTE: Final = 16

QUOTE_WEIGHT, PREFIX_WEIGHT, SUFFIX_WEIGHT, POSITION_WEIGHT = 50, 20, 20, 2
_TOTAL_WEIGHT = QUOTE_WEIGHT + PREFIX_WEIGHT + SUFFIX_WEIGHT + POSITION_WEIGHT
# A context ratio at or below this is what unrelated text scores; it counts as no agreement.
_CONTEXT_BASELINE = 0.4
# Occurrences scored per exact search; a quote more common than this (a single letter in a
# long text) is looked up with a piece of its context attached instead.
_MAX_OCCURRENCES = 1000
_SEED = 12  # length of the exact pieces of quote and context used to find fuzzy candidates
_MAX_WINDOWS = 6
# Changed stretches up to this many code points are diffed word by word; larger ones (a text
# re-wrapped or reformatted throughout) sentence by sentence first, and parts still larger
# than _COARSE_DIFF_LIMIT are left unmapped (their annotations are searched for instead).
_FINE_DIFF_LIMIT = 20_000
_COARSE_DIFF_LIMIT = 200_000
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
# The pieces texts are diffed in, coarse to fine. Whitespace is left out of every piece (it is
# compared where it lies between two unchanged pieces), so re-wrapped lines or changed spacing
# change no piece, and difflib, which splits on the earliest of equally long matches, never
# meets thousands of identical blank lines or spaces (which would make it quadratic).
_LINE = re.compile(r"\S[^\n]*")
_SENTENCE = re.compile(r"[^\s.!?][^.!?\n]*[.!?]*|[.!?]+")
_WORD = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Anchor:
    """Core: where an annotation landed in a new text. ``start``/``end`` are None for orphans.

    ``score`` is 1.0 for exact placements, the weighted fuzzy score for fuzzy
    ones (a hint for the person reviewing them) and 0.0 for orphans.
    """

    status: str
    start: int | None = None
    end: int | None = None
    score: float = 0.0

    @property
    def placed(self) -> bool:
        """True unless the annotation is an orphan."""
        return self.start is not None


@dataclass(frozen=True, slots=True)
class AnchorState:
    """Core: how an annotation stands after the revisions of its document.

    ``status`` is one of :data:`ANCHOR_STATUSES` (``"unchanged"`` for an
    annotation never re-anchored). For ``"fuzzy"`` and ``"orphaned"``
    annotations, ``version_id``/``start``/``end`` say where a person last placed
    it: offsets into the text of that :class:`DocumentVersion`. An orphan's own
    start, end and quote point there too.
    """

    status: str = UNCHANGED
    version_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True, slots=True)
class DocumentVersion:
    """Core: a previous text of a document, kept when a revision replaced it.

    ``version`` counts from 1 (the text as first imported); ``created`` is when
    the revision replaced it and ``note`` what that revision's author said.
    """

    id: str
    document_id: str
    version: int
    text: str
    sha256: str
    created: datetime
    note: str


@dataclass(frozen=True, slots=True)
class Orphan:
    """Core: an annotation a revision left without a place in the current text.

    Its ``annotation``'s start, end and quote point into ``version``'s text, not
    into the document's current text: it is never handed out as a plain
    :class:`Annotation`, so no reader can take it for a placed one.
    """

    annotation: Annotation
    version: DocumentVersion


class TextDiff:
    """Core: the unchanged stretches between an old and a new text, to translate offsets.

    Built once per revision: lines are compared with :class:`SequenceMatcher`,
    and each block of changed lines again word by word (sentence by sentence
    first when it is large), so an edit inside a long paragraph (plain-text files
    often hold a paragraph per line) leaves the rest of the paragraph mappable.
    """

    def __init__(self, old: str, new: str) -> None:
        self.old = old
        self.new = new
        blocks: list[tuple[int, int, int]] = []  # (old start, new start, length), in text order
        _diff(old, new, 0, len(old), 0, len(new), _LINE, blocks, _changed_lines)
        self._blocks = blocks
        self._starts = [b[0] for b in blocks]

    def _block_at(self, pos: int) -> tuple[int, int, int] | None:
        i = bisect_right(self._starts, pos) - 1
        if i >= 0:
            block = self._blocks[i]
            if pos < block[0] + block[2]:
                return block
        return None

    def map_position(self, pos: int) -> int | None:
        """The new offset of old offset *pos*, if that character is unchanged."""
        block = self._block_at(pos)
        return None if block is None else block[1] + pos - block[0]

    def map_span(self, start: int, end: int) -> tuple[int | None, int | None]:
        """New offsets of the span's first and (exclusive) last character, where unchanged."""
        first = self.map_position(start)
        last = self.map_position(end - 1)
        return first, None if last is None else last + 1

    def hint(self, pos: int) -> int:
        """Where old offset *pos* is expected in the new text (a best guess where it changed)."""
        i = bisect_right(self._starts, pos) - 1
        if i < 0:
            return min(pos, len(self.new))
        a, b, n = self._blocks[i]
        return min(b + min(pos - a, n), len(self.new))


class Reanchorer:
    """Core: places annotations of an old text in a new one. Build once, call per annotation."""

    def __init__(self, old_text: str, new_text: str) -> None:
        self.old = old_text
        self.new = new_text
        self.diff = TextDiff(old_text, new_text)

    def anchor(
        self, start: int, end: int, quote: str, prefix: str = "", suffix: str = "", *, orphan: bool = False
    ) -> Anchor:
        """Place the annotation ``old_text[start:end] == quote`` in the new text.

        If the offsets do not hold the quote in the old text (they point into
        some older version, as an orphan's do) the quote is searched for instead;
        with *orphan* it is searched for at once (near *start*), the offsets never
        mapped through the diff even if they happen to hold the quote there.
        """
        if not quote:
            return Anchor(ORPHANED)
        new = self.new
        boundary: tuple[int, int] | None = None
        if not orphan and 0 <= start < end <= len(self.old) and self.old[start:end] == quote:
            first, last = self.diff.map_span(start, end)
            if first is not None and last is not None and first < last:
                if new[first:last] == quote:
                    return Anchor(UNCHANGED if (first, last) == (start, end) else MOVED, first, last, 1.0)
                # Both ends survived and the middle changed (a typo fixed, spacing re-wrapped):
                # taken at once when nearly the same text in nearly the same context, since
                # searching a long text for each of thousands of such spans is what costs.
                boundary = (first, last)
                near = max(64, last - first)
                if new.find(quote, max(0, first - near), last + near) == -1:  # no exact copy nearby
                    scored = self._score(quote, prefix, suffix, first, last, first, SURE_FUZZY)
                    if scored is not None and scored[0] >= SURE_FUZZY and scored[1] >= SURE_FUZZY:
                        return Anchor(FUZZY, first, last, round(scored[0], 4))
            hint = self.diff.hint(start)
        else:
            hint = min(max(start, 0), len(new))
        return self._find(quote, prefix, suffix, hint=hint, candidates=[boundary] if boundary else ())

    def _find(
        self,
        quote: str,
        prefix: str = "",
        suffix: str = "",
        *,
        hint: int = 0,
        candidates: Iterable[tuple[int, int]] = (),
    ) -> Anchor:
        """Search the new text for *quote* (exactly, then fuzzily) near offset *hint*."""
        if not quote:
            return Anchor(ORPHANED)
        exact = self._exact(quote, prefix, suffix, hint)
        if exact is not None:
            return exact
        return self._fuzzy(quote, prefix, suffix, hint, list(candidates))

    # -- exact quote elsewhere -------------------------------------------------------------

    def _occurrences(self, quote: str, prefix: str, suffix: str) -> list[int]:
        found = find_occurrences(self.new, quote, _MAX_OCCURRENCES + 1)
        if len(found) <= _MAX_OCCURRENCES:
            return found
        # Too common to score every occurrence: only those with some of their context attached.
        head, tail = prefix[-8:], suffix[:8]
        narrowed = (
            {p + len(head) for p in find_occurrences(self.new, head + quote, _MAX_OCCURRENCES)} if head else set()
        )
        if tail:
            narrowed.update(find_occurrences(self.new, quote + tail, _MAX_OCCURRENCES))
        return sorted(narrowed)

    def _context(self, pos: int, end: int, prefix: str, suffix: str) -> float:
        """How much of the stored context surrounds ``new[pos:end]``, 0..1 (mean of both sides)."""
        new = self.new
        if prefix:
            before = common_suffix_length(new[max(0, pos - len(prefix)) : pos], prefix) / len(prefix)
        else:
            before = 1.0 if pos == 0 else 0.0
        if suffix:
            after = common_prefix_length(new[end : end + len(suffix)], suffix) / len(suffix)
        else:
            after = 1.0 if end == len(new) else 0.0
        return (before + after) / 2

    def _exact(self, quote: str, prefix: str, suffix: str, hint: int) -> Anchor | None:
        found = self._occurrences(quote, prefix, suffix)
        if not found:
            return None
        size = len(quote)
        best = max(found, key=lambda p: (self._context(p, p + size, prefix, suffix), -abs(p - hint)))
        context = self._context(best, best + size, prefix, suffix)
        if context >= MIN_MOVED_CONTEXT or (len(found) == 1 and size >= DISTINCTIVE_QUOTE):
            return Anchor(MOVED, best, best + size, 1.0)
        return None  # the fuzzy stage weighs it against the alternatives

    # -- fuzzy match ----------------------------------------------------------------------

    def _windows(self, quote: str, prefix: str, suffix: str, hint: int) -> list[tuple[int, int]]:
        """Stretches of the new text where the (changed) quote may be."""
        new, size = self.new, len(quote)
        slack = max(64, size // 2)
        expected = [hint]
        # Exact pieces of the context and the quote, each with where the quote starts relative to it.
        seeds: list[tuple[str, int]] = []
        if len(prefix) >= _SEED:
            seeds.append((prefix[-_SEED:], _SEED))
        if len(suffix) >= _SEED:
            seeds.append((suffix[:_SEED], -size))
        if size >= 2 * _SEED:
            for at in (0, size // 2 - _SEED // 2, size - _SEED):
                seeds.append((quote[at : at + _SEED], -at))
        for piece, shift in seeds:
            hits = find_occurrences(new, piece, 50)
            hits.sort(key=lambda p: abs(p + shift - hint))
            expected.extend(p + shift for p in hits[:2])
        spans = sorted((max(0, e - slack), min(len(new), e + size + slack)) for e in expected)
        merged: list[tuple[int, int]] = []
        for lo, hi in spans:
            if merged and lo <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(hi, merged[-1][1]))
            elif lo < hi:
                merged.append((lo, hi))
        merged.sort(key=lambda w: min(abs(w[0] - hint), abs(w[1] - hint)))
        return merged[:_MAX_WINDOWS]

    def _candidates(self, quote: str, prefix: str, suffix: str, lo: int, hi: int) -> set[tuple[int, int]]:
        """Spans in ``new[lo:hi]`` that may be the quote, by word alignment and by context."""
        new, size = self.new, len(quote)
        found: set[tuple[int, int]] = set()
        q_tokens = _TOKEN.findall(quote)
        w_tokens = _TOKEN.findall(new, lo, hi)
        q_at, w_at = _line_starts(q_tokens), _line_starts(w_tokens)
        matcher = SequenceMatcher(None, q_tokens, w_tokens, autojunk=False)
        # (quote offset, window offset, length) in code points, for matches of some substance
        blocks = [
            (q_at[i], lo + w_at[j], q_at[i + n] - q_at[i])
            for i, j, n in matcher.get_matching_blocks()
            if n and (q_at[i + n] - q_at[i] >= min(3, size))
        ]
        if blocks:
            # The biggest matching block and its neighbours that keep roughly the quote's spacing.
            at = max(range(len(blocks)), key=lambda i: blocks[i][2])
            first = last = at
            while first > 0 and _close(blocks[first - 1], blocks[first]):
                first -= 1
            while last < len(blocks) - 1 and _close(blocks[last], blocks[last + 1]):
                last += 1
            qa, wa, _ = blocks[first]
            qb, wb, nb = blocks[last]
            starts = {wa, max(lo, wa - qa)}
            ends = {wb + nb, min(hi, wb + nb + size - qb - nb)}
            found.update((s, e) for s in starts for e in ends if s < e)
        head, tail = prefix[-_SEED:], suffix[:_SEED]
        if head:
            for p in find_occurrences(new[lo:hi], head, 5):
                s = lo + p + len(head)
                e = new.find(tail, s, min(len(new), s + 2 * size + 64)) if tail else -1
                if e > s:
                    found.add((s, e))
                found.add((s, min(len(new), s + size)))
        return found

    def _score(
        self, quote: str, prefix: str, suffix: str, start: int, end: int, hint: int, to_beat: float
    ) -> tuple[float, float] | None:
        """(weighted score, quote similarity) of ``new[start:end]`` as the place of the quote.

        None when it cannot reach *to_beat*, which is checked before the costly similarity.
        """
        new = self.new
        before = _context_similarity(prefix, new[max(0, start - len(prefix)) : start], start == 0)
        after = _context_similarity(suffix, new[end : end + len(suffix)], end == len(new))
        nearness = 1 - min(1.0, abs(start - hint) / max(1, len(new)))
        rest = PREFIX_WEIGHT * before + SUFFIX_WEIGHT * after + POSITION_WEIGHT * nearness
        if (QUOTE_WEIGHT + rest) / _TOTAL_WEIGHT < to_beat:
            return None
        similarity = _similarity(quote, new[start:end])
        return (QUOTE_WEIGHT * similarity + rest) / _TOTAL_WEIGHT, similarity

    def _fuzzy(self, quote: str, prefix: str, suffix: str, hint: int, extra: Sequence[tuple[int, int]]) -> Anchor:
        new = self.new
        candidates: set[tuple[int, int]] = set(extra)
        for lo, hi in self._windows(quote, prefix, suffix, hint):
            candidates |= self._candidates(quote, prefix, suffix, lo, hi)
        trimmed = {_trim(new, s, e, quote) for s, e in candidates}
        long_quote = len(quote) >= LONG_QUOTE
        floor = 0.0 if long_quote else MIN_FUZZY_SCORE  # what a candidate must be able to reach
        best: tuple[float, int, int] | None = None
        # Nearest first, so that of equal scores the nearest is kept.
        for s, e in sorted(trimmed, key=lambda span: (abs(span[0] - hint), span)):
            if not (0 <= s < e <= len(new)):
                continue
            if SequenceMatcher(None, quote, new[s:e]).real_quick_ratio() < MIN_QUOTE_SIMILARITY:
                continue  # the lengths alone rule it out
            scored = self._score(quote, prefix, suffix, s, e, hint, best[0] if best else floor)
            if scored is None:
                continue
            score, similarity = scored
            good = score >= MIN_FUZZY_SCORE or (long_quote and similarity >= LONG_QUOTE_SIMILARITY)
            if similarity >= MIN_QUOTE_SIMILARITY and good and (best is None or score > best[0]):
                best = (score, s, e)
        if best is None:
            return Anchor(ORPHANED)
        return Anchor(FUZZY, best[1], best[2], round(best[0], 4))


# -- anchor states: where an annotation stands after a revision -----------------------------

#: Where :func:`transition` puts an annotation: on the span found in the new text, back on the
#: span a person last placed it on (in that version's text), or where it is (its offsets unchanged).
FOUND: Final = "found"
LAST_PLACED: Final = "last placed"
KEPT: Final = "kept"


def transition(state: AnchorState, found: str, version_id: str, start: int, end: int) -> tuple[AnchorState, str]:
    """The anchor-state transitions table: an annotation standing at *state*, whose span a
    revision found with status *found*, stands where afterwards, and which span does it take?

    *version_id* is the version the revision just made of the replaced text, and *start*,
    *end* the annotation's offsets before the revision (into that text, unless it was an
    orphan already). Returns the new state and :data:`FOUND`, :data:`LAST_PLACED` or
    :data:`KEPT`. Pure: the caller cuts quotes from texts.

    ============  =======================  ==================================  ===========
    before        found                    after                               span
    ============  =======================  ==================================  ===========
    unch./moved   unchanged or moved       as found                            found
    fuzzy         unchanged or moved       fuzzy, as it was (nobody checked)   found
    orphaned      unchanged or moved       moved (found again, exactly)        found
    unch./moved   fuzzy                    fuzzy, placed here in *version_id*  found
    fuzzy/orph.   fuzzy                    fuzzy, where a person placed it     found
    unch./moved   orphaned                 orphaned in *version_id*            kept
    fuzzy         orphaned                 orphaned where a person placed it   last placed
    orphaned      orphaned                 as it was                           kept
    ============  =======================  ==================================  ===========
    """
    if found in (UNCHANGED, MOVED):
        if state.status == FUZZY:
            return state, FOUND  # still awaiting review: an exact move of a span nobody checked proves nothing
        if state.status == ORPHANED:
            return AnchorState(MOVED), FOUND
        return AnchorState(found), FOUND
    if found == FUZZY:
        if state.status in (FUZZY, ORPHANED):  # keep where a person had placed it
            return AnchorState(FUZZY, state.version_id, state.start, state.end), FOUND
        return AnchorState(FUZZY, version_id, start, end), FOUND
    if state.status == ORPHANED:
        return state, KEPT
    if state.status == FUZZY:
        # Back to where a person had placed it, in the version that text came from.
        return AnchorState(ORPHANED, state.version_id, state.start, state.end), LAST_PLACED
    # Its offsets and quote already point into the text just replaced.
    return AnchorState(ORPHANED, version_id, start, end), KEPT


def follow(
    annotation: Annotation,
    state: AnchorState,
    reanchorer: Reanchorer,
    version_id: str,
    *,
    now: datetime,
    text_of: Callable[[str], str],
) -> tuple[Annotation, AnchorState]:
    """*annotation* (standing at *state*) and its anchor state after a revision to ``reanchorer.new``.

    *version_id* is the version that keeps the replaced text (``reanchorer.old``);
    *text_of(version_id)* gives an older version's text, asked for only when a
    fuzzy annotation falls back to where a person placed it. A moved annotation
    is modified at *now*; one that nothing moved is returned as it was (its
    modified time too). An orphan's offsets point into an older text, so it is
    searched for, never mapped (see :meth:`Reanchorer.anchor`).
    """
    a = annotation
    found = reanchorer.anchor(
        a.start, a.end, a.quote, a.prefix, a.suffix, orphan=state.status == ORPHANED
    )  # fmt: skip
    after_state, span = transition(state, found.status, version_id, a.start, a.end)
    if span == FOUND:
        assert found.start is not None and found.end is not None
        after = moved_to_span(a, reanchorer.new, found.start, found.end, modified=now)
    elif span == LAST_PLACED:
        assert state.version_id is not None and state.start is not None and state.end is not None
        after = moved_to_span(a, text_of(state.version_id), state.start, state.end, modified=now)
    else:
        after = replace(a, modified=now)
    if (after.start, after.end, after.quote, after.prefix, after.suffix, after_state) == (
        a.start, a.end, a.quote, a.prefix, a.suffix, state,
    ):  # fmt: skip
        return annotation, state  # nothing moved: keep its modified time too
    return after, after_state


# -- helpers --------------------------------------------------------------------------------


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts


def _append(blocks: list[tuple[int, int, int]], a: int, b: int, n: int) -> None:
    """Add an unchanged stretch, joining it to the previous one when they touch in both texts."""
    if n <= 0:
        return
    if blocks:
        pa, pb, pn = blocks[-1]
        if pa + pn == a and pb + pn == b:
            blocks[-1] = (pa, pb, pn + n)
            return
    blocks.append((a, b, n))


Refine = Callable[[str, str, int, int, int, int, list[tuple[int, int, int]]], None]


def _diff(
    old: str,
    new: str,
    a_lo: int,
    a_hi: int,
    b_lo: int,
    b_hi: int,
    pieces: re.Pattern[str],
    blocks: list[tuple[int, int, int]],
    refine: Refine | None,
    autojunk: bool = True,
) -> None:
    """Add to *blocks* the unchanged stretches between ``old[a_lo:a_hi]`` and ``new[b_lo:b_hi]``
    cut into *pieces*; *refine* looks inside each run of replaced pieces."""
    a_found = [(m.start(), m.end()) for m in pieces.finditer(old, a_lo, a_hi)]
    b_found = [(m.start(), m.end()) for m in pieces.finditer(new, b_lo, b_hi)]
    a_text = [old[i:j] for i, j in a_found]
    b_text = [new[i:j] for i, j in b_found]
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a_text, b_text, autojunk=autojunk).get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                (a, a_end), (b, _) = a_found[i1 + k], b_found[j1 + k]
                _append(blocks, a, b, a_end - a)
                if k + 1 < i2 - i1:  # the whitespace up to the next piece, where it is the same
                    gap_a, gap_b = (
                        old[a_end : a_found[i1 + k + 1][0]],
                        new[b + a_end - a : b_found[j1 + k + 1][0]],
                    )
                    if gap_a == gap_b:
                        _append(blocks, a_end, b + a_end - a, len(gap_a))
        elif tag == "replace" and refine is not None:
            refine(
                old,
                new,
                a_found[i1][0],
                a_found[i2 - 1][1],
                b_found[j1][0],
                b_found[j2 - 1][1],
                blocks,
            )


def _changed_lines(
    old: str,
    new: str,
    a_lo: int,
    a_hi: int,
    b_lo: int,
    b_hi: int,
    blocks: list[tuple[int, int, int]],
) -> None:
    """Unchanged stretches inside a run of changed lines: the common beginning and end as they
    are (most edits are local), then what lies between, word by word or sentence by sentence."""
    head = common_prefix_length(old[a_lo:a_hi], new[b_lo:b_hi])
    tail = common_prefix_length(old[a_lo + head : a_hi][::-1], new[b_lo + head : b_hi][::-1])
    _append(blocks, a_lo, b_lo, head)
    a_mid, b_mid = (a_lo + head, a_hi - tail), (b_lo + head, b_hi - tail)
    if a_mid[1] - a_mid[0] <= _FINE_DIFF_LIMIT and b_mid[1] - b_mid[0] <= _FINE_DIFF_LIMIT:
        _diff(old, new, *a_mid, *b_mid, _WORD, blocks, None, autojunk=False)
    else:
        _diff(old, new, *a_mid, *b_mid, _SENTENCE, blocks, _changed_sentences)
    _append(blocks, a_hi - tail, b_hi - tail, tail)


def _changed_sentences(
    old: str,
    new: str,
    a_lo: int,
    a_hi: int,
    b_lo: int,
    b_hi: int,
    blocks: list[tuple[int, int, int]],
) -> None:
    # Every word is considered (no autojunk) where that is affordable: the alignment is better.
    fine = a_hi - a_lo <= _FINE_DIFF_LIMIT and b_hi - b_lo <= _FINE_DIFF_LIMIT
    if fine or (a_hi - a_lo <= _COARSE_DIFF_LIMIT and b_hi - b_lo <= _COARSE_DIFF_LIMIT):
        _diff(old, new, a_lo, a_hi, b_lo, b_hi, _WORD, blocks, None, autojunk=not fine)


def _similarity(a: str, b: str) -> float:
    """SequenceMatcher's ratio, character by character (word by word for long spans: a typo
    still costs little there, and characters would take milliseconds)."""
    if len(a) > 300 or len(b) > 300:
        return SequenceMatcher(None, _TOKEN.findall(a), _TOKEN.findall(b)).ratio()
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _context_similarity(stored: str, actual: str, at_text_edge: bool) -> float:
    """Agreement of a stored prefix or suffix with the text now beside a candidate, 0..1.

    Rescaled so unrelated text (ratio ~0.3) scores 0 and identical text 1. An
    empty stored context means the span touched the start or end of the text.
    """
    if not stored:
        return 1.0 if at_text_edge else 0.0
    ratio = SequenceMatcher(None, stored, actual, autojunk=False).ratio()
    return max(0.0, (ratio - _CONTEXT_BASELINE) / (1 - _CONTEXT_BASELINE))


def _close(left: tuple[int, int, int], right: tuple[int, int, int]) -> bool:
    """Two matching blocks (quote offset, text offset, length) belong to one placement:
    the gap between them in the text is not much bigger than in the quote."""
    gap_quote = right[0] - (left[0] + left[2])
    gap_text = right[1] - (left[1] + left[2])
    return gap_text <= 2 * gap_quote + 16


def _trim(text: str, start: int, end: int, quote: str) -> tuple[int, int]:
    """Drop whitespace at a candidate's ends, unless the quote itself has it there."""
    if not quote[:1].isspace():
        while start < end and text[start].isspace():
            start += 1
    if not quote[-1:].isspace():
        while end > start and text[end - 1].isspace():
            end -= 1
    return start, end
