"""Tests: ``annotator export --format notes``: the study notes from the command line, their style
from the -o name, and the Markdown export still chosen by a ``.md`` name alone."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from annotator.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def db(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    db = str(tmp_path / "n.sqlite3")
    source = tmp_path / "t.txt"
    source.write_text("alpha beta gamma delta\n", encoding="utf-8")
    _, out, _ = run(capsys, "--database", db, "import", str(source))
    doc_id = out.split("\t")[0]
    for quote, tag, note in (("gamma", "claim", "third"), ("alpha", "evidence", "first"), ("beta", "claim", "")):
        assert run(capsys, "--database", db, "annotate", doc_id, "--tag", tag, "--quote", quote, "--note", note)[0] == 0
    return db


def test_export_notes_as_markdown(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    path = tmp_path / "notes.md"
    code, _, err = run(capsys, "--database", db, "export", "--format", "notes", "-o", str(path))
    assert code == 0, err
    md = path.read_text(encoding="utf-8")
    assert md.index("### claim") < md.index("> beta") < md.index("> gamma") < md.index("### evidence")
    assert "third" in md and "annotator://document/" in md


def test_text_order_and_fields_from_the_command_line(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(
        capsys, "--database", db, "export", "--format", "notes", "--option", "order=text", "--option", "fields=quote"
    )
    assert code == 0, err
    quotes = [line for line in out.splitlines() if line.startswith("> ")]
    assert quotes == ["> alpha", "> beta", "> gamma"]
    assert "annotator://" not in out


def test_the_style_follows_the_name(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    path = tmp_path / "notes.docx"
    assert run(capsys, "--database", db, "export", "--format", "notes", "-o", str(path))[0] == 0
    assert {"alpha", "beta", "gamma"} <= {p.text for p in docx.Document(str(path)).paragraphs}
    code, _, err = run(
        capsys, "--database", db, "export", "--format", "notes", "--option", "style=html", "-o", str(tmp_path / "x.md")
    )
    assert code != 0 and "style html" in err and not (tmp_path / "x.md").exists()


def test_a_md_name_alone_still_means_the_markdown_export(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    path = tmp_path / "doc.md"
    assert run(capsys, "--database", db, "export", "-o", str(path))[0] == 0
    assert path.read_text(encoding="utf-8").startswith("# Annotated documents")
