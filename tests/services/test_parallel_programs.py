"""Tests: several `annotator` processes started at the same moment on one library.

Real processes, on SQLite and on PostgreSQL. Each imports the services first,
then waits for a common start time, so their database work overlaps as closely
as the machine allows: the first use of a library that does not exist yet must
create and migrate it once (no "busy", no "relation already exists"), and one
text imported by six programs at once must become one document.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from annotator.formats.base import ImportBundle, ImportedDocument
from annotator.services import importing
from annotator.services.library import Library
from tests.conftest import REPO_ROOT

# Imports the CLI (the slow part), sleeps until START, then runs `annotator ARGS...`.
_CLI_AT = (
    "import sys, time\n"
    "from annotator.cli import main\n"
    "time.sleep(max(0.0, float(sys.argv[1]) - time.time()))\n"
    "sys.exit(main(sys.argv[2:]))\n"
)
# Opens the library URL and reads PATH, sleeps until START, then persists it (what `annotator
# import` does), printing the document id: the imports' transactions overlap, not their set-up.
_PERSIST_AT = (
    "import sys, time\n"
    "from annotator.services import importing\n"
    "from annotator.services.library import Library\n"
    "library = Library.open(sys.argv[2])\n"
    "bundle = importing.read_file(sys.argv[3])\n"
    "time.sleep(max(0.0, float(sys.argv[1]) - time.time()))\n"
    "print(importing.persist(library, [bundle]).documents[0].id)\n"
    "library.close()\n"
)


def run_together(
    count: int, args: list[str], cwd: Path, script: str = _CLI_AT
) -> list[subprocess.CompletedProcess[str]]:
    """Run *script* with ARGS (default: `annotator ARGS`) in *count* processes that start their
    work at one moment."""
    start = time.time() + 5.0  # time enough for every process to import Annotator first
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(start), *args],
            cwd=cwd,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(count)
    ]
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(proc.args, proc.returncode, out, err))
    return results


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("One text, imported by many programs at once.\n\nIt must be stored once.\n", encoding="utf-8")
    return path


def _url_of_a_library_not_made_yet(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return f"sqlite:///{tmp_path / 'new-library.sqlite3'}"  # the file does not exist
    return request.getfixturevalue("database_url")  # an empty database: no tables, no schema


def test_parallel_first_use_of_a_new_library_creates_it_once(
    backend: str, tmp_path: Path, article: Path, request: pytest.FixtureRequest
) -> None:
    url = _url_of_a_library_not_made_yet(backend, tmp_path, request)
    results = run_together(8, ["--database", url, "import", str(article)], tmp_path)
    failures = [r.stderr for r in results if r.returncode != 0]
    assert failures == []
    with Library.open(url) as library:
        assert [t.name for t in library.tags()] == ["claim", "evidence", "speculation"]
        [document] = library.documents()
    assert {r.stdout.split("\t")[0] for r in results} == {document.id}


def test_one_text_imported_by_six_programs_at_once_is_stored_once(database_url: str, tmp_path: Path) -> None:
    Library.open(database_url).close()  # the library exists; only the imports race
    # Long enough (2 MB) that each import is still writing when the others look for its text.
    article = tmp_path / "long.txt"
    article.write_text("A paragraph of a long report, imported six times at once.\n\n" * 35_000, encoding="utf-8")
    results = run_together(6, [database_url, str(article)], tmp_path, _PERSIST_AT)
    assert [r.stderr for r in results if r.returncode != 0] == []
    with Library.open(database_url) as library:
        [document] = library.documents()
    assert {r.stdout.strip() for r in results} == {document.id}


def test_one_span_tagged_by_six_programs_at_once_is_stored_once(database_url: str, tmp_path: Path) -> None:
    """Each looks for the same annotation and finds none before any has inserted it, unless the
    look and the insert are one turn (SQLite: BEGIN IMMEDIATE; PostgreSQL: an advisory lock)."""
    with Library.open(database_url) as library:
        [row] = importing.persist(
            library, [ImportBundle([ImportedDocument("Notes", "The cat sat on the mat.\n")])]
        ).documents
    argv = ["--database", database_url, "annotate", row.id, "--tag", "claim", "--quote", "cat sat"]
    results = run_together(6, argv, tmp_path)
    assert sorted(r.returncode for r in results) == [0, 1, 1, 1, 1, 1], [r.stderr for r in results]
    [kept] = [r.stdout.strip() for r in results if r.returncode == 0]
    for refused in (r for r in results if r.returncode == 1):
        assert (
            refused.stderr
            == f"annotator: error: the span 4..11 is already tagged 'claim': annotation {kept}; nothing was saved\n"
        )
    with Library.open(database_url) as library:
        assert [a.id for a in library.annotations(row.id)] == [kept]


def test_parallel_first_use_of_an_old_library_migrates_and_backs_it_up_once(tmp_path: Path, article: Path) -> None:
    from annotator.storage.backup_files import BEFORE_MIGRATION, backups_of
    from tests.storage.test_upgrade_from_stored import DATA, rebuild

    path = tmp_path / "old.sqlite3"
    rebuild(DATA / "library-0001.sql", path)  # a library as schema 0001 stored it
    results = run_together(6, ["--database", str(path), "import", str(article)], tmp_path)
    assert [r.stderr for r in results if r.returncode != 0] == []
    assert [b.kind for b in backups_of(path)].count(BEFORE_MIGRATION) == 1


def test_a_library_open_here_is_never_read_as_a_plain_file_so_no_commit_is_lost(tmp_path: Path) -> None:
    """Found by an attack: importing the open library's own file (refused as binary) had read and
    closed it, which dropped this process's SQLite locks on it (POSIX locks are per process); another
    program's later commits were then overwritten. Opening the library a second time did the same."""
    from annotator.core.errors import FormatError
    from annotator.services import codebook

    path = tmp_path / "lib.sqlite3"
    url = f"sqlite:///{path}"
    library = Library.open(url)
    try:
        codebook.create_tag(library, name="first")
        wal = path.with_name(path.name + "-wal")
        assert wal.exists()
        for target in (path, wal):
            with pytest.raises(FormatError, match="it is a library open in Annotator"):
                importing.read_file(target)
        Library.open(url).close()  # a second window of this process, opened and closed
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")])),
        }
        for i in range(3):  # another program commits, then this one does
            done = subprocess.run(
                [sys.executable, "-m", "annotator", "--database", str(path), "tags", "add", f"theirs {i}"],
                env=env, capture_output=True, text=True, timeout=120, check=False,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
            codebook.create_tag(library, name=f"mine {i}")
    finally:
        library.close()
    with Library.open(url) as again:
        names = {t.name for t in again.tags()}
    assert {f"theirs {i}" for i in range(3)} | {f"mine {i}" for i in range(3)} <= names
