"""Tests: ``annotator --version`` and ``annotator PATH...`` (a desktop's "Open with") on the command line.

Opening the window on those files is tested in ``tests/ui/test_open_with.py``; here,
what needs no Qt: which command lines name files, and a bad path refused before
anything is opened or made.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import pytest

from annotator.cli import opens_files
from tests.test_cli import assert_failed, run


def test_version_is_the_installed_distributions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--version")
    assert (code, out) == (0, f"annotator {version('annotator')}\n")


@pytest.mark.parametrize(
    ("argv", "files"),
    [
        ([], False),
        (["--debug"], False),
        (["list"], False),
        (["--database", "x.sqlite3", "list"], False),
        (["--database", "notes.txt"], False),  # the library's path is no file to open
        (["db", "check"], False),
        (["notes.txt"], True),
        (["--database", "lib.sqlite3", "a.txt", "b.pdf"], True),
        (["--", "list"], True),  # a file named like a command
        (["./list"], True),
        (["lsit"], False),  # a mistyped command: argparse lists the commands
    ],
)
def test_a_first_argument_that_is_no_command_names_files(argv: list[str], files: bool) -> None:
    assert opens_files(argv) is files


def test_a_file_named_like_a_word_is_a_file_when_it_exists(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert not opens_files(["README"])
    (tmp_path / "README").write_text("A text.\n", encoding="utf-8")
    assert opens_files(["README"])


def test_a_mistyped_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "lsit")
    assert code == 2
    assert "invalid choice: 'lsit'" in err


def test_a_missing_file_is_one_line_and_makes_no_library(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, data_dir: Path
) -> None:
    there = tmp_path / "there.txt"
    there.write_text("A text.\n", encoding="utf-8")
    code, out, err = run(capsys, str(there), str(tmp_path / "missing.txt"))
    assert_failed(code, err, "missing.txt", "no such file")
    assert out == ""
    assert not data_dir.exists()


def test_paths_without_a_command_are_a_usage_of_their_own(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "notes.txt", "--format", "json")
    assert code == 2
    assert "unrecognized arguments: --format" in err
