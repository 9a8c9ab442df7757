"""Tests: the readers take any bytes and either return a bundle or raise FormatError.

Nothing else may escape (no TypeError, KeyError, UnicodeError...): the GUI and
the CLI show a FormatError's message, anything else is a crash. Besides random
bytes, valid exports are damaged at random places, which reaches the checks
after schema validation that random bytes never get to.
"""

from __future__ import annotations

import codecs
from datetime import UTC, datetime
from typing import Any

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Annotation, Document, Tag
from annotator.core.selectors import TextQuoteSelector
from annotator.core.text import sha256_text
from annotator.formats import annotated_json, plaintext
from annotator.formats.base import ExportBundle, ExportedDocument, FormatError, ImportBundle, SourceFile
from annotator.formats.registry import format_for_file

TEXT = "Fuzz \U0001f600 text,\u00a0with NBSP and cafe\u0301.\nSecond line."
MOMENT = datetime(2024, 5, 6, 7, 8, 9, 123000, tzinfo=UTC)


def valid_export() -> dict[str, Any]:
    tag = Tag("t1", "claim", "#f4a261", "An assertion.", "1", 0)
    doc = Document("d1", "Fuzz", TEXT, sha256_text(TEXT), {"source_file": "f.txt"}, MOMENT)
    annotations = []
    for i, (start, end) in enumerate([(0, 4), (5, 6), (18, 22)]):
        sel = TextQuoteSelector.from_span(TEXT, start, end)
        annotations.append(
            Annotation(
                f"a{i}",
                "d1",
                "t1",
                start,
                end,
                sel.exact,
                sel.prefix,
                sel.suffix,
                "",
                "",
                MOMENT,
                MOMENT,
            )
        )
    return annotated_json.to_dict(ExportBundle([tag], [ExportedDocument(doc, annotations)], "annotator 0.1.0", MOMENT))


def check_bundle(bundle: ImportBundle) -> None:
    """What a reader returns must be usable: offsets are ints that slice out the quote."""
    assert isinstance(bundle, ImportBundle)
    for doc in bundle.documents:
        assert isinstance(doc.text, str)
        for a in doc.annotations:
            assert type(a.start) is int and type(a.end) is int
            assert 0 <= a.start < a.end <= len(doc.text)
            assert a.quote is None or doc.text[a.start : a.end] == a.quote


def read_or_refuse(reader: Any, data: bytes, filename: str) -> None:
    try:
        bundle = reader(SourceFile(filename, data))
    except FormatError as exc:
        assert str(exc)  # a message for the user
    else:
        check_bundle(bundle)


def test_the_valid_export_is_read() -> None:
    bundle = annotated_json.read(SourceFile("x.json", orjson.dumps(valid_export())))
    check_bundle(bundle)
    assert [(a.start, a.end, a.quote) for a in bundle.documents[0].annotations] == [
        (0, 4, "Fuzz"), (5, 6, "\U0001f600"), (18, 22, "NBSP"),
    ]  # fmt: skip


@settings(max_examples=200)
@given(st.binary(max_size=2048))
def test_json_reader_on_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(annotated_json.read, data, "fuzz.json")


@settings(max_examples=200)
@given(st.binary(max_size=2048))
def test_text_reader_on_arbitrary_bytes(data: bytes) -> None:
    read_or_refuse(plaintext.read_text, data, "fuzz.txt")


@settings(max_examples=100)
@given(
    st.sampled_from([codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]),
    st.binary(max_size=512),
)
def test_text_reader_on_arbitrary_bytes_after_a_bom(bom: bytes, data: bytes) -> None:
    read_or_refuse(plaintext.read_text, bom + data, "fuzz.txt")


@settings(max_examples=200)
@given(st.text(max_size=300))
def test_text_reader_on_arbitrary_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    read_or_refuse(plaintext.read_text, data, "fuzz.md")


# Leaves near the valid ones (small offsets, whole floats, pieces of the text) get past
# the schema to the checks behind it; the rest probe the schema itself.
LEAVES = (
    st.integers(-2, len(TEXT) + 2)
    | st.integers(-2, len(TEXT) + 2).map(float)
    | st.integers(0, len(TEXT)).flatmap(lambda i: st.integers(i, len(TEXT)).map(lambda j: TEXT[i:j]))
    | st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=40)
)
JSON_VALUES = st.recursive(
    LEAVES,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=6,
)


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            out += _paths(child, (*prefix, i))
    return out


PATHS = _paths(valid_export())[1:]


def _tweak(value: Any, op: str, arg: Any) -> Any:
    """A value a little off the valid one: a whole float, a shifted number, a changed string."""
    if op == "float" and isinstance(value, int):
        return float(value)
    if op == "shift" and isinstance(value, int):
        return value + arg
    if op == "shift" and isinstance(value, str):
        return value + "x" * arg if arg >= 0 else value[:arg]
    return arg if op == "set" else value


MUTATION = st.tuples(
    st.sampled_from(PATHS),
    st.one_of(
        st.tuples(st.just("set"), JSON_VALUES),
        st.tuples(st.sampled_from(["delete", "float"]), st.none()),
        st.tuples(st.just("shift"), st.integers(-3, 3)),
    ),
)


@settings(max_examples=300)
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_json_reader_on_damaged_exports(
    mutations: list[tuple[tuple[Any, ...], tuple[str, Any]]],
) -> None:
    payload = valid_export()
    for path, (op, arg) in mutations:
        parent: Any = payload
        try:
            for key in path[:-1]:
                parent = parent[key]
            if op == "delete":
                del parent[path[-1]]
            else:
                parent[path[-1]] = _tweak(parent[path[-1]], op, arg)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation removed or replaced this place
    try:
        data = orjson.dumps(payload)
    except orjson.JSONEncodeError:
        return  # e.g. an integer too large for JSON: not a file anyone can hand us
    read_or_refuse(annotated_json.read, data, "damaged.json")


@pytest.mark.parametrize(
    ("filename", "head", "format_id"),
    [
        ("export.json", orjson.dumps(valid_export())[:100], "json"),
        (
            "export.txt",
            b'  {"format": "annotator-export"',
            "json",
        ),  # content wins over the extension
        ("data.json", b'{"other": 1}', "json"),
        ("notes.TXT", b"plain", "txt"),
        ("notes.markdown", b"# t", "md"),
    ],
)
def test_format_detection(filename: str, head: bytes, format_id: str) -> None:
    assert format_for_file(filename, head).id == format_id


def test_unknown_extension_is_refused() -> None:
    with pytest.raises(FormatError, match=r"cannot import 'scan\.xyz'"):
        format_for_file("scan.xyz", b"\x00\x01binary")
