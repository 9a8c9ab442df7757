"""Tests: the W3C Web Annotation format (``w3c``), on SQLite and PostgreSQL.

- Every export passes the MUST-level assertions of the W3C Web Annotation test
  suite (vendored in ``tests/formats/w3c/web-annotation-tests``, run the way its
  JSONtest harness runs them), and every key and vocabulary term it writes is
  defined by the ``anno.jsonld`` context (vendored beside it).
- An export imported into a fresh library gives back the documents and the
  (tag, start, end, quote, note, coder) set, ids and timestamps; a second import
  adds nothing.
- Annotations from other tools are placed in a text found beside the file,
  with offsets counted in UTF-16 units or before CRLF became LF converted
  exactly; a file with any annotation that cannot be placed is refused whole.
- Damaged, truncated, binary or foreign JSON is refused with a FormatError and
  changes nothing; the reader is fuzzed with Hypothesis.
"""

from __future__ import annotations

import io
import json
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft4Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4

from annotator.core.model import Annotation, Document, Tag
from annotator.core.text import sha256_text
from annotator.formats import w3c
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
from annotator.services.library import Library
from tests._snapshot import library_contents as everything

FIXTURES = Path(__file__).parent / "w3c"
SUITE = FIXTURES / "web-annotation-tests"
CONTEXT_FILE = FIXTURES / "anno.jsonld"
CONTEXT = "http://www.w3.org/ns/anno.jsonld"

# xsd:dateTime in UTC, as the tests require of every timestamp we write.
UTC_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$")

UNICODE_TEXT = (
    "Family \U0001f469\u200d\U0001f469\u200d\U0001f467 and flag \U0001f3f3\ufe0f\u200d\U0001f308.\n"
    "Price:\u00a0100\u00a0\u20ac; cafe\u0301 and nai\u0308ve.\n"
    "Hebrew: \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd; Arabic: \u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645.\n"
    "Tab\there, thumbs \U0001f44d\U0001f3fd end."
)
CRLF_BYTES = "Line one \U0001f600\r\nLine two has a claim.\r\n\r\nLast line, \u05e9\u05dc\u05d5\u05dd.\r\n".encode()
QUIET_TEXT = "A document nobody annotated."
METHODS_TEXT = "We interviewed 12 people \U0001f3a4 in 2023."


# --------------------------------------------------------------------------- helpers


def export_bytes(library: Library, document_ids: list[str] | None = None) -> bytes:
    """A W3C export, checked against the suite's collection and page assertions."""
    out = io.BytesIO()
    exporting.export(library, out, format_id="w3c", document_ids=document_ids)
    assert container_report(orjson.loads(out.getvalue())) == {}
    return out.getvalue()


def facts(library: Library) -> set[tuple[object, ...]]:
    """(document text, tag, start, end, quote, note, coder) of every annotation."""
    names = {t.id: t.name for t in library.tags()}
    return {
        (library.text(d.id), names[a.tag_id], a.start, a.end, a.quote, a.note, a.coder)
        for d in library.documents()
        for a in library.annotations(d.id)
    }


def items_of(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return payload["first"]["items"] if payload.get("total") else []


def utf16(text: str, offset: int) -> int:
    """A code-point offset counted in UTF-16 code units (what JavaScript clients store)."""
    return len(text[:offset].encode("utf-16-le")) // 2


@pytest.fixture
def source(library: Library, seed_file: Path, tmp_path: Path) -> Library:
    """The seed article, a Unicode-rich document, one from a CRLF file, and one left unannotated."""
    (tmp_path / "unicode.md").write_text(UNICODE_TEXT, encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(CRLF_BYTES)
    (tmp_path / "quiet.txt").write_text(QUIET_TEXT, encoding="utf-8")
    paths = [seed_file, tmp_path / "unicode.md", tmp_path / "crlf.txt", tmp_path / "quiet.txt"]
    seed_id, uni_id, crlf_id, _ = (r.id for r in importing.import_paths(library, paths).documents)
    tags = {t.name: t.id for t in library.tags()}

    def tag(doc_id: str, quote: str, name: str, note: str = "", coder: str = "", nth: int = 1) -> None:
        annotating.annotate_quote(
            library, document_id=doc_id, tag_id=tags[name], quote=quote, occurrence=nth, note=note, coder=coder
        )

    seed = library.text(seed_id)
    tag(seed_id, seed[-40:], "speculation", coder="bo")  # the very end: empty suffix
    tag(seed_id, seed[:25], "claim", note="headline", coder="ada")  # the very start: empty prefix
    tag(seed_id, seed[:10], "evidence")  # overlaps the one before
    tag(seed_id, "Kazakhstan", "claim", nth=2, note="note with \U0001f914 and\nnewline")
    tag(
        uni_id,
        "\U0001f469\u200d\U0001f469\u200d\U0001f467",
        "evidence",
        note="ZWJ family",
        coder="\u00e9lise",
    )
    tag(uni_id, "100\u00a0\u20ac", "claim")
    tag(uni_id, "cafe\u0301", "speculation", coder="\u05e9\u05e8\u05d4")
    tag(
        uni_id,
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
        "claim",
        note="\u0645\u0644\u0627\u062d\u0638\u0629",
    )
    tag(uni_id, "\u0645\u0631\u062d\u0628\u0627", "evidence")
    tag(uni_id, "\U0001f44d\U0001f3fd end.", "claim")
    tag(crlf_id, "claim", "claim", note="after a CRLF")
    tag(crlf_id, "Last line, \u05e9\u05dc\u05d5\u05dd.", "evidence")
    # A tag a fresh library does not have, with a name outside ASCII.
    method = ImportedAnnotation("m\u00e9thode \U0001f9ea", 3, 24, coder="ada", note="how")
    importing.persist(library, [ImportBundle([ImportedDocument("Methods", METHODS_TEXT, annotations=[method])])])
    return library


# --------------------------------------------------------------------------- the W3C test suite


@cache
def suite_registry() -> Registry:
    resources = []
    for path in sorted((SUITE / "definitions").glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resources.append((contents["id"], Resource.from_contents(contents, default_specification=DRAFT4)))
    return Registry().with_resources(resources)


def _ajv_format_checker() -> FormatChecker:
    """The checks the suite's harness (JSONtest.js, Ajv in its default "fast" mode) makes of formats.

    jsonschema checks "uri" and "date-time" only with optional packages that are
    not installed, so the harness's own regular expressions are used.
    """
    checker = FormatChecker(formats=())
    uri = re.compile(r"^(?:[a-z][a-z0-9+\-.]*:)(?:/?/)?[^\s]*$", re.IGNORECASE)
    date_time = re.compile(
        r"^\d\d\d\d-[0-1]\d-[0-3]\d[t\s](?:[0-2]\d:[0-5]\d:[0-5]\d|23:59:60)(?:\.\d+)?(?:z|[+-]\d\d(?::?\d\d)?)?$",
        re.IGNORECASE,
    )
    checker.checks("uri")(lambda v: not isinstance(v, str) or uri.match(v) is not None)
    checker.checks("date-time")(lambda v: not isinstance(v, str) or date_time.match(v) is not None)
    return checker


@cache
def suite_assertions(test_file: str) -> list[tuple[str, dict[str, Any]]]:
    """The assertions a ``.test`` file lists, each a JSON Schema (draft 4) with an expected result."""
    test = json.loads((SUITE / test_file).read_text(encoding="utf-8"))
    return [(name, json.loads((SUITE / name).read_text(encoding="utf-8"))) for name in test["assertions"]]


def suite_failures(test_file: str, instance: Any) -> list[str]:
    """The assertions of *test_file* whose result on *instance* is not the expected one."""
    checker = _ajv_format_checker()
    failed = []
    for name, schema in suite_assertions(test_file):
        assert schema["assertionType"] == "must", name
        valid = Draft4Validator(schema, registry=suite_registry(), format_checker=checker).is_valid(instance)
        if valid != (schema.get("expectedResult", "valid") == "valid"):
            failed.append(name)
    return failed


def container_report(payload: dict[str, Any]) -> dict[str, list[str]]:
    """Every failing MUST of the collection and of its embedded page.

    The page tests take "a single Annotation Page or an Annotation Collection
    with an embedded Page": both are checked. The page alone has no
    ``@context`` of its own (JSON-LD reads it in the collection's), so it is
    checked with that context, as it would be if served by itself.
    """
    report = {"collection": suite_failures("collections/collectionMusts.test", payload)}
    if "first" in payload:
        report["collection with its page"] = suite_failures("collections/pages/pageMusts.test", payload)
        if isinstance(payload["first"], dict):
            inherited = {"@context": payload["@context"]} if "@context" in payload else {}
            report["page"] = suite_failures("collections/pages/pageMusts.test", {**inherited, **payload["first"]})
    return {where: failed for where, failed in report.items() if failed}


def suite_report(payload: dict[str, Any]) -> dict[str, list[str]]:
    """Every failing MUST of the collection, its embedded page, and each annotation.

    An annotation inside a page has no ``@context`` of its own either, so it is
    checked standalone with the collection's (what it would be if posted alone
    to an annotation server).
    """
    report = container_report(payload)
    inherited = {"@context": payload["@context"]} if "@context" in payload else {}
    for index, item in enumerate(items_of(payload)):
        failed = suite_failures("annotations/annotationMusts.test", {**inherited, **item})
        if failed:
            report[f"annotation {index}"] = failed
    return report


def test_the_vendored_suite_is_complete() -> None:
    assert len(suite_assertions("annotations/annotationMusts.test")) == 54
    assert len(suite_assertions("collections/collectionMusts.test")) == 10
    assert len(suite_assertions("collections/pages/pageMusts.test")) == 15


def test_export_passes_the_w3c_test_suite(source: Library) -> None:
    payload = orjson.loads(export_bytes(source))
    assert len(items_of(payload)) == 13
    assert suite_report(payload) == {}


def standalone_payload() -> dict[str, Any]:
    """An export made without a library (for tests that need no backend)."""
    moment = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)
    tag = Tag("t1", "claim", "#f4a261")
    doc = Document(str(uuid.uuid4()), "Doc", UNICODE_TEXT, sha256_text(UNICODE_TEXT), {}, moment)
    annotations = [
        Annotation(
            str(uuid.uuid4()),
            doc.id,
            "t1",
            s,
            e,
            UNICODE_TEXT[s:e],
            "",
            "",
            note,
            "ada",
            moment,
            moment,
        )
        for s, e, note in [(0, 6, "a note"), (7, 12, ""), (40, 60, "")]
    ]
    return orjson.loads(
        orjson.dumps(
            w3c.to_dict(ExportBundle([tag], [ExportedDocument(doc, annotations)], "annotator test", moment)),
            option=orjson.OPT_UTC_Z,
        )
    )


def _break(payload: dict[str, Any], kind: str) -> None:
    item = payload["first"]["items"][1]
    if kind == "no context":
        del payload["@context"]
    elif kind == "collection type":
        payload["type"] = "Collection"
    elif kind == "negative total":
        payload["total"] = -1
    elif kind == "page of another type":
        payload["first"]["type"] = "OrderedCollectionPage"
    elif kind == "page part of a bare IRI":
        payload["first"]["partOf"] = payload["id"]
    elif kind == "annotation without target":
        del item["target"]
    elif kind == "bad created":
        item["created"] = "6 May 2024"
    elif kind == "quote selector without exact":
        del item["target"]["selector"][1]["exact"]
    elif kind == "position as string":
        item["target"]["selector"][0]["start"] = "7"
    elif kind == "id not an IRI":
        item["id"] = "not an iri"


@pytest.mark.parametrize(
    "kind",
    [
        "no context",
        "collection type",
        "negative total",
        "page of another type",
        "page part of a bare IRI",
        "annotation without target",
        "bad created",
        "quote selector without exact",
        "position as string",
        "id not an IRI",
    ],
)
def test_the_suite_check_catches_broken_exports(kind: str) -> None:
    payload = standalone_payload()
    assert suite_report(payload) == {}
    _break(payload, kind)
    assert suite_report(payload) != {}


# --------------------------------------------------------------------------- the context


@cache
def context_terms() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(property terms, class terms, vocabulary terms) of the vendored ``anno.jsonld``.

    Vocabulary terms are the values of ``motivation``/``purpose`` (the model's
    list of motivations, as the suite's definitions give it) and of
    ``textDirection``; class terms are capitalised; prefixes (``oa``, ``dc``...)
    are namespaces, not terms a key may use.
    """
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    definitions = json.loads((SUITE / "definitions" / "annotations.json").read_text(encoding="utf-8"))
    motivations = set(definitions["definitions"]["motivationList"]["enum"])
    prefixes = {k for k, v in context.items() if isinstance(v, str) and v.endswith(("#", "/"))}
    terms = set(context) - prefixes
    classes = {t for t in terms if t[0].isupper()}
    vocabulary = {t for t in terms if t in motivations or str(context[t]).endswith("Direction")}
    return frozenset(terms - classes - vocabulary), frozenset(classes), frozenset(vocabulary)


def walk(node: Any) -> Iterator[tuple[str, Any]]:
    """Every (key, value) pair of every object in a JSON value."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, dict):
            for key, value in current.items():
                yield key, value
                stack.append(value)
        elif isinstance(current, list):
            stack.extend(current)


def test_every_key_and_term_is_in_the_context(source: Library) -> None:
    properties, classes, vocabulary = context_terms()
    payload = orjson.loads(export_bytes(source))
    keys, types, terms = set(), set(), set()
    for key, value in walk(payload):
        keys.add(key)
        if key == "type":
            types.update(value if isinstance(value, list) else [value])
        elif key in ("motivation", "purpose"):
            terms.update(value if isinstance(value, list) else [value])
    assert payload["@context"] == CONTEXT
    assert keys - {"@context"} <= properties, keys - {"@context"} - properties
    assert types <= classes, types - classes
    assert terms <= vocabulary, terms - vocabulary
    # The check is not empty: what the export must say is there.
    assert {
        "generator",
        "generated",
        "creator",
        "selector",
        "exact",
        "prefix",
        "suffix",
        "label",
        "value",
    } <= keys
    assert {"tagging", "commenting"} <= terms
    assert {
        "AnnotationCollection",
        "AnnotationPage",
        "Annotation",
        "TextualBody",
        "SpecificResource",
        "TextPositionSelector",
        "TextQuoteSelector",
        "Person",
        "Software",
    } <= types


def test_the_context_check_can_fail() -> None:
    properties, classes, vocabulary = context_terms()
    assert {"title", "text", "sha256", "tag", "note", "oa", "tagging", "Annotation"}.isdisjoint(properties)
    assert {"value", "label", "selector", "exact", "start", "creator", "generated"} <= properties
    assert "Document" not in classes and "TextualBody" in classes
    assert {"tagging", "commenting", "rtl"} <= vocabulary and "exact" not in vocabulary


# --------------------------------------------------------------------------- what the export says


def test_export_tells_the_truth(source: Library) -> None:
    payload = orjson.loads(export_bytes(source))
    assert payload["type"] == "AnnotationCollection" and payload["total"] == len(payload["first"]["items"])
    assert payload["generator"]["type"] == "Software" and payload["generator"]["name"].startswith("annotator")
    assert UTC_DATETIME.match(payload["generated"])
    assert payload["last"] == payload["first"]["id"] and payload["first"]["startIndex"] == 0

    names = {t.id: t.name for t in source.tags()}
    library_docs = {f"urn:uuid:{d.id}": source.document(d.id) for d in source.documents()}
    embedded: dict[str, list[dict[str, Any]]] = {}
    seen = set()
    for item in payload["first"]["items"]:
        target = item["target"]
        src = target["source"]
        if isinstance(src, dict):
            embedded.setdefault(src["id"], []).append(src)
            doc_iri = src["id"]
        else:
            assert src in embedded, "a document is named before its text is given"
            doc_iri = src
        doc = library_docs[doc_iri]
        text = doc.text
        (position,) = [s for s in target["selector"] if s["type"] == "TextPositionSelector"]
        (quote,) = [s for s in target["selector"] if s["type"] == "TextQuoteSelector"]
        start, end = position["start"], position["end"]
        assert quote["exact"] == text[start:end]
        assert quote["prefix"] == text[max(0, start - 32) : start] and quote["suffix"] == text[end : end + 32]

        annotation_id = item["id"].removeprefix("urn:uuid:")
        stored = source.annotation(annotation_id)
        assert stored is not None and stored.document_id == doc.id and (stored.start, stored.end) == (start, end)
        bodies = {b["purpose"]: b["value"] for b in item["body"]}
        assert bodies.pop("tagging") == names[stored.tag_id]
        assert bodies == ({"commenting": stored.note} if stored.note else {})
        assert item["motivation"] == "tagging"
        assert item.get("creator") == ({"type": "Person", "name": stored.coder} if stored.coder else None)
        for key in ("created", "modified"):
            assert UTC_DATETIME.match(item[key])
            assert datetime.fromisoformat(item[key]) == getattr(stored, key)
        seen.add(doc.id)
    # Each text once, whole, with its title; the unannotated document is left out.
    assert all(len(found) == 1 for found in embedded.values())
    for doc_iri, (src,) in embedded.items():
        doc = library_docs[doc_iri]
        assert (src["value"], src["label"], src["type"], src["format"]) == (
            doc.text,
            doc.title,
            "TextualBody",
            "text/plain",
        )
    assert {source.document(d).text for d in seen} == {d.text for d in library_docs.values()} - {QUIET_TEXT}


def test_empty_export_is_a_valid_empty_collection(library: Library) -> None:
    payload = orjson.loads(export_bytes(library))
    assert payload["total"] == 0 and "first" not in payload
    assert suite_report(payload) == {}
    assert w3c.read(SourceFile("empty.jsonld", orjson.dumps(payload))).documents == []


# --------------------------------------------------------------------------- round trips


def test_round_trip_into_a_fresh_library(source: Library, open_library: Callable[[], Library], tmp_path: Path) -> None:
    path = tmp_path / "export.jsonld"
    exporting.export_to_path(source, path, format_id="w3c")
    assert container_report(orjson.loads(path.read_bytes())) == {}
    target = open_library()

    first = importing.import_paths(target, [path])
    assert [r.new for r in first.documents] == [True, True, True, True]
    assert first.annotations_added == 13
    assert "m\u00e9thode \U0001f9ea" in [t.name for t in first.changes.tags_created]
    annotated = [d for d in source.documents() if source.annotations(d.id)]
    assert [(d.id, d.title) for d in target.documents()] == [(d.id, d.title) for d in annotated]
    for d in annotated:
        assert target.document(d.id).text == source.document(d.id).text
    assert facts(target) == facts(source)
    for d in annotated:
        original = {a.id: a for a in source.annotations(d.id)}
        copied = {a.id: a for a in target.annotations(d.id)}
        assert copied.keys() == original.keys()
        for key, a in copied.items():
            assert (a.prefix, a.suffix, a.created, a.modified) == (
                original[key].prefix,
                original[key].suffix,
                original[key].created,
                original[key].modified,
            )

    before = everything(target)
    second = importing.import_paths(target, [path])
    assert [r.new for r in second.documents] == [False, False, False, False]
    assert (second.annotations_added, second.annotations_existing) == (0, 13)
    assert everything(target) == before

    # The copy exports the same annotations (all but the collection's and page's ids and times).
    again, original = orjson.loads(export_bytes(target)), orjson.loads(path.read_bytes())
    assert items_of(again) == items_of(original)


def test_json_extension_is_recognised_by_content(source: Library, tmp_path: Path) -> None:
    path = tmp_path / "export.json"  # the extension annotated JSON uses
    exporting.export_to_path(source, path, format_id="w3c")
    assert container_report(orjson.loads(path.read_bytes())) == {}
    assert format_for_file(path.name, path.read_bytes()[:65536]).id == "w3c"
    bundle = importing.read_file(path)
    assert sum(len(d.annotations) for d in bundle.documents) == 13


@settings(max_examples=100, deadline=None)
@given(
    st.text(st.characters(codec="utf-8", exclude_characters="\r"), min_size=1, max_size=60).filter(
        lambda t: not t.startswith("\ufeff")
    ),
    st.data(),
)
def test_writer_and_reader_agree_on_any_text(text: str, data: st.DataObject) -> None:
    """Stored texts (LF, no BOM) of any characters: spans written are the spans read."""
    spans = data.draw(
        st.lists(
            st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text))).filter(lambda p: p[0] < p[1]),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    moment = datetime(2024, 1, 2, 3, 4, 5, tzinfo=UTC)
    doc = Document(str(uuid.uuid4()), "T", text, sha256_text(text), {}, moment)
    annotations = [
        Annotation(f"a{i}", doc.id, "t", s, e, text[s:e], "", "", "", "", moment, moment)
        for i, (s, e) in enumerate(spans)
    ]
    out = io.BytesIO()
    w3c.write(ExportBundle([Tag("t", "tag", "#000000")], [ExportedDocument(doc, annotations)], "test", moment), out)
    assert container_report(orjson.loads(out.getvalue())) == {}
    bundle = w3c.read(SourceFile("x.jsonld", out.getvalue()))
    (read_doc,) = bundle.documents
    assert read_doc.text == text and read_doc.id == doc.id
    assert sorted((a.start, a.end, a.quote) for a in read_doc.annotations) == sorted(
        (s, e, text[s:e]) for s, e in spans
    )
    # Ids that are not UUIDs travel as name-based UUIDs, the same every time.
    assert {a.id for a in read_doc.annotations} == {str(uuid.uuid5(uuid.NAMESPACE_URL, a.id)) for a in annotations}


# --------------------------------------------------------------------------- other tools' files

ESSAY = CRLF_BYTES.decode()
ESSAY_STORED = ESSAY.replace("\r\n", "\n")


def foreign_annotation(
    number: int,
    quote: str,
    *,
    position: tuple[int, int] | None = None,
    tags: tuple[str, ...] = ("claim",),
    comment: str = "",
    source: str = "https://example.org/texts/essay.txt",
    nth: int = 1,
) -> dict[str, Any]:
    """An annotation as a Hypothesis-like client writes it (context on each, tags and a markdown comment)."""
    start = -1
    for _ in range(nth):
        start = ESSAY_STORED.index(quote, start + 1)
    selectors: list[dict[str, Any]] = [
        {"type": "RangeSelector", "startSelector": {"type": "XPathSelector", "value": "/pre[1]"}}
    ]
    if position is not None:
        selectors.append({"type": "TextPositionSelector", "start": position[0], "end": position[1]})
    selectors.append(
        {
            "type": "TextQuoteSelector",
            "exact": quote.replace("\n", "\r\n"),
            "prefix": ESSAY_STORED[max(0, start - 10) : start].replace("\n", "\r\n"),
            "suffix": "",
        }
    )
    body: list[Any] = [{"type": "TextualBody", "purpose": "tagging", "value": t} for t in tags]
    if comment:
        body.insert(0, {"type": "TextualBody", "value": comment, "format": "text/markdown"})
    return {
        "@context": CONTEXT,
        "id": f"https://hypothes.is/a/anno{number}",
        "type": "Annotation",
        "created": "2024-03-01T10:00:00.000000+01:00",
        "creator": "acct:reader@hypothes.is",
        "body": body,
        "target": [{"source": source, "selector": selectors}],
    }


def stored_span(quote: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = ESSAY_STORED.index(quote, start + 1)
    return start, start + len(quote)


def raw_span(quote: str) -> tuple[int, int]:
    """Where *quote* is counted in the file's own text, CRLFs included."""
    start = ESSAY.index(quote.replace("\n", "\r\n"))
    return start, start + len(quote.replace("\n", "\r\n"))


def foreign_file() -> list[dict[str, Any]]:
    claim_start, claim_end = stored_span("claim")
    return [
        # Positions in UTF-16 units, as JavaScript counts them (the emoji is two units).
        foreign_annotation(
            1,
            "claim",
            position=(utf16(ESSAY_STORED, claim_start), utf16(ESSAY_STORED, claim_end)),
            tags=("claim", "key point"),
            comment="Is it **really**?",
        ),
        # Positions counted in the CRLF text of the file.
        foreign_annotation(2, "Last line", position=raw_span("Last line"), tags=("evidence",)),
        # No position at all; the quote spans a line break written as CRLF.
        foreign_annotation(3, "claim.\n\nLast", tags=()),
        # Code points of the stored text, as the model says.
        foreign_annotation(4, "Line two has", position=stored_span("Line two has"), tags=("evidence",)),
    ]


def test_foreign_annotations_are_placed_in_the_text_beside_them(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "hypothesis.json"
    path.write_bytes(orjson.dumps(foreign_file()))
    (tmp_path / "essay.txt").write_bytes(CRLF_BYTES)
    result = importing.import_paths(library, [path])
    (doc,) = library.documents()
    assert library.text(doc.id) == ESSAY_STORED
    assert library.document(doc.id).metadata["source"] == "https://example.org/texts/essay.txt"
    found = {(t, s, e, q, n, c) for (_, t, s, e, q, n, c) in facts(library)}
    coder = "acct:reader@hypothes.is"
    expected = {
        ("claim", *stored_span("claim"), "claim", "Is it **really**?", coder),
        ("key point", *stored_span("claim"), "claim", "Is it **really**?", coder),
        ("evidence", *stored_span("Line two has"), "Line two has", "", coder),
        ("untagged", *stored_span("claim.\n\nLast"), "claim.\n\nLast", "", coder),
        ("evidence", *stored_span("Last line"), "Last line", "", coder),
    }
    assert found == expected
    assert result.annotations_added == 5
    stamps = {a.created for a in library.annotations(doc.id)}
    assert stamps == {datetime(2024, 3, 1, 9, 0, tzinfo=UTC)}
    # Other tools' ids are not ours; their annotations are matched on tag, span and note instead.
    again = importing.import_paths(library, [path])
    assert (again.annotations_added, again.annotations_existing) == (0, 5)


def test_a_text_named_like_the_file_is_used(library: Library, tmp_path: Path) -> None:
    """A single document whose IRI names no file beside it: ``notes.jsonld`` finds ``notes.txt``."""
    page = {
        "@context": [CONTEXT, {"extra": "http://example.org/extra"}],
        "id": "https://example.org/page1",
        "type": "AnnotationPage",
        "items": [foreign_annotation(1, "Line two", source="https://example.org/reader?id=42")],
    }
    path = tmp_path / "notes.jsonld"
    path.write_bytes(orjson.dumps(page))
    (tmp_path / "notes.txt").write_bytes(CRLF_BYTES)
    importing.import_paths(library, [path])
    assert {(t, s, e, q) for (_, t, s, e, q, _, _) in facts(library)} == {
        ("claim", *stored_span("Line two"), "Line two")
    }


def test_quote_found_nearest_its_position(library: Library, tmp_path: Path) -> None:
    """A position that no longer fits (the text was revised) is a hint: the nearest occurrence wins."""
    text = "one two one two one two"
    items = [
        {
            "@context": CONTEXT,
            "id": "urn:uuid:" + str(uuid.uuid4()),
            "type": "Annotation",
            "motivation": "tagging",
            "body": {"type": "TextualBody", "value": "claim"},
            "target": {
                "source": {
                    "id": "urn:uuid:" + str(uuid.uuid4()),
                    "type": "TextualBody",
                    "value": text,
                },
                "selector": [
                    {"type": "TextPositionSelector", "start": 17, "end": 20},
                    {"type": "TextQuoteSelector", "exact": "one"},
                ],
            },
        },
    ]
    bundle = w3c.read(SourceFile("x.jsonld", orjson.dumps(items)))
    (annotation,) = bundle.documents[0].annotations
    assert (annotation.start, annotation.end, annotation.tag) == (16, 19, "claim")


def _one_span(text_value: str, start: int, end: int, exact: str, sibling: bytes | None = None) -> tuple[int, int]:
    """Where the reader places one annotation (text embedded, or beside the file when *sibling*)."""
    source: Any = "https://example.org/t.txt" if sibling is not None else {"id": "urn:x:t", "value": text_value}
    annotation = {
        "@context": CONTEXT,
        "id": "urn:x:a",
        "type": "Annotation",
        "target": {
            "source": source,
            "selector": [
                {"type": "TextPositionSelector", "start": start, "end": end},
                {"type": "TextQuoteSelector", "exact": exact},
            ],
        },
    }
    bundle = w3c.read(
        SourceFile("a.jsonld", orjson.dumps(annotation), lambda name: sibling if name == "t.txt" else None)
    )
    (found,) = bundle.documents[0].annotations
    return found.start, found.end


def test_positions_counted_by_other_tools_are_converted_exactly() -> None:
    """Each text has the quote twice; the wrongly counted position is nearer the wrong one.

    So only the exact conversion (not the nearest-quote fallback) finds the right span.
    """
    emoji = "\U0001f600" * 10 + "x" + " " * 8 + "x"  # x at code points 10 and 19, UTF-16 units 20 and 29
    assert (utf16(emoji, 10), utf16(emoji, 19)) == (20, 29)
    assert _one_span(emoji, 20, 21, "x") == (10, 11)
    assert _one_span(emoji, 10, 11, "x") == (10, 11)  # code points, as the model says, come first
    assert _one_span(emoji, 19, 20, "x") == (19, 20)
    crlf = "\r\n" * 10 + "x" + " " * 8 + "x"  # x at 20 and 29 in the raw text, 10 and 19 once stored with LF
    assert _one_span(crlf, 20, 21, "x") == (10, 11)
    assert _one_span("", 20, 21, "x", sibling=crlf.encode("utf-16")) == (
        10,
        11,
    )  # a UTF-16 file beside it
    assert _one_span(crlf, 29, 30, "x") == (19, 20)
    # With a quote that is not at any reading, the nearest occurrence to the position wins.
    assert _one_span(emoji, 17, 18, "x") == (19, 20)


def test_unanchorable_annotation_refuses_the_whole_file(library: Library, tmp_path: Path) -> None:
    annotations = foreign_file()
    annotations[2]["target"][0]["selector"][-1]["exact"] = "words that are not in the essay"
    annotations.append({**foreign_annotation(9, "claim"), "target": "https://example.org/texts/essay.txt"})
    beyond = foreign_annotation(10, "claim")
    beyond["target"][0]["selector"] = {"type": "TextPositionSelector", "start": 3, "end": 300}
    annotations.append(beyond)
    path = tmp_path / "hypothesis.jsonld"
    path.write_bytes(orjson.dumps(annotations))
    (tmp_path / "essay.txt").write_bytes(CRLF_BYTES)
    before = everything(library)
    with pytest.raises(FormatError) as caught:
        importing.import_paths(library, [path])
    message = str(caught.value)
    assert "3 of 6 annotations could not be anchored" in message
    assert "1 has no text position or quote selector" in message
    assert "1 quotes text that is not in its document" in message
    assert "1 has a text position beyond the end of its document" in message
    assert everything(library) == before


def test_missing_text_is_named_in_the_refusal(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "hypothesis.jsonld"
    path.write_bytes(orjson.dumps(foreign_file()))
    before = everything(library)
    with pytest.raises(
        FormatError,
        match=r"4 of 4 annotations could not be anchored.*'essay\.txt', 'hypothesis\.txt'",
    ):
        importing.import_paths(library, [path])
    assert everything(library) == before


# --------------------------------------------------------------------------- refusals


def _good() -> bytes:
    text = "Some text \U0001f600 with a claim."
    doc_iri = "urn:uuid:" + str(uuid.uuid4())
    return orjson.dumps(
        {
            "@context": CONTEXT,
            "id": "urn:uuid:" + str(uuid.uuid4()),
            "type": "AnnotationCollection",
            "total": 1,
            "first": {
                "id": "urn:uuid:" + str(uuid.uuid4()),
                "type": "AnnotationPage",
                "items": [
                    {
                        "id": "urn:uuid:" + str(uuid.uuid4()),
                        "type": "Annotation",
                        "body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
                        "target": {
                            "source": {"id": doc_iri, "type": "TextualBody", "value": text},
                            "selector": {"type": "TextQuoteSelector", "exact": "claim"},
                        },
                    }
                ],
            },
        }
    )


def _json_edit(edit: Callable[[dict[str, Any]], None]) -> Callable[[bytes], bytes]:
    def apply(good: bytes) -> bytes:
        payload = orjson.loads(good)
        edit(payload)
        return orjson.dumps(payload)

    return apply


def _item(payload: dict[str, Any]) -> dict[str, Any]:
    return payload["first"]["items"][0]


BROKEN: dict[str, tuple[Callable[[bytes], bytes], str]] = {
    "empty": (lambda good: b"", "empty"),
    "blank": (lambda good: b"  \n ", "holds only white space"),
    "truncated": (lambda good: good[: len(good) // 2], "not valid JSON"),
    "malformed": (lambda good: good.replace(b'"first":', b'"first" "', 1), "not valid JSON"),
    "binary": (
        lambda good: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        "not valid JSON",
    ),
    "latin-1 bytes": (lambda good: good.replace(b"Some", b"S\xf6me"), "not valid JSON"),
    "JSON number": (lambda good: b"42", "not W3C Web Annotation"),
    "other JSON-LD": (
        lambda good: b'{"@context": "https://schema.org", "type": "Article"}',
        "not W3C Web Annotation",
    ),
    "annotated JSON": (
        lambda good: b'{"format": "annotator-export", "version": 1, "documents": []}',
        "not W3C Web Annotation",
    ),
    "empty array": (lambda good: b"[]", "not a list of W3C Web Annotations"),
    "unknown type": (
        _json_edit(lambda p: p.update(type="Dataset")),
        "not an Annotation, an AnnotationPage",
    ),
    "page by IRI": (
        _json_edit(lambda p: p.update(first="https://example.org/page1")),
        "page 1 of the collection is not in the file",
    ),
    "pages missing": (_json_edit(lambda p: p.update(total=5)), "holds 5 annotations but only 1"),
    "item by IRI": (
        _json_edit(lambda p: p["first"].update(items=["https://example.org/a1"])),
        "annotation 1 is not in the file",
    ),
    "item not annotation": (
        _json_edit(lambda p: p["first"].update(items=[{"type": "Person"}])),
        "item 1 of the file is not an Annotation",
    ),
    "items not a list": (
        _json_edit(lambda p: p["first"].update(items={"a": 1})),
        "no list of annotations",
    ),
    "bad timestamp": (
        _json_edit(lambda p: _item(p).update(created="yesterday")),
        "annotation 1: bad timestamp",
    ),
    "timestamp not a string": (
        _json_edit(lambda p: _item(p).update(modified=20240101)),
        "annotation 1: a timestamp",
    ),
    "year one east of UTC": (
        _json_edit(lambda p: _item(p).update(created="0001-01-01T00:00:00+05:00")),
        "bad timestamp",
    ),
    "tag name too long": (
        _json_edit(lambda p: _item(p)["body"].update(value="x" * 201)),
        "tag name has 201 characters",
    ),
    "two texts for one document": (
        _json_edit(
            lambda p: p["first"]["items"].append(
                {
                    **_item(p),
                    "target": {
                        **_item(p)["target"],
                        "source": {**_item(p)["target"]["source"], "value": "other"},
                    },
                }
            )
        ),
        "two different texts",
    ),
    "quote not in text": (
        _json_edit(lambda p: _item(p)["target"]["selector"].update(exact="absent")),
        "1 of 1 annotations could not be anchored",
    ),
}


@pytest.fixture
def filled(tmp_path: Path) -> Iterator[Library]:
    """A SQLite library holding one W3C import ("nothing changes" is about a library with data).

    These files are refused by the reader, before the library is touched, so one
    backend is enough; refusals on both backends are tested above.
    """
    path = tmp_path / "good.jsonld"
    path.write_bytes(_good())
    library = Library.open(f"sqlite:///{tmp_path / 'filled.sqlite3'}")
    try:
        assert importing.import_paths(library, [path]).annotations_added == 1
        yield library
    finally:
        library.close()


@pytest.mark.parametrize("kind", list(BROKEN))
def test_broken_input_refused_and_nothing_changes(filled: Library, tmp_path: Path, kind: str) -> None:
    make, message = BROKEN[kind]
    bad = tmp_path / "bad.jsonld"
    bad.write_bytes(make(_good()))
    before = everything(filled)
    with pytest.raises(FormatError, match=message):
        importing.import_paths(filled, [bad], format_id="w3c")
    assert everything(filled) == before


def test_a_sibling_that_is_not_text_is_refused(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "hypothesis.jsonld"
    path.write_bytes(orjson.dumps(foreign_file()))
    (tmp_path / "essay.txt").write_bytes(b"\x00\x01binary\x00" * 10)
    with pytest.raises(FormatError, match="'essay.txt'.*binary"):
        importing.import_paths(library, [path])
    assert library.documents() == []


# --------------------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("filename", "head", "format_id"),
    [
        ("export.json", b'{\n  "@context": "http://www.w3.org/ns/anno.jsonld", "id": "x"', "w3c"),
        (
            "export.json",
            b'\xef\xbb\xbf [{"@context": ["https://www.w3.org/ns/anno.jsonld", {"a": "b"}]',
            "w3c",
        ),
        (
            "anything.txt",
            b'{"type": "Annotation", "@context": "http://www.w3.org/ns/anno.jsonld"}',
            "w3c",
        ),
        (
            "export.json",
            b'{"format": "annotator-export", "documents": [{"text": "\\"@context\\": \\"http://www.w3.org/ns/anno.jsonld\\""}]}',
            "json",
        ),
        (
            "data.jsonld",
            b'{"@context": "https://schema.org"}',
            "w3c",
        ),  # by its extension; the reader refuses it
        ("notes.txt", b'The "@context": "http://www.w3.org/ns/anno.jsonld" of it', "txt"),
    ],
)
def test_format_detection(filename: str, head: bytes, format_id: str) -> None:
    assert format_for_file(filename, head).id == format_id


# --------------------------------------------------------------------------- fuzzing


def read_or_refuse(data: bytes, sibling: Callable[[str], bytes | None] = lambda name: None) -> None:
    try:
        bundle = w3c.read(SourceFile("fuzz.jsonld", data, sibling))
    except FormatError as exc:
        assert str(exc)
    else:
        assert isinstance(bundle, ImportBundle)
        for doc in bundle.documents:
            assert isinstance(doc.text, str) and "\r" not in doc.text
            for a in doc.annotations:
                assert type(a.start) is int and type(a.end) is int and 0 <= a.start < a.end <= len(doc.text)
                assert a.quote == doc.text[a.start : a.end] and isinstance(a.tag, str) and a.tag
                assert a.id is None or len(a.id) == 36


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=1024))
def test_reader_on_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(data)


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10_000), st.binary(max_size=8))
def test_reader_on_truncated_and_spliced_exports(cut: int, junk: bytes) -> None:
    good = orjson.dumps(standalone_payload())
    cut %= len(good)
    read_or_refuse(good[:cut] + junk + good[cut + len(junk) :])


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-3, 80)
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(
        [
            "Annotation",
            "TextualBody",
            "TextPositionSelector",
            "TextQuoteSelector",
            "tagging",
            "urn:uuid:" + str(uuid.UUID(int=1)),
            CONTEXT,
            "essay.txt",
            "2024-01-01T00:00:00Z",
            "claim",
        ]
    ),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*prefix, index))
    return out


DAMAGEABLE = {
    "export": (standalone_payload(), lambda name: None),
    "foreign": (
        {"@context": CONTEXT, "type": "AnnotationPage", "id": "urn:x:p", "items": foreign_file()},
        lambda name: CRLF_BYTES if name == "essay.txt" else None,
    ),
}


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(DAMAGEABLE)), st.data())
def test_reader_on_damaged_files(which: str, data: st.DataObject) -> None:
    original, sibling = DAMAGEABLE[which]
    payload = orjson.loads(orjson.dumps(original))
    paths = _paths(payload)[1:]
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths))
        op = data.draw(st.sampled_from(["set", "delete", "shift"]))
        parent: Any = payload
        try:
            for key in path[:-1]:
                parent = parent[key]
            if op == "delete":
                del parent[path[-1]]
            elif op == "shift" and type(parent[path[-1]]) is int:
                parent[path[-1]] += data.draw(st.integers(-3, 3))
            elif op == "shift" and isinstance(parent[path[-1]], str):
                parent[path[-1]] = parent[path[-1]][: data.draw(st.integers(0, 5))]
            else:
                parent[path[-1]] = data.draw(JSON_VALUES)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier change removed or replaced this place
    read_or_refuse(orjson.dumps(payload), sibling)
