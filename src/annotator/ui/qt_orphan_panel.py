"""UI: the panel "Orphaned by a revision": annotations a new text left without a place.

An orphan keeps its tag, note and quote (which point into the version it was
made on), so it is listed here rather than highlighted. The reader selects one,
selects its new text in the document, and re-attaches it. The panel shows
itself only while the open document has orphans.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from annotator.ui.qt_session import QtLibrarySession
from annotator.ui.qt_text_pane import QtTextPane


class QtOrphanPanel(QGroupBox):
    """UI: lists the open document's orphans and re-attaches the selected one to the text selected in the pane."""

    def __init__(
        self, session: QtLibrarySession, pane: QtTextPane, status: Callable[[str, int], None], parent: QWidget
    ) -> None:
        """*status* shows a message in the window's status bar for a number of milliseconds."""
        super().__init__(parent)
        self.setTitle(self.tr("Orphaned by a revision"))
        self._session = session
        self._pane = pane
        self._status = status
        #: Whether an orphan by this coder is listed (whose annotations the window shows).
        self.shows: Callable[[str], bool] = lambda _coder: True
        layout = QVBoxLayout(self)
        self.orphan_list = QListWidget(self)
        self.orphan_list.setAccessibleName(self.tr("Orphaned annotations"))
        self.orphan_list.setToolTip(
            self.tr(
                "These annotations found no place in the new text. Select one, select its text in the "
                "document, then Re-attach."
            )
        )
        self.reattach_button = QPushButton(self.tr("Re-attach to selected text"), self)
        layout.addWidget(self.orphan_list)
        layout.addWidget(self.reattach_button)
        self.setVisible(False)
        self.reattach_button.clicked.connect(self._on_reattach_clicked)
        # A document opened (or shown again after a revision), or another program placed or orphaned some.
        session.documentOpened.connect(self.show_orphans)
        session.orphansChanged.connect(self.show_orphans)

    def show_orphans(self, *_args: object) -> None:
        """List the session's orphans (tag and quote; the whole quote and note on hover)."""
        self.orphan_list.clear()
        names = {t.id: t.name for t in self._session.tags}
        orphans = [o for o in self._session.orphans if self.shows(o.coder)]
        for orphan in orphans:
            quote = " ".join(orphan.quote.split())
            item = QListWidgetItem(
                self.tr("{tag}: “{quote}”").format(tag=names.get(orphan.tag_id, "?"), quote=quote[:60])
            )
            item.setData(Qt.ItemDataRole.UserRole, orphan.id)
            note = self.tr("Note: {note}").format(note=orphan.note) if orphan.note else ""
            item.setToolTip(orphan.quote + (f"\n\n{note}" if note else ""))
            self.orphan_list.addItem(item)
        self.setVisible(bool(orphans))

    def _on_reattach_clicked(self) -> None:
        item = self.orphan_list.currentItem()
        span = self._pane.selected_span()
        if item is None or span is None:
            self._status(self.tr("Select an orphan in the list and its new text in the document."), 5000)
            return
        self._session.reattach(item.data(Qt.ItemDataRole.UserRole), *span)
