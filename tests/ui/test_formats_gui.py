"""Tests (UI): the format-aware parts of File > Import and Export: picker, filters, options,
progress with Cancel, New document from clipboard, and the boilerplate trimming offer."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QRadioButton

from annotator.services import Library
from annotator.ui.qt_export_dialog import SCOPE_LIBRARY, QtExportDialog
from annotator.ui.qt_progress import QtProgress
from annotator.ui.qt_trim_dialog import KEEP_ALL, QtTrimDialog

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "kazakhstan-implosion-op-ed.txt"


def _documents(library_path: Path) -> list:
    with Library.open(f"sqlite:///{library_path}") as library:
        return [library.document(d.id) for d in library.documents()]


def test_export_dialog_lists_every_writer_and_filters_by_tag_and_coder(
    open_window, import_text, tmp_path, monkeypatch
) -> None:
    from annotator.formats.registry import writers
    from annotator.services import annotating

    doc_id = import_text("One two three four five six.\n")
    window = open_window()
    tags = window.session.tags
    library = window.session.library
    annotating.create_annotation(library, document_id=doc_id, tag_id=tags[0].id, start=0, end=3, coder="ann")
    annotating.create_annotation(library, document_id=doc_id, tag_id=tags[1].id, start=4, end=7, coder="bob")
    annotating.create_annotation(library, document_id=doc_id, tag_id=tags[0].id, start=8, end=13, coder="bob")

    seen: dict[str, object] = {}

    def choose(dialog: QtExportDialog) -> int:
        seen["formats"] = [dialog.format_box.itemData(i) for i in range(dialog.format_box.count())]
        (whole_library,) = [b for b in dialog.findChildren(QRadioButton) if b.text() == "&Whole library"]
        whole_library.click()
        assert dialog.scope() == SCOPE_LIBRARY
        dialog.set_format("json")
        dialog.tags_list.item(1).setCheckState(Qt.CheckState.Unchecked)  # drop "evidence"
        coders = [dialog.coders_list.item(i).text() for i in range(dialog.coders_list.count())]
        seen["coders"] = coders
        dialog.coders_list.item(coders.index("ann")).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    target = tmp_path / "filtered.json"
    monkeypatch.setattr(QtExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action.trigger()
    assert seen["formats"] == [f.id for f in writers()]
    assert seen["coders"][1:] == ["ann", "bob"]
    (document,) = orjson.loads(target.read_bytes())["documents"]
    assert [(a["tag"], a["quote"], a["coder"]) for a in document["annotations"]] == [("claim", "three", "bob")]


def test_export_dialog_tells_a_coder_named_no_coder_from_annotations_without_one(qtbot) -> None:
    dialog = QtExportDialog(has_document=True, selected_count=0, coders=["(no coder)", "ann"])
    qtbot.addWidget(dialog)
    names = [dialog.coders_list.item(i).text() for i in range(dialog.coders_list.count())]
    assert names == ["(no coder)", "(no coder)", "ann"]  # the first row: annotations without a coder
    dialog.coders_list.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.kept_coders() == {"(no coder)", "ann"}
    dialog.coders_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog.coders_list.item(1).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.kept_coders() == {"", "ann"}


def test_export_dialog_tells_tags_of_one_name_apart_and_keeps_only_the_checked_one(
    open_window, import_text, tmp_path, monkeypatch
) -> None:
    from annotator.services import annotating
    from annotator.services import codebook as codebook_service

    doc_id = import_text("Good news and good times.\n")
    window = open_window()
    library = window.session.library
    for parent in ("Feelings", "Outcome"):
        top = codebook_service.create_tag(library, name=parent).tags_created[0]
        positive = codebook_service.create_tag(library, name="Positive", parent_id=top.id).tags_created[0]
        quote = "Good news" if parent == "Feelings" else "good times"
        annotating.annotate_quote(library, document_id=doc_id, tag_id=positive.id, quote=quote)
    window.watcher.poll()
    seen: list[str] = []

    def choose(dialog: QtExportDialog) -> int:
        dialog.set_format("json")
        seen.extend(dialog.tags_list.item(i).text() for i in range(dialog.tags_list.count()))
        dialog.tags_list.item(seen.index("Outcome/Positive")).setCheckState(Qt.CheckState.Unchecked)
        return QDialog.DialogCode.Accepted

    target = tmp_path / "feelings.json"
    monkeypatch.setattr(QtExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action.trigger()
    assert seen[-4:] == ["Feelings", "Feelings/Positive", "Outcome", "Outcome/Positive"]
    (document,) = orjson.loads(target.read_bytes())["documents"]
    assert [a["quote"] for a in document["annotations"]] == ["Good news"]  # the Outcome one is left out


def test_export_options_follow_the_format(qtbot) -> None:
    dialog = QtExportDialog(has_document=True, selected_count=0, tags=[("t1", "claim")], coders=[])
    qtbot.addWidget(dialog)
    dialog.set_format("json")
    assert dialog.options() == {}
    assert dialog.option_widget("csv", "excel").isHidden() and dialog.option_widget("jsonl", "flavor").isHidden()


def test_cancelling_an_import_leaves_the_library_unchanged(open_window, tmp_path, monkeypatch, library_path) -> None:
    files = []
    for i in range(3):
        path = tmp_path / f"doc{i}.txt"
        path.write_text(f"Document number {i}\nwith text.\n", encoding="utf-8")
        files.append(str(path))
    window = open_window()
    calls = []

    def cancel_on_second(self: QtProgress, done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 5  # three reads pass, then the import is cancelled mid-way

    monkeypatch.setattr(QtProgress, "__call__", cancel_on_second)
    assert window.importer.import_paths(files) == []
    assert _documents(library_path) == []
    assert "cancelled" in window.statusBar().currentMessage()


def test_cancelling_an_export_writes_nothing(open_window, import_text, tmp_path, monkeypatch) -> None:
    import_text("First.\n", "a.txt")
    import_text("Second.\n", "b.txt")
    window = open_window()
    target = tmp_path / "never.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QtProgress, "__call__", lambda self, done, total: False)
    assert window.exporter.export_to(SCOPE_LIBRARY, "json", []) is None
    assert not target.exists() and not list(tmp_path.glob(".never*"))
    assert "cancelled" in window.statusBar().currentMessage()


def test_new_document_from_clipboard(open_window, library_path) -> None:
    window = open_window()
    QApplication.clipboard().setText("Pasted title\r\nPasted body with\u00a0NBSP 👍.\r\n")
    window.paste_action.trigger()
    (document,) = _documents(library_path)
    assert document.title == "Pasted title"
    assert document.text == "Pasted title\nPasted body with\u00a0NBSP 👍.\n"
    assert document.metadata["source"] == "clipboard"
    assert window.session.document.id == document.id


def test_empty_clipboard_is_refused(open_window, library_path, messages) -> None:
    window = open_window()
    QApplication.clipboard().setText("  \n ")
    window.paste_action.trigger()
    assert _documents(library_path) == []
    assert "no text" in messages[0][1]


@pytest.mark.parametrize("answer", ["trim", "keep", "cancel"])
def test_boilerplate_is_offered_never_trimmed_silently(open_window, library_path, monkeypatch, answer) -> None:
    from annotator.core.boilerplate import find_boilerplate
    from annotator.core.text import decode_bytes

    original = decode_bytes(SEED.read_bytes()).text
    cuts = find_boilerplate(original)
    assert cuts, "the sample ends with site furniture that should be detected"
    shown: list[QtTrimDialog] = []

    def respond(dialog: QtTrimDialog) -> int:
        shown.append(dialog)
        assert dialog.preview.toPlainText().replace("\u00a0", " ") == original.replace("\u00a0", " ")
        assert len(dialog.preview.extraSelections()) == len(cuts)
        return {"trim": QDialog.DialogCode.Accepted, "keep": KEEP_ALL, "cancel": QDialog.DialogCode.Rejected}[answer]

    monkeypatch.setattr(QtTrimDialog, "exec", respond)
    window = open_window()
    window.importer.import_paths([str(SEED)])
    assert len(shown) == 1
    documents = _documents(library_path)
    if answer == "cancel":
        assert documents == []
        return
    (document,) = documents
    if answer == "keep":
        assert document.text == original and "trimmed" not in document.metadata
        return
    assert len(document.text) < len(original)
    assert "Related articles" not in document.text
    assert "or its partners" in document.text
    removed = document.metadata["trimmed"]
    assert sum(len(r["text"]) for r in removed) == len(original) - len(document.text)
    for record in removed:
        assert original[record["start"] : record["end"]] == record["text"]


def test_jsonl_shape_and_offset_units_reach_the_writer(open_window, import_text, tmp_path, monkeypatch) -> None:
    doc_id = import_text("Emoji 👍 first, then the claim.\n")
    window = open_window()
    start = "Emoji 👍 first, then the ".__len__()
    window.session.tag_span(window.session.tags[0].id, start, start + len("claim"))

    def choose(dialog: QtExportDialog) -> int:
        dialog.set_format("jsonl")
        flavor, units = dialog.option_widget("jsonl", "flavor"), dialog.option_widget("jsonl", "offsets")
        flavor.setCurrentIndex(flavor.findData("doccano"))
        assert not units.isHidden()
        units.setCurrentIndex(units.findData("code-points"))
        return QDialog.DialogCode.Accepted

    target = tmp_path / "out.jsonl"
    monkeypatch.setattr(QtExportDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.export_action.trigger()
    (line,) = [orjson.loads(x) for x in target.read_bytes().splitlines()]
    assert line["document_id"] == doc_id
    assert line["label"] == [[start, start + 5, "claim"]]  # code points, not the UTF-16 units doccano defaults to
