"""Storage: the unit of work. One user action, one transaction, one commit.

Repositories never commit; services open a unit of work, do everything the
action needs through its session, and the unit of work commits once at the
end, or rolls everything back if anything failed. Database errors come out as
:class:`LibraryError` with a message a person can act on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy.exc as sa_exc
from sqlalchemy.engine import Engine
from sqlmodel import Session

from annotator.storage.engine import LibraryError


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
def unit_of_work(engine: Engine) -> Iterator[Session]:
    """A session whose work is committed once on success and rolled back on error."""
    session = Session(engine, expire_on_commit=False, autoflush=False)
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
