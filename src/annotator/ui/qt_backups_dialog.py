"""UI: File > Backups: the library's backups, a backup made now, and restoring one.

Restoring replaces the library with the chosen backup; the library as it was is
kept as a ``before-restore`` backup first (the service does that), so a restore
can itself be undone from this same list. Times are shown in local time and
kinds in plain words: a backup is "a copy of your library made on …".
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
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

#: Why each kind of backup was made, in words a reader of the list understands.
KIND_WORDS = {
    "daily": "daily copy",
    "weekly": "weekly copy",
    "manual": "made by you",
    "before-restore": "before a restore",
    "before-migration": "before an upgrade",
}


def local_time(moment: datetime) -> str:
    """*moment* (aware, e.g. UTC) as the reader's local date and time."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def kind_words(kind: str) -> str:
    return KIND_WORDS.get(kind, kind.replace("-", " "))


def _count(value: int | None, noun: str) -> str:
    return f"an unknown number of {noun}s" if value is None else f"{value} {noun}{'' if value == 1 else 's'}"


class QtBackupsDialog(QDialog):
    """UI: lists backups; ``restoreRequested(path)`` asks the window to restore one."""

    restoreRequested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(760, 420)
        self._library = library
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            "A backup is a copy of your library. Annotator makes one every day and every week, "
            "one before it upgrades the library for a new version, and one before every restore; "
            "“Back up now” makes one whenever you like. Restoring replaces your library with the "
            "copy you choose, and keeps your library as it was as one more copy, so a restore can "
            "be undone here too.",
            self,
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setAccessibleName("Backups")
        self.table.setHorizontalHeaderLabels(["Made", "Why", "Documents", "Annotations", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.details = QLabel(self)  # the selected backup in a sentence
        self.details.setWordWrap(True)
        self.details.setAccessibleName("Selected backup")
        layout.addWidget(self.details)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = QPushButton("&Back up now", self)
        self.restore_button = QPushButton("&Restore…", self)
        self.backup_button.setAccessibleName("Back up now")
        self.restore_button.setAccessibleName("Restore the selected backup")
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
            QMessageBox.warning(self, "Backups", str(exc))
        self.table.clearSelection()
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            values = [
                local_time(info.created), kind_words(info.kind),
                "?" if info.documents is None else str(info.documents),
                "?" if info.annotations is None else str(info.annotations), describe_size(info.size),
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
            self.details.setText("Select a backup to restore it.")
            return
        self.details.setText(
            f"A copy of your library made on {local_time(info.created)} ({kind_words(info.kind)}), "
            f"with {_count(info.documents, 'document')} and {_count(info.annotations, 'annotation')}."
        )

    def _on_backup_clicked(self) -> None:
        try:
            path = backup_now(self._library)
        except LibraryError as exc:
            QMessageBox.warning(self, "Backups", f"No backup was made: {exc}")
            return
        self.refresh()
        self.select_backup(path)
        QMessageBox.information(self, "Backups", f"A copy of your library was saved as\n{path}")

    def _on_restore_clicked(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self, "Restore backup",
            f"Replace your library with the copy made on {local_time(info.created)} "
            f"({kind_words(info.kind)}), with {_count(info.documents, 'document')} and "
            f"{_count(info.annotations, 'annotation')}?\n\n"
            "Your library as it is now is kept as another copy (“before a restore”) first.",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.restoreRequested.emit(str(info.path))
            self.refresh()  # keeps the restored backup selected
