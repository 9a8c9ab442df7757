"""Formats: PDF (``pdf``), read through pypdf's text layer.

Pages follow each other with a blank line between them, and
``metadata["pages"]`` keeps the code-point offset where each page starts, so
page numbers survive. A PDF without text (a scan) is refused with advice to run
OCR; one that needs a password is refused; one encrypted only against editing
opens as in any viewer.
"""

from __future__ import annotations

import io
from typing import Any

from annotator.core.text import clean_text
from annotator.formats.base import Format, FormatError, ImportBundle, SourceFile
from annotator.formats.detection import not_a, sniff_pdf
from annotator.formats.extraction import BLOCK_SEPARATOR, document_bundle, iso_date, library_errors


def read_pdf(source: SourceFile) -> ImportBundle:
    """A PDF's text layer, page after page with a blank line between pages.

    ``metadata["pages"]`` holds the code point offset where each page starts
    (page *n* is ``text[pages[n-1]:pages[n]]``, blank separator included), so a
    span can be given its page number. A PDF without any text (a scan) is
    refused, as is one that needs a password; one encrypted with an empty user
    password (which every viewer opens without asking) is read.
    """
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if not sniff_pdf(source.data):
        raise not_a(source, "a PDF")
    with library_errors(source, "PDF"):
        reader = PdfReader(io.BytesIO(source.data), strict=False)
        encrypted = reader.is_encrypted
        if encrypted:
            try:
                opened = reader.decrypt("")
            except DependencyError as exc:
                raise FormatError(
                    f"'{source.name}' is encrypted with a method this installation cannot "
                    f"decrypt ({exc}); "
                    "save an unencrypted copy and import that"
                ) from exc
            if not opened:
                raise FormatError(
                    f"'{source.name}' is protected by a password; save a copy without the password and import that"
                )
        try:
            pages = [clean_text(page.extract_text() or "").strip("\n").rstrip() for page in reader.pages]
        except FileNotDecryptedError as exc:
            raise FormatError(
                f"'{source.name}' is protected by a password; save a copy without the password and import that"
            ) from exc
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
        try:
            created = iso_date(info.creation_date) if info else None
        except ValueError:  # a malformed date string in the document information
            created = None
    if not pages:
        raise FormatError(f"'{source.name}' has no pages")
    if not any(p.strip() for p in pages):
        raise FormatError(
            f"'{source.name}' has no text layer (it looks like a scan); run OCR on it first "
            "(for example with ocrmypdf) and import the result"
        )
    starts, offset = [], 0
    for page in pages:
        starts.append(offset)
        offset += len(page) + len(BLOCK_SEPARATOR)
    text = BLOCK_SEPARATOR.join(pages)
    metadata: dict[str, Any] = {
        "title": str(title) if title else None,
        "author": str(author) if author else None,
        "created": created,
        "pages": starts,
        "pages_without_text": [n for n, page in enumerate(pages, 1) if not page.strip()],
    }
    if encrypted:
        metadata["encrypted"] = True
    return document_bundle(source, text, metadata["title"], metadata)


FORMATS: list[Format] = [
    Format(id="pdf", label="PDF", extensions=(".pdf",), reader=read_pdf, sniff=sniff_pdf),
]
