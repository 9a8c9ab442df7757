"""Tests: ``annotator matrix cooccurrence|documents`` and ``annotator frequencies`` run as real
processes on SQLite and PostgreSQL: the JSON contract, the table and CSV, options reaching the
engine, and bad input as one error line with nothing else printed."""

from __future__ import annotations

import csv
import io

import orjson
import pytest

from annotator.services import Library, importing
from annotator.services.annotating import create_annotation
from tests._cli import annotator, error_line

TEXT = "The 😀 team\trefused. The team left.\n\nNobody cared, the team said."


@pytest.fixture
def db(library: Library) -> str:
    doc = importing.import_text(library, TEXT, title="Tab\there").documents[0].id
    tags = {t.name: t.id for t in library.tags()}
    for tag, quote, coder in [
        ("claim", "The 😀 team\trefused", "ada"),
        ("evidence", "team\trefused", "ada"),
        ("evidence", "The team left", "bo"),
        ("speculation", "Nobody cared", "ada"),
    ]:
        start = TEXT.index(quote)
        create_annotation(library, document_id=doc, tag_id=tags[tag], start=start, end=start + len(quote), coder=coder)
    return library.url


def run(db: str, *argv: str) -> str:
    done = annotator("--database", db, *argv)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    return done.stdout.decode("utf-8")


def test_cooccurrence_json_is_rows_columns_and_cells(db: str, library: Library) -> None:
    shown = orjson.loads(run(db, "matrix", "cooccurrence", "--format", "json"))
    assert list(shown) == ["rows", "columns", "cells"]
    tags = [{"id": t.id, "label": t.name} for t in library.tags()]
    assert shown["rows"] == shown["columns"] == tags
    assert shown["cells"] == [[0, 1, 0], [1, 0, 0], [0, 0, 0]]
    within = orjson.loads(run(db, "matrix", "cooccurrence", "--within", "paragraph", "--format", "json"))
    assert within["cells"] == [[0, 1, 0], [1, 0, 0], [0, 0, 0]]
    assert orjson.loads(run(db, "matrix", "cooccurrence", "--within", "document", "--format", "json"))["cells"] == [
        [0, 1, 1],
        [1, 0, 1],
        [1, 1, 0],
    ]


def test_documents_table_and_csv_with_a_measure_and_chosen_tags(db: str, library: Library) -> None:
    [doc] = library.documents()
    table = run(db, "matrix", "documents", "--measure", "characters", "--tag", "evidence", "--tag", "claim")
    # claim: "The 😀 team\trefused" is 18 code points; evidence: 12 + 13 (two spans, no overlap).
    assert table == f"document\ttitle\tevidence\tclaim\n{doc.id}\tTab\\there\t25\t18\n"
    rows = list(csv.reader(io.StringIO(run(db, "matrix", "documents", "--format", "csv", "--coder", "bo"))))
    assert rows == [["document", "title", "claim", "evidence", "speculation"], [doc.id, "Tab\there", "0", "1", "0"]]


def test_frequencies_json_table_and_csv(db: str) -> None:
    shown = orjson.loads(run(db, "frequencies", "--format", "json", "--top", "2"))
    assert shown == {
        "rows": [{"id": "team", "label": "team"}, {"id": "the", "label": "the"}],
        "columns": [{"id": "count", "label": "count"}, {"id": "documents", "label": "documents"}],
        "cells": [[3, 1], [3, 1]],
    }
    assert run(db, "frequencies", "--stopwords", "en", "--min-length", "5") == (
        "word\tcount\tdocuments\ncared\t1\t1\nrefused\t1\t1\n"  # "nobody" is an English stop word
    )
    rows = list(csv.reader(io.StringIO(run(db, "frequencies", "--format", "csv", "--top", "1"))))
    assert rows == [["word", "count", "documents"], ["team", "3", "1"]]


@pytest.mark.parametrize(
    ("argv", "status", "needle"),
    [
        (["matrix", "cooccurrence", "--tag", "nope"], 1, "there is no tag 'nope'"),
        (["matrix", "documents", "--set", "nope"], 1, "there is no set 'nope'"),
        (["matrix", "documents", "--where", "Genre=x"], 1, "there is no attribute 'Genre'"),
        (["matrix", "documents", "--where", "Genre"], 2, "--where takes NAME=VALUE"),
        (["frequencies", "--stopwords", "xx"], 1, "no stop word list for 'xx'"),
        (["frequencies", "--top", "0"], 2, "--top takes a number of words, 1 or more, not 0"),
        (["frequencies", "--doc", "nope"], 1, "there is no document 'nope'"),
    ],
)
def test_bad_input_is_one_line_and_nothing_on_stdout(db: str, argv: list[str], status: int, needle: str) -> None:
    done = annotator("--database", db, *argv)
    error_line(done, status, needle)
    assert done.stdout == b""


@pytest.mark.parametrize(
    ("argv", "needle"),
    [(["matrix", "cooccurrence", "--within", "line"], "invalid choice: 'line'"), (["matrix"], "required: KIND")],
)
def test_argparse_refuses_a_matrix_it_does_not_know(db: str, argv: list[str], needle: str) -> None:
    done = annotator("--database", db, *argv)
    lines = [line for line in done.stderr.decode().splitlines() if not line.startswith(("usage:", " "))]
    assert (done.returncode, done.stdout, len(lines)) == (2, b"", 1)
    assert lines[0].startswith("annotator matrix") and needle in lines[0]
