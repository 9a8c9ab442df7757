"""The ``annotator revise`` command: replace a document's text with a revised one.

``annotator revise DOCUMENT-ID PATH [--note TEXT] [--format ID]`` reads PATH as
an import would (any readable format, decoded and normalised), refuses a file
that holds several documents or carries annotations, revises the document
(:func:`annotator.services.revising.revise_from_file`) and prints one
``<status>\\t<count>`` line per anchor status. Errors come out through
``annotator.cli.main`` as one line and exit status 1. The file is read before
the library is opened, so a file that cannot be used changes nothing.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from annotator.core.anchoring import ANCHOR_STATUSES
from annotator.formats.registry import readers
from annotator.services import revising
from annotator.services.library import Library


def add_revise_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``revise`` to the ``annotator`` command's subparsers; returns its parser."""
    p: argparse.ArgumentParser = subparsers.add_parser(
        "revise",
        help="replace a document's text with a revised version; annotations follow it, the old text is kept",
    )
    p.add_argument("document_id", metavar="DOCUMENT-ID")
    p.add_argument("path", metavar="PATH", help="the revised text (any importable format, one document)")
    p.add_argument("--note", default="", help="what changed, kept with the previous version")
    p.add_argument("--format", choices=[f.id for f in readers()], help="force a reader instead of detecting it")
    return p


def cmd_revise(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator revise``: prints ``<status>\\t<count>`` for every anchor status.

    *library* opens the library (``annotator.cli.LibraryOpener``) once the file is read.
    """
    result = revising.revise_from_file(
        library, document_id=args.document_id, path=args.path, format_id=args.format, note=args.note
    )
    for status in ANCHOR_STATUSES:
        print(f"{status}\t{result.counts[status]}")
