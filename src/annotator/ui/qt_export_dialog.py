"""UI: the export dialog: what to export (scope) and in which format."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.formats.registry import writers

SCOPE_DOCUMENT, SCOPE_SELECTED, SCOPE_LIBRARY = "document", "selected", "library"


class QtExportDialog(QDialog):
    """UI: choose the scope (current document, selected documents, whole library) and format."""

    def __init__(self, *, has_document: bool, selected_count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_box = QComboBox(self)
        for fmt in writers():
            self.format_box.addItem(f"{fmt.label} ({' '.join('*' + e for e in fmt.extensions)})", fmt.id)
        form.addRow("Format", self.format_box)
        layout.addLayout(form)
        self.scope_group = QButtonGroup(self)
        self._buttons: dict[str, QRadioButton] = {}
        for scope, label, enabled in (
            (SCOPE_DOCUMENT, "Current document", has_document),
            (SCOPE_SELECTED, f"Selected documents ({selected_count})", selected_count > 0),
            (SCOPE_LIBRARY, "Whole library", True),
        ):
            button = QRadioButton(label, self)
            button.setEnabled(enabled)
            self.scope_group.addButton(button)
            self._buttons[scope] = button
            layout.addWidget(button)
        self._buttons[SCOPE_DOCUMENT if has_document else SCOPE_LIBRARY].setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def scope(self) -> str:
        return next(scope for scope, button in self._buttons.items() if button.isChecked())

    def set_scope(self, scope: str) -> None:
        self._buttons[scope].setChecked(True)

    def format_id(self) -> str:
        return self.format_box.currentData()
