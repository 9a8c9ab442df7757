"""Tests: an edit based on what another program has changed since is refused, never stored.

Two :class:`Library` objects on one database stand for two programs (a window
and the command line, or two windows), on SQLite and on PostgreSQL. Each keeps
texts it has read; the other revises a text, changes a note, deletes an
annotation. Nothing may then be stored against an old text
(``quote == text[start:end]`` always), nor overwrite a change it did not see.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager, suppress
from datetime import timedelta

import pytest

from annotator.core.model import Annotation, Conflict
from annotator.services import annotating, importing, revising
from annotator.services.library import Library
from annotator.storage import repository as repo
from annotator.storage.uow import unit_of_work

OLD = "The senator said the plan would fail. Critics disagreed.\n"
NEW = "Yesterday, the senator said the plan would fail. Critics disagreed.\n"


@pytest.fixture
def two(database_url: str) -> Callable[[], tuple[Library, Library, str]]:
    opened: list[Library] = []

    def make() -> tuple[Library, Library, str]:
        window, other = Library.open(database_url), Library.open(database_url)
        opened.extend([window, other])
        bundle = importing.text_bundle(OLD, title="Plan")
        doc_id = importing.persist(window, [bundle]).documents[0].id
        return window, other, doc_id

    yield make
    for library in opened:
        library.close()


def _consistent(library: Library, doc_id: str) -> None:
    text = library.document(doc_id).text
    for annotation in library.annotations(doc_id):
        assert text[annotation.start : annotation.end] == annotation.quote


def test_a_span_selected_in_a_text_revised_since_is_refused(two) -> None:
    window, other, doc_id = two()
    shown = window.document(doc_id)  # what the window shows, and keeps
    start = OLD.index("plan would fail")
    revising.revise_document(other, document_id=doc_id, new_text=NEW)  # the command line
    with pytest.raises(Conflict, match="revised in another program"):
        annotating.create_annotation(
            window, document_id=doc_id, tag_id=window.tag_named("claim").id, start=start, end=start + 15,
            expected_sha256=shown.sha256,
        )  # fmt: skip
    assert window.annotations(doc_id) == []


def test_a_kept_text_is_never_used_once_another_program_revised_it(two) -> None:
    window, other, doc_id = two()
    claim = window.tag_named("claim").id
    annotating.annotate_quote(window, document_id=doc_id, tag_id=claim, quote="Critics")  # keeps the text
    revising.revise_document(other, document_id=doc_id, new_text=NEW)
    created = annotating.create_annotation(window, document_id=doc_id, tag_id=claim, start=0, end=9)
    assert created.annotations_created[0].quote == "Yesterday" == NEW[0:9]
    by_quote = annotating.annotate_quote(window, document_id=doc_id, tag_id=claim, quote="senator")
    assert by_quote.annotations_created[0].start == NEW.index("senator")
    assert window.text(doc_id) == NEW
    _consistent(window, doc_id)


def test_undoing_a_delete_after_a_revision_elsewhere_checks_the_new_text(two) -> None:
    window, other, doc_id = two()
    claim = window.tag_named("claim").id
    made = annotating.annotate_quote(window, document_id=doc_id, tag_id=claim, quote="Critics")
    deleted = annotating.delete_annotation(window, annotation_id=made.annotations_created[0].id)
    revising.revise_document(other, document_id=doc_id, new_text="Critics. " + OLD)  # "Critics" moved on
    with pytest.raises(Exception, match="no longer matches"):
        annotating.restore_annotation(window, annotation=deleted.annotations_deleted[0])
    _consistent(window, doc_id)


@pytest.fixture
def shared(two) -> tuple[Library, Library, Annotation]:
    window, other, doc_id = two()
    made = annotating.annotate_quote(window, document_id=doc_id, tag_id=window.tag_named("claim").id, quote="Critics")
    return window, other, made.annotations_created[0]


def test_a_note_edited_on_a_stale_view_does_not_overwrite_another_programs_note(shared) -> None:
    window, other, shown = shared
    theirs = annotating.set_note(other, annotation_id=shown.id, note="theirs").annotations_updated[0]
    with pytest.raises(Conflict, match="changed this annotation"):
        annotating.set_note(window, annotation_id=shown.id, note="mine", base=shown)
    assert window.annotation(shown.id) == theirs


def test_a_retag_on_a_stale_view_keeps_another_programs_note(shared) -> None:
    window, other, shown = shared
    annotating.set_note(other, annotation_id=shown.id, note="theirs")
    evidence = window.tag_named("evidence").id
    annotating.retag_annotation(window, annotation_id=shown.id, tag_id=evidence, base=shown)  # overwrites nothing
    now = window.annotation(shown.id)
    assert now is not None and (now.tag_id, now.note) == (evidence, "theirs")
    # Their retag since, though, is not overwritten by a second stale retag.
    annotating.retag_annotation(other, annotation_id=shown.id, tag_id=window.tag_named("speculation").id)
    with pytest.raises(Conflict):
        annotating.retag_annotation(window, annotation_id=shown.id, tag_id=window.tag_named("claim").id, base=now)


def test_a_delete_on_a_stale_view_is_refused(shared) -> None:
    window, other, shown = shared
    annotating.set_note(other, annotation_id=shown.id, note="do not lose me")
    with pytest.raises(Conflict):
        annotating.delete_annotation(window, annotation_id=shown.id, base=shown)
    assert window.annotation(shown.id) is not None
    annotating.delete_annotation(other, annotation_id=shown.id)
    with pytest.raises(Conflict, match="deleted"):
        annotating.set_note(window, annotation_id=shown.id, note="mine", base=shown)


def test_an_edit_always_moves_modified_on_even_behind_a_faster_clock(shared) -> None:
    window, _other, shown = shared
    ahead = shown.modified + timedelta(minutes=5)  # written by a machine whose clock runs ahead
    with unit_of_work(window.engine) as s:
        repo.update_annotation_fields(s, shown.id, modified=ahead)
    after = annotating.set_note(window, annotation_id=shown.id, note="later").annotations_updated[0]
    assert after.modified > ahead
    assert window.annotation(shown.id) == after


# -- a foreign commit between a unit of work's reads and its writes ------------------------------
# The foreign revision is committed from inside the unit of work, right after its first read,
# as another program's would land there. On PostgreSQL it must wait for the locks taken first
# (and the test then sees it refused or applied whole, never interleaved); on SQLite the
# unit of work holds the write lock, so it waits too. Either way no quote may point into a text
# it does not belong to.

FALL = "The senator said the plan would fail. Critics disagree.\n"


@contextmanager
def revised_by_another_program_after(monkeypatch, module, name: str, other: Library, doc_id: str):
    """While in this block, the first call of ``module.name`` from the test's own thread is followed
    by another program revising the document (in a thread, with its own connection, allowed to
    wait for locks); after the block, that revision is let finish."""
    import threading

    real, started = getattr(module, name), []

    def then_revise(*args, **kwargs):
        found = real(*args, **kwargs)
        # Once, and only for this unit of work: the revision's own reads pass through here too.
        if not started and threading.current_thread() is threading.main_thread():
            revise = threading.Thread(
                target=lambda: _quietly(lambda: revising.revise_document(other, document_id=doc_id, new_text=NEW)),
                daemon=True,
            )
            revise.start()
            started.append(revise)
            revise.join(timeout=1.0)  # long enough to land now if nothing holds it back
        return found

    monkeypatch.setattr(module, name, then_revise)
    try:
        yield
    finally:
        monkeypatch.undo()
        for revise in started:
            revise.join(timeout=30)  # it goes through once the unit of work has committed


def _quietly(call: Callable[[], object]) -> None:
    with suppress(Exception):  # the other program's outcome: the test checks the library instead
        call()


def test_accepting_a_placement_never_writes_it_into_a_text_revised_meanwhile(two, monkeypatch) -> None:
    window, other, doc_id = two()
    claim = window.tag_named("claim").id
    made = annotating.annotate_quote(window, document_id=doc_id, tag_id=claim, quote="plan would fail")
    revising.revise_document(window, document_id=doc_id, new_text=FALL.replace("fail", "fall"))
    [shown] = window.annotations(doc_id)
    assert revising.anchor_states(window, doc_id)[shown.id].status == "fuzzy"
    with revised_by_another_program_after(monkeypatch, revising.repo, "get_anchored_annotation", other, doc_id):
        revising.accept_fuzzy(window, annotation_ids=[made.annotations_created[0].id], bases={shown.id: shown})
    _consistent(window, doc_id)
    assert window.text(doc_id) == NEW


def test_an_import_never_places_annotations_in_a_text_revised_meanwhile(two, monkeypatch) -> None:
    from annotator.formats.base import ImportBundle, ImportedAnnotation, ImportedDocument

    window, other, doc_id = two()
    start = OLD.index("plan")
    bundle = ImportBundle([ImportedDocument("Plan", OLD, {}, [ImportedAnnotation("claim", start, start + 4)])])
    with revised_by_another_program_after(monkeypatch, importing, "_holdings", other, doc_id):
        importing.persist(window, [bundle])
    _consistent(window, doc_id)
    assert [a.quote for a in window.annotations(doc_id)] == ["plan"]


def test_an_export_reads_a_text_and_its_offsets_at_one_moment(two, monkeypatch) -> None:
    from annotator.services import exporting

    window, other, doc_id = two()
    annotating.annotate_quote(window, document_id=doc_id, tag_id=window.tag_named("claim").id, quote="Critics")
    with revised_by_another_program_after(monkeypatch, exporting.repo, "get_document", other, doc_id):
        bundle = exporting.build_bundle(window, [doc_id])
    [exported] = bundle.documents
    assert all(exported.document.text[a.start : a.end] == a.quote for a in exported.annotations)


def test_reading_for_a_window_never_waits_for_another_programs_write(tmp_path) -> None:
    import sqlite3
    import time

    with Library.open(f"sqlite:///{tmp_path / 'lib.sqlite3'}") as library:
        doc_id = importing.persist(library, [importing.text_bundle(OLD, title="Plan")]).documents[0].id
        writer = sqlite3.connect(tmp_path / "lib.sqlite3", isolation_level=None)
        writer.execute("BEGIN IMMEDIATE")  # another program in the middle of a long import
        try:
            began = time.monotonic()
            library.document_view(doc_id)
            library.anchors(doc_id)
            revising.anchor_states(library, doc_id)
            revising.orphans(library, doc_id)
            revising.document_versions(library, doc_id)
            assert time.monotonic() - began < 2.0  # the busy timeout is 5 s: none of them waited for it
        finally:
            writer.execute("ROLLBACK")
            writer.close()
