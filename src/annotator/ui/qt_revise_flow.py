"""UI: Document › Replace text with a new version…: pick the file, revise, say how the annotations followed.

The use case is the service's (:func:`annotator.services.revising.revise_from_file`,
through :meth:`QtLibrarySession.revise_from_file`, which passes the SHA-256 of
the text shown so a revision made meanwhile elsewhere is refused, not replaced).
The session shows the revised text whole; this flow reports the counts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from annotator.formats.registry import readers
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
        path, _ = QFileDialog.getOpenFileName(
            self._window, f"New version of “{document.title}”", str(Path.home()),
            f"Documents ({patterns});;All files (*)",
        )  # fmt: skip
        if path:
            self.revise_from(path)

    def revise_from(self, path: str) -> bool:
        """Replace the current document's text with the one in *path*; report what followed."""
        self._before_revise()
        result = self._session.revise_from_file(path)
        if result is None:
            return False
        counts = result.counts
        QMessageBox.information(
            self._window, "New version saved",
            f"Version {result.version.version} of the old text is kept.\n\n"
            f"Unchanged: {counts.get('unchanged', 0)}\nMoved: {counts.get('moved', 0)}\n"
            f"To review (⚠): {counts.get('fuzzy', 0)}\nOrphaned: {counts.get('orphaned', 0)}",
        )  # fmt: skip
        return True
