"""Tests (UI): ``annotator PATH...`` opens the window and imports those files, or opens them if already there.

Driven through :func:`annotator.cli.main`, the function the ``annotator`` command
calls, with the window looked at and closed from the event loop.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from annotator import config
from annotator.cli import main
from annotator.services import Library
from annotator.ui.qt_main_window import QtMainWindow

TEXT = "Open with\n\nA text a desktop hands to Annotator.\n"


def _look_then_close(seen: dict[str, object], said: str, tries: int = 250) -> None:
    """Once the status bar has *said* what the import did (it runs a progress dialog's event loop,
    so it is waited for, up to five seconds): note what the window shows, then close it."""

    def look(left: int) -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QtMainWindow) and w.isVisible())
        document = window.session.document
        seen.setdefault("title_at_start", document.title if document else None)
        if said not in window.statusBar().currentMessage() and left > 0:
            QTimer.singleShot(20, lambda: look(left - 1))
            return
        seen["title"] = document.title if document else None
        seen["text"] = window.pane.text
        seen["rows"] = window.documents_model.rowCount()
        seen["status"] = window.statusBar().currentMessage()
        seen["icon"] = not QApplication.windowIcon().isNull()
        seen["desktop"] = QGuiApplication.desktopFileName()
        window.close()

    QTimer.singleShot(0, lambda: look(tries))


def test_a_path_is_imported_and_shown_beside_the_sample(qtbot, tmp_path: Path, data_dir: Path, messages) -> None:
    path = tmp_path / "open-with.txt"
    path.write_text(TEXT, encoding="utf-8")
    seen: dict[str, object] = {}
    _look_then_close(seen, "Imported")
    assert main([str(path)]) == 0
    assert seen["status"] == "Imported 1 new document, 0 annotations."
    assert seen["text"] == TEXT
    assert seen["title"] == "Open with"
    assert seen["rows"] == 2  # the sample, seeded on this first run, and the file
    assert seen["icon"] is True
    assert seen["desktop"] == config.APP_ID  # the installed entry's name: Wayland links the window to it
    assert (shipped := config.shipped(f"packaging/linux/{config.APP_ID}.desktop")) is not None and shipped.is_file()
    assert messages == []
    with Library.open(f"sqlite:///{data_dir / 'library.sqlite3'}") as library:
        assert "Open with" in [d.title for d in library.documents()]


def test_a_file_already_in_the_library_is_opened_not_added(qtbot, tmp_path: Path, messages) -> None:
    path = tmp_path / "again.txt"
    path.write_text(TEXT, encoding="utf-8")
    database = tmp_path / "mine.sqlite3"
    other = tmp_path / "other.txt"
    other.write_text("Another text\n\nOpened after the first.\n", encoding="utf-8")
    assert main(["--database", str(database), "import", str(other)]) == 0  # the older: the window starts on it
    assert main(["--database", str(database), "import", str(path)]) == 0
    with Library.open(f"sqlite:///{database}") as library:
        before = {d.id: d.title for d in library.documents()}
    seen: dict[str, object] = {}
    _look_then_close(seen, "already in the library")
    assert main(["--database", str(database), str(path)]) == 0
    assert seen["status"] == "“Open with” is already in the library; it is open now."
    assert (seen["title_at_start"], seen["title"]) == ("Another text", "Open with")
    assert seen["rows"] == 2
    with Library.open(f"sqlite:///{database}") as library:
        assert {d.id: d.title for d in library.documents()} == before
