"""Tests (UI): what the window does when another program changed what it shows, before it knew.

Another program (here a second connection to the test library, standing for the
command line or a colleague) edits a note or revises the text while the reader
types a note, deletes rows or undoes. Nothing of theirs may be overwritten
silently, nothing the reader typed may be lost, one key press says why it was
refused once, and the undo history stays sound.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.services import Library, annotating, revising
from tests.ui.conftest import stored_annotations

TEXT = "The minister said the reform would pass. Critics called it a gamble.\n"
REVISED = "On Monday the minister said the reform would pass. Critics called it a gamble.\n"


def _other(library_path) -> Library:
    """Another program's connection to the window's library."""
    return Library.open(f"sqlite:///{library_path}")


def _tag_words(window, *words: str) -> list[str]:
    """Tag each word (first occurrence) with the first tag; the new annotations' ids."""
    text = window.session.document.text
    for word in words:
        start = text.index(word)
        window.session.tag_span(window.session.tags[0].id, start, start + len(word))
    return [a.id for a in sorted(window.session.annotations.values(), key=lambda a: a.start)]


def test_deleting_rows_of_a_text_revised_elsewhere_is_refused_once_and_keeps_the_undo_history_sound(
    qtbot, qtlog, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    _tag_words(window, "minister", "reform", "Critics")
    window.annotation_view.selectAll()
    with _other(library_path) as other:  # before the window's next poll
        revising.revise_document(other, document_id=doc_id, new_text=REVISED)

    window.annotation_view.setFocus()
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_Delete)
    assert len(stored_annotations(library_path, doc_id)) == 3  # nothing deleted
    assert [text for _kind, text in messages] == [
        "Not saved: the document was revised in another program since it was shown here; nothing was saved"
    ]  # one message for one key press, saying why
    assert window.pane.text == REVISED
    assert not [r for r in qtlog.records if "Macro" in r.message]  # e.g. "endMacro(): no matching beginMacro()"
    stack = window.session.undo_stack
    assert (stack.count(), stack.canUndo()) == (0, False)  # its offsets pointed into the old text
    # The rows shown now can be deleted, as one undo step.
    window.annotation_view.selectAll()
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_Delete)
    assert stored_annotations(library_path, doc_id) == []
    stack.undo()
    assert sorted(a.quote for a in stored_annotations(library_path, doc_id)) == ["Critics", "minister", "reform"]


def test_undoing_a_tag_on_a_text_revised_elsewhere_is_refused_once_the_undo_is_over(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    """The refusal's refresh clears the undo stack: inside the stack's own undo() that crashed."""
    doc_id = import_text(TEXT)
    window = open_window()
    _tag_words(window, "minister")
    with _other(library_path) as other:
        revising.revise_document(other, document_id=doc_id, new_text=REVISED)
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(messages))
    assert [text for _kind, text in messages] == [
        "Not saved: the document was revised in another program since it was shown here; nothing was saved"
    ]
    [kept] = stored_annotations(library_path, doc_id)
    assert kept.quote == "minister" and REVISED[kept.start : kept.end] == "minister"
    assert window.pane.text == REVISED and window.session.undo_stack.count() == 0


def test_deleting_rows_one_of_which_another_program_changed_deletes_the_others_and_says_so_once(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    minister, _reform, critics = _tag_words(window, "minister", "reform", "Critics")
    with _other(library_path) as other:
        annotating.set_note(other, annotation_id=minister, note="theirs")
        annotating.set_note(other, annotation_id=critics, note="theirs too")
    window.annotation_view.selectAll()
    window.annotation_view.setFocus()
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_Delete)
    assert sorted(a.note for a in stored_annotations(library_path, doc_id)) == ["theirs", "theirs too"]
    assert [text for _kind, text in messages] == [
        "Not saved: another program changed this annotation since it was shown here; nothing was saved"
    ]
    assert {a.note for a in window.session.annotations.values()} == {"theirs", "theirs too"}  # shown now
    window.session.undo_stack.undo()  # the one delete that went through comes back
    assert len(stored_annotations(library_path, doc_id)) == 3
