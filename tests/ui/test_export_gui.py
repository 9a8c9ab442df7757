"""Tests (UI): File › Export: never replacing a file without asking, and remembering
where and in which format the library was last exported (issue 7)."""

from __future__ import annotations

from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.ui.qt_export_dialog import SCOPE_DOCUMENT

TEXT = "A claim, some evidence, and a guess.\n"


def test_export_asks_before_replacing_a_file_the_added_extension_names(open_window, import_text, tmp_path, monkeypatch) -> None:  # noqa: ANN001
    import_text(TEXT)
    window = open_window()
    existing = tmp_path / "out.json"
    existing.write_text("an earlier export, to keep\n", encoding="utf-8")
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent, _title, text, *_args, **_kwargs):  # noqa: ANN001, ANN202
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    # The user types "out" without an extension; Qt's own overwrite check saw no "out".
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out"), ""))
    assert window.export_to(SCOPE_DOCUMENT, "json", []) is None
    assert len(asked) == 1 and "out.json" in asked[0] and "Replace" in asked[0]
    assert existing.read_text(encoding="utf-8") == "an earlier export, to keep\n"
    assert "nothing was written" in window.statusBar().currentMessage()

    answer = QMessageBox.StandardButton.Yes
    assert window.export_to(SCOPE_DOCUMENT, "json", []) == str(existing)
    assert existing.read_text(encoding="utf-8").startswith("{")
    # A new name is written without a question.
    asked.clear()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fresh"), ""))
    assert window.export_to(SCOPE_DOCUMENT, "json", []) == str(tmp_path / "fresh.json")
    assert asked == []
