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

:class:`QtWorker` is the same off-thread work for a view that stays usable meanwhile (a
dock's table: the window is not blocked, the view shows its own progress bar and Cancel):
the work's progress and its outcome come back as signals on the GUI thread, and a new run
(or Cancel) drops whatever an older run still sends.

Services open their own units of work, so the worker uses its own database connection
(SQLite's from a thread-safe pool; a unit of work started on the worker thread takes the
write lock itself).
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from annotator.core.errors import USER_ERRORS
from annotator.services.progress import Cancelled, Progress

T = TypeVar("T")

#: How often the dialog shows the worker's progress and looks whether it has finished.
POLL_MS = 30
#: How often (seconds) a :class:`QtWorker` reports progress: live, without a signal per document.
PROGRESS_SECONDS = 0.05


class QtBackgroundTask(Generic[T]):
    """UI: runs ``work(progress)`` on a worker thread while a window-modal progress dialog with
    Cancel shows; :meth:`run` returns its result or raises what it raised."""

    def __init__(self, parent: QWidget, label: str) -> None:
        cancel_text = QCoreApplication.translate("QtBackgroundTask", "Cancel")
        self.dialog = QProgressDialog(label, cancel_text, 0, 0, parent)
        self.dialog.setWindowTitle("Annotator")
        self.dialog.setAccessibleName(label)
        cancel = QPushButton(cancel_text, self.dialog)
        cancel_what = QCoreApplication.translate("QtBackgroundTask", "Cancel {task}")
        cancel.setAccessibleName(cancel_what.format(task=label.rstrip("…").lower()))
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


class QtWorker(QObject):
    """UI: runs ``work(progress)`` on a thread of its own while the window stays usable.

    ``progressed(done, total)``, then one of ``finished(result)``, ``failed(message)`` (a user
    error's one line) or ``cancelled()`` arrive on the GUI thread. :meth:`start` cancels a run
    still going; :meth:`cancel` makes the next progress call answer False (the service raises
    :class:`~annotator.services.progress.Cancelled`) and drops what that run still sends."""

    progressed = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    _news = Signal(int, str, object)  # run, what, payload: from the worker thread, queued

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._run = 0  # the latest run; news of older runs is dropped
        self._cancel: threading.Event | None = None
        self._thread: threading.Thread | None = None
        self._news.connect(self._on_news)

    @property
    def running(self) -> bool:
        return self._thread is not None

    def start(self, work: Callable[[Progress], object], name: str = "annotator-view") -> None:
        """Run *work* on a new thread (a run still going is cancelled first)."""
        self.cancel()
        self._run += 1
        run, cancel, news = self._run, threading.Event(), self._news
        reported = [0.0]

        def progress(done: int, total: int) -> bool:
            now = time.monotonic()
            if done == total or now - reported[0] >= PROGRESS_SECONDS:
                reported[0] = now
                news.emit(run, "progress", (done, total))
            return not cancel.is_set()

        def target() -> None:
            what, payload = "done", None
            try:
                payload = work(progress)
            except Cancelled:
                what = "cancelled"
            except USER_ERRORS as exc:
                what, payload = "failed", str(exc)
            except Exception as exc:  # a thread's exception would reach no one; the view says it
                what, payload = "failed", self.tr("it failed: {error}").format(error=exc)
            with contextlib.suppress(RuntimeError):  # the window went away (its objects deleted) meanwhile
                news.emit(run, what, payload)

        self._cancel = cancel
        self._thread = threading.Thread(target=target, name=name, daemon=True)
        self._thread.start()

    def cancel(self) -> bool:
        """Stop the run going on, if any; True if there was one (it sends nothing more)."""
        if self._cancel is not None:
            self._cancel.set()
        was = self._thread is not None
        if was:
            self._run += 1
        self._thread, self._cancel = None, None
        return was

    def stop(self, timeout: float = 5) -> None:
        """Cancel a run and wait for its thread (the window closes)."""
        thread = self._thread
        self.cancel()
        if thread is not None:
            thread.join(timeout=timeout)

    def _on_news(self, run: int, what: str, payload: object) -> None:
        if run != self._run or self._thread is None:
            return  # an older run, cancelled or superseded
        if what == "progress":
            done, total = cast(tuple[int, int], payload)
            self.progressed.emit(done, total)
            return
        self._thread, self._cancel = None, None
        if what == "done":
            self.finished.emit(payload)
        elif what == "failed":
            self.failed.emit(str(payload).splitlines()[0] if payload else self.tr("it failed"))
        else:
            self.cancelled.emit()
