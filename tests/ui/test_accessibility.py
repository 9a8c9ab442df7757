"""Tests (UI): what a screen reader is told: every control of the window and its views has a name,
the panes say what they are, the text pane says which tags the caret is in, Tab visits every pane."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QTextCursor
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from annotator.core.boilerplate import Cut
from annotator.ui.qt_attributes import QtAttributeDialog
from annotator.ui.qt_crash import QtCrashDialog
from annotator.ui.qt_trim_dialog import QtTrimDialog

TEXT = "Claims need evidence. Evidence needs a source.\nA second line ends it.\n"
INTERACTIVE = (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox, QLineEdit, QPlainTextEdit, QTextEdit)


def _unnamed(top: QWidget) -> list[str]:
    """The visible controls under *top* a screen reader would have no name for."""
    missing = []
    for widget in [top, *top.findChildren(QWidget)]:
        interactive = isinstance(widget, INTERACTIVE) or widget.focusPolicy() != Qt.FocusPolicy.NoFocus
        if not interactive or not widget.isVisible() or widget.focusProxy() is not None:
            continue
        if isinstance(widget.parent(), QAbstractItemView) or type(widget).__name__ == "QScrollBar":
            continue  # a view's own scroll bars and in-place editors come with it
        accessible = QAccessible.queryAccessibleInterface(widget)
        if accessible is None:
            missing.append(f"{type(widget).__name__} with no accessible interface")
            continue
        # A tab bar is named for itself, not by the tab in front.
        name = widget.accessibleName() if isinstance(widget, QTabBar) else accessible.text(QAccessible.Text.Name)
        if not name.strip():
            missing.append(f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}")
    return missing


def _visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible() and not w.inherits("QMenu")]


def test_every_control_of_the_window_and_its_views_has_a_name(qtbot, open_window, import_text) -> None:
    import_text(TEXT)
    window = open_window()
    window.open_document(window.documents_model.document_id(0))
    start = TEXT.index("evidence")
    window.session.tag_span(window.session.tags[0].id, start, start + len("evidence"))
    window.select_annotation(window.annotations_model.annotation(0).id)
    window.find_action.trigger()
    window.attributes_action.trigger()
    views = [window.memo_flow.memos_action, window.memo_flow.journal_action, window.search_dock_action,
             window.retrieval.toggle_action, window.agreement.action]  # fmt: skip
    views += [dock.toggle_action for dock in (window.cooccurrence, window.document_matrix, window.frequencies,
                                              window.disagreements)]  # fmt: skip
    for action in views:  # every view the View menu opens
        if not action.isChecked():
            action.trigger()
    qtbot.waitUntil(window.disagreements.isVisible)
    assert window.centralWidget().isVisible()  # the panes are there to be walked too
    missing = [name for top in _visible_windows() for name in _unnamed(top)]
    assert missing == []
    # The panes say what they are for, beyond their names.
    panes = (
        window.library_sets.set_list,
        window.document_list,
        window.pane,
        window.tag_panel.tree,
        window.annotation_view,
    )
    for pane in (*panes, window.inspector):
        assert QAccessible.queryAccessibleInterface(pane).text(QAccessible.Text.Description), pane


def test_every_control_of_the_dialogs_has_a_name(qtbot, open_window, import_text, monkeypatch) -> None:
    import_text(TEXT)
    window = open_window()
    window.open_document(window.documents_model.document_id(0))
    window.document_list.setCurrentIndex(window.documents_model.index(0, 0))
    window.session.tag_span(window.session.tags[0].id, 0, len("Claims"))  # one to jump to
    window.tag_panel.tree.setCurrentIndex(window.tag_panel.index_of(window.session.tags[0].id))
    missing: list[str] = []

    def audit(dialog: QDialog) -> QDialog.DialogCode:  # stands in for a modal dialog's own loop
        dialog.show()
        qtbot.waitExposed(dialog)
        missing.extend(f"{type(dialog).__name__}: {name}" for name in _unnamed(dialog))
        dialog.hide()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QDialog, "exec", audit)
    codebook, documents, helps = window.codebook, window.document_flow, window.help
    for action in (window.export_action, window.backups_action, window.settings_action, helps.guide_action,
                   helps.shortcuts_action, helps.about_action, codebook.edit_action, codebook.quick_pick_action,
                   documents.memo_action, documents.details_action, window.coder_view.chosen_action,
                   window.jump.action):  # fmt: skip
        before = set(_visible_windows())
        action.trigger()
        for opened in set(_visible_windows()) - before:  # the ones opened without a loop of their own
            missing.extend(f"{type(opened).__name__}: {name}" for name in _unnamed(opened))
            opened.close()
    # Dialogs opened by flows that need a file or an error to get there.
    audit(QtTrimDialog("Page", TEXT, [Cut(0, 22, "site furniture", "tail")], window))
    audit(QtAttributeDialog(window))
    audit(QtCrashDialog("It broke", "Traceback", None, window))
    assert missing == []


def _caret_at(window, offset: int) -> None:
    cursor = QTextCursor(window.pane.document())
    cursor.setPosition(window.pane.offset_map.to_utf16(offset))
    window.pane.setTextCursor(cursor)
    QApplication.processEvents()  # what the caret is in is said once the move is over


def _key(qtbot, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifiers)
    QApplication.processEvents()


def test_the_text_says_which_tags_the_caret_is_in(qtbot, open_window, import_text, coder_named, monkeypatch) -> None:
    import_text("👍🏽 " + TEXT)  # code points before the tags: offsets are not UTF-16 positions
    text = "👍🏽 " + TEXT
    window = open_window()
    coder_named.append("Ann")
    claim, evidence = window.session.tags[:2]
    outer = text.index("Claims")
    window.session.tag_span(claim.id, outer, text.index("."))
    inner = text.index("evidence")
    window.session.tag_span(evidence.id, inner, inner + len("evidence"))
    outer_id = next(a.id for a in window.session.annotations.values() if a.start == outer)
    window.session.set_note(outer_id, "a first\nguess")
    events: list[tuple[QAccessible.Event, QWidget]] = []
    monkeypatch.setattr(QAccessible, "isActive", lambda: True)
    monkeypatch.setattr(QAccessible, "updateAccessibility", lambda e: events.append((e.type(), e.object())))
    pane = window.pane
    pane.setFocus()
    _caret_at(window, inner - 1)
    said = f"{claim.name} (Ann) — note: a first guess"
    assert pane.accessibleDescription() == f"Tagged {said}" and window.tags_at_cursor.text() == said
    _key(qtbot, Qt.Key.Key_Right)  # into the inner one by keyboard
    said = f"{evidence.name}, {claim.name} (Ann) — note: a first guess"
    assert QAccessible.queryAccessibleInterface(pane).text(QAccessible.Text.Description) == f"Tagged {said}"
    assert window.tags_at_cursor.text() == said
    assert events[-1] == (QAccessible.Event.DescriptionChanged, pane)
    told = len(events)
    _key(qtbot, Qt.Key.Key_Right)  # still in the same ones: nothing new to say
    assert len(events) == told
    _key(qtbot, Qt.Key.Key_End)
    assert pane.accessibleDescription() == pane.HELP and window.tags_at_cursor.text() == ""
    assert events[-1] == (QAccessible.Event.DescriptionChanged, pane)
    _caret_at(window, 0)
    _key(qtbot, Qt.Key.Key_BracketRight)  # ] selects the first annotation: says what it is
    assert window.tags_at_cursor.text() == f"{claim.name} (Ann) — note: a first guess"
    _key(qtbot, Qt.Key.Key_BracketRight)
    assert window.tags_at_cursor.text() == f"{evidence.name}, {claim.name} (Ann) — note: a first guess"
    # A renamed tag is said by its new name at once.
    window.codebook.rename_to(evidence.id, "proof")
    assert window.tags_at_cursor.text() == f"proof, {claim.name} (Ann) — note: a first guess"


def test_a_shift_arrow_looks_up_the_tags_under_the_caret_once(qtbot, open_window, import_text, monkeypatch) -> None:
    """It moves the caret and the selection: two signals, one look-up."""
    import_text(TEXT)
    window = open_window()
    window.session.tag_span(window.session.tags[0].id, 0, len("Claims"))
    pane = window.pane
    pane.setFocus()
    _caret_at(window, 0)
    looked: list[str] = []
    tags_at_cursor = pane.tags_at_cursor
    monkeypatch.setattr(pane, "tags_at_cursor", lambda: looked.append("") or tags_at_cursor())
    _key(qtbot, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert pane.textCursor().hasSelection() and len(looked) == 1
    assert window.tags_at_cursor.text() == window.session.tags[0].name


def test_tab_goes_round_every_pane_in_the_order_they_are_seen(qtbot, open_window, import_text) -> None:
    import_text(TEXT)
    window = open_window()
    window.open_document(window.documents_model.document_id(0))
    window.session.tag_span(window.session.tags[0].id, 0, len("Claims"))
    window.select_annotation(window.annotations_model.annotation(0).id)
    window.find_action.trigger()
    window.document_list.setFocus()
    seen: list[QWidget] = []
    while not seen or seen[-1] is not window.document_list:
        assert len(seen) < 40, [type(w).__name__ for w in seen]  # a trap would keep the keyboard
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    tags, annotations, inspector = window.tag_panel, window.annotation_view, window.inspector
    in_order = [window.pane, window.find_bar.edit, tags.filter_edit, tags.tree, window.annotation_filter,
                window.coder_view.button, annotations, inspector.tag_box, inspector.note_edit,
                window.library_sets.set_list, window.document_list]  # fmt: skip
    assert [w for w in seen if w in in_order] == in_order  # each once: the table is one stop


def _names(accessible) -> list[str]:
    return [accessible.child(i).text(QAccessible.Text.Name) for i in range(accessible.childCount())]


def test_screen_readers_get_the_right_roles_and_each_tag_by_name(qtbot, open_window, import_text) -> None:
    import_text(TEXT)
    window = open_window()
    window.open_document(window.documents_model.document_id(0))
    claim = window.session.tags[0]
    window.session.tag_span(claim.id, 0, len("Claims"))
    text = QAccessible.queryAccessibleInterface(window.pane)
    assert text.role() == QAccessible.Role.EditableText and text.state().readOnly  # read, not typed into
    tree = QAccessible.queryAccessibleInterface(window.tag_panel.tree)
    assert tree.role() == QAccessible.Role.Tree
    # Each tag is said by its name (its colour is only drawn), with its counts and key.
    items = [name for name in _names(tree) if name.startswith(tuple(t.name for t in window.session.tags))]
    assert items[0] == f"{claim.name}, 1 here, 0 in the library, key 1"
    assert len(items) == len(window.session.tags)
    table = QAccessible.queryAccessibleInterface(window.annotation_view)
    assert table.role() == QAccessible.Role.Table
    assert claim.name in _names(table) and "Claims" in _names(table)  # the tag in words beside the quote
    library = QAccessible.queryAccessibleInterface(window.document_list)
    assert library.role() == QAccessible.Role.List and _names(library) == [TEXT.splitlines()[0]]


def test_a_long_note_at_the_caret_does_not_widen_the_window(qtbot, open_window, import_text) -> None:
    import_text(TEXT)
    window = open_window()
    window.session.tag_span(window.session.tags[0].id, 0, len("Claims"))
    window.session.set_note(window.annotations_model.annotation(0).id, "a long thought " * 40)
    _caret_at(window, len(TEXT) - 2)  # in no annotation: nothing to say
    QApplication.sendPostedEvents()  # laid out again
    narrowest = (window.minimumSizeHint().width(), window.statusBar().minimumSizeHint().width())
    _caret_at(window, 1)
    assert window.tags_at_cursor.text().endswith("…")  # shown, cut short
    QApplication.sendPostedEvents()
    assert (window.minimumSizeHint().width(), window.statusBar().minimumSizeHint().width()) == narrowest
