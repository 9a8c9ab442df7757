"""Tests: the crash harness's verdicts can fail. Its checker is given a library state
with a lost, a phantom, a stale and a half-applied annotation, and must say so."""

from __future__ import annotations

import copy
from typing import Any

from tests.crash.harness import Intent, verify

TEXT = "The cat sat on the mat, and the dog barked at the cat."


def state(aid: str, start: int, end: int, *, tag: str = "t1", note: str = "0:", modified: str = "m0") -> dict[str, Any]:
    return {
        "id": aid, "document_id": "d", "tag_id": tag, "start": start, "end": end, "quote": TEXT[start:end],
        "prefix": TEXT[max(0, start - 32) : start], "suffix": TEXT[end : end + 32], "note": note,
        "coder": "", "created": "c0", "modified": modified,
    }  # fmt: skip


MODEL = {"a": state("a", 4, 7), "b": state("b", 19, 22)}


def check(actual: dict[str, dict[str, Any]], in_flight: Intent | None = None) -> tuple[list[str], str | None]:
    return verify(copy.deepcopy(MODEL), actual, in_flight, TEXT)


def test_the_same_state_passes() -> None:
    assert check(copy.deepcopy(MODEL)) == ([], None)


def test_a_lost_annotation_is_reported() -> None:
    problems, _ = check({"a": MODEL["a"]})
    assert len(problems) == 1 and problems[0].startswith("lost annotation b")


def test_a_phantom_annotation_is_reported() -> None:
    problems, _ = check({**MODEL, "x": state("x", 0, 3)})
    assert len(problems) == 1 and problems[0].startswith("phantom annotation x")


def test_a_stale_annotation_is_reported() -> None:
    problems, _ = check({**MODEL, "b": state("b", 19, 22, note="5:old")})
    assert len(problems) == 1 and problems[0].startswith("changed annotation b")


def test_a_quote_that_does_not_match_the_text_is_reported() -> None:
    bad = {**state("b", 19, 22), "quote": "dog"}
    model = {**MODEL, "b": bad}
    problems, _ = verify(model, copy.deepcopy(model), None, TEXT)
    assert problems == ["annotation b: quote or context does not match the text at 19..22"]


def test_an_edit_in_flight_may_be_applied_or_absent_but_not_torn() -> None:
    expect = {k: v for k, v in state("a", 4, 7, tag="t2", note="3:new").items() if k != "modified"}
    edit = Intent(9, "set_note", "a", expect)
    applied = {**MODEL, "a": state("a", 4, 7, tag="t2", note="3:new", modified="m1")}
    assert check(applied, edit) == ([], "applied")
    assert check(copy.deepcopy(MODEL), edit) == ([], "absent")
    torn = {**MODEL, "a": state("a", 4, 7, tag="t2", note="0:", modified="m1")}  # tag without its note
    problems, outcome = check(torn, edit)
    assert outcome is None and "half-applied" in problems[0]


def test_a_delete_in_flight_is_all_or_nothing() -> None:
    delete = Intent(3, "delete", "b", None)
    assert check({"a": MODEL["a"]}, delete) == ([], "applied")
    assert check(copy.deepcopy(MODEL), delete) == ([], "absent")
    problems, _ = check({"a": MODEL["a"], "b": state("b", 19, 22, note="1:x")}, delete)
    assert "half-applied" in problems[0]


def test_an_edit_in_flight_does_not_excuse_other_changes() -> None:
    create = Intent(4, "create", "n", {k: v for k, v in state("n", 0, 3).items() if k not in ("created", "modified")})
    problems, outcome = check({"a": MODEL["a"], "n": state("n", 0, 3)}, create)
    assert outcome == "applied"
    assert len(problems) == 1 and problems[0].startswith("lost annotation b")


def test_the_model_follows_the_library_only_when_all_is_well() -> None:
    model = copy.deepcopy(MODEL)
    applied = {**MODEL, "c": state("c", 0, 3)}
    create = Intent(5, "create", "c", {k: v for k, v in state("c", 0, 3).items() if k not in ("created", "modified")})
    assert verify(model, applied, create, TEXT) == ([], "applied")
    assert model == applied
