"""Tests: the readers of documents people read: saved web pages, DOCX, PDF, ODT and EPUB.

The files are made here with the same libraries (see ``documents/builders.py``),
so each test knows what went in and says what must come out without asking the
reader: the blocks joined by a blank line, page and chapter starts computed
from them. Hostile and broken files (mislabelled, truncated, binary, ZIP
traversal and bombs, XML entities, scans, passwords) must be refused with a
FormatError and leave the library untouched. Through the services, each format
imports on SQLite and PostgreSQL with exactly the text its reader produced, and
spans in it survive an export and re-import.
"""

from __future__ import annotations

import io
import random
import re
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from annotator.core.documents import document_title
from annotator.core.text import normalize_text
from annotator.formats import epub, odt, pdf, webpage, word
from annotator.formats.base import FormatError, ImportBundle, SourceFile
from annotator.formats.registry import format_for_file
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library
from tests.formats.documents.builders import (
    DOCX_BLOCKS,
    EPUB_CHAPTERS,
    ODT_BLOCKS,
    RICH,
    W,
    build_docx,
    build_epub,
    build_odt,
    build_pdf,
    replace_member,
    with_member,
)

# RICH without its right-to-left words: a PDF stores those in visual order (tested apart).
RICH_LTR = RICH.split(" \u05e9")[0] + "."
PDF_PAGES = [
    ["First page heading", RICH_LTR, "Plain words"],
    ["Second page, one line"],
    ["Third \U0001f600 page", "end"],
]

SAVED_PAGE = """<!-- saved from url=(0049)https://news.example.org/2022/01/steppe-shock -->
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Steppe shock: what the unrest means | The Daily Example</title>
<meta name="author" content="Jane Writer">
<meta property="og:title" content="Steppe shock: what the unrest means">
<meta property="og:site_name" content="The Daily Example">
<meta property="og:url" content="https://news.example.org/2022/01/steppe-shock">
<meta property="article:published_time" content="2022-01-12T08:30:00Z">
<link rel="canonical" href="https://news.example.org/2022/01/steppe-shock">
<script>var tracking = "TRACKING-SCRIPT";</script>
<style>body { color: red; }</style>
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport</a></li></ul></nav></header>
<div class="ad-banner advertisement">Advertisement: buy the best socks in town today!</div>
<main>
<article>
<h1>Steppe shock: what the unrest means</h1>
<p>The beginning of 2022 surprised many observers of the region, who had expected the year to open
with negotiations rather than with protests in the streets of its largest cities.</p>
<p>Prices for liquefied gas doubled overnight, and within days the protests had spread to Almaty, where
government buildings burned; a caf\u00e9&nbsp;owner said \U0001f525 \u201cwe had never seen anything like it\u201d.</p>
<h2>A regional shock</h2>
<p>Neighbouring governments watched closely, because the mission sent to restore order was the first of its
kind, and its precedent will shape how the alliance behaves in crises to come, \u05e9\u05dc\u05d5\u05dd.</p>
<table><tr><th>Country</th><th>Troops</th></tr><tr><td>Armenia</td><td>100</td></tr>
<tr><td>Russia</td><td>3&nbsp;000</td></tr></table>
<p>What happens next depends on decisions that are still being taken behind closed doors, and on whether
the promised reforms turn out to be more than words.</p>
</article>
<aside class="related"><h3>Related articles</h3><ul>
<li><a href="/a">Ten things you did not know about gas prices</a></li>
<li><a href="/b">Celebrity chef opens new restaurant downtown</a></li></ul></aside>
</main>
<footer><p>\u00a9 2022 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body>
</html>
"""
ARTICLE_PARAGRAPHS = [
    "Steppe shock: what the unrest means",
    (
        "The beginning of 2022 surprised many observers of the region, who had expected the year to open "
        "with negotiations rather than with protests in the streets of its largest cities."
    ),
    (
        "Prices for liquefied gas doubled overnight, and within days the protests had spread to Almaty, where "
        "government buildings burned; a caf\u00e9\u00a0owner said \U0001f525 \u201cwe had never seen anything "
        "like it\u201d."
    ),
    "A regional shock",
    (
        "Neighbouring governments watched closely, because the mission sent to restore order was the first of "
        "its kind, and its precedent will shape how the alliance behaves in crises to come, "
        "\u05e9\u05dc\u05d5\u05dd."
    ),
    "Country\tTroops\nArmenia\t100\nRussia\t3\u00a0000",
    (
        "What happens next depends on decisions that are still being taken behind closed doors, and on whether "
        "the promised reforms turn out to be more than words."
    ),
]
FURNITURE = ["Home", "World news", "Advertisement", "socks", "Related articles", "Ten things", "Celebrity chef",
             "All rights reserved", "Privacy policy", "TRACKING-SCRIPT", "color: red"]  # fmt: skip


@cache
def sample(kind: str) -> bytes:
    """One valid file of each format (built once per test session)."""
    builders: dict[str, Callable[[], bytes]] = {
        "html": lambda: SAVED_PAGE.encode("utf-8"),
        "pdf": lambda: build_pdf(PDF_PAGES, title="A PDF sample", author="Pat Author"),
        "docx": build_docx,
        "odt": build_odt,
        "epub": build_epub,
    }
    return builders[kind]()


READERS = {
    "html": webpage.read_html,
    "pdf": pdf.read_pdf,
    "docx": word.read_docx,
    "odt": odt.read_odt,
    "epub": epub.read_epub,
}
KINDS = list(READERS)


def read(kind: str, data: bytes | None = None, name: str | None = None) -> ImportBundle:
    return READERS[kind](SourceFile(name or f"sample.{kind}", sample(kind) if data is None else data))


def only_document(bundle: ImportBundle) -> tuple[str, str, dict[str, object]]:
    assert len(bundle.documents) == 1
    doc = bundle.documents[0]
    assert doc.annotations == []
    assert normalize_text(doc.text) == doc.text  # stored as read: LF only, no BOM
    return doc.title, doc.text, doc.metadata


# ----------------------------------------------------------------------------
# what each reader gives back


def test_pdf_pages_are_joined_by_a_blank_line_and_their_starts_kept() -> None:
    title, text, meta = only_document(read("pdf"))
    pages = ["\n".join(lines) for lines in PDF_PAGES]
    assert text == "\n\n".join(pages)
    starts = [sum(len(p) + 2 for p in pages[:n]) for n in range(len(pages))]
    assert meta["pages"] == starts
    for start, lines in zip(meta["pages"], PDF_PAGES, strict=True):
        assert text[start:].startswith(lines[0])
    assert (title, meta["title"], meta["author"]) == ("A PDF sample", "A PDF sample", "Pat Author")
    assert meta["source_file"] == "sample.pdf"
    assert "pages_without_text" not in meta and "encrypted" not in meta


def test_a_pdf_page_without_text_keeps_the_page_numbers_right() -> None:
    data = build_pdf([["Page one"], [], ["Page three"]])
    title, text, meta = only_document(read("pdf", data, "gap.pdf"))
    assert text == "Page one\n\n\n\nPage three"
    assert meta["pages"] == [0, 10, 12]
    assert meta["pages_without_text"] == [2]
    assert title == "Page one"  # no title in the file: its first line


def test_a_pdf_space_glyph_labelled_as_a_tab_reads_as_a_space() -> None:
    # Qt's PDF writer maps the space glyph to U+0009, and its new text object at each
    # font change (bold, italic) makes pypdf break the line next to that space.
    data = build_pdf([["PDF\tTitle", "Plain\twords\t", "bold\twords", "\tand\tmore."]])
    title, text, _ = only_document(read("pdf", data, "qt.pdf"))
    assert text == "PDF Title\nPlain words bold words and more."
    assert title == "PDF Title"


def test_pdf_ligatures_are_spelt_out_and_page_starts_follow() -> None:
    pages = [["The \ufb01nal o\ufb03ce, \ufb02at \ufb00 \ufb04 \ufb05 \ufb06"], ["Second page"], ["e\ufb03cient"]]
    _, text, meta = only_document(read("pdf", build_pdf(pages), "ligatures.pdf"))
    assert text == "The final office, flat ff ffl st st\n\nSecond page\n\nefficient"
    starts = meta["pages"]
    assert isinstance(starts, list)
    assert [text[start:].split("\n")[0] for start in starts] == ["The final office, flat ff ffl st st",
                                                                "Second page", "efficient"]  # fmt: skip


def test_pdf_right_to_left_lines_stored_in_visual_order_read_in_logical_order() -> None:
    hebrew, arabic = (
        "\u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd",
        "\u0645\u0631\u062d\u0628\u0627",
    )
    data = build_pdf([["Left to right", hebrew[::-1], arabic[::-1]]])
    _, text, _ = only_document(read("pdf", data, "rtl.pdf"))
    assert text.split("\n") == ["Left to right", hebrew, arabic]


def test_a_scanned_pdf_is_refused_with_advice_to_run_ocr() -> None:
    with pytest.raises(FormatError, match="no text layer.*OCR"):
        read("pdf", build_pdf([[], []]), "scan.pdf")


def test_a_password_protected_pdf_is_refused() -> None:
    data = build_pdf([["Secret text"]], user_password="open sesame")
    with pytest.raises(FormatError, match="protected by a password"):
        read("pdf", data, "locked.pdf")


def test_a_pdf_encrypted_without_a_user_password_opens_as_any_viewer_opens_it() -> None:
    data = build_pdf([["Owner-locked but readable"]], owner_password="owner only")
    assert b"/Encrypt" in data
    _, text, meta = only_document(read("pdf", data, "restricted.pdf"))
    assert text == "Owner-locked but readable"
    assert meta["encrypted"] is True


def test_docx_paragraphs_headings_and_tables_in_order() -> None:
    title, text, meta = only_document(read("docx"))
    assert text == "\n\n".join(DOCX_BLOCKS)
    assert "old, struck" not in text  # a tracked deletion is not text
    assert title == "Field notes (DOCX)"
    assert (meta["title"], meta["author"]) == ("Field notes (DOCX)", "Ada Writer")
    assert str(meta["created"]).startswith("2024-03-04T05:06:07")


def test_a_docx_without_a_title_is_named_by_its_first_line() -> None:
    title, _, meta = only_document(read("docx", build_docx(title=None, author=None)))
    assert title == DOCX_BLOCKS[0]
    assert "title" not in meta and "author" not in meta


def test_a_docx_without_core_properties_gets_no_invented_metadata() -> None:
    data = build_docx()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                continue
            if info.filename in ("_rels/.rels", "[Content_Types].xml"):
                content = re.sub(
                    rb"<(Relationship|Override) [^>]*(core-properties|/docProps/core\.xml)[^>]*/>",
                    b"",
                    content,
                )
            archive.writestr(info, content)
    title, text, meta = only_document(read("docx", out.getvalue()))
    assert text == "\n\n".join(DOCX_BLOCKS)
    assert title == DOCX_BLOCKS[0]
    assert meta == {"source_file": "sample.docx"}


def test_odt_paragraphs_lists_tables_then_notes() -> None:
    title, text, meta = only_document(read("odt"))
    assert text == "\n\n".join(ODT_BLOCKS)
    assert "reviewer" not in text  # comments are not the document's text
    assert (title, meta["author"], meta["created"]) == (
        "ODT sample",
        "Olga Writer",
        "2023-02-01T10:20:30",
    )


def test_epub_chapters_in_spine_order_with_their_starts() -> None:
    title, text, meta = only_document(read("epub"))
    chapters = ["\n\n".join(blocks) for _, _, blocks in EPUB_CHAPTERS]
    assert text == "\n\n".join(chapters)
    assert "chap_01.xhtml" not in text  # the navigation document is not a chapter
    assert "hidden" not in text  # nor is script
    starts = [sum(len(c) + 2 for c in chapters[:n]) for n in range(len(chapters))]
    assert [c["start"] for c in meta["chapters"]] == starts
    assert [c["title"] for c in meta["chapters"]] == ["The first chapter", "Second"]
    assert [c["file"] for c in meta["chapters"]] == [name for name, _, _ in EPUB_CHAPTERS]
    assert (title, meta["author"], meta["language"]) == ("An EPUB sample", "Eve Author", "en")


def test_epub_spine_order_wins_over_file_order() -> None:
    reordered = [EPUB_CHAPTERS[1], EPUB_CHAPTERS[0]]
    _, text, meta = only_document(read("epub", build_epub(reordered), "reordered.epub"))
    assert text.startswith("Second\n\n")
    assert [c["file"] for c in meta["chapters"]] == ["chap_02.xhtml", "chap_01.xhtml"]


def test_a_saved_web_page_gives_the_article_and_its_metadata() -> None:
    title, text, meta = only_document(read("html", name="steppe shock.html"))
    assert text == "\n\n".join(ARTICLE_PARAGRAPHS)
    for furniture in FURNITURE:
        assert furniture not in text
    assert title == "Steppe shock: what the unrest means"
    assert meta["url"] == "https://news.example.org/2022/01/steppe-shock"
    assert meta["date"] == "2022-01-12"
    assert meta["sitename"] == "The Daily Example"
    assert meta["author"] == "Jane Writer"
    assert str(meta["extractor"]).startswith("trafilatura ")
    assert meta["source_file"] == "steppe shock.html"


ARTICLE = (
    "<p>The beginning of 2022 surprised many observers of the region, who had expected the year to open "
    "with negotiations rather than with protests.</p><p>Prices for liquefied gas doubled overnight, and within "
    "days the protests had spread to Almaty, where government buildings burned.</p>"
)


@pytest.mark.parametrize(
    ("head", "body", "title", "first_block"),
    [
        # trafilatura takes a lone h1 as the title and leaves it out of the text when it stands
        # outside the block it picks as the article.
        ("<title>Page title</title>", f"<header><h1>Main heading</h1></header><main>{ARTICLE}</main>",
         "Page title", "Main heading"),
        ("<title>Page title</title>", f"<h1>Main\n heading</h1>{ARTICLE}", "Page title", "Main heading"),
        ('<meta property="og:title" content="Open Graph title"><title>Page title</title>',
         f"<h1>Main heading</h1>{ARTICLE}", "Open Graph title", "Main heading"),
        ("", f"<h1>Only&nbsp;heading</h1>{ARTICLE}", "Only\u00a0heading", "Only\u00a0heading"),
        ("<title>Same</title>", f"<article><h1>Same</h1>{ARTICLE}</article>", "Same", "Same"),
        # a logo is no heading
        ("<title>Page title</title>", f'<h1><a href="/">Site name</a></h1><main>{ARTICLE}</main>',
         "Page title", "The beginning of 2022"),
    ],
)  # fmt: skip
def test_a_web_page_is_titled_by_its_title_and_keeps_its_h1_first(
    head: str, body: str, title: str, first_block: str
) -> None:
    page = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    got_title, text, _ = only_document(read("html", page.encode("utf-8"), "page.html"))
    assert got_title == title
    assert text.split("\n\n")[0].startswith(first_block)
    assert text.count("Main heading") <= 1 and "Site name" not in text


def test_a_web_page_with_crlf_line_endings_reads_the_same() -> None:
    crlf = SAVED_PAGE.replace("\n", "\r\n").encode("utf-8")
    assert only_document(read("html", crlf))[1] == only_document(read("html"))[1]


def test_a_web_page_in_a_declared_legacy_encoding() -> None:
    sentence = "Это длинный абзац текста на русском языке, чтобы его сохранили целиком, без ошибок. "
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head><body><article>'
        f"<h1>Заголовок статьи</h1><p>{sentence * 3}</p></article></body></html>"
    ).encode("cp1251")
    _, text, _ = only_document(read("html", page, "ru.htm"))
    assert text == "Заголовок статьи\n\n" + (sentence * 3).strip()


def test_an_html_fragment_is_read() -> None:
    _, text, _ = only_document(read("html", b"<p>Just a fragment, with a few words in it.</p>", "fragment.html"))
    assert text == "Just a fragment, with a few words in it."


def test_a_web_page_with_nothing_but_navigation_is_refused() -> None:
    page = b"<!DOCTYPE html><html><body><nav><a href='/'>Home</a></nav></body></html>"
    with pytest.raises(FormatError, match="no article text"):
        read("html", page, "empty.html")


# ----------------------------------------------------------------------------
# content wins over the name; mislabelled, truncated and binary files


@pytest.mark.parametrize(
    ("name", "kind", "expected"),
    [
        ("report.docx", "pdf", "pdf"),
        ("report.pdf", "docx", "docx"),
        ("book.zip", "epub", "epub"),
        ("notes.docx", "odt", "odt"),
        ("page.txt", "html", "html"),
        ("sample.pdf", "pdf", "pdf"),
        ("sample.odt", "odt", "odt"),
    ],
)
def test_content_decides_the_format(name: str, kind: str, expected: str) -> None:
    assert format_for_file(name, sample(kind)[:65536]).id == expected


def test_extensions_choose_when_content_says_nothing() -> None:
    for extension, kind in [(".html", "html"), (".htm", "html"), (".docx", "docx"), (".pdf", "pdf"),
                            (".odt", "odt"), (".epub", "epub")]:  # fmt: skip
        assert format_for_file(f"x{extension.upper()}", b"?").id == kind


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        (
            "pdf",
            b"Just some plain text, no PDF at all.\n",
            r"'x\.pdf' is not a PDF: .*plain text.*\.txt",
        ),
        ("epub", b"\x89PNG\r\n\x1a\n" + bytes(64), r"'x\.epub' is not an EPUB.*PNG image"),
        ("docx", b"%PDF-1.7\n", r"'x\.docx' is not a Word document.*PDF.*\.pdf"),
        (
            "odt",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64),
            r"not an OpenDocument text.*old Microsoft Office",
        ),
        ("html", b"%PDF-1.4\n", r"not a web page.*PDF"),
        ("html", b"plain words only", r"not a web page.*plain text"),
        ("pdf", b"", r"not a PDF.*empty"),
    ],
)
def test_mislabelled_files_say_what_they_are(kind: str, data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        read(kind, data, f"x.{kind}")


@pytest.mark.parametrize(("kind", "other"), [("docx", "epub"), ("epub", "odt"), ("odt", "docx"), ("docx", "odt")])
def test_one_zip_document_named_as_another_is_named_for_what_it_is(kind: str, other: str) -> None:
    with pytest.raises(FormatError, match="its content looks like an? (EPUB|OpenDocument|Word)"):
        read(kind, sample(other), f"x.{kind}")


def test_an_excel_workbook_named_docx_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    with pytest.raises(FormatError, match="Excel workbook"):
        read("docx", out.getvalue(), "sheet.docx")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("keep", [0.0, 0.1, 0.5, 0.97])
def test_truncated_files_are_refused_or_read_never_crash(kind: str, keep: float) -> None:
    data = sample(kind)
    cut = data[: int(len(data) * keep)]
    try:
        bundle = read(kind, cut)
    except FormatError as exc:
        assert str(exc)
    else:  # a PDF cut near its end can still have whole pages; what it gives is text
        only_document(bundle)
        assert kind in ("pdf", "html")


@pytest.mark.parametrize("kind", KINDS)
def test_binary_files_are_refused(kind: str) -> None:
    noise = random.Random(7).randbytes(4096)
    with pytest.raises(FormatError):
        read(kind, noise)


# ----------------------------------------------------------------------------
# hostile archives and XML


def _zip_bomb(data: bytes) -> bytes:
    return with_member(data, "word/media/padding.bin", bytes(3_000_000))  # ~1000x compression


def _traversal(data: bytes) -> bytes:
    return with_member(data, "../../outside.txt", b"escaped")


ATTACKS = [(_zip_bomb, "ZIP bomb"), (_traversal, "unsafe member name")]


@pytest.mark.parametrize("kind", ["docx", "odt", "epub"])
@pytest.mark.parametrize(("attack", "message"), ATTACKS)
def test_hostile_archives_are_refused(kind: str, attack: Callable[[bytes], bytes], message: str) -> None:
    with pytest.raises(FormatError, match=message):
        read(kind, attack(sample(kind)))


def test_hostile_archives_leave_the_library_unchanged(library: Library, tmp_path: Path) -> None:
    paths = []
    for kind in ("docx", "odt", "epub"):
        good = tmp_path / f"good.{kind}"
        good.write_bytes(sample(kind))
        paths.append(good)
        for attack, _ in ATTACKS:
            path = tmp_path / f"{attack.__name__.strip('_')}.{kind}"
            path.write_bytes(attack(sample(kind)))
            paths.append(path)
    before = library.documents()
    with pytest.raises(FormatError) as refused:
        importing.import_paths(library, paths)  # all or nothing: the good ones are not imported
    for path in paths:
        if not path.name.startswith("good"):
            assert path.name in str(refused.value)
    assert library.documents() == before == []
    assert not (tmp_path / "outside.txt").exists()


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n"""


@pytest.mark.parametrize(
    ("kind", "member", "body"),
    [
        ("docx", "word/document.xml", f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol3;</w:t></w:r></w:p></w:body></w:document>'),
        ("docx", "docProps/core.xml", '<cp:coreProperties xmlns:cp="x" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>&xxe;</dc:title></cp:coreProperties>'),
        ("odt", "content.xml", '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">&lol3;</office:document-content>'),
        ("epub", "EPUB/content.opf", '<package xmlns="http://www.idpf.org/2007/opf">&xxe;</package>'),
    ],
)  # fmt: skip
def test_xml_entities_are_refused(kind: str, member: str, body: str) -> None:
    prolog = EXTERNAL_ENTITY if "xxe" in body else BILLION_LAUGHS
    data = replace_member(sample(kind), member, prolog + body.encode())
    with pytest.raises(FormatError, match="entities"):
        read(kind, data)


@pytest.mark.parametrize(
    ("kind", "member"),
    [("docx", "word/document.xml"), ("odt", "content.xml"), ("epub", "EPUB/content.opf")],
)
def test_malformed_xml_parts_are_refused(kind: str, member: str) -> None:
    data = replace_member(sample(kind), member, b"<unclosed><tag>")
    with pytest.raises(FormatError, match="not well-formed"):
        read(kind, data)


def test_an_odt_space_count_cannot_blow_up() -> None:
    content = zipfile.ZipFile(io.BytesIO(sample("odt"))).read("content.xml")
    hostile = content.replace(b'text:c="3"', b'text:c="99999999999"', 1)
    assert hostile != content
    _, text, _ = only_document(read("odt", replace_member(sample("odt"), "content.xml", hostile)))
    assert len(text) < 5000


def test_deeply_nested_epub_html_is_refused_or_read() -> None:
    deep = "<div>" * 5000 + "deep text" + "</div>" * 5000
    data = build_epub([("deep.xhtml", deep, None), EPUB_CHAPTERS[0]])
    try:
        bundle = read("epub", data)
    except FormatError as exc:
        assert str(exc)
    else:
        assert "The first chapter" in only_document(bundle)[1]


# ----------------------------------------------------------------------------
# fuzzing: any bytes, and damaged valid files, give a document or a FormatError


def read_or_refuse(kind: str, data: bytes) -> None:
    try:
        bundle = read(kind, data)
    except FormatError as exc:
        assert str(exc)
    else:
        title, text, meta = only_document(bundle)
        assert text.strip() and title
        assert "\x00" not in text
        text.encode("utf-8")  # no lone surrogates: every database can store it
        assert document_title(title) == title  # a title the user could have typed: one line, no controls
        title.encode("utf-8")
        for start in meta.get("pages", []):  # type: ignore[union-attr]
            assert 0 <= start <= len(text)


FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MAIN_MEMBER = {"docx": "word/document.xml", "odt": "content.xml", "epub": "EPUB/chap_01.xhtml"}


@FUZZ
@given(st.sampled_from(KINDS), st.binary(max_size=2048))
def test_readers_on_arbitrary_bytes(kind: str, data: bytes) -> None:
    read_or_refuse(kind, data)


@FUZZ
@given(st.sampled_from(KINDS), st.binary(min_size=1, max_size=512))
def test_readers_on_arbitrary_bytes_behind_the_right_magic(kind: str, data: bytes) -> None:
    magic = {"pdf": b"%PDF-1.7\n", "html": b"<!DOCTYPE html><html>", "docx": b"PK\x03\x04",
             "odt": b"PK\x03\x04", "epub": b"PK\x03\x04"}[kind]  # fmt: skip
    read_or_refuse(kind, magic + data)


MUTATIONS = st.lists(
    st.tuples(
        st.sampled_from(["flip", "delete", "insert", "truncate"]),
        st.floats(0, 1),
        st.binary(min_size=1, max_size=8),
    ),
    min_size=1,
    max_size=4,
)


def mutate(data: bytes, mutations: list[tuple[str, float, bytes]]) -> bytes:
    for op, where, payload in mutations:
        at = int(where * len(data))
        if op == "flip":
            data = data[:at] + payload + data[at + len(payload) :]
        elif op == "delete":
            data = data[:at] + data[at + len(payload) :]
        elif op == "insert":
            data = data[:at] + payload + data[at:]
        else:
            data = data[:at]
    return data


@FUZZ
@given(st.sampled_from(["pdf", "html"]), MUTATIONS)
def test_damaged_pdfs_and_pages(kind: str, mutations: list[tuple[str, float, bytes]]) -> None:
    read_or_refuse(kind, mutate(sample(kind), mutations))


@FUZZ
@given(st.sampled_from(["docx", "odt", "epub"]), MUTATIONS)
def test_archives_with_damaged_main_parts(kind: str, mutations: list[tuple[str, float, bytes]]) -> None:
    # Damage inside a well-formed ZIP reaches the XML and the libraries, past the CRC checks.
    member = MAIN_MEMBER[kind]
    content = zipfile.ZipFile(io.BytesIO(sample(kind))).read(member)
    read_or_refuse(kind, replace_member(sample(kind), member, mutate(content, mutations)))


@FUZZ
@given(st.sampled_from(["docx", "odt", "epub"]), MUTATIONS)
def test_damaged_archives(kind: str, mutations: list[tuple[str, float, bytes]]) -> None:
    read_or_refuse(kind, mutate(sample(kind), mutations))


# ----------------------------------------------------------------------------
# through the services, on SQLite and PostgreSQL


@pytest.mark.parametrize("kind", KINDS)
def test_imported_text_is_exactly_what_the_reader_produced(library: Library, tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"sample.{kind}"
    path.write_bytes(sample(kind))
    expected = read(kind).documents[0]
    result = importing.import_paths(library, [path])
    (row,) = result.documents
    stored = library.document(row.id)
    assert stored.text == expected.text
    assert stored.title == expected.title
    assert stored.metadata == expected.metadata
    again = importing.import_paths(library, [path])  # the same file twice adds nothing
    assert [r.new for r in again.documents] == [False]


@pytest.mark.parametrize(
    ("kind", "quote"),
    [("html", "caf\u00e9\u00a0owner said \U0001f525"), ("pdf", "\U0001f469\u200d\U0001f4bb and \U0001f44d\U0001f3fd"),
     ("docx", "caf\u00e9 \u05e9\u05dc\u05d5\u05dd"), ("odt", "beta \U0001f600"), ("epub", "here,\u00a0with")],
)  # fmt: skip
def test_spans_in_imported_documents_survive_export_and_reimport(
    library: Library, open_library: Callable[[], Library], tmp_path: Path, kind: str, quote: str
) -> None:
    path = tmp_path / f"sample.{kind}"
    path.write_bytes(sample(kind))
    (row,) = importing.import_paths(library, [path]).documents
    text = library.text(row.id)
    quote = quote if kind != "docx" else "cafe\u0301 \u05e9\u05dc\u05d5\u05dd"  # the combining accent, then Hebrew
    annotating.annotate_quote(library, document_id=row.id, tag_id=library.tag_named("claim").id, quote=quote)
    (span,) = library.annotations(row.id)
    assert text[span.start : span.end] == quote == span.quote

    export = tmp_path / "export.json"
    export.write_bytes(_export(library))
    other = open_library()
    importing.import_paths(other, [export])
    (copy,) = other.documents()
    assert other.text(copy.id) == text
    assert [(a.start, a.end, a.quote) for a in other.annotations(copy.id)] == [(span.start, span.end, quote)]
    assert other.document(copy.id).metadata == library.document(row.id).metadata


def _export(library: Library) -> bytes:
    out = io.BytesIO()
    exporting.export(library, out)
    return out.getvalue()


def test_a_mislabelled_file_through_the_services(library: Library, tmp_path: Path) -> None:
    pdf_named_docx = tmp_path / "really-a-pdf.docx"
    pdf_named_docx.write_bytes(sample("pdf"))
    (row,) = importing.import_paths(library, [pdf_named_docx]).documents
    assert library.text(row.id) == read("pdf").documents[0].text

    text_named_pdf = tmp_path / "notes.pdf"
    text_named_pdf.write_bytes(b"Notes, CRLF\r\nsecond line\r\n")
    png_named_epub = tmp_path / "cover.epub"
    png_named_epub.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    for path, what in [(text_named_pdf, "plain text"), (png_named_epub, "a PNG image")]:
        with pytest.raises(FormatError, match=f"'{path.name}' is not .*looks like {what}"):
            importing.import_paths(library, [path])
    assert len(library.documents()) == 1
