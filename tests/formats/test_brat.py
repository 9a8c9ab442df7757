"""Tests: brat standoff export and import, on SQLite and PostgreSQL.

The export is read here with a small parser of brat's published line format
(https://brat.nlplab.org/standoff.html), independent of the reader under test:
every ``.txt`` must be the stored text byte for byte, every ``T`` line's
fragments must give back the annotation's span with its line breaks left out
(those at its start and end too: no fragment is empty),
and the type names must be names brat accepts. Exports go back in through the
real services, as a folder of ``.ann`` files and as a ZIP, and must give the
same documents and (tag, start, end, quote, note); hostile, damaged or
mislabelled input is refused with a message and changes nothing.
"""

from __future__ import annotations

import io
import itertools
import random
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import orjson
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.model import TagSpec
from annotator.formats import brat
from annotator.formats.base import FormatError, ImportBundle, ImportedAnnotation, ImportedDocument, SourceFile
from annotator.formats.registry import format_for_file
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library
from tests._snapshot import library_contents as everything

FIXTURES = Path(__file__).parent / "brat"
BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines() splits on

EMOJI = (
    "Emoji family \U0001f468\u200d\U0001f469\u200d\U0001f467 waves \U0001f44b\U0001f3fd at cafe\u0301.\n"
    "NBSP\u00a0here\u00a0too.\n\n"
    "Last line\u2028after a line separator."
)
RTL = (
    "\u05e2\u05d1\u05e8\u05d9\u05ea: \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd\n"  # Hebrew
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629: \u0645\u0631\u062d\u0628\u0627\n"  # Arabic
)
CRLF_BYTES = "Windows file\r\nwith CRLF line ends \U0001f600\r\nand a third line\r\n".encode()
# Tags brat cannot name as they are: a space, a slash and accent, Hebrew only, hyphens only.
ODD_TAGS = ["Open question", "caf\u00e9/th\u00e9", "\u05d8\u05e2\u05e0\u05d4", "---"]


def brat_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The span as brat carries it: without line breaks at its start or end (no empty fragments)."""
    while start < end and text[start] in BREAKS:
        start += 1
    while end > start and text[end - 1] in BREAKS:
        end -= 1
    return start, end


def facts(library: Library) -> set[tuple[object, ...]]:
    """(document text, tag, start, end, quote, note with line breaks as spaces): what brat carries."""
    names = {t.id: t.name for t in library.tags()}
    found = set()
    for d in library.documents():
        text = library.text(d.id)
        for a in library.annotations(d.id):
            start, end = brat_span(text, a.start, a.end)
            note = re.sub(f"[{BREAKS}]", " ", a.note)
            found.add((text, names[a.tag_id], start, end, text[start:end], note))
    return found


def tag(library: Library, doc_id: str, quote: str, tag_name: str, *, note: str = "", nth: int = 1) -> None:
    annotating.annotate_quote(
        library, document_id=doc_id, tag_id=library.tag_named(tag_name).id, quote=quote, occurrence=nth, note=note
    )


@pytest.fixture
def sqlite_library(tmp_path: Path) -> Iterator[Library]:
    with Library.open(f"sqlite:///{tmp_path / 'refusals.sqlite3'}") as library:
        yield library


@pytest.fixture
def source(library: Library, tmp_path: Path) -> Library:
    """Emoji/combining/NBSP, RTL and CRLF-origin documents; odd tag names; spans over line breaks."""
    files = {"emoji.txt": EMOJI.encode(), "rtl.txt": RTL.encode(), "crlf.txt": CRLF_BYTES}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    ids = {r.title: r.id for r in importing.import_paths(library, [tmp_path / n for n in files]).documents}
    importing.persist(
        library,
        [ImportBundle([], tags=[TagSpec(n, f"#12345{i}", f"about {n}") for i, n in enumerate(ODD_TAGS)])],
    )
    emoji, rtl, crlf = ids[EMOJI.split("\n")[0]], ids[RTL.split("\n")[0]], ids["Windows file"]
    assert library.text(crlf) == CRLF_BYTES.decode().replace("\r\n", "\n")

    tag(
        library,
        emoji,
        "\U0001f468\u200d\U0001f469\u200d\U0001f467",
        "Open question",
        note="first\nsecond\u2028third",
    )
    tag(library, emoji, "cafe\u0301", "caf\u00e9/th\u00e9", note="=SUM(A1)")
    tag(library, emoji, "waves \U0001f44b\U0001f3fd at cafe\u0301.\nNBSP", "claim")  # crosses a line break
    tag(library, emoji, "\nNBSP\u00a0here", "evidence")  # starts with one
    tag(library, emoji, "too.\n\n", "speculation")  # ends with two
    tag(library, emoji, "too.\n\nLast line\u2028after", "claim")  # crosses LF LF and U+2028
    tag(library, emoji, EMOJI, "---")  # the whole text
    tag(
        library,
        rtl,
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
        "\u05d8\u05e2\u05e0\u05d4",
        note="RTL \u05d4\u05e2\u05e8\u05d4",
    )
    tag(
        library,
        rtl,
        "\u05e2\u05d5\u05dc\u05dd\n\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
        "claim",
    )
    tag(
        library,
        rtl,
        "\u05e2\u05d5\u05dc\u05dd\n\u0627\u0644\u0639\u0631\u0628\u064a\u0629",
        "evidence",
    )  # same span
    tag(library, crlf, "CRLF line ends \U0001f600", "claim", note="two\r\nlines")
    tag(library, crlf, "file\nwith", "evidence")
    return library


def parse_ann(
    content: str,
) -> tuple[dict[str, tuple[str, list[tuple[int, int]], str]], dict[str, str]]:
    """brat's T and # lines, read by the published format: {id: (type, fragments, quote)}, {T id: note}."""
    textbounds, notes = {}, {}
    for line in content.split("\n")[:-1]:
        ann_id, data, tail = line.split("\t", 2)
        if ann_id.startswith("T"):
            brat_type, offsets = data.split(" ", 1)
            fragments = [tuple(int(x) for x in pair.split(" ")) for pair in offsets.split(";")]
            textbounds[ann_id] = (brat_type, fragments, tail)
        else:
            assert ann_id.startswith("#") and data.startswith("AnnotatorNotes T")
            notes[data.split(" ")[1]] = tail
    return textbounds, notes


def test_export_shape(source: Library) -> None:
    out = io.BytesIO()
    exporting.export(source, out, format_id="brat")
    archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    names = archive.namelist()
    assert names[:2] == ["annotation.conf", "visual.conf"]
    stems = [n[:-4] for n in names if n.endswith(".txt")]
    assert sorted(stems) == sorted(n[:-4] for n in names if n.endswith(".ann"))
    assert len({s.casefold() for s in stems}) == len(stems) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9-]+", s) for s in stems)
    assert max(names.index(f"{s}.ann") for s in stems) < min(names.index(f"{s}.txt") for s in stems)

    conf = archive.read("annotation.conf").decode()
    entities = conf.split("[entities]\n")[1].split("\n\n")[0].split("\n")
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", e) for e in entities) and len(set(entities)) == len(entities) == 7
    recorded = [
        orjson.loads(line.split(" ", 2)[2]) for line in conf.splitlines() if line.startswith("# annotator-tag ")
    ]
    type_of = {r["name"]: r["type"] for r in recorded}
    assert set(type_of) == {t.name for t in source.tags()} and set(type_of.values()) == set(entities)
    docs_by_stem = {
        r["file"]: r["id"]
        for r in (
            orjson.loads(line.split(" ", 2)[2])
            for line in conf.splitlines()
            if line.startswith("# annotator-document ")
        )
    }
    assert set(docs_by_stem) == set(stems)

    names_by_id = {t.id: t.name for t in source.tags()}
    for stem in stems:
        doc = source.document(docs_by_stem[stem])
        assert archive.read(f"{stem}.txt") == doc.text.encode("utf-8")
        content = archive.read(f"{stem}.ann").decode("utf-8")
        assert len(content.splitlines()) == content.count("\n")  # no line breaks inside a line, for any reader
        textbounds, notes = parse_ann(content)
        expected = sorted(source.annotations(doc.id), key=lambda a: (a.start, a.end, a.id))
        assert len(textbounds) == len(expected)
        for number, a in enumerate(expected, 1):
            brat_type, fragments, quote = textbounds[f"T{number}"]
            assert brat_type == type_of[names_by_id[a.tag_id]]
            assert (fragments[0][0], fragments[-1][1]) == brat_span(doc.text, a.start, a.end)
            assert all(s < e for s, e in fragments)  # never an empty fragment
            assert quote == " ".join(doc.text[s:e] for s, e in fragments)
            for (_, e1), (s2, _) in itertools.pairwise(fragments):
                assert doc.text[e1:s2] and all(c in BREAKS for c in doc.text[e1:s2])
            assert all(c not in BREAKS for s, e in fragments for c in doc.text[s:e])
            assert notes.get(f"T{number}", "") == re.sub(f"[{BREAKS}]", " ", a.note)


def test_round_trip_through_a_folder_and_a_zip(
    source: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    folder, zipped = tmp_path / "brat-export", tmp_path / "brat-export.zip"
    assert exporting.export_to_path(source, folder, format_id="brat") == 3
    assert exporting.export_to_path(source, zipped, format_id="brat") == 3
    assert folder.is_dir() and zipfile.is_zipfile(zipped)
    files = sorted(p.name for p in folder.iterdir())
    assert "annotation.conf" in files and "visual.conf" in files
    assert len([f for f in files if f.endswith(".txt")]) == len([f for f in files if f.endswith(".ann")]) == 3
    assert sorted(zipfile.ZipFile(zipped).namelist()) == files

    for paths in (sorted(folder.glob("*.ann")), [folder], [zipped]):
        target = open_library()
        result = importing.import_paths(target, paths)
        assert result.annotations_added == 12
        assert facts(target) == facts(source)
        assert sorted((d.id, d.title) for d in target.documents()) == sorted(
            (d.id, d.title) for d in source.documents()
        )
        for name in ODD_TAGS:
            back, original = target.tag_named(name), source.tag_named(name)
            assert (back.color, back.description) == (original.color, original.description)


def test_no_fragment_is_empty(library: Library) -> None:
    """A span with line breaks at its ends (tagged by offsets, or imported) loses them in brat
    rather than get empty fragments (``T3 claim 46 46;47 47``); one of line breaks only (which
    no one can tag any more, but an older library or another tool's file may hold) is left out."""
    text = "First line.\n\nSecond line.\n"
    spans = [(0, 13, "claim"), (11, 13, "evidence"), (10, 13, "speculation"), (13, 26, "claim")]
    document = ImportedDocument("Lines", text, annotations=[ImportedAnnotation(t, s, e) for s, e, t in spans])
    importing.persist(library, [ImportBundle([document])])
    out = io.BytesIO()
    exporting.export(library, out, format_id="brat")
    archive = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    [ann] = [n for n in archive.namelist() if n.endswith(".ann")]
    assert archive.read(ann).decode() == (
        "T1\tclaim 0 11\tFirst line.\nT2\tspeculation 10 11\t.\nT3\tclaim 13 25\tSecond line.\n"
    )


def test_export_to_a_folder_never_overwrites(source: Library, tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    with pytest.raises(FormatError, match="not an empty folder"):
        exporting.export_to_path(source, folder, format_id="brat")
    assert [p.name for p in folder.iterdir()] == ["mine.txt"]


def test_a_project_made_in_brat(library: Library) -> None:
    """Relations, events, attributes, a discontinuous span, a span brat split at a line break."""
    result = importing.import_paths(library, [FIXTURES / "foreign" / "news.ann"])
    [row] = result.documents
    doc = library.document(row.id)
    text = (FIXTURES / "foreign" / "news.txt").read_text(encoding="utf-8")
    assert doc.text == text and doc.title == "Ada Lovelace joined the Analytical"
    assert doc.metadata["brat_skipped"] == {"#": 1, "A": 1, "E": 1, "R": 1}
    assert doc.metadata["brat_discontinuous"] == ["T6"]
    names = {t.id: t.name for t in library.tags()}
    got = sorted((names[a.tag_id], a.quote, a.note) for a in library.annotations(doc.id))
    assert got == sorted(
        [
            ("Person", "Ada Lovelace", "first programmer"),
            (
                "Organization",
                "Analytical\nEngine Company",
                "",
            ),  # the two fragments are one span again
            ("City", "London", ""),
            ("City", "London", ""),
            ("Person", "She", ""),
            ("Hire", "hired", ""),
            ("Person", "Ada", ""),
            ("Person", "joined", ""),
            ("Date", "Monday", ""),
        ]
    )
    for a in library.annotations(doc.id):
        assert text[a.start : a.end] == a.quote
    # The codebook in annotation.conf comes in too, unused types included.
    assert {"Person", "Organization", "Location", "City", "Date"} <= set(names.values())


def test_a_zipped_brat_folder_with_a_text_not_yet_annotated() -> None:
    folder = FIXTURES / "foreign"
    data = _zip({f"project/{p.name}": p.read_bytes() for p in sorted(folder.iterdir())})
    bundle = brat.read(SourceFile("project.zip", data))
    assert [d.metadata["source_file"] for d in bundle.documents] == [
        "project.zip/project/news.ann",
        "project.zip/project/unannotated.txt",
    ]
    news, plain = bundle.documents
    assert len(news.annotations) == 9 and plain.annotations == []
    assert plain.text == (folder / "unannotated.txt").read_text(encoding="utf-8")
    assert [t.name for t in bundle.tags] == ["Person", "Organization", "Location", "City", "Date"]


@pytest.mark.parametrize("counting", ["brat", "raw"])
def test_crlf_text_offsets_are_mapped(library: Library, tmp_path: Path, counting: str) -> None:
    """brat reads a CRLF .txt with universal newlines (a line break is one character); raw
    readers count two. Either way the annotations land on the same stored characters."""
    raw = "\ufeffFirst line\r\nsecond \U0001f600 line\r\nthird line\r\n"
    counted = raw.replace("\r\n", "\n") if counting == "brat" else raw
    spans = [
        counted.index("second \U0001f600"),
        counted.index("line\r\nthird" if counting == "raw" else "line\nthird"),
    ]
    ends = [spans[0] + len("second \U0001f600"), counted.index("third") + len("third")]
    second_break = counted.index("third") - (2 if counting == "raw" else 1)
    (tmp_path / "doc.txt").write_bytes(raw.encode())
    third = counted.index("third")
    (tmp_path / "doc.ann").write_text(
        f"T1\tA {spans[0]} {ends[0]}\tsecond \U0001f600\n"
        f"T2\tB {spans[1]} {second_break};{third} {ends[1]}\tline third\n",
        encoding="utf-8",
        newline="\n",
    )
    [row] = importing.import_paths(library, [tmp_path / "doc.ann"]).documents
    stored = library.text(row.id)
    assert stored == raw[1:].replace("\r\n", "\n")
    names = {t.id: t.name for t in library.tags()}
    got = sorted((names[a.tag_id], a.quote, stored[a.start : a.end]) for a in library.annotations(row.id))
    assert got == [
        ("A", "second \U0001f600", "second \U0001f600"),
        ("B", "line\nthird", "line\nthird"),
    ]


def test_sniffing() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("corpus/a.ann", "")
        archive.writestr("corpus/a.txt", "text")
    assert format_for_file("upload.bin", out.getvalue()[:65536]).id == "brat"
    other = io.BytesIO()
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("notes.txt", "no annotations here")
    assert not brat.sniff(other.getvalue())
    assert not brat.sniff(b"T1\tPerson 0 3\tAda\n")


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def _valid_zip() -> bytes:
    text = (FIXTURES / "foreign" / "news.txt").read_bytes()
    return _zip({"news.txt": text, "news.ann": (FIXTURES / "foreign" / "news.ann").read_bytes()})


def _damaged(kind: str) -> bytes:
    """A valid pair whose ``d.txt`` has its deflate stream broken, or is marked encrypted."""
    data = bytearray(_zip({"d.txt": b"Hello world, a text that compresses. " * 20, "d.ann": b"T1\tA 0 5\tHello\n"}))
    info = zipfile.ZipFile(io.BytesIO(bytes(data))).getinfo("d.txt")
    if kind == "deflate":
        data[info.header_offset + 30 + len(info.filename)] ^= 0xFF  # the first byte of its data
    else:
        data[data.index(b"PK\x01\x02") + 8] |= 1  # the central directory's "encrypted" flag
    return bytes(data)


HOSTILE = {
    "broken deflate data": (lambda: _damaged("deflate"), r"'d\.txt' cannot be read \(Error -3"),
    "encrypted member": (lambda: _damaged("encrypted"), r"'d\.txt' cannot be read \(.*encrypted"),
    "traversal": (lambda: _zip({"../evil.ann": b"", "../evil.txt": b"x"}), "unsafe member name"),
    "absolute": (lambda: _zip({"/etc/evil.ann": b"", "/etc/evil.txt": b"x"}), "unsafe member name"),
    "bomb": (lambda: _zip({"big.ann": b"\0" * 5_000_000, "big.txt": b"x"}), "ZIP bomb"),
    "truncated": (lambda: _valid_zip()[: len(_valid_zip()) // 2], "not a readable ZIP"),
    "binary": (lambda: random.Random(1).randbytes(3000), "not a readable ZIP"),
    "no .ann inside": (lambda: _zip({"a.txt": b"text"}), "no brat .ann files"),
    "an .ann without its .txt": (
        lambda: _zip({"lonely.ann": b"T1\tA 0 1\tx\n"}),
        r"lonely\.ann has no lonely\.txt",
    ),
    "quote disagrees": (
        lambda: _zip({"d.txt": b"Hello world", "d.ann": b"T1\tA 0 5\tHallo\n"}),
        r"d\.ann, line 1 \(T1\)",
    ),
    "offset past the end": (
        lambda: _zip({"d.txt": b"Hello", "d.ann": b"T1\tA 0 50\tHello\n"}),
        "beyond the end",
    ),
    "not brat lines": (
        lambda: _zip({"d.txt": b"Hello", "d.ann": b"Dear diary,\nnothing here.\n"}),
        "not a brat annotation line",
    ),
    "binary .ann": (
        lambda: _zip({"d.txt": b"Hello", "d.ann": b"\xff\xfe\x00\x01"}),
        r"d\.ann is not UTF-8",
    ),
    "latin-1 .txt": (
        lambda: _zip({"d.txt": "caf\u00e9".encode("latin-1"), "d.ann": b""}),
        r"d\.txt is not UTF-8",
    ),
    "note on nothing": (
        lambda: _zip({"d.txt": b"Hello", "d.ann": b"#1\tAnnotatorNotes T9\tlost\n"}),
        "T9, which is not in the file",
    ),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_bad_archives_are_refused_and_change_nothing(sqlite_library: Library, tmp_path: Path, kind: str) -> None:
    make, message = HOSTILE[kind]
    library = sqlite_library  # reading fails before the backend is touched, so one backend is enough
    good = tmp_path / "good.zip"
    good.write_bytes(_valid_zip())
    bad = tmp_path / "bad.zip"
    bad.write_bytes(make())
    before = everything(library)
    with pytest.raises(FormatError, match=message) as caught:
        importing.import_paths(library, [good, bad], format_id="brat")
    assert str(caught.value).startswith(f"{bad}: ")
    assert everything(library) == before


def test_bad_ann_files_are_refused(tmp_path: Path) -> None:
    (tmp_path / "doc.txt").write_text("Hello world\n", encoding="utf-8")
    lonely = tmp_path / "lonely.ann"
    lonely.write_text("T1\tA 0 5\tHello\n", encoding="utf-8")
    with pytest.raises(FormatError, match=r"lonely\.txt is not beside lonely\.ann"):
        importing.read_file(lonely)
    cases = {
        "T1\tA 0 5\tHallo\n": r"doc\.ann, line 1 \(T1\): its text 'Hallo' is not the text at its offsets \('Hello'\)",
        "T1\tA 0 5\tHello\nT1\tB 6 11\tworld\n": "the id T1 is used twice",
        "T1\tA 5 0\tHello\n": "ends before it starts",
        "T1\tA zero five\tHello\n": "is not 'T<id>",
        "just prose, no tabs\n": "line 1 is not a brat annotation line",
    }
    for content, message in cases.items():
        (tmp_path / "doc.ann").write_text(content, encoding="utf-8")
        with pytest.raises(FormatError, match=message):
            importing.read_file(tmp_path / "doc.ann")
    # A .txt given as brat needs its .ann.
    (tmp_path / "alone.txt").write_text("text", encoding="utf-8")
    with pytest.raises(FormatError, match=r"alone\.ann is not beside alone\.txt"):
        importing.read_file(tmp_path / "alone.txt", "brat")


# -- fuzzing -------------------------------------------------------------------------------------

FUZZ_TEXT = "Ada \U0001f600 met Bo.\r\nSecond\u2028line caf\u00e9\n\nend"
_U = FUZZ_TEXT.replace("\r\n", "\n")  # brat counts a CRLF as one character
_A, _B, _M, _S = (_U.index(q) for q in ("Ada", "Bo", "met Bo.", "Second"))
FUZZ_ANN = (
    f"T1\tPerson {_A} {_A + 3}\tAda\nT2\tPerson {_B} {_B + 2}\tBo\n"
    f"T3\tX {_M} {_M + 7};{_S} {_S + 6}\tmet Bo. Second\n"
    "#1\tAnnotatorNotes T1\tnote\nR1\tRel Arg1:T1 Arg2:T2\n"
)


def check_bundle(bundle: ImportBundle) -> None:
    assert isinstance(bundle, ImportBundle)
    for doc in bundle.documents:
        assert "\r" not in doc.text and not doc.text.startswith("\ufeff")
        for a in doc.annotations:
            assert type(a.start) is int and type(a.end) is int
            assert 0 <= a.start < a.end <= len(doc.text)
            assert a.quote == doc.text[a.start : a.end]


def read_or_refuse(source: SourceFile) -> None:
    try:
        bundle = brat.read(source)
    except FormatError as exc:
        assert str(exc)
    else:
        check_bundle(bundle)


def _ann_source(ann: bytes, txt: bytes = FUZZ_TEXT.encode()) -> SourceFile:
    return SourceFile("doc.ann", ann, lambda name: txt if name == "doc.txt" else None)


def test_the_fuzz_seed_is_valid() -> None:
    bundle = brat.read(_ann_source(FUZZ_ANN.encode()))
    [doc] = bundle.documents
    assert [(a.tag, a.quote) for a in doc.annotations] == [
        ("Person", "Ada"), ("Person", "Bo"), ("X", "met Bo.\nSecond"),
    ]  # fmt: skip


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600), st.binary(max_size=200))
def test_reader_on_arbitrary_bytes(ann: bytes, txt: bytes) -> None:
    read_or_refuse(_ann_source(ann, txt))
    read_or_refuse(SourceFile("fuzz.zip", ann))


@settings(max_examples=200)
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(FUZZ_ANN)),
            st.integers(0, 12),
            st.text(alphabet="T#0123456789 \t;\n\r-AEnx\u2028\U0001f600", max_size=6),
        ),
        min_size=1,
        max_size=4,
    ),
    st.text(max_size=40),
)
def test_reader_on_damaged_ann_files(edits: list[tuple[int, int, str]], text_tail: str) -> None:
    ann = FUZZ_ANN
    for position, length, insert in edits:
        ann = ann[:position] + insert + ann[position + length :]
    read_or_refuse(_ann_source(ann.encode()))
    read_or_refuse(_ann_source(ann.encode(), (FUZZ_TEXT + text_tail).encode("utf-8", "surrogatepass")))


@settings(max_examples=100)
@given(st.integers(0, 10_000), st.integers(0, 255), st.integers(1, 10_000))
def test_reader_on_damaged_zips(position: int, value: int, cut: int) -> None:
    data = bytearray(_zip({"a/doc.txt": FUZZ_TEXT.encode(), "a/doc.ann": FUZZ_ANN.encode()}, zipfile.ZIP_STORED))
    data[position % len(data)] = value
    read_or_refuse(SourceFile("fuzz.zip", bytes(data)))
    read_or_refuse(SourceFile("fuzz.zip", bytes(data[: cut % len(data)])))


def test_reimporting_a_brat_export_adds_nothing(library, tmp_path) -> None:
    """brat lines carry no ids; annotations are matched on (tag, start, end, note) instead."""
    from annotator.services import annotating, exporting, importing

    source = tmp_path / "doc.txt"
    source.write_text("One claim here, and evidence there.\n", encoding="utf-8")
    doc_id = importing.import_paths(library, [source]).documents[0].id
    annotating.create_annotation(
        library, document_id=doc_id, tag_id=library.tag_named("claim").id, start=4, end=9, note="n"
    )
    archive = tmp_path / "out.zip"
    exporting.export_to_path(library, archive, format_id="brat")
    again = importing.import_paths(library, [archive])
    assert again.annotations_added == 0 and again.annotations_existing == 1
    assert len(library.annotations(doc_id)) == 1


def test_an_exported_folder_imports_whole_and_only_once(
    source: Library, open_library: Callable[[], Library], tmp_path: Path
) -> None:
    """What users try first: import the folder the export made, not the files in it."""
    folder = tmp_path / "brat-export"
    exporting.export_to_path(source, folder, format_id="brat")
    target = open_library()
    first = importing.import_paths(target, [folder])
    assert [r.new for r in first.documents] == [True, True, True]
    assert first.annotations_added == 12
    assert facts(target) == facts(source)
    assert {t.name for t in target.tags()} == {t.name for t in source.tags()}
    before = everything(target)
    again = importing.import_paths(target, [folder])
    assert (again.annotations_added, again.annotations_existing) == (0, 12)
    assert everything(target) == before


def test_a_brat_project_folder_with_subfolders(library: Library, tmp_path: Path) -> None:
    """A folder as brat keeps a collection: texts not yet annotated, each .ann under the nearest conf."""
    project = tmp_path / "project"
    (project / "later").mkdir(parents=True)
    for path in sorted((FIXTURES / "foreign").iterdir()):
        (project / path.name).write_bytes(path.read_bytes())
    (project / "later" / "short.txt").write_text("Grace Hopper wrote a compiler.\n", encoding="utf-8")
    (project / "later" / "short.ann").write_text("T1\tPerson 0 12\tGrace Hopper\n", encoding="utf-8")
    (project / ".git").mkdir()
    (project / ".git" / "stray.ann").write_text("not brat at all\n", encoding="utf-8")  # hidden: left alone
    bundle = importing.read_file(project)
    assert [d.metadata["source_file"] for d in bundle.documents] == [
        "project/later/short.ann",
        "project/news.ann",
        "project/unannotated.txt",
    ]
    short = bundle.documents[0]
    assert [(a.tag, a.start, a.end, a.quote) for a in short.annotations] == [("Person", 0, 12, "Grace Hopper")]
    assert {"Person", "Organization", "Location", "City", "Date"} <= {t.name for t in bundle.tags}
    result = importing.import_paths(library, [project])
    assert len(result.documents) == 3 and result.annotations_added == 10


@pytest.mark.parametrize(
    ("files", "format_id", "message"),
    [
        ({}, None, r"^it is a folder and not a brat export: it holds no \.ann files"),
        ({"notes.txt": b"Just a note.\n", "more.md": b"# More\n"}, None, r"^it is a folder and not a brat export"),
        ({"doc.ann": b"T1\tPerson 0 3\tAda\n"}, None, r"doc\.ann has no doc\.txt beside it in the folder"),
        ({"doc.txt": b"Ada\n", "doc.ann": b"T1\tPerson 0 3\tAda\n"}, "txt", r"^it is a folder; Plain text is"),
    ],
    ids=["empty", "documents, not brat", "no text", "forced format"],
)
def test_a_folder_that_is_not_a_brat_export_is_refused_saying_so(
    sqlite_library: Library, tmp_path: Path, files: dict[str, bytes], format_id: str | None, message: str
) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    before = everything(sqlite_library)
    with pytest.raises(FormatError, match=message) as caught:
        importing.read_file(folder, format_id)
    assert "\n" not in str(caught.value) and "file name" not in str(caught.value)
    with pytest.raises(FormatError):
        importing.import_paths(sqlite_library, [folder], format_id=format_id)
    assert everything(sqlite_library) == before
