"""Tests: Hypothesis and Zotero highlights written onto a library's document, from the service and
the command line: tags created or refused, page notes in the memo, unplaced ones reported, a
second import adding nothing, and a dry run writing nothing."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from annotator.cli import main
from annotator.core.errors import InvalidInput
from annotator.formats.base import FormatError
from annotator.services import importing, memos
from annotator.services.highlights import import_highlights, preview_highlights
from annotator.services.library import Library
from tests.formats.documents.builders import build_pdf

TEXT = "Turnout 🗳 rose. The bridge was closed for repairs.\n"
QUOTE = "The bridge was closed"


def _hypothesis(tmp_path: Path) -> Path:
    at = TEXT.index(QUOTE)
    start = len(TEXT[:at].encode("utf-16-le")) // 2
    target = {"selector": [
        {"type": "TextQuoteSelector", "exact": QUOTE, "prefix": "rose. ", "suffix": " for"},
        {"type": "TextPositionSelector", "start": start, "end": start + len(QUOTE)},
    ]}  # fmt: skip
    rows = [
        {"id": "a1", "user": "acct:ada@hypothes.is", "text": "Why?", "tags": ["infra"], "target": [target]},
        {
            "id": "a2",
            "user": "acct:ada@hypothes.is",
            "text": "",
            "tags": [],
            "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "not there at all"}]}],
        },
        {"id": "p1", "user": "acct:bo@hypothes.is", "text": "Good page.", "target": [{"source": "https://x"}]},
        {"id": "r1", "user": "acct:bo@hypothes.is", "text": "Agreed", "references": ["a1"], "target": [{}]},
    ]
    path = tmp_path / "hypothesis.json"
    path.write_bytes(orjson.dumps({"total": len(rows), "rows": rows}))
    return path


def _document(library: Library, tmp_path: Path) -> str:
    source = tmp_path / "page.txt"
    source.write_text(TEXT, encoding="utf-8")
    return importing.import_paths(library, [source]).documents[0].id


def test_hypothesis_onto_a_document(library: Library, tmp_path: Path) -> None:
    doc_id = _document(library, tmp_path)
    path = _hypothesis(tmp_path)
    title = library.document(doc_id).title
    report = import_highlights(library, path, "hypothesis", document=title, tag_map={"infra": "claim"})
    [a] = library.annotations(doc_id)
    assert (TEXT[a.start : a.end], a.quote, a.coder) == (QUOTE, QUOTE, "ada")
    assert (library.tag_named("claim").id, a.note) == (a.tag_id, "Why?\nreply by bo: Agreed")
    assert [u.label for u in report.unplaced] == ["Hypothesis annotation a2"]
    assert [m.text for m in memos.all_memos(library) if m.target_id == doc_id] == [
        "Hypothesis page note by bo: Good page."
    ]
    again = import_highlights(library, path, "hypothesis", document=doc_id, tag_map={"infra": "claim"})
    assert again.summary.added == 0 and len(library.annotations(doc_id)) == 1


def test_unknown_tags_created_or_refused(library: Library, tmp_path: Path) -> None:
    doc_id = _document(library, tmp_path)
    with pytest.raises(InvalidInput, match="infra"):
        import_highlights(library, _hypothesis(tmp_path), "hypothesis", document=doc_id, tags_only_known=True)
    assert library.annotations(doc_id) == []
    import_highlights(library, _hypothesis(tmp_path), "hypothesis", document=doc_id)
    assert [library.tag_named("infra").id] == [a.tag_id for a in library.annotations(doc_id)]


def test_hypothesis_with_its_source_file(library: Library, tmp_path: Path) -> None:
    source = tmp_path / "page.txt"
    source.write_text(TEXT, encoding="utf-8")
    report = import_highlights(library, _hypothesis(tmp_path), "hypothesis", source=source)
    assert report.result is not None
    [row] = report.result.documents
    assert [a.quote for a in library.annotations(row.id)] == [QUOTE]


def test_zotero_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite3")
    text = "Page one has the same words.\n\nPage two has the same words.\n"
    source = tmp_path / "article.txt"
    source.write_text(text, encoding="utf-8")
    assert main(["--database", db, "import", str(source)]) == 0
    doc_id = capsys.readouterr().out.split("\t")[0]
    items = [
        {
            "key": "Z1",
            "itemType": "annotation",
            "annotationType": "highlight",
            "annotationText": "the same words",
            "annotationColor": "#ffd400",
            "annotationComment": "look",
            "annotationPosition": {"pageIndex": 1},
        }
    ]
    export = tmp_path / "zotero.json"
    export.write_bytes(orjson.dumps(items))
    # A text import has no pages: the page index cannot help, so both occurrences stay possible.
    assert main(["--database", db, "import", str(export), "--zotero", "--doc", doc_id, "--dry-run"]) == 0
    assert "not placed: Zotero highlight Z1" in capsys.readouterr().err
    items[0]["annotationText"] = "Page two has"
    export.write_bytes(orjson.dumps(items))
    argv = ["--database", db, "import", str(export), "--zotero", "--doc", doc_id, "--map-color", "#ffd400=evidence"]
    assert main(argv) == 0
    out, err = capsys.readouterr()
    assert out.startswith(doc_id) and "imported 1 annotation(s)" in err
    assert main(["--database", db, "export", "--doc", doc_id, "--format", "json"]) == 0
    exported = orjson.loads(capsys.readouterr().out)
    [annotation] = exported["documents"][0]["annotations"]
    assert (annotation["tag"], annotation["quote"], annotation["note"]) == ("evidence", "Page two has", "look")


def test_zotero_highlights_on_a_pdf_land_on_their_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "cli.sqlite3")
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(build_pdf([["The vote was close."], ["Again the vote was close."]]))
    assert main(["--database", db, "import", str(pdf)]) == 0
    doc_id = capsys.readouterr().out.split("\t")[0]
    items = [
        {"key": f"Z{page}", "itemType": "annotation", "annotationType": "highlight", "annotationText": "vote",
         "annotationColor": colour, "annotationPosition": {"pageIndex": page, "rects": [[0, 0, 1, 1]]}}
        for page, colour in ((1, "#ffd400"), (0, "#5fb236"))
    ]  # fmt: skip
    export = tmp_path / "zotero.json"
    export.write_bytes(orjson.dumps(items))
    assert main(["--database", db, "import", str(export), "--zotero", "--doc", doc_id]) == 0
    capsys.readouterr()
    assert main(["--database", db, "export", "--doc", doc_id, "--format", "json"]) == 0
    [document] = orjson.loads(capsys.readouterr().out)["documents"]
    second_page = document["text"].index("Again")
    placed = sorted((a["start"] > second_page, a["tag"], a["quote"]) for a in document["annotations"])
    assert placed == [(False, "evidence", "vote"), (True, "claim", "vote")]


def test_highlight_options_need_a_kind(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    export = tmp_path / "zotero.json"
    export.write_bytes(b"[]")
    assert main(["--database", str(tmp_path / "cli.sqlite3"), "import", str(export), "--doc", "x"]) != 0
    assert "need --hypothesis or --zotero" in capsys.readouterr().err


def test_preview_tells_the_kind_by_the_files_shape_and_writes_nothing(library: Library, tmp_path: Path) -> None:
    doc_id = _document(library, tmp_path)
    hyp = preview_highlights(library, _hypothesis(tmp_path), doc_id)
    assert (hyp.kind, hyp.table, hyp.memo_lines) == ("hypothesis", {"infra": "infra"}, 1)
    assert [u.label for u in hyp.unplaced] == ["Hypothesis annotation a2"]
    zotero = tmp_path / "zotero.json"
    item = {"itemType": "annotation", "annotationType": "highlight", "annotationText": QUOTE}
    zotero.write_bytes(orjson.dumps({"items": [{"data": {**item, "annotationColor": "#5FB236"}}]}))
    zot = preview_highlights(library, zotero, doc_id)
    assert (zot.kind, zot.table, zot.unplaced) == ("zotero", {"#5fb236": "evidence"}, [])
    other = tmp_path / "other.json"
    other.write_bytes(orjson.dumps({"items": []}))
    with pytest.raises(FormatError):
        preview_highlights(library, other, doc_id)
    assert library.annotations(doc_id) == []
