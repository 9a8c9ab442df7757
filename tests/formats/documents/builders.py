"""Tests: small DOCX, ODT, EPUB and PDF files made on the spot with the libraries we read them with.

Nothing here is copied from elsewhere: each builder writes a document whose
content the test knows, so the test can say what the reader must give back
without asking the reader. ``python tests/formats/documents/builders.py DIR``
writes one of each into DIR, to open them in other programs by hand.
"""

from __future__ import annotations

import io
import sys
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

#: Text with the characters stored text must keep: NBSP, emoji (a ZWJ sequence
#: and a skin tone), a combining accent, Hebrew and Arabic, a tab.
RICH = "Caf\u00e9\u00a0noir \U0001f469\u200d\U0001f4bb and \U0001f44d\U0001f3fd, cafe\u0301 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627."


# ----------------------------------------------------------------------------
# PDF: pypdf writes pages whose text uses a Type0 font with a ToUnicode map, so
# any character (emoji, Hebrew...) can be in the text layer.


def build_pdf(
    pages: Sequence[Sequence[str]],
    *,
    title: str | None = None,
    author: str | None = None,
    user_password: str | None = None,
    owner_password: str | None = None,
) -> bytes:
    """A PDF whose page *n* shows the lines ``pages[n]`` (an empty list makes a page with no text).

    Right-to-left lines must be given in visual order, as PDF producers store
    them (glyphs left to right on the page).
    """
    from pypdf import PdfWriter
    from pypdf.generic import (
        ArrayObject,
        DecodedStreamObject,
        DictionaryObject,
        NameObject,
        NumberObject,
        TextStringObject,
    )

    writer = PdfWriter()
    chars = sorted({c for page in pages for line in page for c in line})
    cid = {c: i + 1 for i, c in enumerate(chars)}
    cmap = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]  # fmt: skip
    items = list(cid.items())
    for i in range(0, len(items), 100):
        chunk = items[i : i + 100]
        cmap.append(f"{len(chunk)} beginbfchar")
        cmap += [f"<{n:04X}> <{c.encode('utf-16-be').hex().upper()}>" for c, n in chunk]
        cmap.append("endbfchar")
    cmap += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    to_unicode = DecodedStreamObject()
    to_unicode.set_data("\n".join(cmap).encode("ascii"))

    def name(value: str) -> NameObject:
        return NameObject(value)

    descendant = DictionaryObject({
        name("/Type"): name("/Font"), name("/Subtype"): name("/CIDFontType2"), name("/BaseFont"): name("/Test"),
        name("/CIDSystemInfo"): DictionaryObject({
            name("/Registry"): TextStringObject("Adobe"), name("/Ordering"): TextStringObject("Identity"),
            name("/Supplement"): NumberObject(0),
        }),
        name("/DW"): NumberObject(500),
    })  # fmt: skip
    font = DictionaryObject({
        name("/Type"): name("/Font"), name("/Subtype"): name("/Type0"), name("/BaseFont"): name("/Test"),
        name("/Encoding"): name("/Identity-H"),
        name("/DescendantFonts"): ArrayObject([writer._add_object(descendant)]),
        name("/ToUnicode"): writer._add_object(to_unicode),
    })  # fmt: skip
    font_ref = writer._add_object(font)
    for lines in pages:
        page = writer.add_blank_page(612, 792)
        ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
        ops += ["<" + "".join(f"{cid[c]:04X}" for c in line) + "> Tj T*" for line in lines]
        ops.append("ET")
        content = DecodedStreamObject()
        content.set_data("\n".join(ops).encode("ascii"))
        page[name("/Resources")] = DictionaryObject({name("/Font"): DictionaryObject({name("/F1"): font_ref})})
        page[name("/Contents")] = writer._add_object(content)
    info = {k: v for k, v in (("/Title", title), ("/Author", author)) if v}
    if info:
        writer.add_metadata(info)
    if user_password is not None or owner_password is not None:
        # RC4 needs no optional crypto package, so these tests run everywhere.
        writer.encrypt(user_password or "", owner_password, algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# ----------------------------------------------------------------------------
# DOCX, with python-docx

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

#: What :func:`build_docx` puts in, block by block, as the reader must give it back.
DOCX_BLOCKS = [
    "Field notes",  # heading 1
    "First paragraph: " + RICH,
    "A line\nbroken by hand,\tthen a tab.",
    "Read the source (linked) and an inserted clause.",  # hyperlink + tracked insertion; a deletion is left out
    "Quarter\tRevenue\nQ1 \U0001f4c8\t1\u00a0000\nQ2\t2,5 \u20ac",  # a table
    "A subheading",  # heading 2
    "List item one",
    "List item two",
    "Text inside a content control.",
    "Last paragraph \u05e9\u05dc\u05d5\u05dd.",
]


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def build_docx(*, title: str | None = "Field notes (DOCX)", author: str | None = "Ada Writer") -> bytes:
    """A Word document holding :data:`DOCX_BLOCKS`, with an empty paragraph, a deletion and a merged cell."""
    import docx
    from docx.oxml import OxmlElement

    document = docx.Document()
    document.core_properties.title = title or ""
    document.core_properties.author = author or ""  # (python-docx's template says "python-docx")
    document.core_properties.created = datetime(2024, 3, 4, 5, 6, 7)
    document.add_heading("Field notes", level=1)
    document.add_paragraph("First paragraph: " + RICH)
    document.add_paragraph("")  # empty paragraphs are not blocks
    p = document.add_paragraph("A line")
    run = p.add_run()
    run.add_break()
    run.add_text("broken by hand,")
    p.add_run().add_tab()
    p.add_run("then a tab.")

    p = document.add_paragraph("Read the ")
    link = OxmlElement("w:hyperlink")
    link_run = OxmlElement("w:r")
    link_text = OxmlElement("w:t")
    link_text.text = "source (linked)"
    link_run.append(link_text)
    link.append(link_run)
    p._p.append(link)
    p.add_run(" and an")
    deletion = OxmlElement("w:del")
    deleted_run = OxmlElement("w:r")
    deleted_text = OxmlElement("w:delText")
    deleted_text.text = " old, struck"
    deleted_run.append(deleted_text)
    deletion.append(deleted_run)
    p._p.append(deletion)
    insertion = OxmlElement("w:ins")
    inserted_run = OxmlElement("w:r")
    inserted_text = OxmlElement("w:t")
    inserted_text.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    inserted_text.text = " inserted clause"
    inserted_run.append(inserted_text)
    insertion.append(inserted_run)
    p._p.append(insertion)
    p.add_run(".")

    table = document.add_table(rows=3, cols=2)
    rows = [("Quarter", "Revenue"), ("Q1 \U0001f4c8", "1\u00a0000"), ("Q2", "2,5 \u20ac")]
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
    document.add_heading("A subheading", level=2)
    document.add_paragraph("List item one", style="List Bullet")
    document.add_paragraph("List item two", style="List Bullet")

    # A block content control (Word's cover pages and tables of contents are made of these).
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    inner = OxmlElement("w:p")
    inner_run = OxmlElement("w:r")
    inner_text = OxmlElement("w:t")
    inner_text.text = "Text inside a content control."
    inner_run.append(inner_text)
    inner.append(inner_run)
    content.append(inner)
    sdt.append(content)
    document.element.body.insert(len(document.element.body) - 1, sdt)  # before the section properties

    last = document.add_paragraph("Last paragraph \u05e9\u05dc\u05d5\u05dd.")
    document.element.body.remove(last._p)
    document.element.body.insert(len(document.element.body) - 1, last._p)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------
# ODT, with odfpy

#: What :func:`build_odt` puts in, block by block (the footnote comes last).
ODT_BLOCKS = [
    "Chapter one",  # heading
    "Plain paragraph with " + RICH,
    "Spaces:   three,\ttab and\nline break.",
    "First item",
    "Second item",
    "Name\tValue\nalpha\t1\nbeta \U0001f600\t2",
    "After the table, a sentence with a note.",
    "1 The note's own text.",
]


def build_odt(*, title: str | None = "ODT sample", author: str | None = "Olga Writer") -> bytes:
    """An OpenDocument text holding :data:`ODT_BLOCKS`, plus a comment that must not show."""
    from odf import dc, meta
    from odf.office import Annotation
    from odf.opendocument import OpenDocumentText
    from odf.table import Table, TableCell, TableColumn, TableRow
    from odf.text import H, LineBreak, List, ListItem, Note, NoteBody, NoteCitation, P, S, Span, Tab

    document = OpenDocumentText()
    if title:
        document.meta.addElement(dc.Title(text=title))
    if author:
        document.meta.addElement(meta.InitialCreator(text=author))
    document.meta.addElement(meta.CreationDate(text="2023-02-01T10:20:30"))
    document.text.addElement(H(outlinelevel=1, text="Chapter one"))
    p = P(text="Plain paragraph with ")
    p.addElement(Span(text=RICH))
    document.text.addElement(p)
    p = P(text="Spaces:")
    p.addElement(S(c=3))
    p.addText("three,")
    p.addElement(Tab())
    p.addText("tab and")
    p.addElement(LineBreak())
    p.addText("line break.")
    comment = Annotation()
    comment.addElement(P(text="A reviewer's comment."))
    p.addElement(comment)
    document.text.addElement(p)
    items = List()
    for label in ("First item", "Second item"):
        item = ListItem()
        item.addElement(P(text=label))
        items.addElement(item)
    document.text.addElement(items)
    table = Table(name="T1")
    table.addElement(TableColumn(numbercolumnsrepeated=2))
    for left, right in (("Name", "Value"), ("alpha", "1"), ("beta \U0001f600", "2")):
        row = TableRow()
        for value in (left, right):
            cell = TableCell()
            cell.addElement(P(text=value))
            row.addElement(cell)
        table.addElement(row)
    document.text.addElement(table)
    p = P(text="After the table, a sentence with a note.")
    note = Note(id="ftn1", noteclass="footnote")
    note.addElement(NoteCitation(text="1"))
    body = NoteBody()
    body.addElement(P(text="The note's own text."))
    note.addElement(body)
    p.addElement(note)
    document.text.addElement(p)
    document.text.addElement(P(text=""))
    out = io.BytesIO()
    document.write(out)
    return out.getvalue()


# ----------------------------------------------------------------------------
# EPUB, with EbookLib

#: Chapters of :func:`build_epub`: (file name, XHTML body, blocks the reader must give back).
EPUB_CHAPTERS = [
    (
        "chap_01.xhtml",
        (
            "<h1>The first chapter</h1><p>It begins\n   here,&nbsp;with an entity.</p>"
            f"<p>{RICH}</p><ul><li>one</li><li>two <em>emphasised</em></li></ul>"
            "<script>var hidden = 1;</script>"
        ),
        [
            "The first chapter",
            "It begins here,\u00a0with an entity.",
            RICH,
            "one",
            "two emphasised",
        ],
    ),
    (
        "chap_02.xhtml",
        (
            "<h2>Second</h2><div><p>Line one<br/>line two</p></div>"
            "<table><tr><th>k</th><th>v</th></tr><tr><td>a</td><td>1</td></tr></table>"
            "<pre>  keep   this\n    indented</pre>"
        ),
        ["Second", "Line one\nline two", "k\tv\na\t1", "  keep   this\n    indented"],
    ),
]


def build_epub(
    chapters: Sequence[tuple[str, str, object]] = EPUB_CHAPTERS,
    *,
    title: str = "An EPUB sample",
    author: str = "Eve Author",
) -> bytes:
    """An EPUB 3 with these chapters in this spine order, a navigation document and an NCX."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("urn:uuid:0f2b8a6e-6d3c-4d55-9c1e-2b0c7f8e9a10")
    book.set_title(title)
    book.set_language("en")
    book.add_author(author)
    items = []
    for file_name, body, _ in chapters:
        item = epub.EpubHtml(title=file_name, file_name=file_name, lang="en")
        item.content = f"<html><head><title>{file_name}</title></head><body>{body}</body></html>"
        book.add_item(item)
        items.append(item)
    book.toc = items
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = ["nav", *items]
    out = io.BytesIO()
    epub.write_epub(out, book)
    return out.getvalue()


# ----------------------------------------------------------------------------
# Hostile archives


def with_member(data: bytes, name: str, payload: bytes, *, compress: bool = True) -> bytes:
    """The archive *data* with one more member (written as is, whatever its name)."""
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", compression=zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as archive:
        info = zipfile.ZipInfo(name)
        info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
        archive.writestr(info, payload)
    return out.getvalue()


def replace_member(data: bytes, name: str, payload: bytes) -> bytes:
    """The archive *data* with member *name*'s content replaced (order and other members kept)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            archive.writestr(info, payload if info.filename == name else source.read(info.filename))
    return out.getvalue()


def main(folder: str) -> None:
    """Write one sample of each format into *folder*."""
    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    (target / "sample.pdf").write_bytes(build_pdf([["Page one", RICH], ["Page two"]], title="PDF sample"))
    (target / "sample.docx").write_bytes(build_docx())
    (target / "sample.odt").write_bytes(build_odt())
    (target / "sample.epub").write_bytes(build_epub())


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
