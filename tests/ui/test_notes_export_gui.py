"""Tests (UI): study notes from File › Export: chosen with the keyboard in the Export dialog, their
fields and order remembered per library (``export:options:notes``) and offered again, and the
file named with the style's extension."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from annotator.services import Library, annotating
from annotator.ui.qt_export_dialog import QtExportDialog

TEXT = "A claim, some evidence, and a guess.\n"


def _annotate(library_path: Path, doc_id: str) -> None:
    with Library.open(f"sqlite:///{library_path}") as library:
        tags = {t.name: t.id for t in library.tags()}
        for quote, tag, note in (("a guess", "claim", "late"), ("A claim", "claim", "early"), ("some", "evidence", "")):
            start = TEXT.index(quote)
            annotating.create_annotation(
                library, document_id=doc_id, tag_id=tags[tag], start=start, end=start + len(quote), note=note
            )


def test_notes_options_are_chosen_by_keyboard_and_remembered_per_library(
    qtbot, open_window, import_text, library_path, tmp_path, monkeypatch
) -> None:
    _annotate(library_path, import_text(TEXT))
    window = open_window()
    seen: list[tuple[str, str | None, str]] = []  # (fields, order, style) the dialog offered

    def press(key: Qt.Key) -> None:
        qtbot.keyClick(QApplication.focusWidget(), key)

    def choose(dialog: QtExportDialog) -> int:
        fields = dialog.option_widget("notes", "fields")
        order = dialog.option_widget("notes", "order")
        style = dialog.option_widget("notes", "style")
        seen.append((fields.text(), order.currentData(), style.currentData()))
        if len(seen) > 1:  # the second time: only the style changes
            dialog.set_format("notes")
            style.setCurrentIndex(style.findData("html"))
            return QDialog.DialogCode.Accepted
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.format_box.setFocus()
        qtbot.waitUntil(dialog.format_box.hasFocus)
        while dialog.format_id() != "notes":
            press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is style and style.accessibleName() == "Style"
        press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is order
        press(Qt.Key.Key_Down)  # text order
        press(Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is fields
        qtbot.keyClicks(fields, "quote,note,coder")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "study"), ""))
    window.export_action.trigger()
    md = (tmp_path / "study.md").read_text(encoding="utf-8")
    assert md.index("> A claim") < md.index("> some") < md.index("> a guess")
    assert "early" in md and "annotator://" not in md and "### claim" not in md

    with Library.open(f"sqlite:///{library_path}") as library:
        assert library.state("export:options:notes") == '{"order": "text", "fields": "quote,note,coder"}'

    window.close()
    again = open_window()
    monkeypatch.setattr(QtExportDialog, "exec", choose)
    again.export_action.trigger()
    assert seen == [("", "tag", None), ("quote,note,coder", "text", None)]
    html = (tmp_path / "study.html").read_text(encoding="utf-8")  # the style's extension was added
    assert html.startswith("<!DOCTYPE html>") and html.index("A claim") < html.index("a guess")
