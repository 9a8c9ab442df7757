"""UI: File › Import PDF highlights…: PDFs with the highlights made on them in a PDF reader.

The use case is the CLI's (``annotator import file.pdf --highlights``,
:func:`annotator.services.pdf_highlights.read_with_highlights`): the PDFs are read
and their highlights placed, then :class:`QtPdfHighlightsDialog` shows the colour →
tag table (each tag can be changed) and the highlights that could not be placed.
Import writes them in one unit of work, as one undo step
(:class:`annotator.ui.qt_import_review.ImportCommand`), and opens the first document.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotator.formats.highlights import Unplaced as WebUnplaced
from annotator.formats.pdf_highlights import Unplaced
from annotator.services import importing
from annotator.services.pdf_highlights import read_with_highlights
from annotator.ui.qt_import_flow import import_summary
from annotator.ui.qt_import_review import ImportCommand
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

# The side of a colour swatch, in pixels.
SWATCH = 16


class QtPdfHighlightsDialog(QDialog):
    """UI: the colour → tag table to confirm (a combo of the library's tags per colour) and the
    highlights that could not be placed; Import accepts, Cancel (Esc) writes nothing."""

    def __init__(
        self,
        table: Mapping[str, str],
        tag_names: Sequence[str],
        unplaced: Sequence[tuple[str, Unplaced | WebUnplaced]],
        parent: QWidget | None = None,
        *,
        title: str = "",
        intro: str = "",
        swatches: bool = True,
        remark: str = "",
    ) -> None:
        """*table* maps ``#rrggbb`` to the tag computed for it; *tag_names* are the library's tags.

        Hypothesis and Zotero imports (:mod:`annotator.ui.qt_web_highlights`) give their own
        *title* and *intro*, a *remark* under the table (page notes), and for Hypothesis a table
        of their tags, shown without colour *swatches*."""
        super().__init__(parent)
        title = title or self.tr("Import PDF highlights")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.combos: dict[str, QComboBox] = {}
        for colour, tag in table.items():
            combo = QComboBox(self)
            # A tag the table names that the library lacks (a fallback) is offered too: it is made on import.
            combo.addItems(list(tag_names) if tag in tag_names else [tag, *tag_names])
            combo.setCurrentText(tag)
            field = QHBoxLayout()
            if swatches:
                combo.setAccessibleName(self.tr("Tag for highlights in {colour}").format(colour=colour))
                swatch = QPixmap(SWATCH, SWATCH)
                swatch.fill(QColor(colour))  # the highlight's own colour: the data shown, not a theme colour
                sample = QLabel(self)
                sample.setPixmap(swatch)
                sample.setAccessibleName(self.tr("Colour {colour}").format(colour=colour))
                field.addWidget(sample)
            else:
                combo.setAccessibleName(self.tr("Our tag for their tag {tag}").format(tag=colour))
            field.addWidget(combo, 1)
            label = QLabel(colour, self)
            label.setBuddy(combo)
            form.addRow(label, field)
            self.combos[colour] = combo
        layout.addWidget(QLabel(intro or self.tr("Each highlight colour becomes a tag:"), self))
        layout.addLayout(form)
        if remark:
            layout.addWidget(QLabel(remark, self))
        self.unplaced = QListWidget(self)
        self.unplaced.setAccessibleName(self.tr("Highlights that could not be placed"))
        self.unplaced.addItems([f"{Path(path).name}: {miss}" for path, miss in unplaced])
        heading = QLabel(self.tr("Not placed (%Ln highlight(s)):", None, len(unplaced)), self)
        heading.setBuddy(self.unplaced)
        layout.addWidget(heading)
        layout.addWidget(self.unplaced)
        self.unplaced.setVisible(bool(unplaced))
        heading.setVisible(bool(unplaced))
        buttons = QDialogButtonBox(self)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setAccessibleName(self.tr("Import the highlights"))
        self.import_button.setDefault(True)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel the import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if self.combos:
            next(iter(self.combos.values())).setFocus()

    def chosen_table(self) -> dict[str, str]:
        """The colour (or their tag) → tag table as the user left it."""
        return {colour: combo.currentText() for colour, combo in self.combos.items()}


class QtPdfHighlightsImport(QObject):
    """UI: File › Import PDF highlights…: pick PDFs, confirm the colour table, import as one undo step."""

    def __init__(self, window: QMainWindow, session: QtLibrarySession, *, open_document: Callable[[str], None]) -> None:
        """*open_document* shows a document in the window."""
        super().__init__(window)
        self._window = window
        self._session = session
        self._open_document = open_document

    def choose_files(self) -> None:
        """Pick PDFs, read their highlights, show the table; on Import write them and open the first."""
        paths, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Import PDF highlights"), str(Path.home()), self.tr("PDF files") + " (*.pdf)"
        )
        if not paths:
            return
        library = self._session.library
        try:
            prepared = read_with_highlights(library, paths)
            dialog = QtPdfHighlightsDialog(
                prepared.table, [t.name for t in self._session.tags], prepared.unplaced, self._window
            )
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            chosen = dialog.chosen_table()
            if chosen != prepared.table:  # placed again, so each highlight takes the tag the user chose
                prepared = read_with_highlights(library, paths, chosen)
            result = importing.persist(library, prepared.bundles)
        except USER_ERRORS as exc:
            QMessageBox.warning(
                self._window, self.tr("Import failed"), self.tr("Nothing was imported: {error}").format(error=exc)
            )
            return
        self._show(result)

    def _show(self, result: importing.ImportResult) -> None:
        """What was written, as one undo step when it added annotations; then the first document."""
        if result.added and not result.changes.library_reloaded:
            text = self.tr("Import %Ln PDF highlight(s)", None, len(result.added))
            self._session.push([ImportCommand(self._session, result, text)])
        else:
            self._session.apply(result.changes)
        if result.documents:
            self._open_document(result.documents[0].id)
        titles = {row.id: row.title for row in result.documents}
        said = import_summary(result, lambda i: titles.get(i, "?"), self._session.tags)
        self._window.statusBar().showMessage(said, 8000)
