"""Tests: the CSV and XLSX exports, one row per annotation, on SQLite and PostgreSQL.

The files are read back with independent readers (the csv module, openpyxl's
``load_workbook``) and checked against the library: every row's quote is
``text[start:end]`` in code points, on emoji (ZWJ sequences, skin tones),
combining marks, RTL text, NBSP and a document imported with CRLF line ends.
Plain CSV is exact data; Excel mode adds a BOM, CRLF record ends and defuses
formulas; XLSX never turns text into formulas and survives characters XML
cannot hold.
"""

from __future__ import annotations

import csv
import hashlib
import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.utils.escape import unescape

from annotator.core.model import TagSpec
from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument
from annotator.formats.tabular import EXCEL_CELL_LIMIT, excel_text
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library

# The columns, in order, as the export contract says.
HEADER = [
    "document_id", "document_title", "tag", "start", "end", "quote", "note", "coder", "created", "modified",
    "annotation_id",
]  # fmt: skip
UNICODE_TEXT = (
    "Family \U0001f468\u200d\U0001f469\u200d\U0001f467 and thumbs \U0001f44d\U0001f3fd here.\n"
    "cafe\u0301 costs 5\u00a0\u20ac.\n"
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd and "  # Hebrew, then Arabic
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645.\n"
    '=HYPERLINK("http://example.com") sits in the text.'
)
CRLF_BYTES = "From Windows\r\nsecond line \U0001f600 here\r\n-1 is a number\r\n".encode()
# Cells Excel would run as formulas, and one that only looks like a number.
FORMULAS = ["=SUM(A1:A9)", "+1+1", "-2+3", "@SUM(1)", "\tTabbed", "\rReturn"]
CONTROL_NOTE = "bell\x07 vt\x0b esc\x1b nonchar\ufffe literal _x0041_ end"


@pytest.fixture
def source(library: Library, tmp_path: Path) -> Library:
    """Two documents with awkward text and annotations in awkward places, out of order."""
    (tmp_path / "unicode.txt").write_text(UNICODE_TEXT, encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(CRLF_BYTES)
    rows = importing.import_paths(library, [tmp_path / "unicode.txt", tmp_path / "crlf.txt"]).documents
    importing.persist(library, [ImportBundle([], tags=[TagSpec("-minus tag", "#101010"), TagSpec("=tag", "")])])
    uni, crlf = rows[0].id, rows[1].id
    tags = {t.name: t.id for t in library.tags()}

    def add(doc_id: str, quote: str, tag: str, note: str = "", coder: str = "") -> None:
        start = library.text(doc_id).index(quote)
        annotating.create_annotation(
            library,
            document_id=doc_id,
            tag_id=tags[tag],
            start=start,
            end=start + len(quote),
            note=note,
            coder=coder,
        )

    add(uni, '=HYPERLINK("http://example.com")', "=tag", note=FORMULAS[0])
    add(
        uni,
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
        "claim",
        note=FORMULAS[1],
        coder="@ada",
    )
    add(uni, "\U0001f468\u200d\U0001f469\u200d\U0001f467", "evidence", note=FORMULAS[2])
    add(uni, "cafe\u0301 costs 5\u00a0\u20ac", "-minus tag", note=FORMULAS[3])
    add(uni, "\U0001f44d\U0001f3fd here.\ncafe", "speculation", note='two\nlines, "quoted", commas')
    add(uni, "\u0645\u0631\u062d\u0628\u0627", "claim", note=FORMULAS[4])
    add(crlf, "second line \U0001f600 here", "claim", note=FORMULAS[5])
    add(crlf, "-1 is a number", "evidence", note=CONTROL_NOTE)
    add(crlf, "From", "evidence")
    return library


def export_bytes(library: Library, format_id: str, options: dict[str, object] | None = None) -> bytes:
    out = io.BytesIO()
    exporting.export(library, out, format_id=format_id, options=options)
    return out.getvalue()


def check_rows(library: Library, rows: list[list[object]]) -> None:
    """Rows against the library: every field, offsets in code points, the documented order."""
    names = {t.id: t.name for t in library.tags()}
    expected = []
    for summary in library.documents():  # export order: the library's own
        doc = library.document(summary.id)
        for a in sorted(library.annotations(doc.id), key=lambda a: (a.start, a.end)):
            expected.append((doc, a))
    assert len(rows) == len(expected)
    for row, (doc, a) in zip(rows, expected):
        doc_id, title, tag, start, end, quote, note, coder, created, modified, ann_id = row
        assert (doc_id, title, ann_id) == (doc.id, doc.title, a.id)
        assert (tag, int(start), int(end), quote, note, coder) == (
            names[a.tag_id],
            a.start,
            a.end,
            a.quote,
            a.note,
            a.coder,
        )
        assert doc.text[int(start) : int(end)] == quote
        for stamp, moment in ((created, a.created), (modified, a.modified)):
            assert isinstance(stamp, str) and stamp.endswith("Z")
            assert datetime.fromisoformat(stamp) == moment.astimezone(UTC)


def test_csv_is_exact_data(source: Library) -> None:
    data = export_bytes(source, "csv")
    assert not data.startswith(b"\xef\xbb\xbf")
    records = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    assert records[0] == HEADER
    check_rows(source, records[1:])  # every field exactly, formulas included
    # Record ends are LF: the only CR in the file is the one inside the note "\rReturn".
    assert data.count(b"\r") == 1 and b'"\rReturn"' in data


def test_csv_offsets_count_code_points(source: Library) -> None:
    records = list(csv.DictReader(io.StringIO(export_bytes(source, "csv").decode("utf-8"), newline="")))
    family = next(r for r in records if r["quote"] == "\U0001f468\u200d\U0001f469\u200d\U0001f467")
    assert int(family["end"]) - int(family["start"]) == 5  # 3 emoji + 2 ZWJ; UTF-16 would say 8
    text = source.text(family["document_id"])
    assert int(family["start"]) == text.index("\U0001f468")
    crlf = next(r for r in records if r["quote"] == "second line \U0001f600 here")
    assert int(crlf["start"]) == len("From Windows\n")  # the CRLF-origin text counts one character per line break


def test_csv_excel_mode(source: Library) -> None:
    data = export_bytes(source, "csv", {"excel": True})
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    records = list(csv.reader(io.StringIO(text, newline="")))
    assert records[0] == HEADER
    # Every record ends in CRLF; newlines inside quoted cells stay LF.
    assert text.count("\r\n") == len(records) and text.endswith("\r\n")
    defused = 0
    for row in records[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
            if value.startswith("'"):
                defused += 1
    # Strip the apostrophes and the data is exact again.
    restored = [[v[1:] if v[:2] in {"'" + c for c in "=+-@\t\r"} else v for v in row] for row in records[1:]]
    check_rows(source, restored)
    # 6 formula notes, a formula quote, 2 formula-like tag names ("=tag", "-minus tag"), a coder "@ada",
    # and the quote "-1 is a number".
    assert defused == 6 + 1 + 2 + 1 + 1


def test_xlsx_workbook(source: Library, tmp_path: Path) -> None:
    path = tmp_path / "annotations.xlsx"
    assert exporting.export_to_path(source, path, format_id="xlsx") == 2
    book = load_workbook(path)
    assert book.sheetnames == ["annotations", "tags", "documents"]
    sheet = book["annotations"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0] == HEADER
    # Empty strings are empty cells; text is OOXML-escaped where XML cannot hold a character.
    body = [["" if v is None else unescape(v) if isinstance(v, str) else v for v in row] for row in rows[1:]]
    check_rows(source, body)
    for row in sheet.iter_rows(min_row=2):
        assert type(row[3].value) is int and type(row[4].value) is int
        assert all(c.data_type == "s" for c in row if isinstance(c.value, str))
    formulas = [c.value for row in sheet.iter_rows(min_row=2) for c in row if str(c.value).startswith("=")]
    assert len(formulas) >= 3  # the "=tag" tag, the "=HYPERLINK" quote and the "=SUM" note, all as text
    with zipfile.ZipFile(path) as archive:
        assert b"<f>" not in archive.read("xl/worksheets/sheet1.xml")  # no formula anywhere

    tags = [[c.value for c in row] for row in book["tags"].iter_rows()]
    assert tags[0] == ["name", "color", "description"]
    assert tags[1:] == [[t.name, t.color or None, t.description or None] for t in source.tags()]
    documents = [[c.value for c in row] for row in book["documents"].iter_rows()]
    assert documents[0] == ["id", "title", "length", "sha256"]
    for doc_id, title, length, sha in documents[1:]:
        doc = source.document(doc_id)
        assert (title, length, sha) == (
            doc.title,
            len(doc.text),
            hashlib.sha256(doc.text.encode()).hexdigest(),
        )


def test_xlsx_keeps_characters_xml_cannot_hold(library: Library) -> None:
    text = "Form\x0cfeed and vertical\x0btab and \ufffe in a text."
    bundle = ImportBundle(
        [
            ImportedDocument(
                "Controls",
                text,
                annotations=[
                    ImportedAnnotation("claim", 0, len(text), note=CONTROL_NOTE),
                    ImportedAnnotation("claim", text.index("\x0b"), text.index("\x0b") + 4, note="_x005F_ stays"),
                ],
            )
        ]
    )
    importing.persist(library, [bundle])
    book = load_workbook(io.BytesIO(export_bytes(library, "xlsx")))
    rows = [[c.value for c in row] for row in book["annotations"].iter_rows(min_row=2)]
    assert [unescape(r[5]) for r in rows] == [text, "\x0btab"]
    assert [unescape(r[6]) for r in rows] == [CONTROL_NOTE, "_x005F_ stays"]
    assert all(not any(ch in r[5] + r[6] for ch in "\x07\x0b\x0c\x1b\ufffe") for r in rows)


def test_xlsx_cuts_cells_over_excels_limit(library: Library) -> None:
    text = ("Long \U0001f600 text. " * 4000)[:40_000]
    importing.persist(
        library,
        [ImportBundle([ImportedDocument("Long", text, annotations=[ImportedAnnotation("claim", 0, 40_000)])])],
    )
    [row] = load_workbook(io.BytesIO(export_bytes(library, "xlsx")))["annotations"].iter_rows(
        min_row=2, values_only=True
    )
    quote = row[5]
    assert (row[3], row[4]) == (0, 40_000)  # the offsets still cover the whole span
    assert len(quote.encode("utf-16-le")) // 2 <= EXCEL_CELL_LIMIT
    assert quote.endswith("\u2026") and text.startswith(quote[:-1]) and len(quote) > 20_000


@pytest.mark.parametrize("before", [EXCEL_CELL_LIMIT - 2, EXCEL_CELL_LIMIT - 3, EXCEL_CELL_LIMIT - 6])
def test_a_cut_never_splits_an_escape_or_a_surrogate_pair(before: int) -> None:
    for middle in ("\x01", "\U0001f600"):
        value = excel_text("a" * before + middle + "b" * 100)
        assert len(value.encode("utf-16-le", "surrogatepass")) // 2 <= EXCEL_CELL_LIMIT
        assert value.endswith("\u2026")
        body = value[:-1]
        assert body.lstrip("a").rstrip("b") in ("", "_x0001_", "\U0001f600")
        assert unescape(body) == ("a" * before + middle + "b" * 100)[: len(unescape(body))]
