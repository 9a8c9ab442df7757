"""Storage: noticing, cheaply and reliably, that another program committed to a library.

Another program may change the library at any moment (a second window, the
command line, a colleague on a shared server). A window polls
:meth:`ChangeWatcher.changed` every second or so and, when it says yes, asks
what changed (:mod:`annotator.services.watching`). It hears of *every* commit,
its own program's included: telling one's own commits from others' by
remembering "what I last saw" after a save is what let a window miss a commit
made just before its own.

- SQLite: a read-only connection of the watcher's own reads ``PRAGMA
  data_version``, which changes whenever any other connection commits. No disk
  reads, microseconds a poll.
- PostgreSQL: a connection of its own that ``LISTEN``\\s on the channel the
  triggers of migration 0003 notify at every commit to a table a window shows.
  A poll only reads what has already arrived on its socket, never waiting for
  the server (a window polls from its GUI thread, and a server may stop
  answering). A lost connection is opened again in the background and counts
  as a change (notifications may have been missed meanwhile).
- Anything else: :func:`last_change_marker`, an aggregate that changes with
  nearly every edit (see its caveats).
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from concurrent.futures import Future
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlalchemy.exc as sa_exc
from sqlalchemy.engine import Engine

from annotator.storage import tables
from annotator.storage.engine import LibraryError, sqlite_file
from annotator.storage.inspection import read_only_uri
from annotator.storage.uow import explain_db_error

#: The channel migration 0003's triggers notify (PostgreSQL).
CHANNEL = "annotator_changes"


def last_change_marker(engine: Engine) -> tuple[object, ...]:
    """A value that changes when documents, annotations, tags, sets or versions change, on any backend.

    One aggregate query (counts and newest timestamps). It misses a tag renamed
    in place and an edit whose ``modified`` is older than the newest one (a
    machine whose clock is behind): the SQLite and PostgreSQL watchers hear of
    every commit instead.
    """
    a, d, t = tables.ANNOTATION, tables.DOCUMENT, tables.TAG
    m, v = tables.DOCUMENT_SET_MEMBER, tables.DOCUMENT_VERSION
    query = sa.select(
        sa.select(sa.func.count()).select_from(a).scalar_subquery(),
        sa.select(sa.func.max(a.c.modified)).scalar_subquery(),
        sa.select(sa.func.count()).select_from(d).scalar_subquery(),
        sa.select(sa.func.max(d.c.created)).scalar_subquery(),
        sa.select(sa.func.count()).select_from(v).scalar_subquery(),
        sa.select(sa.func.count()).select_from(t).scalar_subquery(),
        sa.select(sa.func.count()).select_from(m).scalar_subquery(),
    )
    try:
        # A plain connection (deferred BEGIN): polling must never wait for a writer's lock.
        with engine.connect() as conn:
            row = conn.execute(query).one()
    except sa_exc.SQLAlchemyError as exc:
        raise LibraryError(explain_db_error(exc)) from exc
    return tuple(str(v) if isinstance(v, datetime) else v for v in row)


class _SqliteVersion:
    def __init__(self, path: Path) -> None:
        try:
            self._conn = sqlite3.connect(read_only_uri(path), uri=True, isolation_level=None)
        except sqlite3.Error as exc:
            raise LibraryError(f"cannot watch {path} for changes ({exc})") from exc

    def marker(self) -> object:
        try:
            return self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error as exc:
            raise LibraryError(f"cannot watch the library for changes ({exc})") from exc

    def close(self) -> None:
        self._conn.close()


class _PostgresListener:
    """A connection of its own, detached from the engine's pool, that LISTENs on :data:`CHANNEL`.

    :meth:`marker` never waits for the server: it reads the notifications that
    have already arrived (``notifies(timeout=0)``, no round trip), so a server
    that stopped answering cannot block a poll, and a connection the server or
    the network closed shows at once as an error. The lost connection is then
    opened again in a background thread (connecting may take the whole connect
    timeout); until it LISTENs again, :meth:`marker` raises.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._heard = 0
        self._reconnecting: Future[Any] | None = None
        self._conn: Any = self._listen()  # the library was just opened: its server answers

    def _listen(self) -> Any:
        """A new connection that LISTENs on :data:`CHANNEL`; waits for the server (run in the background later)."""
        conn: Any = None
        try:
            fairy = self._engine.raw_connection()
            conn = fairy.driver_connection  # a psycopg connection
            fairy.detach()  # ours for good: a pooled connection would be reset and reused
            conn.autocommit = True
            conn.execute(f"LISTEN {CHANNEL}")
        except Exception as exc:  # psycopg's and SQLAlchemy's errors alike
            _close_quietly(conn)
            raise LibraryError(f"cannot watch the library for changes ({explain_db_error(exc)})") from exc
        return conn

    def marker(self) -> object:
        if self._conn is None:
            self._conn = self._reconnected()
            self._heard += 1  # notifications may have gone unheard while disconnected
        try:
            self._heard += sum(1 for _notify in self._conn.notifies(timeout=0))
            lost = self._conn.closed
        except Exception as exc:  # psycopg's errors, whatever the version
            self._drop()
            raise LibraryError(f"lost the connection that watches the library ({explain_db_error(exc)})") from exc
        if lost:
            self._drop()
            raise LibraryError("lost the connection that watches the library")
        return self._heard

    def _reconnected(self) -> Any:
        """The connection a background attempt made; LibraryError while it is under way or if it failed."""
        attempt = self._reconnecting
        if attempt is None:
            attempt = self._reconnecting = _in_background(self._listen)
        if not attempt.done():
            raise LibraryError("waiting for the library's server to answer")
        self._reconnecting = None
        return attempt.result()  # a failed attempt raises its LibraryError; the next poll tries again

    def _drop(self) -> None:
        _close_quietly(self._conn)
        self._conn = None

    def close(self) -> None:
        attempt, self._reconnecting = self._reconnecting, None
        if attempt is not None:  # a connection it makes is closed as soon as it is made
            attempt.add_done_callback(_close_made)
        self._drop()


def _close_quietly(conn: Any) -> None:
    if conn is not None:
        with contextlib.suppress(Exception):  # closing a broken connection: nothing to do about it
            conn.close()


def _close_made(attempt: Future[Any]) -> None:
    if attempt.exception() is None:
        _close_quietly(attempt.result())


def _in_background(make: Callable[[], Any]) -> Future[Any]:
    """Call *make* in a daemon thread (one that never holds up the program's exit); its outcome, later."""
    outcome: Future[Any] = Future()

    def run() -> None:
        try:
            outcome.set_result(make())
        except BaseException as exc:  # handed to whoever reads the outcome
            outcome.set_exception(exc)

    threading.Thread(target=run, name="annotator-watch-reconnect", daemon=True).start()
    return outcome


class _Marker:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def marker(self) -> object:
        return last_change_marker(self._engine)

    def close(self) -> None:
        pass


class ChangeWatcher:
    """Storage: answers "did anyone commit since I last asked?" cheaply, for polling.

    Close it with the library (an open SQLite watcher keeps SQLite from removing
    the ``-wal`` file at close). :meth:`changed` raises :class:`LibraryError`
    when the library cannot be read; a PostgreSQL watcher then reconnects in the
    background, raising until it listens again, and then answers True.
    """

    def __init__(self, engine: Engine) -> None:
        path = sqlite_file(engine.url)
        source: _SqliteVersion | _PostgresListener | _Marker
        if path is not None:
            source = _SqliteVersion(path)
        elif engine.dialect.name == "postgresql" and engine.dialect.driver == "psycopg":
            source = _PostgresListener(engine)
        else:
            source = _Marker(engine)
        self._source = source
        self._last = source.marker()

    def changed(self) -> bool:
        """True if a commit happened since the last call (or since the watcher was made)."""
        try:
            marker = self._source.marker()
        except LibraryError:
            self._last = object()  # whatever comes next is a change: something may have been missed
            raise
        changed = marker != self._last
        self._last = marker
        return changed

    def close(self) -> None:
        self._source.close()

    def __enter__(self) -> ChangeWatcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
