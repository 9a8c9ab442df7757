"""UI: Document › Replace text with a new version…: pick the file, revise, say how the annotations followed.

The use case is the service's (:func:`annotator.services.revising.revise_from_file`,
through :meth:`QtLibrarySession.revise_from_file`, which passes the SHA-256 of
the text shown so a revision made meanwhile elsewhere is refused, not replaced).
The session shows the revised text whole; this flow reports the counts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from annotator.formats.registry import readers
from annotator.ui.qt_i18n import format_count
from annotator.ui.qt_session import QtLibrarySession


class QtReviseFlow:
    """UI: replaces the open document's text with a file's, keeping the old text as a version."""

    def __init__(self, window: QMainWindow, session: QtLibrarySession, *, before_revise: Callable[[], None]) -> None:
        """*before_revise* is called before the text is replaced (the window saves the reading position)."""
        self._window = window
        self._session = session
        self._before_revise = before_revise

    def choose_file(self) -> None:
        """Document › Replace text with a new version…: pick the file holding the new text."""
        document = self._session.document
        if document is None:
            return
        patterns = " ".join(f"*{e}" for f in readers() for e in f.extensions)
        title = QCoreApplication.translate("QtReviseFlow", "New version of “{title}”").format(title=document.title)
        documents = QCoreApplication.translate("QtReviseFlow", "Documents")
        every_file = QCoreApplication.translate("QtReviseFlow", "All files")
        path, _ = QFileDialog.getOpenFileName(
            self._window, title, str(Path.home()), f"{documents} ({patterns});;{every_file} (*)"
        )
        if path:
            self.revise_from(path)

    def revise_from(self, path: str) -> bool:
        """Replace the current document's text with the one in *path*; report what followed."""
        self._before_revise()
        result = self._session.revise_from_file(path)
        if result is None:
            return False
        counts = result.counts
        said = QCoreApplication.translate(
            "QtReviseFlow",
            "Version {version} of the old text is kept.\n\n"
            "Unchanged: {unchanged}\nMoved: {moved}\nTo review (⚠): {fuzzy}\nOrphaned: {orphaned}",
        )
        QMessageBox.information(
            self._window,
            QCoreApplication.translate("QtReviseFlow", "New version saved"),
            said.format(
                version=result.version.version,
                **{
                    status: format_count(counts.get(status, 0))
                    for status in ("unchanged", "moved", "fuzzy", "orphaned")
                },
            ),
        )
        return True
