"""Formats: Word documents (``docx``), read through python-docx.

Paragraphs and headings in order, tables as tab-separated rows; tracked
insertions count as text, deletions do not. Headers, footers, footnotes,
comments and text boxes are left out; metadata comes from the core properties.
(The module is not called ``docx`` so that ``import docx`` is python-docx.)
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from functools import cache
from typing import Any

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.formats.base import Format, ImportBundle, SourceFile
from annotator.formats.detection import not_a, sniff_docx
from annotator.formats.extraction import (
    document_bundle,
    iso_date,
    join_blocks,
    library_errors,
    one_line,
    open_archive,
    prescan_xml,
)
from annotator.formats.safety import parse_xml, read_member

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
_RUNS = (
    "./descendant::w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent"
    " or ancestor::mc:Fallback)]"
)


@cache
def _runs() -> Any:
    """The XPath of :data:`_RUNS`, compiled once, when first needed (lxml stays off the window's start)."""
    from lxml import etree

    return etree.XPath(_RUNS, namespaces={"w": _W, "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006"})


def _paragraph_text(p: Any) -> str:
    """A ``w:p``'s text including runs in hyperlinks, tracked insertions and content controls.

    python-docx's ``Paragraph.text`` reads only direct runs and hyperlinks; each
    run's own ``text`` (python-docx's ``CT_R``) maps tabs and breaks to ``\\t`` and ``\\n``.
    """
    return "".join(run.text for run in _runs()(p))


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
            for content in child.iterchildren(f"{{{_W}}}sdtContent") if tag.endswith("sdt") else [child]:
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

    archive = open_archive(source, "a Word document (DOCX)")
    types = (
        parse_xml(read_member(archive, "[Content_Types].xml")) if "[Content_Types].xml" in archive.namelist() else None
    )
    content_types = {el.get("ContentType", "") for el in types.iter("{*}Override")} if types is not None else set()
    if not content_types.intersection(_WORD_MAIN_TYPES):
        raise not_a(source, "a Word document (DOCX)")
    # python-docx parses with resolve_entities=False, but parse_xml also refuses DTDs'
    # entities, absurd nesting and broken XML with a clear message, before it runs.
    prescan_xml(archive, [n for n in archive.namelist() if n.endswith((".xml", ".rels"))], source)
    with library_errors(source, "Word document"):
        document = docx.Document(io.BytesIO(source.data))
        blocks = list(_docx_blocks(document.element.body, document._body))
        metadata: dict[str, Any] = {}
        # Asked for absent core properties, python-docx makes some up ("Word Document", now).
        if any(isinstance(part, CorePropertiesPart) for part in document.part.package.iter_parts()):
            props = document.core_properties
            metadata = {
                "title": props.title,
                "author": props.author,
                "created": iso_date(props.created),
                "modified": iso_date(props.modified),
            }
    return document_bundle(source, join_blocks(blocks), metadata.get("title"), metadata)


FORMATS: list[Format] = [
    Format(id="docx", label=QT_TRANSLATE_NOOP("formats", "Word document (DOCX)"), extensions=(".docx",), reader=read_docx,
           sniff=sniff_docx),
]  # fmt: skip
