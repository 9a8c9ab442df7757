"""Tests (UI): Search the library, driven by keys: Ctrl+Shift+F, typing, Enter; results grouped by
document in KWIC columns, streamed from a thread; Down into the results and Enter on a hit selects
exactly its code points in the text (emoji, NBSP before it); the scope (a set, the selected
documents, an attribute value); a refused regex said in the view; saved searches saved, run and
deleted; results marked out of date when another program revises a document."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QInputDialog

from annotator.core.search import Query
from annotator.services import Library, revising, sets
from annotator.services import attributes as attrs
from annotator.services.saved_searches import list_saved_searches, save_search
from annotator.services.searching import Scope
from annotator.ui.qt_library_search import A_SET, AS_SAVED, SELECTED, WHERE, SearchHit
from annotator.ui.qt_main_window import QtMainWindow
from tests.ui.conftest import wait_letting_threads_run

FIRST = "👩‍🔬 A rose\u00a0garden 🌹, a rose.\nNo roses here? Rosé wine.\n"
SECOND = "Nothing here.\n"
THIRD = "The last rose\u00a0of summer 🌹 rose again.\n"


def _type(qtbot, widget, text: str) -> None:
    for char in text:
        qtbot.keyClicks(widget, char)


def _starts(text: str, word: str) -> list[int]:
    found, at = [], text.find(word)
    while at >= 0:
        found.append(at)
        at = text.find(word, at + 1)
    return found


def _search_by_keyboard(qtbot, window: QtMainWindow, pattern: str) -> None:
    """Ctrl+Shift+F, type the pattern over what is there, Enter, and wait until the search ended."""
    panel = window.library_search
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.search_dock.isVisible() and panel.edit.hasFocus()
    _type(qtbot, panel.edit, pattern)
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    _wait_until_ended(panel)


def _wait_until_ended(panel) -> None:
    assert wait_letting_threads_run(lambda: not panel.running(), 20), "the search did not end"


def _titles(panel, ids: list[str]) -> list[tuple[str, int]]:
    """(document, hits) shown, in order, the documents *ids* named "first", "second", "third"."""
    names = dict(zip(ids, ("first", "second", "third")))
    return [(names[d.document_id], len(d.hits)) for d in panel.model.documents]


@pytest.fixture
def three(import_text) -> list[str]:
    return [import_text(FIRST, "first.txt"), import_text(SECOND, "second.txt"), import_text(THIRD, "third.txt")]


def test_ctrl_shift_f_groups_hits_by_document_and_enter_selects_the_exact_code_points(
    qtbot, open_window, three: list[str]
) -> None:
    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    assert _titles(panel, three) == [("first", 3), ("third", 2)]  # library order; not Rosé; "roses" holds rose
    assert panel.total_label.text() == "5 hits in 2 documents"
    model = panel.model
    doc = model.index(0, 0)
    assert model.data(doc) == "👩‍🔬 A rose\u00a0garden 🌹, a rose. — 3 hits"  # the title as the list shows it
    hit = model.index(1, 0, doc)  # the second rose of the first document, in KWIC columns
    second = _starts(FIRST, "rose")[1]
    assert [model.data(model.index(1, c, doc)) for c in range(3)] == [
        FIRST[:second].split("\n")[-1],
        "rose",
        FIRST[second + 4 :].split("\n")[0],
    ]
    assert model.data(hit, Qt.ItemDataRole.TextAlignmentRole) & int(Qt.AlignmentFlag.AlignRight)
    # Down goes from the field into the results, on the first hit; Down again, then Enter.
    qtbot.keyClick(panel.edit, Qt.Key.Key_Down)
    assert panel.tree.hasFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
    assert panel.tree.currentIndex().internalId() == 1 and panel.tree.currentIndex().row() == 1
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.session.document is not None and window.session.document.id == three[0]
    assert window.pane.selection_offsets() == (second, second + 4)
    assert FIRST[second : second + 4] == "rose" and FIRST[:second].count("\u00a0") == 1
    # A hit of another document opens it, selected exactly (after an NBSP and an emoji).
    third_hits = _starts(THIRD, "rose")
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(model.index(1, 0, model.index(1, 0)))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.session.document.id == three[2]
    assert window.pane.selection_offsets() == (third_hits[1], third_hits[1] + 4)
    # What the auto-code dialog will take: the query, the scope, the chosen hits with their text's SHA-256.
    assert panel.current_query() == Query("rose")
    sha = {d.document_id: d.sha256 for d in model.documents}
    assert sha[three[2]] == window.session.document.sha256
    panel.tree.selectionModel().select(
        model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    )
    assert panel.selected_hits() == [SearchHit(three[0], s, s + 4, sha[three[0]]) for s in _starts(FIRST, "rose")]


def test_switches_and_a_refused_regex_are_said_in_the_view(qtbot, open_window, three: list[str]) -> None:
    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    qtbot.keyClick(panel.edit, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # whole words: searched again
    _wait_until_ended(panel)
    assert panel.options.word_box.isChecked() and _titles(panel, three) == [("first", 2), ("third", 2)]
    qtbot.keyClick(panel.edit, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
    _wait_until_ended(panel)
    panel.edit.selectAll()
    _type(qtbot, panel.edit, "(a+)+")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    _wait_until_ended(panel)
    assert "could take hours" in panel.total_label.text()
    assert "\n" not in panel.total_label.text()
    assert panel.model.rowCount() == 0  # nothing searched, nothing left of the last search


def test_the_scope_is_a_set_the_selected_documents_or_an_attribute_value(
    qtbot, open_window, three: list[str], library_path
) -> None:
    with Library.open(f"sqlite:///{library_path}") as other:
        sets.add_to_set(other, name="summer", document_ids=[three[2]])
        attrs.define_attribute(other, name="season", kind="text")
        attrs.set_attributes(other, document_id=three[0], values={"season": "Spring"})
    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    assert len(panel.model.documents) == 2
    # The scope chooser by keyboard: Alt+I, then Down to "Set".
    qtbot.keyClick(panel.edit, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)
    assert panel.scope_box.hasFocus()
    qtbot.keyClick(panel.scope_box, Qt.Key.Key_Down)
    assert panel.scope_box.currentIndex() == A_SET and panel.set_box.isVisible()
    assert panel.set_box.currentText() == "summer"
    panel.search()
    _wait_until_ended(panel)
    assert _titles(panel, three) == [("third", 2)]
    # The documents selected in the library list.
    panel.scope_box.setCurrentIndex(SELECTED)
    documents = window.document_list
    documents.selectionModel().select(
        documents.documents_model.index(documents.documents_model.row_of(three[0])),
        QItemSelectionModel.SelectionFlag.ClearAndSelect,
    )
    panel.search()
    _wait_until_ended(panel)
    assert _titles(panel, three) == [("first", 3)]
    # Documents where an attribute has a value (a part of a text value, ignoring case).
    panel.scope_box.setCurrentIndex(WHERE)
    assert panel.attribute_box.currentText() == "season"
    panel.value_edit.setFocus()
    _type(qtbot, panel.value_edit, "spr")
    qtbot.keyClick(panel.value_edit, Qt.Key.Key_Return)
    _wait_until_ended(panel)
    assert _titles(panel, three) == [("first", 3)]
    assert panel.current_scope().where == (("season", "spr"),)


def test_a_search_is_saved_in_the_library_run_and_deleted(
    qtbot, open_window, three: list[str], library_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    qtbot.keyClick(panel.edit, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    _wait_until_ended(panel)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("  whole roses ", True))
    qtbot.keyClick(panel.edit, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Save as…
    qtbot.waitUntil(lambda: panel.saved_box.count() == 1)  # a mnemonic animates the click first
    with Library.open(f"sqlite:///{library_path}") as other:  # in the library: everyone has it
        [saved] = list_saved_searches(other)
        assert (saved.name, saved.query) == ("whole roses", Query("rose", word=True))
        save_search(other, name="all of one", query=Query("ROSE"), scope=Scope(document_ids=(three[2],)))
    window.watcher.poll()
    assert [panel.saved_box.itemText(i) for i in range(panel.saved_box.count())] == ["all of one", "whole roses"]
    # Another search, then the saved one again: its pattern and switches come back, and it runs.
    panel.edit.setText("garden")
    qtbot.keyClick(panel.edit, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    _wait_until_ended(panel)
    panel.saved_box.setCurrentText("whole roses")
    qtbot.keyClick(panel.edit, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)  # Run
    qtbot.waitUntil(lambda: panel.edit.text() == "rose")
    _wait_until_ended(panel)
    assert panel.edit.text() == "rose" and panel.options.word_box.isChecked()
    assert _titles(panel, three) == [("first", 2), ("third", 2)]
    # A saved scope the chooser cannot show (given documents) is searched as saved.
    panel.saved_box.setCurrentText("all of one")
    panel.run_saved_button.click()
    _wait_until_ended(panel)
    assert panel.scope_box.currentIndex() == AS_SAVED and _titles(panel, three) == [("third", 2)]
    # Rename: Tab reaches the button; Space presses it; a name another search has is refused.
    panel.saved_box.setCurrentText("whole roses")
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("all of one", True))
    panel.rename_saved_button.setFocus()
    qtbot.keyClick(panel.rename_saved_button, Qt.Key.Key_Space)
    assert "already a saved search" in window.statusBar().currentMessage()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("roses, whole", True))
    qtbot.keyClick(panel.rename_saved_button, Qt.Key.Key_Space)
    assert [panel.saved_box.itemText(i) for i in range(panel.saved_box.count())] == ["all of one", "roses, whole"]
    assert panel.saved_box.currentText() == "roses, whole"
    # Delete: Tab reaches the button; Space presses it.
    panel.delete_saved_button.setFocus()
    qtbot.keyClick(panel.delete_saved_button, Qt.Key.Key_Space)
    assert [panel.saved_box.itemText(i) for i in range(panel.saved_box.count())] == ["all of one"]
    with Library.open(f"sqlite:///{library_path}") as other:
        assert [s.name for s in list_saved_searches(other)] == ["all of one"]


def test_results_are_marked_out_of_date_when_another_program_revises_a_document(
    qtbot, open_window, three: list[str], library_path
) -> None:
    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    assert not panel.stale
    with Library.open(f"sqlite:///{library_path}") as other:
        revising.revise_document(other, document_id=three[2], new_text="A new text: rose, rose, rose.\n")
    window.watcher.poll()
    assert panel.stale and panel.stale_label.isVisible()
    model = panel.model
    assert "changed since the search" in model.data(model.index(1, 0))
    assert "changed since the search" not in model.data(model.index(0, 0))
    # Its hits point into the text as it was: Enter does not select anything there, and says why.
    panel.tree.setFocus()
    panel.tree.setCurrentIndex(model.index(0, 0, model.index(1, 0)))
    qtbot.keyClick(panel.tree, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() is None
    assert "changed since" in window.statusBar().currentMessage()
    # F5 searches again: the new text's hits, and nothing out of date.
    qtbot.keyClick(panel.tree, Qt.Key.Key_F5)
    _wait_until_ended(panel)
    assert not panel.stale and _titles(panel, three) == [("first", 3), ("third", 3)]


def test_a_new_search_cancels_the_one_running_and_cancel_keeps_what_was_found(qtbot, open_window, import_text) -> None:
    for n in range(12):
        import_text(f"Document {n}: a rose.\n" * 200, f"d{n}.txt")
    window = open_window()
    panel = window.library_search
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    panel.edit.setText("rose")
    panel.search()
    first_run = panel._run
    panel.edit.setText("Document")
    panel.search()  # the first is cancelled; what it still sends is not shown
    assert first_run is not None and first_run._cancel.is_set()
    _wait_until_ended(panel)
    assert len(panel.model.documents) == 12 and all(d.hits[0].match == "Document" for d in panel.model.documents)
    panel.search()
    qtbot.keyClick(panel.edit, Qt.Key.Key_Escape)  # Esc cancels
    assert not panel.running() and panel.total_label.text().startswith("Cancelled")


def test_every_control_is_named_and_reached_by_tab_and_the_view_menu_toggles_the_panel(
    qtbot, open_window, three: list[str], library_path
) -> None:
    from PySide6.QtWidgets import QApplication

    with Library.open(f"sqlite:///{library_path}") as other:  # Run and Delete are offered once there is one
        save_search(other, name="roses", query=Query("rose"))
    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    reached = []
    for _ in range(30):
        widget = QApplication.focusWidget()
        if widget is None or not panel.isAncestorOf(widget) or widget in reached:
            break
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    controls = [panel.edit, panel.search_button, panel.options.case_box, panel.options.word_box, panel.options.regex_box, panel.options.loose_box,
                panel.scope_box, panel.saved_box, panel.run_saved_button, panel.save_button,
                panel.delete_saved_button, panel.tree]  # fmt: skip
    assert all(c in reached for c in controls), [c.accessibleName() for c in controls if c not in reached]
    assert all(w.accessibleName() for w in reached)
    # No colour of its own: text and highlights come from the palette (light or dark theme).
    model = panel.model
    for index in (model.index(0, 0), model.index(0, 1, model.index(0, 0))):
        for role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            assert model.data(index, role) is None
    window.search_dock_action.trigger()
    assert not window.search_dock.isVisible()
    window.search_dock_action.trigger()
    assert window.search_dock.isVisible()


def test_alt_o_auto_codes_every_hit_found_or_only_the_hits_selected(
    qtbot, open_window, three: list[str], library_path
) -> None:
    from tests.ui.conftest import stored_annotations

    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    assert panel.model.hit_count == 5 and not panel.selected_hits()
    qtbot.keyClick(panel.edit, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.autocoder.dialog is not None)  # a mnemonic clicks a moment later
    dialog = window.autocoder.dialog
    qtbot.waitUntil(lambda: "5 hits in 2 documents" in dialog.summary_label.text(), timeout=10000)
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Escape)  # nothing coded
    assert window.autocoder.dialog is None
    assert stored_annotations(library_path, three[0]) == []

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    panel.edit.setFocus()
    qtbot.keyClick(panel.edit, Qt.Key.Key_Down)  # into the results: the first hit, selected
    assert panel.selected_hits() == [SearchHit(three[0], _starts(FIRST, "rose")[0], _starts(FIRST, "rose")[0] + 4,
                                               panel.model.documents[0].sha256)]  # fmt: skip
    qtbot.keyClick(panel.tree, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.autocoder.dialog is not None)
    dialog = window.autocoder.dialog
    qtbot.waitUntil(lambda: "1 to create" in dialog.summary_label.text(), timeout=10000)
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Return)
    made = stored_annotations(library_path, three[0])
    assert [(a.start, a.quote) for a in made] == [(_starts(FIRST, "rose")[0], "rose")]
    assert stored_annotations(library_path, three[2]) == []


def test_the_bottom_views_share_one_set_of_tabs_and_a_shortcut_brings_one_behind_to_the_front(
    qtbot, open_window, three: list[str]
) -> None:
    window = open_window()
    window.show()
    qtbot.waitExposed(window)
    shift_ctrl = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    _search_by_keyboard(qtbot, window, "rose")
    qtbot.keyClick(window.pane, Qt.Key.Key_R, shift_ctrl)  # Retrieved segments
    qtbot.keyClick(window.pane, Qt.Key.Key_O, shift_ctrl)  # Co-occurrence
    group = {window.search_dock, window.retrieval, window.cooccurrence}
    assert all(group - {dock} <= set(window.tabifiedDockWidgets(dock)) for dock in group)
    qtbot.keyClick(window.pane, Qt.Key.Key_R, shift_ctrl)  # behind a tab: to the front, not hidden
    qtbot.waitUntil(lambda: window.retrieval.panel.query_edit.hasFocus())
    assert not window.retrieval.isHidden()


def test_a_hits_left_context_is_cut_on_the_left_and_titles_and_right_context_on_the_right(
    qtbot, open_window, three: list[str]
) -> None:
    from PySide6.QtWidgets import QStyleOptionViewItem

    window = open_window()
    _search_by_keyboard(qtbot, window, "rose")
    tree, model = window.library_search.tree, window.library_search.model
    document = model.index(0, 0)
    hit_before, hit_after = model.index(0, 0, document), model.index(0, 2, document)
    modes = []
    for index in (hit_before, document, hit_after):
        option = QStyleOptionViewItem()
        option.textElideMode = tree.textElideMode()
        tree.itemDelegateForIndex(index).initStyleOption(option, index)
        modes.append(option.textElideMode)
    assert modes == [Qt.TextElideMode.ElideLeft, Qt.TextElideMode.ElideRight, Qt.TextElideMode.ElideRight]


def test_copy_and_export_give_a_row_per_hit_with_its_code_points(
    qtbot, open_window, three: list[str], tmp_path, monkeypatch
) -> None:
    import csv
    import io

    import orjson
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QFileDialog

    from annotator.ui.qt_table_tools import FILTERS

    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    texts = dict(zip(three, (FIRST, SECOND, THIRD), strict=True))
    panel.focus_results()  # the first hit, selected: Ctrl+C copies it alone
    qtbot.keyClick(panel.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = list(csv.reader(io.StringIO(QGuiApplication.clipboard().text(), newline=""), delimiter="\t"))
    assert rows[0] == ["document", "title", "start", "end", "before", "match", "after"]
    assert [(r[0], int(r[2]), r[5]) for r in rows[1:]] == [(three[0], _starts(FIRST, "rose")[0], "rose")]
    target = tmp_path / "hits.json"
    label = next(k for k, v in FILTERS.items() if v == "json")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), label))
    qtbot.mouseClick(panel.tools.export_button, Qt.MouseButton.LeftButton)
    exported = orjson.loads(target.read_bytes())
    assert len(exported) == panel.model.hit_count == 5  # every hit, no document rows
    assert all(texts[h["document"]][h["start"] : h["end"]] == h["match"] == "rose" for h in exported)


def test_save_as_refuses_the_selected_documents_when_none_are_selected(
    qtbot, open_window, three: list[str], library_path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found attacking issue 10: with "Selected documents" and none selected, Search refused, but
    Save as… saved a search of the whole library under a name that says otherwise."""
    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    panel.scope_box.setCurrentIndex(SELECTED)
    window.document_list.selectionModel().clearSelection()
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: ("my chosen roses", True))
    qtbot.keyClick(panel.edit, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)  # Save as…
    qtbot.waitUntil(lambda: panel.total_label.text().startswith("Not saved"))
    assert "select documents in the library list first" in panel.total_label.text()
    with Library.open(f"sqlite:///{library_path}") as other:
        assert list_saved_searches(other) == []


def test_its_keys_leave_the_find_bar_s_alt_a_and_the_retrieval_view_s_keys_working(
    qtbot, open_window, three: list[str]
) -> None:
    """Found attacking issue 10: the panel's keys were window-wide mnemonics, so while it was shown
    Alt+A in the find bar (Auto-code…) met Save as… and did nothing, and Alt+O and Alt+I in the
    Retrieved segments view went to this panel's Auto-code… and scope instead of its own."""
    from PySide6.QtWidgets import QApplication

    window = open_window()
    panel = window.library_search
    _search_by_keyboard(qtbot, window, "rose")
    qtbot.keyClick(panel.edit, Qt.Key.Key_I, Qt.KeyboardModifier.AltModifier)  # in the panel, its keys work
    assert panel.scope_box.hasFocus()
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    for char in "rose":
        qtbot.keyClicks(window.find_bar.edit, char)
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.autocoder.dialog is not None)
    dialog = window.autocoder.dialog
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())  # closed: the next key goes to the window, not to it
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    retrieval = window.retrieval.panel
    assert panel.isVisible() and retrieval.isVisible()
    for key, box in ((Qt.Key.Key_O, retrieval.coder_box), (Qt.Key.Key_I, retrieval.scope_box)):
        retrieval.query_edit.setFocus()
        qtbot.keyClick(retrieval.query_edit, key, Qt.KeyboardModifier.AltModifier)
        assert QApplication.focusWidget() is box, key


def test_alt_o_after_a_cancelled_search_codes_the_hits_found_not_the_documents_never_searched(
    qtbot, open_window, three: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Found attacking issue 10: after Esc stopped a search, "every hit found" planned a new search
    of the whole scope, documents never searched (nor shown) included."""

    from annotator.services import searching
    from annotator.services.progress import report
    from annotator.ui import qt_library_search

    waiting = threading.Event()

    def stops_after_the_first(library, query, *, scope, progress):  # type: ignore[no-untyped-def]
        first = next(iter(searching.search_library(library, query, scope=scope)))

        def found():  # type: ignore[no-untyped-def]
            yield first
            while True:  # the other documents take a while, until cancelled
                report(progress, 1, 3)
                waiting.wait(0.001)

        return found()

    monkeypatch.setattr(qt_library_search, "search_library", stops_after_the_first)
    window = open_window()
    panel = window.library_search
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    _type(qtbot, panel.edit, "rose")
    qtbot.keyClick(panel.edit, Qt.Key.Key_Return)
    assert wait_letting_threads_run(lambda: panel.model.hit_count == 3, 10)
    qtbot.keyClick(panel.edit, Qt.Key.Key_Escape)
    _wait_until_ended(panel)
    assert _titles(panel, three) == [("first", 3)] and panel.total_label.text().startswith("Cancelled")
    qtbot.keyClick(panel.edit, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: window.autocoder.dialog is not None)
    dialog = window.autocoder.dialog
    qtbot.waitUntil(lambda: "hits in" in dialog.summary_label.text(), timeout=10000)
    assert "3 to create" in dialog.summary_label.text() and "3 hits in 1 document" in dialog.summary_label.text()
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Escape)
