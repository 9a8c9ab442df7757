"""Tests (UI): a main window on a temporary library, driven offscreen with pytest-qt.

Message boxes and file dialogs are patched so no test ever blocks on one; what
they would have shown is recorded in ``messages``.
"""

from __future__ import annotations

import importlib.util
import os

# Headless unless a test run asks for a real screen (e.g. QT_QPA_PLATFORM=xcb under Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QMenu, QMessageBox

from annotator.core.themes import SYSTEM
from annotator.services import Library
from annotator.ui import qt_i18n
from annotator.ui.app import create_main_window
from annotator.ui.qt_main_window import QtMainWindow
from annotator.ui.qt_themes import applied_theme, apply_theme
from tests.conftest import REPO_ROOT


def _load_translations_script():  # type: ignore[no-untyped-def]
    """packaging/translations.py (not importable by name: PyPI's ``packaging`` owns it)."""
    spec = importlib.util.spec_from_file_location("translations", REPO_ROOT / "packaging" / "translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _load_translations_script()


@pytest.fixture(scope="session", autouse=True)
def english(qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:  # type: ignore[no-untyped-def]
    """The interface as on an English system: with the English plural forms ("1 hit", "5 hits").

    The translations are built for this run and found there by every window the tests start (a
    test running the whole app installs them again), whether or not ``./dev`` built ``build/i18n``;
    the folder they are in."""
    folder = translations.build(tmp_path_factory.mktemp("qm"))[0].parent
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(qt_i18n, "translations_dir", lambda: folder)
        qt_i18n.install_translations("en")
        yield folder


@pytest.fixture(autouse=True)
def english_and_system_theme_afterwards(english: Path) -> Iterator[None]:
    """After each test, the application is as the next one expects: English (with the plural
    forms), an English locale for numbers, and Qt's own style and palette. The application is
    shared by every test of a worker, and a test may start the whole app (``run_gui`` installs
    the system's language) or choose a language or theme. Restored only if changed: cheap."""
    translators, locale = list(qt_i18n._installed), QLocale()
    yield
    if len(qt_i18n._installed) != len(translators) or any(
        a is not b for a, b in zip(qt_i18n._installed, translators, strict=False)
    ):
        qt_i18n.install_translations("en", english)
    if QLocale() != locale:
        QLocale.setDefault(locale)
    if applied_theme() != SYSTEM:
        apply_theme(SYSTEM)


@pytest.fixture(autouse=True)
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every message box a test triggers, as (kind, text), instead of a blocking dialog."""
    shown: list[tuple[str, str]] = []
    for kind in ("warning", "critical", "information"):

        def record(_parent, _title, text, *_args, _kind=kind, **_kwargs):
            shown.append((_kind, text))
            return QMessageBox.StandardButton.Ok

        monkeypatch.setattr(QMessageBox, kind, record)
    return shown


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "ui-library.sqlite3"


@pytest.fixture
def open_window(qtbot, library_path: Path) -> Iterator[Callable[[], QtMainWindow]]:
    """A factory of shown main windows on the test's library (each with its own Library)."""
    libraries: list[Library] = []

    def make() -> QtMainWindow:
        library = Library.open(f"sqlite:///{library_path}")
        libraries.append(library)
        window = create_main_window(library)
        qtbot.addWidget(window)
        window.resize(1200, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)  # shortcuts only fire in the active window
        window.pane.setFocus()
        return window

    yield make
    for library in libraries:
        library.close()


@pytest.fixture
def import_text(library_path: Path, tmp_path: Path) -> Callable[[str, str], str]:
    """Import *text* (written as raw UTF-8 bytes, CRLF and all) into the test library; returns its id."""

    def do(text: str, name: str = "doc.txt") -> str:
        from annotator.services import importing

        path = tmp_path / name
        path.write_bytes(text.encode("utf-8"))
        with Library.open(f"sqlite:///{library_path}") as library:
            return importing.import_paths(library, [path]).documents[0].id

    return do


def stored_annotations(library_path: Path, document_id: str) -> list:
    """What is in the database right now, read through a separate connection."""
    with Library.open(f"sqlite:///{library_path}") as library:
        return library.annotations(document_id)


def select_by_keyboard(qtbot, window: QtMainWindow, start: int, end: int) -> None:
    """Put the cursor at code point *start*, then hold Shift and press the forward arrow until *end*.

    This is what a user does: Qt moves by grapheme cluster, and in a
    right-to-left paragraph the forward arrow is Left.
    """
    pane = window.pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offset_map.to_utf16(start))
    pane.setTextCursor(cursor)
    target = pane.offset_map.to_utf16(end)
    rtl = cursor.block().textDirection() == Qt.LayoutDirection.RightToLeft
    forward = Qt.Key.Key_Left if rtl else Qt.Key.Key_Right
    for _ in range(end - start + 1):
        if pane.textCursor().position() >= target:
            break
        qtbot.keyClick(pane, forward, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().position() == target, "the keyboard selection overshot the target"


def select_by_mouse(qtbot, window: QtMainWindow, start: int, end: int) -> None:
    """Drag the mouse from before code point *start* to before code point *end*."""
    pane = window.pane

    def point(offset: int):
        cursor = QTextCursor(pane.document())
        cursor.setPosition(pane.offset_map.to_utf16(offset))
        rect = pane.cursorRect(cursor)
        return rect.center()

    pane.ensureCursorVisible()
    a, b = point(start), point(end)
    viewport = pane.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseMove(viewport, b)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b)


def context_menu_by_keyboard(view: QAbstractScrollArea, name: str) -> QMenu:
    """A list's context menu, opened as the Menu key (or Shift+F10) opens it; it must be named *name*."""
    point = QPoint(5, 5)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Keyboard, point, view.mapToGlobal(point), Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(view, event)
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu) and popup.accessibleName() == name
    return popup


def wait_letting_threads_run(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Wait until *condition()* holds (True) or *timeout_s* passes (False), processing Qt events.

    Not ``qtbot.waitUntil``: ``QTest.qWait`` holds Python's GIL while Qt sleeps, so a
    background thread (the watcher reconnecting to a server) barely runs meanwhile, unlike
    under the application's own event loop, which lets it go. Here the test sleeps in Python.
    """
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.02)
        QApplication.processEvents()
    return True


@pytest.fixture(autouse=True)
def coder_named(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The coder-name dialog (asked once, at the first annotation) answers "" without showing itself;
    a test that wants a name appends it. What it was asked is recorded as its calls."""
    from PySide6.QtWidgets import QDialog

    from annotator.ui.qt_preferences import QtCoderDialog

    answers: list[str] = []

    def answer(dialog: QtCoderDialog) -> int:
        dialog.name_edit.setText(answers.pop(0) if answers else "")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtCoderDialog, "exec", answer)
    return answers
