"""Tests (UI): File > Backups (back up now, restore), and a window seeing another program's edits."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox

from annotator.services import Library, annotating
from annotator.ui import qt_i18n
from annotator.ui.qt_backups_dialog import QtBackupsDialog
from tests.ui.conftest import stored_annotations

TEXT = "A claim, some evidence, and a guess.\n"


def test_back_up_now_then_restore_brings_back_what_was_deleted(
    qtbot, open_window, import_text, library_path, monkeypatch
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    window.session.tag_span(window.session.tags[0].id, 2, 7)
    (kept,) = stored_annotations(library_path, doc_id)

    dialog = QtBackupsDialog(window.session.library, window)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    assert [b.kind for b in dialog.backups] == ["manual"]
    assert dialog.backups[0].annotations == 1

    window.session.delete([kept.id])
    assert stored_annotations(library_path, doc_id) == []

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.restoreRequested.connect(window.watcher.restore_backup)
    dialog.table.selectRow(0)
    dialog.restore_button.click()
    assert [a.id for a in stored_annotations(library_path, doc_id)] == [kept.id]
    assert [a.id for a in window.session.annotations.values()] == [kept.id]
    assert window.pane.highlighter.index.get(kept.id) is not None
    assert sorted(b.kind for b in dialog.backups) == ["before-restore", "manual"]
    # the session works on the reopened library
    window.session.tag_span(window.session.tags[1].id, 9, 22)
    assert len(stored_annotations(library_path, doc_id)) == 2


def test_a_window_shows_edits_made_by_another_program(qtbot, open_window, import_text, library_path) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    reloads = []
    window.session.documentOpened.connect(lambda doc: reloads.append(doc))

    window.session.tag_span(window.session.tags[0].id, 2, 7)  # our own edit...
    window.watcher.poll()
    assert reloads == []  # ...causes no reload

    with Library.open(f"sqlite:///{library_path}") as other:  # another program
        changes = annotating.create_annotation(
            other, document_id=doc_id, tag_id=other.tag_named("evidence").id, start=9, end=22, coder="other"
        )
    window.watcher.poll()
    theirs = changes.annotations_created[0]
    assert reloads == []  # shown without reloading the document
    assert theirs.id in window.session.annotations
    assert window.pane.highlighter.index.get(theirs.id) is not None
    assert window.annotations_model.rowCount() == 2
    assert "another window or program" in window.statusBar().currentMessage()


@pytest.fixture
def half_hour_zone() -> Iterator[None]:
    """Local time is UTC+05:30 (a POSIX TZ rule: no time zone data needed), so no clock time reads as UTC."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("TZ", "XST-05:30")
        time.tzset()
        yield
    time.tzset()


def test_backups_show_local_times_in_plain_words_and_keep_the_restored_one_selected(
    qtbot, open_window, import_text, library_path, monkeypatch, half_hour_zone
) -> None:
    import_text(TEXT)
    window = open_window()
    dialog = QtBackupsDialog(window.session.library, window)
    qtbot.addWidget(dialog)
    assert "SQLite" not in dialog.intro.text() and "copy of your library" in dialog.intro.text()
    assert dialog.table.accessibleName() == "Backups"
    dialog.backup_button.click()  # the older copy, restored below
    window.session.tag_span(window.session.tags[0].id, 2, 7)
    dialog.backup_button.click()
    older = dialog.backups[1]
    made = older.created.astimezone()  # local time
    assert dialog.table.item(1, 0).text() == qt_i18n.format_date(made)  # as the locale writes it
    assert qt_i18n.format_date(older.created) != dialog.table.item(1, 0).text()

    dialog.table.setFocus()
    dialog.table.selectRow(1)
    assert dialog.details.text().startswith("A copy of your library made on")
    assert qt_i18n.format_date(made) in dialog.details.text()
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog.restoreRequested.connect(window.watcher.restore_backup)
    dialog.restore_button.click()
    assert qt_i18n.format_date(made) in asked[0] and "UTC" not in asked[0]
    assert window.session.annotations == {}  # the older copy, without the annotation
    assert sorted(b.kind for b in dialog.backups) == ["before-restore", "manual", "manual"]
    assert dialog.selected() is not None and dialog.selected().path == older.path  # still the one restored


CODEBOOK = b"""<?xml version="1.0" encoding="utf-8"?>
<CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="test">
  <Codes>
    <Code guid="c0000000-0000-4000-8000-000000000001" name="Trust" isCodable="true" color="#123456"/>
  </Codes>
</CodeBook>"""


def test_a_tag_another_program_adds_gets_a_button_and_a_key_at_the_next_poll(
    open_window, import_text, library_path, tmp_path
) -> None:
    from annotator.services import importing

    import_text(TEXT)
    window = open_window()
    codebook = tmp_path / "codes.qdc"
    codebook.write_bytes(CODEBOOK)
    with Library.open(f"sqlite:///{library_path}") as other:
        (trust,) = importing.import_paths(other, [codebook]).changes.tags_created
    window.watcher.poll()
    assert trust.id in {t.id for t in window.session.tags}
    assert window.tag_panel.index_of(trust.id).data() == "Trust"
    assert window.tag_actions[trust.id].text() == "Tag as Trust"
    assert "another window or program" in window.statusBar().currentMessage()


def test_views_reading_in_threads_are_stopped_before_a_restore_closes_the_library(
    qtbot, open_window, import_text, library_path, monkeypatch
) -> None:
    from annotator.ui import qt_library_watcher

    import_text(TEXT)
    window = open_window()
    dialog = QtBackupsDialog(window.session.library, window)
    qtbot.addWidget(dialog)
    dialog.backup_button.click()
    events: list[str] = []
    views = [window.library_search, window.retrieval.panel, window.cooccurrence.panel,
             window.document_matrix.panel, window.frequencies.panel]  # fmt: skip
    for view in views:
        name = type(view).__name__
        monkeypatch.setattr(view, "stop", lambda _name=name: events.append(_name))
    real = qt_library_watcher.restore_library
    monkeypatch.setattr(
        qt_library_watcher, "restore_library", lambda *a, **k: (events.append("restore"), real(*a, **k))[1]
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert window.watcher.restore_backup(dialog.backups[0].path)
    assert events[-1] == "restore" and sorted(events[:-1]) == sorted(type(v).__name__ for v in views)
