"""UI: Search the library (Edit › Search the library, Ctrl+Shift+F): hits in keyword-in-context form.

A dock under the text: a pattern, the find bar's four switches (case, whole words, regex,
loose) and a scope (the whole library, a set, the documents selected in the library list,
documents where an attribute has a value). Enter searches with
:func:`~annotator.services.searching.search_library` in a thread of its own, so the window
stays usable: documents with hits appear as they are found, in batches, while the rest is
still searched; a progress bar and Cancel (or Esc) show meanwhile, and a new search cancels
the one running. Results are a tree: a row per document (its title and how many hits) and
under it a row per hit in KWIC columns (left context right-aligned, the hit, right context).
The model keeps the service's plain lists (no item object per cell), so 100,000 hits stay cheap.

Enter or a double click on a hit shows it in the text through the window's ``show_span``,
with the SHA-256 of the text it was found in: a text revised since is refused there, never
selected at the wrong place. When the library changes under the results (another program
revises, adds or deletes a document, or changes the set or attribute the scope names), the
view says its results may be out of date and marks the documents whose text changed; F5
searches again.

Saved searches (kept in the library, shared by everyone using it: see
:mod:`annotator.services.saved_searches`) are chosen in a list: Run, Save as…, Delete.

For the auto-code dialog, :meth:`QtLibrarySearch.current_query`,
:meth:`~QtLibrarySearch.current_scope` and :meth:`~QtLibrarySearch.selected_hits` say
what is searched and which hits are chosen.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import InvalidInput
from annotator.core.search import Query, SavedSearch, compile_query
from annotator.formats.tables import Table
from annotator.services import attributes as attribute_service
from annotator.services import saved_searches, sets
from annotator.services.library import Library
from annotator.services.progress import Cancelled
from annotator.services.searching import DocumentHits, Scope, hits_table, search_library, text_stamps
from annotator.ui.qt_query_options import QtQueryOptions
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_table_tools import QtElideLeftDelegate, QtTableTools

_Index = QModelIndex | QPersistentModelIndex

#: How often (seconds) the search thread hands what it found to the window: often enough to
#: look live, seldom enough that 1,000 documents are not 1,000 model inserts.
BATCH_SECONDS = 0.1

#: The scope chooser's entries, in order; the last is there once a saved search had a scope the
#: others cannot show (given documents, a set and an attribute value together).
WHOLE_LIBRARY, A_SET, SELECTED, WHERE, AS_SAVED = range(5)

#: The columns' headers (translated when shown).
COLUMNS = (
    QT_TRANSLATE_NOOP("QtSearchResultsModel", "Before"),
    QT_TRANSLATE_NOOP("QtSearchResultsModel", "Hit"),
    QT_TRANSLATE_NOOP("QtSearchResultsModel", "After"),
)


class SearchHit(NamedTuple):
    """UI: a hit as the auto-code dialog (or any other view) takes it: code points of the text
    whose SHA-256 is given."""

    document_id: str
    start: int
    end: int
    sha256: str


# -- the model ----------------------------------------------------------------------------------------


def hit_table_tools(
    view: QTreeView, model: QtSearchResultsModel, title: str, library: Callable[[], Library],
    report: Callable[[str], None],
) -> QtTableTools:  # fmt: skip
    """Copy and Export… for a view of hits: a row per hit (document, title, start, end, before,
    match, after; no document rows), Copy of the hits selected (a document row: all its hits) or
    of every hit when none is."""

    def copied() -> Table:
        chosen = {(h.document_id, h.start, h.end) for h in model.chosen_hits(view)}
        return hits_table(model.documents, title=title, only=chosen or None)

    return QtTableTools(
        view, title, library, report, export_table=lambda: hits_table(model.documents, title=title), copy_table=copied
    )


class QtSearchResultsModel(QAbstractItemModel):
    """UI: a two-level model over the service's :class:`DocumentHits`: document rows, hit rows under them.

    A document row's internal id is 0; a hit row's is its document's row + 1 (no objects per row).
    """

    def __init__(self, title_of: Callable[[str], str | None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._title_of = title_of  # a document's title as the library list shows it
        self.documents: list[DocumentHits] = []
        self.changed: set[str] = set()  # documents whose text changed since they were searched
        self.hit_count = 0
        self._bold = QFont()
        self._bold.setBold(True)

    def clear(self) -> None:
        self.beginResetModel()
        self.documents, self.changed, self.hit_count = [], set(), 0
        self.endResetModel()

    def add(self, found: list[DocumentHits]) -> None:
        """Append documents with their hits (a batch from the search thread)."""
        if not found:
            return
        first = len(self.documents)
        self.beginInsertRows(QModelIndex(), first, first + len(found) - 1)
        self.documents.extend(found)
        self.hit_count += sum(len(d.hits) for d in found)
        self.endInsertRows()

    def mark_changed(self, document_ids: set[str]) -> None:
        """Say of these documents that their text changed since the search."""
        self.changed = document_ids
        if self.documents:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.documents) - 1, 0))

    def hit_at(self, index: _Index) -> SearchHit | None:
        """The hit of a hit row (None for a document row)."""
        doc_row = index.internalId() - 1 if index.isValid() else -1
        if doc_row < 0:
            return None
        document = self.documents[doc_row]
        hit = document.hits[index.row()]
        return SearchHit(document.document_id, hit.start, hit.end, document.sha256)

    def chosen_hits(self, view: QTreeView) -> list[SearchHit]:
        """The hits selected in *view* (a document row stands for all its hits), in result order."""
        chosen: dict[SearchHit, None] = {}
        rows = sorted(
            {(i.internalId(), i.row()) for i in view.selectionModel().selectedRows()},
            key=lambda key: (key[1], -1) if key[0] == 0 else (key[0] - 1, key[1]),
        )
        for internal, row in rows:
            if internal == 0:
                chosen.update(dict.fromkeys(self.hits_of(row)))
            else:
                hit = self.hit_at(self.index(row, 0, self.index(internal - 1, 0)))
                if hit is not None:
                    chosen[hit] = None
        return list(chosen)

    def hits_of(self, doc_row: int) -> list[SearchHit]:
        document = self.documents[doc_row]
        return [SearchHit(document.document_id, h.start, h.end, document.sha256) for h in document.hits]

    # -- QAbstractItemModel ---------------------------------------------------------------------------

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(COLUMNS) or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0) if row < len(self.documents) else QModelIndex()
        if parent.internalId() != 0 or row >= len(self.documents[parent.row()].hits):
            return QModelIndex()
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self.documents)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.documents[parent.row()].hits)
        return 0

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._document_data(index, role)
        document = self.documents[index.internalId() - 1]
        hit = document.hits[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{hit.before}{hit.match}{hit.after}"
            return (hit.before, hit.match, hit.after)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == 0:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and column == 1:
            return self._bold
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{hit.before} [{hit.match}] {hit.after}"
        return None

    def _document_data(self, index: _Index, role: int):  # type: ignore[no-untyped-def]
        if index.column() != 0 or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            return None
        document = self.documents[index.row()]
        title = self._title_of(document.document_id) or document.title
        count = len(document.hits)
        shown = self.tr("{title} — %Ln hit(s)", None, count).format(title=title)
        if document.document_id in self.changed:
            shown += self.tr(" (changed since the search)")
        return shown


# -- the search thread ------------------------------------------------------------------------------


class _SearchRun(QObject):
    """UI: one search in a thread of its own. Its signals reach the window's thread queued."""

    found = Signal(int, object)  # generation, list[DocumentHits]
    progressed = Signal(int, int, int)  # generation, documents searched, documents in scope
    ended = Signal(int, str)  # generation, "" when done, else why it stopped (one line)

    def __init__(self, generation: int, library: Library, query: Query, scope: Scope) -> None:
        super().__init__()
        self.generation = generation
        self.stamps: dict[str, str] = {}  # every document's SHA-256 just before the search
        self._library, self._query, self._scope = library, query, scope
        self._cancel = threading.Event()
        self.thread = threading.Thread(target=self._run, name="annotator-library-search", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self._cancel.set()

    def _run(self) -> None:
        g, batch, last, sent = self.generation, [], time.monotonic(), False
        reported = [0.0]

        def progress(done: int, total: int) -> bool:
            now = time.monotonic()
            if done == total or now - reported[0] >= BATCH_SECONDS:
                reported[0] = now
                self.progressed.emit(g, done, total)
            return not self._cancel.is_set()

        try:
            self.stamps = text_stamps(self._library)
            for document in search_library(self._library, self._query, scope=self._scope, progress=progress):
                batch.append(document)
                now = time.monotonic()
                if not sent or now - last >= BATCH_SECONDS:  # the first document at once: the first page
                    self.found.emit(g, batch)
                    batch, last, sent = [], now, True
            self.found.emit(g, batch)
            self.ended.emit(g, "")
        except Cancelled:
            self.ended.emit(g, "cancelled")
        except USER_ERRORS as exc:
            self.ended.emit(g, str(exc))
        except RuntimeError:  # the window went away (its objects deleted) while the search ran
            pass


# -- the view ----------------------------------------------------------------------------------------


class _PatternEdit(QLineEdit):
    """The pattern field: Enter searches, Down goes into the results."""

    def __init__(self, owner: QtLibrarySearch) -> None:
        super().__init__(owner)
        self._owner = owner

    def keyPressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._owner.search()
            return
        if event.key() == Qt.Key.Key_Down and self._owner.model.documents:
            self._owner.focus_results()
            return
        super().keyPressEvent(event)


class QtLibrarySearch(QWidget):
    """UI: the Search the library panel (in a dock); see the module's description.

    *show_span(document_id, start, end, sha256) -> bool* shows a hit in the text;
    *selected_documents()* gives the ids selected in the library list; *title_of(id)* a
    document's title as the library list shows it; *status(message, ms)* the status bar.
    """

    searchEnded = Signal()  # a search ended: done, cancelled or refused
    #: Auto-code asked for: the hits chosen (a list of :class:`SearchHit`), or, with none chosen,
    #: every hit of the search shown: (query, scope, the SHA-256 of every text when it was searched).
    autocodeHits = Signal(list)
    autocodeSearch = Signal(object, object, dict)

    def __init__(
        self,
        session: QtLibrarySession,
        *,
        show_span: Callable[[str, int, int, str | None], bool],
        selected_documents: Callable[[], list[str]],
        title_of: Callable[[str], str | None],
        status: Callable[[str, int], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._show_span = show_span
        self._selected_documents = selected_documents
        self._status = status
        self._generation = 0
        self._run: _SearchRun | None = None
        self._searched: tuple[Query, Scope] | None = None  # what the results shown are of
        self._stamps: dict[str, str] = {}
        self._complete = False  # the results shown are all the search found (it was not stopped)
        self._saved: list[SavedSearch] = []
        self._saved_scope: Scope | None = None  # the scope of "As saved" in the chooser
        self.setAccessibleName(self.tr("Search the library"))

        self.edit = _PatternEdit(self)
        self.edit.setAccessibleName(self.tr("Search the library for"))
        self.edit.setPlaceholderText(self.tr("Search every document (Enter)"))
        self.edit.setClearButtonEnabled(True)
        self.search_button = QPushButton(self.tr("Search"), self)
        self.search_button.setAccessibleName(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.options = QtQueryOptions(self)  # Alt+C, Alt+W, Alt+R, Alt+L, as in the find bar
        self.options.changed.connect(self._search_again)

        self.scope_box = QComboBox(self)
        self.scope_box.setAccessibleName(self.tr("Search in"))
        self.scope_box.addItems(
            [self.tr("Whole library"), self.tr("Set"), self.tr("Selected documents"), self.tr("Documents where")]
        )
        self.set_box = QComboBox(self)
        self.set_box.setAccessibleName(self.tr("Set to search"))
        self.attribute_box = QComboBox(self)
        self.attribute_box.setAccessibleName(self.tr("Attribute"))
        self.value_edit = QLineEdit(self)
        self.value_edit.setAccessibleName(self.tr("Attribute value"))
        self.value_edit.setPlaceholderText(self.tr("value (empty: any)"))
        self.value_edit.returnPressed.connect(self.search)
        self.scope_box.currentIndexChanged.connect(lambda _i: self._show_scope_fields())
        scope_label = QLabel(self.tr("<u>I</u>n:"), self)  # no "&": a mnemonic is window-wide (see _panel_action)
        scope_label.setBuddy(self.scope_box)

        self.saved_box = QComboBox(self)
        self.saved_box.setAccessibleName(self.tr("Saved searches"))
        self.saved_box.setMinimumContentsLength(12)
        saved_label = QLabel(self.tr("Saved searc<u>h</u>:"), self)
        saved_label.setBuddy(self.saved_box)
        self.run_saved_button = QPushButton(self.tr("Run"), self)
        self.run_saved_button.setToolTip(self.tr("Run the saved search chosen (Alt+U)"))
        self.run_saved_button.setAccessibleName(self.tr("Run saved search"))
        self.run_saved_button.clicked.connect(self.run_saved)
        self.save_button = QPushButton(self.tr("Save as…"), self)
        self.save_button.setToolTip(self.tr("Save this search in the library (Alt+A)"))
        self.save_button.setAccessibleName(self.tr("Save this search as"))
        self.save_button.clicked.connect(self.save_current)
        self.rename_saved_button = QPushButton(self.tr("Rename…"), self)
        self.rename_saved_button.setAccessibleName(self.tr("Rename saved search"))
        self.rename_saved_button.clicked.connect(self.rename_saved)
        self.delete_saved_button = QPushButton(self.tr("Delete"), self)
        self.delete_saved_button.setAccessibleName(self.tr("Delete saved search"))
        self.delete_saved_button.clicked.connect(self.delete_saved)
        self.autocode_button = QPushButton(self.tr("Auto-code…"), self)
        self.autocode_button.setAccessibleName(self.tr("Auto-code the hits"))
        self.autocode_button.setToolTip(self.tr("Tag the selected hits, or every hit found, with one tag (Alt+O)"))
        self.autocode_button.clicked.connect(self.request_autocode)

        self.model = QtSearchResultsModel(title_of, self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setAccessibleName(self.tr("Search results"))
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The context before a hit is cut on its left, keeping what is next to the hit; titles and the
        # context after a hit are cut on their right.
        self.tree.setItemDelegateForColumn(0, QtElideLeftDelegate(self.tree, children_only=True))
        self.tree.activated.connect(self._on_activated)
        self.tree.header().setStretchLastSection(True)
        self.tree.setColumnWidth(0, 320)
        self.tree.setColumnWidth(1, 140)

        self.tools = hit_table_tools(self.tree, self.model, self.tr("Search results"), lambda: session.library,
                                     lambda message: status(message, 5000))  # fmt: skip
        self.tools.copy_button.setAccessibleName(self.tr("Copy the selected hits"))

        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(self.tr("Search progress"))
        self.progress.setMaximumWidth(200)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setAccessibleName(self.tr("Cancel the search"))
        self.cancel_button.setToolTip(self.tr("Stop searching (Esc)"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.total_label = QLabel(self)
        self.total_label.setAccessibleName(self.tr("Search result"))
        self.total_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stale_label = QLabel(self)
        self.stale_label.setAccessibleName(self.tr("Results out of date"))
        self.stale_label.setWordWrap(True)
        self.stale_label.hide()

        self._panel_action(self.tr("Cancel the search"), "Esc", self._on_escape)
        self._panel_action(self.tr("Search again"), "F5", self.search)
        for text, key, widget in ((self.tr("Search in"), "Alt+I", self.scope_box),
                                  (self.tr("Saved searches"), "Alt+S", self.saved_box)):  # fmt: skip
            self._panel_action(text, key, lambda w=widget: w.setFocus(Qt.FocusReason.ShortcutFocusReason))
        for key, button in (("Alt+U", self.run_saved_button), ("Alt+A", self.save_button),
                            ("Alt+O", self.autocode_button)):  # fmt: skip
            self._panel_action(button.accessibleName(), key, button.animateClick)

        top = QHBoxLayout()
        top.addWidget(self.edit, 1)
        top.addWidget(self.search_button)
        for box in self.options.boxes:
            top.addWidget(box)
        scope_row = QHBoxLayout()
        for widget in (scope_label, self.scope_box, self.set_box, self.attribute_box, self.value_edit):
            scope_row.addWidget(widget)
        scope_row.addStretch(1)
        for widget in (saved_label, self.saved_box, self.run_saved_button, self.save_button,
                       self.rename_saved_button, self.delete_saved_button):  # fmt: skip
            scope_row.addWidget(widget)
        bottom = QHBoxLayout()
        bottom.addWidget(self.total_label, 1)
        bottom.addWidget(self.autocode_button)
        bottom.addWidget(self.tools.copy_button)
        bottom.addWidget(self.tools.export_button)
        bottom.addWidget(self.progress)
        bottom.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addLayout(scope_row)
        layout.addWidget(self.stale_label)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self._show_scope_fields()

        session.refreshed.connect(self._check_stale)
        session.documentsChanged.connect(self._check_stale)
        session.libraryReloaded.connect(self._on_library_reloaded)
        session.setsChanged.connect(self._on_sets_or_attributes_changed)
        session.attributesChanged.connect(self._on_sets_or_attributes_changed)
        session.refreshed.connect(self.reload_choices)

    def _panel_action(self, text: str, key: str, slot: Callable[[], object]) -> QAction:
        """A key that works wherever the focus is in the panel, and only there. Not a mnemonic ("&"):
        those are window-wide, so while the panel is shown they would meet the find bar's Alt+A and
        the Retrieved segments view's Alt+I, Alt+O and Alt+U, and neither would work."""
        action = QAction(text, self, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    # -- what the window and the auto-code dialog call ---------------------------------------------

    def open_panel(self) -> None:
        """Put the keyboard in the pattern field (its text selected, to type over)."""
        self.reload_choices()
        self.edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.edit.selectAll()

    def current_query(self) -> Query:
        """The query as the panel shows it now (not checked: :func:`compile_query` says if it can run)."""
        return self.options.query(self.edit.text())

    def current_scope(self) -> Scope:
        """Where the panel searches now; the selected documents are those selected in the library list now."""
        kind = self.scope_box.currentIndex()
        if kind == A_SET:
            return Scope(set_name=self.set_box.currentText())
        if kind == SELECTED:
            return Scope(document_ids=tuple(self._selected_documents()))
        if kind == WHERE:
            return Scope(where=((self.attribute_box.currentText(), self.value_edit.text()),))
        if kind == AS_SAVED and self._saved_scope is not None:
            return self._saved_scope
        return Scope()

    def selected_hits(self) -> list[SearchHit]:
        """The hits selected in the results (a document row stands for all its hits), in result order."""
        return self.model.chosen_hits(self.tree)

    def request_autocode(self) -> None:
        """Ask for the auto-code dialog: for the hits selected, or every hit of the search shown, in
        the texts as they were searched (a text revised since is refused when coding)."""
        if self._run is not None:
            self._status(self.tr("Wait for the search to end (or cancel it) before auto-coding its hits."), 5000)
            return
        if self._searched is None or not self.model.documents:
            self._status(self.tr("Search first: auto-code tags the hits found."), 5000)
            return
        chosen = self.selected_hits()
        if not chosen and not self._complete:  # a search stopped early: every hit found is every hit shown
            chosen = [hit for row in range(len(self.model.documents)) for hit in self.model.hits_of(row)]
        if chosen:
            self.autocodeHits.emit(chosen)
        else:
            query, scope = self._searched
            self.autocodeSearch.emit(query, scope, dict(self._stamps))

    def focus_results(self) -> None:
        had_current = self.tree.currentIndex().isValid()  # before the focus gives it one (the first row)
        self.tree.setFocus(Qt.FocusReason.OtherFocusReason)
        if not had_current and self.model.documents:
            first = self.model.index(0, 0, self.model.index(0, 0))
            self.tree.setCurrentIndex(first)
            self.tree.scrollTo(first)  # lays out the rows added since the last paint, for the arrow keys

    def running(self) -> bool:
        return self._run is not None

    def stop(self) -> None:
        """Cancel a running search and wait a moment for its thread (the window closes)."""
        run = self._run
        self.cancel()
        if run is not None:
            run.thread.join(timeout=2)

    # -- searching -----------------------------------------------------------------------------------

    def search(self) -> None:
        """Search with the pattern, switches and scope shown; a search running is cancelled first."""
        self.cancel(quiet=True)
        query, scope = self.current_query(), self.current_scope()
        try:
            compile_query(query)
            self._check_scope(scope)
        except InvalidInput as exc:
            self.model.clear()
            self._searched = None
            self.stale_label.hide()
            self._say(str(exc))
            self.searchEnded.emit()
            return
        self._start(query, scope)

    def _check_scope(self, scope: Scope) -> None:
        """:class:`InvalidInput` if the scope chosen names nothing (no document selected, no set or
        attribute yet): searched or saved, it would be the whole library."""
        if self.scope_box.currentIndex() == SELECTED and not scope.document_ids:
            raise InvalidInput(self.tr("select documents in the library list first, or search another scope"))
        if self.scope_box.currentIndex() == A_SET and not scope.set_name:
            raise InvalidInput(self.tr("the library has no set yet"))
        if self.scope_box.currentIndex() == WHERE and not self.attribute_box.currentText():
            raise InvalidInput(self.tr("the library has no attribute yet"))

    def _start(self, query: Query, scope: Scope) -> None:
        """Search in a thread of its own; the results so far are cleared."""
        self.cancel(quiet=True)
        self.model.clear()
        self.stale_label.hide()
        self._searched = (query, scope)
        self._complete, self._stamps = False, {}
        self._generation += 1
        run = _SearchRun(self._generation, self._session.library, query, scope)
        run.found.connect(self._on_found)
        run.progressed.connect(self._on_progressed)
        run.ended.connect(self._on_ended)
        self._run = run
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self._say(self.tr("Searching…"))
        run.start()

    def cancel(self, *, quiet: bool = False) -> None:
        """Stop the search running (what was found so far stays)."""
        run, self._run = self._run, None
        if run is None:
            return
        run.cancel()
        self._generation += 1  # what it still sends is not shown
        self.progress.hide()
        self.cancel_button.hide()
        if not quiet:
            self._say(self.tr("Cancelled: {found} found before stopping.").format(found=self._count()))
            self.searchEnded.emit()

    def _on_escape(self) -> None:
        if self._run is not None:
            self.cancel()

    def _search_again(self) -> None:
        if self._searched is not None or self._run is not None:
            self.search()

    def _on_found(self, generation: int, found: list[DocumentHits]) -> None:
        if generation != self._generation:
            return
        first = len(self.model.documents)
        self.model.add(found)
        for row in range(first, len(self.model.documents)):
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            self.tree.expand(self.model.index(row, 0))
        if self._run is not None:
            self._say(self.tr("Searching… {found} so far").format(found=self._count()))

    def _on_progressed(self, generation: int, done: int, total: int) -> None:
        if generation != self._generation:
            return
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _on_ended(self, generation: int, problem: str) -> None:
        if generation != self._generation:
            return
        run, self._run = self._run, None
        self.progress.hide()
        self.cancel_button.hide()
        if problem:
            if problem != "cancelled":
                self._searched = None
            cancelled = self.tr("Cancelled: {found} found before stopping.").format(found=self._count())
            self._say(problem if problem != "cancelled" else cancelled)
        else:
            self._stamps = run.stamps if run is not None else {}
            self._complete = True
            self._say(self._count() if self.model.documents else self.tr("No hits"))
            self._check_stale()
        self.searchEnded.emit()

    def _count(self) -> str:
        hits, documents = self.model.hit_count, len(self.model.documents)
        in_documents = self.tr("in %Ln document(s)", None, documents)
        return self.tr("%Ln hit(s) {in_documents}", None, hits).format(in_documents=in_documents)

    def _say(self, text: str) -> None:
        self.total_label.setText(text)
        self.total_label.setAccessibleDescription(text)  # a screen reader hears it change

    def _on_activated(self, index: QModelIndex) -> None:
        hit = self.model.hit_at(index)
        if hit is None:  # a document row: its first hit
            if index.internalId() != 0 or not self.model.documents:
                return
            hit = self.model.hits_of(index.row())[0]
        self._show_span(hit.document_id, hit.start, hit.end, hit.sha256)

    # -- the library changed under the results ---------------------------------------------------------

    def _check_stale(self) -> None:
        """Compare every document's text now with what it was when searched; say so if any changed."""
        if self._searched is None or self._run is not None:
            return
        try:
            now = text_stamps(self._session.library)
        except USER_ERRORS:
            return  # the library cannot be read just now: the watcher says so
        changed = {d.document_id for d in self.model.documents if now.get(d.document_id) != d.sha256}
        if changed != self.model.changed:
            self.model.mark_changed(changed)
        if changed or (self._complete and now != self._stamps):  # stopped early: only the texts shown count
            self._mark_stale()

    def _on_sets_or_attributes_changed(self) -> None:
        self.reload_choices()
        if self._searched is not None and (self._searched[1].set_name is not None or self._searched[1].where):
            self._mark_stale()

    def _on_library_reloaded(self) -> None:
        self.reload_choices()
        if self._searched is not None:
            self._mark_stale()

    def _mark_stale(self) -> None:
        self.stale_label.setText(
            self.tr("⚠ The library changed since this search: these results may be out of date (F5 searches again).")
        )
        self.stale_label.show()

    @property
    def stale(self) -> bool:
        return not self.stale_label.isHidden()

    # -- choices: sets, attributes, saved searches ------------------------------------------------------

    def reload_choices(self) -> None:
        """Read the sets, attributes and saved searches again (keeping what is chosen where it still is)."""
        library = self._session.library
        try:
            set_names = [s.name for s in sets.list_sets(library)]
            attribute_names = [a.name for a in attribute_service.definitions(library)]
            self._saved = saved_searches.list_saved_searches(library)
        except USER_ERRORS:
            return
        _refill(self.set_box, set_names)
        _refill(self.attribute_box, attribute_names)
        _refill(self.saved_box, [s.name for s in self._saved])
        has_saved = bool(self._saved)
        self.run_saved_button.setEnabled(has_saved)
        self.delete_saved_button.setEnabled(has_saved)

    def _show_scope_fields(self) -> None:
        kind = self.scope_box.currentIndex()
        self.set_box.setVisible(kind == A_SET)
        self.attribute_box.setVisible(kind == WHERE)
        self.value_edit.setVisible(kind == WHERE)

    def _chosen_saved(self) -> SavedSearch | None:
        name = self.saved_box.currentText()
        return next((s for s in self._saved if s.name == name), None)

    def run_saved(self) -> None:
        """Show the chosen saved search's pattern, switches and scope, and search."""
        chosen = self._chosen_saved()
        if chosen is None:
            self._status(self.tr("Choose a saved search first."), 4000)
            return
        query = chosen.query
        self.options.show_query(query)
        self.edit.setText(query.pattern)
        scope = saved_searches.scope_of(chosen)
        if scope.document_ids or (scope.set_name is not None and scope.where) or len(scope.where) > 1:
            self._search_saved(query, scope)  # a scope the chooser cannot show: searched as saved
            return
        if scope.set_name is not None:
            self.scope_box.setCurrentIndex(A_SET)
            self.set_box.setCurrentText(scope.set_name)
        elif scope.where:
            self.scope_box.setCurrentIndex(WHERE)
            self.attribute_box.setCurrentText(scope.where[0][0])
            self.value_edit.setText(scope.where[0][1])
        else:
            self.scope_box.setCurrentIndex(WHOLE_LIBRARY)
        if self.current_scope() != scope:  # its set or attribute is gone: the service says so
            self._search_saved(query, scope)
            return
        self.search()

    def _search_saved(self, query: Query, scope: Scope) -> None:
        """Search a saved scope the chooser cannot show (given documents, several conditions) as saved."""
        self._saved_scope = scope
        if self.scope_box.count() <= AS_SAVED:
            self.scope_box.addItem(self.tr("As saved"))
        self.scope_box.setCurrentIndex(AS_SAVED)
        self._start(query, scope)

    def save_current(self) -> None:
        """Save the pattern, switches and scope shown, under a name asked for."""
        name, ok = QInputDialog.getText(self, self.tr("Save search"), self.tr("Name of this search:"))
        if not ok:
            return
        try:
            scope = self.current_scope()
            self._check_scope(scope)
            saved_searches.save_search(self._session.library, name=name, query=self.current_query(), scope=scope)
        except USER_ERRORS as exc:
            self._status(self.tr("Not saved: {error}").format(error=exc), 6000)
            self._say(self.tr("Not saved: {error}").format(error=exc))
            return
        self.reload_choices()
        self.saved_box.setCurrentText(saved_searches.search_name(name))
        self._status(self.tr("Saved the search “{name}”.").format(name=saved_searches.search_name(name)), 4000)

    def rename_saved(self) -> None:
        """Rename the chosen saved search (as shown: refused if another program changed it since)."""
        chosen = self._chosen_saved()
        if chosen is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Rename saved search"), self.tr("New name:"), text=chosen.name)
        if not ok:
            return
        try:
            saved_searches.rename_saved_search(self._session.library, new_name=name, base=chosen)
        except USER_ERRORS as exc:
            self._status(self.tr("Not renamed: {error}").format(error=exc), 6000)
            self.reload_choices()
            return
        self.reload_choices()
        self.saved_box.setCurrentText(saved_searches.search_name(name))
        renamed = self.tr("Renamed the saved search “{old}” to “{new}”.")
        self._status(renamed.format(old=chosen.name, new=saved_searches.search_name(name)), 4000)

    def delete_saved(self) -> None:
        """Delete the chosen saved search (as shown: refused if another program changed it since)."""
        chosen = self._chosen_saved()
        if chosen is None:
            return
        try:
            saved_searches.delete_saved_search(self._session.library, base=chosen)
        except USER_ERRORS as exc:
            self._status(self.tr("Not deleted: {error}").format(error=exc), 6000)
            self.reload_choices()
            return
        self.reload_choices()
        self._status(self.tr("Deleted the saved search “{name}”.").format(name=chosen.name), 4000)


def _refill(box: QComboBox, names: list[str]) -> None:
    """Give *box* these entries, keeping the one chosen if it is still there."""
    if [box.itemText(i) for i in range(box.count())] == names:
        return
    chosen = box.currentText()
    box.blockSignals(True)
    box.clear()
    box.addItems(names)
    if chosen in names:
        box.setCurrentText(chosen)
    box.blockSignals(False)
