"""Tests: code-point <-> UTF-16 offset conversion (Python's offsets vs Qt's).

The oracle is Python's own UTF-16 encoder: the UTF-16 offset of code point i is
the number of UTF-16 code units that ``text[:i]`` encodes to.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.offsets import OffsetMap

# Mostly BMP text, with astral characters (emoji, math letters) mixed in often enough to matter.
ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=("Cs",))
TEXTS = st.lists(st.one_of(st.characters(exclude_categories=("Cs",)), ASTRAL), max_size=60).map(
    "".join
)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@settings(max_examples=200)
@given(TEXTS)
def test_to_utf16_matches_the_encoder(text: str) -> None:
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.to_utf16(i) == utf16_len(text[:i])
    assert offsets.utf16_length == utf16_len(text)


@settings(max_examples=200)
@given(TEXTS)
def test_from_utf16_inverts_to_utf16(text: str) -> None:
    offsets = OffsetMap(text)
    for i in range(len(text) + 1):
        assert offsets.from_utf16(offsets.to_utf16(i)) == i


@settings(max_examples=200)
@given(TEXTS)
def test_mid_surrogate_pair_snaps_to_the_character_start(text: str) -> None:
    offsets = OffsetMap(text)
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            assert offsets.from_utf16(offsets.to_utf16(i) + 1) == i


@settings(max_examples=100)
@given(
    st.text(alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=80)
)
def test_identity_without_astral_characters(text: str) -> None:
    offsets = OffsetMap(text)
    assert offsets.is_identity
    assert offsets.utf16_length == len(text)
    for i in range(len(text) + 1):
        assert offsets.to_utf16(i) == i
        assert offsets.from_utf16(i) == i


def test_known_text_with_emoji() -> None:
    text = "a\U0001f600b\U0001f44d\U0001f3fdc"  # grinning face, thumbs up + skin tone modifier
    offsets = OffsetMap(text)
    assert not offsets.is_identity
    assert [offsets.to_utf16(i) for i in range(len(text) + 1)] == [0, 1, 3, 4, 6, 8, 9]
    assert offsets.from_utf16(9) == len(text)
