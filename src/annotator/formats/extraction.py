"""Formats: what the document readers (web page, PDF, DOCX, ODT, EPUB) share.

Each reader turns one file into one document of plain text, the text people
then annotate. The layout is the same everywhere: one block (paragraph, heading,
list item, table) after another, separated by a blank line (:func:`join_blocks`);
a table is one block with a row per line and its cells separated by tabs
(:func:`one_line`). Offsets into that text are code points, like everywhere
else; where a format has pages (PDF) or chapters (EPUB), their start offsets are
kept in the document's metadata so the reader's page and chapter numbers survive.

Every file is untrusted. Archives (DOCX, ODT, EPUB) pass
:func:`annotator.formats.safety.open_zip` (:func:`open_archive`) before a library
opens them, and the XML members those libraries parse are first parsed with
:func:`~annotator.formats.safety.parse_xml` (:func:`prescan_xml`), so entities,
DTDs, absurd nesting and malformed XML are refused with one clear message whatever
the library would have done; whatever else a library raises becomes one
:class:`FormatError` (:func:`library_errors`).
"""

from __future__ import annotations

import codecs
import contextlib
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import PurePath
from typing import Any

from annotator.core.text import clean_text, one_line_title, title_from_text
from annotator.formats.base import FormatError, ImportBundle, ImportedDocument, SourceFile
from annotator.formats.detection import not_a
from annotator.formats.safety import open_zip, parse_xml, read_member

#: Blocks are separated by one blank line in every document these readers make.
BLOCK_SEPARATOR = "\n\n"

HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace, which NBSP is not
# Inside a table cell, tabs and line breaks would split the row.
_CELL_BREAKS = re.compile(r" *[\t\n]+ *")

# Reading untrusted files with third-party parsers (pypdf, python-docx, odfpy,
# EbookLib, trafilatura) can raise nearly anything on hostile input (struct.error,
# zlib.error, AssertionError, OverflowError, their own error classes...). Every
# call into them is wrapped, and whatever escapes becomes one FormatError.
_LibraryFailure = Exception


def join_blocks(blocks: Iterable[str]) -> str:
    """Clean each block and join the non-blank ones with a blank line."""
    return BLOCK_SEPARATOR.join(b for b in (clean_text(block).strip("\n") for block in blocks) if b.strip())


def one_line(text: str) -> str:
    """A table cell's text on one line: tabs and line breaks become single spaces (NBSP stays)."""
    return _CELL_BREAKS.sub(" ", text).strip(" ")


def _stem(source: SourceFile) -> str:
    return PurePath(source.name).stem or "Untitled"


def document_bundle(source: SourceFile, text: str, title: str | None, metadata: dict[str, Any]) -> ImportBundle:
    """One document, titled by the file's own title, else its first line, else the file name."""
    if not text.strip():
        raise FormatError(f"'{source.name}' contains no text")
    title = one_line_title(clean_text(title or ""))
    if not title:
        title = title_from_text(text, fallback=_stem(source))
    elif len(title) > 200:
        title = title[:199].rstrip() + "…"
    meta = {"source_file": PurePath(source.name).name}
    for key, value in metadata.items():
        if isinstance(value, str):  # a file's titles and names can hold controls too
            value = clean_text(value).strip()
        if value not in (None, "", []):
            meta[key] = value
    return ImportBundle(documents=[ImportedDocument(title=title, text=text, metadata=meta)])


def iso_date(value: object) -> str | None:
    """A date or datetime from a library as ISO 8601 text (metadata must be JSON)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def open_archive(source: SourceFile, expected: str) -> zipfile.ZipFile:
    """The file as a checked ZIP archive, or a FormatError naming what it really is."""
    if not source.data.startswith(b"PK\x03\x04"):
        raise not_a(source, expected)
    try:
        return open_zip(source.data)
    except FormatError as exc:
        raise FormatError(f"'{source.name}' cannot be read as {expected}: {exc}") from exc


def prescan_xml(archive: zipfile.ZipFile, names: Iterable[str], source: SourceFile) -> None:
    """Parse these XML members safely first, so a hostile or broken one is refused clearly."""
    present = set(archive.namelist())
    for name in names:
        if name in present:
            try:
                parse_xml(read_member(archive, name))
            except FormatError as exc:
                raise FormatError(f"'{source.name}': the part {name} cannot be read: {exc}") from exc


@contextlib.contextmanager
def library_errors(source: SourceFile, kind: str) -> Iterator[None]:
    """Turn whatever a third-party parser raises into one FormatError naming the file."""
    try:
        yield
    except FormatError:
        raise
    except _LibraryFailure as exc:
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise FormatError(f"'{source.name}' is damaged or not a readable {kind} ({detail})") from exc


_CHARSET = re.compile(rb"""(?:encoding|charset)\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE)


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML head declares (``<meta charset>``, ``encoding=``), if known."""
    match = _CHARSET.search(data[:4096])
    if match is None:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        name = codecs.lookup(name).name
    except LookupError:
        return None
    # HTML treats these labels as windows-1252, and pages declaring them use its extra characters.
    return "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name
