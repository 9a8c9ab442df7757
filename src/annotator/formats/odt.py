"""Formats: OpenDocument text (``odt``), read through odfpy.

Headings, paragraphs, list items and tables in order; footnotes and endnotes
come last; comments and tracked deletions are left out.
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator
from typing import Any

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.formats.base import Format, ImportBundle, SourceFile
from annotator.formats.detection import ODT_MIMETYPE, not_a, sniff_odt
from annotator.formats.extraction import (
    document_bundle,
    join_blocks,
    library_errors,
    one_line,
    open_archive,
    prescan_xml,
)
from annotator.formats.safety import read_member

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_MAX_SPACES = 1000  # <text:s text:c="..."/> is a count; a hostile one must not make gigabytes


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

    archive = open_archive(source, "an OpenDocument text (ODT)")
    names = set(archive.namelist())
    if "mimetype" in names:
        mimetype = read_member(archive, "mimetype", limit=200).decode("ascii", "replace").strip()
        if not mimetype.startswith(ODT_MIMETYPE):
            raise not_a(source, "an OpenDocument text (ODT)")
    if "content.xml" not in names or "META-INF/manifest.xml" not in names:
        raise not_a(source, "an OpenDocument text (ODT)")
    # odfpy parses with defusedxml, but prints a part it cannot parse and carries on
    # with an empty document; parsing first turns that into a clear refusal.
    prescan_xml(
        archive,
        ["META-INF/manifest.xml", "content.xml", "styles.xml", "meta.xml", "settings.xml"],
        source,
    )
    with library_errors(source, "OpenDocument text"), contextlib.redirect_stdout(io.StringIO()):
        document = load(io.BytesIO(source.data))
        bodies = document.getElementsByType(Text)
        if not bodies:
            raise not_a(source, "an OpenDocument text (ODT)")
        collector = _OdfText()
        collector.body(bodies[0])
        metadata = _odf_meta(document)
    text = join_blocks([*collector.blocks, *collector.notes])
    return document_bundle(source, text, metadata["title"], metadata)


FORMATS: list[Format] = [
    Format(
        id="odt",
        label=QT_TRANSLATE_NOOP("formats", "OpenDocument text (ODT)"),
        extensions=(".odt",),
        reader=read_odt,
        sniff=sniff_odt,
    ),
]
