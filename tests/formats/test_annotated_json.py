"""Tests: the annotated JSON export (``annotator-export`` v1), on SQLite and PostgreSQL.

Every export must be valid against the schema shipped in the package and say
the truth about its text (sha256, quote == text[start:end], 32-code-point
context); an export imported into a fresh library must give back the same
documents and annotations, and importing it again must add nothing. A damaged
or foreign file is refused with a clear message and changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from annotator.core.model import TagSpec
from annotator.core.selectors import CONTEXT_LENGTH
from annotator.formats import annotated_json
from annotator.formats.base import FormatError, ImportBundle, ImportedAnnotation, ImportedDocument
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library
from tests._snapshot import library_contents as everything

# RFC 3339 date-time (jsonschema's FormatChecker only checks "date-time" when the
# optional rfc3339-validator is installed, so the tests check it themselves).
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")

EXTRA_TEXT = (
    "Second document \U0001f4d8\n"
    "Prices:\u00a0100\u00a0\u20ac and \U0001f600\U0001f600 twice; "
    "cafe\u0301 with a combining accent.\n"
    "Last line \U0001f44d\U0001f3fd."
)


def export_bytes(library: Library, document_ids: list[str] | None = None) -> bytes:
    out = io.BytesIO()
    exporting.export(library, out, document_ids=document_ids)
    return out.getvalue()


def annotation_facts(library: Library) -> set[tuple[object, ...]]:
    names = {t.id: t.name for t in library.tags()}
    return {
        (a.id, a.document_id, names[a.tag_id], a.start, a.end, a.quote, a.note, a.coder)
        for d in library.documents()
        for a in library.annotations(d.id)
    }


@pytest.fixture
def source(library: Library, seed_file: Path, tmp_path: Path) -> Library:
    """The seed document and a document of emoji/NBSP/combining text, annotated out of order."""
    extra = tmp_path / "extra.md"
    extra.write_text(EXTRA_TEXT, encoding="utf-8")
    result = importing.import_paths(library, [seed_file, extra], set_name="course")
    seed_id, extra_id = (r.id for r in result.documents)
    seed = library.document(seed_id).text
    tags = {t.name: t.id for t in library.tags()}

    def tag(doc_id: str, text: str, quote: str, name: str, note: str = "", coder: str = "", nth: int = 1) -> None:
        start = -1
        for _ in range(nth):
            start = text.index(quote, start + 1)
        annotating.create_annotation(
            library,
            document_id=doc_id,
            tag_id=tags[name],
            start=start,
            end=start + len(quote),
            note=note,
            coder=coder,
        )

    tag(seed_id, seed, seed[-60:], "speculation", coder="bo")  # last characters: suffix is empty
    tag(seed_id, seed, seed[:25], "claim", note="headline", coder="ada")  # first characters: prefix empty
    tag(seed_id, seed, seed[:10], "evidence")  # same start, shorter: sorts first
    tag(seed_id, seed, "Kazakhstan", "claim", nth=2, note="note with \U0001f914 and\nnewline")
    tag(extra_id, EXTRA_TEXT, "\U0001f600", "evidence", nth=2)
    tag(extra_id, EXTRA_TEXT, "100\u00a0\u20ac", "claim", coder="\u00e9lise")
    tag(extra_id, EXTRA_TEXT, "cafe\u0301", "speculation")
    tag(extra_id, EXTRA_TEXT, "\U0001f44d\U0001f3fd.", "claim")
    return library


def test_export_is_valid_against_the_shipped_schema(source: Library) -> None:
    payload = orjson.loads(export_bytes(source))
    schema = annotated_json.schema()
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(payload), key=str)
    assert errors == []
    stamps = [payload["exported_at"]] + [
        a[key] for d in payload["documents"] for a in d["annotations"] for key in ("created", "modified")
    ]
    assert all(RFC3339.match(s) for s in stamps), stamps


def test_export_tells_the_truth_about_its_text(source: Library) -> None:
    payload = orjson.loads(export_bytes(source))
    assert len(payload["documents"]) == 2
    assert {t["name"] for t in payload["tags"]} == {t.name for t in source.tags()}
    for doc in payload["documents"]:
        text = doc["text"]
        assert doc["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
        assert text == source.document(doc["id"]).text
        spans = [(a["start"], a["end"]) for a in doc["annotations"]]
        assert spans == sorted(spans)
        assert len(doc["annotations"]) == len(source.annotations(doc["id"])) == 4
        for a in doc["annotations"]:
            start, end = a["start"], a["end"]
            assert a["quote"] == text[start:end]
            assert a["prefix"] == text[max(0, start - CONTEXT_LENGTH) : start]
            assert a["suffix"] == text[end : end + CONTEXT_LENGTH]
            assert len(a["prefix"]) <= CONTEXT_LENGTH and len(a["suffix"]) <= CONTEXT_LENGTH
    facts = {
        (a["id"], d["id"], a["tag"], a["start"], a["end"], a["quote"], a["note"], a["coder"])
        for d in payload["documents"]
        for a in d["annotations"]
    }
    assert facts == annotation_facts(source)


def test_export_of_selected_documents(source: Library) -> None:
    docs = source.documents()
    payload = orjson.loads(export_bytes(source, [docs[1].id]))
    assert [d["id"] for d in payload["documents"]] == [docs[1].id]
    by_set = orjson.loads(export_bytes(source, source.documents_in_set("course")))["documents"]
    everything_exported = orjson.loads(export_bytes(source))["documents"]
    assert sorted(by_set, key=lambda d: d["id"]) == sorted(everything_exported, key=lambda d: d["id"])
    with pytest.raises(LookupError, match="no document"):
        export_bytes(source, ["no-such-id"])


def test_round_trip_into_a_fresh_library(source: Library, open_library: Callable[[], Library], tmp_path: Path) -> None:
    path = tmp_path / "export.json"
    exporting.export_to_path(source, path)
    target = open_library()

    first = importing.import_paths(target, [path])
    assert [r.new for r in first.documents] == [True, True]
    assert first.annotations_added == 8
    assert [(d.id, d.title) for d in target.documents()] == [(d.id, d.title) for d in source.documents()]
    for d in source.documents():
        original, copy = source.document(d.id), target.document(d.id)
        assert (copy.text, copy.sha256, copy.metadata) == (
            original.text,
            original.sha256,
            original.metadata,
        )
    assert annotation_facts(target) == annotation_facts(source)

    before = everything(target)
    second = importing.import_paths(target, [path])
    assert [r.new for r in second.documents] == [False, False]
    assert (second.annotations_added, second.annotations_existing) == (0, 8)
    assert second.changes.empty
    assert everything(target) == before

    # And the fresh library exports the same thing (all but the export time).
    again = orjson.loads(export_bytes(target))
    original = orjson.loads(path.read_bytes())
    again.pop("exported_at"), original.pop("exported_at")
    assert again == original


def test_round_trip_brings_the_tags_the_target_lacks(
    library: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    text = "We interviewed 12 people \U0001f3a4 in 2023."
    bundle = ImportBundle(
        documents=[ImportedDocument("Methods", text, annotations=[ImportedAnnotation("method", 3, 24)])],
        tags=[TagSpec("method", "#123456", "How the evidence was gathered")],
    )
    importing.persist(library, [bundle])
    path = tmp_path / "with-method.json"
    exporting.export_to_path(library, path)

    target = open_library()
    result = importing.import_paths(target, [path])
    assert [t.name for t in result.changes.tags_created] == ["method"]
    method = target.tag_named("method")
    assert (method.color, method.description) == ("#123456", "How the evidence was gathered")
    assert annotation_facts(target) == annotation_facts(library)


def test_export_to_path_is_atomic(source: Library, tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.json"
    target.write_bytes(b"previous export")
    assert exporting.export_to_path(source, target) == 2
    assert orjson.loads(target.read_bytes())["format"] == "annotator-export"
    assert target.stat().st_mode & 0o777 == 0o644
    good = target.read_bytes()
    with pytest.raises(LookupError):
        exporting.export_to_path(source, target, document_ids=["missing"])
    assert target.read_bytes() == good
    assert os.listdir(folder) == ["out.json"]  # no temporary file left behind


def _mutate(payload: dict[str, Any], kind: str) -> bytes:
    doc = payload["documents"][1]
    ann = doc["annotations"][0]
    if kind == "wrong format":
        payload["format"] = "someone-elses-export"
    elif kind == "wrong version":
        payload["version"] = 3
    elif kind == "quote disagrees with text":
        ann["quote"] = ann["quote"] + "x"
    elif kind == "offsets disagree with quote":
        ann["start"], ann["end"] = ann["start"] + 1, ann["end"] + 1
    elif kind == "offset beyond the text":
        ann["end"] = len(doc["text"]) + 10
    elif kind == "fractional offset":
        ann["start"] = float(ann["start"])
    elif kind == "sha256 mismatch":
        doc["text"] = doc["text"].replace("Prices", "Pricez")
    elif kind == "unknown tag":
        ann["tag_id"] = "not-in-the-codebook"
    elif kind == "missing field":
        del ann["coder"]
    elif kind == "bad colour":
        payload["tags"][0]["color"] = "red"
    elif kind == "bad timestamp":
        ann["created"] = "yesterday"
    return orjson.dumps(payload)


MUTATIONS = {
    "wrong format": "not an Annotator export",
    "wrong version": "version 3; this version reads 1 and 2",
    "quote disagrees with text": r"quote is not text\[start:end\]",
    "offsets disagree with quote": r"quote is not text\[start:end\]",
    "offset beyond the text": r"quote is not text\[start:end\]",
    "fractional offset": "start and end must be whole numbers",
    "sha256 mismatch": "does not match its sha256",
    "unknown tag": "not in the export's tags",
    "missing field": "'coder' is a required property",
    "bad colour": "not valid at tags/0/color",
    "bad timestamp": "timestamp",
}


@pytest.mark.parametrize("kind", list(MUTATIONS))
def test_damaged_export_refused_and_nothing_imported(
    source: Library, open_library: Callable[[], Library], tmp_path: Path, kind: str
) -> None:
    good = tmp_path / "good.json"
    exporting.export_to_path(source, good)
    bad = tmp_path / "bad.json"
    bad.write_bytes(_mutate(orjson.loads(good.read_bytes()), kind))
    target = open_library()
    before = everything(target)
    with pytest.raises(FormatError, match=MUTATIONS[kind]) as caught:
        importing.import_paths(target, [good, bad])
    assert str(caught.value).startswith(f"{bad}: ")
    assert everything(target) == before


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (lambda good: good[: len(good) // 2], "not valid JSON"),  # truncated
        (
            lambda good: good.replace(b'"documents"', b'"documents" "', 1),
            "not valid JSON",
        ),  # malformed
        (lambda good: b"", "empty"),
        (lambda good: b'{"format": "annotator-export"}', "version None"),
        (lambda good: b'["annotator-export"]', "not an Annotator export"),
    ],
    ids=["truncated", "malformed", "empty", "no version", "array"],
)
def test_broken_json_refused(source: Library, tmp_path: Path, content: Callable[[bytes], bytes], message: str) -> None:
    good = export_bytes(source)
    bad = tmp_path / "broken.json"
    bad.write_bytes(content(good))
    before = everything(source)
    with pytest.raises(FormatError, match=message):
        importing.import_paths(source, [bad])
    assert everything(source) == before


def test_an_export_over_the_import_limit_imports_back(tmp_path: Path) -> None:
    """What Annotator wrote it reads back: the 50 MB limit is for other tools' files and documents.

    SQLite only: the limit is checked before any library is touched.
    """
    line = "Ein langer Satz \u00fcber Kasachstan, \U0001f600, und noch mehr Worte dazu.\n"
    documents = []
    for number in range(6):
        text = f"Document {number}\n" + line * (9_000_000 // len(line))
        start = text.index("Kasachstan", len(text) // 2)
        documents.append(
            ImportedDocument(
                f"Document {number}",
                text,
                annotations=[
                    ImportedAnnotation("claim", 0, 8, note=f"title {number}"),
                    ImportedAnnotation("evidence", start, start + 10, coder="ada"),
                ],
            )
        )
    source = Library.open(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    target = Library.open(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    try:
        importing.persist(source, [ImportBundle(documents)])
        del documents
        path = tmp_path / "library.json"
        exporting.export_to_path(source, path, format_id="json")
        assert path.stat().st_size > importing.MAX_IMPORT_BYTES

        first = importing.import_paths(target, [path])
        assert [r.new for r in first.documents] == [True] * 6
        assert first.annotations_added == 12
        assert annotation_facts(target) == annotation_facts(source)
        assert importing.import_paths(target, [path]).annotations_added == 0

        # The same size in any other file is still refused, before it is read.
        other = tmp_path / "library.txt"
        other.write_bytes(b"not an export " * (importing.MAX_IMPORT_BYTES // 14 + 1))
        with pytest.raises(FormatError, match="files over 50.0 MB are not imported"):
            importing.read_file(other)
    finally:
        source.close()
        target.close()
