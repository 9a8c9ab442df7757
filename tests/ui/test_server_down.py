"""Tests (UI): a window whose library cannot be reached while it polls for other programs' changes.

A server that stops, or stops answering, must not freeze the window nor stack
up "Not saved" dialogs every poll: nothing was being saved. The status bar says
once that the library cannot be reached, and again when it can; then the window
shows what changed meanwhile.
"""

from __future__ import annotations

from annotator.services import Library, annotating, watching
from annotator.storage.engine import LibraryError
from annotator.ui.qt_main_window import QtMainWindow
from tests.ui.conftest import stored_annotations

TEXT = "The minister said the reform would pass. Critics called it a gamble.\n"


def _unreachable(*_args: object, **_kwargs: object) -> object:
    raise LibraryError("could not connect to the server: Connection refused")


def _note(window: QtMainWindow) -> str | None:
    """What the status bar says of the library's connection (None: nothing, it can be reached)."""
    note = window.watcher.connection_note
    return note.text() if note.isVisibleTo(window) else None


def test_a_library_that_cannot_be_reached_while_polling_is_one_status_note_not_a_dialog(
    open_window, import_text, library_path, monkeypatch, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    window.session.tag_span(window.session.tags[0].id, 4, 12)
    [annotation] = stored_annotations(library_path, doc_id)
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
    with Library.open(f"sqlite:///{library_path}") as other:  # meanwhile another program's note
        annotating.set_note(other, annotation_id=annotation.id, note="theirs")
    window.watcher.poll()
    assert status() == "Connected to the library again; showing what changed meanwhile."
    assert _note(window) is None
    assert window.session.annotations[annotation.id].note == "theirs"
    assert messages == []


def test_a_poll_that_could_not_show_a_change_shows_it_at_the_next_poll(
    open_window, import_text, library_path, monkeypatch, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    window.session.tag_span(window.session.tags[0].id, 4, 12)
    [annotation] = stored_annotations(library_path, doc_id)
    window.watcher.poll()  # the window's own commit, seen
    with Library.open(f"sqlite:///{library_path}") as other:
        annotating.set_note(other, annotation_id=annotation.id, note="theirs")
    with monkeypatch.context() as down:  # the watcher hears of the commit; reading what changed fails
        down.setattr(watching, "document_delta", _unreachable)
        window.watcher.poll()
    assert messages == [] and "Cannot reach the library" in (_note(window) or "")
    assert window.session.annotations[annotation.id].note == ""
    window.watcher.poll()  # the watcher has nothing new to say; the change is shown all the same
    assert window.session.annotations[annotation.id].note == "theirs"
    assert window.statusBar().currentMessage() == "Connected to the library again; showing what changed meanwhile."
