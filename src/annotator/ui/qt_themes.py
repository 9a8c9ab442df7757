"""UI: themes and highlight styles: applied to the whole application, offered as View › Theme
and View › Highlight style, kept in ``settings.json``.

"Follow system" is Qt's own style and the platform's palette, left unset, so Qt follows
the desktop's light or dark scheme as it changes (the text pane re-paints its highlights
on the palette change). Light, Dark and Sepia are explicit palettes
(:data:`annotator.core.themes.PALETTES`) on the Fusion style, which draws every widget
from the palette alone; Qt is also told the scheme (light or dark) so that what the
platform draws (title bars) matches.

:func:`apply_appearance` applies the settings (:class:`annotator.config.ReadingSettings`);
:class:`QtAppearanceMenus` are the keyboard path: each choice goes through the window's
:class:`~annotator.ui.qt_settings.QtSettingsFlow`, the one owner of the current settings,
which saves it and has the window apply it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from annotator.config import ReadingSettings
from annotator.core import themes
from annotator.ui.qt_settings import QtSettingsFlow
from annotator.ui.qt_text_pane import QtTextPane

# The menus' entries, translated when shown.
THEME_LABELS = {
    "system": QT_TRANSLATE_NOOP("QtAppearanceMenus", "Follow &system"),
    "light": QT_TRANSLATE_NOOP("QtAppearanceMenus", "&Light"),
    "dark": QT_TRANSLATE_NOOP("QtAppearanceMenus", "&Dark"),
    "sepia": QT_TRANSLATE_NOOP("QtAppearanceMenus", "S&epia"),
}
STYLE_LABELS = {
    themes.FILL: QT_TRANSLATE_NOOP("QtAppearanceMenus", "&Fill"),
    themes.UNDERLINE: QT_TRANSLATE_NOOP("QtAppearanceMenus", "&Underline"),
    themes.BOTH: QT_TRANSLATE_NOOP("QtAppearanceMenus", "Fill &and underline"),
}
_APPLIED = "annotatorTheme"  # an application property: the theme applied last
_SYSTEM_STYLE = "annotatorSystemStyle"  # an application property: the style Qt chose at start


def palette_of(name: str) -> QPalette:
    """The explicit theme *name* as a QPalette (every role, normal and disabled)."""
    theme = themes.PALETTES[name]
    palette = QPalette()
    for group, roles in ((QPalette.ColorGroup.Active, theme.active), (QPalette.ColorGroup.Disabled, theme.disabled)):
        for role_name, colour in roles.items():
            role = getattr(QPalette.ColorRole, role_name)
            palette.setColor(group, role, QColor(colour))
            if group == QPalette.ColorGroup.Active:  # an unfocused window looks the same
                palette.setColor(QPalette.ColorGroup.Inactive, role, QColor(colour))
        button = QColor(roles["Button"])  # Fusion's bevels and frames, from the button colour
        for role, shade in ((QPalette.ColorRole.Light, button.lighter(150)), (QPalette.ColorRole.Midlight,
                            button.lighter(115)), (QPalette.ColorRole.Mid, button.darker(130)),
                            (QPalette.ColorRole.Dark, button.darker(160)), (QPalette.ColorRole.Shadow,
                            button.darker(300))):  # fmt: skip
            palette.setColor(group, role, shade)
        palette.setColor(group, QPalette.ColorRole.Accent, QColor(roles["Highlight"]))
    for role in (QPalette.ColorRole.Light, QPalette.ColorRole.Midlight, QPalette.ColorRole.Mid,
                 QPalette.ColorRole.Dark, QPalette.ColorRole.Shadow, QPalette.ColorRole.Accent):  # fmt: skip
        palette.setColor(QPalette.ColorGroup.Inactive, role, palette.color(QPalette.ColorGroup.Active, role))
    return palette


def applied_theme(app: QApplication | None = None) -> str:
    """The theme applied to the application ("system" until another is)."""
    app = app or QApplication.instance()
    value = app.property(_APPLIED) if isinstance(app, QApplication) else None
    return value if value in themes.THEMES else themes.SYSTEM


def apply_theme(name: str, app: QApplication | None = None) -> None:
    """Make *name* the whole application's theme (a no-op if it already is)."""
    app = app or QApplication.instance()
    if not isinstance(app, QApplication) or name not in themes.THEMES or name == applied_theme(app):
        return
    if app.property(_SYSTEM_STYLE) is None:
        app.setProperty(_SYSTEM_STYLE, app.style().name())
    hints = QGuiApplication.styleHints()
    if name == themes.SYSTEM:
        hints.unsetColorScheme()
        app.setStyle(app.property(_SYSTEM_STYLE))
        app.setPalette(QPalette())  # nothing set: the platform's palette, following its changes
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if name == "dark" else Qt.ColorScheme.Light)
        app.setStyle("Fusion")
        app.setPalette(palette_of(name))
    app.setProperty(_APPLIED, name)


def apply_appearance(window_or_app: QWidget | QApplication, chosen: ReadingSettings) -> None:
    """Apply the appearance settings: the theme to the application, the highlight style and tag
    patterns to every text pane of *window_or_app* (every top-level window's, for the application)."""
    apply_theme(chosen.theme)
    tops = QApplication.topLevelWidgets() if isinstance(window_or_app, QApplication) else [window_or_app]
    for top in tops:
        panes = top.findChildren(QtTextPane)
        if isinstance(top, QtTextPane):
            panes.append(top)
        for pane in panes:
            pane.set_highlight_style(chosen.highlight_style)
            pane.set_tag_patterns(chosen.tag_patterns)


class QtAppearanceMenus(QObject):
    """UI: View › Theme and View › Highlight style for *window*: exclusive checkable entries with
    mnemonics, each choice handed to *flow*, which saves it in ``settings.json`` and has it applied."""

    def __init__(self, window: QWidget, flow: QtSettingsFlow) -> None:
        super().__init__(window)
        self._flow = flow
        self.theme_menu = QMenu(self.tr("T&heme"), window)
        self.theme_menu.setAccessibleName(self.tr("Theme"))
        self.theme_actions = self._group(self.theme_menu, THEME_LABELS, self._choose_theme)
        self.style_menu = QMenu(self.tr("Highlight st&yle"), window)
        self.style_menu.setAccessibleName(self.tr("Highlight style"))
        self.style_actions = self._group(self.style_menu, STYLE_LABELS, self._choose_style)
        self.style_menu.addSeparator()
        self.patterns_action = QAction(self.tr("Tag &patterns"), self, checkable=True)
        self.patterns_action.setToolTip(
            self.tr(
                "Underline each tag in a pattern of its own (solid, dashed, dotted, wavy…), in codebook order; "
                "while other coders are shown in their underline styles, theirs win"
            )
        )
        self.patterns_action.toggled.connect(self._choose_patterns)
        self.style_menu.addAction(self.patterns_action)
        for menu in (self.theme_menu, self.style_menu):
            menu.aboutToShow.connect(self.sync)
        self.sync()

    def _group(self, menu: QMenu, labels: Mapping[str, str], chosen: Callable[[str], None]) -> dict[str, QAction]:
        group = QActionGroup(self)
        group.setExclusive(True)
        actions = {}
        for key, label in labels.items():
            action = QAction(self.tr(label), self, checkable=True)
            action.triggered.connect(lambda _checked=False, key=key: chosen(key))
            group.addAction(action)
            menu.addAction(action)
            actions[key] = action
        return actions

    def sync(self) -> None:
        """Check the entries of the settings in effect (the Settings dialog may have changed them)."""
        settings = self._flow.settings
        self.theme_actions[settings.theme].setChecked(True)
        self.style_actions[settings.highlight_style].setChecked(True)
        self.patterns_action.blockSignals(True)
        self.patterns_action.setChecked(settings.tag_patterns)
        self.patterns_action.blockSignals(False)

    def _choose_theme(self, name: str) -> None:
        self._flow.change(theme=name)

    def _choose_style(self, style: str) -> None:
        self._flow.change(highlight_style=style)

    def _choose_patterns(self, on: bool) -> None:
        self._flow.change(tag_patterns=on)
