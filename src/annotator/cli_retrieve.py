"""The ``annotator retrieve`` command: the coded segments a query selects, across the library.

::

    annotator retrieve QUERY [--coder NAME]... [--doc ID]... [--set NAME] [--where NAME=VALUE]...
                       [--format table|json|csv] [--context N]

QUERY is the language of :mod:`annotator.core.query` (``claim & evidence``,
``claim near/1 "open question"``). ``--format json`` prints exactly
``{"segments": [{"document", "annotation", "tag", "start", "end", "quote", "note", "coder"}]}``
(``tag``: the full PATH; offsets in code points, end exclusive); ``--context N`` adds
``"before"`` and ``"after"`` (up to N characters each) to every segment, and two columns to
the table and CSV. The table is tab-separated with a header line, its fields escaped
(:func:`~annotator.cli_text.tsv_line`); CSV keeps every field exact.

A query that cannot be read, an unknown tag, document, set or attribute, or a value its
attribute cannot have is one ``annotator: error:`` line with status 1; a ``--where`` without
``=`` or a negative ``--context`` is a usage error (2).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from typing import Any

import orjson

from annotator.cli_text import UsageError, json_text, tsv_line
from annotator.core import query
from annotator.services import retrieving
from annotator.services.library import Library

Opener = Callable[[], Library]

FORMATS = ("table", "json", "csv")


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
    p.add_argument("--format", dest="output_format", choices=FORMATS, default="table", help="default: table")
    p.add_argument("--context", type=int, default=0, metavar="N", help="also print N characters before and after")


def cmd_retrieve(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator retrieve``."""
    where: list[tuple[str, str]] = []
    for item in args.where:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--where takes NAME=VALUE, not {item!r}")
        where.append((name, value))
    if args.context < 0:
        raise UsageError(f"--context takes a number of characters, 0 or more, not {args.context}")
    query.parse(args.query)  # a query that cannot be read is refused before a library is opened (or made)
    segments = retrieving.retrieve(
        library(), args.query, coders=args.coders, document_ids=args.doc_ids, set_name=args.set_name,
        where=where, context=args.context,
    )  # fmt: skip
    with_context = args.context > 0
    if args.output_format == "json":
        rows = [_json_row(s, with_context) for s in segments]
        sys.stdout.write(json_text(orjson.dumps({"segments": rows}, option=orjson.OPT_INDENT_2)) + "\n")
        return
    header = ["document", "title", "annotation", "tag", "start", "end", "coder", "quote", "note"]
    header += ["before", "after"] if with_context else []
    lines = [_fields(s, with_context) for s in segments]
    if args.output_format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")
        out.writerow(header)
        out.writerows(lines)
        return
    print(tsv_line(header))
    for fields in lines:
        print(tsv_line(fields))


def _json_row(s: retrieving.Segment, with_context: bool) -> dict[str, object]:
    row: dict[str, object] = {
        "document": s.document_id, "annotation": s.annotation_id, "tag": s.tag, "start": s.start, "end": s.end,
        "quote": s.quote, "note": s.note, "coder": s.coder,
    }  # fmt: skip
    if with_context:
        row.update(before=s.before, after=s.after)
    return row


def _fields(s: retrieving.Segment, with_context: bool) -> list[str]:
    fields = [s.document_id, s.title, s.annotation_id, s.tag, str(s.start), str(s.end), s.coder, s.quote, s.note]
    return fields + ([s.before, s.after] if with_context else [])
