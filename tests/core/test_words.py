"""Tests: what a word is (Unicode letters, digits and marks, inner apostrophes and hyphens), how
words are counted (case folded, one apostrophe), the pattern that finds every spelling of a
counted word, and the stop word lists."""

from __future__ import annotations

import re
import unicodedata

import pytest

from annotator.core import words
from annotator.core.errors import InvalidInput


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in words.spans(text)]


def test_words_keep_inner_apostrophes_and_hyphens_and_their_marks() -> None:
    text = "Don’t say well-being, O'Brien: Cafe\u0301 — rock 'n' roll; students' 2020 __ 👩‍🔬 हिन्दी x_y"
    assert split(text) == [
        "Don’t", "say", "well-being", "O'Brien", "Cafe\u0301", "rock", "n", "roll", "students", "2020", "हिन्दी", "x_y",
    ]  # fmt: skip


def test_spans_are_code_points_beyond_the_bmp() -> None:
    text = "😀😀 über 𝔘𝔫𝔦"
    assert list(words.spans(text)) == [(3, 7), (8, 11)]
    assert text[8:11] == "𝔘𝔫𝔦"


def test_counting_folds_case_and_reads_a_curly_apostrophe_as_straight() -> None:
    found = words.counts("The THE the. Straße STRASSE. Don’t don't. café Cafe\u0301")
    assert found == {"the": 3, "strasse": 2, "don't": 2, "café": 1, "cafe\u0301": 1}


def test_the_pattern_finds_every_spelling_counted_together() -> None:
    text = "Straße, STRASSE and strasse; STRAẞE. DON’T don't"
    pattern = re.compile(words.word_pattern("STRASSE"), re.IGNORECASE)
    assert [m.group() for m in pattern.finditer(text)] == ["Straße", "STRASSE", "strasse", "STRAẞE"]
    dont = re.compile(words.word_pattern("don’t"), re.IGNORECASE)
    assert [m.group() for m in dont.finditer(text)] == ["DON’T", "don't"]


@pytest.mark.parametrize("word", ["", "two words", "--", "well-", "🙂"])
def test_a_pattern_is_for_one_word_only(word: str) -> None:
    with pytest.raises(InvalidInput, match="is not one word"):
        words.word_pattern(word)


def test_joined_tells_a_part_of_a_hyphenated_or_apostrophed_word() -> None:
    text = "well-being is well. O'Brien"
    assert words.joined(text, 0, 4) and words.joined(text, 5, 10)
    assert not words.joined(text, 14, 18)
    assert words.joined(text, 20, 21) and words.joined(text, 22, 27)


def test_stop_words_by_iso_code_case_aside() -> None:
    english = words.stop_words("EN")
    assert {"the", "and", "don't"} <= english and "evidence" not in english
    assert "und" in words.stop_words("de")


def test_a_language_without_a_list_names_those_there_are() -> None:
    with pytest.raises(InvalidInput, match=r"no stop word list for 'xx' \(ISO 639-1 codes: af, ar, .*\ben\b"):
        words.stop_words("xx")


def test_the_languages_offered_each_have_a_list_and_are_sorted() -> None:
    codes = words.stop_word_languages()
    assert {"en", "de", "fr"} <= set(codes) and codes == sorted(codes)
    assert all(words.stop_words(code) for code in codes)


def test_the_planes_scanned_hold_every_mark_and_multi_character_folding() -> None:
    marks, folds = words._unicode_tables()
    scanned = set(words._scanned())
    for code in range(0x110000):
        char = chr(code)
        if unicodedata.category(char)[0] == "M" or len(char.casefold()) > 1:
            assert code in scanned, hex(code)
    assert folds["ss"] == "ßẞ"
    assert re.fullmatch(f"[{marks}]+", "\u0301\u093f\U000e0100")  # an accent, a Devanagari vowel sign, plane 14


def test_snap_takes_in_the_words_a_span_cuts_through() -> None:
    text = "The well-being of 👍🏽 café\u0301 owners."
    start, end = text.index("ll-be"), text.index("owners") + 2
    assert words.snap(text, start, end) == (text.index("well"), text.index("owners") + len("owners"))
    whole = (text.index("of"), text.index("of") + 2)
    assert words.snap(text, *whole) == whole  # ends between words stay put
    emoji = text.index("👍🏽")
    assert words.snap(text, emoji + 1, emoji + 2) == (emoji + 1, emoji + 2)  # not in a word
    assert words.snap(text, 0, len(text)) == (0, len(text))
