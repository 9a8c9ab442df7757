"""Tests: fixtures shared by the whole suite.

- Every test runs with its own data and log folders (``ANNOTATOR_DATA_DIR`` and
  ``ANNOTATOR_LOG_DIR`` under ``tmp_path``), no ``ANNOTATOR_DATABASE_URL`` and the repository's seeds, so no
  test ever reads or writes the developer's real library.
- ``library`` is an open, empty library, once on SQLite and once on PostgreSQL
  (a fresh database on a server the suite starts itself; see ``tests/_pg.py``),
  copied from a database migrated once per session rather than migrated per test.
- The locale is C.UTF-8 (``LC_ALL``, ``LANG``, ``LANGUAGE``), so no test speaks the developer's language.
- With ``ANNOTATOR_TESTS_WITHOUT_QT=1`` (how ``./dev test`` runs every test outside
  ``tests/ui``), PySide6 cannot be imported at all: the core, storage, formats,
  services and CLI must work on a machine without Qt.
- With ``ANNOTATOR_TEST_TALLY=FILE``, the run's outcome counts are appended to FILE,
  so ``./dev test`` can sum its two runs into one closing line (once per run, also
  under pytest-xdist, whose workers each have their own PostgreSQL server).
"""

from __future__ import annotations

import os
import sys

# The C locale (UTF-8), whatever the developer's: before Qt reads it, so a window a test starts
# with the system's language (``run_gui``) speaks English, and numbers and dates read the same.
os.environ.update(dict.fromkeys(("LC_ALL", "LANG", "LANGUAGE"), "C.UTF-8"))

if os.environ.get("ANNOTATOR_TESTS_WITHOUT_QT") == "1":
    import importlib.abc

    class _NoQt(importlib.abc.MetaPathFinder):
        """Makes Qt unimportable, as on a machine without it."""

        def find_spec(self, fullname, path, target=None):  # type: ignore[no-untyped-def]
            if fullname.split(".")[0] in ("PySide6", "shiboken6"):
                raise ModuleNotFoundError(f"No module named {fullname!r} (Qt is blocked for this run)")
            return None

    assert not any(m.split(".")[0] in ("PySide6", "shiboken6") for m in sys.modules), "Qt was loaded first"
    sys.meta_path.insert(0, _NoQt())

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from pathlib import Path

import pytest

# CI explores the same examples on every run (a red run is then reproducible, not luck);
# local runs keep exploring new ones, which is how the fuzzers find bugs.
from hypothesis import settings as _hypothesis_settings

from annotator.services.library import Library
from tests._pg import PostgresServer, start_server

_hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    _hypothesis_settings.load_profile("ci")

# Qt never looks for a screen in tests (a test that wants one sets QT_QPA_PLATFORM itself).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "seeds"
SEED_FILE = SEEDS_DIR / "kazakhstan-implosion-op-ed.txt"

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def pytest_terminal_summary(terminalreporter, config) -> None:  # type: ignore[no-untyped-def]
    tally = os.environ.get("ANNOTATOR_TEST_TALLY")
    # Under pytest-xdist only the controller writes: it holds every worker's reports.
    if tally and not hasattr(config, "workerinput"):
        counts = {k: len(terminalreporter.stats.get(k, [])) for k in ("passed", "failed", "error", "skipped")}
        with open(tally, "a", encoding="utf-8") as out:
            out.write(" ".join(f"{k}={v}" for k, v in counts.items()) + "\n")


@pytest.fixture(autouse=True)
def _isolated_user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every place Annotator keeps data at this test's temporary folder."""
    data_dir = tmp_path / "annotator-data"
    monkeypatch.setenv("ANNOTATOR_DATA_DIR", str(data_dir))
    monkeypatch.delenv("ANNOTATOR_DATABASE_URL", raising=False)
    monkeypatch.setenv("ANNOTATOR_SEEDS_DIR", str(SEEDS_DIR))
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "annotator-logs"))
    return data_dir


@pytest.fixture
def data_dir(_isolated_user_data: Path) -> Path:
    """The (not yet created) folder this test's default library lives in."""
    return _isolated_user_data


@pytest.fixture(scope="session")
def seed_file() -> Path:
    """The sample article shipped in ``seeds/``."""
    return SEED_FILE


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The sample article as Annotator stores it (decoded and normalised)."""
    from annotator.core.text import decode_bytes

    return decode_bytes(SEED_FILE.read_bytes()).text


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A private PostgreSQL server for the session (skipped without one; failed under CI)."""
    server = start_server()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.root, ignore_errors=True)


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The storage backend a test runs on: "sqlite" or "postgres"."""
    return request.param


def _migrate(url: str) -> None:
    from annotator.storage.engine import make_engine
    from annotator.storage.migrate import upgrade_to_head

    engine = make_engine(url)
    try:
        upgrade_to_head(engine)
    finally:
        engine.dispose()


@pytest.fixture(scope="session")
def migrated_sqlite(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite database at the current schema with no rows, migrated once for the session.

    Running every migration costs about a tenth of a second (more on PostgreSQL); libraries
    that are not about migrating start from a copy of this instead. The migrations are
    tested where they are the point (``tests/storage``) and wherever a test opens a path.
    """
    path = tmp_path_factory.mktemp("migrated") / "template.sqlite3"
    _migrate(f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def migrated_postgres(postgres_server: PostgresServer) -> str:
    """The name of a PostgreSQL database at the current schema with no rows: a template to copy."""
    url = postgres_server.create_database()
    _migrate(url)
    return url.rsplit("/", 1)[1]


@pytest.fixture
def new_database_url(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Callable[..., str]]:
    """A factory of URLs of fresh databases on this test's backend: empty, or with
    ``migrated=True`` already at the current schema (a copy of a session's template, no rows)."""
    made: list[str] = []
    server: PostgresServer | None = request.getfixturevalue("postgres_server") if backend == "postgres" else None

    def make(*, migrated: bool = False) -> str:
        if server is None:
            path = tmp_path / f"library-{len(made)}.sqlite3"
            if migrated:
                template = request.getfixturevalue("migrated_sqlite")
                with closing(sqlite3.connect(template)) as source, closing(sqlite3.connect(path)) as target:
                    source.backup(target)
            url = f"sqlite:///{path}"
        elif migrated:
            url = server.create_database(template=request.getfixturevalue("migrated_postgres"))
        else:
            url = server.create_database()
        made.append(url)
        return url

    yield make
    if server is not None:
        for url in made:
            server.drop_database(url)


@pytest.fixture
def database_url(new_database_url: Callable[[], str]) -> str:
    """The URL of one fresh, empty database on this test's backend."""
    return new_database_url()


@pytest.fixture
def open_library(new_database_url: Callable[..., str]) -> Iterator[Callable[[], Library]]:
    """A factory of freshly opened libraries on this test's backend, closed after the test.

    Each starts from the migrated template, so :meth:`Library.open` finds it at head and only
    adds the default tags (with ids of its own), as it does for a library it has just migrated."""
    opened: list[Library] = []

    def make() -> Library:
        opened.append(Library.open(new_database_url(migrated=True)))
        return opened[-1]

    yield make
    for lib in opened:
        lib.close()


@pytest.fixture
def library(open_library: Callable[[], Library]) -> Library:
    """An open, empty library (default tags only), on SQLite and on PostgreSQL."""
    return open_library()
