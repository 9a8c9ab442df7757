"""Tests: the agreement benchmark runs to its table (a small run; the numbers are the benchmark's to print)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).parent / "bench" / "bench_agreement.py"


def test_the_agreement_benchmark_runs_to_its_table() -> None:
    env = {**os.environ, "ANNOTATOR_BENCH_SMALL": "1"}
    done = subprocess.run(
        [sys.executable, str(BENCH)], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[-2].startswith("all four per-tag measures, characters") and " ms " in lines[-2], done.stdout
    assert lines[-1].startswith("alpha_u per tag and overall, pooled") and " ms " in lines[-1], done.stdout
