"""UI: the export dialog: format, scope, which tags and coders, and format options.

Formats come from the format registry, and their options from what each format
declares (:class:`annotator.formats.base.Option`): a yes/no option is a checkbox,
a choice a combo box, text a line edit. Every format's option widgets are made
once, in registry order right after the format box (so Tab reaches them next),
and only the chosen format's are shown; an option that means something only
with another option's value (``applies_if``) shows only then.

Every field has an Alt+letter (a mnemonic): the dialog's own in its labels, and each option the
first letter of its title no other field of the dialog has (options come from the formats, in
English, so their letters are picked when the dialog is made, in whatever language it speaks).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from annotator.formats.base import CONTEXT, Format, Option
from annotator.formats.registry import writers
from annotator.ui.qt_i18n import format_count

SCOPE_DOCUMENT, SCOPE_SELECTED, SCOPE_LIBRARY, SCOPE_SET = "document", "selected", "library", "set"
NO_CODER = QT_TRANSLATE_NOOP("QtExportDialog", "(no coder)")


def _said(text: str) -> str:
    """A format's label or an option's words (marked in :mod:`annotator.formats`), in the user's language."""
    return QCoreApplication.translate(CONTEXT, text)


def _checklist(names: list[str], parent: QWidget) -> QListWidget:
    widget = QListWidget(parent)
    for name in names:
        item = QListWidgetItem(name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked)
        widget.addItem(item)
    widget.setMaximumHeight(96)
    return widget


def _with_mnemonic(title: str, taken: set[str]) -> str:
    """*title* with its first letter whose Alt+key is not in *taken* marked as its mnemonic (and that
    key added to *taken*); without one if every letter is taken."""
    title = title.replace("&", "&&")
    for i, char in enumerate(title):
        key = QKeySequence.mnemonic(f"&{char}").toString()
        if char.isalnum() and key not in taken:
            taken.add(key)
            return f"{title[:i]}&{title[i:]}"
    return title


class _OptionField:
    """UI: the widget of one declared writer option, and its value as the writer takes it."""

    def __init__(self, option: Option, parent: QWidget) -> None:
        self.option = option
        self.widget: QCheckBox | QComboBox | QLineEdit
        if option.kind == "bool":
            self.widget = QCheckBox(_said(option.title), parent)
            self.widget.setChecked(bool(option.default))
        elif option.kind == "choice":
            self.widget = QComboBox(parent)
            if option.default is None:  # the writer decides: offered first, as "unset"
                self.widget.addItem(_said(option.default_label), None)
            for choice in option.choices:
                self.widget.addItem(_said(option.choice_title(choice)), choice)
            if option.default is not None:
                self.widget.setCurrentIndex(self.widget.findData(option.default))
        else:
            self.widget = QLineEdit(parent)
            self.widget.setPlaceholderText(str(option.default or ""))
        self.widget.setAccessibleName(_said(option.title))
        self.widget.setToolTip(_said(option.help))

    def on_change(self, slot: Callable[..., None]) -> None:
        """Call *slot* whenever the value changes (other options may apply only with some values)."""
        if isinstance(self.widget, QCheckBox):
            self.widget.toggled.connect(slot)
        elif isinstance(self.widget, QComboBox):
            self.widget.currentIndexChanged.connect(slot)
        else:
            self.widget.textChanged.connect(slot)

    def set_value(self, value: object) -> None:
        """Show *value* (one remembered from an earlier export); one the option does not take is ignored."""
        if isinstance(self.widget, QCheckBox):
            if isinstance(value, bool):
                self.widget.setChecked(value)
        elif isinstance(self.widget, QComboBox):
            if (index := self.widget.findData(value)) >= 0:
                self.widget.setCurrentIndex(index)
        elif isinstance(value, str):
            self.widget.setText(value)

    def value(self) -> bool | str | None:
        """The chosen value; None when unset (an empty text, the "default" choice)."""
        if isinstance(self.widget, QCheckBox):
            return self.widget.isChecked()
        if isinstance(self.widget, QComboBox):
            return self.widget.currentData()
        return self.widget.text() or None


class QtExportDialog(QDialog):
    """UI: choose what to export and how. Formats and their options come from the format registry."""

    def __init__(
        self,
        *,
        has_document: bool,
        selected_count: int,
        tags: list[tuple[str, str]] | None = None,
        coders: list[str] | None = None,
        parent: QWidget | None = None,
        set_names: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.format_box = QComboBox(self)
        self._formats: dict[str, Format] = {}
        for fmt in writers():
            self._formats[fmt.id] = fmt
            self.format_box.addItem(f"{_said(fmt.label)} ({' '.join('*' + e for e in fmt.extensions)})", fmt.id)
        form.addRow(self.tr("&Format"), self.format_box)
        self._fields: dict[str, dict[str, _OptionField]] = {}
        for fmt in self._formats.values():
            fields = self._fields[fmt.id] = {}
            for option in fmt.options:
                field = fields[option.name] = _OptionField(option, self)
                # A checkbox carries its own text; other widgets get a label (their buddy).
                form.addRow("" if option.kind == "bool" else _said(option.title), field.widget)
                field.on_change(self._show_options)
        self._form = form
        layout.addLayout(form)

        scope_box = QGroupBox(self.tr("Documents"), self)
        scope_layout = QVBoxLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        self._buttons: dict[str, QRadioButton] = {}
        for scope, label, enabled in (
            (SCOPE_DOCUMENT, self.tr("&Current document"), has_document),
            (
                SCOPE_SELECTED,
                self.tr("&Selected documents ({count})").format(count=format_count(selected_count)),
                selected_count > 0,
            ),
            (SCOPE_LIBRARY, self.tr("&Whole library"), True),
        ):
            button = QRadioButton(label, self)
            button.setEnabled(enabled)
            self.scope_group.addButton(button)
            self._buttons[scope] = button
            scope_layout.addWidget(button)
        set_row = QHBoxLayout()
        button = QRadioButton(self.tr("S&et"), self)
        self.set_box = QComboBox(self)
        self.set_box.setAccessibleName(self.tr("Set to export"))
        for name in set_names or []:
            self.set_box.addItem(name, name)
        button.setEnabled(bool(set_names))
        self.set_box.setEnabled(bool(set_names))
        self.set_box.activated.connect(lambda _i: self._buttons[SCOPE_SET].setChecked(True))
        self.scope_group.addButton(button)
        self._buttons[SCOPE_SET] = button
        set_row.addWidget(button)
        set_row.addWidget(self.set_box, 1)
        scope_layout.addLayout(set_row)
        self._buttons[SCOPE_DOCUMENT if has_document else SCOPE_LIBRARY].setChecked(True)
        layout.addWidget(scope_box)

        filters = QHBoxLayout()
        tag_box = QGroupBox(self.tr("&Tags"), self)
        QVBoxLayout(tag_box).addWidget(tags_list := _checklist([label for _, label in tags or []], tag_box))
        for row, (tag_id, _label) in enumerate(tags or []):
            tags_list.item(row).setData(Qt.ItemDataRole.UserRole, tag_id)
        coder_box = QGroupBox(self.tr("C&oders"), self)
        QVBoxLayout(coder_box).addWidget(coders_list := _checklist([self.tr(NO_CODER), *(coders or [])], coder_box))
        for row, coder in enumerate(["", *(coders or [])]):  # the name itself: a coder may be called "(no coder)"
            coders_list.item(row).setData(Qt.ItemDataRole.UserRole, coder)
        self.tags_list, self.coders_list = tags_list, coders_list
        filters.addWidget(tag_box)
        filters.addWidget(coder_box)
        layout.addLayout(filters)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.format_box.currentIndexChanged.connect(self._show_options)
        self._give_options_mnemonics()
        self._show_options()

    def _give_options_mnemonics(self) -> None:
        """Mark in each option's title (its checkbox, else its label) a letter no other field of the
        dialog has, nor another option of its format (only one format's options are shown at a time)."""
        labels = [w.text() for kind in (QLabel, QAbstractButton) for w in self.findChildren(kind)]
        labels += [box.title() for box in self.findChildren(QGroupBox)]
        fixed = {key for text in labels if not (key := QKeySequence.mnemonic(text)).isEmpty()}
        for fields in self._fields.values():
            taken = {key.toString() for key in fixed}
            for field in fields.values():
                shown = field.widget if isinstance(field.widget, QCheckBox) else self._form.labelForField(field.widget)
                if isinstance(shown, (QLabel, QCheckBox)):
                    shown.setText(_with_mnemonic(_said(field.option.title), taken))

    def _applies(self, format_id: str, option: Option) -> bool:
        if option.applies_if is None:
            return True
        other, values = option.applies_if
        field = self._fields[format_id][other]
        value = field.value()
        return (field.option.default if value is None else value) in values

    def _show_options(self, *_args: object) -> None:
        current = self.format_id()
        for format_id, fields in self._fields.items():
            for field in fields.values():
                shown = format_id == current and self._applies(format_id, field.option)
                self._form.setRowVisible(field.widget, shown)

    def option_widget(self, format_id: str, name: str) -> QWidget:
        """The widget of format *format_id*'s option *name* (shown only while that format is chosen)."""
        return self._fields[format_id][name].widget

    def scope(self) -> str:
        return next(scope for scope, button in self._buttons.items() if button.isChecked())

    def format_id(self) -> str:
        return self.format_box.currentData()

    def set_name(self) -> str | None:
        """The set to export when the scope is a set (None otherwise)."""
        return self.set_box.currentData() if self.scope() == SCOPE_SET else None

    def set_format(self, format_id: str) -> None:
        self.format_box.setCurrentIndex(self.format_box.findData(format_id))

    def set_options(self, format_id: str, values: dict[str, Any]) -> None:
        """Show format *format_id*'s options as *values* give them (names it does not declare are ignored)."""
        fields = self._fields.get(format_id, {})
        for name, value in values.items():
            if name in fields:
                fields[name].set_value(value)

    def kept_tag_ids(self) -> frozenset[str] | None:
        """The ids of the tags to keep (each checked on its own: a parent's subtags are rows of their own),
        or None when all are checked."""
        items = [self.tags_list.item(i) for i in range(self.tags_list.count())]
        kept = [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]
        return None if len(kept) == len(items) else frozenset(kept)

    def kept_coders(self) -> frozenset[str] | None:
        """The coder names to keep ("" for annotations without one), or None when all are checked."""
        items = [self.coders_list.item(i) for i in range(self.coders_list.count())]
        kept = [i.data(Qt.ItemDataRole.UserRole) for i in items if i.checkState() == Qt.CheckState.Checked]
        return None if len(kept) == len(items) else frozenset(kept)

    def options(self) -> dict[str, Any]:
        """The chosen format's writer options that differ from what the writer does without them."""
        format_id = self.format_id()
        chosen: dict[str, Any] = {}
        for name, field in self._fields[format_id].items():
            value = field.value()
            if value is not None and value != field.option.default and self._applies(format_id, field.option):
                chosen[name] = value
        return chosen
