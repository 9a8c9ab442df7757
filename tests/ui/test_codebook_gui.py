"""Tests (UI): shaping the codebook in the window (issue 9): the tag tree, its actions and undo,
drag and drop, the quick-pick, in-vivo coding, and readable highlights in a dark theme.

Dialogs are patched (``QInputDialog.getText``/``getItem``, the Edit dialog's ``exec``), never
left to block; what is saved is read back through a separate connection.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QPalette,
    QTextCharFormat,
)
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMenu

from annotator.core import colours
from annotator.services import Library
from annotator.services import codebook as codebook_service
from annotator.ui.qt_codebook_flow import QtTagDialog, in_vivo_name
from annotator.ui.qt_quick_pick import fuzzy_rank
from annotator.ui.qt_tag_tree import TAG_IDS_MIME
from tests.ui.conftest import context_menu_by_keyboard, select_by_keyboard, stored_annotations

SAMPLE = "Alpha beta gamma. Delta epsilon zeta.\nEta theta   iota\nkappa.\n"


def stored_tags(library_path) -> dict[str, object]:
    with Library.open(f"sqlite:///{library_path}") as library:
        return {t.name: t for t in library.tags()}


def answer_text(monkeypatch, *answers: str) -> None:
    queue = list(answers)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_a, **_k: (queue.pop(0), True))


def answer_items(monkeypatch, *answers: str, asked: list[str] | None = None) -> None:
    queue = list(answers)

    def get_item(_parent, _title, label, items, *_args, **_kwargs):
        if asked is not None:
            asked.append(label)
        choice = queue.pop(0)
        assert choice in items, (choice, items)
        return choice, True

    monkeypatch.setattr(QInputDialog, "getItem", get_item)


def focus_tree(window, tag_id: str | None = None) -> None:
    tree = window.tag_panel
    tree.tree.setFocus()
    if tag_id is not None:
        tree.select([tag_id])


def undo(qtbot, window) -> None:
    qtbot.keyClick(window.pane, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def redo(qtbot, window) -> None:
    qtbot.keyClick(window.pane, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


def test_new_tag_by_key_then_child_by_insert_undo_and_redo(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    import_text(SAMPLE)
    window = open_window()
    answer_text(monkeypatch, "method", "survey")
    qtbot.keyClick(window.pane, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    method = stored_tags(library_path)["method"]
    assert window.tag_panel.current_id() == method.id  # the new tag is selected in the tree
    assert not colours.hard_to_tell_apart(method.color, window.session.tags[0].color)
    focus_tree(window, method.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_Insert, Qt.KeyboardModifier.ShiftModifier)
    survey = stored_tags(library_path)["survey"]
    assert survey.parent_id == method.id
    assert window.tag_panel.visible_ids()[-2:] == [method.id, survey.id]
    undo(qtbot, window)
    assert "survey" not in stored_tags(library_path)
    undo(qtbot, window)
    assert "method" not in stored_tags(library_path)
    assert method.id not in window.tag_panel.visible_ids()
    redo(qtbot, window)
    redo(qtbot, window)
    again = stored_tags(library_path)
    assert again["method"].id == method.id and again["survey"].parent_id == method.id  # the very same tags


def test_rename_with_f2_in_place_and_undo(qtbot, open_window, import_text, library_path) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim = window.session.tags[0]
    focus_tree(window, claim.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not window.tag_panel.tree
    editor.selectAll()
    qtbot.keyClicks(editor, "assertion")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "assertion" in stored_tags(library_path))
    assert window.tag_panel.index_of(claim.id).data() == "assertion"
    undo(qtbot, window)
    assert "claim" in stored_tags(library_path) and window.tag_panel.index_of(claim.id).data() == "claim"


def test_edit_dialog_changes_colour_key_and_description_and_warns_of_a_look_alike(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim, evidence = window.session.tags[0], window.session.tags[1]
    near_evidence = "#2a9d90"

    def fill(dialog: QtTagDialog) -> int:
        assert dialog.accessibleName() == "Edit tag"
        dialog.set_color("#ffffff")  # an invisible highlight on a white page is warned of
        assert "too close to a light page" in dialog.warning.text()
        dialog.set_color(near_evidence)
        assert "evidence" in dialog.warning.text() and "page" not in dialog.warning.text()
        dialog.key_edit.setText("7")
        dialog.description_edit.setPlainText("Rule one.\nRule two.")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtTagDialog, "exec", fill)
    focus_tree(window, claim.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    saved = stored_tags(library_path)["claim"]
    assert (saved.color, saved.shortcut, saved.description) == (near_evidence, "7", "Rule one.\nRule two.")
    assert "evidence" in window.statusBar().currentMessage()
    assert window.tag_actions[claim.id].shortcut().toString() == "7"
    undo(qtbot, window)
    assert stored_tags(library_path)["claim"] == claim
    assert evidence.color != near_evidence


def _drag_and_drop(tree, mime, target: QPoint) -> bool:
    """Qt's drag events over the tree's rows, as a drag from *mime*'s source delivers them; True if dropped.

    Offscreen Qt runs no real drag (its platform drag ends at once), so the events a drag
    sends to the view are sent here, in order: enter, move, drop.
    """
    viewport = tree.tree.viewport()
    args = (Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(target, *args)
    QApplication.sendEvent(viewport, enter)
    move = QDragMoveEvent(target, *args)
    QApplication.sendEvent(viewport, move)
    drop = QDropEvent(QPointF(target), *args)
    QApplication.sendEvent(viewport, drop)
    return enter.isAccepted() and move.isAccepted() and drop.dropAction() == Qt.DropAction.MoveAction


def test_drag_and_drop_moves_a_tag_under_another_and_undo_moves_it_back(
    qtbot, open_window, import_text, library_path
) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim, evidence, speculation = window.session.tags
    tree = window.tag_panel
    tree.select([evidence.id])
    dragged = tree.drag_data()  # what dragging the selected row carries
    tree.select([speculation.id])  # the drop moves what was dragged, whatever is selected when it lands
    target = tree.tree.visualRect(tree.index_of(claim.id)).center()  # the middle of a row: under it
    assert _drag_and_drop(tree, dragged, target)
    qtbot.waitUntil(lambda: stored_tags(library_path)["evidence"].parent_id == claim.id)
    assert stored_tags(library_path)["speculation"].parent_id is None
    assert tree.visible_ids()[:2] == [claim.id, evidence.id]
    assert tree.tag(evidence.id).parent_id == claim.id
    undo(qtbot, window)
    assert stored_tags(library_path)["evidence"].parent_id is None
    # A drop near a row's top edge puts the tags before it, among its siblings
    parent, row = tree.drop_target(tree.tree.visualRect(tree.index_of(claim.id)).topLeft() + QPoint(5, 1))
    assert (parent, row) == (None, 0)


def test_a_drop_that_cannot_be_a_move_changes_nothing(qtbot, open_window, import_text, library_path) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim, _evidence, _speculation = window.session.tags
    tree = window.tag_panel
    before = stored_tags(library_path)
    on_claim = tree.tree.visualRect(tree.index_of(claim.id)).center()
    tree.select([claim.id])
    assert not _drag_and_drop(tree, tree.drag_data(), on_claim)  # never under itself
    text = QMimeData()
    text.setText("claim")  # words dragged from elsewhere are not tags
    assert not _drag_and_drop(tree, text, on_claim)
    foreign = QMimeData()
    foreign.setData(TAG_IDS_MIME, b"a-tag-of-another-library")
    assert not _drag_and_drop(tree, foreign, on_claim)
    qtbot.wait(50)  # a move would be asked for once the drop has ended
    assert stored_tags(library_path) == before
    assert not window.session.undo_stack.canUndo()


def _top_level_order(library_path) -> list[str]:
    tags = [t for t in stored_tags(library_path).values() if t.parent_id is None]
    return [t.name for t in sorted(tags, key=lambda t: t.sort_order)]


def test_reorder_by_keyboard_one_place_at_a_time_and_undo(qtbot, open_window, import_text, library_path) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim, _evidence, speculation = window.session.tags
    tree = window.tag_panel
    focus_tree(window, claim.id)
    down = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(tree.tree, Qt.Key.Key_Down, down)
    assert _top_level_order(library_path) == ["evidence", "claim", "speculation"]
    assert tree.visible_ids()[1] == claim.id and tree.current_id() == claim.id  # it stays chosen: press again
    qtbot.keyClick(tree.tree, Qt.Key.Key_Down, down)
    assert _top_level_order(library_path) == ["evidence", "speculation", "claim"]
    qtbot.keyClick(tree.tree, Qt.Key.Key_Down, down)  # last already: nothing to do
    assert _top_level_order(library_path) == ["evidence", "speculation", "claim"]
    focus_tree(window, speculation.id)
    qtbot.keyClick(tree.tree, Qt.Key.Key_Up, down)
    assert _top_level_order(library_path) == ["speculation", "evidence", "claim"]
    undo(qtbot, window)
    undo(qtbot, window)
    assert _top_level_order(library_path) == ["evidence", "claim", "speculation"]


def test_a_drop_between_rows_puts_the_dragged_tags_there_in_one_undo_step(
    qtbot, open_window, import_text, library_path
) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim, evidence, speculation = window.session.tags
    tree = window.tag_panel

    def bottom_edge(tag_id: str) -> QPoint:
        return tree.tree.visualRect(tree.index_of(tag_id)).bottomLeft() + QPoint(5, -1)

    tree.select([claim.id])
    assert _drag_and_drop(tree, tree.drag_data(), bottom_edge(evidence.id))  # down one, past evidence
    qtbot.waitUntil(lambda: _top_level_order(library_path) == ["evidence", "claim", "speculation"])
    tree.select([evidence.id, claim.id])
    assert _drag_and_drop(tree, tree.drag_data(), bottom_edge(speculation.id))  # both, after the last
    qtbot.waitUntil(lambda: _top_level_order(library_path) == ["speculation", "evidence", "claim"])
    undo(qtbot, window)  # one step for both
    assert _top_level_order(library_path) == ["evidence", "claim", "speculation"]


def test_move_under_by_menu_key_and_back_to_the_top(qtbot, monkeypatch, open_window, import_text, library_path) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim, evidence, _speculation = window.session.tags
    asked: list[str] = []
    answer_items(monkeypatch, "claim", "(top level)", asked=asked)
    focus_tree(window, evidence.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert "evidence" in asked[0]
    assert stored_tags(library_path)["evidence"].parent_id == claim.id
    assert window.tag_panel.tag(evidence.id).parent_id == claim.id
    focus_tree(window, evidence.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    assert stored_tags(library_path)["evidence"].parent_id is None
    undo(qtbot, window)
    assert stored_tags(library_path)["evidence"].parent_id == claim.id


def test_merge_several_tags_into_one_moves_their_annotations_and_undo_restores(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    claim, evidence, speculation = window.session.tags
    select_by_keyboard(qtbot, window, 0, 5)
    qtbot.keyClick(window.pane, Qt.Key.Key_2)
    select_by_keyboard(qtbot, window, 6, 10)
    qtbot.keyClick(window.pane, Qt.Key.Key_3)
    tree = window.tag_panel
    tree.select([evidence.id, speculation.id])
    tree.tree.setFocus()
    asked: list[str] = []
    answer_items(monkeypatch, "claim", asked=asked)
    qtbot.keyClick(tree.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert "evidence" in asked[0] and "speculation" in asked[0]
    assert set(stored_tags(library_path)) == {"claim"}
    assert {a.tag_id for a in stored_annotations(library_path, doc_id)} == {claim.id}
    assert tree.count_text(claim.id) == "2"
    undo(qtbot, window)
    assert set(stored_tags(library_path)) == {"claim", "evidence", "speculation"}
    assert sorted(a.tag_id for a in stored_annotations(library_path, doc_id)) == sorted([evidence.id, speculation.id])
    assert tree.count_text(evidence.id) == "1" and tree.count_text(claim.id) == "0"


def test_delete_a_used_tag_says_how_many_and_moves_them_then_undo(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    claim, evidence, _ = window.session.tags
    select_by_keyboard(qtbot, window, 0, 5)
    qtbot.keyClick(window.pane, Qt.Key.Key_1)
    asked: list[str] = []
    answer_items(monkeypatch, "Move them to another tag…", "evidence", asked=asked)
    focus_tree(window, claim.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_Delete)
    assert "used by 1 annotation" in asked[0]
    assert "claim" not in stored_tags(library_path)
    assert [a.tag_id for a in stored_annotations(library_path, doc_id)] == [evidence.id]
    assert window.annotations_model.rowCount() == 1  # the annotation stays (Delete in the tree is the tag's)
    undo(qtbot, window)
    assert stored_tags(library_path)["claim"] == claim
    assert [a.tag_id for a in stored_annotations(library_path, doc_id)] == [claim.id]
    redo(qtbot, window)
    assert "claim" not in stored_tags(library_path)


def test_delete_a_used_tag_with_its_annotations_and_undo_gives_both_back(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    claim = window.session.tags[0]
    for start, end in ((0, 5), (6, 10)):
        select_by_keyboard(qtbot, window, start, end)
        qtbot.keyClick(window.pane, Qt.Key.Key_1)
    before = stored_annotations(library_path, doc_id)
    asked: list[str] = []
    answer_items(monkeypatch, "Delete the 2 annotations too", asked=asked)
    focus_tree(window, claim.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_Delete)
    assert "used by 2 annotations" in asked[0]
    assert "claim" not in stored_tags(library_path)
    assert stored_annotations(library_path, doc_id) == []
    assert window.annotations_model.rowCount() == 0
    undo(qtbot, window)
    assert stored_tags(library_path)["claim"] == claim
    assert stored_annotations(library_path, doc_id) == before
    assert window.annotations_model.rowCount() == 2


def test_delete_cancelled_changes_nothing(qtbot, monkeypatch, open_window, import_text, library_path) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim = window.session.tags[0]
    select_by_keyboard(qtbot, window, 0, 5)
    qtbot.keyClick(window.pane, Qt.Key.Key_1)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *_a, **_k: ("", False))
    focus_tree(window, claim.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_Delete)
    assert "claim" in stored_tags(library_path)


def _annotation_menu_by_keyboard(window) -> QMenu:
    return context_menu_by_keyboard(window.annotation_view, "Annotation actions")


def test_split_selected_annotations_to_a_new_tag_is_one_undo_step(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    claim = window.session.tags[0]
    for start, end in ((0, 5), (6, 10), (11, 16)):
        select_by_keyboard(qtbot, window, start, end)
        qtbot.keyClick(window.pane, Qt.Key.Key_1)
    first, second, _third = (a.id for a in stored_annotations(library_path, doc_id))
    window.annotation_view.select_rows([first, second])
    answer_text(monkeypatch, "greek letters")
    qtbot.keyClick(_annotation_menu_by_keyboard(window), Qt.Key.Key_N)  # Move to &new tag…
    new = stored_tags(library_path)["greek letters"]
    tagged = {a.id: a.tag_id for a in stored_annotations(library_path, doc_id)}
    assert tagged == {first: new.id, second: new.id, _third: claim.id}
    undo(qtbot, window)
    assert "greek letters" not in stored_tags(library_path)
    assert {a.tag_id for a in stored_annotations(library_path, doc_id)} == {claim.id}


def test_move_selected_annotations_to_another_tag_from_the_list_menu(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    claim, _evidence, speculation = window.session.tags
    for start, end in ((0, 5), (6, 10)):
        select_by_keyboard(qtbot, window, start, end)
        qtbot.keyClick(window.pane, Qt.Key.Key_1)
    first, second = (a.id for a in stored_annotations(library_path, doc_id))
    window.annotation_view.select_rows([second])
    asked: list[str] = []
    answer_items(monkeypatch, "speculation", asked=asked)
    qtbot.keyClick(_annotation_menu_by_keyboard(window), Qt.Key.Key_M)  # &Move to tag…
    assert "1 annotation" in asked[0]
    assert {a.id: a.tag_id for a in stored_annotations(library_path, doc_id)} == {
        first: claim.id,
        second: speculation.id,
    }
    undo(qtbot, window)
    assert {a.tag_id for a in stored_annotations(library_path, doc_id)} == {claim.id}


def test_quick_pick_applies_a_tag_by_keyboard(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    speculation = window.session.tags[2]
    start = SAMPLE.index("Delta")
    select_by_keyboard(qtbot, window, start, start + 5)
    qtbot.keyClick(window.pane, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    pick = window.codebook.quick_pick
    assert pick.isVisible() and pick.accessibleName() == "Quick pick a tag"
    qtbot.keyClicks(pick.edit, "spc")  # letters in order: speculation
    assert pick.list.currentItem().text().startswith("speculation")
    qtbot.keyClick(pick.edit, Qt.Key.Key_Return)
    assert not pick.isVisible()
    saved = stored_annotations(library_path, doc_id)
    assert [(a.quote, a.tag_id) for a in saved] == [("Delta", speculation.id)]


def test_slash_in_the_text_opens_the_quick_pick_and_escape_closes_it(qtbot, open_window, import_text) -> None:
    import_text(SAMPLE)
    window = open_window()
    qtbot.keyClick(window.pane, Qt.Key.Key_Slash)
    pick = window.codebook.quick_pick
    assert pick.isVisible() and pick.list.count() == 3
    qtbot.keyClick(pick.edit, Qt.Key.Key_Down)
    assert pick.list.currentRow() == 1
    qtbot.keyClick(pick.edit, Qt.Key.Key_Escape)
    assert not pick.isVisible()


def test_fuzzy_rank_prefers_substrings_and_needs_letters_in_order() -> None:
    assert fuzzy_rank("vid", "evidence") < fuzzy_rank("evd", "evidence")
    assert fuzzy_rank("xyz", "evidence") is None
    assert fuzzy_rank("src", "evidence / source") is not None


def test_fuzzy_rank_prefers_the_letters_closest_together() -> None:
    tight, loose = "t3/t3-5-671", "t36/t3-371"  # the shorter, earlier match is the spread-out one
    assert fuzzy_rank("t3671", tight) < fuzzy_rank("t3671", loose)
    ranked = sorted([loose, tight, "t3/t3-5-371"], key=lambda p: fuzzy_rank("t3671", p) or (9,))
    assert ranked[0] == tight
    assert fuzzy_rank("ab", "a-b a-xb") == (1, 1, 0, 8)  # the tightest stretch, wherever it starts
    assert fuzzy_rank("t3671", "t3-5-6") is None


def test_in_vivo_names_a_tag_after_the_stored_words_and_undo_removes_both(
    qtbot, open_window, import_text, library_path, coder_named
) -> None:
    doc_id = import_text(SAMPLE)
    coder_named.append("Ann")
    window = open_window()
    start = SAMPLE.index("theta")
    end = SAMPLE.index("kappa") + len("kappa")
    select_by_keyboard(qtbot, window, start, end)  # across a line break and runs of spaces
    qtbot.keyClick(window.pane, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    tags = stored_tags(library_path)
    assert "theta iota kappa" in tags
    saved = stored_annotations(library_path, doc_id)
    assert [(a.start, a.end, a.tag_id, a.coder) for a in saved] == [(start, end, tags["theta iota kappa"].id, "Ann")]
    undo(qtbot, window)  # one step: the annotation and the tag
    assert stored_annotations(library_path, doc_id) == []
    assert "theta iota kappa" not in stored_tags(library_path)


def test_in_vivo_name_is_collapsed_trimmed_and_capped() -> None:
    assert in_vivo_name("  a\n\tb  c ") == "a b c"
    long = " ".join(["word"] * 40)
    name = in_vivo_name(long)
    assert len(name) <= 60 and name.endswith("…") and "  " not in name


def test_filter_shows_matches_with_their_ancestors_and_clearing_shows_all(
    qtbot, open_window, import_text, library_path
) -> None:
    import_text(SAMPLE)
    with Library.open(f"sqlite:///{library_path}") as library:
        claim = library.tags()[0]
        codebook_service.create_tag(library, name="Positive", parent_id=claim.id)
    window = open_window()
    tree = window.tag_panel
    positive = next(t for t in window.session.tags if t.name == "Positive")
    tree.tree.collapse(tree.index_of(claim.id))  # the user closed the parent
    qtbot.keyClicks(tree.filter_edit, "POSIT")
    assert tree.visible_ids() == [claim.id, positive.id]
    assert tree.tree.isExpanded(tree.index_of(claim.id))  # the match shows
    assert tree.count_text(claim.id) == "0 / 0"
    tree.set_filter("")
    assert len(tree.visible_ids()) == 4
    assert not tree.tree.isExpanded(tree.index_of(claim.id))  # closed again, as the user left it
    assert tree.filter_edit.accessibleName() == "Filter tags" and tree.tree.accessibleName() == "Tags"


def test_highlights_keep_text_readable_in_a_dark_theme(qtbot, open_window, import_text) -> None:
    import_text(SAMPLE)
    window = open_window()
    for number, (start, end) in enumerate(((0, 5), (6, 10), (11, 16)), start=1):
        select_by_keyboard(qtbot, window, start, end)
        qtbot.keyClick(window.pane, getattr(Qt.Key, f"Key_{number}"))
    dark = QPalette(window.pane.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#e6e6e6"))
    window.pane.setPalette(dark)
    for start in (0, 6, 11):
        fmt = _format_at(window, start + 1)
        background, foreground = fmt.background().color(), fmt.foreground().color()
        assert background.lightness() < 128  # a dark tint, not a pale patch under pale text
        ratio = colours.contrast_ratio(
            (foreground.red(), foreground.green(), foreground.blue()),
            (background.red(), background.green(), background.blue()),
        )
        assert ratio >= colours.MIN_CONTRAST


def test_codebook_actions_have_names_and_keys(open_window, import_text) -> None:
    import_text(SAMPLE)
    window = open_window()
    flow = window.codebook
    keys = {a.text(): a.shortcut().toString() for a in flow.menu_actions()}
    assert keys["&New tag…"] == "Ctrl+Shift+T" and keys["&Rename"] == "F2" and keys["&Quick pick…"] == "Ctrl+K"
    assert keys["New tag from &selection"] == "Ctrl+Shift+N" and keys["&Delete tag…"] == "Del"
    assert all(a in window.tags_menu.actions() for a in flow.menu_actions())


def _format_at(window, offset: int) -> QTextCharFormat:
    pane = window.pane
    position = pane.offset_map.to_utf16(offset)
    block = pane.document().findBlock(position)
    for fmt_range in block.layout().formats():
        if fmt_range.start <= position - block.position() < fmt_range.start + fmt_range.length:
            return QTextCharFormat(fmt_range.format)
    raise AssertionError("nothing painted there")


def test_a_click_on_a_tag_tags_the_selected_text_and_without_a_selection_only_selects(
    qtbot, open_window, import_text, library_path
) -> None:
    doc_id = import_text(SAMPLE)
    window = open_window()
    evidence = window.session.tags[1]
    tree = window.tag_panel.tree
    rect = tree.visualRect(window.tag_panel.index_of(evidence.id))
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert stored_annotations(library_path, doc_id) == []  # nothing selected: the click only selects the row
    start = SAMPLE.index("beta")
    select_by_keyboard(qtbot, window, start, start + 4)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    saved = stored_annotations(library_path, doc_id)
    assert [(a.quote, a.tag_id) for a in saved] == [("beta", evidence.id)]


def test_undo_of_an_edit_another_program_changed_since_is_refused_with_one_line(
    qtbot, monkeypatch, open_window, import_text, library_path, messages
) -> None:
    import_text(SAMPLE)
    window = open_window()
    claim = window.session.tags[0]

    def fill(dialog: QtTagDialog) -> int:
        dialog.set_color("#123456")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QtTagDialog, "exec", fill)
    focus_tree(window, claim.id)
    qtbot.keyClick(window.tag_panel.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.AltModifier)
    assert stored_tags(library_path)["claim"].color == "#123456"
    with Library.open(f"sqlite:///{library_path}") as other:  # before the window's next poll
        codebook_service.update_tag(other, tag_id=claim.id, name="assertion", description="their rule")
    undo(qtbot, window)
    qtbot.waitUntil(lambda: bool(messages))
    assert [text for _kind, text in messages] == [
        "Not saved: another program changed the codebook since this was done here; nothing was undone"
    ]
    saved = stored_tags(library_path)["assertion"]
    assert (saved.description, saved.color) == ("their rule", "#123456")


def test_a_merge_of_a_tag_another_program_renamed_since_is_refused(
    qtbot, monkeypatch, open_window, import_text, library_path, messages
) -> None:
    import_text(SAMPLE)
    window = open_window()
    _claim, evidence, _ = window.session.tags
    with Library.open(f"sqlite:///{library_path}") as other:  # before the window's next poll
        codebook_service.update_tag(other, tag_id=evidence.id, name="proof", description="their rule")
    focus_tree(window, evidence.id)
    answer_items(monkeypatch, "claim")
    qtbot.keyClick(
        window.tag_panel.tree, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: bool(messages))
    assert [text for _kind, text in messages] == [
        "Not saved: another program changed this tag since it was shown here; nothing was saved"
    ]
    assert stored_tags(library_path)["proof"].description == "their rule"


def test_in_vivo_on_decomposed_words_tags_them_with_the_composed_tag_of_that_name(
    qtbot, open_window, import_text, library_path
) -> None:
    text = "Un cafe\u0301 au lait, s'il vous plait.\n"  # NFD é, as some editors save it
    doc_id = import_text(text)
    with Library.open(f"sqlite:///{library_path}") as other:
        existing = codebook_service.create_tag(other, name="caf\u00e9 au").tags_created[0]
    window = open_window()
    start = text.index("cafe")
    select_by_keyboard(qtbot, window, start, start + len("cafe\u0301 au"))
    qtbot.keyClick(window.pane, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    saved = stored_annotations(library_path, doc_id)
    assert [(a.start, a.end, a.tag_id) for a in saved] == [(start, start + len("cafe\u0301 au"), existing.id)]
    assert list(stored_tags(library_path)).count("caf\u00e9 au") == 1


def test_the_all_column_counts_the_whole_library_rolled_up_and_follows_other_programs(
    qtbot, open_window, import_text, library_path
) -> None:
    from annotator.services import annotating

    first = import_text(SAMPLE, "first.txt")
    second = import_text("Another text to read.\n", "second.txt")
    with Library.open(f"sqlite:///{library_path}") as library:
        claim = library.tag_named("claim")
        child = codebook_service.create_tag(library, name="strong", parent_id=claim.id).tags_created[0]
        for quote in ("Alpha", "Delta"):
            annotating.annotate_quote(library, document_id=first, tag_id=claim.id, quote=quote)
        annotating.annotate_quote(library, document_id=first, tag_id=child.id, quote="Eta")
    window = open_window()
    window.open_document(second)
    tree = window.tag_panel

    def column(tag_id: str, which: int) -> str:
        return tree.index_of(tag_id, which).data()

    assert (column(claim.id, tree.COUNT), column(claim.id, tree.ALL)) == ("0 / 0", "2 / 3")
    assert column(child.id, tree.ALL) == "1"
    select_by_keyboard(qtbot, window, 0, 7)
    qtbot.keyClick(window.pane, Qt.Key.Key_1)  # claim, here
    qtbot.waitUntil(lambda: column(claim.id, tree.ALL) == "3 / 4")
    assert column(claim.id, tree.COUNT) == "1 / 1"
    with Library.open(f"sqlite:///{library_path}") as other:  # another program tags the first document
        annotating.annotate_quote(other, document_id=first, tag_id=child.id, quote="kappa")
    window.watcher.poll()
    qtbot.waitUntil(lambda: column(child.id, tree.ALL) == "2")
    assert column(claim.id, tree.ALL) == "3 / 5"
    spoken = tree.index_of(claim.id).data(Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == "claim, 1 / 1 here, 3 / 5 in the library, key 1"


def test_undo_gives_back_the_codebook_as_the_action_found_it_not_as_the_window_last_showed_it(
    qtbot, open_window, import_text, library_path
) -> None:
    """Found by an attack: another program's edit, committed before a reorder but not yet polled,
    was undone along with the reorder."""
    import_text(SAMPLE)
    window = open_window()
    claim, evidence, _speculation = window.session.tags
    with Library.open(f"sqlite:///{library_path}") as other:
        codebook_service.update_tag(other, tag_id=claim.id, description="Their coding rule.")
    focus_tree(window, evidence.id)  # before the window's next poll
    qtbot.keyClick(
        window.tag_panel.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert _top_level_order(library_path) == ["evidence", "claim", "speculation"]
    undo(qtbot, window)
    assert _top_level_order(library_path) == ["claim", "evidence", "speculation"]
    assert stored_tags(library_path)["claim"].description == "Their coding rule."


def test_redo_of_a_new_tag_keeps_what_another_program_changed_after_the_undo(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    import_text(SAMPLE)
    with Library.open(f"sqlite:///{library_path}") as library:  # a merge leaves a gap in the tags' order
        claim, evidence = library.tag_named("claim"), library.tag_named("evidence")
        codebook_service.merge_tags(library, tag_ids=[evidence.id], into_id=claim.id)
    window = open_window()
    answer_text(monkeypatch, "newtag")
    qtbot.keyClick(window.pane, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    made = stored_tags(library_path)["newtag"]
    undo(qtbot, window)
    assert "newtag" not in stored_tags(library_path)
    with Library.open(f"sqlite:///{library_path}") as other:
        speculation = other.tag_named("speculation")
        codebook_service.update_tag(other, tag_id=speculation.id, name="guess", description="Their rule.")
    window.watcher.poll()
    redo(qtbot, window)
    tags = stored_tags(library_path)
    assert tags["newtag"].id == made.id  # the very same tag
    assert "speculation" not in tags and tags["guess"].description == "Their rule."


def test_moving_annotations_to_a_tag_never_makes_two_of_one_span(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    """Found by an attack: "Move to tag…" and "Move to new tag…" made exact copies (same span, coder, tag)."""
    doc_id = import_text(SAMPLE)
    window = open_window()
    claim, evidence, _speculation = window.session.tags
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):  # "Alpha" as a claim and as evidence
        select_by_keyboard(qtbot, window, 0, 5)
        qtbot.keyClick(window.pane, key)
    before = stored_annotations(library_path, doc_id)
    assert sorted(a.tag_id for a in before) == sorted([claim.id, evidence.id])
    as_evidence = next(a.id for a in before if a.tag_id == evidence.id)
    window.annotation_view.select_rows([as_evidence])
    answer_items(monkeypatch, "claim")
    qtbot.keyClick(_annotation_menu_by_keyboard(window), Qt.Key.Key_M)  # &Move to tag… claim
    assert "already tagged 'claim'" in window.statusBar().currentMessage()
    assert stored_annotations(library_path, doc_id) == before
    window.annotation_view.select_rows([a.id for a in before])
    answer_text(monkeypatch, "split")
    qtbot.keyClick(_annotation_menu_by_keyboard(window), Qt.Key.Key_N)  # Move to &new tag… "split"
    assert "under one tag they would be copies" in window.statusBar().currentMessage()
    assert stored_annotations(library_path, doc_id) == before  # both would have become one span of "split"
    assert "split" not in stored_tags(library_path)  # nor is the tag made for nothing
