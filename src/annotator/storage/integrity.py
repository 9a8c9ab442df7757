"""Storage: SQLite's quick check of an open library, off the window's start, with writes held until it passed.

``PRAGMA quick_check`` reads every page of the file: a few milliseconds for a
small library, seconds for a large one on a slow disk. Opening a library for the
window therefore reads only the header and the schema at once (a file that is not
a database, or another program's, is refused then, as before) and leaves the
quick check to a thread of its own, started once the library is open.

A damaged file must still be found before anything is written to it. Every write
goes through a ``BEGIN IMMEDIATE`` transaction (a unit of work, a migration;
see :mod:`annotator.storage.engine`), so :meth:`QuickCheck.guard` makes each such
``BEGIN`` first wait for the check's verdict, and refuses the write with a
:class:`LibraryError` (nothing saved, the newest good backup named) if the check
found damage. Reading meanwhile is harmless: SQLite reports what it cannot read.
"""

from __future__ import annotations

import threading
from pathlib import Path

import sqlalchemy as sa

from annotator.storage.backup_files import backup_hint
from annotator.storage.engine import BEGIN_IMMEDIATE, LibraryError
from annotator.storage.inspection import inspect_file


class QuickCheck:
    """Storage: the quick check of the SQLite library at *path*, run once, in a thread or when first needed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._stop = threading.Event()
        self._lock = threading.Lock()  # the check runs once, in whichever thread first asks
        self._thread: threading.Thread | None = None
        self._problem: str | None = None
        self._done = False

    def start(self) -> None:
        """Run the check in a thread of its own, unless it has run already."""
        if self._thread is None and not self._done:
            self._thread = threading.Thread(target=self._run, name="annotator-quick-check", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        with self._lock:
            if self._done:
                return
            found = inspect_file(self.path, cancelled=self._stop.is_set)
            if found.check and found.check[0] != "ok":
                self._problem = f"damaged ({found.check[0]})"
            elif found.damage is not None or (found.unreadable is not None and not self._stop.is_set()):
                self._problem = f"damaged and cannot be read ({found.damage or found.unreadable})"
            self._done = not self._stop.is_set()  # an interrupted check said nothing

    def problem(self) -> str | None:
        """What the check found, once it has run without waiting for it: None while it runs or if all is well."""
        if not self._done or self._problem is None:
            return None
        return f"{self.path} is {self._problem}; nothing can be saved in it{backup_hint(self.path)}"

    def verdict(self) -> None:
        """Wait for the check (running it here if no thread has); :class:`LibraryError` if it found damage."""
        self._run()  # waits for a running thread's check (the lock), or runs it
        if not self._done:
            raise LibraryError(f"{self.path} is closed; nothing was saved")
        if self._problem is not None:
            raise LibraryError(f"{self.path} is {self._problem}; nothing was saved{backup_hint(self.path)}")

    def guard(self, engine: sa.Engine) -> None:
        """Make every write transaction of *engine* wait for the verdict first (see above)."""
        sa.event.listen(engine, "begin", self._before_begin, insert=True)

    def _before_begin(self, conn: sa.Connection) -> None:
        if conn.get_execution_options().get(BEGIN_IMMEDIATE, False):
            self.verdict()

    def stop(self) -> None:
        """Interrupt a running check and wait for its thread (the library is being closed)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
