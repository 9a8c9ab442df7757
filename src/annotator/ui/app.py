"""UI: starting the GUI on a library."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__, config
from annotator.core.errors import USER_ERRORS, LibraryError
from annotator.services import Library
from annotator.services.backups import ensure_rolling_backups
from annotator.services.locating import describe_library
from annotator.services.sample import seed_sample
from annotator.ui.qt_crash import QtCrashReporter, install_crash_handlers, log
from annotator.ui.qt_i18n import install_translations
from annotator.ui.qt_main_window import QtMainWindow
from annotator.ui.qt_session import QtLibrarySession
from annotator.ui.qt_themes import apply_appearance

#: Set to 1, the window quits once it has painted, printing ``painted <time.time()>`` on stdout:
#: how ``./dev package`` checks a frozen build starts and ``./dev bench`` times a cold start.
QUIT_AFTER_PAINT_ENV = "ANNOTATOR_QUIT_AFTER_PAINT"


class _QuitAfterFirstPaint(QObject):
    """Quits the application once the window it watches has painted (see :data:`QUIT_AFTER_PAINT_ENV`)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._painted)  # after the whole window's paint, which runs in one go
        return False

    def _painted(self) -> None:
        print(f"painted {time.time():.6f}", flush=True)
        QApplication.quit()


def create_main_window(library: Library) -> QtMainWindow:
    """A main window on *library*, filled and at the last reading position (not yet shown)."""
    window = QtMainWindow(QtLibrarySession(library))  # it names its library itself, for people
    apply_appearance(window, window.settings_flow.settings)  # the theme, app-wide, and the highlight style
    window.restore_window_state()
    window.start()
    window.watcher.start()
    return window


def run_gui(database: str | None = None, paths: Sequence[str] = ()) -> int:
    """Open the library (the default one unless *database* says otherwise) in the main window.

    *paths* (``annotator PATH...``, a desktop's "Open with") are imported once the window
    shows, as File › Import does: a file already in the library is opened, not added again.
    A library that cannot be opened (damaged, a bad URL, an unreachable server) is a
    message box and exit status 1. While the window runs, an unexpected error is logged
    and shown in a dialog (:mod:`annotator.ui.qt_crash`) instead of a traceback on stderr.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Annotator")
    app.setApplicationDisplayName("Annotator")
    app.setDesktopFileName(config.APP_ID)  # Wayland links the window to its menu entry and icon
    install_translations()  # the language setting, else the system's; before any window is made
    icon = config.resource_path("annotator.svg")
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    crash_handlers = install_crash_handlers()
    try:
        return _open_and_run(app, database, paths, crash_handlers.reporter)
    finally:
        crash_handlers.uninstall()


def _open_and_run(app: QApplication, database: str | None, paths: Sequence[str], reporter: QtCrashReporter) -> int:
    try:
        # Inside the try: a malformed or unsupported URL, or a folder that does not exist,
        # is a message box like any library that cannot be opened, not a traceback.
        url, is_default = config.database_url(database)
        if is_default:
            config.ensure_data_dir()
        library = Library.open(url, check_in_background=True)  # its quick check beside the start
        if is_default:
            seed_sample(library, config.seeds_dir())
    except USER_ERRORS as exc:
        message = QCoreApplication.translate("app", "The library could not be opened.\n\n{error}").format(error=exc)
        QMessageBox.critical(None, "Annotator", message)
        return 1
    log.info("Annotator %s (Python %s, Qt %s) on %s", __version__, sys.version.split()[0], qVersion(),
             describe_library(library.url))  # fmt: skip
    backup_warning = ""
    try:
        ensure_rolling_backups(library)  # the daily and weekly backups, when due
    except LibraryError as exc:  # no backup today is worth a warning, not a refusal to work
        backup_warning = QCoreApplication.translate("app", "No backup was made: {error}").format(error=exc)
    try:
        window = create_main_window(library)
        reporter.parent_window = window
        if backup_warning:
            window.statusBar().showMessage(backup_warning, 15000)
        if os.environ.get(QUIT_AFTER_PAINT_ENV) == "1":
            quitter = _QuitAfterFirstPaint(window)
            window.installEventFilter(quitter)
        window.show()
        if paths:
            QTimer.singleShot(0, lambda: window.importer.import_paths(list(paths)))
        return app.exec()
    finally:
        library.close()
