"""UI: sets and the library's filter, above the library list.

The "Sets" list shows "All documents" and every set with its count; choosing one
shows only its documents in the library list. Documents join a set by the library
list's context menu (Add to set ▸, Remove from set ▸) or by being dragged onto it.
The set list's own context menu (and keys: Insert new, F2 rename, Delete) makes,
renames and deletes sets. Under it, "Attribute [name] = [value]" keeps only the
documents whose value of that attribute matches (a blank value: any value; text
matches a part, other kinds the value as it is stored, so ``2.50`` finds ``2.5``).
Every change is one service call, saved at once; other programs' changes show on
the next refresh (the session's ``libraryChanged``).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attributes import TEXT, Attribute, parse_value
from annotator.core.errors import InvalidInput
from annotator.services import attributes, sets
from annotator.ui.qt_document_list import QtDocumentList
from annotator.ui.qt_models import DOCUMENT_IDS_MIME
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

ALL_DOCUMENTS = "All documents"
ANY_ATTRIBUTE = "(no attribute filter)"


class QtSetList(QListWidget):
    """UI: "All documents" and the library's sets; documents dropped on a set join it."""

    documentsDropped = Signal(str, list)  # set name, document ids
    menuRequested = Signal(QPoint)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName("Sets")
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setMaximumHeight(140)

    def set_name_at(self, pos: QPoint) -> str | None:
        item = self.itemAt(pos)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_IDS_MIME) and self.set_name_at(event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        name = self.set_name_at(event.position().toPoint())
        data = event.mimeData()
        if name is None or not data.hasFormat(DOCUMENT_IDS_MIME):
            event.ignore()
            return
        ids = [i for i in bytes(data.data(DOCUMENT_IDS_MIME).data()).decode().split("\n") if i]
        event.acceptProposedAction()
        if ids:
            self.documentsDropped.emit(name, ids)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menuRequested.emit(event.globalPos())


class QtLibrarySets(QWidget):
    """UI: the Sets list and the attribute filter, which decide what the library list shows."""

    def __init__(self, session: QtLibrarySession, documents: QtDocumentList, status, parent: QWidget) -> None:  # type: ignore[no-untyped-def]
        """*status* shows a message in the status bar (text, milliseconds)."""
        super().__init__(parent)
        self._session = session
        self._documents = documents
        self._status = status
        self._sets: list[sets.DocumentSet] = []
        self._attributes: list[Attribute] = []

        self.set_list = QtSetList(self)
        self.attribute_box = QComboBox(self)
        self.attribute_box.setAccessibleName("Filter by attribute")
        self.value_edit = QLineEdit(self)
        self.value_edit.setAccessibleName("Attribute value to filter by")
        self.value_edit.setPlaceholderText("any value")
        self.value_edit.setClearButtonEnabled(True)
        label = QLabel("&Sets", self)
        label.setBuddy(self.set_list)
        filter_label = QLabel("A&ttribute", self)
        filter_label.setBuddy(self.attribute_box)
        row = QHBoxLayout()
        row.addWidget(filter_label)
        row.addWidget(self.attribute_box, 1)
        row.addWidget(QLabel("=", self))
        row.addWidget(self.value_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.set_list)
        layout.addLayout(row)

        self.new_set_action = self._action("&New set…", "Insert", self.new_set)
        self.rename_set_action = self._action("&Rename set…", "F2", self.rename_set)
        self.delete_set_action = self._action("&Delete set…", "Delete", self.delete_set)

        self.set_list.currentItemChanged.connect(lambda *_: self.apply_filter())
        self.set_list.documentsDropped.connect(self.add_to_set)
        self.set_list.menuRequested.connect(self._on_set_list_menu)
        self.attribute_box.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.value_edit.textChanged.connect(lambda _t: self.apply_filter())
        documents.context_menu_parts.append(self._document_menu)
        # Not on every libraryChanged (each tagged span); another program's changes come with a poll.
        for signal in (session.setsChanged, session.attributesChanged, session.refreshed):
            signal.connect(self.reload)
        session.libraryReloaded.connect(self.reload)
        session.documentsChanged.connect(self.reload)

    def _action(self, text: str, key: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _=False: slot())
        self.set_list.addAction(action)
        return action

    # -- reading -----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the sets and attributes again; keep what is chosen where it still exists."""
        try:
            listed = sets.list_sets(self._session.library)
            defined = attributes.definitions(self._session.library)
        except USER_ERRORS as exc:
            self._status(f"The sets cannot be read: {exc}", 5000)
            return
        if listed != self._sets:
            chosen = self.chosen_set()
            self._sets = listed
            self.set_list.blockSignals(True)
            self.set_list.clear()
            everything = QListWidgetItem(ALL_DOCUMENTS, self.set_list)
            everything.setData(Qt.ItemDataRole.UserRole, None)
            current = everything
            for s in listed:
                item = QListWidgetItem(f"{s.name} ({s.count})", self.set_list)
                item.setData(Qt.ItemDataRole.UserRole, s.name)
                item.setToolTip(f"{s.name}: {s.count} document(s); drop documents here to add them")
                if s.name == chosen:
                    current = item
            self.set_list.setCurrentItem(current)
            self.set_list.blockSignals(False)
        if defined != self._attributes:
            chosen_attribute = self.attribute_box.currentData()
            self._attributes = defined
            self.attribute_box.blockSignals(True)
            self.attribute_box.clear()
            self.attribute_box.addItem(ANY_ATTRIBUTE, None)
            for a in defined:
                self.attribute_box.addItem(a.name, a.name)
            index = self.attribute_box.findData(chosen_attribute)
            self.attribute_box.setCurrentIndex(max(index, 0))
            self.attribute_box.blockSignals(False)
        self.apply_filter()

    def set_names(self) -> list[str]:
        return [s.name for s in self._sets]

    def chosen_set(self) -> str | None:
        item = self.set_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def choose_set(self, name: str | None) -> None:
        for row in range(self.set_list.count()):
            if self.set_list.item(row).data(Qt.ItemDataRole.UserRole) == name:
                self.set_list.setCurrentRow(row)
                return

    def apply_filter(self) -> None:
        """Show in the library list only the documents of the chosen set with the chosen value."""
        shown: set[str] | None = None
        name = self.chosen_set()
        if name is not None:
            found = next((s for s in self._sets if s.name == name), None)
            shown = set(found.document_ids) if found is not None else set()
        attribute = next((a for a in self._attributes if a.name == self.attribute_box.currentData()), None)
        if attribute is not None:
            try:
                values = attributes.attributes_of(self._session.library)
            except USER_ERRORS as exc:
                self._status(f"The attributes cannot be read: {exc}", 5000)
                values = {}
            matching = {
                d
                for d, own in values.items()
                if _matches(attribute, own.get(attribute.name, ""), self.value_edit.text())
            }
            shown = matching if shown is None else shown & matching
        self._documents.set_shown(shown)

    # -- set changes -------------------------------------------------------------------------------

    def _run(self, action, done: str) -> bool:  # type: ignore[no-untyped-def]
        result = self._session.run(action, done)
        return result is not None

    def new_set(self, document_ids: list[str] | None = None) -> None:
        name, ok = QInputDialog.getText(self, "New set", "Name of the new set:")
        if not ok or not name.strip():
            return
        library = self._session.library
        if document_ids:
            self._run(
                lambda: sets.add_to_set(library, name=name, document_ids=document_ids), f"Added to set {name.strip()}"
            )
        else:
            self._run(lambda: sets.create_set(library, name=name), f"Made set {name.strip()}")

    def rename_set(self) -> None:
        old = self.chosen_set()
        if old is None:
            return
        new, ok = QInputDialog.getText(self, "Rename set", f"New name of the set “{old}”:", text=old)
        if not ok or not new.strip() or new.strip() == old:
            return
        if self._run(lambda: sets.rename_set(self._session.library, name=old, new_name=new), "Set renamed"):
            self.choose_set(new.strip())

    def delete_set(self) -> None:
        name = self.chosen_set()
        if name is None:
            return
        count = next((s.count for s in self._sets if s.name == name), 0)
        answer = QMessageBox.question(
            self, "Delete set",
            f"Delete the set “{name}”? Its {count} document(s) stay in the library.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: sets.delete_set(self._session.library, name=name), f"Deleted set {name}")

    def add_to_set(self, name: str, document_ids: list[str]) -> None:
        library = self._session.library
        self._run(
            lambda: sets.add_to_set(library, name=name, document_ids=document_ids, create=False),
            f"Added {len(document_ids)} document(s) to {name}",
        )

    def remove_from_set(self, name: str, document_ids: list[str]) -> None:
        library = self._session.library
        self._run(
            lambda: sets.remove_from_set(library, name=name, document_ids=document_ids),
            f"Took {len(document_ids)} document(s) out of {name}",
        )

    # -- menus -------------------------------------------------------------------------------------

    def _document_menu(self, menu: QMenu, document_ids: list[str]) -> None:
        """Add to set ▸ and Remove from set ▸ in the library list's context menu."""
        add = menu.addMenu("Add to &set")
        for s in self._sets:
            action = add.addAction(s.name)
            action.setEnabled(not set(document_ids) <= set(s.document_ids))
            action.triggered.connect(lambda _=False, n=s.name: self.add_to_set(n, document_ids))
        add.addSeparator()
        add.addAction("&New set…").triggered.connect(lambda _=False: self.new_set(document_ids))
        holding = [s for s in self._sets if set(document_ids) & set(s.document_ids)]
        remove = menu.addMenu("&Remove from set")
        remove.setEnabled(bool(holding))
        for s in holding:
            remove.addAction(s.name).triggered.connect(lambda _=False, n=s.name: self.remove_from_set(n, document_ids))

    def _on_set_list_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.new_set_action)
        chosen = self.chosen_set() is not None
        for action in (self.rename_set_action, self.delete_set_action):
            action.setEnabled(chosen)
            menu.addAction(action)
        menu.exec(pos)


def _matches(attribute: Attribute, value: str, wanted: str) -> bool:
    if not wanted.strip():
        return bool(value)
    if attribute.kind == TEXT:
        return wanted.strip().casefold() in value.casefold()
    try:
        return value == parse_value(attribute, wanted)
    except InvalidInput:
        return False
