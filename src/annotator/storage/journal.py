"""Storage: the project journal's rows, and every memo of a library with its place.

Functions take an open session and never commit.
"""

from __future__ import annotations

from typing import Any, cast

import sqlalchemy as sa
from sqlmodel import Session

from annotator.core.memos import ANNOTATION, DOCUMENT, JOURNAL, TAG, JournalEntry, Memo
from annotator.storage import tables

_J = tables.JOURNAL_ENTRY
_A = tables.ANNOTATION
_D = tables.DOCUMENT
_T = tables.TAG
_COLUMNS = (_J.c.id, _J.c.created, _J.c.modified, _J.c.author, _J.c.title, _J.c.body)


def entries(session: Session) -> list[JournalEntry]:
    """The journal, oldest entry first."""
    return [JournalEntry(*row) for row in session.execute(sa.select(*_COLUMNS).order_by(_J.c.created, _J.c.id))]


def get_entry(session: Session, entry_id: str) -> JournalEntry | None:
    row = session.execute(sa.select(*_COLUMNS).where(_J.c.id == entry_id)).first()
    return JournalEntry(*row) if row else None


def insert_entry(session: Session, entry: JournalEntry) -> None:
    session.execute(
        sa.insert(_J).values(
            id=entry.id, created=entry.created, modified=entry.modified, author=entry.author, title=entry.title,
            body=entry.body,
        )
    )  # fmt: skip


def update_entry(session: Session, base: JournalEntry, **values: Any) -> bool:
    """Write *values* of an entry if it is still as *base* (same modified time); True if it was."""
    query = sa.update(_J).where(_J.c.id == base.id, _J.c.modified == base.modified).values(**values)
    return cast(sa.CursorResult[Any], session.execute(query)).rowcount == 1


def delete_entry(session: Session, base: JournalEntry) -> bool:
    query = sa.delete(_J).where(_J.c.id == base.id, _J.c.modified == base.modified)
    return cast(sa.CursorResult[Any], session.execute(query)).rowcount == 1


def all_memos(session: Session) -> list[Memo]:
    """Every memo of the library: journal entries (by date), document memos and annotation notes
    (by document in import order, then text order), and tag descriptions (by codebook order)."""
    found = [Memo(JOURNAL, e.id, e.body, e.title, author=e.author, when=e.created) for e in entries(session)]
    documents = sa.select(_D.c.id, _D.c.title, _D.c.memo).order_by(_D.c.created, _D.c.title, _D.c.id)
    for doc_id, title, memo in session.execute(documents.where(_D.c.memo != "")):
        found.append(Memo(DOCUMENT, doc_id, memo, title, document_id=doc_id, document_title=title))
    notes = (
        sa.select(
            _A.c.id, _A.c.note, _T.c.name, _D.c.id, _D.c.title, _A.c.quote, _A.c.coder, _A.c.modified, _A.c.tag_id
        )
        .join(_T, _T.c.id == _A.c.tag_id)
        .join(_D, _D.c.id == _A.c.document_id)
        .where(_A.c.note != "")
        .order_by(_D.c.created, _D.c.title, _D.c.id, _A.c.start, _A.c.end, _A.c.id)
    )
    for annotation_id, note, tag, doc_id, title, quote, coder, modified, tag_id in session.execute(notes):
        found.append(
            Memo(ANNOTATION, annotation_id, note, tag, document_id=doc_id, document_title=title, quote=quote,
                 author=coder, when=modified, tag_id=tag_id)
        )  # fmt: skip
    tags = sa.select(_T.c.id, _T.c.name, _T.c.description).where(_T.c.description != "")
    for tag_id, name, description in session.execute(tags.order_by(_T.c.sort_order, _T.c.name)):
        found.append(Memo(TAG, tag_id, description, name, tag_id=tag_id))
    return found
