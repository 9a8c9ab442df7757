"""UI: the annotation list: the open document's annotations in text order (tag, quote, note).

Rows select (several at once); the note column edits in place, handing the
edit to the session rather than writing it here. The edit is based on the
annotation as it was when the user began typing, and what the user typed stays
in the editor while another program changes the row; if their change makes the
edit be refused, what was typed is offered again in the editor (Enter saves it
over theirs, Escape drops it). The context menu (right click,
the Menu key, Shift+F10) is the one the window builds for the selected rows,
shown without blocking the event loop.

The filter box above the list (:class:`QtAnnotationFilter`) hides the rows where neither the tag,
the quote nor the note contains what is typed, ignoring case: rows are hidden, not
taken out of the model, so every row number the window holds stays right. Rows
of coders the window does not show (:meth:`QtAnnotationList.set_coder_filter`)
are hidden the same way; what the selection acts on (delete, retag) is only
the rows shown.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from annotator.core.model import Annotation, Tag
from annotator.ui.qt_models import QtAnnotationTableModel

_Index = QModelIndex | QPersistentModelIndex


class QtAnnotationList(QTableView):
    """UI: the annotation list; ``annotations_model`` holds its rows."""

    def __init__(self, parent: QWidget, *, on_note_edited: Callable[[str, str, Annotation], None]) -> None:
        """*on_note_edited(annotation_id, note, base)* is called for a note edited in place.

        *base* is the annotation as it was when the user began typing the note.
        """
        super().__init__(parent)
        self.annotations_model = QtAnnotationTableModel(self)
        self.annotations_model.on_note_edited = on_note_edited
        self.setModel(self.annotations_model)
        self.setItemDelegateForColumn(QtAnnotationTableModel.NOTE, _NoteDelegate(self))
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
        self.setAccessibleName(self.tr("Annotations"))
        self.setAccessibleDescription(
            self.tr("The annotations of the document: arrows move between them, Tab leaves the list")
        )
        self.setTabKeyNavigation(False)  # one Tab stop: arrows move inside, Tab goes on to the next widget
        #: Builds the context menu of the selected rows (None: no menu).
        self.context_menu: Callable[[], QMenu | None] = lambda: None
        self.customContextMenuRequested.connect(self._on_context_menu_requested)
        self._filter = ""
        self._shows_coder: Callable[[str], bool] | None = None  # None: every coder's rows
        self._hiding = False  # some row is hidden: an empty filter has rows to show again
        # Rows change one signal at a time (a merge sends 10,000): filtered once they are done.
        self._refilter = QTimer(self)
        self._refilter.setSingleShot(True)
        self._refilter.setInterval(0)
        self._refilter.timeout.connect(self._apply_filter)
        model = self.annotations_model
        model.modelReset.connect(self._on_rows_changed)
        model.rowsRemoved.connect(lambda *_: self._filter and self._refilter.start())  # the others stay as they are
        model.rowsInserted.connect(lambda _parent, first, last: self._on_rows_changed(first, last))
        model.dataChanged.connect(lambda top, bottom, *_: self._on_rows_changed(top.row(), bottom.row()))

    def _on_rows_changed(self, first: object = None, last: object = None) -> None:
        if self._filter or (self._hiding and self._shows_coder is None):
            self._refilter.start()
        elif self._shows_coder is not None and isinstance(first, int) and isinstance(last, int):
            # Only whose rows are shown: the rows added or changed are all that may change (an edit
            # among 50,000 rows does not look at each of them again).
            shows, model = self._shows_coder, self.annotations_model
            for row in range(first, last + 1):
                self.setRowHidden(row, not shows(model.annotation(row).coder))
                self._hiding = self._hiding or self.isRowHidden(row)
        elif self._shows_coder is not None:
            self._refilter.start()

    def set_coder_filter(self, shows: Callable[[str], bool] | None) -> None:
        """Show only the rows of annotations by coders *shows* accepts; None shows every coder's."""
        self._shows_coder = shows
        self._apply_filter()

    def set_filter(self, text: str) -> None:
        """Show only the rows whose tag, quote or note contains *text* (ignoring case); "" shows all."""
        self._filter = text.strip().casefold()
        self._apply_filter()

    def visible_ids(self) -> list[str]:
        """The ids of the rows the filter lets through, in text order."""
        model = self.annotations_model
        return [model.annotation(r).id for r in range(model.rowCount()) if not self.isRowHidden(r)]

    def _apply_filter(self) -> None:
        self._refilter.stop()
        model, wanted, shows = self.annotations_model, self._filter, self._shows_coder
        if not wanted and not self._hiding and shows is None:
            return
        shown = Qt.ItemDataRole.DisplayRole
        hiding = False
        # One repaint for the whole pass, not one scheduled for each row (~7x faster for 10,000 rows).
        self.setUpdatesEnabled(False)
        try:
            hiding = self._hide_rows(model, wanted, shows, shown)
        finally:
            self.setUpdatesEnabled(True)
        self._hiding = hiding

    def _hide_rows(
        self, model: QtAnnotationTableModel, wanted: str, shows: Callable[[str], bool] | None, shown: Qt.ItemDataRole
    ) -> bool:
        hiding = False
        for row in range(model.rowCount()):
            annotation = model.annotation(row)
            hidden = shows is not None and not shows(annotation.coder)
            if wanted and not hidden:
                tag = str(model.data(model.index(row, QtAnnotationTableModel.TAG), shown) or "")
                # Each field on its own (a filter never matches across two), the quote as stored and as
                # shown (white space runs collapsed), so "alpha  beta" and "alpha beta" both find it.
                fields = (tag, annotation.quote, " ".join(annotation.quote.split()), annotation.note)
                hidden = not any(wanted in field.casefold() for field in fields)
            if self.isRowHidden(row) != hidden:
                self.setRowHidden(row, hidden)
            hiding = hiding or hidden
        return hiding

    def set_tags(self, tags: list[Tag]) -> None:
        """Name and colour rows by these tags; the tag column fits the longest name."""
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(t.name) for t in tags), default=60)
        self.setColumnWidth(QtAnnotationTableModel.TAG, widest + 40)
        self.annotations_model.set_tags(tags)

    def selected_ids(self) -> list[str]:
        """The ids of the selected rows' annotations that are shown, in text order (a hidden row that
        Select All took in is not acted on)."""
        rows = sorted({i.row() for i in self.selectionModel().selectedRows() if not self.isRowHidden(i.row())})
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


class QtAnnotationFilter(QLineEdit):
    """UI: the filter box over the annotation list. Down moves into the list; Esc clears it."""

    def __init__(self, view: QtAnnotationList, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self.setAccessibleName(self.tr("Filter annotations"))
        self.setPlaceholderText(self.tr("Filter by tag, quote or note"))
        self.setClearButtonEnabled(True)
        self.textChanged.connect(view.set_filter)

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() == Qt.Key.Key_Down:
            self._view.setFocus(Qt.FocusReason.TabFocusReason)
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class _NoteEditor(QLineEdit):
    """UI: the note column's in-place editor; ``base`` is the annotation whose note it began from."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.base: Annotation | None = None


class _NoteDelegate(QStyledItemDelegate):
    """UI: edits notes in place, keeping what the user types while other programs change the row."""

    def __init__(self, view: QtAnnotationList) -> None:
        super().__init__(view)
        self._view = view
        self._offered: dict[str, str] = {}  # annotation id -> a typed note that was refused, to offer again

    def createEditor(self, parent: QWidget, _option: QStyleOptionViewItem, _index: _Index) -> QWidget:
        editor = _NoteEditor(parent)
        editor.setFrame(False)
        editor.setAccessibleName(self.tr("Note"))
        return editor

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        # Qt calls this again whenever the row changes (another program's edit): what the user
        # has typed stays, and so does the annotation it is based on.
        if not isinstance(editor, _NoteEditor) or editor.isModified():
            return
        annotation = self._view.annotations_model.annotation(index.row())
        editor.base = annotation
        offered = self._offered.pop(annotation.id, None)
        editor.setText(annotation.note if offered is None else offered)
        editor.setModified(offered is not None)

    def setModelData(self, editor: QWidget, _model: QAbstractItemModel, _index: _Index) -> None:
        if not isinstance(editor, _NoteEditor) or editor.base is None or editor.text() == editor.base.note:
            return
        base, note, model = editor.base, editor.text(), self._view.annotations_model
        model.on_note_edited(base.id, note, base)
        row = model.row_of(base.id)
        if row >= 0 and model.annotation(row).note != note:
            # Refused (another program changed the note meanwhile; the refusal said so): offer
            # what was typed again once this editor has closed, based on the note as stored now.
            self._offered[base.id] = note
            QTimer.singleShot(0, self, lambda: self._offer_again(base.id))

    def _offer_again(self, annotation_id: str) -> None:
        model = self._view.annotations_model
        row = model.row_of(annotation_id)
        if row >= 0:
            self._view.edit(model.index(row, model.NOTE))  # its editor takes the offered note at once
        self._offered.pop(annotation_id, None)  # if no editor opened: not later, in another edit either
