"""Services: highlights made in Hypothesis or Zotero brought onto a document.

The document is one the library has (by id, or by its title when one document
has it) or a source file imported with the highlights (a saved web page, a
text). The highlights are placed by the format readers
(:mod:`annotator.formats.hypothesis`, :mod:`annotator.formats.zotero`) and
written through the ordinary import (:func:`annotator.services.importing.import_bundles`):
the same summary, confirmation, matching (importing the file again adds
nothing) and one undo step as a colleague's work. Page notes join the document
memo. What could not be placed is in :attr:`HighlightImport.unplaced`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from annotator.core.errors import InvalidInput, NotFound
from annotator.core.merging import ImportSummary
from annotator.formats.base import FormatError, ImportBundle, ImportedDocument
from annotator.formats.highlights import Highlights, Unplaced
from annotator.formats.hypothesis import read_hypothesis
from annotator.formats.zotero import colours_in, read_zotero, tag_for_colour
from annotator.services import importing
from annotator.services.library import Library

Kind = Literal["hypothesis", "zotero"]


@dataclass(slots=True)
class HighlightImport:
    """Services: what a highlight import wrote (``result``; None for a preview) or would write."""

    summary: ImportSummary
    unplaced: list[Unplaced] = field(default_factory=list)
    memo_lines: int = 0
    result: importing.ImportResult | None = None


@dataclass(slots=True)
class HighlightPreview:
    """Services: a highlight file read against a document, before anything is written: its *kind*,
    the *table* to confirm (Zotero: colour → tag; Hypothesis: their tag → ours, the same name by
    default), what could not be placed and how many page notes join the memo."""

    kind: Kind
    table: dict[str, str]
    unplaced: list[Unplaced]
    memo_lines: int


def preview_highlights(library: Library, path: str | os.PathLike[str], document: str) -> HighlightPreview:
    """Read highlight file *path* against the library's *document*; the kind is told by the file's
    shape (Zotero's annotation items, else Hypothesis's rows, else :class:`FormatError`)."""
    target = _document(library, document)
    data = importing.read_limited(Path(path))
    tags = [(t.name, t.color) for t in library.tags()]
    colours = colours_in(data)
    if colours is not None:
        found = read_zotero(data, target.text, pages=target.metadata.get("pages") or (), tags=tags)
        table = {colour: tag_for_colour(colour, tags) for colour in colours}
        return HighlightPreview("zotero", table, found.unplaced, len(found.memo_lines))
    found = read_hypothesis(data, target.text)
    table = {tag: tag for tag in dict.fromkeys(a.tag for a in found.annotations)}
    return HighlightPreview("hypothesis", table, found.unplaced, len(found.memo_lines))


def _document(library: Library, wanted: str) -> ImportedDocument:
    """The library's document with id *wanted*, else the one titled so."""
    try:
        doc = library.document(wanted)
    except NotFound:
        titled = [d for d in library.documents() if d.title == wanted]
        if len(titled) != 1:
            how = "no document" if not titled else f"{len(titled)} documents"
            raise NotFound(f"there is {how} with the id or title '{wanted}'") from None
        doc = library.document(titled[0].id)
    return ImportedDocument(doc.title, doc.text, dict(doc.metadata), id=doc.id)


def _source(path: str | os.PathLike[str]) -> ImportedDocument:
    documents = importing.read_file(path).documents
    if len(documents) != 1:
        raise FormatError(f"'{os.fspath(path)}' holds {len(documents)} documents; give one text")
    return documents[0]


def import_highlights(
    library: importing.LibrarySource,
    path: str | os.PathLike[str],
    kind: Kind,
    *,
    document: str | None = None,
    source: str | os.PathLike[str] | None = None,
    tag_map: dict[str, str] | None = None,
    colour_map: dict[str, str] | None = None,
    tags_only_known: bool = False,
    confirm: importing.ConfirmPolicy | None = None,
    dry_run: bool = False,
) -> HighlightImport:
    """Place the highlights of file *path* on *document* (id or title) or on *source* and write them.

    With *tags_only_known*, tags the library lacks are not created: the import
    stops (:class:`InvalidInput`) naming them, so they can be mapped. With
    *dry_run* nothing is written and the summary says what would be.
    """
    target_library = importing.opened(library)
    if (document is None) == (source is None):
        raise InvalidInput("give the document the highlights belong to, or its source file (one of them)")
    target = _document(target_library, document) if document is not None else _source(source)  # type: ignore[arg-type]
    data = importing.read_limited(Path(path))
    tags = target_library.tags()
    found: Highlights
    if kind == "hypothesis":
        known = {t.name for t in tags} if tags_only_known else None
        found = read_hypothesis(data, target.text, tag_map=tag_map, known_tags=known)
    else:
        pages = target.metadata.get("pages") or ()
        found = read_zotero(
            data, target.text, pages=pages, tags=[(t.name, t.color) for t in tags], colour_map=colour_map
        )
        if tags_only_known:
            names = {t.name for t in tags}
            found.unknown_tags = list(dict.fromkeys(a.tag for a in found.annotations if a.tag not in names))
    if found.unknown_tags:
        raise InvalidInput(
            f"the library has no tag {', '.join(repr(t) for t in found.unknown_tags)}; "
            "map them to tags it has (--map-tag THEIRS=OURS), or let the import create them"
        )
    target.annotations += found.annotations
    if found.memo_lines:
        target.memo = "\n".join(filter(None, [target.memo, *found.memo_lines]))
    bundle = ImportBundle(documents=[target])
    report = HighlightImport(ImportSummary(), found.unplaced, len(found.memo_lines))
    if dry_run:
        report.summary = importing.preview_bundles(target_library, [bundle])
    else:
        report.result = importing.import_bundles(target_library, [bundle], confirm=confirm)
        report.summary = report.result.summary
    return report
