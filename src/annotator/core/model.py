"""Core: the plain read models every layer above storage sees.

Table models live only in ``storage``; services hand these frozen dataclasses
to the GUI, the CLI and the exporters.
"""

from __future__ import annotations

import unicodedata
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# Defined with the other errors; imported from here by code written before they were.
from annotator.core.errors import Conflict as Conflict
from annotator.core.errors import InvalidInput as InvalidInput
from annotator.core.selectors import TextQuoteSelector

#: Longest tag, set and coder name the library stores.
NAME_MAX = 200
#: Longest id the library stores (a UUID); longer ids from other tools are replaced.
ID_MAX = 36


def check_name(kind: str, value: str) -> str:
    """Return *value* if it fits a name column, else raise :class:`InvalidInput`."""
    if len(value) > NAME_MAX:
        raise InvalidInput(f"{kind} names are limited to {NAME_MAX} characters (this one has {len(value)})")
    return value


#: What a tag name may not hold anywhere: control characters (tab, line feed, ESC…) and the
#: Unicode line and paragraph separators.
_NOT_IN_NAMES = frozenset({"Cc", "Zl", "Zp"})


def nfc(raw: str) -> str:
    """*raw* in Unicode normalisation form C, so "café" typed two ways is one name."""
    return unicodedata.normalize("NFC", raw)


def set_name(raw: str) -> str:
    """A set name as stored: NFC, stripped, not empty, one line without control characters, at
    most :data:`NAME_MAX` characters (the rules of a tag's name)."""
    return tag_name(nfc(raw), kind="set")


def coder_name(raw: str) -> str:
    """A coder's name as stored: NFC and stripped; a blank name is "" (no coder). Refused: a
    control character (ESC, a line break…) and more than :data:`NAME_MAX` characters."""
    name = nfc(raw).strip()
    bad = next((c for c in name if unicodedata.category(c) in _NOT_IN_NAMES), None)
    if bad is not None:
        raise InvalidInput(f"the coder name {name!r} holds a control character or line break (U+{ord(bad):04X})")
    if all(unicodedata.category(c) == "Cf" or c.isspace() for c in name):
        return ""
    return check_name("coder", name)


def tag_name(raw: str, *, kind: str = "tag") -> str:
    """A tag name as the library stores it: *raw* without the white space around it.

    Every tag that is created (from an import, a codebook, a library's first tags) is named
    through here, so ``"claim "`` is the tag ``claim`` and not a second tag that looks the
    same. Refused with :class:`InvalidInput`: an empty name (or white space only), a name
    holding a control character or a line break, a name made only of invisible format
    characters (a zero-width space, say), and one longer than :data:`NAME_MAX`. *kind* names
    what is named in those messages (a set and a saved search are named by these rules too).
    """
    name = raw.strip()
    if not name:
        raise InvalidInput(f"a {kind} needs a name, not {raw!r}" if raw else f"a {kind} needs a name, not an empty one")
    bad = next((c for c in name if unicodedata.category(c) in _NOT_IN_NAMES), None)
    if bad is not None:
        raise InvalidInput(f"the {kind} name {name!r} holds a control character or line break (U+{ord(bad):04X})")
    if all(unicodedata.category(c) == "Cf" or c.isspace() for c in name):
        raise InvalidInput(f"the {kind} name {name!r} holds only invisible characters")
    return check_name(kind, name)


def new_id() -> str:
    """A fresh identifier for a document, annotation or tag (a UUID4 string)."""
    return str(uuid.uuid4())


def utc_now() -> datetime:
    """The current time, timezone-aware UTC, to the millisecond (what we store)."""
    now = datetime.now(UTC)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


@dataclass(frozen=True, slots=True)
class Tag:
    """Core: a code in the codebook (claim, evidence, speculation, ...)."""

    id: str
    name: str
    color: str
    description: str = ""
    shortcut: str = ""
    sort_order: int = 0
    parent_id: str | None = None  # None: a top-level tag


@dataclass(frozen=True, slots=True)
class TagSpec:
    """Core: a tag as given by a user or an import, before it has an id.

    ``parents``: the names of the tags it is inside, from the top (a codebook with a
    hierarchy, e.g. REFI); ``()`` for a top-level tag, or a format without hierarchy.
    """

    name: str
    color: str
    description: str = ""
    shortcut: str = ""
    parents: tuple[str, ...] = ()


DEFAULT_TAGS: tuple[TagSpec, ...] = (
    TagSpec("claim", "#f4a261", "An assertion the author wants the reader to accept.", "1"),
    TagSpec("evidence", "#2a9d8f", "Facts, data, quotations or sources offered in support of a claim.", "2"),
    TagSpec("speculation", "#9b5de5", "A guess, prediction or possibility the author does not establish.", "3"),
)


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """Core: a library row: a document without its text."""

    id: str
    title: str
    length: int
    created: datetime
    counts: dict[str, int] = field(default_factory=dict)  # tag id -> placed annotations


@dataclass(frozen=True, slots=True)
class Document:
    """Core: a stored document. ``text`` is the truth offsets point into."""

    id: str
    title: str
    text: str
    sha256: str
    metadata: dict[str, Any]
    created: datetime
    memo: str = ""  # the reader's multi-line memo on the whole document


@dataclass(slots=True)
class Annotation:
    """Core: a tagged span of a document's text. A value: never changed in place.

    (Not ``frozen``: a frozen dataclass takes ~5x longer to build, and a library
    view loads tens of thousands of these.)

    ``start``/``end`` are code points into the stored text, end-exclusive, and
    ``quote == text[start:end]``. ``prefix``/``suffix`` are the up to 32 code
    points around it (a W3C TextQuoteSelector), kept so the span can be found
    again if the text is revised.
    """

    id: str
    document_id: str
    tag_id: str
    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    note: str
    coder: str
    created: datetime
    modified: datetime


def annotation_on_span(
    text: str,
    start: int,
    end: int,
    *,
    id: str,
    document_id: str,
    tag_id: str,
    note: str,
    coder: str,
    created: datetime,
    modified: datetime,
) -> Annotation:
    """The one way an annotation is put on ``text[start:end]``: tagging, importing and following a revision.

    The quote and its context are cut from *text* (the stored text the offsets
    point into), never taken from whoever gave the offsets, so
    ``text[start:end] == quote`` holds by construction. Raises
    :class:`~annotator.core.errors.SpanError` if the span does not fit the text.
    """
    selector = TextQuoteSelector.from_span(text, start, end)
    return Annotation(
        id, document_id, tag_id, start, end, selector.exact, selector.prefix, selector.suffix, note, coder,
        created, modified,
    )  # fmt: skip


def moved_to_span(annotation: Annotation, text: str, start: int, end: int, *, modified: datetime) -> Annotation:
    """*annotation* put on ``text[start:end]`` (see :func:`annotation_on_span`), modified at *modified*."""
    a = annotation
    return annotation_on_span(
        text, start, end, id=a.id, document_id=a.document_id, tag_id=a.tag_id, note=a.note, coder=a.coder,
        created=a.created, modified=modified,
    )  # fmt: skip
