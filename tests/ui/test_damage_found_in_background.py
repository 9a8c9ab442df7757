"""Tests (UI): the window opens a library before SQLite's quick check of it has run; when that check
(in the background) finds the file damaged, the window says so at once, not at the first edit."""

from __future__ import annotations

from pathlib import Path

from annotator.services import importing
from annotator.services.library import Library
from annotator.ui.app import create_main_window


def test_damage_found_in_the_background_is_said_once_in_a_dialog_and_stays_in_the_status_bar(
    qtbot, open_window, monkeypatch, messages
) -> None:  # type: ignore[no-untyped-def]
    """The check's verdict comes from a thread at any time (storage tests find real damage with it:
    tests/storage/test_sqlite_file.py); here it arrives after the window is open."""
    window = open_window()
    window.watcher.start()
    window.watcher.poll()
    assert not window.watcher.damage_note.isVisibleTo(window) and messages == []
    verdict = "/x/library.sqlite3 is damaged (page 7); nothing can be saved in it; there is no good backup"
    monkeypatch.setattr(Library, "damage_found", lambda _library: verdict)
    window.watcher.poll()
    assert window.watcher.damage_note.isVisibleTo(window) and "damaged" in window.watcher.damage_note.text()
    assert window.watcher.damage_note.toolTip() == verdict
    assert [kind for kind, _text in messages] == ["warning"] and verdict in messages[0][1]
    window.watcher.poll()
    window.watcher.poll()
    assert len(messages) == 1  # one dialog, not one a poll


def test_a_sound_library_opened_the_same_way_says_nothing(qtbot, tmp_path: Path, seed_file: Path, messages) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "sound.sqlite3"
    with Library.open(f"sqlite:///{path}") as library:
        importing.import_paths(library, [seed_file])
    library = Library.open(f"sqlite:///{path}", check_in_background=True)
    try:
        window = create_main_window(library)
        qtbot.addWidget(window)
        library.set_state("k", "v")  # a write waits for the check: it has run once this returns
        window.watcher.start()
        window.watcher.poll()
        assert not window.watcher.damage_note.isVisibleTo(window) and messages == []
    finally:
        window.watcher.stop()
        library.close()
