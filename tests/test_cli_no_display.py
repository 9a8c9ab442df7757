"""Tests: ``annotator`` without a display on Linux says so in one line instead of Qt aborting."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests._cli import COMMAND, user_env


@pytest.mark.skipif(sys.platform != "linux", reason="only Linux needs a display variable to open a window")
def test_no_display_is_one_line_and_exit_status_1(tmp_path: Path) -> None:
    env = user_env(ANNOTATOR_DATA_DIR=str(tmp_path / "data"))
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    done = subprocess.run(COMMAND, capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 1, done.stderr
    assert done.stderr.splitlines() == [
        "annotator: error: no display to open a window on; run it from a desktop session, "
        "or use the command line: annotator --help"
    ]
    assert not (tmp_path / "data").exists()  # no library was made for a window that cannot open
