"""UI: ANNOTATOR_QUIT_AFTER_PAINT=1 starts the window, seeds the sample, paints and quits.

``./dev package`` smoke-tests the frozen build with it and ``./dev bench`` times cold starts with it.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator.services import Library
from annotator.storage.integrity import QuickCheck
from annotator.ui.app import QUIT_AFTER_PAINT_ENV, run_gui


def _close_windows_after(seconds: float) -> QTimer:
    """Were the window to stay open, close it instead of waiting for a user (the test then fails)."""
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: [w.close() for w in QApplication.topLevelWidgets()])
    timer.start(int(seconds * 1000))
    return timer


def _close_windows(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Close the windows a quit left open, so no later test's window competes with them for focus."""
    for window in QApplication.topLevelWidgets():
        window.close()
    qtbot.wait(50)


def test_the_window_quits_by_itself_once_painted(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], seed_text: str
) -> None:
    monkeypatch.setenv(QUIT_AFTER_PAINT_ENV, "1")
    timer = _close_windows_after(20)
    before = time.time()
    assert run_gui() == 0
    assert timer.isActive()  # it quit by itself, not closed by the test
    timer.stop()
    (line,) = capsys.readouterr().out.splitlines()
    word, when = line.split()
    assert word == "painted" and before < float(when) <= time.time()
    library = Library.open(f"sqlite:///{data_dir / 'library.sqlite3'}")
    try:  # the sample was seeded before the window showed
        assert [d.title for d in library.documents()] == [seed_text.split("\n", 1)[0].strip()]
    finally:
        library.close()


def test_without_the_variable_the_window_waits_for_its_user(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(QUIT_AFTER_PAINT_ENV, raising=False)
    timer = _close_windows_after(2)
    assert run_gui() == 0
    assert not timer.isActive()  # closed by the test
    assert "painted" not in capsys.readouterr().out


def test_a_start_where_the_reader_left_off_waits_for_no_check(
    qtbot, data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The library's quick check runs beside the window's start; every write waits for it, so
    reopening the library where it was left must write nothing before the first paint."""
    monkeypatch.setenv(QUIT_AFTER_PAINT_ENV, "1")
    assert run_gui() == 0  # the first start seeds the sample and remembers the open document
    _close_windows(qtbot)
    started: list[Path] = []
    waited: list[Path] = []
    monkeypatch.setattr(QuickCheck, "start", lambda check: started.append(check.path))
    monkeypatch.setattr(QuickCheck, "verdict", lambda check: waited.append(check.path))
    assert run_gui() == 0
    _close_windows(qtbot)
    assert capsys.readouterr().out.count("painted") == 2
    assert started == [data_dir / "library.sqlite3"]
    assert waited == []
