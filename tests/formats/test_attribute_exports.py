"""Tests: document attributes in exports: REFI variables (checked against the project XSD) that import
back, and a column per attribute in CSV and XLSX; on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from annotator.core.errors import FormatError
from annotator.services import Library, annotating, exporting, importing
from annotator.services import attributes as attrs
from tests._snapshot import library_contents
from tests.formats.test_refi import P, make_qdpx, project_schema


@pytest.fixture
def source(library: Library, tmp_path: Path) -> Library:
    paths = []
    for i, text in enumerate(["First interview text.\n", "Second interview text.\n"]):
        path = tmp_path / f"interview{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    a, b = (row.id for row in importing.import_paths(library, paths).documents)
    attrs.define_attribute(library, name="age", kind="number")
    attrs.define_attribute(library, name="weight", kind="number")
    attrs.define_attribute(library, name="interviewed", kind="date")
    attrs.define_attribute(library, name="region", kind="choice", choices=["north", "south"])
    attrs.define_attribute(library, name="tag", kind="text")  # the name of a CSV column
    attrs.set_attributes(
        library, document_id=a,
        values={"age": "42", "weight": "71.5", "interviewed": "2020-03-31", "region": "south", "tag": "=1+1"},
    )  # fmt: skip
    attrs.set_attributes(library, document_id=b, values={"age": "7"})
    for doc in (a, b):
        annotating.annotate_quote(library, document_id=doc, tag_id=library.tag_named("claim").id, quote="interview")
    return library


def _export(library: Library, format_id: str) -> bytes:
    out = io.BytesIO()
    exporting.export(library, out, format_id=format_id)
    return out.getvalue()


def test_refi_declares_variables_and_gives_each_source_its_values(source: Library) -> None:
    with zipfile.ZipFile(io.BytesIO(_export(source, "qdpx"))) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    project_schema().assertValid(root)
    declared = {v.get("name"): v.get("typeOfVariable") for v in root.iter(f"{P}Variable")}
    assert declared == {"age": "Integer", "weight": "Float", "interviewed": "Date", "region": "Text", "tag": "Text"}
    first = next(root.iter(f"{P}TextSource"))
    values = [(v[0].tag, v[1].tag, v[1].text) for v in first.iter(f"{P}VariableValue")]
    assert [(kind.removeprefix(P), text) for _, kind, text in values] == [
        ("IntegerValue", "42"), ("FloatValue", "71.5"), ("DateValue", "2020-03-31"), ("TextValue", "south"),
        ("TextValue", "=1+1"),
    ]  # fmt: skip


def test_refi_variables_import_back_into_a_fresh_library(
    source: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    path = tmp_path / "project.qdpx"
    exporting.export_to_path(source, path, format_id="qdpx")
    fresh = open_library()
    result = importing.import_paths(fresh, [path])
    assert result.changes.attributes_changed
    assert attrs.attributes_of(fresh) == attrs.attributes_of(source)
    kinds = {a.name: (a.kind, a.choices) for a in attrs.definitions(fresh)}
    assert kinds == {
        "age": ("number", ()), "weight": ("number", ()), "interviewed": ("date", ()),
        "region": ("choice", ("north", "south")), "tag": ("text", ()),
    }  # fmt: skip
    # A second import changes nothing, and keeps a value the library changed meanwhile.
    doc = next(iter(attrs.attributes_of(fresh)))
    attrs.set_attributes(fresh, document_id=doc, values={"age": "43"})
    importing.import_paths(fresh, [path])
    assert attrs.attributes_of(fresh, [doc])[doc]["age"] == "43"


QDE = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p">
  <Variables>
    <Variable guid="11111111-1111-1111-1111-111111111111" name="born" typeOfVariable="Date"/>
    <Variable guid="22222222-2222-2222-2222-222222222222" name="consent" typeOfVariable="Boolean"/>
  </Variables>
  <Sources>
    <TextSource guid="33333333-3333-3333-3333-333333333333" name="s">
      <PlainTextContent>Some text.</PlainTextContent>
      <VariableValue><VariableRef targetGUID="11111111-1111-1111-1111-111111111111"/>
        <DateValue>{born}</DateValue></VariableValue>
      <VariableValue><VariableRef targetGUID="22222222-2222-2222-2222-222222222222"/>
        <BooleanValue>1</BooleanValue></VariableValue>
    </TextSource>
  </Sources>
</Project>"""


def test_other_tools_variables_import_and_bad_values_refuse_the_file(library: Library, tmp_path: Path) -> None:
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(make_qdpx(QDE.format(born="31/31/2020")))
    before = library_contents(library)
    with pytest.raises(FormatError, match="born"):
        importing.persist(library, [importing.read_file(bad)])
    assert library_contents(library) == before and attrs.definitions(library) == []
    good = tmp_path / "good.qdpx"
    good.write_bytes(make_qdpx(QDE.format(born="1970-01-02Z")))
    [row] = importing.import_paths(library, [good]).documents
    assert attrs.attributes_of(library, [row.id])[row.id] == {"born": "1970-01-02", "consent": "true"}


def test_csv_and_xlsx_have_a_column_per_attribute(source: Library) -> None:
    rows = list(csv.reader(io.StringIO(_export(source, "csv").decode("utf-8"))))
    header = rows[0]
    assert header[-5:] == ["age", "weight", "interviewed", "region", "attribute:tag"]
    assert [row[-5:] for row in rows[1:]] == [["42", "71.5", "2020-03-31", "south", "=1+1"], ["7", "", "", "", ""]]
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(_export(source, "xlsx")), read_only=True)
    documents = [list(r) for r in book["documents"].iter_rows(values_only=True)]
    assert documents[0][4:] == ["age", "weight", "interviewed", "region", "tag"]
    assert documents[1][4:] == [42, 71.5, "2020-03-31", "south", "=1+1"]
    assert (documents[2][4:] + [None] * 5)[:5] == [7, None, None, None, None]  # read-only mode drops empty cells
