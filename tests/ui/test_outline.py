"""Tests (UI): the Outline (View › Outline, Ctrl+Shift+I) and the mini-map beside the text.

The Outline is checked through its rows (what they say, which are hidden) and what showing
one selects in the text, against the session's annotations; the mini-map through the image
it paints and where a click scrolls the text.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from annotator import config
from annotator.core.coders import MINE
from annotator.services import Library, annotating
from annotator.services import codebook as codebook_service
from annotator.ui.qt_main_window import QtMainWindow
from annotator.ui.qt_themes import apply_theme
from tests.ui.conftest import select_by_keyboard

TEXT = "Alpha beta gamma. Delta epsilon zeta.\nEta theta iota kappa.\n"
#: (tag path, start, end, note, coder), not in text order.
SPANS = (
    ("claim", 18, 23, "second", "ann"),
    ("claim", 0, 5, "", "ann"),
    ("claim/strong", 6, 10, "firm", "bo"),
    ("evidence", 38, 41, "", "bo"),
)


@pytest.fixture
def window(open_window, import_text, library_path: Path) -> QtMainWindow:
    """A window of "ann" on TEXT annotated as SPANS, "strong" a tag under "claim"; the Outline shown."""
    config.save_coder_name("ann")
    doc_id = import_text(TEXT)
    with Library.open(f"sqlite:///{library_path}") as library:
        tags = {t.name: t.id for t in library.tags()}
        tags["claim/strong"] = (
            codebook_service.create_tag(library, name="strong", parent_id=tags["claim"]).tags_created[0].id
        )
        for path, start, end, note, coder in SPANS:
            annotating.create_annotation(
                library, document_id=doc_id, tag_id=tags[path], start=start, end=end, note=note, coder=coder
            )
    made = open_window()
    made.outline.toggle_action.trigger()
    return made


def _rows(item: QTreeWidgetItem, depth: int = 0) -> list[tuple[int, str, str, str]]:
    out = [(depth, item.text(0), item.text(1), item.text(2))]
    for i in range(item.childCount()):
        out += _rows(item.child(i), depth + 1)
    return out


def _outline(window: QtMainWindow) -> list[tuple[int, str, str, str]]:
    tree = window.outline.panel.tree
    return [row for i in range(tree.topLevelItemCount()) for row in _rows(tree.topLevelItem(i))]


def _id_at(window: QtMainWindow, start: int) -> str:
    return next(a.id for a in window.session.annotations.values() if a.start == start)


def test_the_outline_groups_by_the_tag_tree_in_text_order(window: QtMainWindow) -> None:
    assert _outline(window) == [
        (0, "claim (3)", "", ""),
        (1, "“Alpha”", "", "ann"),  # text order within the tag, though made after "Delta"
        (1, "“Delta”", "second", "ann"),
        (1, "strong (1)", "", ""),  # a child tag after its parent's own annotations, counted in the parent
        (2, "“beta”", "firm", "bo"),
        (0, "evidence (1)", "", ""),
        (1, "“Eta”", "", "bo"),
    ]  # "speculation" has none: no row
    assert window.outline.panel.accessibleName() and window.outline.panel.tree.accessibleName()


def test_ctrl_shift_i_shows_the_outline_with_the_keyboard_in_its_field(qtbot, open_window, import_text) -> None:
    import_text(TEXT)
    window = open_window()
    assert window.outline.isHidden()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.outline.panel.filter_edit.hasFocus())
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.outline.toggle_action in view_menu.actions()
    assert window.outline.toggle_action.shortcut() == QKeySequence("Ctrl+Shift+I")
    window.pane.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert (
        not window.outline.isHidden() and window.outline.panel.filter_edit.hasFocus()
    )  # open: the keyboard goes there
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.outline.isHidden()  # pressed again where it has the keyboard: hidden


def test_f6_reaches_the_outline_when_it_is_shown(qtbot, window: QtMainWindow) -> None:
    window.pane.setFocus()
    panel = window.outline.panel
    for _ in range(len(window.navigation.panes.reachable())):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_F6)
        if panel.isAncestorOf(QApplication.focusWidget()):
            break
    assert QApplication.focusWidget() is panel.filter_edit


def test_typing_keeps_the_rows_with_every_word_typed(qtbot, window: QtMainWindow) -> None:
    panel = window.outline.panel
    qtbot.keyClicks(panel.filter_edit, "firm")
    assert panel.visible_ids() == [_id_at(window, 6)]
    claim, evidence = (panel.tree.topLevelItem(i) for i in range(2))
    assert not claim.isHidden() and evidence.isHidden()
    panel.filter_edit.setText("claim ann")  # the tag's path and the coder
    assert panel.visible_ids() == [_id_at(window, 0), _id_at(window, 18)]
    panel.filter_edit.clear()
    assert len(panel.visible_ids()) == 4


def test_a_click_or_enter_selects_the_annotation_in_the_text(qtbot, window: QtMainWindow) -> None:
    panel = window.outline.panel
    delta = window.session.annotations[_id_at(window, 18)]
    item = panel._items[delta.id]
    rect = panel.tree.visualItemRect(item)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.pane.selection_offsets() == (delta.start, delta.end)
    assert TEXT[delta.start : delta.end] == delta.quote == "Delta"
    assert window.selected_annotation_ids() == [delta.id] and window.inspector.annotation_id == delta.id

    eta = window.session.annotations[_id_at(window, 38)]
    panel.tree.setCurrentItem(panel._items[eta.id])
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (eta.start, eta.end) == (38, 41)
    assert window.selected_annotation_ids() == [eta.id]


def test_enter_in_the_field_shows_the_first_row_listed(qtbot, window: QtMainWindow) -> None:
    panel = window.outline.panel
    qtbot.keyClicks(panel.filter_edit, "evid")
    qtbot.keyClick(panel.filter_edit, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (38, 41)
    assert panel.tree.hasFocus()


def test_only_the_annotations_the_window_shows_are_listed(window: QtMainWindow) -> None:
    window.coder_view.set_mode(MINE)
    assert _outline(window) == [(0, "claim (2)", "", ""), (1, "“Alpha”", "", "ann"), (1, "“Delta”", "second", "ann")]


def test_tagging_and_undoing_move_only_their_rows(qtbot, window: QtMainWindow) -> None:
    panel = window.outline.panel
    alpha = panel._items[_id_at(window, 0)]
    window.pane.setFocus()
    select_by_keyboard(qtbot, window, 24, 31)  # "epsilon"
    qtbot.keyClick(window.pane, Qt.Key.Key_1)  # claim
    created = _id_at(window, 24)
    assert window.session.annotations[created].quote == "epsilon"
    rows = _outline(window)
    assert rows[:4] == [(0, "claim (4)", "", ""), (1, "“Alpha”", "", "ann"), (1, "“Delta”", "second", "ann"),
                        (1, "“epsilon”", "", "ann")]  # fmt: skip
    assert panel._items[_id_at(window, 0)] is alpha  # not built again
    window.session.undo_stack.undo()
    assert created not in panel._items and _outline(window)[0] == (0, "claim (3)", "", "")
    assert panel._items[_id_at(window, 0)] is alpha


def test_a_hidden_outline_is_built_when_shown(qtbot, window: QtMainWindow) -> None:
    window.outline.hide()
    window.pane.setFocus()
    select_by_keyboard(qtbot, window, 42, 47)  # "theta"
    qtbot.keyClick(window.pane, Qt.Key.Key_2)  # evidence
    window.outline.toggle_action.trigger()
    assert _outline(window)[-3:] == [(0, "evidence (2)", "", ""), (1, "“Eta”", "", "bo"), (1, "“theta”", "", "ann")]


# -- the mini-map --------------------------------------------------------------------------------


def _pixel(window: QtMainWindow, y: int) -> QColor:
    return window.minimap.grab().toImage().pixelColor(window.minimap.width() // 2, y)


def test_the_minimap_has_a_tick_per_annotation_in_its_tags_colour(qtbot, window: QtMainWindow) -> None:
    minimap = window.minimap
    height = minimap.height()
    assert height > 100 and minimap.accessibleName()
    tags = {t.id: t for t in window.session.tags}
    ticks = {}
    for annotation in window.session.annotations.values():
        y = minimap.tick_y(annotation.start, height)
        assert y == annotation.start * height // len(TEXT)  # a fraction of the text's code points
        ticks[y] = minimap.tick_color(tags[annotation.tag_id])
    for y, color in ticks.items():
        assert _pixel(window, y) == color
    claim = next(t for t in window.session.tags if t.name == "claim")
    evidence = next(t for t in window.session.tags if t.name == "evidence")
    assert minimap.tick_color(claim) != minimap.tick_color(evidence)
    empty = next(y for y in range(height) if all(abs(y - t) > 2 for t in ticks))
    assert _pixel(window, empty) == minimap.palette().color(QPalette.ColorRole.AlternateBase)

    window.pane.setFocus()
    select_by_keyboard(qtbot, window, 42, 47)  # "theta", tagged evidence: its tick is added
    qtbot.keyClick(window.pane, Qt.Key.Key_2)
    assert _pixel(window, minimap.tick_y(42, height)) == minimap.tick_color(evidence)

    window.coder_view.set_mode(MINE)  # bo's ticks go
    bo_only = minimap.tick_y(38, height)
    assert _pixel(window, bo_only) == minimap.palette().color(QPalette.ColorRole.AlternateBase)


def test_the_minimap_follows_the_theme(window: QtMainWindow) -> None:
    light = _pixel(window, window.minimap.height() - 1)
    apply_theme("dark")
    QApplication.processEvents()
    assert _pixel(window, window.minimap.height() - 1) != light
    assert _pixel(window, window.minimap.height() - 1) == window.minimap.palette().color(
        QPalette.ColorRole.AlternateBase
    )


def test_a_click_on_the_minimap_scrolls_the_text_there(qtbot, open_window, import_text) -> None:
    text = "".join(f"Line {n} of the long text.\n" for n in range(400))
    import_text(text)
    window = open_window()
    minimap, pane = window.minimap, window.pane
    assert pane.top_offset() == 0
    y = minimap.height() * 3 // 4
    qtbot.mouseClick(minimap, Qt.MouseButton.LeftButton, pos=QPoint(minimap.width() // 2, y))
    offset = minimap.offset_at(y)
    assert abs(offset - len(text) * 3 // 4) <= len(text) // minimap.height() + 1
    top = pane.top_offset()
    assert top <= offset < top + len("Line 300 of the long text.\n")  # the line holding it is at the top


def test_a_retagged_annotation_moves_to_its_new_tag_in_text_order(window: QtMainWindow) -> None:
    evidence = next(t.id for t in window.session.tags if t.name == "evidence")
    window.session.retag(_id_at(window, 0), evidence)  # "Alpha", before "Eta" in the text
    assert _outline(window) == [
        (0, "claim (2)", "", ""),
        (1, "“Delta”", "second", "ann"),
        (1, "strong (1)", "", ""),
        (2, "“beta”", "firm", "bo"),
        (0, "evidence (2)", "", ""),
        (1, "“Alpha”", "", "ann"),
        (1, "“Eta”", "", "bo"),
    ]
