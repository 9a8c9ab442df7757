"""Tests (UI): pressing the key of a tag another program deleted says which tag, by name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from annotator.services import Library
from annotator.services import codebook as codebook_service
from tests.ui.conftest import select_by_keyboard, stored_annotations

TEXT = "Alpha beta gamma. Delta epsilon zeta.\n"


def test_the_key_of_a_tag_deleted_elsewhere_names_the_tag(
    qtbot, monkeypatch, open_window, import_text, library_path
) -> None:
    doc_id = import_text(TEXT)
    window = open_window()
    claim = window.session.tags[0]
    assert claim.name == "claim" and claim.shortcut == "1"
    with Library.open(f"sqlite:///{library_path}") as other:  # another program deletes it
        codebook_service.delete_tag(other, tag_id=claim.id)
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warned.append(text))
    select_by_keyboard(qtbot, window, 0, 5)
    qtbot.keyClick(window.pane, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: bool(warned))
    assert "the tag 'claim' was deleted by another program" in window.statusBar().currentMessage()
    assert claim.id not in warned[0]
    assert stored_annotations(library_path, doc_id) == []
