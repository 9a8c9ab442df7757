"""UI: the main window: library on the left, the text in the middle, tags and annotations on the right.

The window wires widgets to the :class:`QtLibrarySession`; it holds no data of
its own. Every edit goes through the session's undo stack and is saved as it
happens; the status bar says so.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QGroupBox,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QDialog,
    QFileDialog,
    QHeaderView,
    QListView,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator import config
from annotator.core.boilerplate import Cut
from annotator.core.gcpause import gc_paused
from annotator.core.model import Document
from annotator.formats.base import ImportedDocument
from annotator.formats.registry import format_by_id, readers, writers
from annotator.services import Changes, Library, exporting, importing
from annotator.services.backups import library_file, restore_backup
from annotator.services.locating import describe_library
from annotator.services.watching import ChangeWatcher, watch
from annotator.services.progress import Cancelled, Progress
from annotator.ui.qt_backups_dialog import QtBackupsDialog
from annotator.ui.qt_export_dialog import SCOPE_DOCUMENT, SCOPE_SELECTED, QtExportDialog
from annotator.ui.qt_inspector import QtInspector
from annotator.ui.qt_models import QtAnnotationTableModel, QtDocumentListModel
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_tag_panel import QtTagPanel
from annotator.ui.qt_progress import QtProgress
from annotator.ui.qt_text_pane import QtTextPane
from annotator.ui.qt_trim_dialog import QtTrimDialog

LAST_DOCUMENT_KEY = "last_document"
LAST_EXPORT_FOLDER_KEY = "export:last_folder"
LAST_EXPORT_FORMAT_KEY = "export:last_format"


def position_key(document_id: str) -> str:
    return f"position:{document_id}"


def import_summary(result: importing.ImportResult, title_of: Callable[[str], str]) -> str:
    """What an import did, in a sentence for the status bar (*title_of* gives a document's title)."""
    tags = len(result.changes.tags_created)
    if not result.documents:  # a codebook: tags only
        if tags:
            return f"Added {tags} tag(s) from the codebook."
        return "Nothing was added: the library already has every tag of the codebook."
    known = [row for row in result.documents if not row.new]
    if len(result.documents) == 1 and known and not result.annotations_added and not tags:
        return f"“{title_of(known[0].id)}” is already in the library; it is open now."
    new = len(result.documents) - len(known)
    parts = [f"Imported {new} new document(s), {result.annotations_added} annotation(s)"]
    if known:
        parts.append(f"{len(known)} document(s) were already in the library")
    if tags:
        parts.append(f"added {tags} tag(s)")
    return "; ".join(parts) + "."


class QtMainWindow(QMainWindow):
    """UI: the main window of one open library."""

    def __init__(self, session: QtLibrarySession) -> None:
        super().__init__()
        self.session = session
        self._syncing = False  # set while code (not the user) changes a selection
        # The span (code points) that selecting rows in the annotation list selected in the text:
        # while the text selection is still exactly that, a tag key retags those rows.
        self._row_span: tuple[int, int] | None = None
        self.setWindowTitle("Annotator")
        self.setAcceptDrops(True)

        self.documents_model = QtDocumentListModel(self)
        self.document_list = QListView(self)
        self.document_list.setModel(self.documents_model)
        self.document_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.document_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.document_list.setWordWrap(True)  # long article titles wrap instead of being cut
        self.document_list.setSpacing(2)

        self.pane = QtTextPane(self)
        self.tag_panel = QtTagPanel(self)
        self.annotations_model = QtAnnotationTableModel(self)
        self.annotations_model.on_note_edited = self.session.set_note
        self.annotation_view = QTableView(self)
        self.annotation_view.setModel(self.annotations_model)
        self.annotation_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.annotation_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.annotation_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.annotation_view.verticalHeader().setVisible(False)
        self.annotation_view.verticalHeader().setDefaultSectionSize(22)
        header = self.annotation_view.horizontalHeader()
        # Fixed widths: ResizeToContents measures every row, ~60 ms for 10,000 annotations.
        header.setSectionResizeMode(QtAnnotationTableModel.TAG, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(QtAnnotationTableModel.QUOTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(QtAnnotationTableModel.NOTE, QHeaderView.ResizeMode.Interactive)
        self.annotation_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # also the Menu key
        self.annotation_view.setAccessibleName("Annotations")
        self.inspector = QtInspector(self)
        self.orphan_box = QGroupBox("Orphaned by a revision", self)
        orphan_layout = QVBoxLayout(self.orphan_box)
        self.orphan_list = QListWidget(self.orphan_box)
        self.orphan_list.setToolTip(
            "These annotations found no place in the new text. Select one, select its text in the "
            "document, then Re-attach."
        )
        self.reattach_button = QPushButton("Re-attach to selected text", self.orphan_box)
        orphan_layout.addWidget(self.orphan_list)
        orphan_layout.addWidget(self.reattach_button)
        self.orphan_box.setVisible(False)

        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.tag_panel)
        right.addWidget(self.annotation_view)
        right.addWidget(self.orphan_box)
        right.addWidget(self.inspector)
        right.setStretchFactor(1, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.document_list)
        self.splitter.addWidget(self.pane)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([220, 640, 380])
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self.setCentralWidget(central)

        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(800)
        self._position_timer.timeout.connect(self.save_reading_position)
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(150)
        self._counts_timer.timeout.connect(self._refresh_document_counts)

        # Polls the library for commits (SQLite's data_version, PostgreSQL's notifications).
        self._watch_timer = QTimer(self)
        self._watch_timer.setInterval(1500)
        self._watch_timer.timeout.connect(self._on_watch_timeout)
        self._watcher: ChangeWatcher | None = None

        self._build_actions()
        self._connect()
        self._apply_tags()
        self.statusBar().showMessage(f"Library: {describe_library(session.library.url)}")

    # -- construction ----------------------------------------------------------------------------

    def _build_actions(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.import_action = QAction("&Import…", self, shortcut=QKeySequence.StandardKey.Open)
        self.import_action.triggered.connect(self._on_import_triggered)
        self.paste_action = QAction("New document from &clipboard", self, shortcut=QKeySequence("Ctrl+Shift+V"))
        self.paste_action.triggered.connect(self._on_paste_triggered)
        self.export_action = QAction("&Export…", self, shortcut=QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self._on_export_triggered)
        self.backups_action = QAction("&Backups…", self)
        self.backups_action.triggered.connect(self._on_backups_triggered)
        quit_action = QAction("&Quit", self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addActions([self.import_action, self.paste_action, self.export_action])
        file_menu.addSeparator()
        file_menu.addAction(self.backups_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        stack = self.session.undo_stack
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.delete_action = QAction("&Delete annotation", self, shortcut=QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self._on_delete_triggered)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addAction(self.delete_action)
        for action in (self.undo_action, self.redo_action, self.delete_action):
            self.addAction(action)  # shortcuts work wherever the focus is in the window

        document_menu = self.menuBar().addMenu("&Document")
        self.revise_action = QAction("&Replace text with a new version…", self)
        self.revise_action.triggered.connect(self._on_revise_triggered)
        self.accept_action = QAction("&Accept placement", self)
        self.accept_action.setToolTip("Agree with where a revision placed the selected (⚠) annotations")
        self.accept_action.setEnabled(False)  # until a selected annotation awaits review
        self.accept_action.triggered.connect(self._on_accept_triggered)
        document_menu.addActions([self.revise_action, self.accept_action])

        self.tags_menu = self.menuBar().addMenu("&Tags")
        self.tag_actions: dict[str, QAction] = {}

    def _connect(self) -> None:
        s = self.session
        s.documentOpened.connect(self._on_document_opened)
        s.annotationsChanged.connect(self._on_annotations_changed)
        s.libraryChanged.connect(self._counts_timer.start)
        s.documentsChanged.connect(self._refresh_document_counts)
        s.libraryReloaded.connect(self.start)
        s.tagsChanged.connect(self._apply_tags)
        s.orphansChanged.connect(self._show_orphans)
        s.errorRaised.connect(self._on_error_raised)
        s.saved.connect(lambda message: self.statusBar().showMessage(message, 3000))
        s.refused.connect(self._on_session_refused)
        self.document_list.selectionModel().currentChanged.connect(self._on_document_current_changed)
        self.annotation_view.selectionModel().selectionChanged.connect(self._on_annotation_selection_changed)
        self.annotation_view.customContextMenuRequested.connect(self._on_annotation_context_menu)
        self.pane.spanClicked.connect(self._on_pane_span_clicked)
        self.pane.verticalScrollBar().valueChanged.connect(lambda _value: self._position_timer.start())
        self.tag_panel.tagClicked.connect(self.apply_tag)
        self.reattach_button.clicked.connect(self._on_reattach_clicked)
        self.inspector.tagChosen.connect(s.retag)
        self.inspector.noteEdited.connect(s.set_note)

    def _apply_tags(self) -> None:
        tags = self.session.tags
        metrics = self.annotation_view.fontMetrics()
        widest = max((metrics.horizontalAdvance(t.name) for t in tags), default=60)
        self.annotation_view.setColumnWidth(QtAnnotationTableModel.TAG, widest + 40)
        self.tag_panel.set_tags(tags)
        self.inspector.set_tags(tags)
        self.annotations_model.set_tags(tags)
        self.pane.set_tags(tags)
        for action in self.tag_actions.values():
            self.removeAction(action)
        self.tags_menu.clear()
        self.tag_actions = {}
        for tag in tags:
            action = QAction(f"Tag as {tag.name}", self)
            if tag.shortcut:
                action.setShortcut(QKeySequence(tag.shortcut))
            action.setToolTip(tag.description)
            action.triggered.connect(lambda _=False, tag_id=tag.id: self.apply_tag(tag_id))
            self.tags_menu.addAction(action)
            self.addAction(action)
            self.tag_actions[tag.id] = action
        self._update_tag_counts()

    # -- start-up and reading position --------------------------------------------------------

    def start(self) -> None:
        """Fill the library list and reopen the last document at its reading position."""
        self.documents_model.set_documents(self.session.library.documents())
        last = self.session.library.state(LAST_DOCUMENT_KEY)
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

    def save_reading_position(self) -> None:
        document = self.session.document
        if document is None:
            return
        try:
            self.session.library.set_state(position_key(document.id), str(self.pane.top_offset()))
        except USER_ERRORS:
            pass  # the reading position is a convenience; an edit's failure is reported where it happens

    def _restore_reading_position(self, document: Document) -> None:
        value = self.session.library.state(position_key(document.id))
        if value and value.isdigit():
            self.pane.scroll_to_offset(int(value))

    # -- session events ----------------------------------------------------------------------------

    def _on_document_opened(self, document: Document | None) -> None:
        self._position_timer.stop()
        self.inspector.show_annotation(None)
        if document is None:
            self.pane.clear_document()
            self.annotations_model.set_annotations([])
            self.setWindowTitle("Annotator")
            self._update_tag_counts()
            return
        annotations = list(self.session.annotations.values())  # in text order, as loaded
        self.pane.show_document(document.text, annotations, self.session.tags)
        self.annotations_model.fuzzy = self.session.fuzzy
        self.annotations_model.set_annotations(annotations)  # a reset: no selectionChanged
        self._update_accept_action()
        self._show_orphans()
        self._update_tag_counts()
        self.setWindowTitle(f"{document.title} — Annotator")
        self._show_current_in_list()
        self._restore_reading_position(document)
        self._position_timer.stop()
        try:
            self.session.library.set_state(LAST_DOCUMENT_KEY, document.id)
        except USER_ERRORS:
            pass

    def _on_annotations_changed(self, changes: Changes) -> None:
        if changes.empty:  # e.g. placements accepted: only the review marks changed
            self.annotation_view.viewport().update()
        for a in changes.annotations_deleted:
            self.pane.remove_annotation(a.id)
        current = self.session.document.id if self.session.document else None
        for a in (*changes.annotations_created, *changes.annotations_updated):
            if a.document_id == current:
                self.pane.put_annotation(a)
        self.annotations_model.apply(changes, current)
        self._update_tag_counts()
        shown = self.inspector.annotation_id
        if shown is not None:
            self.inspector.show_annotation(self.session.annotations.get(shown))
        if len(changes.annotations_created) == 1 and changes.annotations_created[0].document_id == current:
            self.select_annotation(changes.annotations_created[0].id, select_text=False)
        self._update_accept_action()  # e.g. placements accepted, or a deleted one awaiting review restored

    def _on_session_refused(self, message: str, annotation_id: str) -> None:
        """Say why nothing happened, and show the annotation it is about (selected, with its text)."""
        self.statusBar().showMessage(message, 5000)
        if annotation_id:
            self.select_annotation(annotation_id)

    def _on_error_raised(self, message: str) -> None:
        self.statusBar().showMessage("Not saved: " + message, 8000)
        QMessageBox.warning(self, "Annotator", f"Not saved: {message}")

    def _update_tag_counts(self) -> None:
        self.tag_panel.set_counts(self.session.tag_counts)

    def _refresh_document_counts(self) -> None:
        try:
            self.documents_model.update_counts(self.session.library.documents())
        except USER_ERRORS as exc:
            self.statusBar().showMessage(str(exc), 5000)
            return
        self._show_current_in_list()  # documents another program added or deleted reset the list

    def _show_current_in_list(self) -> None:
        """Make the open document the library list's current row (without reopening it)."""
        document = self.session.document
        row = self.documents_model.row_of(document.id) if document is not None else -1
        if row >= 0 and self.document_list.currentIndex().row() != row:
            self._syncing = True
            try:
                self.document_list.setCurrentIndex(self.documents_model.index(row))
            finally:
                self._syncing = False

    # -- user actions ---------------------------------------------------------------------------

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
        self.statusBar().showMessage("Select some text first, then choose a tag.", 4000)

    def retag_selected(self, tag_id: str) -> None:
        """Give the annotations selected in the list another tag, as one undo step."""
        changing = [
            i for i in self.selected_annotation_ids()
            if (a := self.session.annotations.get(i)) is not None and a.tag_id != tag_id
        ]  # fmt: skip
        if not changing:
            tag = self.session.tag(tag_id)
            self.statusBar().showMessage(f"Already tagged {tag.name if tag else 'so'}.", 4000)
            return
        if len(changing) == 1:
            self.session.retag(changing[0], tag_id)
            return
        self.session.undo_stack.beginMacro(f"Change the tag of {len(changing)} annotations")
        for annotation_id in changing:
            self.session.retag(annotation_id, tag_id)
        self.session.undo_stack.endMacro()

    def selected_annotation_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.annotation_view.selectionModel().selectedRows()})
        return [self.annotations_model.annotation(r).id for r in rows]

    def select_annotation(self, annotation_id: str, *, select_text: bool = True) -> None:
        """Select an annotation's row; with *select_text*, also select and show its span."""
        row = self.annotations_model.row_of(annotation_id)
        if row < 0:
            return
        self._syncing = not select_text
        try:
            self.annotation_view.selectionModel().setCurrentIndex(
                self.annotations_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.annotation_view.scrollTo(self.annotations_model.index(row, 0))
        finally:
            self._syncing = False

    def _on_document_current_changed(self, current, _previous) -> None:  # noqa: ANN001
        if not self._syncing and current.isValid():
            self.open_document(self.documents_model.document_id(current.row()))

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
            self.statusBar().showMessage("Select an annotation in the list to delete it.", 4000)

    def annotation_context_menu(self) -> QMenu | None:
        """The context menu of the selected annotations (None when no row is selected)."""
        ids = self.selected_annotation_ids()
        if not ids:
            return None
        menu = QMenu(self)
        menu.setAccessibleName("Annotation actions")
        retag = menu.addMenu("Change &tag to")
        # Always a retag of the selected rows, whatever text is selected (unlike a tag key).
        for tag in self.session.tags:
            retag.addAction(tag.name, lambda tag_id=tag.id: self.retag_selected(tag_id))
        if any(i in self.session.fuzzy for i in ids):
            menu.addAction(self.accept_action)
        menu.addAction(self.delete_action)
        return menu

    def _on_annotation_context_menu(self, point) -> None:  # noqa: ANN001
        """Right click, the Menu key or Shift+F10 in the list: the menu, not blocking the event loop."""
        menu = self.annotation_context_menu()
        if menu is not None:
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(self.annotation_view.viewport().mapToGlobal(point))

    # -- revisions -------------------------------------------------------------------------------

    def _on_revise_triggered(self) -> None:
        document = self.session.document
        if document is None:
            return
        patterns = " ".join(f"*{e}" for f in readers() for e in f.extensions)
        path, _ = QFileDialog.getOpenFileName(
            self, f"New version of “{document.title}”", str(Path.home()), f"Documents ({patterns});;All files (*)"
        )
        if path:
            self.revise_from(path)

    def revise_from(self, path: str) -> bool:
        """Replace the current document's text with the one in *path*; report what followed."""
        self.save_reading_position()
        result = self.session.revise_from_file(path)
        if result is None:
            return False
        counts = result.counts
        QMessageBox.information(
            self, "New version saved",
            f"Version {result.version.version} of the old text is kept.\n\n"
            f"Unchanged: {counts.get('unchanged', 0)}\nMoved: {counts.get('moved', 0)}\n"
            f"To review (⚠): {counts.get('fuzzy', 0)}\nOrphaned: {counts.get('orphaned', 0)}",
        )  # fmt: skip
        return True

    def _show_orphans(self) -> None:
        self.orphan_list.clear()
        names = {t.id: t.name for t in self.session.tags}
        for orphan in self.session.orphans:
            quote = " ".join(orphan.quote.split())
            item = QListWidgetItem(f"{names.get(orphan.tag_id, '?')}: “{quote[:60]}”")
            item.setData(Qt.ItemDataRole.UserRole, orphan.id)
            item.setToolTip(orphan.quote + (f"\n\nNote: {orphan.note}" if orphan.note else ""))
            self.orphan_list.addItem(item)
        self.orphan_box.setVisible(bool(self.session.orphans))

    def _on_reattach_clicked(self) -> None:
        item = self.orphan_list.currentItem()
        span = self.pane.selected_span()
        if item is None or span is None:
            self.statusBar().showMessage("Select an orphan in the list and its new text in the document.", 5000)
            return
        self.session.reattach(item.data(Qt.ItemDataRole.UserRole), *span)

    # -- import and export --------------------------------------------------------------------

    def _on_import_triggered(self) -> None:
        everything = " ".join(f"*{e}" for f in readers() for e in f.extensions)
        filters = [f"All supported files ({everything})"]
        filters += [f"{f.label} ({' '.join('*' + e for e in f.extensions)})" for f in readers()]
        paths, chosen = QFileDialog.getOpenFileNames(
            self, "Import documents", str(Path.home()), ";;".join([*filters, "All files (*)"])
        )
        if not paths:
            return
        # Picking one format's filter forces that reader; otherwise the content decides.
        forced = next((f.id for f in readers() if chosen.startswith(f"{f.label} (")), None)
        self.import_paths(paths, format_id=forced)

    def _on_paste_triggered(self) -> None:
        text = QApplication.clipboard().text()
        if not text.strip():  # nothing, or only blanks (e.g. an image was copied)
            QMessageBox.information(self, "Nothing to import", "The clipboard holds no text.")
            return
        library = self.session.library
        result = self._run_import(
            lambda progress: importing.import_text(library, text, trim=self._decide_trim, progress=progress),
            # Reading the text is all that can fail here, short of the library itself.
            lambda exc: ("Nothing to import", f"The clipboard's text was not imported: {exc}."),
        )
        if result is not None:
            self._show_import(result)

    def import_paths(self, paths: list[str], *, format_id: str | None = None) -> list[str]:
        """Import files; unreadable ones are reported and skipped. Returns the imported document ids."""
        library = self.session.library
        result = self._run_import(
            lambda progress: importing.import_paths(
                library, paths, format_id=format_id, trim=self._decide_trim, skip_unreadable=True, progress=progress
            ),
            lambda exc: ("Import failed", f"Nothing was imported: {exc}"),
        )
        if result is None:
            return []
        ids = self._show_import(result) if len(result.failures) < len(paths) else []
        if result.failures:
            details = "\n".join(f"• {Path(f.path).name}: {f.message}" for f in result.failures)
            QMessageBox.warning(self, "Some files were not imported", details)
        return ids

    def _decide_trim(self, document: ImportedDocument, cuts: list[Cut]) -> list[Cut] | None:
        """The trim policy: show the document with what seems to be boilerplate; None cancels the import."""
        dialog = QtTrimDialog(document.title, document.text, cuts, self)
        answer = dialog.exec()
        if answer == QDialog.DialogCode.Rejected:
            return None
        return dialog.chosen_cuts() if answer == QDialog.DialogCode.Accepted else []

    def _run_import(
        self,
        call: Callable[[Progress], importing.ImportResult],
        failed: Callable[[BaseException], tuple[str, str]],
    ) -> importing.ImportResult | None:
        """Run an import with a progress bar; None if it was cancelled or failed (and said so)."""
        progress = QtProgress(self, "Importing…")
        try:
            return call(progress)
        except Cancelled:
            self.statusBar().showMessage("Import cancelled; nothing was imported.", 6000)
        except USER_ERRORS as exc:
            QMessageBox.warning(self, *failed(exc))
        finally:
            progress.close()
        return None

    def _show_import(self, result: importing.ImportResult) -> list[str]:
        """Show what an import changed, open its first document and say what was added."""
        self.session.apply(result.changes)
        ids = [row.id for row in result.documents]
        if ids:
            self.open_document(ids[0])  # a text already in the library too: that is where it is
        self.statusBar().showMessage(import_summary(result, lambda i: self.documents_model.title(i) or "?"), 8000)
        return ids

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt's name)
        urls = event.mimeData().urls()
        if urls and all(u.isLocalFile() for u in urls):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt's name)
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    def selected_document_ids(self) -> list[str]:
        rows = sorted({i.row() for i in self.document_list.selectionModel().selectedIndexes()})
        return [self.documents_model.document_id(r) for r in rows]

    def _on_export_triggered(self) -> None:
        document = self.session.document
        selected = self.selected_document_ids()
        library = self.session.library
        try:
            coders = library.coders()
        except USER_ERRORS:
            coders = []
        dialog = QtExportDialog(
            has_document=document is not None, selected_count=len(selected),
            tag_names=[t.name for t in self.session.tags], coders=coders, parent=self,
        )  # fmt: skip
        last_format = self._library_state(LAST_EXPORT_FORMAT_KEY)
        if last_format in {f.id for f in writers()}:
            dialog.set_format(last_format)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        keep = None
        if dialog.kept_tags() is not None or dialog.kept_coders() is not None:
            keep = exporting.ExportFilter(tags=dialog.kept_tags(), coders=dialog.kept_coders())
        self.export_to(dialog.scope(), dialog.format_id(), selected, keep=keep, options=dialog.options())

    def export_to(
        self,
        scope: str,
        format_id: str,
        selected: list[str],
        *,
        keep: exporting.ExportFilter | None = None,
        options: dict[str, Any] | None = None,
    ) -> str | None:
        """Ask where to save, then export; returns the path written."""
        document = self.session.document
        if scope == SCOPE_DOCUMENT and document is not None:
            ids: list[str] | None = [document.id]
            suggested = _safe_filename(document.title)
        elif scope == SCOPE_SELECTED:
            ids, suggested = selected, "annotator-selection"
        else:
            ids, suggested = None, "annotator-library"
        fmt = format_by_id(format_id)
        extension = "" if fmt.writes_archive else fmt.default_extension
        label = f"{fmt.label} folder (or *.zip)" if fmt.writes_archive else f"{fmt.label} (*{fmt.default_extension})"
        folder = Path(self._library_state(LAST_EXPORT_FOLDER_KEY) or Path.home())
        if not folder.is_dir():  # moved or deleted since, or on a drive not mounted now
            folder = Path.home()
        path, _ = QFileDialog.getSaveFileName(self, "Export", str(folder / (suggested + extension)), label)
        if not path:
            return None
        if not Path(path).suffix and not fmt.writes_archive:
            path += fmt.default_extension
            # Qt's dialog checked the name as typed; with the extension it may name a file that exists.
            if Path(path).exists() and not self._confirm_replace(path):
                self.statusBar().showMessage("Export cancelled; nothing was written.", 6000)
                return None
        progress = QtProgress(self, "Exporting…")
        try:
            count = exporting.export_to_path(
                self.session.library, path, format_id=format_id, document_ids=ids, keep=keep, options=options,
                progress=progress,
            )  # fmt: skip
        except Cancelled:
            self.statusBar().showMessage("Export cancelled; nothing was written.", 6000)
            return None
        except USER_ERRORS as exc:
            QMessageBox.warning(self, "Export failed", f"Nothing was written: {exc}")
            return None
        finally:
            progress.close()
        self.statusBar().showMessage(f"Exported {count} document(s) to {path}", 6000)
        self._set_library_state(LAST_EXPORT_FOLDER_KEY, str(Path(path).parent))
        self._set_library_state(LAST_EXPORT_FORMAT_KEY, format_id)
        return path

    def _confirm_replace(self, path: str) -> bool:
        """Ask before an export replaces *path*, as Qt's dialog does for the names it sees."""
        target = Path(path)
        answer = QMessageBox.question(
            self, "Export",
            f"“{target.name}” already exists in {target.parent}.\n\nReplace it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        return answer == QMessageBox.StandardButton.Yes

    def _library_state(self, key: str) -> str | None:
        """A remembered value of this library (e.g. where it was last exported); None if unreadable."""
        try:
            return self.session.library.state(key)
        except USER_ERRORS:
            return None

    def _set_library_state(self, key: str, value: str) -> None:
        """Remember *value* in the library; a convenience, so a failure is not worth a message."""
        try:
            self.session.library.set_state(key, value)
        except USER_ERRORS:
            pass

    # -- backups, and other programs' changes ---------------------------------------------------------

    def _on_backups_triggered(self) -> None:
        if library_file(self.session.library) is None:
            QMessageBox.information(
                self, "Backups", "This library is on a database server; back it up with the server's tools (pg_dump)."
            )
            return
        dialog = QtBackupsDialog(self.session.library, self)
        dialog.restoreRequested.connect(self.restore_backup)
        dialog.exec()

    def restore_backup(self, backup_path: str) -> bool:
        """Replace the library with a backup; every view then shows the restored library."""
        if library_file(self.session.library) is None:
            return False
        self.save_reading_position()
        self._stop_watching()
        try:
            result = restore_library(self.session.library, backup_path)
        except USER_ERRORS as exc:
            QMessageBox.warning(self, "Restore failed", f"The library was left as it was: {exc}")
            self.start_watching()
            return False
        self.session.replace_library(result.library, result.changes)
        self.start_watching()
        self.statusBar().showMessage(f"Restored the backup {Path(backup_path).name}", 8000)
        return True

    def start_watching(self) -> None:
        """Poll for commits to this library and show what other programs changed."""
        try:
            self._watcher = watch(self.session.library)
        except USER_ERRORS as exc:
            self._watcher = None
            self.statusBar().showMessage(f"Changes made by other programs will not show until reopened: {exc}", 8000)
            return
        self._watch_timer.start()

    def _stop_watching(self) -> None:
        self._watch_timer.stop()
        if self._watcher is not None:
            self._watcher.close()
            self._watcher = None

    def _on_watch_timeout(self) -> None:
        """Someone committed (another window, the CLI, a colleague, or this window): show what changed.

        Every commit counts, this window's own too: which of them were others' is
        found by comparing the library with what is shown, not assumed.
        """
        watcher = self._watcher
        try:
            if watcher is None or not watcher.changed():
                return
        except USER_ERRORS:
            pass  # the watcher could not tell (a lost server connection): compare anyway
        if self.session.refresh():
            self.statusBar().showMessage("Updated with changes made in another window or program.", 5000)

    # -- closing ---------------------------------------------------------------------------------

    def restore_window_state(self) -> None:
        settings = _settings()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        splitter = settings.value("window/splitter")
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        self.save_reading_position()
        self._stop_watching()
        settings = _settings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/splitter", self.splitter.saveState())
        settings.sync()
        super().closeEvent(event)


def _settings() -> QSettings:
    return QSettings(str(config.data_dir() / "window.ini"), QSettings.Format.IniFormat)


# -- until services.backups.restore_library lands (branch i8-domain) ---------------------------------
# A thin adapter with that function's name and shape; delete it at the merge and import the
# service's instead (the flow above calls it as it is).


@dataclass(frozen=True, slots=True)
class RestoreResult:
    """The library reopened after a restore, the backup of it as it was before, and what changed."""

    library: Library
    before_restore: Path | None
    changes: Changes


def restore_library(library: Library, backup_path: str | Path) -> RestoreResult:
    """Close *library*, restore the backup into its file, and reopen it.

    Raises if the backup cannot be restored; the library is then as it was, and
    *library* still works (closing it only let go of its connections).
    """
    library.close()
    before = restore_backup(library.url, backup_path)  # refuses a library on a database server
    return RestoreResult(Library.open(library.url), before, Changes(library_reloaded=True))


def _safe_filename(title: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(cleaned.split())[:60] or "document"
