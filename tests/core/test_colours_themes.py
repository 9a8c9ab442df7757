"""Tests: the themes keep highlights readable: every explicit theme's colour pairs, every default
and arbitrary tag colour, alone and in 2- and 3-way overlaps, on every theme's page; lines 3:1."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core import themes
from annotator.core.colours import (
    FOCUS_STRENGTH,
    MIN_CONTRAST,
    MIN_NON_TEXT_CONTRAST,
    MIN_PAGE_DIFFERENCE,
    OVERLAP_STRENGTH,
    PALETTE,
    SINGLE_STRENGTH,
    average,
    ciede2000,
    contrast_ratio,
    highlight,
    parse,
    to_lab,
    visible_on,
)
from tests.core.test_colours import THEMES as OTHER_PAGES

#: Every page the text pane is painted on: the explicit themes' and common desktop ones (Fusion, Breeze).
PAGES = [{"base": parse(b), "text": parse(t)} for b, t in (p.page for p in themes.PALETTES.values())] + OTHER_PAGES
PAGE_IDS = [*themes.PALETTES, "qt-light", "qt-dark", "breeze-light", "breeze-dark"]
DEFAULT_TAGS = PALETTE[:3]  # claim, evidence, speculation: the seeded codebook's colours
OVERLAPS = [c for n in (2, 3) for c in itertools.combinations(PALETTE, n)]

channels = st.integers(0, 255)
colours = st.tuples(channels, channels, channels)


def _visible(painted_background, base) -> bool:
    return ciede2000(to_lab(painted_background), to_lab(base)) >= MIN_PAGE_DIFFERENCE


@pytest.mark.parametrize("name", list(themes.PALETTES))
def test_each_explicit_theme_keeps_its_text_selection_and_focus_readable(name) -> None:
    roles = themes.PALETTES[name].active

    def ratio(a: str, b: str) -> float:
        return contrast_ratio(parse(roles[a]), parse(roles[b]))

    for text, surface in (("Text", "Base"), ("Text", "AlternateBase"), ("WindowText", "Window"),
                          ("ButtonText", "Button"), ("ToolTipText", "ToolTipBase"), ("Link", "Base"),
                          ("LinkVisited", "Base"), ("PlaceholderText", "Base"),
                          ("HighlightedText", "Highlight")):  # fmt: skip
        assert ratio(text, surface) >= MIN_CONTRAST, (text, surface)
    # The selection and the focus outline are drawn in Highlight: seen against the page (WCAG 1.4.11).
    assert ratio("Highlight", "Base") >= MIN_NON_TEXT_CONTRAST
    disabled = themes.PALETTES[name].disabled
    assert disabled["Text"] != roles["Text"] and disabled["Base"] == roles["Base"]  # greyed, on the same page


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
@pytest.mark.parametrize("strength", [SINGLE_STRENGTH, OVERLAP_STRENGTH, FOCUS_STRENGTH])
def test_every_palette_colour_shows_and_keeps_text_readable_on_every_theme(page, strength) -> None:
    for colour in PALETTE:  # the default tags' first
        painted = highlight(parse(colour), strength=strength, **page)
        assert painted.contrast >= MIN_CONTRAST, colour
        assert painted.foreground == page["text"], colour
        assert _visible(painted.background, page["base"]), colour  # dark pages too: a fill that shows


@pytest.mark.parametrize("page", PAGES, ids=PAGE_IDS)
def test_two_and_three_way_overlaps_of_palette_colours_show_and_stay_readable(page) -> None:
    for overlap in OVERLAPS:
        painted = highlight(average(parse(c) for c in overlap), strength=OVERLAP_STRENGTH, **page)
        assert painted.contrast >= MIN_CONTRAST, overlap
        assert _visible(painted.background, page["base"]), overlap


@given(colour=colours, page=st.sampled_from(PAGES), strength=st.sampled_from([SINGLE_STRENGTH, FOCUS_STRENGTH]))
def test_any_tag_colour_keeps_text_readable_on_every_theme(colour, page, strength) -> None:
    painted = highlight(colour, strength=strength, **page)
    assert painted.contrast >= MIN_CONTRAST and painted.foreground == page["text"]


@given(st.lists(st.one_of(colours, st.sampled_from(DEFAULT_TAGS).map(parse)), min_size=2, max_size=3),
       st.sampled_from(PAGES))  # fmt: skip
def test_any_overlap_keeps_text_readable_on_every_theme(blended, page) -> None:
    assert highlight(average(blended), strength=OVERLAP_STRENGTH, **page).contrast >= MIN_CONTRAST


@given(colour=colours, base=colours)
def test_a_line_in_any_colour_reaches_3_to_1_on_any_page(colour, base) -> None:
    line = visible_on(colour, base)
    assert contrast_ratio(line, base) >= MIN_NON_TEXT_CONTRAST
    if contrast_ratio(colour, base) >= MIN_NON_TEXT_CONTRAST:
        assert line == colour  # a colour that already shows is left alone


def test_a_pale_tag_colour_is_darkened_on_a_light_page_and_kept_on_a_dark_one() -> None:
    yellow = parse("#e9c46a")
    assert visible_on(yellow, (255, 255, 255)) != yellow
    assert visible_on(yellow, parse("#1f1f1f")) == yellow


def test_tag_patterns_differ_for_the_first_tags_then_cycle() -> None:
    first = [themes.tag_pattern(i) for i in range(len(themes.TAG_PATTERNS))]
    assert len(set(first)) == len(first) and first[0] == "solid"
    assert themes.tag_pattern(len(first)) == first[0]
    assert set(themes.PATTERN_NAMES) == set(themes.TAG_PATTERNS)
