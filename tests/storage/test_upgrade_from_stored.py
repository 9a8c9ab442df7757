"""Tests: libraries stored by every released schema version upgrade to head intact.

``tests/data/library-<revision>.sql`` holds a library as that schema version
stored it, as a text dump (the repository holds no binary databases; see
``tests/data/make_library_<revision>.py``). Each is rebuilt into a SQLite file and
opened with :meth:`Library.open`, which backs it up and upgrades it to head;
every document and annotation (and tag, set, state row, and from schema 0002 on
every previous version of a revised text) must come through unchanged, compared
with the dump read on its own, both through the services and column by column:
annotations keep their anchor states, orphans stay out of the placed annotations
and point into the version they were made on. The same rows loaded into
PostgreSQL at that revision must upgrade the same way. Migration 0002's downgrade
is checked too.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
import pytest
import sqlalchemy as sa
from alembic import command

from annotator.config import to_database_url
from annotator.core.anchoring import AnchorState
from annotator.core.model import Annotation
from annotator.core.text import sha256_text
from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument
from annotator.services import importing, revising
from annotator.services.library import Library
from annotator.storage.engine import make_engine
from annotator.storage.migrate import alembic_config, current_revision, head_revision, migrating
from tests._pg import PostgresServer

DATA = Path(__file__).resolve().parents[1] / "data"
DUMPS = sorted(DATA.glob("library-*.sql"))
# Parents before children, so rows can be inserted with foreign keys checked. A dump has the
# tables its schema had: document_version from 0002 on, attributes and the journal from 0004 on.
TABLE_ORDER = (
    "tag", "document", "document_version", "document_set", "document_set_member", "annotation",
    "app_state", "attribute", "document_attribute", "journal_entry",
)  # fmt: skip
DATETIME_COLUMNS = {
    ("document", "created"), ("document_version", "created"), ("annotation", "created"),
    ("annotation", "modified"), ("journal_entry", "created"), ("journal_entry", "modified"),
}  # fmt: skip
CONTEXT = 32  # code points of prefix and suffix, as every schema so far stored them

Rows = dict[str, tuple[list[str], list[tuple[Any, ...]]]]


def test_there_is_a_stored_library_for_every_released_schema() -> None:
    from alembic.script import ScriptDirectory

    released = {r.revision for r in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    released.discard(head_revision())  # the schema being developed has not been released yet
    assert {p.stem.removeprefix("library-") for p in DUMPS} >= released


def read_dump(dump: Path) -> Rows:
    """Every table's columns and rows, read from the dump in a private in-memory database."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.executescript(dump.read_text(encoding="utf-8"))
        present = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        return read_sqlite(conn, [*(t for t in TABLE_ORDER if t in present), "alembic_version"])
    finally:
        conn.close()


def tables_of(rows: Rows) -> list[str]:
    """The library tables *rows* has (those its schema had), parents first."""
    return [t for t in TABLE_ORDER if t in rows]


def read_sqlite(conn: sqlite3.Connection, tables: list[str], like: Rows | None = None) -> Rows:
    """Rows of *tables* (only the columns *like* has, if given), in a stable order."""
    out: Rows = {}
    for table in tables:
        columns = like[table][0] if like else [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]
        quoted = ", ".join(f'"{c}"' for c in columns)
        out[table] = (
            columns,
            sorted(conn.execute(f'SELECT {quoted} FROM "{table}"').fetchall(), key=repr),
        )
    return out


def rebuild(dump: Path, path: Path) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.executescript(dump.read_text(encoding="utf-8"))
    finally:
        conn.close()


def as_utc(value: str) -> datetime:
    return datetime.fromisoformat(value).replace(tzinfo=UTC)


def records(rows: Rows, table: str) -> list[dict[str, Any]]:
    columns, values = rows[table]
    return [dict(zip(columns, row)) for row in values]


def check_annotation(a: Annotation, row: dict[str, Any], text: str) -> None:
    """*a* as the services show it is the stored *row*, its quote and context cut from *text*."""
    assert (a.tag_id, a.start, a.end, a.quote, a.prefix, a.suffix, a.note, a.coder) == (
        row["tag_id"], row["start"], row["end"], row["quote"], row["prefix"],
        row["suffix"], row["note"], row["coder"],
    )  # fmt: skip
    assert (a.created, a.modified) == (as_utc(row["created"]), as_utc(row["modified"]))
    assert text[a.start : a.end] == a.quote
    assert a.prefix == text[max(0, a.start - CONTEXT) : a.start]
    assert a.suffix == text[a.end : a.end + CONTEXT]


def check_through_services(library: Library, expected: Rows) -> None:
    """Every document, version, annotation, tag, set and state row, as the services show them.

    Annotations stored before schema 0002 are all "unchanged"; of a revised document's,
    the orphans are not placed in its text but point into one of its versions.
    """
    documents = {d["id"]: d for d in records(expected, "document")}
    stored_versions = records(expected, "document_version") if "document_version" in expected else []
    assert {d.id for d in library.documents()} == set(documents)
    for doc_id, row in documents.items():
        document = library.document(doc_id)
        assert (document.title, document.text, document.sha256) == (
            row["title"],
            row["text"],
            row["sha256"],
        )
        assert document.sha256 == sha256_text(document.text)
        assert document.metadata == orjson.loads(row["metadata_json"])
        assert document.created == as_utc(row["created"])

        versions = revising.document_versions(library, doc_id)
        assert [(v.id, v.version, v.text, v.sha256, v.created, v.note) for v in versions] == [
            (v["id"], v["version"], v["text"], v["sha256"], as_utc(v["created"]), v["note"])
            for v in sorted(stored_versions, key=lambda v: v["version"])
            if v["document_id"] == doc_id
        ]
        assert [v.version for v in versions] == list(range(1, len(versions) + 1))
        assert all(v.sha256 == sha256_text(v.text) for v in versions)
        version_texts = {v.id: v.text for v in versions}

        annotations = [a for a in records(expected, "annotation") if a["document_id"] == doc_id]
        status = {a["id"]: a.get("anchor_status", "unchanged") for a in annotations}
        placed = [a for a in annotations if status[a["id"]] != "orphaned"]
        orphaned = [a for a in annotations if status[a["id"]] == "orphaned"]
        got = {a.id: a for a in library.annotations(doc_id)}
        assert set(got) == {a["id"] for a in placed}
        for row_a in placed:
            check_annotation(got[row_a["id"]], row_a, document.text)
        # Every annotation "unchanged" before schema 0002; from it on, as stored.
        assert revising.anchor_states(library, doc_id) == {
            a["id"]: AnchorState(a["anchor_status"], a["anchor_version_id"], a["anchor_start"], a["anchor_end"])
            for a in annotations
            if status[a["id"]] != "unchanged"
        }
        for row_a in annotations:
            if status[row_a["id"]] in ("fuzzy", "orphaned"):  # where a person placed it: a version
                text = version_texts[row_a["anchor_version_id"]]
                assert 0 <= row_a["anchor_start"] < row_a["anchor_end"] <= len(text)
        found = {o.annotation.id: (o.annotation, o.version) for o in revising.orphans(library, doc_id)}
        assert set(found) == {a["id"] for a in orphaned}
        for row_a in orphaned:
            a, version = found[row_a["id"]]
            assert version.id == row_a["anchor_version_id"]
            assert (a.start, a.end) == (row_a["anchor_start"], row_a["anchor_end"])
            check_annotation(a, row_a, version.text)
    tags = {t["id"]: t for t in records(expected, "tag")}
    assert {(t.id, t.name, t.color, t.description, t.shortcut, t.sort_order) for t in library.tags()} == {
        (t["id"], t["name"], t["color"], t["description"], t["shortcut"], t["sort_order"]) for t in tags.values()
    }
    for set_row in records(expected, "document_set"):
        members = {m["document_id"] for m in records(expected, "document_set_member") if m["set_id"] == set_row["id"]}
        assert set(library.documents_in_set(set_row["name"])) == members
    for state in records(expected, "app_state"):
        assert library.state(state["key"]) == state["value"]


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_stored_sqlite_library_upgrades_to_head_intact(dump: Path, tmp_path: Path) -> None:
    expected = read_dump(dump)
    [(stored_revision,)] = expected["alembic_version"][1]
    path = tmp_path / "library.sqlite3"
    rebuild(dump, path)

    tables = tables_of(expected)
    with Library.open(to_database_url(str(path))) as library:
        assert current_revision(library.engine) == head_revision()
        backup_made = library.backup_made
        check_through_services(library, expected)

    # Column by column, every row of every table is as it was stored ...
    conn = sqlite3.connect(path)
    try:
        assert read_sqlite(conn, tables, like=expected) == {t: expected[t] for t in tables}
        assert {r[0] for r in conn.execute("SELECT anchor_status FROM annotation")} == {
            a.get("anchor_status", "unchanged") for a in records(expected, "annotation")
        }  # all "unchanged" before schema 0002
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
    if stored_revision == head_revision():  # the schema being developed: nothing was migrated
        assert backup_made is None
        return
    # ... and the backup made before migrating holds the library exactly as it was.
    backup = Path(backup_made or "")
    assert backup.is_file() and backup.parent == path.parent / "backups"
    assert backup.stat().st_mode & 0o777 == 0o600
    conn = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        assert read_sqlite(conn, [*tables, "alembic_version"]) == expected
    finally:
        conn.close()


@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_constraints_survive_the_sqlite_table_rebuild(dump: Path, tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    rebuild(dump, path)
    Library.open(to_database_url(str(path))).close()
    engine = make_engine(to_database_url(str(path)))
    try:
        with engine.connect() as conn:
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("annotation")}
            assert "ix_annotation_document_start" in indexes
            row = conn.execute(
                sa.text(
                    "SELECT id, document_id, tag_id FROM annotation"
                    " WHERE anchor_status = 'unchanged' ORDER BY id LIMIT 1"
                )
            ).one()
        bad = [
            'UPDATE annotation SET "end" = start WHERE id = :id',  # empty span
            "UPDATE annotation SET anchor_status = 'lost' WHERE id = :id",
            "UPDATE annotation SET anchor_status = 'orphaned' WHERE id = :id",  # an orphan needs its version
            "UPDATE annotation SET anchor_status = 'orphaned', anchor_version_id = 'gone',"
            " anchor_start = 0, anchor_end = 1 WHERE id = :id",  # ... and the version must exist
            "UPDATE annotation SET tag_id = 'no-such-tag' WHERE id = :id",
            "DELETE FROM tag WHERE id = :tag",  # still in use
        ]
        for statement in bad:
            with pytest.raises(sa.exc.IntegrityError), engine.begin() as conn:
                conn.execute(sa.text(statement), {"id": row.id, "tag": row.tag_id})
        with engine.begin() as conn:
            conn.execute(sa.text("DELETE FROM document WHERE id = :d"), {"d": row.document_id})
            left = conn.execute(
                sa.text("SELECT count(*) FROM annotation WHERE document_id = :d"),
                {"d": row.document_id},
            )
            assert left.scalar() == 0  # ON DELETE CASCADE kept
    finally:
        engine.dispose()


@pytest.fixture
def postgres_url(postgres_server: PostgresServer) -> Iterator[str]:
    url = postgres_server.create_database()
    yield url
    postgres_server.drop_database(url)


def migrate(engine: sa.Engine, action: str, target: str) -> None:
    config = alembic_config()
    with migrating(engine) as conn:
        config.attributes["connection"] = conn
        getattr(command, action)(config, target)


@pytest.mark.postgres
@pytest.mark.parametrize("dump", DUMPS, ids=lambda p: p.stem)
def test_same_library_on_postgresql_upgrades_to_head_intact(dump: Path, tmp_path: Path, postgres_url: str) -> None:
    expected = read_dump(dump)
    [(stored_revision,)] = expected["alembic_version"][1]
    path = tmp_path / "library.sqlite3"
    rebuild(dump, path)
    tables = tables_of(expected)
    conn = sqlite3.connect(path)
    try:
        rows = read_sqlite(conn, tables)  # read from the rebuilt SQLite library
    finally:
        conn.close()

    engine = make_engine(postgres_url)
    try:
        migrate(engine, "upgrade", stored_revision)
        metadata = sa.MetaData()
        metadata.reflect(engine)
        with engine.begin() as pg:
            for table in tables:
                values = records(rows, table)
                if table == "tag":  # parents first: tag.parent_id refers to tag.id
                    values.sort(key=lambda t: t["parent_id"] is not None)
                for value in values:
                    for column in value:
                        if (table, column) in DATETIME_COLUMNS:
                            value[column] = as_utc(value[column])
                if values:
                    pg.execute(metadata.tables[table].insert(), values)
        assert current_revision(engine) == stored_revision
    finally:
        engine.dispose()

    with Library.open(postgres_url) as library:
        assert current_revision(library.engine) == head_revision()
        assert library.backup_made is None  # PostgreSQL is backed up by its administrator
        check_through_services(library, expected)
        with library.engine.connect() as pg:
            for table in tables:
                columns, stored = expected[table]
                quoted = ", ".join(f'"{c}"' for c in columns)
                got = pg.execute(sa.text(f'SELECT {quoted} FROM "{table}"'))
                normalised = [
                    tuple(
                        v.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")
                        if isinstance(v, datetime)
                        else v
                        for v in row
                    )
                    for row in got
                ]
                assert sorted(normalised, key=repr) == stored, table


def test_migration_0002_downgrades_only_while_no_text_was_revised(database_url: str) -> None:
    with Library.open(database_url) as library:
        bundle = ImportBundle(
            [
                ImportedDocument(
                    "Doc",
                    "First text\u00a0\U0001f600 here.",
                    {},
                    [ImportedAnnotation("claim", 0, 5)],
                )
            ]
        )
        doc_id = importing.persist(library, [bundle]).documents[0].id
        before = library.annotations(doc_id)

    engine = make_engine(database_url)
    try:
        migrate(engine, "downgrade", "0001")
        assert current_revision(engine) == "0001"
        columns = {c["name"] for c in sa.inspect(engine).get_columns("annotation")}
        assert "anchor_status" not in columns and "document_version" not in sa.inspect(engine).get_table_names()
    finally:
        engine.dispose()

    with Library.open(database_url) as library:  # and up again
        assert library.annotations(doc_id) == before
        revising.revise_document(library, document_id=doc_id, new_text="First text, revised.")

    engine = make_engine(database_url)
    try:
        with pytest.raises(RuntimeError, match="cannot downgrade below 0002"):
            migrate(engine, "downgrade", "0001")
        assert current_revision(engine) == head_revision()  # rolled back whole
        with engine.connect() as conn:
            assert conn.execute(sa.text("SELECT count(*) FROM document_version")).scalar() == 1
    finally:
        engine.dispose()
