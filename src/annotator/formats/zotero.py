"""Formats: the annotations of a Zotero library export onto a PDF or EPUB document of ours.

Zotero's JSON (its web API, a library export) lists items; those with
``itemType: "annotation"`` (bare, or inside the API's ``data``) are read:
``annotationType`` ``highlight``/``underline`` place ``annotationText`` by quote;
``annotationPosition.pageIndex`` (0-based; the API gives the position as a JSON
string) names the page, and a hit on that page wins over the same words
elsewhere (a PDF import keeps where each page starts in ``metadata["pages"]``).
``note`` annotations (a sticky note on a page) become lines of the document memo;
``image`` and ``ink`` ones have no text and are reported. ``annotationComment``
is the note, ``annotationAuthorName`` (group libraries) the coder.

``annotationColor`` becomes a tag (:func:`tag_for_colour`) by the colour → tag
table PDF highlights use (:mod:`annotator.core.highlight_colours`): *colour_map*
(``--map-color '#ffd400=claim'``) first, then the named defaults (yellow → claim,
green → evidence, purple → speculation) when the library has that tag, then the
library tag of the nearest colour, else Zotero's colour name.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import orjson

from annotator.core import highlight_colours
from annotator.core.anchoring import Reanchorer
from annotator.formats.base import FormatError, ImportedAnnotation
from annotator.formats.highlights import Highlights, Unplaced, locate, timestamp

#: Zotero's highlight colours and their names.
ZOTERO_COLOURS = {
    "#ffd400": "yellow",
    "#ff6666": "red",
    "#5fb236": "green",
    "#2ea8e5": "blue",
    "#a28ae5": "purple",
    "#e56eee": "magenta",
    "#f19837": "orange",
    "#aaaaaa": "gray",
}

#: The colour of a highlight whose colour the file does not give (Zotero's yellow).
DEFAULT_COLOUR = "#ffd400"


def _colour(value: object) -> str:
    """A colour the file gives, as ``#rrggbb``; one that is not a colour is a :class:`FormatError`."""
    try:
        return highlight_colours.normalised(str(value or DEFAULT_COLOUR))
    except ValueError as exc:
        raise FormatError(f"not a Zotero annotation colour: {exc}") from exc


def tag_for_colour(colour: str, tags: Sequence[tuple[str, str]], colour_map: dict[str, str] | None = None) -> str:
    """The tag name for a Zotero highlight *colour*, given the library's (name, colour) *tags*: the
    colour → tag table PDF highlights use too (:func:`annotator.core.highlight_colours.tag_for_colour`),
    except that with no tags at all a colour is named as Zotero names it ("blue")."""
    mapping = {highlight_colours.normalised(k): v for k, v in (colour_map or {}).items()}
    colour = highlight_colours.normalised(colour)
    if not tags and colour not in mapping:
        return ZOTERO_COLOURS.get(colour, colour)
    return highlight_colours.tag_for_colour(colour, tags, mapping)


def _annotations(data: bytes) -> list[dict[str, Any]]:
    try:
        parsed = orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        raise FormatError(f"not a Zotero JSON file: {exc}") from exc
    items = parsed.get("items") if isinstance(parsed, dict) else parsed
    if not isinstance(items, list):
        raise FormatError("not a Zotero JSON file: expected a list of items")
    found = []
    for item in items:
        if isinstance(item, dict):
            wrapped = item.get("data")
            fields: dict[str, Any] = wrapped if isinstance(wrapped, dict) else item
            if fields.get("itemType") == "annotation":
                found.append(fields)
    return found


def colours_in(data: bytes) -> list[str] | None:
    """The colours of the highlights in *data*, normalised, once each; None when *data* holds no
    Zotero annotation (then it is some other file, perhaps Hypothesis's)."""
    try:
        found = _annotations(data)
    except FormatError:
        return None
    if not found:
        return None
    placed = [f for f in found if f.get("annotationType", "highlight") in ("highlight", "underline")]
    return list(dict.fromkeys(_colour(f.get("annotationColor")) for f in placed))


def _page(fields: dict[str, Any]) -> int | None:
    position = fields.get("annotationPosition")
    if isinstance(position, str):
        try:
            position = orjson.loads(position)
        except orjson.JSONDecodeError:
            return None
    index = position.get("pageIndex") if isinstance(position, dict) else None
    return index if isinstance(index, int) else None


def read_zotero(
    data: bytes,
    text: str,
    *,
    pages: Sequence[int] = (),
    tags: Sequence[tuple[str, str]] = (),
    colour_map: dict[str, str] | None = None,
) -> Highlights:
    """The annotations of Zotero export *data* placed on *text*, whose pages start at *pages*."""
    out = Highlights()
    reanchorer = Reanchorer(text, text)
    for fields in _annotations(data):
        kind = fields.get("annotationType", "highlight")
        quote, note = str(fields.get("annotationText") or ""), str(fields.get("annotationComment") or "")
        coder = str(fields.get("annotationAuthorName") or "")
        page = _page(fields)
        label = f"Zotero {kind} {fields.get('key', '')}".rstrip()
        if kind == "note":
            where = f" on page {page + 1}" if page is not None else ""
            out.memo_lines.append(f"Zotero note{where}{' by ' + coder if coder else ''}: {note}")
            continue
        if kind not in ("highlight", "underline"):
            out.unplaced.append(Unplaced(label, note, f"a {kind} annotation has no text to place"))
            continue
        within = None
        if page is not None and 0 <= page < len(pages):
            within = pages[page], pages[page + 1] if page + 1 < len(pages) else len(text)
        hint = within[0] if within else 0
        placed = locate(text, quote, reanchorer=reanchorer, start=hint, end=hint, within=within)
        if isinstance(placed, str):
            out.unplaced.append(Unplaced(label, quote, placed))
            continue
        tag = tag_for_colour(_colour(fields.get("annotationColor")), tags, colour_map)
        start, end = placed
        out.annotations.append(
            ImportedAnnotation(
                tag, start, end, text[start:end], note, coder, created=timestamp(fields.get("dateAdded"))
            )
        )
    return out
