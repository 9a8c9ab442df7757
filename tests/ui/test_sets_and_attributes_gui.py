"""Tests (UI): sets in the library pane (menu, drop, filter, export scope) and the Attributes table
(typed editing with Enter, refusal of bad input, undo, defining attributes)."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox

from annotator.services import Library, sets
from annotator.services import attributes as attrs
from annotator.ui.qt_attributes import QtAttributeDialog
from annotator.ui.qt_export_dialog import SCOPE_SET, QtExportDialog
from annotator.ui.qt_models import DOCUMENT_IDS_MIME
from tests.ui.conftest import context_menu_by_keyboard


def _three(import_text) -> list[str]:
    return [import_text(f"Document number {i}.\n", f"doc{i}.txt") for i in range(3)]


def _library(library_path) -> Library:
    return Library.open(f"sqlite:///{library_path}")


def _menu_action(menu: QMenu, *path: str):
    for action in menu.actions():
        if action.text().replace("&", "") == path[0]:
            return action if len(path) == 1 else _menu_action(action.menu(), *path[1:])
    raise AssertionError(f"no {path[0]!r} in {[a.text() for a in menu.actions()]}")


def _document_menu_by_keyboard(window) -> QMenu:
    return context_menu_by_keyboard(window.document_list, "Document actions")


def _choose(qtbot, menu: QMenu, *path: str) -> None:
    """Choose a menu entry by keyboard: arrow keys to it, Enter (Right opens a submenu)."""
    for step, text in enumerate(path):
        action = _menu_action(menu, text)
        menu.setActiveAction(action)
        if step < len(path) - 1:
            qtbot.keyClick(menu, Qt.Key.Key_Right)
            menu = action.menu()
            qtbot.waitUntil(menu.isVisible)
        else:
            qtbot.keyClick(menu, Qt.Key.Key_Return)


def test_documents_join_a_set_by_the_context_menu_and_leave_it(
    open_window, import_text, library_path, qtbot, monkeypatch
) -> None:
    a, b, _c = _three(import_text)
    window = open_window()
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("week 1", True))
    window.document_list.clearSelection()
    for doc in (a, b):
        index = window.documents_model.index(window.documents_model.row_of(doc))
        window.document_list.selectionModel().select(index, window.document_list.selectionModel().SelectionFlag.Select)
    menu = _document_menu_by_keyboard(window)
    entries = [x.text().replace("&", "") for x in menu.actions() if not x.isSeparator()]
    assert entries == ["Rename…", "Document memo…", "Details…", "Delete document…", "Add to set", "Remove from set"]
    _choose(qtbot, menu, "Add to set", "New set…")
    with _library(library_path) as library:
        assert [(s.name, set(s.document_ids)) for s in sets.list_sets(library)] == [("week 1", {a, b})]
    assert [window.library_sets.set_list.item(r).text() for r in range(2)] == ["All documents", "week 1 (2)"]
    window.document_list.clearSelection()
    index = window.documents_model.index(window.documents_model.row_of(a))
    window.document_list.selectionModel().select(index, window.document_list.selectionModel().SelectionFlag.Select)
    _choose(qtbot, _document_menu_by_keyboard(window), "Remove from set", "week 1")
    with _library(library_path) as library:
        assert sets.list_sets(library)[0].document_ids == (b,)
    assert window.library_sets.set_list.item(1).text() == "week 1 (1)"


def _drag_over(widget, mime: QMimeData, target: QPoint) -> bool:
    """Qt's drag events as a drag of *mime* sends them to *widget* (enter, move, drop); True if it took the drop.

    Offscreen Qt runs no real drag, so the events are sent here in that order."""
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(target, *args)
    QApplication.sendEvent(widget, enter)
    if not enter.isAccepted():
        return False
    move = QDragMoveEvent(target, *args)
    QApplication.sendEvent(widget, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(QPointF(target), *args)
    QApplication.sendEvent(widget, drop)
    return drop.isAccepted()


def test_a_drop_of_documents_on_a_set_adds_them_and_the_set_filters_the_library(
    open_window, import_text, library_path
) -> None:
    a, b, c = _three(import_text)
    with _library(library_path) as library:
        sets.create_set(library, name="interviews")
    window = open_window()
    set_list = window.library_sets.set_list
    # What the library list's drag carries: its model's mime data for the dragged rows.
    mime = window.documents_model.mimeData([window.documents_model.index(window.documents_model.row_of(c))])
    assert mime.hasFormat(DOCUMENT_IDS_MIME)
    target = set_list.visualItemRect(set_list.item(1)).center()
    assert _drag_over(set_list.viewport(), mime, target)
    with _library(library_path) as library:
        assert sets.list_sets(library)[0].document_ids == (c,)
    set_list.setCurrentRow(1)  # the keyboard path: arrow keys in the Sets list do the same
    assert window.document_list.shown_ids() == [c]
    set_list.setCurrentRow(0)
    assert window.document_list.shown_ids() == [a, b, c]
    # "All documents" is no set to drop on; a drop of something else (files from the desktop) adds nothing.
    everything = set_list.visualItemRect(set_list.item(0)).center()
    assert not _drag_over(set_list.viewport(), mime, everything)
    other = QMimeData()
    other.setText("hello")
    assert not _drag_over(set_list.viewport(), other, target)
    with _library(library_path) as library:
        assert sets.list_sets(library)[0].document_ids == (c,)


def test_sets_are_renamed_and_deleted_from_the_set_list(open_window, import_text, library_path, monkeypatch) -> None:
    a, _b, _c = _three(import_text)
    with _library(library_path) as library:
        sets.add_to_set(library, name="old", document_ids=[a])
    window = open_window()
    panel = window.library_sets
    panel.choose_set("old")
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("new", True))
    panel.set_list.setFocus()
    panel.rename_set_action.trigger()  # F2
    assert panel.chosen_set() == "new" and window.document_list.shown_ids() == [a]
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    panel.delete_set_action.trigger()  # Delete
    with _library(library_path) as library:
        assert sets.list_sets(library) == [] and len(library.documents()) == 3
    assert panel.chosen_set() is None and len(window.document_list.shown_ids()) == 3


def test_the_library_filters_by_attribute_value(open_window, import_text, library_path) -> None:
    a, b, c = _three(import_text)
    with _library(library_path) as library:
        attrs.define_attribute(library, name="age", kind="number")
        attrs.set_attributes(library, document_id=a, values={"age": "30"})
        attrs.set_attributes(library, document_id=b, values={"age": "2.5"})
        sets.add_to_set(library, name="some", document_ids=[a, c])
    window = open_window()
    panel = window.library_sets
    panel.attribute_box.setCurrentIndex(panel.attribute_box.findData("age"))
    assert window.document_list.shown_ids() == [a, b]  # any value
    panel.value_edit.setText("2.50")
    assert window.document_list.shown_ids() == [b]
    panel.value_edit.setText("30")
    panel.choose_set("some")
    assert window.document_list.shown_ids() == [a]
    panel.attribute_box.setCurrentIndex(0)
    assert window.document_list.shown_ids() == [a, c]


def test_export_scope_can_be_a_set(open_window, import_text, library_path, tmp_path, monkeypatch) -> None:
    a, b, _c = _three(import_text)
    with _library(library_path) as library:
        sets.add_to_set(library, name="chosen", document_ids=[a, b])
    window = open_window()
    offered: list[list[str]] = []

    def accept(dialog: QtExportDialog) -> int:
        offered.append([dialog.set_box.itemText(i) for i in range(dialog.set_box.count())])
        dialog.set_box.setCurrentIndex(0)
        dialog._buttons[SCOPE_SET].setChecked(True)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtExportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(tmp_path / "set.json"), ""))
    window.exporter.choose_and_export()
    assert offered == [["chosen"]]
    import orjson

    exported = orjson.loads((tmp_path / "set.json").read_bytes())
    assert sorted(d["id"] for d in exported["documents"]) == sorted([a, b])


def test_attribute_cells_are_edited_with_enter_refused_when_bad_and_undone(
    open_window, import_text, library_path, qtbot
) -> None:
    a, _b, _c = _three(import_text)
    with _library(library_path) as library:
        attrs.define_attribute(library, name="age", kind="number")
        attrs.define_attribute(library, name="region", kind="choice", choices=["north", "south"])
    window = open_window()
    window.attributes_action.trigger()  # Ctrl+Shift+A
    assert window.attributes_dock.isVisible()
    panel = window.attributes_panel
    assert panel.table.accessibleName() == "Attributes"

    def type_into(name: str, text: str) -> None:
        panel.edit_cell(a, name)
        editor = panel.table.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()  # the delegate commits on Enter through a queued call

    type_into("age", "abc")
    assert "not a number" in window.statusBar().currentMessage()
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {}
    type_into("age", "42.50")
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {"age": "42.5"}
    type_into("age", "43")
    panel.edit_cell(a, "region")
    combo = panel.table.focusWidget()
    combo.setCurrentIndex(combo.findData("south"))
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    QApplication.processEvents()
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {"age": "43", "region": "south"}
    row = next(r for r, (d, _) in enumerate(panel.model.documents) if d == a)
    assert panel.model.index(row, 1).data() == "43"
    window.undo_action.trigger()
    window.undo_action.trigger()  # one step per edit
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {"age": "42.5"}
    assert panel.model.index(row, 1).data() == "42.5"


def test_date_and_text_cells_are_typed_checked_and_kept_as_given(open_window, import_text, library_path, qtbot) -> None:
    a, _b, _c = _three(import_text)
    with _library(library_path) as library:
        attrs.define_attribute(library, name="interviewed", kind="date")
        attrs.define_attribute(library, name="place", kind="text")
    window = open_window()
    window.attributes_action.trigger()
    panel = window.attributes_panel

    def type_into(name: str, text: str) -> QLineEdit:
        panel.edit_cell(a, name)
        editor = panel.table.focusWidget()
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClick(editor, Qt.Key.Key_Backspace)
        qtbot.keyClicks(editor, text)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        QApplication.processEvents()
        return editor

    assert type_into("interviewed", "31/03/2020").placeholderText() == "YYYY-MM-DD"
    assert "date" in window.statusBar().currentMessage()  # refused, with one line
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {}
    type_into("interviewed", "2020-02-30")  # no such day
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {}
    type_into("interviewed", "2020-03-31")
    type_into("place", "Tirana,  Albania ")  # text is kept as typed
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {"interviewed": "2020-03-31", "place": "Tirana,  Albania "}
    row = next(r for r, (d, _) in enumerate(panel.model.documents) if d == a)
    assert [panel.model.index(row, c).data() for c in (1, 2)] == ["2020-03-31", "Tirana,  Albania "]
    type_into("place", "")  # an empty cell clears the value
    with _library(library_path) as library:
        assert attrs.attributes_of(library, [a])[a] == {"interviewed": "2020-03-31"}


def test_an_attribute_is_defined_renamed_and_deleted_in_the_window(
    open_window, import_text, library_path, monkeypatch
) -> None:
    a, _b, _c = _three(import_text)
    window = open_window()
    window.attributes_action.trigger()  # a hidden table reads nothing until it is shown
    panel = window.attributes_panel

    def fill(dialog: QtAttributeDialog) -> int:
        dialog.name_edit.setText("region")
        dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("choice"))
        dialog.choices_edit.setText("north, south")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtAttributeDialog, "exec", fill)
    panel.new_button.click()
    with _library(library_path) as library:
        [region] = attrs.definitions(library)
        assert (region.name, region.kind, region.choices) == ("region", "choice", ("north", "south"))
        attrs.set_attributes(library, document_id=a, values={"region": "north"})
    panel.reload()
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("area", True))
    panel.rename_button.click()
    asked: list[str] = []

    def question(_parent, _title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.table.setCurrentIndex(panel.model.index(0, 1))
    panel.delete_button.click()
    assert "“area”" in asked[0] and "1 document has" in asked[0]
    with _library(library_path) as library:
        assert attrs.definitions(library) == [] and attrs.attributes_of(library, [a])[a] == {}


def test_set_changes_act_on_the_set_shown_refuse_another_programs_and_are_undone(
    open_window, import_text, library_path, monkeypatch
) -> None:
    a, b, _c = _three(import_text)
    with _library(library_path) as library:
        sets.add_to_set(library, name="S", document_ids=[a])
    window = open_window()
    panel = window.library_sets
    panel.choose_set("S")
    assert panel.set_list.currentItem().text() == "S (1)"
    with _library(library_path) as library:  # another program: S becomes T, a new S has two documents
        sets.rename_set(library, name="S", new_name="T")
        sets.add_to_set(library, name="S", document_ids=[a, b])
        before = sets.list_sets(library)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    panel.set_list.setFocus()
    panel.delete_set_action.trigger()  # on the row "S (1)", not yet refreshed
    assert "another program" in window.statusBar().currentMessage()
    with _library(library_path) as library:
        assert sets.list_sets(library) == before
    # Now shown as it is: delete T, and undo brings it back with its id and document.
    panel.choose_set("T")
    assert panel.set_list.currentItem().text() == "T (1)"
    panel.delete_set_action.trigger()
    with _library(library_path) as library:
        assert [s.name for s in sets.list_sets(library)] == ["S"]
    window.undo_action.trigger()
    with _library(library_path) as library:
        assert sets.list_sets(library) == before
    window.redo_action.trigger()
    window.undo_action.trigger()
    # Rename, new set, add and remove are undo steps too.
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: ("U", True))
    panel.choose_set("T")
    panel.rename_set_action.trigger()
    panel.new_set_action.trigger()  # "U" is taken now: refused, nothing made
    panel.add_to_set(panel.current_set(), [b])
    panel.remove_from_set(panel.current_set(), [a])
    with _library(library_path) as library:
        assert [(s.name, s.document_ids) for s in sets.list_sets(library)] == [("S", (a, b)), ("U", (b,))]
    for _ in range(3):
        window.undo_action.trigger()
    with _library(library_path) as library:
        assert sets.list_sets(library) == before
