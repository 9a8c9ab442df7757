"""Storage: saved searches, one row each (migration 0005).

The scope is kept as one JSON column (documents, a set, attribute values): it is read
and written whole, never queried. Functions take an open session and never commit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, cast

import orjson
import sqlalchemy as sa
from sqlmodel import Session

from annotator.core.search import Query, SavedSearch
from annotator.storage import tables

_S = tables.SAVED_SEARCH
_COLUMNS = (
    _S.c.id, _S.c.name, _S.c.pattern, _S.c.regex, _S.c.match_case, _S.c.whole_word, _S.c.loose, _S.c.scope,
    _S.c.modified,
)  # fmt: skip


def _record(row: Any) -> SavedSearch:
    scope = orjson.loads(row.scope)
    query = Query(row.pattern, regex=row.regex, case=row.match_case, word=row.whole_word, loose=row.loose)
    return SavedSearch(
        row.id, row.name, query, document_ids=tuple(scope.get("documents", ())), set_name=scope.get("set"),
        where=tuple((name, value) for name, value in scope.get("where", ())), modified=row.modified,
    )  # fmt: skip


def _scope_json(search: SavedSearch) -> str:
    scope = {"documents": list(search.document_ids), "set": search.set_name, "where": [list(w) for w in search.where]}
    return orjson.dumps(scope).decode()


def list_saved(session: Session) -> list[SavedSearch]:
    """Every saved search, by name."""
    return [_record(row) for row in session.execute(sa.select(*_COLUMNS).order_by(_S.c.name, _S.c.id))]


def saved_named(session: Session, name: str) -> SavedSearch | None:
    row = session.execute(sa.select(*_COLUMNS).where(_S.c.name == name)).first()
    return _record(row) if row else None


def insert_saved(session: Session, search: SavedSearch, modified: datetime) -> None:
    q = search.query
    session.execute(
        sa.insert(_S).values(
            id=search.id, name=search.name, pattern=q.pattern, regex=q.regex, match_case=q.case,
            whole_word=q.word, loose=q.loose, scope=_scope_json(search), modified=modified,
        )
    )  # fmt: skip


def rename_saved(session: Session, search_id: str, name: str, modified: datetime) -> None:
    session.execute(sa.update(_S).where(_S.c.id == search_id).values(name=name, modified=modified))


def delete_saved(session: Session, search_id: str) -> bool:
    return cast(sa.CursorResult[Any], session.execute(sa.delete(_S).where(_S.c.id == search_id))).rowcount == 1
