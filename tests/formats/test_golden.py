"""Tests: every writer's output for one fixed library, byte for byte (golden files).

The library is the Unicode torture corpus of ``tests/fidelity`` (emoji with ZWJ
sequences, skin tones and flags; Arabic, Hebrew with points, CJK; combining
marks, tabs, U+2028/U+2029, NBSP; files that came with a BOM, CRLF and lone CR
line ends, stored as the import stores them) plus one document without
annotations, four tags (one named ``Ünïcode & <tag>|x``), annotations that
overlap, cross a line break, carry notes with line breaks and markup, with and
without a coder; fixed ids, fixed times and a fixed clock.

Each case is one writer with one set of options. Its golden file is
``tests/formats/golden/<case><ext>``; a writer that writes a ZIP (qdpx, xlsx,
brat) has a folder ``golden/<case>/`` with every member's content under its
name and the names in archive order in ``ZIP-MEMBERS.txt``: the members are
compared, not the ZIP's bytes (timestamps, compression). Two things are not
the writers' to fix and are made fixed here: the W3C writer names its
collection and page with random UUIDs (replaced by counted ones), and openpyxl
stamps the workbook's ``docProps/core.xml`` with the time it saves (masked).

After an intended change of a writer's output, regenerate the files with

    UPDATE_GOLDEN=1 ./dev test tests/formats/test_golden.py

and read ``git diff tests/formats/golden/`` before committing them.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import shutil
import uuid
import zipfile
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

import pytest

from annotator.core.anchoring import FUZZY, MOVED, AnchorState, DocumentVersion, Orphan
from annotator.core.attributes import Attribute
from annotator.core.memos import JournalEntry
from annotator.core.model import DEFAULT_TAGS, Annotation, Document, Tag
from annotator.core.records import DocumentSet
from annotator.core.selectors import TextQuoteSelector
from annotator.core.text import normalize_text, sha256_text
from annotator.formats import w3c
from annotator.formats.base import ExportBundle, ExportedDocument
from annotator.formats.registry import format_by_id, writers
from tests.fidelity.test_torture_every_format import CORPUS

GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("UPDATE_GOLDEN"))
MEMBERS = "ZIP-MEMBERS.txt"

EXPORTED_AT = datetime(2026, 11, 27, 21, 0, tzinfo=UTC)
IMPORTED_AT = datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
ANNOTATED_AT = datetime(2026, 11, 21, 10, 0, 0, 123000, tzinfo=UTC)


@dataclass(frozen=True)
class Case:
    name: str
    format: str
    extension: str  # "" for a ZIP, kept as a folder of members
    options: dict[str, Any] = field(default_factory=dict)
    library: bool = False  # the bundle carries the whole library (see library_extras)


CASES = [
    Case("json", "json", ".json", library=True),
    Case("json-v1", "json", ".json", {"version": "1"}),  # byte for byte what version 1 wrote before version 2
    Case("w3c", "w3c", ".jsonld"),
    Case("qdpx", "qdpx", ""),
    Case("qdc", "qdc", ".qdc"),
    Case("csv", "csv", ".csv"),
    Case("csv-excel", "csv", ".csv", {"excel": True}),
    Case("xlsx", "xlsx", ""),
    Case("brat", "brat", ""),
    Case("jsonl-spacy", "jsonl", ".jsonl"),
    Case("jsonl-doccano", "jsonl", ".jsonl", {"flavor": "doccano"}),
    Case("jsonl-label-studio", "jsonl", ".json", {"flavor": "label-studio", "predictions": True}),
    Case("md", "md", ".md"),
    Case("report", "report", ".html"),
    Case("notes", "notes", ".md"),
    Case(
        "notes-html-text-order",
        "notes",
        ".html",
        {"style": "html", "order": "text", "fields": "tag,quote,note,offsets,coder,page,link"},
    ),
]


# -- the library ---------------------------------------------------------------------------------

TAGS = [
    Tag(f"7a900000-0000-4000-8000-00000000000{i}", spec.name, spec.color, spec.description, spec.shortcut, i)
    for i, spec in enumerate(DEFAULT_TAGS, 1)
] + [Tag("7a900000-0000-4000-8000-000000000004", "Ünïcode & <tag>|x", "#abc", "Escaped *everywhere* [1]", "", 4)]
CLAIM, EVIDENCE, SPECULATION, ODD = TAGS


def _document(number: int, title: str, text: str, metadata: dict[str, Any]) -> Document:
    doc_id = f"d0c00000-0000-4000-8000-00000000000{number}"
    return Document(doc_id, title, text, sha256_text(text), metadata, IMPORTED_AT + timedelta(days=number))


def _library() -> list[ExportedDocument]:
    emoji, scripts, marks = (normalize_text(CORPUS[name][0]) for name in ("emoji.txt", "scripts.txt", "marks.txt"))
    docs = [
        _document(1, "Emoji: families, skin tones, flags", emoji, {"source_file": "emoji.txt", "encoding": "utf-8"}),
        _document(2, "Scripts: Arabic, Hebrew, CJK", scripts, {"source_file": "scripts.txt", "language": "mul"}),
        _document(3, "Marks, tabs and separators", marks, {"pages": [0, 40], "nested": {"a": [1, "b"]}}),
        _document(4, "Unannotated", "Nothing is tagged here.\nNot even this.\n", {}),
    ]
    made: dict[str, list[Annotation]] = {d.id: [] for d in docs}

    def tag(doc: Document, tag: Tag, quote: str, note: str = "", coder: str = "", occurrence: int = 1) -> None:
        start = -1
        for _ in range(occurrence):
            start = doc.text.index(quote, start + 1)
        end = start + len(quote)
        selector = TextQuoteSelector.from_span(doc.text, start, end)
        n = sum(len(found) for found in made.values()) + 1
        created = ANNOTATED_AT + timedelta(minutes=n)
        modified = created + timedelta(days=1) if n % 3 == 0 else created
        made[doc.id].append(
            Annotation(
                f"a0000000-0000-4000-8000-{n:012d}",
                doc.id,
                tag.id,
                start,
                end,
                selector.exact,
                selector.prefix,
                selector.suffix,
                note,
                coder,
                created,
                modified,
            )
        )

    # The corpus's own quotes, tagged in turn as the fidelity test tags them.
    for doc, name in zip(docs, ("emoji.txt", "scripts.txt", "marks.txt")):
        for i, quote in enumerate(CORPUS[name][1]):
            tag(doc, TAGS[i % 3], quote, note=f"note {i} ✓", coder="ann" if i % 2 else "")
    emoji_doc, scripts_doc, marks_doc, _ = docs
    tag(emoji_doc, EVIDENCE, "and 👍🏽 and flags", coder="bob")  # overlaps a corpus quote
    tag(emoji_doc, ODD, "End.", note="see <script>alert(1)</script>\n= == \\ [^1] *not emphasis*\n\nsecond paragraph")
    tag(scripts_doc, SPECULATION, "仮名.\nNext line", note="=SUM(A1) crosses a line break", coder="bob")
    tag(marks_doc, CLAIM, "and", occurrence=2, note="-1 the second 'and'")
    return [ExportedDocument(doc, made[doc.id]) for doc in docs]


# What a whole library's export carries besides (annotated JSON version 2): a codebook three
# levels deep with one name under two parents, a memo, attributes of every kind, two sets, a
# revised document with an orphan and a fuzzy mark, a journal entry. Only the cases with
# ``library`` get them, so the other writers' files stay as they were.

SUBTAGS = [
    Tag("7a900000-0000-4000-8000-000000000005", "Tone", "#264653", "How it is said", "5", 5),
    Tag("7a900000-0000-4000-8000-000000000006", "Positive", "#2a9d8f", "", "", 1, "7a900000-0000-4000-8000-000000000005"),
    Tag("7a900000-0000-4000-8000-000000000007", "Ironic", "#e9c46a", "Says the opposite", "", 1,
        "7a900000-0000-4000-8000-000000000006"),
    Tag("7a900000-0000-4000-8000-000000000008", "Positive", "#8ab17d", "Supports the claim", "", 1, CLAIM.id),
]  # fmt: skip
VERSION_TEXT = "Nothing was tagged here.\nNot even this.\n"
VERSION_ID = "7e500000-0000-4000-8000-000000000001"


def library_extras(documents: list[ExportedDocument]) -> tuple[list[ExportedDocument], dict[str, Any]]:
    """The golden library's documents with memos, attribute values, a previous text, an orphan
    and a fuzzy mark; and its sets, attributes and journal (the ExportBundle's fields)."""
    *annotated, plain = documents
    doc = plain.document
    version = DocumentVersion(VERSION_ID, doc.id, 1, VERSION_TEXT, sha256_text(VERSION_TEXT), IMPORTED_AT, "typo")

    def on(text: str, quote: str, n: int, tag: Tag, note: str = "", coder: str = "") -> Annotation:
        start = text.index(quote)
        sel = TextQuoteSelector.from_span(text, start, start + len(quote))
        return Annotation(
            f"a0000000-0000-4000-8000-{n:012d}", doc.id, tag.id, start, start + len(quote), sel.exact, sel.prefix,
            sel.suffix, note, coder, ANNOTATED_AT, ANNOTATED_AT + timedelta(days=2),
        )  # fmt: skip

    fuzzy = on(doc.text, "Nothing is tagged", 901, SUBTAGS[2], "reads as irony", "ann")
    moved = on(doc.text, "Not even this", 902, SUBTAGS[3])
    orphan = on(VERSION_TEXT, "was", 903, SUBTAGS[1], "on a word the revision removed", "cy")
    placed_in = VERSION_TEXT.index("Nothing was tagged")
    revised = ExportedDocument(
        replace(doc, memo="Revised once:\n- a typo fixed"),
        [fuzzy, moved],
        {"Genre": "interview"},
        anchors={fuzzy.id: AnchorState(FUZZY, VERSION_ID, placed_in, placed_in + 18), moved.id: AnchorState(MOVED)},
        orphans=[Orphan(orphan, version)],
        versions=[version],
    )
    first = annotated[0]
    first = replace(
        first,
        document=replace(first.document, memo="Emoji in every form."),
        attributes={
            "Reading time (min)": "34.5",
            "Published": "2026-11-01",
            "Genre": "article",
            "Source": 'Ünïcode, "quoted"',
        },
    )
    attributes = [
        Attribute("a7700000-0000-4000-8000-000000000001", "Reading time (min)", "number", (), 0),
        Attribute("a7700000-0000-4000-8000-000000000002", "Published", "date", (), 1),
        Attribute("a7700000-0000-4000-8000-000000000003", "Genre", "choice", ("article", "interview"), 2),
        Attribute("a7700000-0000-4000-8000-000000000004", "Source", "text", (), 3),
    ]
    ids = [d.document.id for d in documents]
    sets = [
        DocumentSet("5e700000-0000-4000-8000-000000000001", "Course", (ids[0], ids[1])),
        DocumentSet("5e700000-0000-4000-8000-000000000002", "Revised", (ids[3],)),
    ]
    journal = [
        JournalEntry(
            "10000000-0000-4000-8000-000000000001", EXPORTED_AT - timedelta(days=1), EXPORTED_AT, "ann",
            "Coding round 1", "Irony is hard to code.\nSee the fuzzy mark.",
        )
    ]  # fmt: skip
    return [first, *annotated[1:], revised], {"sets": sets, "attributes": attributes, "journal": journal}


def bundle(options: dict[str, Any], library: bool = False) -> ExportBundle:
    if not library:
        return ExportBundle(TAGS, _library(), "annotator golden", EXPORTED_AT, dict(options))
    documents, extras = library_extras(_library())
    return ExportBundle(TAGS + SUBTAGS, documents, "annotator golden", EXPORTED_AT, dict(options), **extras)


# -- writing and comparing -----------------------------------------------------------------------


_CORE_TIMES = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def files_of(case: Case, data: bytes) -> dict[str, bytes]:
    """The golden files of one output, by path relative to ``golden/``."""
    if case.extension:
        return {case.name + case.extension: data}
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        files = {f"{case.name}/{name}": archive.read(name) for name in names}
    core = f"{case.name}/docProps/core.xml"
    if case.format == "xlsx" and core in files:  # openpyxl's save time, not the export's
        files[core] = _CORE_TIMES.sub(rb"\1(time of saving)\3", files[core])
    files[f"{case.name}/{MEMBERS}"] = "".join(f"{name}\n" for name in names).encode("utf-8")
    return files


def _difference(path: str, expected: bytes, actual: bytes) -> str:
    """A unified diff of the two, and where they first differ (CRs and BOMs do not show in a diff)."""
    at = next((i for i, (a, b) in enumerate(zip(expected, actual)) if a != b), min(len(expected), len(actual)))
    diff = list(
        difflib.unified_diff(
            expected.decode("utf-8", "replace").splitlines(keepends=True),
            actual.decode("utf-8", "replace").splitlines(keepends=True),
            fromfile=f"golden/{path}",
            tofile="written now",
        )
    )
    shown = "".join(diff[:200]) + (f"... and {len(diff) - 200} more diff lines\n" if len(diff) > 200 else "")
    return (
        f"golden/{path} differs from what the writer writes now, first at byte {at}: "
        f"expected {expected[max(0, at - 20) : at + 20]!r}, got {actual[max(0, at - 20) : at + 20]!r}\n{shown}"
        "If the change is intended: UPDATE_GOLDEN=1 ./dev test tests/formats/test_golden.py, then review git diff."
    )


def write(case: Case) -> bytes:
    """What the case's writer writes, with the W3C writer's random collection and page ids
    made 00000000-…-000000000001, …0002."""
    fmt = format_by_id(case.format)
    assert fmt.writer is not None
    out = io.BytesIO()
    numbers = iter(range(1, 1000))
    with mock.patch.object(w3c.uuid, "uuid4", lambda: uuid.UUID(int=next(numbers))):
        fmt.writer(bundle(case.options, case.library), out)
    return out.getvalue()


# -- the tests -----------------------------------------------------------------------------------


def test_every_writer_has_a_golden_case() -> None:
    # The annotated PDF's writer (Qt's layout) is provided by the command line and the window,
    # and tested in tests/ui/test_annotated_print.py.
    assert {f.id for f in writers()} - {"pdf"} == {case.format for case in CASES}


def test_the_library_is_what_it_says() -> None:
    for exported in _library():
        text = exported.document.text
        assert "\r" not in text and not text.startswith("\ufeff")
        for a in exported.annotations:
            assert text[a.start : a.end] == a.quote


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_writer_output_is_the_golden_file(case: Case) -> None:
    data = write(case)
    assert write(case) == data or not case.extension, "the writer is not deterministic"
    files = files_of(case, data)
    if UPDATE:
        target = GOLDEN / (case.name + case.extension)
        if not case.extension:
            shutil.rmtree(target, ignore_errors=True)
        for path, content in files.items():
            (GOLDEN / path).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / path).write_bytes(content)
    for path, content in files.items():
        golden = GOLDEN / path
        assert golden.is_file(), (
            f"golden/{path} is missing; write it with UPDATE_GOLDEN=1 (see this module's docstring)"
        )
        expected = golden.read_bytes()
        assert content == expected, _difference(path, expected, content)
    if not case.extension:  # nothing left over from members the writer no longer writes
        kept = {p.relative_to(GOLDEN).as_posix() for p in (GOLDEN / case.name).rglob("*") if p.is_file()}
        assert kept == set(files), f"golden/{case.name}/ holds files the writer did not write: {kept - set(files)}"


def test_no_golden_file_belongs_to_no_case() -> None:
    owners = {case.name + case.extension for case in CASES}
    found = {p.name for p in GOLDEN.iterdir() if p.name != ".gitattributes"}
    assert found <= owners, f"golden files of no case: {sorted(found - owners)}"
