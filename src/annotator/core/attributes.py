"""Core: document attributes (variables, as NVivo classifications and MAXQDA document variables).

An attribute is a named, typed property every document may have a value of: an
interviewee's age, a date of publication, a region chosen from a list. Its kind
is one of :data:`KINDS`:

- ``text``: any text on one line or more, stored as given (line endings as ``\n``); control
  characters other than line breaks and tabs (NUL, ESC, C1 controls) are refused.
- ``number``: a decimal number, written with the digits 0-9 and a point (``3.5``, ``-12``,
  ``1e3``; not ``1_000``, ``1,000`` or other scripts' digits); stored exactly (at most
  :data:`NUMBER_DIGITS` significant digits, refused beyond, never rounded) in a canonical
  form without float noise or trailing zeros (``0.1 + 0.2`` is never ``0.30000000000000004``; ``2.50`` is stored ``2.5``, ``1e3`` is ``1000``).
- ``date``: a calendar date in ISO 8601, ``YYYY-MM-DD``; anything else
  (``31/03/2020``, ``03/04/2020``, ``2020-3-4``) is refused as ambiguous.
- ``choice``: one of the attribute's list of choices, exactly.

Values are kept as canonical text (:func:`parse_value`), the same in the database,
the command line and every export; an empty value means "no value". Input that does
not fit the kind is refused with :class:`~annotator.core.errors.InvalidInput`, a
one-line message saying what is wrong and what to write instead.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation, localcontext

from annotator.core.errors import InvalidInput

TEXT, NUMBER, DATE, CHOICE = "text", "number", "date", "choice"
#: The kinds of attribute, in the order a person is offered them.
KINDS = (TEXT, NUMBER, DATE, CHOICE)

#: Longest attribute name and choice (the name column holds 200 characters).
NAME_MAX = 200
#: Most significant digits, and the largest power of ten, a number value may have.
NUMBER_DIGITS = 40
NUMBER_EXPONENT = 40

_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
_NOT_IN_NAMES = frozenset({"Cc", "Zl", "Zp"})


@dataclass(frozen=True, slots=True)
class Attribute:
    """Core: the definition of a document attribute: its name, kind and (for a choice) its choices."""

    id: str
    name: str
    kind: str
    choices: tuple[str, ...] = ()
    sort_order: int = 0


def attribute_name(raw: str) -> str:
    """An attribute name as stored: *raw* in NFC without surrounding white space.

    Refused: an empty name, one holding a control character, a line break or ``=``
    (the command line writes ``NAME=VALUE``), and one longer than :data:`NAME_MAX`.
    """
    name = unicodedata.normalize("NFC", raw).strip()
    if not name:
        raise InvalidInput("an attribute needs a name")
    bad = next((c for c in name if unicodedata.category(c) in _NOT_IN_NAMES), None)
    if bad is not None:
        raise InvalidInput(f"the attribute name {name!r} holds a control character or line break (U+{ord(bad):04X})")
    if "=" in name:
        raise InvalidInput(f"the attribute name {name!r} holds '=', which separates a name from its value")
    if len(name) > NAME_MAX:
        raise InvalidInput(f"attribute names are limited to {NAME_MAX} characters (this one has {len(name)})")
    return name


def check_kind(kind: str) -> str:
    """*kind* if it is one of :data:`KINDS`, else :class:`InvalidInput` naming them."""
    if kind not in KINDS:
        raise InvalidInput(f"an attribute's kind is one of {', '.join(KINDS)}, not {kind!r}")
    return kind


def check_choices(kind: str, choices: Iterable[str]) -> tuple[str, ...]:
    """The choices of an attribute of *kind*, stripped, in order, once each.

    A choice attribute needs at least one choice; other kinds take none.
    """
    cleaned: list[str] = []
    for raw in choices:
        choice = unicodedata.normalize("NFC", raw).strip()
        if not choice:
            raise InvalidInput("a choice cannot be empty")
        if any(unicodedata.category(c) in _NOT_IN_NAMES for c in choice):
            raise InvalidInput(f"the choice {choice!r} holds a control character or line break")
        if len(choice) > NAME_MAX:
            raise InvalidInput(f"choices are limited to {NAME_MAX} characters (this one has {len(choice)})")
        if choice in cleaned:
            raise InvalidInput(f"the choice {choice!r} is listed twice")
        cleaned.append(choice)
    if kind == CHOICE and not cleaned:
        raise InvalidInput("a choice attribute needs at least one choice")
    if kind != CHOICE and cleaned:
        raise InvalidInput(f"only a choice attribute has choices, not a {kind} attribute")
    return tuple(cleaned)


def parse_number(raw: str) -> str:
    """A number as stored: decimal, no exponent, no trailing zeros (``"2.50"`` -> ``"2.5"``).

    Written with ASCII digits, an optional sign, at most one point and an optional
    exponent (``-3.5``, ``.5``, ``1e6``); stored exactly, up to :data:`NUMBER_DIGITS`
    significant digits and powers of ten up to :data:`NUMBER_EXPONENT` (either way),
    refused beyond (never rounded). Digit group separators (``1_000``, ``1,000``) and
    other scripts' digits are refused.
    """
    text = raw.strip()
    if not _NUMBER.fullmatch(text):
        hint = "; write the decimal separator as a point" if re.fullmatch(r"[+-]?[0-9]+,[0-9]+", text) else ""
        raise InvalidInput(
            f"{text!r} is not a number (write it like 42, -3.5 or 1e6, with the digits 0-9 and no separators{hint})"
        )
    too_long = InvalidInput(
        f"{text!r} is too long a number (at most {NUMBER_DIGITS} digits, powers of ten up to {NUMBER_EXPONENT})"
    )
    try:
        number = Decimal(text)  # exact: the constructor does not round
    except InvalidOperation:  # an exponent beyond what Decimal holds
        raise too_long from None
    if number.is_zero():
        return "0"  # not "-0" nor "0E-7"
    if abs(number.adjusted()) > NUMBER_EXPONENT:  # the same before and after normalising
        raise too_long
    with localcontext() as context:  # enough precision that normalising never rounds
        context.prec = len(number.as_tuple().digits)
        number = number.normalize()
    if len(number.as_tuple().digits) > NUMBER_DIGITS:
        raise too_long
    return format(number, "f")


def parse_date(raw: str) -> str:
    """A date as stored: ``YYYY-MM-DD``; every other way of writing one is refused as ambiguous."""
    text = raw.strip()
    match = _ISO_DATE.fullmatch(text)
    if match is None:
        raise InvalidInput(f"{text!r} is not a date written YYYY-MM-DD (for 31 March 2020 write 2020-03-31)")
    try:
        return date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        raise InvalidInput(f"{text!r} is not a day of the calendar") from None


def parse_value(attribute: Attribute, raw: str) -> str:
    """*raw* (what a person typed) as the canonical text stored for *attribute*.

    An empty result ("" or only white space) means "no value". Refused with
    :class:`InvalidInput`: a number or date that is not one, a choice not in the list.
    """
    if not raw.strip():
        return ""
    if attribute.kind == NUMBER:
        return parse_number(raw)
    if attribute.kind == DATE:
        return parse_date(raw)
    if attribute.kind == CHOICE:
        choice = unicodedata.normalize("NFC", raw).strip()
        if choice not in attribute.choices:
            listed = ", ".join(attribute.choices)
            raise InvalidInput(f"{choice!r} is not one of the choices of '{attribute.name}' ({listed})")
        return choice
    text = raw.replace("\r\n", "\n").replace("\r", "\n")
    bad = next((c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"), None)
    if bad is not None:
        raise InvalidInput(
            f"a text value cannot hold control characters (U+{ord(bad):04X}); line breaks and tabs are kept"
        )
    return text


def sort_key(attribute: Attribute, value: str) -> tuple[int, Decimal, str]:
    """Order values as their kind does: numbers by value, dates and text as text, choices by list
    order; no value last."""
    if not value:
        return (2, Decimal(0), "")
    if attribute.kind == NUMBER:
        try:
            return (0, Decimal(value), "")
        except InvalidOperation:
            pass
    if attribute.kind == CHOICE and value in attribute.choices:
        return (0, Decimal(attribute.choices.index(value)), "")
    return (1, Decimal(0), value.casefold())


def is_integer(value: str) -> bool:
    """Whether a stored number value is a whole number (REFI's Integer rather than Float)."""
    return bool(value) and "." not in value


def parse_definition(text: str) -> tuple[str, str, tuple[str, ...]]:
    """``NAME:KIND[:choice1,choice2,…]`` (the command line's ``--define``) as (name, kind, choices)."""
    parts = text.split(":", 2)
    if len(parts) < 2:
        raise InvalidInput(f"{text!r} does not say NAME:KIND (kinds: {', '.join(KINDS)})")
    name, kind = attribute_name(parts[0]), check_kind(parts[1].strip())
    choices = check_choices(kind, parts[2].split(",") if len(parts) == 3 else ())
    return name, kind, choices


def value_matches(attribute: Attribute, value: str, wanted: str) -> bool:
    """Whether a document's *value* of *attribute* passes the library's filter "= *wanted*".

    A blank *wanted*: any value at all. A text attribute: *wanted* is a part of the value,
    ignoring case. Other kinds: the value as stored, so ``2.50`` finds ``2.5`` (*wanted*
    that is not a value of the kind matches nothing; :func:`parse_value` says why).
    """
    if not wanted.strip():
        return bool(value)
    if attribute.kind == TEXT:
        return wanted.strip().casefold() in value.casefold()
    try:
        return value == parse_value(attribute, wanted)
    except InvalidInput:
        return False
