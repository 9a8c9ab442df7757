"""Tests: the whole use cases the GUI and the CLI share, on SQLite and PostgreSQL.

Importing files (read, offer the trims of boilerplate to a policy, persist) and
revising a document from a file are each one service call; the front ends only
pass their policy (the CLI's ``--trim`` or a note, the GUI's dialog) and show
the :class:`Changes` the call returns. Input is read before the library is
opened, so a command line with bad input never opens (nor creates) a library.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from annotator.core.boilerplate import Cut
from annotator.core.model import Conflict
from annotator.formats.base import FormatError, ImportedDocument
from annotator.services import Library, importing, revising
from annotator.services.progress import Cancelled
from tests._snapshot import library_contents as everything


class Opener:
    """A library source that counts how often the use case opened the library."""

    def __init__(self, library: Library) -> None:
        self.library = library
        self.calls = 0

    def __call__(self) -> Library:
        self.calls += 1
        return self.library


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_trim_policies_decide_what_is_removed(library: Library, seed_file: Path, seed_text: str) -> None:
    seen: list[tuple[str, list[Cut]]] = []

    def first_cut_only(document: ImportedDocument, cuts: list[Cut]) -> list[Cut]:
        seen.append((document.title, cuts))
        return cuts[:1]

    [row] = importing.import_paths(library, [seed_file], trim=first_cut_only).documents
    [(title, cuts)] = seen
    assert cuts and title == library.document(row.id).title
    stored = library.document(row.id)
    assert len(stored.metadata["trimmed"]) == 1
    assert len(stored.text) == len(seed_text) - (cuts[0].end - cuts[0].start)


def test_by_default_nothing_is_trimmed_and_trim_all_trims_everything(
    library: Library, seed_file: Path, seed_text: str, tmp_path: Path
) -> None:
    [kept] = importing.import_paths(library, [seed_file]).documents
    assert library.document(kept.id).text == seed_text
    copy = tmp_path / "copy.txt"
    copy.write_bytes(seed_file.read_bytes())
    trimmed = library.document(importing.import_paths(library, [copy], trim=importing.trim_all).documents[0].id)
    assert "Related articles" in seed_text and "Related articles" not in trimmed.text


def test_a_trim_policy_that_cancels_imports_nothing_and_opens_no_library(
    library: Library, seed_file: Path, tmp_path: Path
) -> None:
    other = _write(tmp_path, "other.txt", "Another text.\n")
    opener = Opener(library)
    before = everything(library)
    with pytest.raises(Cancelled):
        importing.import_paths(opener, [other, seed_file], trim=lambda _document, _cuts: None)
    assert opener.calls == 0
    assert everything(library) == before


def test_unreadable_files_refuse_the_import_before_the_library_is_opened(library: Library, tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", "Good text.\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)))
    opener = Opener(library)
    with pytest.raises(importing.UnreadableFiles) as caught:
        importing.import_paths(opener, [good, bad])
    assert [f.path for f in caught.value.failures] == [str(bad)]
    assert str(caught.value).startswith(f"{bad}: ")
    assert opener.calls == 0 and library.documents() == []


def test_skipping_unreadable_files_imports_the_others_and_lists_the_failures(library: Library, tmp_path: Path) -> None:
    good = _write(tmp_path, "good.txt", "Good text.\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = importing.import_paths(library, [empty, good], skip_unreadable=True)
    assert [row.title for row in result.documents] == ["Good text."]
    assert result.changes.documents_created == (result.documents[0].id,)
    assert [(f.path, "empty" in f.message) for f in result.failures] == [(str(empty), True)]
    nothing = importing.import_paths(Opener(library), [empty], skip_unreadable=True)
    assert nothing.documents == [] and nothing.changes.empty and len(nothing.failures) == 1


def test_progress_is_one_bar_and_cancelling_it_imports_nothing(library: Library, tmp_path: Path) -> None:
    paths = [_write(tmp_path, f"doc{i}.txt", f"Document {i}.\n") for i in range(3)]
    calls: list[tuple[int, int]] = []

    def record(done: int, total: int) -> bool:
        calls.append((done, total))
        return True

    importing.import_paths(library, paths, progress=record)
    assert [done for done, _ in calls] == [1, 2, 3, 4, 5, 6]
    assert all(total == 6 for _, total in calls)

    more = [_write(tmp_path, f"more{i}.txt", f"More {i}.\n") for i in range(3)]
    before = everything(library)
    with pytest.raises(Cancelled):
        importing.import_paths(library, more, progress=lambda done, _total: done < 5)  # while writing
    assert everything(library) == before


def test_import_text_is_the_clipboard_use_case(library: Library) -> None:
    result = importing.import_text(library, "Pasted title\r\nPasted body.\r\n")
    [row] = result.documents
    document = library.document(row.id)
    assert (document.title, document.text) == ("Pasted title", "Pasted title\nPasted body.\n")
    assert document.metadata == {"source": "clipboard"}
    with pytest.raises(FormatError, match="no text"):
        importing.import_text(library, " \n\t")


def test_revise_from_file_reads_before_opening_and_says_what_it_revised(library: Library, tmp_path: Path) -> None:
    [row] = importing.import_paths(library, [_write(tmp_path, "v1.txt", "The first text.\n")]).documents
    opener = Opener(library)
    with pytest.raises(FormatError, match="missing.txt: .*nothing was changed"):
        revising.revise_from_file(opener, document_id=row.id, path=tmp_path / "missing.txt")
    assert opener.calls == 0

    stale = library.document(row.id).sha256
    result = revising.revise_from_file(
        opener, document_id=row.id, path=_write(tmp_path, "v2.txt", "The second text.\n"), note="v2",
        expected_sha256=stale,
    )  # fmt: skip
    assert opener.calls == 1
    assert result.changes.documents_revised == (row.id,)
    assert library.document(row.id).text == "The second text.\n"
    with pytest.raises(Conflict):  # based on the text before the revision
        revising.revise_from_file(
            library, document_id=row.id, path=_write(tmp_path, "v3.txt", "A third text.\n"), expected_sha256=stale
        )
    assert library.document(row.id).text == "The second text.\n"
