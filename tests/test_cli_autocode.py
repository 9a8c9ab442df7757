"""Tests: ``annotator autocode``: counts, a second run adding nothing, --dry-run writing nothing,
the JSON contract, sentence and paragraph extents with code points beyond the BMP, the coder,
and a bad tag or regex as one error line with nothing written; the real command, and several
programs auto-coding at once; on SQLite and PostgreSQL (``database_url``)."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.services import Library
from tests._cli import annotator, error_line
from tests.services.test_parallel_programs import run_together
from tests.test_cli import run

# Astral characters (two UTF-16 units each) before and inside the sentences coded.
TEXT = "𝔄 rose: 🌹 a rose. The 🌷 rose again, and a rose.\n\nOnly 𝔅 one rose here.\nNo flower.\n"


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], database_url: str):  # type: ignore[no-untyped-def]
    def call(*argv: str, status: int = 0) -> str:
        code, out, err = run(capsys, "--database", database_url, *argv)
        assert code == status, err
        assert "Traceback" not in err
        return out if status == 0 else err

    return call


@pytest.fixture
def doc(cli, tmp_path: Path) -> str:  # type: ignore[no-untyped-def]
    path = tmp_path / "doc.txt"
    path.write_text(TEXT, encoding="utf-8")
    return cli("import", str(path)).split("\t")[0]


def stored(database_url: str, doc_id: str) -> list[tuple[int, int, str, str]]:
    with Library.open(database_url) as library:
        return [(a.start, a.end, a.quote, a.coder) for a in library.annotations(doc_id)]


def test_counts_then_a_second_run_adds_nothing(cli, doc: str, database_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("autocode", "rose", "--tag", "claim", "--word", "--coder", "ada") == (
        "added 5 annotation(s); 0 already coded; 5 hit(s) in 1 document(s)\n"
    )
    assert cli("autocode", "rose", "--tag", "claim", "--word", "--coder", "bo") == (
        "added 0 annotation(s); 5 already coded; 5 hit(s) in 1 document(s)\n"
    )
    rows = stored(database_url, doc)
    assert len(rows) == 5 and {coder for *_, coder in rows} == {"ada"}
    assert all(TEXT[s:e] == quote == "rose" for s, e, quote, _ in rows)


def test_dry_run_writes_nothing_and_prints_the_same_counts_and_in_json_the_spans(
    cli, doc: str, database_url: str
) -> None:  # type: ignore[no-untyped-def]
    assert cli("autocode", "rose", "--tag", "claim", "--extent", "sentence", "--dry-run") == (
        "would add 3 annotation(s); 0 already coded; 5 hit(s) in 1 document(s)\n"
    )
    shown = orjson.loads(cli("autocode", "rose", "--tag", "claim", "--extent", "sentence", "--dry-run",
                             "--format", "json"))  # fmt: skip
    assert stored(database_url, doc) == []
    assert list(shown) == ["added", "already_coded", "hits", "documents", "dry_run", "spans"]
    assert (shown["added"], shown["already_coded"], shown["hits"], shown["documents"], shown["dry_run"]) == (
        3, 0, 5, 1, True
    )  # fmt: skip
    sentences = ["𝔄 rose: 🌹 a rose.", "The 🌷 rose again, and a rose.", "Only 𝔅 one rose here."]
    assert shown["spans"] == [
        {"document": doc, "start": TEXT.index(s), "end": TEXT.index(s) + len(s), "quote": s, "hits": 2 if i < 2 else 1,
         "status": "to create", "annotation": None}
        for i, s in enumerate(sentences)
    ]  # fmt: skip
    done = orjson.loads(cli("autocode", "rose", "--tag", "claim", "--extent", "sentence", "--format", "json"))
    assert [(s["status"], s["start"]) for s in done["spans"]] == [("added", s["start"]) for s in shown["spans"]]
    assert [s["annotation"] for s in done["spans"]] == [a for a in _ids(database_url, doc)]
    again = orjson.loads(cli("autocode", "rose", "--tag", "claim", "--extent", "sentence", "--format", "json"))
    assert (again["added"], again["already_coded"]) == (0, 3)
    assert [s["status"] for s in again["spans"]] == ["already coded"] * 3
    assert [s["annotation"] for s in again["spans"]] == [s["annotation"] for s in done["spans"]]


def _ids(database_url: str, doc_id: str) -> list[str]:
    with Library.open(database_url) as library:
        return [a.id for a in library.annotations(doc_id)]


def test_paragraph_extent_codes_blank_line_blocks(cli, doc: str, database_url: str) -> None:  # type: ignore[no-untyped-def]
    assert cli("autocode", "ros", "--tag", "evidence", "--extent", "paragraph", "--doc", doc) == (
        "added 2 annotation(s); 0 already coded; 5 hit(s) in 1 document(s)\n"
    )
    first, second = TEXT.split("\n\n")
    assert [q for _, _, q, _ in stored(database_url, doc)] == [first, second.rstrip("\n")]
    assert all(TEXT[s:e] == q for s, e, q, _ in stored(database_url, doc))


def test_bad_tag_regex_extent_or_document_is_one_line_and_nothing_is_written(cli, doc: str, database_url: str) -> None:  # type: ignore[no-untyped-def]
    assert "there is no tag 'nope'" in cli("autocode", "rose", "--tag", "nope", status=1)
    assert "not a valid regular expression" in cli("autocode", "(rose", "--regex", "--tag", "claim", status=1)
    assert "could take hours" in cli("autocode", "(a+)+", "--regex", "--tag", "claim", status=1)
    assert "there is no document 'nope'" in cli("autocode", "rose", "--tag", "claim", "--doc", "nope", status=1)
    assert "control character" in cli("autocode", "rose", "--tag", "claim", "--coder", "a\x1bb", status=1)
    assert "invalid choice: 'word'" in cli("autocode", "rose", "--tag", "claim", "--extent", "word", status=2)
    assert "--where takes NAME=VALUE" in cli("autocode", "rose", "--tag", "claim", "--where", "x", status=2)
    assert stored(database_url, doc) == []


def test_the_real_command_codes_once_and_says_a_bad_tag_in_one_line(
    doc: str, database_url: str, tmp_path: Path
) -> None:
    argv = ["--database", database_url, "autocode", "rose", "--tag", "claim", "--extent", "sentence"]
    first, second = annotator(*argv), annotator(*argv)
    assert (first.returncode, first.stdout.decode()) == (
        0,
        "added 3 annotation(s); 0 already coded; 5 hit(s) in 1 document(s)\n",
    )
    assert second.stdout.decode() == "added 0 annotation(s); 3 already coded; 5 hit(s) in 1 document(s)\n"
    assert first.stderr == second.stderr == b""
    error_line(annotator("--database", database_url, "autocode", "rose", "--tag", "Nope"), 1, "there is no tag 'Nope'")
    error_line(
        annotator("--database", database_url, "autocode", "[", "--regex", "--tag", "claim"), 1, "regular expression"
    )
    assert len(stored(database_url, doc)) == 3


def test_programs_auto_coding_at_once_add_each_annotation_once(doc: str, database_url: str, tmp_path: Path) -> None:
    """Each plans before any has written; the look for what is coded is made again inside the
    transaction, with the others waiting (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock)."""
    results = run_together(4, ["--database", database_url, "autocode", "rose", "--tag", "claim"], tmp_path)
    assert [r.stderr for r in results if r.returncode != 0] == []
    added = sorted(int(r.stdout.split()[1]) for r in results)
    assert sum(added) == 5 and added[-1] == 5
    assert len(stored(database_url, doc)) == 5
