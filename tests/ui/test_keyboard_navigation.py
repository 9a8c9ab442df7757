"""Tests (UI): the whole window by keyboard: F6 between panes, Tab through the annotation table and
the tag tree, ] and [ between annotations, the selection stretched by sentence, the text's focus outline."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget

from annotator.core.sentences import sentences
from tests.ui.conftest import select_by_keyboard, select_by_mouse, stored_annotations

EMOJI_TEXT = (
    "The 👨\u200d👩\u200d👧 family came first. Then 👍🏽 thumbs went up.\nFlags 🇫🇷🇩🇪 waved 𝄞 in the music. The end.\n"
)
SENTENCES = "Mr. Smith read the first page. Then he stopped! Did he go on? Nobody knows.\n"


def _press(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWidget:
    """Press *key* where the keyboard is; returns the widget that has it afterwards."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
    return QApplication.focusWidget()


def _caret_at(window, offset: int) -> None:
    cursor = QTextCursor(window.pane.document())
    cursor.setPosition(window.pane.offset_map.to_utf16(offset))
    window.pane.setTextCursor(cursor)


def _in(area: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and (widget is area or area.isAncestorOf(widget))


def test_f6_goes_round_the_panes_and_shift_f6_back(qtbot, open_window, import_text) -> None:
    import_text(EMOJI_TEXT)
    window = open_window()
    # The inspector, empty, is greyed out and skipped; showing an annotation, it is a pane.
    assert not any(_in(window.inspector, w) for _a, w in window.navigation.panes.reachable())
    start = EMOJI_TEXT.index("family")
    window.session.tag_span(window.session.tags[0].id, start, start + len("family"))
    window.select_annotation(window.annotations_model.annotation(0).id)
    window.document_list.setFocus()
    order = [window.pane, window.tag_panel.tree, window.annotation_view, window.inspector.tag_box]
    order.append(window.document_list)
    for expected in order:
        assert _press(qtbot, Qt.Key.Key_F6) is expected
    for expected in reversed(order[:-1]):
        assert _press(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier) is expected
    # Each pane F6 lands on says what it is to a screen reader.
    assert all(widget.accessibleName() for _area, widget in window.navigation.panes.reachable())

    # From inside a pane (the find bar belongs to the text), F6 goes to the pane after it.
    window.find_action.trigger()
    assert _in(window.find_bar, QApplication.focusWidget())
    assert _press(qtbot, Qt.Key.Key_F6) is window.tag_panel.tree


def test_f6_reaches_a_view_open_at_the_bottom(qtbot, open_window, import_text) -> None:
    import_text(EMOJI_TEXT)
    window = open_window()
    window.search_library_action.trigger()
    qtbot.waitUntil(lambda: not window.search_dock.visibleRegion().isEmpty())
    window.document_list.setFocus()
    seen = [_press(qtbot, Qt.Key.Key_F6) for _ in window.navigation.panes.reachable()]
    assert any(_in(window.search_dock, widget) for widget in seen)
    assert seen[-1] is window.document_list  # round again


def test_tab_leaves_the_annotation_table_in_one_press(qtbot, open_window, import_text) -> None:
    import_text(EMOJI_TEXT)
    window = open_window()
    tag = window.session.tags[0]
    for word in ("family", "thumbs", "waved"):
        start = EMOJI_TEXT.index(word)
        window.session.tag_span(tag.id, start, start + len(word))
    assert window.annotations_model.rowCount() == 3
    view = window.annotation_view
    view.setFocus()
    view.setCurrentIndex(window.annotations_model.index(0, 0))
    _press(qtbot, Qt.Key.Key_Down)
    assert view.hasFocus() and view.currentIndex().row() == 1  # arrows move inside
    assert _press(qtbot, Qt.Key.Key_Tab) is not view
    window.pane.setFocus()
    assert _press(qtbot, Qt.Key.Key_Tab) is not window.pane  # the text is one stop too


def test_the_tag_tree_takes_the_keyboard_and_space_tags_the_selection(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(EMOJI_TEXT)
    window = open_window()
    tags = window.session.tags
    start = EMOJI_TEXT.index("👍🏽 thumbs")
    window.pane.select_span(start, start + len("👍🏽 thumbs"))
    window.tag_panel.filter_edit.setFocus()
    assert _press(qtbot, Qt.Key.Key_Tab) is window.tag_panel.tree
    window.tag_panel.tree.setCurrentIndex(window.tag_panel.index_of(tags[1].id))
    _press(qtbot, Qt.Key.Key_Space)
    (saved,) = stored_annotations(library_path, doc_id)
    assert (saved.tag_id, saved.quote) == (tags[1].id, "👍🏽 thumbs")


def test_brackets_step_through_annotations_in_text_order(qtbot, open_window, import_text) -> None:
    import_text(EMOJI_TEXT)
    window = open_window()
    tag = window.session.tags[0]
    quotes = ["𝄞 in the music", "👨\u200d👩\u200d👧 family", "👍🏽 thumbs", "🇫🇷🇩🇪 waved"]  # made out of order
    for quote in quotes:
        start = EMOJI_TEXT.index(quote)
        window.session.tag_span(tag.id, start, start + len(quote))
    in_order = sorted(quotes, key=EMOJI_TEXT.index)
    ids = {a.quote: a.id for a in window.session.annotations.values()}
    window.pane.setFocus()
    _caret_at(window, 0)
    for quote in in_order:
        _press(qtbot, Qt.Key.Key_BracketRight)
        start = EMOJI_TEXT.index(quote)
        assert window.pane.selection_offsets() == (start, start + len(quote))
        assert window.inspector.annotation_id == ids[quote]
        assert window.pane.hasFocus()
    _press(qtbot, Qt.Key.Key_BracketRight)  # past the last: stays
    assert window.inspector.annotation_id == ids[in_order[-1]]
    _press(qtbot, Qt.Key.Key_BracketLeft)
    start = EMOJI_TEXT.index(in_order[-2])
    assert window.pane.selection_offsets() == (start, start + len(in_order[-2]))
    assert window.inspector.annotation_id == ids[in_order[-2]]

    # From a caret in the middle: the next one starting after it, the previous one starting before it.
    _caret_at(window, EMOJI_TEXT.index("went up"))
    _press(qtbot, Qt.Key.Key_BracketRight)
    assert window.inspector.annotation_id == ids["🇫🇷🇩🇪 waved"]
    _caret_at(window, EMOJI_TEXT.index("went up"))
    _press(qtbot, Qt.Key.Key_BracketLeft)
    assert window.inspector.annotation_id == ids["👍🏽 thumbs"]


def test_brackets_step_from_the_annotation_just_made(qtbot, open_window, import_text) -> None:
    import_text(EMOJI_TEXT)
    window = open_window()
    tag = window.session.tags[0]
    for quote in ("👨\u200d👩\u200d👧 family", "🇫🇷🇩🇪 waved"):
        start = EMOJI_TEXT.index(quote)
        window.session.tag_span(tag.id, start, start + len(quote))
    ids = {a.quote: a.id for a in window.session.annotations.values()}
    window.annotation_view.clearSelection()
    start = EMOJI_TEXT.index("👍🏽 thumbs")
    select_by_keyboard(qtbot, window, start, start + len("👍🏽 thumbs"))
    qtbot.keyClick(window.pane, Qt.Key.Key_1)  # tagged by key: the new one is the current one
    assert len(window.session.annotations) == 3
    _press(qtbot, Qt.Key.Key_BracketLeft)
    assert window.inspector.annotation_id == ids["👨\u200d👩\u200d👧 family"]

    # Tagged while another annotation's row is selected (its row shifted down by the new one's):
    # the text selection stays cleared, and ] goes on from the new one.
    window.select_annotation(ids["🇫🇷🇩🇪 waved"])
    start = EMOJI_TEXT.index("went up")
    select_by_keyboard(qtbot, window, start, start + len("went up"))
    qtbot.keyClick(window.pane, Qt.Key.Key_1)
    assert window.pane.selection_offsets() is None
    thumbs = next(a.id for a in window.session.annotations.values() if a.quote == "👍🏽 thumbs")
    _press(qtbot, Qt.Key.Key_BracketLeft)
    assert window.inspector.annotation_id == thumbs


def test_two_annotations_starting_together_are_both_visited(qtbot, open_window, import_text) -> None:
    import_text(EMOJI_TEXT)
    window = open_window()
    tag = window.session.tags[0]
    start = EMOJI_TEXT.index("👍🏽")
    for length in (len("👍🏽 thumbs"), len("👍🏽")):
        window.session.tag_span(tag.id, start, start + length)
    window.pane.setFocus()
    _caret_at(window, 0)
    seen = []
    for _ in range(2):
        _press(qtbot, Qt.Key.Key_BracketRight)
        seen.append(window.pane.selection_offsets())
    assert sorted(seen) == [(start, start + len("👍🏽")), (start, start + len("👍🏽 thumbs"))]


def test_alt_shift_arrows_stretch_the_selection_by_sentence(qtbot, open_window, import_text) -> None:
    import_text(SENTENCES)
    window = open_window()
    ends = [end for _start, end in sentences(SENTENCES)]
    starts = [start for start, _end in sentences(SENTENCES)]
    assert len(ends) == 4  # "Mr." does not end a sentence
    anchor = SENTENCES.index("read")
    window.pane.setFocus()
    _caret_at(window, anchor)
    alt_shift = Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.ShiftModifier
    _press(qtbot, Qt.Key.Key_Right, alt_shift)
    assert window.pane.selection_offsets() == (anchor, ends[0])
    assert SENTENCES[anchor : ends[0]].endswith("page.")
    _press(qtbot, Qt.Key.Key_Right, alt_shift)
    assert window.pane.selection_offsets() == (anchor, ends[1])
    _press(qtbot, Qt.Key.Key_Left, alt_shift)
    assert window.pane.selection_offsets() == (anchor, starts[1])
    _press(qtbot, Qt.Key.Key_Left, alt_shift)
    _press(qtbot, Qt.Key.Key_Left, alt_shift)
    assert window.pane.selection_offsets() == (0, anchor)  # past the anchor: the selection turns round
    # By word is Qt's own key.
    _caret_at(window, anchor)
    _press(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.pane.selected_span() == (anchor, anchor + len("read"))


def test_the_text_shows_a_focus_outline_in_the_theme_accent(qtbot, open_window, import_text) -> None:
    import_text(SENTENCES)
    window = open_window()
    pane = window.pane
    accent = pane.palette().color(QPalette.ColorRole.Highlight).rgb()

    def corner() -> int:
        pane.viewport().repaint()
        return pane.viewport().grab().toImage().pixel(0, pane.viewport().height() // 2)

    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    assert corner() == accent
    window.document_list.setFocus()
    qtbot.waitUntil(lambda: not pane.hasFocus())
    assert corner() != accent


def test_a_mouse_drag_takes_in_whole_words_unless_turned_off(qtbot, open_window, import_text, library_path) -> None:
    import_text(EMOJI_TEXT)
    window = open_window()
    start, end = EMOJI_TEXT.index("family") + 2, EMOJI_TEXT.index("came") + 2  # "mily ca"
    select_by_mouse(qtbot, window, start, end)
    word_start, word_end = EMOJI_TEXT.index("family"), EMOJI_TEXT.index("came") + len("came")
    assert window.pane.selection_offsets() == (word_start, word_end)
    # Dragged backwards, the selection still moves at the end the mouse moved.
    window.pane.clear_selection()  # a press in the selection would start dragging it
    select_by_mouse(qtbot, window, end, start)
    assert window.pane.textCursor().position() == window.pane.offset_map.to_utf16(word_start)
    assert window.pane.selection_offsets() == (word_start, word_end)

    assert window.navigation.snap_action.isChecked()
    window.navigation.snap_action.trigger()
    window.pane.clear_selection()
    select_by_mouse(qtbot, window, start, end)
    assert window.pane.selection_offsets() == (start, end)
    window.close()
    assert not open_window().navigation.snap_action.isChecked()  # kept
