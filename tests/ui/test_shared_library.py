"""Tests (UI): a window on a library that other programs change while it is open.

On SQLite and on PostgreSQL, with real `annotator` processes where the point is
another program: the command line revises the open document, annotates it
while the window tags too, and a second window edits a note. The window must
show every foreign commit at its next poll (its own saves must not hide one
made just before them), and an edit made on what it showed before it knew is
refused with a message, never stored against an old text or over their edit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from annotator.services import Library, importing
from annotator.ui.app import create_main_window
from annotator.ui.qt_main_window import QtMainWindow
from tests.conftest import REPO_ROOT

TEXT = "The minister said the reform would pass. Critics called it a gamble.\n"
REVISED = "On Monday the minister said the reform would pass. Critics called it a gamble.\n"


def annotator(url: str, *args: str) -> str:
    """Run the real `annotator` command on *url*; returns its stdout (fails the test on an error)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--database", url, *args],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture
def shared(database_url: str, tmp_path: Path) -> tuple[str, str]:
    """A library on this test's backend with one document; (url, document id)."""
    with Library.open(database_url) as library:
        doc_id = importing.persist(library, [importing.text_bundle(TEXT, title="Reform")]).documents[0].id
    return database_url, doc_id


@pytest.fixture
def window_on(qtbot) -> Iterator[Callable[[str], QtMainWindow]]:
    """A factory of shown windows, each on its own open library at a URL."""
    libraries: list[Library] = []
    windows: list[QtMainWindow] = []

    def make(url: str) -> QtMainWindow:
        library = Library.open(url)
        libraries.append(library)
        window = create_main_window(library)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()  # stops its watcher before its library closes
    for library in libraries:
        library.close()


def stored(url: str, doc_id: str) -> tuple[str, list]:
    with Library.open(url) as library:
        return library.document(doc_id).text, library.annotations(doc_id)


def test_tagging_a_text_the_command_line_revised_meanwhile_is_refused_and_the_view_refreshed(
    shared, window_on, messages
) -> None:
    url, doc_id = shared
    window = window_on(url)
    start = TEXT.index("the reform")
    annotator(url, "revise", doc_id, _write(url, REVISED))  # before the window's next poll
    window.pane.select_span(start, start + len("the reform"))
    window.apply_tag(window.session.tags[0].id)

    text, annotations = stored(url, doc_id)
    assert annotations == []  # nothing stored against the old text
    assert any("revised in another program" in text for _kind, text in messages)
    assert window.session.document is not None and window.session.document.text == REVISED == text
    # Tagging the same words in the text now shown works, at their new offsets.
    new_start = REVISED.index("the reform")
    window.pane.select_span(new_start, new_start + len("the reform"))
    window.apply_tag(window.session.tags[0].id)
    [annotation] = stored(url, doc_id)[1]
    assert (annotation.start, annotation.quote) == (new_start, "the reform")


def _write(url: str, text: str) -> str:
    path = Path(os.environ["ANNOTATOR_DATA_DIR"]).parent / "revised.txt"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_commit_made_just_before_the_windows_own_save_is_shown(shared, window_on) -> None:
    url, doc_id = shared
    window = window_on(url)
    theirs = annotator(url, "annotate", doc_id, "--tag", "evidence", "--quote", "Critics").strip()
    window.session.tag_span(window.session.tags[0].id, 0, 3)  # the window saves, then polls
    window.watcher.poll()
    assert theirs in window.session.annotations
    assert window.annotations_model.row_of(theirs) >= 0
    assert window.pane.highlighter.index.get(theirs) is not None


def test_every_annotation_another_program_makes_while_the_window_tags_is_shown(
    database_url: str, window_on, qtbot
) -> None:
    words = [f"w{i:03d}" for i in range(240)]
    with Library.open(database_url) as library:
        bundle = importing.text_bundle(" ".join(words) + "\n", title="Words")
        doc_id = importing.persist(library, [bundle]).documents[0].id
    window = window_on(database_url)
    theirs, mine = words[::2], words[1::2]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    script = (
        "import sys, time\n"
        "from annotator.services import annotating\n"
        "from annotator.services.library import Library\n"
        "with Library.open(sys.argv[1]) as library:\n"
        "    tag = library.tag_named('evidence').id\n"
        "    print('ready', flush=True)\n"
        "    for word in sys.argv[3:]:\n"
        "        annotating.annotate_quote(library, document_id=sys.argv[2], tag_id=tag, quote=word)\n"
        "        time.sleep(0.01)\n"
    )
    writer = subprocess.Popen(
        [sys.executable, "-c", script, database_url, doc_id, *theirs], cwd=REPO_ROOT, env=env,
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
    text = window.session.document.text
    for word in mine:  # the window's own saves and polls, between theirs
        start = text.index(word)
        window.session.tag_span(window.session.tags[0].id, start, start + len(word))
        window.watcher.poll()
        qtbot.wait(3)
    assert writer.wait(timeout=120) == 0
    window.watcher.poll()
    _text, annotations = stored(database_url, doc_id)
    assert len(annotations) == len(words)
    assert set(window.session.annotations) == {a.id for a in annotations}
    assert window.annotations_model.rowCount() == len(words)


def test_a_note_edited_in_a_window_that_has_not_seen_another_windows_note_is_refused(
    shared, window_on, messages
) -> None:
    url, doc_id = shared
    first = window_on(url)
    first.session.tag_span(first.session.tags[0].id, 4, 12)
    [shown] = first.session.annotations.values()
    second = window_on(url)
    second.session.set_note(shown.id, "the second window's note")

    first.session.set_note(shown.id, "the first window's note")  # it still shows no note
    [annotation] = stored(url, doc_id)[1]
    assert annotation.note == "the second window's note"
    assert any("changed this annotation" in text for _kind, text in messages)
    assert first.session.annotations[shown.id].note == "the second window's note"  # refreshed
    assert first.inspector.annotation_id in (None, shown.id)
    # Now that it shows their note, an edit goes through.
    first.session.set_note(shown.id, "agreed")
    assert stored(url, doc_id)[1][0].note == "agreed"
