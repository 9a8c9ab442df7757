"""Core: converting between code-point offsets (ours) and UTF-16 offsets (Qt's).

Python indexes strings by code point; Qt's QTextCursor positions count UTF-16
code units. They diverge after every character outside the Basic Multilingual
Plane (emoji, many CJK extension characters, musical symbols), each of which is
two UTF-16 units. An :class:`OffsetMap` is built once per document and converts
in O(log n) using the sorted list of astral characters' code-point positions;
for text without astral characters it is the identity.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


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
