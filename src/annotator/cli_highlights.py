"""``annotator import FILE --hypothesis|--zotero --doc ID``: highlights made elsewhere onto a document.

``--doc`` names the library's document (id, or a title one document has);
``--source PATH`` instead imports that text or saved web page with the
highlights. ``--map-tag THEIRS=OURS`` (Hypothesis tags) and ``--map-color
'#ffd400=claim'`` (Zotero colours) may be repeated; ``--tags-only-known`` stops
on tags the library lacks instead of creating them. ``--dry-run`` prints the
summary and writes nothing. Highlights that could not be placed are listed on
stderr, a line each.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from annotator.cli_text import UsageError, terminal_safe
from annotator.core import highlight_colours
from annotator.formats.highlights import parse_mapping
from annotator.services import importing
from annotator.services.highlights import import_highlights
from annotator.services.library import Library


def add_highlight_options(p: argparse.ArgumentParser) -> None:
    """The ``import`` options for highlight files."""
    kind = p.add_mutually_exclusive_group()
    kind.add_argument(
        "--hypothesis", action="store_true", help="PATH is a Hypothesis JSON export (needs --doc or --source)"
    )
    kind.add_argument("--zotero", action="store_true", help="PATH is a Zotero JSON export of annotations (needs --doc)")
    p.add_argument("--doc", metavar="ID-OR-TITLE", help="the document the highlights were made on")
    p.add_argument(
        "--source", metavar="FILE", help="the text or web page the highlights were made on, imported with them"
    )
    p.add_argument("--map-tag", action="append", metavar="THEIRS=OURS", help="import a Hypothesis tag as our tag")
    p.add_argument(
        "--map-color",
        action="append",
        metavar="'#RRGGBB=TAG'",
        help="with --highlights or --zotero: highlights of this colour get this tag (repeatable)",
    )
    p.add_argument(
        "--tags-only-known", action="store_true", help="stop on tags the library lacks instead of creating them"
    )


def wants_highlights(args: argparse.Namespace) -> bool:
    """Whether ``import`` reads a highlight file; highlight options without its kind are refused."""
    if args.hypothesis or args.zotero:
        return True
    if args.doc or args.source or args.map_tag or args.map_color or args.tags_only_known:
        raise UsageError(
            "--doc, --source, --map-tag and --tags-only-known need --hypothesis or --zotero; "
            "--map-color needs --highlights or --zotero"
        )
    return False


def _colour_map(items: list[str] | None) -> dict[str, str]:
    """``--map-color`` as ``import --highlights`` reads it (:func:`highlight_colours.parse_mapping`)."""
    try:
        return highlight_colours.parse_mapping(items or [])
    except ValueError as exc:
        raise UsageError(f"--map-color: {exc}") from exc


def cmd_import_highlights(args: argparse.Namespace, library: Callable[[], Library]) -> None:
    """Run the highlight import; prints the document's ``<id>\\t<title>`` as ``import`` does."""
    if len(args.paths) != 1:
        raise UsageError("import one highlight file at a time")
    report = import_highlights(
        library,
        args.paths[0],
        "hypothesis" if args.hypothesis else "zotero",
        document=args.doc,
        source=args.source,
        tag_map=parse_mapping(args.map_tag, "tag"),
        colour_map=_colour_map(args.map_color),
        tags_only_known=args.tags_only_known,
        dry_run=args.dry_run,
    )
    if report.result is None:
        for line in importing.summary_lines(report.summary):
            print(terminal_safe(line))
    else:
        for row in report.result.documents:
            print(f"{row.id}\t{terminal_safe(row.title)}")
        print(f"imported {report.result.annotations_added} annotation(s)", file=sys.stderr)
    if report.memo_lines:
        print(f"{report.memo_lines} page note(s) go to the document memo", file=sys.stderr)
    for unplaced in report.unplaced:
        print(f"not placed: {terminal_safe(str(unplaced))}", file=sys.stderr)
    if args.dry_run:
        print("dry run: nothing was written", file=sys.stderr)
