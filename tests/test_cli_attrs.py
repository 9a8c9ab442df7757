"""Tests: ``annotator attr``, ``annotator sets`` and ``annotator set``: output, exit codes, nothing
written on bad input."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.services import attributes as attrs
from annotator.services.library import Library
from tests.test_cli import assert_failed, run


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


@pytest.fixture
def two_documents(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> list[str]:
    paths = []
    for i in range(2):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(f"Text number {i}.\n", encoding="utf-8")
        paths.append(str(path))
    code, out, _ = run(capsys, "--database", db, "import", *paths)
    assert code == 0
    return [line.split("\t")[0] for line in out.splitlines()]


def test_attr_defines_sets_and_prints_values(
    capsys: pytest.CaptureFixture[str], db: str, two_documents: list[str]
) -> None:
    doc = two_documents[0]
    code, out, err = run(
        capsys, "--database", db, "attr", doc, "--define", "age:number", "--define", "region:choice:north,south",
        "age=42.50", "region=south",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert out == "age\t42.5\nregion\tsouth\n"
    code, out, _ = run(capsys, "--database", db, "attr", doc, "--json")
    assert code == 0 and orjson.loads(out) == {"age": "42.5", "region": "south"}
    code, out, _ = run(capsys, "--database", db, "attr", doc, "age=")
    assert code == 0 and out == "region\tsouth\n"


@pytest.mark.parametrize(
    ("argv", "needle"),
    [(["age=abc"], "not a number"), (["when=31/31/2020"], "YYYY-MM-DD"), (["region=east"], "not one of the choices"),
     (["colour=red"], "--define colour:text"), (["--define", "age:text", "age=1"], "already defined as number"),
     (["age=" + "1" * 41], "at most 40 digits"), (["note=red\x1b[31m"], "control characters"), (["age=1_000"], "not a number"), (["age=١٢"], "not a number")],
)  # fmt: skip
def test_bad_values_fail_with_one_line_and_change_nothing(
    capsys: pytest.CaptureFixture[str], db: str, two_documents: list[str], argv: list[str], needle: str
) -> None:
    doc = two_documents[0]
    defines = [
        "--define",
        "age:number",
        "--define",
        "when:date",
        "--define",
        "region:choice:north",
        "--define",
        "note:text",
    ]
    assert run(capsys, "--database", db, "attr", doc, *defines, "age=7")[0] == 0
    code, _, err = run(capsys, "--database", db, "attr", doc, "--define", "fresh:text", "fresh=x", *argv)
    assert_failed(code, err, needle)
    with Library.open(f"sqlite:///{db}") as library:
        assert attrs.attributes_of(library, [doc])[doc] == {"age": "7"}
        assert "fresh" not in [a.name for a in attrs.definitions(library)]


def test_a_number_is_stored_exactly_up_to_forty_digits(
    capsys: pytest.CaptureFixture[str], db: str, two_documents: list[str]
) -> None:
    long = "123456789012345678901234567890"
    code, out, err = run(capsys, "--database", db, "attr", two_documents[0], "--define", "n:number", f"n={long}")
    assert (code, err, out) == (0, "", f"n\t{long}\n")
    code, out, _ = run(capsys, "--database", db, "attr", two_documents[0], "n=" + "9" * 40)
    assert (code, out) == (0, "n\t" + "9" * 40 + "\n")


def test_malformed_arguments_are_usage_errors(
    capsys: pytest.CaptureFixture[str], db: str, two_documents: list[str]
) -> None:
    for argv in (["novalue"], ["--define", "age:integer"], ["--define", "age"], ["a=1", "a=2"]):
        code, _, err = run(capsys, "--database", db, "attr", two_documents[0], *argv)
        assert code == 2, argv
        assert "annotator: error:" in err
    code, _, err = run(capsys, "--database", db, "attr", "no-such-document", "--json")
    assert_failed(code, err, "no-such-document")


def test_sets_add_remove_list(capsys: pytest.CaptureFixture[str], db: str, two_documents: list[str]) -> None:
    a, b = two_documents
    code, _, err = run(capsys, "--database", db, "set", "add", "week 1", a, b)
    assert code == 0 and "week 1" in err
    assert run(capsys, "--database", db, "set", "add", "interviews", b)[0] == 0
    code, out, _ = run(capsys, "--database", db, "sets")
    lines = [line.split("\t") for line in out.splitlines()]
    assert lines[0] == ["id", "name", "documents"]
    assert [(name, count) for _, name, count in lines[1:]] == [("interviews", "1"), ("week 1", "2")]
    assert run(capsys, "--database", db, "set", "remove", "week 1", a)[0] == 0
    code, out, _ = run(capsys, "--database", db, "sets", "--json")
    listed = {s["name"]: (s["count"], s["document_ids"]) for s in orjson.loads(out)}
    assert listed == {"interviews": (1, [b]), "week 1": (1, [b])}
    code, _, err = run(capsys, "--database", db, "set", "remove", "nope", a)
    assert_failed(code, err, "no set 'nope'")
    code, _, err = run(capsys, "--database", db, "set", "add", "week 1", "missing-id")
    assert_failed(code, err, "missing-id")
    assert run(capsys, "--database", db, "set", "rename", "week 1", "week one")[0] == 0
    assert run(capsys, "--database", db, "set", "delete", "interviews")[0] == 0
    code, out, _ = run(capsys, "--database", db, "sets", "--json")
    assert [(s["name"], s["document_ids"]) for s in orjson.loads(out)] == [("week one", [b])]


def test_coder_names_are_one_name_in_nfc_and_control_characters_are_refused(
    capsys: pytest.CaptureFixture[str], db: str, two_documents: list[str]
) -> None:
    doc = two_documents[0]
    for coder, quote in (("Jose\u0301", "Text"), ("Jos\u00e9", "number")):
        code, _, err = run(
            capsys, "--database", db, "annotate", doc, "--tag", "claim", "--quote", quote, "--coder", coder
        )
        assert code == 0, err
    code, _, err = run(capsys, "--database", db, "annotate", doc, "--tag", "evidence", "--quote", "Text",
                       "--coder", "bob\x1b[31m")  # fmt: skip
    assert_failed(code, err, "control character")
    with Library.open(f"sqlite:///{db}") as library:
        assert library.coders() == ["Jos\u00e9"]
    code, out, err = run(capsys, "--database", db, "export", "--coder", "Jose\u0301")
    assert code == 0, err
    exported = orjson.loads(out)
    assert sum(len(d["annotations"]) for d in exported["documents"]) == 2
