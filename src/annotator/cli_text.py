"""CLI: text as a terminal may show it, and as a tab-separated line can hold it.

Titles, tag names, notes and paths come from files and from other people. Printed
raw, an ESC or a C1 control in one would drive the terminal (clear the screen,
write the clipboard with OSC 52, retitle the window), and a tab or a newline
would break a ``<id>\\t<title>`` line into the wrong fields or lines. So whatever
the command line prints of them goes through :func:`terminal_safe`, which writes
those characters as visible escapes (``\\t``, ``\\n``, ``\\x1b``, ``\\x9b``,
``\\u2028``). The stored text is never changed. ``list --json`` gives it exactly:
JSON escapes C0 controls itself, and :func:`json_text` escapes the C1 controls and
line separators that JSON may carry raw.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import PurePath
from typing import TextIO

import orjson

from annotator.core.matrices import Header, Table
from annotator.services.searching import Scope

# C0 controls (tab and newline included), DEL, C1 controls, the two Unicode line breaks
# that str.splitlines() honours, and lone surrogates (an undecodable byte of a file name
# that Python kept with surrogateescape, which a UTF-8 stdout could not even encode).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}
# What JSON encoders leave raw in strings although a terminal may act on it.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029]")


class UsageError(Exception):
    """A command line that does not make sense (exit status 2; ``annotator.cli`` reports it)."""


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # surrogateescape: show the byte the file name really holds
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def output_format(
    output: str | None, given: str | None, by_extension: Mapping[str, Sequence[str]], default: str
) -> str:
    """The format to write ``-o`` *output* in: ``--format`` *given*, else the one its extension names.

    A name's extension is a promise of what is in the file, so it is kept: with no ``--format``, an
    extension that names no format, or more than one, is a usage error listing the choices; with one,
    an extension that names other formats is refused, before anything is written. No ``-o``, or a
    name without an extension, takes *given*, else *default*. *by_extension* maps ``.ext`` to the ids
    of the formats that write it.
    """
    suffix = PurePath(output).suffix.lower() if output else ""
    named = list(by_extension.get(suffix, ()))
    if given is not None:
        if named and given not in named:
            raise UsageError(
                f"--format {given} does not write a {suffix} file ({suffix} is {' or '.join(named)}): "
                "change the -o name's extension or --format"
            )
        return given
    if not suffix or len(named) == 1:
        return named[0] if named else default
    known = ", ".join(f"{ext} ({' or '.join(ids)})" for ext, ids in sorted(by_extension.items()))
    how = "names more than one format" if named else "names no format"
    raise UsageError(f"the extension {suffix} {how}: give --format, or an extension of {known}")


def terminal_safe(text: str) -> str:
    """*text* with control characters, line breaks and lone surrogates written as escapes."""
    return _UNSAFE.sub(_escape, text)


def tsv_line(fields: list[str]) -> str:
    """One tab-separated line; each field made :func:`terminal_safe` (so it holds no tab)."""
    return "\t".join(terminal_safe(field) for field in fields)


def where_pairs(items: Sequence[str]) -> list[tuple[str, str]]:
    """``--where NAME=VALUE`` options as (name, value) pairs; :class:`UsageError` for one without ``=``."""
    pairs = []
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--where takes NAME=VALUE, not {item!r}")
        pairs.append((name, value))
    return pairs


def scope_of(args: argparse.Namespace) -> Scope:
    """The documents ``--doc`` (repeatable), ``--set`` and ``--where`` choose, as ``annotator search``
    reads them: those that fit every option given."""
    return Scope(document_ids=tuple(args.doc_ids or ()), set_name=args.set_name, where=tuple(where_pairs(args.where)))


def write_csv(out: TextIO, header: Sequence[object], rows: Iterable[Sequence[object]]) -> None:
    """CSV for a program to read: LF line ends, numbers bare and every text quoted, so a lone CR in
    a note (which the csv module's minimal quoting leaves bare) cannot end a record."""
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    writer.writerow(header)
    writer.writerows(rows)


def json_text(encoded: bytes) -> str:
    """UTF-8 JSON as text to print: DEL, C1 controls, U+2028 and U+2029 written as ``\\uXXXX``
    escapes, which decode to the same string (they can only occur inside strings)."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", encoded.decode("utf-8"))


def print_table(table: Table, names: list[str], fields: Callable[[Header], list[str]], output_format: str) -> None:
    """Print a matrix or frequency *table* as ``json`` (``{"rows": [{"id", "label"}], "columns":
    [...], "cells": [[...]]}``), ``csv`` (exact) or ``table`` (tab-separated, terminal-safe): a
    header of *names* (the row's own columns) and the column labels, then per row its *fields*
    and cells."""
    if output_format == "json":
        shown = {
            "rows": [{"id": h.id, "label": h.label} for h in table.rows],
            "columns": [{"id": h.id, "label": h.label} for h in table.columns],
            "cells": [list(row) for row in table.cells],
        }
        sys.stdout.write(json_text(orjson.dumps(shown, option=orjson.OPT_INDENT_2)) + "\n")
        return
    header = names + [h.label for h in table.columns]
    if output_format == "csv":
        write_csv(sys.stdout, header, [[*fields(h), *row] for h, row in zip(table.rows, table.cells)])
        return
    lines = [fields(h) + [str(n) for n in row] for h, row in zip(table.rows, table.cells)]
    print(tsv_line(header))
    for line in lines:
        print(tsv_line(line))
