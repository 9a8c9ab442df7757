"""Tests: ``annotator agreement`` run as a real process on SQLite and PostgreSQL: the JSON contract,
CSV and the table with the same rows, -o as exports write files, and bad input (fewer than two
coders: usage, status 2; an unknown coder, tag or document: one line naming it, status 1)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pytest

from annotator.core import agreement as ag
from annotator.core.unitizing import CodedSpan, alpha_u
from annotator.services import Library, importing
from annotator.services.annotating import create_annotation
from tests._cli import annotator, error_line

TEXT = "The 😀 team\trefused. The team left.\n\nNobody cared, the team said."
SPANS = {"ada": ["The 😀 team\trefused", "Nobody cared"], "bo": ["team\trefused", "The team left"]}


@pytest.fixture
def db(library: Library) -> tuple[str, str]:
    doc = importing.import_text(library, TEXT, title="Tab\there").documents[0].id
    claim = next(t.id for t in library.tags() if t.name == "claim")
    for coder, quotes in SPANS.items():
        for quote in quotes:
            start = TEXT.index(quote)
            create_annotation(library, document_id=doc, tag_id=claim, start=start, end=start + len(quote), coder=coder)
    return library.url, doc


def run(db: str, *argv: str) -> str:
    done = annotator("--database", db, "agreement", *argv)
    assert done.returncode == 0, done.stderr
    assert done.stderr == b""
    return done.stdout.decode("utf-8")


def _tally() -> ag.Tally:
    codings = [[(TEXT.index(q), TEXT.index(q) + len(q), ag.PRESENT) for q in SPANS[c]] for c in ("ada", "bo")]
    return ag.character_tally(len(TEXT), codings, ag.ABSENT)


def test_json_follows_the_contract(db: tuple[str, str]) -> None:
    url, doc = db
    shown = orjson.loads(run(url, "--coder", "ada", "--coder", "bo", "--tag", "claim", "--format", "json"))
    assert shown["unit"] == "character" and shown["categorical"] is False
    assert shown["coders"] == ["ada", "bo"] and shown["documents"] == [doc]
    kappa = [r for r in shown["results"] if r["measure"] == "cohen_kappa"]
    assert [r["document"] for r in kappa] == [doc, None]
    assert kappa[0] == {
        "measure": "cohen_kappa", "tag": "claim", "document": doc, "coders": ["ada", "bo"],
        "value": ag.cohen_kappa(_tally()).value, "units": len(TEXT),
    }  # fmt: skip
    assert {r["measure"] for r in shown["results"]} == {
        "percent_agreement",
        "cohen_kappa",
        "fleiss_kappa",
        "krippendorff_alpha",
        "alpha_u",
    }
    unitized = [r for r in shown["results"] if r["measure"] == "alpha_u"]
    assert [(r["tag"], r["document"]) for r in unitized] == [("claim", doc), ("claim", None), (None, doc), (None, None)]
    spans = [CodedSpan(c, "claim", TEXT.index(q), TEXT.index(q) + len(q)) for c in SPANS for q in SPANS[c]]
    wanted = alpha_u(len(TEXT), ("ada", "bo"), spans, ("claim",))
    assert unitized[0] == {
        "measure": "alpha_u", "tag": "claim", "document": doc, "coders": ["ada", "bo"],
        "value": wanted.tags[0].value, "units": len(TEXT),
    }  # fmt: skip
    assert unitized[3]["value"] == wanted.overall.value is not None  # one document: pooled is the same continuum


def test_csv_and_table_have_a_row_per_result_with_the_same_fields(db: tuple[str, str]) -> None:
    url, _ = db
    argv = ("--coder", "ada", "--coder", "bo", "--tag", "claim", "--unit", "sentence")
    shown = orjson.loads(run(url, *argv, "--format", "json"))
    rows = list(csv.reader(io.StringIO(run(url, *argv, "--format", "csv"))))
    assert rows[0] == ["measure", "tag", "category", "document", "coders", "value", "units", "reason"]
    assert len(rows) - 1 == len(shown["results"]) == 8 + 4
    assert [r[0] for r in rows[1:]] == [r["measure"] for r in shown["results"]]
    assert [int(r[6]) for r in rows[1:]] == [r["units"] for r in shown["results"]] == [3] * 8 + [len(TEXT)] * 4
    table = run(url, *argv).splitlines()
    assert table[0].split("\t") == rows[0] and len(table) == len(rows)


def test_categorical_gives_per_category_rows_and_undefined_values_a_reason(db: tuple[str, str]) -> None:
    url, _ = db
    shown = orjson.loads(
        run(url, "--coder", "ada", "--coder", "bo", "--tag", "claim", "--categorical", "--uncoded", "category",
            "--format", "json")
    )  # fmt: skip
    assert shown["categorical"] is True
    assert {r.get("category") for r in shown["results"]} == {None, "claim", "(uncoded)"}
    assert all(r["tag"] is None for r in shown["results"])
    one = orjson.loads(
        run(url, "--coder", "ada", "--coder", "bo", "--tag", "claim", "--categorical", "--format", "json")
    )
    alpha = [r for r in one["results"] if r["measure"] == "krippendorff_alpha"]
    assert alpha[0]["value"] is None and "no variation" in alpha[0]["reason"]  # one category, missing aside


def test_output_file_is_written_as_exports_are(db: tuple[str, str], tmp_path: Path) -> None:
    url, _ = db
    target = tmp_path / "agreement.csv"
    assert run(url, "--coder", "ada", "--coder", "bo", "--format", "csv", "-o", str(target)) == ""
    assert target.read_text(encoding="utf-8").startswith('"measure","tag"')


def test_bad_input(db: tuple[str, str]) -> None:
    url, _ = db
    error_line(annotator("--database", url, "agreement", "--coder", "ada"), 2, "two coders")
    error_line(annotator("--database", url, "agreement", "--coder", "ada", "--coder", "zed"), 1, "'zed'")
    error_line(annotator("--database", url, "agreement", "--coder", "ada", "--coder", "bo", "--tag", "nope"), 1, "nope")
    error_line(
        annotator("--database", url, "agreement", "missing-id", "--coder", "ada", "--coder", "bo"), 1, "missing-id"
    )


def test_o_never_writes_over_the_library_and_an_empty_o_is_a_usage_error(db: tuple[str, str]) -> None:
    url, _ = db
    coders = ("--coder", "ada", "--coder", "bo")
    error_line(annotator("--database", url, "agreement", *coders, "-o", ""), 2, "-o needs a file name")
    if not url.startswith("sqlite:///"):
        return  # a server's library has no file to write over
    path = Path(url.removeprefix("sqlite:///"))
    error_line(
        annotator("--database", url, "agreement", *coders, "--format", "csv", "-o", str(path)),
        1,
        "the library's own file",
    )
    assert path.read_bytes().startswith(b"SQLite format 3\x00")  # still the library, not a table
    assert orjson.loads(run(url, *coders, "--format", "json"))["results"]


def test_the_html_report_states_the_method_and_the_extension_chooses_the_format(
    db: tuple[str, str], tmp_path: Path
) -> None:
    url, doc = db
    coders = ("--coder", "ada", "--coder", "bo")
    page = run(url, *coders, "--tag", "claim", "--unit", "word", "--format", "html")
    for said in ("Intercoder agreement", "ada, bo (2)", "word: the words", "Cohen 1960", "Krippendorff 1995",
                 "present or absent", "Tab\there (" + doc + ")", "the whole library", "alpha_u"):  # fmt: skip
        assert said in page, said
    assert page.count("<tr>") == 1 + len(
        orjson.loads(run(url, *coders, "--tag", "claim", "--format", "json"))["results"]
    )
    target = tmp_path / "report.html"
    assert run(url, *coders, "-o", str(target)) == ""
    assert "Cohen 1960" in target.read_text(encoding="utf-8")
    workbook = tmp_path / "report.xlsx"
    run(url, *coders, "-o", str(workbook))
    from openpyxl import load_workbook

    book = load_workbook(workbook, read_only=True)
    assert book.sheetnames == ["Intercoder agreement", "about"]
    about = {row[0]: row[1] for row in book["about"].iter_rows(min_row=2, values_only=True)}
    assert about["Coders"] == "ada, bo (2)"
    error_line(annotator("--database", url, "agreement", *coders, "--format", "xlsx"), 2, "-o PATH")


def test_a_semicolon_in_a_coders_name_is_escaped_in_the_coders_cell(library: Library) -> None:
    doc = importing.import_text(library, TEXT, title="Semicolons").documents[0].id
    claim = next(t.id for t in library.tags() if t.name == "claim")
    for coder, quote in (("ada", "The team left"), ("x;y", "team left"), ("b\\o", "Nobody")):
        start = TEXT.index(quote)
        create_annotation(library, document_id=doc, tag_id=claim, start=start, end=start + len(quote), coder=coder)
    out = run(library.url, "--coder", "ada", "--coder", "x;y", "--coder", "b\\o", "--format", "csv")
    cells = {row[4] for row in list(csv.reader(io.StringIO(out)))[1:]}
    assert "ada;x\\;y;b\\\\o" in cells and "ada;x\\;y" in cells
