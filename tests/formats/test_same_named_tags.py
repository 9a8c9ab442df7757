"""Tests: exports tell apart two tags that share a name (``Pos`` under ``F`` and under ``O``).

Where a format names a tag by text alone (CSV/XLSX, Markdown, the HTML report, JSONL,
W3C, brat's display labels, memos), a name two tags share is written as the shortest
PATH that tells them apart (``F/Pos``, ``O/Pos``); a unique name is written as it is.
A flat file written so comes back onto the same tags.
"""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import orjson
import pytest
from openpyxl import load_workbook

from annotator.services import annotating, codebook, exporting, importing, memos
from annotator.services.library import Library

TEXT = "Good food and a good outcome, said the cook.\n"


@pytest.fixture
def library(tmp_path: Path):
    with Library.open(f"sqlite:///{tmp_path / 'lib.sqlite3'}") as opened:
        yield opened


@pytest.fixture
def two_pos(library: Library) -> tuple[str, str, str]:
    """A document with "food" tagged F/Pos (note "tasty") and "outcome" tagged O/Pos; returns
    the document's and both tags' ids."""
    doc_id = importing.persist(library, [importing.text_bundle(TEXT, title="Cook")]).documents[0].id
    ids = []
    for parent, word, note in (("F", "food", "tasty"), ("O", "outcome", "")):
        parent_id = codebook.create_tag(library, name=parent).tags_created[0].id
        pos = codebook.create_tag(library, name="Pos", parent_id=parent_id).tags_created[0].id
        start = TEXT.index(word)
        annotating.create_annotation(
            library, document_id=doc_id, tag_id=pos, start=start, end=start + len(word), note=note
        )
        ids.append(pos)
    return doc_id, ids[0], ids[1]


def _export(library: Library, format_id: str, **options: object) -> bytes:
    out = io.BytesIO()
    exporting.export(library, out, format_id=format_id, options=options)
    return out.getvalue()


def test_csv_and_xlsx_name_each_tag_by_its_path(library: Library, two_pos) -> None:
    rows = list(csv.DictReader(io.StringIO(_export(library, "csv").decode("utf-8"))))
    assert {r["quote"]: r["tag"] for r in rows} == {"food": "F/Pos", "outcome": "O/Pos"}
    book = load_workbook(io.BytesIO(_export(library, "xlsx")), read_only=True)
    names = [row[0] for row in book["tags"].iter_rows(min_row=2, values_only=True)]
    assert {"F/Pos", "O/Pos", "F", "O", "claim"} <= set(names) and "Pos" not in names
    sheet = [row[2] for row in book["annotations"].iter_rows(min_row=2, values_only=True)]
    assert sorted(sheet) == ["F/Pos", "O/Pos"]


def test_markdown_and_the_report_name_each_tag_by_its_path(library: Library, two_pos) -> None:
    md = _export(library, "md").decode("utf-8")
    assert "| F/Pos |" in md and "| O/Pos |" in md and "| Pos |" not in md
    assert "**F/Pos**: tasty" in md and "F/Pos 1, O/Pos 1" in md
    html = _export(library, "report").decode("utf-8")
    assert "<bdi>F/Pos</bdi>" in html and "<bdi>O/Pos</bdi>" in html and "<bdi>Pos</bdi>" not in html
    assert 'title="F/Pos: tasty"' in html


@pytest.mark.parametrize("flavor", ["spacy", "doccano", "label-studio"])
def test_jsonl_labels_are_paths_and_come_back_onto_the_same_tags(
    library: Library, two_pos, tmp_path: Path, flavor: str
) -> None:
    doc_id, f_pos, o_pos = two_pos
    data = _export(library, "jsonl", flavor=flavor)
    assert b'"F/Pos"' in data and b'"O/Pos"' in data and b'"Pos"' not in data
    if flavor != "spacy":
        return
    path = tmp_path / "out.jsonl"
    line = orjson.loads(data)  # another document (no ids, no checksum), its spans labelled as exported
    line = {"text": line["text"].replace("Good", "Nice"), "spans": [{**sp, "id": None} for sp in line["spans"]]}
    path.write_bytes(orjson.dumps(line) + b"\n")
    before = {t.id for t in library.tags()}
    imported = importing.import_paths(library, [path], format_id="jsonl").documents[0].id
    assert imported != doc_id and {t.id for t in library.tags()} == before  # no new tag "F/Pos"
    assert sorted((a.quote, a.tag_id) for a in library.annotations(imported)) == [("food", f_pos), ("outcome", o_pos)]


def test_w3c_tagging_values_are_paths(library: Library, two_pos) -> None:
    page = orjson.loads(_export(library, "w3c"))
    values = {b["value"] for item in page["first"]["items"] for b in item["body"] if b.get("purpose") == "tagging"}
    assert values == {"F/Pos", "O/Pos"}


def test_brat_display_labels_are_paths(library: Library, two_pos) -> None:
    with zipfile.ZipFile(io.BytesIO(_export(library, "brat"))) as archive:
        visual = archive.read("visual.conf").decode("utf-8")
    labels = [line.split(" | ")[1] for line in visual.split("[drawing]")[0].splitlines() if " | " in line]
    assert "F/Pos" in labels and "O/Pos" in labels and "Pos" not in labels


def test_memos_name_the_tag_by_its_path(library: Library, two_pos) -> None:
    _doc, f_pos, _o = two_pos
    codebook.update_tag(library, tag_id=f_pos, description="Praise of food")
    text = memos.memos_markdown(memos.all_memos(library))
    assert "“food” (F/Pos)" in text and "### Tag F/Pos" in text
    records = orjson.loads(memos.memos_json(memos.all_memos(library)))
    assert {r["kind"]: r["tag"] for r in records if r["id"] == f_pos or r.get("quote") == "food"} == {
        "annotation": "F/Pos", "tag": "F/Pos",
    }  # fmt: skip
