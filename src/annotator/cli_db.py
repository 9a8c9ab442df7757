"""The ``annotator db`` commands: back up, list backups, restore and check a library.

::

    annotator [--database URL_OR_PATH] db backup            # prints the new backup's path
    annotator [--database URL_OR_PATH] db backups           # created, kind, size, counts, path
    annotator [--database URL_OR_PATH] db restore BACKUP    # a path, or a name in backups/
    annotator [--database URL_OR_PATH] db check [--quick]   # integrity, foreign keys, schema

These run *before* a library is opened, unlike the other subcommands:
``db restore`` needs the library closed, and ``db check`` must read a damaged
library that :meth:`Library.open` would refuse. They never migrate, seed or
create a library. Exit status as for every command: 0 on success, 2 for a
usage error, 1 with one ``annotator: error: ...`` line on stderr otherwise
(``db check`` prints its report on stdout first).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from annotator import config
from annotator.cli_text import terminal_safe, tsv_line
from annotator.core.errors import USER_ERRORS, LibraryError
from annotator.services import backups
from annotator.storage.backup_files import backups_dir


def add_db_commands(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``db`` and its subcommands to the ``annotator`` parser's *subparsers*."""
    db = subparsers.add_parser("db", help="back up, restore and check the library")
    sub = db.add_subparsers(dest="db_command", metavar="DB-COMMAND", required=True)
    sub.add_parser("backup", help="make a backup now (never pruned); prints its path")
    sub.add_parser("backups", help="list the backups: created, kind, size, documents, annotations, path")
    p = sub.add_parser("restore", help="replace the library with a backup; the library as it is is backed up first")
    p.add_argument("backup", metavar="BACKUP", help="a backup file, or the name of one in the backups folder")
    p = sub.add_parser("check", help="check integrity, foreign keys and schema version, changing nothing")
    p.add_argument("--quick", action="store_true", help="PRAGMA quick_check instead of the full integrity_check")
    return db


def _library_path(url: str) -> Path:
    path = backups.library_file(url)
    if path is None:
        raise LibraryError(
            "backups and restores are for SQLite libraries; back up a server database with its own tools (pg_dump)"
        )
    return path


def _cmd_backup(url: str, args: argparse.Namespace) -> int:
    print(terminal_safe(str(backups.backup_now(_library_path(url)))))
    return 0


def _cmd_backups(url: str, args: argparse.Namespace) -> int:
    path = _library_path(url)
    found = backups.list_backups(path)
    print("\t".join(["created", "kind", "size", "documents", "annotations", "path"]))
    for b in found:
        counts = ["?" if n is None else str(n) for n in (b.documents, b.annotations)]
        print(tsv_line([f"{b.created:%Y-%m-%d %H:%M:%S} UTC", b.kind, str(b.size), *counts, str(b.path)]))
    if not found:
        print(f"annotator: no backups yet in {terminal_safe(str(backups_dir(path)))}", file=sys.stderr)
    unlisted = backups.unlisted_backups(path)
    if unlisted:
        print(
            f"annotator: note: {len(unlisted)} older backup(s) named '{terminal_safe(path.stem)}-…' are not listed: "
            f"another library in {terminal_safe(str(path.parent))} has the same name before its extension, so they "
            "may be its backups; restore one by its path if it is this library's",
            file=sys.stderr,
        )
    return 0


def _cmd_restore(url: str, args: argparse.Namespace) -> int:
    library = _library_path(url)
    backup = Path(args.backup).expanduser()
    if not backup.exists() and (backups_dir(library) / args.backup).is_file():
        backup = backups_dir(library) / args.backup
    saved = backups.restore_backup(library, backup)
    print(terminal_safe(f"restored {library} from {backup}"))
    if saved is not None:
        print(terminal_safe(f"the library as it was is saved in {saved}"))
    return 0


def _cmd_check(url: str, args: argparse.Namespace) -> int:
    report = backups.check_library(url, quick=args.quick)
    for line in report.lines():
        print(terminal_safe(line))
    if not report.ok:
        sys.stdout.flush()
        more = f" (and {len(report.problems) - 1} more)" if len(report.problems) > 1 else ""
        problem = terminal_safe(report.problems[0])
        print(f"annotator: error: the library has problems: {problem}{more}", file=sys.stderr)
        return 1
    return 0


DB_COMMANDS = {"backup": _cmd_backup, "backups": _cmd_backups, "restore": _cmd_restore, "check": _cmd_check}


def run_db_command(args: argparse.Namespace) -> int:
    """Run the parsed ``db`` subcommand on the library ``--database`` names; the exit status."""
    try:
        url, _ = config.database_url(getattr(args, "database", None))
        return DB_COMMANDS[args.db_command](url, args)
    except USER_ERRORS as exc:
        if getattr(args, "debug", False):
            raise
        print(f"annotator: error: {terminal_safe(str(exc))}", file=sys.stderr)
        return 1
