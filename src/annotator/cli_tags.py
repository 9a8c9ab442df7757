"""The ``annotator tags`` commands: list the codebook, and add, edit, merge and delete tags.

::

    annotator tags [--json]                        # the tree, with counts
    annotator tags add NAME [--parent PATH] [--color #rrggbb] [--key K] [--description TEXT]
    annotator tags edit PATH [--name NEW] [--parent PATH | --top] [--color ...] [--key K] [--description TEXT]
    annotator tags merge PATH... --into PATH
    annotator tags delete PATH [--move-to PATH | --delete-annotations]

A PATH names a tag: its name, or ``Parent/Child`` when the name alone is
ambiguous (a ``/`` in a name is written ``\\/``, a backslash ``\\\\``); see
:mod:`annotator.core.codebook`. Each command is one call of
:mod:`annotator.services.codebook` (one unit of work: done whole or not at all),
so errors and exit codes are those of every command: 1 with
one line on stderr, e.g. for a used tag deleted without saying what becomes of
its annotations. A ``--color`` too close to the page to show as a highlight is
saved, with a one-line note on stderr (the window paints it grey).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Any

import orjson

from annotator.cli_text import UsageError, json_text, terminal_safe, tsv_line
from annotator.core import codebook as cb
from annotator.core import colours
from annotator.core.errors import TagInUse
from annotator.core.model import Tag
from annotator.services import codebook
from annotator.services.library import Library

Opener = Callable[[], Library]

LIST_HELP = (
    "list the codebook as a tree, parents first: PATH, colour, key, description, annotations with this tag, "
    "annotations with it or a tag inside it (tab-separated)"
)


def add_tags_command(subparsers: Any) -> argparse.ArgumentParser:
    """Add ``tags`` and its subcommands to the ``annotator`` command's *subparsers*."""
    tags = subparsers.add_parser(
        "tags", help="list the codebook, or add, edit, merge and delete tags", description=LIST_HELP
    )
    tags.add_argument(
        "--json",
        action="store_true",
        help='print JSON: [{"id", "name", "path" (names from the root), "parent" (its id or null), "color", '
        '"key", "description", "count" (annotations with this very tag, not rolled up)}]',
    )
    sub = tags.add_subparsers(dest="tags_command", metavar="TAGS-COMMAND")
    p = sub.add_parser("add", help="add a tag; prints its id")
    p.add_argument("name", metavar="NAME", help="the new tag's name (taken as it is: a '/' is part of it)")
    p.add_argument("--parent", metavar="PATH", help="put it inside this tag (default: top level)")
    _appearance(p, key_help="its key (default: the lowest free one of 1-9; '' for none)")

    p = sub.add_parser("edit", help="rename, recolour, describe, give a key to or move a tag")
    p.add_argument("path", metavar="PATH", help="the tag: its name, or Parent/Child when the name is ambiguous")
    p.add_argument("--name", metavar="NEW", help="its new name")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--parent", metavar="PATH", help="move it inside this tag")
    where.add_argument("--top", action="store_true", help="move it to the top level")
    _appearance(p, key_help="its key ('' for none); a key another tag has is taken from it")

    p = sub.add_parser("merge", help="merge tags into one: their annotations and children move to it")
    p.add_argument("paths", nargs="+", metavar="PATH", help="the tags to merge (they are deleted)")
    p.add_argument("--into", required=True, metavar="PATH", help="the tag they become")

    p = sub.add_parser("delete", help="delete a tag; its children move up (refused while annotations use it)")
    p.add_argument("path", metavar="PATH")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--move-to", metavar="PATH", help="give its annotations this tag")
    what.add_argument("--delete-annotations", action="store_true", help="delete its annotations too")
    return tags


def _appearance(p: argparse.ArgumentParser, *, key_help: str) -> None:
    p.add_argument("--color", metavar="#rrggbb", help="its colour (default for a new tag: the next of the palette)")
    p.add_argument("--key", metavar="K", help=key_help)
    p.add_argument("--description", metavar="TEXT", help="its description (coding rules; may span lines)")


def cmd_tags(args: argparse.Namespace, library: Opener) -> None:
    """Run ``annotator tags`` (and its subcommands)."""
    COMMANDS[args.tags_command](args, library)


def _list(args: argparse.Namespace, library: Opener) -> None:
    opened = library()
    tags = opened.tags()
    counts = opened.tag_counts()
    rolled = cb.rolled_up(tags, counts)
    paths = cb.paths(tags)
    if args.json:
        rows = [
            {
                "id": t.id, "name": t.name, "path": list(paths[t.id]), "parent": t.parent_id, "color": t.color,
                "key": t.shortcut, "description": t.description, "count": counts.get(t.id, 0),
            }
            for t, _ in cb.walk(tags)
        ]  # fmt: skip
        sys.stdout.write(json_text(orjson.dumps(rows, option=orjson.OPT_INDENT_2)) + "\n")
        return
    for t, _ in cb.walk(tags):
        path = cb.format_path(paths[t.id])
        print(tsv_line([path, t.color, t.shortcut, t.description, str(counts.get(t.id, 0)), str(rolled[t.id])]))


def _shown(tags: list[Tag], tag_id: str) -> str:
    return terminal_safe(cb.format_path(cb.path_of(tags, tag_id)))


def _warn_about_colour(color: str | None) -> None:
    """One line on stderr if highlights in the colour just given would not show on the page."""
    note = colours.page_note(color) if color is not None else ""
    if note:
        print(f"annotator: note: {note}", file=sys.stderr)


def _add(args: argparse.Namespace, library: Opener) -> None:
    opened = library()
    tags = opened.tags()
    parent = cb.resolve(tags, args.parent).id if args.parent is not None else None
    changes = codebook.create_tag(
        opened, name=args.name, parent_id=parent, color=args.color, description=args.description or "",
        shortcut=args.key,
    )  # fmt: skip
    (tag,) = changes.tags_created
    print(tag.id)
    key = f", key {terminal_safe(tag.shortcut)}" if tag.shortcut else ""
    print(f"added the tag '{_shown(opened.tags(), tag.id)}' ({tag.color}{key})", file=sys.stderr)
    _warn_about_colour(args.color)


def _edit(args: argparse.Namespace, library: Opener) -> None:
    opened = library()
    tags = opened.tags()
    tag = cb.resolve(tags, args.path)
    moving = args.top or args.parent is not None
    parent = None if args.top or not moving else cb.resolve(tags, args.parent).id
    fields: dict[str, Any] = {}
    if args.name is not None:
        fields["name"] = args.name
    if args.color is not None:
        fields["color"] = cb.check_color(args.color)
    if args.key is not None:
        fields["shortcut"] = cb.check_key(args.key)
    if args.description is not None:
        fields["description"] = args.description
    if not fields and not moving:
        raise UsageError("say what to change: --name, --parent or --top, --color, --key or --description")
    if moving:
        fields["parent_id"] = parent
    codebook.update_tag(opened, tag_id=tag.id, base=tag, **fields)  # all of it or nothing
    print(f"changed the tag '{_shown(opened.tags(), tag.id)}'", file=sys.stderr)
    _warn_about_colour(args.color)


def _merge(args: argparse.Namespace, library: Opener) -> None:
    opened = library()
    tags = opened.tags()
    into = cb.resolve(tags, args.into)
    sources = [cb.resolve(tags, p).id for p in args.paths]
    changes = codebook.merge_tags(opened, tag_ids=sources, into_id=into.id)
    copies = len(changes.annotations_deleted)
    moved = sum(1 for t in changes.tags_updated if t.id != into.id)  # the target itself may get a description
    dropped = f"; {copies} exact copy(ies) of annotations it had were removed" if copies else ""
    print(
        f"merged {len(changes.tags_deleted)} tag(s) into '{_shown(opened.tags(), into.id)}': "
        f"{len(changes.annotations_updated)} annotation(s) moved, {moved} tag(s) moved "
        f"inside it{dropped}",
        file=sys.stderr,
    )


def _delete(args: argparse.Namespace, library: Opener) -> None:
    opened = library()
    tags = opened.tags()
    tag = cb.resolve(tags, args.path)
    move_to = cb.resolve(tags, args.move_to).id if args.move_to is not None else None
    try:
        changes = codebook.delete_tag(
            opened, tag_id=tag.id, move_to=move_to, delete_annotations=args.delete_annotations
        )
    except TagInUse as exc:
        raise TagInUse(f"{exc} (--move-to PATH or --delete-annotations); nothing was deleted", exc.count) from exc
    done = f"deleted the tag '{terminal_safe(cb.format_path(cb.path_of(tags, tag.id)))}'"
    if changes.annotations_updated:
        done += f"; {len(changes.annotations_updated)} annotation(s) moved to '{_shown(opened.tags(), move_to or '')}'"
    if changes.annotations_deleted:
        done += f"; {len(changes.annotations_deleted)} annotation(s) deleted"
    print(done, file=sys.stderr)


COMMANDS: dict[str | None, Callable[[argparse.Namespace, Opener], None]] = {
    None: _list,
    "add": _add,
    "edit": _edit,
    "merge": _merge,
    "delete": _delete,
}
