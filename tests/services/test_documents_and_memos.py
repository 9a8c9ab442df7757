"""Tests: documents renamed, described, deleted and put back; the journal; every memo with its place.

On SQLite and PostgreSQL. Edits based on what another program changed since are
refused (:class:`Conflict`) and change nothing.
"""

from __future__ import annotations

import orjson
import pytest

from annotator.core.anchoring import FUZZY, ORPHANED
from annotator.core.documents import distinct_titles
from annotator.core.errors import InvalidInput, NotFound
from annotator.core.memos import ANNOTATION, DOCUMENT, JOURNAL, TAG
from annotator.core.model import Conflict
from annotator.services import annotating, codebook, documents, importing, journal, memos, revising
from annotator.services.backups import list_backups
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work

TEXT = "The senator said the plan would fail. Critics disagreed.\n"


@pytest.fixture
def library(database_url: str):
    with Library.open(database_url) as opened:
        yield opened


def _doc(library: Library, text: str = TEXT, title: str = "Plan") -> str:
    return importing.persist(library, [importing.text_bundle(text, title=title)]).documents[0].id


def test_a_document_is_renamed_and_given_a_memo_checked_against_what_was_shown(library, database_url) -> None:
    doc_id = _doc(library)
    shown = library.document(doc_id)
    changes = documents.rename_document(library, document_id=doc_id, title="  The plan  ", base=shown)
    assert changes.documents_updated == (doc_id,)
    assert library.document(doc_id).title == "The plan"
    with pytest.raises(Conflict, match="changed this document"):  # the title shown is stale now
        documents.rename_document(library, document_id=doc_id, title="Other", base=shown)
    memo = "First line\n\nsecond paragraph"
    documents.set_document_memo(library, document_id=doc_id, memo=memo, base=library.document(doc_id))
    assert library.document(doc_id).memo == memo
    with Library.open(database_url) as other:
        documents.set_document_memo(other, document_id=doc_id, memo="theirs")
    with pytest.raises(Conflict):
        documents.set_document_memo(library, document_id=doc_id, memo="mine", base=shown)
    assert library.document(doc_id).memo == "theirs"
    for bad in ("", "   ", "two\nlines"):
        with pytest.raises(InvalidInput):
            documents.rename_document(library, document_id=doc_id, title=bad)
    assert library.document(doc_id).title == "The plan"
    with pytest.raises(NotFound):
        documents.rename_document(library, document_id="nope", title="x")


def test_a_deleted_document_comes_back_whole_with_the_same_ids(library, database_url) -> None:
    doc_id = _doc(library)
    claim, evidence = library.tag_named("claim"), library.tag_named("evidence")
    annotating.create_annotation(library, document_id=doc_id, tag_id=claim.id, start=4, end=11, note="who", coder="ann")
    start = TEXT.index("plan would fail")
    annotating.create_annotation(library, document_id=doc_id, tag_id=evidence.id, start=start, end=start + 15)
    annotating.create_annotation(library, document_id=doc_id, tag_id=claim.id, start=TEXT.index("Critics"),
                                 end=TEXT.index(" disagreed"))  # fmt: skip
    revising.revise_document(library, document_id=doc_id, new_text="The senator said the scheme would collapse.\n")
    documents.set_document_memo(library, document_id=doc_id, memo="a memo")
    with unit_of_work(library.engine) as s:
        repo.add_to_set(s, "corpus", [doc_id], "set-1")
    before_annotations = sorted(_anchored(library, doc_id))  # placed, fuzzy and orphaned
    assert {row[-1].status for row in before_annotations} & {FUZZY, ORPHANED}
    before = (library.document(doc_id), library.documents_in_set("corpus"))
    shown = library.document(doc_id)
    counts = documents.document_details(library, doc_id)
    assert counts.annotations + counts.orphans == 3 and len(counts.versions) == 1

    deleted = documents.delete_document(library, document_id=doc_id, base=shown)
    assert deleted.changes.documents_deleted == (doc_id,)
    assert [d.id for d in library.documents()] == []
    assert library.documents_in_set("corpus") == []
    if database_url.startswith("sqlite"):
        assert deleted.backup is not None and deleted.backup.is_file()
        assert [b.kind for b in list_backups(library) if b.path == deleted.backup] == ["before-delete"]
    else:
        assert deleted.backup is None

    changes = documents.restore_document(library, snapshot=deleted.snapshot)
    assert changes.documents_created == (doc_id,)
    assert (library.document(doc_id), library.documents_in_set("corpus")) == before
    assert sorted(_anchored(library, doc_id)) == before_annotations
    assert documents.document_details(library, doc_id).versions == counts.versions
    assert documents.restore_document(library, snapshot=deleted.snapshot).empty  # already back: nothing to do


def test_undoing_a_delete_gives_back_a_choice_removed_meanwhile_so_its_value_stays_valid(library, tmp_path) -> None:
    """Found by an attack: the value came back though no longer one of the choices, and every export
    of the library was then refused on import."""
    from annotator.services import attributes as attrs
    from annotator.services import exporting, importing

    doc_id = _doc(library)
    attrs.define_attribute(library, name="region", kind="choice", choices=["north", "south"])
    attrs.set_attributes(library, document_id=doc_id, values={"region": "north"})
    deleted = documents.delete_document(library, document_id=doc_id, base=library.document(doc_id))
    (defined,) = attrs.definitions(library)
    attrs.set_choices(library, attribute_id=defined.id, choices=["south"], base=defined)  # nobody has north now
    changes = documents.restore_document(library, snapshot=deleted.snapshot)
    assert changes.attributes_changed
    assert attrs.attributes_of(library, [doc_id])[doc_id] == {"region": "north"}
    assert attrs.definitions(library)[0].choices == ("south", "north")
    path = tmp_path / "lib.json"
    exporting.export_to_path(library, path)
    with Library.open(f"sqlite:///{tmp_path / 'fresh.sqlite3'}") as fresh:  # the library's own export reads back
        importing.import_paths(fresh, [path])
        assert attrs.attributes_of(fresh)[doc_id] == {"region": "north"}


def test_undoing_a_delete_after_the_same_text_was_imported_again_keeps_both(library) -> None:
    """The deleted document holds what the re-import does not (notes, memo): it comes back beside it."""
    doc_id = _doc(library)
    claim = library.tag_named("claim")
    annotating.create_annotation(library, document_id=doc_id, tag_id=claim.id, start=4, end=11, note="who")
    documents.set_document_memo(library, document_id=doc_id, memo="a memo")
    deleted = documents.delete_document(library, document_id=doc_id, base=library.document(doc_id))
    again = _doc(library, title="Plan again")  # another program imports the same file meanwhile
    assert documents.same_text(library, deleted.snapshot.document.sha256, excluding=doc_id) == [(again, "Plan again")]
    changes = documents.restore_document(library, snapshot=deleted.snapshot)
    assert changes.documents_created == (doc_id,)
    assert {d.id for d in library.documents()} == {doc_id, again}
    assert library.document(doc_id).memo == "a memo" and [a.note for a in library.annotations(doc_id)] == ["who"]
    assert documents.same_text(library, deleted.snapshot.document.sha256, excluding=again) == [(doc_id, "Plan")]


def _anchored(library: Library, doc_id: str):
    with unit_of_work(library.engine) as s:
        return [(a.id, a.start, a.end, a.quote, a.note, a.coder, a.tag_id, st) for a, st in
                repo.anchored_annotations_of(s, doc_id)]  # fmt: skip


def test_a_delete_based_on_a_stale_document_is_refused(library) -> None:
    doc_id = _doc(library)
    shown = library.document(doc_id)
    documents.rename_document(library, document_id=doc_id, title="Renamed elsewhere")
    with pytest.raises(Conflict):
        documents.delete_document(library, document_id=doc_id, base=shown)
    assert [d.id for d in library.documents()] == [doc_id]
    with pytest.raises(NotFound):
        documents.delete_document(library, document_id="nope")


def test_counts_are_per_tag_not_per_name(library) -> None:
    """Two tags named "Pos" (under F and under O), one annotation each: each counts 1."""
    doc_id = _doc(library)
    ids = []
    for parent in ("F", "O"):
        parent_id = codebook.create_tag(library, name=parent).tags_created[0].id
        ids.append(codebook.create_tag(library, name="Pos", parent_id=parent_id).tags_created[0].id)
    for tag_id, start in zip(ids, (0, 4), strict=True):
        annotating.create_annotation(library, document_id=doc_id, tag_id=tag_id, start=start, end=start + 3)
    assert library.documents()[0].counts == {ids[0]: 1, ids[1]: 1}
    assert documents.document_details(library, doc_id).counts == {ids[0]: 1, ids[1]: 1}


def test_details_say_source_sizes_counts_and_versions(library, tmp_path) -> None:
    path = tmp_path / "café.txt"
    path.write_text("Ünïcode text here.\n", encoding="utf-8")
    doc_id = importing.import_paths(library, [path]).documents[0].id
    claim = library.tag_named("claim")
    annotating.create_annotation(library, document_id=doc_id, tag_id=claim.id, start=0, end=7)
    details = documents.document_details(library, doc_id)
    assert details.source == "café.txt"
    assert (details.characters, details.utf8_bytes) == (19, 21)
    assert details.counts == {claim.id: 1} and details.versions == []
    assert len(details.sha256) == 64


def test_duplicate_titles_are_told_apart_in_import_order() -> None:
    assert distinct_titles(["A", "B", "A", "A (2)", "A"]) == ["A", "B", "A (3)", "A (2)", "A (4)"]
    assert distinct_titles(["x", "y"]) == ["x", "y"]


def test_journal_entries_are_added_edited_and_deleted_against_what_was_shown(library, database_url) -> None:
    entry, changes = journal.add_entry(library, title="Day one", body="Read\nthree texts.", author="ann")
    assert changes.journal_changed and entry.author == "ann"
    with pytest.raises(InvalidInput):
        journal.add_entry(library, title="  ", body="  ")
    edited, _ = journal.edit_entry(library, entry_id=entry.id, body="Read four texts.", base=entry)
    assert edited.body == "Read four texts." and edited.modified > entry.modified
    with pytest.raises(Conflict):  # based on the entry before the edit
        journal.edit_entry(library, entry_id=entry.id, body="stale", base=entry)
    with pytest.raises(Conflict):
        journal.delete_entry(library, entry_id=entry.id, base=entry)
    assert journal.entries(library) == [edited]
    journal.delete_entry(library, entry_id=entry.id, base=edited)
    assert journal.entries(library) == []


def test_every_memo_is_listed_with_its_place_and_exported(library) -> None:
    doc_id = _doc(library, title="Plan *draft*")
    claim = library.tag_named("claim")
    annotating.create_annotation(library, document_id=doc_id, tag_id=claim.id, start=4, end=11, note="who\nis he?",
                                 coder="ann")  # fmt: skip
    documents.set_document_memo(library, document_id=doc_id, memo="About the plan.")
    journal.add_entry(library, title="Day one", body="Started.", author="ann")
    found = memos.all_memos(library)
    kinds = [m.kind for m in found]
    assert kinds == [JOURNAL, DOCUMENT, ANNOTATION, TAG, TAG, TAG]  # the default tags have descriptions
    note = found[2]
    assert (note.document_id, note.quote, note.label, note.text) == (doc_id, "senator", "claim", "who\nis he?")
    markdown = memos.memos_markdown(found)
    assert "## Annotation memos" in markdown and "### Plan \\*draft\\* — “senator” (claim)" in markdown
    assert "who\nis he?" in markdown and "## Journal" in markdown
    records = orjson.loads(memos.memos_json(found))
    assert records[2] == {
        "kind": "annotation", "id": note.target_id, "text": "who\nis he?", "document_id": doc_id,
        "document_title": "Plan *draft*", "tag": "claim", "quote": "senator", "coder": "ann",
    }  # fmt: skip
