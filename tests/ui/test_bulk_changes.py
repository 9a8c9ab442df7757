"""Tests (UI): many annotations changed at once (a merge, deleting a tag's annotations), and
what one tagged span makes the window read.

A bulk change is highlighted again lazily (on screen at once, the rest when idle) rather
than block by block for each annotation; the painted highlights must still be exactly
those of the annotations as they are now, everywhere in the text. The sets and
attributes panes read the library when sets or attributes change, or a poll finds
commits, not on every tagged span.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from annotator.services import attributes, codebook, sets
from tests.ui.conftest import select_by_keyboard
from tests.ui.test_core_loop import _format_at

PARAGRAPH = "Word{0} and more words, line {0}.\n"
LINES = 400  # many blocks: most are off screen when the change arrives


def _big_document(import_text, library_path, count: int) -> tuple[str, str, list[tuple[int, int]]]:
    from annotator.services import Library, annotating

    text = "".join(PARAGRAPH.format(i) for i in range(LINES))
    doc_id = import_text(text)
    spans = []
    with Library.open(f"sqlite:///{library_path}") as library:
        claim = library.tag_named("claim")
        for i in range(count):
            start = text.index(f"Word{i} ")
            spans.append((start, start + len(f"Word{i}")))
            annotating.create_annotation(
                library, document_id=doc_id, tag_id=claim.id, start=spans[-1][0], end=spans[-1][1]
            )
    return text, doc_id, spans


def _settle(window) -> None:
    while window.pane.highlighter.pending:
        QApplication.processEvents()


def test_a_merge_of_many_annotations_repaints_every_highlight_in_the_new_colour(
    open_window, import_text, library_path
) -> None:
    count = 3 * 64  # over the pane's BULK threshold
    _text, _doc_id, spans = _big_document(import_text, library_path, count)
    window = open_window()
    _settle(window)
    claim = window.session.tags[0]
    before = _format_at(window, spans[-1][0]).background().color().name()
    created = codebook.create_tag(window.session.library, name="everything", color="#1f77b4")
    window.session.apply(created)
    into = created.tags_created[0]
    window.session.apply(codebook.merge_tags(window.session.library, tag_ids=[claim.id], into_id=into.id))
    _settle(window)
    after = {_format_at(window, start).background().color().name() for start, _end in spans}
    assert len(after) == 1 and after != {before}  # every one, the last block's too, in the new colour
    assert _format_at(window, spans[0][1] + 1) is None  # and nothing painted between them


def test_deleting_many_annotations_clears_every_highlight(open_window, import_text, library_path) -> None:
    _text, _doc_id, spans = _big_document(import_text, library_path, 2 * 64)
    window = open_window()
    _settle(window)
    claim = window.session.tags[0]
    assert _format_at(window, spans[-1][0]) is not None
    window.session.apply(codebook.delete_tag(window.session.library, tag_id=claim.id, delete_annotations=True))
    _settle(window)
    assert [s for s in spans if _format_at(window, s[0]) is not None] == []


def test_tagging_a_span_does_not_read_sets_or_attributes(qtbot, open_window, import_text, monkeypatch) -> None:
    import_text("Alpha beta gamma. Delta epsilon zeta.\n")
    window = open_window()
    window.watcher.stop()  # what tagging reads, not what a poll of the commit reads (a busy machine)
    window.attributes_action.trigger()  # the attributes table shown: it is up to date, and stays so
    reads: list[str] = []
    for module, name in ((sets, "list_sets"), (attributes, "definitions"), (attributes, "attributes_of")):
        real = getattr(module, name)
        monkeypatch.setattr(
            module, name, lambda *a, _real=real, _name=name, **k: (reads.append(_name), _real(*a, **k))[1]
        )
    select_by_keyboard(qtbot, window, 0, 5)
    window.apply_tag(window.session.tags[0].id)
    QApplication.processEvents()
    assert window.session.annotations and reads == []
