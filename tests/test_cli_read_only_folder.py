"""Tests: a library in a folder that cannot be written is refused as such, in one line, not called
damaged (SQLite writes its journal beside the file, so it cannot open it there)."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.services.library import Library
from tests.test_cli import run


@pytest.fixture
def read_only_folder(tmp_path: Path) -> Iterator[Path]:
    """A folder holding a library, made read-only: by its mode, or for root (whom modes do not
    stop) immutable with ``chattr +i``; skipped where neither works."""
    folder = tmp_path / "ro"
    folder.mkdir()
    with Library.open(f"sqlite:///{folder / 'lib.sqlite3'}"):
        pass
    folder.chmod(0o555)
    immutable = False
    if os.access(folder, os.W_OK) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
    try:
        if os.access(folder, os.W_OK):
            pytest.skip("cannot make a read-only folder here")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


def test_a_library_in_a_read_only_folder_is_refused_saying_so(
    capsys: pytest.CaptureFixture[str], read_only_folder: Path
) -> None:
    code, out, err = run(capsys, "--database", str(read_only_folder / "lib.sqlite3"), "list")
    assert code == 1 and out == ""
    [line] = err.splitlines()
    assert line.startswith("annotator: error:")
    assert f"the folder {read_only_folder} is read-only" in line
    assert "damaged" not in line and "backup" not in line
