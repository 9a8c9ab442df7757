"""Tests: ``annotator search``: the JSON contract, table and CSV, scope flags, code-point offsets
over emoji, NBSP and combining marks, and one-line refusals; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.services import Library, importing, sets
from annotator.services import attributes as attrs
from tests.test_cli import assert_failed, run

TEXT = "👩‍🔬 Cafe\u0301\u00a0society, the café’s “regulars”.\nA second line with Café\tagain.\n"


@pytest.fixture
def ids(library: Library) -> list[str]:
    first = importing.import_text(library, TEXT, title="Cafés").documents[0].id
    second = importing.import_text(library, "Nothing\x1b[31m to see; one café.\n", title="Other").documents[0].id
    return [first, second]


def search(capsys: pytest.CaptureFixture[str], library: Library, *argv: str) -> tuple[int, str, str]:
    return run(capsys, "--database", library.url, "search", *argv)


def test_json_has_the_total_and_each_hit_with_code_point_offsets(
    capsys: pytest.CaptureFixture[str], library: Library, ids: list[str]
) -> None:
    code, out, err = search(capsys, library, "café", "--format", "json", "--context", "8")
    assert (code, err) == (0, "")
    shown = orjson.loads(out)
    assert list(shown) == ["total", "hits"] and shown["total"] == 3
    assert [list(h) for h in shown["hits"]] == [["document", "start", "end", "match", "before", "after"]] * 3
    first = shown["hits"][0]
    start = TEXT.index("café’s")
    assert first == {"document": ids[0], "start": start, "end": start + 4, "match": "café", "before": "ty, the ",
                     "after": "’s “regu"}  # fmt: skip
    for hit in shown["hits"]:
        text = library.text(hit["document"])
        assert text[hit["start"] : hit["end"]] == hit["match"]
    assert [h["match"] for h in shown["hits"]] == ["café", "Café", "café"]  # not Cafe + U+0301


def test_flags_for_case_words_regex_and_loose(
    capsys: pytest.CaptureFixture[str], library: Library, ids: list[str]
) -> None:
    def matches(*argv: str) -> list[str]:
        code, out, err = search(capsys, library, *argv, "--format", "json")
        assert code == 0, err
        return [h["match"] for h in orjson.loads(out)["hits"]]

    assert matches("Café", "--case") == ["Café"]
    assert matches("cafe", "--word") == []  # "Cafe" + U+0301 is not the word cafe
    assert matches(r"caf\w+", "--regex") == ["Cafe", "café", "Café", "café"]  # re: a mark is no \w
    assert matches('society, the café\'s "regulars"', "--loose") == ["society, the café’s “regulars”"]
    assert matches("Cafe\u0301 society", "--loose") == ["Cafe\u0301\u00a0society"]
    assert matches("Cafe\u0301 society") == []


def test_scope_flags_narrow_the_documents(capsys: pytest.CaptureFixture[str], library: Library, ids: list[str]) -> None:
    sets.add_to_set(library, name="week 1", document_ids=[ids[1]])
    attrs.define_attribute(library, name="source", kind="text")
    attrs.set_attributes(library, document_id=ids[0], values={"source": "Le Monde"})

    def documents(*argv: str) -> list[str]:
        code, out, err = search(capsys, library, "café", *argv, "--format", "json")
        assert code == 0, err
        return [h["document"] for h in orjson.loads(out)["hits"]]

    assert documents("--set", "week 1") == [ids[1]]
    assert documents("--doc", ids[1], "--doc", ids[0]) == [ids[0], ids[0], ids[1]]  # library order
    assert documents("--where", "source=monde") == [ids[0], ids[0]]
    assert documents("--where", "source=monde", "--set", "week 1") == []
    # --where again: each must hold (it once kept only the last, and an unknown name went unsaid)
    attrs.define_attribute(library, name="year", kind="number")
    attrs.set_attributes(library, document_id=ids[1], values={"source": "Le Monde diplomatique", "year": "2020"})
    assert documents("--where", "source=monde", "--where", "year=") == [ids[1]]
    assert documents("--where", "year=", "--where", "source=monde") == [ids[1]]
    code, _out, err = search(capsys, library, "café", "--where", "nosuch=1", "--where", "source=monde")
    assert code == 1 and "nosuch" in err.splitlines()[-1]


def test_table_is_terminal_safe_and_csv_is_exact(
    capsys: pytest.CaptureFixture[str], library: Library, ids: list[str]
) -> None:
    code, out, err = search(capsys, library, "see", "--context", "20")
    assert code == 0
    assert out.splitlines() == [
        "document\tstart\tend\tbefore\tmatch\tafter",
        f"{ids[1]}\t16\t19\tNothing\\x1b[31m to \tsee\t; one café.",
    ]
    assert err == "1 hit(s) in 1 document(s)\n"
    code, out, _ = search(capsys, library, "again", "--format", "csv", "--context", "5")
    assert code == 0
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[1][1:] == [str(TEXT.index("again")), str(TEXT.index("again") + 5), "Café\t", "again", "."]


def test_a_hostile_regex_is_refused_in_one_line_and_nothing_is_made(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "never.sqlite3"
    code, _, err = run(capsys, "--database", str(db), "search", "(a+)+$", "--regex")
    assert_failed(code, err, "could take hours", "atomic group")
    code, _, err = run(capsys, "--database", str(db), "search", "(unclosed", "--regex")
    assert_failed(code, err, "not a valid regular expression: missing ), unterminated subpattern at position 0")
    assert not db.exists()


@pytest.mark.parametrize(
    ("argv", "needle"),
    [(["x", "--where", "novalue"], "--where takes NAME=VALUE"), (["x", "--context", "-1"], "--context"),
     (["x", "--format", "xml"], "invalid choice")],
)  # fmt: skip
def test_malformed_arguments_are_usage_errors(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], needle: str
) -> None:
    try:
        code = main(["--database", str(tmp_path / "lib.sqlite3"), "search", *argv])
    except SystemExit as exited:  # argparse's own refusals exit from parse_args
        code = exited.code
    assert code == 2
    assert needle in capsys.readouterr().err
    assert not (tmp_path / "lib.sqlite3").exists()


def test_unknown_scopes_fail_with_one_line(
    capsys: pytest.CaptureFixture[str], library: Library, ids: list[str]
) -> None:
    for argv, needle in [(["--set", "nope"], "no set 'nope'"), (["--doc", "zz"], "no document 'zz'"),
                         (["--where", "age=3"], "no attribute 'age'")]:  # fmt: skip
        code, _, err = search(capsys, library, "café", *argv)
        assert_failed(code, err, needle)


def test_a_regex_python_warns_about_says_nothing_but_its_hits_or_one_error_line(
    capsys: pytest.CaptureFixture[str], library: Library, ids: list[str]
) -> None:
    """Found by a review: "[[:alpha:]]" printed six lines of FutureWarning on stderr."""
    import warnings

    with warnings.catch_warnings(record=True) as shown:
        warnings.simplefilter("always")  # every warning, as Python would print it on stderr
        code, _out, err = search(capsys, library, "[[:alpha:]]", "--regex", "--format", "json")
        assert code == 0
        code, _out, err = search(capsys, library, "x[a--b", "--regex")
        assert_failed(code, err, "not a valid regular expression")
    assert [str(w.message) for w in shown] == []


def test_saved_runs_a_search_saved_in_the_library_with_its_switches_and_scope(library: Library, ids: list[str]) -> None:
    from annotator.core.search import Query
    from annotator.services.saved_searches import save_search
    from annotator.services.searching import Scope
    from tests._cli import annotator, error_line

    save_search(library, name="cafés in one", query=Query("café", word=True), scope=Scope(document_ids=(ids[1],)))
    done = annotator("--database", library.url, "search", "--saved", "cafés in one", "--format", "json")
    assert done.returncode == 0, done.stderr
    hits = orjson.loads(done.stdout)["hits"]
    start = library.text(ids[1]).index("café")
    assert [(h["document"], h["start"], h["end"], h["match"]) for h in hits] == [(ids[1], start, start + 4, "café")]
    error_line(annotator("--database", library.url, "search", "--saved", "nope"), 1, "no saved search 'nope'",
               "'cafés in one'")  # fmt: skip
    error_line(annotator("--database", library.url, "search", "café", "--saved", "cafés in one"), 2, "--saved")
    error_line(annotator("--database", library.url, "search", "--saved", "cafés in one", "--set", "x"), 2, "--saved")
    error_line(annotator("--database", library.url, "search"), 2, "PATTERN")


def test_csv_ends_its_lines_as_every_other_command_s_csv_does(library: Library, ids: list[str]) -> None:
    """Found attacking issue 10: search's CSV ended lines with CRLF; retrieve, matrix, frequencies and
    export write LF (CRLF is for ``--excel``), so one script could not read both the same way."""
    from tests._cli import annotator

    for argv in (["search", "café", "--format", "csv"], ["retrieve", "claim", "--format", "csv"]):
        done = annotator("--database", library.url, *argv)
        assert done.returncode == 0, done.stderr
        assert done.stdout.endswith(b"\n") and b"\r" not in done.stdout, argv
