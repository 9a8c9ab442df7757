"""Formats: plain text and Markdown documents (no annotations).

The text is decoded (UTF-8 with or without BOM, UTF-16/32 with BOM, legacy
8-bit via charset-normalizer), line endings become LF and a leading BOM goes;
the title is the first non-blank line. Markdown is kept as written: offsets
point into the Markdown source, which is what the reader sees.
"""

from __future__ import annotations

from pathlib import PurePath

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.text import TextDecodeError, decode_bytes, title_from_text
from annotator.formats.base import Format, FormatError, ImportBundle, ImportedDocument, SourceFile


def read_text(source: SourceFile) -> ImportBundle:
    filename = source.name
    try:
        decoded = decode_bytes(source.data)
    except TextDecodeError as exc:
        raise FormatError(str(exc)) from exc
    if not decoded.text.strip():
        raise FormatError("the file holds only white space" if decoded.text else "the file is empty")
    name = PurePath(filename).name
    title = title_from_text(decoded.text, fallback=PurePath(filename).stem or "Untitled")
    metadata = {"source_file": name, "encoding": decoded.encoding}
    return ImportBundle(documents=[ImportedDocument(title=title, text=decoded.text, metadata=metadata)])


FORMATS = [
    Format(id="txt", label=QT_TRANSLATE_NOOP("formats", "Plain text"), extensions=(".txt", ".text"), reader=read_text)
]
