"""Formats: study notes (``notes``): what was marked, gathered for writing.

Per document, the annotations grouped by tag (in the codebook's order) or in text
order, each as the fields the user chose, in the order chosen (option ``fields``,
e.g. ``quote,note,tag,page,link,coder``; the Export dialog remembers them per
library). The quote is the stored text at the annotation's offsets. ``page`` is
the PDF page the quote starts on (``metadata["pages"]``, page start offsets) or
the EPUB chapter (``metadata["chapters"]``); documents without either have none.
``link`` is an ``annotator://document/<id>?start=<s>&end=<e>`` URL whose text is
the offsets (code points into the stored text).

Written as Markdown, HTML or DOCX (option ``style``). The style follows the file
name's extension (``.md``, ``.html``, ``.docx``) when the option is not given; those
extensions belong to the Markdown export, the HTML report and the Word reader, so
``notes`` is never inferred from a name: it is chosen with ``--format notes`` or in
the Export dialog. Markdown escapes every Markdown-significant character of user
text (and a line-leading list marker), so a quote shows as typed; HTML is one
self-contained, escaped page with a print stylesheet; DOCX is made with python-docx.
"""

from __future__ import annotations

import io
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, BinaryIO
from urllib.parse import quote as url_quote

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import Annotation, Document
from annotator.formats.base import ExportBundle, Format, Option, OptionError
from annotator.formats.markdown import md_label
from annotator.formats.report import METADATA_SEPARATOR, Codebook, escape_html, in_text_order, safe_color, tint, utc

FIELDS = ("quote", "note", "tag", "page", "link", "offsets", "coder")
DEFAULT_FIELDS = "quote,note,tag,page,link"
STYLES = ("md", "html", "docx")
#: Field -> how it is named before its value (the quote and the note stand on their own).
_NAMES = {"tag": "Tag", "page": "Page", "offsets": "Offsets", "coder": "Coder"}
_LIST_MARKER = re.compile(r"^(\s*)(\d+)([.)])|^(\s*)([-+])")  # a list item, a rule or a setext underline


def chosen_fields(text: str | None) -> list[str]:
    """The fields named in *text* (comma-separated), in its order; :class:`OptionError` for an unknown one."""
    names = [n.strip().lower() for n in (text or DEFAULT_FIELDS).split(",") if n.strip()]
    unknown = [n for n in names if n not in FIELDS]
    if unknown or not names:
        raise OptionError(f"option 'fields' takes names from {', '.join(FIELDS)}, not {text!r}")
    return list(dict.fromkeys(names))


def annotator_url(document_id: str, start: int, end: int) -> str:
    """The link back to a span: document id and code point offsets."""
    return f"annotator://document/{url_quote(document_id, safe='')}?start={start}&end={end}"


def page_of(doc: Document, offset: int) -> str:
    """Where *offset* lies in the source: "p. N" (PDF page starts), "ch. N: title" (EPUB), or ""."""
    pages = doc.metadata.get("pages")
    if isinstance(pages, list) and pages and all(isinstance(p, int) for p in pages):
        return f"p. {bisect_right(pages, offset) or 1}"
    chapters = doc.metadata.get("chapters")
    if isinstance(chapters, list) and chapters:
        starts = [c.get("start", 0) if isinstance(c, dict) else 0 for c in chapters]
        n = bisect_right(starts, offset) or 1
        title = chapters[n - 1].get("title") if isinstance(chapters[n - 1], dict) else ""
        return f"ch. {n}: {' '.join(str(title).split())}" if title else f"ch. {n}"
    return ""


@dataclass(frozen=True, slots=True)
class Entry:
    """Formats: one annotation as study notes show it; ``values`` the chosen fields in order."""

    annotation: Annotation
    quote: str
    values: list[tuple[str, str]]

    def blocks(self) -> list[tuple[str, str | list[tuple[str, str]]]]:
        """The values as shown: ``("quote", text)``, ``("note", text)`` (when there is one) and, for
        each run of the other fields, ``("meta", [(field, value), ...])`` (one line, empty ones left out)."""
        out: list[tuple[str, str | list[tuple[str, str]]]] = []
        for field, value in self.values:
            if field in ("quote", "note"):
                if value or field == "quote":
                    out.append((field, value))
            elif value:
                if out and out[-1][0] == "meta":
                    meta = out[-1][1]
                    assert isinstance(meta, list)
                    meta.append((field, value))
                else:
                    out.append(("meta", [(field, value)]))
        return out


@dataclass(frozen=True, slots=True)
class Group:
    """Formats: a tag's entries (``tag`` None: text order, no grouping) with its colour."""

    tag: str | None
    color: str
    entries: list[Entry]


def gather(bundle: ExportBundle) -> list[tuple[Document, list[Group]]]:
    """Each document and its groups, as the options say (grouping, fields and their order)."""
    fields = chosen_fields(bundle.options.get("fields"))
    by_tag = bundle.options.get("order", "tag") == "tag"
    codebook = Codebook(bundle.tags)
    out = []
    for exported in bundle.documents:
        d = in_text_order(exported)
        doc = d.document
        entries = []
        for a in d.annotations:
            tag = codebook[a.tag_id].name
            value = {
                "quote": doc.text[a.start : a.end],
                "note": a.note,
                "tag": tag,
                "page": page_of(doc, a.start),
                "link": annotator_url(doc.id, a.start, a.end),
                "offsets": f"{a.start}\u2013{a.end}",
                "coder": a.coder,
            }
            entries.append(Entry(a, value["quote"], [(f, value[f]) for f in fields]))
        if by_tag:
            groups: dict[str, list[Entry]] = {}
            for e in sorted(entries, key=lambda e: codebook[e.annotation.tag_id].index):  # stable: text order kept
                groups.setdefault(e.annotation.tag_id, []).append(e)
            out.append((doc, [Group(codebook[t].name, codebook[t].color, es) for t, es in groups.items()]))
        else:
            out.append((doc, [Group(None, "", entries)] if entries else []))
    return out


# ---------------------------------------------------------------------------
# Markdown


def _md_line(line: str) -> str:
    """One line of user text as literal Markdown: specials escaped, a leading list marker too."""
    line = md_label(line)
    return _LIST_MARKER.sub(lambda m: f"{m[1]}{m[2]}\\{m[3]}" if m[2] else f"{m[4]}\\{m[5]}", line, count=1)


def _md_block(text: str, prefix: str) -> str:
    """Multi-line user text, each line escaped and prefixed (``> `` for a quote)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(f"{prefix}{_md_line(line)}".rstrip() for line in lines)


def render_markdown(bundle: ExportBundle) -> str:
    out = ["# Study notes\n\n"]
    for doc, groups in gather(bundle):
        out.append(f"## {md_label(doc.title) or 'Untitled'}\n\n")
        if not groups:
            out.append("No annotations.\n\n")
        for group in groups:
            if group.tag is not None:
                out.append(f"### {md_label(group.tag)}\n\n")
            for entry in group.entries:
                a = entry.annotation
                for kind, value in entry.blocks():
                    if isinstance(value, list):
                        shown = [
                            f"[{a.start}\u2013{a.end}](<{v}>)" if f == "link" else f"{_NAMES[f]}: {md_label(v)}"
                            for f, v in value
                        ]
                        out.append(METADATA_SEPARATOR.join(shown) + "\n\n")
                    else:
                        out.append(_md_block(value, "> " if kind == "quote" else "") + "\n\n")
                out.append("---\n\n")
    return "".join(out)


# ---------------------------------------------------------------------------
# HTML

_CSS = """\
:root { color-scheme: light; }
body { font: 17px/1.6 Georgia, "Times New Roman", serif; color: #1d1d1f; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h2 { margin-top: 2.5rem; border-top: 1px solid #ccc; padding-top: 1rem; }
h3 { border-left: 6px solid var(--line, #999); padding-left: 0.5rem; }
article.entry { margin: 0 0 1.2rem; }
blockquote { margin: 0 0 0.3rem; padding: 0.2rem 0.8rem; white-space: pre-wrap;
  background: var(--bg, #f3f3f3); border-left: 3px solid var(--line, #999); }
.note { white-space: pre-wrap; margin: 0.2rem 0; }
.meta { color: #555; font: 0.85rem/1.45 system-ui, sans-serif; margin: 0.1rem 0; }
@page { margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; }
  section.document + section.document { break-before: page; }
  h2, h3 { break-after: avoid; }
  article.entry { break-inside: avoid; }
  a { color: inherit; }
  blockquote, h3 { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def render_html(bundle: ExportBundle) -> str:
    body = ["<h1>Study notes</h1>"]
    for doc, groups in gather(bundle):
        body.append(f'<section class="document">\n<h2 dir="auto">{escape_html(doc.title or "Untitled")}</h2>')
        if not groups:
            body.append('<p class="meta">No annotations.</p>')
        for group in groups:
            style = ""
            if group.tag is not None:
                color = safe_color(group.color)  # only validated colours reach the style attribute
                style = f' style="--line: {color}; --bg: {tint(color, 0.25)}"'
                body.append(f'<section class="tag"{style}>\n<h3 dir="auto">{escape_html(group.tag)}</h3>')
            for entry in group.entries:
                parts = []
                a = entry.annotation
                for kind, value in entry.blocks():
                    if isinstance(value, list):
                        shown = [
                            f'<a href="{escape_html(v)}">{a.start}\u2013{a.end}</a>'
                            if f == "link"
                            else f"{_NAMES[f]}: <bdi>{escape_html(v)}</bdi>"
                            for f, v in value
                        ]
                        parts.append(f'<p class="meta">{METADATA_SEPARATOR.join(shown)}</p>')
                    elif kind == "quote":
                        parts.append(f'<blockquote dir="auto">{escape_html(value)}</blockquote>')
                    else:
                        parts.append(f'<p class="note" dir="auto">{escape_html(value)}</p>')
                body.append('<article class="entry">' + "".join(parts) + "</article>")
            if group.tag is not None:
                body.append("</section>")
        body.append("</section>")
    exported = utc(bundle.exported_at).strftime("%Y-%m-%d %H:%M UTC")
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta http-equiv="Content-Security-Policy" '
        "content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape_html(bundle.generator)}">\n'
        f'<meta name="date" content="{exported}">\n'
        f"<title>Study notes</title>\n<style>\n{_CSS}</style>\n</head>\n<body>\n"
        + "\n".join(body)
        + "\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------------------
# DOCX


def write_docx(bundle: ExportBundle, out: BinaryIO) -> None:
    """The notes as a Word document (python-docx): headings, quotes in the Quote style, notes, a meta line."""
    import docx

    document = docx.Document()
    document.add_heading("Study notes", level=0)
    for doc, groups in gather(bundle):
        document.add_heading(_docx_text(doc.title) or "Untitled", level=1)
        if not groups:
            document.add_paragraph("No annotations.")
        for group in groups:
            if group.tag is not None:
                document.add_heading(_docx_text(group.tag), level=2)
            for entry in group.entries:
                a = entry.annotation
                for kind, value in entry.blocks():
                    if isinstance(value, list):
                        shown = [
                            f"{a.start}\u2013{a.end} {v}" if f == "link" else f"{_NAMES[f]}: {v}" for f, v in value
                        ]
                        document.add_paragraph(_docx_text(METADATA_SEPARATOR.join(shown)))
                    else:
                        document.add_paragraph(_docx_text(value), style="Quote" if kind == "quote" else None)
    buffer = io.BytesIO()
    document.save(buffer)
    out.write(buffer.getvalue())


_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _docx_text(value: str) -> str:
    """*value* as XML can hold it (controls a Word file cannot carry become U+FFFD)."""
    return _XML_UNSAFE.sub("\ufffd", value)


# ---------------------------------------------------------------------------


def write_notes(bundle: ExportBundle, out: BinaryIO) -> None:
    """Write the study notes in the chosen style (Markdown without one)."""
    style = bundle.options.get("style") or "md"
    if style == "docx":
        write_docx(bundle, out)
    elif style == "html":
        out.write(render_html(bundle).encode("utf-8", "xmlcharrefreplace"))
    else:
        out.write(render_markdown(bundle).encode("utf-8"))


def options_for_name(name: str, options: dict[str, Any]) -> dict[str, Any]:
    """*options* with the style the file *name*'s extension says; :class:`OptionError` if a chosen
    style contradicts it (a file never holds what its name does not say)."""
    suffix = PurePath(name).suffix.lower().lstrip(".")
    if suffix not in STYLES:
        return options
    chosen = options.get("style")
    if chosen is not None and chosen != suffix:
        raise OptionError(f"the style {chosen} does not write a .{suffix} file: change the style or the name")
    return {**options, "style": suffix}


def extension_for(options: dict[str, Any]) -> str:
    """The extension a file of these notes gets."""
    return "." + (options.get("style") or "md")


_STYLE_LABELS: Sequence[str] = (
    QT_TRANSLATE_NOOP("formats", "Markdown"),
    QT_TRANSLATE_NOOP("formats", "HTML"),
    QT_TRANSLATE_NOOP("formats", "Word (DOCX)"),
)

FORMATS: list[Format] = [
    Format(
        id="notes",
        label=QT_TRANSLATE_NOOP("formats", "Study notes"),
        extensions=(".md", ".html", ".docx"),
        writer=write_notes,
        named_only=True,
        remember_options=True,
        options_for_name=options_for_name,
        extension_for=extension_for,
        options=(
            Option(
                "style",
                "choice",
                QT_TRANSLATE_NOOP("formats", "Markdown, HTML or DOCX; default: the file's extension"),
                choices=STYLES,
                label=QT_TRANSLATE_NOOP("formats", "Style"),
                choice_labels=tuple(_STYLE_LABELS),
                default_label=QT_TRANSLATE_NOOP("formats", "from the file name"),
            ),
            Option(
                "order",
                "choice",
                QT_TRANSLATE_NOOP("formats", "Group by tag, or keep text order"),
                choices=("tag", "text"),
                default="tag",
                label=QT_TRANSLATE_NOOP("formats", "Order"),
                choice_labels=(QT_TRANSLATE_NOOP("formats", "By tag"), QT_TRANSLATE_NOOP("formats", "Text order")),
            ),
            Option(
                "fields",
                "str",
                QT_TRANSLATE_NOOP("formats", "Fields and their order: quote, note, tag, page, link, offsets, coder"),
                default=DEFAULT_FIELDS,
                label=QT_TRANSLATE_NOOP("formats", "Fields"),
            ),
        ),
    ),
]
