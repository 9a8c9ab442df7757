"""Tests: REFI-QDA projects (.qdpx) and codebooks (.qdc), on SQLite and PostgreSQL.

Every export is validated against the REFI-QDA schemas (copied into
``tests/formats/refi/``) and read back with plain zipfile + lxml to check what
it claims: each selection's positions cut the annotation's quote out of the
``sources/<guid>.txt`` it points at. Exports import back through the services
with the same documents and (tag, start, end, quote, note, coder); projects
written by hand the way other tools write them (CRLF sources, BOMs, UTF-16,
nested codes, NVivo links and cases, PDF representations) import with the
offsets converted; the ATLAS.ti samples import what they hold; damaged and
hostile files are refused with a FormatError and change nothing.
"""

from __future__ import annotations

import io
import os
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from annotator.core import codebook as cb
from annotator.core.model import Annotation, Document, Tag, TagSpec
from annotator.core.text import sha256_text
from annotator.formats import refi
from annotator.formats.base import (
    ExportBundle,
    ExportedDocument,
    FormatError,
    ImportBundle,
    ImportedAnnotation,
    ImportedDocument,
    SourceFile,
)
from annotator.formats.registry import format_for_file
from annotator.services import annotating, exporting, importing
from annotator.services import codebook as svc
from annotator.services.library import Library
from tests._snapshot import library_contents as everything

SCHEMAS = Path(__file__).parent / "refi"
ATLAS_SAMPLES = Path(os.environ.get("ANNOTATOR_REFI_SAMPLES", "/work/shared/standards/refi/samples-atlas"))
P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"

EMOJI_TEXT = (
    "Family \U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 and thumbs \U0001f44d\U0001f3fd here.\n"
    "Cafe\u0301 and na\u0308ive, price 100\u00a0\u20ac.\n"
    "Hebrew \u05e2\u05d1\u05e8\u05d9\u05ea \u05e9\u05dc\u05d5\u05dd and Arabic "
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629 \u0645\u0631\u062d\u0628\u0627 end.\n"
    "Tab\there and the last word"
)
CRLF_FILE = "Line one\r\nLine two with \U0001f600\r\n\r\nLine four\u00a0end\r\n"


def project_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "Project-mrt2019.xsd")))


def codebook_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "Codebook.xsd")))


def facts(library: Library) -> set[tuple[object, ...]]:
    """(annotation id, document title, tag, start, end, quote, note, coder) of every annotation."""
    names = {t.id: t.name for t in library.tags()}
    return {
        (a.id, d.title, names[a.tag_id], a.start, a.end, a.quote, a.note, a.coder)
        for d in library.documents()
        for a in library.annotations(d.id)
    }


def texts(library: Library) -> dict[str, tuple[str, str]]:
    return {d.id: (d.title, library.document(d.id).text) for d in library.documents()}


def make_qdpx(qde: str | bytes, files: dict[str, bytes] | None = None, qde_name: str = "project.qde") -> bytes:
    """A .qdpx as another tool would zip it: the project XML and its source files."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(qde_name, qde if isinstance(qde, bytes) else qde.encode("utf-8"))
        for name, data in (files or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def read(data: bytes, name: str = "project.qdpx") -> ImportBundle:
    return refi.read_project(SourceFile(name, data))


def export_bytes(library: Library, format_id: str = "qdpx") -> bytes:
    out = io.BytesIO()
    exporting.export(library, out, format_id=format_id)
    return out.getvalue()


@pytest.fixture
def source(library: Library, seed_file: Path, tmp_path: Path) -> Library:
    """The seed article, a text of emoji/combining/RTL/NBSP, and a file with CRLF line endings, annotated."""
    emoji = tmp_path / "emoji.txt"
    emoji.write_text(EMOJI_TEXT, encoding="utf-8")
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(CRLF_FILE.encode("utf-8"))
    result = importing.import_paths(library, [seed_file, emoji, crlf])
    seed_id, emoji_id, crlf_id = (r.id for r in result.documents)
    tags = {t.name: t.id for t in library.tags()}

    def tag(doc_id: str, quote: str, name: str, note: str = "", coder: str = "", nth: int = 1) -> None:
        annotating.annotate_quote(
            library, document_id=doc_id, tag_id=tags[name], quote=quote, occurrence=nth, note=note, coder=coder
        )

    seed = library.document(seed_id).text
    tag(seed_id, seed[:25], "claim", note="headline", coder="ada")  # from the very first character
    tag(seed_id, seed[:10], "evidence")  # same start, another tag
    tag(seed_id, seed[-60:], "speculation", coder="bo")  # to the very last character
    tag(seed_id, "Kazakhstan", "claim", nth=2, note="note with \U0001f914 and\nnewline")
    tag(
        emoji_id,
        "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466",
        "claim",
        note="zwj",
        coder="\u00e9lise",
    )
    tag(emoji_id, "\U0001f44d\U0001f3fd", "evidence")
    tag(emoji_id, "Cafe\u0301 and na\u0308ive", "speculation", coder="ada")
    tag(emoji_id, "100\u00a0\u20ac", "claim", note='a <b>tag</b> & "quotes"')
    tag(
        emoji_id,
        "\u05e2\u05d1\u05e8\u05d9\u05ea \u05e9\u05dc\u05d5\u05dd",
        "evidence",
        note="\u05d4\u05e2\u05e8\u05d4",
    )
    tag(emoji_id, "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "claim", coder="bo")
    tag(emoji_id, "the last word", "speculation")
    tag(crlf_id, "Line two with \U0001f600", "claim", note="crlf origin")
    tag(crlf_id, "two with \U0001f600\n\nLine", "evidence", coder="ada")  # across the blank line
    tag(crlf_id, "Line four\u00a0end", "speculation")
    return library


# -- export -------------------------------------------------------------------------------------


def test_project_export_is_valid_and_says_the_truth(source: Library) -> None:
    data = export_bytes(source)
    archive = zipfile.ZipFile(io.BytesIO(data))
    assert archive.namelist()[0] == "project.qde"
    root = etree.fromstring(archive.read("project.qde"))
    schema = project_schema()
    assert schema.validate(root), schema.error_log

    tags = {t.id: t for t in source.tags()}
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{P}User")}
    assert sorted(users.values()) == sorted({"default", "ada", "bo", "\u00e9lise"})
    codes = {c.get("guid"): c for c in root.iter(f"{P}Code")}
    assert sorted(c.get("name") for c in codes.values()) == sorted(t.name for t in tags.values())
    for code in codes.values():
        tag = next(t for t in tags.values() if t.name == code.get("name"))
        assert code.get("isCodable") == "true"
        assert code.get("color") == tag.color.lower() and len(code.get("color")) == 7
        assert code.findtext(f"{P}Description") == tag.description
    notes = {n.get("guid"): n.findtext(f"{P}PlainTextContent") for n in root.iter(f"{P}Note")}

    seen = set()
    sources = list(root.iter(f"{P}TextSource"))
    assert len(sources) == 3
    for element in sources:
        path = element.get("plainTextPath")
        assert path == f"internal://{element.get('guid')}.txt"
        file_text = archive.read(f"sources/{path.removeprefix('internal://')}").decode("utf-8")  # strict UTF-8
        doc = source.document(element.get("guid"))
        assert file_text == doc.text and not file_text.startswith("\ufeff")
        assert element.get("name") == doc.title
        by_id = {a.id: a for a in source.annotations(doc.id)}
        for selection in element.iter(f"{P}PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            (coding,) = selection.iter(f"{P}Coding")
            a = by_id[coding.get("guid")]
            seen.add(a.id)
            assert (start, end) == (a.start, a.end)
            assert file_text[start:end] == a.quote  # code points, end-exclusive, into that very file
            assert codes[coding.find(f"{P}CodeRef").get("targetGUID")].get("name") == tags[a.tag_id].name
            assert users[coding.get("creatingUser")] == (a.coder or "default")
            assert users[selection.get("creatingUser")] == (a.coder or "default")
            assert coding.get("creationDateTime") == a.created.strftime("%Y-%m-%dT%H:%M:%SZ")
            refs = [r.get("targetGUID") for r in selection.iter(f"{P}NoteRef")]
            assert [notes[r] for r in refs] == ([a.note] if a.note else [])
            assert (selection.findtext(f"{P}Description") or "") == a.note
    assert seen == {a.id for d in source.documents() for a in source.annotations(d.id)}
    assert len(seen) == 14


def test_codebook_export_is_valid(source: Library) -> None:
    root = etree.fromstring(export_bytes(source, "qdc"))
    schema = codebook_schema()
    assert schema.validate(root), schema.error_log
    assert root.tag == f"{C}CodeBook"
    got = {(c.get("name"), c.get("color"), c.findtext(f"{C}Description")) for c in root.iter(f"{C}Code")}
    assert got == {(t.name, t.color.lower(), t.description) for t in source.tags()}


def test_reexport_is_stable(source: Library) -> None:
    def without_export_time(data: bytes) -> bytes:
        root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("project.qde"))
        del root.attrib["creationDateTime"]
        return etree.tostring(root)

    assert without_export_time(export_bytes(source)) == without_export_time(export_bytes(source))


@dataclass(frozen=True, slots=True)
class NestedTag(Tag):
    """A tag with a parent, as the model may grow one: the writer must nest it."""

    parent_id: str | None = None


MOMENT = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)


def small_bundle(tags: list[Tag], note: str = "") -> ExportBundle:
    text = "Short text \U0001f600 here."
    doc = Document("doc-1", "Doc", text, sha256_text(text), {}, MOMENT)
    a = Annotation(
        "ann-1",
        "doc-1",
        tags[-1].id,
        6,
        10,
        "text",
        "Short ",
        " \U0001f600 here.",
        note,
        "",
        MOMENT,
        MOMENT,
    )
    return ExportBundle(tags, [ExportedDocument(doc, [a])], "annotator test", MOMENT)


def test_child_codes_nest_inside_their_parent() -> None:
    parent = NestedTag("p", "Themes", "#123456", "All themes")
    child = NestedTag("c", "Trust", "#ABC", "", parent_id="p")
    bundle = small_bundle([parent, child])
    out = io.BytesIO()
    refi.write_project(bundle, out)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(out.getvalue())).read("project.qde"))
    assert project_schema().validate(root), project_schema().error_log
    (outer,) = root.find(f"{P}CodeBook/{P}Codes")
    assert outer.get("name") == "Themes"
    assert [c.get("name") for c in outer.findall(f"{P}Code")] == ["Trust"]
    assert outer.find(f"{P}Code").get("color") == "#aabbcc"  # #RGB written as #RRGGBB
    # Our ids that are not GUIDs become UUID5s, the same on every export.
    assert refi._PLAIN_GUID.fullmatch(outer.get("guid"))
    # and the importer keeps the hierarchy: each tag with its parents' names
    bundle_in = read(out.getvalue())
    assert [(t.parents, t.name) for t in bundle_in.tags] == [((), "Themes"), (("Themes",), "Trust")]
    assert [a.tag_path for a in bundle_in.documents[0].annotations] == [("Themes", "Trust")]
    cb = io.BytesIO()
    refi.write_codebook(bundle, cb)
    assert codebook_schema().validate(etree.fromstring(cb.getvalue()))


def test_characters_xml_cannot_carry_are_dropped_from_notes() -> None:
    tag = Tag("t", "claim", "#f4a261")
    out = io.BytesIO()
    refi.write_project(small_bundle([tag], note="bell\x07 and form\x0cfeed"), out)
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(out.getvalue())).read("project.qde"))
    assert project_schema().validate(root)
    assert read(out.getvalue()).documents[0].annotations[0].note == "bell and formfeed"


def test_a_codebook_needs_a_code() -> None:
    with pytest.raises(FormatError, match="at least one code"):
        refi.write_codebook(ExportBundle([], [], "annotator test", MOMENT), io.BytesIO())


# -- round trips through the services -----------------------------------------------------------


def test_project_round_trip_into_a_fresh_library(
    source: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    path = tmp_path / "export.qdpx"
    assert exporting.export_to_path(source, path, format_id="qdpx") == 3
    target = open_library()
    first = importing.import_paths(target, [path])
    assert [r.new for r in first.documents] == [True, True, True]
    assert first.annotations_added == 14
    assert texts(target) == texts(source)  # same ids, titles and texts (LF, NBSP, emoji...)
    assert facts(target) == facts(source)  # same annotation ids, tags, offsets, quotes, notes, coders
    for t in source.tags():
        assert (target.tag_named(t.name).color, target.tag_named(t.name).description) == (
            t.color,
            t.description,
        )

    before = everything(target)
    second = importing.import_paths(target, [path])
    assert (second.annotations_added, second.annotations_existing) == (0, 14)
    assert second.changes.empty and everything(target) == before

    # Back into the library it came from: everything is already there.
    before = everything(source)
    again = importing.import_paths(source, [path])
    assert [r.new for r in again.documents] == [False, False, False]
    assert again.changes.empty and everything(source) == before


def test_codebook_round_trip_brings_tags_only(
    library: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    importing.persist(library, [ImportBundle([], [TagSpec("method", "#123456", "How the evidence was gathered")])])
    path = tmp_path / "codes.qdc"
    assert exporting.export_to_path(library, path, format_id="qdc") == 0
    target = open_library()
    result = importing.import_paths(target, [path])
    assert result.documents == [] and result.annotations_added == 0
    assert [t.name for t in result.changes.tags_created] == ["method"]
    method = target.tag_named("method")
    assert (method.color, method.description) == ("#123456", "How the evidence was gathered")
    assert target.documents() == []
    assert {t.name for t in target.tags()} == {t.name for t in library.tags()}


# -- projects other tools write -----------------------------------------------------------------

PERSON_TEXT = "Ana trusts her family \U0001f468\u200d\U0001f469\u200d\U0001f467.\nShe grew up in Tiran\u00eb.\n"
PDF_TEXT = "Page one of the report mentions Tiran\u00eb again."


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def foreign_project() -> bytes:
    """An NVivo-style project: braces and capitals in GUIDs, a ``Sources/`` folder, categories, cases, links."""
    fam = _span(PERSON_TEXT, "her family \U0001f468\u200d\U0001f469\u200d\U0001f467")
    trusts = _span(PERSON_TEXT, "trusts")
    place = _span(PERSON_TEXT, "Tiran\u00eb")
    pdf_place = _span(PDF_TEXT, "Tiran\u00eb")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="NVivo 14">
  <Users>
    <User guid="{{AAAAAAAA-0000-4000-8000-000000000001}}" name="Ana"/>
    <User guid="AAAAAAAA-0000-4000-8000-000000000002" name="Bruno"/>
  </Users>
  <CodeBook><Codes>
    <Code guid="C0000000-0000-4000-8000-000000000001" name="Themes" isCodable="false">
      <Description>Category only</Description>
      <Code guid="C0000000-0000-4000-8000-000000000002" name="Trust" isCodable="true" color="#FF0000">
        <Description>Who people trust</Description>
        <Code guid="C0000000-0000-4000-8000-000000000003" name="Family" isCodable="true" color="#0F0"/>
      </Code>
    </Code>
    <Code guid="C0000000-0000-4000-8000-000000000004" name="Place" isCodable="true"/>
    <Code guid="C0000000-0000-4000-8000-000000000005" name="Unused" isCodable="true"/>
  </Codes></CodeBook>
  <Cases><Case guid="CA000000-0000-4000-8000-000000000001" name="Ana"/></Cases>
  <Sources>
    <TextSource guid="D0000000-0000-4000-8000-000000000001" name="Interview Ana"
        plainTextPath="internal://D0000000-0000-4000-8000-000000000001.txt" creationDateTime="2020-01-02T03:04:05">
      <Description>First interview</Description>
      <PlainTextSelection guid="5E000000-0000-4000-8000-000000000001" startPosition="{fam[0]}" endPosition="{fam[1]}"
          creatingUser="AAAAAAAA-0000-4000-8000-000000000001" creationDateTime="2020-01-02T03:04:05Z">
        <Coding guid="6C000000-0000-4000-8000-000000000001" creatingUser="AAAAAAAA-0000-4000-8000-000000000002">
          <CodeRef targetGUID="C0000000-0000-4000-8000-000000000003"/>
        </Coding>
        <Coding guid="6C000000-0000-4000-8000-000000000002"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000004"/></Coding>
        <NoteRef targetGUID="4E000000-0000-4000-8000-000000000001"/>
      </PlainTextSelection>
      <PlainTextSelection guid="5E000000-0000-4000-8000-000000000002" startPosition="{trusts[0]}" endPosition="{trusts[1]}">
        <Description>only a description</Description>
        <Coding guid="6C000000-0000-4000-8000-000000000003"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="5E000000-0000-4000-8000-000000000003" startPosition="0" endPosition="3">
        <Coding guid="6C000000-0000-4000-8000-000000000004"><CodeRef targetGUID="CA000000-0000-4000-8000-000000000001"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="5E000000-0000-4000-8000-000000000004" startPosition="5" endPosition="9">
        <Description>a memo without a code</Description>
      </PlainTextSelection>
      <PlainTextSelection guid="5E000000-0000-4000-8000-000000000005" startPosition="{place[0]}" endPosition="{place[1]}">
        <Coding guid="6C000000-0000-4000-8000-000000000005"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000004"/></Coding>
      </PlainTextSelection>
      <Coding guid="6C000000-0000-4000-8000-000000000006"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000002"/></Coding>
    </TextSource>
    <PDFSource guid="D0000000-0000-4000-8000-000000000009" name="Report.pdf" path="internal://report.pdf">
      <Representation guid="D0000000-0000-4000-8000-000000000002" plainTextPath="internal://rep.txt">
        <PlainTextSelection guid="5E000000-0000-4000-8000-000000000006" startPosition="{pdf_place[0]}"
            endPosition="{pdf_place[1]}">
          <Coding guid="6C000000-0000-4000-8000-000000000007"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000004"/></Coding>
        </PlainTextSelection>
      </Representation>
    </PDFSource>
    <PictureSource guid="D0000000-0000-4000-8000-000000000003" name="Photo" path="internal://photo.png"/>
  </Sources>
  <Notes>
    <Note guid="4E000000-0000-4000-8000-000000000001" name="memo"><PlainTextContent>A note
with two lines</PlainTextContent></Note>
    <Note guid="4E000000-0000-4000-8000-000000000002" name="linked" plainTextPath="internal://linked.txt"/>
  </Notes>
  <Links>
    <Link guid="1E000000-0000-4000-8000-000000000001" originGUID="4E000000-0000-4000-8000-000000000002"
        targetGUID="5E000000-0000-4000-8000-000000000005"/>
  </Links>
</Project>
"""
    return make_qdpx(
        qde,
        {
            "Sources/D0000000-0000-4000-8000-000000000001.txt": PERSON_TEXT.encode("utf-8"),
            "Sources/rep.txt": PDF_TEXT.encode("utf-8"),
            "Sources/report.pdf": b"%PDF-1.4 not really",
            "Sources/photo.png": b"\x89PNG not really",
            "Sources/linked.txt": b"Linked note\r\ntext",
        },
    )


def test_a_project_from_another_tool() -> None:
    bundle = read(foreign_project(), "interviews.qdpx")
    assert [(t.parents, t.name, t.color, t.description) for t in bundle.tags] == [
        ((), "Themes", "", "Category only"),
        (("Themes",), "Trust", "#ff0000", "Who people trust"),
        (("Themes", "Trust"), "Family", "#00ff00", ""),
        ((), "Place", "", ""),
        ((), "Unused", "", ""),
    ]  # a category nobody codes with is a tag only because tags are inside it
    person, pdf = bundle.documents
    assert (person.title, person.id, person.text) == (
        "Interview Ana",
        "d0000000-0000-4000-8000-000000000001",
        PERSON_TEXT,
    )
    assert person.metadata["description"] == "First interview"
    family = "her family \U0001f468\u200d\U0001f469\u200d\U0001f467"
    got = {("/".join(a.tag_path), a.start, a.end, a.quote, a.note, a.coder, a.id) for a in person.annotations}
    assert got == {
        ("Themes/Trust/Family", *_span(PERSON_TEXT, family), family, "A note\nwith two lines", "Bruno",
         "6c000000-0000-4000-8000-000000000001"),
        ("Place", *_span(PERSON_TEXT, family), family, "A note\nwith two lines", "Ana",
         "6c000000-0000-4000-8000-000000000002"),
        ("Themes/Trust", *_span(PERSON_TEXT, "trusts"), "trusts", "only a description", "",
         "6c000000-0000-4000-8000-000000000003"),
        ("Place", *_span(PERSON_TEXT, "Tiran\u00eb"), "Tiran\u00eb", "Linked note\ntext", "",
         "6c000000-0000-4000-8000-000000000005"),
        ("Themes/Trust", 0, len(PERSON_TEXT), PERSON_TEXT, "", "", "6c000000-0000-4000-8000-000000000006"),
    }  # fmt: skip
    first = next(a for a in person.annotations if a.coder == "Bruno")
    assert first.created == datetime(2020, 1, 2, 3, 4, 5, tzinfo=UTC)  # the selection's, as the coding has none
    assert (pdf.title, pdf.text) == ("Report.pdf", PDF_TEXT)
    assert [(a.tag, a.quote) for a in pdf.annotations] == [("Place", "Tiran\u00eb")]


def test_a_project_from_another_tool_lands_in_the_library(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "interviews.qdpx"
    path.write_bytes(foreign_project())
    result = importing.import_paths(library, [path])
    assert result.annotations_added == 6
    assert library.tag_named("Themes/Trust/Family").color == "#00ff00"
    rows = {(title, tag, quote, note) for _, title, tag, _, _, quote, note, _ in facts(library)}
    assert ("Interview Ana", "Place", "Tiran\u00eb", "Linked note\ntext") in rows
    assert ("Report.pdf", "Place", "Tiran\u00eb", "") in rows


CRLF_SOURCE = "First line\r\nSecond \U0001f600 line\r\n\r\nThird\u00a0line, caf\u00e9 end\r\n"
CRLF_QUOTES = ["Second \U0001f600 line", "Third\u00a0line", "line\r\n\r\nThird", "end\r\n"]


def crlf_project(origin: str | None, count_crlf_twice: bool, encoding: str = "utf-8") -> bytes:
    """A project whose source file has CRLF line endings, positions counted the way *origin* counts them."""
    counted = CRLF_SOURCE if count_crlf_twice else CRLF_SOURCE.replace("\r\n", "\n")
    selections = ""
    for i, quote in enumerate(CRLF_QUOTES):
        q = quote if count_crlf_twice else quote.replace("\r\n", "\n")
        start, end = _span(counted, q)
        selections += f"""
      <PlainTextSelection guid="5e000000-0000-4000-8000-00000000000{i}" startPosition="{start}" endPosition="{end}">
        <Coding guid="6c000000-0000-4000-8000-00000000000{i}"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding>
      </PlainTextSelection>"""
    origin_attr = f' origin="{origin}"' if origin else ""
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="crlf"{origin_attr}>
  <CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="quote" isCodable="true"/></Codes></CodeBook>
  <Sources>
    <TextSource guid="d0000000-0000-4000-8000-000000000001" name="Windows file" plainTextPath="internal://w.txt">{selections}
    </TextSource>
  </Sources>
</Project>"""
    return make_qdpx(qde, {"sources/w.txt": CRLF_SOURCE.encode(encoding)})


@pytest.mark.parametrize(
    ("origin", "count_crlf_twice"),
    [
        ("NVivo 14", True),  # the standard: code points in the file, a CRLF is two
        (None, True),
        ("ATLAS.ti for Windows 23.2.3.27778", False),  # ATLAS.ti counts a line break as one
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_crlf_sources_are_converted_to_our_offsets(origin: str | None, count_crlf_twice: bool, encoding: str) -> None:
    (doc,) = read(crlf_project(origin, count_crlf_twice, encoding)).documents
    stored = CRLF_SOURCE.replace("\r\n", "\n")
    assert doc.text == stored
    assert [(a.start, a.end, a.quote) for a in doc.annotations] == [
        (*_span(stored, q.replace("\r\n", "\n")), q.replace("\r\n", "\n")) for q in CRLF_QUOTES
    ]


def test_crlf_source_through_the_services(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "windows.qdpx"
    path.write_bytes(crlf_project("NVivo 14", True))
    importing.import_paths(library, [path])
    (doc,) = library.documents()
    text = library.document(doc.id).text
    assert "\r" not in text
    assert sorted(a.quote for a in library.annotations(doc.id)) == sorted(q.replace("\r\n", "\n") for q in CRLF_QUOTES)
    assert all(text[a.start : a.end] == a.quote for a in library.annotations(doc.id))


# -- the ATLAS.ti samples -----------------------------------------------------------------------

needs_samples = pytest.mark.skipif(not ATLAS_SAMPLES.is_dir(), reason=f"no ATLAS.ti samples at {ATLAS_SAMPLES}")


def codes_in(path: Path) -> tuple[list[tuple[str, str | None]], int]:
    """(flattened name, colour) of every code and the number of text sources, read with zipfile + lxml."""
    root = etree.fromstring(zipfile.ZipFile(path).read("project.qde"))
    out = []

    def walk(element: etree._Element, prefix: str) -> None:
        for code in element.findall(f"{P}Code"):
            name = f"{prefix}/{code.get('name')}" if prefix else code.get("name")
            out.append((name, code.get("color")))
            walk(code, name)

    for codes in root.iter(f"{P}Codes"):
        walk(codes, "")
    return out, len(list(root.iter(f"{P}TextSource")))


@needs_samples
def test_the_blank_atlas_project_imports_nothing(library: Library) -> None:
    path = ATLAS_SAMPLES / "blank-atlas-project.qdpx"
    assert codes_in(path) == ([], 0)
    before = everything(library)
    result = importing.import_paths(library, [path])
    assert result.documents == [] and result.changes.empty
    assert everything(library) == before


@needs_samples
def test_the_target_atlas_project_brings_its_codes(library: Library) -> None:
    path = ATLAS_SAMPLES / "target-atlas-project.qdpx"
    codes, sources = codes_in(path)
    assert codes and sources == 0
    result = importing.import_paths(library, [path])
    assert result.documents == []
    paths = cb.paths(library.tags())
    assert sorted(cb.format_path(paths[t.id]) for t in result.changes.tags_created) == sorted(n for n, _ in codes)
    assert cb.resolve(library.tags(), ("Commits", "2022-05-10T02:05:59Z 19e4dce")).parent_id is not None


# -- refused files ------------------------------------------------------------------------------


def _damaged_foreign(change: Callable[[str], str], drop_member: str | None = None) -> bytes:
    archive = zipfile.ZipFile(io.BytesIO(foreign_project()))
    files = {n: archive.read(n) for n in archive.namelist() if n != "project.qde" and n != drop_member}
    return make_qdpx(change(archive.read("project.qde").decode("utf-8")), files)


DAMAGED = {
    "selection beyond the text": (
        lambda: _damaged_foreign(
            lambda q: q.replace(
                'guid="5E000000-0000-4000-8000-000000000005" startPosition="',
                'guid="x" startPosition="9999',
                1,
            )
        ),
        r"1 coded selection\(s\) cannot be imported.*'Interview Ana', selection 9999\d+\.\.\d+ does not fit the text",
    ),
    "two bad selections are both listed": (
        lambda: _damaged_foreign(
            lambda q: (
                q.replace('startPosition="5" endPosition="9"', 'startPosition="-1" endPosition="2"')
                .replace(
                    "<Description>a memo without a code</Description>",
                    '<Coding guid="6C000000-0000-4000-8000-00000000000a"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000004"/></Coding>',
                )
                .replace(f'endPosition="{PDF_TEXT.index("Tiran") + 6}"', 'endPosition="7.5"')
            )
        ),
        r"2 coded selection\(s\).*selection -1\.\.2 does not fit.*'Report\.pdf', selection \d+\.\.7\.5 does not have whole",
    ),
    "coding of an unknown code": (
        lambda: _damaged_foreign(
            lambda q: q.replace('CA000000-0000-4000-8000-000000000001"/>', 'CB000000-0000-4000-8000-000000000001"/>')
        ),
        "is coded with 'CB000000-0000-4000-8000-000000000001', which is not a code",
    ),
    "source outside the archive": (
        lambda: _damaged_foreign(lambda q: q.replace("internal://rep.txt", "absolute:///C:/Data/rep.txt")),
        "stored outside the project",
    ),
    "source file missing": (
        lambda: _damaged_foreign(lambda q: q, drop_member="Sources/rep.txt"),
        "refers to 'internal://rep.txt', which is not in the archive",
    ),
    "binary source file": (
        lambda: make_qdpx(_crlf_qde(), {"sources/w.txt": b"\x00\x01\x02binary"}),
        "looks binary",
    ),
    "no project.qde": (lambda: make_qdpx("<x/>", qde_name="notes/readme.xml"), "no project.qde"),
    "a codebook where the project should be": (
        lambda: make_qdpx('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>'),
        "not a REFI-QDA project",
    ),
    "not XML": (lambda: make_qdpx("this is not xml"), "not well-formed XML"),
}


def _crlf_qde() -> str:
    return zipfile.ZipFile(io.BytesIO(crlf_project(None, True))).read("project.qde").decode("utf-8")


@pytest.mark.parametrize("kind", list(DAMAGED))
def test_damaged_project_refused_and_nothing_imported(library: Library, tmp_path: Path, kind: str) -> None:
    make, message = DAMAGED[kind]
    good = tmp_path / "good.qdpx"
    good.write_bytes(foreign_project())
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(make())
    before = everything(library)
    with pytest.raises(FormatError, match=message) as caught:
        importing.import_paths(library, [good, bad])
    assert str(caught.value).startswith(f"{bad}: ")
    assert everything(library) == before


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE {root} [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<{root} xmlns="urn:QDA-XML:{kind}:1.0" name="&lol4;" origin="&lol4;"><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="&lol4;" isCodable="true"/></Codes></{root}>"""
EXTERNAL_ENTITY = """<?xml version="1.0"?>
<!DOCTYPE {root} [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<{root} xmlns="urn:QDA-XML:{kind}:1.0" name="x"><Description>&secret;</Description></{root}>"""


def _zip_with(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _patched(data: bytes, signature: bytes, offset: int, value: bytes) -> bytes:
    """*data* with *value* written at *offset* into the first ZIP header starting with *signature*."""
    at = data.index(signature) + offset
    return data[:at] + value + data[at + len(value) :]


def _deflate_broken(data: bytes) -> bytes:
    # The first byte of project.qde's deflate stream: 0xFF declares block type 3, which does not exist.
    start = 30 + int.from_bytes(data[26:28], "little") + int.from_bytes(data[28:30], "little")
    return data[:start] + b"\xff" + data[start + 1 :]


HOSTILE = {
    "path traversal member": (
        "evil.qdpx",
        lambda: _zip_with(
            {
                "project.qde": b"<Project xmlns='urn:QDA-XML:project:1.0' name='x'/>",
                "../../evil.txt": b"x",
            }
        ),
        "unsafe member name",
    ),
    "zip bomb ratio": (
        "bomb.qdpx",
        lambda: _zip_with(
            {
                "project.qde": b"<Project xmlns='urn:QDA-XML:project:1.0' name='x'/>",
                "sources/a.txt": b"\0" * 3_000_000,
            }
        ),
        "looks like a ZIP bomb",
    ),
    "billion laughs in the project": (
        "laughs.qdpx",
        lambda: make_qdpx(BILLION_LAUGHS.format(root="Project", kind="project")),
        "entities",
    ),
    "external entity in the project": (
        "xxe.qdpx",
        lambda: make_qdpx(EXTERNAL_ENTITY.format(root="Project", kind="project")),
        "entities",
    ),
    "billion laughs in a codebook": (
        "laughs.qdc",
        lambda: BILLION_LAUGHS.format(root="CodeBook", kind="codebook").encode(),
        "entities",
    ),
    "external entity in a codebook": (
        "xxe.qdc",
        lambda: EXTERNAL_ENTITY.format(root="CodeBook", kind="codebook").encode(),
        "entities",
    ),
    "encrypted member": (
        "locked.qdpx",
        lambda: _patched(foreign_project(), b"PK\x01\x02", 8, b"\x01\x00"),
        "encrypted",
    ),
    "unknown ZIP version": (
        "future.qdpx",
        lambda: _patched(foreign_project(), b"PK\x01\x02", 6, b"\x54\x00"),
        "zip file version 8.4",
    ),
    "damaged deflate stream": (
        "broken.qdpx",
        lambda: _deflate_broken(foreign_project()),
        "cannot be read",
    ),
    "truncated project": ("cut.qdpx", lambda: foreign_project()[:-200], "not a readable ZIP"),
    "binary project": ("noise.qdpx", lambda: bytes(range(256)) * 8, "not a readable ZIP"),
    "text named .qdpx": ("notes.qdpx", lambda: b"just some notes\n", "not a readable ZIP"),
    "a project named .qdc": ("codes.qdc", lambda: _crlf_qde().encode(), "not a REFI-QDA codebook"),
    "JSON named .qdc": ("codes.qdc", lambda: b'{"codes": []}', "not well-formed XML"),
    "truncated codebook": (
        "cut.qdc",
        lambda: b'<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code guid=',
        "not well-formed",
    ),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_files_refused_and_nothing_imported(library: Library, tmp_path: Path, kind: str) -> None:
    name, make, message = HOSTILE[kind]
    path = tmp_path / name
    path.write_bytes(make())
    before = everything(library)
    with pytest.raises(FormatError, match=message):
        importing.import_paths(library, [path])
    assert everything(library) == before


def test_format_detection() -> None:
    project = foreign_project()
    assert format_for_file("interviews.qdpx", project[:65536]).id == "qdpx"
    assert format_for_file("interviews.zip", project[:65536]).id == "qdpx"  # by content
    codebook = b'\xef\xbb\xbf<?xml version="1.0"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0">'
    assert format_for_file("codes.xml", codebook).id == "qdc"
    assert format_for_file("codes.QDC", b"<x/>").id == "qdc"


# -- fuzzing ------------------------------------------------------------------------------------


def check_bundle(bundle: ImportBundle) -> None:
    assert isinstance(bundle, ImportBundle)
    for doc in bundle.documents:
        assert isinstance(doc.text, str) and "\r" not in doc.text
        for a in doc.annotations:
            assert type(a.start) is int and type(a.end) is int
            assert 0 <= a.start < a.end <= len(doc.text)
            assert a.quote == doc.text[a.start : a.end]
            assert len(a.tag) <= 200 and len(a.coder) <= 200


def read_or_refuse(reader: Callable[[SourceFile], ImportBundle], data: bytes, name: str) -> None:
    try:
        bundle = reader(SourceFile(name, data))
    except FormatError as exc:
        assert str(exc)
    else:
        check_bundle(bundle)


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=2048))
def test_project_reader_on_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(refi.read_project, data, "fuzz.qdpx")
    read_or_refuse(refi.read_project, b"PK\x03\x04" + data, "fuzz.qdpx")


@FUZZ
@given(st.binary(max_size=2048))
def test_codebook_reader_on_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(refi.read_codebook, data, "fuzz.qdc")


VALID_PROJECT = foreign_project()
VALID_QDE = zipfile.ZipFile(io.BytesIO(VALID_PROJECT)).read("project.qde")
VALID_FILES = {
    n: zipfile.ZipFile(io.BytesIO(VALID_PROJECT)).read(n)
    for n in zipfile.ZipFile(io.BytesIO(VALID_PROJECT)).namelist()
    if n != "project.qde"
}
ELEMENTS = len(list(etree.fromstring(VALID_QDE).iter()))
GUIDS = sorted(
    {v for e in etree.fromstring(VALID_QDE).iter() for k, v in e.attrib.items() if "GUID" in k or k == "guid"}
)
VALUES = (
    st.integers(-3, 120).map(str)
    | st.sampled_from(GUIDS)
    | st.sampled_from(["", "1.0", "1e3", " 7 ", "internal://", "internal://../x.txt", "internal://linked.txt",
                       "relative://a", "false", "#12345", "ATLAS.ti", "\U0001f600", "9" * 30])
    | st.text(max_size=12)
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, ELEMENTS - 1),
            st.sampled_from(["guid", "startPosition", "endPosition", "targetGUID", "plainTextPath", "name",
                             "isCodable", "color", "creatingUser", "origin", "originGUID", "creationDateTime",
                             "<remove>", "<text>", "<move>"]),
            VALUES,
        ),
        min_size=1,
        max_size=4,
    )
)  # fmt: skip
def test_project_reader_on_damaged_projects(changes: list[tuple[int, str, str]]) -> None:
    root = etree.fromstring(VALID_QDE)
    for index, what, value in changes:
        elements = list(root.iter())
        element = elements[index % len(elements)]
        if what == "<remove>":
            if element.getparent() is not None:
                element.getparent().remove(element)
        elif what == "<text>":
            element.text = "".join(c for c in value if c.isprintable()) or None
        elif what == "<move>":
            if element is not root:
                root.append(element)  # out of its place, to the end of the project
        else:
            try:
                element.set(what, value)
            except ValueError:
                continue  # a character XML cannot hold: not a file anyone can hand us
    data = make_qdpx(etree.tostring(root), VALID_FILES)
    read_or_refuse(refi.read_project, data, "damaged.qdpx")


@FUZZ
@given(st.integers(0, len(VALID_PROJECT)), st.integers(0, len(VALID_PROJECT) - 1), st.integers(1, 255))
def test_project_reader_on_truncated_and_flipped_archives(cut: int, where: int, flip: int) -> None:
    read_or_refuse(refi.read_project, VALID_PROJECT[:cut], "cut.qdpx")
    flipped = bytearray(VALID_PROJECT)
    flipped[where] ^= flip
    read_or_refuse(refi.read_project, bytes(flipped), "flipped.qdpx")


VALID_CODEBOOK = b"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">
  <Codes>
    <Code guid="c0000000-0000-4000-8000-000000000001" name="Themes" isCodable="false" color="#123456">
      <Description>d</Description>
      <Code guid="c0000000-0000-4000-8000-000000000002" name="Trust" isCodable="true" color="#abc"/>
    </Code>
  </Codes>
</CodeBook>"""


def test_the_valid_codebook_is_read() -> None:
    assert codebook_schema().validate(etree.fromstring(VALID_CODEBOOK))
    bundle = refi.read_codebook(SourceFile("c.qdc", VALID_CODEBOOK))
    assert bundle.documents == []
    # The category holds a codable code, so it is a tag too, and the code a tag inside it.
    assert bundle.tags == [TagSpec("Themes", "#123456", "d"), TagSpec("Trust", "#aabbcc", "", parents=("Themes",))]


@FUZZ
@given(st.integers(0, len(VALID_CODEBOOK)), st.integers(0, len(VALID_CODEBOOK)), st.binary(max_size=8))
def test_codebook_reader_on_damaged_codebooks(cut: int, where: int, insert: bytes) -> None:
    read_or_refuse(refi.read_codebook, VALID_CODEBOOK[:cut], "cut.qdc")
    read_or_refuse(refi.read_codebook, VALID_CODEBOOK[:where] + insert + VALID_CODEBOOK[where:], "spliced.qdc")


# -- a codebook with a hierarchy travels whole ------------------------------------------------


def _hierarchy(library: Library) -> None:
    """Feelings/{Positive, Negative/Positive}, Outcome/Positive: three levels, "Positive" three times."""

    def add(name: str, parent: str | None = None, **kw: str) -> str:
        parent_id = cb.resolve(library.tags(), parent).id if parent else None
        return svc.create_tag(library, name=name, parent_id=parent_id, **kw).tags_created[0].id  # type: ignore[arg-type]

    add("Feelings", description="How people feel\nabout it", color="#102030")
    add("Positive", "Feelings", color="#00aa00", description="Good feelings")
    add("Negative", "Feelings")
    add("Positive", "Feelings/Negative", color="#aa0000", description="Relief")
    add("Outcome")
    add("Positive", "Outcome", color="#0000aa")


def _codebook_facts(library: Library) -> set[tuple[tuple[str, ...], str, str]]:
    paths = cb.paths(library.tags())
    return {(paths[t.id], t.color, t.description) for t in library.tags()}


@pytest.mark.parametrize("format_id", ["qdc", "qdpx"])
def test_a_three_level_hierarchy_round_trips_through_refi(
    library: Library, open_library: Callable[[], Library], tmp_path: Path, format_id: str
) -> None:
    _hierarchy(library)
    doc = importing.persist(library, [importing.text_bundle("She felt relief at last.\n", title="T")]).documents[0]
    deep = cb.resolve(library.tags(), "Negative/Positive")
    annotating.annotate_quote(library, document_id=doc.id, tag_id=deep.id, quote="relief")
    path = tmp_path / f"codes.{format_id}"
    exporting.export_to_path(library, path, format_id=format_id)
    if format_id == "qdc":
        root = etree.fromstring(path.read_bytes())
        assert codebook_schema().validate(root), codebook_schema().error_log
    else:
        root = etree.fromstring(zipfile.ZipFile(path).read("project.qde"))
        assert project_schema().validate(root), project_schema().error_log
    nested = [e for e in root.iter() if e.tag.endswith("}Code") and e.get("name") == "Positive"]
    assert sorted(e.getparent().get("name") for e in nested) == ["Feelings", "Negative", "Outcome"]

    target = open_library()
    result = importing.import_paths(target, [path])
    assert _codebook_facts(target) == _codebook_facts(library)  # paths, colours, descriptions
    if format_id == "qdpx":
        (annotation,) = target.annotations(doc.id)
        assert annotation.tag_id == cb.resolve(target.tags(), ("Feelings", "Negative", "Positive")).id
    assert len(result.changes.tags_created) == 6  # the default tags were already there


def test_a_codebook_merges_by_name_path_into_a_library_with_tags(
    library: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    _hierarchy(library)
    path = tmp_path / "codes.qdc"
    exporting.export_to_path(library, path, format_id="qdc")
    target = open_library()
    feelings = svc.create_tag(target, name="Feelings").tags_created[0]
    svc.create_tag(target, name="Positive", parent_id=feelings.id)
    result = importing.import_paths(target, [path])
    paths = cb.paths(target.tags())
    added = sorted(cb.format_path(paths[t.id]) for t in result.changes.tags_created)
    assert added == ["Feelings/Negative", "Feelings/Negative/Positive", "Outcome", "Outcome/Positive"]
    assert len([p for p in paths.values() if p == ("Feelings", "Positive")]) == 1
    again = importing.import_paths(target, [path])
    assert again.changes.tags_created == ()


def test_a_plain_name_finds_the_one_nested_tag_of_that_name(library: Library) -> None:
    outcome = svc.create_tag(library, name="Outcome").tags_created[0]
    good = svc.create_tag(library, name="Good", parent_id=outcome.id).tags_created[0]
    doc = importing.persist(library, [importing.text_bundle("A good day.\n", title="T")]).documents[0]

    flat = ImportBundle([ImportedDocument("T", "A good day.\n", {}, [ImportedAnnotation("Good", 2, 6)], id=doc.id)], [])
    result = importing.persist(library, [flat])
    assert result.changes.tags_created == ()
    assert [a.tag_id for a in library.annotations(doc.id)] == [good.id]
    # Once two tags have the name, a plain name is a top-level tag of its own.
    svc.create_tag(library, name="Good")
    again = ImportBundle([ImportedDocument("T", "A good day.\n", {}, [ImportedAnnotation("Good", 7, 10)], id=doc.id)])
    importing.persist(library, [again])
    top = cb.resolve(library.tags(), ("Good",))
    assert {a.tag_id for a in library.annotations(doc.id)} == {good.id, top.id}


def test_sibling_codes_of_one_name_stay_two_tags() -> None:
    """Two codes under one parent may share a name in REFI (GUIDs tell them apart); tags are unique among
    siblings, so the second is "Name (2)": each coding keeps its own code, nothing is merged."""
    text = "good and good again\n"
    qde = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Twins">
  <CodeBook><Codes>
    <Code guid="C0000000-0000-4000-8000-000000000001" name="Tone" isCodable="false">
      <Code guid="C0000000-0000-4000-8000-000000000002" name="Good" isCodable="true" color="#FF0000"/>
      <Code guid="C0000000-0000-4000-8000-000000000003" name="Good" isCodable="true" color="#0000FF">
        <Description>the other one</Description>
      </Code>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="D0000000-0000-4000-8000-000000000001" name="T" plainTextPath="internal://t.txt">
      <PlainTextSelection guid="5E000000-0000-4000-8000-000000000001" startPosition="0" endPosition="4">
        <Coding guid="6C000000-0000-4000-8000-000000000001"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000002"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="5E000000-0000-4000-8000-000000000002" startPosition="9" endPosition="13">
        <Coding guid="6C000000-0000-4000-8000-000000000002"><CodeRef targetGUID="C0000000-0000-4000-8000-000000000003"/></Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
</Project>
"""
    bundle = read(make_qdpx(qde, {"sources/t.txt": text.encode()}))
    specs = {(*t.parents, t.name): t for t in bundle.tags}
    assert set(specs) == {("Tone",), ("Tone", "Good"), ("Tone", "Good (2)")}
    assert (specs["Tone", "Good"].color, specs["Tone", "Good (2)"].color) == ("#ff0000", "#0000ff")
    assert specs["Tone", "Good (2)"].description == "the other one"
    [document] = bundle.documents
    assert sorted((a.start, a.tag_path) for a in document.annotations) == [
        (0, ("Tone", "Good")),
        (9, ("Tone", "Good (2)")),
    ]


def test_sibling_codes_of_one_name_in_a_codebook_stay_two_tags() -> None:
    qdc = """<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>
  <Code guid="C0000000-0000-4000-8000-000000000001" name="Tone" isCodable="true">
    <Code guid="C0000000-0000-4000-8000-000000000002" name="Good" isCodable="true"/>
    <Code guid="C0000000-0000-4000-8000-000000000003" name="Good" isCodable="true"/>
    <Code guid="C0000000-0000-4000-8000-000000000004" name="Good (2)" isCodable="true"/>
    <Code guid="C0000000-0000-4000-8000-000000000005" name="Caf\u00e9" isCodable="true"/>
    <Code guid="C0000000-0000-4000-8000-000000000006" name=" Cafe\u0301 " isCodable="true"/>
  </Code>
  <Code name="Tone" isCodable="true"/>
</Codes></CodeBook>""".encode()
    bundle = refi.read_codebook(SourceFile("codes.qdc", qdc))
    paths = [(*t.parents, t.name) for t in bundle.tags]
    # a name a sibling has is skipped over; a code without a GUID is the same code as its namesake
    assert paths == [
        ("Tone",), ("Tone", "Good"), ("Tone", "Good (3)"), ("Tone", "Good (2)"), ("Tone", "Caf\u00e9"),
        ("Tone", "Caf\u00e9 (2)"),  # the same name once composed and trimmed, as tags' names are stored
    ]  # fmt: skip
