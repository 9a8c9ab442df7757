"""Formats: EPUB e-books (``epub``), read through EbookLib.

Chapters come in reading (spine) order, each chapter's XHTML as blocks of text
(the HTML is walked here: trafilatura, which reads web pages, would drop what
it takes for page furniture); ``metadata["chapters"]`` gives each chapter's
start offset and title. The table of contents and scripts are left out.
"""

from __future__ import annotations

import codecs
import io
import zipfile
from pathlib import PurePosixPath
from typing import TYPE_CHECKING, Any

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.text import clean_text
from annotator.formats.base import Format, FormatError, ImportBundle, SourceFile
from annotator.formats.detection import EPUB_MIMETYPE, not_a, sniff_epub
from annotator.formats.extraction import (
    BLOCK_SEPARATOR,
    HTML_SPACE,
    declared_charset,
    document_bundle,
    join_blocks,
    library_errors,
    open_archive,
    prescan_xml,
)
from annotator.formats.safety import parse_xml, read_member

if TYPE_CHECKING:  # lxml is imported where it is used, keeping it off the window's start
    from lxml import etree

# ----------------------------------------------------------------------------
# chapters: XHTML to blocks (the web page reader uses trafilatura's own tree)

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
            text = HTML_SPACE.sub(" ", "".join(self._inline))
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
    return HTML_SPACE.sub(" ", "".join(cell.itertext())).strip(" ")


def _html_encoding(data: bytes) -> str:
    """An EPUB XHTML file's encoding: BOM, XML declaration or meta charset, else UTF-8."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return encoding
    declared = declared_charset(data)
    return declared or "utf-8"


def html_blocks(data: bytes) -> tuple[list[str], str]:
    """The blocks of text of an (X)HTML file and its first heading ("" if none).

    lxml's HTML parser reads it (no network, no DTD; it knows HTML's named
    character references itself, so XHTML's ``&nbsp;`` needs no DTD either).
    """
    from lxml import etree
    from lxml import html as lxml_html

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
    heading = next((el for el in root.iter() if _local(el) in ("h1", "h2", "h3", "h4", "h5", "h6")), None)
    title = clean_text(" ".join("".join(heading.itertext()).split())) if heading is not None else ""
    return collector.blocks, title


# ----------------------------------------------------------------------------
# the book

_CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container"


def _epub_package_path(archive: zipfile.ZipFile, source: SourceFile) -> str:
    """Where the package document (OPF) is, from META-INF/container.xml (parsed safely)."""
    try:
        container = parse_xml(read_member(archive, "META-INF/container.xml"))
    except FormatError as exc:
        raise FormatError(f"'{source.name}' is not a readable EPUB: META-INF/container.xml: {exc}") from exc
    for rootfile in container.iter(f"{{{_CONTAINER_NS}}}rootfile"):
        if rootfile.get("media-type") == "application/oebps-package+xml" and rootfile.get("full-path"):
            return str(rootfile.get("full-path"))
    raise FormatError(f"'{source.name}' is not a readable EPUB: its container names no package document")


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

    archive = open_archive(source, "an EPUB e-book")
    names = set(archive.namelist())
    if "mimetype" in names and read_member(archive, "mimetype", limit=200).strip() != EPUB_MIMETYPE.encode():
        raise not_a(source, "an EPUB e-book")
    if "META-INF/container.xml" not in names:
        raise not_a(source, "an EPUB e-book")
    package = _epub_package_path(archive, source)
    if package not in names:
        raise FormatError(f"'{source.name}' is not a readable EPUB: its package document {package!r} is missing")
    # EbookLib parses these with resolve_entities=False; parse_xml refuses entities outright.
    prescan_xml(archive, [package], source)
    with library_errors(source, "EPUB e-book"):
        book = epub.read_epub(io.BytesIO(source.data), {"ignore_ncx": True})
        chapters: list[tuple[str, list[str], str]] = []
        for entry in book.spine:
            idref = entry[0] if isinstance(entry, tuple | list) else entry
            item = book.get_item_with_id(idref)
            if item is None or item.get_type() != ebooklib.ITEM_DOCUMENT or isinstance(item, epub.EpubNav):
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
    return document_bundle(source, text, metadata["title"], metadata)


FORMATS: list[Format] = [
    Format(
        id="epub",
        label=QT_TRANSLATE_NOOP("formats", "EPUB e-book"),
        extensions=(".epub",),
        reader=read_epub,
        sniff=sniff_epub,
    ),
]
