"""Tests: one error base, so the command line and the window catch Annotator's errors once.

Each error is an :class:`AnnotatorError` and keeps the builtin base it had before,
so code that catches ``ValueError``, ``LookupError`` or ``RuntimeError`` still does.
"""

from __future__ import annotations

import pytest

from annotator.core import errors, model, selectors, text
from annotator.formats import base
from annotator.storage import engine


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (errors.InvalidInput, ValueError),
        (errors.SpanError, ValueError),
        (errors.TextDecodeError, ValueError),
        (errors.FormatError, ValueError),
        (errors.OptionError, ValueError),
        (errors.NotFound, LookupError),
        (errors.Conflict, RuntimeError),
        (errors.LibraryError, RuntimeError),
    ],
)
def test_every_error_is_an_annotator_error_and_keeps_its_builtin_base(
    error: type[Exception], builtin: type[Exception]
) -> None:
    assert issubclass(error, errors.AnnotatorError) and issubclass(error, builtin)
    with pytest.raises(errors.USER_ERRORS):
        raise error("a message for a person")


def test_errors_are_still_importable_where_they_were_defined() -> None:
    assert model.InvalidInput is errors.InvalidInput and model.Conflict is errors.Conflict
    assert selectors.SpanError is errors.SpanError and text.TextDecodeError is errors.TextDecodeError
    assert base.FormatError is errors.FormatError and base.OptionError is errors.OptionError
    assert engine.LibraryError is errors.LibraryError


def test_user_errors_are_annotator_errors_and_file_errors() -> None:
    assert (errors.AnnotatorError, OSError) == errors.USER_ERRORS
