"""Tests (UI): memos (inspector, tooltips, documents, journal, the Memos view), documents renamed,
described, deleted and undone, and the coder name asked once and stamped on what the window tags."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QInputDialog, QMessageBox

from annotator import config
from annotator.services import Library, annotating, codebook, documents, journal
from annotator.services.backups import list_backups
from tests.ui.conftest import stored_annotations

TEXT = "The minister said the reform would pass. Critics called it a gamble.\n"
CTRL = Qt.KeyboardModifier.ControlModifier


def _tag(window, word: str, key=Qt.Key.Key_1) -> str:
    start = TEXT.index(word)
    window.pane.select_span(start, start + len(word))
    window.pane.setFocus()
    window.apply_tag(window.session.tags[0].id)
    return next(a.id for a in window.session.annotations.values() if a.quote == word)


def test_the_coder_name_is_asked_once_and_stamped_on_every_annotation_made_here(
    qtbot, open_window, import_text, library_path, coder_named, monkeypatch
) -> None:
    doc_id = import_text(TEXT)
    asked: list[str] = []
    from annotator.ui.qt_preferences import QtCoderDialog

    original = QtCoderDialog.exec
    monkeypatch.setattr(QtCoderDialog, "exec", lambda dialog: asked.append(dialog.windowTitle()) or original(dialog))
    coder_named.append("  Ann   Smith ")
    window = open_window()
    assert asked == []  # not at start-up
    _tag(window, "minister")
    _tag(window, "Critics")
    assert asked == ["Your name"]
    assert sorted(a.coder for a in stored_annotations(library_path, doc_id)) == ["Ann Smith", "Ann Smith"]
    assert config.coder_name() == "Ann Smith"
    window.close()
    window = open_window()  # a new window (a new run) does not ask again
    _tag(window, "gamble")
    assert asked == ["Your name"]
    # Settings (Ctrl+,) changes it for what is tagged next
    from annotator.ui.qt_settings import QtSettingsDialog

    def settings(dialog: QtSettingsDialog) -> int:
        asked.append(dialog.windowTitle())
        dialog.name_edit.setText("Bob")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtSettingsDialog, "exec", settings)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)
    assert asked == ["Your name", "Settings"] and config.coder_name() == "Bob"
    _tag(window, "reform")
    coders = {a.quote: a.coder for a in stored_annotations(library_path, doc_id)}
    assert coders == {"minister": "Ann Smith", "Critics": "Ann Smith", "gamble": "Ann Smith", "reform": "Bob"}


def test_a_multi_line_memo_is_saved_with_ctrl_enter_and_esc_reverts(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    annotation_id = _tag(window, "minister")
    window.select_annotation(annotation_id)
    edit = window.inspector.note_edit
    assert edit.accessibleName() == "Memo"
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    qtbot.keyClicks(edit, "first line")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # a new line, not a save
    qtbot.keyClicks(edit, "second line")
    assert stored_annotations(library_path, doc_id)[0].note == ""
    qtbot.keyClick(edit, Qt.Key.Key_Return, CTRL)
    assert stored_annotations(library_path, doc_id)[0].note == "first line\nsecond line"
    qtbot.keyClicks(edit, " and more")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.toPlainText() == "first line\nsecond line"
    window.annotation_view.setFocus()  # leaving the field after Esc saves nothing
    qtbot.waitUntil(window.annotation_view.hasFocus)
    assert stored_annotations(library_path, doc_id)[0].note == "first line\nsecond line"
    window.session.undo_stack.undo()
    assert stored_annotations(library_path, doc_id)[0].note == ""


def test_memos_show_on_hover_escaped_and_cut_short(qtbot, open_window, import_text, library_path, monkeypatch) -> None:
    import_text(TEXT)
    window = open_window()
    annotation_id = _tag(window, "minister")
    memo = "<b>not bold</b>\n" + "long " * 400
    window.session.set_note(annotation_id, memo)
    row = window.annotations_model.row_of(annotation_id)
    tip = window.annotations_model.data(window.annotations_model.index(row, 2), Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;not bold&lt;/b&gt;<br>" in tip and "<b>not bold</b>" not in tip
    assert tip.endswith("…") and len(tip) < 700
    shown: list[str] = []
    from PySide6.QtWidgets import QToolTip

    monkeypatch.setattr(QToolTip, "showText", lambda _pos, text, *_args: shown.append(text))
    pane = window.pane
    cursor = QTextCursor(pane.document())
    cursor.setPosition(pane.offset_map.to_utf16(TEXT.index("minister") + 3))
    point = pane.cursorRect(cursor).center()
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent

    QApplication.sendEvent(pane.viewport(), QHelpEvent(QEvent.Type.ToolTip, point, pane.viewport().mapToGlobal(point)))
    assert shown and "&lt;b&gt;not bold&lt;/b&gt;<br>long" in shown[0] and shown[0].endswith("…")


def test_a_document_is_renamed_given_a_memo_and_its_details_shown(
    qtbot, open_window, import_text, library_path, monkeypatch
) -> None:
    doc_id = import_text(TEXT, "minister.txt")
    window = open_window()
    imported_title = window.documents_model.data(window.documents_model.index(0))
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("The minister's speech", True))
    window.document_list.setFocus()
    qtbot.waitUntil(window.document_list.hasFocus)
    qtbot.keyClick(window.document_list, Qt.Key.Key_F2)
    with Library.open(f"sqlite:///{library_path}") as other:
        assert other.document(doc_id).title == "The minister's speech"
    assert window.documents_model.data(window.documents_model.index(0)) == "The minister's speech"
    assert window.windowTitle().startswith("The minister's speech")
    window.session.undo_stack.undo()
    assert window.documents_model.data(window.documents_model.index(0)) == imported_title

    qtbot.keyClick(window, Qt.Key.Key_E, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.document_flow.dialog
    assert dialog is not None and dialog.isVisible()
    dialog.memo_edit.setFocus()
    qtbot.keyClicks(dialog.memo_edit, "Speech of 3 May.")
    qtbot.keyClick(dialog.memo_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.memo_edit, "Compare with the press release.")
    qtbot.keyClick(dialog.memo_edit, Qt.Key.Key_Return, CTRL)
    with Library.open(f"sqlite:///{library_path}") as other:
        assert other.document(doc_id).memo == "Speech of 3 May.\nCompare with the press release."

    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    details = window.document_flow.dialog
    assert details is not None and details.isVisible()
    text = details.browser.toPlainText()
    assert "minister.txt" in text and documents.document_details(window.session.library, doc_id).sha256 in text
    assert f"{len(TEXT):,} characters" in text and "The text is as imported." in text


def test_the_library_tooltip_and_details_count_same_named_tags_apart(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    with Library.open(f"sqlite:///{library_path}") as library:
        for parent, word in (("F", "minister"), ("O", "Critics")):
            parent_id = codebook.create_tag(library, name=parent).tags_created[0].id
            pos = codebook.create_tag(library, name="Pos", parent_id=parent_id).tags_created[0].id
            start = TEXT.index(word)
            annotating.create_annotation(library, document_id=doc_id, tag_id=pos, start=start, end=start + len(word))
    window = open_window()
    tip = window.documents_model.data(window.documents_model.index(0), Qt.ItemDataRole.ToolTipRole)
    assert "2 annotations (1 F/Pos, 1 O/Pos)" in tip
    qtbot.keyClick(window, Qt.Key.Key_I, CTRL)
    text = window.document_flow.dialog.browser.toPlainText()
    assert "F/Pos" in text and "O/Pos" in text


def test_a_deleted_document_is_confirmed_with_counts_backed_up_and_undone(
    qtbot, open_window, import_text, library_path, monkeypatch
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    _tag(window, "minister")
    window.session.set_note(_tag(window, "Critics"), "who?")
    asked: list[str] = []

    def answer(_parent, _title, text, *_args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    window.document_list.setFocus()
    qtbot.waitUntil(window.document_list.hasFocus)
    qtbot.keyClick(window.document_list, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    assert len(asked) == 1 and "2 annotations and 0 earlier versions" in asked[0]
    with Library.open(f"sqlite:///{library_path}") as other:
        assert other.documents() == []
        assert [b.kind for b in list_backups(other)].count("before-delete") == 1
    assert window.documents_model.rowCount() == 0 and window.session.document is None
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert sorted((a.quote, a.note) for a in stored_annotations(library_path, doc_id)) == [
        ("Critics", "who?"), ("minister", ""),
    ]  # fmt: skip
    assert window.documents_model.rowCount() == 1


def test_undoing_a_delete_after_another_program_imported_the_same_file_keeps_both_and_says_so(
    qtbot, open_window, import_text, library_path, monkeypatch
) -> None:
    doc_id = import_text(TEXT, "speech.txt")
    window = open_window()
    window.session.set_note(_tag(window, "Critics"), "who?")
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    window.document_list.setFocus()
    qtbot.waitUntil(window.document_list.hasFocus)
    qtbot.keyClick(window.document_list, Qt.Key.Key_Delete, Qt.KeyboardModifier.ShiftModifier)
    again = import_text(TEXT, "speech.txt")  # another program, the same file
    assert again != doc_id
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL)
    assert [a.note for a in stored_annotations(library_path, doc_id)] == ["who?"]
    with Library.open(f"sqlite:///{library_path}") as other:
        assert {d.id for d in other.documents()} == {doc_id, again}
    message = window.statusBar().currentMessage()
    assert message.startswith("Undone") and "has the same text (imported meanwhile): both are kept" in message


def test_duplicate_titles_are_told_apart_in_the_library_list(
    qtbot, open_window, import_text, tmp_path, library_path
) -> None:
    from annotator.services import memos

    first = import_text("Report\n\nThe first one.\n", "one.txt")
    second = import_text("Report\n\nThe second one.\n", "two.txt")
    window = open_window()
    model = window.documents_model
    assert [model.data(model.index(r)) for r in range(model.rowCount())] == ["Report", "Report (2)"]
    window.open_document(second)
    assert window.windowTitle() == "Report (2) — Annotator"
    window.attributes_action.trigger()  # the Attributes table names documents as the list does
    panel = window.attributes_panel
    assert [panel.model.index(r, 0).data() for r in range(2)] == ["Report", "Report (2)"]
    with Library.open(f"sqlite:///{library_path}") as library:
        documents.set_document_memo(library, document_id=second, memo="the later one")
        [memo] = [m for m in memos.all_memos(library) if m.document_id]  # and so do the Memos view and export
        assert (memo.document_id, memo.document_title) == (second, "Report (2)")
        documents.delete_document(library, document_id=first)
    window.watcher.poll()  # another program deleted the first: the open one is the only "Report" now
    qtbot.waitUntil(lambda: window.windowTitle() == "Report — Annotator")


def test_the_journal_adds_edits_and_deletes_entries_signed_with_the_coder_name(
    qtbot, open_window, import_text, library_path, coder_named, monkeypatch
) -> None:
    import_text(TEXT)
    coder_named.append("Ann")
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_J, CTRL | Qt.KeyboardModifier.ShiftModifier)
    dialog = window.memo_flow.journal_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.title_edit, "Day one")
    dialog.body_edit.setFocus()
    qtbot.keyClicks(dialog.body_edit, "Read the speech.")
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_Return, CTRL)
    with Library.open(f"sqlite:///{library_path}") as other:
        [entry] = journal.entries(other)
    assert (entry.title, entry.body, entry.author) == ("Day one", "Read the speech.", "Ann")
    assert dialog.entry_list.count() == 1 and "Day one · Ann" in dialog.entry_list.item(0).text()
    dialog.body_edit.setFocus()
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_End, CTRL)
    qtbot.keyClicks(dialog.body_edit, " Twice.")
    qtbot.keyClick(dialog.body_edit, Qt.Key.Key_Return, CTRL)
    with Library.open(f"sqlite:///{library_path}") as other:
        assert [e.body for e in journal.entries(other)] == ["Read the speech. Twice."]
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    with Library.open(f"sqlite:///{library_path}") as other:
        assert journal.entries(other) == []
    assert dialog.entry_list.count() == 0


def test_the_memos_view_lists_every_memo_goes_there_on_enter_and_exports_markdown(
    qtbot, open_window, import_text, library_path, tmp_path, monkeypatch
) -> None:
    doc_id = import_text(TEXT)
    other_id = import_text("A second text about nothing.\n", "second.txt")
    with Library.open(f"sqlite:///{library_path}") as other:
        claim = other.tag_named("claim")
        start = TEXT.index("Critics")
        note = annotating.create_annotation(
            other, document_id=doc_id, tag_id=claim.id, start=start, end=start + 7, note="who are they?"
        ).annotations_created[0]
        documents.set_document_memo(other, document_id=other_id, memo="Just a control text.")
        journal.add_entry(other, title="Plan", body="Code both texts.")
    window = open_window()
    window.open_document(other_id)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL | Qt.KeyboardModifier.ShiftModifier)
    view = window.memo_flow.memos_dialog
    assert view is not None and view.isVisible()
    rows = [view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount())]
    assert [r.text(0) for r in rows][:3] == ["Journal", "Document", "Annotation"]
    assert "“Critics” (claim)" in rows[2].text(1) and rows[2].text(2) == "who are they?"
    view.tree.setCurrentItem(rows[2])
    view.tree.setFocus()
    qtbot.keyClick(view.tree, Qt.Key.Key_Return)
    assert window.session.document.id == doc_id
    assert window.selected_annotation_ids() == [note.id]
    # the filter narrows the list; Export writes every memo as Markdown
    qtbot.keyClicks(view.filter_edit, "control")
    assert [r.isHidden() for r in rows][:3] == [True, False, True]
    target = tmp_path / "memos.md"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), ""))
    view.export_button.click()
    written = target.read_text(encoding="utf-8")
    assert "## Journal" in written and "Just a control text." in written and "who are they?" in written
