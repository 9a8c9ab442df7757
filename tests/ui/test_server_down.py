"""Tests (UI): a window whose library cannot be reached while it polls for other programs' changes.

A server that stops, or stops answering, must not freeze the window nor stack
up "Not saved" dialogs every poll: nothing was being saved. The status bar says
once that the library cannot be reached, and again when it can; then the window
shows what changed meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from annotator.core.model import Annotation
from annotator.services import Library, annotating, importing, watching
from annotator.storage.engine import LibraryError
from annotator.ui.app import create_main_window
from annotator.ui.qt_main_window import QtMainWindow
from tests._pg import PostgresServer, start_server
from tests.ui.conftest import wait_letting_threads_run

TEXT = "The minister said the reform would pass. Critics called it a gamble.\n"


def _unreachable(*_args: object, **_kwargs: object) -> object:
    raise LibraryError("could not connect to the server: Connection refused")


def _note(window: QtMainWindow) -> str | None:
    """What the status bar says of the library's connection (None: nothing, it can be reached)."""
    note = window.watcher.connection_note
    return note.text() if note.isVisibleTo(window) else None


def _their_note(library_path, annotation_id: str) -> None:
    """Another program sets an annotation's note."""
    with Library.open(f"sqlite:///{library_path}") as other:
        annotating.set_note(other, annotation_id=annotation_id, note="theirs")


@pytest.fixture
def tagged(open_window, import_text) -> tuple[QtMainWindow, Annotation]:
    """A window on a SQLite library, with one annotation it made; (window, annotation)."""
    import_text(TEXT)
    window = open_window()
    window.session.tag_span(window.session.tags[0].id, 4, 12)
    [annotation] = window.session.annotations.values()
    return window, annotation


def test_a_library_that_cannot_be_reached_while_polling_is_one_status_note_not_a_dialog(
    tagged, library_path, monkeypatch, messages
) -> None:
    window, annotation = tagged
    status = window.statusBar().currentMessage
    with monkeypatch.context() as down:  # the watcher's connection and the library's, both lost
        down.setattr(window.watcher._watcher, "changed", _unreachable)
        down.setattr(window.session.library, "tags", _unreachable)
        for _ in range(3):
            window.watcher.poll()
        assert messages == []
        assert (
            _note(window) == "Cannot reach the library: could not connect to the server: Connection refused; retrying"
        )
        assert "Not saved" not in status()
    _their_note(library_path, annotation.id)  # meanwhile
    window.watcher.poll()
    assert status() == "Connected to the library again; showing what changed meanwhile."
    assert _note(window) is None
    assert window.session.annotations[annotation.id].note == "theirs"
    assert messages == []


def test_a_poll_that_could_not_show_a_change_shows_it_at_the_next_poll(
    tagged, library_path, monkeypatch, messages
) -> None:
    window, annotation = tagged
    window.watcher.poll()  # the window's own commit, seen
    _their_note(library_path, annotation.id)
    with monkeypatch.context() as down:  # the watcher hears of the commit; reading what changed fails
        down.setattr(watching, "document_delta", _unreachable)
        window.watcher.poll()
    assert messages == [] and "Cannot reach the library" in (_note(window) or "")
    assert window.session.annotations[annotation.id].note == ""
    window.watcher.poll()  # the watcher has nothing new to say; the change is shown all the same
    assert window.session.annotations[annotation.id].note == "theirs"
    assert window.statusBar().currentMessage() == "Connected to the library again; showing what changed meanwhile."


# -- a real PostgreSQL server that stops, or stops answering ---------------------------------------

#: How long a test may leave the server stopped at the most: a watchdog process continues it then,
#: even if the test process is killed.
WATCHDOG_S = 20
#: How long polls of a server that does not answer may take at the most (they should not wait at all).
QUICK_S = 1.0


@pytest.fixture(scope="module")
def own_server() -> Iterator[PostgresServer]:
    """A PostgreSQL server of these tests' own: they stop it, which the other tests' server must not suffer."""
    server = start_server()
    try:
        yield server
    finally:
        _continue(_server_pids(server))  # a stopped server would not stop
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


def _server_pids(server: PostgresServer) -> list[int]:
    """The server's processes: the postmaster (its pid file's first line) and its children."""
    try:
        postmaster = int((server.data_dir / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return []
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()  # after "pid (command)"
        except (OSError, IndexError):
            continue  # gone meanwhile
        if int(fields[1]) == postmaster:
            children.append(int(stat.parent.name))
    return [postmaster, *children]


def _continue(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


@contextlib.contextmanager
def stopped(server: PostgresServer) -> Iterator[None]:
    """The server stops answering (SIGSTOP: connections stay open, nothing replies) until the block ends.

    Always continued: when the block ends however it ends, and by a watchdog
    process after :data:`WATCHDOG_S` even if this process dies first.
    """
    pids = _server_pids(server)
    assert pids, "the server is not running"
    watchdog = subprocess.Popen(
        ["sh", "-c", f"sleep {WATCHDOG_S}; kill -CONT {' '.join(map(str, pids))}"], start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):  # a backend that was ending
                os.kill(pid, signal.SIGSTOP)
        yield
    finally:
        _continue(pids)
        os.killpg(watchdog.pid, signal.SIGKILL)
        watchdog.wait()


@pytest.fixture
def server_window(own_server: PostgresServer, qtbot) -> Iterator[tuple[QtMainWindow, str, str]]:
    """A window on a new library on :func:`own_server` with one document; (window, url, document id)."""
    url = own_server.create_database()
    with Library.open(url) as library:
        doc_id = importing.persist(library, [importing.text_bundle(TEXT, title="Reform")]).documents[0].id
    library = Library.open(url)
    window = create_main_window(library)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        yield window, url, doc_id
    finally:
        window.close()
        library.close()
        with contextlib.suppress(Exception):  # the server may be down after a failed test
            own_server.drop_database(url)


def _another_programs_annotation_is_shown(qtbot, window: QtMainWindow, url: str, doc_id: str) -> None:
    """Another program annotates; the window's polls show it (within a bound: reconnecting takes a moment)."""
    with Library.open(url) as other:
        tag_id = other.tag_named("claim").id
        theirs = annotating.annotate_quote(other, document_id=doc_id, tag_id=tag_id, quote="Critics")
    [annotation] = theirs.annotations_created

    def shown() -> bool:
        window.watcher.poll()
        return annotation.id in window.session.annotations

    if not wait_letting_threads_run(shown, timeout_s=45):  # takes well under a second; a bound for load
        raise AssertionError(f"not shown; {_watching(window)}")


def _watching(window: QtMainWindow) -> str:
    """What the window's watcher was doing, for a failing test to say."""
    watcher = window.watcher
    source = getattr(watcher._watcher, "_source", None)
    attempt = getattr(source, "_reconnecting", None)
    detail = attempt.exception() if attempt is not None and attempt.done() else attempt
    note = watcher.connection_note
    return (
        f"note {note.text()!r} (visible {note.isVisible()}, to the window {note.isVisibleTo(window)}); "
        f"window visible {window.isVisible()}; status bar visible {window.statusBar().isVisible()}; "
        f"watcher {watcher._watcher!r} behind {watcher._behind}; source {vars(source) if source else None}; "
        f"{detail!r}"
    )


def _polls(window: QtMainWindow, times: int = 3) -> float:
    """Poll *times*, as the window's timer would; how long it took in all (seconds)."""
    started = time.monotonic()
    for _ in range(times):
        window.watcher.poll()
    return time.monotonic() - started


@pytest.mark.postgres
def test_polling_a_server_that_stopped_answering_does_not_freeze_the_window(
    server_window, own_server, messages
) -> None:
    window, _url, _doc_id = server_window
    with stopped(own_server):
        took = _polls(window)
    assert took < QUICK_S  # it waited for the server until the watchdog continued it
    assert messages == [] and _note(window) is None  # an idle server is not a lost one


@pytest.mark.postgres
def test_a_lost_connection_to_a_server_that_stopped_answering_is_reopened_in_the_background(
    server_window, own_server, qtbot, messages
) -> None:
    window, url, doc_id = server_window
    listener = window.watcher._watcher._source._conn
    with own_server._admin() as admin:  # the server drops the window's listening connection
        # (and the test waits until its process has ended, its last words sent)
        admin.execute("SELECT pg_terminate_backend(%s, 10000)", [listener.info.backend_pid])
    status = window.statusBar().currentMessage
    with stopped(own_server):
        took = _polls(window) + _polls(window)  # the loss is noticed, and a new connection waits for the server
        assert "Cannot reach the library" in (_note(window) or "")
    assert took < QUICK_S
    _another_programs_annotation_is_shown(qtbot, window, url, doc_id)
    assert status() == "Connected to the library again; showing what changed meanwhile."
    assert messages == []


@pytest.mark.postgres
def test_a_server_that_stops_and_starts_again_is_one_status_note_then_the_changes(
    server_window, own_server, qtbot, messages
) -> None:
    window, url, doc_id = server_window
    status = window.statusBar().currentMessage
    stopped = own_server.stop("fast")  # as an administrator stops it: connections are closed, commits kept
    try:
        assert stopped.returncode == 0, stopped.stderr

        def noted() -> bool:  # polls, as the window's timer makes them while the server is down
            window.watcher.poll()
            return _note(window) is not None

        assert wait_letting_threads_run(noted, timeout_s=20), _watching(window)  # the second poll; a bound for load
        assert messages == []  # not "Not saved": nothing was being saved
        note = _note(window) or ""
        assert note.startswith("Cannot reach the library: ") and note.endswith("; retrying")
        for _ in range(3):  # more polls while it is down: still one note, no dialog
            window.watcher.poll()
        assert _note(window) == note and messages == []
    finally:
        assert own_server.start().returncode == 0
    _another_programs_annotation_is_shown(qtbot, window, url, doc_id)
    assert status() == "Connected to the library again; showing what changed meanwhile."
    window.session.tag_span(window.session.tags[0].id, 4, 12)  # and it saves again
    assert len(window.session.annotations) == 2 and messages == []
