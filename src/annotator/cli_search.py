"""The ``annotator search`` command: find a pattern in the library's texts.

``annotator search PATTERN [--regex] [--case] [--word] [--loose] [--doc ID]… [--set NAME]
[--where NAME=VALUE]... [--context N] [--format table|json|csv]``, or
``annotator search --saved NAME [--context N] [--format …]``: a search saved in the library
(the window's Search the library view saves them), with its pattern, switches and scope.

- ``table`` (the default): a header, then ``<document>\\t<start>\\t<end>\\t<before>\\t<match>\\t<after>``
  per hit, every field :func:`~annotator.cli_text.terminal_safe`; "N hit(s) in M
  document(s)" goes to stderr.
- ``json``: ``{"total": N, "hits": [{"document", "start", "end", "match", "before", "after"}]}``.
- ``csv``: the table's columns, the text exact (for a file or a spreadsheet).

Offsets are code points into the stored text, end exclusive. Documents come in library
order, hits in text order. ``--doc`` (repeatable), ``--set`` and ``--where`` narrow the
search; given together, a document must fit each. The pattern and the arguments are
checked before the library is opened: a bad regex (or one the guard refuses, see
:mod:`annotator.core.search`) is one line and exit status 1; a malformed argument is a
usage error (status 2).
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Callable
from typing import Any

import orjson

from annotator.cli_text import UsageError, json_text, tsv_line
from annotator.core.search import CONTEXT, Query, compile_query
from annotator.services.library import Library
from annotator.services.saved_searches import saved_search, scope_of
from annotator.services.searching import Scope, search_library

COLUMNS = ["document", "start", "end", "before", "match", "after"]


def add_search_command(subparsers: Any) -> None:
    """Add ``search`` to the ``annotator`` command's subparsers."""
    p = subparsers.add_parser("search", help="find a pattern in the texts; prints each hit with its offsets")
    p.add_argument("pattern", metavar="PATTERN", nargs="?")
    p.add_argument(
        "--saved", metavar="NAME", help="run the search saved in the library as NAME (its switches and scope)"
    )
    p.add_argument("--regex", action="store_true", help="PATTERN is a regular expression (Python's re)")
    p.add_argument("--case", action="store_true", help="match case exactly (default: ignore case)")
    p.add_argument("--word", action="store_true", help="whole words only (no letter, digit, _ or mark either side)")
    p.add_argument(
        "--loose", action="store_true",
        help="white space matches any run of white space (NBSP, line breaks), quotes match curly or straight",
    )  # fmt: skip
    p.add_argument(
        "--doc", action="append", dest="doc_ids", default=[], metavar="ID", help="search this document (repeatable)"
    )
    p.add_argument("--set", dest="set_name", metavar="NAME", help="search the documents of this set")
    p.add_argument(
        "--where", metavar="NAME=VALUE", action="append", default=[],
        help="search documents with this attribute value (as the library filter); repeatable: each must hold",
    )  # fmt: skip
    p.add_argument(
        "--context", type=int, default=CONTEXT, metavar="N", help=f"characters of context each side (default {CONTEXT})"
    )
    p.add_argument("--format", dest="output_format", choices=["table", "json", "csv"], default="table")


def cmd_search(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator search``."""
    if args.context < 0:
        raise UsageError(f"--context takes a number of characters, 0 or more, not {args.context}")
    where = []
    for item in args.where:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--where takes NAME=VALUE, not {item!r}")
        where.append((name, value))
    if args.saved is not None:
        given = (args.pattern, args.regex, args.case, args.word, args.loose, args.doc_ids, args.set_name, where)
        if any(g not in (None, False, []) for g in given):
            raise UsageError("--saved takes its pattern, switches and scope from the saved search; give none of them")
        opened = library()
        saved = saved_search(opened, args.saved)
        found = list(search_library(opened, saved.query, scope=scope_of(saved), context=args.context))
    else:
        if args.pattern is None:
            raise UsageError("search needs a PATTERN, or --saved NAME")
        query = Query(args.pattern, regex=args.regex, case=args.case, word=args.word, loose=args.loose)
        compile_query(query)  # a bad pattern is refused before the library is opened (or made)
        scope = Scope(document_ids=tuple(args.doc_ids), set_name=args.set_name, where=tuple(where))
        found = list(search_library(library(), query, scope=scope, context=args.context))
    if args.output_format == "json":
        hits = [
            {"document": d.document_id, "start": h.start, "end": h.end, "match": h.match, "before": h.before,
             "after": h.after}
            for d in found for h in d.hits
        ]  # fmt: skip
        shown = {"total": len(hits), "hits": hits}
        sys.stdout.write(json_text(orjson.dumps(shown, option=orjson.OPT_INDENT_2)) + "\n")
        return
    rows = [[d.document_id, h.start, h.end, h.before, h.match, h.after] for d in found for h in d.hits]
    if args.output_format == "csv":
        out = csv.writer(sys.stdout, lineterminator="\n")  # as every other command's CSV
        out.writerow(COLUMNS)
        out.writerows(rows)
        return
    print(tsv_line(COLUMNS))
    for row in rows:
        print(tsv_line([str(field) for field in row]))
    print(f"{len(rows)} hit(s) in {len(found)} document(s)", file=sys.stderr)
