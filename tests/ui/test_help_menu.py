"""Tests (UI): the Help menu: About, the User guide (F1) and the Keyboard shortcuts list."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAccessible, QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from annotator import __version__
from annotator.ui import qt_help
from annotator.ui.qt_crash import QtCrashDialog
from annotator.ui.qt_help import QtGuideDialog, QtShortcutsDialog, guide_text

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Help dialogs opened, instead of blocking."""
    opened: list[object] = []

    def record(dialog: object) -> int:
        opened.append(dialog)
        return 0

    for kind in (QtShortcutsDialog, QtGuideDialog):
        monkeypatch.setattr(kind, "exec", record)
    return opened


def test_the_help_menu_is_the_last_one_with_its_actions(open_window) -> None:
    window = open_window()
    menus = [action.menu() for action in window.menuBar().actions()]
    assert menus[-1] is window.help.menu and window.help.menu.title() == "&Help"
    assert [qt_help.action_label(a) for a in window.help.menu.actions() if not a.isSeparator()] == [
        "User guide",
        "Keyboard shortcuts",
        "About Annotator",
    ]


def test_the_shortcuts_list_comes_from_the_actions_and_filters_by_keyboard(qtbot, open_window, dialogs) -> None:
    window = open_window()
    window.help.shortcuts_action.trigger()
    assert len(dialogs) == 1 and isinstance(dialogs[0], QtShortcutsDialog)
    dialog = QtShortcutsDialog(qt_help.window_shortcuts(window))
    qtbot.addWidget(dialog)
    rows = dialog.shown()
    assert ("Intercoder agreement…", "Ctrl+Shift+K", "View") in rows
    assert ("Redo", "Ctrl+Shift+Z, Ctrl+Y", "Edit") in rows
    assert ("Tag as claim", "1", "Tags") in rows
    assert all("&" not in label + where for label, _keys, where in rows)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClicks(dialog.filter, "intercoder")
    assert dialog.shown() == [("Intercoder agreement…", "Ctrl+Shift+K", "View")]
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "ctrl+shift+z")
    assert dialog.shown() == [("Redo", "Ctrl+Shift+Z, Ctrl+Y", "Edit")]
    dialog.filter.clear()
    qtbot.keyClicks(dialog.filter, "F2")  # one key, several panes: each says where
    assert {where for _label, _keys, where in dialog.shown()} >= {"Tags", "Document"}
    qtbot.keyClick(dialog.filter, Qt.Key.Key_Down)
    assert dialog.table.hasFocus()
    assert dialog.filter.accessibleName() and dialog.table.accessibleName() and dialog.accessibleName()


def test_ctrl_slash_opens_the_shortcuts_from_anywhere(qtbot, open_window, dialogs) -> None:
    window = open_window()
    window.annotation_filter.setFocus()
    qtbot.waitUntil(window.annotation_filter.hasFocus)
    qtbot.keyClick(window.annotation_filter, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert len(dialogs) == 1 and isinstance(dialogs[0], QtShortcutsDialog)


def test_no_menu_mnemonic_is_also_an_action_key(open_window) -> None:
    """A menu's Alt+letter that an action also has fires neither (Qt calls it ambiguous)."""
    window = open_window()
    action_keys = {
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
    }
    mnemonics = {
        QKeySequence.mnemonic(action.text()).toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.menuBar().actions()
    } - {""}
    assert "Alt+F" in mnemonics
    assert mnemonics & action_keys == set()


def test_no_two_entries_of_a_menu_share_a_letter(open_window) -> None:
    """Inside an open menu a letter two entries share only moves between them: each must be unique."""
    window = open_window()
    menus = [action.menu() for action in window.menuBar().actions()]
    while menus:
        menu = menus.pop()
        entries = [action for action in menu.actions() if not action.isSeparator()]
        menus += [action.menu() for action in entries if action.menu() is not None]
        letters = [QKeySequence.mnemonic(action.text()).toString() for action in entries]
        letters = [letter for letter in letters if letter]
        assert len(letters) == len(set(letters)), (menu.title(), sorted(letters))


def test_an_action_added_later_is_listed_too(open_window) -> None:
    window = open_window()
    later = QAction("Something &new", window, shortcut=QKeySequence("Ctrl+Alt+Q"))
    window.addAction(later)
    assert ("Something new", "Ctrl+Alt+Q", "") in qt_help.window_shortcuts(window)


def test_about_shows_the_version_library_and_versions(open_window, library_path: Path) -> None:
    window = open_window()
    box = window.help.about_dialog()
    text = box.text()
    assert f"Annotator {__version__}" in text
    assert str(library_path) in text
    assert f"Qt {qVersion()}" in text and f"Python {sys.version.split()[0]}" in text
    assert "Licence: MIT" in text
    assert box.accessibleName() == "About Annotator"


def test_about_escapes_what_it_shows() -> None:
    assert "&lt;b&gt;" in qt_help.about_text("/home/<b>/library.sqlite3")


def test_f1_opens_the_guide(qtbot, open_window, dialogs) -> None:
    window = open_window()
    qtbot.keyClick(window.pane, Qt.Key.Key_F1)
    assert len(dialogs) == 1 and isinstance(dialogs[0], QtGuideDialog)
    shown = dialogs[0].browser.toPlainText()
    assert "First steps" in shown and "Where your data lives" in shown
    assert "`" not in shown  # rendered, not shown as Markdown source


#: A key written in the guide as `Ctrl+Shift+K`, `F1`, `Del` or `1`.
_KEY = re.compile(r"`((?:(?:Ctrl|Shift|Alt)\+)*(?:F\d{1,2}|Del|Ins|Esc|[0-9A-Z,/]))`")


def test_every_key_the_guide_names_is_a_shortcut_of_the_window(open_window) -> None:
    window = open_window()
    keys = {
        key.toString(QKeySequence.SequenceFormat.PortableText)
        for action in window.findChildren(QAction)
        for key in action.shortcuts()
    }
    named = _KEY.findall(guide_text())
    assert len(named) >= 15  # the pattern finds the guide's keys
    missing = sorted({key for key in named if QKeySequence(key).toString() not in keys})
    assert missing == [], f"the guide names keys no action has: {missing}"


def test_the_guide_ships_inside_the_package() -> None:
    assert (REPO_ROOT / "src" / "annotator" / "ui" / qt_help.GUIDE_RESOURCE).is_file()
    assert guide_text().startswith("# Annotator user guide")


def _unnamed(dialog: QWidget) -> list[str]:
    """The widgets Tab reaches in *dialog* that a screen reader could not name."""
    dialog.show()
    try:
        return [
            type(w).__name__
            for w in dialog.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus
            and w.isVisibleTo(dialog)
            and (face := QAccessible.queryAccessibleInterface(w)) is not None
            and not face.text(QAccessible.Text.Name).strip()
        ]
    finally:
        dialog.close()


def test_every_focusable_widget_of_the_help_dialogs_has_an_accessible_name(qtbot, open_window) -> None:
    window = open_window()
    for dialog in (
        QtShortcutsDialog(qt_help.window_shortcuts(window), window),
        QtGuideDialog(window),
        window.help.about_dialog(),
        QtCrashDialog("RuntimeError: x", "Traceback…", Path("/tmp/annotator.log"), window),
    ):
        assert _unnamed(dialog) == [], type(dialog).__name__
