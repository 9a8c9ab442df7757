"""UI: the Retrieved segments view (View › Retrieved segments, Ctrl+Shift+R): every coded segment a
query selects, across the library, as a table to read, sort, jump from, copy and export.

A dock at the bottom of the window holds a query field (the language of
:mod:`annotator.core.query`: ``claim & evidence``, ``A | B``, ``A - B``, ``A near/N B``,
parentheses), completed with the codebook's tag PATHs; a coder chooser (all, or one); the
scope (the whole library, the documents selected in the library list, a set, or the documents
with an attribute value); and how many characters of context to show. Enter or F5 runs the
query with :func:`annotator.services.retrieving.retrieve` in a worker thread: the window stays
responsive, a progress bar counts documents and Cancel (or Esc) stops it. A query that cannot
be read, or names no tag, is said in the view in one line. Its mnemonics (Alt+Q, U, O, I, X, Y,
P) avoid the letters of the menus, the Sets and Attributes panes and the find bar's switches,
which would make either key ambiguous.

Each row shows the document, the tag, the context before, the quote (bold: a font, never a
colour, so it reads in light and dark palettes), the context after, the note and the coder;
context is in the palette's placeholder-text colour. Columns sort by clicking their header.
Enter or a double click shows the segment in its text with
:meth:`~annotator.ui.qt_main_window.QtMainWindow.show_span`, passing the SHA-256 of the text
the segment was found in, so a document revised since is refused rather than selected at the
wrong place. When the library changes (an edit here, another program's commit, a restore),
the rows stay but the view says they may be out of date until the query runs again.

Copy (Ctrl+C) and Export… are :class:`~annotator.ui.qt_table_tools.QtTableTools`'; Export…
writes the columns of ``annotator retrieve`` (:func:`~annotator.services.retrieving.segments_table`).
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QAction, QFont, QGuiApplication, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core import codebook
from annotator.core import query as q
from annotator.core.errors import InvalidInput
from annotator.core.offsets import OffsetMap
from annotator.formats.tables import Table
from annotator.services import retrieving
from annotator.services.retrieving import Segment
from annotator.ui.qt_background import QtWorker
from annotator.ui.qt_panel_keys import make_keys_local
from annotator.ui.qt_scope import QtCoderChooser, QtScopeChooser
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_table_tools import EXPORT_ROLE, QtElideLeftDelegate, QtTableTools

_Index = QModelIndex | QPersistentModelIndex

#: What the view says once the library changed after a run.
STALE = QT_TRANSLATE_NOOP(
    "QtRetrievalPanel", "The library has changed since; these rows may be out of date. Press F5 to run the query again."
)
#: Characters of context or quote a cell shows (a tooltip and Copy/Export have them whole).
SHOWN_CHARS = 200
#: The role the proxy sorts by: a text with the row number last, so equal keys keep the retrieval's order.
SORT_ROLE = Qt.ItemDataRole.UserRole + 0x201


def _one_line(text: str) -> str:
    return " ".join(text.split())


class QtSegmentsModel(QAbstractTableModel):
    """UI: the retrieved segments as rows; each cell's exact value under :data:`EXPORT_ROLE`."""

    DOCUMENT, TAG, BEFORE, QUOTE, AFTER, NOTE, CODER = range(7)
    HEADERS = (
        QT_TRANSLATE_NOOP("QtSegmentsModel", "Document"),
        QT_TRANSLATE_NOOP("QtSegmentsModel", "Tag"),
        QT_TRANSLATE_NOOP("QtSegmentsModel", "Before"),
        QT_TRANSLATE_NOOP("QtSegmentsModel", "Quote"),
        QT_TRANSLATE_NOOP("QtSegmentsModel", "After"),
        QT_TRANSLATE_NOOP("QtSegmentsModel", "Note"),
        QT_TRANSLATE_NOOP("QtSegmentsModel", "Coder"),
    )  # translated when shown

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.segments: list[Segment] = []

    def set_segments(self, segments: list[Segment]) -> None:
        self.beginResetModel()
        self.segments = segments
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("QtSegmentsModel", self.HEADERS[section])
        if orientation == Qt.Orientation.Horizontal and role == EXPORT_ROLE:
            return self.HEADERS[section]  # exports stay English
        return None

    def _value(self, s: Segment, column: int) -> str:
        return (s.title, s.tag, s.before, s.quote, s.after, s.note, s.coder)[column]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        s, column = self.segments[index.row()], index.column()
        value = self._value(s, column)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.BEFORE:
                return _one_line(value[-SHOWN_CHARS:])
            return _one_line(value[:SHOWN_CHARS])
        if role == EXPORT_ROLE:
            return value
        if role == SORT_ROLE:
            return f"{value.casefold()}\x00{index.row():09d}"
        if role == Qt.ItemDataRole.ToolTipRole and value:
            # Escaped: a tooltip that looks like markup would be shown as rich text.
            return f"<p style='white-space:pre-wrap'>{html.escape(value[:2000])}</p>"
        if role == Qt.ItemDataRole.FontRole and column == self.QUOTE:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.BEFORE, self.AFTER):
            return QGuiApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.BEFORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class _QueryEdit(QLineEdit):
    """The query field: completes the tag PATH being typed (a word, or a quoted PATH begun)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.paths = QStringListModel(self)
        self.completer = QCompleter(self.paths, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)  # "pos" finds Attitude/Positive
        self.completer.setWidget(self)
        self.completer.activated.connect(self._insert)
        self.textEdited.connect(self._on_text_edited)

    def set_paths(self, paths: Sequence[str]) -> None:
        self.paths.setStringList(list(paths))

    def cursor(self) -> int:
        """The cursor as a code point offset (Qt's is in UTF-16 units: a tag may hold an emoji)."""
        return OffsetMap(self.text()).from_utf16(self.cursorPosition())

    def word_start(self) -> int:
        """Where the operand being typed begins (code points into the field's text)."""
        cursor = self.cursor()
        text = self.text()[:cursor]
        if text.count('"') % 2:  # inside a quoted PATH: from its opening quote
            return text.rfind('"')
        start = cursor
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in "()&|=":
            start -= 1
        return start

    def _on_text_edited(self, _text: str) -> None:
        prefix = self.text()[self.word_start() : self.cursor()].lstrip('"')
        if not prefix:
            self.completer.popup().hide()
            return
        self.completer.setCompletionPrefix(prefix)
        if self.completer.completionCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _insert(self, completion: str) -> None:
        start, cursor, text = self.word_start(), self.cursor(), self.text()
        self.setText(text[:start] + completion + text[cursor:])
        self.setCursorPosition(OffsetMap(self.text()).to_utf16(start + len(completion)))


class QtRetrievalPanel(QWidget):
    """UI: the query, its options, and the table of retrieved segments."""

    def __init__(
        self,
        parent: QWidget,
        session: QtLibrarySession,
        *,
        selected_document_ids: Callable[[], list[str]],
        show_span: Callable[[str, int, int, str | None], bool],
        report: Callable[[str], None],
    ) -> None:
        """*selected_document_ids* gives the documents selected in the library list; *show_span*
        is the window's (document, start, end, sha256); *report* writes the status bar."""
        super().__init__(parent)
        self.setAccessibleName(self.tr("Retrieved segments"))
        self._session = session
        self._selected_document_ids = selected_document_ids
        self._show_span = show_span
        self._with_context = False  # the rows shown were retrieved with context
        self._run_with_context = False  # the run going on asked for context
        self.stale = False
        self._changed_while_running = False
        self.worker = QtWorker(self)
        self.worker.progressed.connect(self._on_worker_progressed)
        self.worker.finished.connect(self._on_retrieved)
        self.worker.failed.connect(self._on_failed)
        self.worker.cancelled.connect(self._on_cancelled)

        self.query_edit = _QueryEdit(self)
        self.query_edit.setAccessibleName(self.tr("Retrieval query"))
        self.query_edit.setPlaceholderText(self.tr('e.g. claim & evidence, claim near/1 "open question"'))
        self.query_edit.setToolTip(
            self.tr(
                "Operators, tightest first: near/N (within N sentences), & (overlaps), - (overlaps none of), "
                "| (either); parentheses group. A PATH stands for its tag and the tags inside it; =PATH for that tag alone."
            )
        )
        self.run_button = QPushButton(self.tr("R&un"), self)
        self.run_button.setAccessibleName(self.tr("Run the query"))
        self.coder = QtCoderChooser(self, session)
        self.coder_box = self.coder.coder_box
        self.scope = QtScopeChooser(self, selected_document_ids)
        self.scope_box, self.value_edit = self.scope.scope_box, self.scope.value_edit
        self.context_box = QSpinBox(self)
        self.context_box.setAccessibleName(self.tr("Characters of context"))
        self.context_box.setRange(0, 1000)
        self.context_box.setValue(40)
        self.context_box.setSuffix(self.tr(" chars"))
        self.context_box.findChild(QLineEdit).setAccessibleName(self.context_box.accessibleName())  # what Tab reaches
        self.status_label = QLabel(self)
        self.status_label.setAccessibleName(self.tr("Retrieval status"))
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)  # a query or message is never markup
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setAccessibleName(self.tr("Retrieval progress"))
        self.progress_bar.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)  # Esc; Tab reaches it too
        self.cancel_button.setAccessibleName(self.tr("Cancel the retrieval"))
        self.cancel_button.setVisible(False)
        self.model = QtSegmentsModel(self)
        session.blindChanged.connect(lambda _blind: self.model.set_segments([]))  # retrieved for other coders
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.view = QTableView(self)
        self.view.setAccessibleName(self.tr("Retrieved segments table"))
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTabKeyNavigation(False)  # Tab leaves the table for the buttons
        self.view.setWordWrap(False)
        self.view.verticalHeader().setVisible(False)
        self.view.verticalHeader().setDefaultSectionSize(22)
        header = self.view.horizontalHeader()
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the retrieval's order until a header is clicked
        self.view.setSortingEnabled(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QtSegmentsModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 150), (1, 120), (2, 180), (4, 180), (5, 140), (6, 70)):
            self.view.setColumnWidth(column, width)
        self.view.setItemDelegateForColumn(QtSegmentsModel.BEFORE, QtElideLeftDelegate(self.view))
        self.tools = QtTableTools(
            self.view, self.tr("Retrieved segments"), lambda: session.library, report, export_table=self.export_table
        )

        query_label = QLabel(self.tr("&Query"), self)
        query_label.setBuddy(self.query_edit)
        coder_label = QLabel(self.tr("C&oder"), self)
        coder_label.setBuddy(self.coder_box)
        scope_label = QLabel(self.tr("&In"), self)
        scope_label.setBuddy(self.scope_box)
        context_label = QLabel(self.tr("Conte&xt"), self)
        context_label.setBuddy(self.context_box)
        first = QHBoxLayout()
        first.addWidget(query_label)
        first.addWidget(self.query_edit, 1)
        first.addWidget(self.run_button)
        second = QHBoxLayout()
        for widget in (coder_label, self.coder_box, scope_label, self.scope_box):
            second.addWidget(widget)
        second.addWidget(QLabel("=", self))
        second.addWidget(self.value_edit)
        second.addWidget(context_label)
        second.addWidget(self.context_box)
        second.addStretch(1)
        last = QHBoxLayout()
        last.addWidget(self.status_label, 1)
        last.addWidget(self.progress_bar)
        last.addWidget(self.cancel_button)
        last.addWidget(self.tools.copy_button)
        last.addWidget(self.tools.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(first)
        layout.addLayout(second)
        layout.addWidget(self.view, 1)
        layout.addLayout(last)

        self.run_action = QAction(self.tr("Run query"), self, shortcut=QKeySequence("F5"))
        self.run_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.run_action.triggered.connect(self.run_query)
        self.cancel_action = QAction(self.tr("Cancel retrieval"), self, shortcut=QKeySequence(Qt.Key.Key_Escape))
        self.cancel_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.cancel_action.setEnabled(False)
        self.cancel_action.triggered.connect(self.cancel)
        self.addActions([self.run_action, self.cancel_action])
        self.query_edit.returnPressed.connect(self.run_query)
        self.run_button.clicked.connect(self.run_query)
        self.cancel_button.clicked.connect(self.cancel)
        self.view.activated.connect(self._on_view_activated)  # Enter, double click
        for signal in (session.libraryChanged, session.annotationsChanged, session.tagsChanged,
                       session.libraryReloaded, session.documentsChanged, session.setsChanged,
                       session.attributesChanged, session.refreshed):  # fmt: skip
            signal.connect(self._on_library_changed)
        for signal in (session.tagsChanged, session.setsChanged, session.attributesChanged, session.libraryReloaded):
            signal.connect(self._on_choices_changed)
        session.libraryReloaded.connect(self.cancel)  # a restore: the run reads a library that was replaced
        # The coders, sets and attributes are read when the view is shown (not at every start).

    # -- choices -----------------------------------------------------------------------------------

    def reload_choices(self) -> None:
        """Read the tag PATHs (completion), coders, sets and attributes again; keep what is chosen."""
        tags = self._session.tags
        paths = codebook.paths(tags)
        self.query_edit.set_paths(
            [q.describe(q.Operand(codebook.format_path(paths[t.id]), True, 0)) for t, _depth in codebook.walk(tags)]
        )
        try:
            self.coder.reload(self._session.library.coders())
            self.scope.reload_from(self._session.library)
        except USER_ERRORS as exc:
            self._say(self.tr("The library cannot be read: {error}").format(error=exc))

    def _on_choices_changed(self) -> None:
        if self.isVisible():
            self.reload_choices()

    # -- running -----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.worker.running

    def run_query(self) -> None:
        """Run the query in a worker thread (a run still going is cancelled first)."""
        text = self.query_edit.text()
        try:
            q.parse(text)  # one line at once, without a thread, for a query that cannot be read
        except InvalidInput as exc:
            self._say(str(exc))
            return
        try:
            scope = self.scope.scope()
        except InvalidInput as exc:
            self._say(f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
            return
        settings = {
            "coders": self.coder.coders(),
            "document_ids": list(scope.document_ids) or None,
            "set_name": scope.set_name,
            "where": list(scope.where),
            "context": self.context_box.value(),
        }
        library = self._session.library
        self._changed_while_running = False
        self._run_with_context = settings["context"] > 0  # type: ignore[operator]
        self.worker.start(
            lambda progress: retrieving.retrieve(library, text, progress=progress, **settings),  # type: ignore[arg-type]
            name="annotator-retrieve",
        )
        self._show_running(True)
        self._say(self.tr("Retrieving…"))

    def cancel(self) -> None:
        """Stop the run going on, if any (its result is dropped)."""
        if self.worker.cancel():
            self._on_cancelled()

    def stop(self) -> None:
        """Cancel a run and wait for its thread (the window closes)."""
        self.worker.stop()
        self._show_running(False)

    def _show_running(self, running: bool) -> None:
        self.progress_bar.setVisible(running)
        self.cancel_button.setVisible(running)
        self.cancel_action.setEnabled(running)
        if running:
            self.progress_bar.setRange(0, 0)  # busy until the first count

    def _on_worker_progressed(self, done: int, total: int) -> None:
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)

    def _on_cancelled(self) -> None:
        self._show_running(False)
        self._say(self.tr("Cancelled; the rows are those of the last run."))

    def _on_failed(self, message: str) -> None:
        self._show_running(False)
        self._say(message)

    def _on_retrieved(self, outcome: object) -> None:
        self._show_running(False)
        segments: list[Segment] = outcome  # type: ignore[assignment]
        self.stale = self._changed_while_running
        self._with_context = self._run_with_context  # with the rows: a cancelled run keeps both as they were
        self.model.set_segments(segments)
        documents = len({s.document_id for s in segments})
        in_documents = self.tr("in %Ln document(s)", None, documents)
        found = self.tr("%Ln segment(s) {in_documents}.", None, len(segments)).format(in_documents=in_documents)
        self._say(self.tr(STALE) if self.stale else found)
        if segments:
            self.view.setCurrentIndex(self.proxy.index(0, 0))

    # -- rows ----------------------------------------------------------------------------------------

    def shown_segments(self) -> list[Segment]:
        """The segments in the order the table shows them (sorted as its header says)."""
        return [
            self.model.segments[self.proxy.mapToSource(self.proxy.index(r, 0)).row()]
            for r in range(self.proxy.rowCount())
        ]

    def export_table(self) -> Table:
        return retrieving.segments_table(self.shown_segments(), with_context=self._with_context)

    def _on_view_activated(self, index: QModelIndex) -> None:
        s = self.model.segments[self.proxy.mapToSource(index).row()]
        self._show_span(s.document_id, s.start, s.end, s.sha256)

    def _on_library_changed(self, *_args: object) -> None:
        if self.worker.running:
            self._changed_while_running = True
        elif self.model.segments and not self.stale:
            self.stale = True
            self._say(self.tr(STALE))

    def _say(self, message: str) -> None:
        self.status_label.setText(message)
        self.status_label.setToolTip(message)


class QtRetrievalDock(QDockWidget):
    """UI: the Retrieved segments view as a dock at the bottom; ``toggle_action`` (Ctrl+Shift+R) shows it."""

    def __init__(
        self,
        window: QMainWindow,
        session: QtLibrarySession,
        *,
        selected_document_ids: Callable[[], list[str]],
        show_span: Callable[[str, int, int, str | None], bool],
    ) -> None:
        super().__init__(self.tr("Retrieved segments"), window)
        self.setObjectName("retrieval")
        self.panel = QtRetrievalPanel(
            self, session, selected_document_ids=selected_document_ids, show_span=show_span,
            report=lambda message: window.statusBar().showMessage(message, 5000),
        )  # fmt: skip
        make_keys_local(self.panel)  # its Alt keys act where the focus is, not window-wide
        self.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self)
        self.hide()
        self.in_front = False  # shown, and not behind another tab (Qt keeps those "visible", off screen)
        self.toggle_action = QAction(
            self.tr("&Retrieved segments"), self, shortcut=QKeySequence("Ctrl+Shift+R"), checkable=True
        )
        self.toggle_action.triggered.connect(self._on_toggle_action_triggered)
        window.addAction(self.toggle_action)
        self.visibilityChanged.connect(self._on_visibility_changed)

    def _on_visibility_changed(self, visible: bool) -> None:
        self.in_front = visible
        self.toggle_action.setChecked(not self.isHidden())  # a tab behind another is still open
        if visible:
            self.panel.reload_choices()  # what changed while hidden (coders, sets another program added)

    def _on_toggle_action_triggered(self, _checked: bool) -> None:
        """Show the view with the keyboard in its query; behind another tab, bring it to the front;
        in front, hide it."""
        if self.in_front and not self.isHidden():
            self.hide()
            return
        self.show()
        self.raise_()
        self.toggle_action.setChecked(True)
        self.panel.query_edit.setFocus()
        self.panel.query_edit.selectAll()
