"""Tests: importing files, on SQLite and PostgreSQL.

Text files arrive in whatever encoding people have; each must be stored as the
same normalised text. Anything that is not importable text is refused with a
message naming the file and the reason, and an import is all or nothing: one
bad file among good ones means nothing is added. Importing twice adds nothing.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

from annotator.core.model import TagSpec
from annotator.core.text import sha256_text
from annotator.formats.base import FormatError, ImportBundle, ImportedAnnotation, ImportedDocument
from annotator.services import importing
from annotator.services.library import Library
from tests._snapshot import library_contents as everything
from tests._snapshot import set_names

BODY = "A Title With Accents: café\r\n\r\nFirst paragraph, “quoted”, 5\u00a0€.\r\nSecond line\rthird line.\r\n"
EXPECTED = BODY.replace("\r\n", "\n").replace("\r", "\n")
SPANISH = (
    "Canción de otoño\r\n\r\nEl niño comió piñata en la mañana. ¿Qué pasó? ¡Increíble! Costó 5 € – “muy caro”.\r\n"
)


@pytest.mark.parametrize(
    ("name", "data", "text", "encoding"),
    [
        ("utf8.txt", BODY.encode("utf-8"), EXPECTED, "utf-8"),
        ("utf8-bom.txt", codecs.BOM_UTF8 + BODY.encode("utf-8"), EXPECTED, "utf-8"),
        ("utf16le.txt", codecs.BOM_UTF16_LE + BODY.encode("utf-16-le"), EXPECTED, "utf-16"),
        ("utf16be.md", codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), EXPECTED, "utf-16"),
        ("notes.md", ("# " + BODY).encode("utf-8"), "# " + EXPECTED, "utf-8"),
        ("cp1252.txt", SPANISH.encode("cp1252"), SPANISH.replace("\r\n", "\n"), "cp1252"),
    ],
)
def test_text_files_in_any_encoding(
    library: Library, tmp_path: Path, name: str, data: bytes, text: str, encoding: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    result = importing.import_paths(library, [path])
    [row] = result.documents
    assert row.new
    assert result.changes.documents_created == (row.id,)
    doc = library.document(row.id)
    assert doc.text == text
    assert doc.title == text.split("\n", 1)[0].lstrip("# ")
    assert row.title == doc.title
    assert doc.metadata == {"source_file": name, "encoding": encoding}
    assert [d.id for d in library.documents()] == [row.id]


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


BAD_FILES = {
    "binary": (
        "picture.txt",
        bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(64),
        "binary",
    ),
    "empty": ("empty.txt", b"", "empty"),
    "blank": ("blank.md", " \r\n\t\n\u00a0 \n".encode(), "the file holds only white space"),
    "blank, no extension": ("blank", b" \r\n\t\n", "the file holds only white space"),
    "blank UTF-16": ("blank16.txt", " \n".encode("utf-16"), "the file holds only white space"),
    "undecodable utf-16": ("bad16.txt", codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "byte-order mark"),
    "unknown type": ("scan.xyz", b"\x00\x01 not a known format", "unknown file type; its content looks like binary"),
    "text, unknown name": ("notes.xyz", b"Plain words.\n", "it looks like plain text: import it with --format txt"),
}


@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_bad_file_refused_with_a_clear_message(library: Library, tmp_path: Path, kind: str) -> None:
    name, data, reason = BAD_FILES[kind]
    path = _write(tmp_path, name, data)
    before = everything(library)
    with pytest.raises(FormatError, match=reason) as caught:
        importing.import_paths(library, [path])
    assert str(caught.value).startswith(f"{path}: ")
    assert "\n" not in str(caught.value)
    assert everything(library) == before


def test_too_large_file_refused(library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # services.importing imported the limit by name; that is the one read_file checks.
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1000)
    small = _write(tmp_path, "small.txt", b"x" * 1000)
    big = _write(tmp_path, "big.txt", b"x" * 1001)
    before = everything(library)
    with pytest.raises(FormatError, match="not imported") as caught:
        importing.import_paths(library, [big])
    assert str(big) in str(caught.value)
    assert everything(library) == before
    assert importing.import_paths(library, [small]).documents[0].new


def test_missing_file_and_folder_refused(library: Library, tmp_path: Path) -> None:
    before = everything(library)
    with pytest.raises(FormatError, match="No such file"):
        importing.import_paths(library, [tmp_path / "missing.txt"])
    with pytest.raises(FormatError, match="folder"):
        importing.import_paths(library, [tmp_path])
    assert everything(library) == before


def test_one_bad_file_among_good_ones_imports_nothing(library: Library, tmp_path: Path) -> None:
    good = [_write(tmp_path, f"good{i}.txt", f"Good text number {i}\n".encode()) for i in range(3)]
    bad = _write(tmp_path, "bad.txt", bytes(range(256)))
    empty = _write(tmp_path, "empty.md", b"")
    before = everything(library)
    with pytest.raises(FormatError) as caught:
        importing.import_paths(library, [good[0], bad, good[1], empty, good[2]], set_name="week 1")
    message = str(caught.value)
    assert "bad.txt" in message and "empty.md" in message  # every failure is named
    assert not any(p.name in message for p in good)
    assert everything(library) == before
    assert set_names(library) == []


def test_failure_while_writing_rolls_back_the_whole_import(library: Library) -> None:
    # The first bundle is fine; the second can only be refused once writing has begun.
    good = ImportBundle(
        documents=[ImportedDocument(title="ok", text="fine text")],
        tags=[TagSpec("new-tag", "#123456")],
    )
    bad = ImportBundle(
        documents=[ImportedDocument(title="bad", text="old\r\nmac", annotations=[ImportedAnnotation("claim", 0, 3)])]
    )
    before = everything(library)
    with pytest.raises(FormatError, match="CR line endings"):
        importing.persist(library, [good, bad], set_name="s")
    assert everything(library) == before


def test_importing_the_same_file_twice_adds_nothing(library: Library, tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", BODY.encode("utf-8"))
    first = importing.import_paths(library, [path]).documents[0]
    # Same text under another name and with LF endings and a BOM: the same document.
    copy = _write(tmp_path, "copy.md", codecs.BOM_UTF8 + EXPECTED.encode("utf-8"))
    again = importing.import_paths(library, [path, copy])
    assert [(r.id, r.new) for r in again.documents] == [(first.id, False), (first.id, False)]
    assert again.changes.empty
    assert [d.id for d in library.documents()] == [first.id]


def test_a_file_edited_since_its_import_is_added_again_and_named(library: Library, tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.txt", BODY.encode("utf-8"))
    first = importing.import_paths(library, [path]).documents[0]
    assert importing.import_paths(library, [path]).same_file == []  # the same text: nothing to say
    other = _write(tmp_path, "other.txt", SPANISH.encode("utf-8"))
    assert importing.import_paths(library, [other]).same_file == []  # another file
    _write(tmp_path, "notes.txt", (BODY + "An added line.\n").encode("utf-8"))
    again = importing.import_paths(library, [path])
    (added,) = again.documents
    assert added.new and added.id != first.id  # nothing lost: both texts are kept
    assert again.same_file == [(first.id, first.title)]
    assert "annotator revise" in importing.EDITED_AGAIN_HINT


def test_set_membership(library: Library, tmp_path: Path) -> None:
    a = _write(tmp_path, "a.txt", b"Document A\n")
    b = _write(tmp_path, "b.txt", b"Document B\n")
    c = _write(tmp_path, "c.txt", b"Document C\n")
    week1 = importing.import_paths(library, [a, b], set_name="week 1")
    ids1 = [r.id for r in week1.documents]
    assert library.documents_in_set("week 1") == ids1
    # An existing document joins another set without being imported again.
    week2 = importing.import_paths(library, [b, c], set_name="week 2")
    assert week2.documents[0].id == ids1[1] and not week2.documents[0].new
    assert library.documents_in_set("week 2") == [ids1[1], week2.documents[1].id]
    assert library.documents_in_set("week 1") == ids1
    # Re-importing into the same set does not duplicate membership.
    importing.import_paths(library, [a, a], set_name="week 1")
    assert library.documents_in_set("week 1") == ids1
    assert set_names(library) == ["week 1", "week 2"]
    assert len(library.documents()) == 3
    with pytest.raises(LookupError, match="no set"):
        library.documents_in_set("week 3")


def test_import_without_set_creates_none(library: Library, tmp_path: Path) -> None:
    importing.import_paths(library, [_write(tmp_path, "a.txt", b"Doc\n")])
    assert set_names(library) == []


def test_forced_format(library: Library, tmp_path: Path) -> None:
    path = _write(tmp_path, "notes.data", b"# Heading\n\nbody\n")
    with pytest.raises(FormatError, match="unknown file type"):
        importing.import_paths(library, [path])
    [row] = importing.import_paths(library, [path], format_id="md").documents
    assert library.document(row.id).title == "Heading"


def test_import_says_which_tags_and_annotations_it_created(library: Library) -> None:
    text = "Quote me \U0001f600 on this."
    bundle = ImportBundle(
        documents=[
            ImportedDocument(
                title="t",
                text=text,
                annotations=[
                    ImportedAnnotation("method", 9, 10, quote="\U0001f600", note="n"),
                    ImportedAnnotation("claim", 0, 5),
                    ImportedAnnotation("unlisted", 14, 18),
                ],
            )
        ],
        tags=[TagSpec("method", "#123456", "How it was done")],
    )
    result = importing.persist(library, [bundle])
    created = result.changes.tags_created
    assert [(t.name, t.color, t.description) for t in created] == [
        ("method", "#123456", "How it was done"),
        ("unlisted", importing.NEW_TAG_COLORS[1], ""),
    ]
    assert [t.name for t in library.tags()][-2:] == ["method", "unlisted"]
    names = {t.id: t.name for t in library.tags()}
    [doc_id] = result.changes.documents_created
    stored = library.annotations(doc_id)
    assert sorted(result.changes.annotations_created, key=lambda a: a.start) == stored
    assert [(names[a.tag_id], a.quote, a.note) for a in stored] == [
        ("claim", "Quote", ""),
        ("method", "\U0001f600", "n"),
        ("unlisted", "this", ""),
    ]
    assert result.annotations_added == 3


@pytest.mark.parametrize(
    "document",
    [
        ImportedDocument(title="nul", text="text with a \x00 NUL"),
        ImportedDocument(title="q", text="abc", annotations=[ImportedAnnotation("claim", 0, 2, "xy")]),
    ],
    ids=["NUL in text", "quote disagrees"],
)
def test_bundle_refused_while_writing_changes_nothing(library: Library, document: ImportedDocument) -> None:
    before = everything(library)
    with pytest.raises(FormatError):
        importing.persist(library, [ImportBundle(documents=[document])])
    assert everything(library) == before


@pytest.mark.parametrize(
    ("bundle", "kind"),
    [
        (
            ImportBundle(
                [ImportedDocument("t", "abc", annotations=[ImportedAnnotation("claim", 0, 2, coder="c" * 201)])]
            ),
            "coder",
        ),
        (ImportBundle([ImportedDocument("t", "abc", annotations=[ImportedAnnotation("x" * 201, 0, 2)])]), "tag"),
        (ImportBundle([ImportedDocument("t", "abc")], tags=[TagSpec("y" * 201, "#000000")]), "tag"),
    ],
    ids=["coder", "annotation tag", "codebook tag"],
)
def test_names_too_long_to_store_are_refused_on_every_backend(
    library: Library, bundle: ImportBundle, kind: str
) -> None:
    """PostgreSQL enforces column lengths and SQLite does not: the services check for both."""
    from annotator.core.model import InvalidInput

    before = everything(library)
    with pytest.raises(InvalidInput, match=f"{kind} names are limited to 200"):
        importing.persist(library, [bundle])
    assert everything(library) == before


def test_ids_longer_than_ours_are_replaced_not_stored(library: Library) -> None:
    long_id = "https://example.org/annotations/" + "a" * 40
    bundle = ImportBundle(
        [ImportedDocument("t", "abcdef", id=long_id, annotations=[ImportedAnnotation("claim", 1, 3, id=long_id)])]
    )
    result = importing.persist(library, [bundle])
    (row,) = result.documents
    assert row.id != long_id and len(row.id) == 36
    (stored,) = library.annotations(row.id)
    assert stored.id != long_id and stored.quote == "bc"


def test_size_message_reads_naturally(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1_000_000)
    big = _write(tmp_path, "big.txt", b"x" * 2_500_000)
    with pytest.raises(FormatError, match=r"the file is 2\.5 MB; files over 1\.0 MB are not imported"):
        importing.read_file(big)


def test_size_and_folder_refusals_give_the_true_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """FormatError is a ValueError: it must not come out as "not a usable file name (…)"."""
    monkeypatch.setattr(importing, "MAX_IMPORT_BYTES", 1_000_000)
    big = _write(tmp_path, "big.txt", b"x" * 2_500_000)
    with pytest.raises(FormatError) as caught:
        importing.read_file(big)
    assert str(caught.value) == "the file is 2.5 MB; files over 1.0 MB are not imported"
    folder = tmp_path / "folder"
    folder.mkdir()
    with pytest.raises(FormatError) as caught:
        importing.read_file(folder)
    assert "is a folder" in str(caught.value) and "file name" not in str(caught.value)


# -- ids from other tools are local to their document ------------------------------------------


def _jsonl_line(title: str, text: str, spans: list[tuple[str, str, str]]) -> bytes:
    """One spaCy-shaped line whose spans carry another tool's ids (``"1"``, ``"2"``…)."""
    return (
        orjson.dumps(
            {
                "title": title,
                "text": text,
                "spans": [
                    {"start": text.index(q), "end": text.index(q) + len(q), "label": tag, "text": q, "id": span_id}
                    for span_id, tag, q in spans
                ],
            }
        )
        + b"\n"
    )


def _spans(library: Library) -> set[tuple[str, str, str, str]]:
    """(document title, tag, quote, note) of every annotation."""
    names = {t.id: t.name for t in library.tags()}
    return {(d.title, names[a.tag_id], a.quote, a.note) for d in library.documents() for a in library.annotations(d.id)}


def test_jsonl_span_ids_repeated_in_another_document_are_all_imported(library: Library, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "spans.jsonl",
        _jsonl_line("One", "Alpha beta gamma.", [("1", "claim", "Alpha"), ("2", "evidence", "gamma")])
        + _jsonl_line("Two", "Delta epsilon zeta.", [("1", "hypothesis", "Delta"), ("2", "claim", "zeta")]),
    )
    first = importing.import_paths(library, [path])
    assert first.annotations_added == 4
    assert "hypothesis" in [t.name for t in first.changes.tags_created]
    assert _spans(library) == {
        ("One", "claim", "Alpha", ""), ("One", "evidence", "gamma", ""),
        ("Two", "hypothesis", "Delta", ""), ("Two", "claim", "zeta", ""),
    }  # fmt: skip
    # Another tool's ids never become ours; a second import still adds nothing.
    assert not {"1", "2"} & {a.id for d in library.documents() for a in library.annotations(d.id)}
    before = everything(library)
    again = importing.import_paths(library, [path])
    assert (again.annotations_added, again.annotations_existing) == (0, 4)
    assert everything(library) == before


def _w3c_file(text: str, tag: str, quote: str) -> bytes:
    """One annotation with the relative id ``anno1``, its text embedded, as many tools write it."""
    start = text.index(quote)
    return orjson.dumps(
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "anno1",
            "type": "Annotation",
            "body": {"type": "TextualBody", "purpose": "tagging", "value": tag},
            "target": {
                "source": {"type": "TextualBody", "value": text},
                "selector": [
                    {"type": "TextPositionSelector", "start": start, "end": start + len(quote)},
                    {"type": "TextQuoteSelector", "exact": quote},
                ],
            },
        }
    )


def test_w3c_files_with_the_same_annotation_id_are_all_imported(library: Library, tmp_path: Path) -> None:
    one = _write(tmp_path, "one.jsonld", _w3c_file("The first text.", "claim", "first"))
    two = _write(tmp_path, "two.jsonld", _w3c_file("The second text.", "remark", "second"))
    # The same id again, on the first text, for another span: not the same annotation either.
    three = _write(tmp_path, "three.jsonld", _w3c_file("The first text.", "evidence", "text"))
    result = importing.import_paths(library, [one, two, three])
    assert result.annotations_added == 3
    assert "remark" in [t.name for t in result.changes.tags_created]
    assert _spans(library) == {
        ("The first text.", "claim", "first", ""),
        ("The second text.", "remark", "second", ""),
        ("The first text.", "evidence", "text", ""),
    }
    before = everything(library)
    for path in (two, one, three):
        again = importing.import_paths(library, [path])
        assert (again.annotations_added, again.annotations_existing) == (0, 1)
    assert everything(library) == before


def test_own_export_matches_by_id_and_a_foreign_copy_of_an_id_is_not_lost(
    library: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    from annotator.services import exporting

    text = "Our own words, tagged twice."
    bundle = ImportBundle([ImportedDocument("ours", text, annotations=[ImportedAnnotation("claim", 0, 3, note="a")])])
    [doc_id] = importing.persist(library, [bundle]).changes.documents_created
    [ours] = library.annotations(doc_id)
    path = tmp_path / "export.json"
    exporting.export_to_path(library, path, format_id="json")

    again = importing.import_paths(library, [path])  # the same library: matched by id
    assert (again.annotations_added, again.annotations_existing) == (0, 1)
    fresh = open_library()
    importing.import_paths(fresh, [path])  # another library: our ids are kept
    assert [a.id for a in fresh.annotations(doc_id)] == [ours.id]

    # Another document carrying that id (an export edited by hand, a text changed elsewhere):
    # it is another annotation, kept under a fresh id, and not imported twice either.
    payload = orjson.loads(path.read_bytes())
    other = "Other words, tagged once."
    payload["documents"][0].update(id="d2", title="other", text=other, sha256=sha256_text(other))
    payload["documents"][0]["annotations"][0].update(quote="Oth", prefix="", suffix=other[3:35])
    copy = _write(tmp_path, "copy.json", orjson.dumps(payload))
    added = importing.import_paths(library, [copy])
    assert added.annotations_added == 1
    [moved] = library.annotations(added.documents[0].id)
    assert moved.id != ours.id and moved.quote == "Oth"
    assert library.annotation(ours.id) == ours
    assert importing.import_paths(library, [copy]).annotations_added == 0


# -- deeply nested JSON ------------------------------------------------------------------------


def _nested(depth: int) -> bytes:
    """A JSON object *depth* levels deep, written as text (orjson writes at most 254 levels)."""
    return b'{"a":' * (depth - 1) + b"{}" + b"}" * (depth - 1)


def _file_with_metadata(fmt: str, metadata: bytes) -> tuple[str, bytes]:
    """A valid file of *fmt* whose one document carries *metadata* (JSON text)."""
    from datetime import UTC, datetime

    from annotator.core.model import Annotation, Document, Tag
    from annotator.formats import annotated_json
    from annotator.formats.base import ExportBundle, ExportedDocument

    text = "A text that carries metadata."
    if fmt == "jsonl":
        line = orjson.dumps({"title": "deep", "text": text, "spans": [], "meta": {"metadata": "@"}})
        return "deep.jsonl", line.replace(b'"@"', metadata) + b"\n"
    moment = datetime(2024, 5, 6, tzinfo=UTC)
    doc = Document("d1", "deep", text, sha256_text(text), {"m": "@"}, moment)
    claim = Annotation("a1", "d1", "t1", 2, 6, "text", "A ", " that", "", "", moment, moment)
    bundle = ExportBundle([Tag("t1", "claim", "#f4a261")], [ExportedDocument(doc, [claim])], "annotator 0.1.0", moment)
    return "deep.json", orjson.dumps(annotated_json.to_dict(bundle)).replace(b'{"m":"@"}', metadata)


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
@pytest.mark.parametrize("depth", [65, 300])
def test_metadata_nested_too_deep_is_refused_with_one_line(
    library: Library, tmp_path: Path, fmt: str, depth: int
) -> None:
    name, data = _file_with_metadata(fmt, _nested(depth))
    path = _write(tmp_path, name, data)
    before = everything(library)
    with pytest.raises(FormatError, match=r"nested more than \d+ levels deep") as caught:
        importing.import_paths(library, [path])
    message = str(caught.value)
    assert "\n" not in message and len(message) < 300
    assert everything(library) == before


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_metadata_as_deep_as_allowed_is_kept_and_exports_back(
    library: Library, open_library: Callable[[], Library], tmp_path: Path, fmt: str
) -> None:
    """The limit leaves room for our own export around the metadata: it always imports back."""
    from annotator.services import exporting

    name, data = _file_with_metadata(fmt, _nested(importing.MAX_METADATA_NESTING))
    [row] = importing.import_paths(library, [_write(tmp_path, name, data)]).documents
    metadata = library.document(row.id).metadata
    assert metadata == orjson.loads(_nested(importing.MAX_METADATA_NESTING))
    export = tmp_path / "export.json"
    exporting.export_to_path(library, export, format_id="json")
    copy = open_library()
    importing.import_paths(copy, [export])
    assert copy.document(row.id).metadata == metadata


@pytest.mark.parametrize(
    ("name", "data"),
    [
        # Not metadata, but as deep: jsonschema's message would show (or fail to show) it whole.
        (
            "note.json",
            _file_with_metadata("json", b"{}")[1].replace(b'"note":""', b'"note":' + b"[" * 900 + b"]" * 900),
        ),
        (
            "body.jsonld",
            b'{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": '
            + _nested(400)
            + b', "target": {"source": {"type": "TextualBody", "value": "A text"}, "selector": '
            b'{"type": "TextQuoteSelector", "exact": "text"}}}',
        ),
    ],
    ids=["annotated JSON", "W3C"],
)
def test_json_nested_too_deep_anywhere_is_refused_with_one_line(tmp_path: Path, name: str, data: bytes) -> None:
    with pytest.raises(FormatError, match=r"nested more than 100 levels deep") as caught:
        importing.read_file(_write(tmp_path, name, data))
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 300


def test_a_file_made_before_a_revision_imported_twice_adds_its_orphan_once(library: Library) -> None:
    from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument
    from annotator.services import revising

    text = "Alpha beta gamma. The doomed sentence is here. Delta epsilon.\n"
    doc_id = importing.persist(library, [importing.text_bundle(text, title="t")]).documents[0].id
    revising.revise_document(library, document_id=doc_id, new_text="Alpha beta gamma. Delta epsilon.\n")
    start = text.index("doomed sentence")

    def made_before_the_revision() -> ImportBundle:  # a foreign id: matched on what it carries
        span = ImportedAnnotation("claim", start, start + len("doomed sentence"), quote="doomed sentence", id="T1")
        return ImportBundle([ImportedDocument("t", text, {}, [span])])

    first = importing.persist(library, [made_before_the_revision()])
    second = importing.persist(library, [made_before_the_revision()])
    assert (first.annotations_added, second.annotations_added, second.annotations_existing) == (1, 0, 1)
    assert [o.annotation.quote for o in revising.orphans(library, doc_id)] == ["doomed sentence"]
