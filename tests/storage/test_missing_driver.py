"""Tests: a PostgreSQL URL where the driver is not installed says how to install it."""

from __future__ import annotations

import sys

import pytest

from annotator.core.errors import LibraryError
from annotator.storage.engine import check_database_url


def test_a_missing_psycopg_names_the_extra_that_installs_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as in an install without the extra
    with pytest.raises(LibraryError) as raised:
        check_database_url("postgresql+psycopg://ada@localhost:5432/notes")
    assert "the postgresql driver 'psycopg' is not installed" in str(raised.value)
    assert "pip install 'annotator[postgres]'" in str(raised.value)
