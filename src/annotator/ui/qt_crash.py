"""UI: the window's log, and what an unexpected error shows instead of a traceback.

While the window runs, :func:`install_crash_handlers` sends Python's logging to a rotating
``annotator.log`` in :func:`annotator.config.log_dir`, points :mod:`faulthandler` at
``faults.log`` there (a hard crash of Python or Qt leaves its stack in it), and replaces
``sys.excepthook`` and ``threading.excepthook``: an exception nobody caught (in a slot, a
timer, a background thread) is logged with its traceback and shown in a :class:`QtCrashDialog`
saying what happened, where the log is, and that nothing saved is lost. Errors the user can
act on (a refused change, a file that cannot be read) never get here: they are messages of
their own. The command line keeps its one-line errors.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from annotator import config

LOG_FILENAME = "annotator.log"
FAULTS_FILENAME = "faults.log"
#: Five files of 1 MB: weeks of a normal log, and never a full disk.
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 4
#: The dialog's first line quotes this much of the error's message; the details have all of it.
SUMMARY_CHARS = 300

log = logging.getLogger("annotator")


class QtCrashDialog(QMessageBox):
    """UI: an unexpected error: what happened, that nothing saved is lost, where the details are."""

    def __init__(self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(self.tr("Annotator: something went wrong"))
        self.setAccessibleName(self.tr("Unexpected error"))
        self.setText(self.tr("Annotator ran into an unexpected error:\n{error}").format(error=summary))
        where = (
            self.tr("The details are in the log:\n{path}").format(path=log_path)
            if log_path
            else self.tr("The log could not be written.")
        )
        self.setInformativeText(
            self.tr(
                "Nothing you saved is lost: every change is saved the moment you make it. "
                "What you were doing last may not have happened; check it, then carry on or "
                "restart Annotator.\n\n{where}"
            ).format(where=where)
        )
        self.setDetailedText(details)
        self.setStandardButtons(QMessageBox.StandardButton.Ok)
        self.open_log_button = None
        if log_path is not None:
            self.open_log_button = self.addButton(self.tr("Open &log folder"), QMessageBox.ButtonRole.ActionRole)
            self.open_log_button.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_path.parent)))
            )


class QtCrashReporter(QObject):
    """UI: logs uncaught exceptions from any thread and shows them, one dialog at a time, on the GUI thread."""

    crashed = Signal(str, str)  # summary, traceback: emitted from any thread, shown on the GUI thread

    def __init__(self, parent_window: QWidget | None = None, log_path: Path | None = None) -> None:
        super().__init__()
        self.parent_window = parent_window
        self.log_path = log_path
        self.showing = False
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)

    def report(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None, where: str = ""
    ) -> None:
        details = "".join(traceback.format_exception(kind, error, trace))
        log.error("Unexpected error%s:\n%s", f" in thread {where}" if where else "", details.rstrip())
        message = str(error)
        if len(message) > SUMMARY_CHARS:
            message = message[:SUMMARY_CHARS] + "…"
        summary = f"{kind.__name__}: {message}" if message else kind.__name__
        self.crashed.emit(summary, details)

    def _show(self, summary: str, details: str) -> None:
        if self.showing:  # a burst of errors (a failing timer): the first is shown, all are logged
            return
        self.showing = True
        try:
            dialog = QtCrashDialog(summary, details, self.log_path, self.parent_window)
            dialog.exec()
            dialog.deleteLater()
        finally:
            self.showing = False


class CrashHandlers:
    """What :func:`install_crash_handlers` changed, to put back with :meth:`uninstall`."""

    def __init__(self, reporter: QtCrashReporter, handler: logging.Handler | None) -> None:
        self.reporter = reporter
        self.handler = handler
        self._excepthook = sys.excepthook
        self._threading_excepthook = threading.excepthook
        sys.excepthook = self._on_exception
        threading.excepthook = self._on_thread_exception

    def _on_exception(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt) or self.handler is None:  # with no log, stderr keeps the traceback
            self._excepthook(kind, error, trace)
        if not issubclass(kind, KeyboardInterrupt):
            self.reporter.report(kind, error, trace)

    def _on_thread_exception(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        if self.handler is None:
            self._threading_excepthook(args)
        name = args.thread.name if args.thread is not None else "?"
        self.reporter.report(args.exc_type, args.exc_value, args.exc_traceback, where=name)

    def uninstall(self) -> None:
        sys.excepthook = self._excepthook
        threading.excepthook = self._threading_excepthook
        if self.handler is not None:
            logging.getLogger().removeHandler(self.handler)
            self.handler.close()


def start_log() -> logging.Handler | None:
    """The rotating log handler, added to the root logger, and :mod:`faulthandler` writing to ``faults.log``.

    ``faults.log`` stays open for the rest of the process (faulthandler holds it): a crash
    while Python shuts Qt down is caught too. A faulthandler already on is left as it is. None when the log folder cannot be written:
    the window runs without a log.
    """
    try:
        folder = config.ensure_log_dir()
        handler: logging.Handler = RotatingFileHandler(
            folder / LOG_FILENAME, maxBytes=LOG_MAX_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logging.getLogger().addHandler(handler)  # other libraries' warnings too, Annotator's own notes from INFO
    log.setLevel(logging.INFO)
    if faulthandler.is_enabled():  # asked for already (python -X faulthandler, a test run): left as it is
        return handler
    try:
        faults = open(folder / FAULTS_FILENAME, "a", encoding="utf-8")  # noqa: SIM115
    except OSError:
        return handler
    faulthandler.enable(faults)
    return handler


def install_crash_handlers(window: QWidget | None = None) -> CrashHandlers:
    """Start the log and show uncaught exceptions in a dialog over *window* (until ``uninstall()``)."""
    handler = start_log()
    log_path = config.log_dir() / LOG_FILENAME if handler is not None else None
    return CrashHandlers(QtCrashReporter(window, log_path), handler)
