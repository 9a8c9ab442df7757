"""Services: importing PDFs together with the highlights made on them in a PDF reader.

``annotator import file.pdf --highlights``: each PDF is read as usual, its
markup annotations are placed on the extracted text
(:mod:`annotator.formats.pdf_highlights`) with tags from the colour → tag table
(:mod:`annotator.core.highlight_colours`), and everything is written in one
unit of work (or previewed with ``--dry-run``). What could not be placed comes
back for the report.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from annotator.core.highlight_colours import UNCOLOURED, colour_table, normalised
from annotator.core.model import TagSpec
from annotator.formats import pdf_highlights
from annotator.formats.base import FormatError, ImportBundle
from annotator.services import importing
from annotator.services.library import Library


@dataclass
class PreparedHighlights:
    """PDFs read with their highlights placed, not yet written: the bundles, the colour table used
    (to show the user) and the highlights not placed (file, highlight), for the report."""

    bundles: list[ImportBundle]
    table: dict[str, str] = field(default_factory=dict)
    unplaced: list[tuple[str, pdf_highlights.Unplaced]] = field(default_factory=list)


def read_with_highlights(
    library: Library, paths: Iterable[str | os.PathLike[str]], mapping: Mapping[str, str] = {}
) -> PreparedHighlights:
    """Read *paths* (PDFs) and place their highlights, tagged as the library's tags and *mapping*
    (``#rrggbb`` → tag) say; write them with :func:`importing.persist`, or preview them with
    :func:`importing.preview_bundles`. Any unreadable file raises :class:`importing.UnreadableFiles`.
    """
    tags = [(t.name, t.color) for t in library.tags()]
    read: list[tuple[str, ImportBundle, list[pdf_highlights.PdfHighlight]]] = []
    failures = []
    for path in paths:
        bundles, failed = importing.read_files([path], "pdf")
        failures += failed
        for name, bundle in bundles:
            try:
                found = pdf_highlights.read_highlights(importing.read_limited(Path(name)))
            except FormatError as exc:
                failures.append(importing.ReadFailure(name, str(exc)))
                continue
            read.append((name, bundle, found))
    if failures:
        raise importing.UnreadableFiles(failures)
    table = colour_table((h.color for _, _, found in read for h in found), tags, mapping)
    known = {name for name, _ in tags}
    prepared = PreparedHighlights([bundle for _, bundle, _ in read], table)
    for name, bundle, found in read:
        # The tags the table shown says, never worked out again apart from it.
        misses = pdf_highlights.place(bundle.documents[0], found, lambda c: table[normalised(c or UNCOLOURED)])
        prepared.unplaced += [(name, miss) for miss in misses]
        # A tag the mapping names that the library lacks is made in the highlight's colour.
        new = {table[normalised(h.color or UNCOLOURED)]: normalised(h.color or UNCOLOURED) for h in found}
        bundle.tags += [TagSpec(tag, colour) for tag, colour in new.items() if tag not in known]
    return prepared
