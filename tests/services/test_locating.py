"""Tests: naming a library for people (the window's status bar): its path, or user@host/db."""

from __future__ import annotations

from annotator.services.locating import describe_library


def test_a_server_library_is_named_user_at_host_without_its_password() -> None:
    assert (
        describe_library("postgresql+psycopg://ann:s3cret@db.example.org:5433/team") == "ann@db.example.org:5433/team"
    )
    assert describe_library("postgresql+psycopg://ann:s3cret@db.example.org/team") == "ann@db.example.org/team"
    assert describe_library("sqlite:////home/ann/My Library.sqlite3") == "/home/ann/My Library.sqlite3"
    assert describe_library("/home/ann/lib.sqlite3") == "/home/ann/lib.sqlite3"
    assert describe_library("sqlite://") == "a library in memory"
