"""UI: a progress dialog for long imports and exports, with Cancel.

The services call the progress callback after each document; the dialog shows
it (after a short delay, so quick jobs never flash a window) and answers False
once the user pressed Cancel, which makes the service roll back.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget


class QtProgress:
    """UI: a callable ``(done, total) -> bool`` backed by a window-modal QProgressDialog."""

    def __init__(self, parent: QWidget, label: str) -> None:
        self.dialog = QProgressDialog(label, QCoreApplication.translate("QtProgress", "Cancel"), 0, 0, parent)
        self.dialog.setWindowTitle("Annotator")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)

    def __call__(self, done: int, total: int) -> bool:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(done)
        QApplication.processEvents()
        return not self.dialog.wasCanceled()

    def cancel(self) -> None:
        """Press Cancel (what the user does; tests call it too)."""
        self.dialog.cancel()

    def close(self) -> None:
        self.dialog.reset()
        self.dialog.deleteLater()
