"""Tests (UI): Auto-code… from the find bar, by keys: Alt+A opens the preview, the extent is
chosen with the keyboard, Space leaves a span out, Enter codes, Ctrl+Z removes them all and
Ctrl+Shift+Z / Ctrl+Y put the very same ones back; already coded spans shown as such in the
palette's own colours; a text revised before OK is refused with nothing coded; chosen hits
(what a search view passes); and planning and coding off the GUI thread, with Cancel."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QComboBox, QTreeWidget, QWidget

from annotator.services import Library, autocoding, revising
from annotator.services.autocoding import ChosenHit
from annotator.services.progress import Cancelled
from annotator.ui.qt_autocode import ALREADY_CODED, TO_CREATE, QtAutocodeDialog
from annotator.ui.qt_background import QtBackgroundTask
from tests.ui.conftest import stored_annotations

TEXT = "👩‍🔬 A rose grew. Cut a rose, and a rose.\n\nOne 🌹 rose here.\n"
SENTENCES = ["👩‍🔬 A rose grew.", "Cut a rose, and a rose.", "One 🌹 rose here."]


def _find(qtbot, window, pattern: str) -> None:
    qtbot.keyClick(window.pane, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    for char in pattern:
        qtbot.keyClicks(window.find_bar.edit, char)


def _open_dialog(qtbot, window) -> QtAutocodeDialog:
    _activate(qtbot, window)
    window.find_bar.edit.setFocus()
    qtbot.keyClick(window.find_bar.edit, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    dialog = window.autocoder.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _activate(qtbot, window) -> None:
    """The window active again once a dialog has closed (what the window manager does)."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def _rows(dialog: QtAutocodeDialog) -> list[tuple[str, str]]:
    tree = dialog.preview_list
    return [(tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(3)) for i in range(tree.topLevelItemCount())]


def test_alt_a_previews_enter_codes_and_one_undo_removes_them_all(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    _find(qtbot, window, "rose")
    dialog = _open_dialog(qtbot, window)
    assert _rows(dialog) == [(TO_CREATE, "rose")] * 4
    assert dialog.focusWidget() is dialog.preview_list
    dialog.extent_box.setFocus()
    qtbot.keyClick(dialog.extent_box, Qt.Key.Key_Down)  # the match -> its sentence
    assert _rows(dialog) == [(TO_CREATE, s) for s in SENTENCES]
    assert dialog.summary_label.text() == "3 to create, 0 already coded (4 hits in 1 document)."
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Return)
    assert window.autocoder.dialog is None
    made = stored_annotations(library_path, doc_id)
    assert [a.quote for a in made] == SENTENCES
    assert all(TEXT[a.start : a.end] == a.quote for a in made)
    assert sorted(window.session.annotations) == sorted(a.id for a in made)  # shown at once
    _activate(qtbot, window)
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored_annotations(library_path, doc_id) == [] and window.session.annotations == {}
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert stored_annotations(library_path, doc_id) == made  # the very same: ids and times
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.pane, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert stored_annotations(library_path, doc_id) == made
    assert window.undo_action.text().startswith("&Undo Auto-code 3 spans as claim")


def test_space_leaves_a_span_out_and_already_coded_spans_are_shown_greyed_by_the_palette(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    _find(qtbot, window, "rose")
    dialog = _open_dialog(qtbot, window)
    tree = dialog.preview_list
    tree.setCurrentItem(tree.topLevelItem(1))
    qtbot.keyClick(tree, Qt.Key.Key_Space)
    assert tree.topLevelItem(1).checkState(0) == Qt.CheckState.Unchecked
    assert dialog.summary_label.text() == "3 to create, 0 already coded, 1 left out (4 hits in 1 document)."
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    starts = [i for i in range(len(TEXT)) if TEXT.startswith("rose", i)]
    assert [a.start for a in stored_annotations(library_path, doc_id)] == [starts[0], starts[2], starts[3]]

    dialog = _open_dialog(qtbot, window)
    assert [status for status, _ in _rows(dialog)] == [ALREADY_CODED, TO_CREATE, ALREADY_CODED, ALREADY_CODED]
    coded = dialog.preview_list.topLevelItem(0)
    assert not coded.flags() & Qt.ItemFlag.ItemIsEnabled
    assert coded.data(0, Qt.ItemDataRole.ForegroundRole) is None  # the palette's colours, light or dark
    for i in range(1, dialog.preview_list.topLevelItemCount()):
        dialog.preview_list.topLevelItem(i).setCheckState(0, Qt.CheckState.Unchecked)
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert window.autocoder.dialog is None and len(stored_annotations(library_path, doc_id)) == 3


def test_every_control_is_named_and_reached_by_tab(qtbot, open_window, import_text) -> None:
    import_text(TEXT)
    window = open_window()
    _find(qtbot, window, "rose")
    assert window.find_bar.autocode_button.accessibleName() == "Auto-code hits"
    dialog = _open_dialog(qtbot, window)
    controls = [w for w in dialog.findChildren(QWidget) if isinstance(w, (QComboBox, QTreeWidget, QAbstractButton))]
    assert controls and [w for w in controls if not w.accessibleName()] == []
    reached = set()
    dialog.tag_box.setFocus()
    for _ in range(12):
        reached.add(dialog.focusWidget())
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    assert {dialog.tag_box, dialog.extent_box, dialog.preview_list, dialog.ok_button} <= reached
    for key, widget in ((Qt.Key.Key_E, dialog.extent_box), (Qt.Key.Key_P, dialog.preview_list),
                        (Qt.Key.Key_T, dialog.tag_box)):  # fmt: skip
        qtbot.keyClick(dialog.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
        assert dialog.focusWidget() is widget
    dialog.tag_box.setFocus()
    qtbot.keyClick(dialog.tag_box, Qt.Key.Key_Down)  # claim -> evidence: planned again for that tag
    assert dialog.plan is not None and dialog.plan.tag_id == window.session.tags[1].id
    dialog.reject()


def test_a_text_revised_before_ok_is_refused_and_nothing_is_coded(
    qtbot, open_window, import_text, library_path, messages
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    _find(qtbot, window, "rose")
    dialog = _open_dialog(qtbot, window)
    with Library.open(f"sqlite:///{library_path}") as other:
        revising.revise_document(other, document_id=doc_id, new_text="New first line.\n" + TEXT)
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Return)
    assert messages and "Nothing was coded: the text of" in messages[-1][1] and "since the preview" in messages[-1][1]
    assert stored_annotations(library_path, doc_id) == []
    assert window.session.document is not None and window.session.document.text.startswith("New first line.")


def test_chosen_hits_are_what_a_search_view_passes(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    sha = window.session.document.sha256
    last = TEXT.rindex("rose")
    dialog = window.autocoder.code_hits([ChosenHit(doc_id, last, last + 4, sha)])
    assert dialog is not None and _rows(dialog) == [(TO_CREATE, "rose")]
    dialog.extent_box.setCurrentIndex(2)  # its paragraph
    assert _rows(dialog) == [(TO_CREATE, SENTENCES[2])]
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Return)
    assert [a.quote for a in stored_annotations(library_path, doc_id)] == [SENTENCES[2]]


def test_planning_and_coding_run_off_the_gui_thread(qtbot, open_window, import_text, library_path, monkeypatch) -> None:
    import_text(TEXT)
    window = open_window()
    threads: list[str] = []
    for name in ("plan", "apply"):
        real = getattr(autocoding, name)

        def spy(*args, _real=real, **kwargs):  # type: ignore[no-untyped-def]
            threads.append(threading.current_thread().name)
            return _real(*args, **kwargs)

        monkeypatch.setattr(autocoding, name, spy)
    _find(qtbot, window, "rose")
    dialog = _open_dialog(qtbot, window)
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Return)
    assert threads == ["annotator-background"] * 2


def test_cancel_stops_the_work_at_its_next_step(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    task: QtBackgroundTask[int] = QtBackgroundTask(parent, "Working…")
    steps: list[int] = []

    def work(progress) -> int:  # type: ignore[no-untyped-def]
        for step in range(1000):
            steps.append(step)
            if not progress(step, 1000):
                raise Cancelled("cancelled; nothing was changed")
            time.sleep(0.005)
        return len(steps)

    QTimer.singleShot(100, task.dialog.cancel)  # the user presses Cancel
    with pytest.raises(Cancelled):
        task.run(work)
    assert 0 < len(steps) < 1000


def test_a_long_title_leaves_the_text_to_code_in_sight(qtbot, open_window, import_text) -> None:
    import_text("A title that goes on and on " * 12 + "\n\nA rose grew.\n")
    window = open_window()
    _find(qtbot, window, "rose")
    dialog = _open_dialog(qtbot, window)
    tree = dialog.preview_list
    assert _rows(dialog) == [(TO_CREATE, "rose")]
    assert tree.columnViewportPosition(3) < tree.viewport().width() * 2 // 3
    assert tree.topLevelItem(0).toolTip(1).startswith("A title that goes on")


def test_the_tag_cannot_change_while_planning_so_what_is_coded_is_what_is_shown(
    qtbot, open_window, import_text, library_path, monkeypatch
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    _find(qtbot, window, "rose")
    dialog = _open_dialog(qtbot, window)
    real, planned = autocoding.plan, []

    def slow(*args, **kwargs):  # type: ignore[no-untyped-def]
        planned.append(kwargs["tag_id"])
        time.sleep(0.3)
        return real(*args, **kwargs)

    monkeypatch.setattr(autocoding, "plan", slow)
    first_tag = dialog.tag_id
    dialog.tag_box.setFocus()
    QTimer.singleShot(100, lambda: qtbot.keyClick(dialog.tag_box, Qt.Key.Key_Down))  # typed while planning
    qtbot.keyClick(dialog.tag_box, Qt.Key.Key_Down)
    second_tag = dialog.tag_id
    assert second_tag != first_tag and planned == [second_tag]  # the key typed meanwhile went nowhere
    assert dialog.plan is not None and dialog.plan.tag_id == second_tag and dialog.tag_box.hasFocus()
    qtbot.keyClick(dialog.preview_list, Qt.Key.Key_Return)
    assert {a.tag_id for a in stored_annotations(library_path, doc_id)} == {second_tag}
