"""Formats: PDF (``pdf``), read through pypdf's text layer.

Pages follow each other with a blank line between them, and
``metadata["pages"]`` keeps the code-point offset where each page starts, so
page numbers survive. A PDF without text (a scan) is refused with advice to run
OCR; one that needs a password is refused; one encrypted only against editing
opens as in any viewer.

Two repairs make the text layer read as the page does. Qt's PDF writer
(QPdfWriter, QTextDocument.print_, and the many programs built on Qt) labels the
space glyph U+0009 in its fonts' ToUnicode maps (apparently because tab and
space share that glyph and the map names the lower code point); and it starts a new text object
at every change of font (bold, italic, a fallback font for a missing glyph), so
pypdf breaks the line there, next to that space. A glyph is drawn, so it is
never a tab: a tab with line breaks around it is one space, and so is every
other tab. Ligature glyphs (fi, ffi...) map to the ligature code points
U+FB00-FB06, which no search for "final" or "office" finds; they are spelt
out (:func:`~annotator.core.text.expand_ligatures`) here rather than folded by
searches, so quotes, exports and every other search see the words as read too.
Both happen before the page starts are counted, so every offset is into the
repaired text (offsets are always into the stored text, fixed at import).

Left as the page has it: running headers, footers and page numbers (they are
text on the page), and glyphs the font's ToUnicode map does not name: the file
does not say which characters they are. Qt names only characters of the Basic
Multilingual Plane, so its PDFs lose every emoji (and other character beyond
U+FFFF) from their text layer, though the page shows them.
"""

from __future__ import annotations

import io
import re
from typing import Any

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.text import clean_text, expand_ligatures
from annotator.formats.base import Format, FormatError, ImportBundle, Option, SourceFile
from annotator.formats.detection import not_a, sniff_pdf
from annotator.formats.extraction import BLOCK_SEPARATOR, document_bundle, iso_date, library_errors

# A space glyph labelled as a tab, with the line breaks pypdf put around it at a font change.
_TAB_SPACE = re.compile(r"[ \t]*(?:\t\n+|\n+\t)[ \t]*|\t")


def repaired(raw: str) -> str:
    """Extracted text made storable and read as drawn (see the module docstring), ends kept."""
    return expand_ligatures(_TAB_SPACE.sub(" ", clean_text(raw)))


def _page_text(raw: str) -> str:
    """One page's extracted text, repaired, without the blank lines around it."""
    return repaired(raw).strip("\n").rstrip()


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
            pages = [_page_text(page.extract_text() or "") for page in reader.pages]
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
    # Its writer, the annotated print, is laid out by Qt: annotator.ui.qt_print provides it.
    Format(
        id="pdf",
        label=QT_TRANSLATE_NOOP("formats", "PDF"),
        extensions=(".pdf",),
        reader=read_pdf,
        sniff=sniff_pdf,
        binary=True,
        options=(
            Option(
                "black_and_white",
                "bool",
                "mark tags with underline patterns instead of colours, for black-and-white printing",
                default=False,
                label=QT_TRANSLATE_NOOP("formats", "Black and white (underline patterns)"),
            ),
        ),
    ),
]
