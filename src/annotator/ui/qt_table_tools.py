"""UI: Copy and Export… for any table or tree view (retrieved segments; matrices and frequencies later).

:class:`QtTableTools` gives a ``QTableView`` or ``QTreeView`` two actions, in its context menu
(right click, the Menu key, Shift+F10) and as buttons for the caller to place:

- **Copy** (Ctrl+C while the view has the focus): the selected cells as tab-separated text with
  their header line, or every row when nothing is selected
  (:func:`annotator.formats.tables.tsv_text`: formulas defused, awkward cells quoted).
- **Export…**: a file dialog offering every table format (CSV, CSV for Excel, XLSX, HTML,
  Markdown, JSON); the file is written by :func:`annotator.services.tables.export_table`, which
  refuses the library's own files and its backups; a failure is one line and writes nothing.

What is copied or exported is the model's data, never text read back from the widget: a
model gives each cell's exact value under :data:`EXPORT_ROLE` (a quote whole, a number as a
number); the display text (cut, white space collapsed) is used only for cells without one.
A column's name is its header's :data:`EXPORT_ROLE` (the field's English name, so a file
reads the same whatever language the window speaks), else its displayed header.
Columns come in the order the header shows them, hidden ones left out; a tree's rows
parents first.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QLocale, QModelIndex, QObject, QPersistentModelIndex, QPoint, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHeaderView,
    QMenu,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTreeView,
    QWidget,
)

from annotator.formats.tables import TABLE_FORMATS, Cell, Table, tsv_text
from annotator.services.library import Library
from annotator.services.tables import export_table
from annotator.ui.qt_export_flow import LAST_EXPORT_FOLDER_KEY, confirm_replace
from annotator.ui.qt_session import USER_ERRORS

#: The role under which a model gives a cell's exact value for Copy and Export (str, int or float),
#: and a column's name there (``headerData(section, Qt.Horizontal, EXPORT_ROLE)``, not translated).
EXPORT_ROLE = Qt.ItemDataRole.UserRole + 0x200

#: The file dialog's filter for each table format, in the order offered (the formats' own labels, in English).
FILTERS = {f"{f.label} (*{f.extension})": f.id for f in TABLE_FORMATS.values()}


def _header(view: QTableView | QTreeView) -> QHeaderView:
    return view.horizontalHeader() if isinstance(view, QTableView) else view.header()


def shown_columns(view: QTableView | QTreeView) -> list[int]:
    """The model's columns in the order the view's header shows them, hidden ones left out."""
    header = _header(view)
    columns = [header.logicalIndex(visual) for visual in range(header.count())]
    return [c for c in columns if not view.isColumnHidden(c)]


def _cell(index: QModelIndex) -> Cell:
    value = index.data(EXPORT_ROLE)
    if value is None:
        value = index.data(Qt.ItemDataRole.DisplayRole)
    return (
        value
        if isinstance(value, str | int | float) and not isinstance(value, bool)
        else ("" if value is None else str(value))
    )


def _rows(model: QAbstractItemModel, parent: QModelIndex = QModelIndex()) -> list[QModelIndex]:  # noqa: B008
    """Column-0 indexes of every row under *parent*, each followed by its children (a tree's too)."""
    found: list[QModelIndex] = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        found.append(index)
        if model.rowCount(index) > 0:  # not hasChildren: a QAbstractTableModel's is private to Python
            found.extend(_rows(model, index))
    return found


def view_table(view: QTableView | QTreeView, title: str, *, selected_only: bool = False) -> Table:
    """What *view* shows as a :class:`Table`: every row, or with *selected_only* the rows and
    columns of the selected cells (every row when none is selected)."""
    model = view.model()
    columns = shown_columns(view)
    rows = _rows(model)
    selection = view.selectionModel()
    chosen = selection.selectedIndexes() if selection is not None and selected_only else []
    if chosen:
        wanted_rows = {(i.parent(), i.row()) for i in chosen}
        rows = [r for r in rows if (r.parent(), r.row()) in wanted_rows]
        wanted_columns = {i.column() for i in chosen}
        columns = [c for c in columns if c in wanted_columns]
    names = []
    for column in columns:
        name = str(
            model.headerData(column, Qt.Orientation.Horizontal, EXPORT_ROLE)
            or model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            or ""
        )
        names.append(name if name and name not in names else f"{name or 'column'} {column + 1}")
    body = [tuple(_cell(model.index(r.row(), c, r.parent())) for c in columns) for r in rows]
    return Table(title, tuple(names), body)


def _in_sentence(title: str) -> str:
    """A view's title inside a sentence ("Export retrieved segments"): lower case, except in German,
    which capitalises its nouns."""
    return title if QLocale().language() == QLocale.Language.German else title.lower()


class QtTableTools(QObject):
    """UI: Copy (Ctrl+C) and Export… for one view: its context menu, ``copy_button`` and ``export_button``."""

    def __init__(
        self,
        view: QTableView | QTreeView,
        title: str,
        library: Callable[[], Library],
        report: Callable[[str], None],
        *,
        export_table: Callable[[], Table] | None = None,
        copy_table: Callable[[], Table] | None = None,
    ) -> None:
        """*title* names the table (the HTML page, the XLSX sheet, the file name suggested);
        *library* gives the open library (exports never replace its files); *report* shows a
        line in the status bar. *export_table* gives the table Export… writes (default: what
        the view shows), e.g. with more columns than fit on screen; *copy_table* the table Copy
        puts on the clipboard (default: the cells selected in the view, or every row)."""
        super().__init__(view)
        self.view = view
        self.title = title
        self._library = library
        self._report = report
        self._export_table = export_table or (lambda: view_table(view, title))
        self._copy_table = copy_table or (lambda: view_table(view, title, selected_only=True))
        self.copy_action = QAction(self.tr("&Copy"), view, shortcut=QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.setToolTip(self.tr("Copy the selected cells (or every row) as tab-separated text"))
        self.copy_action.triggered.connect(self.copy)
        self.export_action = QAction(self.tr("E&xport…"), view)
        self.export_action.setToolTip(self.tr("Save the rows as CSV, XLSX, HTML, Markdown or JSON"))
        self.export_action.triggered.connect(self.export)
        view.addAction(self.copy_action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # also the Menu key
        view.customContextMenuRequested.connect(self._on_view_context_menu_requested)
        parent = view.parentWidget()
        self.copy_button = self._button(self.tr("Cop&y"), self.tr("Copy the selected cells"), self.copy, parent)
        export_name = self.tr("Export {title}").format(title=_in_sentence(title))
        self.export_button = self._button(self.tr("Ex&port…"), export_name, self.export, parent)

    @staticmethod
    def _button(text: str, name: str, slot: Callable[[], object], parent: QWidget | None) -> QPushButton:
        button = QPushButton(text, parent)
        button.setAccessibleName(name)
        button.setAutoDefault(False)  # Enter in a field or the view is not a click
        button.clicked.connect(lambda _=False: slot())
        return button

    def _on_view_context_menu_requested(self, point: QPoint) -> None:
        """Right click, the Menu key or Shift+F10: the menu, not blocking the event loop."""
        menu = QMenu(self.view)
        menu.setAccessibleName(self.tr("Table actions"))
        menu.addActions([self.copy_action, self.export_action])
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.view.viewport().mapToGlobal(point))

    def copy(self) -> str:
        """Put the selected cells (every row if none is selected) on the clipboard; returns the text."""
        table = self._copy_table()
        text = tsv_text(table)
        QGuiApplication.clipboard().setText(text)
        self._report(self.tr("Copied %Ln row(s) as tab-separated text.", None, len(table.rows)))
        return text

    def export(self) -> str | None:
        """Ask where and in which format, then write every row; returns the path written."""
        folder = Path(self._library_state(LAST_EXPORT_FOLDER_KEY) or Path.home())
        if not folder.is_dir():
            folder = Path.home()
        suggested = folder / "-".join(self.title.lower().split())
        window = self.view.window()
        path, chosen = QFileDialog.getSaveFileName(
            window, self.tr("Export {title}").format(title=_in_sentence(self.title)), str(suggested), ";;".join(FILTERS)
        )
        if not path:
            return None
        fmt = TABLE_FORMATS[FILTERS.get(chosen, "csv")]
        if not Path(path).suffix:
            path += fmt.extension
            # Qt's dialog checked the name as typed; with the extension it may name a file that exists.
            if Path(path).exists() and not confirm_replace(window, path):
                self._report(self.tr("Export cancelled; nothing was written."))
                return None
        try:
            count = export_table(self._library(), path, self._export_table(), fmt.id)
        except USER_ERRORS as exc:
            QMessageBox.warning(
                window, self.tr("Export failed"), self.tr("Nothing was written: {error}").format(error=exc)
            )
            return None
        self._report(self.tr("Exported %Ln row(s) to {path}", None, count).format(path=path))
        with contextlib.suppress(*USER_ERRORS):  # a convenience, not worth a message
            self._library().set_state(LAST_EXPORT_FOLDER_KEY, str(Path(path).parent))
        return path

    def _library_state(self, key: str) -> str | None:
        try:
            return self._library().state(key)
        except USER_ERRORS:
            return None


class QtElideLeftDelegate(QStyledItemDelegate):
    """UI: cuts a cell's text on the left, so the context before a hit or quote keeps the words next
    to it. With *children_only*, only rows under another (a tree's hits, not their document rows)."""

    def __init__(self, parent: QObject | None = None, *, children_only: bool = False) -> None:
        super().__init__(parent)
        self._children_only = children_only

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        if not self._children_only or index.parent().isValid():
            option.textElideMode = Qt.TextElideMode.ElideLeft
