"""Tests: ``./dev bench`` runs to its end (a small run; the numbers themselves are the benchmark's to print)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent / "bench" / "bench_core_loop.py"


def test_the_benchmark_runs_to_its_table(tmp_path: Path) -> None:
    """It once waited forever for the first-annotation "Your name" dialog nobody could answer."""
    env = {**os.environ, "ANNOTATOR_BENCH_SMALL": "1", "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, str(BENCH)], env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    measures = [line.split("  ")[0] for line in lines[3:]]
    assert any(m.startswith("open document to first paint") for m in measures), done.stdout
    assert any(m.startswith("merge") for m in measures) and lines[-1].startswith("peak RSS"), done.stdout
