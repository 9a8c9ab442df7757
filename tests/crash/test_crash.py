"""Tests: SIGKILL a process editing a library, 55 times, and lose nothing it acknowledged.

See ``harness.py`` for what is checked after each kill. The figures are printed
(``pytest -s`` shows them) and asserted: at least 50 kills, a few hundred
acknowledged changes, no losses and no half-applied edit.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from annotator.services.backups import check_library
from tests.crash import harness

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs fork and SIGKILL")

CYCLES = 55
SEED = 20261127


def test_sigkill_never_loses_an_acknowledged_edit(tmp_path: Path) -> None:
    path = tmp_path / "crash.sqlite3"
    figures = harness.run(path, cycles=CYCLES, seed=SEED)
    print(f"\n{figures.summary()}")
    assert figures.problems == []
    assert figures.losses == 0
    assert figures.kills >= 50
    assert figures.acknowledged >= 150  # enough edits for the kills to have landed among them
    # Kills landed both before and after commits (the child was caught mid-edit both ways).
    assert figures.in_flight_applied + figures.in_flight_absent > 0
    report = check_library(f"sqlite:///{path}")
    assert report.ok, report.lines()
