"""Tests (UI): the Disagreements view, driven by keys: Ctrl+Shift+X opens it and lists the
service's stretches off the GUI thread; moving to a row shows each coder's version side by side
(their spans painted at the exact code points, after emoji); Enter selects the stretch in the
text; Alt+1 accepts the first coder's version into the consensus coder, Ctrl+Z undoes it and
Ctrl+Shift+Z redoes it, the database checked each time; a text changed since is refused in one
line; Export… writes every row; compare() sets the choices and runs; named controls and a
palette-dependent look."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from annotator.core.anchoring import FUZZY
from annotator.core.offsets import OffsetMap
from annotator.services import Library
from annotator.services.annotating import create_annotation
from annotator.services.disagreements import disagreements
from annotator.services.revising import anchor_states, revise_document
from annotator.services.searching import Scope
from annotator.ui.qt_disagreements import compare_in
from tests.ui.conftest import wait_letting_threads_run

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

TEXT = "👩‍🔬 The study claims a cure 🧪 for colds. Its data show it well.\n\nA second claim 🎉 stands alone.\n"


def _library(library_path: Path) -> Library:
    return Library.open(f"sqlite:///{library_path}")


def _code(library_path: Path, doc: str, tag: str, quote: str, coder: str) -> str:
    with _library(library_path) as library:
        tag_id = next(t.id for t in library.tags() if t.name == tag)
        start = TEXT.index(quote)
        made = create_annotation(
            library, document_id=doc, tag_id=tag_id, start=start, end=start + len(quote), coder=coder
        )
        return made.annotations_created[0].id


@pytest.fixture
def coded(import_text, library_path: Path) -> str:
    doc = import_text(TEXT)
    _code(library_path, doc, "claim", "study claims a cure 🧪", "ada")
    _code(library_path, doc, "claim", "claims a cure 🧪 for colds", "bo")
    _code(library_path, doc, "evidence", "data show", "ada")
    _code(library_path, doc, "claim", "second claim 🎉", "ada")
    _code(library_path, doc, "claim", "second claim 🎉", "bo")  # agreed: no stretch
    return doc


def _team(library_path: Path, doc: str) -> list[tuple[int, int, str]]:
    with _library(library_path) as library:
        return sorted((a.start, a.end, a.quote) for a in library.annotations(doc) if a.coder == "team")


def _open(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_X, CTRL_SHIFT)
    dock = window.disagreements
    assert dock.isVisible() and dock.panel.view.hasFocus()
    assert wait_letting_threads_run(lambda: not dock.panel.running, 10)
    return dock.panel


def _wait(panel) -> None:  # type: ignore[no-untyped-def]
    assert wait_letting_threads_run(lambda: not panel.running, 10)


def test_list_panes_accept_undo_redo_by_keyboard(qtbot, open_window, coded: str, library_path: Path) -> None:
    doc = coded
    window = open_window()
    panel = _open(qtbot, window)
    with _library(library_path) as library:
        wanted = disagreements(library, coders=["ada", "bo"])
    assert panel.model.found == wanted and panel.model.rowCount() == 2
    assert panel.chosen_coders() == ["ada", "bo"]  # the first two, checked at the first open
    first = wanted.stretches[0]
    assert first.quote == "study claims a cure 🧪 for colds"
    # the current row's passage, one pane per coder, each painted where that coder coded
    assert [p.accessibleName() for p in panel.panes] == ["ada's coding", "bo's coding"]
    offset = first.start - len(first.before)
    for pane, mine in zip(panel.panes, first.coded, strict=True):
        assert pane.passage == first.before + first.quote + first.after
        assert [(a + offset, b + offset) for a, b, _ in pane.painted] == [(c.start, c.end) for c in mine]
        assert pane.isReadOnly()
    selections = panel.panes[0].extraSelections()
    ada_paint = selections[-1].cursor
    utf16 = OffsetMap(panel.panes[0].passage)
    assert (ada_paint.selectionStart(), ada_paint.selectionEnd()) == (
        utf16.to_utf16(first.coded[0][0].start - offset),
        utf16.to_utf16(first.coded[0][0].end - offset),
    )
    # Down: the next row's passage
    qtbot.keyClick(panel.view, Qt.Key.Key_Down)
    assert panel.panes[0].passage.find(wanted.stretches[1].quote) == len(wanted.stretches[1].before)
    qtbot.keyClick(panel.view, Qt.Key.Key_Up)
    # Enter: the stretch in the main text pane, exact code points after the emoji
    qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert window.pane.selection_offsets() == (first.start, first.end)
    assert window.pane.hasFocus()
    # Alt+1 with no consensus name: one line, nothing written
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_1, ALT)
    assert "consensus coder" in panel.status_label.text() and _team(library_path, doc) == []
    qtbot.keyClick(panel.view, Qt.Key.Key_C, ALT)
    assert panel.consensus_edit.hasFocus()
    qtbot.keyClicks(panel.consensus_edit, "team")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_1, ALT)
    ada = [(c.start, c.end, TEXT[c.start : c.end]) for c in first.coded[0]]
    assert _team(library_path, doc) == ada
    assert panel.model.index(0, panel.model.columnCount() - 1).data() == "ada"
    assert panel.stale is False
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _team(library_path, doc) == []
    assert panel.model.index(0, panel.model.columnCount() - 1).data() == ""
    qtbot.keyClick(window, Qt.Key.Key_Z, CTRL_SHIFT)
    assert _team(library_path, doc) == ada
    # Alt+B: both, one more undo step; undo gives back ada's version exactly
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_B, ALT)
    both = sorted({(c.start, c.end, TEXT[c.start : c.end]) for mine in first.coded for c in mine})
    qtbot.waitUntil(lambda: _team(library_path, doc) == both)  # a button's key clicks it a moment later
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert _team(library_path, doc) == ada
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_N, ALT)
    qtbot.waitUntil(lambda: _team(library_path, doc) == [])
    assert panel.model.index(0, panel.model.columnCount() - 1).data() == "neither"


def test_a_text_changed_since_is_refused(qtbot, open_window, coded: str, library_path: Path, messages) -> None:
    window = open_window()
    panel = _open(qtbot, window)
    panel.consensus_edit.setText("team")
    with _library(library_path) as library:
        revise_document(library, document_id=coded, new_text=TEXT + "More.\n")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_2, ALT)
    assert _team(library_path, coded) == []
    # one line: the window's own (the document it shows was revised) or the adjudication's
    assert len(messages) == 1 and ("revised" in messages[0][1] or "changed since" in messages[0][1])
    assert not window.session.undo_stack.canUndo()
    qtbot.keyClick(panel.view, Qt.Key.Key_F5)
    _wait(panel)
    qtbot.keyClick(panel.view, Qt.Key.Key_2, ALT)
    assert len(_team(library_path, coded)) == 1  # bo's claim, listed again on the revised text


def test_export_writes_every_row(qtbot, open_window, coded: str, tmp_path: Path, monkeypatch) -> None:
    window = open_window()
    panel = _open(qtbot, window)
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(target), "CSV (*.csv)"))
    qtbot.keyClick(panel.view, Qt.Key.Key_P, ALT)
    qtbot.waitUntil(target.exists)
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert rows[0][8:] == ["ada: coded", "ada: annotations", "bo: coded", "bo: annotations"]
    assert [r[7] for r in rows[1:]] == [d.quote for d in panel.model.found.stretches]


def test_compare_sets_the_choices_and_runs(qtbot, open_window, coded: str, import_text, library_path: Path) -> None:
    other = import_text("Nothing coded here.", "other.txt")
    window = open_window()
    assert window.disagreements.isHidden()
    compare_in(window.disagreements, ["ada", "bo"], scope=Scope(document_ids=(other,)), tags=["evidence"])
    panel = window.disagreements.panel
    assert window.disagreements.isVisible()
    _wait(panel)
    assert panel.counted_settings == {
        "coders": ["ada", "bo"],
        "tags": ["evidence"],
        "scope": Scope(document_ids=(other,)),
    }
    assert panel.model.rowCount() == 0 and "agree" in panel.status_label.text()
    panel.compare(["ada", "bo"], tags=["evidence"])
    _wait(panel)
    assert [d.tags for d in panel.model.found.stretches] == [("evidence",)]
    qtbot.keyClick(panel.view, Qt.Key.Key_O, ALT)
    assert panel.coders_list.hasFocus() and panel.coders_list.currentRow() == 0
    qtbot.keyClick(panel.coders_list, Qt.Key.Key_Space)  # ada unchecked: one coder left
    _wait(panel)
    assert panel.chosen_coders() == ["bo"] and "two coders" in panel.status_label.text()
    qtbot.keyClick(panel.coders_list, Qt.Key.Key_Space)
    _wait(panel)
    assert panel.chosen_coders() == ["ada", "bo"] and panel.model.rowCount() == 1


def test_controls_are_named_and_the_panes_follow_the_palette(qtbot, open_window, coded: str) -> None:
    window = open_window()
    panel = _open(qtbot, window)
    focusable = [w for w in panel.findChildren(QWidget)
                 if w.isVisible() and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isWindow() is False]  # fmt: skip
    assert [w for w in focusable if not w.accessibleName()] == []
    assert {panel.coders_list, panel.tag_box, panel.consensus_edit, panel.view, *panel.panes} <= set(focusable)
    selections = panel.panes[0].extraSelections()
    before = QColor(selections[-1].format.background().color())
    dark = QPalette(QGuiApplication.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e8e8e8"))
    panel.panes[0].setPalette(dark)
    QApplication.processEvents()
    selections = panel.panes[0].extraSelections()
    after = QColor(selections[-1].format.background().color())
    assert after != before and after.lightness() < before.lightness()


def test_undo_puts_back_a_consensus_annotation_still_awaiting_review(
    qtbot, open_window, coded: str, library_path: Path
) -> None:
    doc = coded
    team = _code(library_path, doc, "claim", "claims a cure 🧪", "team")
    with _library(library_path) as library:
        revise_document(library, document_id=doc, new_text=TEXT.replace("a cure", "a real cure"))
        waiting = anchor_states(library, doc)[team]
    assert waiting.status == FUZZY
    window = open_window()
    panel = _open(qtbot, window)
    assert "cure" in panel.model.found.stretches[0].quote
    qtbot.keyClick(panel.view, Qt.Key.Key_C, ALT)
    qtbot.keyClicks(panel.consensus_edit, "team")
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_1, ALT)
    with _library(library_path) as library:
        assert team not in {a.id for a in library.annotations(doc)}

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    with _library(library_path) as library:
        assert anchor_states(library, doc)[team] == waiting
