"""UI: the library list: the library's documents, in import order, titles wrapped.

Documents can be dragged (onto a set, say) as :data:`DOCUMENT_IDS_MIME`: their
ids, one per line. The context menu (right click, the Menu key or Shift+F10) is
built from what the panes around the list add to ``context_menu_parts``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QMenu, QWidget

from annotator.ui.qt_models import QtDocumentListModel


class QtDocumentList(QListView):
    """UI: the library list; ``documentChosen(id)`` when the user makes a document current.

    ``documents_model`` holds its rows. Several documents may be selected (for
    an export); the current one is the one open.
    """

    documentChosen = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.documents_model = QtDocumentListModel(self)
        self.setModel(self.documents_model)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)  # long article titles wrap instead of being cut
        self.setSpacing(2)
        self.setAccessibleName(self.tr("Library"))
        self.setAccessibleDescription(self.tr("The documents of the library: the arrows open one, F2 renames it"))
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        #: Each adds its entries to the context menu of the selected documents (ids in list order).
        self.context_menu_parts: list[Callable[[QMenu, list[str]], None]] = []
        self._syncing = False  # set while code (not the user) moves the current row
        self.selectionModel().currentChanged.connect(self._on_current_changed)
        self._shown: set[str] | None = None
        self.documents_model.modelReset.connect(self._on_rows_reset)

    def selected_ids(self) -> list[str]:
        """The ids of the selected documents, in list order."""
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        return [self.documents_model.document_id(r) for r in rows]

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        ids = self.selected_ids()
        if not ids or not self.context_menu_parts:
            return
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Document actions"))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        for part in self.context_menu_parts:
            part(menu, ids)
        if menu.isEmpty():
            menu.deleteLater()
            return
        menu.popup(event.globalPos())  # not blocking the event loop (polls, other windows' changes)

    def set_shown(self, document_ids: set[str] | None) -> None:
        """Show only these documents (all when None): the library's filter by set or attribute."""
        self._shown = document_ids
        for row in range(self.documents_model.rowCount()):
            hidden = document_ids is not None and self.documents_model.document_id(row) not in document_ids
            self.setRowHidden(row, hidden)

    def shown_ids(self) -> list[str]:
        """The ids of the documents the list shows (the filter applied), in list order."""
        model = self.documents_model
        return [model.document_id(r) for r in range(model.rowCount()) if not self.isRowHidden(r)]

    def _on_rows_reset(self) -> None:
        self.set_shown(self._shown)  # a reset shows every row again

    def show_current(self, document_id: str | None) -> None:
        """Make a document's row the current one, without asking to open it (it is open already)."""
        row = self.documents_model.row_of(document_id) if document_id is not None else -1
        if row >= 0 and self.currentIndex().row() != row:
            self._syncing = True
            try:
                self.setCurrentIndex(self.documents_model.index(row))
            finally:
                self._syncing = False

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing and current.isValid():
            self.documentChosen.emit(self.documents_model.document_id(current.row()))
