"""Core: documents as a person tells them apart and as a delete keeps them for undo.

:func:`distinct_titles` gives documents that share a title a distinct name in a
list ("Report", "Report (2)"), by import order, without changing any stored
title. :class:`DocumentSnapshot` is everything a deleted document was (its text,
metadata and memo, previous versions, annotations with their anchor states, set
memberships and attribute values), so an undo can put it back with the same id.
:func:`document_title` is the one check of a title a person typed.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from annotator.core.anchoring import AnchorState, DocumentVersion
from annotator.core.errors import InvalidInput
from annotator.core.model import Annotation, Document

#: Longest title a person may type (imports keep what the file says).
TITLE_MAX = 1000


def document_title(raw: str) -> str:
    """A title as typed: without the white space around it; not empty, no line breaks or control characters."""
    title = raw.strip()
    if not title:
        raise InvalidInput("a document needs a title, not an empty one")
    bad = next((c for c in title if unicodedata.category(c) in ("Cc", "Zl", "Zp")), None)
    if bad is not None:
        raise InvalidInput(f"a title cannot hold a control character or line break (U+{ord(bad):04X})")
    if len(title) > TITLE_MAX:
        raise InvalidInput(f"titles are limited to {TITLE_MAX} characters (this one has {len(title)})")
    return title


def distinct_titles(titles: Sequence[str]) -> list[str]:
    """The titles as a list shows them: the second and later of a title shared, in the order given
    (import order), get " (2)", " (3)"... A title that already reads "X (2)" is skipped over."""
    total = Counter(titles)
    taken = set(titles)
    seen: Counter[str] = Counter()
    shown: list[str] = []
    for title in titles:
        seen[title] += 1
        if total[title] == 1 or seen[title] == 1:
            shown.append(title)
            continue
        n = seen[title]
        while f"{title} ({n})" in taken:
            n += 1
        name = f"{title} ({n})"
        taken.add(name)
        shown.append(name)
    return shown


@dataclass(frozen=True, slots=True)
class DocumentSnapshot:
    """Core: a document as it was when it was deleted, whole, for putting it back."""

    document: Document
    versions: list[DocumentVersion]
    annotations: list[tuple[Annotation, AnchorState]]
    set_ids: list[str] = field(default_factory=list)
    attributes: list[tuple[str, str]] = field(default_factory=list)  # (attribute id, value)


@dataclass(frozen=True, slots=True)
class DocumentDetails:
    """Core: what the details of a document say (nothing here is editable)."""

    id: str
    title: str
    source: str  # the file it was imported from ("" if none is known)
    imported: datetime
    sha256: str
    characters: int
    utf8_bytes: int
    annotations: int  # placed ones
    orphans: int
    counts: dict[str, int]  # tag id -> placed annotations
    versions: list[DocumentVersion]  # previous texts, oldest first
    memo: str = ""
