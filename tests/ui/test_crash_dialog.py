"""Tests (UI): the log, and the dialog an unexpected error shows instead of a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from annotator import config
from annotator.ui import qt_crash
from annotator.ui.qt_crash import LOG_FILENAME, QtCrashDialog, install_crash_handlers

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Shown:
    """What a crash dialog said, kept after the dialog itself is gone."""

    text: str
    informative: str
    details: str
    parent: object


@pytest.fixture
def crash_dialogs(monkeypatch: pytest.MonkeyPatch) -> list[Shown]:
    """Every crash dialog shown, instead of a blocking one."""
    shown: list[Shown] = []

    def record(dialog: QtCrashDialog) -> int:
        shown.append(Shown(dialog.text(), dialog.informativeText(), dialog.detailedText(), dialog.parentWidget()))
        return 0

    monkeypatch.setattr(QtCrashDialog, "exec", record)
    return shown


def _boom() -> None:
    raise RuntimeError("the slot failed on purpose")


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_shows_the_dialog_and_goes_to_the_log(qtbot, open_window, crash_dialogs, capfd) -> None:
    window = open_window()
    handlers = install_crash_handlers(window)
    try:
        action = QAction("Fail", window)
        action.triggered.connect(_boom)
        action.trigger()
        qtbot.waitUntil(lambda: len(crash_dialogs) == 1)
    finally:
        handlers.uninstall()
    dialog = crash_dialogs[0]
    log_path = config.log_dir() / LOG_FILENAME
    assert "RuntimeError: the slot failed on purpose" in dialog.text
    assert "Nothing you saved is lost" in dialog.informative
    assert str(log_path) in dialog.informative
    assert "_boom" in dialog.details
    logged = log_path.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged and "the slot failed on purpose" in logged
    assert "Traceback" not in capfd.readouterr().err
    assert sys.excepthook is not handlers._on_exception  # put back


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_thread_is_shown_on_the_gui_thread(qtbot, open_window, crash_dialogs) -> None:
    window = open_window()
    handlers = install_crash_handlers(window)
    try:
        worker = threading.Thread(target=_boom, name="reader")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(crash_dialogs) == 1)
    finally:
        handlers.uninstall()
    assert "the slot failed on purpose" in crash_dialogs[0].text
    assert "in thread reader" in (config.log_dir() / LOG_FILENAME).read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_a_burst_of_errors_shows_one_dialog_at_a_time(qtbot, open_window, monkeypatch) -> None:
    window = open_window()
    handlers = install_crash_handlers(window)
    shown: list[str] = []

    def record_and_fail_again(dialog: QtCrashDialog) -> int:
        shown.append(dialog.text())
        action.trigger()  # while this dialog is up: logged, not shown on top of it
        QApplication.processEvents()
        return 0

    monkeypatch.setattr(QtCrashDialog, "exec", record_and_fail_again)
    try:
        action = QAction("Fail", window)
        action.triggered.connect(_boom)
        action.trigger()
        qtbot.waitUntil(lambda: len(shown) >= 1)
        qtbot.wait(50)
    finally:
        handlers.uninstall()
    assert len(shown) == 1
    assert (config.log_dir() / LOG_FILENAME).read_text(encoding="utf-8").count("the slot failed on purpose") >= 2


def test_a_hard_crash_leaves_its_stack_in_the_faults_file(tmp_path: Path) -> None:
    code = "from annotator.ui.qt_crash import start_log\nstart_log()\nimport faulthandler\nfaulthandler._sigsegv()\n"
    env = {**os.environ, "ANNOTATOR_LOG_DIR": str(tmp_path / "logs"), "PYTHONPATH": str(REPO_ROOT / "src")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode != 0
    faults = (tmp_path / "logs" / qt_crash.FAULTS_FILENAME).read_text(encoding="utf-8")
    assert "Fatal Python error" in faults
    assert "Fatal Python error" not in done.stderr


def test_the_log_folder_follows_its_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_log_dir

    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "elsewhere"))
    assert config.log_dir() == tmp_path / "elsewhere"
    monkeypatch.delenv("ANNOTATOR_LOG_DIR")
    assert config.log_dir() == Path(user_log_dir("annotator", appauthor=False))


def test_the_crash_dialog_opens_the_log_folder(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr(qt_crash.QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()))
    dialog = QtCrashDialog("RuntimeError: x", "Traceback…", tmp_path / LOG_FILENAME)
    qtbot.addWidget(dialog)
    assert dialog.open_log_button is not None and dialog.open_log_button.text() == "Open &log folder"
    dialog.open_log_button.click()
    assert opened == [str(tmp_path)]


def test_without_a_log_the_dialog_says_so(qtbot) -> None:
    dialog = QtCrashDialog("RuntimeError: x", "Traceback…", None)
    qtbot.addWidget(dialog)
    assert dialog.open_log_button is None and "could not be written" in dialog.informativeText()


@pytest.mark.qt_no_exception_capture
def test_the_running_app_logs_its_start_and_shows_errors_over_its_window(qtbot, crash_dialogs) -> None:
    from annotator import __version__
    from annotator.ui.app import run_gui
    from annotator.ui.qt_main_window import QtMainWindow

    hook = sys.excepthook

    def window() -> QtMainWindow:
        return next(w for w in QApplication.topLevelWidgets() if isinstance(w, QtMainWindow) and w.isVisible())

    def close_once_shown() -> None:
        if crash_dialogs:
            window().close()
        else:
            QTimer.singleShot(20, close_once_shown)

    QTimer.singleShot(200, _boom)
    QTimer.singleShot(250, close_once_shown)
    assert run_gui() == 0
    assert len(crash_dialogs) == 1
    assert isinstance(crash_dialogs[0].parent, QtMainWindow)
    logged = (config.log_dir() / LOG_FILENAME).read_text(encoding="utf-8")
    assert f"Annotator {__version__} (Python" in logged and str(config.default_library_path()) in logged
    assert "the slot failed on purpose" in logged
    assert sys.excepthook is hook


@pytest.mark.qt_no_exception_capture
def test_a_long_message_is_cut_in_the_dialog_and_whole_in_the_log(qtbot, open_window, crash_dialogs) -> None:
    window = open_window()
    handlers = install_crash_handlers(window)
    long_message = "x" * 5000 + "END"

    def fail() -> None:
        raise ValueError(long_message)

    try:
        action = QAction("Fail", window)
        action.triggered.connect(fail)
        action.trigger()
        qtbot.waitUntil(lambda: len(crash_dialogs) == 1)
    finally:
        handlers.uninstall()
    assert "END" not in crash_dialogs[0].text and len(crash_dialogs[0].text) < 500
    assert long_message in crash_dialogs[0].details
    assert long_message in (config.log_dir() / LOG_FILENAME).read_text(encoding="utf-8")


@pytest.mark.qt_no_exception_capture
def test_with_no_log_the_traceback_stays_on_stderr(
    qtbot, open_window, crash_dialogs, capfd, monkeypatch, tmp_path
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the log folder would be", encoding="utf-8")
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(blocked / "logs"))
    window = open_window()
    handlers = install_crash_handlers(window)
    try:
        action = QAction("Fail", window)
        action.triggered.connect(_boom)
        action.trigger()
        qtbot.waitUntil(lambda: len(crash_dialogs) == 1)
    finally:
        handlers.uninstall()
    assert "could not be written" in crash_dialogs[0].informative
    assert "the slot failed on purpose" in capfd.readouterr().err
