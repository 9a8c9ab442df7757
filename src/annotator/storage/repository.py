"""Storage: reading and writing rows, translated to core read models.

Functions here take an open session and never commit (the unit of work does).
Loading many spans uses tuple selects and bulk writes use SQLAlchemy Core
``insert()``: building ORM objects costs ~120 µs each, which 10,000 spans feel.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any, cast

import orjson
import sqlalchemy as sa
from sqlmodel import Session

from annotator.core.anchoring import ORPHANED, AnchorState, DocumentVersion, Orphan
from annotator.core.gcpause import gc_paused
from annotator.core.model import Annotation, Document, DocumentSummary, Tag, utc_now
from annotator.storage import tables
from annotator.storage.tables import StateRow
from annotator.storage.watch import CHANNEL

_A = tables.ANNOTATION
_D = tables.DOCUMENT
_T = tables.TAG
_S = tables.DOCUMENT_SET
_M = tables.DOCUMENT_SET_MEMBER

_ANNOTATION_COLUMNS = (
    _A.c.id, _A.c.document_id, _A.c.tag_id, _A.c.start, _A.c.end, _A.c.quote, _A.c.prefix,
    _A.c.suffix, _A.c.note, _A.c.coder, _A.c.created, _A.c.modified,
)  # fmt: skip
# An orphan's offsets point into a previous text, not document.text: whatever can return one
# returns its anchor state with it (or, like annotations_of, leaves orphans out).
_ANCHOR_COLUMNS = (_A.c.anchor_status, _A.c.anchor_version_id, _A.c.anchor_start, _A.c.anchor_end)


# -- tags ---------------------------------------------------------------------------------------


def list_tags(session: Session) -> list[Tag]:
    rows = session.execute(
        sa.select(
            _T.c.id, _T.c.name, _T.c.color, _T.c.description, _T.c.shortcut, _T.c.sort_order, _T.c.parent_id
        ).order_by(_T.c.sort_order, _T.c.name)
    )
    return [Tag(*row) for row in rows]


def add_tag(session: Session, tag: Tag) -> None:
    # A Core insert runs now: annotations inserted next (also Core) may refer to the tag,
    # and the unit of work's session does not autoflush a pending ORM object before them.
    session.execute(
        sa.insert(_T).values(
            id=tag.id, name=tag.name, color=tag.color, description=tag.description,
            shortcut=tag.shortcut, sort_order=tag.sort_order, parent_id=tag.parent_id,
        )
    )  # fmt: skip


_TAG_FIELDS = ("name", "color", "description", "shortcut", "sort_order", "parent_id")


def update_tag(session: Session, tag: Tag, *, expected: Tag | None = None) -> bool:
    """Write every field of *tag*; with *expected*, only if the row still holds its values
    (False otherwise)."""
    query = sa.update(_T).where(_T.c.id == tag.id)
    if expected is not None:
        query = query.where(*(_T.c[f] == getattr(expected, f) if getattr(expected, f) is not None
                              else _T.c[f].is_(None) for f in _TAG_FIELDS))  # fmt: skip
    return _rowcount(session.execute(query.values(**{f: getattr(tag, f) for f in _TAG_FIELDS}))) == 1


def rename_tag(session: Session, tag_id: str, name: str) -> None:
    session.execute(sa.update(_T).where(_T.c.id == tag_id).values(name=name))


def delete_tags(session: Session, tag_ids: Sequence[str]) -> int:
    """Delete tags (their annotations and children must have moved first); how many were."""
    return sum(_rowcount(session.execute(sa.delete(_T).where(_T.c.id.in_(chunk)))) for chunk in _chunks(tag_ids))


def lock_tags(session: Session, tag_ids: Sequence[str]) -> None:
    """PostgreSQL: lock tags' rows until the unit of work ends, so an annotation another program
    is adding to one (its foreign key share-locks the row) commits before these tags' annotations
    are read and moved, or waits and then finds the tag gone (SQLite: ``BEGIN IMMEDIATE`` did this)."""
    ids = sorted(set(tag_ids))
    if ids and session.get_bind().dialect.name == "postgresql":
        session.execute(sa.select(_T.c.id).where(_T.c.id.in_(ids)).order_by(_T.c.id).with_for_update()).all()


def tag_counts(
    session: Session, tag_ids: Sequence[str] | None = None, coders: Sequence[str] | None = None
) -> dict[str, int]:
    """How many annotations (placed and orphaned) each tag has: of *tag_ids*, or of every tag that
    has any; only those of *coders* when given."""
    query = sa.select(_A.c.tag_id, sa.func.count()).group_by(_A.c.tag_id)
    if coders is not None:
        query = query.where(_A.c.coder.in_(list(coders)))
    if tag_ids is None:
        return {tag_id: n for tag_id, n in session.execute(query)}
    found = dict.fromkeys(tag_ids, 0)
    for chunk in _chunks(list(tag_ids)):
        found.update({tag_id: n for tag_id, n in session.execute(query.where(_A.c.tag_id.in_(chunk)))})
    return found


def anchored_annotations_of_tags(session: Session, tag_ids: Sequence[str]) -> list[tuple[Annotation, AnchorState]]:
    """Every annotation (placed and orphaned) with one of *tag_ids*, with its anchor state.

    A merge reads 10,000 of these before it moves them: timestamps are parsed as in
    :func:`annotations_of`, not per row by SQLAlchemy.
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    columns = [
        sa.type_coerce(c, sa.String) if sqlite and c.name in ("created", "modified") else c for c in _ANNOTATION_COLUMNS
    ]
    iso = datetime.fromisoformat
    found: list[tuple[Annotation, AnchorState]] = []
    with gc_paused():
        for chunk in _chunks(list(tag_ids)):
            query = sa.select(*columns, *_ANCHOR_COLUMNS).where(_A.c.tag_id.in_(chunk))
            for r in session.execute(query):
                created, modified = (
                    (iso(r[10] + "+00:00"), iso(r[11] + "+00:00")) if sqlite else (_utc(r[10]), _utc(r[11]))
                )
                found.append((Annotation(*r[:10], created, modified), AnchorState(r[12], r[13], r[14], r[15])))  # type: ignore[call-arg]
    return found


def placed_annotation_keys(
    session: Session, tag_ids: Sequence[str], document_ids: Sequence[str]
) -> list[tuple[str, str, str, int, int, str, str]]:
    """(id, tag id, document id, start, end, coder, note) of the placed annotations of
    *document_ids* with one of *tag_ids*: what tells an exact copy of an annotation."""
    columns = (_A.c.id, _A.c.tag_id, _A.c.document_id, _A.c.start, _A.c.end, _A.c.coder, _A.c.note)
    found: list[tuple[str, str, str, int, int, str, str]] = []
    for docs in _chunks(list(document_ids)):
        query = sa.select(*columns).where(
            _A.c.tag_id.in_(list(tag_ids)), _A.c.document_id.in_(docs), _A.c.anchor_status != ORPHANED
        )
        found.extend(tuple(row) for row in session.execute(query))
    return found


def move_annotations_to_tag(session: Session, from_ids: Sequence[str], to_id: str, *, modified: datetime) -> int:
    """Give every annotation of the tags *from_ids* the tag *to_id*, in one UPDATE; how many moved."""
    query = sa.update(_A).where(_A.c.tag_id.in_(list(from_ids))).values(tag_id=to_id, modified=modified)
    return _rowcount(session.execute(query))


def retag_annotations(
    session: Session, annotation_ids: Sequence[str], *, from_id: str, to_id: str, modified: datetime
) -> int:
    """Give the annotations *annotation_ids* that still have the tag *from_id* the tag *to_id*; how many did."""
    moved = 0
    for chunk in _chunks(list(annotation_ids)):
        query = sa.update(_A).where(_A.c.id.in_(chunk), _A.c.tag_id == from_id)
        moved += _rowcount(session.execute(query.values(tag_id=to_id, modified=modified)))
    return moved


def lock_annotations(session: Session, annotation_ids: Sequence[str]) -> None:
    """PostgreSQL: lock these annotations' rows until the unit of work ends, so one read next is
    still what a delete after it removes (another program's note waits, or committed first and is
    read); SQLite's ``BEGIN IMMEDIATE`` already holds the whole library."""
    ids = sorted(set(annotation_ids))
    if ids and session.get_bind().dialect.name == "postgresql":
        for chunk in _chunks(ids):
            session.execute(sa.select(_A.c.id).where(_A.c.id.in_(chunk)).order_by(_A.c.id).with_for_update()).all()


def delete_annotations(session: Session, annotation_ids: Sequence[str]) -> int:
    return sum(_rowcount(session.execute(sa.delete(_A).where(_A.c.id.in_(c)))) for c in _chunks(list(annotation_ids)))


def delete_annotations_of_tag(session: Session, tag_id: str) -> int:
    return _rowcount(session.execute(sa.delete(_A).where(_A.c.tag_id == tag_id)))


# -- documents ----------------------------------------------------------------------------------


def document_summaries(session: Session, coders: Sequence[str] | None = None) -> list[DocumentSummary]:
    """Every document without its text, with its placed annotations per tag (of *coders* when given)."""
    counted = sa.select(_A.c.document_id, _A.c.tag_id, sa.func.count()).where(_A.c.anchor_status != "orphaned")
    if coders is not None:
        counted = counted.where(_A.c.coder.in_(list(coders)))
    counts: dict[str, dict[str, int]] = {}
    for doc_id, tag_id, n in session.execute(
        counted.group_by(_A.c.document_id, _A.c.tag_id)
    ):  # by tag id: two tags may share a name under different parents
        counts.setdefault(doc_id, {})[tag_id] = n
    rows = session.execute(
        sa.select(_D.c.id, _D.c.title, sa.func.length(_D.c.text), _D.c.created).order_by(
            _D.c.created, _D.c.title, _D.c.id
        )
    )
    return [DocumentSummary(i, title, length, created, counts.get(i, {})) for i, title, length, created in rows]


def has_documents(session: Session) -> bool:
    return session.execute(sa.select(_D.c.id).limit(1)).first() is not None


def get_document(session: Session, document_id: str) -> Document | None:
    row = session.execute(
        sa.select(_D.c.id, _D.c.title, _D.c.text, _D.c.sha256, _D.c.metadata_json, _D.c.created, _D.c.memo).where(
            _D.c.id == document_id
        )
    ).first()
    if row is None:
        return None
    return Document(row[0], row[1], row[2], row[3], orjson.loads(row[4]), row[5], row[6])


def document_sha256(session: Session, document_id: str, *, lock: bool = False) -> str | None:
    """The SHA-256 of a document's current text (None: no such document).

    With *lock* the row is share-locked until the unit of work ends (PostgreSQL;
    SQLite's ``BEGIN IMMEDIATE`` already holds the whole library): a revision of
    the text then waits for this unit of work, or this one for the revision, so
    what is written here cannot point into a text replaced meanwhile.
    """
    if session.get_bind().dialect.name == "sqlite":
        # SQLite would look the id up in the primary key's index and then read the row, walking
        # the text's overflow pages (megabytes) to reach the hash stored after it: ~0.8 ms on
        # every edit of a 3 MB text. The (id, sha256) index holds both; SQLAlchemy cannot say
        # INDEXED BY, so this one query is written out.
        sql = sa.text("SELECT sha256 FROM document INDEXED BY ix_document_id_sha256 WHERE id = :id")
        return session.execute(sql, {"id": document_id}).scalar()
    query = sa.select(_D.c.sha256).where(_D.c.id == document_id)
    if lock:
        query = query.with_for_update(read=True)
    return session.execute(query).scalar()


def lock_documents(session: Session, document_ids: Iterable[str], *, exclusive: bool = False) -> None:
    """Lock documents' rows until the unit of work ends (PostgreSQL; SQLite's ``BEGIN IMMEDIATE``
    already holds the whole library): shared by work whose writes depend on a text or on where
    its annotations stand, exclusive by a revision, which changes both. Taken in id order, so
    two units of work locking several documents cannot deadlock."""
    ids = sorted(set(document_ids))
    if ids and session.get_bind().dialect.name == "postgresql":
        query = sa.select(_D.c.id).where(_D.c.id.in_(ids)).order_by(_D.c.id)
        session.execute(query.with_for_update(read=not exclusive)).all()


def document_ids_of_annotations(session: Session, annotation_ids: Sequence[str]) -> list[str]:
    """The documents the given annotations belong to (those that exist)."""
    found: set[str] = set()
    for chunk in _chunks(annotation_ids):
        found.update(session.execute(sa.select(_A.c.document_id).where(_A.c.id.in_(chunk))).scalars())
    return sorted(found)


def document_text(session: Session, document_id: str) -> str | None:
    return session.execute(sa.select(_D.c.text).where(_D.c.id == document_id)).scalar()


#: How many texts :func:`document_texts` reads per query: a query per text costs more than searching
#: it (two round trips and SQLAlchemy's work for 30 KB of text), one for them all holds every text at once.
TEXTS_PER_QUERY = 8


def document_texts(session: Session, document_ids: Sequence[str]) -> Iterator[tuple[str, str, str]]:
    """(id, text, SHA-256) of those of *document_ids* that exist, in the order given, read
    :data:`TEXTS_PER_QUERY` at a time, so at most that many texts are held at once."""
    for chunk in _chunks(list(document_ids), TEXTS_PER_QUERY):
        query = sa.select(_D.c.id, _D.c.text, _D.c.sha256).where(_D.c.id.in_(chunk))
        texts = {i: (text, sha256) for i, text, sha256 in session.execute(query)}
        for document_id in chunk:
            found = texts.pop(document_id, None)
            if found is not None:
                yield document_id, *found


_IN_CHUNK = 500


def _chunks(values: Sequence[str], size: int = _IN_CHUNK) -> Iterable[Sequence[str]]:
    # Bound the parameters of one IN (...): SQLite allows 32,766, older builds 999.
    return (values[i : i + size] for i in range(0, len(values), size))


def document_sha256s(session: Session, document_ids: Sequence[str]) -> dict[str, str]:
    """Document id -> the SHA-256 of its text, for those of *document_ids* that exist."""
    found: dict[str, str] = {}
    for chunk in _chunks(document_ids):
        found.update((i, sha) for i, sha in session.execute(sa.select(_D.c.id, _D.c.sha256).where(_D.c.id.in_(chunk))))
    return found


def documents_with_sha256(session: Session, sha256: str) -> list[tuple[str, str]]:
    """(id, title) of every document whose text has this SHA-256, oldest first."""
    query = sa.select(_D.c.id, _D.c.title).where(_D.c.sha256 == sha256).order_by(_D.c.created, _D.c.id)
    return [(doc_id, title) for doc_id, title in session.execute(query)]


def documents_from_files(session: Session, names: Collection[str]) -> list[tuple[str, str, str]]:
    """(file name, id, title) of the documents imported from a file named one of *names*
    (their metadata's ``source_file``), oldest first."""
    if not names:
        return []
    query = (
        sa.select(_D.c.id, _D.c.title, _D.c.metadata_json)
        .where(_D.c.metadata_json.contains('"source_file"', autoescape=True))
        .order_by(_D.c.created, _D.c.id)
    )
    found = []
    for doc_id, title, metadata_json in session.execute(query):
        name = orjson.loads(metadata_json).get("source_file")
        if name in names:
            found.append((name, doc_id, title))
    return found


def documents_by_sha256(session: Session, sha256s: Sequence[str]) -> dict[str, str]:
    """SHA-256 -> the id of a document with that text, for those of *sha256s* the library has."""
    found: dict[str, str] = {}
    for chunk in _chunks(sha256s):
        query = sa.select(_D.c.sha256, _D.c.id).where(_D.c.sha256.in_(chunk)).order_by(_D.c.created, _D.c.id)
        for sha256, doc_id in session.execute(query):
            found.setdefault(sha256, doc_id)  # the first made, if a text is stored twice
    return found


def insert_document(session: Session, document: Document) -> None:
    session.execute(
        sa.insert(_D).values(
            id=document.id, title=document.title, text=document.text, sha256=document.sha256,
            metadata_json=orjson.dumps(document.metadata).decode(), created=document.created, memo=document.memo,
        )
    )  # fmt: skip


def document_ids_in_set(session: Session, name: str) -> list[str] | None:
    set_id = session.execute(sa.select(_S.c.id).where(_S.c.name == name)).scalar()
    if set_id is None:
        return None
    return list(
        session.execute(
            sa.select(_M.c.document_id)
            .join(_D, _D.c.id == _M.c.document_id)
            .where(_M.c.set_id == set_id)
            .order_by(_D.c.created, _D.c.title, _D.c.id)  # as document_summaries
        ).scalars()
    )


def add_to_set(session: Session, name: str, document_ids: Iterable[str], new_id: str) -> None:
    set_id = session.execute(sa.select(_S.c.id).where(_S.c.name == name)).scalar()
    if set_id is None:
        set_id = new_id
        session.execute(sa.insert(_S).values(id=set_id, name=name))
    existing = set(session.execute(sa.select(_M.c.document_id).where(_M.c.set_id == set_id)).scalars().all())
    rows = [{"set_id": set_id, "document_id": d} for d in dict.fromkeys(document_ids) if d not in existing]
    if rows:
        session.execute(sa.insert(_M), rows)


# -- annotations --------------------------------------------------------------------------------


def _utc(value: datetime | str) -> datetime:
    moment = datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def annotations_of(session: Session, document_ids: Sequence[str]) -> dict[str, list[Annotation]]:
    """Placed annotations of each document, sorted by (start, end, id).

    Orphans (left without a place by a revision; their offsets point into an
    older version) are not included: see ``anchored_annotations_of``.

    The hot path of opening a document, tuned for 10,000 spans: the index on
    (document_id, start, end, id) gives the order, one document is read without
    its (known) id column, and timestamps are parsed with ``fromisoformat`` (C)
    instead of SQLAlchemy's per-row type processing (~2x slower).
    """
    out: dict[str, list[Annotation]] = {d: [] for d in document_ids}
    if not document_ids:
        return out
    sqlite = session.get_bind().dialect.name == "sqlite"
    columns = [
        sa.type_coerce(c, sa.String) if sqlite and c.name in ("created", "modified") else c for c in _ANNOTATION_COLUMNS
    ]
    utc = _utc
    if len(document_ids) == 1:
        (doc_id,) = document_ids
        del columns[1]
        query = (
            sa.select(*columns)
            .where(_A.c.document_id == doc_id, _A.c.anchor_status != "orphaned")
            .order_by(_A.c.start, _A.c.end, _A.c.id)
        )
        with gc_paused():
            rows = session.execute(query).all()
            if sqlite:  # stored as naive UTC text; appending the offset keeps fromisoformat on its fast path
                iso = datetime.fromisoformat
                out[doc_id] = [
                    # The row's columns in Annotation's order (unpacked: a keyword per field costs ~30% here).
                    Annotation(r[0], doc_id, *r[1:9], iso(r[9] + "+00:00"), iso(r[10] + "+00:00"))  # type: ignore[call-arg]
                    for r in rows
                ]
            else:
                out[doc_id] = [Annotation(r[0], doc_id, *r[1:9], utc(r[9]), utc(r[10])) for r in rows]  # type: ignore[call-arg]
        return out
    query = (
        sa.select(*columns)
        .where(_A.c.anchor_status != "orphaned")
        .order_by(_A.c.document_id, _A.c.start, _A.c.end, _A.c.id)
    )
    if len(document_ids) < 500:
        query = query.where(_A.c.document_id.in_(list(document_ids)))
    with gc_paused():
        for row in session.execute(query):
            bucket = out.get(row[1])
            if bucket is not None:
                bucket.append(Annotation(*row[:10], utc(row[10]), utc(row[11])))  # type: ignore[call-arg]
    return out


def coded_segments(
    session: Session, tag_ids: Sequence[str], *, coders: Sequence[str] | None = None
) -> list[tuple[str, str, str, int, int, str, str, str]]:
    """(document id, id, tag id, start, end, quote, note, coder) of every placed annotation with one
    of *tag_ids* (of *coders* only, when given): what a retrieval query reads, as tuples (an ORM
    object per row would cost more than the query itself on 10,000 segments)."""
    columns = (_A.c.document_id, _A.c.id, _A.c.tag_id, _A.c.start, _A.c.end, _A.c.quote, _A.c.note, _A.c.coder)
    found: list[tuple[str, str, str, int, int, str, str, str]] = []
    with gc_paused():
        for chunk in _chunks(list(tag_ids)):
            query = sa.select(*columns).where(_A.c.tag_id.in_(chunk), _A.c.anchor_status != ORPHANED)
            if coders is not None:
                query = query.where(_A.c.coder.in_(list(coders)))
            found.extend(tuple(row) for row in session.execute(query))
    return found


def coded_spans(
    session: Session, tag_ids: Sequence[str], *, coders: Sequence[str] | None = None
) -> list[tuple[str, str, str, int, int, str]]:
    """(document id, id, tag id, start, end, coder) of every placed annotation with one of *tag_ids*
    (of *coders* only, when given): :func:`coded_segments` without quote and note, for what counts
    (a matrix over the whole library) rather than shows."""
    columns = (_A.c.document_id, _A.c.id, _A.c.tag_id, _A.c.start, _A.c.end, _A.c.coder)
    found: list[tuple[str, str, str, int, int, str]] = []
    with gc_paused():
        for chunk in _chunks(list(tag_ids)):
            query = sa.select(*columns).where(_A.c.tag_id.in_(chunk), _A.c.anchor_status != ORPHANED)
            if coders is not None:
                query = query.where(_A.c.coder.in_(list(coders)))
            found.extend(tuple(row) for row in session.execute(query))
    return found


def document_titles(session: Session, document_ids: Sequence[str] | None = None) -> list[tuple[str, str]]:
    """(id, title) of those of *document_ids* that exist (None: every document), in the library's
    order (as :func:`document_summaries`), without counting annotations: what a search or a
    retrieval over the library walks."""
    if document_ids is None or len(document_ids) > _IN_CHUNK:
        # Many ids (a retrieval over the library): one walk in the library's order costs less than
        # reading each one's date back into Python to sort by it.
        rows = session.execute(sa.select(_D.c.id, _D.c.title).order_by(_D.c.created, _D.c.title, _D.c.id))
        if document_ids is None:
            return [(doc_id, title) for doc_id, title in rows]
        wanted = set(document_ids)
        return [(doc_id, title) for doc_id, title in rows if doc_id in wanted]
    found: list[tuple[str, str, datetime]] = []
    for chunk in _chunks(list(document_ids)):
        query = sa.select(_D.c.id, _D.c.title, _D.c.created).where(_D.c.id.in_(chunk))
        found.extend((i, title, created) for i, title, created in session.execute(query))
    found.sort(key=lambda row: (_utc(row[2]), row[1], row[0]))
    return [(i, title) for i, title, _ in found]


def same_annotation(session: Session, document_id: str, tag_id: str, start: int, end: int, coder: str) -> str | None:
    """The id of a placed annotation of the document with this tag, span and coder, if there is one."""
    query = sa.select(_A.c.id).where(
        _A.c.document_id == document_id, _A.c.start == start, _A.c.end == end, _A.c.tag_id == tag_id,
        _A.c.coder == coder, _A.c.anchor_status != "orphaned",
    ).order_by(_A.c.id).limit(1)  # fmt: skip
    return session.execute(query).scalar()


def list_coders(session: Session) -> list[str]:
    """Every non-empty coder name used in the library, sorted."""
    query = sa.select(_A.c.coder).where(_A.c.coder != "").distinct().order_by(_A.c.coder)
    return list(session.execute(query).scalars())


def coder_counts(session: Session, document_id: str | None = None) -> dict[str, int]:
    """How many annotations (placed and orphaned) each coder has ("" for none): in one document, or in all."""
    query = sa.select(_A.c.coder, sa.func.count()).group_by(_A.c.coder)
    if document_id is not None:
        query = query.where(_A.c.document_id == document_id)
    return {coder: count for coder, count in session.execute(query)}


def announce_change(session: Session, what: str) -> None:
    """Tell the windows watching a PostgreSQL library that *what* changed, at commit (a table without
    a trigger of its own, such as ``app_state``); SQLite windows hear of every commit anyway."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(sa.select(sa.func.pg_notify(CHANNEL, what)))


def get_anchored_annotation(session: Session, annotation_id: str) -> tuple[Annotation, AnchorState] | None:
    """An annotation, placed or orphaned, with its anchor state (which says which it is)."""
    row = session.execute(sa.select(*_ANNOTATION_COLUMNS, *_ANCHOR_COLUMNS).where(_A.c.id == annotation_id)).first()
    return (Annotation(*row[:12]), _anchor_state(row[12:])) if row else None


def anchored_annotations_by_id(session: Session, ids: Sequence[str]) -> list[tuple[Annotation, AnchorState]]:
    """The annotations with these ids that exist (any document, orphans too) with their anchor
    states, by (start, end, id)."""
    found: list[tuple[Annotation, AnchorState]] = []
    for chunk in _chunks(ids):
        query = sa.select(*_ANNOTATION_COLUMNS, *_ANCHOR_COLUMNS).where(_A.c.id.in_(chunk))
        found.extend((Annotation(*row[:12]), _anchor_state(row[12:])) for row in session.execute(query))
    return sorted(found, key=lambda pair: (pair[0].start, pair[0].end, pair[0].id))


def annotation_stamps(session: Session, document_id: str) -> dict[str, tuple[datetime, str]]:
    """Annotation id -> (modified, anchor status) for every annotation of a document, orphans too.

    What a window compares with what it shows to find the annotations another
    program added, changed or deleted; it runs on every poll after a change, so
    timestamps are parsed as in :func:`annotations_of`, not per row by SQLAlchemy.
    """
    sqlite = session.get_bind().dialect.name == "sqlite"
    modified = sa.type_coerce(_A.c.modified, sa.String) if sqlite else _A.c.modified
    query = sa.select(_A.c.id, modified, _A.c.anchor_status).where(_A.c.document_id == document_id)
    rows = session.execute(query)
    if sqlite:
        iso = datetime.fromisoformat
        return {row[0]: (iso(row[1] + "+00:00"), row[2]) for row in rows}
    return {row[0]: (_utc(row[1]), row[2]) for row in rows}


def next_modified(before: datetime) -> datetime:
    """The modified time for an edit of an annotation last modified at *before*: now, but
    always later than *before* (clocks of two machines on one server may disagree), so a
    change is never mistaken for the state it replaced."""
    now = utc_now()
    return now if now > before else before + timedelta(milliseconds=1)


def existing_annotation_ids(session: Session, ids: Sequence[str]) -> set[str]:
    """Those of *ids* that an annotation has, on any document."""
    found: set[str] = set()
    for chunk in _chunks(ids):
        found.update(session.execute(sa.select(_A.c.id).where(_A.c.id.in_(chunk))).scalars())
    return found


def annotation_keys_of(
    session: Session, document_ids: Sequence[str]
) -> dict[str, tuple[set[str], set[tuple[str, int, int, str, str]]]]:
    """Per document: the ids of all its annotations and their (tag id, start, end, note, where),
    which is what an import matches incoming annotations on; *where* is "" for a placed span and,
    for an orphan, the version its offsets point into."""
    found: dict[str, tuple[set[str], set[tuple[str, int, int, str, str]]]] = {d: (set(), set()) for d in document_ids}
    columns = (
        _A.c.document_id, _A.c.id, _A.c.tag_id, _A.c.start, _A.c.end, _A.c.note, _A.c.anchor_status,
        _A.c.anchor_version_id,
    )  # fmt: skip
    for chunk in _chunks(list(document_ids)):
        for doc_id, annotation_id, tag_id, start, end, note, status, version_id in session.execute(
            sa.select(*columns).where(_A.c.document_id.in_(chunk))
        ):
            ids, keys = found[doc_id]
            ids.add(annotation_id)
            keys.add((tag_id, start, end, note, (version_id or "") if status == ORPHANED else ""))
    return found


def _annotation_values(a: Annotation) -> dict[str, Any]:
    return {
        "id": a.id, "document_id": a.document_id, "tag_id": a.tag_id, "start": a.start, "end": a.end,
        "quote": a.quote, "prefix": a.prefix, "suffix": a.suffix, "note": a.note, "coder": a.coder,
        "created": a.created, "modified": a.modified,
    }  # fmt: skip


def insert_annotations(session: Session, annotations: Sequence[Annotation]) -> None:
    if annotations:
        session.execute(sa.insert(_A), [_annotation_values(a) for a in annotations])


def _rowcount(result: sa.Result[Any]) -> int:
    """How many rows an UPDATE or DELETE touched (its result is a cursor result; the hints say Result)."""
    return cast(sa.CursorResult[Any], result).rowcount


def _unchanged(annotation_id: str, expected: Mapping[str, Any] | None) -> list[sa.ColumnElement[bool]]:
    return [_A.c.id == annotation_id, *(_A.c[name] == value for name, value in (expected or {}).items())]


def update_annotation_fields(
    session: Session, annotation_id: str, *, expected: Mapping[str, Any] | None = None, **values: Any
) -> bool:
    """Write only the given columns: two programs changing different fields of one
    annotation (a note here, a tag there) must not overwrite each other.

    With *expected* (column -> value) the row is written only if it still holds
    those values when the write happens (False otherwise): on PostgreSQL another
    transaction may commit between a read and this write.
    """
    query = sa.update(_A).where(*_unchanged(annotation_id, expected)).values(**values)
    return _rowcount(session.execute(query)) == 1


def delete_annotation(session: Session, annotation_id: str, *, expected: Mapping[str, Any] | None = None) -> bool:
    """Delete an annotation (only if it still holds the *expected* column values); True if it was."""
    return _rowcount(session.execute(sa.delete(_A).where(*_unchanged(annotation_id, expected)))) == 1


# -- revisions: previous texts and re-anchoring (schema 0002) ----------------------------------
# Orphaned annotations (anchor_status "orphaned") have offsets into a previous text, not into
# document.text (see _ANCHOR_COLUMNS).

_V = tables.DOCUMENT_VERSION
_VERSION_COLUMNS = (_V.c.id, _V.c.document_id, _V.c.version, _V.c.text, _V.c.sha256, _V.c.created, _V.c.note)


def insert_document_version(session: Session, version: DocumentVersion) -> None:
    session.execute(
        sa.insert(_V).values(
            id=version.id, document_id=version.document_id, version=version.version, text=version.text,
            sha256=version.sha256, created=version.created, note=version.note,
        )
    )  # fmt: skip


def document_versions(session: Session, document_id: str) -> list[DocumentVersion]:
    """A document's previous texts, oldest first."""
    query = sa.select(*_VERSION_COLUMNS).where(_V.c.document_id == document_id).order_by(_V.c.version)
    return [DocumentVersion(*row) for row in session.execute(query)]


def find_version_by_sha256(session: Session, sha256: str) -> DocumentVersion | None:
    """The newest previous version with this text, if a revision replaced such a text."""
    query = sa.select(*_VERSION_COLUMNS).where(_V.c.sha256 == sha256).order_by(_V.c.version.desc()).limit(1)
    row = session.execute(query).first()
    return DocumentVersion(*row) if row else None


def get_document_version(session: Session, version_id: str) -> DocumentVersion | None:
    row = session.execute(sa.select(*_VERSION_COLUMNS).where(_V.c.id == version_id)).first()
    return DocumentVersion(*row) if row else None


def next_version_number(session: Session, document_id: str) -> int:
    """The number the document's current text gets when a revision replaces it."""
    query = sa.select(sa.func.coalesce(sa.func.max(_V.c.version), 0)).where(_V.c.document_id == document_id)
    return int(session.execute(query).scalar_one()) + 1


def replace_document_text(session: Session, document_id: str, *, text: str, sha256: str, expected_sha256: str) -> bool:
    """Put a revised text in place; False if the stored text is no longer *expected_sha256*."""
    query = sa.update(_D).where(_D.c.id == document_id, _D.c.sha256 == expected_sha256).values(text=text, sha256=sha256)
    return _rowcount(session.execute(query)) == 1


def _anchor_state(row: Sequence[Any]) -> AnchorState:
    return AnchorState(row[0], row[1], row[2], row[3])


def anchored_annotations_of(
    session: Session, document_id: str, *, status: str | None = None
) -> list[tuple[Annotation, AnchorState]]:
    """Every annotation of a document (or those with *status*), orphans included, with its anchor state."""
    query = (
        sa.select(*_ANNOTATION_COLUMNS, *_ANCHOR_COLUMNS)
        .where(_A.c.document_id == document_id)
        .order_by(_A.c.start, _A.c.end, _A.c.id)
    )
    if status is not None:  # opening a document asks for its few orphans, not all 10,000 rows
        query = query.where(_A.c.anchor_status == status)
    with gc_paused():
        return [(Annotation(*row[:12]), _anchor_state(row[12:])) for row in session.execute(query)]


def orphans_of(session: Session, document_id: str) -> list[Orphan]:
    """A document's orphans, each with the previous version its offsets and quote point into."""
    found: list[Orphan] = []
    versions: dict[str, DocumentVersion | None] = {}
    for annotation, state in anchored_annotations_of(session, document_id, status=ORPHANED):
        if state.version_id is not None:
            if state.version_id not in versions:
                versions[state.version_id] = get_document_version(session, state.version_id)
            version = versions[state.version_id]
            if version is not None:
                found.append(Orphan(annotation, version))
    return found


def update_anchors(session: Session, placements: Sequence[tuple[Annotation, AnchorState]]) -> None:
    """Write the span, context, modified time and anchor state of many annotations at once."""
    if not placements:
        return
    query = (
        sa.update(_A)
        .where(_A.c.id == sa.bindparam("b_id"))
        .values(
            start=sa.bindparam("b_start"), end=sa.bindparam("b_end"), quote=sa.bindparam("b_quote"),
            prefix=sa.bindparam("b_prefix"), suffix=sa.bindparam("b_suffix"),
            modified=sa.bindparam("b_modified", type_=_A.c.modified.type),
            anchor_status=sa.bindparam("b_status"), anchor_version_id=sa.bindparam("b_version_id"),
            anchor_start=sa.bindparam("b_anchor_start"), anchor_end=sa.bindparam("b_anchor_end"),
        )
    )  # fmt: skip
    rows = [
        {
            "b_id": a.id,
            "b_start": a.start,
            "b_end": a.end,
            "b_quote": a.quote,
            "b_prefix": a.prefix,
            "b_suffix": a.suffix,
            "b_modified": a.modified,
            "b_status": state.status,
            "b_version_id": state.version_id,
            "b_anchor_start": state.start,
            "b_anchor_end": state.end,
        }
        for a, state in placements
    ]
    session.execute(query, rows)


def anchor_states_of(session: Session, document_id: str) -> dict[str, AnchorState]:
    """Anchor states of a document's annotations that are not plain "unchanged"."""
    query = sa.select(_A.c.id, *_ANCHOR_COLUMNS).where(
        _A.c.document_id == document_id, _A.c.anchor_status != "unchanged"
    )
    return {row[0]: _anchor_state(row[1:]) for row in session.execute(query)}


# -- state --------------------------------------------------------------------------------------


def get_state(session: Session, key: str) -> str | None:
    state = tables.STATE
    return session.execute(sa.select(state.c.value).where(state.c.key == key)).scalar()


def set_state(session: Session, key: str, value: str) -> None:
    row = session.get(StateRow, key)
    if row is None:
        session.add(StateRow(key=key, value=value))
    else:
        row.value = value
