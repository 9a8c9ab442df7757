"""Tests: the Alembic migrations, on SQLite and PostgreSQL.

The migrated schema must be exactly what the SQLModel tables declare (a model
change without a migration fails here), and a library from a newer Annotator
(a revision this version does not know) must be refused, not "upgraded".
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlmodel import SQLModel

from annotator.config import to_database_url
from annotator.services.library import Library
from annotator.storage import tables  # noqa: F401  (registers the tables on SQLModel.metadata)
from annotator.storage.backup_files import write_backup
from annotator.storage.engine import LibraryError, make_engine
from annotator.storage.migrate import (
    HEAD_REVISION,
    current_revision,
    head_revision,
    upgrade_to_head,
)

DATA = Path(__file__).resolve().parents[1] / "data"


def _unquote_default(rendered: str | None) -> str | None:
    """A server default as SQL text, without the parentheses and quotes backends add around it."""
    if rendered is None:
        return None
    value = rendered.strip()
    while value.startswith("(") and value.endswith(")"):
        value = value[1:-1].strip()
    value = re.sub(r"::[a-z ]+$", "", value)  # PostgreSQL's '...'::character varying
    if len(value) >= 2 and value[0] == value[-1] == "'":
        value = value[1:-1]
    return value


def _compare_server_default(context, inspected, metadata_col, inspected_default, metadata_default, rendered):  # type: ignore[no-untyped-def]
    # Alembic's SQLite comparison cannot strip the quotes of an empty-string default
    # ("('')" vs ''); compare the unquoted values ourselves, defer to Alembic otherwise.
    if (
        inspected_default is not None
        and rendered is not None
        and _unquote_default(inspected_default) == _unquote_default(rendered)
    ):
        return False
    return None


@pytest.fixture
def engine(database_url: str):  # type: ignore[no-untyped-def]
    engine = make_engine(database_url)
    yield engine
    engine.dispose()


def test_upgrade_creates_the_schema_and_stamps_head(engine: sa.Engine) -> None:
    assert current_revision(engine) is None
    assert sa.inspect(engine).get_table_names() == []
    assert upgrade_to_head(engine) is None  # a new library: nothing to back up
    assert current_revision(engine) == head_revision()
    assert set(sa.inspect(engine).get_table_names()) == set(SQLModel.metadata.tables) | {"alembic_version"}


# Neither backend's reflection reads expression indexes (uq_tag_sibling_name): Alembic skips
# that one index and says so; test_a_tag_name_is_unique_among_its_siblings_only checks it.
@pytest.mark.filterwarnings("ignore:.*expression-based index uq_tag_sibling_name")
@pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index")
def test_migrated_schema_matches_the_models(engine: sa.Engine) -> None:
    upgrade_to_head(engine)
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "compare_server_default": _compare_server_default}
        )
        diffs = compare_metadata(context, SQLModel.metadata)
    assert diffs == []


def test_the_head_kept_for_a_fast_open_is_alembics_head() -> None:
    """A new migration must move HEAD_REVISION too, or libraries would open unmigrated."""
    assert head_revision() == HEAD_REVISION


def _open_in_a_new_process(url: str) -> tuple[str, bool]:
    """Open and close the library at *url* in a fresh Python: the backup it made ("None" if
    none), and whether Alembic was imported."""
    code = (
        "import sys\n"
        "from annotator.services.library import Library\n"
        "with Library.open(sys.argv[1]) as library:\n"
        "    print(library.backup_made)\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code, url], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    backup, alembic_loaded = done.stdout.split()
    return backup, alembic_loaded == "True"


def test_a_library_at_head_opens_without_importing_alembic(tmp_path: Path) -> None:
    url = to_database_url(str(tmp_path / "lib.sqlite3"))
    Library.open(url).close()
    assert _open_in_a_new_process(url) == ("None", False)


def test_a_library_behind_head_is_still_backed_up_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "lib.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.executescript((DATA / "library-0004.sql").read_text(encoding="utf-8"))
    conn.close()
    backup, alembic_loaded = _open_in_a_new_process(to_database_url(str(path)))
    assert alembic_loaded
    assert Path(backup).parent == tmp_path / "backups"
    with sqlite3.connect(f"file:{backup}?mode=ro", uri=True) as copy:
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0004",)]
    copy.close()
    engine = make_engine(to_database_url(str(path)))
    try:
        assert current_revision(engine) == HEAD_REVISION
    finally:
        engine.dispose()


def test_upgrade_again_is_a_no_op(engine: sa.Engine) -> None:
    upgrade_to_head(engine)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO app_state (key, value) VALUES ('k', 'v')"))
    assert upgrade_to_head(engine) is None
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT value FROM app_state WHERE key = 'k'")).scalar() == "v"


def test_library_from_a_newer_version_is_refused(database_url: str, backend: str) -> None:
    Library.open(database_url).close()
    engine = make_engine(database_url)
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    engine.dispose()
    path = Path(sa.make_url(database_url).database) if backend == "sqlite" else None
    before = hashlib.sha256(path.read_bytes()).hexdigest() if path else None

    with pytest.raises(LibraryError, match="newer version of Annotator"):
        Library.open(database_url)

    engine = make_engine(database_url)
    try:
        assert current_revision(engine) == "9999_from_the_future"  # not touched, not "fixed"
        assert "annotation" in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()
    if path is not None:
        assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_backup_is_a_private_readable_copy(tmp_path: Path) -> None:
    folder = tmp_path / "odd %41 ?x=1 #2"  # characters that mean something in a URI
    folder.mkdir()
    with Library.open(to_database_url(str(folder / "lib.sqlite3"))) as library:
        library.set_state("marker", "before-migration")
    backup = write_backup(folder / "lib.sqlite3", "before-0002")
    assert backup.parent == folder / "backups"
    assert backup.stat().st_mode & 0o777 == 0o600
    with Library.open(to_database_url(str(backup))) as copy:
        assert copy.state("marker") == "before-migration"
        assert [t.name for t in copy.tags()] == ["claim", "evidence", "speculation"]


def test_a_tag_name_is_unique_among_its_siblings_only(engine: sa.Engine) -> None:
    """Migration 0004: "Positive" may live under two parents, but not twice under one, nor twice at the top."""
    upgrade_to_head(engine)
    insert = sa.text(
        "INSERT INTO tag (id, name, color, shortcut, sort_order, parent_id) VALUES (:id, :name, '#000000', '', 0, :parent)"
    )
    with engine.begin() as conn:
        conn.execute(
            insert, [{"id": "a", "name": "Attitude", "parent": None}, {"id": "b", "name": "Belief", "parent": None}]
        )
        conn.execute(
            insert, [{"id": "a1", "name": "Positive", "parent": "a"}, {"id": "b1", "name": "Positive", "parent": "b"}]
        )
    for duplicate in ({"id": "a2", "name": "Positive", "parent": "a"}, {"id": "t", "name": "Attitude", "parent": None}):
        with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
            conn.execute(insert, duplicate)
    with engine.connect() as conn:
        assert conn.execute(sa.text("SELECT count(*) FROM tag")).scalar() == 4
