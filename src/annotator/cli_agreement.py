"""The ``annotator agreement`` command: intercoder agreement of two or more coders.

::

    annotator agreement [DOCUMENT-ID...] [--set NAME] --coder NAME --coder NAME [--coder NAME...]
                        [--tag PATH]... [--unit character|word|sentence|paragraph]
                        [--categorical [--uncoded missing|category]] [--format table|json|csv|html|xlsx] [-o PATH]

What is measured over which units is :mod:`annotator.core.agreement`'s to say (README:
Agreement). No documents and no set: the whole library. ``--format json`` prints exactly
``{"unit", "categorical", "coders", "documents", "results": [{"measure", "tag", "category",
"document", "coders", "value", "units", "reason"}]}`` (``category`` only on per-category rows,
``reason`` only where ``value`` is null); CSV has one row per result with the same fields (coders
joined by ``;``), the table the same, tab-separated and terminal-safe; ``html`` and ``xlsx`` (a
file only) are the report: the same rows with the method statement
(:func:`annotator.services.agreement.method_statement`), as the window's Export… writes them.
Without ``--format``, ``-o``'s extension chooses (``.json``, ``.csv``, ``.html``, ``.xlsx``,
``.txt`` or ``.tsv`` for the table; none: the table); an extension of another format is refused. Rows include ``alpha_u`` (per tag, not categorical; README:
Agreement). ``-o PATH`` writes the file as an export writes one (never over the library's own
files).

Fewer than two coders is a usage error (status 2); an unknown coder, tag, document or set is one
``annotator: error:`` line naming it (status 1).
"""

from __future__ import annotations

import argparse
import io
import sys
from collections.abc import Callable
from typing import Any, BinaryIO

import orjson

from annotator.cli_text import UsageError, json_text, output_format, scope_of, tsv_line, write_csv
from annotator.core import agreement as core
from annotator.formats.tables import table_bytes
from annotator.services import agreement as service
from annotator.services import exporting
from annotator.services.library import Library

Opener = Callable[[], Library]

FORMATS = ("table", "json", "csv", "html", "xlsx")
#: The format a file's extension asks for when ``--format`` is not given.
BY_EXTENSION = {
    ".json": ["json"], ".csv": ["csv"], ".html": ["html"], ".htm": ["html"], ".xlsx": ["xlsx"],
    ".txt": ["table"], ".tsv": ["table"],
}  # fmt: skip
FIELDS = service.FIELDS


def add_agreement_command(subparsers: Any) -> None:
    """Add ``agreement`` to the ``annotator`` command's *subparsers*."""
    p = subparsers.add_parser(
        "agreement",
        help="intercoder agreement: percent, Cohen's and Fleiss's kappa, Krippendorff's alpha and alpha_u",
        description="Agreement of two or more coders per tag (present or absent in each unit, every unit "
        "counting, coded or not) or, with --categorical, of the tags as the categories of one variable; "
        "per document and pooled over the documents (no documents and no set: the whole library).",
    )
    add_comparison_arguments(p, tags_default="every tag, in tree order")
    p.add_argument("--unit", choices=core.UNITS, default=core.CHARACTER, help="default: character")
    p.add_argument("--categorical", action="store_true", help="the tags are the categories of one variable")
    p.add_argument(
        "--uncoded", choices=service.UNCODED, default=None,
        help="with --categorical: an uncoded unit is a missing value (default) or a category of its own",
    )  # fmt: skip
    p.add_argument(
        "--format", dest="output_format", choices=FORMATS, default=None,
        help="default: the -o file's extension, else table; html and xlsx state the method",
    )  # fmt: skip
    p.add_argument("-o", "--output", metavar="PATH", help="file to write (default: stdout)")
    p.set_defaults(where=[])


def add_comparison_arguments(p: argparse.ArgumentParser, *, tags_default: str) -> None:
    """What a command comparing coders takes: documents (or ``--set``), ``--coder`` (two or more), ``--tag``."""
    p.add_argument("doc_ids", nargs="*", metavar="DOCUMENT-ID", help="these documents")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="the documents of this set")
    p.add_argument("--coder", action="append", dest="coders", default=[], metavar="NAME", help="a coder (two or more)")
    p.add_argument(
        "--tag", action="append", dest="tags", metavar="PATH",
        help=f"this tag and the tags inside it (repeatable; default: {tags_default})",
    )  # fmt: skip


def check_coders(args: argparse.Namespace) -> None:
    """A usage error for fewer than two ``--coder``s."""
    if len({c.strip() for c in args.coders}) < 2:
        raise UsageError("give two coders or more, each with --coder NAME")


def cmd_agreement(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator agreement``."""
    check_coders(args)
    if args.uncoded is not None and not args.categorical:
        raise UsageError("--uncoded goes with --categorical")
    if args.output is not None and not args.output:
        raise UsageError("-o needs a file name (leave it out to write to stdout)")
    chosen = output_format(args.output, args.output_format, BY_EXTENSION, "table")
    if chosen == "xlsx" and args.output is None:
        raise UsageError("--format xlsx writes a file: give -o PATH")
    opened = library()
    scope = scope_of(args)
    found = service.agreement(
        opened, coders=args.coders, tags=args.tags, scope=scope, unit=args.unit,
        categorical=args.categorical, uncoded=args.uncoded or service.MISSING,
    )  # fmt: skip
    if found.conflicts:
        print(
            f"annotator: note: {found.conflicts} unit values were two categories at once (one coder, two tags); "
            "they are left out as missing values",
            file=sys.stderr,
        )
    if chosen in ("html", "xlsx"):
        data = table_bytes(service.report_table(opened, found, scope=scope), chosen)
    else:
        data = _shown(found, chosen).encode("utf-8")
    if args.output is None:
        sys.stdout.write(data.decode("utf-8"))
        return

    def write(out: BinaryIO) -> None:
        out.write(data)

    exporting.write_to_path(opened, args.output, write)


def _shown(found: service.Agreement, output_format: str) -> str:
    if output_format == "json":
        shown = {
            "unit": found.unit,
            "categorical": found.categorical,
            "coders": list(found.coders),
            "documents": list(found.documents),
            "results": [_record(row) for row in found.results],
        }
        return json_text(orjson.dumps(shown, option=orjson.OPT_INDENT_2)) + "\n"
    rows = [_fields(row) for row in found.results]
    if output_format == "csv":
        out = io.StringIO()
        write_csv(out, FIELDS, rows)
        return out.getvalue()
    lines = [tsv_line(list(FIELDS))]
    lines.extend(
        tsv_line(["" if v is None else f"{v:.4f}" if isinstance(v, float) else str(v) for v in r]) for r in rows
    )
    return "\n".join(lines) + "\n"


def _record(row: service.Row) -> dict[str, object]:
    record: dict[str, object] = {"measure": row.measure, "tag": row.tag}
    if row.category is not None:
        record["category"] = row.category
    record |= {"document": row.document, "coders": list(row.coders), "value": row.value, "units": row.units}
    if row.value is None:
        record["reason"] = row.reason
    return record


def _fields(row: service.Row) -> list[object]:
    return list(service.fields(row))
