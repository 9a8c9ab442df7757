"""Tests (UI): the Word frequencies view, driven by keys: Ctrl+Shift+W opens it and counts in a
worker thread, the rows are the service's, stop words, minimum length, top N and scope count
again, Enter on a word lists exactly the occurrences it counts and Enter on one selects its
code points (after an emoji), Copy and Export… write the rows, only a changed text makes the
table stale, and every control is named and reached by Tab."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from annotator.services import Library, sets
from annotator.services.annotating import create_annotation
from annotator.services.frequencies import keyword_in_context, word_frequencies
from annotator.services.revising import revise_document
from annotator.services.searching import Scope
from annotator.ui.qt_frequencies import language_label
from annotator.ui.qt_table_panel import STALE
from annotator.ui.qt_table_tools import FILTERS
from tests.ui.conftest import wait_letting_threads_run

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

TEXT = "👩‍🔬 Straße and STRASSE: well-being is well. Well, the 🧪 data are in.\n\nThe end of the well.\n"
OTHER = "Nothing about streets here; the rest is well.\n"


def _library(library_path: Path) -> Library:
    return Library.open(f"sqlite:///{library_path}")


@pytest.fixture
def texts(import_text, library_path: Path) -> tuple[str, str]:
    first = import_text(TEXT)
    second = import_text(OTHER, "other.txt")
    with _library(library_path) as library:
        sets.add_to_set(library, name="Course", document_ids=[second])
    return first, second


def _open(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_W, CTRL_SHIFT)
    panel = window.frequencies.panel
    assert window.frequencies.in_front and panel.view.hasFocus()
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    return panel


def _rows(panel) -> list[tuple[str, int, int]]:  # type: ignore[no-untyped-def]
    """The rows as the view shows them."""
    model = panel.view.model()
    return [
        (model.index(r, 0).data(), int(model.index(r, 1).data()), int(model.index(r, 2).data()))
        for r in range(model.rowCount())
    ]


def _row_of(panel, word: str) -> int:  # type: ignore[no-untyped-def]
    return [h.label for h in panel.model.table.rows].index(word)


def test_ctrl_shift_w_counts_and_enter_on_a_word_lists_it_in_context_and_jumps(
    qtbot, open_window, texts, library_path: Path
) -> None:
    first, _ = texts
    window = open_window()
    panel = _open(qtbot, window)
    with _library(library_path) as library:
        wanted = word_frequencies(library)
    assert panel.model.table == wanted
    assert _rows(panel) == [(h.label, *cells) for h, cells in zip(wanted.rows, wanted.cells, strict=True)]
    assert ("strasse", 2, 1) in _rows(panel) and ("well", 4, 2) in _rows(panel)  # not inside well-being
    view = panel.view
    view.setFocus()
    view.setCurrentIndex(panel.model.index(_row_of(panel, "strasse"), 1))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    with _library(library_path) as library:
        found = list(keyword_in_context(library, "strasse"))
    shown = panel.kwic_model.documents
    assert [(d.document_id, d.sha256, [(h.start, h.end) for h in d.hits]) for d in shown] == [
        (w.document_id, w.sha256, [(h.start, h.end) for h in w.hits]) for w in found
    ]
    assert [h.match for h in shown[0].hits] == ["Straße", "STRASSE"]
    assert panel.status_label.text() == "“strasse”: 2 occurrences in 1 document."
    kwic = panel.kwic_view
    assert kwic.hasFocus()
    qtbot.keyClick(kwic, Qt.Key.Key_Down)  # the second occurrence
    hit = panel.kwic_model.hit_at(kwic.currentIndex())
    assert hit is not None and hit.document_id == first
    window.pane.clear_selection()
    qtbot.keyClick(kwic, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (hit.start, hit.end)
    assert TEXT[hit.start : hit.end] == "STRASSE" and hit.start == TEXT.index("STRASSE")  # code points, not UTF-16


def test_stop_words_length_top_and_scope_count_again(qtbot, open_window, texts, library_path: Path) -> None:
    window = open_window()
    panel = _open(qtbot, window)

    def same_as(**chosen) -> None:  # type: ignore[no-untyped-def]
        with _library(library_path) as library:
            wanted = word_frequencies(library, **chosen)
        assert wanted != panel.model.table  # each change changes the rows here: counted again
        qtbot.waitUntil(lambda: not panel.running and panel.model.table == wanted)

    qtbot.keyClick(panel.view, Qt.Key.Key_J, Qt.KeyboardModifier.AltModifier)
    assert panel.language_box.hasFocus() and panel.language_box.currentText() == "none"
    panel.language_box.setCurrentIndex(panel.language_box.findText(language_label("en")))
    assert language_label("en") == "English (en)"
    same_as(stopwords="en")
    qtbot.keyClick(panel.language_box, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert panel.min_length_box.hasFocus()
    panel.min_length_box.lineEdit().selectAll()
    qtbot.keyClicks(panel.min_length_box, "5")
    qtbot.keyClick(panel.min_length_box, Qt.Key.Key_Return)
    same_as(stopwords="en", min_length=5)
    qtbot.keyClick(panel.min_length_box, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)
    assert panel.top_box.hasFocus() and panel.top_box.text() == "all"
    panel.top_box.lineEdit().selectAll()
    qtbot.keyClicks(panel.top_box, "2")
    qtbot.keyClick(panel.top_box, Qt.Key.Key_Return)
    same_as(stopwords="en", min_length=5, top=2)
    panel.scope.scope_box.setCurrentIndex(panel.scope.scope_box.findText("Set: Course"))
    same_as(stopwords="en", min_length=5, top=2, scope=Scope(set_name="Course"))
    # In context: in the documents counted (the set), not the whole library.
    panel.top_box.setValue(0)
    panel.language_box.setCurrentIndex(0)
    panel.min_length_box.setValue(1)
    same_as(scope=Scope(set_name="Course"))
    panel.view.setCurrentIndex(panel.model.index(_row_of(panel, "well"), 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    _, second = texts
    assert [d.document_id for d in panel.kwic_model.documents] == [second] and panel.kwic_model.hit_count == 1


def test_copy_and_export_write_the_rows(qtbot, open_window, texts, tmp_path: Path, monkeypatch) -> None:
    window = open_window()
    panel = _open(qtbot, window)
    table = panel.model.table
    panel.view.clearSelection()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert rows[0] == ["word", "count", "documents"]
    assert [(r[0], int(r[1]), int(r[2])) for r in rows[1:]] == [
        (h.label, *cells) for h, cells in zip(table.rows, table.cells, strict=True)
    ]
    target = tmp_path / "words.json"
    label = next(k for k, v in FILTERS.items() if v == "json")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), label))
    qtbot.mouseClick(panel.tools.export_button, Qt.MouseButton.LeftButton)
    import orjson

    assert orjson.loads(target.read_bytes()) == [
        {"word": h.label, "count": c, "documents": d} for h, (c, d) in zip(table.rows, table.cells, strict=True)
    ]
    panel.view.setCurrentIndex(panel.model.index(_row_of(panel, "well"), 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    panel.kwic_view.clearSelection()
    qtbot.keyClick(panel.kwic_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert rows[0] == ["document", "title", "start", "end", "before", "match", "after"]  # a row per hit
    assert [r[5] for r in rows[1:]] == ["well", "Well", "well", "well"]
    texts_by_id = dict(zip(texts, (TEXT, OTHER), strict=True))
    assert all(texts_by_id[r[0]][int(r[2]) : int(r[3])] == r[5] for r in rows[1:])


def test_only_a_changed_text_makes_the_table_stale(qtbot, open_window, texts, library_path: Path) -> None:
    first, _ = texts
    window = open_window()
    panel = _open(qtbot, window)
    with _library(library_path) as library:  # another program codes a span: no word changed
        tag_id = library.tags()[0].id
        create_annotation(library, document_id=first, tag_id=tag_id, start=0, end=3)
    window.watcher.poll()
    assert not panel.stale and panel.status_label.text() != STALE
    with _library(library_path) as library:
        revise_document(library, document_id=first, new_text="Inserted words first. " + TEXT)
    window.watcher.poll()
    assert panel.stale and panel.status_label.text() == STALE
    qtbot.keyClick(panel.view, Qt.Key.Key_F5)
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    with _library(library_path) as library:
        assert panel.model.table == word_frequencies(library) and not panel.stale


def test_every_control_is_named_and_reached_by_tab_and_nothing_is_coloured(qtbot, open_window, texts) -> None:
    window = open_window()
    panel = _open(qtbot, window)
    panel._show_running(True)
    QApplication.processEvents()
    panel.language_box.setFocus()
    reached: list[QWidget] = []
    widget = QApplication.focusWidget()
    for _ in range(20):
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
    interactive = [panel.language_box, panel.min_length_box, panel.top_box,
                   panel.scope.scope_box, panel.run_button, panel.view, panel.kwic_view, panel.cancel_button,
                   panel.tools.copy_button, panel.tools.export_button, panel.kwic_tools.copy_button,
                   panel.kwic_tools.export_button]  # fmt: skip
    assert all(w in reached for w in interactive), [w.accessibleName() for w in interactive if w not in reached]
    for child in panel.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus and child.isVisibleTo(panel):
            assert child.accessibleName(), child
    panel._show_running(False)
    model = panel.view.model()
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
                assert model.index(row, column).data(role) is None  # the palette's own, light or dark
