"""Formats: Markdown (``md``): Markdown documents in, annotated Markdown out.

Reading a Markdown file is reading plain text (:mod:`annotator.formats.plaintext`):
the Markdown is kept as written, and offsets point into the Markdown source,
which is what the reader sees. Writing makes a Markdown document of the export,
which the reader takes back as a document (with its highlights as text).

The export is for Obsidian and other apps that read ``==highlight==`` and ``[^n]``
footnotes. A ``# `` title, a tag table (colour, description, total), then
per document a ``## `` heading, a metadata line with counts per tag, the
text, and its footnote definitions. The text is written as stored, so a
Markdown document renders as Markdown. Highlights follow these rules:

- Overlapping annotations cannot nest ``==``, so each group of overlapping
  annotations (spans sharing at least one code point) is one highlight with
  one footnote listing every annotation in it as ``**tag**: note`` (with
  the quote when there are several). Annotations that only touch stay
  separate.
- A highlight is marked line by line (``==`` cannot cross a line break in
  every app, nor a paragraph break in any), and whitespace at the edges of
  each line stays outside the marks, where CommonMark-style parsers need it.
  The footnote reference follows the last marked line's closing ``==``.
- Inside marks, ``\\`` and ``=`` are backslash-escaped, so no quote can close
  its highlight early (a Markdown escape inside a highlight therefore shows
  its backslash).
- Directly before an opening ``==``, a run of ``\\`` or ``=`` characters is
  written as character references (``&#92;``, ``&#61;``), so it can neither
  escape nor lengthen the ``==``; directly after a footnote reference a ``(``
  or ``[`` is written ``&#40;`` or ``&#91;``, so the reference is not read
  as a link.
- Footnote labels are numbers counted over the whole file (``[^1]``...);
  if any document's text already contains ``[^`` followed by a digit, the
  labels get a prefix (``[^a1]``, or ``aa``... until nothing clashes).
- Titles, tag names, descriptions, quotes in footnotes, metadata and notes
  are plain text in Annotator, not Markdown: their Markdown-significant
  ASCII characters (``\\ ` * _ [ ] < > # | ~ = ^ $ & %``) are
  backslash-escaped, so a ``<script>`` or ``[link](…)`` in them shows as
  typed. Runs of whitespace, line breaks included, become one space, except
  in notes, whose line breaks stay and whose later lines are indented to
  stay inside their footnote.

Undoing exactly these rules (drop the references and the ``==``, unescape
``\\\\`` and ``\\=`` inside marks, decode the four character references)
gives back the stored text. Known limits: a highlight inside a code span or
code block of a Markdown document shows its ``==`` literally; a highlight
that starts with punctuation right after a letter (``foo(bar)``) is not
rendered as one by parsers that apply CommonMark's flanking rules; a fence
or HTML block the document leaves open swallows what follows it.

Offsets everywhere are code points into the stored text, as in the database.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from typing import BinaryIO

from annotator.core.i18n import QT_TRANSLATE_NOOP
from annotator.core.model import Annotation
from annotator.formats.base import ExportBundle, Format
from annotator.formats.plaintext import read_text
from annotator.formats.report import (
    METADATA_SEPARATOR,
    Codebook,
    excerpt,
    in_text_order,
    metadata_items,
    plural,
    utc,
)

_MD_LABEL_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~=^$&%])")
_MD_BEFORE_OPENER = re.compile(r"[\\=]+\Z")  # \Z: "$" would also match before a final newline
_MD_ENTITY = {"\\": "&#92;", "=": "&#61;", "(": "&#40;", "[": "&#91;"}


def md_label(value: str) -> str:
    """A label (title, tag, description...) as literal Markdown on one line."""
    return _MD_LABEL_SPECIAL.sub(r"\\\1", " ".join(value.split()))


def _md_mark_content(core: str) -> str:
    return core.replace("\\", "\\\\").replace("=", "\\=")


def _md_note(note: str) -> str:
    """A note as literal Markdown keeping its line breaks; later lines indented into the footnote."""
    lines = note.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = [_MD_LABEL_SPECIAL.sub(r"\\\1", line) for line in lines]
    return "\n".join([lines[0]] + [("    " + line) if line else "" for line in lines[1:]])


class _MarkdownText:
    """Formats: writes one document's text with ``==`` marks and footnote references."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._last_raw = False  # the last part is document text (which may still be amended)
        self._after_ref = False

    def raw(self, text: str) -> None:
        if not text:
            return
        if self._after_ref and text[0] in "([":
            text = _MD_ENTITY[text[0]] + text[1:]
        if self._last_raw:
            self.parts[-1] += text
        else:
            self.parts.append(text)
        self._last_raw, self._after_ref = True, False

    def mark(self, core: str) -> None:
        if self._last_raw and (run := _MD_BEFORE_OPENER.search(self.parts[-1])):
            before = self.parts[-1]
            self.parts[-1] = before[: run.start()] + "".join(_MD_ENTITY[c] for c in run.group())
        self.parts.append(f"=={_md_mark_content(core)}==")
        self._last_raw, self._after_ref = False, False

    def ref(self, label: str) -> None:
        self.parts.append(f"[^{label}]")
        self._last_raw, self._after_ref = False, True

    def highlight(self, region: str, label: str) -> None:
        """Mark *region* line by line, edge whitespace outside; the reference after the last mark."""
        lines = region.split("\n")
        cored = [i for i, line in enumerate(lines) if line.strip()]
        last = cored[-1] if cored else -1
        for i, line in enumerate(lines):
            if i:
                self.raw("\n")
            core = line.strip()
            if not core:
                self.raw(line)
                continue
            lead = len(line) - len(line.lstrip())
            self.raw(line[:lead])
            self.mark(core)
            if i == last:
                self.ref(label)
            self.raw(line[lead + len(core) :])
        if last < 0:
            self.ref(label)


def _overlap_groups(anns: list[Annotation]) -> list[tuple[int, int, list[Annotation]]]:
    """Annotations (in text order) grouped where their spans share a code point."""
    groups: list[tuple[int, int, list[Annotation]]] = []
    for a in anns:
        if groups and a.start < groups[-1][1]:
            start, end, members = groups[-1]
            members.append(a)
            groups[-1] = (start, max(end, a.end), members)
        else:
            groups.append((a.start, a.end, [a]))
    return groups


def _label_prefix(texts: list[str]) -> str:
    """A footnote label prefix no document's own footnotes use."""
    prefix = ""
    while any(re.search(r"\[\^" + prefix + r"\d", t) for t in texts):
        prefix += "a"
    return prefix


def _md_footnote(label: str, members: list[Annotation], codebook: Codebook) -> str:
    entries = []
    for a in members:
        head = f"**{md_label(codebook[a.tag_id].name)}**"
        if len(members) > 1:
            head += f" (\u201c{md_label(excerpt(a.quote))}\u201d)"
        entries.append(f"{head}: {_md_note(a.note)}" if a.note else head)
    return f"[^{label}]: " + "\n\n    ".join(entries)


def render_markdown(bundle: ExportBundle) -> str:
    """The Markdown report of an export, as text."""
    codebook = Codebook(bundle.tags)
    docs = [in_text_order(d) for d in bundle.documents]
    totals = Counter(a.tag_id for d in docs for a in d.annotations)
    counts_by_index = Counter({codebook[t].index: n for t, n in totals.items()})
    exported = utc(bundle.exported_at).strftime("%Y-%m-%d %H:%M UTC")
    out = [
        "# Annotated documents\n\n",
        f"{plural(len(docs), 'document')} \u00b7 {plural(sum(totals.values()), 'annotation')} \u00b7 "
        f"exported {exported} by {md_label(bundle.generator)}\n\n",
        "| Tag | Colour | Description | Annotations |\n| --- | --- | --- | ---: |\n",
    ]
    for t in codebook:
        out.append(f"| {md_label(t.name)} | `{t.color}` | {md_label(t.description)} | {counts_by_index[t.index]:,} |\n")
    out.append("\n")
    prefix = _label_prefix([d.document.text for d in docs])
    numbers = itertools.count(1)
    for d in docs:
        doc, anns = d.document, d.annotations
        counts = sorted(Counter(a.tag_id for a in anns).items(), key=lambda item: codebook[item[0]].index)
        by_tag = ", ".join(f"{md_label(codebook[tag_id].name)} {n:,}" for tag_id, n in counts)
        meta = [plural(len(anns), "annotation") + (f" ({by_tag})" if by_tag else ""),
                plural(len(doc.text), "character"), f"imported {utc(doc.created).date().isoformat()}"]  # fmt: skip
        meta += [f"{md_label(k)}: {md_label(v)}" for k, v in metadata_items(doc.metadata)]
        heading = md_label(doc.title) or "Untitled"
        out.append(f"## {heading}\n\n{METADATA_SEPARATOR.join(meta)}\n\n")
        writer = _MarkdownText()
        footnotes = []
        pos = 0
        for start, end, members in _overlap_groups(anns):
            label = f"{prefix}{next(numbers)}"
            writer.raw(doc.text[pos:start])
            writer.highlight(doc.text[start:end], label)
            footnotes.append(_md_footnote(label, members, codebook))
            pos = end
        writer.raw(doc.text[pos:])
        out.append("".join(writer.parts) + "\n\n")
        out.extend(f"{f}\n\n" for f in footnotes)
    return "".join(out)


def write_markdown(bundle: ExportBundle, out: BinaryIO) -> None:
    """Write the Markdown report (UTF-8, LF line endings)."""
    out.write(render_markdown(bundle).encode("utf-8"))


FORMATS: list[Format] = [
    Format(
        id="md",
        label=QT_TRANSLATE_NOOP("formats", "Markdown"),
        extensions=(".md", ".markdown"),
        reader=read_text,
        writer=write_markdown,
    ),
]
