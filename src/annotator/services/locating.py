"""Services: saying where a library is, in words for the person using it."""

from __future__ import annotations

from sqlalchemy.engine import make_url

from annotator.services.backups import library_file


def describe_library(url: str) -> str:
    """Where a library is, for people: a SQLite file's path, ``user@host/db`` for a server.

    Never the password, and not the URL (``sqlite:////home/…`` means little to a reader).
    """
    path = library_file(url)
    if path is not None:
        return str(path)
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":  # in memory, or a "file:" URI
        database = parsed.database or ""
        return "a library in memory" if database in ("", ":memory:") else database
    host = (parsed.host or "localhost") + (f":{parsed.port}" if parsed.port else "")
    return (f"{parsed.username}@" if parsed.username else "") + f"{host}/{parsed.database or ''}"
