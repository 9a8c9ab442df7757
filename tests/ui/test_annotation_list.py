"""Tests (UI): working from the annotation list (issue 7): retagging selected rows with a
tag key or the context menu, refusing exact duplicates, Delete leaving nothing selected
to be tagged again, and Document › Accept placement only when there is one to accept."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

from tests.ui.conftest import context_menu_by_keyboard, select_by_keyboard, stored_annotations

TEXT = "Alpha beta gamma. Delta epsilon zeta.\nEta theta iota kappa.\n"


def _tag_by_key(qtbot, window, start: int, end: int, key: Qt.Key = Qt.Key.Key_1) -> None:
    select_by_keyboard(qtbot, window, start, end)
    qtbot.keyClick(window.pane, key)


def _menu_action(menu, *path: str):
    """The action at *path* (submenu titles, then the action's text, without "&" marks) in *menu*."""

    def text(action) -> str:
        return action.text().replace("&", "")

    for title in path[:-1]:
        menu = next(a.menu() for a in menu.actions() if a.menu() is not None and text(a) == title)
    return next(a for a in menu.actions() if text(a) == path[-1])


def test_a_tag_key_retags_the_selected_row_instead_of_adding_an_annotation(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    claim, evidence, speculation = window.session.tags[:3]
    start = TEXT.index("beta gamma")
    _tag_by_key(qtbot, window, start, start + len("beta gamma"))
    (created,) = stored_annotations(library_path, doc_id)

    # The user clicks the row: its text is selected in the pane, as the README says.
    window.pane.clear_selection()
    window.annotation_view.clearSelection()  # tagging had selected the new row (without its text)
    window.annotation_view.setFocus()
    window.select_annotation(created.id)
    assert window.pane.selected_span() == (created.start, created.end)
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_3)
    (after,) = stored_annotations(library_path, doc_id)
    assert (after.id, after.tag_id) == (created.id, speculation.id)
    assert window.annotations_model.rowCount() == 1

    # Same from the text pane, where the focus often is.
    window.pane.setFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_2)
    (after,) = stored_annotations(library_path, doc_id)
    assert (after.id, after.tag_id) == (created.id, evidence.id)
    window.session.undo_stack.undo()
    assert stored_annotations(library_path, doc_id)[0].tag_id == speculation.id

    # A selection the user changed by hand is new text to tag, even with the row still selected.
    other = TEXT.index("Delta")
    _tag_by_key(qtbot, window, other, other + len("Delta"), Qt.Key.Key_1)
    saved = stored_annotations(library_path, doc_id)
    assert sorted((a.quote, a.tag_id) for a in saved) == [("Delta", claim.id), ("beta gamma", speculation.id)]


def test_a_tag_key_retags_every_selected_row(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    claim, evidence = window.session.tags[:2]
    for word in ("Alpha", "theta"):
        window.session.tag_span(claim.id, TEXT.index(word), TEXT.index(word) + len(word))
    window.pane.clear_selection()
    window.annotation_view.setFocus()
    window.annotation_view.selectAll()  # Ctrl+A in the list
    assert window.pane.selected_span() is not None  # the last row's text
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_2)
    saved = stored_annotations(library_path, doc_id)
    assert len(saved) == 2 and {a.tag_id for a in saved} == {evidence.id}
    window.session.undo_stack.undo()  # one step undoes the whole change
    assert {a.tag_id for a in stored_annotations(library_path, doc_id)} == {claim.id}


def test_change_tag_to_in_the_context_menu_always_retags_the_selected_rows(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    claim, speculation = window.session.tags[0], window.session.tags[2]
    start = TEXT.index("iota")
    window.session.tag_span(claim.id, start, start + 4)
    (created,) = stored_annotations(library_path, doc_id)
    window.select_annotation(created.id)
    other = TEXT.index("kappa")
    select_by_keyboard(qtbot, window, other, other + 5)  # some other text selected meanwhile

    menu = window.annotation_context_menu()
    assert menu is not None and menu.accessibleName() == "Annotation actions"
    _menu_action(menu, "Change tag to", "speculation").trigger()
    (after,) = stored_annotations(library_path, doc_id)
    assert (after.id, after.tag_id) == (created.id, speculation.id)

    # The keyboard opens the same menu (the Menu key, or Shift+F10, sends a keyboard context menu event).
    popup = context_menu_by_keyboard(window.annotation_view, "Annotation actions")
    assert popup.actions()[0].text() == "Change &tag to"
    popup.close()


def test_tagging_a_span_again_with_the_same_tag_is_refused_and_shows_the_first(
    qtbot, open_window, import_text, library_path
) -> None:
    from annotator.services import Library, annotating

    doc_id = import_text(TEXT)
    window = open_window()
    claim, evidence = window.session.tags[:2]
    start = TEXT.index("beta gamma")
    _tag_by_key(qtbot, window, start, start + len("beta gamma"))
    (first,) = stored_annotations(library_path, doc_id)
    window.annotation_view.clearSelection()

    # the same words again (with the space before them, which is trimmed), the same tag
    _tag_by_key(qtbot, window, start - 1, start + len("beta gamma"), Qt.Key.Key_1)
    assert [a.id for a in stored_annotations(library_path, doc_id)] == [first.id]
    assert window.session.undo_stack.count() == 1  # nothing to undo for the refusal
    assert "already tagged claim" in window.statusBar().currentMessage()
    assert window.selected_annotation_ids() == [first.id]  # the existing one is shown

    # another tag on the same words is another annotation
    window.annotation_view.clearSelection()
    _tag_by_key(qtbot, window, start, start + len("beta gamma"), Qt.Key.Key_2)
    assert sorted(a.tag_id for a in stored_annotations(library_path, doc_id)) == sorted([claim.id, evidence.id])

    # so is the same tag from another coder (e.g. imported), which this window may add its own to
    theta = TEXT.index("theta")
    with Library.open(f"sqlite:///{library_path}") as other:
        annotating.create_annotation(
            other, document_id=doc_id, tag_id=claim.id, start=theta, end=theta + 5, coder="ann"
        )
    window.session.reload()
    window.annotation_view.clearSelection()
    _tag_by_key(qtbot, window, theta, theta + 5, Qt.Key.Key_1)
    assert sorted(a.coder for a in stored_annotations(library_path, doc_id) if a.start == theta) == ["", "ann"]


def test_delete_leaves_no_text_selected_for_a_tag_key_to_recreate(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    start = TEXT.index("iota")
    _tag_by_key(qtbot, window, start, start + 4)
    (created,) = stored_annotations(library_path, doc_id)
    window.annotation_view.clearSelection()
    window.annotation_view.setFocus()
    window.select_annotation(created.id)  # selects its text too
    assert window.pane.selected_span() == (start, start + 4)
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_Delete)
    assert stored_annotations(library_path, doc_id) == []
    assert window.pane.selected_span() is None
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_1)  # the next key press tags nothing
    assert stored_annotations(library_path, doc_id) == []
    assert "Select some text" in window.statusBar().currentMessage()


def test_delete_deletes_an_annotation_only_from_the_annotation_list_or_the_text(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    start = TEXT.index("iota")
    _tag_by_key(qtbot, window, start, start + 4)
    (created,) = stored_annotations(library_path, doc_id)
    window.select_annotation(created.id, select_text=False)
    # In the library list, Delete would seem to mean the document: it deletes no annotation there.
    window.document_list.setFocus()
    qtbot.waitUntil(window.document_list.hasFocus)
    qtbot.keyClick(window.document_list, Qt.Key.Key_Delete)
    assert stored_annotations(library_path, doc_id) == [created]
    # Typed in the inspector's note field, it deletes a character of the note.
    edit = window.inspector.note_edit
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "xsee")
    qtbot.keyClick(edit, Qt.Key.Key_Home)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert [a.note for a in stored_annotations(library_path, doc_id)] == ["see"]
    # The menu entry keeps its shortcut, and in the text pane the key deletes the selected annotation.
    assert window.delete_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Delete)
    window.pane.setFocus()
    qtbot.waitUntil(window.pane.hasFocus)
    qtbot.keyClick(window.pane, Qt.Key.Key_Delete)
    assert stored_annotations(library_path, doc_id) == []


OLD = "The minister resigned on Monday after the vote.\n\nCritics say the reform was rushed through parliament without debate.\n"
NEW = "The minister resigned on Monday after the vote.\n\nCritics say the reform was rushed through the parliament without any debate.\n"


def test_accept_placement_is_enabled_only_for_a_selected_annotation_awaiting_review(
    qtbot, open_window, import_text, tmp_path, messages
) -> None:
    import_text(OLD)
    window = open_window()
    claim, evidence = window.session.tags[:2]
    window.session.tag_span(claim.id, OLD.index("The minister"), OLD.index(" on Monday"))
    critics = OLD.index("rushed through parliament without debate")
    window.session.tag_span(evidence.id, critics, critics + len("rushed through parliament without debate"))
    window.annotation_view.clearSelection()
    assert not window.accept_action.isEnabled()  # nothing selected, nothing revised

    new_file = tmp_path / "corrected.txt"
    new_file.write_text(NEW, encoding="utf-8")
    assert window.reviser.revise_from(str(new_file))
    (fuzzy_id,) = window.session.fuzzy
    steady_id = next(i for i in window.session.annotations if i != fuzzy_id)
    assert not window.accept_action.isEnabled()  # awaiting review, but not selected

    window.select_annotation(steady_id)
    assert not window.accept_action.isEnabled()
    assert window.accept_action not in window.annotation_context_menu().actions()

    window.select_annotation(fuzzy_id)
    assert window.accept_action.isEnabled()
    assert window.accept_action in window.annotation_context_menu().actions()
    window.accept_action.trigger()
    assert window.session.fuzzy == set()
    assert not window.accept_action.isEnabled()  # accepted: nothing left to accept
