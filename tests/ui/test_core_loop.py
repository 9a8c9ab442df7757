"""Tests (UI): the core loop in the main window: read, select, tag, save, undo, reopen.

Each test drives the real widgets (key presses, mouse drags, clicks) and checks
what was saved by reading the database through a separate connection.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QHelpEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from annotator.core import colours
from annotator.core.model import DEFAULT_TAGS
from annotator.services import Library
from annotator.ui.qt_text_pane import rgb
from tests.ui.conftest import select_by_keyboard, select_by_mouse, stored_annotations

SAMPLE = "Alpha beta gamma. Delta epsilon zeta.\nEta theta iota kappa.\n"


def _format_at(window, offset: int):
    """The highlighter's character format at code point *offset* (what is painted there)."""
    pane = window.pane
    position = pane.offset_map.to_utf16(offset)
    block = pane.document().findBlock(position)
    ranges = block.layout().formats()
    for fmt_range in ranges:
        if fmt_range.start <= position - block.position() < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)  # a copy: the range dies with the list
    return None


def test_window_shows_library_text_and_tag_panel(open_window, import_text) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    assert window.documents_model.rowCount() == 1
    assert window.session.document.id == doc_id
    assert window.pane.text == SAMPLE
    tags = window.session.tags
    assert [t.name for t in tags] == [spec.name for spec in DEFAULT_TAGS]
    assert len({t.color for t in tags}) == 3
    tree = window.tag_panel
    assert tree.visible_ids() == [t.id for t in tags]
    for tag, spec in zip(tags, DEFAULT_TAGS):
        name = tree.index_of(tag.id)
        assert name.data() == spec.name and spec.description in name.data(Qt.ItemDataRole.ToolTipRole)
        assert tree.index_of(tag.id, tree.COUNT).data() == "0"
        assert tree.index_of(tag.id, tree.KEY).data() == spec.shortcut
        assert window.tag_actions[tag.id].shortcut().toString() == spec.shortcut


def test_shortcut_tags_keyboard_selection_and_saves_at_once(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    start = SAMPLE.index("beta gamma")
    select_by_keyboard(qtbot, window, start, start + len("beta gamma"))
    qtbot.keyClick(window.pane, Qt.Key.Key_2)  # evidence
    saved = stored_annotations(library_path, doc_id)
    assert [(a.start, a.end, a.quote) for a in saved] == [(start, start + 10, "beta gamma")]
    evidence = window.session.tags[1]
    assert saved[0].tag_id == evidence.id
    # highlighted at once, in the tag's colour family, and counted
    fmt = _format_at(window, start + 2)
    assert fmt is not None and fmt.background().color() != QColor(Qt.GlobalColor.white)
    assert abs(fmt.background().color().hue() - QColor(evidence.color).hue()) <= 3  # a tint: same hue
    assert window.tag_panel.count_text(evidence.id) == "1"
    assert window.annotations_model.rowCount() == 1


def test_enter_on_a_tag_in_the_tree_tags_a_mouse_selection(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    start = SAMPLE.index("Delta")
    select_by_mouse(qtbot, window, start, start + len("Delta epsilon"))
    claim = window.session.tags[0]
    tree = window.tag_panel.tree
    tree.setFocus()
    tree.setCurrentIndex(window.tag_panel.index_of(claim.id))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    saved = stored_annotations(library_path, doc_id)
    assert len(saved) == 1
    assert saved[0].quote == SAMPLE[saved[0].start : saved[0].end] == "Delta epsilon"
    assert saved[0].tag_id == claim.id


def test_selection_is_trimmed_of_surrounding_whitespace(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    start = SAMPLE.index(" zeta.\nEta")
    select_by_keyboard(qtbot, window, start, start + len(" zeta.\n"))
    qtbot.keyClick(window.pane, Qt.Key.Key_1)
    (saved,) = stored_annotations(library_path, doc_id)
    assert saved.quote == "zeta."


def test_without_selection_a_tag_key_changes_nothing(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    qtbot.keyClick(window.pane, Qt.Key.Key_1)
    assert stored_annotations(library_path, doc_id) == []
    assert "Select some text" in window.statusBar().currentMessage()


def test_overlapping_spans_blend_and_underline(qtbot, open_window, import_text) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim, evidence = window.session.tags[0], window.session.tags[1]
    a = SAMPLE.index("beta")
    window.session.tag_span(claim.id, a, a + len("beta gamma"))
    b = SAMPLE.index("gamma")
    window.session.tag_span(evidence.id, b, b + len("gamma. Delta"))
    only_claim, both, only_evidence = _format_at(window, a), _format_at(window, b + 1), _format_at(window, b + 8)
    assert only_claim.background().color() != only_evidence.background().color()
    assert both.background().color() not in (only_claim.background().color(), only_evidence.background().color())
    assert both.underlineStyle() != only_claim.underlineStyle()
    # In the colour of the tag that starts last, made to stand out 3:1 on the blend.
    line = colours.visible_on(rgb(QColor(evidence.color)), rgb(both.background().color()))
    assert both.underlineColor() == QColor(*line)


def test_hovering_a_highlight_shows_tag_and_note(qtbot, open_window, import_text) -> None:
    import_text(SAMPLE)
    window = open_window()
    speculation = window.session.tags[2]
    start = SAMPLE.index("theta")
    window.session.tag_span(speculation.id, start, start + 5)
    annotation_id = next(iter(window.session.annotations))
    window.session.set_note(annotation_id, "a <guess>")
    pane = window.pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(start + 2)
    point = pane.cursorRect(cursor).center()
    event = QHelpEvent(QHelpEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point))
    QApplication.sendEvent(pane.viewport(), event)
    assert "speculation" in QToolTip.text()
    assert "a &lt;guess&gt;" in QToolTip.text()  # notes are escaped, never rendered as markup


def test_list_is_in_text_order_and_selects_both_ways(qtbot, open_window, import_text) -> None:
    import_text(SAMPLE)
    window = open_window()
    tags = window.session.tags
    late, early = SAMPLE.index("kappa"), SAMPLE.index("Alpha")
    window.session.tag_span(tags[0].id, late, late + 5)
    window.session.tag_span(tags[1].id, early, early + 5)
    model = window.annotations_model
    assert [model.annotation(r).quote for r in range(model.rowCount())] == ["Alpha", "kappa"]
    # selecting a row selects the span in the text
    window.annotation_view.selectRow(1)
    assert window.pane.selected_span() == (late, late + 5)
    assert window.inspector.annotation_id == model.annotation(1).id
    # clicking a highlight selects its row
    window.pane.clear_selection()
    cursor = QTextCursor(window.pane.document())
    cursor.setPosition(early + 2)
    qtbot.mouseClick(window.pane.viewport(), Qt.MouseButton.LeftButton, pos=window.pane.cursorRect(cursor).center())
    assert window.selected_annotation_ids() == [model.annotation(0).id]


def test_note_retag_delete_and_undo_redo_are_all_saved(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    claim, evidence = window.session.tags[0], window.session.tags[1]
    start = SAMPLE.index("iota")
    select_by_keyboard(qtbot, window, start, start + 4)
    qtbot.keyClick(window.pane, Qt.Key.Key_1)
    (created,) = stored_annotations(library_path, doc_id)
    window.select_annotation(created.id)

    # note, typed into the inspector and committed with Enter
    window.inspector.note_edit.setFocus()
    qtbot.keyClicks(window.inspector.note_edit, "why 2?")
    qtbot.keyClick(window.inspector.note_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert stored_annotations(library_path, doc_id)[0].note == "why 2?"  # the "2" typed, it did not retag
    assert stored_annotations(library_path, doc_id)[0].tag_id == claim.id

    # note edited inline in the list
    note_index = window.annotations_model.index(0, window.annotations_model.NOTE)
    window.annotations_model.setData(note_index, "inline note")
    assert stored_annotations(library_path, doc_id)[0].note == "inline note"

    # retag: with no text selected, a tag key retags the selected annotation
    window.pane.clear_selection()
    window.annotation_view.setFocus()
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_2)
    assert stored_annotations(library_path, doc_id)[0].tag_id == evidence.id

    # Delete removes it
    qtbot.keyClick(window.annotation_view, Qt.Key.Key_Delete)
    assert stored_annotations(library_path, doc_id) == []
    assert window.annotations_model.rowCount() == 0

    # Ctrl+Z walks back through every step, each one saved
    expected = [
        (evidence.id, "inline note"),  # undo delete
        (claim.id, "inline note"),  # undo retag
        (claim.id, "why 2?"),  # undo inline note
        (claim.id, ""),  # undo inspector note
    ]
    for tag_id, note in expected:
        qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        (row,) = stored_annotations(library_path, doc_id)
        assert (row.tag_id, row.note) == (tag_id, note)
        assert row.id == created.id
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_annotations(library_path, doc_id) == []
    assert window.pane.highlighter.index.get(created.id) is None

    # Ctrl+Shift+Z redoes, restoring the very same annotation
    redo = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, redo)
    (row,) = stored_annotations(library_path, doc_id)
    assert (row.id, row.created, row.quote) == (created.id, created.created, "iota")
    for _ in range(4):
        qtbot.keyClick(window.pane, Qt.Key.Key_Z, redo)
    assert stored_annotations(library_path, doc_id) == []


def test_retag_from_inspector(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    tags = window.session.tags
    window.session.tag_span(tags[0].id, 0, 5)
    (created,) = stored_annotations(library_path, doc_id)
    window.select_annotation(created.id)
    window.inspector.tag_box.setCurrentIndex(2)
    window.inspector.tag_box.activated.emit(2)
    assert stored_annotations(library_path, doc_id)[0].tag_id == tags[2].id
    window.session.undo_stack.undo()
    assert stored_annotations(library_path, doc_id)[0].tag_id == tags[0].id


def test_close_and_reopen_restores_document_annotations_and_position(qtbot, open_window, import_text) -> None:
    long_text = "".join(f"Paragraph {i}: some words to read and tag.\n\n" for i in range(400))
    import_text(SAMPLE, "first.txt")
    second = import_text(long_text, "second.txt")
    window = open_window()
    window.open_document(second)
    start = long_text.index("Paragraph 300")
    window.session.tag_span(window.session.tags[0].id, start, start + 13)
    window.pane.scroll_to_offset(start)
    top = window.pane.top_offset()
    assert top > 0
    window.close()

    again = open_window()
    assert again.session.document.id == second
    assert [a.quote for a in again.session.annotations.values()] == ["Paragraph 300"]
    assert abs(again.pane.top_offset() - top) < 60  # same place, give or take a line


def test_undo_of_an_edit_in_another_document_shows_that_document(qtbot, open_window, import_text, library_path) -> None:
    first = import_text(SAMPLE, "first.txt")
    second = import_text("Another text entirely.\n", "second.txt")
    window = open_window()
    window.open_document(first)
    window.session.tag_span(window.session.tags[0].id, 0, 5)
    window.open_document(second)
    window.session.undo_stack.undo()
    assert window.session.document.id == first
    assert stored_annotations(library_path, first) == []
    assert window.annotations_model.rowCount() == 0


def test_a_failed_save_is_reported_and_not_left_on_the_undo_stack(
    qtbot, open_window, import_text, messages, monkeypatch
) -> None:
    from annotator.services import annotating
    from annotator.storage.engine import LibraryError

    doc_id = import_text(SAMPLE)
    window = open_window()

    def fail(*_args, **_kwargs):
        raise LibraryError("the disk is full; nothing was saved")

    monkeypatch.setattr(annotating, "create_annotation", fail)
    window.session.tag_span(window.session.tags[0].id, 0, 5)
    assert window.session.undo_stack.count() == 0
    assert window.session.annotations == {}
    assert any("disk is full" in text for _, text in messages)
    assert "Not saved" in window.statusBar().currentMessage()
    assert window.pane.highlighter.index.overlapping(0, len(SAMPLE)) == []
    assert doc_id


def test_lazy_highlighting_covers_every_span_and_survives_qt_full_pass(
    qtbot, open_window, import_text, library_path
) -> None:
    """On-screen blocks are highlighted at once, the rest when idle; Qt's own pass must not wipe them."""
    from annotator.services import annotating

    text = "".join(f"Paragraph {i} has a claim worth tagging.\n\n" for i in range(600))
    doc_id = import_text(text)
    with Library.open(f"sqlite:///{library_path}") as library:
        claim = library.tag_named("claim").id
        for i in range(0, 600, 7):
            start = text.index(f"Paragraph {i} ")
            annotating.create_annotation(library, document_id=doc_id, tag_id=claim, start=start, end=start + 9)
    window = open_window()
    first = text.index("Paragraph 0 ")
    assert _format_at(window, first + 1) is not None  # on screen: highlighted before any idle time
    qtbot.waitUntil(lambda: not window.pane.highlighter.pending, timeout=5000)
    QApplication.processEvents()  # let any pass Qt scheduled run too
    for a in window.session.annotations.values():
        fmt = _format_at(window, a.start + 1)
        assert fmt is not None and fmt.background().color() != QColor(Qt.GlobalColor.white), a.quote
    untagged = text.index("Paragraph 1 ")
    assert _format_at(window, untagged + 1) is None
