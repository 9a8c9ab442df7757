"""UI: the main window's layout: side panels that fold away, give way to the text, and a reading mode.

- **View › Panels › Library** (Ctrl+Shift+L) and **Tags and annotations** (Ctrl+Shift+B) fold a
  side panel away to nothing and bring it back at the width it had. Dragging a panel's edge
  sets its width; dragging it shut folds it.
- A narrow window (or a bigger font) gives the text room first: the side panels shrink, then fold (the library
  first), so a line of the text keeps :data:`MIN_CHARS` average characters; they come back as
  the window grows, unless the user folded them.
- **View › Distraction-free reading** (F11) shows only the text (and the menu bar, the way
  out), full screen; leaving it puts back the panels, views, status bar and window as they were.
  The keys keep working: tag keys, quick pick, F6 (which skips what is hidden).

The widths, which panels the user folded and the heights in the right column are kept in
``window.ini`` (see :meth:`QtWindowLayout.save`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QSplitter,
    QWidget,
)

#: The fewest average characters a line of the text keeps while side panels can give way.
MIN_CHARS = 45
#: The narrowest a side panel shrinks to before it is folded away instead.
PANEL_FLOOR = 150


@dataclass
class Panel:
    """A side panel of the window's splitter: where it is, its width when shown, and who folded it."""

    widget: QWidget
    index: int  # in the splitter
    key: str  # in window.ini
    width: int  # the width it comes back at
    folded_by_user: bool = False
    action: QAction = field(init=False)

    def floor(self) -> int:
        return max(PANEL_FLOOR, self.widget.minimumSizeHint().width())


def fitted(widths: list[int], floors: list[int], room: int) -> list[int] | None:
    """Widths for panels wanting *widths* in *room* pixels, each shrunk towards its floor in
    proportion to what it can give; None when even their floors do not fit."""
    widths = [max(w, f) for w, f in zip(widths, floors, strict=True)]  # a floor grown since (a bigger font)
    if not widths or sum(widths) <= room:
        return widths
    if sum(floors) > room:
        return None
    spare = [max(0, w - f) for w, f in zip(widths, floors, strict=True)]
    give = sum(widths) - room
    shrunk = [w - (s * give + sum(spare) - 1) // sum(spare) for w, s in zip(widths, spare, strict=True)]
    return [max(f, w) for w, f in zip(shrunk, floors, strict=True)]


@dataclass
class _Before:
    """The layout distraction-free reading put aside, to put back exactly."""

    window_state: Qt.WindowState
    geometry: QRect
    docks: QByteArray
    status_bar: bool
    shown: list[bool]
    sizes: list[int]
    column: QByteArray
    focus: QWidget | None


class QtWindowLayout(QObject):
    """UI: the side panels of *window*'s horizontal *splitter* (library | *text* | right *column*).

    *pane* is the text widget whose line length the panels give way to; *beside* the widgets
    beside it in the text column (the mini-map), whose width the text cannot have.
    """

    def __init__(
        self, window: QMainWindow, splitter: QSplitter, pane: QPlainTextEdit, column: QSplitter,
        beside: Sequence[QWidget] = (),
    ) -> None:  # fmt: skip
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._pane = pane
        self._beside = beside
        self._column = column
        self._before: _Before | None = None  # set while reading distraction-free
        self._asked: Panel | None = None  # the panel the user last brought back: the last to give way
        self.library = Panel(splitter.widget(0), 0, "library", 220)
        self.side = Panel(splitter.widget(2), 2, "side", 380)
        self.library.action = self._panel_action(self.tr("&Library"), "Ctrl+Shift+L", self.library)
        self.side.action = self._panel_action(self.tr("&Tags and annotations"), "Ctrl+Shift+B", self.side)
        self.menu = QMenu(self.tr("&Panels"), window)
        self.menu.setAccessibleName(self.tr("Panels"))
        self.menu.addActions([self.library.action, self.side.action])
        self.reading_action = QAction(self.tr("Distraction-&free reading"), window, shortcut=QKeySequence("F11"))
        self.reading_action.setCheckable(True)
        self.reading_action.setToolTip(self.tr("Only the text, full screen; F11 again brings everything back"))
        self.reading_action.triggered.connect(self.set_reading)
        window.addAction(self.reading_action)
        splitter.setCollapsible(1, False)  # the text is never dragged shut
        splitter.splitterMoved.connect(self._on_splitter_moved)
        splitter.installEventFilter(self)
        pane.installEventFilter(self)  # a bigger font needs a wider column

    @property
    def panels(self) -> tuple[Panel, Panel]:
        return (self.library, self.side)

    def _panel_action(self, text: str, key: str, panel: Panel) -> QAction:
        action = QAction(text, self._window, shortcut=QKeySequence(key))
        action.setCheckable(True)
        action.setChecked(True)
        action.triggered.connect(lambda checked: self.set_panel_shown(panel, checked))
        self._window.addAction(action)  # the key works wherever the keyboard is in the window
        return action

    # -- folding and fitting -------------------------------------------------------------------

    def set_panel_shown(self, panel: Panel, shown: bool) -> None:
        """Fold a side panel away or bring it back (the user's choice, kept across restarts)."""
        panel.folded_by_user = not shown
        self._asked = panel if shown else None
        self.fit()
        if shown and panel.widget.isHidden() and not self.reading:
            self._window.statusBar().showMessage(
                self.tr("The window is too narrow for that panel: widen it first."), 4000
            )

    def text_width_needed(self) -> int:
        """Pixels the text column needs for a line of MIN_CHARS average characters (its frame and
        scroll bar included; any margins centring a narrower column are the text's to give up)."""
        pane = self._pane
        chrome = 2 * pane.frameWidth() + pane.verticalScrollBar().sizeHint().width()
        chrome += sum(w.sizeHint().width() for w in self._beside if not w.isHidden())
        return MIN_CHARS * pane.fontMetrics().averageCharWidth() + chrome + 1

    def fit(self) -> None:
        """Show the side panels the user wants at their widths, shrunk or folded so the text keeps
        its line length: the library gives way first, unless the user just brought it back."""
        if self.reading:
            return
        wanted = [p for p in self.panels if not p.folded_by_user]
        first_to_go = [p for p in wanted if p is not self._asked] + [p for p in wanted if p is self._asked]
        room = self._splitter.width() - self.text_width_needed()
        shown: list[Panel] = []
        widths: list[int] | None = []  # none shown always fits
        for dropped in range(len(wanted) + 1):
            shown = [p for p in wanted if p not in first_to_go[:dropped]]
            widths = fitted(
                [p.width for p in shown], [p.floor() for p in shown], room - self._splitter.handleWidth() * len(shown)
            )
            if widths is not None:
                break
        width_of = dict(zip((p.key for p in shown), widths or [], strict=True))
        for panel in self.panels:
            self._set_visible(panel, panel.key in width_of)
        self._splitter.refresh()  # its handles shown or hidden with the panels now, not once idle
        sizes = [width_of.get(p.key, 0) for p in self.panels]
        handles = self._splitter.handleWidth() * len(width_of)
        self._splitter.setSizes([sizes[0], max(0, self._splitter.width() - handles - sum(sizes)), sizes[1]])

    def _set_visible(self, panel: Panel, visible: bool) -> None:
        """Show or hide a panel (hidden, nothing in it takes the keyboard: F6 and Tab skip it)."""
        focus = QApplication.focusWidget()
        if not visible and focus is not None and panel.widget.isAncestorOf(focus):
            self._pane.setFocus()  # not lost in a hidden widget
        panel.widget.setVisible(visible)
        panel.action.setChecked(visible)

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        """The user dragged an edge: a panel keeps its new width, and one dragged shut is folded."""
        sizes = self._splitter.sizes()
        for panel in self.panels:
            if panel.widget.isHidden():
                continue
            width = sizes[panel.index]
            if width == 0:
                panel.folded_by_user = True
                self._set_visible(panel, False)
            elif width >= panel.floor():
                panel.width = width

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self._splitter and event.type() == QEvent.Type.Resize) or (
            watched is self._pane and event.type() == QEvent.Type.FontChange
        ):
            self.fit()
        return super().eventFilter(watched, event)

    # -- distraction-free reading ----------------------------------------------------------------

    @property
    def reading(self) -> bool:
        return self._before is not None

    def set_reading(self, on: bool) -> None:
        """Enter (full screen, only the text) or leave distraction-free reading."""
        self.reading_action.setChecked(on)
        if on == self.reading:
            return
        window = self._window
        if on:
            docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
            self._before = _Before(
                window_state=window.windowState(), geometry=window.geometry(), docks=window.saveState(),
                status_bar=window.statusBar().isVisible(), shown=[p.widget.isVisible() for p in self.panels],
                sizes=self._splitter.sizes(), column=self._column.saveState(), focus=QApplication.focusWidget(),
            )  # fmt: skip
            for panel in self.panels:
                panel.action.setEnabled(False)
                self._set_visible(panel, False)
            for dock in docks:
                dock.hide()
            window.statusBar().hide()
            window.showFullScreen()
            self._pane.setFocus()
            return
        before, self._before = self._before, None
        assert before is not None
        window.setWindowState(before.window_state)
        if not before.window_state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            window.setGeometry(before.geometry)  # where and how big it was, as is (not fitted to a screen)
        window.restoreState(before.docks)
        window.statusBar().setVisible(before.status_bar)
        for panel, shown in zip(self.panels, before.shown, strict=True):
            panel.action.setEnabled(True)
            self._set_visible(panel, shown)
        self._splitter.setSizes(before.sizes)
        self._column.restoreState(before.column)
        if before.focus is not None and before.focus.isVisible():
            before.focus.setFocus()

    # -- kept across restarts --------------------------------------------------------------------

    def save(self, settings: QSettings) -> None:
        """Keep the panels' widths, which ones the user folded and the right column's heights
        (leaving distraction-free reading first, so the window is kept as it was before it)."""
        self.set_reading(False)
        for panel in self.panels:
            settings.setValue(f"layout/{panel.key}_width", panel.width)
            settings.setValue(f"layout/{panel.key}_folded", panel.folded_by_user)
        settings.setValue("layout/column", self._column.saveState())

    def restore(self, settings: QSettings) -> None:
        for panel in self.panels:
            panel.width = max(panel.floor(), settings.value(f"layout/{panel.key}_width", panel.width, type=int))
            panel.folded_by_user = settings.value(f"layout/{panel.key}_folded", False, type=bool)
        column = settings.value("layout/column")
        if isinstance(column, QByteArray):
            self._column.restoreState(column)
        self.fit()
