"""Tests: parsing and checking document attribute values (pure, no database)."""

from __future__ import annotations

import pytest

from annotator.core.attributes import (
    Attribute,
    attribute_name,
    check_choices,
    parse_date,
    parse_definition,
    parse_number,
    parse_value,
    sort_key,
)
from annotator.core.errors import InvalidInput


@pytest.mark.parametrize(
    ("raw", "stored"),
    [("42", "42"), (" -3.50 ", "-3.5"), ("1e3", "1000"), ("0.1", "0.1"), ("-0.0", "0"), ("+7", "7"),
     (".5", "0.5"), ("2.", "2"), ("1.25E-2", "0.0125"),
     ("123456789012345678901234567890", "123456789012345678901234567890"),
     ("-1234567890.123456789012345678901234567890", "-1234567890.12345678901234567890123456789"),
     ("9" * 40, "9" * 40), ("1e40", "1" + "0" * 40), ("1e-40", "0." + "0" * 39 + "1"),
     ("12345678901234567890123456789012345678900000e-4", "1234567890123456789012345678901234567890")],
)  # fmt: skip
def test_numbers_are_stored_in_one_canonical_decimal_form(raw: str, stored: str) -> None:
    assert parse_number(raw) == stored


@pytest.mark.parametrize(
    "raw",
    ["abc", "1,5", "NaN", "inf", "1e", "--1", "0x10", "1e999", "1" * 50, "1" * 41, "1." + "1" * 40, "1e41",
     "1_000", "١٢", "１２", "1.2.3", "1e99999999999999999999", "0e99999999999999999999"],
)  # fmt: skip
def test_what_is_not_a_number_is_refused_in_one_line(raw: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_number(raw)
    assert "\n" not in str(caught.value) and "number" in str(caught.value)


@pytest.mark.parametrize("raw", ["a\x1b[31mb", "nul\x00", "c1\x85", "bell\x07", "del\x7f"])
def test_text_values_refuse_control_characters_but_keep_line_breaks_and_tabs(raw: str) -> None:
    text = Attribute("a", "notes", "text")
    with pytest.raises(InvalidInput, match="control characters") as caught:
        parse_value(text, raw)
    assert "\n" not in str(caught.value)
    assert parse_value(text, "one\r\ntwo\tthree\rfour") == "one\ntwo\tthree\nfour"


def test_a_decimal_comma_is_explained() -> None:
    with pytest.raises(InvalidInput, match="point"):
        parse_number("1,5")


def test_dates_are_iso_calendar_dates_only() -> None:
    assert parse_date(" 2020-03-31 ") == "2020-03-31"
    for ambiguous in ("31/31/2020", "03/04/2020", "2020-3-4", "20200304", "2020-03-31T10:00", "March 3"):
        with pytest.raises(InvalidInput, match="YYYY-MM-DD"):
            parse_date(ambiguous)
    with pytest.raises(InvalidInput, match="not a day of the calendar"):
        parse_date("2021-02-29")


def test_choices_must_be_listed_exactly_and_empty_means_no_value() -> None:
    region = Attribute("r", "region", "choice", ("north", "south"))
    assert parse_value(region, " south ") == "south"
    assert parse_value(region, "  ") == ""
    with pytest.raises(InvalidInput, match="not one of the choices of 'region' \\(north, south\\)"):
        parse_value(region, "east")
    assert parse_value(Attribute("t", "notes", "text"), " as typed ") == " as typed "


def test_names_and_choices_are_checked() -> None:
    assert attribute_name("  age ") == "age"
    for bad in ("", "  ", "a=b", "a\nb", "x" * 201):
        with pytest.raises(InvalidInput):
            attribute_name(bad)
    assert check_choices("choice", [" a", "b "]) == ("a", "b")
    for kind, choices in (("choice", []), ("choice", ["a", "a"]), ("choice", ["a", ""]), ("text", ["a"])):
        with pytest.raises(InvalidInput):
            check_choices(kind, choices)


def test_definitions_from_the_command_line() -> None:
    assert parse_definition("region:choice:north, south") == ("region", "choice", ("north", "south"))
    assert parse_definition("age:number") == ("age", "number", ())
    with pytest.raises(InvalidInput, match="kind"):
        parse_definition("age:integer")
    with pytest.raises(InvalidInput, match="NAME:KIND"):
        parse_definition("age")


def test_values_sort_as_their_kind() -> None:
    age = Attribute("a", "age", "number")
    assert sorted(["10", "9", "", "-1.5"], key=lambda v: sort_key(age, v)) == ["-1.5", "9", "10", ""]
    size = Attribute("s", "size", "choice", ("small", "large"))
    assert sorted(["large", "small"], key=lambda v: sort_key(size, v)) == ["small", "large"]
