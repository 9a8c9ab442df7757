"""Tests (UI): the Export dialog builds its option widgets from what each format declares
(``Format.options``), shows only the chosen format's (and of those only the ones that
apply), names every one for screen readers and reaches them with the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QWidget,
)

from annotator.formats.base import Format, Option
from annotator.formats.registry import writers
from annotator.ui.qt_export_dialog import QtExportDialog


def _dialog(qtbot) -> QtExportDialog:
    dialog = QtExportDialog(has_document=True, selected_count=0, tags=[("t1", "claim")], coders=[])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def _applies_by_default(fmt: Format, option: Option) -> bool:
    if option.applies_if is None:
        return True
    other, values = option.applies_if
    return fmt.option(other).default in values


def test_every_declared_option_is_offered_with_its_name_and_only_for_its_format(qtbot) -> None:
    dialog = _dialog(qtbot)
    form = dialog.findChild(QFormLayout)
    with_options = [fmt for fmt in writers() if fmt.options]
    assert {"csv", "jsonl", "qdpx"} <= {fmt.id for fmt in with_options}
    for fmt in writers():
        dialog.set_format(fmt.id)
        for other in with_options:
            for option in other.options:
                widget = dialog.option_widget(other.id, option.name)
                shown = other.id == fmt.id and _applies_by_default(other, option)
                assert widget.isVisible() == shown, (fmt.id, other.id, option.name)
                assert widget.accessibleName() == option.title and widget.toolTip() == option.help
                expected = {"bool": QCheckBox, "choice": QComboBox, "str": QLineEdit}[option.kind]
                assert isinstance(widget, expected)
                if option.kind == "bool":
                    assert widget.text().replace("&", "") == option.title
                else:  # a label that names it, and focuses it (its buddy)
                    label = form.labelForField(widget)
                    assert label.text().replace("&", "") == option.title and label.buddy() is widget
                    assert label.isVisible() == shown
        assert dialog.options() == {}  # nothing chosen: the writer's own defaults


def test_choices_show_their_labels_and_an_unset_default_comes_first(qtbot) -> None:
    dialog = _dialog(qtbot)
    flavor, offsets = dialog.option_widget("jsonl", "flavor"), dialog.option_widget("jsonl", "offsets")
    assert [flavor.itemText(i) for i in range(flavor.count())] == ["spaCy spans", "doccano", "Label Studio"]
    assert flavor.currentData() == "spacy"
    assert [offsets.itemData(i) for i in range(offsets.count())] == [None, "code-points", "utf-16"]
    assert offsets.itemText(0) == "as the tool counts (see README)"


def test_options_are_reached_and_set_with_the_keyboard(qtbot) -> None:
    dialog = _dialog(qtbot)

    def press(key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        qtbot.keyClick(QApplication.focusWidget(), key, modifier)

    dialog.format_box.setFocus()
    qtbot.waitUntil(dialog.format_box.hasFocus)
    for _ in range(dialog.format_box.findData("jsonl") - dialog.format_box.currentIndex()):
        press(Qt.Key.Key_Down)
    assert dialog.format_id() == "jsonl"

    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.option_widget("jsonl", "flavor")
    press(Qt.Key.Key_Down)  # doccano: its offsets can be chosen
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.option_widget("jsonl", "offsets")
    press(Qt.Key.Key_Down)
    assert dialog.options() == {"flavor": "doccano", "offsets": "code-points"}

    press(Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    press(Qt.Key.Key_Down)  # Label Studio: its own options appear after the offsets
    assert dialog.option_widget("jsonl", "from_name").isVisible()
    press(Qt.Key.Key_Tab)
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.option_widget("jsonl", "from_name")
    qtbot.keyClicks(QApplication.focusWidget(), "ner")
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.option_widget("jsonl", "to_name")
    press(Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.option_widget("jsonl", "predictions")
    press(Qt.Key.Key_Space)
    assert dialog.options() == {
        "flavor": "label-studio", "offsets": "code-points", "from_name": "ner", "predictions": True,
    }  # fmt: skip

    press(Qt.Key.Key_Tab)  # then on to the documents to export
    assert QApplication.focusWidget().text() == "&Current document"

    # Back to spaCy: the options that do not apply to it are hidden and not passed on.
    dialog.option_widget("jsonl", "flavor").setCurrentIndex(0)
    assert not dialog.option_widget("jsonl", "offsets").isVisible()
    assert dialog.options() == {}


def test_values_are_typed_as_the_format_declares_them(qtbot) -> None:
    dialog = _dialog(qtbot)
    dialog.set_format("csv")
    dialog.option_widget("csv", "excel").click()
    assert dialog.options() == {"excel": True}
    dialog.set_format("qdpx")
    project = dialog.option_widget("qdpx", "project_name")
    assert project.placeholderText() == "Annotator export"
    qtbot.keyClicks(project, "Steppe study")
    assert dialog.options() == {"project_name": "Steppe study"}


def shown_mnemonics(dialog: QWidget) -> dict[str, QWidget]:
    """Each Alt+letter of the dialog's shown labels, buttons and boxes, and the widget it goes to;
    a clash fails here."""
    keys: dict[str, QWidget] = {}
    for widget in [w for kind in (QLabel, QAbstractButton, QGroupBox) for w in dialog.findChildren(kind)]:
        text = widget.title() if isinstance(widget, QGroupBox) else widget.text()
        key = QKeySequence.mnemonic(text).toString()
        if key and widget.isVisible():
            assert key not in keys, (key, text)
            keys[key] = widget.buddy() if isinstance(widget, QLabel) else widget
    return keys


def test_every_field_has_an_alt_letter_of_its_own(qtbot) -> None:
    dialog = _dialog(qtbot)
    for fmt in writers():
        dialog.set_format(fmt.id)
        keys = shown_mnemonics(dialog)
        assert {"Alt+F", "Alt+C", "Alt+W", "Alt+T", "Alt+O"} <= keys.keys()
        for option in fmt.options:
            widget = dialog.option_widget(fmt.id, option.name)
            assert not widget.isVisible() or widget in keys.values(), option.name

    dialog.set_format("jsonl")
    dialog.option_widget("jsonl", "flavor").setCurrentIndex(2)  # Label Studio: every option shown
    keys = shown_mnemonics(dialog)
    labels_tag = dialog.option_widget("jsonl", "from_name")
    (key,) = [k for k, widget in keys.items() if widget is labels_tag]
    dialog.format_box.setFocus()
    qtbot.keyClick(dialog.format_box, QKeySequence(key)[0].key(), Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is labels_tag
    qtbot.keyClick(labels_tag, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.tags_list  # a box's letter: its list
    qtbot.keyClick(dialog.tags_list, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert QApplication.focusWidget() is dialog.format_box
