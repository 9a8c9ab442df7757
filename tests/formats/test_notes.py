"""Tests: the study notes export (``notes``): grouping and order, page numbers, the chosen fields,
Markdown and HTML escaping, DOCX read back with python-docx, and the style following the file name."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import docx
import lxml.html
import pytest
from markdown_it import MarkdownIt

from annotator.core.model import Annotation, Document, Tag
from annotator.core.text import sha256_text
from annotator.formats import notes
from annotator.formats.base import ExportBundle, ExportedDocument, OptionError
from annotator.formats.registry import writers_by_extension
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library

MOMENT = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
TAGS = [Tag("t-claim", "claim", "#F4A261"), Tag("t-evidence", "evidence", "#2a9d8f")]
# Three "pages", as the PDF reader stores them: each page's start offset.
PAGE_1 = "First page says a claim.\n\n"
PAGE_2 = "Second page: evidence *here* and _there_.\n\n"
PAGE_3 = "# Third `page` with a\nline break and a claim."
TEXT = PAGE_1 + PAGE_2 + PAGE_3
PAGES = [0, len(PAGE_1), len(PAGE_1) + len(PAGE_2)]


def annotation(ident: str, tag: str, quote: str, note: str = "", coder: str = "ann") -> Annotation:
    start = TEXT.index(quote)
    end = start + len(quote)
    return Annotation(ident, "doc-1", tag, start, end, quote, "", "", note, coder, MOMENT, MOMENT)


ANNOTATIONS = [
    annotation("a3", "t-claim", "# Third `page` with a\nline break", "late *note*\n---\n1. not a list"),
    annotation("a1", "t-evidence", "evidence *here* and _there_", "see p. 2"),
    annotation("a2", "t-claim", "First page says", "first"),
]


def bundle(**options: Any) -> ExportBundle:
    doc = Document("doc-1", "A PDF", TEXT, sha256_text(TEXT), {"pages": PAGES}, MOMENT)
    return ExportBundle(TAGS, [ExportedDocument(doc, list(ANNOTATIONS))], "annotator test", MOMENT, options=options)


def render(**options: Any) -> bytes:
    out = io.BytesIO()
    notes.write_notes(bundle(**options), out)
    return out.getvalue()


def test_grouped_by_tag_in_codebook_order_then_text_order_within() -> None:
    groups = notes.gather(bundle())[0][1]
    assert [g.tag for g in groups] == ["claim", "evidence"]
    assert [e.annotation.id for e in groups[0].entries] == ["a2", "a3"]


def test_text_order_is_one_group_in_the_order_of_the_text() -> None:
    groups = notes.gather(bundle(order="text"))[0][1]
    assert [g.tag for g in groups] == [None]
    assert [e.annotation.id for e in groups[0].entries] == ["a2", "a1", "a3"]


def test_pages_come_from_the_page_starts_and_quotes_from_the_stored_text() -> None:
    entries = {e.annotation.id: e for g in notes.gather(bundle())[0][1] for e in g.entries}
    assert [dict(entries[i].values)["page"] for i in ("a2", "a1", "a3")] == ["p. 1", "p. 2", "p. 3"]
    for e in entries.values():
        assert TEXT[e.annotation.start : e.annotation.end] == e.quote


def test_epub_chapters_name_the_chapter() -> None:
    doc = Document("e", "Book", "x" * 50, "", {"chapters": [{"start": 0, "title": "One"}, {"start": 20}]}, MOMENT)
    assert notes.page_of(doc, 5) == "ch. 1: One"
    assert notes.page_of(doc, 30) == "ch. 2"
    assert notes.page_of(Document("p", "Plain", "x", "", {}, MOMENT), 0) == ""


def test_the_fields_and_their_order_follow_the_template() -> None:
    entry = notes.gather(bundle(fields="coder, page,quote"))[0][1][0].entries[0]
    assert [f for f, _ in entry.values] == ["coder", "page", "quote"]
    md = render(fields="note,quote").decode()
    assert "annotator://" not in md and "Page:" not in md
    assert md.index("first") < md.index("> First page says")
    with pytest.raises(OptionError, match="fields"):
        render(fields="quote,colour")


def test_the_link_carries_the_document_id_and_offsets() -> None:
    a = ANNOTATIONS[2]
    md = render().decode()
    assert f"[{a.start}\u2013{a.end}](<annotator://document/doc-1?start={a.start}&end={a.end}>)" in md


def test_markdown_shows_quotes_and_notes_as_typed() -> None:
    """Parsed by a CommonMark parser, no emphasis, code, heading or list comes from user text."""
    md = render(order="text").decode()
    tokens = MarkdownIt().parse(md)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in t.children or []}
    assert not kinds & {"em_open", "strong_open", "code_inline", "bullet_list_open", "ordered_list_open"}
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.type == "heading_open"]
    assert headings == ["Study notes", "A PDF"]
    text = MarkdownIt().render(md)
    assert "evidence *here* and _there_" in text and "# Third `page` with a\nline break" in text
    assert "late *note*" in text


def test_html_is_escaped_self_contained_and_holds_each_quote() -> None:
    hostile = Tag("t-claim", "<script>x</script>", "red;} body {")
    doc = Document("d", "<img src=x onerror=alert(1)>", TEXT, "", {"pages": PAGES}, MOMENT)
    anns = [annotation("h", "t-claim", "First page says", "</blockquote><script>y()</script>")]
    out = io.BytesIO()
    notes.write_notes(ExportBundle([hostile], [ExportedDocument(doc, anns)], "g", MOMENT, {"style": "html"}), out)
    page = lxml.html.fromstring(out.getvalue())
    assert not page.xpath("//script | //img | //*[@src]")
    assert page.xpath("//h3")[0].text_content() == "<script>x</script>"
    assert "red;}" not in out.getvalue().decode()  # only validated colours reach the CSS
    assert [b.text_content() for b in page.xpath("//blockquote")] == ["First page says"]
    assert page.xpath("//p[@class='note']")[0].text_content() == "</blockquote><script>y()</script>"
    assert "@media print" in out.getvalue().decode()


def test_docx_opens_with_python_docx_and_holds_each_quote() -> None:
    document = docx.Document(io.BytesIO(render(style="docx")))
    paragraphs = [p.text for p in document.paragraphs]
    for a in ANNOTATIONS:
        assert a.quote in paragraphs
    assert "claim" in paragraphs and any(p.startswith("Tag: evidence \u00b7 Page: p. 2 \u00b7 ") for p in paragraphs)


def test_the_style_follows_the_file_name_and_a_contradiction_is_refused() -> None:
    assert notes.options_for_name("x/notes.html", {}) == {"style": "html"}
    assert notes.options_for_name("notes.txt", {}) == {}
    with pytest.raises(OptionError):
        notes.options_for_name("notes.md", {"style": "docx"})


def test_notes_never_take_an_extension_from_the_other_formats() -> None:
    assert "notes" not in writers_by_extension()[".md"]
    assert "notes" in writers_by_extension("notes")[".md"]


def test_export_to_a_path_writes_the_style_its_name_says(library: Library, tmp_path: Path) -> None:
    source = tmp_path / "t.txt"
    source.write_text("alpha beta *gamma*\n", encoding="utf-8")
    doc_id = importing.import_paths(library, [source]).documents[0].id
    claim = next(t.id for t in library.tags() if t.name == "claim")
    annotating.create_annotation(library, document_id=doc_id, tag_id=claim, start=11, end=18, note="n")
    exporting.export_to_path(library, tmp_path / "n.docx", format_id="notes")
    exporting.export_to_path(library, tmp_path / "n.html", format_id="notes")
    assert "*gamma*" in [p.text for p in docx.Document(str(tmp_path / "n.docx")).paragraphs]
    assert lxml.html.parse(str(tmp_path / "n.html")).xpath("//blockquote")[0].text_content() == "*gamma*"
