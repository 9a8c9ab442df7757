"""Tests data: build ``library-0002.sql``, a library as schema 0002 (revised documents) stored it.

Run from the repository root: ``.venv/bin/python tests/data/make_library_0002.py``.

The schema comes from running Alembic to revision ``0002`` (not to head). The
rows are those of ``library-0001.sql`` (imported from ``make_library_0001.py``;
their annotations "unchanged", as migration 0002 leaves them) plus a document
revised twice, all written with plain SQL in exactly the form schema 0002 stores
them, with fixed ids and times, so the script gives the same file at any later
checkout:

- its two previous texts as ``document_version`` rows (version 1 is the text as
  imported; each keeps the time and note of the revision that replaced it);
- its annotations in every anchor status: "unchanged", "moved", "fuzzy" (placed
  in the current text; ``anchor_*`` keep where a person had placed it, in
  version 1) and "orphaned" (start, end, quote, prefix and suffix point into
  version 1 or 2; ``anchor_*`` hold the same span).

These are the states ``revising.revise_document`` gave those annotations for
these texts when this file was written. The texts carry emoji, combining marks,
right-to-left text and NBSPs, so every offset counts code points. The file is a
text dump (``sqlite3.Connection.iterdump``); ``tests/storage/test_upgrade_from_stored.py``
rebuilds a library from it and upgrades it to head.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path
from typing import Any

# Run as a script, this file's folder is on sys.path: the 0001 rows and helpers are reused as-is.
from make_library_0001 import (
    ANNOTATIONS,
    APP_STATE,
    DOCUMENTS,
    SET_MEMBERS,
    SETS,
    TAGS,
    annotation_row,
    annotation_rows,
    create_schema,
    document_rows,
    span,
    write_dump,
)

HERE = Path(__file__).resolve().parent
TARGET = HERE / "library-0002.sql"

# The minutes as imported (version 1), after an erratum (version 2), and as they are now.
MINUTES_1 = (
    "Minutes of the tenants\u2019 meeting, 3\u00a0March\n"
    "Present: Zoe\u0308, Ahmed, Dvor\u030ca\u0301k, \u05d9\u05e2\u05dc \U0001f642 and the caretaker.\n"
    "The rent rises to 420\u00a0\u20ac a month from April.\n"
    "Repairs: the lift is broken again; Zoe\u0308 will call the owner \U0001f477\U0001f3fd\u200d\u2640\ufe0f.\n"
    "Next meeting: Tuesday, in room B.\n"
)
MINUTES_2 = (
    "Minutes of the tenants\u2019 meeting, 3\u00a0March\n"
    "Present: Zoe\u0308, Ahmed, Dvor\u030ca\u0301k, \u05d9\u05e2\u05dc \U0001f642 and the caretaker.\n"
    "The rent rises to 450\u00a0\u20ac a month from April.\n"
    "Repairs: the lift is broken again; Zoe\u0308 will call the owner \U0001f477\U0001f3fd\u200d\u2640\ufe0f.\n"
    "Dates of meetings are put up on the notice board.\n"
)
MINUTES = (
    "Minutes of the tenants\u2019 meeting, 3\u00a0March\n"
    "Chaired by the caretaker; minutes kept in English and Hebrew (\u05e4\u05e8\u05d5\u05d8\u05d5\u05e7\u05d5\u05dc).\n"
    "Present: Zoe\u0308, Ahmed, Dvor\u030ca\u0301k, \u05d9\u05e2\u05dc \U0001f642 and the caretaker.\n"
    "The rent rises to 450\u00a0\u20ac a month from April.\n"
    "Dates of meetings are put up on the notice board.\n"
)

REVISED = ("00000000-0000-4000-8000-0000000000d5", "Minutes \u2014 tenants\u2019 meeting", MINUTES, {"source": "minutes.txt"}, "2026-11-23 08:00:00.000000")  # fmt: skip
FIRST_REVISION = "2026-11-25 09:00:00.250000"
SECOND_REVISION = "2026-11-26 17:45:00.000000"

VERSIONS = [
    # id, version, text, created (when a revision replaced it), note (what that revision's author said)
    ("00000000-0000-4000-8000-0000000000b1", 1, MINUTES_1, FIRST_REVISION, "Erratum: the rent is 450\u00a0\u20ac, not 420\u00a0\u20ac; no date for the next meeting yet"),
    ("00000000-0000-4000-8000-0000000000b2", 2, MINUTES_2, SECOND_REVISION, "Second edition: who chaired (\u05e4\u05e8\u05d5\u05d8\u05d5\u05e7\u05d5\u05dc); the repairs item \U0001f6e0\ufe0f was struck out"),
]  # fmt: skip

REVISED_ANNOTATIONS = [
    # tag, quote, note, coder, created, modified, anchor status, version, quote there
    #   orphaned: quote (and start, end, context) are in the version's text, anchor_* the same span;
    #   fuzzy: quote is in the current text, anchor_* is the span of "quote there" in the version.
    ("a1", "Minutes of the tenants\u2019 meeting", "", "ada", "2026-11-23 08:30:00.000000", "2026-11-23 08:30:00.000000", "unchanged", None, None),
    ("a3", "\u05d9\u05e2\u05dc \U0001f642", "moved down a line by the second edition", "b\u00e9a \U0001f98a", "2026-11-23 08:31:00.000000", SECOND_REVISION, "moved", None, None),
    ("a2", "450\u00a0\u20ac a month", "420\u00a0\u20ac as imported", "ada", "2026-11-23 08:32:00.000000", SECOND_REVISION, "fuzzy", "b1", "420\u00a0\u20ac a month"),
    ("a3", "Next meeting: Tuesday, in room B.", "", "", "2026-11-23 08:33:00.000000", FIRST_REVISION, "orphaned", "b1", None),
    ("a1", "the lift is broken again", "again\u2028and again", "ada", "2026-11-23 08:34:00.000000", SECOND_REVISION, "orphaned", "b2", None),
    ("a4", "\u05e4\u05e8\u05d5\u05d8\u05d5\u05e7\u05d5\u05dc", "made after the second edition", "", "2026-11-27 12:00:00.000000", "2026-11-27 12:00:00.000000", "unchanged", None, None),
]  # fmt: skip


def revised_annotation_rows(first: int) -> list[tuple[Any, ...]]:
    """Rows of :data:`REVISED_ANNOTATIONS` (numbered from *first*), anchor columns included."""
    doc_id = REVISED[0]
    tag_ids = {t[0][-2:]: t[0] for t in TAGS}
    versions = {v[0][-2:]: (v[0], v[2]) for v in VERSIONS}
    rows = []
    for n, (tag, quote, note, coder, created, modified, status, version, quote_there) in enumerate(
        REVISED_ANNOTATIONS, first
    ):
        if status in ("unchanged", "moved"):
            row = annotation_row(n, doc_id, tag_ids[tag], MINUTES, quote, 1, note, coder, created, modified)  # fmt: skip
            rows.append((*row, status, None, None, None))
        elif status == "fuzzy":
            version_id, version_text = versions[version]
            row = annotation_row(n, doc_id, tag_ids[tag], MINUTES, quote, 1, note, coder, created, modified)  # fmt: skip
            rows.append((*row, status, version_id, *span(version_text, quote_there, 1)))
        else:
            version_id, version_text = versions[version]
            row = annotation_row(n, doc_id, tag_ids[tag], version_text, quote, 1, note, coder, created, modified)  # fmt: skip
            rows.append((*row, status, version_id, row[3], row[4]))
    return rows


def build(path: Path, revision: str = "0002") -> None:
    """Create the library at *path* with the schema of *revision* (0002 or a later one with its tables) and fill it."""
    create_schema(path, revision)
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO tag VALUES (?, ?, ?, ?, ?, ?, ?)", TAGS)
        conn.executemany("INSERT INTO document VALUES (?, ?, ?, ?, ?, ?)", document_rows([*DOCUMENTS, REVISED]))
        conn.executemany(
            "INSERT INTO document_version VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                (i, REVISED[0], version, text, hashlib.sha256(text.encode()).hexdigest(), created, note)
                for i, version, text, created, note in VERSIONS
            ],
        )  # fmt: skip
        # The columns of schema 0001, then anchor_status, anchor_version_id, anchor_start, anchor_end.
        conn.executemany(
            "INSERT INTO annotation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*row, "unchanged", None, None, None) for row in annotation_rows()]
            + revised_annotation_rows(len(ANNOTATIONS) + 1),
        )
        conn.executemany("INSERT INTO document_set VALUES (?, ?)", SETS)
        members = [*SET_MEMBERS, (SETS[0][0], REVISED[0])]
        conn.executemany("INSERT INTO document_set_member VALUES (?, ?)", members)
        conn.executemany("INSERT INTO app_state VALUES (?, ?)", [*APP_STATE, ("scroll:" + REVISED[0], "48")])
    conn.close()


# The annotation table's constraints: as schema 0001 created them, then those 0002 added.
ANNOTATION_CONSTRAINTS = (
    "pk_annotation",
    "ck_annotation_ck_annotation_span",
    "fk_annotation_document_id_document",
    "fk_annotation_tag_id_tag",
    "fk_annotation_anchor_version_id_document_version",
    "ck_annotation_anchor",
)


def fixed_constraint_order(statement: str) -> str:
    """*statement*, but if it creates the annotation table, its constraints in a fixed order.

    Migration 0002 rebuilds that table (Alembic's batch mode), copying its constraints
    in an order that changes from run to run (it iterates a set of them). SQLite gives
    the order no meaning; fixing it makes the script write the same file every time.
    """
    if not statement.startswith('CREATE TABLE "annotation" (\n'):
        return statement
    head, *body, tail = statement.split("\n")
    items = [line.removesuffix(", ") for line in body]
    columns = [item for item in items if not item.startswith("\tCONSTRAINT ")]
    constraints = items[len(columns) :]
    if sorted(c.split()[1] for c in constraints) != sorted(ANNOTATION_CONSTRAINTS) or any(
        c.startswith("\tCONSTRAINT ") for c in items[: len(columns)]
    ):
        raise ValueError(f"unexpected annotation table at schema 0002:\n{statement}")
    constraints.sort(key=lambda c: ANNOTATION_CONSTRAINTS.index(c.split()[1]))
    return "\n".join([head, ", \n".join(columns + constraints), tail])


def main() -> int:
    write_dump(build, "0002", TARGET, tidy=fixed_constraint_order)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
