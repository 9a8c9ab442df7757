"""UI: the main window: library on the left, the text in the middle, tags and annotations on the right.

The window is a shell: it lays out the widgets, builds the menus and wires both
to the :class:`QtLibrarySession`, which holds the data and applies what every
use case changed. Every edit goes through the session's undo stack and is saved
as it happens; the status bar says so. Importing (:class:`QtImportFlow`),
exporting (:class:`QtExportFlow`), other programs' changes and backups
(:class:`QtLibraryWatcher`) and orphans (:class:`QtOrphanPanel`) have classes
of their own; the window keeps the reading, selecting and tagging.
"""

from __future__ import annotations

import gc
import itertools
from collections import Counter
from collections.abc import Callable, Iterable

from PySide6.QtCore import QByteArray, QChildEvent, QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from annotator import config
from annotator.core.codebook import labels as tag_labels
from annotator.core.gcpause import gc_paused
from annotator.core.model import Annotation, Document
from annotator.services import Changes
from annotator.services.autocoding import ChosenHit
from annotator.services.locating import describe_library
from annotator.ui.qt_agreement import QtAgreementFlow
from annotator.ui.qt_annotation_jump import QtAnnotationJump
from annotator.ui.qt_annotation_list import QtAnnotationFilter, QtAnnotationList
from annotator.ui.qt_attributes import QtAttributesPanel
from annotator.ui.qt_autocode import QtAutocodeFlow
from annotator.ui.qt_codebook_flow import QtCodebookFlow
from annotator.ui.qt_coders import QtCoderView
from annotator.ui.qt_coding_stripes import QtCodingStripes
from annotator.ui.qt_disagreements import QtDisagreementsPanel, compare_in, disagreements_dock
from annotator.ui.qt_document_flow import QtDocumentFlow
from annotator.ui.qt_document_list import QtDocumentList
from annotator.ui.qt_export_dialog import SCOPE_DOCUMENT
from annotator.ui.qt_export_flow import QtExportFlow
from annotator.ui.qt_find_bar import QtFindBar
from annotator.ui.qt_frequencies import frequencies_dock
from annotator.ui.qt_help import QtHelpFlow
from annotator.ui.qt_import_flow import QtImportFlow
from annotator.ui.qt_inspector import QtInspector
from annotator.ui.qt_layout import QtWindowLayout
from annotator.ui.qt_library_search import QtLibrarySearch
from annotator.ui.qt_library_sets import QtLibrarySets
from annotator.ui.qt_library_watcher import QtLibraryWatcher
from annotator.ui.qt_matrices import cooccurrence_dock, document_matrix_dock
from annotator.ui.qt_memos import QtMemoFlow
from annotator.ui.qt_navigation import QtNavigation
from annotator.ui.qt_orphan_panel import QtOrphanPanel
from annotator.ui.qt_outline import QtMinimap, QtOutlineDock
from annotator.ui.qt_pdf_highlights import QtPdfHighlightsImport
from annotator.ui.qt_preferences import QtCoderIdentity
from annotator.ui.qt_print import QtPrintFlow, install_pdf_writer
from annotator.ui.qt_retrieval import QtRetrievalDock
from annotator.ui.qt_revise_flow import QtReviseFlow
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_settings import QtSettingsFlow
from annotator.ui.qt_table_panel import TAB_GROUP
from annotator.ui.qt_tag_tree import QtTagTree
from annotator.ui.qt_text_pane import QtTextPane
from annotator.ui.qt_themes import QtAppearanceMenus, apply_appearance
from annotator.ui.qt_web_highlights import QtWebHighlightsImport


class QtMainWindow(QMainWindow):
    """UI: the main window of one open library."""

    def __init__(self, session: QtLibrarySession) -> None:
        super().__init__()
        self.session = session
        self._syncing = False  # set while code (not the user) selects annotation rows
        # The span (code points) that selecting rows in the annotation list selected in the text:
        # while the text selection is still exactly that, a tag key retags those rows.
        self._row_span: tuple[int, int] | None = None
        self._shown_document_id: str | None = None  # the document the views show
        self.setWindowTitle("Annotator")

        self.document_list = QtDocumentList(self)
        self.documents_model = self.document_list.documents_model
        self.pane = QtTextPane(self)
        self.tag_panel = QtTagTree(self)
        self.annotation_view = QtAnnotationList(self, on_note_edited=session.set_note)
        self.annotation_view.context_menu = self.annotation_context_menu
        self.annotations_model = self.annotation_view.annotations_model
        self.inspector = QtInspector(self)
        self.orphan_panel = QtOrphanPanel(session, self.pane, self.statusBar().showMessage, self)

        self.annotation_filter = QtAnnotationFilter(self.annotation_view, self)
        self.identity = QtCoderIdentity(self, self._report)
        # Edit › Settings… and View › Zoom: applied to the pane now, before any text is laid out.
        self.settings_flow = QtSettingsFlow(self, self.pane, self.identity, self._report, self._on_settings_applied)
        session.coder_name = self.identity.name
        session.me = self.identity.current
        self.coder_view = QtCoderView(self, session, self.identity.current)
        self.orphan_panel.shows = lambda coder: self.coder_view.view().shows(coder)
        annotations_column = QWidget(self)
        annotations_layout = QVBoxLayout(annotations_column)
        annotations_layout.setContentsMargins(0, 0, 0, 0)
        annotations_layout.setSpacing(2)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self.annotation_filter, 1)
        filter_row.addWidget(self.coder_view.button)
        annotations_layout.addLayout(filter_row)
        annotations_layout.addWidget(self.annotation_view, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.tag_panel)
        right.addWidget(annotations_column)
        right.addWidget(self.orphan_panel)
        right.addWidget(self.inspector)
        right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.library_sets = QtLibrarySets(session, self.document_list, self.statusBar().showMessage, self)
        library_pane = QSplitter(Qt.Orientation.Vertical, self)
        library_pane.addWidget(self.library_sets)
        library_pane.addWidget(self.document_list)
        library_pane.setStretchFactor(1, 1)
        self.find_bar = QtFindBar(
            self.pane, lambda: session.document.text if session.document is not None else "", self
        )
        text_column = QWidget(self)
        text_layout = QVBoxLayout(text_column)
        text_layout.setContentsMargins(0, 0, 0, 0)
        text_layout.setSpacing(0)
        self.minimap = QtMinimap(session, self.coder_view, self.pane, text_column)  # beside the scroll bar
        self.stripes = QtCodingStripes(
            session, self.pane, self.settings_flow, lambda i: self.navigation.show_annotation(i)
        )
        text_row = QHBoxLayout()
        text_row.setSpacing(0)
        text_row.addWidget(self.pane, 1)
        text_row.addWidget(self.minimap)
        text_layout.addLayout(text_row, 1)
        text_layout.addWidget(self.find_bar)
        self.splitter.addWidget(library_pane)
        self.splitter.addWidget(text_column)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        # Side panels that fold away and give way to the text; distraction-free reading (F11).
        self.window_layout = QtWindowLayout(self, self.splitter, self.pane, right, beside=[self.minimap, self.stripes])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)
        self.attributes_panel = QtAttributesPanel(session, self.statusBar().showMessage, self)
        self.attributes_dock = QDockWidget(self.tr("Attributes"), self)
        self.attributes_dock.setObjectName("attributes")
        self.attributes_dock.setWidget(self.attributes_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.attributes_dock)
        self.attributes_dock.hide()
        self.library_search = QtLibrarySearch(
            session, show_span=self.show_span, selected_documents=self.document_list.selected_ids,
            title_of=self.documents_model.shown_title, status=self.statusBar().showMessage, parent=self,
        )  # fmt: skip
        self.search_dock = QDockWidget(self.tr("Search the library"), self)
        self.search_dock.setObjectName("library_search")
        self.search_dock.setWidget(self.library_search)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_dock)
        self.search_dock.hide()
        self.retrieval = QtRetrievalDock(
            self, session, selected_document_ids=self.document_list.selected_ids, show_span=self.show_span
        )
        # The tables counted across the library: docks in the Retrieved segments view's tabs.
        tables = {"selected_document_ids": self.document_list.selected_ids, "show_span": self.show_span,
                  "report": self._report}  # fmt: skip
        self.cooccurrence = cooccurrence_dock(self, session, self.retrieval, **tables)
        self.document_matrix = document_matrix_dock(self, session, self.retrieval, **tables)
        self.frequencies = frequencies_dock(self, session, self.retrieval, **tables)
        self.disagreements = disagreements_dock(self, session, self.retrieval, **tables)
        self.agreement = QtAgreementFlow(
            self, session, self.document_list.selected_ids, self._report,
            compare=lambda coders, scope, tags: compare_in(self.disagreements, coders, scope=scope, tags=tags or None),
        )  # fmt: skip
        self.outline = QtOutlineDock(self, session, self.coder_view, lambda i: self.navigation.show_annotation(i))
        # The views opened at the bottom share one set of tabs (one in front at a time).
        for dock in (self.search_dock, self.retrieval, self.cooccurrence, self.document_matrix, self.frequencies,
                     self.disagreements):  # fmt: skip
            dock.setProperty(TAB_GROUP, True)
        for dock in (self.search_dock, self.retrieval):
            dock.visibilityChanged.connect(lambda visible, dock=dock: visible and self._join_bottom_tabs(dock))

        # Saved once scrolling pauses; counts read once a burst of edits is over.
        self._position_timer = self._single_shot(800, self.save_reading_position)
        self._counts_timer = self._single_shot(150, self._refresh_document_counts)
        self._counts_of_coders_timer = self._single_shot(300, self._refresh_coders)
        # A load pauses the cyclic collector; the full collection it puts off (~100 ms over a 3 MB
        # document's objects) runs once the window is idle, not in the middle of the next keystroke.
        self._collect_timer = self._single_shot(0, self._collect_garbage)

        self.importer = QtImportFlow(
            self, session, open_document=self._open_imported, title_of=self.documents_model.title
        )
        self.highlights_importer = QtPdfHighlightsImport(self, session, open_document=self._open_imported)
        self.web_highlights_importer = QtWebHighlightsImport(self, session)
        self.exporter = QtExportFlow(
            self, session, selected_document_ids=self.document_list.selected_ids, set_names=self.library_sets.set_names
        )
        install_pdf_writer()  # the pdf format's writer (Qt lays it out), for the Export dialog too
        self.printer = QtPrintFlow(self, session)
        self.watcher = QtLibraryWatcher(self, session, before_restore=self._before_restore)
        self.reviser = QtReviseFlow(self, session, before_revise=self.save_reading_position)
        self.codebook = QtCodebookFlow(self, session)
        self.document_flow = QtDocumentFlow(self, session, self.document_list, self._report)
        self.memo_flow = QtMemoFlow(
            self, session, self.identity.name, self._open_annotation_at, self._edit_memo_of, self._report
        )
        self.autocoder = QtAutocodeFlow(self, session)  # Auto-code…: the find bar's, and any view's
        self.find_bar.autocodeRequested.connect(self.autocoder.code_in_document)
        self.library_search.autocodeHits.connect(
            lambda hits: self.autocoder.code_hits([ChosenHit(*hit) for hit in hits])
        )
        self.library_search.autocodeSearch.connect(
            lambda query, scope, stamps: self.autocoder.code_query(query, scope, expected_sha256s=stamps)
        )

        # Tab goes through the panes as they are seen: left to right, top to bottom (not as they were made).
        chain = [self.document_list, self.pane, *_tab_stops(self.find_bar), *_tab_stops(self.tag_panel),
                 self.annotation_filter, self.coder_view.button, self.annotation_view,
                 *_tab_stops(self.orphan_panel), *_tab_stops(self.inspector)]  # fmt: skip
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.navigation = QtNavigation(self, self, _settings())  # F6 between panes, ] and [ between annotations
        self.jump = QtAnnotationJump(
            self, lambda: self._shown(self.session.annotations.values()), lambda: self.session.tags, self._report
        )
        self.jump.picked.connect(self._jump_to)
        self._build_actions()
        self._connect()
        self._apply_tags()
        self.statusBar().showMessage(
            self.tr("Library: {library}").format(library=describe_library(session.library.url))
        )
        # The tags at the caret in words, beside the colours that show them (the pane says them to a screen reader).
        self.tags_at_cursor = QLabel(self)
        self.tags_at_cursor.setAccessibleName(self.tr("Tags at the cursor"))
        self.tags_at_cursor.setMaximumWidth(480)
        self.tags_at_cursor.setMinimumWidth(1)  # cut short in a narrow window rather than widen it
        self.statusBar().addPermanentWidget(self.tags_at_cursor)
        self.pane.tagsAtCursorChanged.connect(self.tags_at_cursor.setText)

    # -- construction ----------------------------------------------------------------------------

    def _single_shot(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import…"), self, shortcut=QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self.importer.choose_files)
        self.paste_action = QAction(
            self.tr("New document from &clipboard"), self, shortcut=QKeySequence("Ctrl+Shift+V")
        )
        self.paste_action.triggered.connect(self.importer.paste)
        self.import_highlights_action = QAction(self.tr("Import PDF &highlights…"), self)
        self.import_highlights_action.triggered.connect(self.highlights_importer.choose_files)
        self.import_web_highlights_action = QAction(self.tr("Import Hypothesis or &Zotero highlights…"), self)
        self.import_web_highlights_action.triggered.connect(self.web_highlights_importer.choose_file)
        self.export_action = QAction(self.tr("&Export…"), self, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.exporter.choose_and_export)
        self.export_pdf_action = QAction(self.tr("Export &PDF…"), self, shortcut=QKeySequence("Ctrl+Shift+P"))
        self.export_pdf_action.triggered.connect(lambda: self.exporter.export_to(SCOPE_DOCUMENT, "pdf", []))
        self.print_action = QAction(self.tr("P&rint…"), self, shortcut=QKeySequence("Ctrl+P"))
        self.print_action.triggered.connect(self.printer.print_document)
        self.backups_action = QAction(self.tr("&Backups…"), self)
        self.backups_action.triggered.connect(self.watcher.show_backups)
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions(
            [
                self.import_action,
                self.import_highlights_action,
                self.import_web_highlights_action,
                self.paste_action,
                self.export_action,
                self.export_pdf_action,
            ]
        )
        file_menu.addAction(self.print_action)
        file_menu.addSeparator()
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        stack = self.session.undo_stack
        self.undo_action = stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.delete_action = QAction(self.tr("&Delete annotation"), self, shortcut=QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self._on_delete_triggered)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.delete_action)
        edit_menu.addAction(self.navigation.snap_action)
        edit_menu.addSeparator()
        self.find_action = QAction(self.tr("&Find…"), self, shortcut=QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.find_bar.open_bar)
        # A found hit is text to tag, even where it is exactly an annotation's span the row selected.
        self.find_bar.hitSelected.connect(self._forget_row_span)
        self.find_next_action = QAction(self.tr("Find &next"), self, shortcut=QKeySequence("F3"))
        self.find_next_action.triggered.connect(lambda: self.find_bar.step(1))
        self.find_previous_action = QAction(self.tr("Find &previous"), self, shortcut=QKeySequence("Shift+F3"))
        self.find_previous_action.triggered.connect(lambda: self.find_bar.step(-1))
        self.search_library_action = QAction(
            self.tr("Search the &library…"), self, shortcut=QKeySequence("Ctrl+Shift+F")
        )
        self.search_library_action.triggered.connect(self._open_library_search)
        for action in (self.find_action, self.find_next_action, self.find_previous_action, self.search_library_action):
            self.addAction(action)
            edit_menu.addAction(action)
        edit_menu.addAction(self.jump.action)
        edit_menu.addSeparator()
        self.settings_action = self.settings_flow.settings_action
        self.addAction(self.settings_action)
        edit_menu.addAction(self.settings_action)
        for action in (self.undo_action, self.redo_action):
            self.addAction(action)  # shortcuts work wherever the focus is in the window
        # Delete means "delete the annotation" only where annotations are: in the library list it
        # would seem to mean the document, so the key works in the annotation list (its in-place
        # editor keeps its own Delete) and the text pane. The menu entry still shows it.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.annotation_view.addAction(self.delete_action)
        self.pane.addAction(self.delete_action)

        document_menu = self.menuBar().addMenu(self.tr("&Document"))
        self.revise_action = QAction(self.tr("&Replace text with a new version…"), self)
        self.revise_action.triggered.connect(self.reviser.choose_file)
        self.accept_action = QAction(self.tr("&Accept placement"), self)
        self.accept_action.setToolTip(self.tr("Agree with where a revision placed the selected (⚠) annotations"))
        self.accept_action.setEnabled(False)  # until a selected annotation awaits review
        self.accept_action.triggered.connect(self._on_accept_triggered)
        document_menu.addActions([self.revise_action, self.accept_action])
        self.attributes_action = self.attributes_dock.toggleViewAction()
        self.attributes_action.setText(self.tr("A&ttributes"))
        self.attributes_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        document_menu.addAction(self.attributes_action)
        document_menu.addSeparator()
        document_menu.addActions(self.document_flow.actions)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addActions([self.memo_flow.memos_action, self.memo_flow.journal_action])
        self.search_dock_action = self.search_dock.toggleViewAction()
        self.search_dock_action.setText(self.tr("&Search the library"))
        view_menu.addAction(self.outline.toggle_action)
        view_menu.addAction(self.stripes.toggle_action)
        view_menu.addAction(self.search_dock_action)
        view_menu.addAction(self.retrieval.toggle_action)
        for dock in (self.cooccurrence, self.document_matrix, self.frequencies, self.disagreements):
            view_menu.addAction(dock.toggle_action)
        view_menu.addAction(self.agreement.action)
        view_menu.addSeparator()
        view_menu.addMenu(self.coder_view.menu)
        self.appearance = QtAppearanceMenus(self, self.settings_flow)
        view_menu.addMenu(self.appearance.theme_menu)
        view_menu.addMenu(self.appearance.style_menu)
        view_menu.addSeparator()
        view_menu.addMenu(self.window_layout.menu)
        view_menu.addAction(self.window_layout.reading_action)
        view_menu.addSeparator()
        view_menu.addActions(self.settings_flow.zoom_actions)
        self.addActions(self.settings_flow.zoom_actions)  # the keys work wherever the focus is

        self.tags_menu = self.menuBar().addMenu(self.tr("&Tags"))
        self.tag_actions: dict[str, QAction] = {}
        self.help = QtHelpFlow(self, lambda: describe_library(self.session.library.url))
        self.menuBar().addMenu(self.help.menu)

    def _connect(self) -> None:
        s = self.session
        s.documentOpened.connect(self._on_document_opened)
        s.documentOpened.connect(lambda _document: self.find_bar.search(select=False))  # after the pane shows it
        s.annotationsChanged.connect(self._on_annotations_changed)
        s.libraryChanged.connect(self._counts_timer.start)
        s.documentsChanged.connect(self._refresh_document_counts)
        s.libraryReloaded.connect(self.start)
        s.tagsChanged.connect(self._apply_tags)
        s.errorRaised.connect(self._on_error_raised)
        s.documentUpdated.connect(lambda _document: self._show_window_title())
        s.saved.connect(lambda message: self.statusBar().showMessage(message, 3000))
        s.refused.connect(self._on_session_refused)
        s.createdHere.connect(self._on_created_here)
        self.document_list.documentChosen.connect(self.open_document)
        self.annotation_view.selectionModel().selectionChanged.connect(self._on_annotation_selection_changed)
        self.pane.spanClicked.connect(self._on_pane_span_clicked)
        self.pane.verticalScrollBar().valueChanged.connect(lambda _value: self._position_timer.start())
        self.tag_panel.tagActivated.connect(self.apply_tag)
        self.tag_panel.tagClicked.connect(self._on_tag_clicked)
        self.inspector.tagChosen.connect(s.retag)
        self.inspector.noteEdited.connect(s.set_note)
        self.coder_view.changed.connect(self._apply_coder_view)
        self.identity.on_changed = self._apply_coder_view  # "only mine" and the styles follow the name
        s.blindChanged.connect(self._apply_blind)
        s.blindChanged.connect(lambda _blind: self._counts_timer.start())  # the library's counts: only yours
        self._apply_blind(s.blind)

    def _apply_tags(self) -> None:
        tags = self.session.tags
        self.annotation_view.set_tags(tags)
        self.tag_panel.set_tags(tags)
        self.inspector.set_tags(tags)
        self.pane.set_tags(tags)
        labels = tag_labels(tags)  # a name two tags share is shown as their paths
        self.documents_model.set_tag_labels(labels)
        for action in self.tag_actions.values():
            self.removeAction(action)
        self.tags_menu.clear()
        self.tags_menu.addActions(self.codebook.menu_actions())
        self.tags_menu.addSeparator()
        self.tag_actions = {}
        for tag in tags:
            action = QAction(self.tr("Tag as {tag}").format(tag=labels[tag.id]), self)
            if tag.shortcut:
                action.setShortcut(QKeySequence(tag.shortcut))
                self.tags_menu.addAction(action)  # the keyed ones; Quick pick finds every tag
            action.setToolTip(tag.description)
            action.triggered.connect(lambda _=False, tag_id=tag.id: self.apply_tag(tag_id))
            self.addAction(action)
            self.tag_actions[tag.id] = action
        self._update_tag_counts()

    # -- start-up and reading position --------------------------------------------------------

    def start(self) -> None:
        """Fill the library list and reopen the last document at its reading position."""
        self.documents_model.set_documents(self.session.library.documents(self.session.blind_coders()))
        self.tag_panel.set_library_counts(self.session.library.tag_counts(coders=self.session.blind_coders()))
        self.coder_view.refresh()
        self.library_sets.reload()
        self.attributes_panel.reload()
        last = self.session.last_document_id()
        row = self.documents_model.row_of(last) if last else -1
        if row < 0 and self.documents_model.rowCount() > 0:
            row = 0
        if row >= 0:
            self.open_document(self.documents_model.document_id(row))

    def open_document(self, document_id: str) -> None:
        """Show a document (saving where the reader was in the previous one)."""
        if self.session.document is not None:
            if self.session.document.id == document_id:
                return
            self.save_reading_position()
        with gc_paused():  # see annotator.core.gcpause: no full collections mid-load
            self.session.open_document(document_id)
        self._collect_timer.start()

    def _open_imported(self, document_id: str) -> None:
        """Show an imported document with the keyboard in its text, where the tag keys work."""
        self.open_document(document_id)
        self.pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _collect_garbage(self) -> None:
        gc.collect()

    def save_reading_position(self) -> None:
        if self.session.document is not None:
            self.session.remember_reading_position(self.pane.top_offset())

    # -- session events ----------------------------------------------------------------------------

    def _on_document_opened(self, document: Document | None) -> None:
        self._position_timer.stop()
        # The same document shown again (revised in another program, or reattached): the rows
        # selected stay selected where they still exist, and so does a note being typed.
        again = document is not None and document.id == self._shown_document_id
        selected = self.selected_annotation_ids() if again else []
        self._shown_document_id = document.id if document is not None else None
        if not again:
            self.inspector.show_annotation(None)
        if document is None:
            self.pane.clear_document()
            self.annotations_model.set_annotations([])
            self.setWindowTitle("Annotator")
            self._update_tag_counts()
            return
        annotations = list(self.session.annotations.values())  # in text order, as loaded
        # The library's coders as last read (a coder new to it gets a style once they are read again).
        self.pane.set_coder_styles(self.coder_view.styles())
        self.pane.show_document(document.text, self._shown(annotations), self.session.tags)
        self.annotations_model.fuzzy = self.session.fuzzy
        self.annotation_view.set_coder_filter(self._coder_filter())
        self.annotations_model.set_annotations(annotations)  # a reset: no selectionChanged
        self._counts_of_coders_timer.start()  # the legend's counts, once the text is painted
        if again:
            self._reselect(selected)
        self._update_accept_action()
        self._update_tag_counts()
        self._show_window_title()
        self.document_list.show_current(document.id)
        position = self.session.reading_position()
        if position is not None:
            self.pane.scroll_to_offset(position)
        self._position_timer.stop()  # scrolled by the program, not the reader

    def _on_annotations_changed(self, changes: Changes) -> None:
        if changes.empty:  # e.g. placements accepted: only the review marks changed
            self.annotation_view.viewport().update()
        current = self.session.document.id if self.session.document else None
        put = [a for a in (*changes.annotations_created, *changes.annotations_updated) if a.document_id == current]
        if put or changes.annotations_deleted:  # the legend's counts; a coder new here gets a style
            self._counts_of_coders_timer.start()
        view = self.coder_view.view()
        hidden = [a.id for a in put if not view.shows(a.coder)]
        self.pane.update_annotations(
            [a.id for a in changes.annotations_deleted] + hidden, [a for a in put if view.shows(a.coder)]
        )
        # Rows inserted before a selected one re-announce its selection: not a reason to select its text.
        self._syncing = True
        try:
            self.annotations_model.apply(changes, current)
        finally:
            self._syncing = False
        self._update_tag_counts()
        shown = self.inspector.annotation_id
        if shown is not None:
            self.inspector.show_annotation(self.session.annotations.get(shown))
        self._update_accept_action()  # e.g. placements accepted, or a deleted one awaiting review restored

    def _on_created_here(self, annotation_id: str) -> None:
        annotation = self.session.annotations.get(annotation_id)
        if annotation is not None and self.coder_view.view().shows(annotation.coder):
            self.select_annotation(annotation_id, select_text=False)

    def _on_session_refused(self, message: str, annotation_id: str) -> None:
        """Say why nothing happened, and show the annotation it is about (selected, with its text)."""
        self.statusBar().showMessage(message, 5000)
        if annotation_id:
            self.select_annotation(annotation_id)

    def _on_error_raised(self, message: str) -> None:
        said = self.tr("Not saved: {error}").format(error=message)
        self.statusBar().showMessage(said, 8000)
        QMessageBox.warning(self, "Annotator", said)

    def _update_tag_counts(self) -> None:
        view = self.coder_view.view()
        if view.everyone:
            self.tag_panel.set_counts(self.session.tag_counts)
        else:
            self.tag_panel.set_counts(Counter(a.tag_id for a in self._shown(self.session.annotations.values())))

    # -- whose annotations are shown ------------------------------------------------------------

    def _shown(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """Those of *annotations* whose coders are shown (View › Coders; blind coding)."""
        view = self.coder_view.view()
        return list(annotations) if view.everyone else [a for a in annotations if view.shows(a.coder)]

    def _coder_filter(self) -> Callable[[str], bool] | None:
        view = self.coder_view.view()
        return None if view.everyone else view.shows

    def _apply_blind(self, blind: bool) -> None:
        """Blind coding hides other coders' work in every view: comparing coders (the agreement
        dialog, the Disagreements view) waits until it is turned off."""
        why = self.tr("Turn blind coding off (View › Coders) to compare coders") if blind else ""
        for action in (self.agreement.action, self.disagreements.toggle_action):
            action.setEnabled(not blind)
            action.setStatusTip(why)
        if blind:
            if self.agreement.dialog is not None:
                self.agreement.dialog.cancel()
                self.agreement.dialog.model.set_results(None, {})
                self.agreement.dialog.hide()
            self.disagreements.hide()
            panel = self.disagreements.panel
            assert isinstance(panel, QtDisagreementsPanel)
            panel.hide_results()

    def _apply_coder_view(self) -> None:
        """Whose annotations are shown changed: the highlights, list rows, counts and inspector follow.

        The text stays laid out; only the highlighter's index is made again, and it repaints
        the blocks on screen now and the rest when idle.
        """
        self.pane.set_coder_styles(self.coder_view.styles())
        if self.session.document is not None:
            self.pane.show_annotations(self._shown(self.session.annotations.values()))
        self.annotation_view.set_coder_filter(self._coder_filter())
        self.orphan_panel.show_orphans()
        self.outline.panel.refresh()
        self.minimap.refresh()
        shown = self.inspector.annotation_id
        if shown is not None and shown not in self.selected_annotation_ids():
            self.inspector.show_annotation(None)
        self._update_tag_counts()
        self._update_accept_action()
        self._counts_of_coders_timer.start()  # the legend says what is shown

    def _refresh_coders(self) -> None:
        """A coder new to this window (another program's work), or counts changed: styles and legend again."""
        self.coder_view.refresh()
        self.pane.set_coder_styles(self.coder_view.styles())  # repaints only if a coder is new
        self.coder_view.update_legend()

    def _refresh_document_counts(self) -> None:
        """The library's counts: annotations per document (the library list) and per tag (the tree's "All")."""
        try:
            self.documents_model.update_counts(self.session.library.documents(self.session.blind_coders()))
            self.tag_panel.set_library_counts(self.session.library.tag_counts(coders=self.session.blind_coders()))
        except USER_ERRORS as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        # Documents added or deleted reset the list: the open one is its current row again.
        self.document_list.show_current(self.session.document.id if self.session.document else None)
        self._show_window_title()  # its title as listed may have changed ("Report (2)" became "Report")

    def _show_window_title(self) -> None:
        """The open document's title as the library lists it (a shared one told apart), then the app's name."""
        document = self.session.document
        if document is None:
            self.setWindowTitle("Annotator")
            return
        title = self.documents_model.shown_title(document.id) or document.title
        self.setWindowTitle(self.tr("{title} — Annotator").format(title=title))

    # -- user actions ---------------------------------------------------------------------------

    def _on_tag_clicked(self, tag_id: str) -> None:
        # A click tags text the user selected (the core loop: select, click a tag); with no
        # text selected it only selects the row, to edit or move the tag.
        if self.pane.selected_span() is not None:
            self.apply_tag(tag_id)

    def apply_tag(self, tag_id: str) -> None:
        """Tag the selected text, or retag the selected annotations.

        Selecting a row selects its text, so the text selection alone cannot say
        what the user means: while it is still exactly what the row selection put
        there (or there is none), the key is about the selected rows and retags
        them; text the user selected is new text to tag.
        """
        selected = self.selected_annotation_ids()
        span = self.pane.selected_span()
        if selected and (span is None or self.pane.selection_offsets() == self._row_span):
            self.retag_selected(tag_id)
            return
        if span is not None:
            self.pane.clear_selection()
            self.session.tag_span(tag_id, *span)
            return
        self.statusBar().showMessage(self.tr("Select some text first, then choose a tag."), 4000)

    def retag_selected(self, tag_id: str) -> None:
        """Give the annotations selected in the list another tag, as one undo step."""
        if not self.session.retag_all(self.selected_annotation_ids(), tag_id):
            tag = self.session.tag(tag_id)
            already = self.tr("Already tagged {tag}.").format(tag=tag.name) if tag else self.tr("Already tagged so.")
            self.statusBar().showMessage(already, 4000)

    def selected_annotation_ids(self) -> list[str]:
        return self.annotation_view.selected_ids()

    def select_annotation(self, annotation_id: str, *, select_text: bool = True) -> None:
        """Select an annotation's row; with *select_text*, also select and show its span."""
        self._syncing = not select_text
        try:
            self.annotation_view.select_row(annotation_id)
        finally:
            self._syncing = False

    def _reselect(self, annotation_ids: list[str]) -> None:
        """Select the rows of these annotations that are listed, as code (their text is not selected)."""
        self._syncing = True
        try:
            selected = self.annotation_view.select_rows(annotation_ids)
        finally:
            self._syncing = False
        if not selected:
            self.inspector.show_annotation(None)  # what it showed is gone

    def _on_annotation_selection_changed(self, *_args: object) -> None:
        ids = self.selected_annotation_ids()
        annotation = self.session.annotations.get(ids[-1]) if ids else None
        self.inspector.show_annotation(annotation)
        self.pane.focus_annotation(annotation.id if annotation else None)
        self._update_accept_action()
        self._row_span = None
        if annotation is not None and not self._syncing:
            self.pane.select_span(annotation.start, annotation.end)
            self._row_span = self.pane.selection_offsets()

    def _forget_row_span(self, *_span: int) -> None:
        """The text selected is no longer the one selecting a row put there: a tag key tags it."""
        self._row_span = None

    def _update_accept_action(self) -> None:
        """Accept placement is offered only when a selected annotation awaits review (⚠)."""
        fuzzy = self.session.fuzzy
        self.accept_action.setEnabled(any(i in fuzzy for i in self.selected_annotation_ids()))

    def _on_accept_triggered(self) -> None:
        self.session.accept_placements(self.selected_annotation_ids())

    def _on_pane_span_clicked(self, annotation_id: str) -> None:
        if annotation_id:
            self.select_annotation(annotation_id, select_text=False)
        else:
            self.annotation_view.clearSelection()

    def _on_delete_triggered(self) -> None:
        ids = self.selected_annotation_ids()
        if ids:
            self.session.delete(ids)
            # Selecting the row had selected its text; left selected, the next tag key would tag it again.
            self.pane.clear_selection()
        else:
            self.statusBar().showMessage(self.tr("Select an annotation in the list to delete it."), 4000)

    def annotation_context_menu(self) -> QMenu | None:
        """The context menu of the selected annotations (None when no row is selected)."""
        ids = self.selected_annotation_ids()
        if not ids:
            return None
        menu = QMenu(self)
        menu.setAccessibleName(self.tr("Annotation actions"))
        retag = menu.addMenu(self.tr("Change &tag to"))
        # Always a retag of the selected rows, whatever text is selected (unlike a tag key).
        for tag in self.session.tags:
            retag.addAction(tag.name, lambda tag_id=tag.id: self.retag_selected(tag_id))
        self.codebook.add_annotation_actions(menu)
        if any(i in self.session.fuzzy for i in ids):
            menu.addAction(self.accept_action)
        menu.addAction(self.delete_action)
        return menu

    def _on_settings_applied(self, changed: set[str]) -> None:
        """Settings changed (Edit › Settings…, View › Theme, a zoom key): the pane's font and column are
        already applied; the theme, highlight style and tag patterns follow from here, as they are in
        effect (saved or not)."""
        if changed & {"theme", "highlight_style", "tag_patterns"}:
            apply_appearance(self, self.settings_flow.settings)

    def _report(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    def _open_annotation_at(self, document_id: str, annotation_id: str) -> None:
        """Show an annotation (from the Memos view): its document, its row selected, its text."""
        self.open_document(document_id)
        self.select_annotation(annotation_id)
        self.activateWindow()
        self.pane.setFocus()

    def _jump_to(self, annotation_id: str) -> None:
        """Jump to annotation chose one: show it as clicking its row does, the keyboard in the text."""
        self.navigation.show_annotation(annotation_id)
        self.pane.setFocus()

    def show_span(self, document_id: str, start: int, end: int, sha256: str | None = None) -> bool:
        """Open a document and select code points [start, end) of it (a search hit, a segment).

        *sha256* is the text the span was found in: when the document's text is no longer that
        one (revised since), nothing is selected, the status bar says so, and False is returned.
        """
        self.open_document(document_id)
        document = self.session.document
        if document is None or document.id != document_id:
            self._report(self.tr("That document is no longer in the library."))
            return False
        if sha256 is not None and document.sha256 != sha256:
            self._report(self.tr("That document's text has changed since; search again to see where."))
            return False
        self.pane.select_span(start, end)
        self.activateWindow()
        self.pane.setFocus()
        return True

    def _open_library_search(self) -> None:
        """Ctrl+Shift+F: show the Search the library dock with the keyboard in its field."""
        self.search_dock.show()
        self.search_dock.raise_()
        self.library_search.open_panel()

    def _join_bottom_tabs(self, dock: QDockWidget) -> None:
        """A view opened at the bottom goes into the tabs of the views open there, in front."""
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        if dock.isFloating() or self.dockWidgetArea(dock) != bottom:
            return
        for other in self.findChildren(QDockWidget):
            if (other is not dock and other.property(TAB_GROUP) and not other.isHidden() and not other.isFloating()
                    and self.dockWidgetArea(other) == bottom):  # fmt: skip
                if dock not in self.tabifiedDockWidgets(other):
                    self.tabifyDockWidget(other, dock)
                    dock.raise_()
                return

    def _edit_memo_of(self, document_id: str) -> None:
        self.open_document(document_id)
        self.document_flow.edit_memo()

    # -- closing ---------------------------------------------------------------------------------

    def restore_window_state(self) -> None:
        settings = _settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.window_layout.restore(settings)

    def stop_background_reads(self) -> None:
        """Cancel the views reading the library in threads of their own, and wait for them."""
        self.library_search.stop()
        self.retrieval.panel.stop()
        for dock in (self.cooccurrence, self.document_matrix, self.frequencies, self.disagreements):
            dock.panel.stop()
        self.agreement.stop()

    def _before_restore(self) -> None:
        """The library is about to be closed and replaced by a backup: nothing may read it meanwhile."""
        self.save_reading_position()
        self.stop_background_reads()

    def childEvent(self, event: QChildEvent) -> None:
        """Name the tabs Qt makes for docked views that share a place: without a name a screen reader
        would call them by the title of the tab in front."""
        super().childEvent(event)
        child = event.child()
        if event.type() == QEvent.Type.ChildPolished and isinstance(child, QTabBar) and not child.accessibleName():
            child.setAccessibleName(self.tr("Views docked together"))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_reading_position()
        self.settings_flow.flush()  # a zoom saved only once it paused
        self.watcher.stop()
        self.stop_background_reads()
        settings = _settings()
        self.window_layout.save(settings)  # first: it leaves distraction-free reading
        settings.setValue("window/geometry", self.saveGeometry())
        settings.sync()
        super().closeEvent(event)


def _tab_stops(container: QWidget) -> list[QWidget]:
    """The widgets inside *container* that Tab stops at, in the order it does (made together, they
    follow each other in the focus chain)."""
    stops = []
    widget = container.nextInFocusChain()
    while container.isAncestorOf(widget):
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _settings() -> QSettings:
    return QSettings(str(config.data_dir() / "window.ini"), QSettings.Format.IniFormat)
