"""Storage: backup *files* of a SQLite library, made and restored with SQLite's online backup API.

(The policy, which backups are due, kept, listed and checked, is
:mod:`annotator.services.backups`; this module only reads and writes the files.)

A live SQLite library is never copied as a file: a copy taken while the program
(or another one) writes, or without its ``-wal`` file, can be torn or stale.
SQLite's backup API reads one consistent snapshot through SQLite itself.

Backups live in ``backups/`` beside the library, one self-contained file each
(rollback journal, no ``-wal``), readable by the user only (0600), named
``<library file name>-<kind>-<UTC timestamp>.sqlite3`` (``lib.db-daily-…``) so the
library, the kind and the moment can be read back from the name alone. The kinds
are in :data:`KINDS`.

Backups made before this version were named by the library's *stem* only
(``lib-daily-…``), which two libraries in one folder can share (``lib.db`` and
``lib.sqlite3``). Such a name still counts as a backup of the library with that
stem, but only while no other library (SQLite file) in the folder has that stem:
a backup that could be another library's is never listed, pruned, offered or
restored as this one's (:func:`unattributed_backups` lists them, to say so).

Everything here works on paths; whether a file is a sound library is
:func:`annotator.storage.inspection.problem_with`.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
from contextlib import closing, suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.storage.engine import COMPANIONS, LibraryError, busy_timeout_ms, held_here
from annotator.storage.inspection import SQLITE_HEADER, open_read_only, problem_with

BACKUPS_FOLDER = "backups"
BEFORE_MIGRATION = "before-migration"
DAILY = "daily"
WEEKLY = "weekly"
MANUAL = "manual"
BEFORE_RESTORE = "before-restore"
BEFORE_DELETE = "before-delete"  # a document was deleted (annotator.services.documents)
#: The kinds of backup; only ``daily`` and ``weekly`` are ever pruned.
KINDS = (BEFORE_MIGRATION, DAILY, WEEKLY, MANUAL, BEFORE_RESTORE, BEFORE_DELETE)

_STAMP_FORMAT = "%Y%m%dT%H%M%S%fZ"
# "before-0001" is how migration backups were named before the kinds existed.
_KIND_PATTERN = "|".join(re.escape(k) for k in KINDS) + r"|before-[0-9A-Za-z_]+"
_STAMP_PATTERN = r"\d{8}T\d{12}Z"


@dataclass(frozen=True, slots=True)
class BackupFile:
    """Storage: one backup file of a library, as its name describes it."""

    path: Path
    kind: str
    created: datetime  # UTC, from the name (a copied file keeps it; mtime would not)


def backups_dir(library_path: Path) -> Path:
    """The folder that holds the backups of the library at *library_path*."""
    return library_path.parent / BACKUPS_FOLDER


def _may_be_a_library(entry: os.DirEntry[str]) -> bool:
    """Whether a file could be a SQLite library (its header says so, or it cannot be read)."""
    try:
        if entry.is_dir():
            return False
        if held_here(Path(entry.path)):
            return True  # a library open here: reading it would drop this process's locks on it
        with open(entry.path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return True  # cannot tell: assume it may be


def owns_its_stem(library_path: Path) -> bool:
    """Whether no other library in its folder has its stem, so that backups named by the
    stem alone (the old way: ``lib-daily-…``) can only be its own.

    Another library is another SQLite file (or one that cannot be read) with that
    stem: ``lib.db`` beside ``lib.sqlite3``. The library's own ``-wal``, ``-shm`` and
    ``-journal`` files do not count, nor do other files (``lib.txt``).
    """
    own = {library_path.name, *(library_path.name + suffix for suffix in COMPANIONS)}
    try:
        with os.scandir(library_path.parent) as entries:
            return not any(
                e.name not in own and Path(e.name).stem == library_path.stem and _may_be_a_library(e) for e in entries
            )
    except OSError:
        return False  # cannot tell: claim nothing that may be another library's


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime(_STAMP_FORMAT)


def _create_private(target: Path) -> None:
    # O_EXCL: never overwrite an existing backup; 0600 from the first byte, whatever the umask.
    fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def _new_backup_path(library_path: Path, label: str, now: datetime | None) -> Path:
    folder = backups_dir(library_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)  # private, like the library folder
    moment = (now or datetime.now(UTC)).astimezone(UTC)
    while True:
        target = folder / f"{library_path.name}-{label}-{_stamp(moment)}.sqlite3"
        try:
            _create_private(target)
            return target
        except FileExistsError:  # two backups in one microsecond: the next one
            moment = moment.replace(microsecond=(moment.microsecond + 1) % 1_000_000)


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """Write what *source* holds into the new (empty, existing) file *target*, as one file.

    The result uses a rollback journal, not WAL: a backup is a single file that
    can be copied, mailed or opened read-only anywhere.
    """
    with closing(sqlite3.connect(target, isolation_level=None)) as dst:
        source.backup(dst)
        dst.execute("PRAGMA journal_mode = DELETE")


def write_backup(library_path: Path, label: str, *, now: datetime | None = None) -> Path:
    """Back up the SQLite library at *library_path* as ``<name>-<label>-<stamp>.sqlite3``.

    Reads through a read-only connection, so it works while the library is open
    (here or in another program) and cannot change it. Raises :class:`LibraryError`.
    """
    try:
        target = _new_backup_path(library_path, label, now)
    except OSError as exc:
        raise LibraryError(f"could not make a backup in {backups_dir(library_path)} ({exc})") from exc
    try:
        with open_read_only(library_path) as src:
            src.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
            copy_database(src, target)
    except (sqlite3.Error, OSError) as exc:
        with suppress(OSError):
            target.unlink()
        raise LibraryError(f"could not back up {library_path} ({exc})") from exc
    return target


def make_backup(library_path: Path, kind: str, *, now: datetime | None = None) -> Path:
    """Back up the library at *library_path* as a backup of *kind* (one of :data:`KINDS`)."""
    if kind not in KINDS:
        raise ValueError(f"unknown kind of backup {kind!r} (kinds: {', '.join(KINDS)})")
    return write_backup(library_path, kind, now=now)


def _match(prefix: str, name: str) -> re.Match[str] | None:
    pattern = rf"{re.escape(prefix)}-(?P<kind>{_KIND_PATTERN})-(?P<stamp>{_STAMP_PATTERN})\.sqlite3"
    return re.fullmatch(pattern, name)


def _parsed(path: Path, match: re.Match[str]) -> BackupFile:
    kind = match["kind"]
    if kind not in KINDS:  # "before-0001": a migration backup named the old way
        kind = BEFORE_MIGRATION
    created = datetime.strptime(match["stamp"], _STAMP_FORMAT).replace(tzinfo=UTC)
    return BackupFile(path, kind, created)


def parse_backup_name(library_path: Path, path: Path, *, owns_stem: bool | None = None) -> BackupFile | None:
    """What the name of *path* says about it, if it names a backup of *library_path*.

    A name made of the library's file name is its backup. A name made of its stem
    only (how backups were named before; for a library whose name has no extension the
    two are the same) is its backup only if no other library in its folder has that
    stem (:func:`owns_its_stem`; *owns_stem* gives the answer when the caller knows it).
    """
    stem, name = library_path.stem, library_path.name
    if stem != name and (match := _match(name, path.name)) is not None:
        return _parsed(path, match)
    match = _match(stem, path.name)  # a stem-only name: perhaps another library's
    if match is None or not (owns_its_stem(library_path) if owns_stem is None else owns_stem):
        return None
    return _parsed(path, match)


def _backup_files(library_path: Path) -> list[Path]:
    folder = backups_dir(library_path)
    if not folder.is_dir():
        return []
    return [p for p in folder.iterdir() if p.is_file()]


def backups_of(library_path: Path) -> list[BackupFile]:
    """The backups of the library at *library_path*, newest first."""
    files = _backup_files(library_path)
    owns_stem = owns_its_stem(library_path) if files else False
    found = [parse_backup_name(library_path, p, owns_stem=owns_stem) for p in files]
    return sorted((b for b in found if b is not None), key=lambda b: (b.created, b.path.name), reverse=True)


def unattributed_backups(library_path: Path) -> list[Path]:
    """Backups named by the library's stem alone (the old way) that are not counted as its own
    because another library in its folder has that stem: they may be that library's."""
    if owns_its_stem(library_path):
        return []
    stem, name = library_path.stem, library_path.name
    return sorted(
        p for p in _backup_files(library_path) if _match(stem, p.name) and not (stem != name and _match(name, p.name))
    )


def prune(library_path: Path, kind: str, keep: int) -> list[Path]:
    """Delete all but the *keep* newest backups of *kind* (daily or weekly only); return them."""
    if kind not in (DAILY, WEEKLY):
        raise ValueError(f"only daily and weekly backups are pruned, not {kind!r}")
    doomed = [b.path for b in backups_of(library_path) if b.kind == kind][keep:]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed


def newest_good_backup(library_path: Path) -> Path | None:
    """The newest backup of the library at *library_path* that passes :func:`problem_with`."""
    for backup in backups_of(library_path):
        try:
            if problem_with(backup.path, immutable=True) is None:
                return backup.path
        except LibraryError:  # unreadable (permissions): not one to offer
            continue
    return None


def backup_hint(library_path: Path) -> str:
    """A sentence to append to "this library is damaged": where its newest good backup is."""
    try:
        good = newest_good_backup(library_path)
    except OSError:
        good = None
    if good is None:
        return f"; there is no good backup of it in {backups_dir(library_path)}"
    created = parse_backup_name(library_path, good)
    when = f" (made {created.created:%Y-%m-%d %H:%M} UTC)" if created else ""
    return f"; the newest good backup is {good}{when}"


def _save_unreadable(library_path: Path, now: datetime | None) -> Path:
    # The library is closed (restore's contract) and SQLite cannot read it, so its bytes are
    # all there is to keep: copied as they are, -wal included, for whoever tries to rescue it.
    target = _new_backup_path(library_path, BEFORE_RESTORE, now)
    shutil.copyfile(library_path, target)
    wal = library_path.with_name(library_path.name + "-wal")
    if wal.is_file():
        wal_copy = target.with_name(target.name + "-wal")
        _create_private(wal_copy)
        shutil.copyfile(wal, wal_copy)
    return target


def _replace_with_empty(library_path: Path) -> None:
    library_path.unlink()
    for suffix in ("-wal", "-shm", "-journal"):
        library_path.with_name(library_path.name + suffix).unlink(missing_ok=True)
    _create_private(library_path)


def restore_file(library_path: Path, backup_path: Path, *, now: datetime | None = None) -> Path | None:
    """Put the backup at *backup_path* in place of the library at *library_path*.

    The library must be closed in this program (an open :class:`Library` on it
    would keep stale caches and undo steps). First the library as it is now is
    backed up as ``before-restore`` (byte for byte if SQLite cannot read it, so a
    damaged library can still be rescued); then the backup is written into the
    library file through SQLite, as one transaction: a crash half-way leaves the
    old library. Returns the ``before-restore`` backup (None if there was no
    library). Raises :class:`LibraryError` for an unusable backup or a failure,
    with the library unchanged unless the message says where it was saved.
    """
    backup_path = Path(backup_path)
    problem = problem_with(backup_path)
    if problem is not None:
        raise LibraryError(f"{backup_path} cannot be restored: it is {problem}")
    if library_path.exists() and library_path.resolve() == backup_path.resolve():
        raise LibraryError(f"{backup_path} is the library itself")
    saved: Path | None = None
    if library_path.is_file() and library_path.stat().st_size > 0:
        if problem_with(library_path) is None:
            saved = write_backup(library_path, BEFORE_RESTORE, now=now)
        else:
            # Damaged or foreign: SQLite can neither copy nor overwrite it, so keep its bytes
            # (it is closed, per the contract) and restore into a fresh file.
            try:
                saved = _save_unreadable(library_path, now)
            except OSError as exc:
                raise LibraryError(
                    f"could not save {library_path} before restoring ({exc}); nothing was changed"
                ) from exc
            _replace_with_empty(library_path)
    elif not library_path.exists():
        library_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _create_private(library_path)
    kept = f"; the library as it was is saved in {saved}" if saved else ""
    try:
        with open_read_only(backup_path) as src, closing(sqlite3.connect(library_path, isolation_level=None)) as dst:
            dst.execute(f"PRAGMA busy_timeout = {busy_timeout_ms()}")
            # Fail now, clearly, if another program is writing (the backup API would retry forever).
            dst.execute("BEGIN IMMEDIATE")
            dst.execute("ROLLBACK")
            src.backup(dst)
            check = dst.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.Error as exc:
        raise LibraryError(f"could not restore {backup_path} into {library_path} ({exc}){kept}") from exc
    if check != "ok":
        raise LibraryError(f"the restored library {library_path} fails its integrity check ({check}){kept}")
    return saved
