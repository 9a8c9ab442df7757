"""Tests: ``-o``'s extension says what is written (export, retrieve, agreement): with no
``--format`` the extension chooses; an extension naming no format, or another format than
``--format``, is one usage error and nothing is written."""

from __future__ import annotations

import zipfile
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from annotator.formats.base import ImportBundle, ImportedDocument
from annotator.services import annotating, importing
from annotator.services.library import Library
from tests.test_cli import run


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "lib.sqlite3"
    with Library.open(f"sqlite:///{path}") as library:
        [row] = importing.persist(library, [ImportBundle([ImportedDocument("Notes", "The dog barked.\n")])]).documents
        annotating.annotate_quote(library, document_id=row.id, tag_id=library.tag_named("claim").id, quote="dog")
    return str(path)


def test_export_without_format_writes_what_the_extension_names(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    for name in ("x.csv", "x.xlsx", "x.qdpx", "x.json"):
        assert run(capsys, "--database", db, "export", "-o", str(tmp_path / name))[0] == 0
    assert (tmp_path / "x.csv").read_text(encoding="utf-8-sig").startswith('"')
    assert load_workbook(tmp_path / "x.xlsx").active is not None
    assert "project.qde" in zipfile.ZipFile(tmp_path / "x.qdpx").namelist()
    assert orjson.loads((tmp_path / "x.json").read_bytes())["documents"]


def test_retrieve_without_format_writes_what_the_extension_names(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    target = tmp_path / "r.xlsx"
    assert run(capsys, "--database", db, "retrieve", "claim", "-o", str(target))[0] == 0
    assert target.read_bytes().startswith(b"PK")


@pytest.mark.parametrize(
    ("argv", "needles"),
    [
        (["export", "--format", "csv", "-o", "x.json"], ["--format csv does not write a .json file", ".json is json"]),
        (["export", "-o", "x.docx"], ["the extension .docx names no format", ".qdpx (qdpx)"]),
        (["retrieve", "claim", "--format", "csv", "-o", "r.xlsx"], ["--format csv does not write a .xlsx file"]),
        (["agreement", "--coder", "a", "--coder", "b", "--format", "json", "-o", "r.html"], ["does not write"]),
    ],
)
def test_an_extension_of_another_format_is_refused_and_nothing_written(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, argv: list[str], needles: list[str]
) -> None:
    argv = [*argv[:-1], str(tmp_path / argv[-1])]
    code, _, err = run(capsys, "--database", db, *argv)
    assert code == 2
    line = err.strip().splitlines()[-1]
    assert line.startswith("annotator: error:")
    for needle in needles:
        assert needle in line
    assert not Path(argv[-1]).exists()
