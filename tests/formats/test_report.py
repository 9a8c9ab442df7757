"""Tests: the reading reports, HTML (``report``) and Markdown (``md``), direct and through the export service.

The HTML page is parsed with lxml.html and checked from the outside: no script
and nothing external anywhere, hostile names and notes show as text, the text
block's text content is the stored text code point for code point, every
annotation's span is covered by marks of its tag whose titles carry its tag
and note, every note has one numbered reference at its annotation's end that
links to it and back, and the legend, colours and counts agree with the
library.

The Markdown is undone by the rules its module documents (a regex drops the
footnote references and ``==`` marks, unescapes ``\\\\`` and ``\\=`` inside marks and
decodes four character references) and must give back the stored text; every
annotation's tag and note must be in the footnote after its highlight.

Texts have emoji (with ZWJ and skin tones), combining marks, Hebrew and Arabic,
NBSP, tabs, blank lines, a document imported from a CRLF file, and a document
without annotations.
"""

from __future__ import annotations

import io
import random
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.model import Annotation, Document, Tag, TagSpec
from annotator.core.selectors import TextQuoteSelector, find_occurrences
from annotator.core.spans import Span, segments
from annotator.core.text import sha256_text
from annotator.formats import markdown, plaintext, report
from annotator.formats.base import ExportBundle, ExportedDocument, ImportBundle
from annotator.formats.registry import format_by_id
from annotator.services import annotating, exporting, importing
from annotator.services.library import Library

MOMENT = datetime(2025, 3, 4, 5, 6, 7, tzinfo=UTC)
HOSTILE_TAG = "<script>alert(\"tag\")</script> & 'quotes'"
HOSTILE_TITLE = '"><script>alert(1)</script><img src=x onerror=alert(2)>'
HOSTILE_NOTE = "</mark></div><script>steal()</script> [link](http://evil.example) ==not== `code`"

UNICODE_TEXT = (
    "Family \U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 and thumbs \U0001f44d\U0001f3fd here.\n"
    "cafe\u0301 na\u0308ive \u2014 Prices:\u00a0100\u00a0\u20ac\tand tabs.\n"
    "\n"
    "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd \u05e2\u05d5\u05dc\u05dd and \u0645\u0631\u062d\u0628\u0627 "
    "\u0628\u0627\u0644\u0639\u0627\u0644\u0645 mixed.\n"
    "Math: a = b, a==b is code-ish; x\\ and y\\= here (see[1]).\n"
    '  Indented line with <b>tags</b> & ampersands "quoted".\n'
    "Last line \U0001f600"
)
CRLF_FILE_TEXT = "CRLF title\r\nFirst line of \u00e9vidence\r\n\r\nSecond paragraph \U0001f4d8 ends here.\r\n"


# ---------------------------------------------------------------------------
# What the checks compare against: plain facts, from a bundle or from a library


@dataclass(frozen=True)
class Fact:
    """An annotation as the reports must show it."""

    tag: str
    start: int
    end: int
    quote: str
    note: str


@dataclass(frozen=True)
class DocFacts:
    title: str
    text: str
    annotations: list[Fact]


@dataclass(frozen=True)
class TagFacts:
    name: str
    color: str
    description: str


def valid_color(color: str) -> str:
    """What a report may put in CSS for a tag colour (the module's rule, restated)."""
    if re.fullmatch(r"#[0-9a-fA-F]{6}", color):
        return color.lower()
    if re.fullmatch(r"#[0-9a-fA-F]{3}", color):
        return "#" + "".join(c * 2 for c in color[1:].lower())
    return "#999999"


def facts_of_bundle(bundle: ExportBundle) -> tuple[list[DocFacts], list[TagFacts]]:
    names = {t.id: t.name for t in bundle.tags}
    docs = [
        DocFacts(
            e.document.title,
            e.document.text,
            [Fact(names[a.tag_id], a.start, a.end, a.quote, a.note) for a in e.annotations],
        )
        for e in bundle.documents
    ]
    return docs, [TagFacts(t.name, t.color, t.description) for t in bundle.tags]


def facts_of_library(library: Library) -> tuple[list[DocFacts], list[TagFacts]]:
    tags = library.tags()
    names = {t.id: t.name for t in tags}
    docs = []
    for summary in library.documents():
        doc = library.document(summary.id)
        anns = [Fact(names[a.tag_id], a.start, a.end, a.quote, a.note) for a in library.annotations(doc.id)]
        docs.append(DocFacts(doc.title, doc.text, anns))
    return docs, [TagFacts(t.name, t.color, t.description) for t in tags]


# ---------------------------------------------------------------------------
# HTML checks


def _classes(el: lxml.html.HtmlElement) -> list[str]:
    return (el.get("class") or "").split()


def _css_vars(style: str) -> dict[str, dict[str, str]]:
    """``.name { --bg: #x; --line: #y; }`` rules of the stylesheet, by class name."""
    return {
        m.group(1): dict(re.findall(r"(--[a-z]+):\s*([^;]+);", m.group(2)))
        for m in re.finditer(r"^\.([a-z]\d+) \{([^}]*)\}", style, re.M)
    }


def walk_text_block(block: lxml.html.HtmlElement) -> tuple[list[tuple[int, int, lxml.html.HtmlElement]], list]:
    """Marks (start, end, element) and note references (offset, element) by code point offset."""
    marks, refs = [], []
    pos = len(block.text or "")
    for child in block:
        assert len(child) == 0, "marks and references hold text only"
        length = len(child.text_content())
        if child.tag == "mark":
            assert length > 0
            marks.append((pos, pos + length, child))
        else:
            assert child.tag == "a" and "fnref" in _classes(child) and length == 0, lxml.html.tostring(child)
            refs.append((pos, child))
        pos += length + len(child.tail or "")
    return marks, refs


def check_html(data: bytes, docs: list[DocFacts], tags: list[TagFacts]) -> lxml.html.HtmlElement:
    """Everything the HTML report promises, checked on its parsed page; returns the page."""
    assert data.startswith(b"<!DOCTYPE html>")
    assert b"\r" not in data.replace(b"&#13;", b"")
    root = lxml.html.document_fromstring(data)
    ids = {el.get("id") for el in root.iter() if isinstance(el.tag, str) and el.get("id")}

    # Safe and self-contained: no active content, only in-page links, one inline stylesheet.
    assert root.xpath("//script | //iframe | //object | //embed | //link | //img | //base | //form") == []
    assert b"<script" not in data.lower()
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        for name, value in el.attrib.items():
            assert not name.lower().startswith("on"), (el.tag, name)
            assert name not in ("src", "srcset", "action", "formaction", "poster", "background", "data")
            if name == "href":
                assert value.startswith("#") and value[1:] in ids, value
    [style_el] = root.xpath("//style")
    style = style_el.text_content()
    assert "url(" not in style and "@import" not in style and "://" not in style
    assert "@media print" in style
    css = _css_vars(style)
    assert all(re.fullmatch(r"#[0-9a-f]{6}", value) for rule in css.values() for value in rule.values())

    # Legend: every tag, in order, its (validated) colour, description and total count.
    rows = root.xpath("//table[contains(@class, 'legend')]/tbody/tr")
    assert len(rows) == len(tags)
    totals = Counter(f.tag for d in docs for f in d.annotations)
    tag_class: dict[str, str] = {}
    for row, tag in zip(rows, tags, strict=True):
        (cls,) = [c for c in _classes(row) if re.fullmatch(r"t\d+", c)]
        tag_class[cls] = tag.name
        assert row.find_class("name")[0].text_content() == tag.name
        assert row.find_class("description")[0].text_content() == tag.description
        assert row.find_class("count")[0].text_content() == f"{totals[tag.name]:,}"
        assert css[cls]["--line"] == valid_color(tag.color)
    assert root.xpath("//table[contains(@class, 'legend')]/tfoot//td[@class='count']")[0].text_content() == (
        f"{sum(totals.values()):,}"
    )

    sections = root.xpath("//section[contains(@class, 'document')]")
    assert len(sections) == len(docs)
    for section, doc in zip(sections, docs, strict=True):
        assert section.xpath(".//h2")[0].text_content() == (doc.title or "Untitled")
        (block,) = section.find_class("text")

        # Offsets are honest: the block's text is the stored text, nothing added.
        assert block.text_content() == doc.text
        marks, refs = walk_text_block(block)

        # Counts per tag in this document.
        counts = Counter(f.tag for f in doc.annotations)
        shown = {
            tag_class[next(c for c in _classes(row) if c in tag_class)]: row.find_class("count")[0].text_content()
            for row in section.xpath(".//table[contains(@class, 'counts')]/tbody/tr")
        }
        assert shown == {tag: f"{n:,}" for tag, n in counts.items()}
        if not doc.annotations:
            assert section.find_class("counts")[0].text_content() == "No annotations."

        # Every annotation: each of its code points is in a mark of its tag whose title names tag and note.
        covering: dict[int, lxml.html.HtmlElement] = {}
        for start, end, mark in marks:
            assert doc.text[start:end] == mark.text_content()
            for p in range(start, end):
                covering[p] = mark
        annotated = {p for f in doc.annotations for p in range(f.start, f.end)}
        assert set(covering) == annotated
        for f in doc.annotations:
            assert doc.text[f.start : f.end] == f.quote
            for p in range(f.start, f.end):
                mark = covering[p]
                mark_tags = {tag_class[c] for c in _classes(mark) if c in tag_class}
                assert f.tag in mark_tags
                assert (f"{f.tag}: {f.note}" if f.note else f.tag) in mark.get("title")
                if len(mark_tags) > 1:
                    assert "mix" in _classes(mark)

        # Notes: one reference per noted annotation, at its end, numbered 1..n in reading order,
        # linking to a footnote that shows its tag and note and links back.
        noted = Counter((f.tag, f.note, f.end) for f in doc.annotations if f.note)
        items = section.xpath(".//ol[contains(@class, 'notes')]/li")
        assert len(refs) == len(items) == sum(noted.values())
        assert [ref.get("data-n") for _, ref in refs] == [str(n) for n in range(1, len(refs) + 1)]
        for (pos, ref), item in zip(refs, items, strict=True):
            assert ref.get("href") == f"#{item.get('id')}"
            assert item.xpath(".//a[contains(@class, 'back')]")[0].get("href") == f"#{ref.get('id')}"
            tag = item.find_class("chip")[0].text_content()
            note = item.find_class("note")[0].text_content()
            noted[(tag, note, pos)] -= 1
        assert all(n == 0 for n in noted.values()), noted
    return root


# ---------------------------------------------------------------------------
# Markdown checks: undo the documented rules


def _unescape(s: str) -> str:
    return re.sub(r"\\(.)", r"\1", s, flags=re.S)


_ENTITIES = {"&#92;": "\\", "&#61;": "=", "&#40;": "(", "&#91;": "["}


def undo_markdown(text_md: str, label: str) -> tuple[str, list[tuple[int, int]], list[tuple[int, str]]]:
    """The plain text, the marks (start, end) and the references (offset, label) of a document's Markdown."""
    token = re.compile(
        r"(?P<ents>(?:&#92;|&#61;)*)==(?P<mark>(?:\\[\\=]|[^\\=\n])+)=="
        r"|\[\^(?P<ref>" + label + r"\d+)\](?P<after>&#40;|&#91;)?"
    )
    out: list[str] = []
    marks, refs = [], []
    pos = 0
    length = 0
    for m in token.finditer(text_md):
        out.append(text_md[pos : m.start()])
        length += m.start() - pos
        if m.group("mark") is not None:
            before = "".join(_ENTITIES[e] for e in re.findall(r"&#\d+;", m.group("ents")))
            content = re.sub(r"\\([\\=])", r"\1", m.group("mark"))
            out += [before, content]
            marks.append((length + len(before), length + len(before) + len(content)))
            length += len(before) + len(content)
        else:
            refs.append((length, m.group("ref")))
            after = _ENTITIES[m.group("after")] if m.group("after") else ""
            out.append(after)
            length += len(after)
        pos = m.end()
    out.append(text_md[pos:])
    return "".join(out), marks, refs


def _groups(facts: list[Fact]) -> list[tuple[int, int, list[Fact]]]:
    """Annotations whose spans share a code point, as the Markdown writer documents it."""
    groups: list[tuple[int, int, list[Fact]]] = []
    for f in sorted(facts, key=lambda f: (f.start, f.end)):
        if groups and f.start < groups[-1][1]:
            s, e, members = groups[-1]
            groups[-1] = (s, max(e, f.end), [*members, f])
        else:
            groups.append((f.start, f.end, [f]))
    return groups


def check_markdown(md: str, docs: list[DocFacts], tags: list[TagFacts]) -> None:
    """Everything the Markdown report promises."""
    assert "\r" not in md
    assert md.startswith("# ")
    # Our footnote labels are the ones whose prefix no document's text uses with a digit.
    prefixes = set(re.findall(r"^\[\^([a-z]*)\d+\]: ", md, re.M))
    ours = [p for p in prefixes if not any(re.search(r"\[\^" + p + r"\d", d.text) for d in docs)]
    assert len(ours) <= 1
    prefix = ours[0] if ours else ""

    # The tag table: name, validated colour, description, total.
    totals = Counter(f.tag for d in docs for f in d.annotations)
    rows = re.findall(r"^\| (?!Tag \||---)(.*) \|$", md[: md.index("\n## ")] if docs else md, re.M)
    cells = [[_unescape(c) for c in re.split(r" (?<!\\)\| ", row)] for row in rows]
    assert cells == [
        [" ".join(t.name.split()), f"`{valid_color(t.color)}`", " ".join(t.description.split()),
         f"{totals[t.name]:,}"]
        for t in tags
    ]  # fmt: skip

    headings = [m for m in re.finditer(r"^## (.*)\n", md, re.M)]
    pos = 0
    all_labels: list[str] = []
    for i, doc in enumerate(docs):
        title = " ".join(doc.title.split()) or "Untitled"
        heading = next(m for m in headings if m.start() >= pos and _unescape(m.group(1)) == title)
        rest = md[heading.end() :]
        assert rest.startswith("\n")
        meta_end = rest.index("\n\n", 1) + 2
        meta = _unescape(rest[1 : meta_end - 2])
        counts = Counter(f.tag for f in doc.annotations)
        assert meta.startswith(f"{len(doc.annotations)} annotation")
        for tag, n in counts.items():
            assert f"{' '.join(tag.split())} {n}" in meta
        # The section ends where the next document's heading starts.
        if i + 1 < len(docs):
            nxt = " ".join(docs[i + 1].title.split()) or "Untitled"
            end = (
                next(m.start() for m in headings if m.start() > heading.end() and _unescape(m.group(1)) == nxt)
                - heading.end()
            )
        else:
            end = len(rest)
        body = rest[meta_end:end]
        defs_at = re.search(r"^\[\^" + prefix + r"\d+\]: ", body, re.M)
        text_end = defs_at.start() if defs_at else len(body)
        assert body[text_end - 2 : text_end] == "\n\n"
        text_md = body[: text_end - 2]

        # The text comes back exactly once marks, references and escapes are undone.
        plain, marks, refs = undo_markdown(text_md, prefix)
        assert plain == doc.text

        # Marks: only annotated code points, never edge whitespace, one line each; every
        # annotated non-space code point is marked.
        annotated = {p for f in doc.annotations for p in range(f.start, f.end)}
        marked = {p for s, e in marks for p in range(s, e)}
        assert marked <= annotated
        assert {p for p in annotated if not doc.text[p].isspace()} <= marked
        for s, e in marks:
            assert not doc.text[s].isspace() and not doc.text[e - 1].isspace() and "\n" not in doc.text[s:e]

        # One reference per group of overlapping annotations, at its end (or its last marked line's end).
        groups = _groups(doc.annotations)
        assert len(refs) == len(groups)
        definitions = {
            m.group(1): m.group(2)
            for m in re.finditer(r"^\[\^(" + prefix + r"\d+)\]: (.*?)\n\n(?=\[\^|\Z)", body[text_end:], re.M | re.S)
        }
        assert sorted(definitions) == sorted(label for _, label in refs)
        for (ref_pos, label), (g_start, g_end, members) in zip(refs, groups, strict=True):
            assert g_start < ref_pos <= g_end
            assert doc.text[ref_pos:g_end].isspace() or ref_pos == g_end
            footnote = re.sub(r"\n    ", "\n", definitions[label])
            bold = [_unescape(b) for b in re.findall(r"\*\*((?:\\.|[^\\*])+)\*\*", footnote)]
            assert bold == [" ".join(f.tag.split()) for f in members]
            plain_footnote = _unescape(footnote)
            for f in members:
                assert f.note.replace("\r\n", "\n").replace("\r", "\n") in plain_footnote
        all_labels += [label for _, label in refs]
        pos = heading.end()
    assert len(all_labels) == len(set(all_labels))  # labels are unique in the file


# ---------------------------------------------------------------------------
# Bundles built directly


def make_annotation(
    doc_id: str, text: str, tag_id: str, start: int, end: int, note: str = "", ann_id: str | None = None
) -> Annotation:
    sel = TextQuoteSelector.from_span(text, start, end)
    return Annotation(
        ann_id or f"{doc_id}-{start}-{end}-{tag_id}", doc_id, tag_id, start, end, sel.exact, sel.prefix,
        sel.suffix, note, "", MOMENT, MOMENT,
    )  # fmt: skip


def span_of(text: str, quote: str, nth: int = 1) -> tuple[int, int]:
    """The *nth* occurrence of *quote* as written: a span may end inside a character (before a
    Hebrew point), as stored offsets can, which :func:`locate_quote` would refuse."""
    start = find_occurrences(text, quote)[nth - 1]
    return start, start + len(quote)


TAGS = [
    Tag("t-claim", "claim", "#F4A261", "An assertion the author wants the reader to accept."),
    Tag("t-evidence", "evidence", "#2a9d8f", 'Facts, "data", <sources>.'),
    Tag("t-hostile", HOSTILE_TAG, "red;} body { display: none } .x {", 'desc with </td> and "quotes"'),
    Tag("t-short", "short colour", "#abc", ""),
]


def unicode_bundle() -> ExportBundle:
    """Three documents: overlapping/nested/adjacent/multi-line spans, hostile strings, none annotated."""
    text = UNICODE_TEXT
    family = "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    spans: list[tuple[str, tuple[int, int], str]] = [
        ("t-claim", span_of(text, f"Family {family}"), "family \U0001f914"),
        ("t-evidence", span_of(text, f"{family} and thumbs"), ""),  # overlaps the one above
        ("t-short", span_of(text, "and"), "nested"),  # inside the one above
        ("t-hostile", span_of(text, "\U0001f44d\U0001f3fd"), HOSTILE_NOTE),  # a ZWJ-less emoji with skin tone
        ("t-claim", span_of(text, "cafe\u0301"), "combining"),
        ("t-evidence", span_of(text, "na\u0308ive"), ""),
        ("t-claim", span_of(text, "100\u00a0\u20ac"), "nbsp\ninside"),
        ("t-evidence", span_of(text, "100\u00a0\u20ac"), "same span, other tag"),
        ("t-claim", span_of(text, "\u05e9\u05b8\u05c1\u05dc\u05d5\u05b9\u05dd \u05e2\u05d5\u05dc\u05dd"), "hebrew"),
        ("t-evidence", span_of(text, "\u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645"), ""),
        ("t-claim", span_of(text, "a==b is"), "equals inside"),
        ("t-evidence", span_of(text, "is code-ish; x\\"), "backslash at the end"),  # overlaps the one above
        ("t-short", span_of(text, "= here"), ""),  # after "y\\": a run of \\ before the mark
        ("t-claim", span_of(text, "see"), "before a bracket"),
        ("t-claim", span_of(text, 'tags</b> & ampersands "quoted".\nLast'), "across a line break"),
        ("t-hostile", span_of(text, "Last line \U0001f600"), ""),  # overlaps the one above on "Last"
    ]
    a, b = span_of(text, "and tabs.\n\n\u05e9")
    spans.append(("t-evidence", (a, b), "over a blank line"))
    a, _ = span_of(text, "  Indented")
    spans.append(("t-claim", (a, a + 10), "leading spaces"))
    doc1 = Document("d1", "Unicode \u05e9\u05dc\u05d5\u05dd \U0001f600", text, sha256_text(text),
                    {"source_file": "u.md", "language": "en", "pages": [1, 2]}, MOMENT)  # fmt: skip
    anns1 = [make_annotation("d1", text, tag, s, e, note) for tag, (s, e), note in spans]

    text2 = "Plain second document.\nNo highlights at all \U0001f44b."
    doc2 = Document("d2", "Nothing tagged", text2, sha256_text(text2), {}, MOMENT)

    text3 = "Short text with a [^1] footnote of its own and x(y) z.\n\n[^1]: Its own footnote."
    doc3 = Document("d3", HOSTILE_TITLE, text3, sha256_text(text3), {"note": HOSTILE_NOTE}, MOMENT)
    s1, e1 = span_of(text3, "Short text")
    s2 = text3.index("x(")
    e2 = s2 + 1
    anns3 = [
        make_annotation("d3", text3, "t-hostile", s1, e1, HOSTILE_NOTE),
        make_annotation("d3", text3, "t-claim", s2, e2, "before a parenthesis"),
        make_annotation("d3", text3, "t-evidence", e1, e1 + 5, ""),  # touches the first
    ]
    return ExportBundle(
        TAGS,
        [ExportedDocument(doc1, anns1), ExportedDocument(doc2, []), ExportedDocument(doc3, anns3)],
        "annotator test",
        MOMENT,
    )


def write(writer: Callable[[ExportBundle, io.BytesIO], None], bundle: ExportBundle) -> bytes:
    out = io.BytesIO()
    writer(bundle, out)
    return out.getvalue()


def test_formats_are_registered() -> None:
    md = format_by_id("md")
    assert md.reader is plaintext.read_text and md.writer is markdown.write_markdown
    assert md.default_extension == ".md"
    html = format_by_id("report")
    assert html.writer is report.write_html and html.reader is None
    assert {".html", ".htm"} <= set(html.extensions) and html.label == "HTML report"
    # One id, one meaning: "html" is the web page reader, and writes nothing.
    assert format_by_id("html").writer is None and format_by_id("html").reader is not None


def test_html_report_of_unicode_and_hostile_documents() -> None:
    bundle = unicode_bundle()
    data = write(report.write_html, bundle)
    root = check_html(data, *facts_of_bundle(bundle))
    # Hostile strings are shown as the text they are.
    assert HOSTILE_TAG in [el.text_content() for el in root.find_class("name")]
    assert root.xpath("//section[@id='d3']//h2")[0].text_content() == HOSTILE_TITLE
    assert HOSTILE_NOTE in [el.text_content() for el in root.find_class("note")]
    style = root.xpath("//style")[0].text_content()
    assert "red;" not in style and "body { display: none }" not in style
    # Overlapping spans stay visible: the same-span pair is one mark of both tags, blended.
    (block,) = root.xpath("//section[@id='d1']//div[contains(@class, 'text')]")
    marks, _ = walk_text_block(block)
    start, end = span_of(UNICODE_TEXT, "100\u00a0\u20ac")
    [(_, _, both)] = [(s, e, m) for s, e, m in marks if (s, e) == (start, end)]
    assert "mix" in _classes(both) and both.get("title").count("\n") >= 2
    # The document without annotations is there, whole and unmarked.
    (empty,) = root.xpath("//section[@id='d2']//div[contains(@class, 'text')]")
    assert len(empty) == 0 and empty.text_content() == bundle.documents[1].document.text


def test_html_report_carries_a_cr_and_keeps_offsets() -> None:
    text = "a\rb \U0001f600 c\u00a0d"  # a CR cannot be in stored text, but a writer must not move offsets if one is
    doc = Document("d", "CR", text, sha256_text(text), {}, MOMENT)
    bundle = ExportBundle(
        TAGS, [ExportedDocument(doc, [make_annotation("d", text, "t-claim", 2, 6, "n")])], "g", MOMENT
    )
    check_html(write(report.write_html, bundle), *facts_of_bundle(bundle))


def test_markdown_report_of_unicode_and_hostile_documents() -> None:
    bundle = unicode_bundle()
    md = write(markdown.write_markdown, bundle).decode("utf-8")
    check_markdown(md, *facts_of_bundle(bundle))
    # The third document has a footnote of its own, so our labels carry a prefix.
    assert "[^a1]: " in md and "\n[^1]: Its own footnote." in md
    # Hostile labels and notes are escaped: no raw HTML or link from them.
    assert not re.search(r"(?<!\\)<(script|img|/mark)|(?<!\\)\]\(http", md)
    # Overlapping spans are one mark; "=" and "\\" inside it are escaped, and a "\\" right
    # before a mark is a character reference; a bracket after a reference is not a link.
    assert "==a\\=\\=b is code-ish; x\\\\==[^a" in md
    assert "y&#92;==\\= here==[^a" in md
    assert re.search(r"==see==\[\^a\d+\]&#91;1\]", md)
    assert re.search(r"==x==\[\^a\d+\]&#40;y\)", md)


def test_markdown_keeps_a_plain_document_as_it_is() -> None:
    bundle = unicode_bundle()
    md = write(markdown.write_markdown, bundle).decode("utf-8")
    assert "\n" + bundle.documents[1].document.text + "\n\n" in md


# ---------------------------------------------------------------------------
# Through the export service, on SQLite and PostgreSQL


@pytest.fixture
def annotated(library: Library, seed_file: Path, tmp_path: Path) -> Library:
    """The seed article, a Unicode Markdown file, a CRLF file and an unannotated file, annotated."""
    unicode_file = tmp_path / "unicode.md"
    unicode_file.write_text(UNICODE_TEXT, encoding="utf-8")
    crlf_file = tmp_path / "crlf.txt"
    crlf_file.write_bytes(CRLF_FILE_TEXT.encode("utf-8"))
    plain_file = tmp_path / "plain.txt"
    plain_file.write_text("Untouched document\nwith two lines.", encoding="utf-8")
    importing.persist(
        library,
        [ImportBundle(documents=[], tags=[TagSpec(HOSTILE_TAG, "#123456", "hostile <b>description</b>")])],
    )
    result = importing.import_paths(library, [seed_file, unicode_file, crlf_file, plain_file])
    seed_id, unicode_id, crlf_id, _ = (r.id for r in result.documents)
    tags = {t.name: t.id for t in library.tags()}

    def tag(doc_id: str, quote: str, name: str, note: str = "", nth: int = 1) -> None:
        start, end = span_of(library.text(doc_id), quote, nth)
        annotating.create_annotation(library, document_id=doc_id, tag_id=tags[name], start=start, end=end, note=note)

    seed = library.text(seed_id)
    tag(seed_id, seed[:40], "claim", "headline \U0001f4f0")
    tag(seed_id, seed[10:60], "evidence", "overlaps the headline")
    tag(seed_id, "Kazakhstan", "speculation", nth=3)
    tag(seed_id, seed[-30:], HOSTILE_TAG, HOSTILE_NOTE)
    tag(unicode_id, "\U0001f469\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466", "claim", "zwj family")
    tag(unicode_id, "cafe\u0301 na\u0308ive", "evidence", "")
    tag(unicode_id, "\u05e2\u05d5\u05dc\u05dd and \u0645\u0631\u062d\u0628\u0627", "speculation", "rtl\nand ltr")
    tag(unicode_id, "100\u00a0\u20ac", HOSTILE_TAG, "nbsp")
    tag(crlf_id, "\u00e9vidence\n\nSecond", "evidence", "crosses what were CRLFs")
    tag(crlf_id, "\U0001f4d8", "claim", "")
    assert "\r" not in library.text(crlf_id)
    return library


def test_html_export_through_the_service(annotated: Library, tmp_path: Path) -> None:
    out = io.BytesIO()
    assert exporting.export(annotated, out, format_id="report") == 4
    docs, tags = facts_of_library(annotated)
    root = check_html(out.getvalue(), docs, tags)
    assert len(root.xpath("//nav[contains(@class, 'contents')]//a")) == 4
    # export_to_path writes the same report to a file.
    path = tmp_path / "report.html"
    assert exporting.export_to_path(annotated, path, format_id="report") == 4
    check_html(path.read_bytes(), docs, tags)


def test_markdown_export_through_the_service(annotated: Library, tmp_path: Path) -> None:
    out = io.BytesIO()
    assert exporting.export(annotated, out, format_id="md") == 4
    docs, tags = facts_of_library(annotated)
    check_markdown(out.getvalue().decode("utf-8"), docs, tags)
    # One selected document, written to a file.
    first = annotated.documents()[0].id
    path = tmp_path / "notes.md"
    assert exporting.export_to_path(annotated, path, format_id="md", document_ids=[first]) == 1
    check_markdown(path.read_text(encoding="utf-8"), docs[:1], tags)


def test_single_document_html_export_of_an_unannotated_document(library: Library, tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Just text \u05e9\u05dc\u05d5\u05dd.\n", encoding="utf-8")
    doc_id = importing.import_paths(library, [path]).documents[0].id
    out = io.BytesIO()
    exporting.export(library, out, format_id="report", document_ids=[doc_id])
    root = check_html(out.getvalue(), *facts_of_library(library))
    assert root.xpath("//nav") == [] and root.find_class("notes") == []


# ---------------------------------------------------------------------------
# Properties over random texts and spans

ALPHABET = st.sampled_from(
    list("ab =\\([])<>&\"'*_#`\n\t ") + ["\u00a0", "\U0001f600", "\u200d", "\u0301", "\u05e9", "\u0645", "\r"]
)
MD_ALPHABET = st.sampled_from(
    list("ab =\\([])<>\"'*_#`\n\t ") + ["\u00a0", "\U0001f600", "\u200d", "\u0301", "\u05e9", "\u0645"]
)


@st.composite
def bundles(draw: st.DrawFn, alphabet: st.SearchStrategy[str]) -> ExportBundle:
    text = draw(st.text(alphabet, min_size=1, max_size=60))
    names = draw(
        st.lists(st.text(ALPHABET, min_size=1, max_size=8).filter(str.strip), min_size=1, max_size=3, unique=True)
    )
    colors = draw(st.lists(st.sampled_from(["#f4a261", "#ABC", "blue", "#12345g", ""]), min_size=3, max_size=3))
    tags = [Tag(f"t{i}", name, colors[i], name[::-1]) for i, name in enumerate(names)]
    spans = draw(
        st.lists(
            st.tuples(st.integers(0, len(text) - 1), st.integers(1, len(text)), st.sampled_from(tags),
                      st.text(ALPHABET, max_size=10)),
            max_size=8,
        )
    )  # fmt: skip
    anns = [
        make_annotation("d", text, tag.id, min(s, e), max(s, e), note, ann_id=f"a{i}")
        for i, (s, e, tag, note) in enumerate(spans)
        if min(s, e) < max(s, e)
    ]
    doc = Document("d", draw(st.text(ALPHABET, max_size=10)), text, sha256_text(text), {}, MOMENT)
    return ExportBundle(tags, [ExportedDocument(doc, anns)], "g", MOMENT)


@settings(max_examples=150, deadline=None)
@given(bundles(ALPHABET))
def test_html_report_on_random_texts_and_spans(bundle: ExportBundle) -> None:
    check_html(write(report.write_html, bundle), *facts_of_bundle(bundle))


@settings(max_examples=150, deadline=None)
@given(bundles(MD_ALPHABET))
def test_markdown_report_on_random_texts_and_spans(bundle: ExportBundle) -> None:
    text = bundle.documents[0].document.text
    # The undoing regex cannot tell an "==" of the text itself from a mark.
    if "==" in text:
        return
    check_markdown(write(markdown.write_markdown, bundle).decode("utf-8"), *facts_of_bundle(bundle))


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 80).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 30), st.sampled_from("xyz")), max_size=12),
            st.integers(1, 9),
        )
    )
)
def test_windowed_pieces_equal_one_segments_call(case: tuple[int, list[tuple[int, int, str]], int]) -> None:
    length, raw, window = case
    spans = [Span(s, min(length, s + w), tag, f"a{i:02}") for i, (s, w, tag) in enumerate(raw) if s < length]
    whole = segments(sorted(spans, key=lambda s: (s.start, s.end, s.annotation_id)), 0, length)
    assert report.highlight_pieces(spans, length, window) == whole


@pytest.mark.parametrize(
    ("color", "expected"),
    [("#F4A261", "#f4a261"), ("#abc", "#aabbcc"), ("red", "#999999"), ("#12345", "#999999"),
     ("#1234567", "#999999"), ("#f4a261;} body{", "#999999"), ("", "#999999")],
)  # fmt: skip
def test_colours_reach_css_only_when_valid(color: str, expected: str) -> None:
    assert report.safe_color(color) == expected


def test_large_document_is_written_whole() -> None:
    """5,000 annotations (one spanning everything) over ~150,000 code points, through the windowed path."""
    rng = random.Random(7)
    pieces = ["word ", "\U0001f600 ", "caf\u00e9\n", "\u05e9\u05dc\u05d5\u05dd\u00a0"]
    text = "".join(rng.choice(pieces) for _ in range(30000))
    doc = Document("d", "Big", text, sha256_text(text), {}, MOMENT)
    anns = [Annotation("all", "d", "t-claim", 0, len(text), text, "", "", "", "", MOMENT, MOMENT)]
    for i in range(5000):
        s = rng.randrange(len(text) - 50)
        e = s + rng.randint(1, 40)
        anns.append(Annotation(f"a{i}", "d", TAGS[i % 2].id, s, e, text[s:e], "", "", "n" if i % 3 else "", "",
                               MOMENT, MOMENT))  # fmt: skip
    bundle = ExportBundle(TAGS, [ExportedDocument(doc, anns)], "g", MOMENT)
    html = write(report.write_html, bundle)
    md = write(markdown.write_markdown, bundle)
    root = lxml.html.document_fromstring(html)
    assert root.find_class("text")[0].text_content() == text
    md_text = md.decode("utf-8")
    body = md_text[md_text.index("\n## Big\n\n") :].split("\n\n", 2)[2]
    assert undo_markdown(body[: body.index("\n\n[^1]: ")], "")[0] == text


def test_markdown_keeps_a_line_break_right_before_a_highlight_after_an_escape() -> None:
    """Found by Hypothesis: "$" in the escape regex matched before a final newline and ate it."""
    text = "<=\n<"
    doc = Document("d", "t", text, sha256_text(text), {}, MOMENT)
    anns = [Annotation("a", "d", TAGS[0].id, 2, 4, "\n<", "<=", "", "", "", MOMENT, MOMENT)]
    md = write(markdown.write_markdown, ExportBundle(TAGS, [ExportedDocument(doc, anns)], "g", MOMENT)).decode("utf-8")
    assert "\n\n<=\n==<==[^1]\n" in md


def test_an_html_report_is_refused_as_an_import(library, tmp_path) -> None:
    """The page reader would turn the legend and notes into article text; it says what to import instead."""
    from annotator.formats.base import FormatError
    from annotator.services import exporting, importing
    from tests._snapshot import library_contents

    source = tmp_path / "doc.txt"
    source.write_text("A text worth reporting on.\n", encoding="utf-8")
    importing.import_paths(library, [source])
    report_path = tmp_path / "report.html"
    exporting.export_to_path(library, report_path, format_id="report")
    before = library_contents(library)
    with pytest.raises(FormatError, match="Annotator HTML report"):
        importing.import_paths(library, [report_path])
    assert library_contents(library) == before
