"""UI: a dock panel's Alt keys, working only while the focus is in that panel.

Qt's mnemonics (the ``&`` in "C&oder", "R&un") are window-wide, and Qt keeps a dock behind
another tab "visible": with Search the library in front and Retrieved segments behind it, both
panels' Alt+O, Alt+I and Alt+U would be live at once, and an ambiguous key does nothing. So a
panel's mnemonics become actions of the panel (``WidgetWithChildrenShortcut``): the same key,
shown underlined as before, acting only where the focus is.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

_MNEMONIC = re.compile(r"&(?!&)(.)")


def make_keys_local(panel: QWidget) -> list[QAction]:
    """Replace every mnemonic of *panel*'s labels (with a buddy) and buttons by an action of the
    panel on the same Alt key: a label's focuses its buddy, a button's clicks it. Returns them."""
    actions = []
    for label in panel.findChildren(QLabel):
        found = _MNEMONIC.search(label.text())
        buddy = label.buddy()
        if found is None or buddy is None:
            continue
        text = label.text()
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(f"{html.escape(text[: found.start()])}<u>{html.escape(found.group(1))}</u>"
                      f"{html.escape(text[found.end() :])}")  # fmt: skip
        actions.append(_action(panel, found.group(1), lambda b=buddy: b.setFocus(Qt.FocusReason.ShortcutFocusReason)))
    for button in panel.findChildren(QAbstractButton):
        found = _MNEMONIC.search(button.text())
        if found is None:
            continue
        button.setText(button.text()[: found.start()] + found.group(1) + button.text()[found.end() :])
        key = f"Alt+{found.group(1).upper()}"
        button.setToolTip(f"{button.toolTip()} ({key})".strip())
        actions.append(_action(panel, found.group(1), button.animateClick))
    return actions


def _action(panel: QWidget, letter: str, slot: object) -> QAction:
    action = QAction(panel, shortcut=QKeySequence(f"Alt+{letter.upper()}"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    action.triggered.connect(lambda _checked=False: slot())  # type: ignore[operator]
    panel.addAction(action)
    return action
