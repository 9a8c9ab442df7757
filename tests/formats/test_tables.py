"""Tests: the shared table writers (CSV, CSV for Excel, XLSX, HTML, Markdown, JSON, clipboard TSV)
on hostile cells, each file read back with an independent reader: the csv module, openpyxl,
lxml's HTML parser, markdown-it (CommonMark with GFM tables, raw HTML allowed, as a careless
renderer would) and orjson."""

from __future__ import annotations

import csv
import io

import orjson
import pytest
from lxml import html as lxml_html
from markdown_it import MarkdownIt
from openpyxl import load_workbook

from annotator.formats.base import FormatError
from annotator.formats.tables import TABLE_FORMATS, Table, table_bytes, table_format, tsv_text

HOSTILE = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(1)",
    "a | pipe || two",
    "<script>alert('x')</script>",
    "tab\there",
    "two\nlines\r\nand\rCR",
    '"quoted" text',
    "emoji 👩‍🔬 and 👍🏽",
    "*not bold* _nor_ `code` [link](http://x) ![img](y) &amp; ~~strike~~ \\back\\",
    "",
]
TABLE = Table(
    title="Hostile <b>table</b>",
    columns=("cell", "number", "=column"),
    rows=[(value, index, f"row {index}") for index, value in enumerate(HOSTILE)] + [("float", 2.5, "last")],
)


def expected_rows() -> list[list[object]]:
    return [list(row) for row in TABLE.rows]


def test_csv_is_exact_and_the_excel_csv_has_a_bom_crlf_and_no_formulas() -> None:
    plain = table_bytes(TABLE, "csv").decode("utf-8")
    rows = list(csv.reader(io.StringIO(plain, newline="")))
    assert rows[0] == list(TABLE.columns)
    assert [row[0] for row in rows[1:]] == [str(r[0]) for r in TABLE.rows]
    assert [row[1] for row in rows[1:]] == [str(r[1]) for r in TABLE.rows]
    data = table_bytes(TABLE, "excel-csv")
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    excel = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    cells = [row[0] for row in excel[1:]]
    assert cells[:4] == ["'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(1)"]
    assert cells[4:] == [str(r[0]) for r in TABLE.rows[4:]]
    assert excel[0][2] == "'=column"


def test_xlsx_keeps_every_cell_as_text_never_a_formula() -> None:
    book = load_workbook(io.BytesIO(table_bytes(TABLE, "xlsx")))
    sheet = book.worksheets[0]
    assert sheet.title == "Hostile <b>table< b>"  # "/" cannot be in a sheet name
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0] == list(TABLE.columns)
    got = [[("" if v is None else v) for v in row] for row in values[1:]]
    assert got == expected_rows()
    for row in sheet.iter_rows(min_row=2):
        if isinstance(row[0].value, str):
            assert row[0].data_type == "s"
    assert sheet.cell(row=2, column=1).data_type == "s"  # "=cmd…": a string, not a formula
    assert sheet.cell(row=1, column=3).data_type == "s"  # so is the header "=column"


def test_html_is_a_standalone_page_with_every_cell_escaped() -> None:
    page = table_bytes(TABLE, "html").decode("utf-8")
    assert "<script>" not in page and "<b>table" not in page
    assert page.startswith("<!DOCTYPE html>") and "Content-Security-Policy" in page
    tree = lxml_html.fromstring(page)
    assert tree.findtext(".//title") == TABLE.title
    header = [th.text_content() for th in tree.iter("th")]
    assert header == list(TABLE.columns)
    rows = [[td.text_content() for td in tr.iter("td")] for tr in tree.iter("tr")][1:]
    assert rows == [[str(v) for v in row] for row in TABLE.rows]


def test_markdown_rendered_by_a_commonmark_parser_gives_back_every_cell_and_no_markup() -> None:
    text = table_bytes(TABLE, "markdown").decode("utf-8")
    assert len(text.splitlines()) == len(TABLE.rows) + 2  # no cell broke its row
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    assert "<script" not in rendered and "<strong" not in rendered and "<em" not in rendered
    assert "<code" not in rendered and "<a " not in rendered and "<img" not in rendered
    tree = lxml_html.fromstring(rendered)
    for br in tree.iter("br"):
        br.tail = "\n" + (br.tail or "")
    assert [th.text_content() for th in tree.iter("th")] == list(TABLE.columns)
    rows = [[td.text_content() for td in tr.iter("td")] for tr in tree.iter("tr")][1:]
    # Line breaks come back as "\n" (a CR or CRLF is a line break to Markdown too).
    wanted = [[str(v).replace("\r\n", "\n").replace("\r", "\n") for v in row] for row in TABLE.rows]
    assert rows == wanted


def test_json_is_a_list_of_objects_keyed_by_column() -> None:
    found = orjson.loads(table_bytes(TABLE, "json"))
    assert found == [dict(zip(TABLE.columns, row, strict=True)) for row in TABLE.rows]
    assert list(found[0]) == list(TABLE.columns)


def test_clipboard_tsv_quotes_what_would_break_a_line_and_defuses_formulas() -> None:
    text = tsv_text(TABLE)
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter="\t"))
    assert rows[0] == ["cell", "number", "'=column"]
    assert len(rows) == len(TABLE.rows) + 1
    cells = [row[0] for row in rows[1:]]
    assert cells[:4] == ["'=cmd|' /C calc'!A0", "'+1+1", "'-2+3", "'@SUM(1)"]
    assert cells[4:] == [str(r[0]) for r in TABLE.rows[4:]]
    assert [row[1] for row in rows[1:]] == [str(r[1]) for r in TABLE.rows]


def test_every_format_is_listed_once_and_an_unknown_one_is_refused_with_the_choices() -> None:
    assert set(TABLE_FORMATS) == {"csv", "excel-csv", "xlsx", "html", "markdown", "json"}
    with pytest.raises(FormatError, match="csv, excel-csv, xlsx, html, markdown, json"):
        table_format("pdf")
    with pytest.raises(ValueError, match="named once"):
        Table("t", ("a", "a"), [])


def test_notes_say_how_the_table_was_made_in_html_markdown_and_xlsx_escaped_like_cells() -> None:
    notes = (("Coders", "<script>x</script> & *ada*"), ("Unit", "character\nevery code point"))
    table = Table("With notes", ("a",), [("1",)], notes)
    tree = lxml_html.fromstring(table_bytes(table, "html").decode("utf-8"))
    pairs = list(zip([dt.text_content() for dt in tree.iter("dt")], [dd.text_content() for dd in tree.iter("dd")]))
    assert pairs == list(notes) and not list(tree.iter("script"))
    rendered = MarkdownIt("commonmark", {"html": True}).enable("table").render(table_bytes(table, "markdown").decode())
    assert "<script" not in rendered and "<em" not in rendered and "<strong>Coders</strong>" in rendered
    assert [td.text_content() for td in lxml_html.fromstring(rendered).iter("td")] == ["1"]
    book = load_workbook(io.BytesIO(table_bytes(table, "xlsx")))
    assert book.sheetnames == ["With notes", "about"]
    assert [tuple(r) for r in book["about"].iter_rows(min_row=2, values_only=True)] == list(notes)
    assert table_bytes(Table("t", ("a",), [("1",)]), "html").count(b"<dl") == 0
