"""The ``annotator disagreements`` command: every stretch where two or more coders differ.

::

    annotator disagreements [DOCUMENT-ID...] [--set NAME] --coder NAME --coder NAME [--coder NAME...]
                            [--tag PATH]... [--format table|json|csv] [-o PATH]

What a stretch is, is :mod:`annotator.core.disagreements`' to say (README: Disagreements and
adjudication). No documents and no set: the whole library. ``--format json`` prints
``{"coders", "documents", "tags", "disagreements": [{"document", "title", "sha256", "start",
"end", "length", "disputed", "tags", "quote", "coded": {CODER: [{"annotation", "tag", "start",
"end", "note"}]}}]}``, largest stretch first; CSV and the table have one row per stretch
(:func:`~annotator.services.disagreements.disagreements_table`: per coder what they coded and the
annotation ids), the table tab-separated and terminal-safe. ``-o PATH`` writes the file as an
export writes one.

Fewer than two coders is a usage error (status 2); an unknown coder, tag, document or set is one
``annotator: error:`` line naming it (status 1), as ``annotator agreement`` has them.
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

import orjson

from annotator.cli_agreement import add_comparison_arguments, check_coders
from annotator.cli_text import UsageError, json_text, scope_of, tsv_line, write_csv
from annotator.services import disagreements as service
from annotator.services import exporting
from annotator.services.library import Library

Opener = Callable[[], Library]

FORMATS = ("table", "json", "csv")


def add_disagreements_command(subparsers: Any) -> None:
    """Add ``disagreements`` to the ``annotator`` command's *subparsers*."""
    p = subparsers.add_parser(
        "disagreements",
        help="every stretch where coders differ: who coded what, largest first",
        description="The stretches of text where two or more coders' annotations differ (a tag some gave "
        "and others did not), each with every coder's annotations there, largest first (no documents and "
        "no set: the whole library).",
    )
    add_comparison_arguments(p, tags_default="every tag")
    p.add_argument("--format", dest="output_format", choices=FORMATS, default="table", help="default: table")
    p.add_argument("-o", "--output", metavar="PATH", help="file to write (default: stdout)")
    p.set_defaults(where=[])


def cmd_disagreements(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator disagreements``."""
    check_coders(args)
    if args.output is not None and not args.output:
        raise UsageError("-o needs a file name (leave it out to write to stdout)")
    opened = library()
    found = service.disagreements(opened, coders=args.coders, tags=args.tags, scope=scope_of(args))
    text = _shown(found, args.output_format)
    if args.output is None:
        sys.stdout.write(text)
        return

    def write(out: BinaryIO) -> None:
        out.write(text.encode("utf-8"))

    exporting.write_to_path(opened, args.output, write)


def _shown(found: service.Disagreements, output_format: str) -> str:
    if output_format == "json":
        shown = {
            "coders": list(found.coders),
            "documents": list(found.documents),
            "tags": list(found.tags),
            "disagreements": [_record(d) for d in found.stretches],
        }
        return json_text(orjson.dumps(shown, option=orjson.OPT_INDENT_2)) + "\n"
    table = service.disagreements_table(found)
    if output_format == "csv":
        out = io.StringIO()
        write_csv(out, table.columns, table.rows)
        return out.getvalue()
    lines = [tsv_line(list(table.columns))]
    lines.extend(tsv_line([str(v) for v in row]) for row in table.rows)
    return "\n".join(lines) + "\n"


def _record(d: service.Disagreement) -> dict[str, object]:
    return {
        "document": d.document_id, "title": d.title, "sha256": d.sha256, "start": d.start, "end": d.end,
        "length": d.length, "disputed": d.disputed, "tags": list(d.tags), "quote": d.quote,
        "coded": {
            coder: [
                {"annotation": c.annotation_id, "tag": c.tag, "start": c.start, "end": c.end, "note": c.note}
                for c in mine
            ]
            for coder, mine in zip(d.coders, d.coded, strict=True)
        },
    }  # fmt: skip
