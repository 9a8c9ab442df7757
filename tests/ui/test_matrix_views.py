"""Tests (UI): the Co-occurrence and Documents × tags views, driven by keys: the shortcut opens a
view and counts in a worker thread, the cells are the service's, options count again, Enter on a
cell lists the segments behind it and Enter on one selects its exact code points (after an
emoji), Copy and Export… write the numbers, the table is marked stale when another program
changes the library, every control is named and reached by Tab, and the shading reads in a dark
palette."""

from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLabel, QWidget

from annotator.core import matrices as m
from annotator.services import Library, attributes, sets
from annotator.services.annotating import create_annotation
from annotator.services.codebook import create_tag
from annotator.services.matrices import cooccurrence_matrix, cooccurrence_pairs, document_matrix, document_segments
from annotator.services.revising import revise_document
from annotator.services.searching import Scope
from annotator.ui.qt_table_panel import STALE
from annotator.ui.qt_table_tools import FILTERS
from tests.ui.conftest import wait_letting_threads_run

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier

TEXT = (
    "👩‍🔬 The study claims a cure 🧪 for colds. Its data show it well.\n\n"
    "A second claim 🎉 stands alone. Evidence follows later.\n"
)
OTHER = "Another claim, elsewhere. Some evidence for it.\n"


def _library(library_path: Path) -> Library:
    return Library.open(f"sqlite:///{library_path}")


def _code(library_path: Path, document_id: str, text: str, tag: str, quote: str, coder: str) -> str:
    with _library(library_path) as library:
        tag_id = next(t.id for t in library.tags() if t.name == tag)
        start = text.index(quote)
        made = create_annotation(
            library, document_id=document_id, tag_id=tag_id, start=start, end=start + len(quote), coder=coder
        )
        return made.annotations_created[0].id


@pytest.fixture
def coded(import_text, library_path: Path) -> tuple[str, str]:
    """Two documents: claims and evidence by ada (one overlapping pair after an emoji, one more pair
    in a sentence, one in a paragraph), bo's evidence,
    a child tag of claim; the second document in a set and with an attribute value."""
    first = import_text(TEXT)
    second = import_text(OTHER, "other.txt")
    with _library(library_path) as library:
        claim = next(t.id for t in library.tags() if t.name == "claim")
        create_tag(library, name="strong", parent_id=claim)
        sets.add_to_set(library, name="Course", document_ids=[second])
        attributes.define_attribute(library, name="Genre", kind="text")
        attributes.set_attributes(library, document_id=first, values={"Genre": "Feature story"})
    _code(library_path, first, TEXT, "claim", "study claims a cure 🧪", "ada")
    _code(library_path, first, TEXT, "evidence", "cure 🧪 for", "ada")
    _code(library_path, first, TEXT, "evidence", "colds", "ada")  # in the claim's sentence, not overlapping it
    _code(library_path, first, TEXT, "evidence", "data show it", "bo")
    _code(library_path, first, TEXT, "strong", "second claim 🎉 stands", "ada")
    _code(library_path, first, TEXT, "evidence", "Evidence follows", "ada")
    _code(library_path, second, OTHER, "claim", "Another claim", "ada")
    _code(library_path, second, OTHER, "evidence", "Some evidence", "ada")
    return first, second


def _open(qtbot, window, key: Qt.Key, dock):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, key, CTRL_SHIFT)
    assert dock.isVisible() and dock.panel.view.hasFocus()
    assert wait_letting_threads_run(lambda: not dock.panel.running, 10)
    return dock.panel


def _wait(panel) -> None:  # type: ignore[no-untyped-def]
    assert wait_letting_threads_run(lambda: not panel.running, 10)


def _shown_cells(panel) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """The numbers as the view shows them (display text, read from the model)."""
    model = panel.view.model()
    return [
        [int(model.index(r, c).data().replace(",", "")) for c in range(1, model.columnCount())]
        for r in range(model.rowCount())
    ]


def _labels(panel) -> list[str]:  # type: ignore[no-untyped-def]
    model = panel.view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def _go_to(qtbot, view, row: int, column: int) -> None:  # type: ignore[no-untyped-def]
    """Move the current cell there with the arrow keys, from the top left."""
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    for _ in range(row):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    for _ in range(column):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert (view.currentIndex().row(), view.currentIndex().column()) == (row, column)


def test_ctrl_shift_o_counts_and_a_cell_lists_its_pairs_and_enter_selects_the_exact_span(
    qtbot, open_window, coded, library_path: Path
) -> None:
    first, _ = coded
    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_O, window.cooccurrence)
    with _library(library_path) as library:
        wanted = cooccurrence_matrix(library)
    assert panel.model.table == wanted
    assert _labels(panel) == [h.label for h in wanted.rows] == ["claim", "claim/strong", "evidence", "speculation"]
    assert _shown_cells(panel) == [list(row) for row in wanted.cells]
    assert wanted.cells[0][2] == 1  # claim × evidence: ada's two that overlap after the emoji (bo's is apart)
    _go_to(qtbot, panel.view, 0, 3)  # claim × evidence (column 0 is the label)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    _wait(panel)
    with _library(library_path) as library:
        behind = cooccurrence_pairs(library, wanted.rows[0].id, wanted.columns[2].id)
    ids = list(dict.fromkeys(s.annotation_id for pair in behind.pairs for s in pair))
    assert [s.annotation_id for s in panel.segments_model.segments] == ids
    assert len(behind.pairs) == wanted.cells[0][2]
    pairs, segments = len(behind.pairs), len(ids)
    said = f"{pairs} pair{'s' * (pairs != 1)} of {segments} segment{'s' * (segments != 1)}:"
    assert panel.status_label.text().startswith(said)
    view = panel.segments_view
    assert view.hasFocus() and view.currentIndex().row() == 0
    segment = panel.segments_model.segments[0]
    assert segment.document_id == first and segment.sha256 == behind.sha256[first]
    window.pane.clear_selection()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (segment.start, segment.end)
    assert TEXT[segment.start : segment.end] == segment.quote == "study claims a cure 🧪"
    assert window.pane.hasFocus()


def test_the_options_count_again_as_the_service_counts(qtbot, open_window, coded, library_path: Path) -> None:
    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_O, window.cooccurrence)

    def same_as(**chosen) -> None:  # type: ignore[no-untyped-def]
        with _library(library_path) as library:
            wanted = cooccurrence_matrix(library, **chosen)
        assert wanted != panel.model.table  # each option changes the numbers here: counted again, not left
        qtbot.waitUntil(lambda: not panel.running and panel.model.table == wanted)  # a mnemonic clicks a moment later
        assert panel.counted_settings is not None and panel.counted_settings["scope"] == chosen.get("scope", Scope())

    qtbot.keyClick(panel.view, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Together by
    assert panel.within_box.hasFocus()
    qtbot.keyClick(panel.within_box, Qt.Key.Key_Down)  # sentence
    same_as(within=m.SENTENCE)
    qtbot.keyClick(panel.within_box, Qt.Key.Key_End)  # document
    same_as(within=m.DOCUMENT)
    qtbot.keyClick(panel.within_box, Qt.Key.Key_G, Qt.KeyboardModifier.AltModifier)  # Subtags off
    same_as(within=m.DOCUMENT, subtags=False)
    panel.coder.coder_box.setCurrentIndex(panel.coder.coder_box.findText("bo"))
    same_as(within=m.DOCUMENT, subtags=False, coders=["bo"])
    panel.coder.coder_box.setCurrentIndex(0)
    panel.scope.scope_box.setCurrentIndex(panel.scope.scope_box.findText("Set: Course"))
    same_as(within=m.DOCUMENT, subtags=False, scope=Scope(set_name="Course"))
    panel.scope.scope_box.setCurrentIndex(panel.scope.scope_box.findText("Attribute: Genre"))
    assert panel.scope.value_edit.isEnabled()
    panel.scope.value_edit.setText("feature")
    qtbot.keyClick(panel.scope.value_edit, Qt.Key.Key_Return)
    same_as(within=m.DOCUMENT, subtags=False, scope=Scope(where=(("Genre", "feature"),)))
    panel.scope.scope_box.setCurrentIndex(panel.scope.scope_box.findText("Documents selected in the library"))
    window.document_list.clearSelection()
    qtbot.keyClick(panel.view, Qt.Key.Key_F5)
    assert "select some documents" in panel.status_label.text() and not panel.running


def test_ctrl_shift_d_measures_and_a_cell_opens_its_segments(qtbot, open_window, coded, library_path: Path) -> None:
    first, second = coded
    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_D, window.document_matrix)
    with _library(library_path) as library:
        assert panel.model.table == document_matrix(library)
    qtbot.keyClick(panel.view, Qt.Key.Key_K, Qt.KeyboardModifier.AltModifier)  # Cell kind
    assert panel.measure_box.hasFocus()
    qtbot.keyClick(panel.measure_box, Qt.Key.Key_End)  # characters
    _wait(panel)
    with _library(library_path) as library:
        wanted = document_matrix(library, measure=m.CHARACTERS)
    assert panel.model.table == wanted and _shown_cells(panel) == [list(r) for r in wanted.cells]
    assert [h.id for h in wanted.rows] == [first, second]
    # the first document's evidence: four spans, by two coders
    _go_to(qtbot, panel.view, 0, 3)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    _wait(panel)
    with _library(library_path) as library:
        behind = document_segments(library, first, wanted.columns[2].id)
    assert [s.annotation_id for s in panel.segments_model.segments] == [s.annotation_id for s in behind.segments]
    assert [s.quote for s in panel.segments_model.segments] == [
        "cure 🧪 for", "colds", "data show it", "Evidence follows"
    ]  # fmt: skip
    view = panel.segments_view
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    segment = panel.segments_model.segments[2]
    window.pane.clear_selection()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (segment.start, segment.end) == (
        TEXT.index("data show it"), TEXT.index("data show it") + len("data show it")
    )  # fmt: skip


def test_copy_and_export_write_the_numbers_and_the_segments(
    qtbot, open_window, coded, tmp_path: Path, library_path: Path, monkeypatch
) -> None:
    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_O, window.cooccurrence)
    table = panel.model.table
    panel.view.clearSelection()
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert rows[0] == ["tag"] + [h.label for h in table.columns]
    assert [[int(n) for n in row[1:]] for row in rows[1:]] == [list(r) for r in table.cells]
    labels = {v: k for k, v in FILTERS.items()}
    for format_id in ("csv", "xlsx"):
        target = tmp_path / f"matrix.{format_id}"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, _t=target, _f=format_id: (str(_t), labels[_f]))
        qtbot.mouseClick(panel.tools.export_button, Qt.MouseButton.LeftButton)
        if format_id == "csv":
            read = list(csv.reader(io.StringIO(target.read_text("utf-8"), newline="")))
        else:
            read = [[c.value for c in row] for row in load_workbook(target).worksheets[0].iter_rows()]
        assert read[0] == ["tag"] + [h.label for h in table.columns]
        assert [[int(n) for n in row[1:]] for row in read[1:]] == [list(r) for r in table.cells]
        assert [row[0] for row in read[1:]] == [h.label for h in table.rows]
    _go_to(qtbot, panel.view, 0, 3)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    _wait(panel)
    quotes = [s.quote for s in panel.segments_model.segments]
    target = tmp_path / "segments.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), labels["csv"]))
    panel.segments_tools.export()
    read = list(csv.reader(io.StringIO(target.read_text("utf-8"), newline="")))
    assert read[0][:8] == ["document", "title", "annotation", "tag", "start", "end", "coder", "quote"]
    assert [row[7] for row in read[1:]] == quotes
    qtbot.keyClick(panel.segments_view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert rows[0] == ["Document", "Tag", "Quote", "Note", "Coder"]  # the hidden context columns left out


def test_the_table_is_marked_stale_and_a_revised_text_is_refused(qtbot, open_window, coded, library_path: Path) -> None:
    first, _ = coded
    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_O, window.cooccurrence)
    _go_to(qtbot, panel.view, 0, 3)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    _wait(panel)
    assert not panel.stale
    _code(library_path, first, TEXT, "speculation", "Its data", "ada")  # another program
    window.watcher.poll()
    assert panel.stale and panel.status_label.text() == STALE
    qtbot.keyClick(panel.view, Qt.Key.Key_F5)
    _wait(panel)
    assert not panel.stale
    with _library(library_path) as library:
        assert panel.model.table == cooccurrence_matrix(library)
        revise_document(library, document_id=first, new_text="Inserted first. " + TEXT)
    window.watcher.poll()
    assert panel.stale
    _go_to(qtbot, panel.view, 0, 3)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # read now: the revised text's places
    _wait(panel)
    segment = panel.segments_model.segments[0]
    window.pane.clear_selection()
    qtbot.keyClick(panel.segments_view, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (segment.start, segment.end)
    assert window.pane.text[segment.start : segment.end] == segment.quote
    with _library(library_path) as library:
        revise_document(library, document_id=first, new_text="Again. Inserted first. " + TEXT)
    window.watcher.poll()
    window.pane.clear_selection()
    panel.segments_view.setFocus()
    qtbot.keyClick(panel.segments_view, Qt.Key.Key_Return)  # its offsets point into the text before
    assert "changed since" in window.statusBar().currentMessage()
    assert window.pane.selected_span() is None


@pytest.mark.parametrize("key", [Qt.Key.Key_O, Qt.Key.Key_D])
def test_every_control_is_named_and_reached_by_tab(qtbot, open_window, coded, key: Qt.Key) -> None:
    window = open_window()
    dock = window.cooccurrence if key == Qt.Key.Key_O else window.document_matrix
    panel = _open(qtbot, window, key, dock)
    panel._show_running(True)  # the Cancel button too
    QApplication.processEvents()
    own = panel.within_box if key == Qt.Key.Key_O else panel.measure_box
    qtbot.keyClick(panel.view, Qt.Key.Key_Backtab)  # from the table back to the options
    assert panel.run_button.hasFocus()
    own.setFocus()
    reached: list[QWidget] = []
    widget = QApplication.focusWidget()
    for _ in range(20):
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
    interactive = [own, panel.subtags_box, panel.coder.coder_box, panel.scope.scope_box, panel.run_button,
                   panel.view, panel.segments_view, panel.cancel_button, panel.tools.copy_button,
                   panel.tools.export_button, panel.segments_tools.copy_button,
                   panel.segments_tools.export_button]  # fmt: skip
    assert all(w in reached for w in interactive), [w.accessibleName() for w in interactive if w not in reached]
    for child in panel.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus and child.isVisibleTo(panel):
            assert child.accessibleName(), child
    panel._show_running(False)
    # View › the entry, and the shortcut again: behind another tab it comes to the front, in front it hides.
    assert dock.toggle_action in window.menuBar().actions()[3].menu().actions()
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: not dock.in_front and not window.retrieval.visibleRegion().isEmpty())  # its tab in front
    assert dock in window.tabifiedDockWidgets(window.retrieval) and dock.visibleRegion().isEmpty()
    assert dock.toggle_action.isChecked() and not dock.isHidden()
    qtbot.keyClick(window, key, CTRL_SHIFT)
    qtbot.waitUntil(lambda: dock.in_front and window.retrieval.visibleRegion().isEmpty())
    assert panel.view.hasFocus()
    qtbot.keyClick(window, key, CTRL_SHIFT)
    assert dock.isHidden() and not dock.toggle_action.isChecked()


def _contrast(a: QColor, b: QColor) -> float:
    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        r, g, b_ = (channel(x) for x in c.getRgbF()[:3])
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_heat_and_the_dim_zeros_read_in_light_and_dark_palettes(qtbot, open_window, coded) -> None:
    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_O, window.cooccurrence)
    panel.within_box.setCurrentIndex(panel.within_box.findData(m.DOCUMENT))  # larger numbers
    _wait(panel)
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.Text, "#e8e8e8"),
                         (QPalette.ColorRole.Highlight, "#3d7ad6"), (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
                         (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.WindowText, "#e8e8e8")):  # fmt: skip
        dark.setColor(role, QColor(colour))
    model = panel.view.model()
    cells = panel.model.table.cells
    numbers = [(r, c, v) for r, row in enumerate(cells) for c, v in enumerate(row)]
    assert {v for *_, v in numbers} >= {0, 1} and max(v for *_, v in numbers) > 1  # dim, faint and full cells
    try:
        for palette in (light, dark):
            app.setPalette(palette)
            shades = set()
            for r, c, value in numbers:
                index = model.index(r, c + 1)
                background = index.data(Qt.ItemDataRole.BackgroundRole)
                if value == 0:
                    assert background is None
                    assert index.data(Qt.ItemDataRole.ForegroundRole).color() == palette.color(
                        QPalette.ColorRole.PlaceholderText
                    )  # fmt: skip
                    continue
                assert index.data(Qt.ItemDataRole.ForegroundRole) is None  # the palette's text
                assert _contrast(palette.color(QPalette.ColorRole.Text), background) >= 4.5, (value, background.name())
                shades.add((value, background.name()))
            assert len({name for _, name in shades}) == len({value for value, _ in shades})  # more is darker or lighter
    finally:
        app.setPalette(light)


def test_counting_runs_off_the_gui_thread_and_esc_cancels_it_keeping_the_table(
    qtbot, open_window, coded, monkeypatch
) -> None:
    from annotator.services.progress import Cancelled, report
    from annotator.ui import qt_matrices

    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_O, window.cooccurrence)
    kept = panel.model.table
    started, stopped = threading.Event(), threading.Event()
    threads: list[str] = []

    def slow(_library, *, progress, **_settings):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread().name)
        started.set()
        try:
            for done in range(1_000_000):  # a library that takes a while, until cancelled
                report(progress, done, 1_000_000)
                started.wait(0.001)
        except Cancelled:
            stopped.set()
            raise
        return kept

    monkeypatch.setattr(qt_matrices.matrices, "cooccurrence_matrix", slow)
    qtbot.keyClick(panel.view, Qt.Key.Key_F5)
    assert wait_letting_threads_run(lambda: started.is_set() and panel.progress_bar.value() > 0, 10)
    assert panel.running and panel.progress_bar.isVisible() and panel.cancel_button.isVisible()
    assert threads and threads[0] != threading.main_thread().name
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert not panel.running and not panel.progress_bar.isVisible()
    assert wait_letting_threads_run(stopped.is_set, 10)  # the worker heard it and stopped
    QApplication.processEvents()
    assert panel.model.table == kept and panel.status_label.text().startswith("Cancelled")


def _mnemonic(text: str) -> str:
    """The letter Alt takes to a label, button or menu with this text ("" for none)."""
    text = text.replace("&&", "")
    at = text.find("&")
    return text[at + 1].lower() if 0 <= at < len(text) - 1 else ""


def _text(widget: QWidget) -> str:
    return widget.text() if isinstance(widget, QLabel | QAbstractButton) else ""


@pytest.mark.parametrize("key", [Qt.Key.Key_O, Qt.Key.Key_D, Qt.Key.Key_W])
def test_the_views_mnemonics_clash_with_nothing_shown_and_the_find_bar_keys_work(
    qtbot, open_window, coded, key: Qt.Key
) -> None:
    window = open_window()
    dock = {Qt.Key.Key_O: window.cooccurrence, Qt.Key.Key_D: window.document_matrix,
            Qt.Key.Key_W: window.frequencies}[key]  # fmt: skip
    _open(qtbot, window, key, dock)
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    taken = {_mnemonic(a.text()) for a in window.menuBar().actions()} | {"c", "w", "r", "l", "a"}  # the find bar's
    for widget in window.findChildren(QWidget):
        if widget.isVisible() and not dock.isAncestorOf(widget):
            taken.add(_mnemonic(_text(widget)))
    # The view's Alt keys are its own (acting where the focus is), not window-wide mnemonics.
    assert not [w for w in dock.findChildren(QWidget) if _mnemonic(_text(w))]
    own = [a.shortcut().toString() for a in dock.panel.actions() if a.shortcut().toString().startswith("Alt+")]
    assert len(own) >= 4 and len(own) == len(set(own)), own
    assert all(a.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut for a in dock.panel.actions())
    for switch, box in ((Qt.Key.Key_R, bar.options.regex_box), (Qt.Key.Key_C, bar.options.case_box), (Qt.Key.Key_L, bar.options.loose_box),
                        (Qt.Key.Key_W, bar.options.word_box)):  # fmt: skip
        qtbot.keyClick(bar.edit, switch, Qt.KeyboardModifier.AltModifier)
        assert box.isChecked(), switch


def test_the_views_open_in_one_set_of_tabs_with_retrieved_segments(qtbot, open_window, coded) -> None:
    window = open_window()
    docks = [window.cooccurrence, window.document_matrix, window.frequencies]
    for key, dock in zip((Qt.Key.Key_O, Qt.Key.Key_D, Qt.Key.Key_W), docks, strict=True):
        _open(qtbot, window, key, dock)
    qtbot.keyClick(window, Qt.Key.Key_R, CTRL_SHIFT)
    qtbot.waitUntil(lambda: not window.retrieval.visibleRegion().isEmpty())
    assert set(window.tabifiedDockWidgets(window.retrieval)) == set(docks)
    assert not any(d.in_front for d in docks)  # one view in front: no two views' Alt keys at once
    qtbot.keyClick(window, Qt.Key.Key_D, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.document_matrix.in_front)
    assert [d.in_front for d in docks] == [False, True, False]


def test_a_cell_is_not_opened_while_a_new_table_is_counted_which_goes_on(
    qtbot, open_window, coded, monkeypatch
) -> None:
    from annotator.services.progress import report
    from annotator.ui import qt_matrices

    window = open_window()
    panel = _open(qtbot, window, Qt.Key.Key_O, window.cooccurrence)
    real, release = qt_matrices.matrices.cooccurrence_matrix, threading.Event()

    def slow(library, *, progress, **settings):  # type: ignore[no-untyped-def]
        while not release.wait(0.005):
            report(progress, 0, 1)
        return real(library, progress=progress, **settings)

    monkeypatch.setattr(qt_matrices.matrices, "cooccurrence_matrix", slow)
    qtbot.keyClick(panel.view, Qt.Key.Key_F5)  # counting again
    assert panel.running
    _go_to(qtbot, panel.view, 0, 1)
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert panel.running and panel.status_label.text().startswith("Still counting")
    release.set()
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    QApplication.processEvents()
    assert panel.counted_settings is not None and not panel.stale
