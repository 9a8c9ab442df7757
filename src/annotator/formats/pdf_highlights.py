"""Formats: the highlights a PDF reader left in a PDF (Zotero, Acrobat, Okular, Preview...).

Highlight, underline, squiggly and strike-out annotations mark words by their
place on the page (``/QuadPoints``), not by text. pypdf's text extraction calls a
visitor with every run of text it outputs, the run's text and text matrices and
its font, and the runs joined are the page's extracted text; each character's
centre is worked out from the font's widths (pypdf's font metrics, which know
the 14 standard fonts too) and the text state's character and word spacing and
scaling, and the characters whose centres lie inside the annotation's
quadrilaterals are the marked ones, rounded to whole words (a word is marked
when at least half its letters are; kerning is not counted, so this absorbs
its small shifts). Their stretch of the page text
is the quote, with the page's own line breaks and hyphens; it is then anchored
in the stored text by quote, with the page's start as a position hint
(:class:`annotator.core.anchoring.Reanchorer`), so raw positions are never
trusted alone. A highlight that covers no text, or whose quote is not found, is
returned as unplaced with the reason, never dropped.

Right-to-left text is not located: pypdf hands it over in reading order, in
pieces that do not say where each was drawn, so a highlight on it is reported
as covering no text rather than put on the wrong words.

The quads are in the page's default user space whatever its ``/Rotate`` (a
viewer rotates page and annotations together), as the text positions are.
"""

from __future__ import annotations

import contextlib
import io
import math
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from annotator.core.anchoring import Reanchorer
from annotator.core.colours import to_hex
from annotator.core.text import clean_text
from annotator.formats.base import FormatError, ImportedAnnotation, ImportedDocument
from annotator.formats.pdf import repaired

#: The markup annotation subtypes read, and the word each is reported with.
MARKUP = {"/Highlight": "highlight", "/Underline": "underline", "/Squiggly": "squiggly", "/StrikeOut": "strike-out"}
_CONTEXT = 32  # code points of prefix and suffix kept to tell repeated quotes apart
_WORD = re.compile(r"\w+")
_BASELINE_SHARE = 0.3  # a glyph's centre is this share of the font size above its baseline

Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class PdfHighlight:
    """One markup annotation and the text under it (``quote`` empty when it covers none)."""

    page: int  # 1-based
    kind: str
    color: str | None  # "#rrggbb", None when the annotation gives none
    note: str
    author: str
    quote: str
    prefix: str
    suffix: str
    offset: int  # where the quote starts in the page's extracted text


@dataclass(frozen=True, slots=True)
class Unplaced:
    """A highlight that could not be put on the text, and why (for the import's report)."""

    highlight: PdfHighlight
    reason: str

    def __str__(self) -> str:
        h = self.highlight
        words = f" “{h.quote}”" if h.quote else ""
        return f"page {h.page}: {h.kind}{words} ({h.color or 'no colour'}): {self.reason}"


def _colour(value: Any) -> str | None:
    """``/C`` (gray, RGB or CMYK components 0..1) as ``#rrggbb``."""
    try:
        c = [min(max(float(v), 0.0), 1.0) for v in value or ()]
    except (TypeError, ValueError):
        return None
    if len(c) == 1:
        c = c * 3
    elif len(c) == 4:
        c = [(1 - c[i]) * (1 - c[3]) for i in range(3)]
    if len(c) != 3:
        return None
    return to_hex((round(c[0] * 255), round(c[1] * 255), round(c[2] * 255)))


def _quads(annotation: Any) -> list[list[Point]]:
    """The annotation's quadrilaterals (its ``/Rect`` when it has no ``/QuadPoints``), each as a convex polygon."""
    numbers = [float(v) for v in annotation.get("/QuadPoints") or ()]
    if len(numbers) < 8:
        x0, y0, x1, y1 = (float(v) for v in annotation.get("/Rect", (0, 0, 0, 0)))
        numbers = [x0, y1, x1, y1, x0, y0, x1, y0]
    quads = []
    for i in range(0, len(numbers) - 7, 8):
        points = [(numbers[i + j], numbers[i + j + 1]) for j in range(0, 8, 2)]
        # Writers disagree on the corners' order (the spec's counterclockwise, Acrobat's Z):
        # ordered by angle around their centre they make the same polygon either way.
        cx, cy = sum(p[0] for p in points) / 4, sum(p[1] for p in points) / 4
        points.sort(key=lambda p: math.atan2(p[1] - cy, p[0] - cx))
        quads.append(points)
    return quads


def _inside(point: Point, polygon: list[Point]) -> bool:
    """Whether *point* is inside the convex *polygon* (corners in angular order), edges included."""
    sign = 0
    for (ax, ay), (bx, by) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
        cross = (bx - ax) * (point[1] - ay) - (by - ay) * (point[0] - ax)
        if abs(cross) < 1e-9:
            continue
        if sign == 0:
            sign = 1 if cross > 0 else -1
        elif (cross > 0) != (sign > 0):
            return False
    return True


def _apply(m: list[float], x: float, y: float) -> Point:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _width_of(font_dict: Any) -> Callable[[str], float]:
    """Glyph widths (in 1/1000 of the font size) from pypdf's font metrics, half an em when unknown."""
    try:
        # pypdf's own metrics (the font's /Widths, or the standard 14 fonts' AFM widths); the
        # class lives in a private module, so any failure falls back to an estimate.
        from pypdf.generic._font import Font

        widths = Font.from_font_resource(font_dict).character_widths
        default = float(widths.get("default", 500) or 500)
        return lambda char: float(widths.get(char, default) or default)
    except Exception:  # any font pypdf cannot measure is estimated, not a reason to refuse the file
        return lambda _char: 500.0


def _characters(page: Any) -> tuple[str, list[tuple[int, Point]]]:
    """The page's extracted text and the centre of each drawn character, by offset in that text."""
    pieces: list[str] = []
    centres: list[tuple[int, Point]] = []
    length = 0
    fonts: dict[int, Callable[[str], float]] = {}
    reordered: set[tuple[float, ...]] = set()  # where a drawing with right-to-left text started
    # Character and word spacing and horizontal scaling widen each glyph's advance (Tc, Tw, Tz).
    spacing = {b"Tc": 0.0, b"Tw": 0.0, b"Tz": 100.0}

    def operator(op: bytes, operands: list[Any], _cm: list[float], _tm: list[float]) -> None:
        if op in spacing and operands:
            with contextlib.suppress(TypeError, ValueError):  # a malformed operand: the state stays
                spacing[op] = float(operands[0])

    def visit(text: str, cm: list[float], tm: list[float], font_dict: Any, font_size: float) -> None:
        nonlocal length
        # pypdf gives right-to-left text in reading order, and a run of mixed directions in pieces
        # that all carry the run's start; their glyphs' places are unknown, so they are not located.
        start = (*cm, *tm)
        if any(unicodedata.bidirectional(c) in ("R", "AL") for c in text):
            reordered.add(start)
        if text and text != "\n" and font_dict is not None and start not in reordered:
            width = fonts.setdefault(id(font_dict), _width_of(font_dict))
            advance, scale = 0.0, spacing[b"Tz"] / 100
            for i, char in enumerate(text):
                w = width(char) / 1000 * font_size * scale
                if not char.isspace():
                    x, y = _apply(tm, advance + w / 2, _BASELINE_SHARE * font_size)
                    centres.append((length + i, _apply(cm, x, y)))
                advance += w + (spacing[b"Tc"] + (spacing[b"Tw"] if char == " " else 0.0)) * scale
        pieces.append(text)
        length += len(text)

    # The runs joined are the extracted text (what the import stores, before its repairs).
    page.extract_text(visitor_operand_before=operator, visitor_text=visit)
    return "".join(pieces), centres


def _whole_words(text: str, selected: set[int]) -> set[int]:
    """*selected* offsets rounded to whole words: a word is in when at least half its characters are.

    Glyph places are worked out from widths, which kerning inside a run shifts a little;
    rounding keeps such a shift from adding or cutting a letter at a highlight's ends.
    """
    rounded = set(selected)
    for word in _WORD.finditer(text):
        inside = sum(1 for o in range(word.start(), word.end()) if o in selected)
        if inside:
            letters = range(word.start(), word.end())
            if 2 * inside >= len(letters):
                rounded.update(letters)
            else:
                rounded.difference_update(letters)
    return rounded


def read_highlights(data: bytes) -> list[PdfHighlight]:
    """Every markup annotation in the PDF, page by page, with the text it covers."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            reader.decrypt("")
        found = []
        for number, page in enumerate(reader.pages, 1):
            annotations = [a.get_object() for a in page.get("/Annots") or ()]
            marks = [a for a in annotations if isinstance(a, dict) and a.get("/Subtype") in MARKUP]
            if not marks:
                continue
            raw, centres = _characters(page)
            for mark in marks:
                quads = _quads(mark)
                under = _whole_words(raw, {o for o, point in centres if any(_inside(point, q) for q in quads)})
                start, end = (min(under), max(under) + 1) if under else (0, 0)
                found.append(
                    PdfHighlight(
                        page=number,
                        kind=MARKUP[mark["/Subtype"]],
                        color=_colour(mark.get("/C")),
                        note=clean_text(str(mark.get("/Contents") or "")).strip(),
                        author=clean_text(str(mark.get("/T") or "")).strip(),
                        quote=repaired(raw[start:end]),
                        prefix=repaired(raw[max(0, start - _CONTEXT) : start]),
                        suffix=repaired(raw[end : end + _CONTEXT]),
                        offset=start,
                    )
                )
    except FormatError:
        raise
    except Exception as exc:  # pypdf raises many kinds on a damaged file; the import says which
        raise FormatError(f"the PDF's annotations could not be read ({type(exc).__name__}: {exc})") from exc
    return found


def place(
    document: ImportedDocument, highlights: Iterable[PdfHighlight], tag_for: Callable[[str | None], str]
) -> list[Unplaced]:
    """Add to *document* an annotation for each highlight found in its text; return those not placed.

    *document* is the PDF's import (``metadata["pages"]``: page starts); *tag_for*
    gives the tag for a highlight's colour (the confirmed colour table).
    """
    text = document.text
    starts: list[int] = list(document.metadata.get("pages") or [0])
    matcher = Reanchorer("", text)
    unplaced = []
    for h in highlights:
        if not h.quote.strip():
            unplaced.append(Unplaced(h, "it covers no text"))
            continue
        hint = (starts[h.page - 1] if h.page <= len(starts) else 0) + h.offset
        anchor = matcher.anchor(hint, hint + len(h.quote), h.quote, h.prefix, h.suffix, orphan=True)
        if anchor.start is None or anchor.end is None or text[anchor.start : anchor.end] != h.quote:
            unplaced.append(Unplaced(h, "its words were not found in the extracted text"))
            continue
        document.annotations.append(
            ImportedAnnotation(
                tag=tag_for(h.color),
                start=anchor.start,
                end=anchor.end,
                quote=h.quote,
                note=h.note,
                coder=h.author,
            )
        )
    return unplaced
