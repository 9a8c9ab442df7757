"""Storage: bringing a library's schema to head with Alembic, on open.

A SQLite library that needs migrating is first copied with SQLite's online
backup API into ``backups/`` beside it (a ``before-migration`` backup, see
:mod:`annotator.storage.backup_files`). A library stamped with a revision this
version of Annotator does not know (made by a newer version) is refused.

Alembic is imported only when a library needs migrating: importing it (with
Mako and Pygments) and reading every migration script took about a tenth of a
second of each start. A library already at :data:`HEAD_REVISION`, read from
``alembic_version`` with plain SQL, is left alone without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.engine import Connection, Engine

from annotator.storage import locks
from annotator.storage.backup_files import BEFORE_MIGRATION, make_backup
from annotator.storage.engine import BEGIN_IMMEDIATE, LibraryError, sqlite_file
from annotator.storage.inspection import stored_revisions

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
#: The newest migration's revision: a new migration changes it too (a test compares it with
#: Alembic's head), so opening a library at head needs no Alembic.
HEAD_REVISION = "0005"


def alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    """The head as Alembic finds it in the migration scripts (:data:`HEAD_REVISION` should agree)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _known(script: ScriptDirectory, revision: str) -> bool:
    # An exact match: get_revision() raises CommandError (not ResolutionError) for an
    # unknown id in current Alembic, and would accept a unique prefix such as "0".
    return any(r.revision == revision for r in script.walk_revisions())


def is_known_revision(revision: str) -> bool:
    """Whether *revision* is one of this version's migrations (not from a newer Annotator)."""
    from alembic.script import ScriptDirectory

    return _known(ScriptDirectory.from_config(alembic_config()), revision)


def upgrade_to_head(engine: Engine) -> str | None:
    """Migrate the library to head. Returns the backup made first, if any."""
    with engine.connect() as conn:
        if stored_revisions(conn) == [HEAD_REVISION]:  # the common case: a plain read, no lock, no Alembic
            return None
    from alembic.script import ScriptDirectory

    config = alembic_config()
    script = ScriptDirectory.from_config(config)
    head = script.get_current_head()
    # Several programs may open a new or old library at once (eight `annotator import`s in
    # parallel): the first migrates, the others wait and then find it at head. SQLite:
    # BEGIN IMMEDIATE waits for the write lock before Alembic reads the version (a deferred
    # BEGIN that read first would fail "busy" at once when it came to write); PostgreSQL: an
    # advisory lock, since its DDL does not block a concurrent CREATE TABLE of the same name.
    # The revision is read again under the lock, and the backup made there too: only the
    # program that migrates backs up, and its backup holds the schema it is about to change.
    path = sqlite_file(engine.url)
    with migrating(engine) as conn:
        backup = _upgrade_locked(conn, script, config, head, path)
    return backup


def _upgrade_locked(
    conn: Connection, script: ScriptDirectory, config: Config, head: str | None, path: Path | None
) -> str | None:
    """Migrate inside the write transaction of *conn*; the backup made first, if any."""
    from alembic import command
    from alembic.runtime.migration import MigrationContext

    locks.hold(conn, locks.SCHEMA)
    current = MigrationContext.configure(conn).get_current_revision()
    if current == head:
        return None
    if current is not None and not _known(script, current):
        raise LibraryError(
            f"this library was made by a newer version of Annotator (schema {current}); update Annotator to open it"
        )
    backup = None
    if current is not None and path is not None:
        # SQLite's backup API reads through its own connection: WAL lets it read while this
        # transaction holds the write lock, and nothing has been written yet.
        backup = str(make_backup(path, BEFORE_MIGRATION))
    config.attributes["connection"] = conn
    command.upgrade(config, "head")
    return backup


@contextmanager
def migrating(engine: Engine) -> Iterator[Connection]:
    """A connection in a write transaction fit to run migrations in, committed on leaving.

    SQLite: a migration that rebuilds a table others refer to (batch mode: copy, drop,
    rename) must run with foreign keys off, which only takes effect outside a
    transaction (Alembic's "Dealing with Referencing Tables"). Every reference is
    checked before the commit instead (a broken one rolls the whole migration back),
    and the keys are switched back on before the connection goes back to the pool.
    The transaction starts with ``BEGIN IMMEDIATE``: it waits for the write lock
    before Alembic reads the version.
    """
    sqlite = sqlite_file(engine.url) is not None
    with engine.connect() as conn:
        driver = conn.connection.driver_connection if sqlite else None
        if driver is not None:
            driver.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.execution_options(**{BEGIN_IMMEDIATE: True}).begin():
                yield conn
                if driver is not None:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise LibraryError(
                            f"migrating the library would break {len(broken)} reference(s) between rows; "
                            "nothing was changed"
                        )
        finally:
            if driver is not None:
                driver.execute("PRAGMA foreign_keys = ON")
