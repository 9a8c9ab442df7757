"""The ``annotator documents`` and ``annotator memos`` commands.

- ``annotator documents rename DOCUMENT-ID TITLE``
- ``annotator documents delete DOCUMENT-ID [--yes]``: without ``--yes`` it says
  what the delete would remove and changes nothing (exit status 1); with it, a
  SQLite library is backed up first (the backup's path goes to stderr).
- ``annotator memos [--json]``: every memo with its place, as Markdown (or JSON).

Errors come out through ``annotator.cli.main`` as one line, with its exit statuses.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

from annotator.cli_text import json_text, terminal_safe
from annotator.core.errors import InvalidInput
from annotator.services import documents, memos
from annotator.services.library import Library


def add_documents_commands(subparsers: Any) -> None:
    """Add ``documents`` and ``memos`` to the ``annotator`` command's subparsers."""
    p: argparse.ArgumentParser = subparsers.add_parser("documents", help="rename or delete a document")
    actions = p.add_subparsers(dest="documents_command", metavar="ACTION", required=True)
    rename = actions.add_parser("rename", help="give a document another title")
    rename.add_argument("document_id", metavar="DOCUMENT-ID")
    rename.add_argument("title", metavar="TITLE")
    delete = actions.add_parser(
        "delete", help="delete a document with its annotations and versions (a SQLite library is backed up first)"
    )
    delete.add_argument("document_id", metavar="DOCUMENT-ID")
    delete.add_argument("--yes", action="store_true", help="delete it (without: say what would be deleted)")
    m = subparsers.add_parser("memos", help="print every memo with its place (Markdown)")
    m.add_argument("--json", action="store_true", help="print JSON instead of Markdown")


def cmd_documents(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator documents rename|delete``."""
    if args.documents_command == "rename":
        documents.rename_document(library(), document_id=args.document_id, title=args.title)
        return
    details = documents.document_details(library(), args.document_id)
    what = (
        f"'{terminal_safe(details.title)}' with {details.annotations + details.orphans} annotation(s) and "
        f"{len(details.versions)} previous version(s)"
    )
    if not args.yes:
        raise InvalidInput(f"this would delete {what}; run again with --yes to delete it")
    deleted = documents.delete_document(library(), document_id=args.document_id)
    backup = f" (backup: {terminal_safe(str(deleted.backup))})" if deleted.backup else ""
    print(f"deleted {what}{backup}", file=sys.stderr)


def cmd_memos(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator memos``: Markdown, or with ``--json`` a JSON array."""
    found = memos.all_memos(library())
    if args.json:
        sys.stdout.write(json_text(memos.memos_json(found)) + "\n")
    else:
        # Line breaks are the Markdown's own; any other control character is shown, not obeyed.
        text = memos.memos_markdown(found)
        sys.stdout.write("\n".join(terminal_safe(line) for line in text.split("\n")))
