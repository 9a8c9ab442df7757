"""Tests data: build ``library-0003.sql``, a library as schema 0003 (change notifications) stored it.

Run from the repository root: ``.venv/bin/python tests/data/make_library_0003.py``.

Schema 0003 added an index (and, on PostgreSQL only, notification triggers) and
no table or column, so its rows are exactly those of ``library-0002.sql``
(``make_library_0002.py``), stored under the schema Alembic builds at revision
``0003``. ``tests/storage/test_upgrade_from_stored.py`` rebuilds a library from
it and upgrades it to head.
"""

from __future__ import annotations

from pathlib import Path

# Run as a script, this file's folder is on sys.path: the 0002 rows and helpers are reused as-is.
from make_library_0001 import write_dump
from make_library_0002 import build, fixed_constraint_order

HERE = Path(__file__).resolve().parent
TARGET = HERE / "library-0003.sql"


def main() -> int:
    write_dump(lambda path: build(path, "0003"), "0003", TARGET, tidy=fixed_constraint_order)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
