"""Tests: what the command prints and writes (issue 7, points 3, 11, 13, 15 and 16), run as
real ``python -m annotator`` processes.

- Titles, names and messages are printed with their control characters escaped, so a
  title cannot drive the terminal or break a tab-separated line; the stored text and
  ``list --json`` stay exact.
- ``export -o`` onto the library is refused; into ``>(cmd)`` (a ``/dev/fd/N`` pipe) it
  writes into the pipe.
- A failed export (a full device, a closed pipe) prints at most the one error line.
- Export and import say what they did: a codebook, nothing new, how much was new.
"""

from __future__ import annotations

import os
import re
import stat
import subprocess
from pathlib import Path

import orjson
import pytest

from annotator.formats.base import ImportBundle, ImportedDocument
from annotator.services import annotating, importing
from annotator.services.library import Library
from tests._cli import COMMAND, annotator, error_line, user_env

TEXT = "The cat sat. The dog barked at the cat's tail.\n"
#: OSC 52 (write the clipboard), BEL, "clear the screen", a tab, a C1 CSI and a Unicode line break.
HOSTILE_TITLE = "Evil \x1b]52;c;aGVsbG8=\x07 title\x1b[2J\there\x9b31m end\u2028tail"
ESCAPED_TITLE = "Evil \\x1b]52;c;aGVsbG8=\\x07 title\\x1b[2J\\there\\x9b31m end\\u2028tail"
#: What must never reach a terminal (as UTF-8): C0 controls but the tab and newline that
#: make the lines, DEL, C1 controls, U+2028 and U+2029.
CONTROLS = re.compile(rb"[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\xa8\xa9]")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """An existing library with one document, "Field notes", and two annotations."""
    path = tmp_path / "lib.sqlite3"
    with Library.open(f"sqlite:///{path}") as library:
        [row] = importing.persist(library, [ImportBundle([ImportedDocument("Field notes", TEXT)])]).documents
        for quote, tag in (("dog", "claim"), ("tail", "evidence")):
            annotating.annotate_quote(library, document_id=row.id, tag_id=library.tag_named(tag).id, quote=quote)
    return path


# -- point 13: control characters ---------------------------------------------------------------


def test_titles_are_printed_with_their_control_characters_escaped(tmp_path: Path) -> None:
    """A title taken from a file's first line is made one line at import (no control characters);
    one stored with them (by another program, or an import format that keeps a title as given) is
    printed escaped, as one field, and exact in JSON."""
    source = tmp_path / "hostile.txt"
    source.write_text(HOSTILE_TITLE + "\n\nThe body of it.\n", encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    imported = annotator("--database", db, "import", source)
    with Library.open(f"sqlite:///{db}") as library:
        [from_file] = library.documents()
        [row] = importing.persist(library, [ImportBundle([ImportedDocument(HOSTILE_TITLE, "Body.\n")])]).documents
    listed = annotator("--database", db, "list")
    as_json = annotator("--database", db, "list", "--json")
    for done in (imported, listed, as_json):
        assert done.returncode == 0, done.stderr
        assert not CONTROLS.search(done.stdout) and not CONTROLS.search(done.stderr), done.stdout

    assert not CONTROLS.search(from_file.title.encode()) and "\u2028" not in from_file.title
    assert imported.stdout.decode() == f"{from_file.id}\t{from_file.title}\n"
    assert {tuple(line.split("\t")) for line in listed.stdout.decode().splitlines()[1:]} == {
        (from_file.id, from_file.title, "0", "0", "0"),
        (row.id, ESCAPED_TITLE, "0", "0", "0"),  # still five fields
    }
    assert {document["title"] for document in orjson.loads(as_json.stdout)} == {from_file.title, HOSTILE_TITLE}


def test_error_messages_quoting_the_user_are_escaped_too(db: Path) -> None:
    done = annotator("--database", db, "export", "--doc", "x\x1b[2J\ny")
    line = error_line(done, 1, "no document 'x\\x1b[2J\\ny'")
    assert "\x1b" not in line


# -- point 3 and 11: where -o writes ----------------------------------------------------------


def test_export_onto_the_library_is_refused(db: Path) -> None:
    error_line(annotator("--database", db, "export", "--format", "json", "-o", db), 1, "the library's own file")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    with Library.open(f"sqlite:///{db}") as library:
        assert [d.title for d in library.documents()] == ["Field notes"]


def test_export_into_a_process_substitution(db: Path) -> None:
    """``annotator export -o >(gzip > x.gz)``: the shell passes a pipe as /dev/fd/N."""
    read_end, write_end = os.pipe()
    proc = subprocess.Popen(
        [*COMMAND, "--database", str(db), "export", "-o", f"/dev/fd/{write_end}"],
        pass_fds=(write_end,), stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=user_env(),
    )  # fmt: skip
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        received = pipe.read()
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    assert [d["title"] for d in orjson.loads(received)["documents"]] == ["Field notes"]


# -- point 15: failed exports ----------------------------------------------------------------


@pytest.mark.parametrize("format_id", ["xlsx", "json"])
def test_an_export_to_a_full_device_prints_one_line(db: Path, tmp_path: Path, format_id: str) -> None:
    full = Path("/dev/full")
    if os.geteuid() == 0:  # a regression would replace the machine's /dev/full: use a private one
        full = tmp_path / "full"
        try:
            os.mknod(full, stat.S_IFCHR | 0o666, os.makedev(1, 7))
        except PermissionError:
            pytest.skip("cannot make a device node here")
    error_line(annotator("--database", db, "export", "--format", format_id, "-o", full), 1, "No space left")
    assert stat.S_ISCHR(full.lstat().st_mode)


@pytest.mark.parametrize("argv", [["export", "--format", "xlsx"], ["list"]], ids=["xlsx", "list"])
def test_output_into_a_closed_pipe_prints_no_traceback(db: Path, argv: list[str]) -> None:
    proc = subprocess.Popen(
        [*COMMAND, "--database", str(db), *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=user_env()
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before anything is written (`annotator export | true`)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert err == b""  # like `cat | head`: a closed pipe is not worth a message, and never a traceback


# -- point 16: saying what was done --------------------------------------------------------------


def test_a_codebook_export_says_it_wrote_the_codebook(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "tags.qdc"
    done = annotator("--database", db, "export", "--format", "qdc", "-o", target)
    assert done.returncode == 0, done.stderr
    assert done.stderr.decode() == f"exported the codebook (3 tags) to {target}\n"


def test_importing_an_export_again_says_nothing_new_was_added(db: Path, tmp_path: Path) -> None:
    export = tmp_path / "export.json"
    assert annotator("--database", db, "export", "-o", export).returncode == 0
    fresh = tmp_path / "fresh.sqlite3"
    first = annotator("--database", fresh, "import", export)
    assert first.returncode == 0, first.stderr
    [(doc_id, title)] = [line.split("\t") for line in first.stdout.decode().splitlines()]
    assert title == "Field notes"
    assert first.stderr.decode().splitlines() == [
        f"created a new library at {fresh}",
        "imported 1 new document(s), 2 annotation(s)",
    ]
    again = annotator("--database", fresh, "import", export)
    assert again.returncode == 0, again.stderr
    assert again.stdout == first.stdout  # the same <id>\t<title> lines, as documented
    assert again.stderr.decode() == "nothing new: 1 document(s) and 2 annotation(s) were already in the library\n"
    with Library.open(f"sqlite:///{fresh}") as library:
        assert [(d.id, sum(d.counts.values())) for d in library.documents()] == [(doc_id, 2)]


def test_export_through_a_link_keeps_the_link_and_the_files_permissions(db: Path, tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real = tmp_path / "real" / "out.json"
    real.write_text("old")
    real.chmod(0o600)
    link = tmp_path / "link.json"
    link.symlink_to("real/out.json")
    done = annotator("--database", db, "export", "-o", link)
    assert done.returncode == 0, done.stderr
    assert link.is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o600
    assert [d["title"] for d in orjson.loads(real.read_bytes())["documents"]] == ["Field notes"]

    real.chmod(0o444)
    error_line(annotator("--database", db, "export", "-o", real), 1, f"{real} is read-only")
    error_line(annotator("--database", db, "export", "-o", link), 1, "is read-only")
    assert [d["title"] for d in orjson.loads(real.read_bytes())["documents"]] == ["Field notes"]
    assert sorted(p.name for p in real.parent.iterdir()) == ["out.json"]


def test_export_into_a_file_handed_over_as_dev_fd(db: Path, tmp_path: Path) -> None:
    """``annotator export -o /dev/fd/1 > file``: the file the shell opened is written into,
    and nothing is made beside /proc/self/fd."""
    out = tmp_path / "out.json"
    with out.open("wb") as stdout:
        done = subprocess.run(
            [*COMMAND, "--database", str(db), "export", "-o", "/dev/fd/1"],
            stdout=stdout, stderr=subprocess.PIPE, env=user_env(), timeout=120, check=False,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert [d["title"] for d in orjson.loads(out.read_bytes())["documents"]] == ["Field notes"]
