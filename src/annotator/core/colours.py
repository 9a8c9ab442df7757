"""Core: tag colours: readable highlights, a palette, and which colours are hard to tell apart.

The text pane paints a span as its tag's colour mixed into the page's
background (:func:`highlight`). Text on it must stay readable in light and
dark themes: WCAG 2.x asks for a contrast ratio of at least 4.5:1 for body
text, so :func:`highlight` weakens the tint until the theme's text colour
reaches that on it, and if the page itself is too close to its text colour
(an odd theme) it paints the text black or white instead, whichever is
clearer (one of the two always reaches 4.58:1).

A tag colour so close to the page that its tint would not show (white on a white
page, near-black on a dark one: ΔE00 between tint and page below
:data:`MIN_PAGE_DIFFERENCE`) is painted as a tint of the text colour instead, a
grey that always shows; :func:`page_note` says so, for the Edit tag dialog and
``annotator tags add/edit --color``.

Two tags are "hard to tell apart" when their colours are closer than
:data:`HARD_TO_TELL_APART` in CIEDE2000 (ΔE00, the CIE's perceptual colour
difference, computed here from sRGB through CIELAB with the D65 white point).
:data:`PALETTE` holds colours that are not, and :func:`next_colour` offers the
one a new tag should get.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from annotator.core.i18n import QT_TRANSLATE_NOOP, Translate, english

#: An sRGB colour as 0–255 integers.
RGB = tuple[int, int, int]
#: A CIELAB colour (L*, a*, b*).
Lab = tuple[float, float, float]

#: WCAG 2.x's minimum contrast for normal text (success criterion 1.4.3, level AA).
MIN_CONTRAST = 4.5
#: WCAG 2.x's minimum contrast for what must be seen but is not text (1.4.11): a tag's underline,
#: the selection, the focus outline.
MIN_NON_TEXT_CONTRAST = 3.0

#: Below this CIEDE2000 difference between their highlights (on white) two tag colours are hard to
#: tell apart. The tints are paler than the colours, so differences shrink; the palette keeps above 9.
HARD_TO_TELL_APART = 8.0

#: Below this CIEDE2000 difference from the page a tint does not show as a highlight (2.3 is a
#: just noticeable difference; the palette's tints are above 12 on light and dark pages).
MIN_PAGE_DIFFERENCE = 5.0

#: The pages :func:`page_note` checks a colour on: light (white, black text) and dark (Qt Fusion's).
LIGHT_PAGE: tuple[RGB, RGB] = ((255, 255, 255), (0, 0, 0))
DARK_PAGE: tuple[RGB, RGB] = ((0x2A, 0x2A, 0x2A), (255, 255, 255))

#: How strongly a tag's colour tints the page: one tag, overlapping tags, the selected annotation.
SINGLE_STRENGTH = 0.38
OVERLAP_STRENGTH = 0.55
FOCUS_STRENGTH = 0.6

#: Distinguishable tag colours, offered in this order (the first three are the default tags').
PALETTE: tuple[str, ...] = (
    "#f4a261",  # orange
    "#2a9d8f",  # teal
    "#9b5de5",  # purple
    "#e63946",  # red
    "#457b9d",  # steel blue
    "#e9c46a",  # yellow
    "#6a994e",  # green
    "#f15bb5",  # pink
    "#8d6e63",  # brown
    "#00bbf9",  # sky
    "#3a86ff",  # blue
    "#ccff33",  # lime
)

BLACK: RGB = (0, 0, 0)
WHITE: RGB = (255, 255, 255)


def parse(color: str) -> RGB:
    """``#rrggbb`` (or ``#rgb``) as an RGB triple; ValueError for anything else."""
    text = color.strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a colour: {color!r} (write #rrggbb)")
    try:
        value = int(text, 16)
    except ValueError:
        raise ValueError(f"not a colour: {color!r} (write #rrggbb)") from None
    return (value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF


def to_hex(rgb: RGB) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: RGB) -> float:
    """WCAG 2.x relative luminance: 0 for black, 1 for white."""
    r, g, b = (_linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: RGB, b: RGB) -> float:
    """WCAG 2.x contrast ratio, from 1 (the same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    lighter, darker = max(la, lb), min(la, lb)
    return (lighter + 0.05) / (darker + 0.05)


def mix(color: RGB, base: RGB, strength: float) -> RGB:
    """*color* laid over *base*: strength 1.0 is the colour itself, 0.0 the base."""
    return (
        round(base[0] + (color[0] - base[0]) * strength),
        round(base[1] + (color[1] - base[1]) * strength),
        round(base[2] + (color[2] - base[2]) * strength),
    )


def average(colors: Iterable[RGB]) -> RGB:
    """The mean of *colors* (overlapping tags blend)."""
    items = list(colors)
    n = len(items)
    return (
        round(sum(c[0] for c in items) / n),
        round(sum(c[1] for c in items) / n),
        round(sum(c[2] for c in items) / n),
    )


@dataclass(frozen=True, slots=True)
class Highlight:
    """Core: what the pane paints for a span: its background and the colour of the text on it."""

    background: RGB
    foreground: RGB

    @property
    def contrast(self) -> float:
        return contrast_ratio(self.foreground, self.background)


def highlight(color: RGB, *, base: RGB, text: RGB, strength: float = SINGLE_STRENGTH) -> Highlight:
    """The highlight of a tag colour on a page of colour *base* with text of colour *text*.

    The tint is *color* mixed into *base* at *strength*, weakened step by step
    until *text* on it reaches :data:`MIN_CONTRAST`. If even the bare page does
    not reach it, the tint stays as asked and the text on it is black or white,
    whichever contrasts more. A *color* whose tint the page would swallow
    (:func:`blends_into`) is replaced by *text*: a grey tint that shows.
    """
    if blends_into(color, base, strength):
        color = text
    step = 0.02
    s = strength
    while s > 0:
        background = mix(color, base, s)
        if contrast_ratio(text, background) >= MIN_CONTRAST:
            return Highlight(background, text)
        s -= step
    if contrast_ratio(text, base) >= MIN_CONTRAST:
        return Highlight(base, text)
    background = mix(color, base, strength)
    black, white = contrast_ratio(BLACK, background), contrast_ratio(WHITE, background)
    return Highlight(background, BLACK if black >= white else WHITE)


def visible_on(color: RGB, base: RGB, minimum: float = MIN_NON_TEXT_CONTRAST) -> RGB:
    """*color*, darkened or lightened just enough to reach *minimum* contrast against *base*.

    It moves towards black or white, whichever stands out more on *base* (either reaches
    4.58:1 on any colour), so a light tag colour keeps its hue as a line on a white page.
    """
    target = BLACK if contrast_ratio(BLACK, base) >= contrast_ratio(WHITE, base) else WHITE
    for step in range(21):
        moved = mix(target, color, step / 20)
        if contrast_ratio(moved, base) >= minimum:
            return moved
    return target


def blends_into(color: RGB, base: RGB, strength: float = SINGLE_STRENGTH) -> bool:
    """True if *color*'s tint at *strength* is too close to the page *base* to show
    (ΔE00 below :data:`MIN_PAGE_DIFFERENCE`)."""
    return ciede2000(to_lab(mix(color, base, strength)), to_lab(base)) < MIN_PAGE_DIFFERENCE


#: What :func:`page_note` says, by the pages (light, dark) a colour is too close to.
PAGE_NOTES = {
    (True, False): QT_TRANSLATE_NOOP(
        "core.colours",
        "{colour} is too close to a light page to show as a highlight; it is painted grey there instead.",
    ),
    (False, True): QT_TRANSLATE_NOOP(
        "core.colours", "{colour} is too close to a dark page to show as a highlight; it is painted grey there instead."
    ),
    (True, True): QT_TRANSLATE_NOOP(
        "core.colours",
        "{colour} is too close to a light and dark page to show as a highlight; it is painted grey there instead.",
    ),
}


def page_note(color: str, translate: Translate = english) -> str:
    """ "" or one line saying that highlights in *color* would not show on a light or a dark page
    (and are painted grey there instead), in *translate*'s language."""
    rgb = parse(color)
    pages = (blends_into(rgb, LIGHT_PAGE[0]), blends_into(rgb, DARK_PAGE[0]))
    if not any(pages):
        return ""
    return translate("core.colours", PAGE_NOTES[pages]).format(colour=to_hex(rgb))


# -- perceptual difference -----------------------------------------------------------------------

_D65 = (0.95047, 1.0, 1.08883)


def to_lab(rgb: RGB) -> Lab:
    """sRGB to CIELAB (D65)."""
    r, g, b = (_linear(c) for c in rgb)
    x = (0.4124564 * r + 0.3575761 * g + 0.1804375 * b) / _D65[0]
    y = (0.2126729 * r + 0.7151522 * g + 0.0721750 * b) / _D65[1]
    z = (0.0193339 * r + 0.1191920 * g + 0.9503041 * b) / _D65[2]

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x), f(y), f(z)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def ciede2000(lab1: Lab, lab2: Lab) -> float:
    """The CIEDE2000 colour difference ΔE00 (kL = kC = kH = 1), after Sharma, Wu and Dalal (2005)."""
    l1, a1, b1 = lab1
    l2, a2, b2 = lab2
    c1, c2 = math.hypot(a1, b1), math.hypot(a2, b2)
    c_mean7 = ((c1 + c2) / 2) ** 7
    g = 0.5 * (1 - math.sqrt(c_mean7 / (c_mean7 + 25**7)))
    a1p, a2p = (1 + g) * a1, (1 + g) * a2
    c1p, c2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if c1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if c2p else 0.0

    dl = l2 - l1
    dc = c2p - c1p
    if c1p * c2p == 0:
        dh = 0.0
    elif abs(h2p - h1p) <= 180:
        dh = h2p - h1p
    elif h2p - h1p > 180:
        dh = h2p - h1p - 360
    else:
        dh = h2p - h1p + 360
    dhh = 2 * math.sqrt(c1p * c2p) * math.sin(math.radians(dh / 2))

    l_mean = (l1 + l2) / 2
    c_mean = (c1p + c2p) / 2
    if c1p * c2p == 0:
        h_mean = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        h_mean = (h1p + h2p) / 2
    elif h1p + h2p < 360:
        h_mean = (h1p + h2p + 360) / 2
    else:
        h_mean = (h1p + h2p - 360) / 2
    t = (
        1
        - 0.17 * math.cos(math.radians(h_mean - 30))
        + 0.24 * math.cos(math.radians(2 * h_mean))
        + 0.32 * math.cos(math.radians(3 * h_mean + 6))
        - 0.20 * math.cos(math.radians(4 * h_mean - 63))
    )
    d_theta = 30 * math.exp(-(((h_mean - 275) / 25) ** 2))
    c_mean_p7 = c_mean**7
    r_c = 2 * math.sqrt(c_mean_p7 / (c_mean_p7 + 25**7))
    s_l = 1 + 0.015 * (l_mean - 50) ** 2 / math.sqrt(20 + (l_mean - 50) ** 2)
    s_c = 1 + 0.045 * c_mean
    s_h = 1 + 0.015 * c_mean * t
    r_t = -math.sin(math.radians(2 * d_theta)) * r_c
    return math.sqrt((dl / s_l) ** 2 + (dc / s_c) ** 2 + (dhh / s_h) ** 2 + r_t * (dc / s_c) * (dhh / s_h))


def difference(a: str, b: str) -> float:
    """How different two tag colours look as highlights on a white page (ΔE00 of their tints)."""
    tint_a = mix(parse(a), WHITE, SINGLE_STRENGTH)
    tint_b = mix(parse(b), WHITE, SINGLE_STRENGTH)
    return ciede2000(to_lab(tint_a), to_lab(tint_b))


def hard_to_tell_apart(a: str, b: str) -> bool:
    """True if highlights in colours *a* and *b* would be easy to confuse."""
    return difference(a, b) < HARD_TO_TELL_APART


def confusable_with(color: str, others: Iterable[tuple[str, str]]) -> list[str]:
    """The names among *others* ((name, colour) pairs) whose colour is hard to tell apart from *color*."""
    return [name for name, other in others if hard_to_tell_apart(color, other)]


def next_colour(used: Iterable[str]) -> str:
    """A colour for a new tag: the first palette colour not in use, else the one least like those in use."""
    taken: set[str] = set()
    for c in used:
        try:
            taken.add(to_hex(parse(c)))
        except ValueError:
            continue  # a colour an import brought that is not #rrggbb: it takes no palette slot
    for color in PALETTE:
        if color not in taken:
            return color
    return max(PALETTE, key=lambda p: min(difference(p, t) for t in taken))
