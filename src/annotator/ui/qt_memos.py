"""UI: the project journal and the Memos view.

- :class:`QtJournalDialog` (View ▸ Journal, Ctrl+Shift+J): the journal's dated
  entries, newest first; a new entry (Ctrl+N) is signed with the coder name;
  Ctrl+Enter saves the entry shown, Delete deletes it (after asking).
- :class:`QtMemosDialog` (View ▸ Memos, Ctrl+Shift+M): every memo with its place
  (journal entries, document memos, annotation memos with their document and
  quote, tag descriptions); Enter or a double click goes there; "Export memos…"
  writes them as Markdown (:func:`annotator.services.memos.memos_markdown`).

Both are windows beside the main one (not modal) and read the library again
whenever the session says it changed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.memos import ANNOTATION, DOCUMENT, JOURNAL, JournalEntry, Memo
from annotator.services import journal, memos
from annotator.ui.qt_inspector import QtMemoEdit
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

#: The memo kinds as the Memos view shows them (translated when shown).
KIND_NAMES = {
    JOURNAL: QT_TRANSLATE_NOOP("QtMemosDialog", "Journal"),
    DOCUMENT: QT_TRANSLATE_NOOP("QtMemosDialog", "Document"),
    ANNOTATION: QT_TRANSLATE_NOOP("QtMemosDialog", "Annotation"),
    "tag": QT_TRANSLATE_NOOP("QtMemosDialog", "Tag"),
}
#: The file name Export memos offers (a name, not translated).
EXPORT_NAME = "memos.md"


def _entry_label(entry: JournalEntry) -> str:
    when = entry.created.astimezone().strftime("%Y-%m-%d %H:%M")
    untitled = QCoreApplication.translate("QtJournalDialog", "(untitled)")
    return " · ".join(p for p in (when, entry.title or untitled, entry.author) if p)


class QtJournalDialog(QDialog):
    """UI: the project journal: entries by date, one edited at a time."""

    def __init__(self, parent: QWidget, session: QtLibrarySession, coder_name: Callable[[], str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Journal"))
        self.setAccessibleName(self.tr("Project journal"))
        self._session = session
        self._coder_name = coder_name
        self._entry: JournalEntry | None = None  # the entry shown, as stored when shown (None: a new one)
        self.entry_list = QListWidget(self)
        self.entry_list.setAccessibleName(self.tr("Journal entries"))
        self.title_edit = QLineEdit(self)
        self.title_edit.setAccessibleName(self.tr("Entry title"))
        self.title_edit.setPlaceholderText(self.tr("Title"))
        self.body_edit = QtMemoEdit(self, save_on_focus_out=False)
        self.body_edit.setAccessibleName(self.tr("Entry text"))
        self.body_edit.submitted.connect(self.save)  # Ctrl+Enter
        self.body_edit.reverted.connect(lambda: self._show(self._entry))  # Esc: back to the entry as stored
        self.body_edit.setPlaceholderText(self.tr("What you did, noticed or decided today; Ctrl+Enter saves"))
        self.new_button = QPushButton(self.tr("&New entry"), self)
        self.save_button = QPushButton(self.tr("&Save"), self)
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        editor = QWidget(self)
        column = QVBoxLayout(editor)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title_edit)
        column.addWidget(self.body_edit)
        row = QHBoxLayout()
        for button in (self.new_button, self.save_button, self.delete_button):
            row.addWidget(button)
        column.addLayout(row)
        splitter = QSplitter(self)
        splitter.addWidget(self.entry_list)
        splitter.addWidget(editor)
        splitter.setSizes([240, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        self.new_button.clicked.connect(self.new_entry)
        self.save_button.clicked.connect(self.save)
        self.delete_button.clicked.connect(self.delete)
        QShortcut(QKeySequence("Ctrl+N"), self, self.new_entry)
        for keys in ("Ctrl+Return", "Ctrl+Enter", "Ctrl+S"):  # from the title field too
            QShortcut(QKeySequence(keys), self, self.save)
        for button in (self.new_button, self.save_button, self.delete_button):
            button.setAutoDefault(False)  # Enter in the title field is not a click
        self.entry_list.currentItemChanged.connect(self._on_entry_list_current_changed)
        session.journalChanged.connect(self.reload)
        session.libraryReloaded.connect(self.reload)
        self.resize(720, 460)
        self.reload()

    def reload(self, select_id: str | None = None) -> None:
        """Read the journal again; keep the entry shown (or *select_id*) selected, newest first."""
        keep = select_id or (self._entry.id if self._entry else None)
        try:
            found = journal.entries(self._session.library)
        except USER_ERRORS as exc:
            self._session.errorRaised.emit(str(exc))
            return
        self.entry_list.blockSignals(True)
        self.entry_list.clear()
        for entry in reversed(found):
            item = QListWidgetItem(_entry_label(entry), self.entry_list)
            item.setData(Qt.ItemDataRole.UserRole, entry)
            if entry.id == keep:
                self.entry_list.setCurrentItem(item)
        self.entry_list.blockSignals(False)
        current = self.entry_list.currentItem()
        stored = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        if stored is None and self._entry is not None:
            self._show(None)  # deleted (here or elsewhere)
        elif stored is not None and (select_id is not None or not self._typed()):
            self._show(stored)  # as stored now; what is being typed stays, based on what was shown
        elif stored is not None and self._entry is not None and stored.modified == self._entry.modified:
            self._entry = stored

    def select_entry(self, entry_id: str) -> None:
        self.reload(select_id=entry_id)

    def _typed(self) -> bool:
        entry = self._entry
        title, body = self.title_edit.text(), self.body_edit.toPlainText()
        return (title, body) != ((entry.title, entry.body) if entry else ("", ""))

    def _show(self, entry: JournalEntry | None) -> None:
        self._entry = entry
        self.title_edit.setText(entry.title if entry else "")
        self.body_edit.setPlainText(entry.body if entry else "")
        self.delete_button.setEnabled(entry is not None)

    def _on_entry_list_current_changed(self, current: QListWidgetItem | None, _previous: object) -> None:
        self._show(current.data(Qt.ItemDataRole.UserRole) if current is not None else None)

    def new_entry(self) -> None:
        self.entry_list.clearSelection()
        self.entry_list.setCurrentItem(None)
        self._show(None)
        self.title_edit.setFocus()

    def save(self) -> None:
        """Save the entry shown (a new one is dated now and signed with the coder name)."""
        title, body, base = self.title_edit.text(), self.body_edit.toPlainText(), self._entry
        if base is None:
            if not title.strip() and not body.strip():
                return
            author = self._coder_name()
            saved = self._session.run(
                lambda: journal.add_entry(self._session.library, title=title, body=body, author=author)[1]
            )
            if saved is not None:
                self._entry = None
                self.reload(select_id=self._newest_id())
            return
        outcome = self._session.run(
            lambda: journal.edit_entry(self._session.library, entry_id=base.id, title=title, body=body, base=base)[1]
        )
        if outcome is not None:
            self._entry = None  # shown again as stored
            self.reload(select_id=base.id)

    def _newest_id(self) -> str | None:
        found = journal.entries(self._session.library)
        return found[-1].id if found else None

    def delete(self) -> None:
        base = self._entry
        if base is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete journal entry"),
            self.tr("Delete the journal entry “{title}”?").format(title=base.title or self.tr("(untitled)")),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._session.run(lambda: journal.delete_entry(self._session.library, entry_id=base.id, base=base))


class QtMemosDialog(QDialog):
    """UI: every memo of the library with its place; Enter or a double click goes there."""

    def __init__(self, parent: QWidget, session: QtLibrarySession, go_to: Callable[[Memo], None]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Memos"))
        self.setAccessibleName(self.tr("Memos"))
        self._session = session
        self._go_to = go_to
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter memos"))
        self.filter_edit.setAccessibleName(self.tr("Filter memos"))
        self.filter_edit.setClearButtonEnabled(True)
        self.tree = QTreeWidget(self)
        self.tree.setAccessibleName(self.tr("Every memo with its place"))
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Kind"), self.tr("Place"), self.tr("Memo")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tree.setColumnWidth(0, 90)
        self.tree.setColumnWidth(1, 280)
        self.export_button = QPushButton(self.tr("&Export memos…"), self)
        self.export_button.setAutoDefault(False)  # Enter in the list goes to a memo, not to Export
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.tree)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.export_button)
        layout.addLayout(row)
        self.export_button.clicked.connect(self.export)
        self.tree.itemActivated.connect(self._on_tree_item_activated)  # Enter, double click
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)
        self.filter_edit.returnPressed.connect(self.tree.setFocus)
        for signal in (session.libraryChanged, session.journalChanged, session.libraryReloaded, session.tagsChanged,
                       session.blindChanged):  # fmt: skip
            signal.connect(self._on_session_changed)
        self.memos: list[Memo] = []
        self.resize(820, 480)
        self.reload()

    def _on_session_changed(self) -> None:
        if self.isVisible():
            self.reload()

    def reload(self) -> None:
        try:
            found = memos.all_memos(self._session.library)
        except USER_ERRORS as exc:
            self._session.errorRaised.emit(str(exc))
            return
        blind = self._session.blind_coders()  # while blind, other coders' annotations and their notes are hidden
        self.memos = [m for m in found if blind is None or m.kind != ANNOTATION or m.author in blind]
        current = self.tree.currentItem()
        keep = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        self.tree.clear()
        for memo in self.memos:
            first = " ".join(memo.text.split())
            item = QTreeWidgetItem([self._kind_name(memo.kind), memos.place_of(memo), first[:200]])
            item.setData(0, Qt.ItemDataRole.UserRole, memo)
            item.setToolTip(2, memo.text[:2000])  # plain text: setToolTip of a tree item is not HTML-checked here
            self.tree.addTopLevelItem(item)
            if keep is not None and (memo.kind, memo.target_id) == (keep.kind, keep.target_id):
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._on_filter_edit_text_changed(self.filter_edit.text())

    def _kind_name(self, kind: str) -> str:
        return self.tr(KIND_NAMES[kind]) if kind in KIND_NAMES else kind

    def _on_filter_edit_text_changed(self, text: str) -> None:
        needle = text.casefold().strip()
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            memo: Memo = item.data(0, Qt.ItemDataRole.UserRole)
            haystack = f"{memo.text}\n{memos.place_of(memo, quote_chars=10_000)}".casefold()
            item.setHidden(bool(needle) and needle not in haystack)

    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self._go_to(item.data(0, Qt.ItemDataRole.UserRole))

    def export(self) -> None:
        """Write every memo (not only those the filter shows) as one Markdown file."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Export memos"),
            EXPORT_NAME,
            self.tr("Markdown") + " (*.md);;" + self.tr("All files") + " (*)",
        )
        if not path:
            return
        try:
            Path(path).write_text(memos.memos_markdown(memos.all_memos(self._session.library)), encoding="utf-8")
        except USER_ERRORS as exc:
            QMessageBox.warning(self, "Annotator", self.tr("The memos were not exported: {error}").format(error=exc))
            return
        self._session.saved.emit(self.tr("Exported %Ln memo(s) to {path}", None, len(self.memos)).format(path=path))


class QtMemoFlow:
    """UI: the View menu's Memos and Journal, and going from a memo to its place."""

    def __init__(
        self, parent: QWidget, session: QtLibrarySession, coder_name: Callable[[], str],
        open_annotation: Callable[[str, str], None], edit_document_memo: Callable[[str], None],
        report: Callable[[str], None],
    ) -> None:  # fmt: skip
        self._parent = parent
        self._session = session
        self._coder_name = coder_name
        self._open_annotation = open_annotation  # (document id, annotation id)
        self._edit_document_memo = edit_document_memo  # document id
        self._report = report
        self.journal_dialog: QtJournalDialog | None = None
        self.memos_dialog: QtMemosDialog | None = None
        self.memos_action = QAction(
            QCoreApplication.translate("QtMemoFlow", "&Memos"), parent, shortcut=QKeySequence("Ctrl+Shift+M")
        )
        self.memos_action.triggered.connect(self.show_memos)
        self.journal_action = QAction(
            QCoreApplication.translate("QtMemoFlow", "&Journal"), parent, shortcut=QKeySequence("Ctrl+Shift+J")
        )
        self.journal_action.triggered.connect(self.show_journal)
        for action in (self.memos_action, self.journal_action):
            parent.addAction(action)

    def show_memos(self) -> None:
        if self.memos_dialog is None:
            self.memos_dialog = QtMemosDialog(self._parent, self._session, self.go_to)
        else:
            self.memos_dialog.reload()
        self.memos_dialog.show()
        self.memos_dialog.raise_()
        self.memos_dialog.activateWindow()
        self.memos_dialog.tree.setFocus()

    def show_journal(self, entry_id: str | None = None) -> None:
        if self.journal_dialog is None:
            self.journal_dialog = QtJournalDialog(self._parent, self._session, self._coder_name)
        if entry_id:
            self.journal_dialog.select_entry(entry_id)
        self.journal_dialog.show()
        self.journal_dialog.raise_()
        self.journal_dialog.activateWindow()

    def go_to(self, memo: Memo) -> None:
        """Show where a memo belongs: the annotation in its text, the document, the journal entry."""
        if memo.kind == ANNOTATION:
            self._open_annotation(memo.document_id, memo.target_id)
        elif memo.kind == DOCUMENT:
            self._edit_document_memo(memo.document_id)
        elif memo.kind == JOURNAL:
            self.show_journal(memo.target_id)
        else:
            self._report(
                QCoreApplication.translate(
                    "QtMemoFlow", "Tag {tag}: its description is its coding rules, kept with the tag."
                ).format(tag=memo.label)
            )
