"""UI: the Outline (View › Outline, Ctrl+Shift+I) and the mini-map beside the text.

- The **Outline** is a dock listing the open document's annotations grouped by tag, the tags
  nested as in the codebook, each annotation with its quote's first words, its note and its
  coder, in text order within its tag. Typing in its field keeps the rows with every word typed
  (in the tag's path, the quote, the note or the coder). A click or Enter on a row shows the
  annotation as clicking its row in the annotation list does. Only the annotations the window
  shows are listed (View › Coders, blind coding). Hidden, it is not kept up to date: it is
  built again when shown; shown, one annotation added, changed or deleted moves only its row.
- The **mini-map** is a thin strip beside the text's scroll bar with one tick per annotation in
  its tag's colour, at its start as a fraction of the text's code points (not of its laid-out
  height: the pane lays out lazily, and code points are what the annotations store, so the ticks
  never wait for a layout and stay put when the window is resized). A click or drag scrolls the
  text there. The ticks are painted once into an image, again only when annotations or tags
  change (a new annotation only adds its tick) or the strip's height does. It is for the mouse;
  the Outline is its keyboard path.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core import codebook, colours
from annotator.core.model import Annotation, Tag
from annotator.services.changes import Changes
from annotator.ui.qt_annotation_jump import first_words, matches
from annotator.ui.qt_coders import QtCoderView
from annotator.ui.qt_i18n import format_count
from annotator.ui.qt_session import QtLibrarySession
from annotator.ui.qt_tag_tree import swatch
from annotator.ui.qt_text_pane import QtTextPane, rgb

# Changes touching more annotations than this build the Outline again rather than move rows.
REBUILD_ABOVE = 200
# Where a row keeps its annotation id (tag rows: none) and its sort key.
ID_ROLE = Qt.ItemDataRole.UserRole
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
NAME_ROLE = Qt.ItemDataRole.UserRole + 3


def text_order(annotation: Annotation) -> tuple[int, int, str]:
    return annotation.start, annotation.end, annotation.id


class QtOutline(QWidget):
    """UI: the Outline panel (see the module's docstring). *jump* shows an annotation by id."""

    def __init__(
        self, session: QtLibrarySession, coder_view: QtCoderView, jump: Callable[[str], None], parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Outline"))
        self._session = session
        self._coder_view = coder_view
        self._jump = jump
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter by tag, words, note or coder"))
        self.filter_edit.setAccessibleName(self.tr("Filter the outline"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Annotations by tag"))
        self.tree.setHeaderLabels([self.tr("Tag or quote"), self.tr("Note"), self.tr("Coder")])
        self.tree.setUniformRowHeights(True)
        self.tree.setColumnWidth(0, 240)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        self._items: dict[str, QTreeWidgetItem] = {}  # annotation id -> its row
        self._tag_items: dict[str, QTreeWidgetItem] = {}
        self._folded: dict[str, str] = {}  # annotation id -> what typing is matched against
        self._paths: dict[str, str] = {}
        self._stale = True  # built again when next shown
        self.filter_edit.textChanged.connect(lambda _text: self._apply_filter())
        self.filter_edit.returnPressed.connect(self._on_filter_return_pressed)
        self.tree.itemClicked.connect(self._on_item_activated)
        self.tree.itemActivated.connect(self._on_item_activated)
        session.documentOpened.connect(lambda _document: self.refresh())
        session.tagsChanged.connect(self.refresh)
        session.annotationsChanged.connect(self._on_annotations_changed)

    # -- building -------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Build the rows again now if the panel is seen, else when it is next shown (the window
        calls it when whose annotations are shown changes)."""
        self._stale = True
        if self.isVisible():
            self.rebuild()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._stale:
            self.rebuild()
        super().showEvent(event)

    def rebuild(self) -> None:
        self._stale = False
        self.tree.clear()
        self._items, self._tag_items, self._folded = {}, {}, {}
        tags = self._session.tags
        self._paths = {tag_id: " / ".join(path) for tag_id, path in codebook.paths(tags).items()}
        shows = self._coder_view.view().shows
        by_tag: dict[str, list[Annotation]] = defaultdict(list)
        for annotation in self._session.annotations.values():
            if shows(annotation.coder):
                by_tag[annotation.tag_id].append(annotation)
        totals = codebook.rolled_up(tags, {tag_id: len(group) for tag_id, group in by_tag.items()})
        self.tree.setUpdatesEnabled(False)
        try:
            for tag, _depth in codebook.walk(tags):
                if not totals.get(tag.id):
                    continue
                parent = self._tag_items.get(tag.parent_id or "")
                item = self._tag_item(tag)
                if parent is None:
                    self.tree.addTopLevelItem(item)
                else:
                    parent.addChild(item)
                self._tag_items[tag.id] = item
                group = sorted(by_tag.get(tag.id, []), key=text_order)
                # The tag's own annotations come before its child tags (added after it by the walk).
                item.addChildren([self._annotation_item(a) for a in group])
                self._count(item, totals[tag.id])
            self.tree.expandAll()
            self._apply_filter()
        finally:
            self.tree.setUpdatesEnabled(True)

    def _tag_item(self, tag: Tag) -> QTreeWidgetItem:
        item = QTreeWidgetItem()
        item.setIcon(0, swatch(tag.color))
        item.setToolTip(0, self._paths.get(tag.id, tag.name))
        item.setData(0, ID_ROLE, None)
        item.setData(0, NAME_ROLE, tag.name)
        return item

    def _count(self, item: QTreeWidgetItem, count: int) -> None:
        """Show a tag row's count of annotations (its own and its child tags')."""
        item.setData(0, COUNT_ROLE, count)
        name = item.data(0, NAME_ROLE)
        item.setText(0, self.tr("{tag} ({count})").format(tag=name, count=format_count(count)))

    def _annotation_item(self, annotation: Annotation) -> QTreeWidgetItem:
        quote = f"“{first_words(annotation.quote)}”"
        item = QTreeWidgetItem([quote, first_words(annotation.note), annotation.coder])
        item.setData(0, ID_ROLE, annotation.id)
        item.setData(0, KEY_ROLE, text_order(annotation))
        item.setToolTip(0, annotation.quote[:500])
        if annotation.note:
            item.setToolTip(1, annotation.note[:500])
        self._items[annotation.id] = item
        path = self._paths.get(annotation.tag_id, "")
        self._folded[annotation.id] = f"{path}\n{annotation.quote}\n{annotation.note}\n{annotation.coder}".casefold()
        return item

    # -- keeping up -----------------------------------------------------------------------------

    def _on_annotations_changed(self, changes: Changes) -> None:
        """Move only the rows of the annotations changed, when that is simple; else build again."""
        if self._stale or not self.isVisible():
            self._stale = True
            return
        removed = [a.id for a in (*changes.annotations_deleted, *changes.annotations_updated)]
        current = self._session.document.id if self._session.document is not None else None
        shows = self._coder_view.view().shows
        put = [
            a
            for a in (*changes.annotations_created, *changes.annotations_updated)
            if a.document_id == current and a.id in self._session.annotations and shows(a.coder)
        ]
        if len(removed) + len(put) > REBUILD_ABOVE or any(a.tag_id not in self._tag_items for a in put):
            self.rebuild()
            return
        for annotation_id in removed:
            item = self._items.pop(annotation_id, None)
            self._folded.pop(annotation_id, None)
            if item is not None and item.parent() is not None:
                parent = item.parent()
                parent.removeChild(item)
                self._add_to_counts(parent, -1)
        if any(item.data(0, COUNT_ROLE) == 0 for item in self._tag_items.values()):
            self.rebuild()  # a tag left without annotations: its row goes
            return
        for annotation in put:
            parent = self._tag_items[annotation.tag_id]
            own = sum(1 for i in range(parent.childCount()) if parent.child(i).data(0, ID_ROLE) is not None)
            keys = [parent.child(i).data(0, KEY_ROLE) for i in range(own)]
            parent.insertChild(bisect.bisect(keys, text_order(annotation)), self._annotation_item(annotation))
            self._add_to_counts(parent, 1)
        if self.filter_edit.text():
            self._apply_filter()

    def _add_to_counts(self, item: QTreeWidgetItem | None, step: int) -> None:
        while item is not None:
            self._count(item, item.data(0, COUNT_ROLE) + step)
            item = item.parent()

    # -- filtering and jumping ------------------------------------------------------------------

    def _apply_filter(self) -> None:
        """Hide the annotation rows without every word typed, and the tag rows left with none shown."""
        query = self.filter_edit.text()

        def visit(item: QTreeWidgetItem) -> bool:
            annotation_id = item.data(0, ID_ROLE)
            if annotation_id is not None:
                shown = not query or matches(query, self._folded.get(annotation_id, ""))
            else:
                shown = False
                for i in range(item.childCount()):
                    shown = visit(item.child(i)) or shown
            item.setHidden(not shown)
            return shown

        for i in range(self.tree.topLevelItemCount()):
            visit(self.tree.topLevelItem(i))

    def visible_ids(self) -> list[str]:
        """The annotations listed and not filtered out, top to bottom."""
        found = []
        item = self.tree.topLevelItem(0)
        while item is not None:
            annotation_id = item.data(0, ID_ROLE)
            if annotation_id is not None and not item.isHidden():
                found.append(annotation_id)
            item = self.tree.itemBelow(item)
        return found

    def _on_filter_return_pressed(self) -> None:
        """Enter in the field: the first row listed, into the tree."""
        shown = self.visible_ids()
        if shown:
            item = self._items[shown[0]]
            self.tree.setCurrentItem(item)
            self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
            self._on_item_activated(item)

    def _on_item_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        annotation_id = item.data(0, ID_ROLE)
        if annotation_id is not None and annotation_id in self._session.annotations:
            self._jump(annotation_id)


class QtOutlineDock(QDockWidget):
    """UI: the Outline as a dock on the right; ``toggle_action`` (View › Outline, Ctrl+Shift+I)
    shows it with the keyboard in its field, or hides it when it has the keyboard already."""

    def __init__(
        self, window: QMainWindow, session: QtLibrarySession, coder_view: QtCoderView, jump: Callable[[str], None]
    ) -> None:
        super().__init__(self.tr("Outline"), window)
        self.setObjectName("outline")
        self.panel = QtOutline(session, coder_view, jump, self)
        self.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.hide()
        self.toggle_action = QAction(self.tr("Ou&tline"), self, shortcut=QKeySequence("Ctrl+Shift+I"), checkable=True)
        self.toggle_action.triggered.connect(self._on_toggle_action_triggered)
        self.visibilityChanged.connect(lambda _visible: self.toggle_action.setChecked(not self.isHidden()))
        window.addAction(self.toggle_action)

    def _on_toggle_action_triggered(self) -> None:
        focus = QApplication.focusWidget()
        if not self.isHidden() and focus is not None and self.isAncestorOf(focus):
            self.hide()
            return
        self.show()
        self.raise_()
        self.panel.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.toggle_action.setChecked(True)


class QtMinimap(QWidget):
    """UI: the strip of ticks beside the text (see the module's docstring)."""

    WIDTH = 10

    def __init__(self, session: QtLibrarySession, coder_view: QtCoderView, pane: QtTextPane, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Where the tags occur"))
        self.setAccessibleDescription(
            self.tr("A tick per annotation in its tag's colour; click to scroll there. The Outline lists them.")
        )
        self.setFixedWidth(self.WIDTH)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._session = session
        self._coder_view = coder_view
        self._pane = pane
        self._image: QImage | None = None
        self._length = 0  # the text's code points
        session.documentOpened.connect(lambda _document: self.refresh())
        session.tagsChanged.connect(self.refresh)
        session.annotationsChanged.connect(self._on_annotations_changed)

    def sizeHint(self) -> QSize:
        return QSize(self.WIDTH, 100)

    def refresh(self) -> None:
        """Paint the ticks again, at the next paint (the window calls it when whose annotations are
        shown changes)."""
        document = self._session.document
        self._length = len(document.text) if document is not None else 0
        self._image = None
        self.update()

    def _on_annotations_changed(self, changes: Changes) -> None:
        if changes.annotations_updated or changes.annotations_deleted or self._image is None:
            self.refresh()
            return
        current = self._session.document.id if self._session.document is not None else None
        self._paint_ticks(self._image, [a for a in changes.annotations_created if a.document_id == current])
        self.update()

    def tick_y(self, offset: int, height: int) -> int:
        """The row of the strip (of *height* rows) where code point *offset* is."""
        return min(height - 1, offset * height // self._length) if self._length else 0

    def offset_at(self, y: int) -> int:
        """The code point at row *y* of the strip (the inverse of :meth:`tick_y`)."""
        return max(0, min(self._length, y * self._length // max(1, self.height())))

    def tick_color(self, tag: Tag) -> QColor:
        """A tag's colour made to stand out on the strip (≥ 3:1, as the pane's lines)."""
        base = rgb(self.palette().color(QPalette.ColorRole.AlternateBase))
        return QColor(*colours.visible_on(colours.parse(tag.color), base))

    def _build(self) -> QImage:
        ratio = self.devicePixelRatioF()
        image = QImage(self.size() * ratio, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(self.palette().color(QPalette.ColorRole.AlternateBase))
        self._paint_ticks(image, list(self._session.annotations.values()))
        return image

    def _paint_ticks(self, image: QImage, annotations: list[Annotation]) -> None:
        if not self._length:
            return
        shows = self._coder_view.view().shows
        tags = {t.id: t for t in self._session.tags}
        height = self.height()
        # One colour per row of the strip (the annotation last in the list wins a row): a few
        # hundred rectangles painted, not one per annotation.
        rows: dict[int, str] = {}
        for annotation in annotations:
            if annotation.tag_id in tags and shows(annotation.coder):
                y = self.tick_y(annotation.start, height)
                rows[y] = rows[y + 1] = annotation.tag_id
        pens = {tag_id: self.tick_color(tags[tag_id]) for tag_id in set(rows.values())}
        painter = QPainter(image)
        try:
            for y, tag_id in rows.items():
                painter.fillRect(0, y, self.WIDTH, 1, pens[tag_id])
        finally:
            painter.end()

    def paintEvent(self, _event) -> None:  # type: ignore[no-untyped-def]
        if self._image is None or self._image.deviceIndependentSize().toSize() != self.size():
            self._image = self._build()
        painter = QPainter(self)
        painter.drawImage(QPoint(0, 0), self._image)
        painter.end()

    def changeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.type() == event.Type.PaletteChange:  # a theme: the background and the ticks' contrast
            self._image = None
        super().changeEvent(event)

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._pane.scroll_to_offset(self.offset_at(int(event.position().y())))

    def mouseMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._pane.scroll_to_offset(self.offset_at(int(event.position().y())))
