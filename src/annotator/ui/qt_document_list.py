"""UI: the library list: the library's documents, in import order, titles wrapped."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

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
        self.setAccessibleName("Library")
        self._syncing = False  # set while code (not the user) moves the current row
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    def selected_ids(self) -> list[str]:
        """The ids of the selected documents, in list order."""
        rows = sorted({i.row() for i in self.selectionModel().selectedIndexes()})
        return [self.documents_model.document_id(r) for r in rows]

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
