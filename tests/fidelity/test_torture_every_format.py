"""Tests: a Unicode torture corpus, annotated through the CLI, survives every export format.

For every document and every annotation, ``quote == text[start:end]`` must hold in
every format that carries offsets: formats Annotator can read back are re-imported
into a fresh library and compared; the others are parsed independently here.
"""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from annotator.cli import main
from annotator.core.text import normalize_text
from annotator.formats.registry import writers
from annotator.services import Library, exporting, importing

# (file bytes, quotes to tag). Files arrive with a BOM, CRLF and lone CR line endings.
CORPUS = {
    "emoji.txt": (
        "\ufeffFamily 👨\u200d👩\u200d👧\u200d👦 and 👍🏽 and flags 🇫🇷🇯🇵 and 🏳️\u200d🌈.\r\nEnd.\r\n",
        ["👨\u200d👩\u200d👧\u200d👦", "👍🏽 and flags 🇫🇷🇯🇵", "🏳️\u200d🌈"],
    ),
    "scripts.txt": (
        "Arabic مرحبا بالعالم, Hebrew שָׁלוֹם עולם, CJK 漢字と仮名.\rNext line\u00a0with NBSP.\r",
        ["مرحبا بالعالم", "שָׁלוֹם", "漢字と仮名", "with NBSP"],
    ),
    "marks.txt": (
        "Cafe\u0301 na\u0308ive Z\u0327\u0301 and\ttabs\tand a line\u2028separator and a\u2029paragraph.\n",
        ["Cafe\u0301 na\u0308ive", "Z\u0327\u0301", "tabs\tand", "line\u2028separator", "a\u2029paragraph"],
    ),
}
TAGS = ["claim", "evidence", "speculation"]
ROUND_TRIP = ["json", "w3c", "qdpx", "brat", "jsonl"]


@pytest.fixture(scope="module")
def corpus_library(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, str]]:
    """A library with the corpus imported and every quote tagged through the CLI."""
    folder = tmp_path_factory.mktemp("torture")
    db = str(folder / "torture.sqlite3")
    texts: dict[str, str] = {}
    for name, (raw, quotes) in CORPUS.items():
        path = folder / name
        path.write_bytes(raw.encode("utf-8"))
        out = io.StringIO()
        from contextlib import redirect_stdout

        with redirect_stdout(out):
            assert main(["--database", db, "import", str(path)]) == 0
        doc_id = out.getvalue().split("\t")[0]
        texts[doc_id] = normalize_text(raw)
        for i, quote in enumerate(quotes):
            with redirect_stdout(io.StringIO()):
                assert main(["--database", db, "annotate", doc_id, "--tag", TAGS[i % 3], "--quote", quote,
                             "--note", f"note {i} ✓"]) == 0  # fmt: skip
    return f"sqlite:///{db}", texts


def _expected(url: str) -> set[tuple[str, str, int, int, str]]:
    with Library.open(url) as library:
        names = {t.id: t.name for t in library.tags()}
        return {
            (d.id, names[a.tag_id], a.start, a.end, a.quote)
            for d in library.documents()
            for a in library.annotations(d.id)
        }


def test_the_cli_made_every_annotation_from_the_stored_text(corpus_library) -> None:
    url, texts = corpus_library
    made = _expected(url)
    assert len(made) == sum(len(q) for _, q in CORPUS.values())
    for doc_id, _tag, start, end, quote in made:
        assert texts[doc_id][start:end] == quote


def test_every_writer_is_covered_here() -> None:
    # pdf: the annotated print, which the command line provides (tests/ui/test_annotated_print.py)
    covered = set(ROUND_TRIP) | {"csv", "xlsx", "report", "md", "qdc", "notes", "pdf"}
    assert {f.id for f in writers()} <= covered, "a new writer needs a fidelity check here"


@pytest.mark.parametrize("format_id", ROUND_TRIP)
def test_round_trip_keeps_every_offset(corpus_library, format_id: str, tmp_path: Path) -> None:
    url, texts = corpus_library
    suffix = {"brat": ".zip", "w3c": ".jsonld"}.get(format_id, f".{format_id}")
    target = tmp_path / f"export{suffix}"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id=format_id)
    with Library.open(f"sqlite:///{tmp_path / 'fresh.sqlite3'}") as fresh:
        result = importing.import_paths(fresh, [target])
        names = {t.id: t.name for t in fresh.tags()}
        by_text = {fresh.document(row.id).text: row.id for row in result.documents}
        assert set(by_text) == set(texts.values())
        got = set()
        for text, doc_id in by_text.items():
            for a in fresh.annotations(doc_id):
                assert text[a.start : a.end] == a.quote
                got.add((text, names[a.tag_id], a.start, a.end, a.quote))
    want = {(texts[d], tag, s, e, q) for d, tag, s, e, q in _expected(url)}
    assert got == want


def _rows_ok(rows: list[dict[str, object]], texts: dict[str, str], url: str) -> None:
    seen = set()
    for row in rows:
        start, end = int(row["start"]), int(row["end"])  # type: ignore[arg-type]
        text = texts[str(row["document_id"])]
        assert text[start:end] == row["quote"]
        seen.add((str(row["document_id"]), str(row["tag"]), start, end, str(row["quote"])))
    assert seen == _expected(url)


def test_csv_offsets_slice_the_stored_text(corpus_library, tmp_path: Path) -> None:
    url, texts = corpus_library
    target = tmp_path / "out.csv"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id="csv")
    rows = list(csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8"), newline="")))
    _rows_ok(rows, texts, url)


def test_excel_csv_keeps_offsets_and_quotes(corpus_library, tmp_path: Path) -> None:
    url, texts = corpus_library
    target = tmp_path / "excel.csv"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id="csv", options={"excel": True})
    data = target.read_bytes()
    assert data.startswith(codecs.BOM_UTF8)
    rows = list(csv.DictReader(io.StringIO(data[3:].decode("utf-8"), newline="")))
    _rows_ok(rows, texts, url)  # none of these quotes starts with a formula character


def test_xlsx_offsets_slice_the_stored_text(corpus_library, tmp_path: Path) -> None:
    url, texts = corpus_library
    target = tmp_path / "out.xlsx"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id="xlsx")
    sheet = load_workbook(target, read_only=True)["annotations"]
    header, *body = [list(r) for r in sheet.iter_rows(values_only=True)]
    _rows_ok([dict(zip(header, r)) for r in body], texts, url)


@pytest.mark.parametrize("flavor", ["doccano", "label-studio"])
def test_nlp_flavours_count_as_documented(corpus_library, tmp_path: Path, flavor: str) -> None:
    url, texts = corpus_library
    target = tmp_path / f"{flavor}.jsonl"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id="jsonl", options={"flavor": flavor})
    expected = {(texts[d], q) for d, _t, _s, _e, q in _expected(url)}
    found = set()
    if flavor == "doccano":  # UTF-16 code units, as doccano's JavaScript counts
        for line in target.read_bytes().splitlines():
            item = orjson.loads(line)
            units = item["text"].encode("utf-16-le")
            for start, end, _label in item["label"]:
                found.add((item["text"], units[2 * start : 2 * end].decode("utf-16-le")))
    else:  # code points
        for task in orjson.loads(target.read_bytes()):
            text = task["data"]["text"]
            for annotation in task["annotations"]:
                for result in annotation["result"]:
                    value = result["value"]
                    assert text[value["start"] : value["end"]] == value["text"]
                    found.add((text, value["text"]))
    assert found == expected


def test_html_report_holds_the_stored_text_exactly(corpus_library, tmp_path: Path) -> None:
    import lxml.html

    url, texts = corpus_library
    target = tmp_path / "report.html"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id="report")
    root = lxml.html.fromstring(target.read_bytes())
    shown = {block.text_content() for block in root.find_class("text")}
    assert shown == set(texts.values())


def test_study_notes_quote_the_stored_text_at_their_offsets(corpus_library, tmp_path: Path) -> None:
    import re

    import lxml.html

    url, texts = corpus_library
    target = tmp_path / "notes.html"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id="notes")
    root = lxml.html.fromstring(target.read_bytes())
    found = set()
    for entry in root.find_class("entry"):
        quote = entry.find("blockquote").text_content()
        doc_id, start, end = re.fullmatch(
            r"annotator://document/([^?]+)\?start=(\d+)&end=(\d+)", entry.xpath(".//a/@href")[0]
        ).groups()
        assert texts[doc_id][int(start) : int(end)] == quote
        found.add((doc_id, quote))
    assert found == {(d, q) for d, _tag, _s, _e, q in _expected(url)}


def test_brat_folder_texts_are_the_stored_texts(corpus_library, tmp_path: Path) -> None:
    url, texts = corpus_library
    target = tmp_path / "brat.zip"
    with Library.open(url) as library:
        exporting.export_to_path(library, target, format_id="brat")
    with zipfile.ZipFile(target) as archive:
        stored = {archive.read(n).decode("utf-8") for n in archive.namelist() if n.endswith(".txt")}
    assert stored == set(texts.values())
