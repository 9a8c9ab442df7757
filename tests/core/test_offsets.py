"""Tests: code-point <-> UTF-16 offset conversion (Python's offsets vs Qt's), and offsets
counted in a raw text (BOM, CRLF) moved onto the stored text.

The oracle for UTF-16 is Python's own UTF-16 encoder: the UTF-16 offset of code
point i is the number of UTF-16 code units that ``text[:i]`` encodes to. The
oracle for raw offsets is ``normalize_text`` itself: raw offset i lands where the
stored text of ``raw[:i]`` ends.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.offsets import OffsetMap, RawTextMap
from annotator.core.text import normalize_text

# Mostly BMP text, with astral characters (emoji, math letters) mixed in often enough to matter.
ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=("Cs",))
TEXTS = st.lists(st.one_of(st.characters(exclude_categories=("Cs",)), ASTRAL), max_size=60).map("".join)


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
@given(st.text(alphabet=st.characters(max_codepoint=0xFFFF, exclude_categories=("Cs",)), max_size=80))
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


# Raw texts as files hold them: a BOM or not, then words, emoji, NBSP and every kind of line end.
RAW_PIECES = st.sampled_from(["a", "bc", " ", "\u00a0", "\U0001f44d\U0001f3fd", "e\u0301", "\r\n", "\r", "\n", "\t"])
RAW_TEXTS = st.tuples(st.booleans(), st.lists(RAW_PIECES, max_size=30)).map(
    lambda bom_pieces: ("\ufeff" if bom_pieces[0] else "") + "".join(bom_pieces[1])
)


def _inside_crlf(raw: str, i: int) -> bool:
    return 0 < i < len(raw) and raw[i - 1] == "\r" and raw[i] == "\n"


@settings(max_examples=300)
@given(RAW_TEXTS)
def test_a_raw_offset_lands_where_the_stored_text_of_what_precedes_it_ends(raw: str) -> None:
    before, after = RawTextMap(raw), RawTextMap(raw, inside_crlf="after")
    assert before.text == after.text == normalize_text(raw)
    for i in range(len(raw) + 1):
        stored_prefix = len(normalize_text(raw[:i]))  # a CR cut from its LF counts as a line break
        assert after(i) == stored_prefix
        assert before(i) == stored_prefix - (1 if _inside_crlf(raw, i) else 0)


@settings(max_examples=300)
@given(RAW_TEXTS, st.data())
def test_a_raw_span_cut_from_the_stored_text_is_the_raw_quote_normalised(raw: str, data: st.DataObject) -> None:
    to_stored = RawTextMap(raw)
    cuts = [i for i in range(len(raw) + 1) if not _inside_crlf(raw, i) and not (i == 0 and raw[:1] == "\ufeff")]
    start = data.draw(st.sampled_from(cuts))
    end = data.draw(st.sampled_from([c for c in cuts if c >= start]))
    assert to_stored.text[to_stored(start) : to_stored(end)] == normalize_text(raw[start:end])


@pytest.mark.parametrize("raw", ["plain text\n", "lone\rcarriage returns\r", "", "\U0001f44d\u00a0x"])
def test_text_without_bom_or_crlf_maps_to_itself(raw: str) -> None:
    to_stored = RawTextMap(raw)
    assert to_stored.is_identity
    assert [to_stored(i) for i in range(len(raw) + 1)] == list(range(len(raw) + 1))


def test_known_text_with_a_bom_and_crlf() -> None:
    raw = "\ufeffab\r\ncd\r\n"
    to_stored = RawTextMap(raw)
    assert to_stored.text == "ab\ncd\n" and not to_stored.is_identity
    assert [to_stored(i) for i in range(len(raw) + 1)] == [0, 0, 1, 2, 2, 3, 4, 5, 5, 6]
    after = RawTextMap(raw, inside_crlf="after")
    assert [after(i) for i in range(len(raw) + 1)] == [0, 0, 1, 2, 3, 3, 4, 5, 6, 6]
    # Tools that do not count the BOM: the map is built on the text without it.
    uncounted = RawTextMap(raw.removeprefix("\ufeff"))
    assert uncounted.text == to_stored.text
    assert [uncounted(i) for i in range(len(raw))] == [0, 1, 2, 2, 3, 4, 5, 5, 6]
