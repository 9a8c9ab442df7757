"""Storage: one writer at a time where what a unit of work reads decides what it writes.

Another program may write the library at any moment. On SQLite a unit of work
starts with ``BEGIN IMMEDIATE`` (see :mod:`annotator.storage.engine`), which
takes the library's one write lock before anything is read, so such work is
already serialised. PostgreSQL runs transactions side by side (READ COMMITTED):
six imports of one text would each find no document with its SHA-256 and each
insert one, and eight programs opening a new database would each create the
schema. There :func:`hold` takes a transaction-scoped advisory lock, released
by the commit or rollback that ends the transaction.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.orm import Session

#: Creating and migrating the schema, and giving a new library its codebook.
SCHEMA = 0x616E6E6F_0001
#: Matching imported documents by id and SHA-256, then inserting the new ones.
IMPORT = 0x616E6E6F_0002
#: Looking for an annotation with the same tag, span and coder, then inserting a new one.
ANNOTATE = 0x616E6E6F_0003
#: Reading the codebook (names among siblings, keys, the tree), then changing it.
CODEBOOK = 0x616E6E6F_0004


def hold(connection: sa.Connection | Session, key: int) -> None:
    """Wait for and take the lock *key* until the current transaction ends (PostgreSQL only)."""
    bind = connection.get_bind() if isinstance(connection, Session) else connection
    if bind.dialect.name == "postgresql":
        connection.execute(sa.select(sa.func.pg_advisory_xact_lock(key)))


#: Defining, changing and deleting attributes, and writing documents' attribute values.
ATTRIBUTES = 0x616E6E6F_0010
#: Creating, renaming and deleting sets, and changing who is in them.
SETS = 0x616E6E6F_0011
#: Saving, renaming and deleting saved searches (names are unique).
SAVED_SEARCHES = 0x616E6E6F_0012
