"""Tests (UI): File › Import Hypothesis or Zotero highlights…: the kind told by the file, the tag
table confirmed (a tag changed there is the tag written), one undo step, Cancel writes nothing,
and no open document is refused."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QLabel

from annotator.services import Library
from annotator.ui.qt_pdf_highlights import QtPdfHighlightsDialog

TEXT = "Intro 😀 the brown fox jumps.\nLater the lazy dog sleeps.\n"


def _utf16(index: int) -> int:
    return len(TEXT[:index].encode("utf-16-le")) // 2


def _hypothesis(tmp_path: Path) -> Path:
    """A placed annotation with their tag "fox", one with no place, and a page note."""
    start = TEXT.index("brown fox")
    selectors = [
        {"type": "TextQuoteSelector", "exact": "brown fox", "prefix": "the ", "suffix": " jumps"},
        {"type": "TextPositionSelector", "start": _utf16(start), "end": _utf16(start + len("brown fox"))},
    ]
    rows = [
        {"id": "a1", "user": "acct:ann@hypothes.is", "tags": ["fox"], "text": "", "target": [{"selector": selectors}]},
        {
            "id": "a2",
            "user": "acct:ann@hypothes.is",
            "tags": ["claim"],
            "target": [{"selector": [{"type": "TextQuoteSelector", "exact": "words this text lacks"}]}],
        },
        {"id": "p1", "user": "acct:ann@hypothes.is", "text": "a page note", "target": [{"source": "x"}]},
    ]
    path = tmp_path / "hypothesis.json"
    path.write_text(json.dumps({"rows": rows}), encoding="utf-8")
    return path


def _zotero(tmp_path: Path) -> Path:
    item = {"key": "Z1", "itemType": "annotation", "annotationType": "highlight"}
    path = tmp_path / "zotero.json"
    path.write_text(
        json.dumps([{**item, "annotationText": "lazy dog", "annotationColor": "#5fb236"}]), encoding="utf-8"
    )
    return path


class Answers:
    """The dialogs shown; each sets the combo *change* names to its tag, then gets the next key."""

    def __init__(self) -> None:
        self.shown: list[QtPdfHighlightsDialog] = []
        self.keys: list[Qt.Key] = []
        self.change: tuple[str, str] = ("", "")


@pytest.fixture
def dialogs(qtbot, monkeypatch: pytest.MonkeyPatch) -> Answers:
    answers = Answers()

    def answer(dialog: QtPdfHighlightsDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        answers.shown.append(dialog)
        theirs, ours = answers.change
        combo = dialog.combos[theirs]
        combo.setFocus()
        combo.setCurrentIndex(combo.findText(ours))
        qtbot.keyClick(combo, answers.keys.pop(0))
        return dialog.result()

    monkeypatch.setattr(QtPdfHighlightsDialog, "exec", answer)
    return answers


def _choose(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))


def _made(library_path: Path, doc_id: str) -> list[tuple[str, str, str]]:
    """(tag, quote, note) of the stored annotations; each quote is checked against the text's offsets."""
    with Library.open(f"sqlite:///{library_path}") as library:
        text, names = library.text(doc_id), {t.id: t.name for t in library.tags()}
        made = library.annotations(doc_id)
    assert all(text[a.start : a.end] == a.quote for a in made)
    return sorted((names[a.tag_id], a.quote, a.note) for a in made)


def test_hypothesis_tags_are_mapped_undone_in_one_step_and_cancel_writes_nothing(
    qtbot, open_window, import_text: Callable[..., str], library_path, tmp_path, dialogs, monkeypatch, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    window.open_document(doc_id)
    _choose(monkeypatch, _hypothesis(tmp_path))
    dialogs.change = ("fox", "evidence")

    dialogs.keys.append(Qt.Key.Key_Escape)
    window.import_web_highlights_action.trigger()
    [dialog] = dialogs.shown
    assert "Hypothesis" in dialog.windowTitle()
    assert dialog.chosen_table() == {"fox": "evidence"}
    assert dialog.unplaced.count() == 1 and "words this text lacks" in dialog.unplaced.item(0).text()
    assert any("1 page note" in label.text() for label in dialog.findChildren(QLabel))
    assert all(c.accessibleName() for c in dialog.findChildren(QComboBox))
    assert _made(library_path, doc_id) == []

    dialogs.keys.append(Qt.Key.Key_Return)
    window.import_web_highlights_action.trigger()
    assert _made(library_path, doc_id) == [("evidence", "brown fox", "")]
    assert "1" in window.statusBar().currentMessage()

    window.undo_action.trigger()
    assert _made(library_path, doc_id) == []
    assert messages == []


def test_zotero_is_told_by_its_shape_and_its_colour_gets_the_chosen_tag(
    qtbot, open_window, import_text: Callable[..., str], library_path, tmp_path, dialogs, monkeypatch, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    window.open_document(doc_id)
    _choose(monkeypatch, _zotero(tmp_path))
    dialogs.change = ("#5fb236", "speculation")
    dialogs.keys.append(Qt.Key.Key_Return)
    window.import_web_highlights_action.trigger()
    [dialog] = dialogs.shown
    assert "Zotero" in dialog.windowTitle() and dialog.unplaced.count() == 0
    assert _made(library_path, doc_id) == [("speculation", "lazy dog", "")]
    window.undo_action.trigger()
    assert _made(library_path, doc_id) == []
    assert messages == []


def test_without_an_open_document_the_import_is_refused_in_the_status_bar(
    qtbot, open_window, monkeypatch, dialogs
) -> None:
    window = open_window()
    asked: list[object] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: asked.append(a) or ("", ""))
    window.import_web_highlights_action.trigger()
    assert asked == [] and dialogs.shown == []
    assert "Open the document" in window.statusBar().currentMessage()
