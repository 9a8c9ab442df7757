"""Tests: proposing cuts of web-site furniture and repeated paragraphs, and trimming recoverably.

The sample article in ``seeds/`` is the real case: an op-ed pasted with the
site's "Related articles" / "Editor's choice" / "Popular" blocks and one news
story twice. The cut is checked by content found independently of the code
(the line "Related articles", the op-ed's last words), never by offsets copied
from it. Synthetic texts check what must *not* be cut.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from annotator.core.boilerplate import (
    Cut,
    apply_cuts,
    find_boilerplate,
    is_furniture_heading,
    map_offset,
)

PROSE = [
    "The beginning of the year surprised many observers, who had expected negotiations rather than protests.",
    "Prices for liquefied gas doubled overnight, and within days the protests had spread to the largest city.",
    "Neighbouring governments watched closely, because the mission sent to restore order was the first of its kind.",
    "What happens next depends on decisions still being taken behind closed doors, far from the cameras.",
    "Caf\u00e9\u00a0owners said \U0001f469\u200d\U0001f4bb they had never seen anything like it; \u05e9\u05dc\u05d5\u05dd, cafe\u0301.",
]
HEADLINES = [
    "Council of Europe launches new claims commission",
    "Ten things you did not know about gas prices",
    "Celebrity chef opens new restaurant downtown",
]


def restore_text(trimmed: str, removed: Iterable[Mapping[str, Any]]) -> str:
    """The original text from the trimmed one and the record :func:`apply_cuts` keeps in the
    metadata: the tests use it to prove that record loses nothing."""

    parts, position, shift = [], 0, 0
    for record in sorted(removed, key=lambda r: int(r["start"])):
        at = int(record["start"]) - shift  # where the removed text was, in the trimmed text
        if at < position or at > len(trimmed) or len(record["text"]) != int(record["end"]) - int(record["start"]):
            raise ValueError("the record of trimmed text does not fit this text")
        parts.append(trimmed[position:at])
        parts.append(record["text"])
        position = at
        shift += len(record["text"])
    parts.append(trimmed[position:])
    return "".join(parts)


def article(*paragraphs: str) -> str:
    return "\n\n".join(paragraphs) + "\n"


def kept_text(text: str) -> str:
    return apply_cuts(text, find_boilerplate(text))[0]


# ----------------------------------------------------------------------------
# the sample article


def test_the_sample_loses_its_related_articles_tail_and_keeps_the_whole_op_ed(
    seed_text: str,
) -> None:
    heading = re.search(r"^Related articles$", seed_text, re.MULTILINE)
    assert heading is not None
    op_ed_end = seed_text.index("or its partners") + len("or its partners")
    cuts = find_boilerplate(seed_text)
    assert len(cuts) == 1  # the story told twice lies inside the tail: no separate cut
    (cut,) = cuts
    assert cut.kind == "tail" and "Related articles" in cut.reason
    # The cut starts at the heading, taking only the blank (and NBSP-only) lines before it.
    assert seed_text[cut.start : heading.start()].strip() == ""
    assert seed_text[op_ed_end : cut.start].strip() == ""
    assert cut.end == len(seed_text)

    kept, removed = apply_cuts(seed_text, cuts)
    assert kept == seed_text[: op_ed_end + 1]  # the op-ed, up to its last line and that line's "\n"
    assert kept.endswith("or its partners\n")
    for marker in (
        "Related articles",
        "Editor's choice",
        "Popular",
        "Council of Europe",
        "Thirty-four countries",
    ):
        assert marker not in kept
    assert removed[0]["text"].lstrip().startswith("Related articles\n")
    assert restore_text(kept, removed) == seed_text


def test_the_kept_op_ed_has_nothing_more_to_cut(seed_text: str) -> None:
    assert find_boilerplate(kept_text(seed_text)) == []


# ----------------------------------------------------------------------------
# what is cut


def test_a_duplicated_paragraph_is_cut_once_and_the_first_copy_stays() -> None:
    text = article(PROSE[0], PROSE[1], PROSE[2], PROSE[1], PROSE[3])
    cuts = find_boilerplate(text)
    assert [c.kind for c in cuts] == ["repeat"]
    kept = kept_text(text)
    assert kept == article(PROSE[0], PROSE[1], PROSE[2], PROSE[3])
    assert "line 3" in cuts[0].reason  # the first copy is the paragraph on line 3
    said = cuts[0].described(lambda context, text: f"[{context}] {text.replace('repeats', 'wiederholt')}")
    assert said == "[core.boilerplate] wiederholt the paragraph at line 3"  # the window's language, same line


def test_a_repeat_at_the_end_leaves_no_blank_lines_behind() -> None:
    text = article(PROSE[0], PROSE[1], PROSE[0]) + "\n\u00a0\n"
    assert kept_text(text) == PROSE[0] + "\n\n" + PROSE[1] + "\n"


def test_a_repeated_long_line_inside_a_paragraph_is_cut_alone() -> None:
    text = f"{PROSE[0]}\n{PROSE[1]}\n\n{PROSE[2]}\n{PROSE[0]}\n{PROSE[3]}\n"
    assert kept_text(text) == f"{PROSE[0]}\n{PROSE[1]}\n\n{PROSE[2]}\n{PROSE[3]}\n"


def test_a_repeated_last_line_of_a_paragraph_keeps_the_paragraph_break() -> None:
    text = f"{PROSE[0]}\n\n{PROSE[1]}\n{PROSE[0]}\n\n{PROSE[2]}\n"
    assert kept_text(text) == f"{PROSE[0]}\n\n{PROSE[1]}\n\n{PROSE[2]}\n"


def test_a_tail_of_headlines_after_a_heading_is_cut() -> None:
    text = article(PROSE[0], PROSE[1], "Read more:", *HEADLINES)
    (cut,) = find_boilerplate(text)
    assert cut.kind == "tail"
    assert kept_text(text) == article(PROSE[0], PROSE[1])


def test_a_tail_of_alternating_headlines_and_teasers_is_cut() -> None:
    text = article(PROSE[0], PROSE[1], "Most read", HEADLINES[0], PROSE[2], HEADLINES[1], PROSE[3])
    assert kept_text(text) == article(PROSE[0], PROSE[1])


def test_a_lone_furniture_line_at_the_end_is_cut() -> None:
    assert kept_text(article(PROSE[0], PROSE[1], "Share this")) == article(PROSE[0], PROSE[1])


def test_text_without_blank_lines_is_judged_line_by_line() -> None:
    text = "\n".join([PROSE[0], PROSE[1], "Related", *HEADLINES]) + "\n"
    assert kept_text(text) == PROSE[0] + "\n" + PROSE[1] + "\n"


def test_a_repeat_just_before_the_tail_and_the_tail_leave_clean_text() -> None:
    text = article(PROSE[0], PROSE[1], PROSE[0], "Popular", *HEADLINES)
    cuts = find_boilerplate(text)
    assert [c.kind for c in cuts] == ["repeat", "tail"]
    assert kept_text(text) == PROSE[0] + "\n\n" + PROSE[1] + "\n"


@pytest.mark.parametrize(
    "line",
    ["Related articles", "## Related Articles:", "RELATED", "Editor\u2019s choice", "Editor's Choice",
     "More from The Guardian", "12 comments", "  Popular  ", "Read more \u00bb", "Newsletter", "\u2014 Share this \u2014"],
)  # fmt: skip
def test_furniture_headings_are_recognised(line: str) -> None:
    assert is_furniture_heading(line)


@pytest.mark.parametrize(
    "line",
    ["Related work in this field shows a different picture", "Popularity", "Commentary", "Editors disagree",
     "The related question is harder", "", "More", "Readers' letters"],
)  # fmt: skip
def test_other_lines_are_not_furniture_headings(line: str) -> None:
    assert not is_furniture_heading(line)


# ----------------------------------------------------------------------------
# what is not cut


def test_an_article_without_furniture_gets_no_cuts() -> None:
    assert find_boilerplate(article(*PROSE)) == []
    assert find_boilerplate("") == []
    assert find_boilerplate("\n\n\u00a0\n") == []


def test_related_mentioned_in_the_article_is_not_a_cut() -> None:
    text = article(
        PROSE[0],
        "The related question, raised in the popular press and in the comments, is harder to answer than it looks.",
        PROSE[1],
        "Related",  # even as a heading: prose paragraphs follow it
        PROSE[2],
        PROSE[3],
    )
    assert find_boilerplate(text) == []


def test_a_comments_section_with_consecutive_paragraphs_is_not_cut() -> None:
    assert find_boilerplate(article(PROSE[0], "Comments", PROSE[1], PROSE[2])) == []


def test_a_heading_with_one_long_paragraph_after_it_is_not_cut() -> None:
    assert find_boilerplate(article(PROSE[0], "Popular", PROSE[1])) == []


def test_a_heading_with_no_prose_before_it_is_not_cut() -> None:
    # Cutting here would cut the whole text.
    assert find_boilerplate(article("Related articles", *HEADLINES)) == []


def test_a_heading_word_inside_a_wrapped_paragraph_is_not_a_heading() -> None:
    text = article(
        PROSE[0],
        "We read every line of the\nComments\nthat readers left, all of them.",
        HEADLINES[0],
    )
    assert find_boilerplate(text) == []


def test_short_repeated_paragraphs_are_kept() -> None:
    text = article(PROSE[0], "* * *", PROSE[1], "* * *", PROSE[2])
    assert find_boilerplate(text) == []


# ----------------------------------------------------------------------------
# trimming and restoring


def test_apply_cuts_records_what_it_removed_in_original_offsets() -> None:
    text = article(PROSE[0], PROSE[1], PROSE[1], "Popular", *HEADLINES)
    cuts = find_boilerplate(text)
    kept, removed = apply_cuts(text, cuts)
    assert [set(r) for r in removed] == [{"start", "end", "reason", "kind", "text"}] * len(cuts)
    for record in removed:
        assert text[record["start"] : record["end"]] == record["text"]
    assert restore_text(kept, removed) == text
    assert len(kept) + sum(len(r["text"]) for r in removed) == len(text)


def test_map_offset_carries_offsets_to_the_trimmed_text() -> None:
    text = article(PROSE[0], PROSE[1], PROSE[0], PROSE[2])
    kept, removed = apply_cuts(text, find_boilerplate(text))
    third = text.rindex(PROSE[2])
    assert kept[map_offset(third, removed) :].startswith(PROSE[2])
    assert map_offset(0, removed) == 0
    assert map_offset(len(text), removed) == len(kept)
    inside = removed[0]["start"] + 5
    assert map_offset(inside, removed) == removed[0]["start"]


def test_overlapping_or_outside_cuts_are_refused() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        apply_cuts("abcdef\n", [Cut(0, 4, "x", "repeat"), Cut(2, 6, "y", "repeat")])
    with pytest.raises(ValueError, match="outside"):
        apply_cuts("abc", [Cut(1, 9, "x", "repeat")])
    with pytest.raises(ValueError, match="does not fit"):
        restore_text("abc", [{"start": 10, "end": 11, "text": "x", "reason": "", "kind": "repeat"}])


# ----------------------------------------------------------------------------
# properties, on texts assembled from prose, headlines, headings, repeats and blank lines

PIECES = st.sampled_from(
    [*PROSE, *HEADLINES, "Related articles", "Popular", "Editor's choice", "Comments", "", "", "\u00a0", "* * *",
     PROSE[0] + "\n" + PROSE[1], "\U0001f44d\U0001f3fd short line"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(PIECES, max_size=14), st.sampled_from(["\n", "\n\n"]), st.booleans())
def test_cuts_are_whole_lines_and_trimming_is_reversible(pieces: list[str], sep: str, final_newline: bool) -> None:
    text = sep.join(pieces) + ("\n" if final_newline else "")
    cuts = find_boilerplate(text)
    position = 0
    for cut in cuts:
        assert position <= cut.start < cut.end <= len(text)  # sorted, not overlapping
        assert cut.start == 0 or text[cut.start - 1] == "\n"  # starts at a line
        assert cut.end == len(text) or text[cut.end - 1] == "\n"  # ends after a line
        assert text[cut.start : cut.end].strip()  # removes something
        position = cut.end
    spans: list[list[int]] = []  # adjacent cuts together: what disappears in one piece
    for cut in cuts:
        if spans and spans[-1][1] == cut.start:
            spans[-1][1] = cut.end
        else:
            spans.append([cut.start, cut.end])
    for start, end in spans:
        before = text[:start]
        if end == len(text):
            # A cut to the end leaves the last kept line with its own "\n" and nothing more.
            assert before == "" or (before.endswith("\n") and before.rstrip("\n").split("\n")[-1].strip())
        elif before == "" or not before.rstrip("\n").split("\n")[-1].strip() or before.endswith("\n\n"):
            # A cut that starts a paragraph takes the blank lines after it: text follows.
            assert text[end:].split("\n", 1)[0].strip()
    kept, removed = apply_cuts(text, cuts)
    assert restore_text(kept, removed) == text
    # The kept text has the original paragraphs, less the cut lines: nothing merged or split.
    assert paragraphs(kept) == [
        kept_lines
        for paragraph in paragraphs(text, cuts)
        if (kept_lines := [line for line, cut in paragraph if not cut])
    ]


def paragraphs(text: str, cuts: list[Cut] | None = None) -> list[list[Any]]:
    """The text's paragraphs as lists of lines; with *cuts*, each line paired with "is it cut"."""
    result: list[list[Any]] = [[]]
    position = 0
    for line in text.split("\n"):
        if line.strip():
            cut = any(c.start <= position < c.end for c in cuts or [])
            result[-1].append((line, cut) if cuts is not None else line)
        elif result[-1]:
            result.append([])
        position += len(line) + 1
    return [p for p in result if p]
