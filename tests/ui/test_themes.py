"""Tests (UI): View › Theme and View › Highlight style: the application's palette changes, the
highlighter's formats (read from the laid-out blocks) keep text at 4.5:1 and lines at 3:1, tag
patterns and underlines show in the formats, every choice is saved and restored; and a
screenshot per theme (written to ``$ANNOTATOR_SCREENSHOT_DIR`` or pytest's tmp folder)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFontDatabase, QHelpEvent, QKeySequence, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu, QToolTip

from annotator import config
from annotator.config import ReadingSettings
from annotator.core import themes
from annotator.core.boilerplate import Cut
from annotator.core.colours import MIN_CONTRAST, MIN_NON_TEXT_CONTRAST, contrast_ratio
from annotator.ui.qt_text_pane import rgb
from annotator.ui.qt_themes import applied_theme, apply_appearance, apply_theme
from annotator.ui.qt_trim_dialog import QtTrimDialog

TEXT = "Alpha beta gamma delta epsilon. Zeta eta theta iota kappa.\nLambda mu nu xi omicron.\n"
Underline = QTextCharFormat.UnderlineStyle


def _tagged_window(open_window, import_text):
    import_text(TEXT)
    window = open_window()
    claim, evidence, speculation = window.session.tags[:3]
    for tag, word, length in ((claim, "beta", len("beta gamma")), (evidence, "gamma", len("gamma delta")),
                              (speculation, "delta", len("delta")), (speculation, "Zeta", len("Zeta eta"))):  # fmt: skip
        start = TEXT.index(word)
        window.session.tag_span(tag.id, start, start + length)
    return window


def _formats(window) -> list[QTextCharFormat]:
    """Every format the highlighter laid on the text, once it has done every block."""
    pane = window.pane
    block = pane.document().firstBlock()
    found = []
    while block.isValid():
        pane.highlighter.ensure(block)
        found += [QTextCharFormat(r.format) for r in block.layout().formats()]
        block = block.next()
    assert found
    return found


def _format_at(window, word: str) -> QTextCharFormat:
    pane = window.pane
    position = pane.offset_map.to_utf16(TEXT.index(word))
    block = pane.document().findBlock(position)
    pane.highlighter.ensure(block)
    for r in block.layout().formats():
        if r.start <= position - block.position() < r.start + r.length:
            return QTextCharFormat(r.format)
    raise AssertionError(f"nothing painted at {word!r}")


def _page(window) -> tuple[int, int, int]:
    return rgb(window.pane.palette().color(QPalette.ColorRole.Base))


def _choose(qtbot, window, submenu: QMenu, key: Qt.Key) -> None:
    """Alt+V, the submenu's mnemonic, then the entry's: the keyboard path through View."""
    window.activateWindow()  # a new style re-polishes every widget; the mnemonic needs the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    view = QApplication.activePopupWidget()
    mnemonic = QKeySequence.mnemonic(submenu.title())[0].key()
    qtbot.keyClick(view, mnemonic)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is submenu)
    qtbot.keyClick(submenu, key)
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)


def test_view_theme_changes_the_palette_keeps_highlights_readable_and_is_saved(qtbot, open_window, import_text):
    window = _tagged_window(open_window, import_text)
    app = QApplication.instance()
    system_base = app.palette().color(QPalette.ColorRole.Base)
    menus = window.appearance
    for name, key in (("dark", Qt.Key.Key_D), ("sepia", Qt.Key.Key_E), ("light", Qt.Key.Key_L)):
        _choose(qtbot, window, menus.theme_menu, key)
        expected = themes.PALETTES[name]
        assert app.palette().color(QPalette.ColorRole.Base) == QColor(expected.active["Base"])
        assert app.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text) == QColor(
            expected.disabled["Text"]
        )
        assert app.style().name() == "fusion" and applied_theme() == name
        page = rgb(QColor(expected.active["Base"]))
        qtbot.waitUntil(lambda page=page: _page(window) == page)  # widgets follow the app
        assert config.read_settings()["theme"] == name and menus.theme_actions[name].isChecked()
        for fmt in _formats(window):
            ratio = contrast_ratio(rgb(fmt.foreground().color()), rgb(fmt.background().color()))
            assert ratio >= MIN_CONTRAST, name
        # The selection (and the focus outline, in the same colour) shows against the page.
        highlight = rgb(window.pane.palette().color(QPalette.ColorRole.Highlight))
        assert contrast_ratio(highlight, _page(window)) >= MIN_NON_TEXT_CONTRAST
    menus.theme_actions["system"].trigger()
    # Alt+H and Alt+Y reach the submenus: no other entry of View has those letters.
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    letters = [QKeySequence.mnemonic(a.text()).toString() for a in view.actions() if not a.isSeparator()]
    assert "Alt+H" in letters and "Alt+Y" in letters
    assert len([x for x in letters if x]) == len({x for x in letters if x})
    assert app.palette().color(QPalette.ColorRole.Base) == system_base and app.palette().resolveMask() == 0
    assert config.read_settings()["theme"] == "system"


def test_underline_style_and_tag_patterns_show_in_the_formats_and_are_saved(qtbot, open_window, import_text):
    window = _tagged_window(open_window, import_text)
    menus = window.appearance
    assert _format_at(window, "beta").underlineStyle() == Underline.NoUnderline  # fill: today's look
    _choose(qtbot, window, menus.style_menu, Qt.Key.Key_U)
    assert config.read_settings()["highlight_style"] == "underline"
    for word in ("beta", "Zeta"):  # one tag each
        fmt = _format_at(window, word)
        assert fmt.background().style() == Qt.BrushStyle.NoBrush  # no tint
        assert fmt.underlineStyle() == Underline.SingleUnderline
        assert contrast_ratio(rgb(fmt.underlineColor()), _page(window)) >= MIN_NON_TEXT_CONTRAST
    menus.style_actions["both"].trigger()
    beta = _format_at(window, "beta")
    assert beta.background().style() != Qt.BrushStyle.NoBrush and beta.underlineStyle() == Underline.SingleUnderline
    assert contrast_ratio(rgb(beta.underlineColor()), rgb(beta.background().color())) >= MIN_NON_TEXT_CONTRAST

    _choose(qtbot, window, menus.style_menu, Qt.Key.Key_P)
    assert config.read_settings()["tag_patterns"] is True and menus.patterns_action.isChecked()
    # claim, evidence and speculation: the first three patterns, so colour is not all that tells them apart.
    assert [_format_at(window, w).underlineStyle() for w in ("beta", "gamma", "Zeta")] == [
        Underline.SingleUnderline, Underline.DashUnderline, Underline.DotLine,
    ]  # fmt: skip
    # Other coders shown in their styles take the underline: the patterns wait.
    window.pane.set_coder_styles({"someone else": "wave"})
    assert _format_at(window, "Zeta").underlineStyle() == Underline.SingleUnderline
    window.pane.set_coder_styles({})
    assert _format_at(window, "Zeta").underlineStyle() == Underline.DotLine


def test_overlaps_look_unlike_one_tag_in_underline_style_and_their_line_reaches_3_to_1(qtbot, open_window, import_text):
    """ "gamma" is under claim and evidence, "delta" under evidence and speculation, "Zeta" under speculation."""
    window = _tagged_window(open_window, import_text)
    highlighter = window.pane.highlighter
    highlighter.set_highlight_style(themes.UNDERLINE)
    single, overlap = _format_at(window, "Zeta"), _format_at(window, "gamma")
    assert single.background().style() == Qt.BrushStyle.NoBrush
    assert overlap.background().style() != Qt.BrushStyle.NoBrush  # the blend, so not one tag's look
    assert overlap.underlineStyle() == Underline.SingleUnderline
    assert contrast_ratio(rgb(overlap.underlineColor()), rgb(overlap.background().color())) >= MIN_NON_TEXT_CONTRAST
    assert contrast_ratio(rgb(overlap.foreground().color()), rgb(overlap.background().color())) >= MIN_CONTRAST
    apply_theme("dark")
    dark = rgb(QColor(themes.PALETTES["dark"].page[0]))
    qtbot.waitUntil(lambda: _page(window) == dark)
    for style in (themes.FILL, themes.BOTH):  # on a dark page the raw tag colour is too faint on the blend
        highlighter.set_highlight_style(style)
        for word in ("gamma", "delta"):
            fmt = _format_at(window, word)
            ratio = contrast_ratio(rgb(fmt.underlineColor()), rgb(fmt.background().color()))
            assert ratio >= MIN_NON_TEXT_CONTRAST, (style, word)


def _tooltip_at(window, word: str) -> str:
    pane = window.pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offset_map.to_utf16(TEXT.index(word) + 1))
    point = pane.cursorRect(cursor).center()
    QApplication.sendEvent(pane.viewport(), QHelpEvent(QHelpEvent.Type.ToolTip, point, pane.mapToGlobal(point)))
    return QToolTip.text()


def test_a_highlights_tooltip_names_its_tags_pattern_while_patterns_are_drawn(qtbot, open_window, import_text):
    window = _tagged_window(open_window, import_text)
    highlighter = window.pane.highlighter
    assert "underline" not in _tooltip_at(window, "Zeta")
    highlighter.set_tag_patterns(True)
    assert _format_at(window, "Zeta").underlineStyle() == Underline.DotLine
    assert "dotted underline" in _tooltip_at(window, "Zeta")  # speculation, third in the codebook
    window.pane.set_coder_styles({"someone else": "wave"})  # coder styles take the underline
    assert "dotted underline" not in _tooltip_at(window, "Zeta")


def test_the_saved_appearance_is_restored_when_the_window_opens(qtbot, open_window, import_text):
    config.write_settings({"theme": "dark", "highlight_style": "underline", "tag_patterns": True})
    window = _tagged_window(open_window, import_text)
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base) == QColor(themes.PALETTES["dark"].page[0])
    assert window.pane.highlighter.highlight_style == "underline" and window.pane.highlighter.tag_patterns
    window.appearance.sync()
    assert window.appearance.theme_actions["dark"].isChecked()
    assert window.appearance.style_actions["underline"].isChecked() and window.appearance.patterns_action.isChecked()
    assert _format_at(window, "gamma").underlineStyle() == Underline.DashUnderline
    # The Settings dialog's hook: the same keys, applied to the whole application.
    apply_appearance(QApplication.instance(), ReadingSettings(theme="light", highlight_style="fill"))
    assert applied_theme() == "light" and window.pane.highlighter.highlight_style == "fill"
    assert not window.pane.highlighter.tag_patterns


def test_the_focus_outline_reaches_3_to_1_even_in_a_pale_accent(qtbot, open_window, import_text):
    window = _tagged_window(open_window, import_text)
    pane = window.pane
    pale = QPalette(pane.palette())
    pale.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    pale.setColor(QPalette.ColorRole.Highlight, QColor("#cfe3ff"))
    pane.setPalette(pale)
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    pane.viewport().repaint()
    edge = pane.viewport().grab().toImage().pixelColor(0, pane.viewport().height() // 2)
    assert contrast_ratio(rgb(edge), (255, 255, 255)) >= MIN_NON_TEXT_CONTRAST


def test_each_theme_renders_text_to_a_screenshot(qtbot, open_window, import_text, tmp_path: Path, capsys):
    assert QFontDatabase.families(), "no fonts: offscreen renders would have no text"
    folder = Path(os.environ.get("ANNOTATOR_SCREENSHOT_DIR") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    window = _tagged_window(open_window, import_text)
    for name in themes.THEMES:
        apply_theme(name)
        base = QApplication.instance().palette().color(QPalette.ColorRole.Base)
        qtbot.waitUntil(
            lambda base=base: window.pane.palette().color(QPalette.ColorRole.Base) == base
        )  # posted to widgets
        qtbot.waitUntil(lambda: not window.pane.highlighter.pending)
        window.pane.viewport().repaint()
        image = window.grab().toImage()
        assert image.save(str(folder / f"theme-{name}.png"))
        pane = window.pane.viewport().grab().toImage()
        page = window.pane.palette().color(QPalette.ColorRole.Base).rgb()
        inked = sum(pane.pixel(x, y) != page for x in range(0, pane.width(), 3) for y in range(0, 60, 2))
        assert inked > 50, f"no text drawn in the {name} theme"  # glyphs (and tints) on the first lines
    with capsys.disabled():
        print(f"\nscreenshots of each theme: {folder}")


def test_the_settings_dialog_applies_the_theme_and_highlight_style_it_saves(
    qtbot, open_window, import_text, monkeypatch
):
    from PySide6.QtWidgets import QDialog

    from annotator.ui.qt_settings import QtSettingsDialog

    window = _tagged_window(open_window, import_text)

    def fill(dialog: QtSettingsDialog) -> int:
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("sepia"))
        dialog.highlight_combo.setCurrentIndex(dialog.highlight_combo.findData("underline"))
        dialog.patterns_check.setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtSettingsDialog, "exec", fill)
    window.settings_action.trigger()
    assert applied_theme() == "sepia"
    assert QApplication.instance().palette().color(QPalette.ColorRole.Base) == QColor(themes.PALETTES["sepia"].page[0])
    assert window.pane.highlighter.highlight_style == "underline" and window.pane.highlighter.tag_patterns


@pytest.mark.parametrize("name", ["dark", "light", "sepia"])
def test_the_trim_dialog_strikes_text_through_in_the_theme_colours(qtbot, name: str) -> None:
    apply_theme(name)
    dialog = QtTrimDialog("Menu Home", "Menu Home\n\nSome text.\n", [Cut(0, 9, "site menu", "repeat")])
    qtbot.addWidget(dialog)
    page = dialog.preview.palette().color(QPalette.ColorRole.Base)
    assert page == QColor(themes.PALETTES[name].page[0])
    (struck,) = dialog.preview.extraSelections()
    assert struck.format.fontStrikeOut()
    assert not struck.format.hasProperty(QTextCharFormat.Property.BackgroundBrush)  # on the theme's page
    ink = struck.format.foreground().color()
    assert ink == dialog.preview.palette().color(QPalette.ColorRole.PlaceholderText)
    assert contrast_ratio(rgb(ink), rgb(page)) >= MIN_CONTRAST


def test_the_settings_dialog_shows_a_theme_chosen_in_the_view_menu_and_can_undo_it(qtbot, open_window, monkeypatch):
    """View › Theme and Edit › Settings… share one copy of the settings: the dialog is never stale."""
    from PySide6.QtWidgets import QDialog

    from annotator.ui.qt_settings import QtSettingsDialog

    window = open_window()
    window.appearance.theme_actions["dark"].trigger()
    window.appearance.style_actions["underline"].trigger()
    window.appearance.patterns_action.trigger()
    shown = []

    def back_to_system(dialog: QtSettingsDialog) -> int:
        shown.append((dialog.theme_combo.currentData(), dialog.highlight_combo.currentData(),
                      dialog.patterns_check.isChecked()))  # fmt: skip
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("system"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtSettingsDialog, "exec", back_to_system)
    window.settings_action.trigger()
    assert shown == [("dark", "underline", True)]
    assert applied_theme() == "system" and config.read_settings()["theme"] == "system"
    window.appearance.sync()
    assert window.appearance.theme_actions["system"].isChecked()


def test_a_theme_that_cannot_be_saved_stays_in_use_until_quitting(qtbot, open_window, monkeypatch):
    from PySide6.QtWidgets import QDialog

    from annotator.ui.qt_settings import QtSettingsDialog

    window = open_window()

    def refuse(_changes) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(config, "write_settings", refuse)
    window.appearance.theme_actions["sepia"].trigger()
    assert applied_theme() == "sepia" and "used until you quit" in window.statusBar().currentMessage()

    def choose_dark(dialog: QtSettingsDialog) -> int:
        dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtSettingsDialog, "exec", choose_dark)
    window.settings_action.trigger()
    assert applied_theme() == "dark" and window.settings_flow.settings.theme == "dark"
    assert "used until you quit" in window.statusBar().currentMessage()


def test_a_choice_in_the_menu_keeps_what_another_program_saved_meanwhile(qtbot, open_window):
    """settings.json is read again as it is written, and only the key chosen is written over it."""
    window = open_window()
    config.save_coder_name("Ann")  # the command line, while the window is open
    config.write_settings({"line_width": 60})
    window.appearance.theme_actions["dark"].trigger()
    stored = config.read_settings()
    assert (stored["theme"], stored["coder"], stored["line_width"]) == ("dark", "Ann", 60)
