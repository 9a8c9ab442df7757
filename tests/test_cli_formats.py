"""Tests: the command line's format features: listing formats, export filters and
options, binary output kept off terminals, and boilerplate trimming on import."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.formats.registry import all_formats
from annotator.services.library import Library

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "seeds" / "kazakhstan-implosion-op-ed.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_formats_lists_the_registry(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(capsys, "--database", str(tmp_path / "f.sqlite3"), "formats")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()[1:]]
    assert [r[0] for r in rows] == [f.id for f in all_formats()]
    for row, fmt in zip(rows, all_formats()):
        assert row[1] == ("yes" if fmt.reader else "-") and row[2] == ("yes" if fmt.writer else "-")


def test_export_keeps_only_the_chosen_tags_and_coders(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "f.sqlite3")
    source = tmp_path / "t.txt"
    source.write_text("alpha beta gamma delta\n", encoding="utf-8")
    _, out, _ = run(capsys, "--database", db, "import", str(source))
    doc_id = out.split("\t")[0]
    for quote, tag, coder in (("alpha", "claim", "ann"), ("beta", "evidence", "ann"), ("gamma", "claim", "bob")):
        assert (
            run(capsys, "--database", db, "annotate", doc_id, "--tag", tag, "--quote", quote, "--coder", coder)[0] == 0
        )
    code, out, _ = run(capsys, "--database", db, "export", "--tag", "claim", "--coder", "bob")
    assert code == 0
    (document,) = orjson.loads(out)["documents"]
    assert [(a["quote"], a["tag"], a["coder"]) for a in document["annotations"]] == [("gamma", "claim", "bob")]
    code, _, err = run(capsys, "--database", db, "export", "--tag", "nosuch")
    assert code == 1 and "nosuch" in err


def test_binary_formats_are_not_written_to_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    binary = [f for f in all_formats() if f.writer and f.binary]
    if not binary:
        pytest.skip("no binary writer is registered yet")
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    code, _, err = run(capsys, "--database", str(tmp_path / "f.sqlite3"), "export", "--format", binary[0].id)
    assert code == 2 and "-o PATH" in err


def test_study_notes_as_a_word_document_are_not_written_to_a_terminal(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The notes format writes text, except in its Word style: that one needs -o as binary formats do."""
    import sys

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    database = str(tmp_path / "f.sqlite3")
    code, _, err = run(capsys, "--database", database, "export", "--format", "notes", "--option", "style=docx")
    assert code == 2 and "-o PATH" in err
    code, out, _ = run(capsys, "--database", database, "export", "--format", "notes")  # Markdown: text
    assert code == 0 and out.startswith("# Study notes")


def test_import_offers_trimming_and_trims_only_when_asked(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "f.sqlite3")
    code, out, err = run(capsys, "--database", db, "import", str(SEED))
    assert code == 0 and "--trim" in err and "boilerplate" in err
    with Library.open(f"sqlite:///{tmp_path / 'f.sqlite3'}") as library:
        untouched = library.document(out.split("\t")[0])
    assert "Related articles" in untouched.text and "trimmed" not in untouched.metadata

    db2 = str(tmp_path / "g.sqlite3")
    code, out, err = run(capsys, "--database", db2, "import", "--trim", str(SEED))
    assert code == 0 and "--trim" not in err
    with Library.open(f"sqlite:///{tmp_path / 'g.sqlite3'}") as library:
        trimmed = library.document(out.split("\t")[0])
    assert "Related articles" not in trimmed.text
    assert "or its partners" in trimmed.text
    assert trimmed.metadata["trimmed"]
    restored = untouched.text
    for record in trimmed.metadata["trimmed"]:
        assert restored[record["start"] : record["end"]] == record["text"]


def test_import_of_metadata_nested_too_deep_says_so(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "f.sqlite3")
    deep = b'{"a":' * 299 + b"{}" + b"}" * 299
    path = tmp_path / "deep.jsonl"
    path.write_bytes(b'{"text": "Some text.", "spans": [], "meta": {"metadata": ' + deep + b"}}\n")
    code, out, err = run(capsys, "--database", db, "import", str(path))
    assert code == 1 and out == ""
    assert err.startswith("annotator: error: nothing was imported: ") and err.count("\n") == 1
    assert "nested more than" in err
    assert run(capsys, "--database", db, "list")[1].count("\n") == 1  # the header: no documents


def test_import_of_a_brat_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db, copy = str(tmp_path / "f.sqlite3"), str(tmp_path / "copy.sqlite3")
    source = tmp_path / "t.txt"
    source.write_text("alpha beta gamma delta\n", encoding="utf-8")
    _, out, _ = run(capsys, "--database", db, "import", str(source))
    doc_id = out.split("\t")[0]
    assert run(capsys, "--database", db, "annotate", doc_id, "--tag", "claim", "--quote", "beta")[0] == 0
    folder = tmp_path / "brat"
    assert run(capsys, "--database", db, "export", "--format", "brat", "-o", str(folder))[0] == 0
    code, out, _err = run(capsys, "--database", copy, "import", str(folder))
    assert code == 0 and out.startswith(doc_id + "\t")
    _, out, _ = run(capsys, "--database", copy, "export")
    [document] = orjson.loads(out)["documents"]
    assert [(a["tag"], a["start"], a["end"], a["quote"]) for a in document["annotations"]] == [("claim", 6, 10, "beta")]


def test_each_format_id_means_one_thing_and_the_old_html_export_still_works(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = str(tmp_path / "f.sqlite3")
    code, out, _ = run(capsys, "--database", db, "formats")
    rows = {line.split("\t")[0]: line.split("\t") for line in out.splitlines()[1:]}
    assert rows["html"][1:3] == ["yes", "-"] and rows["html"][4] == "Web page (HTML)"
    assert rows["report"][1:3] == ["-", "yes"] and rows["report"][4] == "HTML report"
    code, out, err = run(capsys, "--database", db, "export", "--format", "report")
    assert code == 0 and out.startswith("<!DOCTYPE html>") and "note" not in err
    # "html" on export once meant the report: it still writes it, and says what to write instead.
    code, old, err = run(capsys, "--database", db, "export", "--format", "html")
    assert code == 0 and old.startswith("<!DOCTYPE html>") and '<table class="legend">' in old
    assert err.count("\n") == 1 and "--format report" in err and "web page" in err
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    offered = capsys.readouterr().out.split("--format {")[1].split("}")[0].split(",")
    assert "report" in offered and "html" not in offered


def test_the_export_service_names_the_report_for_the_old_html_id(tmp_path: Path) -> None:
    from annotator.formats.base import FormatError
    from annotator.services import exporting

    with (
        Library.open(f"sqlite:///{tmp_path / 'f.sqlite3'}") as library,
        pytest.raises(
            FormatError, match="can be imported but not exported; the export it used to name is format 'report'"
        ),
    ):
        exporting.export_to_path(library, tmp_path / "out.html", format_id="html")
