"""Tests (UI): File › Import PDF highlights…: the colour → tag table to confirm (a tag changed
there is the tag written), highlights not placed listed, one undo step, and Cancel writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog

from annotator.services import Library
from annotator.ui.qt_pdf_highlights import QtPdfHighlightsDialog
from tests.formats.test_pdf_highlights import L1, L2, box, make_pdf

YELLOW, GREEN = "#ffff00", "#00ff00"


def _marked_pdf(tmp_path: Path) -> Path:
    """A PDF with a yellow highlight, a green one, and one on words the page does not have."""
    nowhere = [500.0, 100.0, 560.0, 100.0, 500.0, 90.0, 560.0, 90.0]
    pdf = tmp_path / "marked.pdf"
    pdf.write_bytes(
        make_pdf(
            [
                (
                    [L1, L2],
                    [
                        (box(L1, "brown fox"), "/Highlight", "ffff00", "", "Ann"),
                        (box(L2, "lazy dog"), "/Highlight", "00ff00", "", "Ann"),
                        (nowhere, "/Highlight", "00ff00", "", "Ann"),
                    ],
                )
            ]
        )
    )
    return pdf


def _stored(library_path: Path) -> tuple[str, list[tuple[str, str]]]:
    """The library's document text and its annotations as (tag name, quote), checking each quote's offsets."""
    with Library.open(f"sqlite:///{library_path}") as library:
        docs = library.documents()
        if not docs:
            return "", []
        text = library.text(docs[0].id)
        names = {t.id: t.name for t in library.tags()}
        found = []
        for a in library.annotations(docs[0].id):
            assert text[a.start : a.end] == a.quote
            found.append((names[a.tag_id], a.quote))
        return docs[0].id, sorted(found)


class Answers:
    """The dialogs shown, each answered by the next key queued (Enter or Esc) after green → speculation."""

    def __init__(self) -> None:
        self.shown: list[QtPdfHighlightsDialog] = []
        self.keys: list[Qt.Key] = []


@pytest.fixture
def dialogs(qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Answers:
    answers = Answers()
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(_marked_pdf(tmp_path))], ""))

    def answer(dialog: QtPdfHighlightsDialog) -> int:
        dialog.show()
        qtbot.waitExposed(dialog)
        answers.shown.append(dialog)
        combo = dialog.combos[GREEN]
        combo.setFocus()
        combo.setCurrentIndex(combo.findText("speculation"))  # what choosing in the list does
        qtbot.keyClick(combo, answers.keys.pop(0))
        return dialog.result()

    monkeypatch.setattr(QtPdfHighlightsDialog, "exec", answer)
    return answers


def test_import_with_a_changed_tag_is_one_undo_step_and_cancel_writes_nothing(
    qtbot, open_window, library_path, dialogs, messages
) -> None:
    window = open_window()
    assert "&highlights" in window.import_highlights_action.text()

    dialogs.keys.append(Qt.Key.Key_Escape)
    window.import_highlights_action.trigger()
    [dialog] = dialogs.shown
    assert dialog.chosen_table() == {YELLOW: "claim", GREEN: "speculation"}
    assert dialog.unplaced.count() == 1 and "marked.pdf" in dialog.unplaced.item(0).text()
    assert all(c.accessibleName() for c in dialog.findChildren(QComboBox))
    assert dialog.accessibleName() and dialog.import_button.accessibleName()
    assert _stored(library_path) == ("", [])  # Esc: nothing written, not even the document

    dialogs.keys.append(Qt.Key.Key_Return)
    window.import_highlights_action.trigger()
    doc_id, made = _stored(library_path)
    assert made == [("claim", "brown fox"), ("speculation", "lazy dog")]  # green as changed, not evidence
    assert window.session.document.id == doc_id
    assert window.undo_action.text().startswith("&Undo Import 2 PDF highlights")

    window.undo_action.trigger()
    assert _stored(library_path) == (doc_id, [])
    window.redo_action.trigger()
    assert _stored(library_path)[1] == made
    assert messages == []
