"""Tests (UI): Document > Replace text with a new version: annotations follow the text,
changed placements are marked for review, orphans can be re-attached by selecting text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from annotator.services import Library
from annotator.services.revising import anchor_states
from tests.ui.conftest import select_by_keyboard, stored_annotations

OLD = (
    "The minister resigned on Monday after the vote.\n\n"
    "Critics say the reform was rushed through parliament without debate.\n\n"
    "This paragraph will be removed in the corrected version.\n"
)
NEW = (
    "Corrected edition.\n\n"
    "The minister resigned on Monday after the vote.\n\n"
    "Critics say the reform was rushed through the parliament without any debate.\n"
)


def test_revision_keeps_annotations_and_lets_the_user_review_and_reattach(
    qtbot, open_window, import_text, library_path, tmp_path, messages
) -> None:
    doc_id = import_text(OLD)
    window = open_window()
    claim, evidence, speculation = window.session.tags[:3]
    window.session.tag_span(claim.id, OLD.index("The minister"), OLD.index(" on Monday"))
    critics = OLD.index("rushed through parliament without debate")
    window.session.tag_span(evidence.id, critics, critics + len("rushed through parliament without debate"))
    removed = OLD.index("This paragraph")
    window.session.tag_span(speculation.id, removed, removed + len("This paragraph will be removed"))

    new_file = tmp_path / "corrected.txt"
    new_file.write_text(NEW, encoding="utf-8")
    assert window.reviser.revise_from(str(new_file))
    assert window.pane.text == NEW
    summary = messages[-1][1]
    assert "Unchanged: 0" in summary and "Moved: 1" in summary and "Orphaned: 1" in summary
    assert "To review (⚠): 1" in summary

    # placed annotations slice the new text; the fuzzy one is marked in the list
    placed = stored_annotations(library_path, doc_id)
    assert len(placed) == 2
    for a in placed:
        assert NEW[a.start : a.end] == a.quote
    model = window.annotations_model
    marked = [model.data(model.index(r, model.TAG)) for r in range(model.rowCount())]
    assert marked == ["claim", "⚠ evidence"]

    # the orphan is listed, not highlighted
    assert window.orphan_panel.isVisibleTo(window) and window.orphan_panel.orphan_list.count() == 1
    orphan_id = window.orphan_panel.orphan_list.item(0).data(Qt.ItemDataRole.UserRole)
    assert window.pane.highlighter.index.get(orphan_id) is None

    # accept the fuzzy placement
    fuzzy_row = marked.index("⚠ evidence")
    # (selectRow would follow whatever keyboard modifiers Qt last saw; select as the app does)
    window.select_annotation(model.annotation(fuzzy_row).id)
    window.accept_action.trigger()
    assert model.data(model.index(fuzzy_row, model.TAG)) == "evidence"
    with Library.open(f"sqlite:///{library_path}") as library:
        assert all(state.status != "fuzzy" for state in anchor_states(library, doc_id).values())

    # re-attach the orphan to newly selected text
    target = NEW.index("Corrected edition")
    window.orphan_panel.orphan_list.setCurrentRow(0)
    select_by_keyboard(qtbot, window, target, target + len("Corrected edition"))
    window.orphan_panel.reattach_button.click()
    assert window.orphan_panel.orphan_list.count() == 0 and not window.orphan_panel.isVisibleTo(window)
    reattached = next(a for a in stored_annotations(library_path, doc_id) if a.id == orphan_id)
    assert reattached.quote == "Corrected edition" == NEW[reattached.start : reattached.end]
    assert window.pane.highlighter.index.get(orphan_id) is not None


def test_a_file_that_is_not_a_new_text_is_refused(open_window, import_text, tmp_path, messages, library_path) -> None:
    doc_id = import_text(OLD)
    window = open_window()
    same = tmp_path / "same.txt"
    same.write_text(OLD.replace("\n", "\r\n"), encoding="utf-8")
    assert not window.reviser.revise_from(str(same))
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert not window.reviser.revise_from(str(binary))
    assert len(messages) == 2
    with Library.open(f"sqlite:///{library_path}") as library:
        assert library.document(doc_id).text == OLD


def test_undoing_the_delete_of_an_annotation_awaiting_review_keeps_its_mark(
    open_window, import_text, library_path, tmp_path
) -> None:
    doc_id = import_text(OLD)
    window = open_window()
    critics = OLD.index("rushed through parliament without debate")
    window.session.tag_span(
        window.session.tags[1].id, critics, critics + len("rushed through parliament without debate")
    )
    new_file = tmp_path / "corrected.txt"
    new_file.write_text(NEW, encoding="utf-8")
    assert window.reviser.revise_from(str(new_file))
    (fuzzy_id,) = window.session.fuzzy
    window.select_annotation(fuzzy_id)
    window.delete_action.trigger()
    assert stored_annotations(library_path, doc_id) == []
    window.session.undo_stack.undo()
    (back,) = stored_annotations(library_path, doc_id)
    assert back.id == fuzzy_id and NEW[back.start : back.end] == back.quote
    with Library.open(f"sqlite:///{library_path}") as library:
        assert anchor_states(library, doc_id)[fuzzy_id].status == "fuzzy"
    model = window.annotations_model
    assert model.data(model.index(model.row_of(fuzzy_id), model.TAG)) == "⚠ evidence"


def test_an_orphan_another_program_reattaches_leaves_the_panel_at_the_next_poll(
    open_window, import_text, library_path, tmp_path
) -> None:
    from annotator.services.revising import reattach_orphan

    doc_id = import_text(OLD)
    window = open_window()
    removed = OLD.index("This paragraph")
    window.session.tag_span(window.session.tags[0].id, removed, removed + len("This paragraph will be removed"))
    (tmp_path / "corrected.txt").write_text(NEW, encoding="utf-8")
    assert window.reviser.revise_from(str(tmp_path / "corrected.txt")) and window.orphan_panel.orphan_list.count() == 1
    orphan_id = window.orphan_panel.orphan_list.item(0).data(Qt.ItemDataRole.UserRole)

    with Library.open(f"sqlite:///{library_path}") as other:  # another program places it
        reattach_orphan(other, annotation_id=orphan_id, start=0, end=len("Corrected edition"))
    window.watcher.poll()
    assert window.orphan_panel.orphan_list.count() == 0 and not window.orphan_panel.isVisibleTo(window)
    assert window.pane.highlighter.index.get(orphan_id) is not None
    assert [a.id for a in stored_annotations(library_path, doc_id)] == [orphan_id]


def test_accept_placement_refuses_a_placement_another_program_made_since_it_was_shown(
    open_window, import_text, library_path, messages
) -> None:
    from annotator.services import annotating, revising

    first = "Alpha beta gamma. The quick brown fox jumps over the lazy dog today. Delta epsilon zeta.\n"
    second = first.replace("quick brown fox", "quikc brown fax")
    third = "Zeta. " + second.replace("quikc", "quick")
    doc_id = import_text(first)
    url = f"sqlite:///{library_path}"
    with Library.open(url) as other:
        start = first.index("quick brown fox")
        tag_id = other.tag_named("claim").id
        annotating.create_annotation(other, document_id=doc_id, tag_id=tag_id, start=start, end=start + 15)
        revising.revise_document(other, document_id=doc_id, new_text=second)
    window = open_window()
    (shown,) = window.session.annotations.values()
    assert shown.id in window.session.fuzzy and shown.quote == "quikc brown fax"
    window.select_annotation(shown.id)
    with Library.open(url) as other:  # placed again before the window's next poll
        revising.revise_document(other, document_id=doc_id, new_text=third)

    window.accept_action.trigger()
    with Library.open(url) as other:
        assert anchor_states(other, doc_id)[shown.id].status == "fuzzy"  # not accepted unseen
    assert len(messages) == 1 and "revised in another program" in messages[0][1]
    # The window now shows where it is; that placement can be accepted.
    (now,) = window.session.annotations.values()
    assert (now.start, now.quote) == (third.index("quick brown fax"), "quick brown fax")
    window.select_annotation(now.id)
    window.accept_action.trigger()
    with Library.open(url) as other:
        assert anchor_states(other, doc_id)[shown.id].status == "moved"


def test_an_undone_delete_of_a_tag_puts_its_orphan_back_in_the_panel_not_in_the_text(
    open_window, import_text, library_path, tmp_path
) -> None:
    from annotator.services import codebook

    import_text(OLD)
    window = open_window()
    session = window.session
    speculation = session.tags[2]
    removed = OLD.index("This paragraph")
    session.tag_span(speculation.id, removed, removed + len("This paragraph will be removed"))
    (tmp_path / "corrected.txt").write_text(NEW, encoding="utf-8")
    assert window.reviser.revise_from(str(tmp_path / "corrected.txt")) and window.orphan_panel.orphan_list.count() == 1
    orphan_id = window.orphan_panel.orphan_list.item(0).data(Qt.ItemDataRole.UserRole)

    gone = codebook.delete_tag(session.library, tag_id=speculation.id, delete_annotations=True)
    session.refresh()  # what the window would see at its next poll
    assert window.orphan_panel.orphan_list.count() == 0
    back = codebook.restore_tags(
        session.library, tags=gone.tags_deleted, annotations=gone.annotations_deleted, anchor_states=gone.anchor_states
    )
    session.apply(back)  # as an undo step would
    assert orphan_id not in session.annotations and window.pane.highlighter.index.get(orphan_id) is None
    assert window.orphan_panel.orphan_list.count() == 1 and [a.id for a in session.orphans] == [orphan_id]
