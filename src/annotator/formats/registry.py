"""Formats: the one registry of formats, keyed by id and file extension.

The GUI's file dialogs and the CLI's ``--format`` both list what is here. Each
format module exposes ``FORMATS``; a reader and a writer of one id (HTML pages
in, HTML reports out) may live in different modules and are joined here.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import PurePath

from annotator.formats import annotated_json, brat, documents, jsonl, plaintext, refi, report, tabular, w3c
from annotator.formats.base import Format, FormatError

_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format. Two halves with one id (a reader and a writer) become one format."""
    known = _FORMATS.get(fmt.id)
    if known is not None:
        if (known.reader and fmt.reader) or (known.writer and fmt.writer):
            raise ValueError(f"format '{fmt.id}' is registered twice")
        fmt = replace(
            known,
            extensions=tuple(dict.fromkeys(known.extensions + fmt.extensions)),
            reader=known.reader or fmt.reader,
            writer=known.writer or fmt.writer,
            folder_reader=known.folder_reader or fmt.folder_reader,
            sniff=known.sniff or fmt.sniff,
            writes_archive=known.writes_archive or fmt.writes_archive,
            binary=known.binary or fmt.binary,
            options=known.options or fmt.options,  # the writer's; readers take none
            codebook_only=known.codebook_only or fmt.codebook_only,
        )
    _FORMATS[fmt.id] = fmt
    return fmt


def all_formats() -> list[Format]:
    return list(_FORMATS.values())


def readers() -> list[Format]:
    return [f for f in _FORMATS.values() if f.reader is not None]


def writers() -> list[Format]:
    return [f for f in _FORMATS.values() if f.writer is not None]


def folder_readers() -> list[Format]:
    """The formats that import a whole folder (their exports are folders)."""
    return [f for f in _FORMATS.values() if f.folder_reader is not None]


def format_by_id(format_id: str) -> Format:
    try:
        return _FORMATS[format_id]
    except KeyError:
        known = ", ".join(sorted(_FORMATS))
        raise FormatError(f"unknown format '{format_id}' (known: {known})") from None


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
    raise FormatError(f"cannot import '{PurePath(filename).name}': unknown file type (can import {known})")


for _module in (annotated_json, plaintext, documents, w3c, refi, tabular, brat, jsonl, report):
    for _fmt in _module.FORMATS:
        register(_fmt)
