"""Tests (UI): the window's layout (issue 12): side panels folded by menu and key and kept across a
restart, a narrow window giving the text its line length, distraction-free reading (F11), and
Edit › Jump to annotation (Ctrl+J)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from annotator import config
from annotator.services import Library, annotating
from annotator.ui.qt_annotation_jump import QtAnnotationJump
from annotator.ui.qt_layout import MIN_CHARS, fitted
from annotator.ui.qt_main_window import QtMainWindow
from annotator.ui.qt_quick_pick import LIMIT
from tests.ui.conftest import select_by_keyboard, stored_annotations

#: Long enough for a scroll bar, so the width it takes counts.
LONG = "The reader reads this sentence once more, slowly and with care. " * 400 + "\n"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _key(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)


def _in(area: QWidget, widget: QWidget | None) -> bool:
    return widget is not None and (widget is area or area.isAncestorOf(widget))


def _chars_a_line(window: QtMainWindow) -> float:
    """Average characters a line of the text holds: its viewport's width (with any margins that
    centre a narrower column given back) over the font's average character width."""
    pane = window.pane
    margins = pane.viewportMargins()
    return (pane.viewport().width() + margins.left() + margins.right()) / pane.fontMetrics().averageCharWidth()


def _widths(window: QtMainWindow) -> tuple[int, int]:
    sizes = window.splitter.sizes()
    return sizes[0], sizes[2]


def test_panels_fold_by_key_and_menu_and_come_back_at_their_width(qtbot, open_window, import_text) -> None:
    import_text(LONG)
    window = open_window()
    layout = window.window_layout
    library, side = layout.library, layout.side
    before = _widths(window)
    assert before[0] > 0 and before[1] > 0
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert layout.menu in [a.menu() for a in view_menu.actions()]
    assert layout.menu.accessibleName() == "Panels"

    window.document_list.setFocus()  # the keyboard is in the panel that folds: it goes to the text
    _key(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    assert library.widget.isHidden() and not library.action.isChecked()
    assert QApplication.focusWidget() is window.pane
    reachable = [w for _a, w in window.navigation.panes.reachable()]
    assert window.document_list not in reachable and window.pane in reachable  # F6 skips it
    _key(qtbot, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    _key(qtbot, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.pane  # round the panes shown: back in the text

    side.action.trigger()  # View › Panels › Tags and annotations
    assert side.widget.isHidden() and not side.action.isChecked()
    assert [w for _a, w in window.navigation.panes.reachable()] == [window.pane]
    assert window.splitter.sizes()[1] == window.splitter.width()  # the text has it all

    _key(qtbot, Qt.Key.Key_L, CTRL_SHIFT)
    _key(qtbot, Qt.Key.Key_B, CTRL_SHIFT)
    assert library.action.isChecked() and side.action.isChecked()
    assert _widths(window) == before


def test_panels_shrink_towards_their_floors_in_proportion_and_never_past_the_room() -> None:
    assert fitted([200, 400], [150, 150], 700) == [200, 400]
    assert fitted([200, 400], [150, 150], 450) == [175, 275]  # 150 of the 50 and 250 they can give: half
    assert fitted([100, 400], [190, 150], 400) == [190, 210]  # below its floor (grown since): the floor
    assert fitted([200, 400], [150, 150], 299) is None


def test_widths_and_folded_panels_are_kept_across_a_restart(qtbot, open_window, import_text) -> None:
    import_text(LONG)
    window = open_window()
    window.splitter.moveSplitter(300, 1)  # the user drags the library's edge
    assert _widths(window)[0] == 300
    column = window.window_layout.side.widget
    column.moveSplitter(260, 1)  # and the one under the tags
    heights = column.sizes()
    window.window_layout.side.action.trigger()
    window.close()

    again = open_window()
    assert _widths(again)[0] == 300
    assert again.window_layout.side.widget.isHidden() and not again.window_layout.side.action.isChecked()
    again.window_layout.side.action.trigger()
    assert again.window_layout.side.widget.sizes() == heights


def test_a_narrow_window_gives_the_text_its_line_and_a_wide_one_brings_panels_back(
    qtbot, open_window, import_text
) -> None:
    import_text(LONG)
    window = open_window()
    layout = window.window_layout
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.splitter.width() > 1500)
    wide = _widths(window)
    assert wide == (layout.library.width, layout.side.width)

    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.splitter.width() < 850)
    assert _chars_a_line(window) >= MIN_CHARS
    assert not layout.side.widget.isHidden()  # shrunk, still there
    normal = window.pane.font()
    bigger = window.pane.font()
    bigger.setPointSizeF(normal.pointSizeF() * 1.25)
    window.pane.setFont(bigger)  # wider lines wanted
    assert _chars_a_line(window) >= MIN_CHARS
    window.pane.setFont(normal)

    window.resize(640, 600)  # narrow: the text and the mini-map beside it leave room for one panel
    qtbot.waitUntil(lambda: window.splitter.width() < 700)
    assert _chars_a_line(window) >= MIN_CHARS
    assert layout.library.widget.isHidden() and not layout.library.action.isChecked()  # the library went first

    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.splitter.width() > 1500)
    assert _widths(window) == wide and layout.library.action.isChecked()

    # A panel the user folded stays folded as the window grows again.
    layout.library.action.trigger()
    window.resize(640, 600)
    qtbot.waitUntil(lambda: window.splitter.width() < 700)
    window.resize(1600, 900)
    qtbot.waitUntil(lambda: window.splitter.width() > 1500)
    assert layout.library.widget.isHidden() and not layout.side.widget.isHidden()

    # Brought back by the user in a narrow window, the library stays; the other panel gives way.
    window.resize(640, 600)
    qtbot.waitUntil(lambda: window.splitter.width() < 700)
    layout.library.action.trigger()
    assert not layout.library.widget.isHidden() and layout.side.widget.isHidden()
    assert _chars_a_line(window) >= MIN_CHARS


def test_f11_shows_only_the_text_and_brings_everything_back_exactly(qtbot, open_window, import_text) -> None:
    import_text(LONG)
    window = open_window()
    layout = window.window_layout
    window.search_library_action.trigger()
    qtbot.waitUntil(lambda: not window.search_dock.visibleRegion().isEmpty())
    window.splitter.moveSplitter(260, 1)
    window.annotation_view.setFocus()
    before = (window.geometry(), window.splitter.sizes(), layout.side.widget.sizes(), window.saveState())
    assert window.statusBar().isVisible()

    _key(qtbot, Qt.Key.Key_F11)
    assert layout.reading_action.isChecked() and window.isFullScreen()
    assert layout.library.widget.isHidden() and layout.side.widget.isHidden()
    assert window.search_dock.isHidden() and window.statusBar().isHidden()
    assert QApplication.focusWidget() is window.pane
    assert [w for _a, w in window.navigation.panes.reachable()] == [window.pane]
    assert window.menuBar().isVisible()  # View › Distraction-free reading, checked: the way out

    _key(qtbot, Qt.Key.Key_F11)
    assert not layout.reading_action.isChecked() and not window.isFullScreen()
    qtbot.waitUntil(lambda: window.geometry() == before[0])
    assert (window.geometry(), window.splitter.sizes(), layout.side.widget.sizes(), window.saveState()) == before
    assert window.search_dock.isVisible() and window.statusBar().isVisible()
    assert QApplication.focusWidget() is window.annotation_view


def test_closed_while_reading_distraction_free_it_opens_as_it_was_before(qtbot, open_window, import_text) -> None:
    import_text(LONG)
    window = open_window()
    window.window_layout.reading_action.trigger()
    assert window.isFullScreen()
    window.close()
    again = open_window()
    assert not again.isFullScreen() and not again.window_layout.reading
    assert not again.window_layout.library.widget.isHidden() and not again.window_layout.side.widget.isHidden()


def test_tag_keys_work_while_reading_distraction_free(qtbot, open_window, import_text, library_path: Path) -> None:
    doc_id = import_text(LONG)
    window = open_window()
    window.window_layout.reading_action.trigger()
    assert window.window_layout.reading
    select_by_keyboard(qtbot, window, 4, 10)
    _key(qtbot, Qt.Key.Key_1)
    [stored] = stored_annotations(library_path, doc_id)
    assert (stored.start, stored.end, stored.tag_id) == (4, 10, window.session.tags[0].id)


TEXT = "Alpha beta gamma delta. Epsilon zeta eta theta. Iota kappa lambda mu.\n"


def test_jump_to_annotation_lists_the_shown_ones_in_text_order_and_goes_to_the_one_chosen(
    qtbot, open_window, import_text, library_path: Path
) -> None:
    config.save_coder_name("ann")
    doc_id = import_text(TEXT)
    with Library.open(f"sqlite:///{library_path}") as library:
        claim, evidence = library.tags()[0].id, library.tags()[1].id
        # Created out of text order, one with a note, one by another coder.
        for tag, word, coder, note in ((evidence, "Iota kappa", "ann", "look here"), (claim, "Alpha", "ann", ""),
                                       (claim, "zeta", "bo", ""), (evidence, "gamma", "ann", "")):  # fmt: skip
            start = TEXT.index(word)
            changes = annotating.create_annotation(
                library, document_id=doc_id, tag_id=tag, start=start, end=start + len(word), coder=coder, note=note
            )
            if word == "Iota kappa":
                wanted = changes.annotations_created[0].id
    window = open_window()
    window.coder_view.mine_action.trigger()  # bo's annotation is not shown, so not listed
    jump = window.jump
    assert QApplication.focusWidget() is window.pane
    _key(qtbot, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(jump.isVisible)
    assert jump.accessibleName() and jump.edit.accessibleName() and jump.list.accessibleName()
    rows = [jump.list.item(i).text() for i in range(jump.list.count())]
    assert [row.split(" — ")[1] for row in rows] == ["“Alpha”", "“gamma”", "“Iota kappa”"]
    assert rows[2].endswith("look here — ann")

    qtbot.keyClicks(jump.edit, "evidence here")  # every word typed, anywhere in the row
    assert jump.list.count() == 1
    qtbot.keyClick(jump.edit, Qt.Key.Key_Return)
    assert not jump.isVisible()
    assert window.selected_annotation_ids() == [wanted]
    annotation = window.session.annotations[wanted]
    assert window.pane.selection_offsets() == (annotation.start, annotation.end) == (48, 58)
    assert window.inspector.annotation_id == wanted
    assert QApplication.focusWidget() is window.pane


def test_jump_to_annotation_builds_a_limited_list_shares_swatches_and_filters_once_a_key(
    qtbot, open_window, import_text, library_path: Path, monkeypatch
) -> None:
    """10,000 annotations made every key rebuild 10,000 rows and icons, filtering twice on opening."""
    doc_id = import_text(TEXT)
    with Library.open(f"sqlite:///{library_path}") as library:
        claim, evidence = library.tags()[0], library.tags()[1]
        assert claim.color != evidence.color
        for i in range(LIMIT + 10):
            tag = (claim, evidence)[i % 2].id
            annotating.create_annotation(library, document_id=doc_id, tag_id=tag, start=i % 60, end=61 + i // 60)
    filters = []
    filter_rows = QtAnnotationJump._on_edit_text_changed

    def counted(jump: QtAnnotationJump, text: str) -> None:
        filters.append(text)
        filter_rows(jump, text)

    monkeypatch.setattr(QtAnnotationJump, "_on_edit_text_changed", counted)
    window = open_window()
    jump = window.jump
    jump.open_jump()
    assert jump.list.count() == LIMIT  # only the first rows are built
    icons: dict[str, set[int]] = {}  # tag id: its rows' icons
    for row in range(jump.list.count()):
        item = jump.list.item(row)
        tag_id = window.session.annotations[item.data(Qt.ItemDataRole.UserRole)].tag_id
        icons.setdefault(tag_id, set()).add(item.icon().cacheKey())
    assert [len(keys) for keys in icons.values()] == [1, 1]  # one swatch per colour
    filters.clear()
    qtbot.keyClicks(jump.edit, "ab")
    assert filters == ["a", "ab"]  # one filter a key
    jump.close()
    filters.clear()
    jump.open_jump()  # text left from the last use: cleared and filtered once
    assert filters == [""] and jump.edit.text() == ""


def test_jump_to_annotation_says_so_when_there_is_none(qtbot, open_window, import_text) -> None:
    import_text(TEXT)
    window = open_window()
    window.jump.action.trigger()
    assert not window.jump.isVisible()
    assert "No annotations" in window.statusBar().currentMessage()
