"""Tests: running ``python -m annotator`` as a real process, and what its stderr must look like."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

COMMAND = [sys.executable, "-m", "annotator"]


def user_env(**extra: str) -> dict[str, str]:
    """This environment as a user's shell has it: stdout block-buffered (a CI runner's
    PYTHONUNBUFFERED=1 would hide what happens when the buffer is flushed at exit)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONUNBUFFERED"}
    return {**env, **extra}


def annotator(
    *args: str | bytes | Path, env: dict[str, str] | None = None, timeout: float = 120, cwd: Path | None = None
) -> subprocess.CompletedProcess[bytes]:
    """Run the command with *args* (bytes for arguments that are not UTF-8) in *cwd*; output as bytes."""
    return subprocess.run(
        [*COMMAND, *args], capture_output=True, env=user_env(**(env or {})), timeout=timeout, check=False, cwd=cwd
    )


def error_line(done: subprocess.CompletedProcess[bytes], status: int, *needles: str) -> str:
    """The one ``annotator: error:`` line of a failed run (argparse's usage lines aside), checked:
    exit *status*, no traceback or "Exception ignored" block, each of *needles* in it."""
    err = done.stderr.decode("utf-8", "backslashreplace")
    assert done.returncode == status, (done.returncode, err)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    lines = [line for line in err.splitlines() if not line.startswith(("usage:", " "))]
    assert len(lines) == 1, err
    assert lines[0].startswith("annotator: error: "), err
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])
    return lines[0]
