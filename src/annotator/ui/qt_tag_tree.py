"""UI: the tag panel: the codebook as a tree, with a filter box, counts that roll up, and keys.

Each row is a tag: its colour, its name, how many annotations of the open
document carry it (``own`` for a tag without children, ``own / with children``
for one with), and its key (1–9). Activating a row (Enter, Space, or a double click)
tags the selected text with it, as the key does. The filter box narrows the
tree to tags whose name contains what is typed, keeping their ancestors.

A keystroke must stay cheap with a thousand tags: the filter is a pass over
the names kept case-folded, and only rows whose visibility changes are shown or
hidden. The model is a plain QStandardItemModel: a Python subclass would make
Qt call into Python for every row it lays out (three times slower here).

Dragging rows onto another row moves them under it; dropping between rows
places them there. A drag carries the dragged tags' ids (:data:`TAG_IDS_MIME`,
one per line), so a drop is read from what it carries, never from what is
selected when it lands. The tree never moves rows itself: a drop or an in-place
rename (F2) is handed on (``moveRequested``, ``renameRequested``) to become an
undoable edit, and the tree shows the result when the library says what changed.
"""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QDrag, QDropEvent, QIcon, QKeyEvent, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from annotator.core import codebook as cb
from annotator.core.model import Tag

#: What a drag of tags carries: their ids, one per line (UTF-8).
TAG_IDS_MIME = "application/x-annotator-tag-ids"


@functools.cache
def swatch(color: str, size: int = 14) -> QIcon:
    """A square of *color*, made once per colour and size: pickers list thousands of rows."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def children_of(tags: Iterable[Tag]) -> dict[str | None, list[Tag]]:
    """Tags by parent id (None: top level; a missing parent counts as none), siblings in their order."""
    return defaultdict(list, cb.children(tags))


def tag_paths(tags: Iterable[Tag]) -> dict[str, str]:
    """Each tag's path from the top, ``Parent / Child``, for pickers and tooltips."""
    by_id = {t.id: t for t in tags}
    paths: dict[str, str] = {}

    def path(tag: Tag, seen: frozenset[str] = frozenset()) -> str:
        if tag.id in paths:
            return paths[tag.id]
        parent = by_id.get(tag.parent_id) if tag.parent_id and tag.parent_id not in seen else None
        result = f"{path(parent, seen | {tag.id})} / {tag.name}" if parent is not None else tag.name
        paths[tag.id] = result
        return result

    for tag in by_id.values():
        path(tag)
    return paths


def dragged_tag_ids(mime: QMimeData) -> list[str]:
    """The tag ids a drag carries (none if it carries no tags)."""
    if not mime.hasFormat(TAG_IDS_MIME):
        return []
    return [i for i in bytes(mime.data(TAG_IDS_MIME).data()).decode("utf-8", "replace").split("\n") if i]


class _TagTreeView(QTreeView):
    """The tree view; a drag of its rows carries the selected tags' ids, and Space on a row tags the
    selection with it as Enter does (only these methods are Python's)."""

    def __init__(self, owner: QtTagTree) -> None:
        super().__init__(owner)
        self._owner = owner

    def startDrag(self, supportedActions: Qt.DropAction) -> None:  # noqa: N803 (Qt's names)
        mime = self._owner.drag_data()
        if mime is None:
            return
        drag = QDrag(self)
        drag.setMimeData(mime)
        current = self.currentIndex()
        if current.isValid():  # the row under the pointer, as Qt's own drag shows it
            drag.setPixmap(self.viewport().grab(self.visualRect(current)))
        drag.exec(Qt.DropAction.MoveAction)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        current = self.currentIndex()
        if (
            event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and current.isValid()
        ):
            self.activated.emit(current)
            return
        super().keyPressEvent(event)


class QtTagTree(QWidget):
    """UI: the codebook panel. ``tagActivated(tag_id)``: the user chose a tag to tag the selection with.

    Keys 1–9 are window actions (see the main window), so they work wherever
    the focus is except in a text field, where the key types.
    """

    IdRole = Qt.ItemDataRole.UserRole + 1
    NAME, COUNT, ALL, KEY = 0, 1, 2, 3

    tagActivated = Signal(str)
    tagClicked = Signal(str)  # a single click on a row (tags the selected text, as the old buttons did)
    #: tag ids, the new parent's id (None: top level), the row among the new siblings (-1: last).
    moveRequested = Signal(list, object, int)
    renameRequested = Signal(str, str)  # tag id, new name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel("<b>{}</b>".format(self.tr("Tags")))
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter tags"))
        self.filter_edit.setAccessibleName(self.tr("Filter tags"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tags_model = QStandardItemModel(self)
        self.tags_model.setHorizontalHeaderLabels([self.tr("Tag"), self.tr("Here"), self.tr("All"), self.tr("Key")])
        self.tree = _TagTreeView(self)
        self.tree.setModel(self.tags_model)
        self.tree.setAccessibleName(self.tr("Tags"))
        self.tree.setAccessibleDescription(
            self.tr("The codebook: Enter or Space tags the selected text with the current tag")
        )
        self.tree.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDropIndicatorShown(True)
        self.tree.viewport().installEventFilter(self)  # drops become requests (see eventFilter)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(self.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((self.COUNT, 56), (self.ALL, 56), (self.KEY, 36)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.tree.setColumnWidth(column, width)
        self.hint = QLabel(
            self.tr("Select text, then click a tag, press its key, or Enter on it here. Ctrl+K finds any tag.")
        )
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")  # a palette role: follows light and dark themes
        layout.addWidget(title)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        #: tag id -> its name, count here and count in the library items
        self._rows: dict[str, tuple[QStandardItem, QStandardItem, QStandardItem]] = {}
        self._tags: dict[str, Tag] = {}
        self._children: dict[str | None, list[Tag]] = {}
        self._counts: dict[str, int] = {}
        self._library_counts: dict[str, int] = {}
        self._folded: list[tuple[str, str]] = []  # (case-folded name, id): what the filter scans
        self._hidden: set[str] = set()  # rows the filter hides
        self._collapsed: set[str] = set()  # tags the user collapsed (the rest stay open)
        self._updating = False  # set while code (not the user) changes items or folds rows
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.clicked.connect(self._on_tree_clicked)
        self.tree.collapsed.connect(lambda index: self._on_tree_toggled(index, collapsed=True))
        self.tree.expanded.connect(lambda index: self._on_tree_toggled(index, collapsed=False))
        self.tags_model.itemChanged.connect(self._on_model_item_changed)
        self.filter_edit.textChanged.connect(self.set_filter)

    # -- content -----------------------------------------------------------------------------

    def set_tags(self, tags: list[Tag]) -> None:
        """Show these tags (replacing those shown), keeping which are open, which selected, and the filter."""
        selected, current = self.selected_ids(), self.current_id()
        self._updating = True
        try:
            self.tags_model.removeRows(0, self.tags_model.rowCount())
            self._tags = {t.id: t for t in tags}
            self._children = children_of(tags)
            self._rows = {}
            self._hidden = set()
            self._collapsed &= self._tags.keys()
            paths = tag_paths(tags)
            stack: list[tuple[QStandardItem, str | None]] = [(self.tags_model.invisibleRootItem(), None)]
            while stack:
                parent_item, parent_id = stack.pop()
                for tag in self._children.get(parent_id, ()):
                    name = QStandardItem(swatch(tag.color), tag.name)
                    name.setData(tag.id, self.IdRole)
                    tip = paths[tag.id] + (f"\n{tag.description}" if tag.description else "")
                    key_tip = "\n" + self.tr("Key: {key}").format(key=tag.shortcut) if tag.shortcut else ""
                    name.setToolTip(tip + key_tip)
                    count, everywhere = QStandardItem("0"), QStandardItem("0")
                    for item in (count, everywhere):
                        item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                    key = QStandardItem(tag.shortcut)
                    for item in (count, everywhere, key):
                        item.setData(tag.id, self.IdRole)
                        item.setEditable(False)
                    parent_item.appendRow([name, count, everywhere, key])
                    self._rows[tag.id] = (name, count, everywhere)
                    stack.append((name, tag.id))
            self._folded = [(t.name.casefold(), t.id) for t in tags]
            self.tree.expandAll()
            for tag_id in self._collapsed:
                self.tree.collapse(self.index_of(tag_id))
        finally:
            self._updating = False
        self._show_counts()
        self._apply_filter(self.filter_edit.text())
        self.select(selected, current=current)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Annotations per tag id in the open document; a parent also shows its whole subtree's."""
        self._counts = dict(counts)
        self._show_counts()

    def set_library_counts(self, counts: dict[str, int]) -> None:
        """Annotations per tag id in the whole library (the "All" column), rolled up as the open document's."""
        self._library_counts = dict(counts)
        self._show_counts()

    def _show_counts(self) -> None:
        """Both count columns ("own" or "own / with children"), their tooltips and each row's spoken name."""
        tags = self._tags.values()
        here, everywhere = cb.rolled_up(tags, self._counts), cb.rolled_up(tags, self._library_counts)
        tips = (  # (own only, own and with children) for each count column
            (self.tr("{own} here"), self.tr("{own} here with this tag, {whole} with its children")),
            (self.tr("{own} in the library"), self.tr("{own} in the library with this tag, {whole} with its children")),
        )
        self._updating = True
        try:
            for tag_id, (name, *cells) in self._rows.items():
                texts = []
                for cell, counts, totals, (own_tip, whole_tip) in zip(
                    cells, (self._counts, self._library_counts), (here, everywhere), tips, strict=True
                ):
                    own, whole = counts.get(tag_id, 0), totals.get(tag_id, 0)
                    text = f"{own} / {whole}" if self._children.get(tag_id) else str(own)
                    texts.append(text)
                    if cell.text() != text:
                        cell.setText(text)
                        cell.setToolTip((whole_tip if "/" in text else own_tip).format(own=own, whole=whole))
                tag = self._tags[tag_id]
                accessible = (
                    self.tr("{tag}, {here} here, {library} in the library, key {key}") if tag.shortcut
                    else self.tr("{tag}, {here} here, {library} in the library")
                ).format(tag=tag.name, here=texts[0], library=texts[1], key=tag.shortcut)  # fmt: skip
                if name.data(Qt.ItemDataRole.AccessibleTextRole) != accessible:
                    name.setData(accessible, Qt.ItemDataRole.AccessibleTextRole)
        finally:
            self._updating = False

    def tag(self, tag_id: str) -> Tag | None:
        return self._tags.get(tag_id)

    def tag_id(self, index: QModelIndex | QPersistentModelIndex) -> str | None:
        value = index.data(self.IdRole) if index.isValid() else None
        return value if isinstance(value, str) else None

    def index_of(self, tag_id: str, column: int = 0) -> QModelIndex:
        row = self._rows.get(tag_id)
        index = row[0].index() if row is not None else QModelIndex()
        return index.siblingAtColumn(column) if index.isValid() and column else index

    def count_text(self, tag_id: str) -> str:
        row = self._rows.get(tag_id)
        return row[1].text() if row is not None else ""

    # -- the filter --------------------------------------------------------------------------

    def set_filter(self, text: str) -> None:
        """Show only tags whose name contains *text* (any case), with their ancestors; "" shows all."""
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # comes back here through textChanged
            return
        self._apply_filter(text)

    def _apply_filter(self, text: str) -> None:
        needle = text.casefold().strip()
        hide: set[str] = set()
        opened: set[str] = set()  # ancestors of matches: shown, and open while filtering
        if needle:
            shown: set[str] = set()
            tags = self._tags
            for name, tag_id in self._folded:
                if needle in name and tag_id not in shown:
                    shown.add(tag_id)
                    parent = tags[tag_id].parent_id
                    while parent is not None and parent in tags and parent not in opened:
                        opened.add(parent)
                        shown.add(parent)
                        parent = tags[parent].parent_id
            hide = self._tags.keys() - shown
        self._updating = True
        try:
            for tag_id in hide ^ self._hidden:  # only the rows that change
                index = self.index_of(tag_id)
                self.tree.setRowHidden(index.row(), index.parent(), tag_id in hide)
            # Matches inside rows the user closed show while filtering; closed again after.
            for tag_id in self._collapsed:
                index = self.index_of(tag_id)
                self.tree.setExpanded(index, tag_id in opened)
        finally:
            self._updating = False
        self._hidden = hide

    def visible_ids(self) -> list[str]:
        """The tags the filter lets through, in tree order."""
        out: list[str] = []

        def walk(parent_id: str | None) -> None:
            for tag in self._children.get(parent_id, ()):
                if tag.id not in self._hidden:
                    out.append(tag.id)
                    walk(tag.id)

        walk(None)
        return out

    def _on_tree_toggled(self, index: QModelIndex, *, collapsed: bool) -> None:
        tag_id = self.tag_id(index)
        if self._updating or tag_id is None or self.filter_edit.text().strip():
            return
        (self._collapsed.add if collapsed else self._collapsed.discard)(tag_id)

    # -- selection ---------------------------------------------------------------------------

    def current_id(self) -> str | None:
        return self.tag_id(self.tree.currentIndex())

    def selected_ids(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows(self.NAME)
        return [i for i in map(self.tag_id, rows) if i]

    def select(self, tag_ids: list[str], *, current: str | None = None) -> None:
        """Select these tags' rows, *current* (or the last) the current one."""
        model = self.tree.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        model.clearSelection()
        for tag_id in tag_ids:
            index = self.index_of(tag_id)
            if index.isValid():
                model.select(index, flags.Select | flags.Rows)
        focus = current if current is not None else (tag_ids[-1] if tag_ids else None)
        index = self.index_of(focus) if focus else QModelIndex()
        if index.isValid():
            model.setCurrentIndex(index, flags.NoUpdate)
            self.tree.scrollTo(index)

    def _on_tree_clicked(self, index: QModelIndex) -> None:
        tag_id = self.tag_id(index)
        if tag_id is not None:
            self.tagClicked.emit(tag_id)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        tag_id = self.tag_id(index)
        if tag_id is not None:
            self.tagActivated.emit(tag_id)

    # -- renaming in place, and drag and drop -----------------------------------------------------

    def _on_model_item_changed(self, item: QStandardItem) -> None:
        if self._updating or item.column() != self.NAME:
            return
        tag = self._tags.get(self.tag_id(item.index()) or "")
        if tag is None or item.text() == tag.name:
            return
        name = item.text().strip()
        self._updating = True
        try:
            item.setText(tag.name)  # the row shows the new name once the library has it
        finally:
            self._updating = False
        if name:
            # After the editor has closed: the rename rebuilds the rows the view is editing.
            QTimer.singleShot(0, self, lambda: self.renameRequested.emit(tag.id, name))

    def drop_target(self, point: QPoint) -> tuple[str | None, int]:
        """Where a drop at *point* (viewport coordinates) puts tags: (new parent id, row among its children).

        On the middle of a row: under that tag, last. Near a row's top or bottom
        edge: before or after it, among its siblings. Below every row: last at the top level.
        """
        index = self.tree.indexAt(point)
        tag_id = self.tag_id(index)
        if tag_id is None:
            return None, -1
        rect = self.tree.visualRect(index)
        margin = max(2, rect.height() // 4)
        tag = self._tags[tag_id]
        parent = tag.parent_id if tag.parent_id in self._tags else None
        siblings = [t.id for t in self._children.get(parent, ())]
        if point.y() < rect.top() + margin:
            return parent, siblings.index(tag_id)
        if point.y() > rect.bottom() - margin:
            return parent, siblings.index(tag_id) + 1
        return tag_id, -1

    def within(self, tag_id: str | None, ancestor_id: str) -> bool:
        """True if *tag_id* is *ancestor_id* or one of its descendants (no tag moves under itself)."""
        seen: set[str] = set()
        while tag_id is not None and tag_id not in seen:
            if tag_id == ancestor_id:
                return True
            seen.add(tag_id)
            tag = self._tags.get(tag_id)
            tag_id = tag.parent_id if tag is not None else None
        return False

    def drag_data(self) -> QMimeData | None:
        """What a drag of the selected rows carries: their tag ids, and the rows as Qt's views read them.

        (The view shows where a drop would go only for data its model could take.)
        """
        ids = self.selected_ids()
        if not ids:
            return None
        mime = self.tags_model.mimeData([self.index_of(i) for i in ids])
        mime.setData(TAG_IDS_MIME, "\n".join(ids).encode())
        return mime

    def drop(self, tag_ids: list[str], point: QPoint) -> bool:
        """Tags dropped at *point* (viewport coordinates): ask to move them there. False if they cannot go there.

        The request is made once the drop has ended: the move rebuilds the rows the view is dropping onto.
        """
        parent_id, row = self.drop_target(point)
        if not tag_ids or any(i not in self._tags or self.within(parent_id, i) for i in tag_ids):
            return False  # tags of another library, or a tag under itself
        QTimer.singleShot(0, self, lambda: self.moveRequested.emit(tag_ids, parent_id, row))
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and isinstance(event, QDropEvent):  # and its drag enter/move events
            ids = dragged_tag_ids(event.mimeData())
            if not ids:
                event.ignore()  # only tags are dropped here
                return True
            point = event.position().toPoint()
            if event.type() == QEvent.Type.Drop:
                moved = self.drop(ids, point)
                event.setDropAction(Qt.DropAction.MoveAction if moved else Qt.DropAction.IgnoreAction)
                event.accept()  # the move is an edit of the library: the view itself moves nothing
                self.tree.setState(QAbstractItemView.State.NoState)  # as the view's own drop ends a drag
                self.tree.viewport().update()  # no drop indicator left behind
                return True
            if event.type() in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
                # The view shows where the drop would go; whether it may go there is the tree's to say.
                if event.type() == QEvent.Type.DragEnter:
                    self.tree.dragEnterEvent(event)
                else:
                    self.tree.dragMoveEvent(event)
                parent_id, _row = self.drop_target(point)
                if all(i in self._tags and not self.within(parent_id, i) for i in ids):
                    event.setDropAction(Qt.DropAction.MoveAction)
                    event.accept()
                else:
                    event.ignore()
                return True
            return False
        return super().eventFilter(watched, event)
