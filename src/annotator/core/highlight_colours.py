"""Core: which tag a highlight colour from another program becomes (the colour → tag table).

PDF readers, Zotero and Hypothesis mark by colour, Annotator by tag. Each
colour in an import is given a tag, in this order:

1. the user's own mapping (``annotator import --highlights --map-color '#ffff00=claim'``);
2. a named default, when the colour is close to one and the library has that
   tag (:data:`NAMED_DEFAULTS`: yellow → claim, green → evidence, purple →
   speculation, the default tags);
3. the library's tag whose colour is nearest (CIEDE2000,
   :func:`annotator.core.colours.difference`);
4. :data:`FALLBACK_TAG` when the library has no tags.

A highlight without a colour counts as yellow, every reader's default. The
table is shown to the user before anything is written (the CLI prints it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from annotator.core.colours import difference, parse, to_hex

#: Highlight colours (as Acrobat, Zotero, Okular and Preview offer them) and the default tag each means.
NAMED_DEFAULTS: Final = (
    ("#ffff00", "claim"),  # yellow (Acrobat, Okular, Preview; Zotero's is #ffd400)
    ("#00ff00", "evidence"),  # green (Zotero's is #5fb236)
    ("#a28ae5", "speculation"),  # purple (Zotero's)
)
#: A colour within this CIEDE2000 difference of a named default takes that default's tag.
NAMED_TOLERANCE: Final = 30.0
#: The colour assumed for a highlight that gives none.
UNCOLOURED: Final = "#ffff00"
#: The tag used when the library has none to choose from.
FALLBACK_TAG: Final = "highlight"


def normalised(colour: str) -> str:
    """*colour* (``#rgb``, or ``#rrggbb``) as lower-case ``#rrggbb``."""
    return to_hex(parse(colour.strip()))


def parse_mapping(items: Iterable[str]) -> dict[str, str]:
    """``COLOUR=TAG`` items as a mapping from ``#rrggbb``; a malformed one raises ValueError."""
    mapping = {}
    for item in items:
        colour, sep, tag = item.partition("=")
        if not sep or not tag.strip():
            raise ValueError(f"'{item}' is not COLOUR=TAG (for example '#ffff00=claim')")
        mapping[normalised(colour)] = tag.strip()
    return mapping


def tag_for_colour(colour: str | None, tags: Sequence[tuple[str, str]], mapping: Mapping[str, str] = {}) -> str:
    """The tag a highlight of *colour* becomes; *tags* are the library's ``(name, colour)`` pairs."""
    colour = normalised(colour or UNCOLOURED)
    if colour in mapping:
        return mapping[colour]
    names = {name for name, _ in tags}
    named = [(difference(colour, c), tag) for c, tag in NAMED_DEFAULTS if tag in names]
    if named and (best := min(named))[0] <= NAMED_TOLERANCE:
        return best[1]
    if not tags:
        return FALLBACK_TAG
    return min(tags, key=lambda t: difference(colour, t[1]))[0]


def colour_table(
    colours: Iterable[str | None], tags: Sequence[tuple[str, str]], mapping: Mapping[str, str] = {}
) -> dict[str, str]:
    """Each distinct colour (``#rrggbb``) and the tag it becomes, for the user to confirm."""
    return {normalised(c or UNCOLOURED): tag_for_colour(c, tags, mapping) for c in colours}
