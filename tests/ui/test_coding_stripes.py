"""Tests (UI): View › Coding stripes, a bar per annotation beside the text.

The bars are checked through what the stripes report (:meth:`QtCodingStripes.bars`) against the
pane's own cursor rectangles for the annotations' ends, and through the pixels they paint.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette, QTextCursor
from PySide6.QtWidgets import QApplication

from annotator import config
from annotator.core import colours
from annotator.core.coders import MINE
from annotator.services import Library, annotating
from annotator.ui.qt_main_window import QtMainWindow
from annotator.ui.qt_text_pane import rgb, theme_of
from annotator.ui.qt_themes import apply_theme

TEXT = "Alpha beta gamma.\nDelta epsilon zeta.\n\nEta theta iota kappa.\nLast line of the text.\n"
#: (tag, start, end, note, coder): "claim" over the first two lines holds "beta" and "Delta".
SPANS = (
    ("claim", 0, 36, "the whole claim", "ann"),
    ("evidence", 6, 10, "firm", "ann"),
    ("evidence", 18, 23, "", "ann"),
    ("speculation", 39, 42, "", "bo"),
)


@pytest.fixture
def window(open_window, import_text, library_path: Path) -> QtMainWindow:
    """A window of "ann" on TEXT annotated as SPANS, the stripes shown."""
    config.save_coder_name("ann")
    doc_id = import_text(TEXT)
    with Library.open(f"sqlite:///{library_path}") as library:
        tags = {t.name: t.id for t in library.tags()}
        for name, start, end, note, coder in SPANS:
            annotating.create_annotation(
                library, document_id=doc_id, tag_id=tags[name], start=start, end=end, note=note, coder=coder
            )
    made = open_window()
    made.stripes.toggle_action.trigger()
    QApplication.processEvents()
    return made


def _id_at(window: QtMainWindow, start: int) -> str:
    return next(a.id for a in window.session.annotations.values() if a.start == start)


def _cursor_rect(window: QtMainWindow, offset: int):  # type: ignore[no-untyped-def]
    pane = window.pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offset_map.to_utf16(offset))
    return pane.cursorRect(cursor)


def test_a_bar_per_annotation_from_its_first_line_to_its_last(window: QtMainWindow) -> None:
    stripes = window.stripes
    assert stripes.isVisible() and stripes.accessibleName() and stripes.width() > 0
    bars = {span.annotation_id: rect for rect, span in stripes.bars()}
    assert len(bars) == len(SPANS)
    for _tag, start, end, _note, _coder in SPANS:
        rect = bars[_id_at(window, start)]
        first, last = _cursor_rect(window, start), _cursor_rect(window, end - 1)
        assert abs(rect.top() - first.top()) <= 1
        assert abs(rect.bottom() + 1 - (last.bottom() + 1)) <= 2
    claim, beta = bars[_id_at(window, 0)], bars[_id_at(window, 6)]
    assert abs(claim.height() - 2 * beta.height()) <= 1  # two lines, one


def test_overlapping_annotations_stand_in_columns(window: QtMainWindow) -> None:
    stripes = window.stripes
    assert stripes.column_count == 2
    claim, beta, delta, eta = (_id_at(window, s) for s in (0, 6, 18, 39))
    assert stripes.column_of(claim) == 0 and stripes.column_of(beta) == stripes.column_of(delta) == 1
    assert stripes.column_of(eta) == 0  # nothing overlaps it: the first column
    bars = {span.annotation_id: rect for rect, span in stripes.bars()}
    assert bars[beta].right() < bars[claim].left()  # the first column nearest the text
    # The stripes sit just left of the text column, inside the pane.
    assert stripes.geometry().right() < window.pane.viewport().geometry().left()


def test_bars_are_in_their_tags_colours_made_visible_on_the_page(window: QtMainWindow) -> None:
    stripes = window.stripes
    tags = {t.name: t for t in window.session.tags}
    image = stripes.grab().toImage()
    page = theme_of(stripes.palette())[0]
    for rect, span in stripes.bars():
        tag = next(t for t in tags.values() if t.id == span.tag_id)
        expected = stripes.bar_color(tag)
        assert expected.getRgb()[:3] == colours.visible_on(colours.parse(tag.color), page)
        assert image.pixelColor(rect.center()) == expected
        assert colours.contrast_ratio(rgb(expected), page) >= 3 - 0.05


def test_a_click_on_a_bar_selects_its_annotation(qtbot, window: QtMainWindow) -> None:
    stripes = window.stripes
    bars = {span.annotation_id: rect for rect, span in stripes.bars()}
    delta = window.session.annotations[_id_at(window, 18)]
    qtbot.mouseClick(stripes, Qt.MouseButton.LeftButton, pos=bars[delta.id].center())
    assert window.pane.selection_offsets() == (delta.start, delta.end) == (18, 23)
    assert TEXT[delta.start : delta.end] == delta.quote == "Delta"
    assert window.selected_annotation_ids() == [delta.id] and window.inspector.annotation_id == delta.id
    claim = window.session.annotations[_id_at(window, 0)]
    qtbot.mouseClick(stripes, Qt.MouseButton.LeftButton, pos=QPoint(bars[claim.id].center().x(), bars[delta.id].top()))
    assert window.pane.selection_offsets() == (0, 36)  # the outer column at the same height


def test_hovering_says_tag_coder_and_note(window: QtMainWindow) -> None:
    said = window.stripes.describe(_id_at(window, 6))
    assert "<b>evidence</b>" in said and "ann" in said and "firm" in said


def test_only_the_annotations_the_coder_view_shows(qtbot, window: QtMainWindow) -> None:
    eta = _id_at(window, 39)
    assert eta in {span.annotation_id for _rect, span in window.stripes.bars()}
    window.coder_view.set_mode(MINE)  # bo's annotation goes
    assert eta not in {span.annotation_id for _rect, span in window.stripes.bars()}
    assert len(window.stripes.bars()) == 3


def test_a_new_annotation_gets_its_bar(qtbot, window: QtMainWindow) -> None:
    before = len(window.stripes.bars())
    window.session.tag_span(window.session.tags[0].id, 61, 65)  # "Last"
    assert len(window.stripes.bars()) == before + 1


def test_the_toggle_is_saved_and_restored(qtbot, window: QtMainWindow, open_window) -> None:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.stripes.toggle_action in view_menu.actions()
    assert config.read_settings()["coding_stripes"] is True
    second = open_window()
    assert second.stripes.toggle_action.isChecked() and not second.stripes.isHidden()
    second.stripes.toggle_action.trigger()
    assert second.stripes.isHidden() and config.read_settings()["coding_stripes"] is False
    margins = second.pane.viewportMargins()
    assert margins.left() == margins.right()  # the centred column as without stripes
    third = open_window()
    assert third.stripes.isHidden() and not third.stripes.toggle_action.isChecked()


def test_the_stripes_widen_a_narrow_margin_and_keep_a_wide_one(window: QtMainWindow) -> None:
    pane, stripes = window.pane, window.stripes
    margins = pane.viewportMargins()
    assert margins.left() >= stripes.width()
    window.settings_flow.change(line_width=0)  # the whole width: no margin to sit in
    QApplication.processEvents()
    assert pane.viewportMargins().left() == stripes.width() > 0 and pane.viewportMargins().right() == 0


def test_dark_theme_bars_stand_out_on_the_dark_page(window: QtMainWindow) -> None:
    stripes = window.stripes
    tags = {t.id: t for t in window.session.tags}
    light = {span.annotation_id: stripes.bar_color(tags[span.tag_id]) for _rect, span in stripes.bars()}
    apply_theme("dark")
    QApplication.processEvents()
    page = rgb(stripes.palette().color(QPalette.ColorRole.Base))
    assert colours.relative_luminance(page) < 0.2
    image = stripes.grab().toImage()
    assert image.pixelColor(0, 0) == stripes.palette().color(QPalette.ColorRole.Base)
    for rect, span in stripes.bars():
        color = stripes.bar_color(tags[span.tag_id])
        assert colours.contrast_ratio(rgb(color), page) >= 3 - 0.05
        assert image.pixelColor(rect.center()) == color
    assert any(light[s.annotation_id] != stripes.bar_color(tags[s.tag_id]) for _rect, s in stripes.bars())
