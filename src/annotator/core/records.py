"""Core: plain records of what a library holds beyond documents, annotations and tags.

Document sets, attribute definitions and the project journal, as an export carries
them and an import brings them in (annotated JSON version 2). Small frozen values,
so that ``storage`` can read them and ``formats`` write them without knowing of
each other. (The services that edit sets, attributes and the journal may bring
richer models; these are what travels in a file.)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Final, Protocol, TypeVar

#: The kinds of a document attribute: free text, a number, a date (YYYY-MM-DD) or one of a list.
ATTRIBUTE_KINDS: Final = ("text", "number", "date", "choice")


@dataclass(frozen=True, slots=True)
class DocumentSet:
    """Core: a named set of documents (a study's corpus, a class reading list)."""

    id: str
    name: str
    document_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AttributeDefinition:
    """Core: a document attribute (a variable): its name, kind (:data:`ATTRIBUTE_KINDS`) and, for a
    ``choice``, the values it takes. A document's value is stored as canonical text."""

    id: str
    name: str
    kind: str
    choices: tuple[str, ...] = ()
    sort_order: int = 0


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """Core: a dated entry of the project journal."""

    id: str
    created: datetime
    modified: datetime
    author: str = ""
    title: str = ""
    body: str = ""


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
    """Core: what a file brings besides documents and annotations: the codebook as a tree,
    sets, attribute definitions and the journal (annotated JSON version 2)."""

    codebook: list[CodebookTag] = field(default_factory=list)
    sets: list[DocumentSet] = field(default_factory=list)
    attributes: list[AttributeDefinition] = field(default_factory=list)
    journal: list[JournalEntry] = field(default_factory=list)


def tag_paths(tags: list[tuple[str, str, str | None]]) -> dict[str, tuple[str, ...]]:
    """Tag id -> its path (names from the root), for ``(id, name, parent id)`` triples.

    A parent missing from *tags* ends the path there; a cycle is cut where it closes.
    """
    by_id = {tag_id: (name, parent) for tag_id, name, parent in tags}
    paths: dict[str, tuple[str, ...]] = {}
    for tag_id in by_id:
        chain: list[str] = []
        seen: set[str] = set()
        current: str | None = tag_id
        while current is not None and current in by_id and current not in seen:
            if current in paths:
                chain.extend(reversed(paths[current]))
                break
            seen.add(current)
            name, current = by_id[current]
            chain.append(name)
        paths[tag_id] = tuple(reversed(chain))
    return paths


class _InTree(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def parent_id(self) -> str | None: ...


_T = TypeVar("_T", bound=_InTree)


def parents_first(tags: Sequence[_T]) -> list[_T]:
    """*tags* with every parent before its children, otherwise in the order given (a parent
    missing from *tags* counts as given; a cycle is left at the end, as it is)."""
    known = {t.id for t in tags}
    done: set[str] = set()
    ordered: list[_T] = []
    pending = list(tags)
    while pending:
        rest = []
        for t in pending:
            if t.parent_id is None or t.parent_id in done or t.parent_id not in known:
                ordered.append(t)
                done.add(t.id)
            else:
                rest.append(t)
        if len(rest) == len(pending):
            return ordered + rest
        pending = rest
    return ordered
