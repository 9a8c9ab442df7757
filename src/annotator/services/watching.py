"""Services: keeping a window's view of the library current while other programs change it.

Another program may change the library at any moment: a second window, the
command line, a colleague on a shared PostgreSQL library. A window polls a
:class:`ChangeWatcher` (:func:`watch`), which hears of every commit, its own
included, and then asks :func:`document_delta` how the open document stands
compared with what it shows: its text (a revision), and which annotations were
added, changed, deleted, orphaned. It compares the ``modified`` time and anchor
status of every annotation, so nothing another program did is missed; that is
one query over the document's annotations after every commit (about 25 ms at
10,000 annotations on SQLite), and nothing between commits.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from annotator.core.model import Annotation
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import reading
from annotator.storage.watch import ChangeWatcher

__all__ = ["ChangeWatcher", "DocumentDelta", "Stamp", "document_delta", "watch"]

#: What a window knows of an annotation it shows: its ``modified`` time and anchor status.
Stamp = tuple[datetime, str]


def watch(library: Library) -> ChangeWatcher:
    """A watcher of *library* for polling; close it before the library."""
    return ChangeWatcher(library.engine)


@dataclass(frozen=True, slots=True)
class DocumentDelta:
    """Services: how a document stands now, compared with what a window shows of it.

    ``sha256`` is None when the document no longer exists; when it differs from
    the shown text's, the text was revised and the window must reload it whole.
    ``annotations`` are those added or changed since (orphans too), as stored
    now, with their anchor status in ``statuses``; ``gone`` those deleted.
    """

    sha256: str | None
    annotations: tuple[Annotation, ...] = ()
    statuses: dict[str, str] = field(default_factory=dict)
    gone: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.annotations or self.gone)


def document_delta(library: Library, document_id: str, shown: Mapping[str, Stamp]) -> DocumentDelta:
    """Compare a document with what a window shows of it (*shown*: annotation id -> stamp)."""
    with reading(library.engine) as s:
        sha256 = repo.document_sha256(s, document_id)
        if sha256 is None:
            return DocumentDelta(None)
        stamps = repo.annotation_stamps(s, document_id)
        changed = [i for i, stamp in stamps.items() if shown.get(i) != stamp]
        found = repo.anchored_annotations_by_id(s, changed) if changed else []
    gone = tuple(i for i in shown if i not in stamps)
    return DocumentDelta(sha256, tuple(a for a, _ in found), {a.id: state.status for a, state in found}, gone)
