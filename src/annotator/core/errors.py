"""Core: the errors Annotator reports to a person, under one base.

Every error a use case raises for a person to read (a file that cannot be
imported, a span that does not fit, a library that cannot be opened, an edit
refused because another program changed what it was based on) is an
:class:`AnnotatorError`. The command line and the window catch that base once
(:data:`USER_ERRORS`, with :class:`OSError` for files) and show its message in
one line; anything else is a bug and keeps its traceback.

Each subclass keeps the builtin base it had before the common base existed
(``ValueError``, ``LookupError``, ``RuntimeError``), so code that catches those
still catches them. The classes are defined here, in the one package every
layer may import, and re-exported where they were defined before
(``core.model``, ``core.selectors``, ``core.text``, ``formats.base``,
``storage.engine``).
"""

from __future__ import annotations


class AnnotatorError(Exception):
    """Core: the base of every error that carries a message for a person."""


class InvalidInput(AnnotatorError, ValueError):
    """A value a user or a file gave that the library cannot store as it is."""


class SpanError(AnnotatorError, ValueError):
    """A span that does not fit the text (out of range, empty, or not found)."""


class AlreadyTagged(InvalidInput):
    """An annotation that would be an exact copy of one the document has: same tag, span and
    coder. ``existing_id`` is that annotation's id."""

    def __init__(self, message: str, existing_id: str) -> None:
        super().__init__(message)
        self.existing_id = existing_id


class TagInUse(InvalidInput):
    """A tag that annotations still use was to be deleted without saying what becomes of them
    (moved to another tag, or deleted too). ``count`` is how many annotations use it."""

    def __init__(self, message: str, count: int) -> None:
        super().__init__(message)
        self.count = count


class TextDecodeError(AnnotatorError, ValueError):
    """The bytes are not text we can decode with confidence (binary, unknown encoding)."""


class FormatError(AnnotatorError, ValueError):
    """Input a reader cannot accept, with a message for the user."""


class OptionError(AnnotatorError, ValueError):
    """A writer option that the format does not have, or a value it does not take."""


class NotFound(AnnotatorError, LookupError):
    """There is no document, tag, annotation or set of that id or name in the library."""


class TagNotFound(NotFound):
    """There is no tag *tag_id*: a window that still shows it can say which (another program deleted it)."""

    def __init__(self, tag_id: str) -> None:
        super().__init__(f"there is no tag with id '{tag_id}'")
        self.tag_id = tag_id


class Conflict(AnnotatorError, RuntimeError):
    """What an edit was based on changed meanwhile, so it was not saved.

    Another program (a second window, the command line, a colleague on a shared
    server) may change the library at any moment. An edit made on what a window
    showed, a text since revised or an annotation since changed, is refused with
    this error instead of overwriting their work; the window then shows the
    library as it now is.
    """


class LibraryError(AnnotatorError, RuntimeError):
    """The library cannot be opened or written (corrupt, foreign, locked, read-only...)."""


#: What the command line and the window show as a one-line message instead of a traceback:
#: Annotator's own errors, and the operating system's about files (a missing file, no permission).
USER_ERRORS: tuple[type[BaseException], ...] = (AnnotatorError, OSError)
