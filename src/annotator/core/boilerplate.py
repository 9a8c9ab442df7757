"""Core: finding web-site furniture in pasted or scraped articles, and trimming it recoverably.

An article copied from a web page often ends with the site around it: "Related
articles", "Editor's choice", "Popular", newsletter boxes, the same teaser
twice. :func:`find_boilerplate` proposes cuts, it never trims: the GUI and the
CLI show the proposal and the user decides. :func:`apply_cuts` trims and
returns a record of what went (original offsets and text), kept in the
document's metadata under ``"trimmed"``, which is enough to give back the
original exactly (the tests prove it), and :func:`map_offset` carries offsets
(a PDF's page starts, say) over to the trimmed text.

Two kinds of cut, both whole lines, in code points:

- ``"tail"``: from a line that is a known furniture heading to the end, when
  what follows looks like furniture (headlines and teasers, never two
  paragraphs of prose in a row) and real prose comes before it. An article
  that merely mentions "related", or has a section called "Comments" with
  paragraphs under it, is not cut.
- ``"repeat"``: a paragraph (or a long line) of at least :data:`MIN_REPEAT`
  characters that already occurred earlier; the first copy is kept.

Blank lines go with a cut so that the trimmed text has no pile-up of blank
lines where something was removed, nor trailing blank lines after a cut tail.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from annotator.core.i18n import QT_TRANSLATE_NOOP, Translate, english

#: Shortest paragraph (in code points, whitespace collapsed) whose repetition is cut.
MIN_REPEAT = 80
#: A block at least this long that contains a sentence end counts as prose.
PROSE_MIN = 80
#: Longest line that can be a furniture heading.
HEADING_MAX = 60

#: Headings that start the furniture after an article (compared case-insensitively,
#: without surrounding punctuation such as "#", ":" or "»").
FURNITURE_HEADINGS = frozenset(
    {
        "related", "related articles", "related stories", "related posts", "related content",
        "related news", "related reading", "related coverage", "related topics", "related links",
        "related video", "related videos", "read more", "read next", "read also", "also read",
        "you may also like", "you might also like", "you may be interested in",
        "you might be interested in", "recommended", "recommended for you",
        "recommended articles", "recommended stories", "more stories", "more news",
        "more articles", "editor's choice", "editors' choice", "editors choice",
        "editor's picks", "editors' picks", "popular", "most popular", "popular now",
        "popular articles", "popular stories", "most read", "most viewed", "most shared",
        "trending", "trending now", "top stories", "latest", "latest news", "latest stories",
        "share", "share this", "share this article", "share this story", "share this page",
        "share on", "newsletter", "sign up for our newsletter", "subscribe to our newsletter",
        "subscribe", "comments", "comment", "leave a comment", "leave a reply",
        "join the conversation", "add a comment", "tags", "topics", "advertisement", "sponsored",
        "sponsored content", "follow us", "in other news",
    }
)  # fmt: skip
#: Headings that start with these words ("More from The Guardian") are furniture too.
FURNITURE_PREFIXES = (
    "more from ",
    "more in ",
    "more on ",
    "more stories from ",
    "also on ",
    "other stories in ",
)
_COUNTED = re.compile(r"^\d+\s+(?:comments?|responses?|replies|reactions)$")
_DECORATION = " \t\u00a0#*=_-–—>•·|»«›‹→←:：.…"
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*(?:\s|$)")


#: Why a part would be cut (:attr:`Cut.why`), filled with the cut's values.
TAIL = QT_TRANSLATE_NOOP("core.boilerplate", 'site furniture from "{heading}" to the end')
REPEATED_PARAGRAPH = QT_TRANSLATE_NOOP("core.boilerplate", "repeats the paragraph at line {line}")
REPEATED_LINE = QT_TRANSLATE_NOOP("core.boilerplate", "repeats the line at line {line}")


@dataclass(frozen=True, slots=True)
class Cut:
    """Core: a proposed cut, ``text[start:end]`` in code points (whole lines).

    ``kind`` is ``"tail"`` (site furniture to the end) or ``"repeat"`` (a
    paragraph seen before); ``why`` says why, for people: a template (:data:`TAIL`,
    :data:`REPEATED_PARAGRAPH`, :data:`REPEATED_LINE`: the window translates it) filled with ``values``.
    """

    start: int
    end: int
    why: str
    kind: str
    values: tuple[tuple[str, str | int], ...] = ()

    @property
    def reason(self) -> str:
        """Why, in English (the command line, the record of what was removed)."""
        return self.described()

    def described(self, translate: Translate = english) -> str:
        """Why, in *translate*'s language."""
        return translate("core.boilerplate", self.why).format(**dict(self.values))


@dataclass(frozen=True, slots=True)
class _Line:
    start: int  # offset of the first character
    end: int  # offset just after the line's "\n" (or the end of the text)
    text: str  # without the "\n"

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(frozen=True, slots=True)
class _Unit:
    """Lines first..last (indices) to remove, with why."""

    first: int
    last: int
    why: str
    kind: str
    values: tuple[tuple[str, str | int], ...] = ()


def _split_lines(text: str) -> list[_Line]:
    lines, start = [], 0
    for part in text.split("\n"):
        end = min(start + len(part) + 1, len(text))
        lines.append(_Line(start, end, part))
        start = end
    if lines and lines[-1].start == len(text) and len(lines) > 1:
        lines.pop()  # the empty "line" after a final newline
    return lines


def _blocks(lines: list[_Line], first: int, stop: int) -> list[tuple[int, int]]:
    """Runs of non-blank lines between indices *first* and *stop* (exclusive), as (first, last)."""
    blocks, begin = [], None
    for i in range(first, stop):
        if lines[i].blank:
            if begin is not None:
                blocks.append((begin, i - 1))
                begin = None
        elif begin is None:
            begin = i
    if begin is not None:
        blocks.append((begin, stop - 1))
    return blocks


def _collapsed(text: str) -> str:
    return " ".join(text.split())


def _is_prose(text: str) -> bool:
    """Article prose: long enough and made of sentences (headlines rarely end with a full stop)."""
    text = _collapsed(text)
    return len(text) >= PROSE_MIN and _SENTENCE_END.search(text) is not None


def heading_key(line: str) -> str:
    """A line as compared with :data:`FURNITURE_HEADINGS`: lower case, undecorated."""
    key = line.strip().strip(_DECORATION).replace("’", "'").replace("‘", "'").casefold()
    return " ".join(key.split())


def is_furniture_heading(line: str) -> bool:
    """Whether a whole line is a furniture heading ("Related articles", "More from X")."""
    if len(line.strip()) > HEADING_MAX:
        return False
    key = heading_key(line)
    if not key:
        return False
    return key in FURNITURE_HEADINGS or key.startswith(FURNITURE_PREFIXES) or _COUNTED.match(key) is not None


def _joined(lines: list[_Line], first: int, last: int) -> str:
    return "\n".join(lines[i].text for i in range(first, last + 1))


class _ProseAfter:
    """Core: for each unit index k, how much prose there is from k on (suffix sums, built once)."""

    def __init__(self, prose: list[bool]) -> None:
        self.prose = prose
        self.count = [0] * (len(prose) + 1)  # prose units among units[k:]
        self.pair = [False] * (len(prose) + 1)  # two prose units in a row among units[k:]
        for k in range(len(prose) - 1, -1, -1):
            self.count[k] = self.count[k + 1] + prose[k]
            self.pair[k] = self.pair[k + 1] or (prose[k] and k + 1 < len(prose) and prose[k + 1])

    def furniture(self, start: int, lead: bool | None) -> bool:
        """Whether units[start:] (after a heading) look like furniture.

        Furniture has no two prose units in a row and no more prose than other
        units: headlines alternate with teasers. *lead* is whether the rest of
        the heading's own paragraph is prose (None when the heading is alone).
        """
        follows = start < len(self.prose) and self.prose[start]
        pair = self.pair[start] or bool(lead and follows)
        units = len(self.prose) - start + (lead is not None)
        prose = self.count[start] + bool(lead)
        return not pair and prose <= units - prose


def _find_tail(lines: list[_Line]) -> _Unit | None:
    """The furniture tail: the first heading line after some prose whose rest looks like furniture.

    Paragraphs are the units judged (so hard-wrapped prose counts as prose);
    in a text with no blank lines at all, as some extractors write, lines are.
    """
    by_line = not any(line.blank for line in lines)
    units = [(i, i) for i in range(len(lines))] if by_line else _blocks(lines, 0, len(lines))
    prose = [_is_prose(_joined(lines, first, last)) for first, last in units]
    if not any(prose):
        return None
    after = _ProseAfter(prose)
    for u in range(prose.index(True) + 1, len(units)):
        first, last = units[u]
        # A heading stands on its own: it is the first line of its paragraph.
        if not is_furniture_heading(lines[first].text):
            continue
        lead = _is_prose(_joined(lines, first + 1, last)) if last > first else None
        if after.furniture(u + 1, lead):
            heading = lines[first].text.strip()
            return _Unit(first, len(lines) - 1, TAIL, "tail", (("heading", heading),))
    return None


def _find_repeats(lines: list[_Line], stop: int) -> list[_Unit]:
    """Paragraphs, and long lines inside paragraphs, repeating earlier ones (before line *stop*)."""
    first_seen: dict[str, int] = {}
    units: list[_Unit] = []
    for first, last in _blocks(lines, 0, stop):
        key = _collapsed(_joined(lines, first, last))
        if len(key) >= MIN_REPEAT and key in first_seen:
            units.append(_Unit(first, last, REPEATED_PARAGRAPH, "repeat", (("line", first_seen[key] + 1),)))
            continue
        first_seen.setdefault(key, first)
        if first == last:
            continue
        for i in range(first, last + 1):
            line_key = _collapsed(lines[i].text)
            if len(line_key) >= MIN_REPEAT and line_key in first_seen:
                units.append(_Unit(i, i, REPEATED_LINE, "repeat", (("line", first_seen[line_key] + 1),)))
            else:
                first_seen.setdefault(line_key, i)
    return units


def _to_cuts(lines: list[_Line], units: list[_Unit]) -> list[Cut]:
    """Whole-line cuts for the units, with the blank lines that would otherwise pile up.

    The kept text must read as if the cut lines had never been there: a blank
    line that separated kept text stays; one that would now follow another
    blank line, or start or end the text where cut lines were, goes with the
    cut next to it (to the unit before it, or the first unit of a run).
    """
    removed = [False] * len(lines)
    owner: dict[int, _Unit] = {}
    for unit in units:
        for i in range(unit.first, unit.last + 1):
            removed[i], owner[i] = True, unit
    kept_last = None  # what the kept text ends with so far: None, "text" or "blank"
    cut_since = False  # lines were cut since the last kept one
    i = 0
    while i < len(lines):
        if not lines[i].blank:
            if removed[i]:
                cut_since = True
            else:
                kept_last, cut_since = "text", False
            i += 1
            continue
        run_end = i
        while run_end < len(lines) and lines[run_end].blank:
            run_end += 1
        if kept_last == "blank" or (kept_last is None and cut_since):
            for k in range(i, run_end):  # a second separator, or one before any kept text
                removed[k] = True
        elif kept_last == "text":
            kept_last, cut_since = "blank", False
        i = run_end
    kept_text = [i for i in range(len(lines)) if not removed[i] and not lines[i].blank]
    last_text = kept_text[-1] if kept_text else -1
    if any(removed[last_text + 1 :]):  # cut at the end: no blank lines after the last kept one
        for k in range(last_text + 1, len(lines)):
            removed[k] = True

    cuts: list[Cut] = []
    i = 0
    while i < len(lines):
        if not removed[i]:
            i += 1
            continue
        run_end = i
        while run_end < len(lines) and removed[run_end]:
            run_end += 1
        starts = [k for k in range(i, run_end) if k in owner and (k == i or owner.get(k - 1) is not owner[k])]
        if starts:  # each unit's cut runs to the next unit's; the first takes what precedes it
            bounds = [i, *starts[1:], run_end]
            for n, first in enumerate(starts):
                unit = owner[first]
                start, stop = lines[bounds[n]].start, bounds[n + 1]
                end = lines[stop].start if stop < len(lines) else lines[-1].end
                cuts.append(Cut(start, end, unit.why, unit.kind, unit.values))
        i = run_end
    return cuts


def find_boilerplate(text: str) -> list[Cut]:
    """Propose cuts of site furniture at the end and of repeated paragraphs (sorted, disjoint)."""
    if not text.strip():
        return []
    lines = _split_lines(text)
    tail = _find_tail(lines)
    units = _find_repeats(lines, tail.first if tail else len(lines))
    if tail is not None:
        units.append(tail)
    units.sort(key=lambda u: u.first)
    return _to_cuts(lines, units)


def apply_cuts(text: str, cuts: Iterable[Cut]) -> tuple[str, list[dict[str, Any]]]:
    """The text without the cuts, and a record of each removal in ORIGINAL offsets.

    Each record is ``{"start", "end", "reason", "kind", "text"}``; keep the list
    in the document's metadata (``"trimmed"``) so the original can be restored.
    Raises ValueError for cuts out of range or overlapping.
    """
    ordered = sorted(cuts, key=lambda c: (c.start, c.end))
    kept, removed, position = [], [], 0
    for cut in ordered:
        if not (0 <= cut.start <= cut.end <= len(text)):
            raise ValueError(f"cut {cut.start}-{cut.end} is outside the text (length {len(text)})")
        if cut.start < position:
            raise ValueError(f"cut {cut.start}-{cut.end} overlaps the cut before it")
        kept.append(text[position : cut.start])
        removed.append(
            {
                "start": cut.start,
                "end": cut.end,
                "reason": cut.reason,
                "kind": cut.kind,
                "text": text[cut.start : cut.end],
            }
        )
        position = cut.end
    kept.append(text[position:])
    return "".join(kept), removed


def map_offset(offset: int, removed: Iterable[Mapping[str, Any]]) -> int:
    """An offset into the original text as an offset into the trimmed text.

    An offset inside a removed stretch maps to where that stretch was (the
    start of what followed it).
    """
    shift = 0
    for record in sorted(removed, key=lambda r: int(r["start"])):
        start, end = int(record["start"]), int(record["end"])
        if offset <= start:
            break
        shift += min(offset, end) - start
    return offset - shift
