"""Tests: the throwaway PostgreSQL server the suite runs on (``tests/_pg.py``).

It must be private (127.0.0.1 only, its own port), hand out a fresh database
per test, and when PostgreSQL is missing skip locally but fail under CI, where
the PostgreSQL tests must run.
"""

from __future__ import annotations

import os
import pwd

import pytest
import sqlalchemy as sa

from tests import _pg
from tests._pg import PostgresServer


def test_missing_binaries_skip_locally_but_fail_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_pg, "find_binaries", lambda: None)
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match=r"initdb, pg_ctl\) not found; install the postgresql package"):
        _pg.start_server()
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        _pg.start_server()
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"not found.*CI is set"):
        _pg.start_server()


@pytest.mark.postgres
def test_server_is_private_and_databases_are_fresh(postgres_server: PostgresServer) -> None:
    first, second = postgres_server.create_database(), postgres_server.create_database()
    assert first != second
    assert first.startswith(f"postgresql+psycopg://postgres@127.0.0.1:{postgres_server.port}/")
    engine = sa.create_engine(first)
    try:
        with engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW listen_addresses").scalar() == "127.0.0.1"
            assert conn.exec_driver_sql("SHOW fsync").scalar() == "off"
            assert conn.exec_driver_sql("SHOW server_encoding").scalar() == "UTF8"
            assert sa.inspect(conn).get_table_names() == []
    finally:
        engine.dispose()
    postgres_server.drop_database(first)
    postgres_server.drop_database(second)
    if os.geteuid() == 0:  # initdb refuses root: the cluster belongs to the postgres user
        assert postgres_server.data_dir.stat().st_uid == pwd.getpwnam("postgres").pw_uid
