"""Formats: the one registry of formats, keyed by id and file extension.

The GUI's file dialogs and the CLI's ``--format`` both list what is here. Each
format module exposes ``FORMATS``; one id is one format, which means the same
thing on import and on export (a web page is ``html``, the HTML report
``report``), so an id is registered once, with its reader and writer together.
What a file is, by its content, is said by the formats' ``sniff`` functions
(the document formats' in :mod:`annotator.formats.detection`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from annotator.formats import (
    annotated_json,
    brat,
    epub,
    jsonl,
    markdown,
    notes,
    odt,
    pdf,
    plaintext,
    refi,
    report,
    tabular,
    w3c,
    webpage,
    word,
)
from annotator.formats.base import Format, FormatError, Writer
from annotator.formats.detection import describe_content

_FORMATS: dict[str, Format] = {}

#: Export ids that were renamed so that each id means one thing both ways: old id -> new id.
RENAMED_WRITERS = {"html": "report"}


def register(fmt: Format) -> Format:
    """Add a format; an id is registered once."""
    if fmt.id in _FORMATS:
        raise ValueError(f"format '{fmt.id}' is registered twice")
    _FORMATS[fmt.id] = fmt
    return fmt


def provide_writer(format_id: str, writer: Writer) -> None:
    """Give the registered format *format_id* its writer, made in a layer above formats.

    The annotated PDF (``pdf``) is laid out by Qt, which only ``annotator.ui`` imports: the
    command line and the window hand its writer in before they list or use writers.
    """
    _FORMATS[format_id] = replace(format_by_id(format_id), writer=writer)


def all_formats() -> list[Format]:
    return list(_FORMATS.values())


def readers() -> list[Format]:
    return [f for f in _FORMATS.values() if f.reader is not None]


def writers() -> list[Format]:
    return [f for f in _FORMATS.values() if f.writer is not None]


def writers_by_extension(named: str | None = None) -> dict[str, list[str]]:
    """Each extension an export is saved under, and the ids of the formats that write it; a
    ``named_only`` format (study notes) only when it is *named*, so it never makes a name ambiguous."""
    found: dict[str, list[str]] = {}
    for fmt in writers():
        if fmt.named_only and fmt.id != named:
            continue
        for extension in fmt.extensions:
            found.setdefault(extension, []).append(fmt.id)
    return found


def folder_readers() -> list[Format]:
    """The formats that import a whole folder (their exports are folders)."""
    return [f for f in _FORMATS.values() if f.folder_reader is not None]


def format_by_id(format_id: str) -> Format:
    try:
        return _FORMATS[format_id]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise FormatError(f"unknown format '{format_id}' (known: {known})") from None


def writer_by_id(format_id: str) -> Format:
    """The format *format_id* if it can be exported, else :class:`FormatError` saying what to use."""
    fmt = format_by_id(format_id)
    if fmt.writer is None:
        renamed = RENAMED_WRITERS.get(format_id)
        hint = f"; the export it used to name is format '{renamed}'" if renamed else ""
        raise FormatError(f"format '{fmt.id}' ({fmt.label}) can be imported but not exported{hint}")
    return fmt


def format_for_file(filename: str, head: bytes) -> Format:
    """The reader for a file: content sniffing first (a .json could be ours), then the extension."""
    for fmt in readers():
        if fmt.sniff is not None and fmt.sniff(head):
            return fmt
    suffix = PurePath(filename).suffix.lower()
    for fmt in readers():
        if suffix in fmt.extensions:
            return fmt
    known = ", ".join(sorted({e for f in readers() for e in f.extensions}))
    name = PurePath(filename).name
    what = describe_content(head)
    if what == "plain text":  # e.g. /dev/stdin or a FIFO, whose name says nothing of its content
        raise FormatError(
            f"cannot import '{name}': unknown file type (neither its content nor its name says what it is); "
            "it looks like plain text: import it with --format txt (or give the file the extension .txt)"
        )
    raise FormatError(f"cannot import '{name}': unknown file type; its content looks like {what} (can import {known})")


# In this order: sniffing tries the readers in it, and lists show it.
for _module in (
    annotated_json, plaintext, webpage, word, pdf, odt, epub, w3c, refi, tabular, brat, jsonl, markdown, report, notes,
):  # fmt: skip
    for _fmt in _module.FORMATS:
        register(_fmt)
