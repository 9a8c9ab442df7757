"""Tests: backups of a library: made online, private, rolling, listed, checked and restored.

A backup is made with SQLite's backup API (so it holds what was committed,
including what still sits in the ``-wal`` file, and nothing uncommitted), is a
single 0600 file in ``backups/`` named by kind and time, and restoring one
first keeps the library as it was. Checking a library never changes it.
"""

from __future__ import annotations

import hashlib
import os
import random
import re
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from annotator.services import annotating, backups, importing
from annotator.services.backups import (
    DAILY_KEPT,
    WEEKLY_KEPT,
    backup_now,
    check_library,
    ensure_rolling_backups,
    list_backups,
    restore_backup,
    restore_library,
)
from annotator.services.changes import Changes
from annotator.services.library import Library
from annotator.storage.backup_files import (
    backup_hint,
    backups_of,
    newest_good_backup,
    parse_backup_name,
)
from annotator.storage.engine import LibraryError

TEXT = "Close reading notes: the cat sat on the mat. The dog\u00a0barked \U0001f600.\n" * 40
T0 = datetime(2026, 11, 2, 9, 30, tzinfo=UTC)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def umask_zero() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


@pytest.fixture
def lib_path(tmp_path: Path) -> Path:
    """A closed library with one document and one annotation."""
    path = tmp_path / "lib.sqlite3"
    source = tmp_path / "notes.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Library.open(f"sqlite:///{path}") as library:
        doc_id = importing.import_paths(library, [source]).documents[0].id
        annotating.create_annotation(
            library, document_id=doc_id, tag_id=library.tag_named("claim").id, start=21, end=28, annotation_id="first"
        )
    return path


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def annotation_ids(path: Path) -> list[str]:
    with Library.open(url(path)) as library:
        return sorted(a.id for d in library.documents() for a in library.annotations(d.id))


def add_annotation(library: Library, annotation_id: str) -> None:
    doc_id = library.documents()[0].id
    annotating.create_annotation(
        library, document_id=doc_id, tag_id=library.tag_named("evidence").id, start=0, end=5,
        annotation_id=annotation_id,
    )  # fmt: skip


def damage(path: Path) -> None:
    data = path.read_bytes()
    page = 4096
    path.write_bytes(data[:page] + random.Random(7).randbytes(2 * page) + data[3 * page :])


# -- making backups -------------------------------------------------------------------------------


@pytest.mark.usefixtures("umask_zero")
def test_a_manual_backup_is_a_private_single_file_with_what_was_committed(lib_path: Path) -> None:
    with Library.open(url(lib_path)) as library:
        add_annotation(library, "in-the-wal")  # committed, not yet checkpointed into the file
        assert lib_path.with_name(lib_path.name + "-wal").stat().st_size > 0
        other = sqlite3.connect(lib_path, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        other.execute("INSERT INTO app_state (key, value) VALUES ('uncommitted', 'x')")
        backup = backup_now(library)
        other.execute("ROLLBACK")
        other.close()
    assert backup.parent == lib_path.parent / "backups"
    assert backup.name.startswith("lib.sqlite3-manual-") and backup.suffix == ".sqlite3"
    assert backup.stat().st_mode & 0o777 == 0o600
    assert backup.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in backup.parent.iterdir()] == [backup.name]  # no -wal, no -journal
    with sqlite3.connect(f"file:{backup}?mode=ro&immutable=1", uri=True) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        ids = sorted(r[0] for r in conn.execute("SELECT id FROM annotation"))
        assert ids == ["first", "in-the-wal"]
        assert conn.execute("SELECT count(*) FROM app_state WHERE key = 'uncommitted'").fetchone()[0] == 0
    assert annotation_ids(backup) == ["first", "in-the-wal"]  # and it opens as a library


def test_listing_reads_kind_time_size_and_counts(lib_path: Path, tmp_path: Path) -> None:
    first = backup_now(lib_path, now=T0)
    with Library.open(url(lib_path)) as library:
        add_annotation(library, "second")
        ensure_rolling_backups(library, now=T0 + timedelta(hours=1))
    stranger = tmp_path / "other.sqlite3"  # another library's backups share the folder
    Library.open(url(stranger)).close()
    backup_now(stranger)
    (lib_path.parent / "backups" / "notes.txt").write_text("not a backup")

    found = list_backups(lib_path)
    assert [(b.kind, b.created, b.documents, b.annotations) for b in found] == [
        ("weekly", T0 + timedelta(hours=1), 1, 2),  # newest first; same moment: by name
        ("daily", T0 + timedelta(hours=1), 1, 2),
        ("manual", T0, 1, 1),
    ]
    assert found[-1].path == first
    assert all(b.size == b.path.stat().st_size > 0 for b in found)


def test_rolling_backups_keep_seven_daily_and_five_weekly_and_every_manual(lib_path: Path) -> None:
    manual = backup_now(lib_path, now=T0 - timedelta(days=400))
    days = [*range(9), 14, 21, 28, 35]  # nine days running, then a week at a time
    made_per_day = {}
    for day in days:
        now = T0 + timedelta(days=day)
        made = ensure_rolling_backups(lib_path, now=now)
        made_per_day[day] = sorted(parse_backup_name(lib_path, p).kind for p in made)
        assert ensure_rolling_backups(lib_path, now=now + timedelta(hours=23)) == []  # not due yet
    assert made_per_day[0] == made_per_day[7] == made_per_day[14] == ["daily", "weekly"]
    assert [made_per_day[d] for d in range(1, 7)] == [["daily"]] * 6
    assert made_per_day[8] == ["daily"]
    kept = backups_of(lib_path)
    daily = [b.created for b in kept if b.kind == "daily"]
    weekly = [b.created for b in kept if b.kind == "weekly"]
    assert len(daily) == DAILY_KEPT and len(weekly) == WEEKLY_KEPT
    assert daily == [T0 + timedelta(days=d) for d in (35, 28, 21, 14, 8, 7, 6)]
    assert weekly == [T0 + timedelta(days=d) for d in (35, 28, 21, 14, 7)]
    assert manual.exists()


def test_nothing_is_backed_up_for_an_empty_or_missing_library(tmp_path: Path) -> None:
    assert ensure_rolling_backups(tmp_path / "none.sqlite3") == []
    with Library.open(url(tmp_path / "new.sqlite3")) as library:  # tags, but no documents yet
        assert ensure_rolling_backups(library) == []
    with pytest.raises(LibraryError, match="there is no library"):
        backup_now(tmp_path / "none.sqlite3")
    assert not (tmp_path / "backups").exists()


def test_a_damaged_library_is_not_backed_up_and_the_message_names_the_good_backup(lib_path: Path) -> None:
    good = backup_now(lib_path, now=T0)
    damage(lib_path)
    with pytest.raises(LibraryError, match=f"damaged.*newest good backup is {good}"):
        backup_now(lib_path)


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_server_libraries_are_not_backed_up_here(database_url: str) -> None:
    with Library.open(database_url) as library:
        assert ensure_rolling_backups(library) == []
        with pytest.raises(LibraryError, match="SQLite libraries only.*pg_dump"):
            backup_now(library)


# -- the newest good backup -------------------------------------------------------------------------


def test_newest_good_backup_skips_damaged_and_foreign_ones(lib_path: Path) -> None:
    assert newest_good_backup(lib_path) is None
    assert "there is no good backup" in backup_hint(lib_path)
    good = backup_now(lib_path, now=T0)
    damaged = backup_now(lib_path, now=T0 + timedelta(days=1))
    damage(damaged)
    foreign = lib_path.parent / "backups" / "lib.sqlite3-daily-20261105T000000000000Z.sqlite3"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE notes (body TEXT)")
    assert backups_of(lib_path)[0].path == foreign
    assert newest_good_backup(lib_path) == good
    assert backup_hint(lib_path) == f"; the newest good backup is {good} (made 2026-11-02 09:30 UTC)"


def test_backup_names_are_read_back_including_the_old_migration_ones(lib_path: Path) -> None:
    folder = lib_path.parent / "backups"
    parsed = parse_backup_name(lib_path, folder / "lib-before-0001-20261127T210000123456Z.sqlite3")
    assert parsed is not None
    assert (parsed.kind, parsed.created) == ("before-migration", datetime(2026, 11, 27, 21, 0, 0, 123456, tzinfo=UTC))
    assert parse_backup_name(lib_path, folder / "lib-copy-daily-20261127T210000123456Z.sqlite3") is None
    assert parse_backup_name(lib_path, folder / "lib-daily-2026.sqlite3") is None


# -- two libraries with one stem --------------------------------------------------------------------


def _library_with(path: Path, text: str) -> Path:
    source = path.parent / f"{path.name}.txt"
    source.write_text(text, encoding="utf-8")
    with Library.open(url(path)) as library:
        importing.import_paths(library, [source])
    source.unlink()
    return path


def _titles(path: Path) -> list[str]:
    with Library.open(url(path)) as library:
        return [d.title for d in library.documents()]


def test_libraries_sharing_a_stem_each_see_only_their_own_backups(tmp_path: Path) -> None:
    """lib.db and lib.sqlite3 in one folder: backups are named by the whole file name, so
    neither sees, prunes, offers or restores the other's."""
    a = _library_with(tmp_path / "lib.db", "Project A text only.\n")
    b = _library_with(tmp_path / "lib.sqlite3", "Project B text, different.\n")
    made_a = ensure_rolling_backups(a, now=T0)
    made_b = ensure_rolling_backups(b, now=T0)  # not "already done today" because of A's
    assert [p.name for p in made_a] == [
        "lib.db-daily-20261102T093000000000Z.sqlite3",
        "lib.db-weekly-20261102T093000000000Z.sqlite3",
    ]
    assert [p.name for p in made_b] == [p.name.replace("lib.db", "lib.sqlite3") for p in made_a]
    newest_b = backup_now(b, now=T0 + timedelta(hours=1))
    assert newest_b.name.startswith("lib.sqlite3-manual-")
    assert {x.path for x in list_backups(a)} == set(made_a)
    assert {x.path for x in list_backups(b)} == {*made_b, newest_b}
    assert newest_good_backup(a) in made_a  # not B's newer manual backup
    # pruning A's dailies leaves B's alone
    for day in range(1, DAILY_KEPT + 3):
        ensure_rolling_backups(a, now=T0 + timedelta(days=day))
    assert all(p.exists() for p in made_b)
    restore_backup(a, list_backups(a)[0].path)
    assert _titles(a) == ["Project A text only."]
    assert _titles(b) == ["Project B text, different."]


def test_backups_named_the_old_way_stay_their_librarys_unless_another_library_shares_the_stem(
    tmp_path: Path,
) -> None:
    lib = _library_with(tmp_path / "lib.sqlite3", "Project A text only.\n")
    folder = tmp_path / "backups"
    folder.mkdir()
    old_daily = folder / "lib-daily-20261102T033000000000Z.sqlite3"
    old_weekly = folder / "lib-weekly-20261101T033000000000Z.sqlite3"
    old_migration = folder / "lib-before-0001-20261001T093000000000Z.sqlite3"
    with sqlite3.connect(lib) as src, sqlite3.connect(old_daily) as dst:
        src.backup(dst)
    old_weekly.write_bytes(old_daily.read_bytes())
    old_migration.write_bytes(old_daily.read_bytes())
    old = [old_daily, old_weekly, old_migration]
    (tmp_path / "lib.txt").write_text("notes about the library, not a library")  # another file, not a library
    assert [(b.path, b.kind) for b in backups_of(lib)] == list(zip(old, ["daily", "weekly", "before-migration"]))
    assert newest_good_backup(lib) == old_daily
    assert ensure_rolling_backups(lib, now=T0) == []  # the old daily and weekly count
    assert backups.unlisted_backups(lib) == []

    _library_with(tmp_path / "lib.db", "Project B text, different.\n")  # now "lib-…" may be lib.db's
    for library in (lib, tmp_path / "lib.db"):
        assert backups_of(library) == [] and newest_good_backup(library) is None
        assert backups.unlisted_backups(library) == sorted(old)
        assert "there is no good backup" in backup_hint(library)
    made = ensure_rolling_backups(lib, now=T0)
    assert [p.name.split("-")[1] for p in made] == ["daily", "weekly"]
    for day in range(1, DAILY_KEPT + 3):  # pruning never deletes a backup that may be another's
        ensure_rolling_backups(lib, now=T0 + timedelta(days=day))
    assert all(p.exists() for p in old)


def test_a_folder_is_not_a_library(tmp_path: Path) -> None:
    folder = tmp_path / "project"
    folder.mkdir()
    with pytest.raises(LibraryError) as caught:
        Library.open(url(folder))
    assert str(caught.value) == f"{folder} is a folder, not a library file; give the path of a library file"
    for action in (backup_now, list_backups, lambda f: restore_backup(f, f)):
        with pytest.raises(LibraryError, match=f"^{re.escape(str(folder))} is a folder, not a library file"):
            action(folder)
    assert check_library(url(folder)).problems == (f"{folder} is a folder, not a library file",)
    assert list(folder.iterdir()) == [] and not (tmp_path / "backups").exists()


# -- restoring --------------------------------------------------------------------------------------


@pytest.mark.usefixtures("umask_zero")
def test_restore_puts_the_backup_back_and_keeps_the_library_as_it_was(lib_path: Path) -> None:
    backup = backup_now(lib_path, now=T0)
    with Library.open(url(lib_path)) as library:
        add_annotation(library, "after-the-backup")
    saved = restore_backup(lib_path, backup)
    assert saved is not None and parse_backup_name(lib_path, saved).kind == "before-restore"
    assert saved.stat().st_mode & 0o777 == 0o600
    assert lib_path.stat().st_mode & 0o777 == 0o600
    assert annotation_ids(lib_path) == ["first"]
    assert annotation_ids(saved) == ["after-the-backup", "first"]
    assert check_library(url(lib_path)).ok
    with Library.open(url(lib_path)) as library:  # and the restored library takes edits
        add_annotation(library, "after-the-restore")
    assert annotation_ids(lib_path) == ["after-the-restore", "first"]


def test_restore_into_a_missing_library_creates_it(lib_path: Path, tmp_path: Path) -> None:
    backup = backup_now(lib_path)
    target = tmp_path / "new" / "restored.sqlite3"
    assert restore_backup(target, backup) is None
    assert annotation_ids(target) == ["first"]


def test_restore_over_a_damaged_library_keeps_its_bytes(lib_path: Path) -> None:
    backup = backup_now(lib_path, now=T0)
    damage(lib_path)
    damaged_bytes = lib_path.read_bytes()
    with pytest.raises(LibraryError, match="damaged"):
        Library.open(url(lib_path))
    saved = restore_backup(lib_path, backup)
    assert saved is not None and saved.read_bytes() == damaged_bytes
    assert annotation_ids(lib_path) == ["first"]


def test_restoring_an_open_library_closes_restores_and_opens_it_again(lib_path: Path) -> None:
    """The window's restore: one call, and the library it gets back is the restored one."""
    backup = backup_now(lib_path, now=T0)
    library = Library.open(url(lib_path))
    add_annotation(library, "after-the-backup")
    result = restore_library(library, backup)
    with result.library as reopened:
        assert reopened is not library and reopened.url == library.url
        assert sorted(a.id for d in reopened.documents() for a in reopened.annotations(d.id)) == ["first"]
        assert result.restored and result.problem is None
        assert result.changes == Changes(library_reloaded=True)
        assert result.saved is not None and parse_backup_name(lib_path, result.saved).kind == "before-restore"
        add_annotation(reopened, "after-the-restore")  # it takes edits
    assert annotation_ids(result.saved) == ["after-the-backup", "first"]


def test_a_failed_restore_of_an_open_library_opens_it_again_as_it_was(lib_path: Path) -> None:
    backup = backup_now(lib_path, now=T0)
    damage(backup)
    library = Library.open(url(lib_path))
    add_annotation(library, "kept")
    result = restore_library(library, backup)
    with result.library:
        assert not result.restored and "damaged" in (result.problem or "") and result.saved is None
    assert annotation_ids(lib_path) == ["first", "kept"]


@pytest.mark.parametrize("backend", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True)
def test_a_server_library_is_not_restored_here_and_stays_open(database_url: str, tmp_path: Path) -> None:
    with Library.open(database_url) as library:
        with pytest.raises(LibraryError, match="SQLite libraries only.*pg_dump"):
            restore_library(library, tmp_path / "backup.sqlite3")
        assert library.tags()  # still open


@pytest.mark.parametrize("flaw", ["damaged", "not a library", "from a newer Annotator", "missing"])
def test_a_bad_backup_is_refused_and_the_library_left_alone(lib_path: Path, flaw: str) -> None:
    backup = backup_now(lib_path, now=T0)
    if flaw == "damaged":
        damage(backup)
        message = "damaged"
    elif flaw == "not a library":
        backup.unlink()
        with sqlite3.connect(backup) as conn:
            conn.execute("CREATE TABLE notes (body TEXT)")
        message = "not an Annotator library"
    elif flaw == "from a newer Annotator":
        with sqlite3.connect(backup) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
        message = "newer version of Annotator"
    else:
        backup.unlink()
        message = "there is no backup"
    before = digest(lib_path)
    listing = sorted(os.listdir(lib_path.parent / "backups"))
    with pytest.raises(LibraryError, match=message):
        restore_backup(lib_path, backup)
    assert digest(lib_path) == before
    assert sorted(os.listdir(lib_path.parent / "backups")) == listing  # no before-restore made


# -- checking ---------------------------------------------------------------------------------------


def test_check_of_a_good_library(lib_path: Path) -> None:
    report = check_library(url(lib_path))
    assert report.ok, report.lines()
    assert (report.documents, report.annotations, report.revision) == (1, 1, report.head)
    assert "integrity check: ok" in report.lines()
    assert check_library(url(lib_path), quick=True).lines()[1] == "quick check: ok"


def test_check_of_a_server_library(database_url: str, backend: str) -> None:
    Library.open(database_url).close()
    report = check_library(database_url)
    assert report.ok, report.lines()
    assert report.revision == report.head


@pytest.mark.parametrize(
    ("flaw", "problem"),
    [
        ("damaged", "integrity check|damaged"),
        ("dangling annotation", "foreign key: annotation row"),
        ("from a newer Annotator", "newer version of Annotator"),
        ("another program's database", "not an Annotator library"),
        ("missing", "no library file"),
    ],
)
def test_check_reports_each_problem_and_changes_nothing(lib_path: Path, flaw: str, problem: str) -> None:
    if flaw == "damaged":
        damage(lib_path)
    elif flaw == "dangling annotation":
        with sqlite3.connect(lib_path) as conn:  # foreign keys are off in a bare connection
            conn.execute("UPDATE annotation SET tag_id = 'no-such-tag'")
    elif flaw == "from a newer Annotator":
        with sqlite3.connect(lib_path) as conn:
            conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    elif flaw == "another program's database":
        lib_path.unlink()
        with sqlite3.connect(lib_path) as conn:
            conn.execute("CREATE TABLE notes (body TEXT)")
    else:
        lib_path.unlink()
    before = digest(lib_path) if lib_path.exists() else None
    report = check_library(url(lib_path))
    assert not report.ok
    assert any(re.search(problem, p) for p in report.problems), report.problems
    assert report.lines()[-1].startswith("result: ")
    if before is not None:
        assert digest(lib_path) == before


def test_a_backup_that_cannot_be_written_fails_clearly_and_leaves_the_library(lib_path: Path) -> None:
    (lib_path.parent / "backups").write_text("a file where the folder should be")
    before = digest(lib_path)
    with pytest.raises(LibraryError, match="could not make a backup in"):
        ensure_rolling_backups(lib_path)
    with pytest.raises(LibraryError, match="could not make a backup in"):
        backup_now(lib_path)
    assert digest(lib_path) == before
