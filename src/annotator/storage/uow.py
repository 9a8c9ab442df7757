"""Storage: the unit of work. One user action, one transaction, one commit.

Repositories never commit; services open a unit of work, do everything the
action needs through its session, and the unit of work commits once at the
end, or rolls everything back if anything failed. Database errors come out as
:class:`LibraryError` with a message a person can act on.

On SQLite the outermost unit of work starts with ``BEGIN IMMEDIATE`` (see
:mod:`annotator.storage.engine`), so two programs writing one library wait for
each other instead of failing. A unit of work opened inside another one in the
same thread (a read from a progress callback, say) keeps a deferred ``BEGIN``:
waiting for the write lock its own caller holds would only time out.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import sqlalchemy.exc as sa_exc
from sqlalchemy.engine import Engine

# What a unit of work hands to the repositories; services name it only as this type.
from sqlmodel import Session as Session

from annotator.storage.engine import BEGIN_IMMEDIATE, LibraryError

_open_units: ContextVar[int] = ContextVar("open_units_of_work", default=0)


def explain_db_error(exc: BaseException) -> str:
    """One line that says what went wrong with the database, in the user's words."""
    text = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in text or "read-only" in text:
        return "the library is read-only; nothing was saved"
    if "locked" in text or "busy" in text:
        return "the library is busy in another program; nothing was saved, try again"
    if "disk is full" in text or "no space" in text or "database or disk is full" in text:
        return "the disk is full; nothing was saved"
    if "not a database" in text or "malformed" in text or "file is encrypted" in text:
        return "the library file is damaged or is not an Annotator library"
    if "unable to open" in text:
        return "the library file cannot be opened"
    first = str(getattr(exc, "orig", exc)).strip().splitlines()
    return f"database error: {first[0] if first else type(exc).__name__}"


@contextmanager
def database_errors(doing: str) -> Iterator[None]:
    """Turn a database error raised inside into a :class:`LibraryError` saying ``"<doing>: <why>"``.

    For work outside a unit of work (migrations on open, say), which would
    otherwise let SQLAlchemy's own exceptions out of storage.
    """
    try:
        yield
    except sa_exc.SQLAlchemyError as exc:
        raise LibraryError(f"{doing}: {explain_db_error(exc)}") from exc


@contextmanager
def reading(engine: Engine) -> Iterator[Session]:
    """A session for reads only: one consistent snapshot, rolled back at the end.

    It starts with a deferred ``BEGIN``, so on SQLite it never waits for a writer
    (WAL lets readers and one writer work side by side): a window refreshing what
    it shows must not stall behind another program's long import. All its reads
    see one moment: SQLite's read transaction does that, PostgreSQL needs
    REPEATABLE READ (each statement of READ COMMITTED sees its own moment, so a
    text and its annotations could come from both sides of a revision).
    """
    bind = (
        engine.execution_options(isolation_level="REPEATABLE READ") if engine.dialect.name == "postgresql" else engine
    )
    session = Session(bind, expire_on_commit=False, autoflush=False)
    try:
        yield session
    except sa_exc.SQLAlchemyError as exc:
        raise LibraryError(explain_db_error(exc)) from exc
    finally:
        session.rollback()
        session.close()


@contextmanager
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed once on success and rolled back on error."""
    depth = _open_units.get()
    bind = engine.execution_options(**{BEGIN_IMMEDIATE: True}) if depth == 0 else engine
    token = _open_units.set(depth + 1)
    session = Session(bind, expire_on_commit=False, autoflush=False)
    try:
        yield session
        session.commit()
    except sa_exc.SQLAlchemyError as exc:
        session.rollback()
        raise LibraryError(explain_db_error(exc)) from exc
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
        _open_units.reset(token)
