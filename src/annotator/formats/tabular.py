"""Formats: CSV and XLSX exports, one row per annotation, for spreadsheets, R and pandas.

Both carry the same columns, in this order::

    document_id, document_title, tag, start, end, quote, note, coder, created, modified, annotation_id

``tag`` is the tag's label (:func:`annotator.core.codebook.labels`): its name, or
its shortest path (``Feelings/Positive``) where two tags share the name. The
columns are followed by one column per document attribute (its name; ``attribute:NAME`` where
the name is one of the columns above), holding the document's value of it (empty
when it has none).

``start``/``end`` are code points into the document's stored text, end-exclusive
(Python slicing; R's ``substr`` also counts code points, with ``start + 1``).
Excel's text functions count UTF-16 units, so after an emoji ``MID`` is off by
one per emoji; the quote column is the truth to read. ``created``/``modified``
are ISO 8601 UTC with milliseconds (``2026-11-27T21:00:00.000Z``). Rows are
sorted by document (in export order), then by (start, end).

CSV is UTF-8, RFC 4180 quoting (the csv module; every text field is quoted,
the offsets are not), LF line ends, exact data. With
``options["excel"]`` it is written for Excel instead: a UTF-8 BOM (without it
Excel reads UTF-8 as the local code page and garbles accents and emoji), CRLF
line ends, and formula injection defused: a text cell starting with ``=``,
``+``, ``-``, ``@``, tab or CR gets a leading apostrophe, so Excel shows it as
text instead of running it. That apostrophe is visible and is not in the data;
plain mode never adds it.

XLSX (openpyxl, zipped in memory and then written out) has three sheets: ``annotations`` (the columns above),
``tags`` (name: the label, as in the ``tag`` column; color, description) and ``documents`` (id, title, length in code
points, sha256, then one column per attribute: every document is there, annotated or
not; number values are number cells). Text cells are written as strings, never as formulas, so
``=SUM(A1)`` in a note stays text without an apostrophe. XML cannot hold most
C0 control characters, U+FFFE or U+FFFF; they are written with OOXML's own
escape ``_xHHHH_`` (and a literal ``_xHHHH_`` becomes ``_x005F_xHHHH_``), which
Excel and LibreOffice decode back to the original text; openpyxl and pandas show
the escapes as written (``openpyxl.utils.escape.unescape`` decodes them). A cell
over Excel's limit of 32,767 characters is cut and ends with "…"; the offsets
still point at the whole span.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any, BinaryIO

from annotator.core.attributes import NUMBER, Attribute, is_integer
from annotator.core.codebook import labels
from annotator.core.gcpause import gc_paused
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import Annotation, Document
from annotator.core.offsets import OffsetMap
from annotator.formats.base import ExportBundle, Format, Option

COLUMNS = (
    "document_id",
    "document_title",
    "tag",
    "start",
    "end",
    "quote",
    "note",
    "coder",
    "created",
    "modified",
    "annotation_id",
)

#: Excel treats a cell starting with one of these as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

#: Excel's most characters in one cell (counted in UTF-16 units).
EXCEL_CELL_LIMIT = 32_767

# XML 1.0 has no place for these (openpyxl's ILLEGAL_CHARACTERS_RE misses U+FFFE/U+FFFF,
# and lxml then refuses the whole workbook).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_OOXML_ESCAPE = re.compile("_x[0-9A-Fa-f]{4}_")
_OOXML_ESCAPE_LIKE = re.compile("_(?=x[0-9A-Fa-f]{4}_)")


def iso_utc(moment: datetime) -> str:
    """An aware datetime as ISO 8601 UTC with milliseconds and a "Z"."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def attribute_columns(bundle: ExportBundle, taken: tuple[str, ...] = COLUMNS) -> tuple[str, ...]:
    """The header of the attribute columns: each attribute's name, or ``attribute:NAME`` where
    the name is one of the *taken* columns."""
    return tuple(f"attribute:{a.name}" if a.name in taken else a.name for a in bundle.attributes)


def rows(bundle: ExportBundle) -> Iterator[tuple[Any, ...]]:
    """The data rows (no header): documents in export order, annotations by (start, end),
    then each attribute's value."""
    tag_names = labels(bundle.tags)  # two tags that share a name are told apart by their paths
    names = [a.name for a in bundle.attributes]
    for exported in bundle.documents:
        values = tuple(exported.attributes.get(name, "") for name in names)
        for a in sorted(exported.annotations, key=lambda a: (a.start, a.end, a.id)):
            yield _row(exported.document, a, tag_names) + values


def _row(doc: Document, a: Annotation, tag_names: dict[str, str]) -> tuple[Any, ...]:
    return (
        doc.id,
        doc.title,
        tag_names[a.tag_id],
        a.start,
        a.end,
        a.quote,
        a.note,
        a.coder,
        iso_utc(a.created),
        iso_utc(a.modified),
        a.id,
    )


def _cell(attribute: Attribute, value: str) -> Any:
    """An attribute value for a spreadsheet cell: a number attribute's value as a number."""
    if attribute.kind == NUMBER and value:
        return int(value) if is_integer(value) else float(Decimal(value))
    return value


# -- CSV ---------------------------------------------------------------------------------------


def defuse_formula(value: str) -> str:
    """*value* with a leading apostrophe if Excel would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def write_csv(bundle: ExportBundle, out: BinaryIO) -> None:
    """One row per annotation; exact data, or Excel-friendly with ``options["excel"]``."""
    write_csv_rows(out, COLUMNS + attribute_columns(bundle), rows(bundle), excel=bool(bundle.options.get("excel")))


def write_csv_rows(out: BinaryIO, header: Sequence[str], body: Iterable[Sequence[Any]], *, excel: bool) -> None:
    """*header* and *body* as CSV: exact data (UTF-8, LF), or with *excel* a UTF-8 BOM, CRLF and
    formulas defused (:func:`defuse_formula`)."""
    # newline="" hands line ends to the csv module untouched; detach() leaves *out* open.
    text = io.TextIOWrapper(out, encoding="utf-8-sig" if excel else "utf-8", newline="")
    try:
        # Minimal quoting would leave a lone CR in a note unquoted (the csv module only quotes
        # the characters of its line terminator), which breaks the record; so text is always quoted.
        writer = csv.writer(text, lineterminator="\r\n" if excel else "\n", quoting=csv.QUOTE_NONNUMERIC)
        # A header names attributes too, which a user names: defused like any cell.
        writer.writerow([defuse_formula(h) for h in header] if excel else header)
        with gc_paused():
            for row in body:
                if excel:
                    row = tuple(defuse_formula(v) if isinstance(v, str) else v for v in row)
                writer.writerow(row)
        text.flush()
    finally:
        text.detach()


# -- XLSX --------------------------------------------------------------------------------------


def excel_text(value: str) -> str:
    """*value* as an XLSX cell can hold it: OOXML escapes for what XML cannot carry, cut to Excel's limit."""
    if "_x" in value:
        value = _OOXML_ESCAPE_LIKE.sub("_x005F_", value)
    if _XML_ILLEGAL.search(value):
        value = _XML_ILLEGAL.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    if len(value) > EXCEL_CELL_LIMIT // 2:  # cheap test first: a code point is at most 2 UTF-16 units
        offsets = OffsetMap(value)
        if offsets.utf16_length > EXCEL_CELL_LIMIT:
            cut = offsets.from_utf16(EXCEL_CELL_LIMIT - 1)  # never between the halves of a surrogate pair
            for escape in _OOXML_ESCAPE.finditer(value, 0, cut + 7):
                if escape.start() < cut < escape.end():  # nor inside an escape
                    cut = escape.start()
            value = value[:cut] + "…"
    return value


def append_sheet(
    book: Any, title: str, header: Sequence[str], widths: Sequence[int], body: Iterable[Sequence[Any]]
) -> None:
    """Add a sheet to a write-only openpyxl *book*: a bold, frozen header row with an autofilter,
    then *body*; text always as string cells (never a formula), made fit by :func:`excel_text`;
    an empty string as an empty cell."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    ws = book.create_sheet(title)
    ws.freeze_panes = "A2"
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    head = []
    bold = Font(bold=True)
    for name in header:
        cell = WriteOnlyCell(ws, value=excel_text(name))
        cell.data_type = "s"  # an attribute's name in a header is a user's text: never a formula
        cell.font = bold
        head.append(cell)
    ws.append(head)
    count = 0
    for row in body:
        cells: list[Any] = []
        for value in row:
            if value == "":
                cells.append(None)  # an empty cell, not an empty string cell
            elif isinstance(value, str):
                # openpyxl turns a str starting with "=" into a formula; force a string cell.
                cell = WriteOnlyCell(ws, value=excel_text(value))
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        ws.append(cells)
        count += 1
    ws.auto_filter.ref = f"A1:{get_column_letter(len(header))}{count + 1}"


def save_workbook(book: Any, out: BinaryIO) -> None:
    """Write *book* to *out* in one go.

    Zipped in memory first: if *out* fails (a full disk, /dev/full, a closed pipe), openpyxl's
    ZipFile on it would be left half-written and print "Exception ignored" tracebacks when
    collected. A workbook is compressed, so the buffer stays small.
    """
    buffer = io.BytesIO()
    book.save(buffer)
    out.write(buffer.getbuffer())


def write_xlsx(bundle: ExportBundle, out: BinaryIO) -> None:
    """A workbook with sheets ``annotations``, ``tags`` and ``documents``."""
    from openpyxl import Workbook

    # Write-only mode streams rows to disk instead of building a cell object graph.
    book = Workbook(write_only=True)

    tag_labels = labels(bundle.tags)
    with gc_paused():
        extra = attribute_columns(bundle)
        widths = (20,) * len(extra)
        append_sheet(
            book, "annotations", COLUMNS + extra, (38, 30, 14, 8, 8, 50, 40, 12, 26, 26, 38, *widths), rows(bundle)
        )
        append_sheet(
            book,
            "tags",
            ("name", "color", "description"),
            (20, 10, 60),
            ((tag_labels[t.id], t.color, t.description) for t in bundle.tags),
        )
        document_columns = ("id", "title", "length", "sha256")
        append_sheet(
            book,
            "documents",
            document_columns + attribute_columns(bundle, document_columns),
            (38, 40, 10, 66, *widths),
            (
                (e.document.id, e.document.title, len(e.document.text), e.document.sha256,
                 *(_cell(a, e.attributes.get(a.name, "")) for a in bundle.attributes))
                for e in bundle.documents
            ),
        )  # fmt: skip
        save_workbook(book, out)


FORMATS = [
    Format(
        id="csv",
        label=QT_TRANSLATE_NOOP("formats", "CSV, one row per annotation"),
        extensions=(".csv",),
        writer=write_csv,
        options=(
            Option(
                "excel",
                "bool",
                QT_TRANSLATE_NOOP("formats", "for Excel: UTF-8 BOM, CRLF line ends, formulas defused"),
                default=False,
                label=QT_TRANSLATE_NOOP("formats", "Excel-friendly (BOM, Windows line ends, formulas defused)"),
            ),
        ),
    ),
    Format(
        id="xlsx",
        label=QT_TRANSLATE_NOOP("formats", "Excel workbook, one row per annotation"),
        extensions=(".xlsx",),
        writer=write_xlsx,
        binary=True,
    ),
]
