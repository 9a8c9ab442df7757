"""UI: Edit › Settings… (Ctrl+,) and View › Zoom: how the text is shown, the coder name, the language.

The settings live in ``settings.json`` beside the default library, read and clamped by
:func:`annotator.config.reading_settings`; :class:`QtSettingsFlow` applies the reading ones
(font, zoom, column width) to the text pane itself and hands the keys that changed to
``on_applied`` for the rest (theme, highlight style, patterns follow it). OK applies and
saves; Cancel changes nothing.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QTimer
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from annotator import config
from annotator.config import ReadingSettings
from annotator.core.model import NAME_MAX
from annotator.ui.qt_i18n import available_languages, format_number, language_name
from annotator.ui.qt_preferences import QtCoderIdentity
from annotator.ui.qt_text_pane import DEFAULT_FAMILY, DEFAULT_POINT_SIZE, QtTextPane

ZOOM_STEP = 10  # percent
ZOOM_SAVE_DELAY_MS = 500  # a Ctrl+wheel turn is many steps: the zoom is saved once it pauses

# The choices' labels are translated when shown (their values are core.themes' THEMES and HIGHLIGHT_STYLES).
THEME_CHOICES = (
    ("system", QT_TRANSLATE_NOOP("QtSettingsDialog", "Follow system")),
    ("light", QT_TRANSLATE_NOOP("QtSettingsDialog", "Light")),
    ("dark", QT_TRANSLATE_NOOP("QtSettingsDialog", "Dark")),
    ("sepia", QT_TRANSLATE_NOOP("QtSettingsDialog", "Sepia")),
)
HIGHLIGHT_CHOICES = (
    ("fill", QT_TRANSLATE_NOOP("QtSettingsDialog", "Fill")),
    ("underline", QT_TRANSLATE_NOOP("QtSettingsDialog", "Underline only")),
    ("both", QT_TRANSLATE_NOOP("QtSettingsDialog", "Fill and underline")),
)
SYSTEM_LANGUAGE = QT_TRANSLATE_NOOP("QtSettingsDialog", "System default")


def reading_font(settings: ReadingSettings) -> QFont:
    """The pane's font: the chosen family and size (or the default serif), times the zoom."""
    font = QFont(settings.font_family or DEFAULT_FAMILY)
    if not settings.font_family:
        font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF((settings.font_size or DEFAULT_POINT_SIZE) * settings.zoom / 100)
    return font


def _name(widget: QWidget, name: str) -> None:
    """Give *widget*, and the line edit a spin box or combo box types in, an accessible name."""
    widget.setAccessibleName(name)
    inner = widget.findChild(QLineEdit)
    if inner is not None:
        inner.setAccessibleName(name)


def _translated(choices: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(value, QCoreApplication.translate("QtSettingsDialog", label)) for value, label in choices]


def language_choices(current: str) -> list[tuple[str, str]]:
    """The languages to offer: the system's, English, every built translation (named as its speakers
    name it), and *current* even without one, so OK never drops a setting it cannot show."""
    codes = [code for code in available_languages() if code != "en"]
    if current and current != "en" and current not in codes:
        codes.append(current)
    named = [(code, language_name(code)) for code in codes]
    return [
        ("", QCoreApplication.translate("QtSettingsDialog", SYSTEM_LANGUAGE)),
        ("en", "English"),
        *((code, name[:1].upper() + name[1:] if name else code) for code, name in named),
    ]


def _choice_combo(parent: QWidget, choices: list[tuple[str, str]], current: str, name: str) -> QComboBox:
    combo = QComboBox(parent)
    for value, label in choices:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    combo.setAccessibleName(name)
    return combo


class QtSettingsDialog(QDialog):
    """UI: the settings in four tabs (Reading, Appearance, Coder, Language); reads back what is shown."""

    def __init__(self, parent: QWidget | None, settings: ReadingSettings, coder: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._settings = settings
        self.tabs = QTabWidget(self)
        self.tabs.setAccessibleName(self.tr("Settings pages"))
        self.tabs.tabBar().setAccessibleName(self.tr("Settings pages"))  # the tabs, not the one in front

        reading = QWidget(self.tabs)
        form = QFormLayout(reading)
        self.font_combo = QFontComboBox(reading)
        self.font_combo.setEditable(True)
        _name(self.font_combo, self.tr("Font"))
        if settings.font_family:
            self.font_combo.setCurrentFont(QFont(settings.font_family))
        else:
            self.font_combo.setCurrentIndex(-1)
        self.font_combo.setEditText(settings.font_family)
        line_edit = self.font_combo.lineEdit()
        if line_edit is not None:
            line_edit.setPlaceholderText(self.tr("Default (serif)"))
        form.addRow(self.tr("&Font"), self.font_combo)
        self.size_spin = QDoubleSpinBox(reading)
        _name(self.size_spin, self.tr("Font size in points"))
        self.size_spin.setRange(0, config.FONT_SIZE_RANGE[1])
        self.size_spin.setSingleStep(0.5)
        self.size_spin.setDecimals(1)
        self.size_spin.setSuffix(self.tr(" pt"))
        default_size = format_number(DEFAULT_POINT_SIZE, self.size_spin.decimals())  # as the box writes sizes
        self.size_spin.setSpecialValueText(self.tr("Default ({size} pt)").format(size=default_size))
        self.size_spin.setValue(settings.font_size)
        form.addRow(self.tr("Font &size"), self.size_spin)
        self.width_spin = QSpinBox(reading)
        _name(self.width_spin, self.tr("Maximum line width in characters"))
        self.width_spin.setRange(0, config.LINE_WIDTH_RANGE[1])
        self.width_spin.setSuffix(self.tr(" characters"))
        self.width_spin.setSpecialValueText(self.tr("Full width"))
        self.width_spin.setValue(settings.line_width)
        form.addRow(self.tr("Maximum line &width"), self.width_spin)
        self.tabs.addTab(reading, self.tr("&Reading"))

        appearance = QWidget(self.tabs)
        form = QFormLayout(appearance)
        self.theme_combo = _choice_combo(appearance, _translated(THEME_CHOICES), settings.theme, self.tr("Theme"))
        form.addRow(self.tr("&Theme"), self.theme_combo)
        self.highlight_combo = _choice_combo(
            appearance, _translated(HIGHLIGHT_CHOICES), settings.highlight_style, self.tr("Highlight style")
        )
        form.addRow(self.tr("&Highlights"), self.highlight_combo)
        self.patterns_check = QCheckBox(self.tr("Underline &patterns per tag (colour is not the only cue)"), appearance)
        self.patterns_check.setAccessibleName(self.tr("Underline patterns per tag"))
        self.patterns_check.setChecked(settings.tag_patterns)
        form.addRow(self.patterns_check)
        self.tabs.addTab(appearance, self.tr("&Appearance"))

        coder_page = QWidget(self.tabs)
        form = QFormLayout(coder_page)
        why = QLabel(
            self.tr(
                "Your name is saved with each annotation you make (as its coder), so a team's exports say who tagged what."
            ),
            coder_page,
        )
        why.setWordWrap(True)
        form.addRow(why)
        self.name_edit = QLineEdit(coder, coder_page)
        self.name_edit.setMaxLength(NAME_MAX)
        self.name_edit.setAccessibleName(self.tr("Your name as a coder"))
        self.name_edit.setPlaceholderText(self.tr("e.g. Ann Smith (leave empty for none)"))
        form.addRow(self.tr("&Name"), self.name_edit)
        self.tabs.addTab(coder_page, self.tr("&Coder"))

        language = QWidget(self.tabs)
        form = QFormLayout(language)
        self.language_combo = _choice_combo(
            language, language_choices(settings.language), settings.language, self.tr("Language")
        )
        form.addRow(self.tr("&Language"), self.language_combo)
        note = QLabel(self.tr("Takes effect when Annotator restarts."), language)
        note.setWordWrap(True)
        form.addRow(note)
        self.tabs.addTab(language, self.tr("Lan&guage"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(buttons)

    def chosen(self) -> ReadingSettings:
        """The settings as shown (not yet clamped); the zoom is not a field here and stays."""
        return dataclasses.replace(
            self._settings,
            font_family=self.font_combo.currentText().strip(),
            font_size=self.size_spin.value(),
            line_width=self.width_spin.value(),
            theme=self.theme_combo.currentData(),
            highlight_style=self.highlight_combo.currentData(),
            tag_patterns=self.patterns_check.isChecked(),
            language=self.language_combo.currentData(),
        )

    def coder(self) -> str:
        return " ".join(self.name_edit.text().split())


class QtSettingsFlow:
    """UI: the window's settings: Edit › Settings…, the zoom keys, and applying both to the text pane.

    :attr:`settings` is the one copy of the settings in effect: View › Theme and View › Highlight
    style change them through :meth:`change` too, so the dialog always shows what is in effect.
    *on_applied* is called with the keys that changed (after they are saved, or failed to be) so
    the window re-applies what is not the pane's font or column (the theme, the highlight style,
    the patterns) from :attr:`settings`. A zoom is saved once the keys or the wheel pause
    (:data:`ZOOM_SAVE_DELAY_MS`), not at every notch; :meth:`flush` saves it at once.
    """

    def __init__(
        self,
        parent: QWidget,
        pane: QtTextPane,
        identity: QtCoderIdentity,
        report: Callable[[str], None],
        on_applied: Callable[[set[str]], None],
    ) -> None:
        self._parent = parent
        self._pane = pane
        self._identity = identity
        self._report = report
        self._on_applied = on_applied
        self.settings = config.reading_settings()
        self._unsaved: set[str] = set()  # the keys changed by a zoom, not saved yet
        self._save_timer = QTimer(parent, singleShot=True, interval=ZOOM_SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.flush)
        self.settings_action = QAction(
            QCoreApplication.translate("QtSettingsFlow", "&Settings…"), parent, shortcut=QKeySequence("Ctrl+,")
        )
        self.settings_action.triggered.connect(self.open_dialog)
        self.zoom_in_action = QAction(QCoreApplication.translate("QtSettingsFlow", "Zoom &in"), parent)
        self.zoom_in_action.setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        self.zoom_in_action.triggered.connect(lambda: self.zoom(1))
        self.zoom_out_action = QAction(
            QCoreApplication.translate("QtSettingsFlow", "Zoom o&ut"), parent, shortcut=QKeySequence("Ctrl+-")
        )
        self.zoom_out_action.triggered.connect(lambda: self.zoom(-1))
        self.actual_size_action = QAction(
            QCoreApplication.translate("QtSettingsFlow", "Actual si&ze"), parent, shortcut=QKeySequence("Ctrl+0")
        )
        self.actual_size_action.triggered.connect(lambda: self.zoom(0))
        self.zoom_actions = [self.zoom_in_action, self.zoom_out_action, self.actual_size_action]
        pane.zoomRequested.connect(self.zoom)
        self._show_in_pane()

    def _show_in_pane(self) -> None:
        self._pane.set_reading(reading_font(self.settings), self.settings.line_width)

    def open_dialog(self) -> None:
        """Edit › Settings…: show the settings; OK applies and saves them, Cancel changes nothing."""
        dialog = QtSettingsDialog(self._parent, self.settings, self._identity.current())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        changed: set[str] = set()
        name = dialog.coder()
        if name != self._identity.current() and self._identity.keep(name):
            changed.add("coder")
            kept = self._identity.current()
            self._report(
                QCoreApplication.translate(
                    "QtSettingsFlow", "Your annotations will now say they are by {coder}."
                ).format(coder=kept)
                if kept
                else QCoreApplication.translate("QtSettingsFlow", "Your annotations will now carry no coder name.")
            )
        chosen = dialog.chosen()
        kept = chosen.clamped()
        if kept != chosen:
            self._report(
                QCoreApplication.translate(
                    "QtSettingsFlow", "Some settings were out of range and were brought within it."
                )
            )
        changed |= self.apply(kept)
        if changed:
            self._on_applied(changed)

    def apply(self, settings: ReadingSettings) -> set[str]:
        """Show and save *settings* (clamped); returns the keys that changed."""
        changed = self._use(settings)
        self._save(changed)
        return changed

    def change(self, **values: object) -> None:
        """Change some settings (``theme="dark"``), save them and have the window apply them."""
        changed = self.apply(dataclasses.replace(self.settings, **values))  # type: ignore[arg-type]
        if changed:
            self._on_applied(changed)

    def flush(self) -> None:
        """Save the zoom not yet saved (the window calls it as it closes)."""
        self._save_timer.stop()
        self._save(set(self._unsaved))

    def _use(self, settings: ReadingSettings) -> set[str]:
        """Make *settings* those in effect and show them in the pane; returns the keys that changed."""
        old, new = self.settings.as_settings(), settings.as_settings()
        changed = {key for key in new if new[key] != old[key]}
        if changed:
            self.settings = settings
            self._show_in_pane()
        return changed

    def _save(self, keys: set[str]) -> None:
        """Write *keys* of the settings in effect, and only those: another program's keys are left alone."""
        self._unsaved -= keys
        if not keys:
            return
        current = self.settings.as_settings()
        try:
            config.write_settings({key: current[key] for key in keys})
        except OSError as exc:
            self._report(
                QCoreApplication.translate(
                    "QtSettingsFlow", "The settings could not be saved ({error}); they are used until you quit."
                ).format(error=exc.strerror or exc)
            )

    def zoom(self, step: int) -> None:
        """Zoom the text *step* steps of 10% in (> 0) or out (< 0); 0 is the actual size (100%)."""
        low, high = config.ZOOM_RANGE
        zoom = 100 if step == 0 else max(low, min(high, self.settings.zoom + step * ZOOM_STEP))
        if zoom == self.settings.zoom and step:
            said = (
                QCoreApplication.translate("QtSettingsFlow", "The zoom is already at its largest ({zoom}%).")
                if step > 0
                else QCoreApplication.translate("QtSettingsFlow", "The zoom is already at its smallest ({zoom}%).")
            )
            self._report(said.format(zoom=zoom))
            return
        if self._use(dataclasses.replace(self.settings, zoom=zoom)):
            self._unsaved.add("zoom")
            self._save_timer.start()
            self._on_applied({"zoom"})
        self._report(QCoreApplication.translate("QtSettingsFlow", "Zoom {zoom}%").format(zoom=zoom))
