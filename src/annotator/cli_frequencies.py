"""The ``annotator frequencies`` command: the words of the library's texts, most frequent first.

::

    annotator frequencies [--doc ID]... [--set NAME] [--where NAME=VALUE]... [--stopwords LANG]
                          [--top N] [--min-length N] [--format table|json|csv]

A word is what :mod:`annotator.core.words` says (letters and digits, with an apostrophe or
hyphen inside; counted case folded). ``table`` (the default) is ``word``, ``count``,
``documents`` tab-separated with a header line; ``csv`` the same, exact; ``json`` the shape of
every matrix: ``{"rows": [{"id", "label"}], "columns": [{"id": "count", ...}, {"id":
"documents", ...}], "cells": [[count, documents]]}``. ``annotator search WORD --word`` shows a
word in context.

A stop word language there is no list for, or an unknown document, set or attribute, is one
``annotator: error:`` line (status 1); ``--top`` or ``--min-length`` below 1 is a usage error (2).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from typing import Any

from annotator.cli_text import UsageError, print_table, scope_of
from annotator.core.words import stop_words
from annotator.services.frequencies import word_frequencies
from annotator.services.library import Library

Opener = Callable[[], Library]

FORMATS = ("table", "json", "csv")


def add_frequencies_command(subparsers: Any) -> None:
    """Add ``frequencies`` to the ``annotator`` command's *subparsers*."""
    p = subparsers.add_parser(
        "frequencies",
        help="word frequencies: each word, how often, in how many documents",
        description="Count the words of the texts (letters and digits, with ' or - inside; case aside), most "
        "frequent first. Show one in context with: annotator search WORD --word.",
    )
    p.add_argument(
        "--doc", action="append", dest="doc_ids", default=[], metavar="ID", help="this document (repeatable)"
    )
    p.add_argument("--set", dest="set_name", metavar="NAME", help="the documents of this set")
    p.add_argument(
        "--where", action="append", default=[], metavar="NAME=VALUE",
        help="only documents with this attribute value (repeatable; each must hold)",
    )  # fmt: skip
    p.add_argument(
        "--stopwords", metavar="LANG", help="leave out this language's stop words (ISO 639-1: en, de, fr...)"
    )
    p.add_argument("--top", type=int, metavar="N", help="only the N most frequent words")
    p.add_argument("--min-length", type=int, default=1, metavar="N", help="only words of N characters or more")
    p.add_argument("--format", dest="output_format", choices=FORMATS, default="table", help="default: table")


def cmd_frequencies(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator frequencies``."""
    if args.top is not None and args.top < 1:
        raise UsageError(f"--top takes a number of words, 1 or more, not {args.top}")
    if args.min_length < 1:
        raise UsageError(f"--min-length takes a number of characters, 1 or more, not {args.min_length}")
    scope = scope_of(args)
    if args.stopwords is not None:
        stop_words(args.stopwords)  # a language there is no list for is refused before a library is opened
    table = word_frequencies(library(), scope=scope, stopwords=args.stopwords, top=args.top, min_length=args.min_length)
    print_table(table, ["word"], lambda h: [h.label], args.output_format)
