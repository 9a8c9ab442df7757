"""UI: the inspector: the selected annotation's tag, quote, offsets and note."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QWidget

from annotator.core.model import Annotation, Tag
from annotator.ui.qt_tag_panel import swatch


class QtInspector(QWidget):
    """UI: edit one annotation. Emits ``tagChosen(id, tag_id)`` and ``noteEdited(id, note)``.

    The note is committed when editing finishes (Enter or leaving the field).
    """

    tagChosen = Signal(str, str)
    noteEdited = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        self.tag_box = QComboBox(self)
        self.quote_label = QLabel(self)
        self.quote_label.setWordWrap(True)
        self.where_label = QLabel(self)
        self.note_edit = QLineEdit(self)
        self.note_edit.setPlaceholderText("Add a note, then press Enter")
        form.addRow("Tag", self.tag_box)
        form.addRow("Quote", self.quote_label)
        form.addRow("Where", self.where_label)
        form.addRow("Note", self.note_edit)
        self._annotation: Annotation | None = None
        self._shown_note = ""
        self.tag_box.activated.connect(self._on_tag_box_activated)
        self.note_edit.editingFinished.connect(self._on_note_edit_finished)
        self.show_annotation(None)

    @property
    def annotation_id(self) -> str | None:
        return self._annotation.id if self._annotation else None

    def set_tags(self, tags: list[Tag]) -> None:
        self.tag_box.clear()
        for tag in tags:
            self.tag_box.addItem(swatch(tag.color), tag.name, tag.id)
        self.show_annotation(self._annotation)

    def show_annotation(self, annotation: Annotation | None) -> None:
        self._annotation = annotation
        self.setEnabled(annotation is not None)
        if annotation is None:
            self.tag_box.setCurrentIndex(-1)
            self.quote_label.setText("Select an annotation to see it here.")
            self.where_label.clear()
            self.note_edit.clear()
            self._shown_note = ""
            return
        self.tag_box.setCurrentIndex(self.tag_box.findData(annotation.tag_id))
        quote = annotation.quote if len(annotation.quote) <= 300 else annotation.quote[:299] + "…"
        self.quote_label.setText(quote)
        coder = f" · by {annotation.coder}" if annotation.coder else ""
        self.where_label.setText(f"characters {annotation.start}–{annotation.end}{coder}")
        # Keep what the user is typing; otherwise show the stored note.
        if not self.note_edit.hasFocus() or self.note_edit.text() == self._shown_note:
            self.note_edit.setText(annotation.note)
        self._shown_note = annotation.note

    def _on_tag_box_activated(self, index: int) -> None:
        if self._annotation is not None and index >= 0:
            self.tagChosen.emit(self._annotation.id, self.tag_box.itemData(index))

    def _on_note_edit_finished(self) -> None:
        if self._annotation is not None and self.note_edit.text() != self._annotation.note:
            self.noteEdited.emit(self._annotation.id, self.note_edit.text())
