"""Services: every memo of a library with its place, and memos as Markdown or JSON.

:func:`all_memos` is what the Memos view lists and ``annotator memos`` prints:
journal entries, document memos, annotation notes (with their document and
quote) and tag descriptions. :func:`memos_markdown` and :func:`memos_json` are
the one rendering of them that the view's "Export memos…" and the command line
share.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import orjson

from annotator.core.codebook import labels
from annotator.core.documents import distinct_titles
from annotator.core.memos import ANNOTATION, DOCUMENT, JOURNAL, TAG, Memo
from annotator.services.library import Library
from annotator.storage import journal as rows
from annotator.storage import repository as repo
from annotator.storage.uow import reading

HEADINGS = {JOURNAL: "Journal", DOCUMENT: "Document memos", ANNOTATION: "Annotation memos", TAG: "Tag descriptions"}


def all_memos(library: Library) -> list[Memo]:
    """Every memo of the library, read in one snapshot (journal, documents, annotations, tags).

    A tag is named by its label (:func:`~annotator.core.codebook.labels`): its name, or the
    shortest path that tells it apart where two tags share the name; a document by its title
    as the library lists it, told apart from another of the same title ("Report (2)").
    """
    with reading(library.engine) as s:
        found = rows.all_memos(s)
        shown = labels(repo.list_tags(s))
        listed = repo.document_summaries(s)
    titles = dict(zip([d.id for d in listed], distinct_titles([d.title for d in listed]), strict=True))
    return [
        replace(
            m,
            label=shown.get(m.tag_id, m.label) if m.tag_id else m.label,
            document_title=titles.get(m.document_id, m.document_title) if m.document_id else m.document_title,
        )
        for m in found
    ]


def place_of(memo: Memo, *, quote_chars: int = 60) -> str:
    """Where a memo belongs, in one line: "Title — “quote” (claim)", "Title", "Journal: title"..."""
    if memo.kind == ANNOTATION:
        quote = " ".join(memo.quote.split())
        if len(quote) > quote_chars:
            quote = quote[: quote_chars - 1] + "…"
        return f"{memo.document_title} — “{quote}” ({memo.label})"
    if memo.kind == DOCUMENT:
        return memo.document_title
    if memo.kind == JOURNAL:
        date = memo.when.strftime("%Y-%m-%d") if memo.when else ""
        return " · ".join(p for p in (date, memo.label or "(untitled)", memo.author) if p)
    return f"Tag {memo.label}"


def _quoted(text: str) -> str:
    return "\n".join(f"> {line}" if line else ">" for line in text.splitlines() or [""])


def _escaped(text: str) -> str:
    """A line of plain text that Markdown shows as it is (no headings, emphasis or links made of it)."""
    return "".join("\\" + c if c in "\\`*_[]<>#|" else c for c in " ".join(text.split()))


def memos_markdown(memos: list[Memo], *, title: str = "Memos") -> str:
    """The memos as one Markdown document: a section per kind, each memo under its place."""
    out = [f"# {_escaped(title)}", ""]
    for kind in (JOURNAL, DOCUMENT, ANNOTATION, TAG):
        group = [m for m in memos if m.kind == kind]
        if not group:
            continue
        out += [f"## {HEADINGS[kind]}", ""]
        for memo in group:
            out.append(f"### {_escaped(place_of(memo, quote_chars=200))}")
            out.append("")
            if memo.kind == ANNOTATION and memo.author:
                out += [f"*coder: {_escaped(memo.author)}*", ""]
            out += [memo.text.rstrip("\n"), ""]
    if not memos:
        out += ["(no memos yet)", ""]
    return "\n".join(out)


def memo_record(memo: Memo) -> dict[str, Any]:
    """A memo as a JSON object: kind, id (of what it is about), text, and its place."""
    record: dict[str, Any] = {"kind": memo.kind, "id": memo.target_id, "text": memo.text}
    if memo.kind in (ANNOTATION, DOCUMENT):
        record.update(document_id=memo.document_id, document_title=memo.document_title)
    if memo.kind == ANNOTATION:
        record.update(tag=memo.label, quote=memo.quote, coder=memo.author)
    if memo.kind == JOURNAL:
        record.update(title=memo.label, author=memo.author, date=memo.when.isoformat() if memo.when else None)
    if memo.kind == TAG:
        record.update(tag=memo.label)
    return record


def memos_json(memos: list[Memo]) -> bytes:
    """The memos as a JSON array of :func:`memo_record` objects, indented."""
    return orjson.dumps([memo_record(m) for m in memos], option=orjson.OPT_INDENT_2)
