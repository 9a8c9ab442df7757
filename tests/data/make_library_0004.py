"""Tests data: build ``library-0004.sql``, a library as schema 0004 (codebook, memos, attributes,
journal) stored it.

Run from the repository root: ``.venv/bin/python tests/data/make_library_0004.py``.

The schema comes from running Alembic to revision ``0004``. The rows are those of
``library-0002.sql`` (``make_library_0002.py``: documents, a revised one with its
versions, annotations in every anchor status, a set, state rows), with what schema 0004
added: a document memo, attributes of every kind with documents' values, and journal
entries, written with plain SQL in exactly the form schema 0004 stores them, with fixed
ids and times, so the script gives the same file at any later checkout.
``tests/storage/test_upgrade_from_stored.py`` rebuilds a library from it and upgrades it
to head.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

# Run as a script, this file's folder is on sys.path: the 0001 and 0002 rows and helpers are reused as-is.
from make_library_0001 import (
    ANNOTATIONS,
    APP_STATE,
    DOCUMENTS,
    SET_MEMBERS,
    SETS,
    TAGS,
    annotation_rows,
    create_schema,
    document_rows,
    write_dump,
)
from make_library_0002 import REVISED, VERSIONS, fixed_constraint_order, revised_annotation_rows

HERE = Path(__file__).resolve().parent
TARGET = HERE / "library-0004.sql"

MEMOS = {
    "00000000-0000-4000-8000-0000000000d1": "Why it is here: prices\u00a0in \u20ac, and \U0001f600.\nSecond line.",
    "00000000-0000-4000-8000-0000000000d3": "The op-ed the study started from.",
}
ATTRIBUTES = [
    # id, name, kind, choices (JSON), sort_order
    ("00000000-0000-4000-8000-0000000000f1", "source", "text", "[]", 0),
    ("00000000-0000-4000-8000-0000000000f2", "year", "number", "[]", 1),
    ("00000000-0000-4000-8000-0000000000f3", "published", "date", "[]", 2),
    ("00000000-0000-4000-8000-0000000000f4", "genre", "choice", '["op-ed","minutes","notes \U0001f4dd"]', 3),
]  # fmt: skip
DOCUMENT_ATTRIBUTES = [
    # document, attribute, value (canonical text)
    ("00000000-0000-4000-8000-0000000000d1", "00000000-0000-4000-8000-0000000000f1", "field\tnotes, Zoe\u0308"),
    ("00000000-0000-4000-8000-0000000000d1", "00000000-0000-4000-8000-0000000000f4", "notes \U0001f4dd"),
    ("00000000-0000-4000-8000-0000000000d3", "00000000-0000-4000-8000-0000000000f2", "2022"),
    ("00000000-0000-4000-8000-0000000000d3", "00000000-0000-4000-8000-0000000000f3", "2022-01-10"),
    ("00000000-0000-4000-8000-0000000000d3", "00000000-0000-4000-8000-0000000000f4", "op-ed"),
    (REVISED[0], "00000000-0000-4000-8000-0000000000f2", "-3.5e6"),
]  # fmt: skip
JOURNAL = [
    # id, created, modified, author, title, body
    ("00000000-0000-4000-8000-0000000000b1", "2026-11-23 08:00:00.000000", "2026-11-23 08:30:00.500000", "ada",
     "Start", "Coding round one.\nThe codebook has four tags."),
    ("00000000-0000-4000-8000-0000000000b2", "2026-11-24 09:00:00.000000", "2026-11-24 09:00:00.000000", "",
     "", "\u05d4\u05e2\u05e8\u05d4 \U0001f98a"),
]  # fmt: skip


def build(path: Path, revision: str = "0004") -> None:
    """Create the library at *path* with the schema of *revision* (0004 or a later one with its tables) and fill it."""
    create_schema(path, revision)
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO tag (id, name, color, description, shortcut, sort_order, parent_id)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", TAGS)  # fmt: skip
        conn.executemany(
            "INSERT INTO document (id, title, text, sha256, metadata_json, created, memo) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(*row, MEMOS.get(row[0], "")) for row in document_rows([*DOCUMENTS, REVISED])],
        )
        conn.executemany(
            "INSERT INTO document_version VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (i, REVISED[0], version, text, hashlib.sha256(text.encode()).hexdigest(), created, note)
                for i, version, text, created, note in VERSIONS
            ],
        )  # fmt: skip
        conn.executemany(
            "INSERT INTO annotation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*row, "unchanged", None, None, None) for row in annotation_rows()]
            + revised_annotation_rows(len(ANNOTATIONS) + 1),
        )
        conn.executemany("INSERT INTO document_set VALUES (?, ?)", SETS)
        conn.executemany("INSERT INTO document_set_member VALUES (?, ?)", [*SET_MEMBERS, (SETS[0][0], REVISED[0])])
        conn.executemany("INSERT INTO app_state VALUES (?, ?)", [*APP_STATE, ("scroll:" + REVISED[0], "48")])
        conn.executemany(
            "INSERT INTO attribute (id, name, kind, choices, sort_order) VALUES (?, ?, ?, ?, ?)", ATTRIBUTES
        )
        conn.executemany(
            "INSERT INTO document_attribute (document_id, attribute_id, value) VALUES (?, ?, ?)", DOCUMENT_ATTRIBUTES
        )
        conn.executemany(
            "INSERT INTO journal_entry (id, created, modified, author, title, body) VALUES (?, ?, ?, ?, ?, ?)", JOURNAL
        )
    conn.close()


def main() -> int:
    write_dump(build, "0004", TARGET, tidy=fixed_constraint_order)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
