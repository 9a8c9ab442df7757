"""Core: whose annotations a window shows, and how each coder's are told apart.

A window shows everyone's annotations, only the user's own, or those of coders
the user chose (:class:`CoderView`). Blind coding, a setting of the library,
overrides that choice: while it is on only the user's own annotations are shown,
so nobody codes under the influence of a colleague's work.

Each coder other than the user gets an underline style of their own
(:func:`underline_styles`), assigned by the order of the names so that every
window of every colleague gives a coder the same style; the tag's colour stays
the fill. The user's own annotations have no underline of their own.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Who is shown: everyone, only the user's own, or the coders chosen.
EVERYONE = "everyone"
MINE = "mine"
CHOSEN = "chosen"
MODES = (EVERYONE, MINE, CHOSEN)

#: The underline styles other coders' annotations get, in the order they are handed out.
STYLES = ("dash", "dot", "wave", "dash-dot", "dash-dot-dot")
#: How each style is named to the user (the legend).
STYLE_NAMES = {
    "dash": "dashed underline",
    "dot": "dotted underline",
    "wave": "wavy underline",
    "dash-dot": "dash-dot underline",
    "dash-dot-dot": "dash-dot-dot underline",
}

#: Library state: :data:`BLIND_ON` while the library is coded blind.
BLIND_KEY = "blind_coding"
BLIND_ON, BLIND_OFF = "on", "off"


@dataclass(frozen=True, slots=True)
class CoderView:
    """Core: whose annotations are shown. *me* is the user's coder name ("" for none)."""

    mode: str = EVERYONE
    chosen: frozenset[str] = frozenset()
    me: str = ""
    blind: bool = False

    @property
    def everyone(self) -> bool:
        """True when every annotation is shown (no need to look at any)."""
        return self.mode == EVERYONE and not self.blind

    def shows(self, coder: str) -> bool:
        """Whether an annotation by *coder* is shown."""
        if self.blind or self.mode == MINE:
            return coder == self.me
        if self.mode == CHOSEN:
            return coder in self.chosen
        return True

    def describe(self) -> str:
        """A few words for the user: whose annotations are shown."""
        if self.blind:
            return "Blind coding: only yours"
        if self.mode == MINE:
            return "Only yours"
        if self.mode == CHOSEN:
            names = sorted(self.chosen, key=str.casefold)
            shown = ", ".join(coder_label(n, self.me) for n in names[:3])
            return f"Coders: {shown}{'…' if len(names) > 3 else ''}" if names else "Coders: none"
        return "Everyone"


def coder_label(coder: str, me: str | None = None) -> str:
    """How a coder is named to the user: "(no name)" for "", "(you)" after *me*'s name."""
    name = coder or "(no name)"
    return f"{name} (you)" if coder == me else name


def underline_styles(coders: Iterable[str], me: str) -> dict[str, str]:
    """Each coder other than *me* and a style of :data:`STYLES`, by the order of their names
    (cycling when there are more coders than styles)."""
    others = sorted({c for c in coders if c != me}, key=lambda c: (c.casefold(), c))
    return {coder: STYLES[i % len(STYLES)] for i, coder in enumerate(others)}
