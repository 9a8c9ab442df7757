"""Core: the window's themes and highlight styles, as plain data (the UI makes Qt palettes of them).

A theme is "system" (the desktop's own style and colours, followed as they change) or
one of :data:`PALETTES`: every colour role Qt's Fusion style draws with, for the normal
and the disabled state. Each explicit theme keeps its pairs readable, checked by the
tests: text on its page, button and tooltip at least 4.5:1 (WCAG 1.4.3), the selection
and the focus outline (both drawn in ``Highlight``) at least 3:1 against the page
(WCAG 1.4.11), selected text on the selection at least 4.5:1.

A highlight style says how a tag shows on the text: ``fill`` (a tint of its colour behind
the text), ``underline`` (no tint: a line in its colour, at least 3:1 against the page)
or ``both``. With tag patterns on, each tag's underline has a pattern of its own
(:func:`tag_pattern`), so colour is not the only thing telling tags apart.

:data:`THEMES` and :data:`HIGHLIGHT_STYLES` are the choices (the first is the default) that
:class:`annotator.config.ReadingSettings` checks ``settings.json`` against.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from annotator.core.i18n import QT_TRANSLATE_NOOP

#: The translation context of this module's words (the UI translates them in it).
CONTEXT = "core.themes"

SYSTEM = "system"
THEMES: tuple[str, ...] = (SYSTEM, "light", "dark", "sepia")
FILL, UNDERLINE, BOTH = "fill", "underline", "both"
HIGHLIGHT_STYLES: tuple[str, ...] = (FILL, UNDERLINE, BOTH)

#: The underline patterns tags get in codebook order, round and round (names as :data:`PATTERN_NAMES`).
TAG_PATTERNS: tuple[str, ...] = ("solid", "dash", "dot", "wave", "dash-dot", "dash-dot-dot")
#: How each pattern is named to the user (a highlight's tooltip).
PATTERN_NAMES = {
    "solid": QT_TRANSLATE_NOOP("core.themes", "solid underline"),
    "dash": QT_TRANSLATE_NOOP("core.themes", "dashed underline"),
    "dot": QT_TRANSLATE_NOOP("core.themes", "dotted underline"),
    "wave": QT_TRANSLATE_NOOP("core.themes", "wavy underline"),
    "dash-dot": QT_TRANSLATE_NOOP("core.themes", "dash-dot underline"),
    "dash-dot-dot": QT_TRANSLATE_NOOP("core.themes", "dash-dot-dot underline"),
}

_LIGHT = {
    "Window": "#efefef",
    "WindowText": "#1a1a1a",
    "Base": "#ffffff",
    "AlternateBase": "#f4f4f4",
    "Text": "#1a1a1a",
    "Button": "#e8e8e8",
    "ButtonText": "#1a1a1a",
    "BrightText": "#ffffff",
    "Highlight": "#2f6fb3",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#ffffdc",
    "ToolTipText": "#1a1a1a",
    "Link": "#0b57c2",
    "LinkVisited": "#6b3fa0",
    "PlaceholderText": "#6b6b6b",
}
_DARK = {
    "Window": "#2d2d2d",
    "WindowText": "#e8e8e8",
    "Base": "#1f1f1f",
    "AlternateBase": "#272727",
    "Text": "#e8e8e8",
    "Button": "#363636",
    "ButtonText": "#e8e8e8",
    "BrightText": "#ffffff",
    "Highlight": "#2f6fb3",
    "HighlightedText": "#ffffff",
    "ToolTipBase": "#3a3a3a",
    "ToolTipText": "#e8e8e8",
    "Link": "#7fb3ff",
    "LinkVisited": "#c49bff",
    "PlaceholderText": "#a0a0a0",
}
_SEPIA = {
    "Window": "#ebe2cc",
    "WindowText": "#3b2f22",
    "Base": "#f6efdf",
    "AlternateBase": "#efe6d1",
    "Text": "#3b2f22",
    "Button": "#e3d8bf",
    "ButtonText": "#3b2f22",
    "BrightText": "#fffaf0",
    "Highlight": "#8a5a2b",
    "HighlightedText": "#fff8ec",
    "ToolTipBase": "#fff8e6",
    "ToolTipText": "#3b2f22",
    "Link": "#1f5a8a",
    "LinkVisited": "#6b3f7a",
    "PlaceholderText": "#6e5d4b",
}


@dataclass(frozen=True, slots=True)
class Palette:
    """Core: an explicit theme: colour role name (as Qt names it) -> ``#rrggbb``, normal and disabled."""

    active: Mapping[str, str]
    disabled: Mapping[str, str]

    @property
    def page(self) -> tuple[str, str]:
        """The text pane's page and text colours (Base and Text)."""
        return self.active["Base"], self.active["Text"]


def _disabled(roles: Mapping[str, str], greyed: str) -> dict[str, str]:
    """The disabled state: the same surfaces, the texts greyed (exempt from the contrast minimum)."""
    return {**roles, "WindowText": greyed, "Text": greyed, "ButtonText": greyed, "HighlightedText": greyed,
            "Highlight": roles["Button"]}  # fmt: skip


PALETTES: dict[str, Palette] = {
    "light": Palette(_LIGHT, _disabled(_LIGHT, "#8c8c8c")),
    "dark": Palette(_DARK, _disabled(_DARK, "#7a7a7a")),
    "sepia": Palette(_SEPIA, _disabled(_SEPIA, "#9a8a74")),
}


def tag_pattern(position: int) -> str:
    """The underline pattern of the tag at *position* in the codebook's order."""
    return TAG_PATTERNS[position % len(TAG_PATTERNS)]
