"""Tests (UI): a library the GUI cannot open is a message box and exit status 1, never a
traceback (issue 7, points 10 and 17): a malformed or unsupported database URL, an empty
``--database`` and a library in a folder that does not exist."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator.ui.app import run_gui


@pytest.fixture(autouse=True)
def _close_any_window_soon(qtbot) -> Iterator[None]:
    """Were the library opened after all, the window would wait for a user: close it instead.

    Only while the test runs: a timer left running closed the windows of whichever
    test ran three seconds later (a PostgreSQL window's watcher stopped mid-test).
    """
    timer = QTimer()
    timer.setSingleShot(True)
    timer.timeout.connect(lambda: [w.close() for w in QApplication.topLevelWidgets()])
    timer.start(3000)
    yield
    timer.stop()


@pytest.mark.parametrize(
    ("database", "needle"),
    [
        ("postgresql://h:5432x/db", "not a valid database URL"),
        ("postgres+psycopg://", "postgresql+psycopg://"),
        ("mysql://", "not 'mysql'"),
        ("sqlite://alice@/x", "no user or host"),
        ("", "not an empty string"),
        ("sqlite://", "a library in memory"),
        ("sqlite:///:memory:", "a library in memory"),
        ("sqlite:////no-such-folder/lib.sqlite3?mode=ro", "takes no options"),
    ],
)
def test_a_bad_database_url_is_a_message_box(qtbot, messages, data_dir: Path, database: str, needle: str) -> None:
    assert run_gui(database=database) == 1
    [(kind, text)] = messages
    assert kind == "critical" and needle in text, text
    assert not data_dir.exists()  # nor was the default library opened instead


def test_a_library_in_a_missing_folder_is_a_message_box(qtbot, messages, tmp_path: Path) -> None:
    target = tmp_path / "typo" / "lib.sqlite3"
    assert run_gui(database=str(target)) == 1
    [(kind, text)] = messages
    assert kind == "critical" and f"the folder {target.parent} does not exist" in text
    assert not target.parent.exists()
