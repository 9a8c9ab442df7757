"""Tests: ``./dev bench`` runs to its end (a small run; the numbers themselves are the benchmark's to print)."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parent / "bench" / "bench_core_loop.py"
LIBRARY_BENCH = Path(__file__).parent / "bench" / "bench_library.py"
UNITIZING_BENCH = Path(__file__).parent / "bench" / "bench_unitizing.py"
COLD_START_BENCH = Path(__file__).parent / "bench" / "bench_cold_start.py"


def _small_run(script: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANNOTATOR_BENCH_SMALL": "1", "QT_QPA_PLATFORM": "offscreen", "HOME": str(home),
           "XDG_CACHE_HOME": str(home / "cache")}  # fmt: skip
    return subprocess.run(
        [sys.executable, str(script)], env=env, capture_output=True, text=True, timeout=240, check=False
    )


def test_the_benchmark_runs_to_its_table(tmp_path: Path) -> None:
    """It once waited forever for the first-annotation "Your name" dialog nobody could answer."""
    done = _small_run(BENCH, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    measures = [line.split("  ")[0] for line in lines[3:]]
    assert any(m.startswith("open document to first paint") for m in measures), done.stdout
    assert any(m.startswith("merge") for m in measures) and lines[-1].startswith("peak RSS"), done.stdout


def test_the_library_benchmark_measures_every_row_on_sqlite_and_says_what_postgresql_gave(tmp_path: Path) -> None:
    done = _small_run(LIBRARY_BENCH, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.strip().splitlines()
    header = next(i for i, line in enumerate(lines) if line.startswith("measure"))
    assert "PostgreSQL:" in lines[header - 1], done.stdout
    measured = "not measured" not in lines[header - 1]
    rows = lines[header + 2 :]
    wanted = ("search library: 'council', first 50", "search library: 'council', every hit", "search library: regex",
              "retrieve claim & evidence", "retrieve claim near/1 evidence", "find bar", "co-occurrence matrix",
              "auto-code 'council' in a set: commit")  # fmt: skip
    assert [row[: len(w)] for row, w in zip(rows, wanted)] == list(wanted) and len(rows) == len(wanted), done.stdout
    for row in rows:
        assert len(re.findall(r"\d\.\d ms", row)) == (2 if measured else 1), row  # SQLite, and PostgreSQL if it ran
    assert not list((tmp_path / "cache").glob("**/*.sqlite3"))  # a small run keeps no library


def test_the_unitizing_benchmark_gives_every_document_a_value(tmp_path: Path) -> None:
    done = _small_run(UNITIZING_BENCH, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert lines[2].startswith("alpha_u per tag and overall") and lines[-1] == "documents with a value: 10 of 10", (
        done.stdout
    )


@pytest.fixture
def small_bench(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("ANNOTATOR_BENCH_SMALL", "1")
    spec = importlib.util.spec_from_file_location("bench_library_small", LIBRARY_BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_the_generated_library_is_the_same_every_time_and_its_spans_are_whole_words(small_bench) -> None:  # type: ignore[no-untyped-def]
    """The cached library is reused by its key alone: what is generated must not vary between runs."""
    first, second = small_bench.make_bundle(), small_bench.make_bundle()
    assert [(d.title, d.text, d.attributes) for d in first.documents] == [
        (d.title, d.text, d.attributes) for d in second.documents
    ]
    spans = [(a.tag_path, a.start, a.end, a.coder) for d in first.documents for a in d.annotations]
    assert spans == [(a.tag_path, a.start, a.end, a.coder) for d in second.documents for a in d.annotations]
    assert sum(len(d.text) for d in first.documents) > small_bench.TOTAL_CHARS * 0.9
    assert any(ord(c) > 0xFFFF for c in first.documents[0].text + first.documents[1].text)  # offsets need mapping
    for document in first.documents:
        for a in document.annotations:
            quote = document.text[a.start : a.end]
            assert quote == quote.strip() and quote and not document.text[a.end].isalnum(), quote


def test_the_cold_start_benchmark_times_the_window_to_its_first_paint(tmp_path: Path) -> None:
    """A small run: the clone's environment only (the wheel's and the frozen build's take minutes to make)."""
    done = _small_run(COLD_START_BENCH, tmp_path)
    assert done.returncode == 0, done.stderr[-2000:]
    *_, header, _rule, row = done.stdout.strip().splitlines()
    assert header.startswith("install") and row.startswith("clone's .venv"), done.stdout
    first, median, best, cpu = (float(x) for x in re.findall(r"(\d+\.\d+) s", row))
    assert 0 < best <= median and first > 0 and cpu > 0, row
