"""Formats: what a file is, from its content: the signatures of the document formats
(PDF, web page, DOCX, ODT, EPUB), and names for files that are not what their names say.

The registry (:mod:`annotator.formats.registry`) asks every reader's ``sniff`` first
and the extension only after, so content wins over a misleading name; the document
readers' sniffers live here, beside :func:`describe_content`, which says what a
mislabelled file really is ("'notes.pdf' is not a PDF: its content looks like plain
text") and :func:`not_a`, the error that says so. ZIP archives are looked into only
through :mod:`annotator.formats.safety`.
"""

from __future__ import annotations

import codecs
import re

from annotator.core.text import TextDecodeError, decode_bytes
from annotator.formats.base import FormatError, SourceFile
from annotator.formats.safety import open_zip, read_member

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
EPUB_MIMETYPE = "application/epub+zip"


# ----------------------------------------------------------------------------
# signatures


def sniff_pdf(head: bytes) -> bool:
    """PDF: ``%PDF-`` in the first KiB (the standard lets junk come before it)."""
    return b"%PDF-" in head[:1024]


_HTML_START = re.compile(rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL)


def sniff_html(head: bytes) -> bool:
    """A saved web page: ``<!DOCTYPE html>`` or ``<html`` first (after comments: "saved from")."""
    head = head[:4096]
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            try:
                head = head.decode("utf-8-sig" if bom == codecs.BOM_UTF8 else "utf-16").encode("utf-8")
            except UnicodeDecodeError:
                head = head[len(bom) :].replace(b"\x00", b"")
            break
    return _HTML_START.match(head) is not None


def sniff_docx(head: bytes) -> bool:
    """DOCX: a ZIP whose first members (local headers are plain text) include Word's main part."""
    return head.startswith(b"PK\x03\x04") and b"word/document.xml" in head


def sniff_odt(head: bytes) -> bool:
    """ODT: a ZIP whose first, stored member ``mimetype`` says OpenDocument text."""
    return head.startswith(b"PK\x03\x04") and b"mimetype" + ODT_MIMETYPE.encode() in head[:256]


def sniff_epub(head: bytes) -> bool:
    """EPUB: a ZIP whose first, stored member ``mimetype`` says ``application/epub+zip``."""
    return head.startswith(b"PK\x03\x04") and b"mimetype" + EPUB_MIMETYPE.encode() in head[:256]


# ----------------------------------------------------------------------------
# what a file is, for messages


def _zip_kind(data: bytes) -> str:
    """What a ZIP archive holds, from its member names (nothing is extracted but ``mimetype``)."""
    try:
        archive = open_zip(data)
    except FormatError:
        return "a damaged ZIP archive"
    names = set(archive.namelist())
    if "mimetype" in names:
        try:
            mimetype = read_member(archive, "mimetype", limit=200).decode("ascii", "replace").strip()
        except FormatError:
            mimetype = ""
        if mimetype == EPUB_MIMETYPE:
            return "an EPUB e-book"
        if mimetype.startswith(ODT_MIMETYPE):
            return "an OpenDocument text (ODT)"
        if mimetype.startswith("application/vnd.oasis.opendocument."):
            kind = mimetype.rsplit(".", 1)[-1].split("-")[0]
            return f"an OpenDocument {kind} file, not a text document"
    if "word/document.xml" in names:
        return "a Word document (DOCX)"
    if any(n.startswith("xl/") for n in names):
        return "an Excel workbook"
    if any(n.startswith("ppt/") for n in names):
        return "a PowerPoint presentation"
    return "a ZIP archive"


_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (DOC/XLS/PPT)"),
    (b"{\\rtf", "an RTF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)

# What a mislabelled file should be called to be imported, by what it looks like.
_IMPORTABLE_AS = {
    "a PDF": ".pdf",
    "a Word document (DOCX)": ".docx",
    "an OpenDocument text (ODT)": ".odt",
    "an EPUB e-book": ".epub",
    "a web page (HTML)": ".html",
    "plain text": ".txt",
}


def describe_content(data: bytes) -> str:
    """What *data* looks like, for messages about mislabelled files ("a PNG image")."""
    if not data:
        return "an empty file"
    if sniff_pdf(data):
        return "a PDF"
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_kind(data)
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if sniff_html(data):
        return "a web page (HTML)"
    try:
        decode_bytes(data[:65536])
    except TextDecodeError:
        return "binary data"
    return "plain text"


def not_a(source: SourceFile, expected: str) -> FormatError:
    """The error for a file whose content is not what its name says."""
    what = describe_content(source.data)
    message = f"'{source.name}' is not {expected}: its content looks like {what}"
    extension = _IMPORTABLE_AS.get(what)
    if extension:
        message += f"; give it the extension {extension} and import it again"
    return FormatError(message)
