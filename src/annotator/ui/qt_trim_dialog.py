"""UI: offering to trim web boilerplate from an imported text, with a preview.

Nothing is trimmed silently: the dialog lists what was detected (a "Related
articles" tail, a repeated block...), shows it struck through in the text, and
the user chooses which parts to remove. What is removed stays recoverable in
the document's metadata.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from annotator.core.boilerplate import Cut
from annotator.core.offsets import OffsetMap

KEEP_ALL = 2  # dialog result besides Accepted (trim chosen parts) and Rejected (cancel the import)


class QtTrimDialog(QDialog):
    """UI: choose which detected boilerplate parts of one document to remove."""

    def __init__(self, title: str, text: str, cuts: list[Cut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trim web boilerplate?"))
        self.resize(760, 560)
        self._cuts = cuts
        layout = QVBoxLayout(self)
        removed = sum(c.end - c.start for c in cuts)
        intro = QLabel(
            self.tr(
                "<b>{title}</b> seems to end with site furniture or repeat itself ({parts}, {characters}). "
                "Struck-through text below would be removed; it stays recoverable in the document's metadata."
            ).format(
                title=escape(title),
                parts=self.tr("%Ln part(s)", None, len(cuts)),
                characters=self.tr("%Ln character(s)", None, removed),
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.cut_list = QListWidget(self)
        self.cut_list.setAccessibleName(self.tr("Parts to remove"))
        for cut in cuts:
            preview = " ".join(text[cut.start : cut.end].split())[:90]
            characters = self.tr("%Ln character(s)", None, cut.end - cut.start)
            item = QListWidgetItem(
                self.tr("{reason}: “{preview}…” ({characters})").format(
                    reason=cut.described(QCoreApplication.translate), preview=preview, characters=characters
                )
            )
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.cut_list.addItem(item)
        self.cut_list.setMaximumHeight(110)
        layout.addWidget(self.cut_list)
        self.preview = QPlainTextEdit(self)
        self.preview.setAccessibleName(self.tr("Document preview"))
        self.preview.setReadOnly(True)
        self.preview.setPlainText(text)
        layout.addWidget(self.preview, 1)
        self._map = OffsetMap(text)
        buttons = QDialogButtonBox(self)
        self.trim_button = buttons.addButton(self.tr("Trim checked parts"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.keep_button = QPushButton(self.tr("Keep everything"), self)
        buttons.addButton(self.keep_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.tr("Cancel import"), QDialogButtonBox.ButtonRole.RejectRole)
        self.trim_button.clicked.connect(self.accept)
        self.keep_button.clicked.connect(lambda: self.done(KEEP_ALL))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.cut_list.itemChanged.connect(self._show_cuts)
        self.cut_list.currentRowChanged.connect(self._on_current_row_changed)
        self._show_cuts()
        if cuts:
            self._on_current_row_changed(0)

    def chosen_cuts(self) -> list[Cut]:
        return [cut for i, cut in enumerate(self._cuts) if self.cut_list.item(i).checkState() == Qt.CheckState.Checked]

    def _show_cuts(self, *_args: object) -> None:
        # Struck through and greyed as the theme greys text (its placeholder colour, readable on its page).
        fmt = QTextCharFormat()
        fmt.setFontStrikeOut(True)
        fmt.setForeground(self.preview.palette().color(QPalette.ColorRole.PlaceholderText))
        selections = []
        for cut in self.chosen_cuts():
            selection = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.preview.document())
            cursor.setPosition(self._map.to_utf16(cut.start))
            cursor.setPosition(self._map.to_utf16(cut.end), QTextCursor.MoveMode.KeepAnchor)
            selection.cursor = cursor
            selection.format = fmt
            selections.append(selection)
        self.preview.setExtraSelections(selections)

    def _on_current_row_changed(self, row: int) -> None:
        if 0 <= row < len(self._cuts):
            cursor = QTextCursor(self.preview.document())
            cursor.setPosition(self._map.to_utf16(self._cuts[row].start))
            self.preview.setTextCursor(cursor)
            self.preview.centerCursor()
