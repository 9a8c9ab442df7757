"""UI: the annotation list: the open document's annotations in text order (tag, quote, note).

Rows select (several at once); the note column edits in place, handing the
edit to the session rather than writing it here. The context menu (right click,
the Menu key, Shift+F10) is the one the window builds for the selected rows,
shown without blocking the event loop.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from annotator.core.model import Tag
from annotator.ui.qt_models import QtAnnotationTableModel


class QtAnnotationList(QTableView):
    """UI: the annotation list; ``annotations_model`` holds its rows."""

    def __init__(self, parent: QWidget, *, on_note_edited: Callable[[str, str], None]) -> None:
        """*on_note_edited(annotation_id, note)* is called for a note edited in place."""
        super().__init__(parent)
        self.annotations_model = QtAnnotationTableModel(self)
        self.annotations_model.on_note_edited = on_note_edited
        self.setModel(self.annotations_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(22)
        header = self.horizontalHeader()
        # Fixed widths: ResizeToContents measures every row, ~60 ms for 10,000 annotations.
        header.setSectionResizeMode(QtAnnotationTableModel.TAG, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QtAnnotationTableModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QtAnnotationTableModel.NOTE, QHeaderView.ResizeMode.Interactive)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # also the Menu key
        self.setAccessibleName("Annotations")
        #: Builds the context menu of the selected rows (None: no menu).
        self.context_menu: Callable[[], QMenu | None] = lambda: None
        self.customContextMenuRequested.connect(self._on_context_menu_requested)

    def set_tags(self, tags: list[Tag]) -> None:
        """Name and colour rows by these tags; the tag column fits the longest name."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(t.name) for t in tags), default=60)
        self.setColumnWidth(QtAnnotationTableModel.TAG, widest + 40)
        self.annotations_model.set_tags(tags)

    def selected_ids(self) -> list[str]:
        """The ids of the selected rows' annotations, in text order."""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        return [self.annotations_model.annotation(r).id for r in rows]

    def select_row(self, annotation_id: str) -> bool:
        """Make an annotation's row the only one selected, and scroll to it; False if it has no row."""
        row = self.annotations_model.row_of(annotation_id)
        if row < 0:
            return False
        index = self.annotations_model.index(row, 0)
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.scrollTo(index)
        return True

    def select_rows(self, annotation_ids: list[str]) -> bool:
        """Make the rows of these annotations (those listed) the selected ones, the last current; False if none is."""
        rows = sorted(r for r in map(self.annotations_model.row_of, annotation_ids) if r >= 0)
        if not rows:
            return False
        model, flags = self.annotations_model, QItemSelectionModel.SelectionFlag
        selection = QItemSelection()
        for row in rows:
            selection.select(model.index(row, 0), model.index(row, model.columnCount() - 1))
        self.selectionModel().setCurrentIndex(model.index(rows[-1], 0), flags.NoUpdate)
        self.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        return True

    def _on_context_menu_requested(self, point: QPoint) -> None:
        """Right click, the Menu key or Shift+F10: the menu, not blocking the event loop."""
        menu = self.context_menu()
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.viewport().mapToGlobal(point))
