"""Tests: ``annotator disagreements`` run as a real process on SQLite and PostgreSQL: the JSON
fields (offsets in code points after an emoji), CSV and the table with a row per stretch, -o as
exports write files, and bad input (fewer than two coders: usage, status 2; an unknown coder,
tag or document: one line naming it, status 1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pytest

from annotator.services import Library, importing
from annotator.services.annotating import create_annotation
from tests._cli import annotator, error_line

TEXT = "The 😀 team\trefused. The team left.\n\nNobody cared, the team said."
SPANS = {"ada": ["The 😀 team\trefused", "Nobody cared"], "bo": ["team\trefused", "The team left"]}


@pytest.fixture
def db(library: Library) -> tuple[str, str, dict[str, str]]:
    doc = importing.import_text(library, TEXT, title="Tab\there").documents[0].id
    claim = next(t.id for t in library.tags() if t.name == "claim")
    ids = {}
    for coder, quotes in SPANS.items():
        for quote in quotes:
            start = TEXT.index(quote)
            made = create_annotation(
                library, document_id=doc, tag_id=claim, start=start, end=start + len(quote), coder=coder
            )
            ids[quote] = made.annotations_created[0].id
    return library.url, doc, ids


def run(db: str, *argv: str) -> str:
    done = annotator("--database", db, "disagreements", *argv)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    return done.stdout.decode("utf-8")


def _span(quote: str) -> tuple[int, int]:
    return TEXT.index(quote), TEXT.index(quote) + len(quote)


def test_json_lists_every_stretch_largest_first_with_who_coded_what(db: tuple[str, str, dict[str, str]]) -> None:
    url, doc, ids = db
    shown = orjson.loads(run(url, "--coder", "ada", "--coder", "bo", "--format", "json"))
    assert shown["coders"] == ["ada", "bo"] and shown["documents"] == [doc]
    assert [(d["start"], d["end"]) for d in shown["disagreements"]] == [
        _span("The 😀 team\trefused"),
        _span("The team left"),
        _span("Nobody cared"),
    ]
    first = shown["disagreements"][0]
    start, end = _span("The 😀 team\trefused")
    assert first == {
        "document": doc, "title": "Tab\there", "sha256": first["sha256"], "start": start, "end": end,
        "length": end - start, "disputed": len("The 😀 "), "tags": ["claim"], "quote": "The 😀 team\trefused",
        "coded": {
            "ada": [{"annotation": ids["The 😀 team\trefused"], "tag": "claim", "start": start, "end": end,
                     "note": ""}],
            "bo": [{"annotation": ids["team\trefused"], "tag": "claim", "start": _span("team\trefused")[0],
                    "end": end, "note": ""}],
        },
    }  # fmt: skip
    assert shown["disagreements"][2]["coded"]["bo"] == [] and shown["disagreements"][1]["coded"]["ada"] == []
    assert orjson.loads(run(url, "--coder", "ada", "--coder", "bo", "--tag", "evidence", "--format", "json")) == {
        "coders": ["ada", "bo"], "documents": [doc], "tags": ["evidence"], "disagreements": [],
    }  # fmt: skip


def test_csv_and_table_have_a_row_per_stretch(db: tuple[str, str, dict[str, str]], tmp_path: Path) -> None:
    url, _, ids = db
    argv = ("--coder", "ada", "--coder", "bo")
    rows = list(csv.reader(io.StringIO(run(url, *argv, "--format", "csv"))))
    assert rows[0][:8] == ["document", "title", "start", "end", "length", "disputed", "tags", "quote"]
    assert rows[0][8:] == ["ada: coded", "ada: annotations", "bo: coded", "bo: annotations"]
    assert len(rows) == 4 and rows[1][9] == ids["The 😀 team\trefused"] and rows[1][11] == ids["team\trefused"]
    assert rows[1][7] == "The 😀 team\trefused"  # exact data
    table = run(url, *argv).splitlines()
    assert table[0].split("\t") == rows[0] and len(table) == len(rows)
    target = tmp_path / "disagreements.csv"
    assert run(url, *argv, "--format", "csv", "-o", str(target)) == ""
    assert target.read_text(encoding="utf-8").startswith('"document","title"')


def test_bad_input(db: tuple[str, str, dict[str, str]]) -> None:
    url, _, _ = db
    error_line(annotator("--database", url, "disagreements", "--coder", "ada"), 2, "two coders")
    error_line(annotator("--database", url, "disagreements", "--coder", "ada", "--coder", " ada"), 2, "two coders")
    error_line(annotator("--database", url, "disagreements", "--coder", "ada", "--coder", "zed"), 1, "'zed'")
    error_line(
        annotator("--database", url, "disagreements", "--coder", "ada", "--coder", "bo", "--tag", "nope"), 1, "nope"
    )
    error_line(
        annotator("--database", url, "disagreements", "missing-id", "--coder", "ada", "--coder", "bo"), 1, "missing-id"
    )
    error_line(annotator("--database", url, "disagreements", "--coder", "ada", "--coder", "bo", "-o", ""), 2, "-o")
