"""Tests: the first-run sample and the per-library state, on SQLite and PostgreSQL.

The sample is imported once into a new, empty library; a user who deletes it
must not get it back on the next start, and a library that already has the
user's own documents is never seeded.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.model import DEFAULT_TAGS
from annotator.services import codebook, importing
from annotator.services.library import Library
from annotator.services.sample import SEEDED_KEY, seed_sample
from annotator.storage.tables import DocumentRow
from annotator.storage.uow import unit_of_work


def test_sample_seeded_once_with_its_first_line_as_title(library: Library, seed_file: Path, seed_text: str) -> None:
    ids = seed_sample(library, seed_file.parent)
    assert len(ids) == 1
    doc = library.document(ids[0])
    assert doc.text == seed_text
    assert doc.title == seed_text.split("\n", 1)[0].strip()
    assert doc.metadata["source_file"] == seed_file.name
    assert library.state(SEEDED_KEY)

    assert seed_sample(library, seed_file.parent) == []
    assert [d.id for d in library.documents()] == ids


def test_sample_not_seeded_again_after_the_user_deleted_it(library: Library, seed_file: Path) -> None:
    [doc_id] = seed_sample(library, seed_file.parent)
    with unit_of_work(library.engine) as s:
        s.delete(s.get(DocumentRow, doc_id))
    assert library.documents() == []
    assert seed_sample(library, seed_file.parent) == []
    assert library.documents() == []


def test_sample_not_seeded_into_a_library_with_documents(library: Library, seed_file: Path, tmp_path: Path) -> None:
    own = tmp_path / "mine.txt"
    own.write_text("My own text\n", encoding="utf-8")
    [row] = importing.import_paths(library, [own]).documents
    assert seed_sample(library, seed_file.parent) == []
    assert [d.id for d in library.documents()] == [row.id]


def test_no_seeds_folder_or_no_texts_in_it(library: Library, tmp_path: Path) -> None:
    assert seed_sample(library, None) == []
    empty = tmp_path / "seeds"
    empty.mkdir()
    (empty / "README.rst").write_text("not a seed\n", encoding="utf-8")
    assert seed_sample(library, empty) == []
    assert library.documents() == []


def test_every_seed_text_is_imported(library: Library, tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "b.md").write_text("# Second\n\nbody\n", encoding="utf-8")
    (seeds / "a.txt").write_text("First\n\nbody\n", encoding="utf-8")
    ids = seed_sample(library, seeds)
    assert [library.document(i).title for i in ids] == ["First", "Second"]


def test_state_get_and_set(library: Library) -> None:
    assert library.state("last_document") is None
    library.set_state("last_document", "abc")
    library.set_state("scroll:abc", "1234")
    assert library.state("last_document") == "abc"
    library.set_state("last_document", "\U0001f600 def")
    assert library.state("last_document") == "\U0001f600 def"
    assert library.state("scroll:abc") == "1234"


def test_state_survives_reopening(library: Library) -> None:
    library.set_state("last_document", "xyz")
    with Library.open(library.url) as again:
        assert again.state("last_document") == "xyz"
        assert [t.id for t in again.tags()] == [t.id for t in library.tags()]  # not re-created


def test_a_new_library_gets_the_default_codebook_once(library: Library) -> None:
    tags = library.tags()
    assert [(t.name, t.color, t.description, t.shortcut) for t in tags] == [
        (spec.name, spec.color, spec.description, spec.shortcut) for spec in DEFAULT_TAGS
    ]
    assert [t.sort_order for t in tags] == list(range(len(DEFAULT_TAGS)))
    with pytest.raises(LookupError, match="no tag 'opinion'"):
        library.tag_named("opinion")


def test_a_codebook_emptied_by_the_user_stays_empty_on_reopening(library: Library) -> None:
    for tag in library.tags():
        codebook.delete_tag(library, tag_id=tag.id)
    assert library.tags() == []
    with Library.open(library.url) as again:
        assert again.tags() == []
