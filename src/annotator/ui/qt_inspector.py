"""UI: the inspector: the selected annotation's tag, quote, offsets and memo (its note).

The memo is multi-line: Ctrl+Enter saves it (so does leaving the field), Esc
puts back the memo as stored.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QPlainTextEdit, QWidget

from annotator.core.model import Annotation, Tag
from annotator.ui.qt_tag_tree import swatch

#: How much of another program's note the inspector quotes when it differs from the one being typed.
QUOTED_NOTE_CHARS = 120


class QtMemoEdit(QPlainTextEdit):
    """UI: a multi-line memo field: ``submitted`` on Ctrl+Enter or when the focus leaves it,
    ``reverted`` on Esc. Enter alone starts a new line. In a dialog (*save_on_focus_out* False)
    leaving the field for its buttons saves nothing."""

    submitted = Signal()
    reverted = Signal()

    def __init__(self, parent: QWidget | None = None, *, save_on_focus_out: bool = True) -> None:
        super().__init__(parent)
        self._save_on_focus_out = save_on_focus_out
        self.setTabChangesFocus(True)  # Tab moves on, as in every other field
        line = self.fontMetrics().lineSpacing()
        self.setMinimumHeight(line * 4 + 12)

    def text(self) -> str:
        return self.toPlainText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.submitted.emit()
            return
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.reverted.emit()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        if (
            self._save_on_focus_out and event.reason() != Qt.FocusReason.PopupFocusReason
        ):  # a context menu over it is not leaving
            self.submitted.emit()


class QtInspector(QWidget):
    """UI: edit one annotation. Emits ``tagChosen(id, tag_id)`` and ``noteEdited(id, note, base)``.

    The note (the annotation's memo) is committed with Ctrl+Enter or on leaving
    the field; Esc puts back the stored one.
    Its *base* is the annotation as it was when the user began typing: if
    another program changes the note meanwhile, the window shows their change
    (the list's Note column, and a line under the field) while the field keeps
    what the user typed, and the edit, based on what the user saw, is refused
    rather than overwrite theirs. What was typed then stays in the field, now
    based on the note as stored, so Ctrl+Enter again saves it over theirs knowingly.
    """

    tagChosen = Signal(str, str)
    noteEdited = Signal(str, str, object)  # annotation id, note, the Annotation the edit is based on

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Inspector"))
        self.setAccessibleDescription(self.tr("The selected annotation: its tag, quote, place and memo"))
        form = QFormLayout(self)
        form.setContentsMargins(6, 6, 6, 6)
        self.tag_box = QComboBox(self)
        self.tag_box.setAccessibleName(self.tr("Tag"))
        self.quote_label = QLabel(self)
        self.quote_label.setWordWrap(True)
        self.where_label = QLabel(self)
        self.note_edit = QtMemoEdit(self)
        self.note_edit.setPlaceholderText(self.tr("Write a memo; Ctrl+Enter saves it, Esc undoes the typing"))
        self.note_edit.setAccessibleName(self.tr("Memo"))
        self._setting_text = False  # set while code (not the user) fills the field
        # Another program's note, when it changed while the user typed one (hidden otherwise).
        self.their_note_label = QLabel(self)
        self.their_note_label.setWordWrap(True)
        self.their_note_label.setAccessibleName(self.tr("Note changed elsewhere"))
        self.their_note_label.setVisible(False)
        form.addRow(self.tr("Tag"), self.tag_box)
        form.addRow(self.tr("Quote"), self.quote_label)
        form.addRow(self.tr("Where"), self.where_label)
        form.addRow(self.tr("&Memo"), self.note_edit)
        form.addRow("", self.their_note_label)
        self._annotation: Annotation | None = None
        # While the field holds a note being typed (not the stored one): the annotation as it was
        # when the user began, and the note they began from.
        self._note_base: Annotation | None = None
        self._begun_from = ""
        self.tag_box.activated.connect(self._on_tag_box_activated)
        self.note_edit.textChanged.connect(self._on_note_edit_text_changed)
        self.note_edit.submitted.connect(self._on_note_edit_finished)
        self.note_edit.reverted.connect(self._on_note_edit_reverted)
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
        """Show *annotation* (None: nothing); the same one again (as stored now) keeps a note being typed."""
        if annotation is None or self._annotation is None or annotation.id != self._annotation.id:
            self._note_base = None  # another annotation: what was typed was about the one before
        self._annotation = annotation
        self.setEnabled(annotation is not None)
        if annotation is None:
            self.tag_box.setCurrentIndex(-1)
            self.quote_label.setText(self.tr("Select an annotation to see it here."))
            self.where_label.clear()
            self._set_note_text("")
            self._show_their_note()
            return
        self.tag_box.setCurrentIndex(self.tag_box.findData(annotation.tag_id))
        quote = annotation.quote if len(annotation.quote) <= 300 else annotation.quote[:299] + "…"
        self.quote_label.setText(quote)
        where = (
            self.tr("characters {start}–{end} · by {coder}") if annotation.coder
            else self.tr("characters {start}–{end}")
        )  # fmt: skip
        self.where_label.setText(where.format(start=annotation.start, end=annotation.end, coder=annotation.coder))
        if self._note_base is not None and self.note_edit.text() == annotation.note:
            self._note_base = None  # what was typed is what is stored now (saved)
        if self._note_base is None and self.note_edit.text() != annotation.note:
            self._set_note_text(annotation.note)
        self._show_their_note()

    def _set_note_text(self, text: str) -> None:
        self._setting_text = True
        try:
            self.note_edit.setPlainText(text)
        finally:
            self._setting_text = False

    def _show_their_note(self) -> None:
        """Under the field: the stored note, when another program changed it while the user typed."""
        shown = self._annotation
        if self._note_base is None or shown is None or shown.note == self._begun_from:
            self.their_note_label.setVisible(False)
            return
        theirs = shown.note if len(shown.note) <= QUOTED_NOTE_CHARS else shown.note[: QUOTED_NOTE_CHARS - 1] + "…"
        if theirs:
            text = self.tr("Changed in another program while you typed; it now reads “{note}”.").format(note=theirs)
        else:
            text = self.tr("Removed in another program while you typed.")
        if self._note_base.note == shown.note:  # the refusal said so: the next Enter is knowingly over theirs
            text += " " + self.tr("Press Ctrl+Enter to save yours instead.")
        self.their_note_label.setText(text)
        self.their_note_label.setVisible(True)

    def _on_tag_box_activated(self, index: int) -> None:
        if self._annotation is not None and index >= 0:
            self.tagChosen.emit(self._annotation.id, self.tag_box.itemData(index))

    def _on_note_edit_text_changed(self) -> None:
        """The user typed: the edit is based on the annotation as it is shown now, when they began."""
        annotation = self._annotation
        if annotation is None or self._setting_text:
            return
        text = self.note_edit.text()
        if self._note_base is None:
            self._note_base, self._begun_from = annotation, annotation.note
        elif text == annotation.note:
            self._note_base = None  # typed back to what is stored: nothing to save
        self._show_their_note()

    def _on_note_edit_reverted(self) -> None:
        """Esc: what was typed goes, the memo as stored comes back."""
        self._note_base = None
        if self._annotation is not None:
            self._set_note_text(self._annotation.note)
        self._show_their_note()

    def _on_note_edit_finished(self) -> None:
        annotation, base = self._annotation, self._note_base
        if annotation is None or base is None:
            return
        text = self.note_edit.text()
        self.noteEdited.emit(annotation.id, text, base)
        # Saved, the annotation is shown again with this note (show_annotation ended the edit).
        # Refused (another program changed the note), what was typed stays, based now on the
        # note as stored, which the refusal and the line under the field told the user about.
        if self._note_base is not None and self._annotation is not None and self._annotation.id == annotation.id:
            self._note_base = self._annotation
            self._show_their_note()
