"""The ``annotator attr``, ``sets`` and ``set`` commands: document attributes and sets.

- ``annotator attr DOCUMENT-ID [NAME=VALUE…] [--define NAME:KIND[:choice1,choice2]]… [--json]``
  sets (an empty VALUE clears) the document's attributes, then prints them as
  ``<name>\\t<value>`` lines, or as one JSON object ``{"name": "value"}`` with ``--json``.
  A NAME that is not defined is refused; ``--define`` defines it first (kinds: text,
  number, date, choice; an attribute that exists must match the definition). Every
  value is checked for its kind before anything is written.
- ``annotator sets [--json]``: ``<id>\\t<name>\\t<documents>`` per set (``--json``:
  ``[{"id", "name", "count", "document_ids"}]``).
- ``annotator set add NAME DOCUMENT-ID…`` (makes the set if there is none),
  ``set remove NAME DOCUMENT-ID…``, ``set rename NAME NEW-NAME``, ``set delete NAME``.

Errors come out through ``annotator.cli.main``: a malformed argument is a usage
error (status 2); a value that does not fit its attribute, an unknown attribute,
set or document, status 1 with one line.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

import orjson

from annotator.cli_text import json_text, terminal_safe, tsv_line
from annotator.core.attributes import Attribute, parse_definition, parse_value
from annotator.core.errors import InvalidInput, NotFound
from annotator.services import attributes as attrs
from annotator.services import sets
from annotator.services.library import Library


class AttrUsageError(ValueError):
    """A malformed ``attr``/``set`` argument: a usage error (exit status 2)."""


def _intermixed(parser_class: type[argparse.ArgumentParser]) -> type[argparse.ArgumentParser]:
    """*parser_class*, parsing options and positionals in any order: argparse otherwise stops
    collecting ``NAME=VALUE`` after the first option (``attr ID --define age:number age=4``)."""

    class Intermixed(parser_class):  # type: ignore[valid-type,misc]
        _inside = False

        def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
            if self._inside:  # parse_known_intermixed_args calls this itself
                return super().parse_known_args(args, namespace)
            self._inside = True
            try:
                return self.parse_known_intermixed_args(args, namespace)
            finally:
                self._inside = False

    return Intermixed


def add_attr_commands(subparsers: Any) -> None:
    """Add ``attr``, ``sets`` and ``set`` to the ``annotator`` command's subparsers."""
    usual = subparsers._parser_class  # argparse offers no per-parser class
    subparsers._parser_class = _intermixed(usual)
    try:
        p = subparsers.add_parser("attr", help="set and show a document's attributes")
    finally:
        subparsers._parser_class = usual
    p.add_argument("document_id", metavar="DOCUMENT-ID")
    p.add_argument("assignments", nargs="*", metavar="NAME=VALUE", help="set a value (NAME= clears it)")
    p.add_argument(
        "--define", action="append", default=[], metavar="NAME:KIND[:CHOICES]",
        help="define an attribute first: kind text, number, date (YYYY-MM-DD) or choice (choices comma-separated)",
    )  # fmt: skip
    p.add_argument("--json", action="store_true", help="print the attributes as one JSON object")

    p = subparsers.add_parser("sets", help="list the sets with their document counts")
    p.add_argument("--json", action="store_true", help="print JSON, with the documents' ids")

    p = subparsers.add_parser("set", help="put documents in a set, take them out, rename or delete a set")
    actions = p.add_subparsers(dest="set_action", metavar="ACTION", required=True)
    a = actions.add_parser("add", help="put documents in a set (made if there is none)")
    a.add_argument("set_name", metavar="NAME")
    a.add_argument("document_ids", nargs="+", metavar="DOCUMENT-ID")
    a = actions.add_parser("remove", help="take documents out of a set")
    a.add_argument("set_name", metavar="NAME")
    a.add_argument("document_ids", nargs="+", metavar="DOCUMENT-ID")
    a = actions.add_parser("rename", help="rename a set")
    a.add_argument("set_name", metavar="NAME")
    a.add_argument("new_name", metavar="NEW-NAME")
    a = actions.add_parser("delete", help="delete a set (its documents stay)")
    a.add_argument("set_name", metavar="NAME")


def _assignments(raw: list[str]) -> dict[str, str]:
    values: dict[str, str] = {}
    for item in raw:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise AttrUsageError(f"{item!r} is not NAME=VALUE")
        if name.strip() in values:
            raise AttrUsageError(f"the attribute '{name.strip()}' is given twice")
        values[name.strip()] = value
    return values


def cmd_attr(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator attr``."""
    values = _assignments(args.assignments)
    try:
        definitions = [parse_definition(d) for d in args.define]
    except InvalidInput as exc:
        raise AttrUsageError(f"--define {exc}") from None
    lib = library()
    lib.document(args.document_id)  # NotFound before anything is written
    known = {a.name: a for a in attrs.definitions(lib)}
    new: list[tuple[str, str, tuple[str, ...]]] = []
    for name, kind, choices in definitions:
        existing = known.get(name)
        if existing is None:
            known[name] = Attribute("", name, kind, choices)
            new.append((name, kind, choices))
        elif (existing.kind, existing.choices) != (kind, choices or existing.choices):
            raise InvalidInput(
                f"the attribute '{name}' is already defined as {_described(existing)}; nothing was saved"
            )
    for name, value in values.items():  # every value checked before anything is written
        if name not in known:
            listed = ", ".join(known) or "none defined yet"
            raise NotFound(
                f"there is no attribute '{name}' (attributes: {listed}); define it with --define {name}:text"
            )
        parse_value(known[name], value)
    for name, kind, choices in new:
        attrs.define_attribute(lib, name=name, kind=kind, choices=choices)
    if values:
        attrs.set_attributes(lib, document_id=args.document_id, values=values)
    shown = attrs.attributes_of(lib, [args.document_id])[args.document_id]
    if args.json:
        sys.stdout.write(json_text(orjson.dumps(shown, option=orjson.OPT_INDENT_2)) + "\n")
        return
    for name, value in shown.items():
        print(tsv_line([name, value]))


def _described(attribute: Attribute) -> str:
    if attribute.choices:
        return f"{attribute.kind} ({', '.join(attribute.choices)})"
    return attribute.kind


def cmd_sets(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator sets``."""
    listed = sets.list_sets(library())
    if args.json:
        rows = [{"id": s.id, "name": s.name, "count": s.count, "document_ids": list(s.document_ids)} for s in listed]
        sys.stdout.write(json_text(orjson.dumps(rows, option=orjson.OPT_INDENT_2)) + "\n")
        return
    print(tsv_line(["id", "name", "documents"]))
    for s in listed:
        print(tsv_line([s.id, s.name, str(s.count)]))


def cmd_set(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run ``annotator set add|remove|rename|delete``; says on stderr what changed."""
    name = terminal_safe(args.set_name)
    if args.set_action == "add":
        changes = sets.add_to_set(library(), name=args.set_name, document_ids=args.document_ids)
        said = f"set '{name}' now holds the document(s)" if changes.sets_changed else "nothing new"
    elif args.set_action == "remove":
        changes = sets.remove_from_set(library(), name=args.set_name, document_ids=args.document_ids)
        said = f"took document(s) out of set '{name}'" if changes.sets_changed else f"none was in set '{name}'"
    elif args.set_action == "rename":
        sets.rename_set(library(), name=args.set_name, new_name=args.new_name)
        said = f"renamed set '{name}' to '{terminal_safe(args.new_name)}'"
    else:
        sets.delete_set(library(), name=args.set_name)
        said = f"deleted set '{name}'; its documents stay in the library"
    print(said, file=sys.stderr)
