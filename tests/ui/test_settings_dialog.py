"""Tests (UI): Edit › Settings… (Ctrl+,) and View › Zoom: saved in settings.json, applied to the text
pane on OK (not on Cancel), the reading position, highlights and selection kept, and restored next time."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QFontMetricsF, QTextCursor, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from annotator import config
from annotator.config import ReadingSettings
from annotator.ui.qt_main_window import QtMainWindow
from annotator.ui.qt_settings import QtSettingsDialog
from annotator.ui.qt_text_pane import DEFAULT_POINT_SIZE

CTRL = Qt.KeyboardModifier.ControlModifier
PARAGRAPH = "Rosé 👍 the minister said the reform would pass, and critics called it a gamble at once. " * 6
TEXT = "\n\n".join(f"{number}. {PARAGRAPH}" for number in range(80)) + "\n"


@pytest.fixture
def applied(monkeypatch: pytest.MonkeyPatch) -> list[set[str]]:
    """The keys each settings change handed the window to re-apply (theme, highlights...)."""
    calls: list[set[str]] = []
    monkeypatch.setattr(QtMainWindow, "_on_settings_applied", lambda _window, changed: calls.append(changed))
    return calls


def _answer(monkeypatch: pytest.MonkeyPatch, fill, result=QDialog.DialogCode.Accepted) -> list[QtSettingsDialog]:  # type: ignore[no-untyped-def]
    """The settings dialog, when opened, is filled in by *fill* and closed with *result*."""
    shown: list[QtSettingsDialog] = []

    def run(dialog: QtSettingsDialog) -> int:
        shown.append(dialog)
        fill(dialog)
        return result

    monkeypatch.setattr(QtSettingsDialog, "exec", run)
    return shown


def _fill_all(dialog: QtSettingsDialog) -> None:
    dialog.font_combo.setEditText("DejaVu Sans")
    dialog.size_spin.setValue(15)
    dialog.width_spin.setValue(50)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("sepia"))
    dialog.highlight_combo.setCurrentIndex(dialog.highlight_combo.findData("both"))
    dialog.patterns_check.setChecked(True)
    dialog.name_edit.setText("Ann")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("fr"))


def _stored() -> dict:
    return json.loads(config.settings_path().read_text(encoding="utf-8")) if config.settings_path().exists() else {}


def test_ctrl_comma_opens_settings_and_ok_saves_and_applies_every_field(
    qtbot, open_window, import_text, monkeypatch, applied
) -> None:
    import_text(TEXT)
    window = open_window()
    shown = _answer(monkeypatch, _fill_all)
    assert window.settings_action.text() == "&Settings…"
    qtbot.keyClick(window.pane, Qt.Key.Key_Comma, CTRL)
    assert len(shown) == 1
    stored = _stored()
    assert {key: stored[key] for key in ReadingSettings().as_settings() if key in stored} == {
        "font_family": "DejaVu Sans", "font_size": 15.0, "line_width": 50,
        "theme": "sepia", "highlight_style": "both", "tag_patterns": True, "language": "fr",
    }  # fmt: skip  # only what changed is written
    assert stored["coder"] == "Ann" and window.identity.current() == "Ann"
    assert applied == [
        {"font_family", "font_size", "line_width", "theme", "highlight_style", "tag_patterns", "language", "coder"}
    ]
    font = window.pane.font()
    assert font.family() == "DejaVu Sans" and font.pointSizeF() == 15
    assert window.pane.document().defaultFont().pointSizeF() == 15  # the text is laid out in it


def test_cancel_changes_nothing(qtbot, open_window, import_text, monkeypatch, applied) -> None:
    import_text(TEXT)
    window = open_window()
    before = window.pane.font()
    _answer(monkeypatch, _fill_all, QDialog.DialogCode.Rejected)
    window.settings_action.trigger()
    assert _stored() == {} and applied == []
    assert window.pane.font() == before and window.identity.current() == ""


def test_a_value_out_of_range_is_clamped_with_one_line(qtbot, open_window, monkeypatch, applied) -> None:
    window = open_window()
    _answer(monkeypatch, lambda dialog: (dialog.size_spin.setValue(2), dialog.width_spin.setValue(3)))
    window.settings_action.trigger()
    assert (_stored()["font_size"], _stored()["line_width"]) == (6.0, 30)
    assert "out of range" in window.statusBar().currentMessage()
    assert window.pane.font().pointSizeF() == 6


def test_the_dialog_shows_the_settings_and_names_every_field(qtbot, open_window) -> None:
    config.write_settings(ReadingSettings(font_size=14, line_width=0, theme="dark", language="de").as_settings())
    window = open_window()
    dialog = QtSettingsDialog(window, config.reading_settings(), "Bea")
    qtbot.addWidget(dialog)
    assert dialog.chosen() == config.reading_settings()
    assert dialog.width_spin.text() == "Full width" and dialog.theme_combo.currentText() == "Dark"
    assert dialog.name_edit.text() == "Bea" and dialog.language_combo.currentText() == "Deutsch"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "&Reading", "&Appearance", "&Coder", "Lan&guage"
    ]  # fmt: skip
    dialog.show()
    unnamed = []
    for page in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(page)
        for widget in dialog.findChildren(QWidget):
            face = QAccessible.queryAccessibleInterface(widget)
            name = face.text(QAccessible.Text.Name) if face is not None else ""
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.isVisibleTo(dialog) and not name.strip():
                unnamed.append(type(widget).__name__)
    assert unnamed == []


def _wheel(point: QPoint, delta: int, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> QWheelEvent:
    return QWheelEvent(
        QPointF(point), QPointF(point), QPoint(0, 0), QPoint(0, delta),
        Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip


def _on_top_line(pane, offset: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether code point *offset* is on the line at the top of the pane (a line deep in a paragraph)."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offset_map.to_utf16(offset))
    rect = pane.cursorRect(cursor)
    return 0 <= rect.top() < rect.height() / 2


def test_zoom_keys_and_ctrl_wheel_zoom_the_text_keep_the_place_and_are_saved(
    qtbot, open_window, import_text, applied
) -> None:
    import_text(TEXT)
    window = open_window()
    pane = window.pane
    start = TEXT.index("critics", len(TEXT) // 2)
    deep = TEXT.index("gamble", TEXT.index("40. ") + len(PARAGRAPH) // 2)  # in a wrapped paragraph
    window.session.tag_span(window.session.tags[0].id, start, start + len("critics"))
    window.pane.select_span(start, start + len("critics called"))
    pane.scroll_to_offset(deep)
    top = pane.top_offset()  # the first code point on screen: it stays on the top line
    assert 0 < deep - top < 100
    base = pane.font().pointSizeF()
    assert base == DEFAULT_POINT_SIZE

    qtbot.keyClick(pane, Qt.Key.Key_Plus, CTRL)
    assert pane.font().pointSizeF() == pytest.approx(base * 1.1)
    qtbot.keyClick(pane, Qt.Key.Key_Equal, CTRL)
    assert pane.font().pointSizeF() == pytest.approx(base * 1.2)
    assert window.statusBar().currentMessage() == "Zoom 120%"
    window.settings_flow.flush()  # saved once the zoom pauses
    assert _stored()["zoom"] == 120
    assert applied == [{"zoom"}, {"zoom"}]
    assert _on_top_line(pane, top)  # the reader is where they were
    assert pane.selection_offsets() == (start, start + len("critics called"))
    assert [(s.start, s.end) for s in pane.highlighter.index.at(start)] == [(start, start + len("critics"))]

    qtbot.keyClick(pane, Qt.Key.Key_Minus, CTRL)
    assert _on_top_line(pane, top)
    window.settings_flow.flush()  # saved once the zoom pauses
    assert _stored()["zoom"] == 110
    QApplication.sendEvent(pane.viewport(), _wheel(QPoint(20, 20), 240, CTRL))
    assert pane.font().pointSizeF() == pytest.approx(base * 1.3)
    window.settings_flow.flush()  # saved once the zoom pauses
    assert _stored()["zoom"] == 130
    assert _on_top_line(pane, top)
    qtbot.keyClick(pane, Qt.Key.Key_0, CTRL)
    assert pane.font().pointSizeF() == base and _on_top_line(pane, top)
    window.settings_flow.flush()  # saved once the zoom pauses
    assert _stored()["zoom"] == 100
    assert pane.selection_offsets() == (start, start + len("critics called"))


def test_the_zoom_stops_at_its_bounds(qtbot, open_window) -> None:
    config.write_settings({"zoom": 290})
    window = open_window()
    for _ in range(3):
        window.settings_flow.zoom_in_action.trigger()
    assert "largest" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: _stored().get("zoom") == 300)
    for _ in range(30):
        window.settings_flow.zoom_out_action.trigger()
    assert "smallest" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: _stored().get("zoom") == 50)


def test_a_turn_of_the_wheel_saves_the_zoom_once_and_closing_saves_a_pending_one(
    qtbot, open_window, monkeypatch
) -> None:
    window = open_window()
    written: list[dict] = []
    write = config.write_settings
    monkeypatch.setattr(config, "write_settings", lambda changes: (written.append(changes), write(changes)))
    for _ in range(5):  # five notches
        QApplication.sendEvent(window.pane.viewport(), _wheel(QPoint(20, 20), 120, CTRL))
    assert window.settings_flow.settings.zoom == 150 and written == []
    qtbot.waitUntil(lambda: written == [{"zoom": 150}])
    window.settings_flow.zoom_out_action.trigger()
    window.close()  # before the pause: saved as the window closes
    assert written == [{"zoom": 150}, {"zoom": 140}] and _stored()["zoom"] == 140


def test_a_language_with_a_translation_the_code_does_not_list_is_offered_and_kept(
    qtbot, open_window, monkeypatch, tmp_path
) -> None:
    """A language added per docs/translating.md shows in the list, and OK does not reset it."""
    from annotator.ui import qt_i18n

    built = qt_i18n.translations_dir()
    assert built is not None
    folder = tmp_path / "i18n"
    folder.mkdir()
    for qm in [*built.glob("annotator_*.qm"), built / "annotator_es.qm"]:
        (folder / qm.name).write_bytes(qm.read_bytes() if qm.exists() else b"")
    monkeypatch.setattr(qt_i18n, "translations_dir", lambda: folder)
    config.write_settings({"language": "es"})
    window = open_window()
    shown = _answer(monkeypatch, lambda dialog: dialog.size_spin.setValue(15))
    window.settings_action.trigger()
    combo = shown[0].language_combo
    assert [combo.itemData(i) for i in range(combo.count())] == ["", "en", "de", "es", "fr"]
    assert combo.currentText().startswith("Español")
    assert _stored()["language"] == "es" and window.settings_flow.settings.language == "es"


def test_a_font_change_keeps_the_place(qtbot, open_window, import_text, monkeypatch, applied) -> None:
    import_text(TEXT)
    window = open_window()
    window.pane.scroll_to_offset(TEXT.index("gamble", TEXT.index("55. ") + len(PARAGRAPH) // 2))
    top = window.pane.top_offset()
    _answer(
        monkeypatch, lambda dialog: (dialog.font_combo.setEditText("DejaVu Sans Mono"), dialog.size_spin.setValue(20))
    )
    window.settings_action.trigger()
    assert window.pane.font().pointSizeF() == 20
    assert _on_top_line(window.pane, top)


def _column_in_characters(pane) -> float:  # type: ignore[no-untyped-def]
    text_width = pane.viewport().width() - 2 * pane.document().documentMargin()
    return text_width / QFontMetricsF(pane.font()).averageCharWidth()


def test_the_text_is_a_centred_column_of_the_line_width(qtbot, open_window, import_text, monkeypatch) -> None:
    import_text(TEXT)
    window = open_window()
    window.resize(2400, 900)
    window.splitter.setSizes([200, 1800, 400])
    pane = window.pane
    qtbot.waitUntil(lambda: pane.width() > 1500)
    assert _column_in_characters(pane) == pytest.approx(75, abs=2)
    margins = pane.viewportMargins()
    assert margins.left() == margins.right() > 100
    scrolled = pane.verticalScrollBar().value()
    QApplication.sendEvent(pane, _wheel(QPoint(20, 200), -120))  # over the margin, beside the text
    assert pane.verticalScrollBar().value() > scrolled
    pane.scroll_to_offset(TEXT.index("gamble", TEXT.index("30. ") + len(PARAGRAPH) // 2))
    top = pane.top_offset()
    _answer(monkeypatch, lambda dialog: dialog.width_spin.setValue(0))  # full width
    window.settings_action.trigger()
    assert pane.viewportMargins().left() == 0 and _column_in_characters(pane) > 150
    assert _on_top_line(pane, top)
    _answer(monkeypatch, lambda dialog: dialog.width_spin.setValue(60))
    window.settings_action.trigger()
    assert _column_in_characters(pane) == pytest.approx(60, abs=2)
    window.settings_flow.zoom_in_action.trigger()  # a bigger font: a wider column of as many characters
    assert _column_in_characters(pane) == pytest.approx(60, abs=2)
    window.resize(1000, 900)  # the pane narrower than the column: the text takes its whole width
    qtbot.waitUntil(lambda: pane.viewportMargins().left() == 0)


def test_the_settings_are_restored_at_the_next_start(qtbot, open_window, import_text, monkeypatch) -> None:
    import_text(TEXT)
    window = open_window()
    _answer(monkeypatch, _fill_all)
    window.settings_action.trigger()
    window.settings_flow.zoom_in_action.trigger()
    window.close()
    window = open_window()
    font = window.pane.font()
    assert font.family() == "DejaVu Sans" and font.pointSizeF() == pytest.approx(15 * 1.1)
    assert window.settings_flow.settings == ReadingSettings("DejaVu Sans", 15, 110, 50, "sepia", "both", True, "fr")
    assert window.pane.document().defaultFont().pointSizeF() == pytest.approx(15 * 1.1)
