"""The ``annotator autocode`` command: tag every hit of a pattern, or its sentence or paragraph.

``annotator autocode PATTERN --tag PATH [--regex] [--case] [--word] [--loose]
[--extent match|sentence|paragraph] [--doc ID]... [--set NAME] [--where NAME=VALUE]...
[--coder NAME] [--dry-run] [--format text|json]``

- ``text`` (the default): one line on stdout, ``added N annotation(s); M already coded;
  H hit(s) in D document(s)`` (``would add`` with ``--dry-run``).
- ``json``: ``{"added", "already_coded", "hits", "documents", "dry_run", "spans": [{"document",
  "start", "end", "quote", "hits", "status", "annotation"}]}``; ``status`` is ``to create``
  (a dry run), ``added`` or ``already coded``, ``annotation`` the id of the annotation that
  codes the span (null for one a dry run would create).

The search switches and the scope are those of ``annotator search`` (see
:mod:`annotator.cli_search`); the extent, "already coded" (the same tag and span, by any
coder) and the one transaction are :mod:`annotator.services.autocoding`'s. A second run
adds nothing. The pattern, the extent and the coder name are checked before the library
is opened; a bad one is one line and exit status 1, and nothing is written.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

import orjson

from annotator import config
from annotator.cli_text import json_text, scope_of
from annotator.core.autocode import EXTENTS, MATCH
from annotator.core.model import coder_name
from annotator.core.search import Query, compile_query
from annotator.services import autocoding
from annotator.services.library import Library


def add_autocode_command(subparsers: Any) -> None:
    """Add ``autocode`` to the ``annotator`` command's subparsers."""
    p = subparsers.add_parser(
        "autocode", help="tag every hit of a pattern (or its sentence or paragraph); prints what was added"
    )
    p.add_argument("pattern", metavar="PATTERN")
    p.add_argument("--tag", required=True, metavar="PATH", help="the tag to give each hit; PATH as in 'tags edit'")
    p.add_argument("--regex", action="store_true", help="PATTERN is a regular expression (Python's re)")
    p.add_argument("--case", action="store_true", help="match case exactly (default: ignore case)")
    p.add_argument("--word", action="store_true", help="whole words only (no letter, digit, _ or mark either side)")
    p.add_argument(
        "--loose", action="store_true",
        help="white space matches any run of white space (NBSP, line breaks), quotes match curly or straight",
    )  # fmt: skip
    p.add_argument(
        "--extent", choices=EXTENTS, default=MATCH,
        help="what each hit codes: the match itself, its sentence or its paragraph (default: match)",
    )  # fmt: skip
    p.add_argument(
        "--doc", action="append", dest="doc_ids", default=[], metavar="ID", help="code this document (repeatable)"
    )
    p.add_argument("--set", dest="set_name", metavar="NAME", help="code the documents of this set")
    p.add_argument(
        "--where", metavar="NAME=VALUE", action="append", default=[],
        help="code documents with this attribute value (as the library filter); repeatable: each must hold",
    )  # fmt: skip
    p.add_argument("--coder", default=None, help="who coded (default: the name given in the window's Settings)")
    p.add_argument("--dry-run", action="store_true", help="write nothing; print what would be added")
    p.add_argument("--format", dest="output_format", choices=["text", "json"], default="text")


def cmd_autocode(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator autocode``."""
    scope = scope_of(args)
    query = Query(args.pattern, regex=args.regex, case=args.case, word=args.word, loose=args.loose)
    compile_query(query)  # a bad pattern is refused before the library is opened (or made)
    coder = coder_name(args.coder if args.coder is not None else (config.coder_name() or ""))
    opened = library()
    tag = opened.tag_named(args.tag)
    plan = autocoding.plan(opened, query, tag_id=tag.id, extent=args.extent, scope=scope)
    if args.dry_run:
        rows = [(p, "already coded" if p.already_coded else "to create", p.coded_by) for p in plan.spans]
        added, coded = len(plan.to_create), len(plan.already_coded)
    else:
        done = autocoding.apply(opened, plan, coder=coder)
        made = {(a.document_id, a.start, a.end): a.id for a in done.changes.annotations_created}
        rows = []
        for p in plan.spans:
            new = made.get((p.document_id, p.start, p.end))
            rows.append((p, "added" if new else "already coded", new or p.coded_by))
        added, coded = done.added, done.already_coded
    if args.output_format == "json":
        shown = {
            "added": added, "already_coded": coded, "hits": plan.hits, "documents": plan.documents,
            "dry_run": args.dry_run,
            "spans": [
                {"document": p.document_id, "start": p.start, "end": p.end, "quote": p.quote, "hits": p.hits,
                 "status": status, "annotation": annotation_id}
                for p, status, annotation_id in rows
            ],
        }  # fmt: skip
        sys.stdout.write(json_text(orjson.dumps(shown, option=orjson.OPT_INDENT_2)) + "\n")
        return
    verb = "would add" if args.dry_run else "added"
    print(f"{verb} {added} annotation(s); {coded} already coded; {plan.hits} hit(s) in {plan.documents} document(s)")
