"""Formats: the one registry of formats, keyed by id and file extension.

The GUI's file dialogs and the CLI's ``--format`` both list what is here.
"""

from __future__ import annotations

from pathlib import PurePath

from annotator.formats import annotated_json, plaintext
from annotator.formats.base import Format, FormatError

_FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    if fmt.id in _FORMATS:
        raise ValueError(f"format '{fmt.id}' is registered twice")
    _FORMATS[fmt.id] = fmt
    return fmt


def all_formats() -> list[Format]:
    return list(_FORMATS.values())


def readers() -> list[Format]:
    return [f for f in _FORMATS.values() if f.reader is not None]


def writers() -> list[Format]:
    return [f for f in _FORMATS.values() if f.writer is not None]


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


register(
    Format(
        id="json",
        label="Annotated JSON",
        extensions=(".json",),
        reader=annotated_json.read,
        writer=annotated_json.write,
        sniff=annotated_json.sniff,
    )
)
register(Format(id="txt", label="Plain text", extensions=(".txt", ".text"), reader=plaintext.read_text))
register(Format(id="md", label="Markdown", extensions=(".md", ".markdown"), reader=plaintext.read_text))
