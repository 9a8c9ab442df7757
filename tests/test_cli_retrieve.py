"""Tests: ``annotator retrieve``: the JSON contract, the table and CSV, filters, and bad queries
as one error line, on SQLite and PostgreSQL (``database_url``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from tests._cli import annotator, error_line
from tests.test_cli import run

TEXT = "Dr. Ames wrote first. The U.S. team refused. “Why?” Ames asked.\n\nLater, the team left."


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], database_url: str):  # type: ignore[no-untyped-def]
    def call(*argv: str, status: int = 0) -> str:
        code, out, err = run(capsys, "--database", database_url, *argv)
        assert code == status, err
        assert "Traceback" not in err
        return out if status == 0 else err.splitlines()[-1]

    return call


@pytest.fixture
def doc(cli, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    doc_id = cli("import", str(path)).split("\t")[0]
    cli("tags", "add", "Tone")
    cli("tags", "add", "Doubt", "--parent", "Tone")
    cli("tags", "add", "open question")
    for tag, quote, coder in [
        ("claim", "The U.S. team refused", "ada"),
        ("evidence", "team refused", "bo"),
        ("Tone/Doubt", "“Why?”", "ada"),
        ("open question", "Ames asked", "bo"),
        ("claim", "the team left", "ada"),
    ]:
        cli("annotate", doc_id, "--tag", tag, "--quote", quote, "--coder", coder, "--note", f"on {quote}")
    return doc_id


def segments(cli, *argv: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    return orjson.loads(cli("retrieve", *argv, "--format", "json"))["segments"]  # type: ignore[no-any-return]


def test_json_gives_exactly_the_contract_fields_with_offsets_into_the_text(cli, doc: str) -> None:  # type: ignore[no-untyped-def]
    [found] = segments(cli, "claim & evidence")
    assert list(found) == ["document", "annotation", "tag", "start", "end", "quote", "note", "coder"]
    assert found["document"] == doc and found["tag"] == "claim" and found["coder"] == "ada"
    assert TEXT[found["start"] : found["end"]] == found["quote"] == "The U.S. team refused"  # type: ignore[misc]
    assert found["note"] == "on The U.S. team refused"


def test_a_parent_tag_finds_its_nested_tags_and_quoted_paths_work(cli, doc: str) -> None:  # type: ignore[no-untyped-def]
    assert [s["tag"] for s in segments(cli, "Tone")] == ["Tone/Doubt"]
    assert segments(cli, "=Tone") == []
    # “Why?” ends its own sentence: "Ames asked" is the next one.
    assert segments(cli, 'Tone/Doubt near/0 "open question"') == []
    assert [s["quote"] for s in segments(cli, 'Tone/Doubt near/1 "open question"')] == ["“Why?”"]


def test_near_crosses_sentence_boundaries_as_far_as_n_says(cli, doc: str) -> None:  # type: ignore[no-untyped-def]
    # Sentences: "Dr. Ames wrote first." "The U.S. team refused." "“Why?”" "Ames asked." | "Later, the team left."
    assert [s["quote"] for s in segments(cli, "claim near/0 Tone")] == []
    assert [s["quote"] for s in segments(cli, "claim near/1 Tone")] == ["The U.S. team refused"]
    assert [s["quote"] for s in segments(cli, "claim near/2 Tone")] == ["The U.S. team refused", "the team left"]


def test_filters_by_coder_and_document_and_an_empty_result(cli, doc: str) -> None:  # type: ignore[no-untyped-def]
    assert [s["quote"] for s in segments(cli, "claim | evidence", "--coder", "bo")] == ["team refused"]
    assert segments(cli, "claim", "--doc", doc, "--coder", "nobody") == []
    assert cli("retrieve", "speculation", "--format", "json") == '{\n  "segments": []\n}\n'


def test_where_keeps_documents_with_an_attribute_value(cli, doc: str) -> None:  # type: ignore[no-untyped-def]
    cli("attr", doc, "--define", "Genre:choice:news,essay", "Genre=news")
    assert len(segments(cli, "claim", "--where", "Genre=news")) == 2
    assert segments(cli, "claim", "--where", "Genre=essay") == []


def test_the_table_is_tab_separated_with_a_header_and_csv_keeps_fields_exact(cli, doc: str) -> None:  # type: ignore[no-untyped-def]
    lines = cli("retrieve", 'Tone | "open question"', "--context", "4").splitlines()
    assert lines[0].split("\t") == [
        "document", "title", "annotation", "tag", "start", "end", "coder", "quote", "note", "before", "after",
    ]  # fmt: skip
    assert [line.split("\t")[7] for line in lines[1:]] == ["“Why?”", "Ames asked"]
    assert lines[1].split("\t")[9:] == ["ed. ", " Ame"]
    rows = list(csv.reader(io.StringIO(cli("retrieve", "claim", "--format", "csv"))))
    assert rows[0][:4] == ["document", "title", "annotation", "tag"] and len(rows) == 3
    assert rows[2][7] == "the team left"


def test_csv_quotes_a_note_holding_a_lone_carriage_return_so_every_segment_is_one_record(  # type: ignore[no-untyped-def]
    cli, doc: str
) -> None:
    cli("annotate", doc, "--tag", "evidence", "--quote", "the team left", "--note", "line one\rline two")
    out = cli("retrieve", "evidence", "--format", "csv")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert len(rows) == 3 and rows[2][8] == "line one\rline two"
    assert rows[2][4:6] == [str(TEXT.index("the team left")), str(TEXT.index("the team left") + 13)]


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["claim &"], 1, "annotator: error: query: expected a tag PATH or '(' at column 8, found the end of the query"),
        (["(claim"], 1, "annotator: error: query: '(' at column 1 is never closed"),
        (["claim near/x Tone"], 1, "near/N takes a whole number of sentences"),
        (["claim & nope"], 1, "annotator: error: there is no tag 'nope'"),
        (["claim", "--doc", "nope"], 1, "annotator: error: there is no document 'nope'"),
        (["claim", "--set", "nope"], 1, "annotator: error: there is no set 'nope'"),
        (["claim", "--where", "Genre"], 2, "annotator: error: --where takes NAME=VALUE, not 'Genre'"),
        (["claim", "--context", "-1"], 2, "annotator: error: --context takes a number of characters"),
        (["claim", "--format", "xml"], 2, "invalid choice: 'xml'"),
        (["(" * 2000 + "claim" + ")" * 2000], 1, "annotator: error: query: the parentheses are nested too deeply"),
        ([" | ".join(["claim"] * 990)], 1, "annotator: error: query: 989 operators; a query takes at most 200"),
    ],
)
def test_bad_input_is_one_error_line(cli, doc: str, argv: list[str], status: int, message: str) -> None:  # type: ignore[no-untyped-def]
    assert message in cli("retrieve", *argv, status=status)


def test_a_query_that_cannot_be_read_opens_no_library(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Found by a review: the library was made (and said so) before the query was read."""
    new = tmp_path / "new.sqlite3"
    code, _out, err = run(capsys, "--database", str(new), "retrieve", "claim evidence")
    assert code == 1 and err.splitlines() == [err.splitlines()[-1]] and err.startswith("annotator: error: query:")
    assert not new.exists()


def test_o_writes_html_markdown_and_xlsx_through_the_shared_table_writers(
    database_url: str, doc: str, tmp_path: Path
) -> None:
    """The real command: each file holds the segments of the JSON contract, and stderr says how many."""
    wanted = orjson.loads(annotator("--database", database_url, "retrieve", "claim", "--format", "json").stdout)
    quotes = [s["quote"] for s in wanted["segments"]]
    assert quotes == ["The U.S. team refused", "the team left"]
    for output_format in ("html", "markdown", "xlsx"):
        path = tmp_path / f"out.{output_format}"
        done = annotator(
            "--database", database_url, "retrieve", "claim", "--context", "5", "--format", output_format,
            "-o", path,
        )  # fmt: skip
        assert done.returncode == 0 and done.stdout == b"", done.stderr
        assert done.stderr.decode().strip() == f"wrote 2 segment(s) to {path}"
        if output_format == "xlsx":
            sheet = load_workbook(path).worksheets[0]
            rows = [[c.value for c in row] for row in sheet.iter_rows()]
            assert rows[0][-4:] == ["quote", "note", "before", "after"]
            assert [row[7] for row in rows[1:]] == quotes
            assert [row[4] for row in rows[1:]] == [s["start"] for s in wanted["segments"]]
        else:
            text = path.read_text(encoding="utf-8")
            assert all(quote in text for quote in quotes)
    page = (tmp_path / "out.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and page.count("<tr>") == 3
    assert (tmp_path / "out.markdown").read_text(encoding="utf-8").count("\n") == 4


def test_o_with_the_commands_own_formats_writes_what_stdout_gets(database_url: str, doc: str, tmp_path: Path) -> None:
    for output_format in ("table", "json", "csv"):
        argv = ["--database", database_url, "retrieve", "claim | evidence", "--format", output_format]
        printed = annotator(*argv).stdout
        done = annotator(*argv, "-o", tmp_path / "out")
        assert done.returncode == 0, done.stderr
        assert (tmp_path / "out").read_bytes() == printed


def test_o_never_writes_over_the_library_and_an_empty_o_is_a_usage_error(tmp_path: Path) -> None:
    library = tmp_path / "lib.sqlite3"
    source = tmp_path / "doc.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert annotator("--database", library, "import", source).returncode == 0
    before = library.read_bytes()
    done = annotator("--database", library, "retrieve", "claim", "--format", "html", "-o", library)
    error_line(done, 1, "the library's own file")
    assert library.read_bytes() == before
    error_line(annotator("--database", library, "retrieve", "claim", "-o", ""), 2, "-o needs a file name")
