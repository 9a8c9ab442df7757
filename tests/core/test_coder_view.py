"""Tests: whose annotations a coder view shows, and the underline style each other coder gets."""

from __future__ import annotations

from annotator.core.coders import CHOSEN, EVERYONE, MINE, STYLES, CoderView, coder_label, underline_styles


def test_everyone_shows_all_mine_only_mine_chosen_only_those() -> None:
    coders = ["ann", "bo", "", "cy"]
    assert [c for c in coders if CoderView(EVERYONE, me="ann").shows(c)] == coders
    assert [c for c in coders if CoderView(MINE, me="ann").shows(c)] == ["ann"]
    assert [c for c in coders if CoderView(CHOSEN, frozenset({"bo", "cy"}), me="ann").shows(c)] == ["bo", "cy"]


def test_blind_coding_shows_only_mine_whatever_was_chosen() -> None:
    for mode in (EVERYONE, MINE, CHOSEN):
        view = CoderView(mode, frozenset({"bo"}), me="ann", blind=True)
        assert [c for c in ["ann", "bo", ""] if view.shows(c)] == ["ann"]
        assert not view.everyone
        assert view.describe().startswith("Blind coding")


def marked(context: str, text: str) -> str:
    """A stand-in for the window's translation: shows what was looked up, and in which context."""
    assert context == "core.coders"
    return f"<{text}>"


def test_descriptions_and_names_are_built_from_translated_templates_around_the_names() -> None:
    view = CoderView(CHOSEN, frozenset({"bo", "ann", ""}), me="ann")
    assert view.describe() == "Coders: (no name), ann (you), bo"
    assert view.describe(marked) == "<Coders: <(no name)>, <ann (you)>, bo>"
    assert CoderView(EVERYONE).describe(marked) == "<Everyone>"
    assert coder_label("", "", marked) == "<<(no name)> (you)>"


def test_each_other_coder_gets_a_style_by_name_order_and_mine_none() -> None:
    styles = underline_styles(["cy", "ann", "Bo", "me", "ann"], me="me")
    assert styles == {"ann": STYLES[0], "Bo": STYLES[1], "cy": STYLES[2]}
    # The same coders in any order, in anyone's window but theirs, get the same styles.
    assert underline_styles(["Bo", "cy", "ann"], me="")["cy"] == STYLES[2]


def test_styles_cycle_when_there_are_more_coders_than_styles() -> None:
    names = [f"c{i:02}" for i in range(len(STYLES) + 1)]
    styles = underline_styles(names, me="")
    assert styles[names[-1]] == STYLES[0]
