"""Tests (UI): a library the GUI cannot open is a message box and exit status 1, never a
traceback (issue 7, points 10 and 17): a malformed or unsupported database URL, an empty
``--database`` and a library in a folder that does not exist."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from annotator.ui.app import run_gui


def _close_any_window_soon() -> None:
    # Were the library opened after all, the window would wait for a user: close it instead.
    QTimer.singleShot(3000, lambda: [w.close() for w in QApplication.topLevelWidgets()])


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
    _close_any_window_soon()
    assert run_gui(database=database) == 1
    [(kind, text)] = messages
    assert kind == "critical" and needle in text, text
    assert not data_dir.exists()  # nor was the default library opened instead


def test_a_library_in_a_missing_folder_is_a_message_box(qtbot, messages, tmp_path: Path) -> None:
    target = tmp_path / "typo" / "lib.sqlite3"
    _close_any_window_soon()
    assert run_gui(database=str(target)) == 1
    [(kind, text)] = messages
    assert kind == "critical" and f"the folder {target.parent} does not exist" in text
    assert not target.parent.exists()
