"""Tests data: build ``library-0001.sql``, a library as schema 0001 (Annotator 0.1) stored it.

Run from the repository root: ``.venv/bin/python tests/data/make_library_0001.py``.

The schema comes from running Alembic to revision ``0001`` (not to head), and the
rows are written with plain SQL in exactly the form Annotator 0.1 wrote them
(naive UTC timestamps as text, 32-code-point prefix/suffix, compact JSON
metadata), with fixed ids and times, so the script gives the same file at any
later checkout. The file is a text dump (``sqlite3.Connection.iterdump``): the
repository holds no binary databases. ``tests/storage/test_upgrade_from_stored.py``
rebuilds a library from it and upgrades it to head. ``make_library_0002.py``
stores the same rows again, at schema 0002, with the helpers below.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from alembic import command

from annotator.storage.engine import make_engine
from annotator.storage.migrate import alembic_config

HERE = Path(__file__).resolve().parent
TARGET = HERE / "library-0001.sql"
CONTEXT = 32

TAGS = [
    # id, name, color, description, shortcut, sort_order, parent_id
    ("00000000-0000-4000-8000-0000000000a1", "claim", "#f4a261", "An assertion the author wants the reader to accept.", "1", 0, None),
    ("00000000-0000-4000-8000-0000000000a2", "evidence", "#2a9d8f", "Facts, data, quotations or sources offered in support of a claim.", "2", 1, None),
    ("00000000-0000-4000-8000-0000000000a3", "speculation", "#9b5de5", "A guess, prediction or possibility the author does not establish.", "3", 2, None),
    ("00000000-0000-4000-8000-0000000000a4", "strong claim \U0001f4aa", "#e76f51", "A claim stated as certain; a child of claim.", "", 3, "00000000-0000-4000-8000-0000000000a1"),
]  # fmt: skip

FIELD_NOTES = (
    "Field notes\n"
    "Cafe\u0301 \U0001f600 costs\u00a05\u00a0\u20ac, said the \U0001f44d\U0001f3fd owner.\n"
    "\u05e9\u05dc\u05d5\u05dd means peace\u2028and e\u0301 is two code points.\n"
    "The end \U0001f600.\n"
)
RTL = (
    "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 \u2014 Hello 123 "
    "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd\n\n"
    "\u200fMixed: \u05d4\u05de\u05d7\u05d9\u05e8 \u05d4\u05d5\u05d0 42\u00a0\u20aa \u05dc\u05d9\u05d7\u05d9\u05d3\u05d4.\u200f\n"
    "Tabs\there, a flag \U0001f1eb\U0001f1f7 and a family \U0001f468\u200d\U0001f469\u200d\U0001f467.\n"
)
ARTICLE = (
    "Opinion: The implosion of Kazakhstan was unexpected\n\n"
    "\u201cWe need time to understand better what happened in Kazakhstan, and why\u201d, writes "
    "Benyamin Poghosyan in this op-ed.\n\n"
    "The beginning of 2022 surprised many. While experts and pundits were busy discussing the possible "
    "outcome of the Russia \u2013 US and Russia - NATO negotiations, Kazakhstan imploded.\n"
)
EMPTY_OF_ANNOTATIONS = "A document nobody has annotated yet.\n\nIt has two paragraphs,\u00a0and an NBSP.\n"

DOCUMENTS = [
    # id, title, text, metadata, created
    ("00000000-0000-4000-8000-0000000000d1", "Field notes", FIELD_NOTES, {"source": "notes.txt", "encoding": "utf-8"}, "2026-11-20 09:15:00.125000"),
    ("00000000-0000-4000-8000-0000000000d2", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", RTL, {}, "2026-11-20 09:16:30.000000"),
    ("00000000-0000-4000-8000-0000000000d3", "Opinion: The implosion of Kazakhstan", ARTICLE, {"source": "op-ed.md", "lang": "en"}, "2026-11-21 18:00:00.999000"),
    ("00000000-0000-4000-8000-0000000000d4", "Not yet annotated", EMPTY_OF_ANNOTATIONS, {}, "2026-11-22 07:00:00.000000"),
]  # fmt: skip

ANNOTATIONS = [
    # id, document, tag, quote, occurrence, note, coder, created, modified
    ("d1", "a1", "Cafe\u0301 \U0001f600", 1, "", "ada", "2026-11-20 10:00:00.001000", "2026-11-20 10:00:00.001000"),
    ("d1", "a2", "5\u00a0\u20ac", 1, "price, with NBSPs", "ada", "2026-11-20 10:01:00.000000", "2026-11-20 10:05:00.000000"),
    ("d1", "a3", "\U0001f44d\U0001f3fd owner", 1, "it's \"the\" owner;\nsecond line", "", "2026-11-20 10:02:00.000000", "2026-11-20 10:02:00.000000"),
    ("d1", "a1", "peace\u2028and", 1, "", "b\u00e9a \U0001f98a", "2026-11-20 10:03:00.000000", "2026-11-20 10:03:00.000000"),
    ("d1", "a3", "\U0001f600", 2, "", "", "2026-11-20 10:04:00.000000", "2026-11-20 10:04:00.000000"),
    ("d2", "a2", "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645", 1, "", "", "2026-11-20 11:00:00.000000", "2026-11-20 11:00:00.000000"),
    ("d2", "a1", "42\u00a0\u20aa", 1, "\u05de\u05d7\u05d9\u05e8", "", "2026-11-20 11:01:00.000000", "2026-11-20 11:01:00.000000"),
    ("d2", "a4", "\U0001f468\u200d\U0001f469\u200d\U0001f467", 1, "", "", "2026-11-20 11:02:00.000000", "2026-11-20 11:02:00.000000"),
    ("d3", "a1", "Kazakhstan imploded", 1, "the thesis", "ada", "2026-11-21 18:10:00.000000", "2026-11-21 18:10:00.000000"),
    ("d3", "a2", "\u201cWe need time to understand better what happened in Kazakhstan, and why\u201d", 1, "", "", "2026-11-21 18:11:00.000000", "2026-11-21 18:11:00.000000"),
    ("d3", "a3", "Kazakhstan", 2, "", "", "2026-11-21 18:12:00.000000", "2026-11-21 18:12:00.000000"),
    ("d3", "a2", "Poghosyan in this op-ed.\n\nThe beginning of 2022", 1, "spans a paragraph break", "", "2026-11-21 18:13:00.000000", "2026-11-21 18:13:00.000000"),
    ("d3", "a1", "Kazakhstan", 1, "overlaps nothing", "ada", "2026-11-21 18:14:00.000000", "2026-11-21 18:14:00.000000"),
]  # fmt: skip


SETS = [
    # id, name
    ("00000000-0000-4000-8000-0000000000e1", "reading list \u2014 week 1"),
]
SET_MEMBERS = [
    # set, document
    ("00000000-0000-4000-8000-0000000000e1", "00000000-0000-4000-8000-0000000000d1"),
    ("00000000-0000-4000-8000-0000000000e1", "00000000-0000-4000-8000-0000000000d4"),
]
APP_STATE = [
    # key, value
    ("sample_seeded", "1"),
    ("last_document", "00000000-0000-4000-8000-0000000000d3"),
    ("scroll:00000000-0000-4000-8000-0000000000d3", "120"),
]


def span(text: str, quote: str, occurrence: int) -> tuple[int, int]:
    """Offsets (code points) of the *occurrence*-th (from 1) *quote* in *text*."""
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def annotation_row(
    n: int, doc_id: str, tag_id: str, text: str, quote: str, occurrence: int,
    note: str, coder: str, created: str, modified: str,
) -> tuple[Any, ...]:  # fmt: skip
    """A row as schema 0001 stores it: the span of *quote* in *text*, 32 code points around."""
    start, end = span(text, quote, occurrence)
    prefix, suffix = text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    return (f"00000000-0000-4000-8000-{n:012d}", doc_id, tag_id, start, end, quote, prefix, suffix,
            note, coder, created, modified)  # fmt: skip


def document_rows(documents: Sequence[tuple[Any, ...]] = DOCUMENTS) -> list[tuple[Any, ...]]:
    """Rows of *documents* as schema 0001 stores them (SHA-256, compact JSON metadata)."""
    return [
        (i, title, text, hashlib.sha256(text.encode()).hexdigest(), json.dumps(meta, ensure_ascii=False, separators=(",", ":")), created)
        for i, title, text, meta, created in documents
    ]  # fmt: skip


def annotation_rows() -> list[tuple[Any, ...]]:
    """The rows of :data:`ANNOTATIONS`, numbered from 1."""
    texts = {d[0][-2:]: d[2] for d in DOCUMENTS}
    doc_ids = {d[0][-2:]: d[0] for d in DOCUMENTS}
    tag_ids = {t[0][-2:]: t[0] for t in TAGS}
    return [
        annotation_row(n, doc_ids[doc], tag_ids[tag], texts[doc], quote, occurrence, note, coder, created, modified)
        for n, (doc, tag, quote, occurrence, note, coder, created, modified) in enumerate(ANNOTATIONS, 1)
    ]  # fmt: skip


def create_schema(path: Path, revision: str) -> None:
    """An empty library at *path*, its schema made by running Alembic to *revision*."""
    engine = make_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
    engine.dispose()


def build(path: Path) -> None:
    """Create the schema-0001 library at *path* and fill it."""
    create_schema(path, "0001")
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany("INSERT INTO tag VALUES (?, ?, ?, ?, ?, ?, ?)", TAGS)
        conn.executemany("INSERT INTO document VALUES (?, ?, ?, ?, ?, ?)", document_rows())
        conn.executemany("INSERT INTO annotation VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", annotation_rows())
        conn.executemany("INSERT INTO document_set VALUES (?, ?)", SETS)
        conn.executemany("INSERT INTO document_set_member VALUES (?, ?)", SET_MEMBERS)
        conn.executemany("INSERT INTO app_state VALUES (?, ?)", APP_STATE)
    conn.close()


def write_dump(
    build: Callable[[Path], None],
    revision: str,
    target: Path,
    tidy: Callable[[str], str] = lambda statement: statement,
) -> None:
    """Build a library with *build* in a scratch file and write its text dump to *target*.

    *tidy* may rewrite each statement of the dump (without changing what it means).
    """
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"library-{revision}.sqlite3"
        build(path)
        conn = sqlite3.connect(path)
        try:
            dump = "\n".join(map(tidy, conn.iterdump())) + "\n"
        finally:
            conn.close()
    header = (
        f"-- An Annotator library at schema {revision}, as a text dump (sqlite3 iterdump).\n"
        f"-- Made by tests/data/make_library_{revision}.py; upgraded to head by\n"
        "-- tests/storage/test_upgrade_from_stored.py. Do not edit by hand.\n"
    )
    target.write_text(header + dump, encoding="utf-8", newline="\n")
    print(f"wrote {target} ({target.stat().st_size:,} bytes)", file=sys.stderr)


def main() -> int:
    write_dump(build, "0001", TARGET)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
