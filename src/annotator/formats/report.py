"""Formats: the HTML report (``report``), a self-contained page for people to read, and
what reports share (the Markdown export, :mod:`annotator.formats.markdown`, uses it too).

Both reports show each document's stored text with its annotations highlighted
in place; neither is meant to be imported back (the web page reader, format
``html``, refuses an HTML report by its ``generator``).

The report is one UTF-8 file with inline CSS, no scripts and nothing loaded from elsewhere
(a Content-Security-Policy says so to the browser too); it prints well (a
print stylesheet, one document per page). For each document: title, a
metadata line, counts per tag, the text, and its notes as numbered
footnotes. The text is cut into the pieces covered by the same set of
annotations (:func:`annotator.core.spans.segments`); each piece is a flat
``<mark>`` coloured like the app: one tag is a tint of its colour, several
are blended and underlined in the colour of the tag that starts last. Its
``title`` lists every covering annotation as ``tag: note``. The text block
(``div.text``, ``white-space: pre-wrap``) holds the stored text and nothing
else, so its text content equals the stored text code point for code point
and offsets stay honest; footnote references are therefore empty links
whose number is drawn by CSS (``a.fnref::after``), placed where the
annotation ends, and each note links back. Footnotes are numbered per
document in the order their references appear. Every piece of user text
(titles, tag names, descriptions, notes, metadata) is escaped, and tag
colours reach the CSS only as validated ``#rrggbb`` (anything else is shown
grey). Two characters cannot be carried exactly: a CR is written as
``&#13;`` (HTML parsers would turn a raw one into LF) and a NUL, which HTML
cannot hold, becomes U+FFFD; stored text has neither in practice.

Offsets everywhere are code points into the stored text, as in the database.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, BinaryIO

import orjson

from annotator.core.codebook import labels
from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import Annotation, Document, Tag
from annotator.core.spans import Span, SpanIndex, segments
from annotator.formats.base import ExportBundle, ExportedDocument, Format

#: Shown for a tag whose colour is not a hex colour, or an annotation whose tag is unknown.
FALLBACK_COLOR = "#999999"
#: Code points per window in which :func:`highlight_pieces` asks ``segments`` for pieces.
WINDOW = 2048
#: Between the items of a metadata line.
METADATA_SEPARATOR = " \u00b7 "
#: Longest quote shown in a footnote, in code points.
EXCERPT_LENGTH = 80

_HEX_COLOR = re.compile(r"#(?:[0-9a-fA-F]{6}|[0-9a-fA-F]{3})")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


# ---------------------------------------------------------------------------
# Shared: tags, colours, spans


def safe_color(value: object) -> str:
    """A colour fit for CSS: ``#rrggbb`` (``#rgb`` is widened), or grey for anything else."""
    if not isinstance(value, str) or not _HEX_COLOR.fullmatch(value):
        return FALLBACK_COLOR
    digits = value[1:].lower()
    if len(digits) == 3:
        digits = "".join(c * 2 for c in digits)
    return "#" + digits


def _rgb(color: str) -> tuple[int, int, int]:
    return int(color[1:3], 16), int(color[3:5], 16), int(color[5:7], 16)


def _hex(channels: Iterable[float]) -> str:
    return "#" + "".join(f"{max(0, min(255, round(c))):02x}" for c in channels)


def tint(color: str, strength: float) -> str:
    """*color* (``#rrggbb``) mixed with white; strength 1.0 is the colour itself, as the text pane paints."""
    return _hex(255 - (255 - c) * strength for c in _rgb(color))


def blend(colors: list[str]) -> str:
    """The average of *colors* (``#rrggbb``), as the text pane blends overlapping tags."""
    return _hex(sum(channel) / len(colors) for channel in zip(*(_rgb(c) for c in colors)))


@dataclass(frozen=True, slots=True)
class TagInfo:
    """Formats: what a report shows of a tag; ``index`` names its CSS class (``t<index>``)."""

    index: int
    name: str
    color: str
    description: str


class Codebook:
    """Formats: the export's tags by id, with a grey stand-in for an id the bundle lacks.

    A tag's ``name`` here is its label (:func:`annotator.core.codebook.labels`): its name,
    or its shortest path where two tags share the name.
    """

    def __init__(self, tags: list[Tag]) -> None:
        shown = labels(tags)  # the name, or a path where two tags share it
        self._by_id = {t.id: TagInfo(i, shown[t.id], safe_color(t.color), t.description) for i, t in enumerate(tags)}

    def __getitem__(self, tag_id: str) -> TagInfo:
        info = self._by_id.get(tag_id)
        if info is None:
            info = TagInfo(len(self._by_id), "unknown tag", FALLBACK_COLOR, "")
            self._by_id[tag_id] = info
        return info

    def __iter__(self) -> Iterator[TagInfo]:
        return iter(sorted(self._by_id.values(), key=lambda t: t.index))


def in_text_order(exported: ExportedDocument) -> ExportedDocument:
    """The document with only the annotations whose span lies in its text, sorted by (start, end)."""
    n = len(exported.document.text)
    inside = (a for a in exported.annotations if 0 <= a.start < a.end <= n)
    return replace(exported, annotations=sorted(inside, key=lambda a: (a.start, a.end, a.id)))


def highlight_pieces(
    spans: list[Span], length: int, window: int | None = None
) -> list[tuple[int, int, tuple[str, ...]]]:
    """``segments(spans, 0, length)``, computed window by window.

    ``segments`` compares every cut with every span it is given, so one call
    over a long text with thousands of annotations is quadratic. Asked per
    window, with only the spans a :class:`SpanIndex` finds overlapping it, the
    work stays proportional to the text; pieces cut at a window's edge are
    joined again, so the result is exactly that of the single call (spans in
    (start, end, id) order).
    """
    window = window or WINDOW
    index = SpanIndex(spans)
    out: list[tuple[int, int, tuple[str, ...]]] = []
    for w_start in range(0, length, window):
        w_end = min(length, w_start + window)
        inside = index.overlapping(w_start, w_end)
        if not inside:
            continue
        for piece in segments(inside, w_start, w_end):
            if out and out[-1][1] == piece[0] and out[-1][2] == piece[2]:
                out[-1] = (out[-1][0], piece[1], piece[2])
            else:
                out.append(piece)
    return out


def metadata_items(metadata: dict[str, Any]) -> list[tuple[str, str]]:
    """A document's metadata as (key, value) strings; structured values as compact JSON."""
    items = []
    for key, value in metadata.items():
        if value is None or value == "":
            continue
        if isinstance(value, str):
            shown = value
        elif isinstance(value, bool | int | float):
            shown = str(value)
        else:
            try:
                shown = orjson.dumps(value).decode()
            except (TypeError, orjson.JSONEncodeError):
                shown = str(value)
        if len(shown) > 200:
            shown = shown[:199] + "\u2026"
        items.append((str(key), shown))
    return items


def excerpt(quote: str) -> str:
    """A quote short enough for a footnote, on one line, cut at a space where one is near."""
    flat = " ".join(quote.split())
    if len(flat) <= EXCERPT_LENGTH:
        return flat
    cut = flat.rfind(" ", EXCERPT_LENGTH // 2, EXCERPT_LENGTH)
    return flat[: cut if cut > 0 else EXCERPT_LENGTH] + "\u2026"


def plural(n: int, word: str) -> str:
    """*n* and *word*, plural unless *n* is 1 ("3 annotations")."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {word}s"


def utc(moment: datetime) -> datetime:
    """*moment* in UTC (a naive one is taken as UTC)."""
    return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)


# ---------------------------------------------------------------------------
# HTML report


def escape_html(value: object) -> str:
    """User text for HTML content or a quoted attribute value, escaped.

    A CR becomes ``&#13;`` (a parser turns a raw one into LF, which would move
    offsets) and a NUL, which HTML cannot hold, U+FFFD.
    """
    out = html.escape(str(value), quote=True)
    if "\r" in out or "\x00" in out:
        out = out.replace("\r", "&#13;").replace("\x00", "\ufffd")
    return out


_CSS = """\
:root { color-scheme: light; }
body { font: 17px/1.6 Georgia, "Times New Roman", serif; color: #1d1d1f; background: #fff;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.7rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; margin: 3rem 0 0.3rem; padding-top: 1.2rem; border-top: 1px solid #ccc; }
h3 { font-size: 1rem; margin: 2rem 0 0.5rem; }
.meta { color: #555; font: 0.85rem/1.45 system-ui, sans-serif; margin: 0.2rem 0 0.8rem; }
table { border-collapse: collapse; font: 0.85rem/1.4 system-ui, sans-serif; margin: 0.5rem 0 1.2rem; }
th, td { text-align: left; padding: 0.2rem 0.6rem; border-bottom: 1px solid #ddd; vertical-align: top; }
th.count, td.count { text-align: right; font-variant-numeric: tabular-nums; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; unicode-bidi: plaintext; tab-size: 4; }
mark { color: inherit; background-color: var(--bg); border-radius: 2px; }
mark.mix { text-decoration: underline 2px var(--line); text-decoration-skip-ink: none;
  text-underline-offset: 3px; }
.chip { background-color: var(--bg); border-left: 4px solid var(--line); border-radius: 3px;
  padding: 0 0.35em; font: 0.85em system-ui, sans-serif; }
.swatch { display: inline-block; width: 1.1em; height: 1.1em; border-radius: 3px;
  background-color: var(--bg); border: 2px solid var(--line); vertical-align: -0.2em; }
a.fnref { text-decoration: none; font: 700 0.68em system-ui, sans-serif; vertical-align: super;
  line-height: 0; padding: 0 0.12em; }
a.fnref::after { content: attr(data-n); }
ol.notes { font: 0.9rem/1.5 system-ui, sans-serif; padding-left: 2rem; }
ol.notes li { margin-bottom: 0.4rem; }
ol.notes .note { white-space: pre-wrap; }
ol.notes q { color: #444; }
a.back { text-decoration: none; }
:target { outline: 2px solid #888; outline-offset: 2px; }
@page { margin: 18mm 16mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 11pt; }
  nav.contents, a.back { display: none; }
  section.document { break-before: page; }
  h2 { border-top: none; margin-top: 0; }
  h2, h3 { break-after: avoid; }
  tr, ol.notes li { break-inside: avoid; }
  a { color: inherit; }
  mark, .chip, .swatch { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark { border-bottom: 1.5pt solid var(--line); }
}
"""


class _HtmlReport:
    """Formats: builds one HTML report; collects the colour mixes its marks use for the CSS."""

    def __init__(self, bundle: ExportBundle) -> None:
        self.bundle = bundle
        self.codebook = Codebook(bundle.tags)
        self.mixes: dict[tuple[int, ...], int] = {}  # tag indices -> number of its ``m<n>`` class

    def render(self) -> str:
        docs = [in_text_order(d) for d in self.bundle.documents]
        totals = Counter(a.tag_id for d in docs for a in d.annotations)
        body = [self._header(docs), self._legend(totals)]
        if len(docs) > 1:
            body.append(self._contents(docs))
        for number, d in enumerate(docs, 1):
            body.append(self._document(f"d{number}", d.document, d.annotations))
        if len(docs) == 1:
            title = f"{docs[0].document.title or 'Untitled'} \u2013 annotations"
        else:
            title = f"Annotated documents ({len(docs)})"
        return (
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta http-equiv="Content-Security-Policy" '
            "content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="{escape_html(self.bundle.generator)}">\n'
            f"<title>{escape_html(title)}</title>\n<style>\n{_CSS}{self._tag_css()}</style>\n</head>\n<body>\n"
            + "\n".join(body)
            + "\n</body>\n</html>\n"
        )

    # -- colours

    def _tag_css(self) -> str:
        # Only validated colours and generated class names reach the stylesheet.
        rules = [f".t{t.index} {{ --bg: {tint(t.color, 0.38)}; --line: {t.color}; }}" for t in self.codebook]
        by_index = {t.index: t for t in self.codebook}
        for indices, number in self.mixes.items():
            colors = [by_index[i].color for i in indices]
            rules.append(f".m{number} {{ --bg: {tint(blend(colors), 0.55)}; --line: {colors[-1]}; }}")
        return "\n".join(rules) + "\n"

    def _classes(self, indices: tuple[int, ...]) -> str:
        names = " ".join(f"t{i}" for i in indices)
        if len(indices) == 1:
            return names
        number = self.mixes.setdefault(indices, len(self.mixes))
        return f"{names} mix m{number}"

    def _chip(self, tag: TagInfo) -> str:
        return f'<span class="chip t{tag.index}"><bdi>{escape_html(tag.name)}</bdi></span>'

    # -- page parts

    def _header(self, docs: list[ExportedDocument]) -> str:
        count = sum(len(d.annotations) for d in docs)
        exported = utc(self.bundle.exported_at).strftime("%Y-%m-%d %H:%M UTC")
        blind = " \u00b7 coded blind (each coder saw only their own annotations)" if self.bundle.blind_coding else ""
        return (
            "<header>\n<h1>Annotated documents</h1>\n"
            f'<p class="meta">{plural(len(docs), "document")} \u00b7 {plural(count, "annotation")} \u00b7 '
            f"exported {exported} by <bdi>{escape_html(self.bundle.generator)}</bdi>{blind}</p>\n</header>"
        )

    def _legend(self, totals: Counter[str]) -> str:
        counts = {self.codebook[tag_id].index: n for tag_id, n in totals.items()}
        rows = [
            f'<tr class="tag t{t.index}"><td><span class="swatch t{t.index}"></span></td>'
            f'<td class="name"><bdi>{escape_html(t.name)}</bdi></td>'
            f'<td class="description" dir="auto">{escape_html(t.description)}</td>'
            f'<td class="count">{counts.get(t.index, 0):,}</td></tr>'
            for t in self.codebook
        ]
        return (
            '<section class="legend" aria-labelledby="legend-title">\n<h2 id="legend-title">Tags</h2>\n'
            '<table class="legend">\n<thead><tr><th>Colour</th><th>Tag</th>'
            '<th>Description</th><th class="count">Annotations</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows)
            + f"\n</tbody>\n<tfoot><tr><td></td><td>All tags</td><td></td>"
            f'<td class="count">{sum(totals.values()):,}</td></tr></tfoot>\n</table>\n</section>'
        )

    def _contents(self, docs: list[ExportedDocument]) -> str:
        items = [
            f'<li><a href="#d{n}"><bdi>{escape_html(d.document.title or "Untitled")}</bdi></a> '
            f'<span class="meta">({plural(len(d.annotations), "annotation")})</span></li>'
            for n, d in enumerate(docs, 1)
        ]
        return (
            '<nav class="contents" aria-labelledby="contents-title">\n<h2 id="contents-title">Documents</h2>\n'
            "<ol>\n" + "\n".join(items) + "\n</ol>\n</nav>"
        )

    def _document(self, key: str, doc: Document, anns: list[Annotation]) -> str:
        lang = doc.metadata.get("language")
        lang_attr = (
            f' lang="{escape_html(lang)}"' if isinstance(lang, str) and _LANGUAGE.fullmatch(lang) else ' lang=""'
        )
        meta = [
            plural(len(anns), "annotation"),
            plural(len(doc.text), "character"),
            f"imported {utc(doc.created).date().isoformat()}",
        ]  # fmt: skip  (none of it is user text)
        meta += [f"<bdi>{escape_html(k)}</bdi>: <bdi>{escape_html(v)}</bdi>" for k, v in metadata_items(doc.metadata)]
        meta_html = METADATA_SEPARATOR.join(meta)
        text_html, notes = self._text(key, doc.text, anns)
        parts = [
            f'<section class="document" id="{key}" aria-labelledby="{key}-title">',
            f'<h2 id="{key}-title" dir="auto"{lang_attr}>{escape_html(doc.title or "Untitled")}</h2>',
            f'<p class="meta">{meta_html}</p>',
            self._counts(anns),
            f'<div class="text" id="{key}-text" dir="auto"{lang_attr}>{text_html}</div>',
        ]
        if notes:
            parts.append(f'<h3 id="{key}-notes">Notes</h3>')
            parts.append('<ol class="notes">\n' + "\n".join(notes) + "\n</ol>")
        parts.append("</section>")
        return "\n".join(parts)

    def _counts(self, anns: list[Annotation]) -> str:
        if not anns:
            return '<p class="meta counts">No annotations.</p>'
        counts = Counter(a.tag_id for a in anns)
        tags = sorted(((self.codebook[tag_id], n) for tag_id, n in counts.items()), key=lambda tn: tn[0].index)
        rows = [f'<tr class="tag t{t.index}"><td class="name">{self._chip(t)}</td><td class="count">{n:,}</td></tr>'
                for t, n in tags]  # fmt: skip
        return (
            '<table class="counts">\n<thead><tr><th>Tag</th><th class="count">Annotations</th></tr></thead>\n<tbody>\n'
            + "\n".join(rows)
            + "\n</tbody>\n</table>"
        )

    def _text(self, key: str, text: str, anns: list[Annotation]) -> tuple[str, list[str]]:
        """The text block's content (marks and note references) and the notes' list items."""
        tags = [self.codebook[a.tag_id] for a in anns]
        # Keys are list positions, so annotations with equal ids (never in a library) stay apart.
        spans = [Span(a.start, a.end, str(i), str(i)) for i, a in enumerate(anns)]
        noted = sorted((i for i, a in enumerate(anns) if a.note), key=lambda i: (anns[i].end, anns[i].start, i))
        number = {i: n for n, i in enumerate(noted, 1)}
        out: list[str] = []
        pos = 0
        for start, end, keys in highlight_pieces(spans, len(text)):
            covering = sorted((int(k) for k in keys), key=lambda i: (anns[i].start, anns[i].end, i))
            indices = tuple(dict.fromkeys(tags[i].index for i in covering))
            title = "\n".join(f"{tags[i].name}: {anns[i].note}" if anns[i].note else tags[i].name for i in covering)
            out.append(escape_html(text[pos:start]))
            out.append(
                f'<mark class="{self._classes(indices)}" title="{escape_html(title)}">{escape_html(text[start:end])}</mark>'
            )
            ending = sorted((i for i in covering if anns[i].end == end and i in number), key=number.__getitem__)
            for i in ending:
                n = number[i]
                out.append(
                    f'<a class="fnref" id="{key}-r{n}" href="#{key}-n{n}" data-n="{n}" role="doc-noteref" '
                    f'aria-label="Note {n}"></a>'
                )
            pos = end
        out.append(escape_html(text[pos:]))
        notes = [
            f'<li id="{key}-n{n}">{self._chip(tags[i])} <q dir="auto">{escape_html(excerpt(anns[i].quote))}</q> '
            f'<span class="note" dir="auto">{escape_html(anns[i].note)}</span> '
            f'<a class="back" href="#{key}-r{n}" aria-label="Back to the text">\u21a9\ufe0e</a></li>'
            for n, i in enumerate(noted, 1)
        ]
        return "".join(out), notes


def render_html(bundle: ExportBundle) -> str:
    """The HTML report of an export, as text."""
    return _HtmlReport(bundle).render()


def write_html(bundle: ExportBundle, out: BinaryIO) -> None:
    """Write the HTML report (UTF-8)."""
    # Stored text cannot hold lone surrogates; should one arrive, a character
    # reference (read back as U+FFFD) beats failing the whole export.
    out.write(render_html(bundle).encode("utf-8", "xmlcharrefreplace"))


FORMATS: list[Format] = [
    Format(
        id="report", label=QT_TRANSLATE_NOOP("formats", "HTML report"), extensions=(".html", ".htm"), writer=write_html
    ),
]
