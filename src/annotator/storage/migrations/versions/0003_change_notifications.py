"""PostgreSQL tells listening windows of every commit that changes what they show; a document's
SHA-256 is read from an index.

A statement-level trigger on each table a window shows (not ``app_state``, which
holds reading positions) calls ``pg_notify('annotator_changes', <table>)``.
PostgreSQL delivers the notification when the writing transaction commits, to
every session of the same database that runs ``LISTEN annotator_changes``
(:class:`annotator.storage.watch.ChangeWatcher`), whoever wrote: a second
window, the command line, a colleague's script in plain SQL. Nothing changes on
SQLite, where ``PRAGMA data_version`` already tells a connection of every other
connection's commit.

Every edit checks that the text it is based on is still the stored one by its
SHA-256; the index ``ix_document_id_sha256`` answers that from itself (on SQLite
the row's text, in overflow pages before the hash, would otherwise be walked).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHANNEL = "annotator_changes"
FUNCTION = "annotator_notify_change"
TABLES = ("tag", "document", "document_version", "document_set", "document_set_member", "annotation")


def upgrade() -> None:
    op.create_index("ix_document_id_sha256", "document", ["id", "sha256"])
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        f"CREATE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN PERFORM pg_notify('{CHANNEL}', TG_TABLE_NAME); RETURN NULL; END $$"
    )
    for table in TABLES:
        op.execute(
            f'CREATE TRIGGER {FUNCTION} AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "{table}" '
            f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()"
        )


def downgrade() -> None:
    op.drop_index("ix_document_id_sha256", table_name="document")
    if op.get_bind().dialect.name != "postgresql":
        return
    for table in TABLES:
        op.execute(f'DROP TRIGGER IF EXISTS {FUNCTION} ON "{table}"')
    op.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}()")
