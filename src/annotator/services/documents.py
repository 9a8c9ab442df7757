"""Services: a document's title and memo, its details, deleting it (after a backup) and putting it back.

Every edit made on what a window showed says what it was based on (*base*, the
document as shown) and is refused with :class:`Conflict` (nothing saved) if
that changed meanwhile. A delete returns the document whole
(:class:`~annotator.core.documents.DocumentSnapshot`) with its :class:`Changes`,
so an undo can put it back with the same id, versions, annotations (and how
revisions left them), set memberships and attribute values.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from annotator.core.attributes import CHOICE
from annotator.core.documents import DocumentDetails, DocumentSnapshot, document_title
from annotator.core.errors import Conflict, NotFound
from annotator.core.memos import memo_text
from annotator.core.model import Document
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import attributes as attribute_store
from annotator.storage import documents as rows
from annotator.storage import locks
from annotator.storage import repository as repo
from annotator.storage.backup_files import BEFORE_DELETE, make_backup
from annotator.storage.engine import sqlite_file
from annotator.storage.uow import Session, reading, unit_of_work

CHANGED = "another program changed this document since it was shown here; nothing was saved"
DELETED = "another program deleted this document since it was shown here; nothing was saved"


def _current(s: Session, document_id: str, base: Document | None) -> Document:
    current = repo.get_document(s, document_id)
    if current is None:
        raise Conflict(DELETED) if base is not None else NotFound(f"there is no document '{document_id}'")
    return current


def _update(library: Library, document_id: str, base: Document | None, **values: str) -> Changes:
    with unit_of_work(library.engine) as s:
        current = _current(s, document_id, base)
        expected = {name: getattr(current, name) for name in values}
        if base is not None and any(getattr(base, name) != value for name, value in expected.items()):
            raise Conflict(CHANGED)
        if all(getattr(current, k) == v for k, v in values.items()):
            return Changes()
        if not rows.update_document(s, document_id, expected=expected, **values):
            raise Conflict(CHANGED)  # PostgreSQL: committed by another transaction since the read
    return Changes(documents_updated=(document_id,))


def rename_document(library: Library, *, document_id: str, title: str, base: Document | None = None) -> Changes:
    """Give a document another title (refused if *base*'s title is no longer its title)."""
    return _update(library, document_id, base, title=document_title(title))


def set_document_memo(library: Library, *, document_id: str, memo: str, base: Document | None = None) -> Changes:
    """Replace a document's memo (refused if *base*'s memo is no longer its memo)."""
    return _update(library, document_id, base, memo=memo_text("memo", memo))


@dataclass(frozen=True, slots=True)
class Deletion:
    """Services: what a delete did: its :class:`Changes`, the document as it was, and the backup made first."""

    changes: Changes
    snapshot: DocumentSnapshot
    backup: Path | None  # None: not a SQLite library (its server's administrator backs it up)


def backup_before_delete(library: Library) -> Path | None:
    """Back up a SQLite library before a document is deleted (None for other databases)."""
    path = sqlite_file(library.url)
    return make_backup(path, BEFORE_DELETE) if path is not None else None


def delete_document(library: Library, *, document_id: str, base: Document | None = None) -> Deletion:
    """Delete a document with its versions, annotations, memberships and attribute values, after a backup.

    With *base*: refused if its text, title or memo changed since it was shown.
    A library that cannot be backed up first is not changed (:class:`LibraryError`).
    """
    with reading(library.engine) as s:
        _current(s, document_id, base)  # a clear "no such document" before making a backup
    backup = backup_before_delete(library)
    with unit_of_work(library.engine) as s:
        current = _current(s, document_id, base)
        if base is not None and (base.sha256, base.title, base.memo) != (current.sha256, current.title, current.memo):
            raise Conflict(CHANGED)
        repo.lock_documents(s, [document_id], exclusive=True)
        snap = rows.snapshot(s, document_id)
        assert snap is not None  # read a statement ago in this transaction
        if not rows.delete_document(s, document_id, expected_sha256=current.sha256):
            raise Conflict(CHANGED)
    return Deletion(Changes(documents_deleted=(document_id,)), snap, backup)


def restore_document(library: Library, *, snapshot: DocumentSnapshot) -> Changes:
    """Put a deleted document back as *snapshot* holds it (undo of a delete), with the same ids.

    Sets and attributes deleted meanwhile are left out; a choice of its attribute values
    removed meanwhile (it had the last one) is a choice again; a document that exists
    again (put back by another program) as it was is left as it is. Refused if
    a tag its annotations use was deleted meanwhile.

    A document with the same text made meanwhile (another program imported the
    same file) does not stop it: the deleted one comes back beside it, since it
    holds what the new one does not (annotations, memos, versions, sets,
    attributes), so nothing is lost. :func:`same_text` finds such a twin, for the
    caller to say so; the user may then delete the one they do not need.
    """
    document = snapshot.document
    with unit_of_work(library.engine) as s:
        existing = repo.get_document(s, document.id)
        if existing is not None:
            if existing.sha256 != document.sha256:
                raise Conflict("another document with this id exists now; the deleted one was not put back")
            return Changes()
        missing = {a.tag_id for a, _state in snapshot.annotations} - rows.existing_tag_ids(s)
        if missing:
            raise Conflict(
                "a tag of the deleted document's annotations was deleted in another program; it was not put back"
            )
        taken = repo.existing_annotation_ids(s, [a.id for a, _state in snapshot.annotations])
        if taken:
            raise Conflict("some of the deleted document's annotations exist again; it was not put back")
        choices_back = _choices_back(s, snapshot)
        rows.restore(s, snapshot)
    return Changes(documents_created=(document.id,), attributes_changed=choices_back)


def _choices_back(s: Session, snapshot: DocumentSnapshot) -> bool:
    """Give a choice attribute back a choice the deleted document had, if it was removed meanwhile
    (no other document had it): its value comes back, and every value stays one of its attribute's
    choices. True if any was given back."""
    had = dict(snapshot.attributes)
    if not had:
        return False
    locks.hold(s, locks.ATTRIBUTES)  # PostgreSQL: the choices read here are the ones written
    given = False
    for attribute in attribute_store.list_attributes(s):
        value = had.get(attribute.id)
        if attribute.kind != CHOICE or value is None or value in attribute.choices:
            continue
        if not attribute_store.update_attribute(s, attribute, name=attribute.name, choices=(*attribute.choices, value)):
            raise Conflict("another program changed an attribute of the deleted document; it was not put back")
        given = True
    return given


def same_text(library: Library, sha256: str, *, excluding: str | None = None) -> list[tuple[str, str]]:
    """(id, title) of the documents whose text has this SHA-256 (but *excluding*), oldest first."""
    with reading(library.engine) as s:
        return [(i, title) for i, title in repo.documents_with_sha256(s, sha256) if i != excluding]


def document_details(library: Library, document_id: str) -> DocumentDetails:
    """What the details of a document say: source, import date, SHA-256, sizes, counts, versions."""
    with reading(library.engine) as s:
        document = _current(s, document_id, None)
        counts, orphans = rows.annotation_counts(s, document_id)
        versions = repo.document_versions(s, document_id)
    source = document.metadata.get("source_file") or document.metadata.get("source") or ""
    return DocumentDetails(
        id=document.id, title=document.title, source=str(source), imported=document.created,
        sha256=document.sha256, characters=len(document.text),
        utf8_bytes=len(document.text.encode("utf-8", "surrogatepass")), annotations=sum(counts.values()),
        orphans=orphans, counts=counts, versions=versions, memo=document.memo,
    )  # fmt: skip
