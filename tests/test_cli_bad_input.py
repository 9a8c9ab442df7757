"""Tests: bad input on the command line gets one clear line and changes nothing
(issue 7, points 8, 10, 16 and 17), run as real ``python -m annotator`` processes.

- Names, notes and set names must be valid text: bytes that are not UTF-8 are a
  usage error naming the option. File names may hold any bytes.
- A malformed or unsupported database URL is one line, not a traceback.
- ``--start 10 --end 5`` and a blank ``--quote`` say what is wrong with them;
  ``-o`` into a missing folder or onto a folder names the user's path.
- ``--option`` values are typed: a yes/no option takes false/no as false; an
  unknown key or a bad value is a usage error naming the key and what it takes.
- ``--database ""`` is refused; a library in a folder that does not exist is an
  error, a new one in an existing folder is announced on stderr.
"""

from __future__ import annotations

import io
import os
import subprocess
from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.config import LIBRARY_FILENAME
from annotator.formats.base import ImportBundle, ImportedDocument
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library
from tests._cli import COMMAND, annotator, error_line, user_env
from tests._snapshot import set_names

TEXT = "The cat sat. The dog barked at the cat's tail.\n"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An existing library with one document, "Field notes"."""
    path = tmp_path / "lib.sqlite3"
    with Library.open(f"sqlite:///{path}") as library:
        importing.persist(library, [ImportBundle([ImportedDocument("Field notes", TEXT)])])
    return path


@pytest.fixture
def doc_id(db: Path) -> str:
    with Library.open(f"sqlite:///{db}") as library:
        return library.documents()[0].id


def _contents(db: Path) -> tuple[list[str], int, list[str]]:
    """Titles, annotation count and set names: what a refused command must leave as it was."""
    with Library.open(f"sqlite:///{db}") as library:
        docs = library.documents()
        return [d.title for d in docs], sum(sum(d.counts.values()) for d in docs), set_names(library)


# -- point 8: bytes that are not UTF-8 ----------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["annotate", "{doc}", "--tag", "claim", "--quote", "dog", "--note", b"caf\xe9"], "--note"),
        (["annotate", "{doc}", "--tag", "claim", "--quote", "dog", "--coder", b"Ren\xe9e"], "--coder"),
        (["import", "{file}", "--set", b"week \xe9"], "--set"),
        (["annotate", "{doc}", "--tag", b"cl\xe9im", "--quote", "dog"], "--tag"),
        (["retrieve", b"cl\xe9im & evidence"], "QUERY holds"),  # found attacking issue 10: it said --query
    ],
    ids=["note", "coder", "set", "tag", "query"],
)
def test_undecodable_bytes_in_a_stored_argument_are_a_usage_error(
    db: Path, doc_id: str, tmp_path: Path, argv: list[str | bytes], option: str
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Another text entirely.\n", encoding="utf-8")
    argv = [{"{doc}": doc_id, "{file}": str(other)}.get(a, a) if isinstance(a, str) else a for a in argv]
    before = _contents(db)
    line = error_line(annotator("--database", db, *argv), 2, option, "not UTF-8")
    assert "caf" in line or "Ren" in line or "week" in line or "cl" in line  # the value, its byte escaped
    assert _contents(db) == before


def test_file_names_with_undecodable_bytes_work_as_paths(db: Path, tmp_path: Path) -> None:
    page = tmp_path / os.fsdecode(b"caf\xe9.html")
    page.write_bytes(b"<html><body><p>A page about cafes and the people in them.</p></body></html>")
    imported = annotator("--database", db, "import", os.fsencode(page))
    assert imported.returncode == 0, imported.stderr
    new_id, title = imported.stdout.decode("utf-8").rstrip("\n").split("\t")
    assert title == "A page about cafes and the people in them."
    with Library.open(f"sqlite:///{db}") as library:
        assert library.document(new_id).metadata["source_file"] == "caf\ufffd.html"  # text, not bytes

    target = tmp_path / os.fsdecode(b"export-\xe9.json")
    exported = annotator("--database", db, "export", "-o", os.fsencode(target))
    assert exported.returncode == 0, exported.stderr
    assert exported.stderr == b"exported 2 document(s) to " + os.fsencode(tmp_path) + b"/export-\\xe9.json\n"
    assert len(orjson.loads(target.read_bytes())["documents"]) == 2


# -- point 10: database URLs ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "needles"),
    [
        ("postgresql://h:5432x/db", ["not a valid database URL", "port"]),
        ("postgresql://ann:secret@h:5432x/db", ["ann:***@"]),
        ("postgres+psycopg://", ["not 'postgres'", "postgresql+psycopg://"]),
        ("mysql://", ["not 'mysql'", "SQLite files and PostgreSQL"]),
        ("sqlite://alice@/x", ["no user or host"]),
        ("postgresql+nosuchdriver://h/db", ["no postgresql driver 'nosuchdriver'"]),
    ],
)
def test_a_bad_database_url_is_one_clear_line(url: str, needles: list[str], data_dir: Path) -> None:
    done = annotator("--database", url, "list")
    line = error_line(done, 1, *needles)
    assert "secret" not in line
    assert not data_dir.exists()


def test_a_bad_database_url_from_the_environment_too(data_dir: Path) -> None:
    done = annotator("db", "backups", env={"ANNOTATOR_DATABASE_URL": "mysql://root@localhost/annotations"})
    error_line(done, 1, "not 'mysql'")


@pytest.mark.parametrize("url", ["sqlite://", "sqlite:///", "sqlite:///:memory:"])
def test_a_library_in_memory_is_a_usage_error(url: str, tmp_path: Path, data_dir: Path) -> None:
    """`--database "sqlite:///$LIB"` with LIB unset would import into memory and lose it."""
    source = tmp_path / "c.txt"
    source.write_text(TEXT, encoding="utf-8")
    done = annotator("--database", url, "import", source, cwd=tmp_path)
    error_line(done, 2, "--database", "a library in memory", "library file")
    assert done.stdout == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.txt"] and not data_dir.exists()
    from_env = annotator("import", source, env={"ANNOTATOR_DATABASE_URL": url}, cwd=tmp_path)
    error_line(from_env, 1, "a library in memory")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.txt"] and not data_dir.exists()


@pytest.mark.parametrize("value", ["   ", "", "\t"])
def test_a_blank_database_variable_is_an_error_naming_it(value: str, tmp_path: Path, data_dir: Path) -> None:
    done = annotator("list", env={"ANNOTATOR_DATABASE_URL": value}, cwd=tmp_path)
    error_line(done, 1, "ANNOTATOR_DATABASE_URL is set but blank")
    assert list(tmp_path.iterdir()) == [] and not data_dir.exists()  # no library named "   ", nor the default one
    assert annotator("db", "backups", env={"ANNOTATOR_DATABASE_URL": value}, cwd=tmp_path).returncode == 1
    assert list(tmp_path.iterdir()) == []


def test_options_on_a_sqlite_url_are_refused_in_one_line(db: Path, tmp_path: Path) -> None:
    """`?mode=ro` would be ignored by the driver with a two-line warning, and the import written."""
    source = tmp_path / "w.txt"
    source.write_text("Another text.\n", encoding="utf-8")
    before = _contents(db)
    for query in ("?mode=ro", "?mode=ro&uri=true", "?timeout=1"):
        line = error_line(annotator("--database", f"sqlite:///{db}{query}", "import", source), 1, "takes no options")
        assert "mode" in line or "timeout" in line
    assert _contents(db) == before


# -- what is wrong with a file -----------------------------------------------------------------------


def test_plain_text_on_stdin_is_not_recognised_but_the_message_says_what_to_do(db: Path) -> None:
    before = _contents(db)
    done = subprocess.run(
        [*COMMAND, "--database", str(db), "import", "/dev/stdin"],
        input=b"Plain words, piped in.\n", capture_output=True, env=user_env(), timeout=120, check=False,
    )  # fmt: skip
    error_line(done, 1, "nothing was imported", "looks like plain text", "--format txt")
    assert _contents(db) == before
    done = subprocess.run(
        [*COMMAND, "--database", str(db), "import", "--format", "txt", "/dev/stdin"],
        input=b"Plain words, piped in.\n", capture_output=True, env=user_env(), timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert _contents(db)[0] == ["Field notes", "Plain words, piped in."]


@pytest.mark.parametrize("name", ["blank.txt", "blank"])
def test_a_file_of_white_space_says_so(db: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"  \n\t\r\n")
    error_line(annotator("--database", db, "import", path), 1, f"{path}: the file holds only white space")


# -- tag names from files ---------------------------------------------------------------------------


def _export_tagged(tmp_path: Path, tag: str) -> Path:
    """An annotated JSON file (version 1, whose tags are named by name alone) whose one annotation
    (and codebook entry) is tagged *tag*."""
    source = tmp_path / "source.sqlite3"
    with Library.open(f"sqlite:///{source}") as library:
        [row] = importing.persist(library, [ImportBundle([ImportedDocument("Tagged", "The cat sat.\n")])]).documents
        annotating.annotate_quote(library, document_id=row.id, tag_id=library.tag_named("claim").id, quote="cat")
        out = io.BytesIO()
        exporting.export(library, out, options={"version": "1"})
    export = orjson.loads(out.getvalue())
    export["tags"] = [t for t in export["tags"] if t["name"] == "claim"]
    export["tags"][0]["name"] = tag
    export["documents"][0]["annotations"][0]["tag"] = tag
    path = tmp_path / "tagged.json"
    path.write_bytes(orjson.dumps(export))
    return path


@pytest.mark.parametrize(
    ("tag", "needle"),
    [
        (" ", "a tag needs a name"),
        ("\u200b", "holds only invisible characters"),
        ("a\nb", "control character or line break"),
        ("x" * 201, "tag names are limited to 200 characters (this one has 201)"),
    ],
)
def test_a_tag_name_that_is_no_name_is_refused_naming_the_file(db: Path, tmp_path: Path, tag: str, needle: str) -> None:
    path = _export_tagged(tmp_path, tag)
    before = _contents(db)
    done = annotator("--database", db, "import", path)
    error_line(done, 1, "nothing was imported", str(path), needle)
    assert _contents(db) == before
    assert annotator("--database", db, "tags").stdout.decode().count("\n") == 3


def test_a_tag_name_with_white_space_around_it_is_that_tag(db: Path, tmp_path: Path) -> None:
    done = annotator("--database", db, "import", _export_tagged(tmp_path, "claim "))
    assert done.returncode == 0, done.stderr
    tags = [line.split("\t")[0] for line in annotator("--database", db, "tags").stdout.decode().splitlines()]
    assert tags == ["claim", "evidence", "speculation"]  # no second "claim " that looks the same
    listed = annotator("--database", db, "list").stdout.decode().splitlines()
    assert listed[0].split("\t")[2:] == tags and listed[2].split("\t")[2:] == ["1", "0", "0"]


# -- point 16: what is wrong with a span or an output path --------------------------------------


@pytest.mark.parametrize(
    ("argv", "needle"),
    [
        (["--start", "10", "--end", "5"], "--start must be before --end"),
        (["--quote", "   "], "--quote is blank"),
    ],
)
def test_annotate_says_what_is_wrong_with_the_span(db: Path, doc_id: str, argv: list[str], needle: str) -> None:
    line = error_line(annotator("--database", db, "annotate", doc_id, "--tag", "claim", *argv), 2, needle)
    assert "does not" not in line
    assert _contents(db)[1] == 0


def test_annotate_refuses_an_exact_copy_naming_the_annotation_there(db: Path, doc_id: str) -> None:
    first = annotator("--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "cat sat")
    assert first.returncode == 0, first.stderr
    kept = first.stdout.decode().strip()
    again = annotator("--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "cat sat")
    error_line(again, 1, "the span 4..11 is already tagged 'claim'", f"annotation {kept}", "nothing was saved")
    assert again.stdout == b""
    by_offsets = annotator("--database", db, "annotate", doc_id, "--tag", "claim", "--start", "4", "--end", "11")
    error_line(by_offsets, 1, f"annotation {kept}")
    other_coder = annotator(
        "--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "cat sat", "--coder", "bo"
    )
    assert other_coder.returncode == 0, other_coder.stderr
    assert _contents(db)[1] == 2


@pytest.mark.parametrize(("start", "end"), [(TEXT.index("\n"), TEXT.index("\n") + 1), (3, 4)])
def test_annotate_refuses_a_span_of_white_space_only(db: Path, doc_id: str, start: int, end: int) -> None:
    assert TEXT[start:end].isspace()
    done = annotator("--database", db, "annotate", doc_id, "--tag", "claim", "--start", str(start), "--end", str(end))
    error_line(done, 1, f"the span {start}..{end} holds only white space")
    assert _contents(db)[1] == 0


def test_export_names_the_users_path_not_a_temporary_file(db: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder" / "out.json"
    line = error_line(annotator("--database", db, "export", "-o", missing), 1, str(missing.parent), "does not exist")
    assert ".part" not in line
    folder = tmp_path / "existing"
    folder.mkdir()
    line = error_line(annotator("--database", db, "export", "-o", folder), 1, f"{folder} is a folder")
    assert ".part" not in line
    assert list(folder.iterdir()) == [] and not list(tmp_path.glob(".*.part"))


# -- point 17: typed options, and which library --database opens ----------------------------------


def test_yes_no_options_mean_what_they_say(db: Path, tmp_path: Path) -> None:
    def export(*argv: str) -> bytes:
        out = tmp_path / "out"
        done = annotator("--database", db, "export", "-o", out, *argv)
        assert done.returncode == 0, done.stderr
        return out.read_bytes()

    studio = ["--format", "jsonl", "--flavor", "label-studio", "--option"]
    assert "annotations" in orjson.loads(export(*studio, "predictions=false"))[0]
    assert "predictions" in orjson.loads(export(*studio, "predictions=Yes"))[0]
    assert not export("--format", "csv", "--option", "excel=no").startswith(b"\xef\xbb\xbf")
    assert export("--format", "csv", "--option", "excel=1").startswith(b"\xef\xbb\xbf")
    assert export("--format", "csv", "--excel").startswith(b"\xef\xbb\xbf")  # the flag still works
    assert export("--format", "csv", "--excel", "--option", "excel=yes").startswith(b"\xef\xbb\xbf")  # agree
    doccano = ["--format", "jsonl", "--flavor", "doccano", "--option", "flavor=doccano"]
    assert "label" in orjson.loads(export(*doccano).splitlines()[0])


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["--format", "jsonl", "--option", "offest=utf-16"], ["'offest'", "flavor, offsets"]),
        (["--format", "jsonl", "--option", "predictions=maybe"], ["'predictions'", "true or false"]),
        (["--format", "jsonl", "--option", "offsets=utf-8"], ["'offsets'", "code-points, utf-16"]),
        (["--format", "w3c", "--option", "excel=true"], ["'excel'", "no options"]),
        (["--format", "json", "--option", "excel=true"], ["'excel'", "its options: version, previous_texts"]),
        (["--format", "json", "--option", "version=3"], ["'version'", "2, 1"]),
        (["--format", "xlsx", "--excel"], ["'excel'"]),
        (["--format", "csv", "--option", "excel"], ["KEY=VALUE"]),
        (
            ["--format", "jsonl", "--flavor", "doccano", "--option", "flavor=spacy"],
            ["--flavor doccano and --option flavor=spacy give the option flavor different values"],
        ),
        (
            ["--format", "csv", "--excel", "--option", "excel=false"],
            ["--excel and --option excel=false", "give it once"],
        ),
        (["--format", "jsonl", "--option", "offsets=utf-16", "--option", "offsets=code-points"], ["option offsets"]),
    ],
)
def test_unknown_options_and_bad_values_are_usage_errors(
    db: Path, tmp_path: Path, argv: list[str], needles: list[str]
) -> None:
    out = tmp_path / "out"
    error_line(annotator("--database", db, "export", "-o", out, *argv), 2, *needles)
    assert not out.exists()


def test_an_empty_database_argument_is_refused(data_dir: Path) -> None:
    error_line(annotator("--database", "", "list"), 2, "--database", "empty")
    assert not data_dir.exists()  # the default library was not opened instead


def test_a_library_in_a_missing_folder_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "typo" / "lib.sqlite3"
    error_line(annotator("--database", target, "list"), 1, f"the folder {target.parent} does not exist")
    assert not target.parent.exists()


def test_a_new_library_is_announced_on_stderr(tmp_path: Path) -> None:
    target = tmp_path / "new.sqlite3"
    made = annotator("--database", target, "list")
    assert made.returncode == 0, made.stderr
    assert made.stdout == b"id\ttitle\tclaim\tevidence\tspeculation\n"  # stdout as documented
    assert made.stderr == f"created a new library at {target}\n".encode()
    again = annotator("--database", target, "list")
    assert (again.returncode, again.stdout, again.stderr) == (0, made.stdout, b"")


def test_the_default_library_folder_may_appear_while_starting(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two programs starting for the first time at once: the other one makes the folder
    between our look and our mkdir. Simulated by not seeing the folder that is there."""
    data_dir.mkdir()
    seen = Path.exists
    monkeypatch.setattr(Path, "exists", lambda self, *a, **k: False if self == data_dir else seen(self, *a, **k))
    assert main(["list"]) == 0, capsys.readouterr().err
    assert (data_dir / LIBRARY_FILENAME).is_file()
