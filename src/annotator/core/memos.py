"""Core: memos and the project journal as every layer above storage sees them.

A *memo* is what a person wrote about something: an annotation's note, a
document's memo, a tag's description (its coding rules) or an entry of the
project journal. :class:`Memo` is one of them with its place, which is what the
Memos view lists and what ``annotator memos`` exports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from annotator.core.errors import InvalidInput

#: The kinds of memo, in the order a list and an export show them.
JOURNAL, DOCUMENT, ANNOTATION, TAG = "journal", "document", "annotation", "tag"
MEMO_KINDS = (JOURNAL, DOCUMENT, ANNOTATION, TAG)

#: Longest memo, note or journal entry a person may save (a book chapter fits; a pasted corpus does not).
MEMO_MAX = 1_000_000


def memo_text(kind: str, text: str) -> str:
    """*text* if it can be stored as a memo (else :class:`InvalidInput`); line breaks are kept."""
    if "\x00" in text:
        raise InvalidInput(f"a {kind} cannot hold a NUL character")
    if len(text) > MEMO_MAX:
        raise InvalidInput(f"a {kind} is limited to {MEMO_MAX:,} characters (this one has {len(text):,})")
    return text


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """Core: a dated entry of the project journal."""

    id: str
    created: datetime
    modified: datetime
    author: str
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class Memo:
    """Core: one memo and where it belongs.

    ``target_id`` is the id of what it is about (the annotation, document, tag or
    journal entry); ``document_id`` and ``document_title`` say which document an
    annotation or document memo belongs to; ``quote`` is an annotation's quote;
    ``label`` names the place in a line ("claim", a journal entry's title); ``tag_id`` is
    the tag of an annotation or tag memo ("" otherwise).
    """

    kind: str
    target_id: str
    text: str
    label: str = ""
    document_id: str = ""
    document_title: str = ""
    quote: str = ""
    author: str = ""
    when: datetime | None = None  # a journal entry: when it was written; an annotation: last changed
    tag_id: str = ""


#: How much of a memo a tooltip or a one-line list shows.
PREVIEW_CHARS = 400
PREVIEW_LINES = 8


def preview(text: str, *, chars: int = PREVIEW_CHARS, lines: int = PREVIEW_LINES) -> str:
    """The start of a memo, for a tooltip: at most *lines* lines and *chars* characters, "…" if cut."""
    kept = text.strip("\n").split("\n")
    cut = len(kept) > lines
    shown = "\n".join(kept[:lines])
    if len(shown) > chars:
        shown, cut = shown[: chars - 1], True
    return shown + "…" if cut else shown
