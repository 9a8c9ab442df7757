"""Tests (UI): importing a colleague's export of our documents: the summary to confirm (Enter
imports, Esc cancels, nothing written before), and the import as one undo step."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from annotator.services import Library, annotating, exporting, importing
from annotator.ui.qt_import_review import CHANGED, QtImportSummaryDialog
from tests.ui.conftest import stored_annotations

TEXT = "The vote passed narrowly on Tuesday 🗳.\nThe committee met again on Friday.\n"
BOBS = ("vote passed narrowly", "committee met")


def _colleague_export(library_path: Path, tmp_path: Path) -> tuple[str, Path]:
    """Our library with one document, and Bob's export of it (from his own library) with his two annotations."""
    source = tmp_path / "vote.txt"
    source.write_text(TEXT, encoding="utf-8")
    with Library.open(f"sqlite:///{library_path}") as ours:
        doc_id = importing.import_paths(ours, [source]).documents[0].id
        exporting.export_to_path(ours, tmp_path / "ours.json", format_id="json")
    with Library.open(f"sqlite:///{tmp_path / 'bob.sqlite3'}") as bobs:
        importing.import_paths(bobs, [tmp_path / "ours.json"])
        claim = bobs.tag_named("claim").id
        for quote in BOBS:
            start = TEXT.index(quote)
            annotating.create_annotation(
                bobs, document_id=doc_id, tag_id=claim, start=start, end=start + len(quote), coder="bob"
            )
        exporting.export_to_path(bobs, tmp_path / "bob.json", format_id="json")
    return doc_id, tmp_path / "bob.json"


class Answers:
    """The summary dialogs shown, each answered by the next key queued (Enter or Esc), as a person would."""

    def __init__(self) -> None:
        self.shown: list[QtImportSummaryDialog] = []
        self.keys: list[Qt.Key] = []

    def press(self, *keys: Qt.Key) -> None:
        self.keys.extend(keys)


@pytest.fixture
def dialogs(qtbot, monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()

    def answer(dialog: QtImportSummaryDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        answers.shown.append(dialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, answers.keys.pop(0))
        return dialog.result()

    monkeypatch.setattr(QtImportSummaryDialog, "exec", answer)
    return answers


def _import(window, monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    window.import_action.trigger()


def _bobs(library_path: Path, doc_id: str) -> list:
    return [a for a in stored_annotations(library_path, doc_id) if a.coder == "bob"]


def test_summary_by_keyboard_then_one_undo_step(
    qtbot, open_window, library_path, tmp_path, monkeypatch, dialogs, messages
) -> None:
    doc_id, export = _colleague_export(library_path, tmp_path)
    window = open_window()

    dialogs.press(Qt.Key.Key_Escape)
    _import(window, monkeypatch, export)
    [dialog] = dialogs.shown
    assert dialog.summary_label.text().splitlines()[0] == (
        "• annotations: 2 to add (2 placed, 0 placed for review, 0 orphaned), 0 unchanged (already there)"
    )
    assert "• coder bob: 2 to add" in dialog.summary_label.text()
    assert dialog.accessibleName() and dialog.import_button.accessibleName() == "Import"
    assert _bobs(library_path, doc_id) == []  # Esc: nothing written

    dialogs.press(Qt.Key.Key_Return)
    _import(window, monkeypatch, export)
    made = _bobs(library_path, doc_id)
    assert sorted(a.quote for a in made) == sorted(BOBS)
    assert window.session.document.id == doc_id
    assert {a.id for a in made} <= set(window.session.annotations)
    assert window.undo_action.text().startswith("&Undo Import 2 annotations by bob")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _bobs(library_path, doc_id) == []
    assert not {a.id for a in made} & set(window.session.annotations)
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert _bobs(library_path, doc_id) == made  # the very same: ids and times
    assert {a.id for a in made} <= set(window.session.annotations)
    assert messages == []


def test_undo_is_refused_in_one_line_after_another_program_edited_an_imported_annotation(
    qtbot, open_window, library_path, tmp_path, monkeypatch, dialogs, messages
) -> None:
    doc_id, export = _colleague_export(library_path, tmp_path)
    window = open_window()
    dialogs.press(Qt.Key.Key_Return)
    _import(window, monkeypatch, export)
    first = _bobs(library_path, doc_id)[0]
    with Library.open(f"sqlite:///{library_path}") as other:
        annotating.set_note(other, annotation_id=first.id, note="checked")

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    qtbot.waitUntil(lambda: bool(messages))
    [(kind, text)] = messages
    assert kind == "warning" and "edited since" in text and "not undone" in text and "\n" not in text
    assert len(_bobs(library_path, doc_id)) == 2


def test_a_library_changed_after_the_summary_is_shown_again_before_writing(
    qtbot, open_window, library_path, tmp_path, monkeypatch, dialogs
) -> None:
    doc_id, export = _colleague_export(library_path, tmp_path)
    window = open_window()
    original = QtImportSummaryDialog.exec

    def meanwhile(dialog: QtImportSummaryDialog) -> int:
        if not dialogs.shown:  # while the first summary is shown, another program imports the same file
            with Library.open(f"sqlite:///{library_path}") as other:
                importing.import_paths(other, [export])
        return original(dialog)

    monkeypatch.setattr(QtImportSummaryDialog, "exec", meanwhile)
    dialogs.press(Qt.Key.Key_Return, Qt.Key.Key_Escape)
    _import(window, monkeypatch, export)

    assert len(dialogs.shown) == 2
    second = dialogs.shown[1]
    assert CHANGED in [w.text() for w in second.findChildren(type(second.summary_label))]
    assert "annotations: 0 to add" in second.summary_label.text()
    assert len(_bobs(library_path, doc_id)) == 2  # once, by the other program


def test_a_plain_import_of_new_documents_asks_nothing(open_window, tmp_path, monkeypatch, dialogs) -> None:
    fresh = tmp_path / "fresh.txt"
    fresh.write_text("A new text.\n", encoding="utf-8")
    window = open_window()
    _import(window, monkeypatch, fresh)
    assert dialogs.shown == [] and window.session.document.title == "A new text."


def test_redo_puts_back_only_what_the_undo_took_not_one_another_program_deleted(
    qtbot, open_window, library_path, tmp_path, monkeypatch, dialogs, messages
) -> None:
    doc_id, export = _colleague_export(library_path, tmp_path)
    window = open_window()
    dialogs.press(Qt.Key.Key_Return)
    _import(window, monkeypatch, export)
    gone, kept = _bobs(library_path, doc_id)
    with Library.open(f"sqlite:///{library_path}") as other:
        annotating.delete_annotation(other, annotation_id=gone.id)

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _bobs(library_path, doc_id) == []
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)

    assert _bobs(library_path, doc_id) == [kept]
    assert messages == []
