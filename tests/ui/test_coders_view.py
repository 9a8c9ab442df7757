"""Tests (UI): whose annotations the window shows (View › Coders), per-coder underlines, blind coding.

The pane is checked through its highlighter (its index and the formats it gave
each block), not pixels; the list through the rows it shows; counts through
the tag tree's; and what another program does through the watcher's poll,
driven directly.
"""

from __future__ import annotations

import io
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat

from annotator import config
from annotator.core import codebook
from annotator.services import Library, annotating, coders, exporting, importing, revising
from annotator.ui.app import create_main_window
from annotator.ui.qt_coders import QtChooseCodersDialog
from annotator.ui.qt_main_window import QtMainWindow
from tests._pg import PostgresServer
from tests.ui.conftest import stored_annotations, wait_letting_threads_run

TEXT = "Alpha beta gamma delta. Epsilon zeta eta theta.\n"
#: (start, end, coder): mine ("ann"), then bo's and cy's, and one without a name.
SPANS = ((0, 5, "ann"), (6, 10, "bo"), (11, 16, "cy"), (17, 22, ""))
Underline = QTextCharFormat.UnderlineStyle


def _annotate(library: Library, document_id: str, start: int, end: int, coder: str) -> str:
    tag = library.tags()[0].id
    changes = annotating.create_annotation(
        library, document_id=document_id, tag_id=tag, start=start, end=end, coder=coder
    )
    return changes.annotations_created[0].id


@pytest.fixture
def window(open_window, import_text, library_path: Path) -> QtMainWindow:
    """A window of "ann" on a document each coder of SPANS annotated once."""
    config.save_coder_name("ann")
    doc_id = import_text(TEXT)
    with Library.open(f"sqlite:///{library_path}") as library:
        for start, end, coder in SPANS:
            _annotate(library, doc_id, start, end, coder)
    return open_window()


def _coders_in_pane(window: QtMainWindow) -> list[str]:
    index = window.pane.highlighter.index
    return sorted(span.coder for span in index.overlapping(0, len(window.pane.text)))


def _coders_in_list(window: QtMainWindow) -> list[str]:
    shown = set(window.annotation_view.visible_ids())
    return sorted(a.coder for a in window.session.annotations.values() if a.id in shown)


def _tag_count(window: QtMainWindow) -> int:
    return window.tag_panel._counts.get(window.session.tags[0].id, 0)


def _format_at(window: QtMainWindow, offset: int) -> QTextCharFormat:
    pane = window.pane
    position = pane.offset_map.to_utf16(offset)
    block = pane.document().findBlock(position)
    pane.highlighter.ensure(block)
    for fmt_range in block.layout().formats():
        if fmt_range.start <= position - block.position() < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)
    raise AssertionError("nothing painted there")


def _painted(window: QtMainWindow, offset: int) -> bool:
    pane = window.pane
    position = pane.offset_map.to_utf16(offset)
    block = pane.document().findBlock(position)
    pane.highlighter.ensure(block)
    return any(
        r.start <= position - block.position() < r.start + r.length and r.format.background().style() != Qt.NoBrush
        for r in block.layout().formats()
    )


def test_everyone_mine_and_chosen_change_the_highlights_rows_and_counts(window: QtMainWindow) -> None:
    everyone = sorted(c for _, _, c in SPANS)
    assert _coders_in_pane(window) == everyone and _coders_in_list(window) == everyone
    assert _tag_count(window) == 4

    window.coder_view.mine_action.trigger()
    assert _coders_in_pane(window) == ["ann"] and _coders_in_list(window) == ["ann"]
    assert _tag_count(window) == 1
    assert _painted(window, 1) and not _painted(window, 7)
    assert window.coder_view.button.text() == "Only yours"

    def choose_bo(dialog: QtChooseCodersDialog) -> bool:
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            wanted = item.data(Qt.ItemDataRole.UserRole) == "bo"
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)
        return True

    window.coder_view.ask = choose_bo
    window.coder_view.chosen_action.trigger()
    assert _coders_in_pane(window) == ["bo"] and _coders_in_list(window) == ["bo"]
    assert _tag_count(window) == 1
    assert not _painted(window, 1) and _painted(window, 7)

    window.coder_view.everyone_action.trigger()
    assert _coders_in_pane(window) == everyone and _coders_in_list(window) == everyone
    assert _tag_count(window) == 4


def test_the_chooser_lists_each_coder_with_style_and_counts_and_cancel_keeps_the_view(
    qtbot, window: QtMainWindow, library_path: Path
) -> None:
    with Library.open(f"sqlite:///{library_path}") as library:
        [other] = importing.import_text(library, "another text\n", title="Other").documents
        _annotate(library, other.id, 0, 7, "bo")
    seen: dict[str, str] = {}

    def cancel(dialog: QtChooseCodersDialog) -> bool:
        assert dialog.accessibleName() == "Choose coders" and dialog.list.accessibleName() == "Coders"
        for row in range(dialog.list.count()):
            item = dialog.list.item(row)
            seen[item.data(Qt.ItemDataRole.UserRole)] = item.text()
        return False

    window.coder_view.mine_action.trigger()
    window.coder_view.ask = cancel
    window.coder_view.chosen_action.trigger()
    assert seen["bo"] == "bo — dotted underline — 1 here, 2 in the library"
    assert seen["ann"] == "ann (you) — no underline — 1 here, 1 in the library"
    assert seen[""].startswith("(no name) — ")
    assert window.coder_view.mine_action.isChecked()  # cancelled: what was shown stays
    assert _coders_in_pane(window) == ["ann"]
    qtbot.waitUntil(lambda: "bo — dotted underline" in window.coder_view.button.toolTip())  # the legend


def test_each_other_coder_is_underlined_in_a_style_of_their_own_and_mine_is_not(window: QtMainWindow) -> None:
    # By name order of the others: "" (no name), then bo, then cy.
    assert window.coder_view.styles() == {"": "dash", "bo": "dot", "cy": "wave"}
    assert _format_at(window, 1).underlineStyle() == Underline.NoUnderline
    assert _format_at(window, 7).underlineStyle() == Underline.DotLine
    assert _format_at(window, 12).underlineStyle() == Underline.WaveUnderline
    assert _format_at(window, 18).underlineStyle() == Underline.DashUnderline
    # The fill is the tag's, whoever coded it.
    assert _format_at(window, 1).background().color() == _format_at(window, 7).background().color()


def test_coder_underlines_are_readable_in_a_dark_theme(window: QtMainWindow) -> None:
    dark = QPalette(window.pane.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    window.pane.setPalette(dark)
    fmt = _format_at(window, 7)
    assert fmt.underlineStyle() == Underline.DotLine
    assert fmt.underlineColor().lightness() > 128  # light on the dark page, like the text
    assert fmt.background().color().lightness() < 128


def test_select_all_then_delete_acts_only_on_the_rows_shown(qtbot, window: QtMainWindow, library_path: Path) -> None:
    window.coder_view.mine_action.trigger()
    view = window.annotation_view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert [window.session.annotations[i].coder for i in window.selected_annotation_ids()] == ["ann"]
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    stored = stored_annotations(library_path, window.session.document.id)
    assert sorted(a.coder for a in stored) == ["", "bo", "cy"]


def test_the_inspector_lets_go_of_an_annotation_that_is_hidden(window: QtMainWindow) -> None:
    theirs = next(a for a in window.session.annotations.values() if a.coder == "bo")
    window.select_annotation(theirs.id)
    assert window.inspector.annotation_id == theirs.id
    window.coder_view.mine_action.trigger()
    assert window.inspector.annotation_id is None
    assert window.selected_annotation_ids() == []


def test_orphans_of_coders_not_shown_are_not_listed(qtbot, window: QtMainWindow, library_path: Path) -> None:
    with Library.open(f"sqlite:///{library_path}") as other:
        revising.revise_document(other, document_id=window.session.document.id, new_text="Nothing like it.\n")
    _poll_until(qtbot, window, lambda: len(window.session.orphans) == 4)
    assert window.orphan_panel.orphan_list.count() == 4
    window.coder_view.mine_action.trigger()
    assert window.orphan_panel.orphan_list.count() == 1


def test_coders_menu_is_in_the_view_menu_with_keys_and_names(window: QtMainWindow) -> None:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.coder_view.menu in [a.menu() for a in view_menu.actions()]
    texts = [a.text() for a in window.coder_view.menu.actions() if not a.isSeparator()]
    assert all("&" in text for text in texts)
    assert window.coder_view.button.accessibleName() == "Whose annotations are shown"


def test_blind_coding_from_the_menu_hides_others_and_is_stated(window: QtMainWindow, library_path: Path) -> None:
    view = window.coder_view
    view.blind_action.trigger()
    assert _coders_in_pane(window) == ["ann"] and _coders_in_list(window) == ["ann"]
    assert view.button.text() == "Blind coding: only yours"
    assert view.everyone_action.isChecked() and not view.everyone_action.isEnabled()
    with Library.open(f"sqlite:///{library_path}") as library:
        assert coders.blind_coding(library) is True
        out = io.BytesIO()
        exporting.export(library, out, format_id="json")
    assert orjson.loads(out.getvalue())["blind_coding"] is True
    view.blind_action.trigger()
    assert len(_coders_in_pane(window)) == 4 and view.everyone_action.isEnabled()


def _poll_until(qtbot, window: QtMainWindow, condition) -> None:  # type: ignore[no-untyped-def]
    def polled() -> bool:
        window.watcher.poll()
        return condition()

    qtbot.waitUntil(polled, timeout=10000)


def test_blind_coding_turned_on_by_another_program_is_picked_up(
    qtbot, window: QtMainWindow, library_path: Path
) -> None:
    with Library.open(f"sqlite:///{library_path}") as other:
        coders.set_blind_coding(other, True)
    _poll_until(qtbot, window, lambda: window.session.blind)
    assert _coders_in_pane(window) == ["ann"] and window.coder_view.blind_action.isChecked()


def test_another_coders_new_annotation_shows_and_stays_hidden_while_blind(
    qtbot, window: QtMainWindow, library_path: Path
) -> None:
    doc_id = window.session.document.id
    with Library.open(f"sqlite:///{library_path}") as other:
        new = _annotate(other, doc_id, 24, 31, "dee")
    _poll_until(qtbot, window, lambda: new in window.pane.highlighter.index)
    # A coder new to the window gets a style once the burst of changes is over.
    qtbot.waitUntil(lambda: window.pane.highlighter.coder_styles.get("dee") == "dash-dot", timeout=5000)
    window.coder_view.blind_action.trigger()
    with Library.open(f"sqlite:///{library_path}") as other:
        hidden = _annotate(other, doc_id, 32, 36, "dee")
    _poll_until(qtbot, window, lambda: hidden in window.session.annotations)
    assert hidden not in window.pane.highlighter.index and new not in window.pane.highlighter.index
    assert hidden not in window.annotation_view.visible_ids()


@pytest.mark.postgres
def test_two_coders_at_once_on_postgresql(qtbot, postgres_server: PostgresServer) -> None:
    """Ann's and Bo's windows on one PostgreSQL library: Bo's new annotation reaches Ann's window at
    its next poll (LISTEN/NOTIFY), and while the library is coded blind it stays hidden there."""
    url = postgres_server.create_database()
    libraries = [Library.open(url), Library.open(url)]
    try:
        [doc] = importing.import_text(libraries[0], TEXT, title="Shared").documents
        windows = []
        for library, name in zip(libraries, ("ann", "bo"), strict=True):
            window = create_main_window(library)
            qtbot.addWidget(window)
            window.identity._name = name  # each window its own coder (one settings file for both here)
            window.show()
            windows.append(window)
        ann, bo = windows
        assert ann.session.document.id == bo.session.document.id == doc.id

        bo.session.tag_span(bo.session.tags[0].id, 6, 10)
        [theirs] = bo.session.annotations.values()
        assert theirs.coder == "bo"
        _poll_until(qtbot, ann, lambda: theirs.id in ann.pane.highlighter.index)
        assert theirs.id in ann.annotation_view.visible_ids()

        bo.coder_view.blind_action.trigger()  # Bo turns blind coding on for the library
        _poll_until(qtbot, ann, lambda: ann.session.blind)
        assert theirs.id not in ann.pane.highlighter.index

        bo.session.tag_span(bo.session.tags[0].id, 11, 16)
        newer = next(a for a in bo.session.annotations.values() if a.id != theirs.id)
        _poll_until(qtbot, ann, lambda: newer.id in ann.session.annotations)
        assert newer.id not in ann.pane.highlighter.index
        assert newer.id not in ann.annotation_view.visible_ids()
        assert [a.coder for a in ann.session.annotations.values()] == ["bo", "bo"]
        for window in windows:
            window.close()
    finally:
        for library in libraries:
            library.close()
        postgres_server.drop_database(url)


def _retrieved_coders(qtbot, window: QtMainWindow) -> list[str]:  # type: ignore[no-untyped-def]
    panel = window.retrieval.panel
    window.retrieval.show()
    panel.reload_choices()
    panel.query_edit.setText(codebook.format_path((window.session.tags[0].name,)))
    panel.run_query()
    assert wait_letting_threads_run(lambda: not panel.running, 10)
    return sorted(panel.model.segments[row].coder for row in range(panel.model.rowCount()))


def test_blind_coding_keeps_other_coders_out_of_every_view_until_turned_off(qtbot, window: QtMainWindow) -> None:
    assert _retrieved_coders(qtbot, window) == ["", "ann", "bo", "cy"]
    window.disagreements.toggle_action.trigger()
    panel = window.disagreements.panel
    panel.compare(["bo", "cy"])
    assert wait_letting_threads_run(lambda: not panel.running and panel.model.rowCount() > 0, 10)
    window.coder_view.blind_action.trigger()
    assert window.disagreements.isHidden() and panel.model.rowCount() == 0
    assert not window.disagreements.toggle_action.isEnabled() and not window.agreement.action.isEnabled()
    assert window.retrieval.panel.model.rowCount() == 0
    assert _retrieved_coders(qtbot, window) == ["ann"]
    assert not window.retrieval.panel.coder_box.isEnabled()
    for matrix in (window.cooccurrence.panel, window.document_matrix.panel):
        assert matrix.coder.coders() == ["ann"] and not matrix.coder.coder_box.isEnabled()  # type: ignore[attr-defined]
    panel.compare(["bo", "cy"])  # the agreement dialog's way in
    assert panel.model.rowCount() == 0 and "blind coding is on" in panel.status_label.text()
    window.coder_view.blind_action.trigger()
    assert window.disagreements.toggle_action.isEnabled() and window.agreement.action.isEnabled()
    assert window.cooccurrence.panel.coder.coders() is None  # type: ignore[attr-defined]
    assert _retrieved_coders(qtbot, window) == ["", "ann", "bo", "cy"]


def test_blind_coding_counts_only_yours_in_the_library_list_and_the_tag_tree(qtbot, window: QtMainWindow) -> None:
    tag = window.session.tags[0].id

    def counts() -> tuple[int, int]:
        return window.documents_model._rows[0].counts.get(tag, 0), window.tag_panel._library_counts.get(tag, 0)

    assert counts() == (4, 4)
    window.coder_view.blind_action.trigger()
    qtbot.waitUntil(lambda: counts() == (1, 1), timeout=5000)
    window.coder_view.blind_action.trigger()
    qtbot.waitUntil(lambda: counts() == (4, 4), timeout=5000)


def test_blind_coding_hides_other_coders_notes_in_the_memos_view(
    qtbot, window: QtMainWindow, library_path: Path
) -> None:
    with Library.open(f"sqlite:///{library_path}") as library:
        for a in library.annotations(window.session.document.id):
            annotating.set_note(library, annotation_id=a.id, note=f"note of {a.coder or 'nobody'}")
    window.memo_flow.show_memos()
    view = window.memo_flow.memos_dialog
    assert view is not None

    def notes() -> list[str]:
        shown = (view.tree.topLevelItem(i) for i in range(view.tree.topLevelItemCount()))
        return sorted(item.text(2) for item in shown if item.text(0) == "Annotation")

    assert len(notes()) == 4
    window.coder_view.blind_action.trigger()
    assert notes() == ["note of ann"]
    window.coder_view.blind_action.trigger()
    assert len(notes()) == 4


def test_blind_coding_keeps_other_coders_out_of_the_legend(qtbot, window: QtMainWindow) -> None:
    view = window.coder_view
    view.blind_action.trigger()
    view.update_legend()
    legend = view.button.toolTip()
    assert "1 here" in legend and "ann" in legend
    assert not any(name in legend for name in ("bo —", "cy —", "(no name)"))
