"""Tests: ``annotator blind`` and ``annotator coders``, run in-process and as a real process."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator import cli
from annotator.services import annotating, coders, importing
from annotator.services.library import Library
from tests._cli import annotator, error_line


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite3"
    with Library.open(f"sqlite:///{path}") as library:
        [doc] = importing.import_text(library, "one two three\n", title="Notes").documents
        tag = library.tags()[0].id
        annotating.create_annotation(library, document_id=doc.id, tag_id=tag, start=0, end=3, coder="ann")
        annotating.create_annotation(library, document_id=doc.id, tag_id=tag, start=4, end=7, coder="ann")
        annotating.create_annotation(library, document_id=doc.id, tag_id=tag, start=8, end=13, coder="")
    return path


def test_blind_turns_on_and_off_and_says_its_state(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    for args, shown in (
        (["blind"], "off"),
        (["blind", "on"], "on"),
        (["blind", "status"], "on"),
        (["blind", "off"], "off"),
    ):
        assert cli.main(["--database", str(db), *args]) == 0
        assert capsys.readouterr().out == f"{shown}\n"
    with Library.open(f"sqlite:///{db}") as library:
        assert coders.blind_coding(library) is False


def test_blind_on_is_stored_in_the_library(db: Path) -> None:
    assert cli.main(["--database", str(db), "blind", "on"]) == 0
    with Library.open(f"sqlite:///{db}") as library:
        assert coders.blind_coding(library) is True


def test_blind_with_a_bad_state_is_a_usage_error(db: Path) -> None:
    done = annotator("--database", db, "blind", "maybe")
    assert done.returncode == 2
    assert b"invalid choice" in done.stderr


def test_coders_lists_each_coder_with_a_count(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert cli.main(["--database", str(db), "coders"]) == 0
    assert capsys.readouterr().out == "(no name)\t1\nann\t2\n"


def test_coders_of_an_unknown_document_is_one_error_line(db: Path) -> None:
    error_line(annotator("--database", db, "coders", "--doc", "nope"), 1, "nope")
