"""Tests: ``annotator db backup|backups|restore|check``, run in-process.

Until ``cli.py`` wires them in, the commands are parsed by a parser built the
way ``cli.build_parser`` builds its own (global ``--database`` and ``--debug``,
then ``add_db_commands``) and run with ``run_db_command``; once wired, the same
commands also run through ``annotator.cli.main``. Same contract as every
command: exit 0, 2 for a usage error, 1 with one ``annotator: error:`` line.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

import pytest

from annotator import cli
from annotator.cli_db import add_db_commands, run_db_command
from annotator.services import annotating, importing
from annotator.services.library import Library
from tests._cli import annotator, error_line

TEXT = "Field notes \U0001f600: the cat sat. The dog\u00a0barked at the cat.\n" * 20


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="annotator")
    parser.add_argument("--database", metavar="URL_OR_PATH")
    parser.add_argument("--debug", action="store_true")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_db_commands(sub)
    return parser


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = run_db_command(build_parser().parse_args(argv))
    out, err = capsys.readouterr()
    return code, out, err


def assert_failed(code: int, err: str, needle: str) -> None:
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("annotator: error: ") and needle in lines[0], lines[0]
    assert "Traceback" not in err


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "cli.sqlite3"
    source = tmp_path / "notes.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Library.open(f"sqlite:///{path}") as library:
        doc_id = importing.import_paths(library, [source]).documents[0].id
        annotating.create_annotation(
            library, document_id=doc_id, tag_id=library.tag_named("claim").id, start=0, end=11, annotation_id="kept"
        )
    return path


def annotation_ids(path: Path) -> list[str]:
    with Library.open(f"sqlite:///{path}") as library:
        return sorted(a.id for d in library.documents() for a in library.annotations(d.id))


def test_backup_prints_the_new_backups_path(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "--database", str(db), "db", "backup")
    assert (code, err) == (0, "")
    backup = Path(out.strip())
    assert backup.parent == db.parent / "backups" and "-manual-" in backup.name
    assert backup.stat().st_mode & 0o777 == 0o600
    assert annotation_ids(backup) == ["kept"]


def test_backups_lists_each_with_kind_and_counts(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "--database", str(db), "db", "backups")
    assert code == 0 and out == "created\tkind\tsize\tdocuments\tannotations\tpath\n"
    assert "no backups yet" in err
    run(capsys, "--database", str(db), "db", "backup")
    code, out, err = run(capsys, "--database", str(db), "db", "backups")
    assert (code, err) == (0, "")
    _header, row = out.splitlines()
    created, kind, size, documents, annotations, path = row.split("\t")
    assert (kind, documents, annotations) == ("manual", "1", "1")
    assert created.endswith(" UTC") and int(size) == Path(path).stat().st_size


def test_restore_by_name_brings_the_backup_back(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    _, out, _ = run(capsys, "--database", str(db), "db", "backup")
    backup = Path(out.strip())
    with Library.open(f"sqlite:///{db}") as library:
        doc_id = library.documents()[0].id
        annotating.create_annotation(
            library, document_id=doc_id, tag_id=library.tag_named("claim").id, start=12, end=15, annotation_id="later"
        )
    code, out, err = run(capsys, "--database", str(db), "db", "restore", backup.name)
    assert (code, err) == (0, "")
    first, second = out.splitlines()
    assert first == f"restored {db} from {db.parent / 'backups' / backup.name}"
    saved = Path(second.removeprefix("the library as it was is saved in "))
    assert "-before-restore-" in saved.name
    assert annotation_ids(db) == ["kept"]
    assert annotation_ids(saved) == ["kept", "later"]


def test_restore_of_a_damaged_backup_fails_in_one_line(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    _, out, _ = run(capsys, "--database", str(db), "db", "backup")
    backup = Path(out.strip())
    data = backup.read_bytes()
    backup.write_bytes(data[:4096] + random.Random(3).randbytes(len(data) - 4096))
    before = db.read_bytes()
    code, out, err = run(capsys, "--database", str(db), "db", "restore", str(backup))
    assert_failed(code, err, "cannot be restored")
    assert out == "" and db.read_bytes() == before


def test_check_prints_a_report(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    code, out, err = run(capsys, "--database", str(db), "db", "check")
    assert (code, err) == (0, "")
    assert "integrity check: ok" in out and "foreign keys: ok" in out
    assert out.splitlines()[-1] == "result: ok"


def test_check_of_a_damaged_library_reports_and_fails(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[:4096] + random.Random(7).randbytes(2 * 4096) + data[3 * 4096 :])
    code, out, err = run(capsys, "--database", str(db), "db", "check")
    assert_failed(code, err, "the library has problems")
    assert "problem: " in out and out.splitlines()[-1].startswith("result: ")


def test_backup_of_a_missing_library_creates_nothing(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "--database", str(tmp_path / "typo.sqlite3"), "db", "backup")
    assert_failed(code, err, "there is no library")
    assert list(tmp_path.iterdir()) == []


def test_backups_of_a_server_library_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--database", "postgresql+psycopg://u@localhost/x", "db", "backup")
    assert_failed(code, err, "pg_dump")


def test_the_default_library_is_used_without_database(capsys: pytest.CaptureFixture[str], data_dir: Path) -> None:
    code, _, err = run(capsys, "db", "backup")
    assert_failed(code, err, f"there is no library at {data_dir}")
    assert not data_dir.exists()  # not created, not seeded


def test_db_needs_a_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["db"])
    assert exit_info.value.code == 2


def _wired() -> bool:
    commands = [a for a in cli.build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return any("db" in a.choices for a in commands)


@pytest.mark.skipif(not _wired(), reason="annotator db is not wired into cli.py yet")
def test_wired_into_the_annotator_command(capsys: pytest.CaptureFixture[str], db: Path) -> None:
    assert cli.main(["--database", str(db), "db", "check"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "result: ok"


# -- two libraries with one stem, and a folder given as the library (real processes) ----------------


def test_libraries_sharing_a_stem_list_and_restore_only_their_own_backups(tmp_path: Path) -> None:
    """lib.db and lib.sqlite3 in one folder: `db backups` of one never lists the other's, so
    restoring its newest backup cannot put project B into library A."""
    a, b = tmp_path / "lib.db", tmp_path / "lib.sqlite3"
    for library, text in ((a, "Project A text only.\n"), (b, "Project B text, different.\n")):
        source = tmp_path / "source.txt"
        source.write_text(text, encoding="utf-8")
        assert annotator("--database", library, "import", source).returncode == 0
    made_a = annotator("--database", a, "db", "backup").stdout.decode().strip()
    made_b = annotator("--database", b, "db", "backup").stdout.decode().strip()  # the newest in backups/
    assert Path(made_a).name.startswith("lib.db-manual-") and Path(made_b).name.startswith("lib.sqlite3-manual-")
    listed = annotator("--database", a, "db", "backups")
    assert listed.returncode == 0 and listed.stderr == b""
    rows = listed.stdout.decode().splitlines()[1:]
    assert [row.split("\t")[5] for row in rows] == [made_a]
    newest = rows[0].split("\t")[5]
    assert annotator("--database", a, "db", "restore", newest).returncode == 0
    titles = annotator("--database", a, "list").stdout.decode().splitlines()[1:]
    assert [line.split("\t")[1] for line in titles] == ["Project A text only."]


def test_backups_named_the_old_way_that_may_be_another_librarys_are_mentioned(db: Path) -> None:
    old = db.parent / "backups" / "cli-daily-20261101T093000000000Z.sqlite3"
    old.parent.mkdir()
    old.write_bytes(db.read_bytes())
    listed = annotator("--database", db, "db", "backups")
    assert [row.split("\t")[5] for row in listed.stdout.decode().splitlines()[1:]] == [str(old)]
    other = db.parent / "cli.db"
    other.write_bytes(db.read_bytes())  # another library with the stem "cli"
    listed = annotator("--database", db, "db", "backups")
    assert listed.returncode == 0 and listed.stdout.decode().splitlines()[1:] == []
    note = listed.stderr.decode().splitlines()[-1]
    assert note.startswith("annotator: note: 1 older backup(s) named 'cli-…' are not listed"), note
    assert old.exists()


@pytest.mark.parametrize("argv", [["list"], ["db", "backup"], ["db", "backups"], ["db", "restore", "x"]])
def test_a_folder_given_as_the_library_is_called_a_folder(tmp_path: Path, argv: list[str]) -> None:
    folder = tmp_path / "somefolder"
    folder.mkdir()
    line = error_line(annotator("--database", folder, *argv), 1, f"{folder} is a folder, not a library file")
    assert "backup" not in line.removeprefix("annotator: error: ")  # no "no good backup of it in ..."
    assert list(folder.iterdir()) == [] and sorted(p.name for p in tmp_path.iterdir()) == ["somefolder"]
