"""Core: the one home of offset conversions: code points (ours) to and from UTF-16 units
(Qt's, JavaScript's), and offsets counted in a file's raw text onto the stored text.

Python indexes strings by code point; Qt's QTextCursor positions count UTF-16
code units. They diverge after every character outside the Basic Multilingual
Plane (emoji, many CJK extension characters, musical symbols), each of which is
two UTF-16 units. An :class:`OffsetMap` is built once per document and converts
in O(log n) using the sorted list of astral characters' code-point positions;
for text without astral characters it is the identity.

Files carry their text raw: a leading byte-order mark, CRLF line ends. The
stored text has neither (:func:`annotator.core.text.normalize_text`), so
offsets another tool counted in the raw text (a BOM as one character, a CRLF
as two) are moved onto the stored text by a :class:`RawTextMap`. Every format
that reads offsets into a raw text uses it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import Literal

from annotator.core.text import normalize_text

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
# The CR of each CRLF: normalize_text drops it (a lone CR becomes LF, keeping the length).
_CR_OF_CRLF = re.compile("\r(?=\n)")


class OffsetMap:
    """Core: code point <-> UTF-16 offset conversion for one fixed text."""

    __slots__ = ("_astral", "_astral_utf16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        self.length = len(text)
        # A regex scan runs at C speed (~1 ms per MB); a Python loop over characters is ~100x slower.
        self._astral: list[int] = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        # UTF-16 position of each astral character's first unit.
        self._astral_utf16 = [cp + k for k, cp in enumerate(self._astral)]
        self.utf16_length = self.length + len(self._astral)

    @property
    def is_identity(self) -> bool:
        """True when both offset systems agree everywhere (no astral characters)."""
        return not self._astral

    def to_utf16(self, offset: int) -> int:
        """UTF-16 offset of code-point *offset* (0 <= offset <= len(text))."""
        if not self._astral:
            return offset
        return offset + bisect_left(self._astral, offset)

    def from_utf16(self, position: int) -> int:
        """Code-point offset of UTF-16 *position*.

        A position that falls between the two halves of a surrogate pair (Qt
        never puts the cursor there, but a caller might ask) snaps to the start
        of that character.
        """
        if not self._astral:
            return position
        k = bisect_right(self._astral_utf16, position - 1)
        # k astral characters start strictly before `position`; if the last of
        # them started exactly one unit before, position is mid-pair.
        if k and self._astral_utf16[k - 1] == position - 1:
            return self._astral[k - 1]
        return position - k


class RawTextMap:
    """Core: a raw text (as a file holds it), the text we store from it, and where raw offsets land.

    ``text`` is ``normalize_text(raw)``: a leading BOM removed, CRLF and lone CR
    made LF. Calling the map moves an offset counted in *raw* (the BOM counts
    one, a CRLF two) onto ``text``, in O(log n). An offset between the CR and
    the LF of a CRLF lands before the line break (``inside_crlf="before"``,
    keeping a span that starts there on its LF) or after it (``"after"``, as
    REFI-QDA reads a position there). Lone CRs keep every offset where it is.

    To read offsets that do not count the BOM, build the map on the text
    without it (``raw.removeprefix("\ufeff")``).
    """

    __slots__ = ("_after", "_bom", "_crs", "text")

    def __init__(self, raw: str, *, inside_crlf: Literal["before", "after"] = "before") -> None:
        self.text = normalize_text(raw)
        self._bom = 1 if raw.startswith("\ufeff") else 0
        # Only a BOM and CRLFs change lengths; most texts have neither and need no scan.
        changed = len(self.text) != len(raw)
        self._crs: list[int] = [m.start() for m in _CR_OF_CRLF.finditer(raw)] if changed else []
        self._after = inside_crlf == "after"

    @property
    def is_identity(self) -> bool:
        """True when every raw offset is the same offset in the stored text."""
        return not self._bom and not self._crs

    def __call__(self, offset: int) -> int:
        """The stored-text offset of raw *offset* (0 <= offset <= len(raw))."""
        if self.is_identity:
            return offset
        # CRs of CRLFs before the offset were dropped; "after" also drops the one it follows.
        dropped = bisect_left(self._crs, offset - 1 if self._after else offset)
        return offset - dropped - (self._bom if offset > 0 else 0)
