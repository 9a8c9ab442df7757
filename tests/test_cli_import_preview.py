"""Tests: ``annotator import --dry-run`` says what a colleague's export would add and writes nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
import sqlalchemy as sa

from annotator.services.library import Library
from tests.test_cli import run

TEXT = "The vote passed narrowly on Tuesday 🗳.\nThe committee met again.\n"


def _rows(db: str) -> dict[str, int]:
    with Library.open(f"sqlite:///{db}") as library, library.engine.connect() as conn:
        return {
            table: conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one()
            for table in ("document", "annotation", "tag")
        }


def _digest(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@pytest.fixture
def colleague_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> tuple[str, Path]:
    """Our library (one document) and a colleague's export of it with Bob's two annotations."""
    ours, theirs = str(tmp_path / "ours.sqlite3"), str(tmp_path / "theirs.sqlite3")
    source = tmp_path / "vote.txt"
    source.write_text(TEXT, encoding="utf-8")
    assert run(capsys, "--database", ours, "import", str(source))[0] == 0
    shared = tmp_path / "ours.json"
    assert run(capsys, "--database", ours, "export", "--format", "json", "-o", str(shared))[0] == 0
    out = run(capsys, "--database", theirs, "import", str(shared))[1]
    doc_id = out.split("\t")[0]
    for quote, tag in (("vote passed", "claim"), ("committee", "evidence")):
        argv = ("annotate", doc_id, "--tag", tag, "--quote", quote, "--coder", "bob")
        assert run(capsys, "--database", theirs, *argv)[0] == 0
    export = tmp_path / "theirs.json"
    assert run(capsys, "--database", theirs, "export", "--format", "json", "-o", str(export))[0] == 0
    return ours, export


def test_dry_run_prints_the_summary_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], colleague_export: tuple[str, Path]
) -> None:
    db, export = colleague_export
    rows, digest = _rows(db), _digest(db)

    code, out, err = run(capsys, "--database", db, "import", "--dry-run", str(export))

    assert code == 0, err
    assert out.splitlines() == [
        "annotations: 2 to add (2 placed, 0 placed for review, 0 orphaned), 0 unchanged (already there)",
        "documents: 1 matched, 0 new",
        "tags: 0 new",
        "coder bob: 2 to add",
    ]
    assert err == "dry run: nothing was written\n"
    assert (_rows(db), _digest(db)) == (rows, digest)

    code, _, err = run(capsys, "--database", db, "import", str(export))
    assert code == 0, err
    code, out, _ = run(capsys, "--database", db, "import", "--dry-run", str(export))
    assert (
        out.splitlines()[0]
        == "annotations: 0 to add (0 placed, 0 placed for review, 0 orphaned), 2 unchanged (already there)"
    )


def test_dry_run_of_an_unreadable_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "lib.sqlite3")
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")

    code, out, err = run(capsys, "--database", db, "import", "--dry-run", str(bad))

    assert (code, out) == (1, "")
    assert err.startswith("annotator: error: nothing would be imported: ") and err.count("\n") == 1


def test_dry_run_does_not_create_a_library(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = tmp_path / "not-yet.sqlite3"
    source = tmp_path / "vote.txt"
    source.write_text(TEXT, encoding="utf-8")

    code, out, err = run(capsys, "--database", str(db), "import", "--dry-run", str(source))

    assert (code, out) == (1, "")
    assert err == f"annotator: error: there is no library at {db} yet; a dry run does not create one\n"
    assert not db.exists()
