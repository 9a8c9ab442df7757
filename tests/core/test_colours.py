"""Tests: tag colours: WCAG contrast, readable highlights in light and dark themes, CIEDE2000, the palette.

CIEDE2000 is checked against the reference pairs published with the formula's
implementation notes (Sharma, Wu and Dalal, 2005), which exercise its hue
wrap-arounds; contrast against WCAG's own worked values.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.core.colours import (
    BLACK,
    FOCUS_STRENGTH,
    HARD_TO_TELL_APART,
    MIN_CONTRAST,
    OVERLAP_STRENGTH,
    PALETTE,
    SINGLE_STRENGTH,
    WHITE,
    average,
    ciede2000,
    confusable_with,
    contrast_ratio,
    hard_to_tell_apart,
    highlight,
    next_colour,
    parse,
    relative_luminance,
    to_hex,
)

LIGHT = {"base": WHITE, "text": BLACK}
DARK = {"base": (0x2A, 0x2A, 0x2A), "text": WHITE}  # Qt's Fusion dark palette: Base and Text
THEMES = [
    LIGHT,
    DARK,
    {"base": (0xFC, 0xFC, 0xFC), "text": (0x23, 0x26, 0x27)},
    {"base": (0x1B, 0x1E, 0x20), "text": (0xFC, 0xFC, 0xFC)},
]
STRENGTHS = [SINGLE_STRENGTH, OVERLAP_STRENGTH, FOCUS_STRENGTH]

channels = st.integers(0, 255)
colours = st.tuples(channels, channels, channels)

# (L1, a1, b1), (L2, a2, b2), ΔE00 — Sharma, Wu and Dalal's test data.
SHARMA = [
    ((50.0, 2.6772, -79.7751), (50.0, 0.0, -82.7485), 2.0425),
    ((50.0, 3.1571, -77.2803), (50.0, 0.0, -82.7485), 2.8615),
    ((50.0, 2.8361, -74.0200), (50.0, 0.0, -82.7485), 3.4412),
    ((50.0, -1.3802, -84.2814), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, -1.1848, -84.8006), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, -0.9009, -85.5211), (50.0, 0.0, -82.7485), 1.0000),
    ((50.0, 0.0, 0.0), (50.0, -1.0, 2.0), 2.3669),
    ((50.0, -1.0, 2.0), (50.0, 0.0, 0.0), 2.3669),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0009), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0010), 7.1792),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0011), 7.2195),
    ((50.0, 2.49, -0.001), (50.0, -2.49, 0.0012), 7.2195),
    ((50.0, -0.001, 2.49), (50.0, 0.0009, -2.49), 4.8045),
    ((50.0, -0.001, 2.49), (50.0, 0.0010, -2.49), 4.8045),
    ((50.0, -0.001, 2.49), (50.0, 0.0011, -2.49), 4.7461),
    ((50.0, 2.5, 0.0), (50.0, 0.0, -2.5), 4.3065),
    ((50.0, 2.5, 0.0), (73.0, 25.0, -18.0), 27.1492),
    ((50.0, 2.5, 0.0), (61.0, -5.0, 29.0), 22.8977),
    ((50.0, 2.5, 0.0), (56.0, -27.0, -3.0), 31.9030),
    ((50.0, 2.5, 0.0), (58.0, 24.0, 15.0), 19.4535),
    ((50.0, 2.5, 0.0), (50.0, 3.1736, 0.5854), 1.0000),
    ((50.0, 2.5, 0.0), (50.0, 3.2972, 0.0), 1.0000),
    ((50.0, 2.5, 0.0), (50.0, 1.8634, 0.5757), 1.0000),
    ((50.0, 2.5, 0.0), (50.0, 3.2592, 0.3350), 1.0000),
    ((60.2574, -34.0099, 36.2677), (60.4626, -34.1751, 39.4387), 1.2644),
    ((63.0109, -31.0961, -5.8663), (62.8187, -29.7946, -4.0864), 1.2630),
    ((61.2901, 3.7196, -5.3901), (61.4292, 2.2480, -4.9620), 1.8731),
    ((35.0831, -44.1164, 3.7933), (35.0232, -40.0716, 1.5901), 1.8645),
    ((22.7233, 20.0904, -46.6940), (23.0331, 14.9730, -42.5619), 2.0373),
    ((36.4612, 47.8580, 18.3852), (36.2715, 50.5065, 21.2231), 1.4146),
    ((90.8027, -2.0831, 1.4410), (91.1528, -1.6435, 0.0447), 1.4441),
    ((90.9257, -0.5406, -0.9208), (88.6381, -0.8985, -0.7239), 1.5381),
    ((6.7747, -0.2908, -2.4247), (5.8714, -0.0985, -2.2286), 0.6377),
    ((2.0776, 0.0795, -1.1350), (0.9033, -0.0636, -0.5514), 0.9082),
]


@pytest.mark.parametrize(("lab1", "lab2", "expected"), SHARMA)
def test_ciede2000_matches_the_published_reference_pairs(lab1, lab2, expected) -> None:
    assert ciede2000(lab1, lab2) == pytest.approx(expected, abs=1e-4)
    assert ciede2000(lab2, lab1) == pytest.approx(expected, abs=1e-4)  # symmetric


def test_contrast_matches_wcag_values() -> None:
    assert relative_luminance(BLACK) == 0 and relative_luminance(WHITE) == pytest.approx(1)
    assert contrast_ratio(BLACK, WHITE) == pytest.approx(21)
    assert contrast_ratio(WHITE, WHITE) == pytest.approx(1)
    # The classic pair: #767676 is the lightest grey that passes on white, #777777 just fails.
    assert contrast_ratio(parse("#767676"), WHITE) == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio(parse("#777777"), WHITE) < MIN_CONTRAST < contrast_ratio(parse("#767676"), WHITE)


def test_parse_and_to_hex_round_trip_and_refuse_non_colours() -> None:
    assert parse("#F4a261") == (0xF4, 0xA2, 0x61) and to_hex((0xF4, 0xA2, 0x61)) == "#f4a261"
    assert parse("#abc") == (0xAA, 0xBB, 0xCC)
    for bad in ("", "#12345", "red", "#gggggg"):
        with pytest.raises(ValueError):
            parse(bad)


@pytest.mark.parametrize("theme", THEMES, ids=["light", "dark", "breeze-light", "breeze-dark"])
@pytest.mark.parametrize("strength", STRENGTHS)
def test_every_palette_colour_tints_visibly_and_keeps_the_theme_text_readable(theme, strength) -> None:
    for colour in PALETTE:
        painted = highlight(parse(colour), strength=strength, **theme)
        assert painted.contrast >= MIN_CONTRAST, colour
        assert painted.foreground == theme["text"], colour  # the theme's own text colour
        assert painted.background != theme["base"], colour  # a highlight that shows


@given(colour=colours, strength=st.sampled_from(STRENGTHS), theme=st.sampled_from(THEMES))
def test_any_tag_colour_keeps_text_readable_in_light_and_dark_themes(colour, strength, theme) -> None:
    painted = highlight(colour, strength=strength, **theme)
    assert painted.contrast >= MIN_CONTRAST
    assert painted.foreground == theme["text"]  # these themes' pages are readable, so their text stays


@given(colour=colours, base=colours, text=colours, strength=st.floats(0.05, 1.0))
def test_any_colour_on_any_page_with_any_text_colour_reaches_the_minimum(colour, base, text, strength) -> None:
    painted = highlight(colour, base=base, text=text, strength=strength)
    assert painted.contrast >= MIN_CONTRAST
    assert painted.foreground in (text, BLACK, WHITE)


@given(st.lists(colours, min_size=2, max_size=4), st.sampled_from(THEMES))
def test_blended_overlaps_stay_readable(blended, theme) -> None:
    assert highlight(average(blended), strength=OVERLAP_STRENGTH, **theme).contrast >= MIN_CONTRAST


def test_palette_colours_are_told_apart_and_near_copies_are_not() -> None:
    for a, b in itertools.combinations(PALETTE, 2):
        assert not hard_to_tell_apart(a, b), (a, b)
    assert hard_to_tell_apart("#2a9d8f", "#2a9d9a")  # teal and a hair bluer teal
    assert hard_to_tell_apart("#6a994e", "#90be6d")  # green and light green, as pale highlights
    assert hard_to_tell_apart("#f4a261", "#F4A261")
    assert confusable_with("#2a9d90", [("claim", "#f4a261"), ("evidence", "#2a9d8f")]) == ["evidence"]
    assert HARD_TO_TELL_APART > 0


def test_next_colour_offers_unused_palette_colours_then_the_least_confusable() -> None:
    assert next_colour([]) == PALETTE[0]
    assert next_colour(["#F4A261", "#2a9d8f"]) == PALETTE[2]
    assert next_colour(["not a colour", PALETTE[0]]) == PALETTE[1]
    everything = list(PALETTE)
    assert next_colour(everything) in PALETTE
    # With all taken but one used twice as often, any answer is still a palette colour; with one
    # odd colour added, the answer is not a colour hard to tell apart from it when one avoids it.
    offered = next_colour([*everything, "#2a9d90"])
    assert not hard_to_tell_apart(offered, "#2a9d90")


@pytest.mark.parametrize("theme", THEMES)
def test_a_colour_the_page_would_swallow_is_painted_as_a_grey_that_shows(theme) -> None:
    from annotator.core.colours import MIN_PAGE_DIFFERENCE, to_lab

    page = to_hex(theme["base"])
    painted = highlight(theme["base"], **theme)  # a tag coloured as the page itself (#ffffff on white)
    assert ciede2000(to_lab(painted.background), to_lab(theme["base"])) >= MIN_PAGE_DIFFERENCE, page
    assert painted.contrast >= MIN_CONTRAST and painted.foreground == theme["text"]


def test_the_page_note_names_colours_too_close_to_a_light_or_dark_page() -> None:
    from annotator.core.colours import page_note

    assert page_note("#FFFFFF") == (
        "#ffffff is too close to a light page to show as a highlight; it is painted grey there instead."
    )
    assert "a dark page" in page_note("#222222") and "light page" not in page_note("#222222")
    assert [c for c in (*PALETTE, "#000000", "#aabbcc") if page_note(c)] == []
    # The window says it in its language: the sentence is a marked template around the colour.
    assert page_note("#FFFFFF", lambda context, text: f"{context}: {text[:21]}") == "core.colours: #ffffff is too close"
