"""UI: File > Backups: the library's backups, a backup made now, and restoring one.

Restoring replaces the library with the chosen backup; the library as it was is
kept as a ``before-restore`` backup first (the service does that), so a restore
can itself be undone from this same list. Times are shown in local time and
kinds in plain words: a backup is "a copy of your library made on …".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.core.errors import LibraryError
from annotator.core.text import describe_size
from annotator.services import Library
from annotator.services.backups import BackupInfo, backup_now, list_backups
from annotator.ui import qt_i18n

#: Why each kind of backup was made, in words a reader of the list understands (translated when shown).
KIND_WORDS = {
    "daily": QT_TRANSLATE_NOOP("QtBackupsDialog", "daily copy"),
    "weekly": QT_TRANSLATE_NOOP("QtBackupsDialog", "weekly copy"),
    "manual": QT_TRANSLATE_NOOP("QtBackupsDialog", "made by you"),
    "before-restore": QT_TRANSLATE_NOOP("QtBackupsDialog", "before a restore"),
    "before-migration": QT_TRANSLATE_NOOP("QtBackupsDialog", "before an upgrade"),
}


def local_time(moment: datetime) -> str:
    """*moment* (aware, e.g. UTC) as the reader's local date and time, written as the locale writes them."""
    return qt_i18n.format_date(moment.astimezone())


def kind_words(kind: str) -> str:
    if kind in KIND_WORDS:
        return QCoreApplication.translate("QtBackupsDialog", KIND_WORDS[kind])
    return kind.replace("-", " ")


class QtBackupsDialog(QDialog):
    """UI: lists backups; ``restoreRequested(path)`` asks the window to restore one."""

    restoreRequested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Backups"))
        self.resize(760, 420)
        self._library = library
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "A backup is a copy of your library. Annotator makes one every day and every week, "
                "one before it upgrades the library for a new version, and one before every restore; "
                "“Back up now” makes one whenever you like. Restoring replaces your library with the "
                "copy you choose, and keeps your library as it was as one more copy, so a restore can "
                "be undone here too."
            ),
            self,
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made"), self.tr("Why"), self.tr("Documents"), self.tr("Annotations"), self.tr("Size")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.details = QLabel(self)  # the selected backup in a sentence
        self.details.setWordWrap(True)
        self.details.setAccessibleName(self.tr("Selected backup"))
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = QPushButton(self.tr("&Back up now"), self)
        self.restore_button = QPushButton(self.tr("&Restore…"), self)
        self.backup_button.setAccessibleName(self.tr("Back up now"))
        self.restore_button.setAccessibleName(self.tr("Restore the selected backup"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        layout.addWidget(buttons)
        self.backups: list[BackupInfo] = []
        self.refresh()

    def refresh(self) -> None:
        """List the backups again, newest first, keeping the same backup (not the same row) selected."""
        chosen = self.selected()
        try:
            self.backups = sorted(list_backups(self._library), key=lambda b: b.created, reverse=True)
        except LibraryError as exc:
            self.backups = []
            QMessageBox.warning(self, self.tr("Backups"), str(exc))
        self.table.clearSelection()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            values = [
                local_time(info.created), kind_words(info.kind),
                "?" if info.documents is None else qt_i18n.format_count(info.documents),
                "?" if info.annotations is None else qt_i18n.format_count(info.annotations), describe_size(info.size),
            ]  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        if chosen is not None:
            self.select_backup(chosen.path)
        self._on_table_selection_changed()

    def select_backup(self, path: Path | str) -> bool:
        """Select the backup stored at *path*; False if it is not listed."""
        row = next((i for i, b in enumerate(self.backups) if b.path == Path(path)), -1)
        if row < 0:
            return False
        self.table.selectRow(row)
        return True

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows and rows[0].row() < len(self.backups) else None

    def _on_table_selection_changed(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None)
        if info is None:
            self.details.setText(self.tr("Select a backup to restore it."))
            return
        self.details.setText(
            self.tr("A copy of your library made on {made} ({why}), with {documents} and {annotations}.").format(
                **self._described(info)
            )
        )

    def _described(self, info: BackupInfo) -> dict[str, str]:
        """The pieces of a sentence about a backup: when, why, how many documents and annotations."""
        documents = (
            self.tr("an unknown number of documents")
            if info.documents is None
            else self.tr("%Ln document(s)", None, info.documents)
        )
        annotations = (
            self.tr("an unknown number of annotations")
            if info.annotations is None
            else self.tr("%Ln annotation(s)", None, info.annotations)
        )
        return {
            "made": local_time(info.created), "why": kind_words(info.kind),
            "documents": documents, "annotations": annotations,
        }  # fmt: skip

    def _on_backup_clicked(self) -> None:
        try:
            path = backup_now(self._library)
        except LibraryError as exc:
            QMessageBox.warning(self, self.tr("Backups"), self.tr("No backup was made: {error}").format(error=exc))
            return
        self.refresh()
        self.select_backup(path)
        QMessageBox.information(
            self, self.tr("Backups"), self.tr("A copy of your library was saved as\n{path}").format(path=path)
        )

    def _on_restore_clicked(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Restore backup"),
            self.tr(
                "Replace your library with the copy made on {made} ({why}), with {documents} and {annotations}?\n\n"
                "Your library as it is now is kept as another copy (“before a restore”) first."
            ).format(**self._described(info)),
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.restoreRequested.emit(str(info.path))
            self.refresh()  # keeps the restored backup selected
