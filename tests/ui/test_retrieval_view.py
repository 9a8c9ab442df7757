"""Tests (UI): the Retrieved segments view, driven by keys: Ctrl+Shift+R opens it, a typed query
runs in a worker thread, the rows are retrieve()'s, Enter jumps to the exact span, every export
format is written and read back, Ctrl+C copies tab-separated text, a bad query is one line, the
rows are marked stale when the library changes, and a revised text is refused, not selected."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import orjson
import pytest
from lxml import html as lxml_html
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from annotator.services import Library
from annotator.services.annotating import create_annotation
from annotator.services.retrieving import retrieve
from annotator.services.revising import revise_document
from annotator.ui.qt_retrieval import STALE, QtSegmentsModel
from annotator.ui.qt_table_tools import FILTERS
from tests.ui.conftest import context_menu_by_keyboard, wait_letting_threads_run

TEXT = (
    "👩‍🔬 The =cmd study claims a cure | maybe. Its data <b>show</b> it well.\n\n"
    "A second claim stands alone.\tTabbed evidence\nfollows here.\n"
)


def _code(library_path: Path, document_id: str, tag: str, quote: str, *, coder: str = "", note: str = "") -> None:
    with Library.open(f"sqlite:///{library_path}") as library:
        tag_id = next(t.id for t in library.tags() if t.name == tag)
        start = TEXT.index(quote)
        create_annotation(
            library, document_id=document_id, tag_id=tag_id, start=start, end=start + len(quote), coder=coder,
            note=note,
        )  # fmt: skip


@pytest.fixture
def coded(import_text, library_path: Path) -> str:
    """One document: two claims, evidence overlapping the first, and a claim with no evidence."""
    doc = import_text(TEXT)
    _code(library_path, doc, "claim", "=cmd study claims a cure | maybe", coder="ada", note="=SUM(1)\nsecond line")
    _code(library_path, doc, "evidence", "data <b>show</b> it", coder="bo")
    _code(library_path, doc, "evidence", "a cure", coder="bo")
    _code(library_path, doc, "claim", "A second claim stands alone", coder="ada")
    _code(library_path, doc, "evidence", "Tabbed evidence\nfollows", coder="bo")
    return doc


def _open_and_run(qtbot, window, query: str):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.retrieval.panel
    assert window.retrieval.isVisible() and panel.query_edit.hasFocus()
    for char in query:
        qtbot.keyClicks(panel.query_edit, char)
    panel.query_edit.completer.popup().hide()  # the completion offered for the last word
    window.activateWindow()  # offscreen, the popup keeps the activation it took
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    return panel


def _library(library_path: Path) -> Library:
    return Library.open(f"sqlite:///{library_path}")


def test_ctrl_shift_r_a_typed_query_and_enter_jump_to_the_exact_span(
    qtbot, open_window, coded: str, library_path: Path
) -> None:
    window = open_window()
    panel = _open_and_run(qtbot, window, "claim & evidence")
    with _library(library_path) as library:
        wanted = retrieve(library, "claim & evidence", context=40)
    assert [s.annotation_id for s in panel.model.segments] == [s.annotation_id for s in wanted]
    assert panel.model.segments == wanted and len(wanted) == 1
    assert panel.status_label.text() == "1 segment in 1 document."
    [segment] = wanted
    view = panel.view
    assert view.model().index(0, QtSegmentsModel.QUOTE).data() == "=cmd study claims a cure | maybe"
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, QtSegmentsModel.QUOTE))
    window.pane.clear_selection()
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (segment.start, segment.end)
    assert TEXT[segment.start : segment.end] == segment.quote  # after an emoji: code points, not UTF-16
    assert window.pane.hasFocus()


def test_tag_paths_complete_in_the_query_field(qtbot, open_window, coded: str) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    edit = window.retrieval.panel.query_edit
    qtbot.keyClicks(edit, "claim & evi")
    popup = edit.completer.popup()
    assert popup.isVisible() and edit.completer.currentCompletion() == "evidence"
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == "claim & evidence"


def test_the_view_is_reachable_by_tab_with_every_control_named(qtbot, open_window, coded: str) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel = window.retrieval.panel
    panel._show_running(True)  # the Cancel button too
    QApplication.processEvents()
    reached: list[QWidget] = []
    widget = QApplication.focusWidget()
    for _ in range(40):
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
    interactive = [panel.query_edit, panel.run_button, panel.coder_box, panel.scope_box, panel.context_box,
                   panel.view, panel.cancel_button, panel.tools.copy_button, panel.tools.export_button]  # fmt: skip
    assert all(w in reached for w in interactive), [w.accessibleName() for w in interactive if w not in reached]
    for child in panel.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus and child.isVisibleTo(panel):
            assert child.accessibleName(), child
    panel._show_running(False)


def test_export_writes_every_format_and_never_the_library_file(
    qtbot, open_window, coded: str, tmp_path: Path, library_path: Path, monkeypatch, messages
) -> None:
    window = open_window()
    panel = _open_and_run(qtbot, window, "claim | evidence")
    quotes = [s.quote for s in panel.model.segments]
    assert len(quotes) == 5
    for label, format_id in FILTERS.items():
        target = tmp_path / f"out-{format_id}"  # no extension: the format's is added
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, _t=target, _l=label, **k: (str(_t), _l))
        qtbot.mouseClick(panel.tools.export_button, Qt.MouseButton.LeftButton)
        written = next(tmp_path.glob(f"out-{format_id}.*"))
        data = written.read_bytes()
        if format_id in ("csv", "excel-csv"):
            rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
            assert rows[0][7] == "quote" and rows[0][-2:] == ["before", "after"]
            shown = [row[7] for row in rows[1:]]
            if format_id == "excel-csv":
                shown = [q[1:] if q.startswith("'=") else q for q in shown]
            assert shown == quotes
        elif format_id == "xlsx":
            cells = [[c.value for c in row] for row in load_workbook(written).worksheets[0].iter_rows()]
            assert [row[7] for row in cells[1:]] == quotes
        elif format_id == "html":
            page = lxml_html.fromstring(data.decode("utf-8"))
            assert [tr.findall("td")[7].text_content() for tr in page.iter("tr") if tr.findall("td")] == quotes
        elif format_id == "json":
            assert [row["quote"] for row in orjson.loads(data)] == quotes
        else:
            assert data.decode("utf-8").count("\n") == len(quotes) + 2  # one line a row, newlines escaped
        assert written.suffix == {"markdown": ".md", "excel-csv": ".csv"}.get(format_id, f".{format_id}")
    before = library_path.read_bytes()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(library_path), next(iter(FILTERS))))
    assert panel.tools.export() is None
    assert messages[-1][0] == "warning" and "the library's own file" in messages[-1][1]
    assert len(messages[-1][1].splitlines()) == 1 and library_path.read_bytes() == before


def test_ctrl_c_copies_the_selected_cells_or_every_row_as_tsv(qtbot, open_window, coded: str) -> None:
    window = open_window()
    panel = _open_and_run(qtbot, window, "claim")
    view = panel.view
    view.setFocus()
    view.clearSelection()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert rows[0] == list(QtSegmentsModel.HEADERS)
    assert [row[3] for row in rows[1:]] == ["'=cmd study claims a cure | maybe", "A second claim stands alone"]
    assert rows[1][5] == "'=SUM(1)\nsecond line"  # the note whole (the cell shows one line), formula defused
    view.selectRow(1)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert len(rows) == 2 and rows[1][3] == "A second claim stands alone" and rows[1][6] == "ada"
    menu = context_menu_by_keyboard(view, "Table actions")
    assert [a.text() for a in menu.actions()] == ["&Copy", "E&xport…"]
    menu.close()


def test_a_bad_query_or_unknown_tag_is_one_line_in_the_view(qtbot, open_window, coded: str) -> None:
    window = open_window()
    panel = _open_and_run(qtbot, window, "claim &")
    message = panel.status_label.text()
    assert message.startswith("query: expected a tag PATH or '(' at column 8") and "\n" not in message
    assert panel.model.segments == []
    panel.query_edit.setText("claim & nope")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    assert "there is no tag 'nope'" in panel.status_label.text() and "\n" not in panel.status_label.text()


def test_rows_are_marked_stale_and_a_revised_text_is_refused_not_selected(
    qtbot, open_window, coded: str, library_path: Path
) -> None:
    window = open_window()
    panel = _open_and_run(qtbot, window, "claim - evidence")
    assert [s.quote for s in panel.model.segments] == ["A second claim stands alone"]
    panel.query_edit.setText("claim")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_F5)
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    assert len(panel.model.segments) == 2 and not panel.stale
    with _library(library_path) as library:
        revise_document(library, document_id=coded, new_text="Inserted first. " + TEXT)
    window.watcher.poll()
    assert panel.stale and panel.status_label.text() == STALE
    assert window.pane.text.startswith("Inserted first. ")  # the window shows the revised text
    window.pane.clear_selection()
    panel.view.setFocus()
    panel.view.setCurrentIndex(panel.view.model().index(1, 0))
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)  # its offsets point into the text before
    assert "changed since" in window.statusBar().currentMessage()
    assert window.pane.selected_span() is None


def test_context_is_in_a_palette_role_and_the_quote_bold_in_a_dark_theme(qtbot, open_window, coded: str) -> None:
    window = open_window()
    panel = _open_and_run(qtbot, window, "claim")
    app = QApplication.instance()
    light = app.palette()
    dark = QPalette(light)
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#a0a0a0"))
    app.setPalette(dark)
    try:
        model = panel.view.model()
        before = model.index(0, QtSegmentsModel.BEFORE)
        assert before.data(Qt.ItemDataRole.ForegroundRole).color() == QColor("#a0a0a0")
        assert model.index(0, QtSegmentsModel.QUOTE).data(Qt.ItemDataRole.FontRole).bold()
        assert model.index(0, QtSegmentsModel.QUOTE).data(Qt.ItemDataRole.ForegroundRole) is None  # the theme's text
    finally:
        app.setPalette(light)


def test_a_long_retrieval_shows_progress_and_esc_cancels_it_keeping_the_rows(
    qtbot, open_window, coded: str, monkeypatch
) -> None:
    import threading

    from annotator.services.progress import Cancelled, report
    from annotator.ui import qt_retrieval

    window = open_window()
    panel = _open_and_run(qtbot, window, "claim")
    kept = list(panel.model.segments)
    started, stopped = threading.Event(), threading.Event()

    def slow(_library, _query, *, progress, **_settings):  # type: ignore[no-untyped-def]
        started.set()
        try:
            for done in range(1_000_000):  # a library that takes a while, until cancelled
                report(progress, done, 1_000_000)
                started.wait(0.001)
        except Cancelled:
            stopped.set()
            raise
        return []

    monkeypatch.setattr(qt_retrieval.retrieving, "retrieve", slow)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert wait_letting_threads_run(lambda: started.is_set() and panel.progress_bar.value() > 0, 10)
    assert panel.running and panel.progress_bar.isVisible() and panel.cancel_button.isVisible()
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)
    assert not panel.running and not panel.progress_bar.isVisible()
    assert wait_letting_threads_run(stopped.is_set, 10)  # the worker heard it and stopped
    QApplication.processEvents()
    assert panel.model.segments == kept and panel.status_label.text().startswith("Cancelled")


def test_the_views_keys_leave_the_find_bars_switches_working(qtbot, open_window, coded: str) -> None:
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.retrieval.isVisible()
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    for key, box in (
        (Qt.Key.Key_R, bar.options.regex_box),
        (Qt.Key.Key_C, bar.options.case_box),
        (Qt.Key.Key_L, bar.options.loose_box),
    ):
        qtbot.keyClick(bar.edit, key, Qt.KeyboardModifier.AltModifier)
        assert box.isChecked(), key
    panel = window.retrieval.panel
    panel.query_edit.setText("claim")
    qtbot.keyClick(bar.edit, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # the view's key, not the find bar's
    assert not panel.running and not panel.model.segments
    panel.query_edit.setFocus()
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Run, in the view
    assert wait_letting_threads_run(lambda: not panel.running and bool(panel.model.segments), 10)


def test_coder_and_scope_choose_the_rows_as_retrieve_does(
    qtbot, open_window, coded: str, import_text, library_path: Path
) -> None:
    from annotator.services import attributes, sets

    other = import_text("Another claim, elsewhere.\n", "other.txt")
    with _library(library_path) as library:
        tag_id = next(t.id for t in library.tags() if t.name == "claim")
        create_annotation(library, document_id=other, tag_id=tag_id, start=0, end=13, coder="bo")
        sets.add_to_set(library, name="Course", document_ids=[other])
        attributes.define_attribute(library, name="Genre", kind="text")
        attributes.set_attributes(library, document_id=coded, values={"Genre": "Feature story"})
    window = open_window()
    panel = _open_and_run(qtbot, window, "claim")
    assert len(panel.model.segments) == 3

    def run(**wanted) -> list[str]:  # type: ignore[no-untyped-def]
        qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
        assert wait_letting_threads_run(lambda: not panel.running, 10)
        with _library(library_path) as library:
            assert panel.model.segments == retrieve(library, "claim", context=40, **wanted)
        return [s.quote for s in panel.model.segments]

    panel.coder_box.setCurrentIndex(panel.coder_box.findText("bo"))
    assert run(coders=["bo"]) == ["Another claim"]
    panel.coder_box.setCurrentIndex(0)
    panel.scope_box.setCurrentIndex(panel.scope_box.findText("Set: Course"))
    assert not panel.value_edit.isEnabled()
    assert run(set_name="Course") == ["Another claim"]
    panel.scope_box.setCurrentIndex(panel.scope_box.findText("Attribute: Genre"))
    assert panel.value_edit.isEnabled()
    panel.value_edit.setText("feature")
    assert run(where=[("Genre", "feature")]) == [
        "=cmd study claims a cure | maybe", "A second claim stands alone"
    ]  # fmt: skip
    panel.scope_box.setCurrentIndex(panel.scope_box.findText("Documents selected in the library"))
    window.document_list.clearSelection()
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    assert "Select some documents" in panel.status_label.text() and not panel.running


def test_completion_counts_code_points_after_an_emoji_in_a_tag(qtbot, open_window, coded: str, library_path) -> None:  # type: ignore[no-untyped-def]
    from annotator.services.codebook import create_tag

    with _library(library_path) as library:
        create_tag(library, name="👍 agreed")
    window = open_window()
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    edit = window.retrieval.panel.query_edit
    edit.setText('"👍 agreed" | cla & ')
    edit.setCursorPosition(len('"👍 agreed" | cla'.encode("utf-16-le")) // 2)  # Qt counts UTF-16 units
    qtbot.keyClicks(edit, "i")
    popup = edit.completer.popup()
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == '"👍 agreed" | claim & '
    assert edit.cursorPosition() == len('"👍 agreed" | claim'.encode("utf-16-le")) // 2
    edit.setText("evidence | ")
    edit.end(False)
    qtbot.keyClicks(edit, '"')
    for kind in (QKeyEvent.Type.KeyPress, QKeyEvent.Type.KeyRelease):  # QTest types ASCII only
        QApplication.sendEvent(edit, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, "👍"))
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert edit.text() == 'evidence | "👍 agreed"'  # a PATH with a space comes quoted


def test_the_context_before_a_quote_is_cut_on_the_left_keeping_the_words_next_to_it(
    qtbot, open_window, coded: str
) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = open_window()
    panel = _open_and_run(qtbot, window, "claim")
    before = panel.view.model().index(0, QtSegmentsModel.BEFORE)
    option = QStyleOptionViewItem()
    panel.view.itemDelegateForIndex(before).initStyleOption(option, before)
    assert option.textElideMode == Qt.TextElideMode.ElideLeft
    assert panel.view.textElideMode() == Qt.TextElideMode.ElideRight  # the rest, the quote and after it, on the right


def test_a_cancelled_run_leaves_the_rows_exported_with_the_context_they_were_retrieved_with(
    qtbot, open_window, coded: str
) -> None:
    """Found attacking issue 10: the context columns of Export… followed the run started last, so
    rows kept from a run with context were exported without it after a run without was cancelled."""
    window = open_window()
    panel = window.retrieval.panel
    panel.context_box.setValue(10)
    panel = _open_and_run(qtbot, window, "claim")
    assert panel.export_table().columns[-2:] == ("before", "after")
    panel.context_box.setValue(0)
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    qtbot.keyClick(panel.view, Qt.Key.Key_Escape)  # cancelled: the rows of the run with context stay
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    table = panel.export_table()
    assert table.columns[-2:] == ("before", "after")
    assert all(row[-2:] != ("", "") for row in table.rows)
