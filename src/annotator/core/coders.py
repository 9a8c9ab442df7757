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

from annotator.core.i18n import QT_TRANSLATE_NOOP, Translate, english

#: Who is shown: everyone, only the user's own, or the coders chosen.
EVERYONE = "everyone"
MINE = "mine"
CHOSEN = "chosen"
MODES = (EVERYONE, MINE, CHOSEN)

#: The underline styles other coders' annotations get, in the order they are handed out.
STYLES = ("dash", "dot", "wave", "dash-dot", "dash-dot-dot")
#: The translation context of this module's words (the UI translates them in it).
CONTEXT = "core.coders"
#: How each style is named to the user (the legend).
STYLE_NAMES = {
    "dash": QT_TRANSLATE_NOOP("core.coders", "dashed underline"),
    "dot": QT_TRANSLATE_NOOP("core.coders", "dotted underline"),
    "wave": QT_TRANSLATE_NOOP("core.coders", "wavy underline"),
    "dash-dot": QT_TRANSLATE_NOOP("core.coders", "dash-dot underline"),
    "dash-dot-dot": QT_TRANSLATE_NOOP("core.coders", "dash-dot-dot underline"),
}
#: What :meth:`CoderView.describe` and :func:`coder_label` say.
SHOWN_BLIND = QT_TRANSLATE_NOOP("core.coders", "Blind coding: only yours")
SHOWN_MINE = QT_TRANSLATE_NOOP("core.coders", "Only yours")
SHOWN_EVERYONE = QT_TRANSLATE_NOOP("core.coders", "Everyone")
SHOWN_CHOSEN = QT_TRANSLATE_NOOP("core.coders", "Coders: {names}")
SHOWN_NONE = QT_TRANSLATE_NOOP("core.coders", "Coders: none")
NO_NAME = QT_TRANSLATE_NOOP("core.coders", "(no name)")
YOU = QT_TRANSLATE_NOOP("core.coders", "{name} (you)")

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

    def describe(self, translate: Translate = english) -> str:
        """A few words for the user: whose annotations are shown (in *translate*'s language)."""
        if self.blind:
            return translate(CONTEXT, SHOWN_BLIND)
        if self.mode == MINE:
            return translate(CONTEXT, SHOWN_MINE)
        if self.mode == CHOSEN:
            names = sorted(self.chosen, key=str.casefold)
            if not names:
                return translate(CONTEXT, SHOWN_NONE)
            shown = ", ".join(coder_label(n, self.me, translate) for n in names[:3])
            return translate(CONTEXT, SHOWN_CHOSEN).format(names=shown + ("…" if len(names) > 3 else ""))
        return translate(CONTEXT, SHOWN_EVERYONE)


def coder_label(coder: str, me: str | None = None, translate: Translate = english) -> str:
    """How a coder is named to the user: "(no name)" for "", "(you)" after *me*'s name."""
    name = coder or translate(CONTEXT, NO_NAME)
    return translate(CONTEXT, YOU).format(name=name) if coder == me else name


def underline_styles(coders: Iterable[str], me: str) -> dict[str, str]:
    """Each coder other than *me* and a style of :data:`STYLES`, by the order of their names
    (cycling when there are more coders than styles)."""
    others = sorted({c for c in coders if c != me}, key=lambda c: (c.casefold(), c))
    return {coder: STYLES[i % len(STYLES)] for i, coder in enumerate(others)}
