"""Core: strings made outside the UI that the window shows, marked for translation without Qt.

``core``, ``formats`` and ``services`` import no Qt, yet some of their strings reach the
window (a coder's underline style, a format's label, why a paragraph would be trimmed).
They are marked where they are defined with :func:`QT_TRANSLATE_NOOP` (Qt's ``lupdate``
finds the call by its name, so these modules have ``.ts`` files of their own: see
``docs/translating.md``) and stay English here; the UI translates them as it shows them
(``QCoreApplication.translate(context, text)``). A sentence with values in it is built
from marked templates by a function that takes a :data:`Translate`: the UI passes
``QCoreApplication.translate``, the command line nothing (English).
"""

from __future__ import annotations

from collections.abc import Callable

#: Translates (context, English text): ``QCoreApplication.translate`` in the UI.
Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (the name lupdate looks for)
    """*text*, unchanged: marks it for ``lupdate`` under *context* (a string literal, as is *text*)."""
    return text


def english(context: str, text: str) -> str:
    """The :data:`Translate` of the command line: English, the source text itself."""
    return text
