"""The ``annotator matrix`` commands: code co-occurrence (tags × tags) and documents × tags.

::

    annotator matrix cooccurrence [--within overlap|sentence|paragraph|document] [OPTIONS]
    annotator matrix documents [--measure count|presence|characters] [OPTIONS]

    OPTIONS: [--tag PATH]... [--no-subtags] [--coder NAME]... [--doc ID]... [--set NAME]
             [--where NAME=VALUE]... [--format table|json|csv]

What a cell counts is :mod:`annotator.core.matrices`' to say (README: Matrices). ``--format
json`` prints exactly ``{"rows": [{"id", "label"}], "columns": [{"id", "label"}], "cells":
[[...]]}``: a tag's label is its full PATH, a document's its title. The table is
tab-separated with a header line, its fields escaped; CSV keeps them exact. Documents are
scoped as ``annotator search`` scopes them (given together, a document must fit each).

An unknown tag, document, set or attribute, or a value its attribute cannot have, is one
``annotator: error:`` line with status 1; a ``--where`` without ``=`` is a usage error (2).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from annotator.cli_text import print_table, scope_of
from annotator.core import matrices
from annotator.services import matrices as service
from annotator.services.library import Library

Opener = Callable[[], Library]

FORMATS = ("table", "json", "csv")


def add_matrix_command(subparsers: Any) -> None:
    """Add ``matrix cooccurrence`` and ``matrix documents`` to the ``annotator`` command's *subparsers*."""
    p = subparsers.add_parser("matrix", help="code matrices: tags × tags co-occurrence, documents × tags")
    kinds = p.add_subparsers(dest="matrix", metavar="KIND", required=True)
    q = kinds.add_parser(
        "cooccurrence",
        help="pairs of annotations (same coder) of two tags that are together",
        description="Tags × tags: each cell counts the pairs of two different annotations by the same coder, "
        "one of the row's tag and one of the column's, that overlap (or share a sentence, paragraph or document). "
        "The diagonal counts pairs of two annotations of the same tag.",
    )
    q.add_argument("--within", choices=matrices.WITHIN, default=matrices.OVERLAP, help="default: overlap")
    _add_common(q)
    d = kinds.add_parser(
        "documents",
        help="per document and tag: annotations, presence or coded characters",
        description="Documents × tags: per document and tag the count of annotations, their presence (0/1), or "
        "the characters the tag covers (overlapping annotations of one tag counted once).",
    )
    d.add_argument("--measure", choices=matrices.MEASURES, default=matrices.COUNT, help="default: count")
    _add_common(d)


def _add_common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--tag", action="append", dest="tags", metavar="PATH",
        help="only these tags, in this order (repeatable; default: every tag, in tree order)",
    )  # fmt: skip
    p.add_argument("--no-subtags", action="store_true", help="a tag without the tags inside it")
    p.add_argument("--coder", action="append", dest="coders", metavar="NAME", help="only this coder's (repeatable)")
    p.add_argument(
        "--doc", action="append", dest="doc_ids", default=[], metavar="ID", help="this document (repeatable)"
    )
    p.add_argument("--set", dest="set_name", metavar="NAME", help="the documents of this set")
    p.add_argument(
        "--where", action="append", default=[], metavar="NAME=VALUE",
        help="only documents with this attribute value (repeatable; each must hold)",
    )  # fmt: skip
    p.add_argument("--format", dest="output_format", choices=FORMATS, default="table", help="default: table")


def cmd_matrix(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator matrix cooccurrence|documents``."""
    scope = scope_of(args)
    chosen = {"tags": args.tags, "subtags": not args.no_subtags, "coders": args.coders, "scope": scope}
    if args.matrix == "cooccurrence":
        table = service.cooccurrence_matrix(library(), within=args.within, **chosen)
        print_table(table, ["tag"], lambda h: [h.label], args.output_format)
        return
    table = service.document_matrix(library(), measure=args.measure, **chosen)
    print_table(table, ["document", "title"], lambda h: [h.id, h.label], args.output_format)
