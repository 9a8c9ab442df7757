"""Tests: connections to a PostgreSQL server give up on a server that vanished.

A window keeps connections open for hours (its change listener sits idle); if
the server's host goes down or the network drops without a word, libpq would
wait forever. The engine's connections ask the kernel to find out (TCP
keepalives, a limit on unacknowledged data), unless the URL says otherwise.
"""

from __future__ import annotations

import pytest

from annotator.storage.engine import make_engine
from tests._pg import PostgresServer


def _parameters(url: str) -> dict[str, str]:
    engine = make_engine(url)
    try:
        connection = engine.raw_connection()
        try:
            return connection.driver_connection.info.get_parameters()
        finally:
            connection.close()
    finally:
        engine.dispose()


@pytest.mark.postgres
def test_server_connections_give_up_on_a_vanished_server_unless_the_url_says_otherwise(
    postgres_server: PostgresServer,
) -> None:
    url = postgres_server.create_database()
    try:
        parameters = _parameters(url)
        assert parameters.get("keepalives", "1") == "1"  # on (libpq's default, so not always listed)
        idle, interval, count = (int(parameters[f"keepalives_{n}"]) for n in ("idle", "interval", "count"))
        assert 0 < idle + interval * count <= 120  # an idle connection to a vanished server: seconds
        assert 0 < int(parameters["tcp_user_timeout"]) <= 120_000  # a busy one: milliseconds
        assert _parameters(url + "?keepalives_idle=7&tcp_user_timeout=0")["keepalives_idle"] == "7"
    finally:
        postgres_server.drop_database(url)
