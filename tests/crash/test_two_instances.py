"""Tests: two programs (or two windows) editing one library at once lose nothing.

Each edit is its own transaction on its own row, so there is no "save the
whole file" for a second program to overwrite; on SQLite a unit of work takes
the write lock first (``BEGIN IMMEDIATE``) and waits its turn under the busy
timeout, so two edits of *different fields of the same annotation* both land
too. A window learns of the other program's edits by polling
:class:`ChangeWatcher` (``PRAGMA data_version`` on SQLite) and refreshing.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.services import annotating, importing
from annotator.services.library import Library
from annotator.storage.engine import BUSY_TIMEOUT_ENV
from annotator.storage.watch import ChangeWatcher, last_change_marker
from tests.crash.harness import DOCUMENT, REPO_ROOT

STEPS = 15


@pytest.fixture
def document_file(tmp_path: Path) -> Path:
    path = tmp_path / "doc.txt"
    path.write_text(DOCUMENT, encoding="utf-8")
    return path


def test_two_libraries_on_one_database_keep_each_others_edits(database_url: str, document_file: Path) -> None:
    with Library.open(database_url) as one, Library.open(database_url) as two:
        doc_id = importing.import_paths(one, [document_file]).documents[0].id
        claim, evidence = one.tag_named("claim").id, one.tag_named("evidence").id
        created = annotating.create_annotation(one, document_id=doc_id, tag_id=claim, start=0, end=5)
        aid = created.annotations_created[0].id
        assert [a.id for a in two.annotations(doc_id)] == [aid]  # the other sees it at once
        annotating.set_note(two, annotation_id=aid, note="from two")
        annotating.retag_annotation(one, annotation_id=aid, tag_id=evidence)  # one has not refreshed
        for library in (one, two):
            [annotation] = library.annotations(doc_id)
            assert (annotation.note, annotation.tag_id) == ("from two", evidence)


def heard(watcher: ChangeWatcher, within_s: float = 5.0) -> bool:
    """Whether *watcher* hears of a commit just made, asking as a window's polls would.

    PostgreSQL's notification reaches the watcher a moment after the commit (a
    poll reads what has arrived, never waiting for the server), so not always at
    the very next call; SQLite's data_version moves at once.
    """
    deadline = time.monotonic() + within_s
    while not watcher.changed():
        if time.monotonic() > deadline:
            return False
        time.sleep(0.005)
    return True


def test_a_watcher_hears_of_every_commit_and_only_then(database_url: str, document_file: Path) -> None:
    with Library.open(database_url) as one, Library.open(database_url) as two:
        doc_id = importing.import_paths(one, [document_file]).documents[0].id
        claim = one.tag_named("claim").id
        with ChangeWatcher(one.engine) as watcher:
            assert not watcher.changed()
            one.annotations(doc_id)  # reading is not a change
            assert not watcher.changed()
            aid = annotating.create_annotation(two, document_id=doc_id, tag_id=claim, start=0, end=5)
            assert heard(watcher)
            assert not watcher.changed()  # once per change
            annotating.set_note(two, annotation_id=aid.annotations_created[0].id, note="n")
            assert heard(watcher)
            annotating.delete_annotation(two, annotation_id=aid.annotations_created[0].id)
            assert heard(watcher)
            assert not watcher.changed()


def test_the_change_marker_moves_with_each_kind_of_edit(database_url: str, document_file: Path) -> None:
    with Library.open(database_url) as library:
        seen = [last_change_marker(library.engine)]
        doc_id = importing.import_paths(library, [document_file]).documents[0].id
        seen.append(last_change_marker(library.engine))
        claim, evidence = library.tag_named("claim").id, library.tag_named("evidence").id
        aid = annotating.create_annotation(library, document_id=doc_id, tag_id=claim, start=0, end=5)
        annotation = aid.annotations_created[0]
        seen.append(last_change_marker(library.engine))
        annotating.retag_annotation(library, annotation_id=annotation.id, tag_id=evidence)
        seen.append(last_change_marker(library.engine))
        deleted = annotating.delete_annotation(library, annotation_id=annotation.id).annotations_deleted[0]
        seen.append(last_change_marker(library.engine))
        annotating.restore_annotation(library, annotation=deleted)
        seen.append(last_change_marker(library.engine))
        # Each edit moves the marker on (a delete undone returns it to where it was: so does the content).
        assert all(before != after for before, after in itertools.pairwise(seen)), seen
        assert seen[-1] == seen[-3]
        assert last_change_marker(library.engine) == seen[-1]  # nothing changed: same marker


def _writer(url: str, doc_id: str, name: str) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    # SQLite's lock is not fair: one writer may run many commits while the other sleeps in
    # its busy handler. This test is about edits landing, not latency, so give it time.
    env[BUSY_TIMEOUT_ENV] = "60000"
    return subprocess.Popen(
        [sys.executable, "-m", "tests.crash.worker", "writer", url, doc_id, name, str(STEPS)],
        cwd=REPO_ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def test_two_processes_editing_at_once_lose_nothing(tmp_path: Path, document_file: Path) -> None:
    url = f"sqlite:///{tmp_path / 'shared.sqlite3'}"
    with Library.open(url) as library:
        doc_id = importing.import_paths(library, [document_file]).documents[0].id
        tags = [t.id for t in library.tags()]
        for i in range(STEPS):  # the annotations both processes edit, each its own field
            annotating.create_annotation(
                library, document_id=doc_id, tag_id=tags[0], start=i, end=i + 3, annotation_id=f"shared-{i}"
            )
    writers = {name: _writer(url, doc_id, name) for name in ("left", "right")}
    try:
        for proc in writers.values():  # both open, then both go at once
            assert proc.stdout is not None
            line = proc.stdout.readline()
            assert json.loads(line or "{}").get("ev") == "ready", proc.stderr.read() if proc.stderr else line
        for proc in writers.values():
            assert proc.stdin is not None
            proc.stdin.write("go\n")
            proc.stdin.flush()
        for name, proc in writers.items():
            out, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, f"{name} failed:\n{err}"
            assert out.splitlines()[-1] == '{"ev":"done"}'
    finally:
        for proc in writers.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()

    with Library.open(url) as library:
        with library.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        annotations = {a.id: a for a in library.annotations(doc_id)}
    for name in ("left", "right"):
        for i in range(STEPS):
            mine = annotations[f"{name}-{i}"]
            assert (mine.note, mine.tag_id, mine.coder) == (f"{name} note {i}", tags[1], name)
    for i in range(STEPS):  # left's note and right's tag, neither overwriting the other
        shared = annotations[f"shared-{i}"]
        assert (shared.note, shared.tag_id) == (f"left wrote {i}", tags[2])
    assert len(annotations) == 3 * STEPS
    order = [a.coder for a in sorted(annotations.values(), key=lambda a: a.created) if a.coder]
    switches = sum(1 for x, y in itertools.pairwise(order) if x != y)
    print(f"\ntwo processes: {2 * STEPS * 4} edits, all landed; creations switched writer {switches} times")
