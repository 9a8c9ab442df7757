"""Tests (UI): details of the main window a new user noticed (issue 7): the tag panel's
layout, the reading position inside a long paragraph, the status bar's library name and
the messages of File › Import and File › New document from clipboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator import config
from annotator.core.model import Tag


def test_reloading_tags_keeps_one_row_per_tag_in_the_tag_tree(qtbot, open_window, import_text) -> None:
    import_text("Some text.\n")
    window = open_window()
    panel = window.tag_panel
    for _ in range(5):  # e.g. tags reloaded after an import or another program's change
        window._apply_tags()
    QApplication.processEvents()
    assert panel.visible_ids() == [t.id for t in window.session.tags]
    # a new tag adds exactly one row, named for screen readers with its count and key
    extra = Tag("t-extra", "question", "#2a9d8f", "Open questions", "4", 3)
    panel.set_tags([*window.session.tags, extra])
    assert panel.visible_ids() == [*(t.id for t in window.session.tags), extra.id]
    accessible = panel.index_of(extra.id).data(Qt.ItemDataRole.AccessibleTextRole)
    assert accessible == "question, 0 here, 0 in the library, key 4"


LONG_PARAGRAPH = " ".join(f"Sentence {i} of one long paragraph, wrapped over many lines." for i in range(400))
WRAPPED = "A title\n\nA short first paragraph.\n\n" + LONG_PARAGRAPH + "\n\n" + "Another paragraph.\n\n" * 200


def test_reading_position_inside_a_long_paragraph_comes_back_at_the_same_line(qtbot, open_window, import_text) -> None:
    import_text(WRAPPED)
    window = open_window()
    pane = window.pane
    middle = WRAPPED.index("Sentence 200 ")
    paragraph = WRAPPED.index(LONG_PARAGRAPH)
    pane.scroll_to_offset(middle)
    top = pane.top_offset()
    assert top <= middle < top + 200  # the line holding the offset is at the top, not the paragraph's start
    assert top - paragraph > 10_000
    window.save_reading_position()
    window.close()

    again = open_window()  # laid out before it was shown, at another width: the line must still be found
    assert abs(again.pane.top_offset() - top) < 200
    # a narrower window re-wraps the paragraph; the text at the top stays
    again.resize(again.width() - 300, again.height())
    QApplication.processEvents()
    assert abs(again.pane.top_offset() - top) < 200


def test_status_bar_names_the_library_by_its_path_not_its_url(open_window, import_text, library_path) -> None:
    import_text("Some text.\n")
    window = open_window()
    message = window.statusBar().currentMessage()
    assert str(library_path) in message
    assert "sqlite:" not in message


CODEBOOK = b"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">
  <Codes>
    <Code guid="c0000000-0000-4000-8000-000000000001" name="Trust" isCodable="true" color="#123456"/>
    <Code guid="c0000000-0000-4000-8000-000000000002" name="Doubt" isCodable="true" color="#abcdef"/>
  </Codes>
</CodeBook>"""


def test_importing_a_codebook_says_how_many_tags_it_added(
    open_window, import_text, tmp_path, monkeypatch, messages
) -> None:
    from PySide6.QtWidgets import QFileDialog

    import_text("Some text.\n")
    window = open_window()
    codebook = tmp_path / "codes.qdc"
    codebook.write_bytes(CODEBOOK)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(codebook)], ""))
    window.import_action.trigger()
    assert messages == []
    assert window.statusBar().currentMessage() == "Added 2 tags from the codebook: Trust, Doubt."
    assert {"Trust", "Doubt"} <= {t.name for t in window.session.tags}
    window.import_action.trigger()  # again: nothing new
    assert "already" in window.statusBar().currentMessage() and "0 new" not in window.statusBar().currentMessage()


def test_the_tags_a_codebook_added_are_named_by_their_paths_a_few_at_most() -> None:
    from annotator.services import Changes, importing
    from annotator.ui.qt_import_flow import NAMED_TAGS, import_summary

    top = Tag(id="t", name="Tone", color="#888888")
    added = [Tag(id=f"c{i}", name=f"Good {i}", color="#888888", parent_id="t") for i in range(NAMED_TAGS + 2)]
    result = importing.ImportResult([], 0, 0, Changes(tags_created=tuple(added)))
    summary = import_summary(result, lambda _i: "?", [top])
    assert summary.startswith(f"Added {NAMED_TAGS + 2} tags from the codebook: Tone/Good 0, Tone/Good 1, ")
    assert summary.endswith(f"Tone/Good {NAMED_TAGS - 1} and 2 more.")


def test_pasting_text_already_in_the_library_says_so_and_opens_it(open_window, import_text, messages) -> None:
    text = "An article pasted twice.\n\nIts body.\n"
    first = import_text(text, "first.txt")
    other = import_text("Something else.\n", "other.txt")
    window = open_window()
    window.open_document(other)
    QApplication.clipboard().setText(text)
    window.paste_action.trigger()
    assert window.session.document.id == first
    assert window.documents_model.rowCount() == 2
    message = window.statusBar().currentMessage()
    assert "already in the library" in message and "An article pasted twice" in message
    assert "0 new" not in message and messages == []


def test_an_empty_clipboard_is_said_plainly(open_window, import_text, messages) -> None:
    import_text("Some text.\n")
    window = open_window()
    for empty in ("", "  \n\t"):
        QApplication.clipboard().setText(empty)
        window.paste_action.trigger()
    assert [text for _, text in messages] == ["The clipboard holds no text."] * 2
    assert window.documents_model.rowCount() == 1


def test_no_two_actions_of_the_window_answer_the_same_key_in_the_same_place(open_window, import_text) -> None:
    """An ambiguous shortcut fires neither action: each key is the window's once, or is bound to
    distinct widgets (F2 renames a tag in the tag tree, a document in the library list)."""
    from PySide6.QtGui import QAction

    import_text("Alpha beta.\n")
    window = open_window()
    seen: dict[str, list[tuple[str, object]]] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if key.isEmpty():
                continue
            scope = action.shortcutContext()
            widgets = tuple(w for w in action.associatedObjects())
            seen.setdefault(key.toString(), []).append((action.text(), (scope, widgets)))
    clashes = {}
    for key, users in seen.items():
        window_wide = [
            text
            for text, (scope, _w) in users
            if scope in (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)
        ]
        places = [w for _t, (_s, w) in users]
        if len(users) > 1 and (window_wide or len(set(places)) < len(places)):
            clashes[key] = [text for text, _ in users]
    assert clashes == {}


def test_every_focusable_widget_of_the_main_window_has_an_accessible_name(open_window, import_text) -> None:
    """A screen reader names whatever Tab can reach (its own name, or a button's text): the text
    pane ("Document text") above all. Hidden panels count too; popups are other windows."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    import_text("Some text.\n")
    window = open_window()
    assert window.pane.accessibleName() == "Document text"

    def spoken(widget: QWidget) -> str:
        face = QAccessible.queryAccessibleInterface(widget)
        return face.text(QAccessible.Text.Name) if face is not None else ""

    unnamed = [
        f"{type(w).__name__} in {type(w.parentWidget()).__name__}"
        for w in window.findChildren(QWidget)
        if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.window() is window and not spoken(w).strip()
    ]
    assert unnamed == []


def test_every_focusable_widget_of_every_dialog_has_an_accessible_name(open_window, import_text) -> None:
    """As the main window's test above, for each dialog and popup the window opens."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    from annotator.core.boilerplate import Cut
    from annotator.services import documents
    from annotator.ui.qt_attributes import QtAttributeDialog
    from annotator.ui.qt_backups_dialog import QtBackupsDialog
    from annotator.ui.qt_codebook_flow import QtTagDialog
    from annotator.ui.qt_document_flow import QtDocumentDetailsDialog, QtDocumentMemoDialog
    from annotator.ui.qt_export_dialog import QtExportDialog
    from annotator.ui.qt_memos import QtJournalDialog, QtMemosDialog
    from annotator.ui.qt_preferences import QtCoderDialog
    from annotator.ui.qt_settings import QtSettingsDialog
    from annotator.ui.qt_trim_dialog import QtTrimDialog

    doc_id = import_text("Menu Home\n\nSome text.\n")
    window = open_window()
    session, tags = window.session, window.session.tags
    dialogs = {
        "edit tag": QtTagDialog(window, tags[0], tags),
        "new attribute": QtAttributeDialog(window),
        "your name": QtCoderDialog(window),
        "settings": QtSettingsDialog(window, config.reading_settings(), "Ann"),
        "document memo": QtDocumentMemoDialog(window, "Menu Home", "a memo"),
        "details": QtDocumentDetailsDialog(window, documents.document_details(session.library, doc_id), {}),
        "journal": QtJournalDialog(window, session, lambda: ""),
        "memos": QtMemosDialog(window, session, lambda _memo: None),
        "export": QtExportDialog(has_document=True, selected_count=1, tags=[("t1", "claim")], coders=[], parent=window),
        "trim": QtTrimDialog("Menu Home", "Menu Home\n\nSome text.\n", [Cut(0, 11, "site menu", "repeat")], window),
        "backups": QtBackupsDialog(session.library, window),
        "quick pick": window.codebook.quick_pick,
    }

    def spoken(widget: QWidget) -> str:
        face = QAccessible.queryAccessibleInterface(widget)
        return face.text(QAccessible.Text.Name) if face is not None else ""

    unnamed = []
    for what, dialog in dialogs.items():
        dialog.show()
        unnamed += [
            f"{type(w).__name__} in {what}"
            for w in dialog.findChildren(QWidget)
            if w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isVisibleTo(dialog) and not spoken(w).strip()
        ]
        dialog.close()
    assert unnamed == []
