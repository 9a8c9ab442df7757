"""UI: File › Import…, File › New document from clipboard, and files dropped on the window.

The use case is the service's (:func:`annotator.services.importing.import_paths`
and :func:`~annotator.services.importing.import_text`); this flow asks which
files, shows a progress bar with Cancel, offers each document that seems to
carry web boilerplate in a :class:`QtTrimDialog` (the trim policy), hands what
the import changed to the session, opens the first document imported (the keyboard in
its text) and says
in the status bar what was added. Unreadable files are skipped and listed.

An import of files that adds annotations to documents the library already has (a
colleague's work) is shown first as a summary to confirm, and is one undo step
(:mod:`annotator.ui.qt_import_review`); a plain import of new documents is not asked about.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMainWindow, QMessageBox

from annotator.core import codebook as cb
from annotator.core.boilerplate import Cut
from annotator.core.merging import ImportSummary
from annotator.core.model import Tag
from annotator.formats.base import CONTEXT as FORMATS
from annotator.formats.base import ImportedDocument
from annotator.formats.registry import readers
from annotator.services import importing
from annotator.services.progress import Cancelled, Progress
from annotator.ui.qt_import_review import ImportCommand, QtImportSummaryDialog
from annotator.ui.qt_progress import QtProgress
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession
from annotator.ui.qt_trim_dialog import QtTrimDialog

CANCELLED = QT_TRANSLATE_NOOP("QtImportFlow", "Import cancelled; nothing was imported.")


#: How many of the tags a codebook added the status bar names.
NAMED_TAGS = 6


def import_summary(
    result: importing.ImportResult, title_of: Callable[[str], str], library_tags: Sequence[Tag] = ()
) -> str:
    """What an import did, in a sentence for the status bar (*title_of* gives a document's title;
    *library_tags*, the library's tags now, name the tags a codebook added by their paths)."""
    return ImportReport().sentence(result, title_of, library_tags)


class ImportReport(QObject):
    """UI: the status bar's sentence about an import (a QObject: its counts have plural forms)."""

    def sentence(
        self, result: importing.ImportResult, title_of: Callable[[str], str], library_tags: Sequence[Tag]
    ) -> str:
        """See :func:`import_summary`: what was added, and a hint for each file seemingly edited since
        it was imported (a new document beside the old one, whose annotations a revision would keep)."""
        return " ".join([self._added(result, title_of, library_tags), *self._hints(result)])

    def _added(
        self, result: importing.ImportResult, title_of: Callable[[str], str], library_tags: Sequence[Tag]
    ) -> str:
        tags = len(result.changes.tags_created)
        if not result.documents:  # a codebook: tags only
            if tags:
                paths = cb.paths([*library_tags, *result.changes.tags_created])
                names = [cb.format_path(paths.get(t.id, (t.name,))) for t in result.changes.tags_created]
                named = ", ".join(names[:NAMED_TAGS])
                if len(names) > NAMED_TAGS:
                    named = self.tr("{names} and %Ln more", None, len(names) - NAMED_TAGS).format(names=named)
                return self.tr("Added %Ln tag(s) from the codebook: {names}.", None, tags).format(names=named)
            return self.tr("Nothing was added: the library already has every tag of the codebook.")
        known = [row for row in result.documents if not row.new]
        if len(result.documents) == 1 and known and not result.annotations_added and not tags:
            return self.tr("“{title}” is already in the library; it is open now.").format(title=title_of(known[0].id))
        new = len(result.documents) - len(known)
        annotations = self.tr("%Ln annotation(s)", None, result.annotations_added)
        parts = [self.tr("Imported %Ln new document(s), {annotations}", None, new).format(annotations=annotations)]
        if known:
            parts.append(self.tr("%Ln document(s) were already in the library", None, len(known)))
        if tags:
            parts.append(self.tr("added %Ln tag(s)", None, tags))
        return "; ".join(parts) + "."

    def _hints(self, result: importing.ImportResult) -> list[str]:
        return [
            self.tr(
                "“{title}” is already in the library with different text: to keep its annotations on the new "
                "text, use Document › Replace text with a new version… (annotator revise)."
            ).format(title=title)
            for _id, title in result.same_file
        ]


class QtImportFlow(QObject):
    """UI: imports files and pasted text into the session's library, asking the user where the service needs to.

    It watches the window's events for files dragged onto it (local files only).
    """

    def __init__(
        self,
        window: QMainWindow,
        session: QtLibrarySession,
        *,
        open_document: Callable[[str], None],
        title_of: Callable[[str], str | None],
    ) -> None:
        """*open_document* shows a document in the window; *title_of* is a document's title in the library list."""
        super().__init__(window)
        self._window = window
        self._session = session
        self._open_document = open_document
        self._title_of = title_of

        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def _status(self, message: str, timeout: int) -> None:
        self._window.statusBar().showMessage(message, timeout)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Files dragged onto the window are welcome if all are local; dropped, they are imported."""
        if isinstance(event, QDragEnterEvent):
            urls = event.mimeData().urls()
            if urls and all(u.isLocalFile() for u in urls):
                event.acceptProposedAction()
            return True
        if isinstance(event, QDropEvent):
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
            if paths:
                event.acceptProposedAction()
                self.import_paths(paths)
            return True
        return super().eventFilter(watched, event)

    def choose_files(self) -> None:
        """File › Import…: pick files; picking one format's filter forces that reader."""
        everything = " ".join(f"*{e}" for f in readers() for e in f.extensions)
        filters = [self.tr("All supported files") + f" ({everything})"]
        labels = {f.id: QCoreApplication.translate(FORMATS, f.label) for f in readers()}  # marked in formats
        filters += [f"{labels[f.id]} ({' '.join('*' + e for e in f.extensions)})" for f in readers()]
        paths, chosen = QFileDialog.getOpenFileNames(
            self._window,
            self.tr("Import documents"),
            str(Path.home()),
            ";;".join([*filters, self.tr("All files") + " (*)"]),
        )
        if not paths:
            return
        # Picking one format's filter forces that reader; otherwise the content decides.
        forced = next((f.id for f in readers() if chosen.startswith(f"{labels[f.id]} (")), None)
        self.import_paths(paths, format_id=forced)

    def paste(self) -> None:
        """File › New document from clipboard."""
        text = QApplication.clipboard().text()
        if not text.strip():  # nothing, or only blanks (e.g. an image was copied)
            QMessageBox.information(self._window, self.tr("Nothing to import"), self.tr("The clipboard holds no text."))
            return
        library = self._session.library
        result = self._run(
            lambda progress: importing.import_text(library, text, trim=self.decide_trim, progress=progress),
            # Reading the text is all that can fail here, short of the library itself.
            lambda exc: (
                self.tr("Nothing to import"),
                self.tr("The clipboard's text was not imported: {error}.").format(error=exc),
            ),
        )
        if result is not None:
            self._show(result)

    def import_paths(self, paths: list[str], *, format_id: str | None = None) -> list[str]:
        """Import files; unreadable ones are reported and skipped. Returns the imported document ids."""
        library = self._session.library
        result = self._run(
            lambda progress: importing.import_paths(
                library,
                paths,
                format_id=format_id,
                trim=self.decide_trim,
                skip_unreadable=True,
                progress=progress,
                confirm=self.confirm_import,
            ),
            lambda exc: (self.tr("Import failed"), self.tr("Nothing was imported: {error}").format(error=exc)),
        )
        if result is None:
            return []
        ids = self._show(result) if len(result.failures) < len(paths) else []
        if result.failures:
            details = "\n".join(f"• {Path(f.path).name}: {f.message}" for f in result.failures)
            QMessageBox.warning(self._window, self.tr("Some files were not imported"), details)
        return ids

    def decide_trim(self, document: ImportedDocument, cuts: list[Cut]) -> list[Cut] | None:
        """The trim policy: show the document with what seems to be boilerplate; None cancels the import."""
        dialog = QtTrimDialog(document.title, document.text, cuts, self._window)
        answer = dialog.exec()
        if answer == QDialog.DialogCode.Rejected:
            return None
        return dialog.chosen_cuts() if answer == QDialog.DialogCode.Accepted else []

    def confirm_import(self, summary: ImportSummary, why: str) -> bool:
        """The confirm policy: an import that brings work into documents already here (or one whose
        summary changed since it was shown) is shown as a summary first; False cancels it."""
        if not summary.brings_work_in and not why:
            return True
        dialog = QtImportSummaryDialog(summary, why, self._window)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def _run(
        self,
        call: Callable[[Progress], importing.ImportResult],
        failed: Callable[[BaseException], tuple[str, str]],
    ) -> importing.ImportResult | None:
        """Run an import with a progress bar; None if it was cancelled or failed (and said so)."""
        progress = QtProgress(self._window, self.tr("Importing…"))
        try:
            return call(progress)
        except Cancelled:
            self._status(self.tr(CANCELLED), 6000)
        except USER_ERRORS as exc:
            QMessageBox.warning(self._window, *failed(exc))
        finally:
            progress.close()
        return None

    def _step_text(self, result: importing.ImportResult) -> str:
        """The undo step's name: how many annotations, by whom."""
        coders = ", ".join(name or self.tr("(no coder)") for name, _ in result.summary.coders)
        if coders:
            return self.tr("Import %Ln annotation(s) by {coders}", None, len(result.added)).format(coders=coders)
        return self.tr("Import %Ln annotation(s)", None, len(result.added))

    def _show(self, result: importing.ImportResult) -> list[str]:
        """Show what an import changed (as an undo step if it brought work into documents already
        here), open its first document and say what was added."""
        if result.summary.brings_work_in and not result.changes.library_reloaded:
            self._session.push([ImportCommand(self._session, result, self._step_text(result))])
        else:
            self._session.apply(result.changes)
        ids = [row.id for row in result.documents]
        if ids:
            self._open_document(ids[0])  # a text already in the library too: that is where it is
        said = import_summary(result, lambda i: self._title_of(i) or "?", self._session.tags)
        self._status(said, 20000 if result.same_file else 8000)  # a hint takes longer to read
        return ids
