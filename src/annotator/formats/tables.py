"""Formats: any table the app shows (retrieved segments, and later matrices and frequencies)
written as CSV, XLSX, HTML, Markdown or JSON, or as tab-separated text for the clipboard.

A :class:`Table` is column names and rows of ``str``, ``int`` or ``float``: what a view
shows, with the text exact (never read back from a widget). One writer per format, all
behind :data:`TABLE_FORMATS`, so the window's Export… and ``annotator retrieve -o`` offer the
same ones:

- ``csv``: UTF-8, LF, every text field quoted, exact data; ``excel-csv`` is the same for
  Excel: a UTF-8 BOM, CRLF and formulas defused. Both are :mod:`annotator.formats.tabular`'s
  own CSV writer.
- ``xlsx``: one sheet, text as string cells that never become formulas, with what XML cannot
  hold escaped and cells cut to Excel's limit (:func:`annotator.formats.tabular.append_sheet`).
- ``html``: a standalone page (UTF-8, inline CSS for light and dark, no scripts, a
  Content-Security-Policy saying so); every cell escaped as the HTML report escapes
  (:func:`annotator.formats.report.escape_html`), line breaks kept by ``white-space: pre-wrap``.
- ``markdown``: a GitHub-flavoured table. A cell cannot hold a line break or a bare ``|``, and
  Markdown would read ``*``, ``_``, `````, ``[``, ``<``, ``&``… as markup or raw HTML, so
  ASCII punctuation that means something to CommonMark is backslash-escaped, and line breaks
  become ``<br>`` (the only markup written).
- ``json``: a list of objects, one per row, keys in column order (orjson).

:func:`tsv_text` is what Copy puts on the clipboard: a header line, then the rows, separated
by tabs. A cell holding a tab, a line break or ``"`` is put in double quotes (``"`` doubled),
as spreadsheets copy such cells and read them back; a cell Excel would run as a formula gets
the leading apostrophe of the Excel CSV (:func:`annotator.formats.tabular.defuse_formula`),
since pasting into a spreadsheet is what a copied table is for.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

import orjson

from annotator.formats.base import FormatError
from annotator.formats.report import escape_html
from annotator.formats.tabular import append_sheet, defuse_formula, save_workbook, write_csv_rows

Cell = str | int | float


@dataclass(frozen=True, slots=True)
class Table:
    """Formats: a table to write: *columns* (unique names) and *rows* of cells; *title* names it
    (the HTML page's title, the XLSX sheet's name); *notes*, (label, text) pairs, say how it was
    made (HTML and Markdown above the table, XLSX on a second sheet; CSV and JSON hold rows only)."""

    title: str
    columns: tuple[str, ...]
    rows: Sequence[Sequence[Cell]]
    notes: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        if len(set(self.columns)) != len(self.columns):
            raise ValueError(f"a table's columns are named once each: {self.columns}")


@dataclass(frozen=True, slots=True)
class TableFormat:
    """Formats: one way to write a :class:`Table` to a file."""

    id: str
    label: str
    extension: str
    writer: Callable[[Table, BinaryIO], None]


def write_csv(table: Table, out: BinaryIO) -> None:
    write_csv_rows(out, table.columns, table.rows, excel=False)


def write_excel_csv(table: Table, out: BinaryIO) -> None:
    write_csv_rows(out, table.columns, table.rows, excel=True)


#: Characters an XLSX sheet name cannot hold, and its longest length.
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\\x00-\x1f]")
_SHEET_NAME_LIMIT = 31


def write_xlsx(table: Table, out: BinaryIO) -> None:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    name = _SHEET_UNSAFE.sub(" ", table.title).strip(" '")[:_SHEET_NAME_LIMIT] or "table"
    append_sheet(book, name, table.columns, [max(10, min(60, len(c) + 4)) for c in table.columns], table.rows)
    if table.notes:
        append_sheet(book, "about" if name != "about" else "notes", ("item", "statement"), [24, 100], table.notes)
    save_workbook(book, out)


_CSS = """\
:root { color-scheme: light dark; }
body { font: 15px/1.5 system-ui, sans-serif; margin: 2rem; color: #1d1d1f; background: #fff; }
table { border-collapse: collapse; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.6rem; border-bottom: 1px solid #ccc;
  white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; }
th { position: sticky; top: 0; background: #f2f2f2; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
dl.notes { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; max-width: 60rem; }
dl.notes dt { font-weight: 600; }
dl.notes dd { margin: 0; white-space: pre-wrap; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #1e1e1e; }
  th { background: #333; }
  th, td { border-color: #555; }
}
"""


def write_html(table: Table, out: BinaryIO) -> None:
    lines = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">',
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape_html(table.title)}</title>\n<style>\n{_CSS}</style>\n</head>\n<body>",
        f"<h1>{escape_html(table.title)}</h1>",
        *_html_notes(table.notes),
        f"<p>{len(table.rows)} row(s)</p>",
        "<table>\n<thead>\n<tr>"
        + "".join(f"<th>{escape_html(c)}</th>" for c in table.columns)
        + "</tr>\n</thead>\n<tbody>",
    ]
    for row in table.rows:
        cells = (
            f'<td class="number">{value}</td>' if _is_number(value) else f"<td>{escape_html(value)}</td>"
            for value in row
        )
        lines.append("<tr>" + "".join(cells) + "</tr>")
    lines.append("</tbody>\n</table>\n</body>\n</html>\n")
    out.write("\n".join(lines).encode("utf-8"))


def _html_notes(notes: Sequence[tuple[str, str]]) -> list[str]:
    if not notes:
        return []
    items = "".join(f"<dt>{escape_html(label)}</dt><dd>{escape_html(text)}</dd>" for label, text in notes)
    return [f'<dl class="notes">{items}</dl>']


# CommonMark's backslash escapes cover all ASCII punctuation; these are the ones that can start
# markup inside a table cell (emphasis, code, links, images, raw HTML, entities, GFM strikethrough
# and autolinks, the cell separator) and the backslash itself.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>&|~!])")
_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def markdown_cell(value: Cell) -> str:
    """*value* as one Markdown table cell that shows exactly it."""
    if _is_number(value):
        return str(value)
    text = _MARKDOWN_SPECIAL.sub(r"\\\1", str(value))
    return _LINE_BREAK.sub("<br>", text)


def write_markdown(table: Table, out: BinaryIO) -> None:
    lines = [f"**{markdown_cell(label)}**: {markdown_cell(text)}  " for label, text in table.notes]
    lines += [""] if lines else []
    lines += [
        "| " + " | ".join(markdown_cell(c) for c in table.columns) + " |",
        "| " + " | ".join("---:" if _numeric_column(table, i) else "---" for i in range(len(table.columns))) + " |",
    ]
    lines.extend("| " + " | ".join(markdown_cell(v) for v in row) + " |" for row in table.rows)
    out.write(("\n".join(lines) + "\n").encode("utf-8"))


def write_json(table: Table, out: BinaryIO) -> None:
    out.write(orjson.dumps([dict(zip(table.columns, row, strict=True)) for row in table.rows]) + b"\n")


def tsv_text(table: Table) -> str:
    """*table* as tab-separated text for the clipboard, header first (see the module docstring)."""
    lines = ["\t".join(_tsv_cell(c) for c in table.columns)]
    lines.extend("\t".join(_tsv_cell(v) for v in row) for row in table.rows)
    return "\n".join(lines) + "\n"


def _tsv_cell(value: Cell) -> str:
    if _is_number(value):
        return str(value)
    text = defuse_formula(str(value))
    if any(c in text for c in '\t\n\r"'):
        return '"' + text.replace('"', '""') + '"'
    return text


def _is_number(value: Cell) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _numeric_column(table: Table, index: int) -> bool:
    return bool(table.rows) and all(_is_number(row[index]) for row in table.rows)


TABLE_FORMATS: dict[str, TableFormat] = {
    f.id: f
    for f in (
        TableFormat("csv", "CSV", ".csv", write_csv),
        TableFormat("excel-csv", "CSV for Excel", ".csv", write_excel_csv),
        TableFormat("xlsx", "Excel workbook", ".xlsx", write_xlsx),
        TableFormat("html", "HTML page", ".html", write_html),
        TableFormat("markdown", "Markdown", ".md", write_markdown),
        TableFormat("json", "JSON", ".json", write_json),
    )
}


def table_format(format_id: str) -> TableFormat:
    """The table format *format_id*; :class:`FormatError` naming those there are."""
    found = TABLE_FORMATS.get(format_id)
    if found is None:
        raise FormatError(f"a table is written as {', '.join(TABLE_FORMATS)}, not {format_id!r}")
    return found


def table_bytes(table: Table, format_id: str) -> bytes:
    """*table* written in *format_id*, in memory."""
    out = io.BytesIO()
    table_format(format_id).writer(table, out)
    return out.getvalue()
