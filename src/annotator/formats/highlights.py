"""Formats: what the highlight importers (Hypothesis, Zotero) share.

They read annotations made elsewhere onto a text that is already ours (or is
imported with them), so they place each one by its quote: the position the
other tool recorded is only a hint (it counts in another tool's text, and in
UTF-16 units for Hypothesis). :func:`locate` does that with the Hypothesis-style
matcher of :mod:`annotator.core.anchoring`; only exact placements are taken.
What cannot be placed is listed in :attr:`Highlights.unplaced`, never dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from annotator.core.anchoring import MOVED, UNCHANGED, Reanchorer
from annotator.formats.base import FormatError, ImportedAnnotation
from annotator.formats.report import utc

#: The tag of an imported highlight that names none (as the W3C import does).
UNTAGGED = "untagged"


@dataclass(frozen=True, slots=True)
class Unplaced:
    """Formats: an annotation that could not be placed, and why (for the import's report)."""

    label: str
    quote: str
    reason: str

    def __str__(self) -> str:
        quote = self.quote if len(self.quote) <= 60 else self.quote[:57] + "..."
        return f"{self.label}: {quote!r}: {self.reason}"


@dataclass(slots=True)
class Highlights:
    """Formats: what a highlight file brings onto one text.

    ``memo_lines``: page notes (and replies to them), for the document memo;
    ``unknown_tags``: tag names the library lacks, when the caller asked to
    know them rather than create them.
    """

    annotations: list[ImportedAnnotation] = field(default_factory=list)
    memo_lines: list[str] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)
    unknown_tags: list[str] = field(default_factory=list)


def parse_mapping(items: list[str] | None, what: str) -> dict[str, str]:
    """``["theirs=ours", ...]`` (``--map-tag``, ``--map-color``) as a dict; a malformed item raises."""
    mapping: dict[str, str] = {}
    for item in items or ():
        theirs, sep, ours = item.partition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise FormatError(f"a {what} mapping is THEIRS=OURS, not {item!r}")
        mapping[theirs.strip()] = ours.strip()
    return mapping


def timestamp(value: object) -> datetime | None:
    """An ISO timestamp in UTC; None when there is none or it cannot be read (it is not worth refusing
    a highlight for)."""
    try:
        return utc(datetime.fromisoformat(str(value))) if value else None
    except (ValueError, OverflowError):
        return None


def _flexible(quote: str) -> re.Pattern[str] | None:
    """The quote's words with any whitespace (or a hyphen at a line end) between them: a PDF
    reader's quote has spaces where the extracted text has line breaks."""
    words = quote.split()
    if not words:
        return None
    return re.compile(r"(?:-?\s+|\s*-\n)".join(re.escape(w) for w in words))


def locate(
    text: str,
    quote: str,
    *,
    reanchorer: Reanchorer,
    start: int = 0,
    end: int = 0,
    prefix: str = "",
    suffix: str = "",
    within: tuple[int, int] | None = None,
) -> tuple[int, int] | str:
    """Where *quote* stands in *text*, or why it cannot be placed.

    First inside *within* (a page the tool named); then the exact quote with
    most of its *prefix*/*suffix* around it, nearest *start* (the anchoring
    matcher's rule); then ``text[start:end]`` if it holds the quote and no
    context said otherwise; then with whitespace ignored, when that finds one
    place only.
    """
    if not quote.strip():
        return "it has no quote"
    pattern = _flexible(quote)
    assert pattern is not None
    if within is not None:
        found = text.find(quote, *within)
        if found != -1:
            return found, found + len(quote)
        match = pattern.search(text, *within)
        if match:
            return match.span()
    placed = reanchorer.anchor(start, end, quote, prefix, suffix, orphan=True)
    if placed.status in (UNCHANGED, MOVED) and placed.start is not None and placed.end is not None:
        return placed.start, placed.end
    if start < end and text[start:end] == quote:
        return start, end
    matches = list(pattern.finditer(text))
    if len(matches) == 1:
        return matches[0].span()
    if matches:
        return f"it occurs {len(matches)} times and its context does not say which"
    return "the quote is not in the text"
