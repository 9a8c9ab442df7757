"""UI: what a person does to a document as a whole: rename it, write its memo, see its details, delete it.

Each is reachable from the Document menu and from the library list's context
menu (right click, the Menu key, Shift+F10), with keys: F2 renames,
Ctrl+Shift+E edits the memo, Ctrl+I shows the details, Shift+Delete (in the
library list) deletes. Rename, memo and delete are undo steps of the session;
a delete first says what goes with the document and that a backup is made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from annotator.core.codebook import labels as tag_labels
from annotator.core.documents import DocumentDetails
from annotator.core.model import Document
from annotator.services import documents
from annotator.ui import qt_i18n
from annotator.ui.qt_document_list import QtDocumentList
from annotator.ui.qt_inspector import QtMemoEdit
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession


class QtDocumentMemoDialog(QDialog):
    """UI: a document's memo, multi-line; Ctrl+Enter saves, Esc closes without saving."""

    def __init__(self, parent: QWidget, title: str, memo: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Memo — {title}").format(title=title))
        self.setAccessibleName(self.tr("Document memo"))
        layout = QVBoxLayout(self)
        self.memo_edit = QtMemoEdit(self, save_on_focus_out=False)
        self.memo_edit.setPlainText(memo)
        self.memo_edit.setAccessibleName(self.tr("Document memo"))
        self.memo_edit.setTabChangesFocus(True)
        self.memo_edit.setPlaceholderText(self.tr("What is this document, why is it here, what to look for…"))
        layout.addWidget(self.memo_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.memo_edit.submitted.connect(self.accept)  # Ctrl+Enter
        self.memo_edit.reverted.connect(self.reject)  # Esc
        self.resize(520, 360)

    def memo(self) -> str:
        return self.memo_edit.toPlainText()


class QtDocumentDetailsDialog(QDialog):
    """UI: what the library knows of a document (read-only, selectable)."""

    def __init__(self, parent: QWidget, details: DocumentDetails, labels: Mapping[str, str]) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Details — {title}").format(title=details.title))
        self.setAccessibleName(self.tr("Document details"))
        layout = QVBoxLayout(self)
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName(self.tr("Document details"))
        self.browser.setHtml(self.details_html(details, labels))
        layout.addWidget(self.browser)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 420)

    def details_html(self, details: DocumentDetails, labels: Mapping[str, str]) -> str:
        """The details of a document as (escaped) rich text; *labels* names each tag (by id) as
        :func:`~annotator.core.codebook.labels` does, so two tags that share a name stay apart."""
        count = qt_i18n.format_count
        size = self.tr("{characters}, {bytes} (UTF-8)").format(
            characters=self.tr("%Ln character(s)", None, details.characters),
            bytes=self.tr("%Ln byte(s)", None, details.utf8_bytes),
        )
        annotations = count(details.annotations)
        if details.orphans:
            annotations += self.tr(" (and {orphans} without a place)").format(orphans=count(details.orphans))
        rows = [
            (self.tr("Title"), details.title), (self.tr("Source file"), details.source or self.tr("(not known)")),
            (self.tr("Imported"), details.imported.astimezone().strftime("%Y-%m-%d %H:%M")), ("SHA-256", details.sha256),
            (self.tr("Size"), size), (self.tr("Annotations"), annotations),
        ]  # fmt: skip
        out = ["<table>"] + [f"<tr><th align=left>{k}</th><td>{escape(v)}</td></tr>" for k, v in rows] + ["</table>"]
        if details.counts:
            out.append("<h4>{}</h4><table>".format(self.tr("Per tag")))
            named = [(labels.get(tag_id, self.tr("(deleted tag)")), n) for tag_id, n in details.counts.items()]
            for name, n in sorted(named, key=lambda item: (-item[1], item[0])):
                out.append(f"<tr><td>{escape(name)}</td><td align=right>{count(n)}</td></tr>")
            out.append("</table>")
        out.append("<h4>{}</h4>".format(self.tr("Versions")))
        if details.versions:
            out.append("<table>")
            for v in details.versions:
                when = v.created.astimezone().strftime("%Y-%m-%d %H:%M")
                cells = [
                    self.tr("version {version}").format(version=v.version),
                    self.tr("replaced {when}").format(when=when),
                    self.tr("%Ln character(s)", None, len(v.text)),
                ]
                out.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells) + f"<td>{escape(v.note)}</td></tr>")
            out.append("</table>")
        else:
            out.append("<p>{}</p>".format(self.tr("The text is as imported.")))
        return "".join(out)


class QtDocumentFlow(QObject):
    """UI: rename, memo, details and delete of the document chosen in the library list (or open)."""

    def __init__(
        self, parent: QWidget, session: QtLibrarySession, document_list: QtDocumentList,
        report: Callable[[str], None],
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self._parent = parent
        self._session = session
        self._list = document_list
        self._report = report
        self.dialog: QDialog | None = None  # the memo or details dialog last opened (tests look at it)
        self.rename_action = QAction(self.tr("Re&name…"), parent, shortcut=QKeySequence("F2"))
        self.rename_action.triggered.connect(self.rename)
        self.memo_action = QAction(self.tr("Document &memo…"), parent, shortcut=QKeySequence("Ctrl+Shift+E"))
        self.memo_action.triggered.connect(self.edit_memo)
        self.details_action = QAction(self.tr("Detai&ls…"), parent, shortcut=QKeySequence("Ctrl+I"))
        self.details_action.triggered.connect(self.show_details)
        self.delete_action = QAction(self.tr("&Delete document…"), parent, shortcut=QKeySequence("Shift+Del"))
        self.delete_action.triggered.connect(self.delete)
        # F2 and Shift+Delete are about a document only in the library list (elsewhere they
        # would seem to mean an annotation); the menu entries show them and work everywhere.
        for action in (self.rename_action, self.delete_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            document_list.addAction(action)
        for action in (self.memo_action, self.details_action):
            parent.addAction(action)
        document_list.context_menu_parts.insert(0, self._add_to_list_menu)  # first, then the sets' entries

    @property
    def actions(self) -> list[QAction]:
        return [self.rename_action, self.memo_action, self.details_action, self.delete_action]

    def target(self) -> Document | None:
        """The document the list's current row is (or the open one), as stored now; None if there is none."""
        index = self._list.currentIndex()
        document_id = self._list.documents_model.document_id(index.row()) if index.isValid() else None
        if document_id is None and self._session.document is not None:
            document_id = self._session.document.id
        if document_id is None:
            self._report(self.tr("Choose a document in the library first."))
            return None
        try:
            return self._session.library.document(document_id)
        except USER_ERRORS as exc:
            self._report(str(exc))
            return None

    def rename(self) -> None:
        document = self.target()
        if document is None:
            return
        title, ok = QInputDialog.getText(
            self._parent, self.tr("Rename document"), self.tr("Title:"), QLineEdit.EchoMode.Normal, document.title
        )
        if ok:
            self._session.rename_document(document, title)

    def edit_memo(self) -> None:
        document = self.target()
        if document is None:
            return
        dialog = QtDocumentMemoDialog(self._parent, document.title, document.memo)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # Based on the memo as it was when the dialog opened: a change made elsewhere meanwhile is not overwritten.
        dialog.accepted.connect(lambda: self._session.set_document_memo(document, dialog.memo()))
        self.dialog = dialog
        dialog.open()

    def show_details(self) -> None:
        document = self.target()
        if document is None:
            return
        try:
            details = documents.document_details(self._session.library, document.id)
        except USER_ERRORS as exc:
            self._report(str(exc))
            return
        dialog = QtDocumentDetailsDialog(self._parent, details, tag_labels(self._session.tags))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.show()

    def delete(self) -> None:
        document = self.target()
        if document is None:
            return
        try:
            details = documents.document_details(self._session.library, document.id)
        except USER_ERRORS as exc:
            self._report(str(exc))
            return
        annotations = self.tr("%Ln annotation(s)", None, details.annotations + details.orphans)
        versions = self.tr("%Ln earlier version(s)", None, len(details.versions))
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete document"),
            self.tr(
                "Delete “{title}”?\n\nIts {annotations} and {versions} are deleted with it. A backup of the "
                "library is made first, and Edit ▸ Undo puts it back."
            ).format(title=document.title, annotations=annotations, versions=versions),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        row = self._list.documents_model.row_of(document.id)
        self._session.delete_document(document)
        model = self._list.documents_model
        if self._session.document is None and model.rowCount() > 0:  # open the one that took its place
            self._list.setCurrentIndex(model.index(min(max(row, 0), model.rowCount() - 1)))

    def _add_to_list_menu(self, menu: QMenu, _document_ids: list[str]) -> None:
        """The library list's context menu: this document's entries (they act on the current one)."""
        menu.addActions(self.actions)
