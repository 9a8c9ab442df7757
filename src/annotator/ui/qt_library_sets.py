"""UI: sets and the library's filter, above the library list.

The "Sets" list shows "All documents" and every set with its count; choosing one
shows only its documents in the library list. Documents join a set by the library
list's context menu (Add to set ▸, Remove from set ▸) or by being dragged onto it.
The set list's own context menu (and keys: Insert new, F2 rename, Delete) makes,
renames and deletes sets. Under it, "Attribute [name] = [value]" keeps only the
documents whose value of that attribute matches (a blank value: any value; text
matches a part, other kinds the value as it is stored, so ``2.50`` finds ``2.5``).
Every change is one undo step, saved at once, and acts on the set shown (by its id),
based on its name and documents as shown: if another program renamed, deleted or
refilled it meanwhile, the change is refused. Other programs' changes show on the
next refresh (the session's ``libraryChanged``).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
    QUndoCommand,
)
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

from annotator.core.attributes import Attribute, value_matches
from annotator.core.errors import InvalidInput
from annotator.core.model import new_id
from annotator.services import attributes, sets
from annotator.ui import qt_i18n
from annotator.ui.qt_document_list import QtDocumentList
from annotator.ui.qt_models import DOCUMENT_IDS_MIME
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

#: Entries of the set list and the attribute chooser (translated when shown).
ALL_DOCUMENTS = QT_TRANSLATE_NOOP("QtLibrarySets", "All documents")
ANY_ATTRIBUTE = QT_TRANSLATE_NOOP("QtLibrarySets", "(no attribute filter)")


class _SetCommand(QUndoCommand):
    """UI: a change of a set, one undo step; a step refused (another program's change) drops out."""

    def __init__(self, session: QtLibrarySession, text: str) -> None:
        super().__init__(text)
        self._session = session

    def _call(self, action, done: str | None = None) -> None:  # type: ignore[no-untyped-def]
        library = self._session.library
        said = done if done is not None else QCoreApplication.translate("SetCommand", "Saved")
        if self._session.run(lambda: action(library), said) is None:
            self.setObsolete(True)


class CreateSetCommand(_SetCommand):
    """UI: make a set (holding *document_ids*); undo deletes it again."""

    def __init__(self, session: QtLibrarySession, name: str, document_ids: list[str]) -> None:
        super().__init__(session, QCoreApplication.translate("SetCommand", "New set {name}").format(name=name))
        self._made = sets.DocumentSet(new_id(), sets.set_name(name), tuple(dict.fromkeys(document_ids)))

    def redo(self) -> None:
        made = self._made
        self._call(
            lambda lib: sets.create_set(lib, name=made.name, set_id=made.id, document_ids=made.document_ids),
            QCoreApplication.translate("SetCommand", "Made set {name}").format(name=made.name),
        )

    def undo(self) -> None:
        deleted = QCoreApplication.translate("SetCommand", "Deleted set {name}").format(name=self._made.name)
        self._call(lambda lib: sets.delete_set(lib, base=self._made), deleted)


class DeleteSetCommand(_SetCommand):
    """UI: delete the set shown; undo makes it again with its id and documents."""

    def __init__(self, session: QtLibrarySession, shown: sets.DocumentSet) -> None:
        super().__init__(session, QCoreApplication.translate("SetCommand", "Delete set {name}").format(name=shown.name))
        self._shown = shown

    def redo(self) -> None:
        deleted = QCoreApplication.translate("SetCommand", "Deleted set {name}").format(name=self._shown.name)
        self._call(lambda lib: sets.delete_set(lib, base=self._shown), deleted)

    def undo(self) -> None:
        shown = self._shown
        self._call(
            lambda lib: sets.create_set(lib, name=shown.name, set_id=shown.id, document_ids=shown.document_ids),
            QCoreApplication.translate("SetCommand", "Set {name} is back").format(name=shown.name),
        )


class RenameSetCommand(_SetCommand):
    """UI: rename the set shown; undo gives it its old name back."""

    def __init__(self, session: QtLibrarySession, shown: sets.DocumentSet, new_name: str) -> None:
        super().__init__(session, QCoreApplication.translate("SetCommand", "Rename set {name}").format(name=shown.name))
        self._old = shown
        self._new = sets.DocumentSet(shown.id, sets.set_name(new_name), shown.document_ids)
        self.new_name = self._new.name

    def redo(self) -> None:
        renamed = QCoreApplication.translate("SetCommand", "Set renamed")
        self._call(lambda lib: sets.rename_set(lib, base=self._old, new_name=self._new.name), renamed)

    def undo(self) -> None:
        renamed = QCoreApplication.translate("SetCommand", "Set renamed")
        self._call(lambda lib: sets.rename_set(lib, base=self._new, new_name=self._old.name), renamed)


class ChangeMembersCommand(_SetCommand):
    """UI: put documents in the set shown (or take them out); undo does the opposite with those that moved."""

    def __init__(self, session: QtLibrarySession, shown: sets.DocumentSet, document_ids: list[str], add: bool) -> None:
        before = set(shown.document_ids)
        moved = [d for d in dict.fromkeys(document_ids) if (d not in before) == add]
        text = (
            QCoreApplication.translate("SetCommand", "Add to set {name}")
            if add
            else QCoreApplication.translate("SetCommand", "Remove from set {name}")
        )
        super().__init__(session, text.format(name=shown.name))
        after = before | set(moved) if add else before - set(moved)
        self._before, self._add = shown, add
        self.moved = moved
        self._after = sets.DocumentSet(shown.id, shown.name, tuple(after))

    def _move(self, base: sets.DocumentSet, add: bool) -> None:
        count, name, moved = qt_i18n.format_count(len(self.moved)), base.name, self.moved
        if add:
            added = QCoreApplication.translate("SetCommand", "Added {count} to {name}").format(count=count, name=name)
            self._call(lambda lib: sets.add_to_set(lib, base=base, document_ids=moved), added)
        else:
            taken = QCoreApplication.translate("SetCommand", "Took {count} out of {name}").format(
                count=count, name=name
            )
            self._call(lambda lib: sets.remove_from_set(lib, base=base, document_ids=moved), taken)

    def redo(self) -> None:
        self._move(self._before, self._add)

    def undo(self) -> None:
        self._move(self._after, not self._add)


class QtSetList(QListWidget):
    """UI: "All documents" and the library's sets; documents dropped on a set join it."""

    documentsDropped = Signal(str, list)  # set id, document ids
    menuRequested = Signal(QPoint)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Sets"))
        self.setAccessibleDescription(
            self.tr("Sets of documents: choosing one shows only its documents in the library")
        )
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setMaximumHeight(140)

    def set_id_at(self, pos: QPoint) -> str | None:
        item = self.itemAt(pos)
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_IDS_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(DOCUMENT_IDS_MIME) and self.set_id_at(event.position().toPoint()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        set_id = self.set_id_at(event.position().toPoint())
        data = event.mimeData()
        if set_id is None or not data.hasFormat(DOCUMENT_IDS_MIME):
            event.ignore()
            return
        ids = [i for i in bytes(data.data(DOCUMENT_IDS_MIME).data()).decode().split("\n") if i]
        event.acceptProposedAction()
        if ids:
            self.documentsDropped.emit(set_id, ids)

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
        self.attribute_box.setAccessibleName(self.tr("Filter by attribute"))
        self.value_edit = QLineEdit(self)
        self.value_edit.setAccessibleName(self.tr("Attribute value to filter by"))
        self.value_edit.setPlaceholderText(self.tr("any value"))
        self.value_edit.setClearButtonEnabled(True)
        label = QLabel(self.tr("&Sets"), self)
        label.setBuddy(self.set_list)
        filter_label = QLabel(self.tr("A&ttribute"), self)
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

        self.new_set_action = self._action(self.tr("&New set…"), "Insert", self.new_set)
        self.rename_set_action = self._action(self.tr("&Rename set…"), "F2", self.rename_set)
        self.delete_set_action = self._action(self.tr("&Delete set…"), "Delete", self.delete_set)

        self.set_list.currentItemChanged.connect(lambda *_: self.apply_filter())
        self.set_list.documentsDropped.connect(
            lambda set_id, ids: self.add_to_set(self.shown_set(set_id), ids)  # type: ignore[arg-type]
        )
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
            self._status(self.tr("The sets cannot be read: {error}").format(error=exc), 5000)
            return
        if listed != self._sets:
            chosen = self.set_list.currentItem().data(Qt.ItemDataRole.UserRole) if self.set_list.currentItem() else None
            self._sets = listed
            self.set_list.blockSignals(True)
            self.set_list.clear()
            everything = QListWidgetItem(self.tr(ALL_DOCUMENTS), self.set_list)
            everything.setData(Qt.ItemDataRole.UserRole, None)
            current = everything
            for s in listed:
                item = QListWidgetItem(f"{s.name} ({qt_i18n.format_count(s.count)})", self.set_list)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(
                    self.tr("{name}: %Ln document(s); drop documents here to add them", None, s.count).format(
                        name=s.name
                    )
                )
                if s.id == chosen:
                    current = item
            self.set_list.setCurrentItem(current)
            self.set_list.blockSignals(False)
        if defined != self._attributes:
            chosen_attribute = self.attribute_box.currentData()
            self._attributes = defined
            self.attribute_box.blockSignals(True)
            self.attribute_box.clear()
            self.attribute_box.addItem(self.tr(ANY_ATTRIBUTE), None)
            for a in defined:
                self.attribute_box.addItem(a.name, a.name)
            index = self.attribute_box.findData(chosen_attribute)
            self.attribute_box.setCurrentIndex(max(index, 0))
            self.attribute_box.blockSignals(False)
        self.apply_filter()

    def set_names(self) -> list[str]:
        return [s.name for s in self._sets]

    def shown_set(self, set_id: str | None) -> sets.DocumentSet | None:
        """The set with that id as this view shows it (its name and documents when last read)."""
        return next((s for s in self._sets if s.id == set_id), None)

    def current_set(self) -> sets.DocumentSet | None:
        """The set chosen in the Sets list, as shown; None for "All documents"."""
        item = self.set_list.currentItem()
        return self.shown_set(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def chosen_set(self) -> str | None:
        """The name of the set chosen in the Sets list; None for "All documents"."""
        shown = self.current_set()
        return shown.name if shown is not None else None

    def choose_set(self, name: str | None) -> None:
        wanted = next((s.id for s in self._sets if s.name == name), None)
        if name is not None and wanted is None:
            return
        for row in range(self.set_list.count()):
            if self.set_list.item(row).data(Qt.ItemDataRole.UserRole) == wanted:
                self.set_list.setCurrentRow(row)
                return

    def apply_filter(self) -> None:
        """Show in the library list only the documents of the chosen set with the chosen value."""
        shown: set[str] | None = None
        found = self.current_set()
        if found is not None:
            shown = set(found.document_ids)
        attribute = next((a for a in self._attributes if a.name == self.attribute_box.currentData()), None)
        if attribute is not None:
            try:
                values = attributes.attributes_of(self._session.library)
            except USER_ERRORS as exc:
                self._status(self.tr("The attributes cannot be read: {error}").format(error=exc), 5000)
                values = {}
            matching = {
                d
                for d, own in values.items()
                if _matches(attribute, own.get(attribute.name, ""), self.value_edit.text())
            }
            shown = matching if shown is None else shown & matching
        self._documents.set_shown(shown)

    # -- set changes -------------------------------------------------------------------------------

    def new_set(self, document_ids: list[str] | None = None) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New set"), self.tr("Name of the new set:"))
        if not ok or not name.strip():
            return
        try:
            command = CreateSetCommand(self._session, name, document_ids or [])
        except InvalidInput as exc:
            self._status(self.tr("Not saved: {error}").format(error=exc), 8000)
            return
        self._session.push([command])

    def rename_set(self) -> None:
        shown = self.current_set()
        if shown is None:
            return
        new, ok = QInputDialog.getText(
            self,
            self.tr("Rename set"),
            self.tr("New name of the set “{name}”:").format(name=shown.name),
            text=shown.name,
        )
        if not ok or not new.strip() or new.strip() == shown.name:
            return
        try:
            command = RenameSetCommand(self._session, shown, new)
        except InvalidInput as exc:
            self._status(self.tr("Not saved: {error}").format(error=exc), 8000)
            return
        self._session.push([command])
        self.choose_set(command.new_name)

    def delete_set(self) -> None:
        shown = self.current_set()
        if shown is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete set"),
            self.tr("Delete the set “{name}”? Its %Ln document(s) stay in the library.", None, shown.count).format(
                name=shown.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._session.push([DeleteSetCommand(self._session, shown)])

    def add_to_set(self, shown: sets.DocumentSet | None, document_ids: list[str]) -> None:
        command = ChangeMembersCommand(self._session, shown, document_ids, add=True) if shown else None
        if command is not None and command.moved:
            self._session.push([command])

    def remove_from_set(self, shown: sets.DocumentSet | None, document_ids: list[str]) -> None:
        command = ChangeMembersCommand(self._session, shown, document_ids, add=False) if shown else None
        if command is not None and command.moved:
            self._session.push([command])

    # -- menus -------------------------------------------------------------------------------------

    def _document_menu(self, menu: QMenu, document_ids: list[str]) -> None:
        """Add to set ▸ and Remove from set ▸ in the library list's context menu."""
        if not menu.isEmpty():
            menu.addSeparator()
        add = menu.addMenu(self.tr("Add to &set"))
        for s in self._sets:
            action = add.addAction(s.name)
            action.setEnabled(not set(document_ids) <= set(s.document_ids))
            action.triggered.connect(lambda _=False, shown=s: self.add_to_set(shown, document_ids))
        add.addSeparator()
        add.addAction(self.tr("&New set…")).triggered.connect(lambda _=False: self.new_set(document_ids))
        holding = [s for s in self._sets if set(document_ids) & set(s.document_ids)]
        remove = menu.addMenu(self.tr("&Remove from set"))
        remove.setEnabled(bool(holding))
        for s in holding:
            remove.addAction(s.name).triggered.connect(
                lambda _=False, shown=s: self.remove_from_set(shown, document_ids)
            )

    def _on_set_list_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.new_set_action)
        chosen = self.current_set() is not None
        for action in (self.rename_set_action, self.delete_set_action):
            action.setEnabled(chosen)
            menu.addAction(action)
        menu.exec(pos)


def _matches(attribute: Attribute, value: str, wanted: str) -> bool:
    """The library filter's test (:func:`~annotator.core.attributes.value_matches`); a value still
    being typed that the kind cannot hold yet ("2020-1") keeps nothing, quietly."""
    try:
        return value_matches(attribute, value, wanted)
    except InvalidInput:
        return False
