"""UI: the quick-pick (Ctrl+K, or ``/`` in the text): type a few letters of any tag, Enter applies it.

A small popup with a line edit over a list of every tag's full path. Typing
filters the list: the letters typed must appear in the path in that order
(``evsrc`` finds ``evidence / source``); a match inside one name ranks first,
then letters closest together, then an earlier match. Up and Down choose, Enter picks, Escape closes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QFrame, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from annotator.core.model import Tag
from annotator.ui.qt_tag_tree import swatch

#: The most rows a picker lists: building a row costs, and nobody scrolls past a few hundred.
LIMIT = 200


def fuzzy_rank(query: str, text: str) -> tuple[int, int, int, int] | None:
    """How well *text* matches *query* (lower is better), or None if it does not.

    A plain substring beats letters spread out; among spread ones, the tighter the better (the
    fewest other characters in the shortest stretch of *text* that holds the letters in order:
    ``t3671`` is tighter in ``t3-5-671`` than in ``t36/t3-371``); then the earlier; then the shorter.
    """
    q, t = query.casefold(), text.casefold()
    if not q:
        return (0, 0, 0, len(t))
    at = t.find(q)
    if at >= 0:
        return (0, 0, at, len(t))
    best: tuple[int, int] | None = None  # (other characters in the stretch, where it starts)
    start = t.find(q[0])
    while start >= 0:
        position = start + 1
        for char in q[1:]:
            position = t.find(char, position)
            if position < 0:
                break
            position += 1
        if position < 0:
            break  # no later start can hold the letters either
        spread = (position - start - len(q), start)
        if best is None or spread < best:
            best = spread
        start = t.find(q[0], start + 1)
    if best is None:
        return None
    return (1, best[0], best[1], len(t))


class QtQuickPick(QFrame):
    """UI: the quick-pick popup. ``picked(tag_id)`` when the user presses Enter on a tag."""

    picked = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Quick pick a tag"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a tag, Enter to apply"))
        self.edit.setAccessibleName(self.tr("Tag to apply"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Matching tags"))
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the line edit
        layout.addWidget(self.edit)
        layout.addWidget(self.list)
        self.resize(360, 280)
        self._paths: list[tuple[str, Tag]] = []
        self.edit.textChanged.connect(self._on_edit_text_changed)
        self.edit.installEventFilter(self)
        self.list.itemActivated.connect(lambda item: self._pick(item))

    def open(self, tags: list[tuple[str, Tag]], anchor: QWidget, text: str = "") -> None:
        """Show the popup over *anchor* with these (path, tag) pairs, *text* already typed."""
        self._paths = tags
        self.pop_up(anchor, text)

    def pop_up(self, anchor: QWidget, text: str = "") -> None:
        """Show the popup over *anchor*, its list filtered by *text*, the keyboard in its field."""
        if self.edit.text() != text:
            self.edit.setText(text)  # textChanged filters
        else:
            self._on_edit_text_changed(text)
        center = anchor.mapToGlobal(anchor.rect().center())
        self.move(center.x() - self.width() // 2, center.y() - self.height() // 2)
        self.show()
        self.edit.setFocus()

    def _on_edit_text_changed(self, text: str) -> None:
        ranked = sorted(
            ((rank, path, tag) for path, tag in self._paths if (rank := fuzzy_rank(text.strip(), path)) is not None),
            key=lambda r: r[0],
        )
        self.list.clear()
        for _rank, path, tag in ranked[:LIMIT]:
            item = QListWidgetItem(swatch(tag.color), path + (f"   [{tag.shortcut}]" if tag.shortcut else ""))
            item.setData(Qt.ItemDataRole.UserRole, tag.id)
            self.list.addItem(item)
        self.list.setCurrentRow(0 if ranked else -1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.edit and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                step = -1 if key == Qt.Key.Key_Up else 1
                row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
                self.list.setCurrentRow(row)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._pick(self.list.currentItem())
                return True
            if key == Qt.Key.Key_Escape:
                self.close()
                return True
        return super().eventFilter(watched, event)

    def _pick(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        tag_id = item.data(Qt.ItemDataRole.UserRole)
        self.close()
        self.picked.emit(tag_id)
