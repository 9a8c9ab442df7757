"""Tests: the search engine: exact code-point offsets whatever the text holds, case, whole
words, loose matching, context, and the regex guard."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.errors import InvalidInput
from annotator.core.search import Finder, Hit, Query, compile_query, find_hits

ASTRAL = st.characters(min_codepoint=0x10000, max_codepoint=0x10FFFF, exclude_categories=("Cs",))
TEXTS = st.lists(st.one_of(st.characters(exclude_categories=("Cs",)), ASTRAL, st.sampled_from("aİi ")), max_size=80)


def spans(text: str, query: Query) -> list[tuple[int, int]]:
    return compile_query(query).spans(text)


@settings(max_examples=200)
@given(TEXTS.map("".join), st.integers(0, 80), st.integers(1, 4), st.booleans(), st.booleans())
def test_every_hit_is_exactly_the_text_at_its_offsets(text: str, at: int, size: int, case: bool, word: bool) -> None:
    pattern = text[at : at + size] or "a"
    for hit in find_hits(text, Query(pattern, case=case, word=word), context=5):
        assert text[hit.start : hit.end] == hit.match
        assert text[: hit.start].endswith(hit.before) and text[hit.end :].startswith(hit.after)
        if case:
            assert hit.match == pattern


def test_offsets_are_code_points_after_emoji_combining_marks_and_nbsp() -> None:
    text = "👩‍🔬 cafe\u0301\u00a0bar 𝔘nicode bar"
    hits = find_hits(text, Query("bar"))
    assert [(h.start, h.end) for h in hits] == [(text.index("bar"), text.index("bar") + 3), (len(text) - 3, len(text))]
    assert all(text[h.start : h.end] == "bar" for h in hits)


def test_ignoring_case_keeps_offsets_where_lowercasing_would_shift_them() -> None:
    text = "İstanbul and then ISTANBUL"  # 'İ'.lower() is two code points
    hits = find_hits(text, Query("then"))
    assert [(h.start, h.match) for h in hits] == [(13, "then")]
    assert [h.match for h in find_hits(text, Query("STANBUL"))] == ["stanbul", "STANBUL"]
    assert find_hits(text, Query("istanbul", case=True)) == []


def test_case_sensitive_finds_only_the_same_letters() -> None:
    assert spans("Rose rose ROSE", Query("rose", case=True)) == [(5, 9)]
    assert spans("Rose rose ROSE", Query("rose")) == [(0, 4), (5, 9), (10, 14)]


def test_whole_word_needs_no_letter_digit_or_combining_mark_either_side() -> None:
    text = "cat cats concat cat_ cat9 cafe\u0301 cafe. (cat)"
    assert [text[a:b] for a, b in spans(text, Query("cat", word=True))] == ["cat", "cat"]
    assert spans(text, Query("cafe", word=True)) == [(text.index("cafe."), text.index("cafe.") + 4)]
    hindi = "किताब कि"  # the vowel sign ि is a combining mark: "कि" inside the first word is not a word
    assert spans(hindi, Query("कि", word=True)) == [(6, 8)]


def test_whole_word_also_fits_patterns_that_end_in_punctuation() -> None:
    assert spans("the U.S. and U.S.A.", Query("U.S.", word=True)) == [(4, 8)]


def test_whole_word_regex_tries_the_longer_alternative_and_later_starts() -> None:
    text = "aaa aa cats. cat"
    found = [h.match for h in find_hits(text, Query("aa|cat|cats", regex=True, word=True))]
    assert found == ["aa", "cats", "cat"]


def test_loose_matches_nbsp_curly_quotes_and_runs_of_white_space() -> None:
    text = 'the\u00a0state’s “power”\n\n  was "real" and it\'s'
    assert [h.match for h in find_hits(text, Query("the state's", loose=True))] == ["the\u00a0state’s"]
    assert [h.match for h in find_hits(text, Query('"power" was', loose=True))] == ["“power”\n\n  was"]
    assert [h.match for h in find_hits(text, Query("“real”", loose=True))] == ['"real"']
    assert [h.match for h in find_hits(text, Query("it’s", loose=True))] == ["it's"]
    assert find_hits(text, Query("the state's")) == []


def test_context_is_cut_at_line_breaks_and_to_the_length_asked() -> None:
    text = "first line\nsecond word here\u2028third"
    (hit,) = find_hits(text, Query("word"), context=6)
    assert hit == Hit(18, 22, "word", "econd ", " here")
    (hit,) = find_hits(text, Query("second"), context=40)
    assert (hit.before, hit.after) == ("", " word here")
    assert find_hits(text, Query("here"), context=0)[0].before == ""


def test_regex_groups_classes_and_empty_matches() -> None:
    text = "In 1989, 2001 and 2024."
    assert [h.match for h in find_hits(text, Query(r"\d{4}", regex=True))] == ["1989", "2001", "2024"]
    assert find_hits(text, Query("x*", regex=True)) == []  # only empty matches: no hit


@pytest.mark.parametrize(
    ("query", "needle"),
    [(Query(""), "empty"), (Query("a(b", regex=True), "not a valid regular expression: missing ), unterminated subpattern at position 1"),
     (Query("[z-a]", regex=True), "bad character range"), (Query("a", regex=True, loose=True), "loose matching is for plain text")],
)  # fmt: skip
def test_a_query_that_cannot_run_is_refused_in_one_line(query: Query, needle: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        compile_query(query)
    assert needle in str(refused.value) and "\n" not in str(refused.value)


@pytest.mark.parametrize(
    "pattern", ["(a+)+$", "(a*)*b", r"(\w+\s?)*$", "(a|ab)*c", "(x|x)+y", "(?:a{1,3})+z", "(a+){2}"]
)
def test_a_regex_that_could_backtrack_for_hours_is_refused_before_it_runs(pattern: str) -> None:
    with pytest.raises(InvalidInput, match="could take hours"):
        compile_query(Query(pattern, regex=True))


@pytest.mark.parametrize("pattern", ["(?:\u0131b|ib)*$", "(?:\u0130b|ib)*$", "(?:\u017ft|st)*$", "(?:\u212ax|kx)*$"])
def test_alternatives_that_begin_with_letters_one_ignoring_case_are_refused_too(pattern: str) -> None:
    """Found by a review: ignoring case, "ı", "İ" and "i" are one letter to ``re`` but not to
    ``casefold``, so "(?:ıb|ib)*$" got past the guard and ran for minutes."""
    with pytest.raises(InvalidInput, match="could take hours"):
        compile_query(Query(pattern, regex=True))
    compile_query(Query(pattern, regex=True, case=True))  # with case, they are other letters: it runs


@pytest.mark.parametrize("pattern", ["(?>a+)+$", "(a++)+$", "(foo|bar)+", r"\w+ing", "(a{2})+", "(?:é|e)+", "colou?r"])
def test_a_regex_without_nested_choices_runs(pattern: str) -> None:
    hostile = "a" * 5000 + "!"
    compile_query(Query(pattern, regex=True)).spans(hostile)  # returns: no exponential backtracking


def test_a_limit_stops_the_search_at_that_many_hits() -> None:
    for word in (False, True):
        finder = compile_query(Query("ab", word=word))
        assert finder.spans("ab " * 10, limit=3) == [(0, 2), (3, 5), (6, 8)]
        assert len(finder.spans("ab " * 10)) == 10


@pytest.mark.parametrize("pattern", ["(?i)ROSE", "(?s)(?i)rose", "(?ix) r o s e  # the flower", "(?x)(?i)rose#"])
def test_whole_word_keeps_a_regex_s_global_flags_and_verbose_comments(pattern: str) -> None:
    """Found attacking issue 10: whole words wrapped the regex in a group, so ``(?i)`` was no longer
    at the start ("global flags not at the start of the expression") and a ``(?x)`` comment at the
    end swallowed the group's closing parenthesis."""
    text = "Rose roses ROSE"
    assert spans(text, Query(pattern, regex=True, word=True, case=True)) == [(0, 4), (11, 15)]


class _CountingPattern:
    """A compiled pattern that counts how often a search (re)starts: each restart scans on from there."""

    def __init__(self, pattern: str) -> None:
        self.pattern, self.restarts = re.compile(pattern), 0

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        self.restarts += 1
        return self.pattern.finditer(text, pos)


def test_whole_word_restarts_past_a_word_it_cannot_begin_inside() -> None:
    """Found attacking issue 10: "[a-z]+" as whole words over "É" and a long run of letters restarted
    one character on for every letter, scanning the rest of the run each time (40,000 letters: 12 s)."""
    counting = _CountingPattern("[a-z]+(?!\\w)")
    finder = Finder(counting, word=True)  # type: ignore[arg-type]
    text = "É" + "a" * 1000 + " abc éa xyz"
    assert [text[a:b] for a, b in finder.spans(text)] == ["abc", "xyz"]
    assert counting.restarts <= 3  # once, and once after each word a hit cannot begin in
