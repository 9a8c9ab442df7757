"""Tests: annotated JSON version 2, a whole library, on SQLite and PostgreSQL.

The rich library is the golden file ``golden/json.json`` (see ``test_golden``): a codebook
three levels deep with "Positive" under two parents, memos, attributes of every kind, two
sets, a revised document with a previous text, an orphan and a fuzzy mark, and a journal
entry. Imported into an empty library and exported again it must come back the same (ids,
hierarchy, memos, attributes, sets, orphans, fuzzy marks, previous texts); every export is
valid against the shipped schema; version 1 is still written on request and read.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from jsonschema import Draft202012Validator, FormatChecker

from annotator.core.anchoring import FUZZY, ORPHANED
from annotator.formats import annotated_json
from annotator.formats.base import FormatError
from annotator.services import attributes as attrs
from annotator.services import exporting, importing
from annotator.services.library import Library
from tests._snapshot import library_contents as everything

GOLDEN = Path(__file__).parent / "golden"
RICH = GOLDEN / "json.json"
OLD = GOLDEN / "json-v1.json"


def export(library: Library, **options: Any) -> dict[str, Any]:
    out = io.BytesIO()
    exporting.export(library, out, options=options)
    loaded: dict[str, Any] = orjson.loads(out.getvalue())
    return loaded


def valid(payload: dict[str, Any]) -> None:
    schema = annotated_json.schema(payload["version"])
    Draft202012Validator.check_schema(schema)
    errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(payload))
    assert errors == []


def comparable(payload: dict[str, Any]) -> dict[str, Any]:
    """All but when and by what it was exported; tags by id (a library lists them by order and name)."""
    rest = {k: v for k, v in payload.items() if k not in ("exported_at", "generator")}
    rest["tags"] = sorted(rest["tags"], key=lambda t: t["id"])
    return rest


def test_the_golden_file_is_valid_and_reads() -> None:
    payload = orjson.loads(RICH.read_bytes())
    valid(payload)
    bundle = annotated_json.read(annotated_json.SourceFile("json.json", RICH.read_bytes()))
    assert bundle.extras is not None
    paths = {t.id: t for t in bundle.extras.codebook}
    assert sorted(t.name for t in paths.values()).count("Positive") == 2
    revised = bundle.documents[3]
    assert [a.anchor.status for a in revised.annotations if a.anchor] == ["fuzzy", "moved", "orphaned"]


def test_v2_into_an_empty_library_gives_back_the_same_library(
    open_library: Callable[[], Library], tmp_path: Path
) -> None:
    first = open_library()
    result = importing.import_paths(first, [RICH])
    assert [r.new for r in result.documents] == [True] * 4
    golden = orjson.loads(RICH.read_bytes())
    once = export(first)
    valid(once)
    assert comparable(once) == comparable(golden)

    # What the library holds, not only what it exports.
    tags = {t.id: t for t in first.tags()}
    assert {t["id"] for t in golden["tags"]} == set(tags)  # the default tags took the file's ids
    ironic = tags["7a900000-0000-4000-8000-000000000007"]
    assert tags[ironic.parent_id or ""].parent_id == "7a900000-0000-4000-8000-000000000005"
    revised = "d0c00000-0000-4000-8000-000000000004"
    states, orphans = first.anchors(revised)
    assert [s.status for s in states.values()].count(FUZZY) == 1
    (orphan,) = orphans
    assert orphan.version.text[orphan.annotation.start : orphan.annotation.end] == orphan.annotation.quote == "was"
    assert first.document(revised).memo == "Revised once:\n- a typo fixed"
    assert first.documents_in_set("Course") == ["d0c00000-0000-4000-8000-000000000001",
                                                 "d0c00000-0000-4000-8000-000000000002"]  # fmt: skip

    # Exported, imported into another empty library, exported again: the same.
    path = tmp_path / "once.json"
    path.write_bytes(orjson.dumps(once))
    second = open_library()
    importing.import_paths(second, [path])
    twice = export(second)
    once.pop("exported_at"), twice.pop("exported_at")
    assert twice == once

    # And importing it again adds nothing.
    before = everything(second)
    again = importing.import_paths(second, [path])
    assert (again.annotations_added, again.annotations_existing) == (0, len(golden_annotations(golden)))
    assert again.changes.empty and again.notes == []
    assert everything(second) == before
    assert export(second) | {"exported_at": None} == twice | {"exported_at": None}


def test_two_documents_of_one_text_stay_two_through_a_v2_round_trip(
    open_library: Callable[[], Library], tmp_path: Path
) -> None:
    """Found by an attack: a document revised to another's text was merged into it on import."""
    from annotator.services import annotating, revising

    first = open_library()
    one, two = (
        importing.persist(first, [importing.text_bundle(text, title=title)]).documents[0].id
        for text, title in (("Same words at last.\n", "One"), ("Other words first.\n", "Two"))
    )
    annotating.annotate_quote(first, document_id=two, tag_id=first.tag_named("claim").id, quote="Other")
    revising.revise_document(first, document_id=two, new_text="Same words at last.\n")
    once = export(first)
    path = tmp_path / "twins.json"
    path.write_bytes(orjson.dumps(once))
    second = open_library()
    importing.import_paths(second, [path])
    assert [(d.id, d.title) for d in second.documents()] == [(one, "One"), (two, "Two")]
    twice = export(second)
    once.pop("exported_at"), twice.pop("exported_at")
    assert twice == once
    again = importing.import_paths(second, [path])
    assert again.changes.empty


def golden_annotations(payload: dict[str, Any]) -> list[dict[str, Any]]:
    return [a for d in payload["documents"] for a in d["annotations"] + d["orphans"]]


def test_version_1_on_request_and_old_files_still_read(open_library: Callable[[], Library]) -> None:
    library = open_library()
    result = importing.import_paths(library, [OLD])  # a file version 1 wrote
    old = orjson.loads(OLD.read_bytes())
    assert result.annotations_added == sum(len(d["annotations"]) for d in old["documents"])
    v1 = export(library, version="1")
    valid(v1)
    assert v1["version"] == 1 and set(v1) == set(old)
    assert [d["annotations"] for d in v1["documents"]] == [d["annotations"] for d in old["documents"]]
    rich = open_library()
    importing.import_paths(rich, [RICH])
    v1 = export(rich, version="1")
    valid(v1)  # orphans are left out of version 1, which has no place for them
    assert all(a["quote"] != "was" for d in v1["documents"] for a in d["annotations"])


def test_previous_texts_left_out_on_request(open_library: Callable[[], Library], tmp_path: Path) -> None:
    library = open_library()
    importing.import_paths(library, [RICH])
    small = export(library, previous_texts=False)
    valid(small)
    assert [v["text"] for d in small["documents"] for v in d["versions"]] == [None]
    path = tmp_path / "small.json"
    path.write_bytes(orjson.dumps(small))
    target = open_library()
    before = everything(target)
    with pytest.raises(FormatError, match="whose text this export leaves out"):
        importing.import_paths(target, [path])
    assert everything(target) == before


def test_into_a_library_with_documents_tags_merge_by_path(open_library: Callable[[], Library], tmp_path: Path) -> None:
    library = open_library()
    importing.import_paths(library, [OLD])  # the same documents, annotated in version 1's way
    claim = library.tag_named("claim")
    result = importing.import_paths(library, [RICH])
    assert [r.new for r in result.documents] == [False] * 4
    tags = library.tags()
    assert library.tag_named("claim").id == claim.id  # the library's own, matched by path
    positives = [t for t in tags if t.name == "Positive"]
    assert {t.parent_id for t in positives} == {claim.id, "7a900000-0000-4000-8000-000000000005"}
    payload = export(library)
    valid(payload)
    revised = next(d for d in payload["documents"] if d["id"] == "d0c00000-0000-4000-8000-000000000004")
    assert [o["quote"] for o in revised["orphans"]] == ["was"]
    assert [v["version"] for v in revised["versions"]] == [1]
    assert [a["status"] for a in revised["annotations"]] == ["fuzzy", "moved"]
    assert revised["memo"] == "Revised once:\n- a typo fixed"
    assert sorted(s["name"] for s in payload["sets"]) == ["Course", "Revised"]
    assert len(payload["journal"]) == 1
    # Again: nothing more.
    before = everything(library)
    again = importing.import_paths(library, [RICH])
    assert again.annotations_added == 0 and again.changes.empty
    assert everything(library) == before


def _damage(payload: dict[str, Any], kind: str) -> None:
    doc = payload["documents"][3]
    if kind == "orphan quote":
        doc["orphans"][0]["quote"] = "is"
    elif kind == "review without fuzzy":
        doc["annotations"][0]["status"] = "moved"
    elif kind == "unknown version":
        doc["orphans"][0]["version_id"] = "7e500000-0000-4000-8000-000000000009"
    elif kind == "tag name and id disagree":
        doc["annotations"][1]["tag"] = "claim"
    elif kind == "parent missing":
        payload["tags"][5]["parent_id"] = "7a900000-0000-4000-8000-000000000099"
    elif kind == "parents in a cycle":
        tone = next(t for t in payload["tags"] if t["name"] == "Tone")
        tone["parent_id"] = "7a900000-0000-4000-8000-000000000007"  # Tone inside Ironic, inside Tone
    elif kind == "wrong path":
        payload["tags"][6]["path"] = ["Tone", "Ironic"]
    elif kind == "bad choice":
        doc["attributes"]["Genre"] = "novel"
    elif kind == "bad date":
        payload["documents"][0]["attributes"]["Published"] = "2026-13-01"
    elif kind == "set of a missing document":
        payload["sets"][0]["document_ids"].append("d0c00000-0000-4000-8000-000000000009")
    elif kind == "unlisted coder":
        doc["orphans"][0]["coder"] = "zoe"
    elif kind == "a relation":
        doc["relations"].append({})
    elif kind == "a key of two characters":
        payload["tags"][0]["key"] = "10"
    elif kind == "two siblings of one name":  # once cleaned as stored: "Tone " is "Tone"
        odd = next(t for t in payload["tags"] if t["name"].startswith("Ünïcode"))
        for annotation in (a for d in payload["documents"] for a in d["annotations"] + d["orphans"]):
            if annotation["tag"] == odd["name"]:
                annotation["tag"] = "Tone "
        odd["name"], odd["path"] = "Tone ", ["Tone "]
    elif kind == "a key given twice":
        keyed = next(t for t in payload["tags"] if t["key"])
        other = next(t for t in payload["tags"] if t is not keyed)
        other["key"] = keyed["key"].upper() if keyed["key"].isalpha() else keyed["key"]


DAMAGE = {
    "orphan quote": r"orphan 1: its quote is not the version's text\[start:end\]",
    "review without fuzzy": "a review is given with a fuzzy placement, and only then",
    "unknown version": "not among the document's versions",
    "tag name and id disagree": "is not the name of tag",
    "parent missing": "its parent .* is not in the export",
    "parents in a cycle": "its parents form a cycle",
    "wrong path": "is not the names of its parents",
    "bad choice": "attribute 'Genre': 'novel' is not one of the choices of 'Genre'",
    "bad date": "attribute 'Published': '2026-13-01' is not a day of the calendar",
    "set of a missing document": "is not in the export",
    "unlisted coder": "not in the export's coders",
    "a relation": "not valid at documents/3/relations",
    "a key of two characters": "a tag's key is one character",
    "a key given twice": "the tag key .* is given twice",
    "two siblings of one name": "the file's codebook has two tags named 'Tone' at the top level",
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_a_damaged_v2_file_is_refused_and_nothing_imported(
    open_library: Callable[[], Library], tmp_path: Path, kind: str
) -> None:
    payload = orjson.loads(RICH.read_bytes())
    _damage(payload, kind)
    bad = tmp_path / "bad.json"
    bad.write_bytes(orjson.dumps(payload))
    library = open_library()
    before = everything(library)
    with pytest.raises(FormatError, match=DAMAGE[kind]) as caught:
        importing.import_paths(library, [RICH, bad])
    assert "\n" not in str(caught.value)
    assert everything(library) == before


def test_orphans_survive_as_orphans(open_library: Callable[[], Library]) -> None:
    library = open_library()
    importing.import_paths(library, [RICH])
    _, orphans = library.anchors("d0c00000-0000-4000-8000-000000000004")
    assert [o.annotation.id for o in orphans] == ["a0000000-0000-4000-8000-000000000903"]
    assert library.annotation("a0000000-0000-4000-8000-000000000903") is not None
    assert all(a.quote != "was" for a in library.annotations("d0c00000-0000-4000-8000-000000000004"))
    assert ORPHANED == "orphaned"


def test_attributes_keep_the_library_kind_and_values_that_do_not_fit_refuse_the_file(
    open_library: Callable[[], Library],
) -> None:
    library = open_library()
    attrs.define_attribute(library, name="Genre", kind="text")  # a choice in the file
    result = importing.import_paths(library, [RICH])
    assert result.notes == [
        "attribute 'Genre' is text in this library but choice in the file: its values were read as text"
    ]
    genre = attrs.attribute_named(library, "Genre")
    assert (genre.kind, genre.choices) == ("text", ())
    values = attrs.attributes_of(library)
    assert values["d0c00000-0000-4000-8000-000000000004"]["Genre"] == "interview"
    assert values["d0c00000-0000-4000-8000-000000000001"]["Reading time (min)"] == "34.5"

    strict = open_library()
    attrs.define_attribute(strict, name="Published", kind="number")  # a date in the file
    before = everything(strict)
    with pytest.raises(FormatError, match=r"attribute 'Published': '2026-11-01' is not a number") as caught:
        importing.import_paths(strict, [RICH])
    assert "\n" not in str(caught.value)
    assert everything(strict) == before


def test_a_choice_the_library_lacks_is_added(open_library: Callable[[], Library]) -> None:
    library = open_library()
    attrs.define_attribute(library, name="Genre", kind="choice", choices=["essay", "article"])
    result = importing.import_paths(library, [RICH])
    assert result.notes == [] and result.changes.attributes_changed
    assert attrs.attribute_named(library, "Genre").choices == ("essay", "article", "interview")


@pytest.mark.parametrize("subtags", [True, False])
def test_export_tag_path_keeps_the_tags_inside_it_orphans_included(
    open_library: Callable[[], Library], subtags: bool
) -> None:
    library = open_library()
    importing.import_paths(library, [RICH])
    tone = "7a900000-0000-4000-8000-000000000005"
    out = io.BytesIO()
    exporting.export(library, out, keep=exporting.ExportFilter(tag_ids=frozenset({tone}), subtags=subtags))
    payload = orjson.loads(out.getvalue())
    valid(payload)
    tags = {a["tag_id"] for d in payload["documents"] for a in d["annotations"] + d["orphans"]}
    orphans = [o["quote"] for d in payload["documents"] for o in d["orphans"]]
    if subtags:  # Tone/Positive (the orphan) and Tone/Positive/Ironic (the fuzzy mark)
        assert tags == {"7a900000-0000-4000-8000-000000000006", "7a900000-0000-4000-8000-000000000007"}
        assert orphans == ["was"]
    else:
        assert tags == set() and orphans == []
    assert len(payload["tags"]) == len(library.tags())  # the codebook travels whole
