"""Tests: paragraphs and sentences as exact code-point spans of the stored text.

The hard cases of news text (abbreviations, initials, decimals, quotes that end a
sentence, ellipses) are checked by the sentences they give; a property test checks
that whatever the splitter says, the spans are spans of the very text, in order,
inside paragraphs, and leave no non-blank character out.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.core import sentences as sn
from annotator.core.text import sha256_text


def split(text: str) -> list[str]:
    return [text[s:e] for s, e in sn.sentences(text)]


def test_paragraphs_are_blank_line_separated_blocks_without_their_white_space() -> None:
    text = "  Title line\n\nFirst para,\nsame para.\n \t\nSecond.\n\n\n"
    assert [text[s:e] for s, e in sn.paragraphs(text)] == ["Title line", "First para,\nsame para.", "Second."]


def test_a_blank_text_has_no_paragraphs_or_sentences() -> None:
    assert sn.paragraphs(" \n\n\t") == [] and sn.sentences("") == []


def test_titles_and_honorifics_do_not_end_a_sentence() -> None:
    assert split("Mr. Smith went to Washington. He met Mrs. Jones there.") == [
        "Mr. Smith went to Washington.",
        "He met Mrs. Jones there.",
    ]


def test_dotted_abbreviations_and_months_do_not_end_a_sentence() -> None:
    assert split("The U.S. economy grew. Analysts in the U.S. were surprised.") == [
        "The U.S. economy grew.",
        "Analysts in the U.S. were surprised.",
    ]
    assert split("On Jan. 5 the vote was held. It passed.") == ["On Jan. 5 the vote was held.", "It passed."]


def test_initials_stay_with_the_name() -> None:
    assert split("J. R. R. Tolkien wrote it. He was a don.") == ["J. R. R. Tolkien wrote it.", "He was a don."]


def test_decimals_and_numbered_items_do_not_end_a_sentence() -> None:
    assert split("Growth was 3.5 per cent last year. No. 4 was the best. It won.") == [
        "Growth was 3.5 per cent last year.",
        "No. 4 was the best.",
        "It won.",
    ]


def test_a_closing_quote_stays_with_the_sentence_it_ends() -> None:
    assert split("“We will win,” he said. She nodded.") == ["“We will win,” he said.", "She nodded."]
    assert split("“Why?” She left.") == ["“Why?”", "She left."]
    assert split("“Will it rain?” she asked. Nobody knew.") == ["“Will it rain?” she asked.", "Nobody knew."]


def test_ellipses_end_a_sentence_before_a_capital() -> None:
    assert split("He paused... Then he went on. Wait… what? Yes.") == [
        "He paused...",
        "Then he went on.",
        "Wait… what?",
        "Yes.",
    ]


def test_no_sentence_runs_across_a_blank_line() -> None:
    # A headline has no full stop; without paragraphs it would swallow the first sentence.
    assert split("Markets fall in Asia\n\nShares fell on Monday. Oil rose.") == [
        "Markets fall in Asia",
        "Shares fell on Monday.",
        "Oil rose.",
    ]


def test_spans_count_code_points_past_astral_characters() -> None:
    text = "😀 Emoji first. 𝔘nicode second."
    spans = sn.sentences(text)
    assert [text[s:e] for s, e in spans] == ["😀 Emoji first.", "𝔘nicode second."]
    assert spans[1] == (15, 30)  # 15 code points in, whatever UTF-16 or UTF-8 would count


def test_the_sample_article_splits_where_its_sentences_end(seed_text: str) -> None:
    said = split(seed_text)
    assert said[0] == (
        "Opinion: The implosion of Kazakhstan was unexpected, and it has implications for the whole post-Soviet space"
    )
    assert "The beginning of 2022 surprised many." in said
    assert any(s.startswith("While experts and pundits were busy discussing") for s in said)
    assert "We need time to understand better what happened in Kazakhstan, and why." in said
    assert any(s.startswith("On January 5, 2022, President Tokayev stated") for s in said)
    for s, e in sn.sentences(seed_text):
        assert seed_text[s:e] == seed_text[s:e].strip() and "\n\n" not in seed_text[s:e]


def test_a_piece_the_splitter_changed_is_placed_by_its_characters() -> None:
    paragraph = "One  two.\nThree four."
    # As if the splitter had collapsed white space: the spans still cover the text as it is.
    assert sn._place(paragraph, ["One two.", "Three four."]) == [(0, 9), (10, 21)]


def test_text_the_splitter_dropped_or_garbled_becomes_a_sentence_of_its_own() -> None:
    paragraph = "Alpha beta. Gamma delta."
    assert sn._place(paragraph, ["Alpha beta."]) == [(0, 11), (12, 24)]
    assert sn._place(paragraph, ["Alpha beta.", "something else"]) == [(0, 11), (12, 24)]


def test_a_span_is_placed_in_the_sentences_it_touches() -> None:
    text = "One two. Three four. Five six."
    seg = sn.segment(text)
    assert seg.sentences == ((0, 8), (9, 20), (21, 30))
    assert seg.sentence_range(4, 7) == (0, 0)
    assert seg.sentence_range(4, 12) == (0, 1)
    assert seg.sentence_range(8, 9) == (0, 1)  # the space between two sentences touches both
    assert seg.sentence_distance((0, 3), (4, 7)) == 0
    assert seg.sentence_distance((0, 3), (21, 25)) == 2
    assert seg.sentence_distance((21, 25), (0, 3)) == 2


def test_segmenting_a_text_again_comes_from_the_cache() -> None:
    text = "A cached text. Asked twice."
    first = sn.segment(text)
    assert sn.segment(text) is first
    assert sn.segment(text, sha256_text(text)) is first
    assert first.sha256 == sha256_text(text)


TEXTS = st.text(alphabet=st.sampled_from(list('ab .?!…“”"\n\t3Mr')), max_size=80)


@given(TEXTS)
def test_sentences_are_ordered_trimmed_spans_inside_paragraphs_that_miss_no_character(text: str) -> None:
    paras = sn.paragraphs(text)
    spans = sn.sentences(text)
    covered = [False] * len(text)
    previous_end = 0
    for s, e in spans:
        assert previous_end <= s < e <= len(text)
        assert text[s:e] == text[s:e].strip()
        assert any(ps <= s and e <= pe for ps, pe in paras)
        for i in range(s, e):
            covered[i] = True
        previous_end = e
    for i, char in enumerate(text):
        assert covered[i] or char.isspace(), (text, i)


def test_the_sentence_end_after_and_start_before_an_offset() -> None:
    text = "One here. Two there! Three?"
    found = sn.segment(text)
    assert [text[s:e] for s, e in found.sentences] == ["One here.", "Two there!", "Three?"]
    assert found.sentence_end_after(0) == len("One here.")
    assert found.sentence_end_after(len("One here.")) == len("One here. Two there!")
    assert found.sentence_end_after(len(text)) is None
    assert found.sentence_start_before(len(text)) == text.index("Three")
    assert found.sentence_start_before(text.index("Three")) == text.index("Two")
    assert found.sentence_start_before(0) is None
