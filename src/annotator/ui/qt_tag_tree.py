"""UI: the tag panel: the codebook as a tree, with a filter box, counts that roll up, and keys.

Each row is a tag: its colour, its name, how many annotations of the open
document carry it (``own`` for a tag without children, ``own / with children``
for one with), and its key (1–9). Activating a row (Enter, or a double click)
tags the selected text with it, as the key does. The filter box narrows the
tree to tags whose name contains what is typed, keeping their ancestors
(Qt's recursive filtering, done in C++: one keystroke stays cheap with
thousands of tags). Dragging rows onto another row moves them under it;
dropping between rows places them there. The model never moves rows itself:
a drop or an in-place rename is handed on (``moveRequested``, ``renameRequested``)
to become an undoable edit, and the tree shows the result when the library
says what changed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from PySide6.QtCore import (
    QByteArray,
    QItemSelectionModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QLineEdit, QTreeView, QVBoxLayout, QWidget

from annotator.core.model import Tag

_Index = QModelIndex | QPersistentModelIndex

#: The drag payload: tag ids, one per line.
TAG_IDS_MIME = "application/x-annotator-tag-ids"


def swatch(color: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def children_of(tags: Iterable[Tag]) -> dict[str | None, list[Tag]]:
    """Tags by parent id (None: top level), siblings in their order."""
    by_id = {t.id: t for t in tags}
    children: dict[str | None, list[Tag]] = defaultdict(list)
    for tag in by_id.values():
        parent = tag.parent_id if tag.parent_id in by_id else None  # a missing parent: shown at the top
        children[parent].append(tag)
    for siblings in children.values():
        siblings.sort(key=lambda t: (t.sort_order, t.name.casefold()))
    return children


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


class QtTagTreeModel(QStandardItemModel):
    """UI: the codebook as rows (name, count, key); drops and renames are requests, not edits."""

    IdRole = Qt.ItemDataRole.UserRole + 1
    NAME, COUNT, KEY = 0, 1, 2

    #: tag ids, the new parent's id (None: top level), the row among the new siblings (-1: last).
    moveRequested = Signal(list, object, int)
    renameRequested = Signal(str, str)  # tag id, new name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(["Tag", "Here", "Key"])
        self._rows: dict[str, tuple[QStandardItem, QStandardItem]] = {}  # tag id -> name, count items
        self._tags: dict[str, Tag] = {}
        self._children: dict[str | None, list[Tag]] = {}
        self._counts: dict[str, int] = {}

    # -- content -----------------------------------------------------------------------------

    def set_tags(self, tags: list[Tag]) -> None:
        self.removeRows(0, self.rowCount())
        self._tags = {t.id: t for t in tags}
        self._children = children_of(tags)
        self._rows = {}
        paths = tag_paths(tags)
        root = self.invisibleRootItem()
        stack: list[tuple[QStandardItem, str | None]] = [(root, None)]
        while stack:
            parent_item, parent_id = stack.pop()
            for tag in self._children.get(parent_id, ()):
                name = QStandardItem(swatch(tag.color), tag.name)
                name.setData(tag.id, self.IdRole)
                tip = paths[tag.id] + (f"\n{tag.description}" if tag.description else "")
                name.setToolTip(tip + (f"\nKey: {tag.shortcut}" if tag.shortcut else ""))
                count = QStandardItem("0")
                count.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                key = QStandardItem(tag.shortcut)
                for item in (count, key):
                    item.setData(tag.id, self.IdRole)
                    item.setEditable(False)
                    item.setDropEnabled(True)
                parent_item.appendRow([name, count, key])
                self._rows[tag.id] = (name, count)
                stack.append((name, tag.id))
        self.set_counts(self._counts)

    def set_counts(self, counts: dict[str, int]) -> None:
        """Annotations per tag id in the open document; a parent also shows its whole subtree's."""
        self._counts = dict(counts)
        totals: dict[str, int] = {}

        def total(tag_id: str) -> int:
            result = self._counts.get(tag_id, 0) + sum(total(c.id) for c in self._children.get(tag_id, ()))
            totals[tag_id] = result
            return result

        for top in self._children.get(None, ()):
            total(top.id)
        for tag_id, (name, count) in self._rows.items():
            own, whole = self._counts.get(tag_id, 0), totals.get(tag_id, 0)
            text = f"{own} / {whole}" if self._children.get(tag_id) else str(own)
            if count.text() != text:
                count.setText(text)
                count.setToolTip(f"{own} here with this tag, {whole} with its children" if text != str(own) else "")
            tag = self._tags[tag_id]
            key = f", key {tag.shortcut}" if tag.shortcut else ""
            name.setData(f"{tag.name}, {own} here{key}", Qt.ItemDataRole.AccessibleTextRole)

    def tag(self, tag_id: str) -> Tag | None:
        return self._tags.get(tag_id)

    def tag_id(self, index: _Index) -> str | None:
        value = index.data(self.IdRole) if index.isValid() else None
        return value if isinstance(value, str) else None

    def index_of(self, tag_id: str) -> QModelIndex:
        row = self._rows.get(tag_id)
        return row[0].index() if row is not None else QModelIndex()

    def count_text(self, tag_id: str) -> str:
        row = self._rows.get(tag_id)
        return row[1].text() if row is not None else ""

    # -- editing in place and drag and drop -------------------------------------------------------

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or index.column() != self.NAME:
            return super().setData(index, value, role)
        tag_id, name = self.tag_id(index), str(value).strip()
        tag = self._tags.get(tag_id or "")
        if tag is not None and name and name != tag.name:
            # After the editor has closed: the rename rebuilds the rows the view is editing.
            QTimer.singleShot(0, self, lambda: self.renameRequested.emit(tag.id, name))
        return False  # the row changes when the library says the tag did

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags | Qt.ItemFlag.ItemIsDropEnabled  # the top level
        return flags | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [TAG_IDS_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # type: ignore[override]
        ids = list(dict.fromkeys(i for i in map(self.tag_id, indexes) if i))
        data = QMimeData()
        data.setData(TAG_IDS_MIME, QByteArray("\n".join(ids).encode()))
        return data

    def dropped_ids(self, data: QMimeData) -> list[str]:
        if not data.hasFormat(TAG_IDS_MIME):
            return []
        text = bytes(data.data(TAG_IDS_MIME).data()).decode()
        return [i for i in text.split("\n") if i in self._tags]

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        ids = self.dropped_ids(data)
        return bool(ids) and not any(self._within(self.tag_id(parent), i) for i in ids)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: _Index) -> bool:
        """A drop onto a row moves the tags under it; between rows, to that place among those siblings."""
        if action == Qt.DropAction.IgnoreAction or not self.canDropMimeData(data, action, row, column, parent):
            return False
        ids, parent_id = self.dropped_ids(data), self.tag_id(parent)
        # After the drop has ended: the move rebuilds the rows the view is dropping onto.
        QTimer.singleShot(0, self, lambda: self.moveRequested.emit(ids, parent_id, row))
        return False  # nothing is moved here (and the view then removes no dragged rows)

    def _within(self, tag_id: str | None, ancestor_id: str) -> bool:
        """True if *tag_id* is *ancestor_id* or one of its descendants (no tag moves under itself)."""
        seen: set[str] = set()
        while tag_id is not None and tag_id not in seen:
            if tag_id == ancestor_id:
                return True
            seen.add(tag_id)
            tag = self._tags.get(tag_id)
            tag_id = tag.parent_id if tag is not None else None
        return False


class QtTagTree(QWidget):
    """UI: the codebook panel. ``tagActivated(tag_id)``: the user chose a tag to tag the selection with.

    Keys 1–9 are window actions (see the main window), so they work wherever
    the focus is except in a text field, where the key types.
    """

    tagActivated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        title = QLabel("<b>Tags</b>")
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter tags")
        self.filter_edit.setAccessibleName("Filter tags")
        self.filter_edit.setClearButtonEnabled(True)
        self.tags_model = QtTagTreeModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.tags_model)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(QtTagTreeModel.NAME)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setAccessibleName("Tags")
        self.tree.setUniformRowHeights(True)  # no measuring of every row on each filter keystroke
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)  # F2
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.tree.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.tree.setDragEnabled(True)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QtTagTreeModel.NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((QtTagTreeModel.COUNT, 64), (QtTagTreeModel.KEY, 36)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            self.tree.setColumnWidth(column, width)
        self.hint = QLabel("Select text, then press a tag's key, or Enter on a tag here. Ctrl+K finds any tag.")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: palette(mid);")  # a palette role: follows light and dark themes
        layout.addWidget(title)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.hint)
        self._collapsed: set[str] = set()  # tags the user collapsed (the rest stay open)
        self._restoring = False
        self.tree.activated.connect(self._on_tree_activated)
        self.tree.collapsed.connect(lambda index: self._on_tree_toggled(index, collapsed=True))
        self.tree.expanded.connect(lambda index: self._on_tree_toggled(index, collapsed=False))
        self.filter_edit.textChanged.connect(self.set_filter)

    # -- content -----------------------------------------------------------------------------

    def set_tags(self, tags: list[Tag]) -> None:
        """Show these tags (replacing those shown), keeping which are open and which are selected."""
        selected, current = self.selected_ids(), self.current_id()
        self.tags_model.set_tags(tags)
        self._open_rows()
        self.select(selected, current=current)

    def set_counts(self, counts: dict[str, int]) -> None:
        self.tags_model.set_counts(counts)

    def set_filter(self, text: str) -> None:
        """Show only tags whose name contains *text* (any case), with their ancestors; "" shows all."""
        if self.filter_edit.text() != text:
            self.filter_edit.setText(text)  # comes back here through textChanged
            return
        self.proxy.setFilterFixedString(text)
        self._open_rows()

    def _open_rows(self) -> None:
        """Open every row while filtering (matches must show); otherwise all but those the user closed."""
        self._restoring = True
        try:
            self.tree.expandAll()
            if not self.filter_edit.text():
                for tag_id in self._collapsed:
                    self.tree.collapse(self.proxy_index(tag_id))
        finally:
            self._restoring = False

    def _on_tree_toggled(self, index: QModelIndex, *, collapsed: bool) -> None:
        if self._restoring or self.filter_edit.text():
            return
        tag_id = self.tags_model.tag_id(self.proxy.mapToSource(index))
        if tag_id is not None:
            (self._collapsed.add if collapsed else self._collapsed.discard)(tag_id)

    # -- selection ---------------------------------------------------------------------------

    def proxy_index(self, tag_id: str, column: int = QtTagTreeModel.NAME) -> QModelIndex:
        index = self.proxy.mapFromSource(self.tags_model.index_of(tag_id))
        return index.siblingAtColumn(column) if index.isValid() else index

    def visible_ids(self) -> list[str]:
        """The tags the filter lets through, in tree order."""
        out: list[str] = []

        def walk(parent: QModelIndex) -> None:
            for row in range(self.proxy.rowCount(parent)):
                index = self.proxy.index(row, 0, parent)
                tag_id = self.tags_model.tag_id(self.proxy.mapToSource(index))
                if tag_id:
                    out.append(tag_id)
                walk(index)

        walk(QModelIndex())
        return out

    def current_id(self) -> str | None:
        return self.tags_model.tag_id(self.proxy.mapToSource(self.tree.currentIndex()))

    def selected_ids(self) -> list[str]:
        rows = self.tree.selectionModel().selectedRows(QtTagTreeModel.NAME)
        return [i for i in (self.tags_model.tag_id(self.proxy.mapToSource(r)) for r in rows) if i]

    def select(self, tag_ids: list[str], *, current: str | None = None) -> None:
        """Select these tags' rows (those shown), *current* (or the last) the current one."""
        model = self.tree.selectionModel()
        flags = QItemSelectionModel.SelectionFlag
        model.clearSelection()
        for tag_id in tag_ids:
            index = self.proxy_index(tag_id)
            if index.isValid():
                model.select(index, flags.Select | flags.Rows)
        focus = current if current is not None else (tag_ids[-1] if tag_ids else None)
        index = self.proxy_index(focus) if focus else QModelIndex()
        if index.isValid():
            model.setCurrentIndex(index, flags.NoUpdate)
            self.tree.scrollTo(index)

    def _on_tree_activated(self, index: QModelIndex) -> None:
        tag_id = self.tags_model.tag_id(self.proxy.mapToSource(index))
        if tag_id is not None:
            self.tagActivated.emit(tag_id)
