"""The ``annotator`` command: the GUI when run bare, and headless subcommands.

Exit status: 0 on success, 2 for a usage error, 1 for any other failure, with
one clear line on stderr (a traceback only with ``--debug``). Every subcommand
calls the same services as the GUI.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

import orjson

from annotator import __version__, config
from annotator.cli_db import add_db_commands, run_db_command
from annotator.cli_revise import add_revise_command, cmd_revise
from annotator.core.model import InvalidInput
from annotator.core.selectors import SpanError
from annotator.formats.base import FormatError
from annotator.formats.registry import all_formats, format_by_id, readers, writers
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library
from annotator.services.sample import seed_sample
from annotator.storage.engine import LibraryError


class UsageError(Exception):
    """A command line that does not make sense (exit status 2)."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="annotator", description="Close reading: tag spans of text, export them.")
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL_OR_PATH",
        help="library to open: a SQLite file path or any SQLAlchemy URL (env ANNOTATOR_DATABASE_URL)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import files; prints <document-id>\\t<title> per document")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="add the documents to this set")
    p.add_argument("--format", choices=[f.id for f in readers()], help="force a reader instead of detecting it")
    p.add_argument("--trim", action="store_true", help="remove detected web boilerplate (kept in the metadata)")

    p = sub.add_parser("list", help="list documents with annotation counts per tag")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")

    p = sub.add_parser("annotate", help="tag a span of a document; prints the annotation id")
    p.add_argument("document_id", metavar="DOCUMENT-ID")
    p.add_argument("--tag", required=True)
    p.add_argument("--quote", help="the exact text to tag")
    p.add_argument("--occurrence", type=int, help="which occurrence of --quote (1-based)")
    p.add_argument("--start", type=int, help="start offset (code points)")
    p.add_argument("--end", type=int, help="end offset (code points, exclusive)")
    p.add_argument("--note", default="")
    p.add_argument("--coder", default="")

    add_revise_command(sub)

    p = sub.add_parser("export", help="export documents (default: all, to stdout)")
    p.add_argument("--doc", action="append", dest="doc_ids", metavar="ID", help="a document to export (repeatable)")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="export the documents of this set")
    p.add_argument("--format", default="json", choices=[f.id for f in writers()])
    p.add_argument("-o", "--output", metavar="PATH", help="file to write (default: stdout); brat: a folder, or a .zip")
    p.add_argument("--tag", action="append", dest="tags", metavar="NAME", help="keep only annotations with this tag (repeatable)")
    p.add_argument("--coder", action="append", dest="coders", metavar="NAME", help="keep only this coder's annotations (repeatable)")
    p.add_argument("--excel", action="store_true", help="csv: Excel-friendly (BOM, CRLF, formulas defused)")
    p.add_argument("--flavor", choices=["spacy", "doccano", "label-studio"], help="jsonl: the shape to write (default spacy)")
    p.add_argument(
        "--option", action="append", dest="extra", default=[], metavar="KEY=VALUE",
        help="a writer option, e.g. offsets=utf-16 for jsonl (see README)",
    )  # fmt: skip

    sub.add_parser("tags", help="list the tag set")
    sub.add_parser("formats", help="list the formats Annotator reads and writes")
    add_db_commands(sub)
    return parser


def open_library(database: str | None) -> Library:
    url, is_default = config.database_url(database)
    library = Library.open(url)
    if is_default:
        try:
            seed_sample(library, config.seeds_dir())
        except BaseException:
            library.close()
            raise
    return library


def _cmd_import(library: Library, args: argparse.Namespace) -> None:
    bundles, failures = importing.read_files(args.paths, args.format)
    if failures:
        raise FormatError("nothing was imported: " + "; ".join(str(f) for f in failures))
    for document, cuts in importing.suggest_trims(b for _, b in bundles):
        if args.trim:
            importing.trim_document(document, cuts)
        else:
            size = sum(c.end - c.start for c in cuts)
            print(
                f"note: '{document.title}' seems to carry web boilerplate ({len(cuts)} part(s), {size:,} characters: "
                f"{', '.join(sorted({c.reason for c in cuts}))}); import with --trim to remove it",
                file=sys.stderr,
            )
    result = importing.persist(library, [b for _, b in bundles], set_name=args.set_name)
    for row in result.documents:
        print(f"{row.id}\t{row.title}")
    if result.changes.tags_created:  # e.g. a codebook (.qdc) brings tags and no documents
        names = ", ".join(t.name for t in result.changes.tags_created)
        print(f"created {len(result.changes.tags_created)} tag(s): {names}", file=sys.stderr)


def _cmd_list(library: Library, args: argparse.Namespace) -> None:
    docs = library.documents()
    if args.json:
        rows = [{"id": d.id, "title": d.title, "length": d.length, "annotations": d.counts} for d in docs]
        sys.stdout.write(orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode() + "\n")
        return
    tag_names = [t.name for t in library.tags()]
    print("\t".join(["id", "title", *tag_names]))
    for d in docs:
        print("\t".join([d.id, d.title, *(str(d.counts.get(name, 0)) for name in tag_names)]))


def _cmd_annotate(library: Library, args: argparse.Namespace) -> None:
    by_quote = args.quote is not None
    by_offsets = args.start is not None or args.end is not None
    if by_quote == by_offsets:
        raise UsageError("give either --quote TEXT or both --start N and --end N")
    if by_offsets and (args.start is None or args.end is None):
        raise UsageError("--start and --end go together")
    if args.occurrence is not None and not by_quote:
        raise UsageError("--occurrence goes with --quote")
    tag = library.tag_named(args.tag)
    if by_quote:
        changes = annotating.annotate_quote(
            library, document_id=args.document_id, tag_id=tag.id, quote=args.quote,
            occurrence=args.occurrence, note=args.note, coder=args.coder,
        )  # fmt: skip
    else:
        library.document(args.document_id)  # a clear "no such document" before checking offsets
        changes = annotating.create_annotation(
            library, document_id=args.document_id, tag_id=tag.id, start=args.start, end=args.end,
            note=args.note, coder=args.coder,
        )  # fmt: skip
    print(changes.annotations_created[0].id)


def _cmd_export(library: Library, args: argparse.Namespace) -> None:
    ids: list[str] | None = None
    if args.doc_ids or args.set_name:
        ids = list(args.doc_ids or [])
        if args.set_name:
            ids += library.documents_in_set(args.set_name)
    keep = None
    if args.tags or args.coders:
        keep = exporting.ExportFilter(
            tags=frozenset(args.tags) if args.tags else None, coders=frozenset(args.coders) if args.coders else None
        )
    options: dict[str, object] = {key: value for key, value in (("excel", args.excel), ("flavor", args.flavor)) if value}
    for item in args.extra:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise UsageError(f"--option takes KEY=VALUE, not {item!r}")
        options[key] = value
    settings = {"format_id": args.format, "document_ids": ids, "keep": keep, "options": options}
    if args.output:
        count = exporting.export_to_path(library, args.output, **settings)
        print(f"exported {count} document(s) to {args.output}", file=sys.stderr)
    else:
        if format_by_id(args.format).binary and sys.stdout.isatty():
            raise UsageError(f"format '{args.format}' is not text; write it to a file with -o PATH")
        exporting.export(library, sys.stdout.buffer, **settings)
        sys.stdout.buffer.flush()


def _cmd_formats(library: Library, args: argparse.Namespace) -> None:
    print("\t".join(["id", "import", "export", "extensions", "name"]))
    for fmt in all_formats():
        can = ("yes" if fmt.reader else "-", "yes" if fmt.writer else "-")
        print("\t".join([fmt.id, *can, " ".join(fmt.extensions), fmt.label]))


def _cmd_tags(library: Library, args: argparse.Namespace) -> None:
    for tag in library.tags():
        print("\t".join([tag.name, tag.color, tag.shortcut, tag.description]))


COMMANDS = {
    "import": _cmd_import,
    "list": _cmd_list,
    "annotate": _cmd_annotate,
    "export": _cmd_export,
    "tags": _cmd_tags,
    "formats": _cmd_formats,
    "revise": cmd_revise,
}


def main(argv: Sequence[str] | None = None) -> int:
    # Libraries that log their own warnings (pypdf on slightly damaged PDFs) would break the
    # one-line-on-stderr rule; what matters reaches the user as our own message.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    parser = build_parser()
    args = parser.parse_args(argv)  # exits with status 2 on a usage error
    values = [v for value in vars(args).values() for v in (value if isinstance(value, list) else [value])]
    if any(isinstance(v, str) and "\x00" in v for v in values):  # no path or name may hold one
        parser.error("arguments cannot contain NUL characters")
    if args.command is None:
        from annotator.ui.app import run_gui

        return run_gui(database=args.database)
    if args.command == "db":  # before opening: restore needs the library closed, check reads damaged ones
        return run_db_command(args)
    try:
        with open_library(args.database) as library:
            COMMANDS[args.command](library, args)
    except UsageError as exc:
        if args.debug:
            raise
        parser.print_usage(sys.stderr)
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `annotator export | head`
        return 1
    except (LibraryError, FormatError, SpanError, InvalidInput, LookupError, OSError) as exc:
        if args.debug:
            raise
        message = exc.args[0] if isinstance(exc, LookupError) and exc.args else str(exc)
        print(f"annotator: error: {message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
