"""Tests (UI): File > Import (dialog and drag and drop), File > Export, and the first run."""

from __future__ import annotations

import codecs
from pathlib import Path

import jsonschema
import orjson
import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QRadioButton

from annotator.formats.annotated_json import schema
from annotator.services import Library
from annotator.ui.qt_export_dialog import SCOPE_DOCUMENT, SCOPE_LIBRARY, SCOPE_SELECTED, QtExportDialog
from annotator.ui.qt_main_window import QtMainWindow


def _document_titles(library_path: Path) -> list[str]:
    with Library.open(f"sqlite:///{library_path}") as library:
        return [d.title for d in library.documents()]


def test_import_dialog_reads_encodings_and_refuses_binary(
    open_window, tmp_path, monkeypatch, messages, library_path
) -> None:
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(codecs.BOM_UTF16_LE + "Ünïcödé title\r\nbody 👍\r\n".encode("utf-16-le"))
    legacy = tmp_path / "legacy.md"
    legacy.write_bytes("# Café crème\n\nThe naïve façade of a résumé, déjà vu.\n".encode("cp1252"))
    binary = tmp_path / "picture.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    window = open_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(utf16), str(legacy), str(binary)], ""))
    window.import_action.trigger()
    assert sorted(_document_titles(library_path)) == ["Café crème", "Ünïcödé title"]
    assert window.documents_model.rowCount() == 2
    assert window.session.document.text == "Ünïcödé title\nbody 👍\n"
    assert len(messages) == 1 and "picture.txt" in messages[0][1] and "binary" in messages[0][1]


def test_import_of_only_bad_files_changes_nothing(open_window, tmp_path, monkeypatch, messages, library_path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_bytes(b'{"format": "annotator-export", "version": 1, "documents": [')
    window = open_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    window.import_action.trigger()
    assert _document_titles(library_path) == []
    assert "broken.json" in messages[0][1] and "JSON" in messages[0][1]


def test_drag_and_drop_imports(qtbot, open_window, tmp_path, library_path) -> None:
    dropped = tmp_path / "dropped.txt"
    dropped.write_text("Dropped in\nby mouse.\n", encoding="utf-8")
    window = open_window()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    args = (Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(QPoint(200, 200), *args)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(QPointF(200, 200), *args))
    assert _document_titles(library_path) == ["Dropped in"]
    assert window.session.document.title == "Dropped in"


@pytest.mark.parametrize("scope", [SCOPE_DOCUMENT, SCOPE_SELECTED, SCOPE_LIBRARY])
def test_export_dialog_writes_valid_annotated_json(open_window, import_text, tmp_path, monkeypatch, scope) -> None:
    first = import_text("First text with a claim.\n", "a.txt")
    second = import_text("Second text, with evidence.\n", "b.txt")
    third = import_text("Third text, unexported unless all.\n", "c.txt")
    window = open_window()
    window.open_document(second)
    window.session.tag_span(window.session.tags[1].id, 13, 26)
    window.session.set_note(next(iter(window.session.annotations)), "see <script>alert(1)</script>")
    window.document_list.selectAll()
    window.document_list.selectionModel().select(
        window.documents_model.index(2), window.document_list.selectionModel().SelectionFlag.Deselect
    )

    def accept(dialog: QtExportDialog) -> int:
        label = {SCOPE_DOCUMENT: "Current document", SCOPE_SELECTED: "Selected documents",
                 SCOPE_LIBRARY: "Whole library"}[scope]  # fmt: skip
        (button,) = [b for b in dialog.findChildren(QRadioButton) if b.text().replace("&", "").startswith(label)]
        button.click()  # as the user picks it
        assert dialog.scope() == scope
        return QDialog.DialogCode.Accepted

    target = tmp_path / "out"
    monkeypatch.setattr(QtExportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action.trigger()
    written = target.with_suffix(".json")
    payload = orjson.loads(written.read_bytes())
    jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker()).validate(payload)
    ids = [d["id"] for d in payload["documents"]]
    assert (
        ids == {SCOPE_DOCUMENT: [second], SCOPE_SELECTED: [first, second], SCOPE_LIBRARY: [first, second, third]}[scope]
    )
    doc = next(d for d in payload["documents"] if d["id"] == second)
    (annotation,) = doc["annotations"]
    assert annotation["quote"] == doc["text"][13:26] == "with evidence"
    assert annotation["note"] == "see <script>alert(1)</script>"
    assert not list(tmp_path.glob("*.part"))


def test_first_run_opens_the_default_library_with_the_sample(qtbot, data_dir, seed_text) -> None:
    from annotator.ui.app import run_gui

    seen: dict[str, object] = {}

    def look_and_close() -> None:
        window = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QtMainWindow) and w.isVisible())
        seen["title"] = window.session.document.title
        seen["text"] = window.pane.text
        seen["rows"] = window.documents_model.rowCount()
        window.close()

    QTimer.singleShot(200, look_and_close)
    assert run_gui() == 0
    assert (data_dir / "library.sqlite3").exists()
    assert seen["rows"] == 1
    assert seen["text"] == seed_text
    assert seen["title"] == seed_text.split("\n", 1)[0].strip()


def test_a_damaged_library_is_refused_with_a_message_and_left_alone(qtbot, tmp_path, messages) -> None:
    from annotator.ui.app import run_gui

    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)
    before = damaged.read_bytes()
    assert run_gui(database=str(damaged)) == 1
    assert damaged.read_bytes() == before
    assert "damaged" in messages[0][1]


def test_an_import_by_key_leaves_the_keyboard_in_the_new_text(qtbot, open_window, tmp_path, monkeypatch) -> None:
    chosen = tmp_path / "chosen.txt"
    chosen.write_text("Chosen by keyboard\nto tag at once.\n", encoding="utf-8")
    window = open_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(chosen)], ""))
    window.document_list.setFocus()
    qtbot.keyClick(window.document_list, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.session.document.title == "Chosen by keyboard"
    assert QApplication.focusWidget() is window.pane  # where the tag keys work


def test_importing_an_edited_file_again_adds_it_and_says_to_revise(
    open_window, tmp_path, monkeypatch, library_path
) -> None:
    edited = tmp_path / "notes.txt"
    edited.write_text("Field notes\nThe first text.\n", encoding="utf-8")
    window = open_window()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(edited)], ""))
    window.import_action.trigger()
    assert "already in the library" not in window.statusBar().currentMessage()
    edited.write_text("Field notes\nThe first text, edited.\n", encoding="utf-8")
    window.import_action.trigger()
    assert _document_titles(library_path) == ["Field notes", "Field notes"]  # nothing lost
    said = window.statusBar().currentMessage()
    assert said.startswith("Imported 1 new document")
    assert "“Field notes” is already in the library with different text" in said
    assert "Document › Replace text with a new version…" in said
