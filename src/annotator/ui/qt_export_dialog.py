"""UI: the export dialog: format, scope, which tags and coders, and format options."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.formats.registry import writers

SCOPE_DOCUMENT, SCOPE_SELECTED, SCOPE_LIBRARY = "document", "selected", "library"
NO_CODER = "(no coder)"


def _checklist(names: list[str], parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    for name in names:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    widget.setMaximumHeight(96)
    return widget


def _checked(widget: QListWidget) -> list[str]:
    return [
        widget.item(i).text() for i in range(widget.count()) if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class QtExportDialog(QDialog):
    """UI: choose what to export and how. Formats come from the format registry."""

    def __init__(
        self,
        *,
        has_document: bool,
        selected_count: int,
        tag_names: list[str] | None = None,
        coders: list[str] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_box = QComboBox(self)
        for fmt in writers():
            self.format_box.addItem(f"{fmt.label} ({' '.join('*' + e for e in fmt.extensions)})", fmt.id)
        form.addRow("Format", self.format_box)
        self.excel_box = QCheckBox("Excel-friendly (BOM, Windows line ends, formulas defused)", self)
        self.flavor_box = QComboBox(self)
        for flavor, label in (("spacy", "spaCy spans"), ("doccano", "doccano"), ("label-studio", "Label Studio")):
            self.flavor_box.addItem(label, flavor)
        self.units_box = QComboBox(self)
        for units, label in (
            ("", "as the tool counts (see README)"), ("code-points", "code points (Python)"),
            ("utf-16", "UTF-16 units (JavaScript)"),
        ):  # fmt: skip
            self.units_box.addItem(label, units)
        form.addRow("", self.excel_box)
        form.addRow("Shape", self.flavor_box)
        form.addRow("Offsets", self.units_box)
        self._flavor_label = form.labelForField(self.flavor_box)
        self._units_label = form.labelForField(self.units_box)
        layout.addLayout(form)

        scope_box = QGroupBox("Documents", self)
        scope_layout = QVBoxLayout(scope_box)
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
            scope_layout.addWidget(button)
        self._buttons[SCOPE_DOCUMENT if has_document else SCOPE_LIBRARY].setChecked(True)
        layout.addWidget(scope_box)

        filters = QHBoxLayout()
        tag_box = QGroupBox("Tags", self)
        QVBoxLayout(tag_box).addWidget(tags_list := _checklist(tag_names or [], tag_box))
        coder_box = QGroupBox("Coders", self)
        QVBoxLayout(coder_box).addWidget(coders_list := _checklist([NO_CODER, *(coders or [])], coder_box))
        self.tags_list, self.coders_list = tags_list, coders_list
        filters.addWidget(tag_box)
        filters.addWidget(coder_box)
        layout.addLayout(filters)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.format_box.currentIndexChanged.connect(self._on_format_changed)
        self.flavor_box.currentIndexChanged.connect(self._on_format_changed)
        self._on_format_changed()

    def _on_format_changed(self, *_args: object) -> None:
        format_id = self.format_id()
        self.excel_box.setVisible(format_id == "csv")
        for widget in (self.flavor_box, self._flavor_label):
            if widget is not None:
                widget.setVisible(format_id == "jsonl")
        # spaCy counts code points only; the other shapes can count either way
        units = format_id == "jsonl" and self.flavor_box.currentData() != "spacy"
        for widget in (self.units_box, self._units_label):
            if widget is not None:
                widget.setVisible(units)

    def scope(self) -> str:
        return next(scope for scope, button in self._buttons.items() if button.isChecked())

    def set_scope(self, scope: str) -> None:
        self._buttons[scope].setChecked(True)

    def format_id(self) -> str:
        return self.format_box.currentData()

    def set_format(self, format_id: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(format_id))

    def kept_tags(self) -> frozenset[str] | None:
        """The tag names to keep, or None when all are checked."""
        names = _checked(self.tags_list)
        return None if len(names) == self.tags_list.count() else frozenset(names)

    def kept_coders(self) -> frozenset[str] | None:
        """The coder names to keep ("" for annotations without one), or None when all are checked."""
        names = _checked(self.coders_list)
        if len(names) == self.coders_list.count():
            return None
        return frozenset("" if name == NO_CODER else name for name in names)

    def options(self) -> dict[str, Any]:
        format_id = self.format_id()
        if format_id == "csv" and self.excel_box.isChecked():
            return {"excel": True}
        if format_id == "jsonl":
            flavor = self.flavor_box.currentData()
            units = self.units_box.currentData() if flavor != "spacy" else ""
            return {"flavor": flavor, **({"offsets": units} if units else {})}
        return {}
