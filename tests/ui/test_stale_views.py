"""Tests (UI): what the window does when another program changed what it shows, before it knew.

Another program (here a second connection to the test library, standing for the
command line or a colleague) edits a note or revises the text while the reader
types a note, deletes rows or undoes. Nothing of theirs may be overwritten
silently, nothing the reader typed may be lost, one key press says why it was
refused once, and the undo history stays sound.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from annotator.services import Library, annotating, revising
from annotator.ui.qt_inspector import QtMemoEdit
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
    window.watcher.stop()  # the undo must meet the revision, not a poll that showed it first (a busy machine)
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


def test_deleting_rows_all_of_which_another_program_changed_leaves_no_empty_step_to_undo(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    import_text(TEXT)
    window = open_window()
    ids = _tag_words(window, "minister", "reform")
    stack = window.session.undo_stack
    with _other(library_path) as other:
        for annotation_id in ids:
            annotating.set_note(other, annotation_id=annotation_id, note="theirs")
    window.annotation_view.selectAll()
    window.delete_action.trigger()
    assert len(messages) == 1
    assert (stack.count(), stack.undoText()) == (2, "Tag “reform”")  # not "Delete 2 annotations", which did nothing


# -- notes typed while another program changes the annotation or the text -------------------------


def _type_in_inspector(qtbot, window, text: str) -> QtMemoEdit:
    edit = window.inspector.note_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, text)
    return edit


def test_a_note_typed_in_the_inspector_does_not_overwrite_one_another_program_set_meanwhile(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    [annotation_id] = _tag_words(window, "minister")
    window.select_annotation(annotation_id)
    edit = _type_in_inspector(qtbot, window, "my note")
    with _other(library_path) as other:
        annotating.set_note(other, annotation_id=annotation_id, note="their note")
    window.watcher.poll()  # the window shows their note in the list; the field keeps what is typed
    assert window.session.annotations[annotation_id].note == "their note"
    assert edit.text() == "my note"

    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [a.note for a in stored_annotations(library_path, doc_id)] == ["their note"]  # not overwritten
    assert [text for _kind, text in messages] == [
        "Not saved: another program changed this annotation since it was shown here; nothing was saved"
    ]
    assert edit.text() == "my note"  # nothing typed is lost
    their_note = window.inspector.their_note_label  # and theirs is quoted under it
    assert their_note.isVisibleTo(window)
    assert their_note.text() == (
        "Changed in another program while you typed; it now reads “their note”. Press Ctrl+Enter to save yours instead."
    )
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # told, the user saves theirs over it
    assert [a.note for a in stored_annotations(library_path, doc_id)] == ["my note"]
    assert len(messages) == 1 and not their_note.isVisibleTo(window)
    window.session.undo_stack.undo()  # and undoing that puts their note back
    assert [a.note for a in stored_annotations(library_path, doc_id)] == ["their note"]


def test_a_note_being_typed_survives_another_programs_revision_of_the_text(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    minister, critics = _tag_words(window, "minister", "Critics")
    window.annotation_view.selectAll()  # the inspector shows the last of the rows selected
    assert window.inspector.annotation_id == critics
    edit = _type_in_inspector(qtbot, window, "a long careful note")
    with _other(library_path) as other:  # every offset moves
        revising.revise_document(other, document_id=doc_id, new_text=REVISED)
    window.watcher.poll()
    assert window.pane.text == REVISED
    assert window.selected_annotation_ids() == [minister, critics]  # still selected
    assert window.session.annotations[critics].start == REVISED.index("Critics")
    assert window.inspector.annotation_id == critics and edit.text() == "a long careful note" and edit.hasFocus()

    qtbot.keyClick(
        edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )  # nobody else changed the note: it is saved
    saved = {a.id: a for a in stored_annotations(library_path, doc_id)}
    assert saved[critics].note == "a long careful note" and REVISED[saved[critics].start :].startswith("Critics")
    assert messages == []


def test_a_note_typed_in_the_list_stays_in_its_editor_when_another_program_changes_the_row(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    [annotation_id] = _tag_words(window, "minister")
    view, model = window.annotation_view, window.annotations_model
    index = model.index(0, model.NOTE)
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
    editor = QApplication.focusWidget()
    qtbot.keyClicks(editor, "my note")
    with _other(library_path) as other:
        annotating.set_note(other, annotation_id=annotation_id, note="their note")
    window.watcher.poll()
    assert model.annotation(0).note == "their note"  # the row shows theirs...
    assert editor.text() == "my note"  # ...and the open editor keeps what is typed

    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits it once the editor has seen the key
    qtbot.waitUntil(lambda: bool(messages))
    assert [a.note for a in stored_annotations(library_path, doc_id)] == ["their note"]
    assert [text for _kind, text in messages] == [
        "Not saved: another program changed this annotation since it was shown here; nothing was saved"
    ]

    def offered() -> bool:  # what was typed, in the editor again
        widget = QApplication.focusWidget()
        return isinstance(widget, QLineEdit) and widget is not editor and widget.text() == "my note"

    qtbot.waitUntil(offered)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # told, the user saves theirs over it
    qtbot.waitUntil(lambda: [a.note for a in stored_annotations(library_path, doc_id)] == ["my note"])
    assert len(messages) == 1


def test_one_annotation_another_program_makes_does_not_take_the_selection_or_the_note_being_typed(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    [mine] = _tag_words(window, "minister")
    window.select_annotation(mine)
    edit = _type_in_inspector(qtbot, window, "a long careful note")
    with _other(library_path) as other:
        annotating.annotate_quote(other, document_id=doc_id, tag_id=other.tags()[0].id, quote="Critics")
    window.watcher.poll()
    assert len(window.session.annotations) == 2  # theirs is shown...
    assert window.inspector.annotation_id == mine  # ...but what the user works on stays
    assert edit.text() == "a long careful note"
    assert window.selected_annotation_ids() == [mine]
    assert messages == []


def test_undoing_a_delete_of_an_accepted_placement_brings_back_no_review_mark(
    qtbot, open_window, import_text, library_path, tmp_path
) -> None:
    from annotator.services.revising import anchor_states
    from tests.ui.test_revisions_gui import NEW, OLD

    doc_id = import_text(OLD)
    window = open_window()
    window.watcher.stop()  # the user is quicker than a poll
    words = "rushed through parliament without debate"
    start = OLD.index(words)
    window.session.tag_span(window.session.tags[1].id, start, start + len(words))
    new_file = tmp_path / "corrected.txt"
    new_file.write_text(NEW, encoding="utf-8")
    assert window.reviser.revise_from(str(new_file))
    (fuzzy_id,) = window.session.fuzzy
    window.select_annotation(fuzzy_id)
    window.accept_action.trigger()
    window.select_annotation(fuzzy_id)
    window.delete_action.trigger()
    window.session.undo_stack.undo()
    with _other(library_path) as library:
        assert anchor_states(library, doc_id)[fuzzy_id].status == "moved"
    assert fuzzy_id not in window.session.fuzzy


def test_an_undo_another_program_made_impossible_leaves_the_stack_instead_of_waiting_as_a_redo(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    [mine] = _tag_words(window, "minister")
    window.session.set_note(mine, "mine")
    with _other(library_path) as other:
        annotating.set_note(other, annotation_id=mine, note="theirs")
    stack = window.session.undo_stack
    stack.undo()  # the note edit: refused, their note stays
    qtbot.waitUntil(lambda: bool(messages))
    assert [a.note for a in stored_annotations(library_path, doc_id)] == ["theirs"]
    assert not stack.canRedo()  # no step left that could only be refused again
    assert stack.canUndo()  # the tagging itself is still there to undo
