"""UI: File › Export…: the Export dialog, where to save, and the export itself with a progress bar.

The dialogs open at the format and folder this library was last exported with
(remembered in the library, so each library has its own; a format that asks for it,
study notes, has its options remembered there too: ``export:options:<id>``), and the user is asked
before an existing file is replaced, also when the name typed only gets its
extension afterwards; a name whose extension is another format's is refused (as
``annotator export`` refuses it), so a file never holds what its name does not say.
The service writes to a temporary name and renames it when complete, so a cancelled
or failed export leaves no partial file.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QMessageBox, QWidget

from annotator.core import codebook as cb
from annotator.formats.registry import format_by_id, writers, writers_by_extension
from annotator.services import exporting
from annotator.services.progress import Cancelled
from annotator.ui.qt_export_dialog import SCOPE_DOCUMENT, SCOPE_SELECTED, SCOPE_SET, QtExportDialog
from annotator.ui.qt_i18n import format_count
from annotator.ui.qt_progress import QtProgress
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

LAST_EXPORT_FOLDER_KEY = "export:last_folder"
LAST_EXPORT_FORMAT_KEY = "export:last_format"
# A ``remember_options`` format's options (JSON) are kept under this key and its id.
EXPORT_OPTIONS_KEY = "export:options:"


class QtExportFlow:
    """UI: exports the open document, the documents selected in the library list, or the whole library."""

    def __init__(
        self,
        window: QMainWindow,
        session: QtLibrarySession,
        *,
        selected_document_ids: Callable[[], list[str]],
        set_names: Callable[[], list[str]] = list,
    ) -> None:
        """*selected_document_ids* gives the documents selected in the window's library list,
        *set_names* the library's sets (an export's scope can be one)."""
        self._window = window
        self._session = session
        self._selected_document_ids = selected_document_ids
        self._set_names = set_names

    def _status(self, message: str, timeout: int) -> None:
        self._window.statusBar().showMessage(message, timeout)

    def _tag_choices(self) -> list[tuple[str, str]]:
        """The tags the dialog offers to keep: (id, label), in the tree's order; a label tells apart
        tags of one name by their shortest path ("Outcome/Positive")."""
        tags = self._session.tags
        labels = cb.labels(tags)
        return [(t.id, labels[t.id]) for t, _depth in cb.walk(tags)]

    def choose_and_export(self) -> None:
        """File › Export…: ask what to export, in which format, keeping which tags and coders; then export."""
        document = self._session.document
        selected = self._selected_document_ids()
        try:
            coders = self._session.library.coders()
        except USER_ERRORS:
            coders = []
        dialog = QtExportDialog(
            has_document=document is not None, selected_count=len(selected),
            tags=self._tag_choices(), coders=coders, parent=self._window,
            set_names=self._set_names(),
        )  # fmt: skip
        last_format = self._library_state(LAST_EXPORT_FORMAT_KEY)
        if last_format in {f.id for f in writers()}:
            dialog.set_format(last_format)
        for fmt in writers():
            if fmt.remember_options:
                dialog.set_options(fmt.id, self._remembered_options(fmt.id))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        if format_by_id(dialog.format_id()).remember_options:
            self._set_library_state(EXPORT_OPTIONS_KEY + dialog.format_id(), json.dumps(dialog.options()))
        keep = None
        if dialog.kept_tag_ids() is not None or dialog.kept_coders() is not None:
            keep = exporting.ExportFilter(tag_ids=dialog.kept_tag_ids(), coders=dialog.kept_coders(), subtags=False)
        self.export_to(
            dialog.scope(),
            dialog.format_id(),
            selected,
            keep=keep,
            options=dialog.options(),
            set_name=dialog.set_name(),
        )

    def export_to(
        self,
        scope: str,
        format_id: str,
        selected: list[str],
        *,
        keep: exporting.ExportFilter | None = None,
        options: dict[str, Any] | None = None,
        set_name: str | None = None,
    ) -> str | None:
        """Ask where to save, then export; returns the path written. *set_name*: the set the
        scope ``SCOPE_SET`` exports."""
        document = self._session.document
        if scope == SCOPE_DOCUMENT and document is not None:
            ids: list[str] | None = [document.id]
            suggested = _safe_filename(document.title)
        elif scope == SCOPE_SELECTED:
            ids, suggested = selected, "annotator-selection"
        elif scope == SCOPE_SET and set_name is not None:
            try:
                ids = self._session.library.documents_in_set(set_name)
            except USER_ERRORS as exc:
                QMessageBox.warning(
                    self._window,
                    QCoreApplication.translate("QtExportFlow", "Export failed"),
                    QCoreApplication.translate("QtExportFlow", "Nothing was written: {error}").format(error=exc),
                )
                return None
            suggested = _safe_filename(set_name)
        else:
            ids, suggested = None, "annotator-library"
        fmt = format_by_id(format_id)
        extension = "" if fmt.writes_archive else fmt.extension(options or {})
        label = f"{fmt.label} folder (or *.zip)" if fmt.writes_archive else f"{fmt.label} (*{extension})"
        folder = Path(self._library_state(LAST_EXPORT_FOLDER_KEY) or Path.home())
        if not folder.is_dir():  # moved or deleted since, or on a drive not mounted now
            folder = Path.home()
        path, _ = QFileDialog.getSaveFileName(
            self._window,
            QCoreApplication.translate("QtExportFlow", "Export"),
            str(folder / (suggested + extension)),
            label,
        )
        if not path:
            return None
        suffix = Path(path).suffix.lower()
        named = writers_by_extension(format_id).get(suffix, [])
        if named and format_id not in named:  # the name would promise another format than the content
            others = QCoreApplication.translate("QtExportFlow", " or ").join(
                format_by_id(other).label for other in named
            )
            QMessageBox.warning(
                self._window, QCoreApplication.translate("QtExportFlow", "Export"),
                QCoreApplication.translate(
                    "QtExportFlow",
                    "Nothing was written: {name} names a file of {others}, not {format}. Export again and "
                    "choose {others} in the Export dialog, or name the file {extension}.",
                ).format(name=Path(path).name, others=others, format=fmt.label, extension=extension),
            )  # fmt: skip
            self._status(QCoreApplication.translate("QtExportFlow", "Export cancelled; nothing was written."), 6000)
            return None
        if not Path(path).suffix and not fmt.writes_archive:
            path += extension
            # Qt's dialog checked the name as typed; with the extension it may name a file that exists.
            if Path(path).exists() and not self._confirm_replace(path):
                self._status(QCoreApplication.translate("QtExportFlow", "Export cancelled; nothing was written."), 6000)
                return None
        progress = QtProgress(self._window, QCoreApplication.translate("QtExportFlow", "Exporting…"))
        try:
            count = exporting.export_to_path(
                self._session.library, path, format_id=format_id, document_ids=ids, keep=keep, options=options,
                progress=progress,
            )  # fmt: skip
        except Cancelled:
            self._status(QCoreApplication.translate("QtExportFlow", "Export cancelled; nothing was written."), 6000)
            return None
        except USER_ERRORS as exc:
            QMessageBox.warning(
                self._window,
                QCoreApplication.translate("QtExportFlow", "Export failed"),
                QCoreApplication.translate("QtExportFlow", "Nothing was written: {error}").format(error=exc),
            )
            return None
        finally:
            progress.close()
        self._status(
            QCoreApplication.translate("QtExportFlow", "Exported {count} document(s) to {path}").format(
                count=format_count(count), path=path
            ),
            6000,
        )
        self._set_library_state(LAST_EXPORT_FOLDER_KEY, str(Path(path).parent))
        self._set_library_state(LAST_EXPORT_FORMAT_KEY, format_id)
        return path

    def _confirm_replace(self, path: str) -> bool:
        return confirm_replace(self._window, path)

    def _library_state(self, key: str) -> str | None:
        """A remembered value of this library (e.g. where it was last exported); None if unreadable."""
        try:
            return self._session.library.state(key)
        except USER_ERRORS:
            return None

    def _remembered_options(self, format_id: str) -> dict[str, Any]:
        """The options format *format_id* was last chosen with in this library ({} if none or unreadable)."""
        try:
            values = json.loads(self._library_state(EXPORT_OPTIONS_KEY + format_id) or "{}")
        except ValueError:
            return {}
        return values if isinstance(values, dict) else {}

    def _set_library_state(self, key: str, value: str) -> None:
        """Remember *value* in the library; a convenience, so a failure is not worth a message."""
        with contextlib.suppress(*USER_ERRORS):
            self._session.library.set_state(key, value)


def confirm_replace(parent: QWidget, path: str) -> bool:
    """Ask before an export replaces *path*, as Qt's dialog does for the names it sees."""
    target = Path(path)
    answer = QMessageBox.question(
        parent, QCoreApplication.translate("QtExportFlow", "Export"),
        QCoreApplication.translate("QtExportFlow", "“{name}” already exists in {folder}.\n\nReplace it?").format(
            name=target.name, folder=target.parent
        ),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
    )  # fmt: skip
    return answer == QMessageBox.StandardButton.Yes


def _safe_filename(title: str) -> str:
    cleaned = "".join(c if c.isalnum() or c in " -_" else " " for c in title)
    return "-".join(cleaned.split())[:60] or "document"
