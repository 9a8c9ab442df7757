"""Core: plain records of what a library holds beyond documents, annotations and tags, as an
export carries them and an import brings them in (annotated JSON version 2).

Document sets (the one set type: :mod:`annotator.services.sets` lists them as these), a
file's codebook tree, previous texts and anchors as a file gives them. Attribute
definitions are :class:`annotator.core.attributes.Attribute` and journal entries
:class:`annotator.core.memos.JournalEntry`. Small frozen values, so that ``storage`` can
read them and ``formats`` write them without knowing of each other.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from annotator.core.memos import JournalEntry
from annotator.core.model import set_name as model_set_name


@dataclass(frozen=True, slots=True)
class DocumentSet:
    """Core: a named set of documents (a study's corpus, a class reading list) and its
    documents (ids, in library order)."""

    id: str
    name: str
    document_ids: tuple[str, ...] = ()

    @property
    def count(self) -> int:
        return len(self.document_ids)


@dataclass(frozen=True, slots=True)
class CodebookTag:
    """Core: a tag as a file's codebook gives it: its id in that file, the id of its parent there
    (None at the top), and what the library stores of it. Matched to the library's tags by path."""

    id: str
    name: str
    parent_id: str | None
    color: str
    description: str = ""
    shortcut: str = ""
    sort_order: int = 0


@dataclass(frozen=True, slots=True)
class IncomingVersion:
    """Core: a previous text of a document as a file gives it (``text`` None: left out of the file)."""

    id: str
    version: int
    sha256: str
    created: datetime
    note: str = ""
    text: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingAnchor:
    """Core: how an incoming annotation stands after its document's revisions (see
    :class:`annotator.core.anchoring.AnchorState`): ``version_id`` is the file's version id,
    and for an orphan its start, end and quote point into that version's text."""

    status: str
    version_id: str | None = None
    start: int | None = None
    end: int | None = None


@dataclass(slots=True)
class LibraryExtras:
    """Core: what a whole library's file brings besides documents, annotations and attribute
    definitions: the codebook as a tree (parents first), sets and the journal (annotated JSON
    version 2)."""

    codebook: list[CodebookTag] = field(default_factory=list)
    sets: list[DocumentSet] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)


def set_name(raw: str) -> str:
    """A set name as stored: NFC, stripped, not empty, one line, at most 200 characters."""
    return model_set_name(raw)
