"""Tests (UI): the Intercoder agreement dialog, driven by keys: Ctrl+Shift+K opens it in its coder
list, Space checks coders and tags, Alt keys reach every chooser, Alt+M computes in a worker thread
and the rows are the service's (alpha_u among them, on text with emoji), undefined values show
their reason, Export… writes CSV and the HTML report with the method stated, every control is
named and reached by Tab, and nothing is coloured but by the palette (light or dark)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from annotator.core import agreement as ag
from annotator.services import Library, sets
from annotator.services.agreement import ALPHA_U, COHEN, FIELDS, agreement, document_titles, report_table
from annotator.services.annotating import create_annotation
from annotator.services.searching import Scope
from annotator.ui.qt_agreement import STALE
from annotator.ui.qt_table_tools import EXPORT_ROLE, FILTERS
from tests.ui.conftest import wait_letting_threads_run

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier

TEXT = "👩‍🔬 The 😀 team refused. The team left.\n\nNobody cared, the team said."
OTHER = "A second text. It has a claim and evidence."
CODED = [
    (0, "claim", "The 😀 team refused", "ada"),
    (0, "claim", "team refused. The", "bo"),
    (0, "evidence", "Nobody cared", "bo"),
    (0, "claim", "the team said", "cy"),
    (1, "claim", "a claim", "ada"),
    (1, "claim", "claim and", "bo"),
]


@pytest.fixture
def coded(import_text, library_path: Path) -> tuple[str, str]:
    ids = (import_text(TEXT), import_text(OTHER, "other.txt"))
    texts = (TEXT, OTHER)
    with Library.open(f"sqlite:///{library_path}") as library:
        tags = {t.name: t.id for t in library.tags()}
        for doc, tag, quote, coder in CODED:
            start = texts[doc].index(quote)
            create_annotation(
                library, document_id=ids[doc], tag_id=tags[tag], start=start, end=start + len(quote), coder=coder
            )
        sets.create_set(library, name="Pilot", document_ids=[ids[1]])
    return ids


def _open(qtbot, window):  # type: ignore[no-untyped-def]
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    dialog = window.agreement.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.coder_list.hasFocus())
    return dialog


def _check(qtbot, checklist, *values: str) -> None:  # type: ignore[no-untyped-def]
    """Walk the list with Down and press Space on each of *values*, as a user would."""
    qtbot.keyClick(checklist, Qt.Key.Key_Home)
    for _ in range(checklist.count()):
        if checklist.currentItem().data(Qt.ItemDataRole.UserRole) in values:
            qtbot.keyClick(checklist, Qt.Key.Key_Space)
        qtbot.keyClick(checklist, Qt.Key.Key_Down)


def _compute(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_M, ALT)
    assert wait_letting_threads_run(lambda: not dialog.running and dialog.model.found is not None, 10)


def test_keys_choose_coders_compute_and_the_values_are_the_services(
    qtbot, open_window, coded, library_path: Path
) -> None:
    window = open_window()
    dialog = _open(qtbot, window)
    assert [dialog.coder_list.item(r).text() for r in range(dialog.coder_list.count())] == ["ada", "bo", "cy"]
    _check(qtbot, dialog.coder_list, "ada")
    qtbot.keyClick(dialog.coder_list, Qt.Key.Key_M, ALT)
    assert dialog.model.found is None and "two coders" in dialog.status_label.text()  # one coder: nothing run
    _check(qtbot, dialog.coder_list, "bo")
    _compute(qtbot, dialog)
    with Library.open(f"sqlite:///{library_path}") as library:
        wanted = agreement(library, coders=["ada", "bo"])
        title = document_titles(library, [coded[0]])[coded[0]]
    assert dialog.model.found == wanted
    model = dialog.model
    value = FIELDS.index("value")
    pooled = next(
        r for r, row in enumerate(model.rows) if row.measure == ALPHA_U and row.tag == "claim" and row.document is None
    )
    wanted_value = next(
        r.value for r in wanted.results if r.measure == ALPHA_U and r.tag == "claim" and r.document is None
    )
    assert wanted_value is not None
    assert model.index(pooled, value).data(EXPORT_ROLE) == wanted_value
    assert model.index(pooled, value).data() == f"{wanted_value:.4f}"
    assert model.index(pooled, FIELDS.index("document")).data() == "pooled"
    assert model.index(pooled, FIELDS.index("units")).data() == f"{len(TEXT) + len(OTHER):,}"
    kappa = next(r for r, row in enumerate(model.rows) if row.measure == COHEN and row.document == coded[0])
    assert model.index(kappa, FIELDS.index("document")).data() == title  # the title; Copy and Export give the id
    assert model.index(kappa, FIELDS.index("document")).data(EXPORT_ROLE) == coded[0]
    undefined = [r for r, row in enumerate(model.rows) if row.value is None]
    assert undefined  # evidence: ada coded none of it, bo one span; some measures have nothing to compare
    for r in undefined:
        assert model.index(r, value).data() == "undefined" and model.index(r, FIELDS.index("reason")).data()
        assert "nan" not in str(model.index(r, value).data(EXPORT_ROLE)).lower()


def test_alt_keys_reach_tags_scope_unit_and_categorical(qtbot, open_window, coded, library_path: Path) -> None:
    window = open_window()
    dialog = _open(qtbot, window)
    _check(qtbot, dialog.coder_list, "ada", "bo", "cy")
    qtbot.keyClick(dialog.coder_list, Qt.Key.Key_T, ALT)
    assert dialog.tag_list.hasFocus()
    _check(qtbot, dialog.tag_list, "claim", "evidence")
    qtbot.keyClick(dialog.tag_list, Qt.Key.Key_U, ALT)
    assert dialog.unit_box.hasFocus()
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData(ag.WORD))
    qtbot.keyClick(dialog.unit_box, Qt.Key.Key_D, ALT)
    assert dialog.scope.scope_box.hasFocus()
    dialog.scope.scope_box.setCurrentIndex(dialog.scope.scope_box.findText("Set: Pilot"))
    assert not dialog.uncoded_box.isEnabled()
    qtbot.keyClick(dialog.scope.scope_box, Qt.Key.Key_G, ALT)  # checks Categorical (an animated click)
    qtbot.waitUntil(dialog.categorical_box.isChecked)
    assert dialog.uncoded_box.isEnabled()
    qtbot.keyClick(dialog.categorical_box, Qt.Key.Key_O, ALT)
    assert dialog.uncoded_box.hasFocus()
    dialog.uncoded_box.setCurrentIndex(dialog.uncoded_box.findData("category"))
    chosen = dialog.choices()
    assert chosen.coders == ("ada", "bo", "cy") and chosen.tags == ("claim", "evidence")
    assert chosen.scope == Scope(set_name="Pilot") and chosen.unit == ag.WORD
    assert chosen.categorical and chosen.uncoded == "category"
    _compute(qtbot, dialog)
    with Library.open(f"sqlite:///{library_path}") as library:
        wanted = agreement(
            library, coders=["ada", "bo", "cy"], tags=["claim", "evidence"], scope=Scope(set_name="Pilot"),
            unit=ag.WORD, categorical=True, uncoded="category",
        )  # fmt: skip
    assert dialog.model.found == wanted and wanted.documents == (coded[1],)
    assert not [r for r in wanted.results if r.measure == ALPHA_U]  # no c|u-alpha: categorical has no alpha_u


def test_export_writes_csv_and_an_html_report_stating_the_method(
    qtbot, open_window, coded, library_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = open_window()
    dialog = _open(qtbot, window)
    _check(qtbot, dialog.coder_list, "ada", "bo")
    _compute(qtbot, dialog)
    target = tmp_path / "agreement.csv"
    label = next(k for k, v in FILTERS.items() if v == "csv")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(target), label))
    qtbot.keyClick(dialog.view, Qt.Key.Key_P, ALT)  # Export… (an animated click)
    qtbot.waitUntil(target.exists)
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8"))))
    with Library.open(f"sqlite:///{library_path}") as library:
        wanted = report_table(library, agreement(library, coders=["ada", "bo"]))
    assert rows[0] == list(FIELDS)
    assert rows[1:] == [[str(v) for v in row] for row in wanted.rows]
    page_path = tmp_path / "agreement.html"
    label = next(k for k, v in FILTERS.items() if v == "html")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(page_path), label))
    qtbot.mouseClick(dialog.tools.export_button, Qt.MouseButton.LeftButton)
    page = page_path.read_text(encoding="utf-8")
    for said in ("ada, bo (2)", "character: every code point", "Cohen 1960", "Krippendorff 1995",
                 "the whole library", "present or absent", f"({coded[0]})", "end to end"):  # fmt: skip
        assert said in page, said
    assert page.count("<tr>") == 1 + len(wanted.rows)


def test_every_control_is_named_and_reached_by_tab_and_colours_are_the_palettes(qtbot, open_window, coded) -> None:
    window = open_window()
    dialog = _open(qtbot, window)
    _check(qtbot, dialog.coder_list, "ada", "bo", "cy")
    _compute(qtbot, dialog)
    dialog._show_running(True)
    dialog.categorical_box.setChecked(True)
    QApplication.processEvents()
    dialog.coder_list.setFocus()
    reached: list[QWidget] = []
    widget = QApplication.focusWidget()
    for _ in range(20):
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
    interactive = [dialog.coder_list, dialog.tag_list, dialog.scope.scope_box, dialog.unit_box,
                   dialog.categorical_box, dialog.uncoded_box, dialog.compute_button, dialog.view,
                   dialog.cancel_button, dialog.tools.copy_button, dialog.tools.export_button,
                   dialog.close_button]  # fmt: skip
    assert all(w in reached for w in interactive), [w.accessibleName() for w in interactive if w not in reached]
    for child in dialog.findChildren(QWidget):
        if child.focusPolicy() != Qt.FocusPolicy.NoFocus and child.isVisibleTo(dialog):
            assert child.accessibleName(), child
    dialog._show_running(False)
    model = dialog.model
    assert model.rowCount() > 0
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            for role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
                assert model.index(row, column).data(role) is None  # the palette's own, light or dark
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_K, CTRL_SHIFT)
    assert dialog.isVisible() and dialog.model.found is not None  # the same dialog, its table kept


def test_esc_cancels_a_run_keeping_the_last_table_then_closes_and_a_change_makes_it_stale(
    qtbot, open_window, coded, library_path: Path
) -> None:
    window = open_window()
    dialog = _open(qtbot, window)
    _check(qtbot, dialog.coder_list, "ada", "bo")
    _compute(qtbot, dialog)
    shown = dialog.model.found
    dialog.unit_box.setCurrentIndex(dialog.unit_box.findData(ag.SENTENCE))
    dialog.compute()
    assert dialog.running
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.running and dialog.isVisible() and dialog.model.found is shown
    assert dialog.status_label.text().startswith("Cancelled")
    with Library.open(f"sqlite:///{library_path}") as library:  # another program codes a span
        create_annotation(library, document_id=coded[1], tag_id=library.tags()[0].id, start=0, end=3, coder="ada")
    window.watcher.poll()
    assert dialog.status_label.text() == STALE and dialog.model.found is shown
    qtbot.keyClick(dialog.view, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_alt_n_lists_the_chosen_coders_disagreements_in_their_view(qtbot, open_window, coded) -> None:
    window = open_window()
    dialog = _open(qtbot, window)
    _check(qtbot, dialog.coder_list, "ada", "bo")
    _check(qtbot, dialog.tag_list, "claim")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_N, ALT)
    qtbot.waitUntil(window.disagreements.isVisible)  # a mnemonic clicks after its animation
    panel = window.disagreements.panel
    assert wait_letting_threads_run(lambda: not panel.running and panel.model.found is not None, 10)
    assert panel.counted_settings["coders"] == ["ada", "bo"] and panel.counted_settings["tags"] == ["claim"]
    assert {d.tags for d in panel.model.found.stretches} == {("claim",)}
    assert panel.model.rowCount() > 0
