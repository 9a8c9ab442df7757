"""UI: File › Import Hypothesis or Zotero highlights…: a JSON file of highlights onto the open document.

The use case is the CLI's (``annotator import x.json --hypothesis|--zotero --doc ID``,
:func:`annotator.services.highlights.import_highlights`). The file's kind is told by its
shape (:func:`annotator.services.highlights.preview_highlights`); the PDF import's dialog
(:class:`annotator.ui.qt_pdf_highlights.QtPdfHighlightsDialog`) shows the colour → tag
table (Zotero) or their tag → our tag table (Hypothesis), what could not be placed and the
page notes. Import writes them as one undo step (:class:`annotator.ui.qt_import_review.ImportCommand`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox

from annotator.services.highlights import import_highlights, preview_highlights
from annotator.ui.qt_import_flow import import_summary
from annotator.ui.qt_import_review import ImportCommand
from annotator.ui.qt_pdf_highlights import QtPdfHighlightsDialog
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession


class QtWebHighlightsImport(QObject):
    """UI: pick a Hypothesis or Zotero JSON file, confirm its tag table, import onto the open document."""

    def __init__(self, window: QMainWindow, session: QtLibrarySession) -> None:
        super().__init__(window)
        self._window = window
        self._session = session

    def choose_file(self) -> None:
        """Refuse without an open document; else pick the file, show the table, import on Import."""
        document = self._session.document
        if document is None:
            self._window.statusBar().showMessage(self.tr("Open the document the highlights were made on first."), 8000)
            return
        path, _ = QFileDialog.getOpenFileName(
            self._window,
            self.tr("Import Hypothesis or Zotero highlights"),
            str(Path.home()),
            self.tr("JSON files") + " (*.json)",
        )
        if not path:
            return
        library = self._session.library
        try:
            preview = preview_highlights(library, path, document.id)
            zotero = preview.kind == "zotero"
            dialog = QtPdfHighlightsDialog(
                preview.table,
                [t.name for t in self._session.tags],
                [(path, miss) for miss in preview.unplaced],
                self._window,
                title=self.tr("Import Zotero highlights") if zotero else self.tr("Import Hypothesis highlights"),
                intro=self.tr("Each highlight colour becomes a tag:")
                if zotero
                else self.tr("Each Hypothesis tag becomes our tag:"),
                swatches=zotero,
                remark=self.tr("%Ln page note(s) join the document memo.", None, preview.memo_lines)
                if preview.memo_lines
                else "",
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.chosen_table()
            report = import_highlights(
                library,
                path,
                preview.kind,
                document=document.id,
                tag_map=None if zotero else chosen,
                colour_map=chosen if zotero else None,
            )
        except USER_ERRORS as exc:
            QMessageBox.warning(
                self._window, self.tr("Import failed"), self.tr("Nothing was imported: {error}").format(error=exc)
            )
            return
        result = report.result
        assert result is not None  # not a dry run
        if result.added and not result.changes.library_reloaded:
            text = self.tr("Import %Ln highlight(s)", None, len(result.added))
            self._session.push([ImportCommand(self._session, result, text)])
        else:
            self._session.apply(result.changes)
        titles = {row.id: row.title for row in result.documents}
        said = import_summary(result, lambda i: titles.get(i, "?"), self._session.tags)
        self._window.statusBar().showMessage(said, 8000)
