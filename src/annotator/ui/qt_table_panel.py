"""UI: what the views of tables counted across the library share: the Co-occurrence, Documents ×
tags and Word frequencies docks (:mod:`annotator.ui.qt_matrices`, :mod:`annotator.ui.qt_frequencies`).

Each view is a dock at the bottom of the window: a row of options (each change counts again),
the scope (:class:`~annotator.ui.qt_scope.QtScopeChooser`), the table, and beside it what a
cell stands for (the segments behind a matrix cell, a word's occurrences in context), from
which Enter jumps to the text. The counting runs on a :class:`~annotator.ui.qt_background.QtWorker`
thread: the window stays usable, a progress bar counts documents, and Cancel (or Esc) stops it,
keeping the table of the last run. So does opening a cell. When the library changes under a
table the rows stay, and the view says they may be out of date until F5 counts again.

A table's model is :class:`QtCountsModel` over a :class:`~annotator.core.matrices.Table`: the
row's label first, then a number per column, each cell's exact value under
:data:`~annotator.ui.qt_table_tools.EXPORT_ROLE` for Copy and Export…
(:class:`~annotator.ui.qt_table_tools.QtTableTools`). A zero is dim (the palette's placeholder
text); a matrix shades its cells by how large they are, mixing the palette's highlight into its
base, never a fixed colour, so the text (the palette's) reads in light and dark themes alike.

Mnemonics: Alt+I (scope), Alt+U (run), Alt+O (coder), Alt+Y and Alt+P (Copy, Export… of the
table) as in the Retrieved segments view, whose tabs these docks share; the views' own options
take letters no menu, the Sets pane, the inspector or the find bar uses.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QColor, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import InvalidInput
from annotator.core.matrices import Header, Table
from annotator.services.progress import Progress
from annotator.services.retrieving import Segment, segments_table
from annotator.ui.qt_background import QtWorker
from annotator.ui.qt_i18n import format_count
from annotator.ui.qt_panel_keys import make_keys_local
from annotator.ui.qt_retrieval import QtSegmentsModel
from annotator.ui.qt_scope import QtScopeChooser
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_table_tools import EXPORT_ROLE, QtTableTools

_Index = QModelIndex | QPersistentModelIndex

#: What a view says once the library changed after its table was counted.
STALE = QT_TRANSLATE_NOOP(
    "QtTablePanel", "The library has changed since; this table may be out of date. Press F5 to count again."
)
#: How much of the palette's highlight a number mixes into the base: HEAT_MOST the largest, down
#: towards HEAT_LEAST as it nears 0 (a 0 is not shaded); at most so much, so the text stays readable.
HEAT_MOST, HEAT_LEAST = 0.45, 0.12


def mixed(base: QColor, tint: QColor, amount: float) -> QColor:
    """*tint* mixed into *base*: 0 is *base*, 1 is *tint*."""
    return QColor.fromRgbF(*(b + (t - b) * amount for b, t in zip(base.getRgbF()[:3], tint.getRgbF()[:3], strict=True)))


class QtCountsModel(QAbstractTableModel):
    """UI: a :class:`Table` as rows: the row's label, then its numbers; *heat* shades the numbers."""

    def __init__(self, first: str, first_field: str, *, heat: bool, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.first = first  # the label column's header as shown ("tag", "document", "word"), translated
        self.first_field = first_field  # and its name in a copied or exported table: English, as files want
        self.heat = heat
        self.table = Table((), (), ())
        self._largest = 0

    def set_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self._largest = max((max(row, default=0) for row in table.cells), default=0)
        self.endResetModel()

    def headers_at(self, index: _Index) -> tuple[Header, Header | None]:
        """The row's header, and the column's (None on the label column)."""
        row = self.table.rows[index.row()]
        return row, self.table.columns[index.column() - 1] if index.column() > 0 else None

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.table.columns) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, EXPORT_ROLE
        ):  # fmt: skip
            return None
        if section == 0:
            return self.first_field if role == EXPORT_ROLE else self.first
        return self.table.columns[section - 1].label  # a tag's or document's name: data, not translated

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.table.rows[index.row()]
        if index.column() == 0:
            if role in (Qt.ItemDataRole.DisplayRole, EXPORT_ROLE, Qt.ItemDataRole.AccessibleTextRole):
                return row.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"<p style='white-space:pre-wrap'>{html.escape(row.label)}</p>"  # never read as markup
            return None
        value = self.table.cells[index.row()][index.column() - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return format_count(value)
        if role == EXPORT_ROLE:
            return value
        if role == Qt.ItemDataRole.ToolTipRole:  # rich text, escaped: a label is never read as markup
            return f"<p>{html.escape(f'{row.label} × {self.table.columns[index.column() - 1].label}: {format_count(value)}')}</p>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.label}, {self.table.columns[index.column() - 1].label}: {value}"
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and value == 0:
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.BackgroundRole and self.heat and value > 0 and self._largest > 0:
            palette = QGuiApplication.palette()
            amount = HEAT_LEAST + (HEAT_MOST - HEAT_LEAST) * value / self._largest
            return mixed(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Highlight), amount)
        return None


def _table_view(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)  # Tab leaves the table for the next control
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


class QtTablePanel(QWidget):
    """UI: options, a counted table and what its cells stand for; see the module.

    A subclass adds its options with :meth:`add_option`, says how to count
    (:meth:`count`) and how to open a cell (:meth:`open_cell`), and calls :meth:`finish`."""

    def __init__(
        self,
        parent: QWidget,
        session: QtLibrarySession,
        *,
        title: str,
        first: str,
        first_field: str,
        heat: bool,
        selected_document_ids: Callable[[], list[str]],
        report: Callable[[str], None],
    ) -> None:
        super().__init__(parent)
        self.setAccessibleName(title)
        self.title = title
        self._session = session
        self._report = report
        self.stale = False
        self._changed_while_running = False
        self.counted_settings: dict[str, object] | None = None  # the settings the table shown was counted with
        self._job = ""  # "table" or "cell": what the worker is doing
        self.worker = QtWorker(self)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.finished.connect(self._on_worker_finished)
        self.worker.failed.connect(self._on_worker_failed)
        self.worker.cancelled.connect(lambda: self._on_worker_failed(""))
        self._on_result: Callable[[object], None] = lambda _r: None

        self.options = QHBoxLayout()
        self.scope = QtScopeChooser(self, selected_document_ids)
        self.scope.value_edit.returnPressed.connect(self.run)
        self.scope.scope_box.currentIndexChanged.connect(lambda _i: self.rerun())
        self.run_button = QPushButton(self.tr("R&un"), self)
        self.run_button.setAccessibleName(self.tr("Count the table: {title}").format(title=title))
        self.run_button.setAutoDefault(False)
        self.run_button.clicked.connect(self.run)
        self.model = QtCountsModel(first, first_field, heat=heat, parent=self)
        self.view = _table_view(self, self.tr("{title} table").format(title=title))
        self.view.setModel(self.model)
        self.view.activated.connect(self._on_view_activated)  # Enter, double click
        self.tools = QtTableTools(self.view, title, lambda: session.library, report)
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("{title} status").format(title=title))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # a tag or word is never markup
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("{title} progress").format(title=title))
        self.progress_bar.setMaximumWidth(200)
        self.progress_bar.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)  # Esc; Tab reaches it too
        self.cancel_button.setAccessibleName(self.tr("Cancel counting the table: {title}").format(title=title))
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.run_action = self._panel_action(
            self.tr("Count the table again: {title}").format(title=title), "F5", self.run
        )
        self.cancel_action = self._panel_action(self.tr("Cancel"), "Esc", self.cancel)
        self.cancel_action.setEnabled(False)

    def _panel_action(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def add_option(self, label: str, widget: QWidget) -> None:
        """A labelled option (*label* with its mnemonic; empty: none) in the options row."""
        if label:
            shown = QLabel(label, self)
            shown.setBuddy(widget)
            self.options.addWidget(shown)
        self.options.addWidget(widget)

    def make_segments_view(self, name: str) -> tuple[QTableView, QtSegmentsModel, QtTableTools]:
        """A table of segments (document, tag, quote, note, coder) with Copy, and Export… of the
        columns of ``annotator retrieve``."""
        model = QtSegmentsModel(self)
        view = _table_view(self, name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for column in (QtSegmentsModel.BEFORE, QtSegmentsModel.AFTER):
            view.setColumnHidden(column, True)  # the matrices read no context
        view.horizontalHeader().setStretchLastSection(True)
        view.setColumnWidth(QtSegmentsModel.QUOTE, 260)
        tools = QtTableTools(
            view, name, lambda: self._session.library, self._report,
            export_table=lambda: segments_table(model.segments, with_context=False, title=name),
        )  # fmt: skip
        for button in (tools.copy_button, tools.export_button):
            button.setText(button.text().replace("&", ""))  # Alt+Y and Alt+P are the table's
        tools.copy_button.setAccessibleName(self.tr("Copy the selected segments"))
        return view, model, tools

    def finish(self, detail: QWidget, detail_buttons: Sequence[QPushButton]) -> None:
        """Lay out the options, the table beside *detail* (what a cell opens) and the buttons."""
        scope_label = QLabel(self.tr("&In"), self)
        scope_label.setBuddy(self.scope.scope_box)
        self.options.addWidget(scope_label)
        self.options.addWidget(self.scope.scope_box)
        self.options.addWidget(QLabel("=", self))
        self.options.addWidget(self.scope.value_edit)
        self.options.addWidget(self.run_button)
        self.options.addStretch(1)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        last = QHBoxLayout()
        last.addWidget(self.status_label, 1)
        last.addWidget(self.progress_bar)
        last.addWidget(self.cancel_button)
        last.addWidget(self.tools.copy_button)
        last.addWidget(self.tools.export_button)
        for button in detail_buttons:
            last.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.options)
        layout.addWidget(splitter, 1)
        layout.addLayout(last)
        for spin in self.findChildren(QAbstractSpinBox):
            spin.setKeyboardTracking(False)  # counted again once the number is typed, not at each digit
        # Tab goes as the eye reads: the options, the table, what a cell opened, the buttons.
        items = [self.options.itemAt(i).widget() for i in range(self.options.count())]
        chain = [w for w in items if w is not None and w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        chain += [self.view, detail, self.cancel_button, self.tools.copy_button, self.tools.export_button]
        chain += list(detail_buttons)
        for before, after in pairwise(chain):
            QWidget.setTabOrder(before, after)

    # -- what a view says how -------------------------------------------------------------------------

    def settings(self) -> dict[str, object]:
        """The options chosen now (raises :class:`InvalidInput` for a scope that cannot be read)."""
        raise NotImplementedError

    def count(self, settings: dict[str, object], progress: Progress) -> object:
        """Count the table (on the worker thread): a :class:`Table`, or what :meth:`table_of` reads one from."""
        raise NotImplementedError

    def table_of(self, counted: object) -> Table:
        """The table in what :meth:`count` returned (itself, unless a subclass returns more)."""
        assert isinstance(counted, Table)
        return counted

    def open_cell(self, row: Header, column: Header | None, settings: dict[str, object]) -> None:
        """Show what the cell of *row* and *column* stands for (the table was counted with *settings*)."""
        raise NotImplementedError

    def reload_choices(self) -> None:
        """Read the sets and attributes again (a subclass also its own choices)."""
        try:
            self.scope.reload_from(self._session.library)
        except USER_ERRORS as exc:
            self.say(self.tr("The library cannot be read: {error}").format(error=exc))

    # -- running -------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.worker.running

    def run(self) -> None:
        """Count the table with the options shown, off the GUI thread (a run going on is cancelled)."""
        try:
            settings = self.settings()
        except InvalidInput as exc:
            if self.worker.cancel():  # what was asked for before is not what is wanted now
                self._show_running(False)
            self.say(self.tr("Not counted: {error}.").format(error=exc))
            return
        self._changed_while_running = False

        def shown(counted: object) -> None:
            table = self.table_of(counted)
            self.counted_settings = settings
            self.stale = self._changed_while_running
            self.model.set_table(table)
            self.say(QCoreApplication.translate("QtTablePanel", STALE) if self.stale else self.describe(table))
            if table.rows and not self.view.currentIndex().isValid():
                self.view.setCurrentIndex(self.model.index(0, min(1, self.model.columnCount() - 1)))
            self.counted(counted)

        self._start("table", lambda progress: self.count(settings, progress), shown, self.tr("Counting…"))

    def rerun(self) -> None:
        """An option changed: count again, if a table is shown (or being counted)."""
        if self.counted_settings is not None or self.running:
            self.run()

    def describe(self, table: Table) -> str:
        """What the status line says of a new table (with its count, in the subclass's words)."""
        raise NotImplementedError

    def counted(self, counted: object) -> None:
        """A new table is shown, from *counted* (a subclass clears what an old cell opened)."""

    def open_in_background(self, work: Callable[[Progress], object], shown: Callable[[object], None]) -> None:
        """Read what a cell stands for off the GUI thread, then *shown* (on it) shows it; not while a
        new table is being counted (its cells are those of options no longer shown)."""
        if self.running and self._job == "table":
            self.say(self.tr("Still counting: open a cell once the new table is shown."))
            return
        self._start("cell", work, shown, self.tr("Reading the cell…"))

    def _start(self, job: str, work: Callable[[Progress], object], shown: Callable[[object], None], says: str) -> None:
        self._job = job
        self._on_result = shown
        self.worker.start(work, name=f"annotator-{'-'.join(self.title.lower().split())}")
        self._show_running(True)
        self.say(says)

    def cancel(self) -> None:
        """Stop the run going on (the table of the last run stays)."""
        if self.worker.cancel():
            self._show_running(False)
            self.say(self.tr("Cancelled; the table is that of the last run."))

    def stop(self) -> None:
        """Cancel a run and wait for its thread (the window closes)."""
        self.worker.stop()

    def _show_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_action.setEnabled(running)
        if running:
            self.progress_bar.setRange(0, 0)  # busy until the first count

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_worker_finished(self, result: object) -> None:
        self._show_running(False)
        self._on_result(result)

    def _on_worker_failed(self, message: str) -> None:
        self._show_running(False)
        self.say(message or self.tr("Cancelled; the table is that of the last run."))

    # -- cells ----------------------------------------------------------------------------------------

    def _on_view_activated(self, index: QModelIndex) -> None:
        if self.counted_settings is None or not index.isValid():
            return
        row, column = self.model.headers_at(index)
        self.open_cell(row, column, self.counted_settings)

    # -- the library changed ----------------------------------------------------------------------------

    def library_changed(self, *_args: object) -> None:
        """Something the table counts may have changed: say the table may be out of date."""
        if self.running and self._job == "table":
            self._changed_while_running = True
        elif self.counted_settings is not None and not self.stale:
            self.stale = True
            self.say(QCoreApplication.translate("QtTablePanel", STALE))

    def say(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setToolTip(message)
        self.status_label.setAccessibleDescription(message)  # a screen reader hears it change


def with_sha256(segments: Sequence[Segment], sha256: dict[str, str]) -> list[Segment]:
    """*segments* with the SHA-256 of the text each was read from (for show_span to check)."""
    return [replace(s, sha256=sha256.get(s.document_id, "")) for s in segments]


#: A dock property: the dock is one of the views that share the tabs at the bottom of the window
#: (Search the library, Retrieved segments, the counted tables).
TAB_GROUP = "annotator_bottom_tabs"


class QtTableDock(QDockWidget):
    """UI: a :class:`QtTablePanel` as a dock at the bottom, in the Retrieved segments view's tabs.

    ``toggle_action`` (the View menu's entry, with its shortcut) shows the view with the keyboard
    in its table, counting the table the first time; on a view shown behind another tab it
    brings the view to the front (rather than hiding it); on the view in front it hides it."""

    def __init__(self, window: QMainWindow, panel_of: Callable[[QDockWidget], QtTablePanel], *, title: str,
                 object_name: str, menu_text: str, shortcut: str, beside: QDockWidget | None = None) -> None:  # fmt: skip
        super().__init__(title, window)
        self.setObjectName(object_name)
        self.panel = panel_of(self)
        make_keys_local(self.panel)  # its Alt keys act where the focus is, not window-wide
        self.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        self._window = window
        self._beside = beside
        if beside is not None:
            beside.visibilityChanged.connect(self._on_beside_visibility_changed)
        self.in_front = False  # shown, and not behind another tab (Qt may keep those "visible", off screen)
        self.toggle_action = QAction(menu_text, self, shortcut=QKeySequence(shortcut), checkable=True)
        self.toggle_action.triggered.connect(self._on_toggle_action_triggered)
        window.addAction(self.toggle_action)
        self.visibilityChanged.connect(self._on_visibility_changed)

    def _tab_group(self) -> list[QDockWidget]:
        """The docks this view shares tabs with: the Retrieved segments view first, then the others
        of the group (Search the library, the other tables)."""
        docks = [self._beside] if self._beside is not None else []
        grouped = [d for d in self._window.findChildren(QDockWidget) if d.property(TAB_GROUP) and d not in docks]
        return docks + [d for d in grouped if d is not self]

    def _join_tabs(self) -> None:
        """Go into the tabs of a view of the group that is open at the bottom (not beside it).

        Tabs are made when a second view opens, not in advance: a tab bar with no tab in it
        would be a control with no name."""
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        for other in self._tab_group():
            if not other.isHidden() and not other.isFloating() and self._window.dockWidgetArea(other) == bottom:
                if self not in self._window.tabifiedDockWidgets(other):
                    self._window.tabifyDockWidget(other, self)
                return

    def _on_beside_visibility_changed(self, visible: bool) -> None:
        """The Retrieved segments view opened: into this view's tabs, in front (once, by the first table open)."""
        beside = self._beside
        if not visible or beside is None or self.isHidden() or self.isFloating():
            return
        if any(beside in self._window.tabifiedDockWidgets(d) for d in [self, *self._tab_group()] if d is not beside):
            return
        self._window.tabifyDockWidget(self, beside)
        beside.raise_()

    def _on_visibility_changed(self, visible: bool) -> None:
        self.in_front = visible
        self.toggle_action.setChecked(not self.isHidden())  # a tab behind another is still open
        if visible:
            self.panel.reload_choices()  # what changed while hidden (coders, sets another program added)

    def _on_toggle_action_triggered(self, _checked: bool) -> None:
        if self.in_front and not self.isHidden():
            self.hide()
            return
        if self.isHidden():
            self._join_tabs()
        self.show()
        self.raise_()
        self.toggle_action.setChecked(True)
        self.panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.panel.counted_settings is None and not self.panel.running:
            self.panel.run()
