"""Tests: document attributes and sets as use cases, on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.errors import Conflict, InvalidInput, NotFound
from annotator.services import Library, importing, sets
from annotator.services import attributes as attrs
from tests._snapshot import library_contents


def _documents(library: Library, tmp_path: Path, count: int = 2) -> list[str]:
    paths = []
    for i in range(count):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(f"Document number {i}.\n", encoding="utf-8")
        paths.append(path)
    return [row.id for row in importing.import_paths(library, paths).documents]


def _define(library: Library) -> None:
    attrs.define_attribute(library, name="age", kind="number")
    attrs.define_attribute(library, name="interviewed", kind="date")
    attrs.define_attribute(library, name="region", kind="choice", choices=["north", "south"])
    attrs.define_attribute(library, name="notes", kind="text")


def test_values_are_parsed_stored_canonically_and_read_by_name(library: Library, tmp_path: Path) -> None:
    a, b = _documents(library, tmp_path)
    _define(library)
    changes = attrs.set_attributes(
        library, document_id=a, values={"age": "42.50", "interviewed": "2020-03-31", "region": "south"}
    )
    assert changes.documents_updated == (a,)
    assert attrs.attributes_of(library, [a, b]) == {
        a: {"age": "42.5", "interviewed": "2020-03-31", "region": "south"},
        b: {},
    }
    assert attrs.attributes_of(library) == {a: {"age": "42.5", "interviewed": "2020-03-31", "region": "south"}}
    assert attrs.set_attributes(library, document_id=a, values={"age": "42.5"}).empty  # nothing new
    attrs.set_attributes(library, document_id=a, values={"age": None, "region": ""})
    assert attrs.attributes_of(library, [a]) == {a: {"interviewed": "2020-03-31"}}
    assert [d.name for d in attrs.definitions(library)] == ["age", "interviewed", "region", "notes"]


@pytest.mark.parametrize(
    ("values", "message"),
    [({"age": "abc"}, "not a number"), ({"interviewed": "31/31/2020"}, "YYYY-MM-DD"),
     ({"region": "east"}, "not one of the choices"), ({"colour": "red"}, "there is no attribute 'colour'")],
)  # fmt: skip
def test_bad_input_changes_nothing(library: Library, tmp_path: Path, values: dict[str, str], message: str) -> None:
    [a] = _documents(library, tmp_path, 1)
    _define(library)
    attrs.set_attributes(library, document_id=a, values={"notes": "kept"})
    with pytest.raises((InvalidInput, NotFound), match=message):
        attrs.set_attributes(library, document_id=a, values={"notes": "lost", **values})
    assert attrs.attributes_of(library, [a]) == {a: {"notes": "kept"}}


def test_an_edit_based_on_stale_values_is_a_conflict(library: Library, tmp_path: Path) -> None:
    [a] = _documents(library, tmp_path, 1)
    _define(library)
    attrs.set_attributes(library, document_id=a, values={"age": "30"})
    shown = dict(attrs.attributes_of(library, [a])[a])
    attrs.set_attributes(library, document_id=a, values={"age": "31"})  # another program
    with pytest.raises(Conflict):
        attrs.set_attributes(library, document_id=a, values={"age": "32"}, base=shown)
    assert attrs.attributes_of(library, [a])[a] == {"age": "31"}
    # What the edit does not write may have changed: no conflict.
    attrs.set_attributes(library, document_id=a, values={"region": "north"}, base=shown)
    with pytest.raises(NotFound):
        attrs.set_attributes(library, document_id="no-such-document", values={"age": "1"})


def test_definitions_are_renamed_rechoiced_and_deleted_with_counts(library: Library, tmp_path: Path) -> None:
    a, b = _documents(library, tmp_path)
    _define(library)
    region = attrs.attribute_named(library, "region")
    attrs.set_attributes(library, document_id=a, values={"region": "north"})
    attrs.set_attributes(library, document_id=b, values={"region": "north"})
    with pytest.raises(InvalidInput, match="'north' is the value of 2 document"):
        attrs.set_choices(library, attribute_id=region.id, choices=["south"], base=region)
    attrs.set_choices(library, attribute_id=region.id, choices=["north", "east"], base=region)
    with pytest.raises(Conflict):  # the window still shows the old choices
        attrs.rename_attribute(library, attribute_id=region.id, name="area", base=region)
    with pytest.raises(InvalidInput, match="already an attribute 'age'"):
        attrs.rename_attribute(library, attribute_id=region.id, name="age")
    attrs.rename_attribute(library, attribute_id=region.id, name="area")
    assert attrs.attributes_of(library, [a])[a] == {"area": "north"}
    with pytest.raises(InvalidInput, match="already an attribute"):
        attrs.define_attribute(library, name="area", kind="text")
    assert attrs.usage(library, region.id) == 2
    deleted = attrs.delete_attribute(library, attribute_id=region.id)
    assert deleted.values_removed == 2 and deleted.changes.attributes_changed
    assert attrs.attributes_of(library, [a, b]) == {a: {}, b: {}}


def test_sets_are_made_filled_emptied_renamed_and_deleted(library: Library, tmp_path: Path) -> None:
    a, b = _documents(library, tmp_path)
    assert sets.add_to_set(library, name="week 1", document_ids=[a, b]).sets_changed
    assert sets.add_to_set(library, name="week 1", document_ids=[a]).empty  # idempotent
    sets.create_set(library, name="interviews")
    sets.add_to_set(library, name="interviews", document_ids=[b])
    listed = {s.name: s.document_ids for s in sets.list_sets(library)}
    assert listed == {"interviews": (b,), "week 1": (a, b)}
    with pytest.raises(InvalidInput, match="already a set"):
        sets.create_set(library, name="interviews")
    with pytest.raises(NotFound):
        sets.add_to_set(library, name="week 1", document_ids=[a, "missing"])
    assert sets.remove_from_set(library, name="week 1", document_ids=[a]).sets_changed
    assert sets.remove_from_set(library, name="week 1", document_ids=[a]).empty
    sets.rename_set(library, name="week 1", new_name="week one")
    with pytest.raises(NotFound):
        sets.rename_set(library, name="week 1", new_name="again")  # renamed meanwhile
    with pytest.raises(InvalidInput, match="already a set"):
        sets.rename_set(library, name="week one", new_name="interviews")
    sets.delete_set(library, name="interviews")
    assert [(s.name, s.count) for s in sets.list_sets(library)] == [("week one", 1)]
    assert len(library.documents()) == 2
    with pytest.raises(InvalidInput):
        sets.create_set(library, name="  ")


def test_a_refused_set_change_changes_nothing(library: Library, tmp_path: Path) -> None:
    [a] = _documents(library, tmp_path, 1)
    before = library_contents(library)
    with pytest.raises(NotFound):
        sets.add_to_set(library, name="new", document_ids=[a, "missing"])
    with pytest.raises(NotFound):
        sets.remove_from_set(library, name="nothing", document_ids=[a])
    assert library_contents(library) == before


def test_a_set_changed_by_another_program_since_it_was_shown_is_a_conflict(library: Library, tmp_path: Path) -> None:
    a, b = _documents(library, tmp_path)
    sets.add_to_set(library, name="S", document_ids=[a])
    [shown] = sets.list_sets(library)
    # Another program renames S to T and makes a new S with both documents.
    sets.rename_set(library, name="S", new_name="T")
    sets.add_to_set(library, name="S", document_ids=[a, b])
    before = library_contents(library)
    for change in (
        lambda: sets.delete_set(library, base=shown),
        lambda: sets.rename_set(library, base=shown, new_name="U"),
        lambda: sets.add_to_set(library, base=shown, document_ids=[b]),
        lambda: sets.remove_from_set(library, base=shown, document_ids=[a]),
    ):
        with pytest.raises(Conflict, match="another program"):
            change()
    assert library_contents(library) == before
    # Members changed (same name): a conflict too; as shown now: done, by id.
    [_s, t] = sets.list_sets(library)
    sets.add_to_set(library, name="T", document_ids=[b])
    with pytest.raises(Conflict):
        sets.delete_set(library, base=t)
    [_s, t] = sets.list_sets(library)
    assert sets.delete_set(library, base=t).sets_changed
    assert [(s.name, s.document_ids) for s in sets.list_sets(library)] == [("S", (a, b))]


def test_a_deleted_set_is_made_again_with_its_id_and_documents(library: Library, tmp_path: Path) -> None:
    a, b = _documents(library, tmp_path)
    sets.add_to_set(library, name="S", document_ids=[a, b])
    [shown] = sets.list_sets(library)
    sets.delete_set(library, base=shown)
    sets.create_set(library, name=shown.name, set_id=shown.id, document_ids=shown.document_ids)
    assert sets.list_sets(library) == [shown]
    with pytest.raises(Conflict):  # that id is taken now
        sets.create_set(library, name="other", set_id=shown.id)
    with pytest.raises(NotFound):
        sets.create_set(library, name="other", document_ids=[a, "missing"])
    assert sets.list_sets(library) == [shown]


NFC_CAFE, NFD_CAFE = "caf\u00e9", "cafe\u0301"


def test_set_attribute_and_coder_names_are_stored_in_nfc(library: Library, tmp_path: Path) -> None:
    from annotator.services import annotating, exporting

    a, b = _documents(library, tmp_path)
    sets.create_set(library, name=f" {NFC_CAFE} ")
    with pytest.raises(InvalidInput, match="already a set"):
        sets.create_set(library, name=NFD_CAFE)
    sets.add_to_set(library, name=NFD_CAFE, document_ids=[a], create=False)
    sets.rename_set(library, name=NFD_CAFE, new_name=NFD_CAFE + "s")
    assert [(s.name, s.document_ids) for s in sets.list_sets(library)] == [(NFC_CAFE + "s", (a,))]
    attrs.define_attribute(library, name=NFC_CAFE, kind="choice", choices=[NFD_CAFE])
    with pytest.raises(InvalidInput, match="already an attribute"):
        attrs.define_attribute(library, name=NFD_CAFE, kind="text")
    attrs.set_attributes(library, document_id=a, values={NFD_CAFE: NFC_CAFE})
    attrs.set_attributes(library, document_id=b, values={NFC_CAFE: NFD_CAFE})
    assert attrs.definitions(library)[0].choices == (NFC_CAFE,)
    assert attrs.attributes_of(library, [a, b]) == {a: {NFC_CAFE: NFC_CAFE}, b: {NFC_CAFE: NFC_CAFE}}
    claim = library.tag_named("claim").id
    annotating.create_annotation(library, document_id=a, tag_id=claim, start=0, end=8, coder="Jose\u0301 ")
    annotating.create_annotation(library, document_id=a, tag_id=claim, start=9, end=15, coder="Jos\u00e9")
    annotating.create_annotation(library, document_id=b, tag_id=claim, start=0, end=8, coder="  ")
    assert [c for c in library.coders() if c] == ["Jos\u00e9"]
    bundle = exporting.build_bundle(library, keep=exporting.ExportFilter(coders=frozenset({"Jose\u0301"})))
    assert sum(len(d.annotations) for d in bundle.documents) == 2
    for bad in ("", " ", "a\nb", "a\x1bb"):
        with pytest.raises(InvalidInput):
            sets.create_set(library, name=bad)
        with pytest.raises(InvalidInput):
            attrs.define_attribute(library, name=bad, kind="text")
    with pytest.raises(InvalidInput, match="control character"):
        annotating.create_annotation(library, document_id=b, tag_id=claim, start=9, end=15, coder="bob\x1b[31m")


def test_imports_store_set_attribute_and_coder_names_in_nfc(library: Library, tmp_path: Path) -> None:
    from annotator.core.attributes import Attribute
    from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument

    [a] = _documents(library, tmp_path, 1)
    attrs.define_attribute(library, name=NFC_CAFE, kind="number")
    text = "Imported text here.\n"
    document = ImportedDocument(
        "t", text, annotations=[ImportedAnnotation("claim", 0, 8, text[:8], coder="Jose\u0301")],
        attributes={NFD_CAFE: "2.50", "r\u00e9gion": "nord"},
    )  # fmt: skip
    bundle = ImportBundle([document], attributes=[Attribute("", "re\u0301gion", "choice", ("nord",))])
    result = importing.persist(library, [bundle], set_name=NFD_CAFE)
    assert [s.name for s in sets.list_sets(library)] == [NFC_CAFE]
    assert library.coders() == ["Jos\u00e9"]
    [new] = [d.id for d in result.documents]
    assert sets.list_sets(library)[0].document_ids == (new,)
    assert [(d.name, d.kind) for d in attrs.definitions(library)] == [(NFC_CAFE, "number"), ("r\u00e9gion", "choice")]
    assert attrs.attributes_of(library, [new, a]) == {new: {NFC_CAFE: "2.5", "r\u00e9gion": "nord"}, a: {}}
