"""Tests: JSONL for NLP tools (spaCy, doccano, Label Studio), on SQLite and PostgreSQL.

Each shape is parsed with ``json`` and its offsets checked in the unit the tool
counts: Python ``str`` indices (code points) for spaCy, UTF-16 code units for
doccano (checked by slicing the text encoded as UTF-16, not with the code under
test), code points for today's Label Studio and UTF-16 on request. Texts carry
emoji (ZWJ sequences, skin tones), combining marks, RTL, NBSP and a document
imported with CRLF line ends. The spaCy shape reads back through the services.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.formats import jsonl
from annotator.formats.base import FormatError, ImportBundle, SourceFile
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library
from tests._snapshot import library_contents as everything

UNICODE_TEXT = (
    "Family \U0001f468\u200d\U0001f469\u200d\U0001f467 and \U0001f44d\U0001f3fd agree.\n"
    "cafe\u0301 at 5\u00a0\u20ac; \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd; "
    "\u0645\u0631\u062d\u0628\u0627.\nLine\u2028separator and next\x85line."
)
CRLF_BYTES = "From Windows\r\nsecond \U0001f600 line\r\nthird\r\n".encode()
QUOTES = [
    ("\U0001f468\u200d\U0001f469\u200d\U0001f467", "claim", "family\nnote", "ada"),
    ("\U0001f44d\U0001f3fd agree.\ncafe\u0301", "evidence", "", "bo"),
    ("\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd", "speculation", "", ""),
    ("\u0645\u0631\u062d\u0628\u0627", "claim", "", "ada"),
    ("separator and next\x85line", "evidence", "", ""),
]


def facts(library: Library) -> set[tuple[object, ...]]:
    names = {t.id: t.name for t in library.tags()}
    return {
        (d.id, names[a.tag_id], a.start, a.end, a.quote, a.note, a.coder, a.id)
        for d in library.documents()
        for a in library.annotations(d.id)
    }


@pytest.fixture
def sqlite_library(tmp_path: Path) -> Iterator[Library]:
    """A library on SQLite only, for tests of a file's shape or of refusals (the services' part of the
    round trip runs on both backends below)."""
    with Library.open(f"sqlite:///{tmp_path / 'shape.sqlite3'}") as library:
        yield library


@pytest.fixture
def source(library: Library, tmp_path: Path) -> Library:
    return _annotated(library, tmp_path)


@pytest.fixture
def sqlite_source(sqlite_library: Library, tmp_path: Path) -> Library:
    return _annotated(sqlite_library, tmp_path)


def _annotated(library: Library, tmp_path: Path) -> Library:
    (tmp_path / "unicode.txt").write_text(UNICODE_TEXT, encoding="utf-8")
    (tmp_path / "crlf.txt").write_bytes(CRLF_BYTES)
    uni, crlf = (
        r.id for r in importing.import_paths(library, [tmp_path / "unicode.txt", tmp_path / "crlf.txt"]).documents
    )
    tags = {t.name: t.id for t in library.tags()}

    def add(doc_id: str, quote: str, tag: str, note: str = "", coder: str = "") -> None:
        start = library.text(doc_id).index(quote)
        annotating.create_annotation(
            library,
            document_id=doc_id,
            tag_id=tags[tag],
            start=start,
            end=start + len(quote),
            note=note,
            coder=coder,
        )

    for quote, tag, note, coder in QUOTES:
        add(uni, quote, tag, note, coder)
    add(crlf, "second \U0001f600 line", "claim", "after a CRLF")
    add(crlf, "line\nthird", "evidence")
    return library


def export_lines(library: Library, options: dict[str, Any] | None = None) -> list[Any]:
    out = io.BytesIO()
    exporting.export(library, out, format_id="jsonl", options=options)
    data = out.getvalue().decode("utf-8")
    if (options or {}).get("flavor") == "label-studio":
        return json.loads(data)
    lines = data.splitlines()  # splitlines(): U+2028 and U+0085 must not break a line
    assert data.endswith("\n") and len(lines) == len(library.documents())
    return [json.loads(line) for line in lines]


def utf16_slice(text: str, start: int, end: int) -> str:
    return text.encode("utf-16-le")[2 * start : 2 * end].decode("utf-16-le")


def test_spacy_shape_counts_python_str_indices(source: Library) -> None:
    lines = export_lines(source)
    names = {t.id: t.name for t in source.tags()}
    for line, summary in zip(lines, source.documents()):
        doc = source.document(summary.id)
        assert (line["id"], line["title"], line["text"]) == (doc.id, doc.title, doc.text)
        assert line["meta"] == {"sha256": doc.sha256, "metadata": doc.metadata}
        expected = sorted(source.annotations(doc.id), key=lambda a: (a.start, a.end))
        assert [(s["start"], s["end"]) for s in line["spans"]] == [(a.start, a.end) for a in expected]
        for span, a in zip(line["spans"], expected):
            # spaCy's char offsets are Python str indices, i.e. code points: plain slicing gives the span.
            assert line["text"][span["start"] : span["end"]] == span["text"] == a.quote
            assert (span["label"], span["id"], span.get("note", ""), span.get("coder", "")) == (
                names[a.tag_id],
                a.id,
                a.note,
                a.coder,
            )
    family = lines[0]["spans"][0]
    assert family["end"] - family["start"] == 5  # 3 emoji + 2 ZWJ; UTF-16 units would say 8
    crlf_span = lines[1]["spans"][0]
    assert crlf_span["start"] == len("From Windows\n")  # one character per line break, as stored


def test_spacy_char_span_when_spacy_is_installed(sqlite_source: Library) -> None:
    spacy = pytest.importorskip("spacy")  # not a dependency: the test above checks the same semantics
    nlp = spacy.blank("xx")
    for line in export_lines(sqlite_source):
        doc = nlp(line["text"])
        for span in line["spans"]:
            found = doc.char_span(span["start"], span["end"], label=span["label"], alignment_mode="expand")
            assert found is not None and span["text"] in found.text


@pytest.mark.parametrize("units", [None, "utf-16", "code-points"])
def test_doccano_shape(sqlite_source: Library, units: str | None) -> None:
    lines = export_lines(sqlite_source, {"flavor": "doccano", **({"offsets": units} if units else {})})
    names = {t.id: t.name for t in sqlite_source.tags()}
    for line, summary in zip(lines, sqlite_source.documents()):
        doc = sqlite_source.document(summary.id)
        assert set(line) == {"text", "label", "document_id", "title"}
        assert (line["text"], line["document_id"], line["title"]) == (doc.text, doc.id, doc.title)
        expected = sorted(sqlite_source.annotations(doc.id), key=lambda a: (a.start, a.end))
        assert [label for _, _, label in line["label"]] == [names[a.tag_id] for a in expected]
        for (start, end, _), a in zip(line["label"], expected):
            if units == "code-points":
                assert line["text"][start:end] == a.quote
            else:  # doccano's default: JavaScript string positions
                assert utf16_slice(line["text"], start, end) == a.quote
    if units != "code-points":
        start, end, _ = lines[0]["label"][0]
        assert end - start == 8  # the ZWJ family is 8 UTF-16 units


@pytest.mark.parametrize(
    "options",
    [{}, {"offsets": "utf-16", "predictions": True, "from_name": "ner", "to_name": "doc"}],
)
def test_label_studio_shape(sqlite_source: Library, options: dict[str, Any]) -> None:
    tasks = export_lines(sqlite_source, {"flavor": "label-studio", **options})
    names = {t.id: t.name for t in sqlite_source.tags()}
    assert isinstance(tasks, list) and len(tasks) == 2
    key = "predictions" if options.get("predictions") else "annotations"
    for task, summary in zip(tasks, sqlite_source.documents()):
        doc = sqlite_source.document(summary.id)
        assert task["data"] == {"text": doc.text, "title": doc.title, "document_id": doc.id}
        assert set(task) == {"data", key}
        by_id = {a.id: a for a in sqlite_source.annotations(doc.id)}
        coders = set()
        for entry in task[key]:
            entry_coders = {by_id[r["id"]].coder for r in entry["result"]}
            assert len(entry_coders) == 1  # one annotation (or prediction) per coder
            coders |= entry_coders
            if key == "predictions":
                assert entry["model_version"] == (entry_coders.pop() or "annotator")
            for result in entry["result"]:
                a = by_id[result["id"]]
                assert (result["from_name"], result["to_name"], result["type"]) == (
                    options.get("from_name", "label"),
                    options.get("to_name", "text"),
                    "labels",
                )
                value = result["value"]
                assert value["labels"] == [names[a.tag_id]] and value["text"] == a.quote
                cut = utf16_slice if options.get("offsets") == "utf-16" else lambda t, s, e: t[s:e]
                assert cut(doc.text, value["start"], value["end"]) == a.quote
                assert result.get("meta", {"text": [""]})["text"] == [a.note]
        assert coders == {a.coder for a in by_id.values()}
        assert sum(len(e["result"]) for e in task[key]) == len(by_id)


def test_unknown_options_are_refused(sqlite_source: Library) -> None:
    with pytest.raises(FormatError, match="unknown JSONL flavour 'prodigy'"):
        export_lines(sqlite_source, {"flavor": "prodigy"})
    with pytest.raises(FormatError, match="unknown offset unit"):
        export_lines(sqlite_source, {"flavor": "doccano", "offsets": "bytes"})
    with pytest.raises(FormatError, match="spaCy's character offsets are code points"):
        export_lines(sqlite_source, {"offsets": "utf-16"})


def test_round_trip_of_the_spacy_shape(source: Library, open_library: Callable[[], Library], tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    exporting.export_to_path(source, path, format_id="jsonl")
    target = open_library()
    first = importing.import_paths(target, [path])
    assert first.annotations_added == len(QUOTES) + 2
    assert facts(target) == facts(source)
    for d in source.documents():
        original, copy = source.document(d.id), target.document(d.id)
        assert (copy.title, copy.text, copy.metadata) == (
            original.title,
            original.text,
            original.metadata,
        )
    before = everything(target)
    second = importing.import_paths(target, [path])
    assert (second.annotations_added, second.annotations_existing) == (0, len(QUOTES) + 2)
    assert everything(target) == before


def test_foreign_lines_read(library: Library, tmp_path: Path) -> None:
    """Prodigy-style lines without ids, a CRLF text with raw offsets, a text starting with a BOM."""
    crlf = "Title line\r\nBody \U0001f600 text\r\n"
    body = crlf.index("Body")
    plain = "Just a text \U0001f600 here"
    here = plain.index("here")
    lines = [
        {
            "text": plain,
            "spans": [{"start": here, "end": here + 4, "label": "PLACE", "token_start": 3}],
        },
        {
            "text": crlf,
            "spans": [{"start": body, "end": body + 11, "label": "claim", "text": "Body \U0001f600 text"}],
        },
        {
            "text": "\ufeffBOM first",
            "spans": [{"start": 1, "end": 4, "label": "claim"}],
            "meta": {"source": "x"},
        },
        {"text": "no spans at all"},
    ]
    path = tmp_path / "prodigy.jsonl"
    path.write_bytes(b"\n".join(orjson.dumps(line) for line in lines) + b"\r\n\r\n")
    result = importing.import_paths(library, [path])
    names = {t.id: t.name for t in library.tags()}
    got = []
    for row in result.documents:
        text = library.text(row.id)
        assert "\r" not in text and not text.startswith("\ufeff")
        got += [(names[a.tag_id], a.quote, text[a.start : a.end]) for a in library.annotations(row.id)]
    assert sorted(got) == sorted(
        [
            ("PLACE", "here", "here"),
            ("claim", "Body \U0001f600 text", "Body \U0001f600 text"),
            ("claim", "BOM", "BOM"),
        ]
    )
    assert [r.title for r in result.documents] == [
        "Just a text \U0001f600 here",
        "Title line",
        "BOM first",
        "no spans at all",
    ]


BAD_LINES = {
    "doccano shape": ('{"text": "abc", "label": [[0, 1, "X"]]}', "doccano's shape"),
    "label studio list": ('[{"data": {"text": "abc"}}]', "Label Studio task list"),
    "json array opened": ("[\n", "a JSON array"),
    "truncated": ('{"text": "abc", "spans": [{"start": 0, "e', "line 1 is not valid JSON"),
    "quote disagrees": (
        '{"text": "abcdef", "spans": [{"start": 0, "end": 3, "label": "X", "text": "abd"}]}',
        'its "text" is not',
    ),
    "offset past the end": (
        '{"text": "abc", "spans": [{"start": 1, "end": 9, "label": "X"}]}',
        "does not fit",
    ),
    "float offset": (
        '{"text": "abc", "spans": [{"start": 0.0, "end": 1, "label": "X"}]}',
        "whole numbers",
    ),
    "bool offset": (
        '{"text": "abc", "spans": [{"start": false, "end": 1, "label": "X"}]}',
        "whole numbers",
    ),
    "no label": ('{"text": "abc", "spans": [{"start": 0, "end": 1}]}', '"label" is missing'),
    "long label": (
        '{"text": "abc", "spans": [{"start": 0, "end": 1, "label": "' + "x" * 201 + '"}]}',
        "longer than 200",
    ),
    "no text": ('{"spans": []}', '"text" is missing'),
    "sha mismatch": ('{"text": "abc", "meta": {"sha256": "00"}}', "does not match its sha256"),
    "binary": ("\udcff\udcfe", "not UTF-8"),
    "blank": ("\n \n", "holds only white space"),
}


@pytest.mark.parametrize("kind", list(BAD_LINES))
def test_bad_files_are_refused_and_change_nothing(sqlite_library: Library, tmp_path: Path, kind: str) -> None:
    library = sqlite_library
    content, message = BAD_LINES[kind]
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(content.encode("utf-8", "surrogateescape"))
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "fine", "spans": [{"start": 0, "end": 4, "label": "claim"}]}\n', encoding="utf-8")
    before = everything(library)
    with pytest.raises(FormatError, match=message):
        importing.import_paths(library, [good, bad])
    assert everything(library) == before


# -- fuzzing -------------------------------------------------------------------------------------

FUZZ_LINE = {
    "id": "d1", "title": "Fuzz", "text": "Fuzz \U0001f600 text\r\nwith\u00a0NBSP",
    "spans": [{"start": 0, "end": 4, "label": "claim", "text": "Fuzz", "note": "n", "coder": "c", "id": "a1"},
              {"start": 5, "end": 6, "label": "evidence"}],
    "meta": {"metadata": {"k": "v"}},
}  # fmt: skip


def check_bundle(bundle: ImportBundle) -> None:
    assert isinstance(bundle, ImportBundle)
    for doc in bundle.documents:
        assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
        for a in doc.annotations:
            assert type(a.start) is int and type(a.end) is int
            assert 0 <= a.start < a.end <= len(doc.text)
            assert a.quote == doc.text[a.start : a.end]
            assert isinstance(a.tag, str) and isinstance(a.note, str) and isinstance(a.coder, str)


def read_or_refuse(data: bytes) -> None:
    try:
        bundle = jsonl.read(SourceFile("fuzz.jsonl", data))
    except FormatError as exc:
        assert str(exc)
    else:
        check_bundle(bundle)


def test_the_fuzz_seed_is_valid() -> None:
    [doc] = jsonl.read(SourceFile("f.jsonl", orjson.dumps(FUZZ_LINE))).documents
    assert [(a.quote, a.tag) for a in doc.annotations] == [
        ("Fuzz", "claim"),
        ("\U0001f600", "evidence"),
    ]


@settings(max_examples=150)
@given(st.binary(max_size=1024))
def test_reader_on_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(data)


LEAVES = (
    st.integers(-2, 30)
    | st.integers(-2, 30).map(float)
    | st.none()
    | st.booleans()
    | st.text(max_size=12)
    | st.integers(-(2**70), 2**70)
)
VALUES = st.recursive(
    LEAVES,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3),
    max_leaves=5,
)
PLACES = [
    ("text",), ("spans",), ("meta",), ("title",), ("id",), ("spans", 0), ("spans", 0, "start"), ("spans", 0, "end"),
    ("spans", 0, "label"), ("spans", 0, "text"), ("spans", 0, "note"), ("spans", 0, "coder"), ("spans", 1, "start"),
    ("meta", "metadata"), ("meta", "sha256"),
]  # fmt: skip


@settings(max_examples=150)
@given(
    st.lists(st.tuples(st.sampled_from(PLACES), VALUES), min_size=1, max_size=3),
    st.integers(0, 400),
)
def test_reader_on_damaged_lines(changes: list[tuple[tuple[Any, ...], Any]], cut: int) -> None:
    line: Any = json.loads(json.dumps(FUZZ_LINE))
    for path, value in changes:
        parent = line
        try:
            for key in path[:-1]:
                parent = parent[key]
            parent[path[-1]] = value
        except (KeyError, IndexError, TypeError):
            continue
    try:
        data = orjson.dumps(line)
    except orjson.JSONEncodeError:
        return  # an integer JSON cannot hold
    read_or_refuse(data)
    read_or_refuse(data[:cut])
