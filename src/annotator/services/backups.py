"""Services: backups of a library, checking a library, and noticing other programs' changes.

- :func:`ensure_rolling_backups` keeps a daily and a weekly backup beside a
  SQLite library (the 7 newest daily and 5 newest weekly are kept; manual,
  before-migration and before-restore backups are never deleted). Whoever opens
  a library calls it once after opening.
- :func:`backup_now`, :func:`list_backups`, :func:`restore_backup` and
  :func:`check_library` are ``annotator db backup|backups|restore|check``.
- :func:`restore_library` is the window's restore: it closes the open library,
  restores and opens it again.

This module is the *policy*: which backups are due, kept, listed and how a check
reads. The files themselves are made, pruned and restored by
:mod:`annotator.storage.backup_files`, and read by :mod:`annotator.storage.inspection`.

Backups are a SQLite matter: a PostgreSQL library is backed up by its server's
administrator (``pg_dump``); the functions here say so instead of pretending.
All of them raise :class:`LibraryError` with a message a person can act on.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Literal

from annotator.core.errors import USER_ERRORS
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage import backup_files as files
from annotator.storage.backup_files import KINDS, BackupFile, newest_good_backup
from annotator.storage.engine import LibraryError, sqlite_file
from annotator.storage.inspection import Inspection, inspect_file, inspect_server, problem_with, refuse_folder
from annotator.storage.migrate import head_revision, is_known_revision

__all__ = [
    "KINDS",
    "BackupInfo",
    "CheckReport",
    "RestoreResult",
    "backup_now",
    "check_library",
    "ensure_rolling_backups",
    "library_file",
    "list_backups",
    "newest_good_backup",
    "restore_backup",
    "restore_library",
    "unlisted_backups",
]

DAILY_KEPT = 7
WEEKLY_KEPT = 5
DAY = timedelta(days=1)
WEEK = timedelta(days=7)


def library_file(target: Library | Path | str) -> Path | None:
    """The SQLite file of a library (an open one, a path or a URL); None for other databases.

    :func:`annotator.storage.engine.sqlite_file` answers; this takes an open library too.
    """
    return sqlite_file(target if isinstance(target, Path | str) else target.url)


@contextmanager
def _file_errors(doing: str) -> Iterator[None]:
    """Turn an OSError (permissions, a full disk) into a :class:`LibraryError` that says what failed."""
    try:
        yield
    except OSError as exc:
        raise LibraryError(f"could not {doing} ({exc.strerror or exc})") from exc


def _sqlite_file_of(library: Library | Path | str, doing: str) -> Path:
    path = library_file(library)
    if path is None:
        raise LibraryError(
            f"Annotator {doing} SQLite libraries only; back up a server database with its own tools (pg_dump)"
        )
    refuse_folder(path)
    return path


# -- making backups ------------------------------------------------------------------------------


def _has_documents(path: Path) -> bool:
    try:
        found = inspect_file(path, check=None, contents=True)
    except LibraryError:
        return True  # let the backup itself try, and say what is wrong
    return found.documents != 0  # unreadable or damaged (None): the backup says what is wrong


def ensure_rolling_backups(library: Library | Path | str, *, now: datetime | None = None) -> list[Path]:
    """Make the daily and weekly backups that are due, prune old ones; return those made.

    A daily backup is made when the newest one is a day old or more (or there is
    none), a weekly one when the newest is seven days old. Only the
    :data:`DAILY_KEPT` newest daily and :data:`WEEKLY_KEPT` newest weekly backups
    are kept. Nothing happens for a library that is not a SQLite file or has no
    documents yet (nothing to lose, and every new library would start with two
    backups). Raises :class:`LibraryError` if a backup cannot be written: callers
    opening a library should show that as a warning and carry on.
    """
    path = library_file(library)
    if path is None or not path.is_file() or path.stat().st_size == 0 or not _has_documents(path):
        return []
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    with _file_errors(f"list the backups of {path}"):
        existing = files.backups_of(path)

    def due(kind: str, age: timedelta) -> bool:
        newest = next((b for b in existing if b.kind == kind), None)
        return newest is None or moment - newest.created >= age

    made: list[Path] = []
    if isinstance(library, Library) and (due(files.DAILY, DAY) or due(files.WEEKLY, WEEK)):
        library.wait_for_check()  # a damaged file is never copied over the good backups it would push out
    if due(files.DAILY, DAY):
        made.append(files.make_backup(path, files.DAILY, now=moment))
    if due(files.WEEKLY, WEEK):
        made.append(files.make_backup(path, files.WEEKLY, now=moment))
    with _file_errors(f"remove old backups of {path}"):
        files.prune(path, files.DAILY, DAILY_KEPT)
        files.prune(path, files.WEEKLY, WEEKLY_KEPT)
    return made


def backup_now(library: Library | Path | str, *, now: datetime | None = None) -> Path:
    """Make a ``manual`` backup (never pruned) of the library now; return its path.

    Safe while the library is open and being written, here or elsewhere: SQLite's
    online backup API copies one consistent snapshot. A damaged or foreign file is
    refused (the message names the newest good backup).
    """
    path = _sqlite_file_of(library, "backs up")
    if not path.is_file():
        raise LibraryError(f"there is no library at {path}")
    problem = problem_with(path)
    if problem is not None:
        raise LibraryError(f"{path} is {problem}; it was not backed up{files.backup_hint(path)}")
    return files.make_backup(path, files.MANUAL, now=now)


# -- listing ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BackupInfo:
    """Services: one backup of a library, with what it holds (None where unreadable)."""

    path: Path
    kind: str
    created: datetime
    size: int
    documents: int | None
    annotations: int | None


def _counts(path: Path) -> tuple[int | None, int | None]:
    try:
        found = inspect_file(path, check=None, contents=True, immutable=True)
    except LibraryError:
        return None, None
    return found.documents, found.annotations


def _info(backup: BackupFile) -> BackupInfo:
    documents, annotations = _counts(backup.path)
    return BackupInfo(backup.path, backup.kind, backup.created, backup.path.stat().st_size, documents, annotations)


def list_backups(library: Library | Path | str) -> list[BackupInfo]:
    """The backups of a SQLite library, newest first, with their document and annotation counts."""
    path = _sqlite_file_of(library, "keeps backups of")
    with _file_errors(f"list the backups of {path}"):
        return [_info(b) for b in files.backups_of(path)]


def unlisted_backups(library: Library | Path | str) -> list[Path]:
    """Backups named the old way, by the library's stem alone (``lib-daily-…``), that are not
    listed as its own because another library in its folder has that stem (``lib.db`` beside
    ``lib.sqlite3``): they may be that library's. Restore one by its path if it is this one's."""
    path = _sqlite_file_of(library, "keeps backups of")
    with _file_errors(f"list the backups of {path}"):
        return files.unattributed_backups(path)


# -- restoring ----------------------------------------------------------------------------------


def restore_backup(library_path: Path | str, backup_path: Path | str, *, now: datetime | None = None) -> Path | None:
    """Replace the library at *library_path* with the backup at *backup_path*.

    **Close the library first** (every :class:`Library` on it, in this program;
    other programs should be closed too): the restore writes into the file
    through SQLite, which is safe for them, but they would keep showing what they
    had. The library as it is is first saved as a ``before-restore`` backup, whose
    path is returned (None if there was no library). The restored library passes
    ``PRAGMA integrity_check``; an older schema is migrated on next open. Raises
    :class:`LibraryError` for a backup that is damaged, not a library, or made by
    a newer Annotator, and leaves the library unchanged then.
    """
    library_path = _sqlite_file_of(library_path, "restores")
    backup_path = Path(backup_path)
    if not backup_path.is_file():
        raise LibraryError(f"there is no backup at {backup_path}")
    problem = problem_with(backup_path)
    if problem is not None:
        raise LibraryError(f"{backup_path} cannot be restored: it is {problem}")
    revision = inspect_file(backup_path, check=None, contents=True).revision
    if revision is not None and not is_known_revision(revision):
        raise LibraryError(
            f"{backup_path} was made by a newer version of Annotator (schema {revision}); update Annotator to restore it"
        )
    with _file_errors(f"restore {backup_path} into {library_path}"):
        return files.restore_file(library_path, backup_path, now=now)


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """Services: what :func:`restore_library` did.

    ``library`` is the library opened again: the one given was closed, so use
    this one from now on, whether or not the restore worked. ``saved`` is the
    ``before-restore`` backup of the library as it was (None if there was no
    library file, or the restore failed before saving it). ``problem`` says why
    the restore failed, in one line (None when it worked); the library is then
    as it was. ``changes`` says ``library_reloaded``: every document, annotation
    and tag may differ, so views reload it all rather than apply a difference (a
    failed restore changed nothing, but the library was closed and opened again,
    so they reload from it as well).
    """

    library: Library
    saved: Path | None
    problem: str | None = None
    changes: Changes = field(default_factory=lambda: Changes(library_reloaded=True))

    @property
    def restored(self) -> bool:
        return self.problem is None


def restore_library(library: Library, backup_path: Path | str, *, now: datetime | None = None) -> RestoreResult:
    """Replace an open SQLite library with the backup at *backup_path*: the window's restore.

    ``restore_library(library, backup_path) -> RestoreResult``: closes *library*
    (its engine; the caller stops anything still using it first, such as a change
    watcher), restores the backup as :func:`restore_backup` does (keeping the
    library as it was in a ``before-restore`` backup), and opens the library
    again (migrating a backup of an older schema). The result holds the reopened
    :class:`Library`, the ``before-restore`` backup and, if the restore failed,
    why (see :class:`RestoreResult`).

    Raises :class:`LibraryError` without closing anything for a library that is
    not a SQLite file (a server library is restored with its server's tools), and
    what :meth:`Library.open` raises when the library cannot be opened again:
    there is then no open library.
    """
    path = _sqlite_file_of(library, "restores")
    library.close()
    saved: Path | None = None
    problem: str | None = None
    try:
        saved = restore_backup(path, backup_path, now=now)
    except USER_ERRORS as exc:  # a refused or failed restore leaves the library as it was
        problem = str(exc)
    return RestoreResult(Library.open(library.url), saved, problem)


# -- checking -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CheckReport:
    """Services: what ``annotator db check`` found. ``ok`` when ``problems`` is empty."""

    target: str
    checks: tuple[str, ...]  # what was checked, as lines for a person ("integrity: ok", ...)
    problems: tuple[str, ...]
    revision: str | None = None
    head: str = field(default_factory=head_revision)
    documents: int | None = None
    annotations: int | None = None

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        """The report as lines to print."""
        out = [f"library: {self.target}", *self.checks]
        if self.documents is not None:
            out.append(f"contents: {self.documents} document(s), {self.annotations} annotation(s)")
        out += [f"problem: {p}" for p in self.problems]
        out.append("result: ok" if self.ok else f"result: {len(self.problems)} problem(s)")
        return out


def _revision_lines(revision: str | None, has_table: bool) -> tuple[list[str], list[str]]:
    head = head_revision()
    if not has_table:
        return [], ["no alembic_version table: this is not an Annotator library"]
    if revision is None:
        return [], ["the schema revision is missing (alembic_version is empty)"]
    if not is_known_revision(revision):
        return [], [f"schema {revision} was made by a newer version of Annotator (this one knows up to {head})"]
    if revision != head:
        return [f"schema: {revision} (migrated to {head} when next opened, after a backup)"], []
    return [f"schema: {revision} (current)"], []


def _report(found: Inspection, checks: list[str], problems: list[str]) -> CheckReport:
    """The report on what :func:`inspect_file` or :func:`inspect_server` found, with what was said so far."""
    if found.damage is not None:
        return CheckReport(
            found.target, tuple(checks), (*problems, f"damaged or not a SQLite database ({found.damage})")
        )
    lines, revision_problems = _revision_lines(found.revision, found.is_annotator_library)
    return CheckReport(
        found.target, tuple(checks + lines), tuple(problems + revision_problems), found.revision,
        documents=found.documents, annotations=found.annotations,
    )  # fmt: skip


def _check_sqlite(path: Path, quick: bool) -> CheckReport:
    if path.is_dir():
        return CheckReport(str(path), (), (f"{path} is a folder, not a library file",))
    if not path.is_file():
        return CheckReport(str(path), (), (f"there is no library file at {path}",))
    pragma: Literal["quick_check", "integrity_check"] = "quick_check" if quick else "integrity_check"
    found = inspect_file(path, check=pragma, foreign_keys=True, contents=True)
    if found.unreadable is not None:  # cannot open, busy: a fact about access, not the file
        raise LibraryError(f"cannot read {path} ({found.unreadable})")
    checks: list[str] = []
    problems: list[str] = []
    name = pragma.replace("_", " ")
    if found.check == ("ok",):
        checks.append(f"{name}: ok")
    elif found.check is not None:
        problems += [f"{name}: {r}" for r in found.check[:20]]
        if len(found.check) > 20:
            problems.append(f"{name}: ... and {len(found.check) - 20} more")
    if found.foreign_keys:
        problems += [
            f"foreign key: {table} row {rowid} refers to a missing {parent}"
            for table, rowid, parent in found.foreign_keys[:20]
        ]
    elif found.foreign_keys is not None:
        checks.append("foreign keys: ok")
    return _report(found, checks, problems)


def _check_server(url: str) -> CheckReport:
    checks = ["integrity: kept by the database server (not checked here)", "foreign keys: enforced by the server"]
    return _report(inspect_server(url), checks, [])


def check_library(url: str, *, quick: bool = False) -> CheckReport:
    """Check a library without changing it: SQLite's integrity (or quick) check, foreign
    keys and a known schema revision; on a server database, the schema revision.

    Never migrates or creates anything. Raises :class:`LibraryError` only when the
    library cannot be read at all (a report of its problems is the normal result).
    """
    path = library_file(url)
    if path is not None:
        return _check_sqlite(path, quick)
    return _check_server(url)
