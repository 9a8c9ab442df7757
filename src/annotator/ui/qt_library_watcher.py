"""UI: the library as other programs and backups change it: change polling, File › Backups…, restore.

Another program may change the library at any moment (a second window, the
command line, a colleague on a shared PostgreSQL library). The watcher polls a
:class:`~annotator.services.watching.ChangeWatcher`, which hears of every
commit, this window's own included, and then has the session compare the
library with what it shows (:meth:`QtLibrarySession.refresh`): which commits
were others' is found by comparing, never assumed.

A library that cannot be reached while polling (a server gone away) is one
note in the status bar (:attr:`QtLibraryWatcher.connection_note`), not a
dialog: nothing was being saved. It stays while the library cannot be reached,
whatever other messages come and go; polling goes on, and says when the library
can be reached again.

Restoring a backup replaces the library under the window: polling stops, the
service restores and reopens it, the session works on the reopened library and
every view reads it again, and polling starts again on it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox

from annotator.services.backups import library_file, restore_library
from annotator.services.watching import ChangeWatcher, watch
from annotator.ui.qt_backups_dialog import QtBackupsDialog
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

#: How often the library is asked whether anything was committed (SQLite's data_version, PostgreSQL's notifications).
POLL_MS = 1500
#: How much of why the library cannot be reached the status bar shows (all of it on hover).
REASON_CHARS = 90


class QtLibraryWatcher(QObject):
    """UI: polls the library for commits, and runs File › Backups… and restoring a backup."""

    def __init__(self, window: QMainWindow, session: QtLibrarySession, *, before_restore: Callable[[], None]) -> None:
        """*before_restore* is called before the library is replaced (the window saves the reading position)."""
        super().__init__(window)
        self._window = window
        self._session = session
        self._before_restore = before_restore
        self._watcher: ChangeWatcher | None = None
        self._behind = False  # the last poll could not show what changed: the next one tries again
        #: Shown in the status bar while the library cannot be reached.
        self.connection_note = QLabel(window)
        self.connection_note.setAccessibleName(self.tr("Library connection"))
        self.connection_note.setVisible(False)
        window.statusBar().addPermanentWidget(self.connection_note)
        #: Shown in the status bar once the check of the library file in the background found damage.
        self.damage_note = QLabel(window)
        self.damage_note.setAccessibleName(self.tr("Library file damaged"))
        self.damage_note.setVisible(False)
        window.statusBar().addPermanentWidget(self.damage_note)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    def _status(self, message: str, timeout: int) -> None:
        self._window.statusBar().showMessage(message, timeout)

    def start(self) -> None:
        """Poll for commits to this library and show what other programs changed."""
        self._behind = False
        self.connection_note.setVisible(False)
        if self._session.library.damage_found() is None:  # a restored library; the same damaged one stays said
            self.damage_note.setVisible(False)
        try:
            self._watcher = watch(self._session.library)
        except USER_ERRORS as exc:
            self._watcher = None
            self._status(
                self.tr("Changes made by other programs will not show until reopened: {error}").format(error=exc), 8000
            )
            return
        self._timer.start()

    def stop(self) -> None:
        """Stop polling (before the library closes)."""
        self._timer.stop()
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def poll(self) -> None:
        """Someone committed (another window, the CLI, a colleague, or this window): show what changed.

        Every commit counts, this window's own too: which of them were others' is
        found by comparing the library with what is shown, not assumed. If the
        library cannot be reached, the status bar says so once, and a later poll
        that reaches it shows what changed meanwhile.
        """
        watcher = self._watcher
        if watcher is None:
            return
        if not self.damage_note.isVisibleTo(self._window):
            self._say_if_damaged()
        try:
            # After a failure the watcher answers "changed" (it may have missed commits).
            if not watcher.changed() and not self._behind:
                return
            self._behind = True
            shown = self._session.refresh()
        except USER_ERRORS as exc:
            self._show_unreachable(str(exc))
            return
        self._behind = False
        if self.connection_note.isVisibleTo(self._window):
            self.connection_note.setVisible(False)
            again = (
                self.tr("Connected to the library again; showing what changed meanwhile.")
                if shown
                else self.tr("Connected to the library again.")
            )
            self._status(again, 8000)
        elif shown:
            self._status(self.tr("Updated with changes made in another window or program."), 5000)

    def _say_if_damaged(self) -> None:
        """The window opens a library before SQLite's quick check of it has run (it runs in the
        background; every write waits for it): say at once, and for as long as the window shows
        it, if the check found the file damaged, rather than at the first edit it refuses."""
        damage = self._session.library.damage_found()
        if damage is None:
            return
        self.damage_note.setText(self.tr("The library file is damaged: nothing can be saved (File › Backups…)"))
        self.damage_note.setToolTip(damage)
        self.damage_note.setVisible(True)
        QMessageBox.warning(
            self._window,
            self.tr("The library file is damaged"),
            self.tr(
                "Annotator checked the library file and found it damaged. What it shows can still be read and "
                "exported, but nothing can be saved in it. File › Backups… restores a good copy.\n\n{details}"
            ).format(details=damage),
        )

    def _show_unreachable(self, reason: str) -> None:
        if self.connection_note.isVisibleTo(self._window):
            return  # said already: one note, not one a poll
        first_line = reason.splitlines()[0] if reason else self.tr("no answer")
        if len(first_line) > REASON_CHARS:
            first_line = first_line[: REASON_CHARS - 1] + "…"
        self.connection_note.setText(self.tr("Cannot reach the library: {reason}; retrying").format(reason=first_line))
        self.connection_note.setToolTip(reason)
        self.connection_note.setVisible(True)

    def show_backups(self) -> None:
        """File › Backups…: the library's backups, one made now, and restoring one."""
        if library_file(self._session.library) is None:
            QMessageBox.information(
                self._window, self.tr("Backups"),
                self.tr("This library is on a database server; back it up with the server's tools (pg_dump)."),
            )  # fmt: skip
            return
        dialog = QtBackupsDialog(self._session.library, self._window)
        dialog.restoreRequested.connect(self.restore_backup)
        dialog.exec()

    def restore_backup(self, backup_path: str) -> bool:
        """Replace the library with a backup; every view then shows the restored library."""
        if library_file(self._session.library) is None:
            return False
        self._before_restore()
        self.stop()
        try:
            result = restore_library(self._session.library, backup_path)
        except USER_ERRORS as exc:  # a server library, or one that could not be opened again
            QMessageBox.warning(
                self._window,
                self.tr("Restore failed"),
                self.tr("The library was left as it was: {error}").format(error=exc),
            )
            self.start()
            return False
        self._session.replace_library(result.library, result.changes)
        self.start()
        if not result.restored:
            QMessageBox.warning(
                self._window,
                self.tr("Restore failed"),
                self.tr("The library was left as it was: {error}").format(error=result.problem),
            )
            return False
        self._status(self.tr("Restored the backup {name}").format(name=Path(backup_path).name), 8000)
        return True
