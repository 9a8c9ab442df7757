"""UI: the Attributes table: one row per document, one column per attribute, like a spreadsheet.

Each cell is edited with its kind's editor (a line edit for text, numbers and dates,
typed as ``YYYY-MM-DD``; a list for a choice); Enter commits, Escape cancels. A
value that does not fit (``abc`` for a number, ``31/31/2020`` for a date) is refused
with one line in the status bar and nothing changes. Every edit is one undo step
(:class:`SetAttributeCommand`), saved at once and based on the value shown: if
another program changed it meanwhile, the edit is refused. Buttons above the table
define a new attribute, rename one, change a choice attribute's choices and
delete one (after saying how many values go with it).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.core.attributes import CHOICE, DATE, KINDS, NUMBER, TEXT, Attribute, parse_value, sort_key
from annotator.core.documents import distinct_titles
from annotator.core.errors import InvalidInput
from annotator.services import Changes, attributes
from annotator.ui.qt_session import USER_ERRORS, QtLibrarySession

_Index = QModelIndex | QPersistentModelIndex

#: The kinds as the user reads them (the stored kind stays English).
KIND_NAMES = {
    TEXT: QT_TRANSLATE_NOOP("Attributes", "text"),
    NUMBER: QT_TRANSLATE_NOOP("Attributes", "number"),
    DATE: QT_TRANSLATE_NOOP("Attributes", "date"),
    CHOICE: QT_TRANSLATE_NOOP("Attributes", "choice"),
}


def kind_name(kind: str) -> str:
    return QCoreApplication.translate("Attributes", KIND_NAMES.get(kind, kind))


class SetAttributeCommand(QUndoCommand):
    """UI: give a document's attribute a value (or none); undo puts back the value it replaced."""

    def __init__(self, session: QtLibrarySession, document_id: str, name: str, old: str, new: str) -> None:
        super().__init__(QCoreApplication.translate("SetAttributeCommand", "Set {name}").format(name=name))
        self._session, self._document_id, self._name = session, document_id, name
        self._old, self._new = old, new

    def _write(self, value: str, base: str) -> Changes | None:
        library = self._session.library
        return self._session.run(
            lambda: attributes.set_attributes(
                library, document_id=self._document_id, values={self._name: value}, base={self._name: base}
            )
        )

    def redo(self) -> None:
        if self._write(self._new, self._old) is None:
            self.setObsolete(True)

    def undo(self) -> None:
        if self._write(self._old, self._new) is None:
            self.setObsolete(True)


class QtAttributeTableModel(QAbstractTableModel):
    """UI: documents (rows) by attributes (columns); column 0 is the title."""

    def __init__(self, on_edit: Callable[[str, str, str, str], None], on_refused: Callable[[str], None]) -> None:
        super().__init__()
        self._on_edit, self._on_refused = on_edit, on_refused
        self.documents: list[tuple[str, str]] = []  # (id, title)
        self.attributes: list[Attribute] = []
        self.values: dict[str, dict[str, str]] = {}

    def set_contents(
        self, documents: list[tuple[str, str]], attributes_: list[Attribute], values: dict[str, dict[str, str]]
    ) -> None:
        if (documents, attributes_, values) == (self.documents, self.attributes, self.values):
            return  # nothing changed: an editor open in a cell stays open
        self.beginResetModel()
        self.documents, self.attributes, self.values = documents, attributes_, values
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.documents)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.attributes)

    def attribute(self, column: int) -> Attribute | None:
        return self.attributes[column - 1] if 0 < column <= len(self.attributes) else None

    def value(self, row: int, column: int) -> str:
        attribute = self.attribute(column)
        if attribute is None:
            return self.documents[row][1]
        return self.values.get(self.documents[row][0], {}).get(attribute.name, "")

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if orientation != Qt.Orientation.Horizontal or role not in (
            Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
        ):  # fmt: skip
            return None
        attribute = self.attribute(section)
        if attribute is None:
            return self.tr("Document")
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{attribute.name}: {kind_name(attribute.kind)}" + (
                f" ({', '.join(attribute.choices)})" if attribute.choices else ""
            )
        return attribute.name

    def flags(self, index: _Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() and index.column() > 0 else flags

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):  # type: ignore[no-untyped-def]
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.value(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            attribute = self.attribute(index.column())
            if attribute is not None and attribute.kind == NUMBER:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: _Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        attribute = self.attribute(index.column())
        if attribute is None or role != Qt.ItemDataRole.EditRole:
            return False
        try:
            stored = parse_value(attribute, str(value or ""))
        except InvalidInput as exc:
            self._on_refused(self.tr("Not saved: {error}").format(error=exc))
            return False
        old = self.value(index.row(), index.column())
        if stored != old:
            self._on_edit(self.documents[index.row()][0], attribute.name, old, stored)
        return True

    def sort_rows(self, column: int, descending: bool) -> None:
        attribute = self.attribute(column)
        self.layoutAboutToBeChanged.emit()
        if attribute is None:
            self.documents.sort(key=lambda d: d[1].casefold(), reverse=descending)
        else:
            self.documents.sort(
                key=lambda d: sort_key(attribute, self.values.get(d[0], {}).get(attribute.name, "")), reverse=descending
            )
        self.layoutChanged.emit()


class QtAttributeDelegate(QStyledItemDelegate):
    """UI: an editor for each kind: a list of the choices for a choice, a line edit otherwise."""

    def createEditor(self, parent: QWidget, option, index: _Index) -> QWidget:  # type: ignore[no-untyped-def]
        model = index.model()
        attribute = model.attribute(index.column()) if isinstance(model, QtAttributeTableModel) else None
        if attribute is not None and attribute.kind == CHOICE:
            box = QComboBox(parent)
            box.addItem("", "")
            for choice in attribute.choices:
                box.addItem(choice, choice)
            box.setAccessibleName(self.tr("{name} (one of the list)").format(name=attribute.name))
            return box
        edit = QLineEdit(parent)
        if attribute is not None:
            edit.setAccessibleName(attribute.name)
            edit.setPlaceholderText(
                {DATE: self.tr("YYYY-MM-DD"), NUMBER: self.tr("a number, e.g. 3.5")}.get(attribute.kind, "")
            )
        return edit

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        value = index.data(Qt.ItemDataRole.EditRole) or ""
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(editor.findData(value), 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(value)

    def setModelData(self, editor: QWidget, model, index: _Index) -> None:  # type: ignore[no-untyped-def]
        value = editor.currentData() if isinstance(editor, QComboBox) else editor.text()  # type: ignore[attr-defined]
        model.setData(index, value, Qt.ItemDataRole.EditRole)


class QtAttributeDialog(QDialog):
    """UI: define an attribute: its name, kind and (for a choice) its choices."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New attribute"))
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setAccessibleName(self.tr("Attribute name"))
        self.kind_box = QComboBox(self)
        self.kind_box.setAccessibleName(self.tr("Attribute kind"))
        for kind in KINDS:
            self.kind_box.addItem(kind_name(kind), kind)
        self.choices_edit = QLineEdit(self)
        self.choices_edit.setAccessibleName(self.tr("Choices, separated by commas"))
        self.choices_edit.setPlaceholderText(self.tr("for a choice: north, south, east"))
        form.addRow(self.tr("&Name"), self.name_edit)
        form.addRow(self.tr("&Kind"), self.kind_box)
        form.addRow(self.tr("&Choices"), self.choices_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def definition(self) -> tuple[str, str, list[str]]:
        kind = self.kind_box.currentData()
        choices = [c for c in self.choices_edit.text().split(",")] if kind == CHOICE else []
        return self.name_edit.text(), kind, choices


class QtAttributesPanel(QWidget):
    """UI: the Attributes table and the buttons that define, rename, re-choose and delete attributes."""

    def __init__(self, session: QtLibrarySession, status: Callable[[str, int], None], parent: QWidget) -> None:
        super().__init__(parent)
        self._session, self._status = session, status
        self.model = QtAttributeTableModel(self._on_model_edit, lambda message: status(message, 8000))
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setItemDelegate(QtAttributeDelegate(self.table))
        self.table.setAccessibleName(self.tr("Attributes"))
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionsClickable(True)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            lambda column, order: self.model.sort_rows(column, order == Qt.SortOrder.DescendingOrder)
        )
        self.table.setSortingEnabled(False)
        self.table.horizontalHeader().setSortIndicatorShown(True)
        buttons = QHBoxLayout()
        self.new_button = self._button(
            self.tr("&New attribute…"), self.tr("New attribute"), self.define_attribute, buttons
        )
        self.rename_button = self._button(self.tr("Rena&me…"), self.tr("Rename"), self.rename_attribute, buttons)
        self.choices_button = self._button(self.tr("C&hoices…"), self.tr("Choices"), self.change_choices, buttons)
        self.delete_button = self._button(
            self.tr("De&lete attribute…"), self.tr("Delete attribute"), self.delete_attribute, buttons
        )
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        # Not on every libraryChanged (each tagged span): reading every document's values costs
        # a query per edit. Another program's changes arrive with a poll (refreshed).
        self._stale = True
        for signal in (session.attributesChanged, session.documentsChanged, session.libraryReloaded, session.refreshed):
            signal.connect(self.reload)

    def _button(self, text: str, name: str, slot: Callable[[], None], layout: QHBoxLayout) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(name)
        button.clicked.connect(lambda _=False: slot())
        layout.addWidget(button)
        return button

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().showEvent(event)
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the documents and their values again (later, when shown, if the table is hidden)."""
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        library = self._session.library
        try:
            listed = library.documents()
            documents = list(zip([d.id for d in listed], distinct_titles([d.title for d in listed]), strict=True))
            defined = attributes.definitions(library)
            values = attributes.attributes_of(library, [d for d, _ in documents])
        except USER_ERRORS as exc:
            self._status(self.tr("The attributes cannot be read: {error}").format(error=exc), 5000)
            return
        self.model.set_contents(documents, defined, values)

    def _on_model_edit(self, document_id: str, name: str, old: str, new: str) -> None:
        self._session.push([SetAttributeCommand(self._session, document_id, name, old, new)])

    def current_attribute(self) -> Attribute | None:
        return self.model.attribute(self.table.currentIndex().column())

    def edit_cell(self, document_id: str, name: str) -> None:
        """Make a document's value of an attribute the current cell (and start editing it)."""
        row = next((r for r, (d, _) in enumerate(self.model.documents) if d == document_id), -1)
        column = next((c + 1 for c, a in enumerate(self.model.attributes) if a.name == name), -1)
        if row >= 0 and column > 0:
            index = self.model.index(row, column)
            self.table.setCurrentIndex(index)
            self.table.edit(index)

    def define_attribute(self) -> None:
        dialog = QtAttributeDialog(self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        name, kind, choices = dialog.definition()
        library = self._session.library
        self._session.run(
            lambda: attributes.define_attribute(library, name=name, kind=kind, choices=choices),
            self.tr("Attribute defined"),
        )

    def rename_attribute(self) -> None:
        attribute = self.current_attribute()
        if attribute is None:
            self._status(self.tr("Choose a cell of the attribute to rename first."), 5000)
            return
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename attribute"),
            self.tr("New name of “{name}”:").format(name=attribute.name),
            text=attribute.name,
        )
        if ok:
            library = self._session.library
            self._session.run(
                lambda: attributes.rename_attribute(library, attribute_id=attribute.id, name=name, base=attribute),
                self.tr("Attribute renamed"),
            )

    def change_choices(self) -> None:
        attribute = self.current_attribute()
        if attribute is None or attribute.kind != CHOICE:
            self._status(self.tr("Choose a cell of a choice attribute first."), 5000)
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Choices"),
            self.tr("Choices of “{name}”, separated by commas:").format(name=attribute.name),
            text=", ".join(attribute.choices),
        )
        if ok:
            library, choices = self._session.library, text.split(",")
            self._session.run(
                lambda: attributes.set_choices(library, attribute_id=attribute.id, choices=choices, base=attribute),
                self.tr("Choices saved"),
            )

    def delete_attribute(self) -> None:
        attribute = self.current_attribute()
        if attribute is None:
            self._status(self.tr("Choose a cell of the attribute to delete first."), 5000)
            return
        library = self._session.library
        try:
            count = attributes.usage(library, attribute.id)
        except USER_ERRORS as exc:
            self._status(str(exc), 5000)
            return
        answer = QMessageBox.question(
            self, self.tr("Delete attribute"),
            self.tr("Delete the attribute “{name}” and the values %Ln document(s) have of it?", None, count).format(
                name=attribute.name
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )  # fmt: skip
        if answer == QMessageBox.StandardButton.Yes:
            self._session.run(
                lambda: attributes.delete_attribute(library, attribute_id=attribute.id, base=attribute),
                self.tr("Deleted {name} and %Ln value(s)", None, count).format(name=attribute.name),
            )
