"""UI: File > Backups: the library's backups, a backup made now, and restoring one.

Restoring replaces the library with the chosen backup; the library as it was is
kept as a ``before-restore`` backup first (the service does that), so a restore
can itself be undone from this same list.
"""

from __future__ import annotations

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

from annotator.core.text import describe_size
from annotator.services import Library
from annotator.services.backups import BackupInfo, backup_now, list_backups
from annotator.storage.engine import LibraryError


class QtBackupsDialog(QDialog):
    """UI: lists backups; ``restoreRequested(path)`` asks the window to restore one."""

    restoreRequested = Signal(str)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(760, 420)
        self._library = library
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Backups are made with SQLite's backup API: daily and weekly when due, before every "
            "schema upgrade and restore, and whenever you press “Back up now”."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 5, self)
        self.table.setHorizontalHeaderLabels(["Made (UTC)", "Kind", "Documents", "Annotations", "Size"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.backup_button = QPushButton("Back up now", self)
        self.restore_button = QPushButton("Restore…", self)
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self._on_backup_clicked)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(buttons)
        self.backups: list[BackupInfo] = []
        self.refresh()

    def refresh(self) -> None:
        try:
            self.backups = sorted(list_backups(self._library), key=lambda b: b.created, reverse=True)
        except LibraryError as exc:
            self.backups = []
            QMessageBox.warning(self, "Backups", str(exc))
        self.table.setRowCount(len(self.backups))
        for row, info in enumerate(self.backups):
            values = [
                info.created.strftime("%Y-%m-%d %H:%M:%S"), info.kind,
                "?" if info.documents is None else str(info.documents),
                "?" if info.annotations is None else str(info.annotations), describe_size(info.size),
            ]  # fmt: skip
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setToolTip(str(info.path))
                self.table.setItem(row, column, item)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    def _on_backup_clicked(self) -> None:
        try:
            path = backup_now(self._library)
        except LibraryError as exc:
            QMessageBox.warning(self, "Backups", f"No backup was made: {exc}")
            return
        self.refresh()
        QMessageBox.information(self, "Backups", f"Backed up to {path}")

    def _on_restore_clicked(self) -> None:
        info = self.selected()
        if info is None:
            return
        answer = QMessageBox.question(
            self, "Restore backup",
            f"Replace the library with the {info.kind} backup of {info.created:%Y-%m-%d %H:%M} UTC?\n\n"
            "The library as it is now is kept as a “before-restore” backup.",
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self.restoreRequested.emit(str(info.path))
            self.refresh()
