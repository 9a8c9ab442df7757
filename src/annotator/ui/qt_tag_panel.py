"""UI: the tag panel: one button per tag with its colour, count, description and shortcut."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from annotator.core.model import Tag


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class QtTagPanel(QWidget):
    """UI: click a tag (or press its shortcut) to tag the selected text.

    ``tagClicked(str)`` carries the tag id. Shortcuts themselves are window
    actions (see the main window), so they work wherever the focus is, except
    in a text field where the key types.
    """

    tagClicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel("<b>Tags</b>")
        self._layout.addWidget(title)
        self._hint = QLabel("Select text, then click a tag or press its key.")
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: palette(mid);")
        # Title, buttons, hint, then one stretch that keeps them at the top. The layout is
        # built once; set_tags only swaps the buttons, so reloading tags adds no space.
        self._layout.addWidget(self._hint)
        self._layout.addStretch(1)
        self._buttons: dict[str, QPushButton] = {}
        self._tags: list[Tag] = []
        self._counts: dict[str, int] = {}

    def set_tags(self, tags: list[Tag]) -> None:
        """Show one button per tag (replacing the previous ones), between the title and the hint."""
        for button in self._buttons.values():
            self._layout.removeWidget(button)
            button.hide()  # out of the layout it would be drawn at the top left until deleted
            button.deleteLater()
        self._buttons = {}
        self._tags = list(tags)
        for position, tag in enumerate(tags, start=1):  # 0 is the title
            button = QPushButton(self)
            button.setIcon(swatch(tag.color))
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keep the text selection's focus
            button.setStyleSheet("text-align: left; padding: 4px 8px;")
            button.setToolTip(tag.description + (f"\nShortcut: {tag.shortcut}" if tag.shortcut else ""))
            # The text carries the count and the key; a screen reader needs only what the button does.
            button.setAccessibleName(f"Tag as {tag.name}")
            button.setAccessibleDescription(tag.description)
            button.clicked.connect(lambda _=False, tag_id=tag.id: self.tagClicked.emit(tag_id))
            self._layout.insertWidget(position, button)
            self._buttons[tag.id] = button
        self.set_counts(self._counts)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Annotations per tag id in the current document."""
        self._counts = dict(counts)
        for tag in self._tags:
            key = f"  [{tag.shortcut}]" if tag.shortcut else ""
            self._buttons[tag.id].setText(f"{tag.name}  ({self._counts.get(tag.id, 0)}){key}")

    def button(self, tag_id: str) -> QPushButton:
        return self._buttons[tag_id]
