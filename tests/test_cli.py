"""Tests: the ``annotator`` command line, run in-process (and once as a real process).

The contract: ``import`` prints ``<id>\\t<title>`` per document; exit status 0 on
success, 2 for a usage error, 1 for any other failure with exactly one line on
stderr that starts with ``annotator: error:`` and no traceback; ``--database``
beats ``ANNOTATOR_DATABASE_URL``, which beats the default library, and the command
line never adds the sample (the window's welcome) to any library.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.config import LIBRARY_FILENAME
from annotator.core.model import DEFAULT_TAGS
from annotator.services.library import Library

TEXT = "Field notes \U0001f600\n\nThe cat sat. The cat ran. A dog\u00a0barked.\n"


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "cli.sqlite3")


@pytest.fixture
def doc_file(tmp_path: Path) -> Path:
    path = tmp_path / "notes.txt"
    path.write_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"))
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`annotator ARGV`: (exit status, stdout, stderr); argparse's usage errors exit 2 as in a shell."""
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def assert_failed(code: int, err: str, *needles: str) -> None:
    """Exit 1, one line on stderr starting "annotator: error:", no traceback."""
    assert code == 1
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("annotator: error: ")
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0]


@pytest.fixture
def imported(capsys: pytest.CaptureFixture[str], db: str, doc_file: Path) -> str:
    code, out, _ = run(capsys, "--database", db, "import", str(doc_file))
    assert code == 0
    return out.split("\t")[0]


def test_import_prints_id_and_title_per_document(
    capsys: pytest.CaptureFixture[str], db: str, doc_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.md"
    other.write_text("# Second one\n\nbody\n", encoding="utf-8")
    code, out, err = run(capsys, "--database", db, "import", str(doc_file), str(other), "--set", "week 1")
    assert code == 0, err
    rows = [line.split("\t") for line in out.splitlines()]
    assert [title for _, title in rows] == ["Field notes \U0001f600", "Second one"]
    with Library.open(f"sqlite:///{db}") as library:
        assert [d.id for d in library.documents()] == [doc_id for doc_id, _ in rows]
        assert library.documents_in_set("week 1") == [doc_id for doc_id, _ in rows]
        assert library.document(rows[0][0]).text == TEXT  # CRLF became LF


def test_list_counts_per_tag(capsys: pytest.CaptureFixture[str], db: str, imported: str) -> None:
    for argv in (["--quote", "cat", "--occurrence", "2"], ["--start", "0", "--end", "5"]):
        assert run(capsys, "--database", db, "annotate", imported, "--tag", "claim", *argv)[0] == 0
    assert run(capsys, "--database", db, "annotate", imported, "--tag", "evidence", "--quote", "dog")[0] == 0

    code, out, _ = run(capsys, "--database", db, "list")
    assert code == 0
    header, row = out.splitlines()
    assert header.split("\t") == ["id", "title", *(spec.name for spec in DEFAULT_TAGS)]
    assert row.split("\t") == [imported, "Field notes \U0001f600", "2", "1", "0"]

    code, out, _ = run(capsys, "--database", db, "list", "--json")
    assert code == 0
    assert orjson.loads(out) == [
        {
            "id": imported,
            "title": "Field notes \U0001f600",
            "length": len(TEXT),
            "annotations": {"claim": 2, "evidence": 1},
        }
    ]


def test_annotate_by_quote_occurrence_and_offsets(capsys: pytest.CaptureFixture[str], db: str, imported: str) -> None:
    code, out, err = run(capsys, "--database", db, "annotate", imported, "--tag", "claim", "--quote", "cat")
    assert_failed(code, err, "occurs 2 times", "--occurrence")
    assert out == ""

    code, out, err = run(
        capsys, "--database", db, "annotate", imported, "--tag", "speculation",
        "--quote", "cat", "--occurrence", "2", "--note", "which cat?", "--coder", "ada",
    )  # fmt: skip
    assert code == 0, err
    by_quote = out.strip()
    code, out, err = run(
        capsys,
        "--database",
        db,
        "annotate",
        imported,
        "--tag",
        "evidence",
        "--start",
        "12",
        "--end",
        "13",
    )
    assert code == 0, err
    by_offsets = out.strip()

    with Library.open(f"sqlite:///{db}") as library:
        first = library.annotation(by_quote)
        second = library.annotation(by_offsets)
        tags = {t.id: t.name for t in library.tags()}
    assert first is not None and second is not None
    second_cat = TEXT.index("cat", TEXT.index("cat") + 1)
    assert (first.start, first.end, first.quote, tags[first.tag_id]) == (
        second_cat,
        second_cat + 3,
        "cat",
        "speculation",
    )
    assert (first.note, first.coder) == ("which cat?", "ada")
    assert (second.start, second.end, second.quote) == (
        12,
        13,
        "\U0001f600",
    )  # code points, not UTF-16 units


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["--tag", "claim", "--quote", "unicorn"], ["does not occur"]),
        (["--tag", "claim", "--quote", "cat", "--occurrence", "3"], ["occurs 2 times"]),
        (["--tag", "claim", "--start", "5", "--end", "500"], ["does not fit"]),
        (["--tag", "opinion", "--quote", "dog"], ["no tag 'opinion'"]),
    ],
)
def test_annotate_failures(
    capsys: pytest.CaptureFixture[str], db: str, imported: str, argv: list[str], needles: list[str]
) -> None:
    code, _, err = run(capsys, "--database", db, "annotate", imported, *argv)
    assert_failed(code, err, *needles)
    with Library.open(f"sqlite:///{db}") as library:
        assert library.annotations(imported) == []


def test_annotate_unknown_document(capsys: pytest.CaptureFixture[str], db: str, imported: str) -> None:
    for argv in (["--quote", "dog"], ["--start", "0", "--end", "3"]):
        code, _, err = run(capsys, "--database", db, "annotate", "no-such-doc", "--tag", "claim", *argv)
        assert_failed(code, err, "no document 'no-such-doc'")


@pytest.mark.parametrize(
    "argv",
    [
        ["--quote", "cat", "--start", "1", "--end", "4"],
        ["--start", "1"],
        [],
        ["--start", "1", "--end", "4", "--occurrence", "1"],
    ],
    ids=["quote-and-offsets", "start-without-end", "neither", "occurrence-without-quote"],
)
def test_annotate_usage_errors_exit_2(
    capsys: pytest.CaptureFixture[str], db: str, imported: str, argv: list[str]
) -> None:
    code, _out, err = run(capsys, "--database", db, "annotate", imported, "--tag", "claim", *argv)
    assert code == 2
    assert err.splitlines()[-1].startswith("annotator: error: ")
    assert "usage:" in err and "Traceback" not in err


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["annotate", "doc-id"],
        ["import"],
        ["export", "--format", "docx"],
        ["list", "--bogus"],
    ],
)
def test_argparse_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], db: str, argv: list[str]) -> None:
    with pytest.raises(SystemExit) as caught:
        main(["--database", db, *argv])
    assert caught.value.code == 2
    assert "usage:" in capsys.readouterr().err


def test_export_to_stdout_and_file(
    capsysbinary: pytest.CaptureFixture[bytes], db: str, doc_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.txt"
    other.write_text("Other document\n", encoding="utf-8")
    assert main(["--database", db, "import", str(doc_file)]) == 0
    assert main(["--database", db, "import", str(other), "--set", "only-other"]) == 0
    ids = [line.split(b"\t")[0].decode() for line in capsysbinary.readouterr().out.splitlines()]
    assert main(["--database", db, "annotate", ids[0], "--tag", "claim", "--quote", "dog"]) == 0
    capsysbinary.readouterr()

    assert main(["--database", db, "export"]) == 0
    everything = orjson.loads(capsysbinary.readouterr().out)
    assert everything["format"] == "annotator-export"
    assert [d["id"] for d in everything["documents"]] == ids
    assert [a["quote"] for a in everything["documents"][0]["annotations"]] == ["dog"]

    assert main(["--database", db, "export", "--doc", ids[0]]) == 0
    assert [d["id"] for d in orjson.loads(capsysbinary.readouterr().out)["documents"]] == [ids[0]]
    assert main(["--database", db, "export", "--set", "only-other"]) == 0
    assert [d["id"] for d in orjson.loads(capsysbinary.readouterr().out)["documents"]] == [ids[1]]

    target = tmp_path / "out" / "export.json"
    target.parent.mkdir()
    assert main(["--database", db, "export", "-o", str(target), "--doc", ids[1], "--doc", ids[0]]) == 0
    out, err = capsysbinary.readouterr()
    assert out == b""
    assert b"exported 2 document(s)" in err
    assert [d["id"] for d in orjson.loads(target.read_bytes())["documents"]] == [ids[1], ids[0]]


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["export", "--doc", "missing"], ["no document 'missing'"]),
        (["export", "--set", "missing"], ["no set 'missing'"]),
        (["export", "-o", "/nonexistent-dir/x/export.json"], []),
    ],
)
def test_export_failures(
    capsys: pytest.CaptureFixture[str], db: str, imported: str, argv: list[str], needles: list[str]
) -> None:
    code, out, err = run(capsys, "--database", db, *argv)
    assert_failed(code, err, *needles)
    assert out == ""


def test_import_failures(capsys: pytest.CaptureFixture[str], db: str, doc_file: Path, tmp_path: Path) -> None:
    binary = tmp_path / "image.txt"
    binary.write_bytes(bytes(range(256)))
    code, out, err = run(capsys, "--database", db, "import", str(doc_file), str(binary))
    assert_failed(code, err, "image.txt", "binary")
    assert out == ""
    code, _, err = run(capsys, "--database", db, "import", str(tmp_path / "missing.txt"))
    assert_failed(code, err, "missing.txt")
    with Library.open(f"sqlite:///{db}") as library:
        assert library.documents() == []


def test_a_file_that_is_not_a_library(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"my notes, not a database\n")
    code, _, err = run(capsys, "--database", str(notes), "list")
    assert_failed(code, err, "not an Annotator library")
    assert notes.read_bytes() == b"my notes, not a database\n"


def test_debug_shows_the_traceback(capsys: pytest.CaptureFixture[str], db: str) -> None:
    with pytest.raises(LookupError):
        main(["--database", db, "--debug", "export", "--doc", "missing"])


def test_tags(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(capsys, "--database", db, "tags")
    assert code == 0
    # PATH, colour, key, description (as before the codebook grew a tree), then the counts.
    assert [line.split("\t") for line in out.splitlines()] == [
        [spec.name, spec.color, spec.shortcut, spec.description, "0", "0"] for spec in DEFAULT_TAGS
    ]


def test_database_from_env_and_option(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    doc_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    data_dir: Path,
) -> None:
    env_db, option_db = tmp_path / "env.sqlite3", tmp_path / "option.sqlite3"
    monkeypatch.setenv("ANNOTATOR_DATABASE_URL", str(env_db))
    assert run(capsys, "import", str(doc_file))[0] == 0
    assert env_db.exists() and not data_dir.exists()  # the default library was not touched

    code, out, _ = run(capsys, "list")
    assert code == 0 and len(out.splitlines()) == 2  # header + the imported document, no sample
    code, out, _ = run(capsys, "--database", str(option_db), "list")
    assert code == 0 and len(out.splitlines()) == 1  # --database wins: an empty library

    monkeypatch.setenv("ANNOTATOR_DATABASE_URL", f"sqlite:///{env_db}")  # a URL works as well as a path
    code, out, _ = run(capsys, "list")
    assert code == 0 and len(out.splitlines()) == 2


@pytest.mark.parametrize("folder", ["100%41 done", "what?x=1", "c# notes", "caf\u00e9 @ home:1"])
def test_database_path_is_taken_literally(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, doc_file: Path, folder: str
) -> None:
    path = tmp_path / folder / "lib.sqlite3"
    path.parent.mkdir()  # a new library is made only in a folder that exists
    outputs = []
    for argv in (["import", str(doc_file)], ["list"]):  # create, then reopen
        code, out, err = run(capsys, "--database", str(path), *argv)
        assert code == 0, err
        outputs.append(out)
    assert len(outputs[1].splitlines()) == 2  # header and the imported document: the same library
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([folder, doc_file.name])
    assert path.is_file()


def test_the_command_line_never_adds_the_sample_to_the_default_library(
    capsys: pytest.CaptureFixture[str], data_dir: Path, doc_file: Path
) -> None:
    code, out, err = run(capsys, "import", str(doc_file))
    assert code == 0 and "imported 1 new document(s)" in err
    code, out, _ = run(capsys, "list", "--json")
    assert code == 0
    assert [d["title"] for d in orjson.loads(out)] == [TEXT.split("\n", 1)[0]]  # what was imported, nothing else
    assert (data_dir / LIBRARY_FILENAME).stat().st_mode & 0o777 == 0o600


def test_entry_point_runs_as_a_process(tmp_path: Path, doc_file: Path) -> None:
    db = tmp_path / "proc.sqlite3"
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    imported = subprocess.run(
        [sys.executable, "-m", "annotator", "--database", str(db), "import", str(doc_file)],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False,
    )  # fmt: skip
    assert imported.returncode == 0, imported.stderr
    listed = subprocess.run(
        [sys.executable, "-m", "annotator", "--database", str(db), "list"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False,
    )  # fmt: skip
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.splitlines()[1].split("\t")[:2] == imported.stdout.strip().split("\t")
    failed = subprocess.run(
        [sys.executable, "-m", "annotator", "--database", str(db), "export", "--doc", "nope"],
        capture_output=True, text=True, encoding="utf-8", env=env, timeout=60, check=False,
    )  # fmt: skip
    assert failed.returncode == 1
    assert failed.stderr.startswith("annotator: error: ") and "Traceback" not in failed.stderr


def test_export_help_lists_every_declared_writer_option(capsys: pytest.CaptureFixture[str]) -> None:
    from annotator.cli import main
    from annotator.formats.registry import writers

    with pytest.raises(SystemExit):
        main(["export", "--help"])
    help_text = capsys.readouterr().out
    declared = [(fmt.id, option) for fmt in writers() for option in fmt.options]
    assert declared
    for format_id, option in declared:
        assert f"  {format_id} {option.name}: {option.help}" in help_text


# -- documents, memos and the coder name (issue 9) -----------------------------------------------


def test_documents_rename_and_delete_with_yes_only(capsys, db, doc_file, tmp_path) -> None:
    code, out, _ = run(capsys, "--database", db, "import", str(doc_file))
    doc_id = out.split("\t")[0]
    assert run(capsys, "--database", db, "documents", "rename", doc_id, "Field notes, day 1")[0] == 0
    code, out, _ = run(capsys, "--database", db, "list", "--json")
    assert [d["title"] for d in orjson.loads(out)] == ["Field notes, day 1"]
    assert run(capsys, "--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "The cat sat")[0] == 0
    code, _, err = run(capsys, "--database", db, "documents", "delete", doc_id)
    assert code == 1 and "would delete 'Field notes, day 1' with 1 annotation(s)" in err and "--yes" in err
    assert len(orjson.loads(run(capsys, "--database", db, "list", "--json")[1])) == 1  # nothing deleted
    code, _, err = run(capsys, "--database", db, "documents", "delete", doc_id, "--yes")
    assert code == 0 and "backup:" in err
    assert orjson.loads(run(capsys, "--database", db, "list", "--json")[1]) == []
    code, _, err = run(capsys, "--database", db, "documents", "rename", doc_id, "x")
    assert code == 1 and "no document" in err
    code, _, err = run(capsys, "--database", db, "documents", "rename", "any", "  ")
    assert code == 1 and err.startswith("annotator: error: a document needs a title")


def test_memos_prints_markdown_or_json(capsys, db, doc_file) -> None:
    doc_id = run(capsys, "--database", db, "import", str(doc_file))[1].split("\t")[0]
    run(capsys, "--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "The cat sat", "--note", "a\nb")
    code, out, _ = run(capsys, "--database", db, "memos")
    assert code == 0 and "## Annotation memos" in out and "“The cat sat” (claim)" in out and "\na\nb\n" in out
    code, out, _ = run(capsys, "--database", db, "memos", "--json")
    notes = [m for m in orjson.loads(out) if m["kind"] == "annotation"]
    assert [(m["quote"], m["text"]) for m in notes] == [("The cat sat", "a\nb")]


def test_annotate_stamps_the_coder_name_from_the_settings_unless_given(capsys, db, doc_file) -> None:
    from annotator import config

    doc_id = run(capsys, "--database", db, "import", str(doc_file))[1].split("\t")[0]
    config.save_coder_name("  Ann   Smith ")
    run(capsys, "--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "The cat sat")
    run(capsys, "--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "The cat ran", "--coder", "bob")
    run(capsys, "--database", db, "annotate", doc_id, "--tag", "evidence", "--quote", "The cat ran", "--coder", "")
    with Library.open(f"sqlite:///{db}") as library:
        assert sorted(a.coder for a in library.annotations(doc_id)) == ["", "Ann Smith", "bob"]


def test_import_of_an_edited_file_says_to_revise_instead(
    capsys: pytest.CaptureFixture[str], db: str, doc_file: Path, imported: str
) -> None:
    doc_file.write_text(TEXT + "A line added since.\n", encoding="utf-8")
    code, out, err = run(capsys, "--database", db, "import", str(doc_file))
    assert code == 0, err
    assert len(out.splitlines()) == 1 and not out.startswith(imported)  # added, as a new document
    assert "“Field notes \U0001f600” is already in the library with different text" in err
    assert "annotator revise" in err and imported in err
