"""UI: long work off the GUI thread, with a progress dialog and Cancel.

:class:`QtProgress` (imports, exports) runs a service on the GUI thread and keeps the
window alive by processing events from the service's progress callback; between two
callbacks the window is frozen. Work whose single steps can take long (segmenting a big
text into sentences, one bulk insert of thousands of annotations) runs here instead: the
service runs on a worker thread, the GUI thread waits in a local event loop that keeps
painting and answering, and the dialog shows the service's last progress (after a short
delay, so quick work never flashes a window). Cancel makes the next progress call answer
False, which makes the service raise :class:`~annotator.services.progress.Cancelled` and
roll back. What the work returns is returned, and what it raises is raised, on the GUI
thread.

Services open their own units of work, so the worker uses its own database connection
(SQLite's from a thread-safe pool; a unit of work started on the worker thread takes the
write lock itself).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from annotator.services.progress import Progress

T = TypeVar("T")

#: How often the dialog shows the worker's progress and looks whether it has finished.
POLL_MS = 30


class QtBackgroundTask(Generic[T]):
    """UI: runs ``work(progress)`` on a worker thread while a window-modal progress dialog with
    Cancel shows; :meth:`run` returns its result or raises what it raised."""

    def __init__(self, parent: QWidget, label: str) -> None:
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle("Annotator")
        self.dialog.setAccessibleName(label)
        cancel = QPushButton("Cancel", self.dialog)
        cancel.setAccessibleName(f"Cancel {label.rstrip('…').lower()}")
        self.dialog.setCancelButton(cancel)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(400)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self._cancelled = threading.Event()
        self._done = threading.Event()
        self._progress = (0, 0)
        self._result: T | None = None
        self._error: BaseException | None = None

    def _report(self, done: int, total: int) -> bool:
        """The service's progress callback (on the worker thread): False once Cancel was pressed."""
        self._progress = (done, total)
        return not self._cancelled.is_set()

    def run(self, work: Callable[[Progress], T]) -> T:
        """Run *work* off the GUI thread and wait for it, the window still painting and answering."""

        def target() -> None:
            try:
                self._result = work(self._report)
            except BaseException as exc:  # raised again on the GUI thread, below
                self._error = exc
            finally:
                self._done.set()

        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(POLL_MS)
        timer.timeout.connect(lambda: self._poll(loop))
        worker = threading.Thread(target=target, name="annotator-background", daemon=True)
        worker.start()
        timer.start()
        try:
            if not self._done.is_set():
                loop.exec()
        finally:
            timer.stop()
            worker.join()
            self.dialog.reset()
            self.dialog.deleteLater()
        if self._error is not None:
            raise self._error
        return self._result  # type: ignore[return-value]

    def _poll(self, loop: QEventLoop) -> None:
        if self.dialog.wasCanceled():  # Cancel pressed, or Esc, or the dialog's cancel() called
            self._cancelled.set()
        done, total = self._progress
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total) if total else 0)
        if self._done.is_set():
            loop.quit()

    def cancel(self) -> None:
        """Press Cancel (what the user does; tests call it too): the work stops at its next step."""
        self._cancelled.set()


def run_in_background(parent: QWidget, label: str, work: Callable[[Progress], T]) -> T:
    """Run ``work(progress)`` off the GUI thread with a progress dialog and Cancel (see the module)."""
    return QtBackgroundTask[T](parent, label).run(work)
