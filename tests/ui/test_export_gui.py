"""Tests (UI): File › Export: never replacing a file without asking, and remembering
where and in which format the library was last exported (issue 7)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from annotator.services import Library
from annotator.ui.qt_export_dialog import SCOPE_DOCUMENT, QtExportDialog

TEXT = "A claim, some evidence, and a guess.\n"


def test_export_asks_before_replacing_a_file_the_added_extension_names(
    open_window, import_text, tmp_path, monkeypatch
) -> None:
    import_text(TEXT)
    window = open_window()
    existing = tmp_path / "out.json"
    existing.write_text("an earlier export, to keep\n", encoding="utf-8")
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No

    def question(_parent, _title, text, *_args, **_kwargs):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    # The user types "out" without an extension; Qt's own overwrite check saw no "out".
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "out"), ""))
    assert window.exporter.export_to(SCOPE_DOCUMENT, "json", []) is None
    assert len(asked) == 1 and "out.json" in asked[0] and "Replace" in asked[0]
    assert existing.read_text(encoding="utf-8") == "an earlier export, to keep\n"
    assert "nothing was written" in window.statusBar().currentMessage()

    answer = QMessageBox.StandardButton.Yes
    assert window.exporter.export_to(SCOPE_DOCUMENT, "json", []) == str(existing)
    assert existing.read_text(encoding="utf-8").startswith("{")
    # A new name is written without a question.
    asked.clear()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "fresh"), ""))
    assert window.exporter.export_to(SCOPE_DOCUMENT, "json", []) == str(tmp_path / "fresh.json")
    assert asked == []


def test_export_remembers_the_last_folder_and_format_of_the_library(
    open_window, import_text, tmp_path, monkeypatch, library_path
) -> None:
    import_text(TEXT)
    window = open_window()
    folder = tmp_path / "exports"
    folder.mkdir()
    offered: list[str] = []  # the format preselected in the Export dialog, each time
    save_dirs: list[str] = []  # where the save dialog opened, each time

    def accept(dialog: QtExportDialog) -> int:
        offered.append(dialog.format_id())
        dialog.set_format("csv")
        return QDialog.DialogCode.Accepted

    def save(_parent, _caption, directory, _filter, *a, **k):
        save_dirs.append(directory)
        return str(folder / "table.csv"), ""

    monkeypatch.setattr(QtExportDialog, "exec", accept)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.export_action.trigger()
    assert (folder / "table.csv").exists()
    assert offered[0] == "json"  # the first time: the default format...
    assert Path(save_dirs[0]).parent == Path.home()  # ...in the home folder

    with Library.open(f"sqlite:///{library_path}") as library:  # kept in the library, not in the window
        assert library.state("export:last_folder") == str(folder)
        assert library.state("export:last_format") == "csv"

    window.close()
    again = open_window()
    monkeypatch.setattr(QtExportDialog, "exec", accept)
    again.export_action.trigger()
    assert offered[1] == "csv"
    assert Path(save_dirs[1]).parent == folder


def test_export_refuses_a_name_whose_extension_is_another_formats(
    open_window, import_text, tmp_path, monkeypatch
) -> None:
    import_text(TEXT)
    window = open_window()
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a, **k: warned.append(text))
    # CSV chosen in the Export dialog, "gx.json" typed in the save dialog.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "gx.json"), ""))
    assert window.exporter.export_to(SCOPE_DOCUMENT, "csv", []) is None
    assert not (tmp_path / "gx.json").exists()
    assert len(warned) == 1 and "gx.json names a file of Annotated JSON" in warned[0] and ".csv" in warned[0]
    assert "nothing was written" in window.statusBar().currentMessage()
    # The format's own extension is written as before.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "gx.csv"), ""))
    assert window.exporter.export_to(SCOPE_DOCUMENT, "csv", []) == str(tmp_path / "gx.csv")
