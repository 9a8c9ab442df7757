"""The ``annotator`` command: the GUI when run bare, and headless subcommands.

Exit status: 0 on success, 2 for a usage error, 1 for any other failure, 130
when interrupted (Ctrl-C), with one clear line on stderr (a traceback only with
``--debug``). Every subcommand calls the same services as the GUI.

A command checks its arguments and reads its input files before it opens the
library, so bad input changes nothing (not even by creating an empty library).
Names, notes and quotes must be valid text; paths may hold any bytes. What is
printed of titles and names goes through :func:`~annotator.cli_text.terminal_safe`.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import BinaryIO, NoReturn

import orjson

from annotator import INTERRUPTED, __version__, config
from annotator.cli_agreement import add_agreement_command, cmd_agreement
from annotator.cli_attrs import AttrUsageError, add_attr_commands, cmd_attr, cmd_set, cmd_sets
from annotator.cli_autocode import add_autocode_command, cmd_autocode
from annotator.cli_coders import add_coders_commands, cmd_blind, cmd_coders
from annotator.cli_db import add_db_commands, run_db_command
from annotator.cli_desktop import add_install_desktop_command, run_install_desktop
from annotator.cli_disagreements import add_disagreements_command, cmd_disagreements
from annotator.cli_documents import add_documents_commands, cmd_documents, cmd_memos
from annotator.cli_frequencies import add_frequencies_command, cmd_frequencies
from annotator.cli_highlights import add_highlight_options, cmd_import_highlights, wants_highlights
from annotator.cli_matrix import add_matrix_command, cmd_matrix
from annotator.cli_retrieve import add_retrieve_command, cmd_retrieve
from annotator.cli_revise import add_revise_command, cmd_revise
from annotator.cli_search import add_search_command, cmd_search
from annotator.cli_tags import add_tags_command, cmd_tags
from annotator.cli_text import UsageError as UsageError
from annotator.cli_text import json_text, output_format, terminal_safe, tsv_line
from annotator.core import codebook
from annotator.core.boilerplate import Cut
from annotator.core.errors import USER_ERRORS
from annotator.core.highlight_colours import parse_mapping
from annotator.formats.base import ExportBundle, FormatError, ImportedDocument, OptionError
from annotator.formats.registry import (
    RENAMED_WRITERS,
    all_formats,
    format_by_id,
    provide_writer,
    readers,
    writer_by_id,
    writers,
    writers_by_extension,
)
from annotator.services import annotating, exporting, importing
from annotator.services.backups import library_file
from annotator.services.library import Library
from annotator.services.pdf_highlights import read_with_highlights
from annotator.storage.engine import LibraryError, refuse_in_memory


def _write_pdf(bundle: ExportBundle, out: BinaryIO) -> None:
    """The ``pdf`` export (the annotated print), laid out by Qt: imported only when one is written."""
    from annotator.ui.qt_print import write_pdf

    write_pdf(bundle, out)


provide_writer("pdf", _write_pdf)


class _Choices(list[str]):
    """argparse choices: the ones listed (in help and messages), and also *aliases*, which are
    accepted without being offered (ids that were renamed)."""

    def __init__(self, listed: list[str], aliases: Sequence[str]) -> None:
        super().__init__(listed)
        self.aliases = frozenset(aliases)

    def __contains__(self, value: object) -> bool:
        return super().__contains__(value) or value in self.aliases


class _Parser(argparse.ArgumentParser):
    """argparse, with its error messages (which quote the user's arguments) made terminal-safe."""

    def error(self, message: str) -> NoReturn:
        super().error(terminal_safe(message))


#: Arguments that are paths: any bytes a file name can hold are fine (surrogateescape).
PATH_ARGUMENTS = frozenset({"paths", "output", "path"})
#: How an argument is written on the command line, where its dest does not say it.
ARGUMENT_NAMES = {
    "set_name": "--set", "doc_ids": "--doc", "where": "--where", "pattern": "PATTERN", "tags": "--tag",
    "coders": "--coder", "extra": "--option", "query": "QUERY",
    "document_id": "DOCUMENT-ID", "backup": "BACKUP",
}  # fmt: skip


OPEN_FILES_HELP = (
    "With no command, the window opens; 'annotator PATH...' opens it and imports those files "
    '(a file already in the library is opened), as a desktop\'s "Open with" does.'
)


def _add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--version", action="version", version=f"annotator {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL_OR_PATH",
        help="library to open: a SQLite file path, or a sqlite:/// or postgresql+psycopg:// URL "
        "(env ANNOTATOR_DATABASE_URL)",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks on errors")


def build_open_parser() -> argparse.ArgumentParser:
    """The command line ``annotator [OPTIONS] PATH...``: the window, importing or opening those files."""
    parser = _Parser(prog="annotator", description=OPEN_FILES_HELP)
    _add_global_options(parser)
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files to import, or to open if already there")
    parser.set_defaults(command=None)
    return parser


def opens_files(argv: Sequence[str]) -> bool:
    """Whether *argv* names files to open rather than a command: its first argument that is
    not an option is no command's name (or follows ``--``). A file named like a command is
    given as ``./NAME`` or after ``--``; a bare word that is no file (``annotator lsit``) is
    taken for a mistyped command, so argparse lists the commands."""
    rest = iter(argv)
    for arg in rest:
        if arg == "--database":
            next(rest, None)
        elif arg == "--":
            return True
        elif arg == "-" or not arg.startswith("-"):
            if arg in COMMANDS or arg in ("db", "install-desktop"):
                return False
            return os.path.lexists(arg) or any(mark in arg for mark in (".", os.sep, "/"))
    return False


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="annotator", description="Close reading: tag spans of text, export them.", epilog=OPEN_FILES_HELP
    )
    _add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("import", help="import files; prints <document-id>\\t<title> per document")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="add the documents to this set")
    p.add_argument("--format", choices=[f.id for f in readers()], help="force a reader instead of detecting it")
    p.add_argument("--trim", action="store_true", help="remove detected web boilerplate (kept in the metadata)")
    p.add_argument(
        "--dry-run", action="store_true", help="print what the import would add (nothing is written) and stop"
    )
    p.add_argument(
        "--highlights",
        action="store_true",
        help="PDFs: turn highlights, underlines and strike-outs made in a PDF reader into annotations",
    )
    add_highlight_options(p)  # --hypothesis, --zotero, --map-color (also for --highlights), ...

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
    p.add_argument("--coder", default=None, help="who tagged it (default: the name given in the window's Settings)")

    add_revise_command(sub)

    p = sub.add_parser("export", help="export documents (default: all, to stdout)")
    p.add_argument("--doc", action="append", dest="doc_ids", metavar="ID", help="a document to export (repeatable)")
    p.add_argument("--set", dest="set_name", metavar="NAME", help="export the documents of this set")
    p.add_argument(
        "--format", choices=_Choices([f.id for f in writers()], list(RENAMED_WRITERS)),
        help="default: the -o file's extension (see 'annotator formats'), else json",
    )  # fmt: skip
    p.add_argument("-o", "--output", metavar="PATH", help="file to write (default: stdout); brat: a folder, or a .zip")
    p.add_argument(
        "--tag",
        action="append",
        dest="tags",
        metavar="PATH",
        help="keep only annotations with this tag or a tag inside it (repeatable); PATH as in 'tags edit'",
    )
    p.add_argument(
        "--no-subtags", action="store_true", help="with --tag: not the annotations of the tags inside those named"
    )
    p.add_argument(
        "--coder",
        action="append",
        dest="coders",
        metavar="NAME",
        help="keep only this coder's annotations (repeatable)",
    )
    # Shortcuts for two options, and --option for every option: all from the writers' declarations.
    excel, flavor = writer_by_id("csv").option("excel"), writer_by_id("jsonl").option("flavor")
    p.add_argument("--excel", action="store_true", help=f"csv: {excel.help} (--option excel=true)")
    p.add_argument("--flavor", choices=list(flavor.choices), help=f"jsonl: {flavor.help} (default {flavor.default})")
    p.add_argument(
        "--option", action="append", dest="extra", default=[], metavar="KEY=VALUE",
        help="a writer option (yes/no options take true/false); see the list below",
    )  # fmt: skip
    p.epilog = "writer options:\n" + "\n".join(
        f"  {fmt.id} {option.name}: {option.help}; {option.allowed()}"
        + (f" (default {_shown(option.default)})" if option.default is not None else "")
        for fmt in writers()
        for option in fmt.options
    )
    p.formatter_class = argparse.RawDescriptionHelpFormatter

    add_tags_command(sub)
    add_retrieve_command(sub)
    sub.add_parser("formats", help="list the formats Annotator reads and writes")
    add_attr_commands(sub)
    add_documents_commands(sub)
    add_search_command(sub)
    add_autocode_command(sub)
    add_matrix_command(sub)
    add_frequencies_command(sub)
    add_agreement_command(sub)
    add_disagreements_command(sub)
    add_coders_commands(sub)
    add_db_commands(sub)
    add_install_desktop_command(sub)
    return parser


def _shown(value: bool | str) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else value


def open_library(database: str | None) -> Library:
    """Open the library ``--database`` names (or the default one).

    The sample article is the window's welcome, never added here: a command's user gets in the
    library exactly what they imported. A SQLite library that did not exist yet is made only in an existing folder
    (else :class:`LibraryError`), and stderr says it was made.
    """
    url, is_default = config.database_url(database)
    if is_default:
        config.ensure_data_dir()
    path = library_file(url)
    is_new = path is not None and not path.exists()
    library = Library.open(url)
    if is_new:
        print(f"created a new library at {terminal_safe(str(path))}", file=sys.stderr)
    return library


class LibraryOpener:
    """The library of this run, opened when a command first asks for it (after checking its
    input), and closed by :func:`main`."""

    def __init__(self, database: str | None) -> None:
        self.database = database
        self._library: Library | None = None

    def __call__(self) -> Library:
        if self._library is None:
            self._library = open_library(self.database)
        return self._library

    def close(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


Opener = Callable[[], Library]


def _note_boilerplate(document: ImportedDocument, cuts: list[Cut]) -> list[Cut]:
    """Trim policy without ``--trim``: say on stderr what seems to be boilerplate, and keep it."""
    size = sum(c.end - c.start for c in cuts)
    print(
        f"note: '{terminal_safe(document.title)}' seems to carry web boilerplate ({len(cuts)} part(s), "
        f"{size:,} characters: {', '.join(sorted({c.reason for c in cuts}))}); import with --trim to remove it",
        file=sys.stderr,
    )
    return []


def _existing(args: argparse.Namespace, library: Opener) -> Library:
    """The library, for a dry run: one that does not exist yet is not created."""
    path = library_file(config.database_url(args.database)[0])
    if path is not None and not path.exists():
        raise LibraryError(f"there is no library at {path} yet; a dry run does not create one")
    return library()


def _preview_import(args: argparse.Namespace, library: Opener, trim: importing.TrimPolicy) -> None:
    """``import --dry-run``: what the import would write, a line each, on stdout; nothing is written
    (not even a library that does not exist yet)."""
    try:
        summary = importing.preview_paths(
            lambda: _existing(args, library), args.paths, format_id=args.format, trim=trim
        )
    except importing.UnreadableFiles as exc:
        raise FormatError(f"nothing would be imported: {exc}") from exc
    for line in importing.summary_lines(summary):
        print(terminal_safe(line))
    print("dry run: nothing was written", file=sys.stderr)


def _import_highlights(args: argparse.Namespace, library: Opener) -> None:
    """``import --highlights``: the PDFs with their highlights; the colour table (to confirm) and
    every highlight not placed go to stderr; with ``--dry-run`` nothing is written."""
    if args.trim or args.format not in (None, "pdf"):
        raise UsageError("--highlights imports PDFs as they are: without --trim or another --format")
    try:
        mapping = parse_mapping(args.map_color or [])
    except ValueError as exc:
        raise UsageError(f"--map-color: {exc}") from exc
    target = _existing(args, library) if args.dry_run else library()
    try:
        prepared = read_with_highlights(target, args.paths, mapping)
    except importing.UnreadableFiles as exc:
        raise FormatError(f"nothing was imported: {exc}") from exc
    for colour, tag in prepared.table.items():
        print(f"colour {colour} -> tag {terminal_safe(tag)}", file=sys.stderr)
    for path, miss in prepared.unplaced:
        print(f"not placed: {terminal_safe(path)}: {terminal_safe(str(miss))}", file=sys.stderr)
    if args.dry_run:
        for line in importing.summary_lines(importing.preview_bundles(target, prepared.bundles)):
            print(terminal_safe(line))
        print("dry run: nothing was written", file=sys.stderr)
        return
    result = importing.persist(target, prepared.bundles, set_name=args.set_name)
    for row in result.documents:
        print(tsv_line([row.id, row.title]))
    print(
        f"imported {result.annotations_added} highlight annotation(s) ({result.annotations_existing} already there); "
        f"{len(prepared.unplaced)} not placed",
        file=sys.stderr,
    )


def _cmd_import(args: argparse.Namespace, library: Opener) -> None:
    if args.highlights:
        _import_highlights(args, library)
        return
    if wants_highlights(args):  # a dry run does not create the library either
        cmd_import_highlights(args, (lambda: _existing(args, library)) if args.dry_run else library)
        return
    trim = importing.trim_all if args.trim else _note_boilerplate
    if args.dry_run:
        _preview_import(args, library, trim)
        return
    try:
        result = importing.import_paths(library, args.paths, format_id=args.format, set_name=args.set_name, trim=trim)
    except importing.UnreadableFiles as exc:
        raise FormatError(f"nothing was imported: {exc}") from exc
    for row in result.documents:
        print(tsv_line([row.id, row.title]))
    # stdout is only the documents (scripts read it); what the import did goes to stderr.
    new = sum(1 for row in result.documents if row.new)
    known = len(result.documents) - new
    if new or result.annotations_added:
        summary = f"imported {new} new document(s), {result.annotations_added} annotation(s)"
        if known or result.annotations_existing:
            summary += f"; {known} document(s) and {result.annotations_existing} annotation(s) were already there"
        print(summary, file=sys.stderr)
    elif result.documents:
        print(
            f"nothing new: {known} document(s) and {result.annotations_existing} annotation(s) "
            "were already in the library",
            file=sys.stderr,
        )
    if result.changes.tags_created:  # e.g. a codebook (.qdc) brings tags and no documents
        paths = codebook.paths(library().tags())  # a tag inside another is shown with its path
        names = ", ".join(
            terminal_safe(codebook.format_path(paths.get(t.id, (t.name,)))) for t in result.changes.tags_created
        )
        print(f"created {len(result.changes.tags_created)} tag(s): {names}", file=sys.stderr)
    elif not result.documents:
        print("nothing new: every tag was already in the library", file=sys.stderr)
    for note in result.notes:  # what was kept aside (an attribute value the library had otherwise)
        print(f"note: {terminal_safe(note)}", file=sys.stderr)
    for doc_id, title in result.same_file:  # a file edited since it was imported: two documents now
        hint = importing.EDITED_AGAIN_HINT.format(title=terminal_safe(title))
        print(f"note: {hint} (its id: {doc_id})", file=sys.stderr)


def _cmd_list(args: argparse.Namespace, library: Opener) -> None:
    docs = library().documents()
    tags = library().tags()
    label = codebook.labels(tags)  # the name, or a PATH where two tags share it: one column each
    if args.json:  # escaped as JSON, so titles stay exact
        rows = [
            {"id": d.id, "title": d.title, "length": d.length,
             "annotations": {label.get(t, t): n for t, n in d.counts.items()}}
            for d in docs
        ]  # fmt: skip
        sys.stdout.write(json_text(orjson.dumps(rows, option=orjson.OPT_INDENT_2)) + "\n")
        return
    print(tsv_line(["id", "title", *(label[t.id] for t in tags)]))
    for d in docs:
        print(tsv_line([d.id, d.title, *(str(d.counts.get(t.id, 0)) for t in tags)]))


def _cmd_annotate(args: argparse.Namespace, library: Opener) -> None:
    by_quote = args.quote is not None
    by_offsets = args.start is not None or args.end is not None
    if by_quote == by_offsets:
        raise UsageError("give either --quote TEXT or both --start N and --end N")
    if by_offsets and (args.start is None or args.end is None):
        raise UsageError("--start and --end go together")
    if args.occurrence is not None and not by_quote:
        raise UsageError("--occurrence goes with --quote")
    if by_quote and not args.quote.strip():
        raise UsageError("--quote is blank; give the text to tag")
    if by_offsets and args.start >= args.end:
        raise UsageError(
            f"--start must be before --end (a span is start..end, end exclusive), not {args.start}..{args.end}"
        )
    coder = args.coder if args.coder is not None else (config.coder_name() or "")
    opened = library()
    tag = opened.tag_named(args.tag)
    if by_quote:
        changes = annotating.annotate_quote(
            opened, document_id=args.document_id, tag_id=tag.id, quote=args.quote,
            occurrence=args.occurrence, note=args.note, coder=coder,
        )  # fmt: skip
    else:
        opened.document(args.document_id)  # a clear "no such document" before checking offsets
        changes = annotating.create_annotation(
            opened, document_id=args.document_id, tag_id=tag.id, start=args.start, end=args.end,
            note=args.note, coder=coder,
        )  # fmt: skip
    print(changes.annotations_created[0].id)


def export_options(args: argparse.Namespace) -> dict[str, object]:
    """The writer options of an ``export`` command line, typed as the format declares them.

    ``--excel`` and ``--flavor`` are ``--option excel=true`` and ``--option flavor=F``.
    An option the format does not have, or a value it does not take, is a usage error;
    so is an option given twice with different values (``--flavor doccano --option
    flavor=spacy``): neither silently wins.
    """
    fmt = format_by_id(args.format)
    chosen: dict[str, tuple[object, str]] = {}  # key -> (typed value, how the command line gave it)

    def give(key: str, value: str, how: str) -> None:
        try:
            typed = fmt.parse_options({key: value})[key]
        except OptionError as exc:
            raise UsageError(str(exc)) from exc
        if key in chosen and chosen[key][0] != typed:
            raise UsageError(f"{chosen[key][1]} and {how} give the option {key} different values; give it once")
        chosen[key] = (typed, how)

    if args.excel:
        give("excel", "true", "--excel")
    if args.flavor:
        give("flavor", args.flavor, f"--flavor {args.flavor}")
    for item in args.extra:
        key, sep, value = item.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--option takes KEY=VALUE, not {item!r}")
        give(key.strip(), value, f"--option {item}")
    return {key: typed for key, (typed, _) in chosen.items()}


def _cmd_export(args: argparse.Namespace, library: Opener) -> None:
    if args.format in RENAMED_WRITERS:  # scripts written before the rename keep working, and are told
        renamed = RENAMED_WRITERS[args.format]
        print(
            f"annotator: note: format '{args.format}' names the web page reader; the export it meant "
            f"is format '{renamed}' (use --format {renamed})",
            file=sys.stderr,
        )
        args.format = renamed
    args.format = output_format(args.output, args.format, writers_by_extension(args.format), "json")
    fmt = format_by_id(args.format)
    options = export_options(args)
    if args.output is not None and not args.output:
        raise UsageError("-o needs a file name (leave it out to write to stdout)")
    if args.output is None and fmt.writes_binary(options) and sys.stdout.isatty():
        raise UsageError(f"format '{args.format}' is not text; write it to a file with -o PATH")
    opened = library()
    ids: list[str] | None = None
    if args.doc_ids or args.set_name:
        ids = list(args.doc_ids or [])
        if args.set_name:
            ids += opened.documents_in_set(args.set_name)
    keep = None
    if args.tags or args.coders:
        tags = opened.tags()
        keep = exporting.ExportFilter(
            tag_ids=frozenset(codebook.resolve(tags, path).id for path in args.tags) if args.tags else None,
            subtags=not args.no_subtags,
            coders=frozenset(args.coders) if args.coders else None,
        )
    settings = {"format_id": args.format, "document_ids": ids, "keep": keep, "options": options}
    if args.output is None:
        exporting.export(opened, sys.stdout.buffer, **settings)
        sys.stdout.buffer.flush()
        return
    try:
        count = exporting.export_to_path(opened, args.output, **settings)
    except OSError as exc:  # say which export failed, not which temporary file
        raise OSError(f"cannot export to {args.output}: {exc.strerror or exc}") from exc
    where = terminal_safe(args.output)
    if fmt.codebook_only:  # the documents were not written, so their count would mislead
        print(f"exported the codebook ({len(opened.tags())} tags) to {where}", file=sys.stderr)
    else:
        print(f"exported {count} document(s) to {where}", file=sys.stderr)


def _cmd_formats(args: argparse.Namespace, library: Opener) -> None:
    print("\t".join(["id", "import", "export", "extensions", "name"]))
    for fmt in all_formats():
        can = ("yes" if fmt.reader else "-", "yes" if fmt.writer else "-")
        print("\t".join([fmt.id, *can, " ".join(fmt.extensions), fmt.label]))


COMMANDS: dict[str, Callable[[argparse.Namespace, Opener], None]] = {
    "import": _cmd_import,
    "list": _cmd_list,
    "annotate": _cmd_annotate,
    "export": _cmd_export,
    "tags": cmd_tags,
    "formats": _cmd_formats,
    "revise": cmd_revise,
    "attr": cmd_attr,
    "sets": cmd_sets,
    "set": cmd_set,
    "documents": cmd_documents,
    "memos": cmd_memos,
    "retrieve": cmd_retrieve,
    "search": cmd_search,
    "autocode": cmd_autocode,
    "matrix": cmd_matrix,
    "frequencies": cmd_frequencies,
    "agreement": cmd_agreement,
    "disagreements": cmd_disagreements,
    "coders": cmd_coders,
    "blind": cmd_blind,
}


def _check_arguments(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """Usage errors any command shares: NUL characters, undecodable bytes, an empty --database."""
    for dest, value in vars(args).items():
        for item in value if isinstance(value, list) else [value]:
            if not isinstance(item, str):
                continue
            if "\x00" in item:  # no path or name may hold one
                parser.error("arguments cannot contain NUL characters")
            if dest in PATH_ARGUMENTS:
                continue  # a file name may hold any bytes; Python keeps them (surrogateescape)
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                name = ARGUMENT_NAMES.get(dest, "--" + dest.replace("_", "-"))
                shown = item.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
                why = (
                    "SQLite opens only UTF-8 file names; rename the file"
                    if dest in ("database", "backup")
                    else "names, notes and quotes are stored as text; give it in UTF-8"
                )
                parser.error(f"{name} holds bytes that are not UTF-8 text ({shown}); {why}")
    if args.database is not None and not args.database.strip():
        parser.error("--database needs a file path or a database URL, not an empty string")
    if args.database is not None:
        try:  # sqlite:/// (e.g. "sqlite:///$LIB" with LIB unset) would import into memory, then lose it
            refuse_in_memory(config.to_database_url(args.database))
        except LibraryError as exc:
            parser.error(f"--database {exc}")


def _error_message(exc: BaseException) -> str:
    if isinstance(exc, LookupError) and exc.args:
        return str(exc.args[0])  # str() of a KeyError would quote it
    if isinstance(exc, OSError) and exc.strerror:  # "No such file or directory: 'x'", without "[Errno 2]"
        return f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
    return str(exc)


def _silence_stdout() -> None:
    # The reader of stdout is gone; Python would flush what is left at exit and print
    # "Exception ignored ... BrokenPipeError". Point stdout at /dev/null instead.
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError):  # not a real file (a test's capture): nothing is flushed at exit
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    # Libraries that log their own warnings (pypdf on slightly damaged PDFs) would break the
    # one-line-on-stderr rule; what matters reaches the user as our own message.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_open_parser() if opens_files(argv) else build_parser()
    args = parser.parse_args(argv)  # exits with status 2 on a usage error
    try:
        return _run(parser, args)
    except KeyboardInterrupt:  # Ctrl-C: the shell's status for SIGINT, and one line
        if args.debug:
            raise
        print(INTERRUPTED, file=sys.stderr)
        return 130


def _has_display() -> bool:
    """Whether Qt has somewhere to open a window: on Linux an X11 or Wayland display, or a platform
    named in ``QT_QPA_PLATFORM`` (offscreen, …); other systems always have their own."""
    if not sys.platform.startswith("linux"):
        return True
    return any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    _check_arguments(parser, args)
    if args.command is None:
        paths = getattr(args, "paths", [])
        missing = next((p for p in paths if not os.path.exists(p)), None)
        if missing is not None:  # before the window or the library: a mistyped name changes nothing
            print(f"annotator: error: {terminal_safe(missing)}: no such file or folder", file=sys.stderr)
            return 1
        if not _has_display():  # Qt would abort the process, with nothing logged
            print(
                "annotator: error: no display to open a window on; run it from a desktop session, "
                "or use the command line: annotator --help",
                file=sys.stderr,
            )
            return 1
        from annotator.ui.app import run_gui

        return run_gui(database=args.database, paths=paths)
    if args.command == "db":  # before opening: restore needs the library closed, check reads damaged ones
        return run_db_command(args)
    if args.command == "install-desktop":  # files for the desktop; no library is opened
        return run_install_desktop(args)
    opener = LibraryOpener(args.database)
    try:
        COMMANDS[args.command](args, opener)
        sys.stdout.flush()  # here, not at exit, so a closed pipe is handled like any other
    except (UsageError, AttrUsageError) as exc:
        if args.debug:
            raise
        parser.print_usage(sys.stderr)
        print(f"annotator: error: {terminal_safe(str(exc))}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `annotator export | head`: the reader has what it wanted
        _silence_stdout()
        return 1
    except USER_ERRORS as exc:  # Annotator's own errors and the system's about files: one line
        if args.debug:
            raise
        print(f"annotator: error: {terminal_safe(_error_message(exc))}", file=sys.stderr)
        return 1
    finally:
        opener.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
