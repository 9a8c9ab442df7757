"""Tests: the library's sets in REFI-QDA projects (.qdpx): written as ``Set`` elements of ``MemberSource``
(checked against the project XSD), read back as sets, and read from another tool's project; on SQLite
and PostgreSQL."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from annotator.formats import refi
from annotator.formats.base import SourceFile
from annotator.services import Library, exporting, importing
from annotator.services import sets as sets_service
from tests.formats.test_refi import P, make_qdpx, project_schema


@pytest.fixture
def source(library: Library, tmp_path: Path) -> tuple[Library, list[str]]:
    paths = []
    for i in range(3):
        path = tmp_path / f"interview{i}.txt"
        path.write_text(f"Interview number {i}.\n", encoding="utf-8")
        paths.append(path)
    ids = [row.id for row in importing.import_paths(library, paths).documents]
    sets_service.create_set(library, name="Wave 1", document_ids=ids[:2])
    sets_service.create_set(library, name="Rural", document_ids=[ids[1], ids[2]])
    sets_service.create_set(library, name="Empty for now")
    return library, ids


def _members(library: Library) -> dict[str, tuple[str, ...]]:
    return {s.name: tuple(sorted(s.document_ids)) for s in sets_service.list_sets(library)}


def test_sets_are_written_as_refi_sets_of_sources(source: tuple[Library, list[str]]) -> None:
    library, _ids = source
    out = io.BytesIO()
    exporting.export(library, out, format_id="qdpx")
    with zipfile.ZipFile(io.BytesIO(out.getvalue())) as archive:
        root = etree.fromstring(archive.read("project.qde"))
    project_schema().assertValid(root)
    guids = {s.get("name"): s.get("guid") for s in root.iter(f"{P}TextSource")}
    written = {
        s.get("name"): sorted(m.get("targetGUID") for m in s.iter(f"{P}MemberSource")) for s in root.iter(f"{P}Set")
    }
    assert written == {
        "Wave 1": sorted([guids["Interview number 0."], guids["Interview number 1."]]),
        "Rural": sorted([guids["Interview number 1."], guids["Interview number 2."]]),
        "Empty for now": [],
    }


def test_sets_travel_through_a_qdpx_into_a_fresh_library_and_again_change_nothing(
    source: tuple[Library, list[str]], open_library: Callable[[], Library], tmp_path: Path
) -> None:
    library, _ids = source
    path = tmp_path / "project.qdpx"
    exporting.export_to_path(library, path, format_id="qdpx")
    fresh = open_library()
    result = importing.import_paths(fresh, [path])
    assert result.changes.sets_changed
    assert _members(fresh) == _members(library)
    assert {s.id for s in sets_service.list_sets(fresh)} == {s.id for s in sets_service.list_sets(library)}
    again = importing.import_paths(fresh, [path])
    assert not again.changes.sets_changed
    assert _members(fresh) == _members(library)


def test_a_set_the_library_has_by_name_gains_the_members_imported(
    source: tuple[Library, list[str]], open_library: Callable[[], Library], tmp_path: Path
) -> None:
    library, ids = source
    path = tmp_path / "project.qdpx"
    exporting.export_to_path(library, path, format_id="qdpx")
    other = open_library()
    mine = importing.persist(other, [importing.text_bundle("My own text.\n", title="Mine")]).documents[0]
    sets_service.create_set(other, name="Rural", document_ids=[mine.id])
    importing.import_paths(other, [path])
    assert _members(other)["Rural"] == tuple(sorted([mine.id, ids[1], ids[2]]))


FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="MAXQDA 24">
  <CodeBook><Codes><Code guid="C0000000-0000-4000-8000-000000000001" name="c" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="{D0000000-0000-4000-8000-000000000001}" name="Text">
      <PlainTextContent>Some text.</PlainTextContent>
    </TextSource>
    <PDFSource guid="D0000000-0000-4000-8000-000000000002" name="Report" path="internal://r.pdf">
      <Representation guid="D0000000-0000-4000-8000-000000000003">
        <PlainTextContent>The report's text.</PlainTextContent>
      </Representation>
    </PDFSource>
    <PictureSource guid="D0000000-0000-4000-8000-000000000004" name="Photo" path="internal://p.png"/>
  </Sources>
  <Sets>
    <Set guid="5E700000-0000-4000-8000-000000000001" name="Everything">
      <Description>all of it</Description>
      <MemberCode targetGUID="C0000000-0000-4000-8000-000000000001"/>
      <MemberSource targetGUID="d0000000-0000-4000-8000-000000000001"/>
      <MemberSource targetGUID="D0000000-0000-4000-8000-000000000002"/>
      <MemberSource targetGUID="D0000000-0000-4000-8000-000000000004"/>
    </Set>
    <Set guid="5E700000-0000-4000-8000-000000000002" name="Codes only">
      <MemberCode targetGUID="C0000000-0000-4000-8000-000000000001"/>
    </Set>
  </Sets>
</Project>"""


def test_another_tools_sets_of_sources_are_read_with_their_texts(library: Library) -> None:
    bundle = refi.read_project(SourceFile("p.qdpx", make_qdpx(FOREIGN)))
    texts = {d.id: d.title for d in bundle.documents}
    assert bundle.extras is not None
    members = {s.name: [texts[d] for d in s.document_ids] for s in bundle.extras.sets}
    # the PDF's text representation stands for it; a picture is not read, a set of codes holds no document
    assert members == {"Everything": ["Text", "Report"], "Codes only": []}
    importing.persist(library, [bundle])
    titles = {d.id: d.title for d in library.documents()}
    assert {s.name: sorted(titles[d] for d in s.document_ids) for s in sets_service.list_sets(library)} == {
        "Everything": ["Report", "Text"], "Codes only": [],
    }  # fmt: skip
