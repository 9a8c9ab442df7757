"""Formats: documents to read: saved web pages (HTML), DOCX, PDF, ODT and EPUB.

Each reader turns one file into one document of plain text, the text people
then annotate. The layout is the same everywhere: one block (paragraph, heading,
list item, table) after another, separated by a blank line; a table is one
block with a row per line and its cells separated by tabs. Offsets into that
text are code points, like everywhere else; where a format has pages (PDF) or
chapters (EPUB), their start offsets are kept in the document's metadata so the
reader's page and chapter numbers survive.

Every file is untrusted. Archives (DOCX, ODT, EPUB) pass
:func:`annotator.formats.safety.open_zip` before a library opens them, and the
XML members those libraries parse are first parsed with
:func:`~annotator.formats.safety.parse_xml`, so entities, DTDs, absurd nesting
and malformed XML are refused with one clear message whatever the library would
have done. A file whose content is not what its extension says is named for
what it is ("'notes.pdf' is not a PDF: its content looks like plain text").
"""

from __future__ import annotations

import codecs
import contextlib
import io
import re
import zipfile
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import PurePath, PurePosixPath
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from annotator.core.text import TextDecodeError, clean_text, decode_bytes, title_from_text
from annotator.formats.base import Format, FormatError, ImportBundle, ImportedDocument, SourceFile
from annotator.formats.safety import MAX_UNCOMPRESSED, open_zip, parse_xml, read_member

#: Blocks are separated by one blank line in every document these readers make.
BLOCK_SEPARATOR = "\n\n"

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's whitespace, which NBSP is not
# Inside a table cell, tabs and line breaks would split the row.
_CELL_BREAKS = re.compile(r" *[\t\n]+ *")

# Reading untrusted files with third-party parsers (pypdf, python-docx, odfpy,
# EbookLib, trafilatura) can raise nearly anything on hostile input (struct.error,
# zlib.error, AssertionError, OverflowError, their own error classes...). Every
# call into them is wrapped, and whatever escapes becomes one FormatError.
_LibraryFailure = Exception


# ----------------------------------------------------------------------------
# shared helpers


def join_blocks(blocks: Iterable[str]) -> str:
    """Clean each block and join the non-blank ones with a blank line."""
    return BLOCK_SEPARATOR.join(
        b for b in (clean_text(block).strip("\n") for block in blocks) if b.strip()
    )


def one_line(text: str) -> str:
    """A table cell's text on one line: tabs and line breaks become single spaces (NBSP stays)."""
    return _CELL_BREAKS.sub(" ", text).strip(" ")


def _stem(source: SourceFile) -> str:
    return PurePath(source.name).stem or "Untitled"


def _bundle(
    source: SourceFile, text: str, title: str | None, metadata: dict[str, Any]
) -> ImportBundle:
    """One document, titled by the file's own title, else its first line, else the file name."""
    if not text.strip():
        raise FormatError(f"'{source.name}' contains no text")
    title = " ".join(clean_text(title or "").split())
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


def _iso(value: object) -> str | None:
    """A date or datetime from a library as ISO 8601 text (metadata must be JSON)."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _zip_kind(data: bytes) -> str:
    """What a ZIP archive holds, from its member names (nothing is extracted but ``mimetype``)."""
    try:
        archive = _open_zip(data)
    except FormatError:
        return "a damaged ZIP archive"
    names = set(archive.namelist())
    if "mimetype" in names:
        try:
            mimetype = (
                _read_member(archive, "mimetype", limit=200).decode("ascii", "replace").strip()
            )
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


def _not_a(source: SourceFile, expected: str) -> FormatError:
    """The error for a file whose content is not what its name says."""
    what = describe_content(source.data)
    message = f"'{source.name}' is not {expected}: its content looks like {what}"
    extension = _IMPORTABLE_AS.get(what)
    if extension:
        message += f"; give it the extension {extension} and import it again"
    return FormatError(message)


def _open_archive(source: SourceFile, expected: str) -> zipfile.ZipFile:
    """The file as a checked ZIP archive, or a FormatError naming what it really is."""
    if not source.data.startswith(b"PK\x03\x04"):
        raise _not_a(source, expected)
    try:
        return _open_zip(source.data)
    except FormatError as exc:
        raise FormatError(f"'{source.name}' cannot be read as {expected}: {exc}") from exc


def _open_zip(data: bytes) -> zipfile.ZipFile:
    """:func:`open_zip`, also refusing what zipfile raises outside its own errors.

    A damaged central directory can claim a ZIP version zipfile does not know
    (NotImplementedError), which safety.open_zip lets through.
    """
    try:
        return open_zip(data)
    except FormatError:
        raise
    except _LibraryFailure as exc:
        raise FormatError(f"not a readable ZIP archive ({exc})") from exc


def _read_member(archive: zipfile.ZipFile, name: str, limit: int = MAX_UNCOMPRESSED) -> bytes:
    """:func:`read_member`, also refusing members whose compressed data is corrupt.

    zipfile lets the decompressor's own error (zlib.error, lzma.LZMAError) escape
    from a damaged member, and safety.read_member does not catch it.
    """
    try:
        return read_member(archive, name, limit)
    except FormatError:
        raise
    except _LibraryFailure as exc:
        raise FormatError(f"the archive member {name!r} is damaged ({exc})") from exc


def _prescan(archive: zipfile.ZipFile, names: Iterable[str], source: SourceFile) -> None:
    """Parse these XML members safely first, so a hostile or broken one is refused clearly."""
    present = set(archive.namelist())
    for name in names:
        if name in present:
            try:
                parse_xml(_read_member(archive, name))
            except FormatError as exc:
                raise FormatError(
                    f"'{source.name}': the part {name} cannot be read: {exc}"
                ) from exc


@contextlib.contextmanager
def _library_errors(source: SourceFile, kind: str) -> Iterator[None]:
    """Turn whatever a third-party parser raises into one FormatError naming the file."""
    try:
        yield
    except FormatError:
        raise
    except _LibraryFailure as exc:
        detail = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
        raise FormatError(
            f"'{source.name}' is damaged or not a readable {kind} ({detail})"
        ) from exc


# ----------------------------------------------------------------------------
# HTML to blocks (EPUB chapters; the HTML reader uses trafilatura's own tree)

_HTML_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
        "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
        "legend", "li", "main", "menu", "nav", "ol", "p", "section", "summary", "ul",
    }
)  # fmt: skip
_HTML_SKIPPED = frozenset(
    {"head", "script", "style", "template", "title", "meta", "link", "noscript", "object", "embed",
     "iframe", "svg", "math"}
)  # fmt: skip
# Stands for <br> until whitespace is collapsed (a NUL in the text itself is dropped first).
_BREAK = "\x00"


class _HtmlText:
    """Formats: collects the blocks of text of an HTML tree, in document order."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self._inline: list[str] = []

    def _add(self, text: str | None) -> None:
        if text:
            self._inline.append(text.replace(_BREAK, ""))

    def flush(self) -> None:
        if self._inline:
            text = _HTML_SPACE.sub(" ", "".join(self._inline))
            self._inline.clear()
            block = "\n".join(line.strip(" ") for line in text.split(_BREAK)).strip("\n ")
            if block.strip():
                self.blocks.append(block)

    def walk(self, element: etree._Element) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        tag = tag.rpartition("}")[2].rpartition(":")[2].lower()
        if tag in _HTML_SKIPPED:
            pass
        elif tag == "br":
            self._inline.append(_BREAK)
        elif tag == "pre":
            self.flush()
            self.blocks.append("".join(element.itertext()).removeprefix("\n").rstrip())
        elif tag == "table":
            self.flush()
            rows = [
                "\t".join(_cell_text(cell) for cell in row if _local(cell) in ("td", "th"))
                for row in element.iter("tr")
            ]
            self.blocks.append("\n".join(r for r in rows if r.strip()))
        elif tag in _HTML_BLOCKS:
            self.flush()
            self._add(element.text)
            for child in element:
                self.walk(child)
            self.flush()
        else:  # inline: a, span, em, b, img...
            self._add(element.text)
            for child in element:
                self.walk(child)
        self._add(element.tail)


def _local(element: etree._Element) -> str:
    return element.tag.rpartition("}")[2].lower() if isinstance(element.tag, str) else ""


def _cell_text(cell: etree._Element) -> str:
    return _HTML_SPACE.sub(" ", "".join(cell.itertext())).strip(" ")


def _html_encoding(data: bytes) -> str:
    """An EPUB XHTML file's encoding: BOM, XML declaration or meta charset, else UTF-8."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return encoding
    declared = _declared_charset(data)
    return declared or "utf-8"


_CHARSET = re.compile(
    rb"""(?:encoding|charset)\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.IGNORECASE
)


def _declared_charset(data: bytes) -> str | None:
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


def html_blocks(data: bytes) -> tuple[list[str], str]:
    """The blocks of text of an (X)HTML file and its first heading ("" if none).

    lxml's HTML parser reads it (no network, no DTD; it knows HTML's named
    character references itself, so XHTML's ``&nbsp;`` needs no DTD either).
    """
    if not data.strip():
        return [], ""
    parser = lxml_html.HTMLParser(
        encoding=_html_encoding(data),
        no_network=True,
        remove_comments=True,
        remove_pis=True,
        huge_tree=False,
    )
    try:
        root = lxml_html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise FormatError(f"not readable HTML ({exc})") from exc
    collector = _HtmlText()
    collector.walk(root)
    collector.flush()
    heading = next(
        (el for el in root.iter() if _local(el) in ("h1", "h2", "h3", "h4", "h5", "h6")), None
    )
    title = clean_text(" ".join("".join(heading.itertext()).split())) if heading is not None else ""
    return collector.blocks, title


# ----------------------------------------------------------------------------
# HTML: saved web pages, through trafilatura

_HTML_START = re.compile(
    rb"^(?:\s|<!--.*?-->|<\?xml[^>]*>)*<(?:!doctype\s+html|html[\s>])", re.IGNORECASE | re.DOTALL
)


def sniff_html(head: bytes) -> bool:
    """A saved web page: ``<!DOCTYPE html>`` or ``<html`` first (after comments: "saved from")."""
    head = head[:4096]
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if head.startswith(bom):
            try:
                head = head.decode("utf-8-sig" if bom == codecs.BOM_UTF8 else "utf-16").encode(
                    "utf-8"
                )
            except UnicodeDecodeError:
                head = head[len(bom) :].replace(b"\x00", b"")
            break
    return _HTML_START.match(head) is not None


def _decode_html(source: SourceFile) -> str:
    """The page as text: BOM, then valid UTF-8, then the declared charset, then detection."""
    data = source.data
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise FormatError(
                    f"'{source.name}' starts with a {encoding} byte-order mark "
                    f"but is not {encoding}"
                ) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        declared = _declared_charset(data)
        if declared:
            text = data.decode(declared, "replace")
        else:
            try:
                text = decode_bytes(data).text
            except TextDecodeError as exc:
                raise _not_a(source, "a web page (HTML)") from exc
    return text


# trafilatura collapses every Unicode space, NBSP included, into plain spaces. The
# no-break spaces of a page ("100\u00a0€", French punctuation) are kept by standing
# in for them with rare printable characters the page does not contain, and
# putting them back afterwards.
_NO_BREAK_SPACES = (
    (
        "\u00a0",
        re.compile(
            r"\u00a0|&(?:nbsp|NonBreakingSpace);|&nbsp(?![A-Za-z0-9;])|&#0*160;|&#[xX]0*[aA]0;"
        ),
    ),
    ("\u202f", re.compile(r"\u202f|&#0*8239;|&#[xX]0*202[fF];")),
)
_STAND_INS = ("\u2e3a", "\u2bd2", "\U0001d1e8", "\u2e3b", "\u2bd3", "\U0001d1e9")


def _protect_spaces(page: str) -> tuple[str, dict[str, str]]:
    """The page with no-break spaces replaced by stand-ins, and the map to put them back."""
    free = (c for c in _STAND_INS if c not in page)
    back: dict[str, str] = {}
    for space, pattern in _NO_BREAK_SPACES:
        stand_in = next(free, None)
        if stand_in is None:
            break  # (a page holding all the stand-ins keeps trafilatura's plain spaces)
        page, count = pattern.subn(stand_in, page)
        if count:
            back[stand_in] = space
    return page, back


def _restore_spaces(text: str | None, back: dict[str, str]) -> str | None:
    if text:
        for stand_in, space in back.items():
            text = text.replace(stand_in, space)
    return text


_ANNOTATOR_REPORT = re.compile(rb'<meta name="generator" content="annotator ')


def read_html(source: SourceFile) -> ImportBundle:
    """A saved web page: the article's text and metadata, without navigation, ads or related links.

    trafilatura picks the main content (favouring precision, so doubtful blocks
    stay out); each of its blocks becomes one block of our text, tables as
    tab-separated rows. Nothing is fetched from the network.
    """
    import trafilatura
    from trafilatura.xml import xmltotxt

    if not source.data.strip():
        raise FormatError(f"'{source.name}' is empty")
    if _ANNOTATOR_REPORT.search(source.data[:4096]):
        # Its legend and notes would be read as article text; the annotations are not in it.
        raise FormatError(
            f"'{source.name}' is an Annotator HTML report, made for reading; import the annotated JSON "
            "(or another export) of those documents instead"
        )
    if not sniff_html(source.data) and describe_content(source.data) != "plain text":
        raise _not_a(source, "a web page (HTML)")
    page = _decode_html(source)
    if "\x00" in page[:65536]:
        raise _not_a(source, "a web page (HTML)")
    if not re.search(r"<[A-Za-z!]", page[:65536]):
        raise _not_a(source, "a web page (HTML)")
    if not sniff_html(source.data):
        page = f"<html><body>{page}</body></html>"  # trafilatura takes whole pages, not fragments
    page, spaces = _protect_spaces(page)

    def extract(**options: Any) -> Any:
        return trafilatura.bare_extraction(
            page,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            deduplicate=False,
            **options,
        )

    with _library_errors(source, "web page"):
        result = extract(favor_precision=True)
        if result is None or result.body is None or not (result.text or "").strip():
            result = extract()  # short pages are sometimes all "doubtful" to the precise mode
        if result is None or result.body is None:
            raise FormatError(f"'{source.name}': no article text was found in the page")
        blocks = []
        for block in result.body:
            if block.tag == "table":
                rows = [
                    "\t".join(
                        _HTML_SPACE.sub(" ", "".join(cell.itertext())).strip(" ")
                        for cell in row.iter("cell")
                    )
                    for row in block.iter("row")
                ]
                blocks.append("\n".join(r for r in rows if r.strip()))
            else:
                blocks.append(xmltotxt(block, False))
    text = join_blocks(_restore_spaces(block, spaces) or "" for block in blocks)
    if not text.strip():
        raise FormatError(f"'{source.name}': no article text was found in the page")
    metadata = {
        "title": _restore_spaces(result.title, spaces),
        "author": _restore_spaces(result.author, spaces),
        "date": result.date,
        "url": result.url,
        "sitename": _restore_spaces(result.sitename, spaces),
        "extractor": f"trafilatura {trafilatura.__version__}",
    }
    return _bundle(source, text, metadata["title"], metadata)


# ----------------------------------------------------------------------------
# PDF, through pypdf


def sniff_pdf(head: bytes) -> bool:
    """PDF: ``%PDF-`` in the first KiB (the standard lets junk come before it)."""
    return b"%PDF-" in head[:1024]


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
        raise _not_a(source, "a PDF")
    with _library_errors(source, "PDF"):
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
                    f"'{source.name}' is protected by a password; "
                    "save a copy without the password and import that"
                )
        try:
            pages = [
                clean_text(page.extract_text() or "").strip("\n").rstrip() for page in reader.pages
            ]
        except FileNotDecryptedError as exc:
            raise FormatError(
                f"'{source.name}' is protected by a password; "
                "save a copy without the password and import that"
            ) from exc
        info = reader.metadata
        title = info.title if info else None
        author = info.author if info else None
        try:
            created = _iso(info.creation_date) if info else None
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
    return _bundle(source, text, metadata["title"], metadata)


# ----------------------------------------------------------------------------
# DOCX, through python-docx

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD_MAIN_TYPES = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml",
    "application/vnd.ms-word.document.macroEnabled.main+xml",
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml",
)
# Runs inside these are not the document's current text: deleted or moved-away
# revisions, text boxes of drawings (not part of the paragraph's flow) and the
# fallback copies of drawings that Office keeps for older readers.
_RUNS = etree.XPath(
    "./descendant::w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::mc:Fallback)]",
    namespaces={"w": _W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"},
)


def sniff_docx(head: bytes) -> bool:
    """DOCX: a ZIP whose first members (local headers are plain text) include Word's main part."""
    return head.startswith(b"PK\x03\x04") and b"word/document.xml" in head


def _paragraph_text(p: Any) -> str:
    """A ``w:p``'s text including runs in hyperlinks, tracked insertions and content controls.

    python-docx's ``Paragraph.text`` reads only direct runs and hyperlinks; each
    run's own ``text`` (python-docx's ``CT_R``) maps tabs and breaks to ``\\t`` and ``\\n``.
    """
    return "".join(run.text for run in _RUNS(p))


def _docx_blocks(body: Any, parent: Any) -> Iterator[str]:
    from docx.table import Table

    for child in body.iterchildren():
        tag = child.tag
        if tag == f"{{{_W}}}p":
            yield _paragraph_text(child)
        elif tag == f"{{{_W}}}tbl":
            yield _docx_table(Table(child, parent))
        elif tag in (f"{{{_W}}}sdt", f"{{{_W}}}customXml"):
            # Block content controls (cover pages, tables of contents) hold ordinary paragraphs.
            for content in (
                child.iterchildren(f"{{{_W}}}sdtContent") if tag.endswith("sdt") else [child]
            ):
                yield from _docx_blocks(content, parent)


def _docx_table(table: Any) -> str:
    rows = []
    for row in table.rows:
        cells, seen = [], set()
        for cell in row.cells:
            if id(cell._tc) in seen:  # a merged cell is listed once per grid column it spans
                continue
            seen.add(id(cell._tc))
            texts = [_paragraph_text(p._p) for p in cell.paragraphs]
            cells.append(one_line(" ".join(texts)))
        rows.append("\t".join(cells))
    return "\n".join(r for r in rows if r.strip())


def read_docx(source: SourceFile) -> ImportBundle:
    """A Word document: paragraphs and headings in order, tables as tab-separated rows.

    Tracked insertions count as text, deletions do not; headers, footers,
    footnotes, comments and text boxes are left out.
    """
    import docx
    from docx.opc.parts.coreprops import CorePropertiesPart

    archive = _open_archive(source, "a Word document (DOCX)")
    types = (
        parse_xml(_read_member(archive, "[Content_Types].xml"))
        if "[Content_Types].xml" in archive.namelist()
        else None
    )
    content_types = (
        {el.get("ContentType", "") for el in types.iter("{*}Override")}
        if types is not None
        else set()
    )
    if not content_types.intersection(_WORD_MAIN_TYPES):
        raise _not_a(source, "a Word document (DOCX)")
    # python-docx parses with resolve_entities=False, but parse_xml also refuses DTDs'
    # entities, absurd nesting and broken XML with a clear message, before it runs.
    _prescan(archive, [n for n in archive.namelist() if n.endswith((".xml", ".rels"))], source)
    with _library_errors(source, "Word document"):
        document = docx.Document(io.BytesIO(source.data))
        blocks = list(_docx_blocks(document.element.body, document._body))
        metadata: dict[str, Any] = {}
        # Asked for absent core properties, python-docx makes some up ("Word Document", now).
        if any(isinstance(part, CorePropertiesPart) for part in document.part.package.iter_parts()):
            props = document.core_properties
            metadata = {
                "title": props.title,
                "author": props.author,
                "created": _iso(props.created),
                "modified": _iso(props.modified),
            }
    return _bundle(source, join_blocks(blocks), metadata.get("title"), metadata)


# ----------------------------------------------------------------------------
# ODT, through odfpy

ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_MAX_SPACES = 1000  # <text:s text:c="..."/> is a count; a hostile one must not make gigabytes


def sniff_odt(head: bytes) -> bool:
    """ODT: a ZIP whose first, stored member ``mimetype`` says OpenDocument text."""
    return head.startswith(b"PK\x03\x04") and b"mimetype" + ODT_MIMETYPE.encode() in head[:256]


class _OdfText:
    """Formats: collects the blocks of an ODF text body: paragraphs, headings, list items, tables.

    Footnotes and endnotes are collected and put after the body; text in
    frames (text boxes, captions) follows the paragraph that anchors it;
    comments and tracked deletions are left out.
    """

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.notes: list[str] = []

    def body(self, element: Any) -> None:
        for child in element.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            ns, name = child.qname
            if ns == _TEXT_NS and name in ("p", "h"):
                after: list[Any] = []
                self.blocks.append(self.inline(child, after))
                for frame in after:
                    self.body(frame)
            elif ns == _TABLE_NS and name == "table":
                self.blocks.append(self.table(child))
            elif (ns == _TEXT_NS and (name == "tracked-changes" or name.endswith("-decls"))) or (
                ns == _OFFICE_NS and name in ("annotation", "forms")
            ):
                continue
            else:  # sections, lists, list items, indexes, frames: containers of blocks
                self.body(child)

    def inline(self, element: Any, after: list[Any]) -> str:
        parts = []
        for child in element.childNodes:
            if child.nodeType == child.TEXT_NODE:
                parts.append(child.data)
                continue
            if child.nodeType != child.ELEMENT_NODE:
                continue
            ns, name = child.qname
            if ns == _TEXT_NS and name == "s":
                count = str(child.attributes.get((_TEXT_NS, "c"), "1"))
                ok = count.isascii() and count.isdigit() and len(count) < 6
                parts.append(" " * min(int(count) if ok else 1, _MAX_SPACES))
            elif ns == _TEXT_NS and name == "tab":
                parts.append("\t")
            elif ns == _TEXT_NS and name == "line-break":
                parts.append("\n")
            elif ns == _TEXT_NS and name == "note":
                self.note(child)
            elif ns == _OFFICE_NS and name in ("annotation", "annotation-end"):
                continue
            elif ns == _DRAW_NS:
                after.append(child)
            else:  # spans, links, bookmarks, fields
                parts.append(self.inline(child, after))
        return "".join(parts)

    def note(self, element: Any) -> None:
        citation, body = "", None
        for child in element.childNodes:
            if child.nodeType == child.ELEMENT_NODE and child.qname == (_TEXT_NS, "note-citation"):
                citation = self.inline(child, [])
            elif child.nodeType == child.ELEMENT_NODE and child.qname == (_TEXT_NS, "note-body"):
                body = child
        if body is not None:
            inner = _OdfText()
            inner.body(body)
            text = " ".join(inner.blocks)
            self.notes.append(f"{citation} {text}".strip())

    def table(self, element: Any) -> str:
        rows = []
        for row in _odf_descendants(element, (_TABLE_NS, "table-row")):
            cells = []
            for cell in row.childNodes:
                if cell.nodeType == cell.ELEMENT_NODE and cell.qname == (_TABLE_NS, "table-cell"):
                    inner = _OdfText()
                    inner.body(cell)
                    cells.append(one_line(" ".join(inner.blocks)))
            while cells and not cells[-1]:  # spreadsheets-in-tables repeat empty cells to the edge
                cells.pop()
            rows.append("\t".join(cells))
        return "\n".join(r for r in rows if r.strip())


def _odf_descendants(element: Any, qname: tuple[str, str]) -> Iterator[Any]:
    for child in element.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            if child.qname == qname:
                yield child
            elif child.qname != (_TABLE_NS, "table"):  # a nested table's rows are its own
                yield from _odf_descendants(child, qname)


def _odf_meta(document: Any) -> dict[str, str | None]:
    """Title, author, creation and modification dates from an ODF document's meta.xml."""
    found: dict[str, str | None] = {}
    names = {
        ("http://purl.org/dc/elements/1.1/", "title"): "title",
        ("http://purl.org/dc/elements/1.1/", "creator"): "author",
        ("urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "initial-creator"): "initial_creator",
        ("urn:oasis:names:tc:opendocument:xmlns:meta:1.0", "creation-date"): "created",
        ("http://purl.org/dc/elements/1.1/", "date"): "modified",
    }
    for child in document.meta.childNodes:
        if child.nodeType == child.ELEMENT_NODE and child.qname in names:
            found[names[child.qname]] = str(child).strip() or None
    return {
        "title": found.get("title"),
        "author": found.get("author") or found.get("initial_creator"),
        "created": found.get("created"),
        "modified": found.get("modified"),
    }


def read_odt(source: SourceFile) -> ImportBundle:
    """An OpenDocument text: paragraphs, headings, list items and tables, then the notes."""
    from odf.office import Text
    from odf.opendocument import load

    archive = _open_archive(source, "an OpenDocument text (ODT)")
    names = set(archive.namelist())
    if "mimetype" in names:
        mimetype = _read_member(archive, "mimetype", limit=200).decode("ascii", "replace").strip()
        if not mimetype.startswith(ODT_MIMETYPE):
            raise _not_a(source, "an OpenDocument text (ODT)")
    if "content.xml" not in names or "META-INF/manifest.xml" not in names:
        raise _not_a(source, "an OpenDocument text (ODT)")
    # odfpy parses with defusedxml, but prints a part it cannot parse and carries on
    # with an empty document; parsing first turns that into a clear refusal.
    _prescan(
        archive,
        ["META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml", "settings.xml"],
        source,
    )
    with _library_errors(source, "OpenDocument text"), contextlib.redirect_stdout(io.StringIO()):
        document = load(io.BytesIO(source.data))
        bodies = document.getElementsByType(Text)
        if not bodies:
            raise _not_a(source, "an OpenDocument text (ODT)")
        collector = _OdfText()
        collector.body(bodies[0])
        metadata = _odf_meta(document)
    text = join_blocks([*collector.blocks, *collector.notes])
    return _bundle(source, text, metadata["title"], metadata)


# ----------------------------------------------------------------------------
# EPUB, through EbookLib

EPUB_MIMETYPE = "application/epub+zip"
_CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"


def sniff_epub(head: bytes) -> bool:
    """EPUB: a ZIP whose first, stored member ``mimetype`` says ``application/epub+zip``."""
    return head.startswith(b"PK\x03\x04") and b"mimetype" + EPUB_MIMETYPE.encode() in head[:256]


def _epub_package_path(archive: zipfile.ZipFile, source: SourceFile) -> str:
    """Where the package document (OPF) is, from META-INF/container.xml (parsed safely)."""
    try:
        container = parse_xml(_read_member(archive, "META-INF/container.xml"))
    except FormatError as exc:
        raise FormatError(
            f"'{source.name}' is not a readable EPUB: META-INF/container.xml: {exc}"
        ) from exc
    for rootfile in container.iter(f"{{{_CONTAINER_NS}}}rootfile"):
        if rootfile.get("media-type") == "application/oebps-package+xml" and rootfile.get(
            "full-path"
        ):
            return str(rootfile.get("full-path"))
    raise FormatError(
        f"'{source.name}' is not a readable EPUB: its container names no package document"
    )


def _epub_metadata(book: Any) -> dict[str, Any]:
    def first(name: str) -> str | None:
        values = [str(v[0]).strip() for v in book.get_metadata("DC", name) if v and v[0]]
        return values[0] if values else None

    creators = [str(v[0]).strip() for v in book.get_metadata("DC", "creator") if v and v[0]]
    return {
        "title": first("title"),
        "author": "; ".join(creators) or None,
        "date": first("date"),
        "language": first("language"),
    }


def read_epub(source: SourceFile) -> ImportBundle:
    """An e-book: its chapters in reading (spine) order, each chapter's HTML as blocks of text.

    ``metadata["chapters"]`` lists each chapter's ``start`` (code point
    offset), ``title`` (its first heading, if any) and ``file`` (its path in
    the book). The navigation document (table of contents) is left out.
    """
    import ebooklib
    from ebooklib import epub

    archive = _open_archive(source, "an EPUB e-book")
    names = set(archive.namelist())
    if (
        "mimetype" in names
        and _read_member(archive, "mimetype", limit=200).strip() != EPUB_MIMETYPE.encode()
    ):
        raise _not_a(source, "an EPUB e-book")
    if "META-INF/container.xml" not in names:
        raise _not_a(source, "an EPUB e-book")
    package = _epub_package_path(archive, source)
    if package not in names:
        raise FormatError(
            f"'{source.name}' is not a readable EPUB: its package document {package!r} is missing"
        )
    # EbookLib parses these with resolve_entities=False; parse_xml refuses entities outright.
    _prescan(archive, [package], source)
    with _library_errors(source, "EPUB e-book"):
        book = epub.read_epub(io.BytesIO(source.data), {"ignore_ncx": True})
        chapters: list[tuple[str, list[str], str]] = []
        for entry in book.spine:
            idref = entry[0] if isinstance(entry, tuple | list) else entry
            item = book.get_item_with_id(idref)
            if (
                item is None
                or item.get_type() != ebooklib.ITEM_DOCUMENT
                or isinstance(item, epub.EpubNav)
            ):
                continue
            try:
                blocks, heading = html_blocks(item.get_content())
            except FormatError as exc:
                raise FormatError(f"'{source.name}': the chapter {item.get_name()}: {exc}") from exc
            chapters.append((item.get_name(), blocks, heading))
        metadata = _epub_metadata(book)
    pieces, starts, offset = [], [], 0
    for name, blocks, title in chapters:
        chapter_text = join_blocks(blocks)
        if not chapter_text.strip():
            continue
        starts.append({"start": offset, "title": title, "file": str(PurePosixPath(name))})
        pieces.append(chapter_text)
        offset += len(chapter_text) + len(BLOCK_SEPARATOR)
    text = BLOCK_SEPARATOR.join(pieces)
    metadata["chapters"] = starts
    return _bundle(source, text, metadata["title"], metadata)


FORMATS: list[Format] = [
    # The HTML *writer* (a report) is another module's; the registry joins the halves.
    Format(
        id="html",
        label="HTML",
        extensions=(".html", ".htm", ".xhtml"),
        reader=read_html,
        sniff=sniff_html,
    ),
    Format(
        id="docx",
        label="Word document (DOCX)",
        extensions=(".docx",),
        reader=read_docx,
        sniff=sniff_docx,
    ),
    Format(id="pdf", label="PDF", extensions=(".pdf",), reader=read_pdf, sniff=sniff_pdf),
    Format(
        id="odt",
        label="OpenDocument text (ODT)",
        extensions=(".odt",),
        reader=read_odt,
        sniff=sniff_odt,
    ),
    Format(
        id="epub", label="EPUB e-book", extensions=(".epub",), reader=read_epub, sniff=sniff_epub
    ),
]
