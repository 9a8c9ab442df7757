"""The ``annotator retrieve`` command: the coded segments a query selects, across the library.

::

    annotator retrieve QUERY [--coder NAME]... [--doc ID]... [--set NAME] [--where NAME=VALUE]...
                       [--format table|json|csv|html|markdown|xlsx] [--context N] [-o FILE]

QUERY is the language of :mod:`annotator.core.query` (``claim & evidence``,
``claim near/1 "open question"``). ``--format json`` prints exactly
``{"segments": [{"document", "annotation", "tag", "start", "end", "quote", "note", "coder"}]}``
(``tag``: the full PATH; offsets in code points, end exclusive); ``--context N`` adds
``"before"`` and ``"after"`` (up to N characters each) to every segment, and two columns to
the table and CSV. The table is tab-separated with a header line, its fields escaped
(:func:`~annotator.cli_text.tsv_line`); CSV keeps every field exact.

``html``, ``markdown`` and ``xlsx`` are the window's Export… of the Retrieved segments view:
the table's columns written by the shared table writers (:mod:`annotator.formats.tables`).
``-o FILE`` writes any format to FILE as ``export -o`` does (never over the library's own
files, through a temporary file renamed into place) and says on stderr how many segments it
wrote; ``xlsx`` is not text, so without ``-o`` it is refused on a terminal. Without ``--format``,
``-o``'s extension chooses; an extension of another format is refused.

A query that cannot be read, an unknown tag, document, set or attribute, or a value its
attribute cannot have is one ``annotator: error:`` line with status 1; a ``--where`` without
``=`` or a negative ``--context`` is a usage error (2).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from typing import Any, TextIO

import orjson

from annotator.cli_text import UsageError, json_text, output_format, terminal_safe, tsv_line, where_pairs, write_csv
from annotator.core import query
from annotator.formats.tables import table_bytes
from annotator.services import retrieving
from annotator.services.exporting import write_to_path
from annotator.services.library import Library

Opener = Callable[[], Library]

FORMATS = ("table", "json", "csv", "html", "markdown", "xlsx")
#: The formats the shared table writers write (the others are this command's own).
TABLE_FORMATS = ("html", "markdown", "xlsx")
#: The format a file's extension asks for when ``--format`` is not given.
BY_EXTENSION = {
    ".json": ["json"], ".csv": ["csv"], ".html": ["html"], ".htm": ["html"], ".md": ["markdown"],
    ".markdown": ["markdown"], ".xlsx": ["xlsx"], ".txt": ["table"], ".tsv": ["table"],
}  # fmt: skip


def add_retrieve_command(subparsers: Any) -> None:
    """Add ``retrieve`` to the ``annotator`` command's *subparsers*."""
    p = subparsers.add_parser(
        "retrieve",
        help="print the coded segments a query selects (claim & evidence, A | B, A - B, A near/N B)",
        description="Retrieve coded segments. Operators, tightest first: near/N (within N sentences; "
        "near/0: the same sentence), & (overlaps), - (overlaps none of), | (either); parentheses group. "
        'A tag PATH stands for it and the tags inside it; =PATH for that tag alone; "quote" a PATH with spaces.',
    )
    p.add_argument("query", metavar="QUERY", help='e.g. claim & evidence, or "open question" near/1 claim')
    p.add_argument("--coder", action="append", dest="coders", metavar="NAME", help="only this coder's (repeatable)")
    p.add_argument("--doc", action="append", dest="doc_ids", metavar="ID", help="search this document (repeatable)")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="search the documents of this set (with --doc: both)")
    p.add_argument(
        "--where", action="append", dest="where", default=[], metavar="NAME=VALUE",
        help="only documents with this attribute value (repeatable, all must hold; text matches a part, "
        "case aside; NAME= means any value)",
    )  # fmt: skip
    p.add_argument(
        "--format", dest="output_format", choices=FORMATS, help="default: the -o file's extension, else table"
    )
    p.add_argument("--context", type=int, default=0, metavar="N", help="also print N characters before and after")
    p.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE instead of stdout (xlsx: required on a terminal)"
    )


def cmd_retrieve(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator retrieve``."""
    where = where_pairs(args.where)
    if args.context < 0:
        raise UsageError(f"--context takes a number of characters, 0 or more, not {args.context}")
    if args.output is not None and not args.output:
        raise UsageError("-o needs a file name (leave it out to write to stdout)")
    args.output_format = output_format(args.output, args.output_format, BY_EXTENSION, "table")
    if args.output is None and args.output_format == "xlsx" and sys.stdout.isatty():
        raise UsageError("format 'xlsx' is not text; write it to a file with -o FILE")
    query.parse(args.query)  # a query that cannot be read is refused before a library is opened (or made)
    opened = library()
    segments = retrieving.retrieve(
        opened, args.query, coders=args.coders, document_ids=args.doc_ids, set_name=args.set_name,
        where=where, context=args.context,
    )  # fmt: skip
    with_context = args.context > 0
    if args.output_format in TABLE_FORMATS:
        data = table_bytes(retrieving.segments_table(segments, with_context=with_context), args.output_format)
    elif args.output is not None:
        text = io.StringIO(newline="")
        _write(text, args.output_format, segments, with_context)
        data = text.getvalue().encode("utf-8")
    else:
        _write(sys.stdout, args.output_format, segments, with_context)
        return
    if args.output is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    try:
        write_to_path(opened, args.output, lambda out: out.write(data))
    except OSError as exc:  # say which file failed, not which temporary file
        raise OSError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    print(f"wrote {len(segments)} segment(s) to {terminal_safe(args.output)}", file=sys.stderr)


def _write(out: TextIO, output_format: str, segments: list[retrieving.Segment], with_context: bool) -> None:
    """The command's own formats (table, json, csv) to *out*."""
    if output_format == "json":
        rows = [_json_row(s, with_context) for s in segments]
        out.write(json_text(orjson.dumps({"segments": rows}, option=orjson.OPT_INDENT_2)) + "\n")
        return
    header = list(retrieving.COLUMNS) + (["before", "after"] if with_context else [])
    lines = [_fields(s, with_context) for s in segments]
    if output_format == "csv":
        write_csv(out, header, lines)
        return
    for fields in [header, *lines]:
        out.write(tsv_line([str(field) for field in fields]) + "\n")


def _json_row(s: retrieving.Segment, with_context: bool) -> dict[str, object]:
    row: dict[str, object] = {
        "document": s.document_id, "annotation": s.annotation_id, "tag": s.tag, "start": s.start, "end": s.end,
        "quote": s.quote, "note": s.note, "coder": s.coder,
    }  # fmt: skip
    if with_context:
        row.update(before=s.before, after=s.after)
    return row


def _fields(s: retrieving.Segment, with_context: bool) -> list[str | int]:
    fields: list[str | int] = [s.document_id, s.title, s.annotation_id, s.tag, s.start, s.end, s.coder, s.quote, s.note]
    return fields + ([s.before, s.after] if with_context else [])
