"""UI: moving around the main window by keyboard: between panes, between annotations, by sentence.

- **F6 / Shift+F6** put the keyboard in the next / previous pane (library, text, tags,
  annotations, memo inspector, then each view open at the bottom or side), on the pane's main
  widget: the list, the text, the tag tree, the annotation table, the inspector's first field.
  The pane the focus is in counts as the current one wherever in it the focus is (the find bar
  belongs to the text, the filter to its list); from outside every pane, F6 goes to the first.
- **]** / **[** in the text select the next / previous annotation in text order, its row in the
  list and the inspector showing it, the keyboard staying in the text.
- **Alt+Shift+Right / Alt+Shift+Left** in the text stretch the selection to the end of the
  sentence / back to the start of one (Ctrl+Shift+Right / Left, by word, are Qt's own).
- **Edit › Snap selection to whole words** (on unless turned off, kept per user): a selection
  dragged with the mouse takes in the words its ends cut through.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QStatusBar, QWidget

from annotator.ui.qt_annotation_list import QtAnnotationList
from annotator.ui.qt_inspector import QtInspector
from annotator.ui.qt_session import QtLibrarySession
from annotator.ui.qt_tag_tree import QtTagTree
from annotator.ui.qt_text_pane import QtTextPane

SNAP_KEY = "text/snap_to_words"

#: A pane: the area the focus counts as in, and the widget F6 puts the keyboard on (None: the
#: area's first widget that takes Tab focus).
Pane = tuple[QWidget, QWidget | None]


def focus_target(area: QWidget, target: QWidget | None = None) -> QWidget | None:
    """The widget of *area* that F6 gives the keyboard to: *target*, else the first in the Tab
    order that can take it; None when nothing there can."""
    if target is not None and _takes_focus(target):
        return target
    if _takes_focus(area):
        return area
    widget = area.nextInFocusChain()
    while widget is not area and widget is not None:
        if area.isAncestorOf(widget) and _takes_focus(widget):
            return widget
        widget = widget.nextInFocusChain()
    return None


def _takes_focus(widget: QWidget) -> bool:
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
        and not widget.visibleRegion().isEmpty()
    )


class QtPaneCycler(QObject):
    """UI: F6 / Shift+F6 move the keyboard from pane to pane of *window*, in the order *panes* gives."""

    def __init__(self, window: QWidget, panes: Callable[[], list[Pane]]) -> None:
        super().__init__(window)
        self._panes = panes
        self.next_action = self._action(window, self.tr("Next pane"), "F6", 1)
        self.previous_action = self._action(window, self.tr("Previous pane"), "Shift+F6", -1)

    def _action(self, window: QWidget, text: str, key: str, step: int) -> QAction:
        action = QAction(text, window, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: self.step(step))
        window.addAction(action)
        return action

    def reachable(self) -> list[tuple[QWidget, QWidget]]:
        """The panes shown now, each with the widget that gets the keyboard."""
        found = []
        for area, target in self._panes():
            widget = focus_target(area, target)
            if widget is not None:
                found.append((area, widget))
        return found

    def current(self, panes: list[tuple[QWidget, QWidget]]) -> int | None:
        """Which of *panes* holds the focus (the innermost area, for a pane inside another)."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        holding = [i for i, (area, _) in enumerate(panes) if area is focus or area.isAncestorOf(focus)]
        if not holding:
            return None
        return min(holding, key=lambda i: _depth(panes[i][0]))  # the deepest area is the one meant

    def step(self, step: int) -> None:
        """Give the keyboard to the pane *step* places on (1: the next, -1: the previous), round."""
        panes = self.reachable()
        if not panes:
            return
        here = self.current(panes)
        if here is None:
            chosen = 0 if step > 0 else len(panes) - 1
        else:
            chosen = (here + step) % len(panes)
        panes[chosen][1].setFocus(Qt.FocusReason.TabFocusReason if step > 0 else Qt.FocusReason.BacktabFocusReason)


def _depth(widget: QWidget) -> int:
    """Minus how many parents *widget* has: the smallest value is the innermost."""
    depth = 0
    parent = widget.parentWidget()
    while parent is not None:
        depth -= 1
        parent = parent.parentWidget()
    return depth


class Parts(Protocol):
    """What of the main window the keys move around in (the window itself, as this module sees it)."""

    @property
    def session(self) -> QtLibrarySession: ...
    @property
    def document_list(self) -> QWidget: ...
    @property
    def pane(self) -> QtTextPane: ...
    @property
    def tag_panel(self) -> QtTagTree: ...
    @property
    def annotation_view(self) -> QtAnnotationList: ...
    @property
    def orphan_panel(self) -> QWidget: ...
    @property
    def inspector(self) -> QtInspector: ...
    def statusBar(self) -> QStatusBar: ...
    def select_annotation(self, annotation_id: str, *, select_text: bool = True) -> None: ...


class QtNavigation(QObject):
    """UI: the main window's keys for moving around (see the module's docstring).

    *window* is the main window, and *parts* it too, as the widgets and calls this needs;
    *settings* keeps the snap setting.
    """

    def __init__(self, window: QMainWindow, parts: Parts, settings: QSettings) -> None:
        super().__init__(window)
        self._main = window
        self._window = parts
        self.panes = QtPaneCycler(window, self.window_panes)
        pane = parts.pane
        self.next_annotation_action = self._pane_action(
            self.tr("Next annotation"), "]", lambda: self.step_annotation(1)
        )
        self.previous_annotation_action = self._pane_action(
            self.tr("Previous annotation"), "[", lambda: self.step_annotation(-1)
        )
        self.sentence_forward_action = self._pane_action(
            self.tr("Extend selection to the sentence end"), "Alt+Shift+Right", lambda: pane.extend_by_sentence(1)
        )
        self.sentence_back_action = self._pane_action(
            self.tr("Extend selection to the sentence start"), "Alt+Shift+Left", lambda: pane.extend_by_sentence(-1)
        )
        self.snap_action = QAction(self.tr("Snap selection to whole &words"), window, checkable=True)
        self.snap_action.setToolTip(
            self.tr("A selection dragged with the mouse takes in the words its ends cut through")
        )
        self.snap_action.setChecked(settings.value(SNAP_KEY, True, type=bool))
        pane.snap_to_words = self.snap_action.isChecked()
        self.snap_action.toggled.connect(self._on_snap_action_toggled)
        self._settings = settings

    def _on_snap_action_toggled(self, checked: bool) -> None:
        self._window.pane.snap_to_words = checked
        self._settings.setValue(SNAP_KEY, checked)
        self._settings.sync()

    @property
    def actions(self) -> list[QAction]:
        return [
            self.panes.next_action,
            self.panes.previous_action,
            self.next_annotation_action,
            self.previous_annotation_action,
            self.sentence_forward_action,
            self.sentence_back_action,
        ]

    def _pane_action(self, text: str, key: str, slot: Callable[[], None]) -> QAction:
        """An action of the text pane: its key works while the keyboard is in the text."""
        pane = self._window.pane
        action = QAction(text, pane, shortcut=QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        pane.addAction(action)
        return action

    def window_panes(self) -> list[Pane]:
        """The window's panes in F6 order: the fixed ones, then every dock shown."""
        w = self._window
        fixed: list[Pane] = [
            (w.document_list.parentWidget() or w.document_list, w.document_list),
            (w.pane.parentWidget() or w.pane, w.pane),
            (w.tag_panel, w.tag_panel.tree),
            (w.annotation_view.parentWidget() or w.annotation_view, w.annotation_view),
            (w.orphan_panel, None),
            (w.inspector, None),
        ]
        docks = [d for d in self._main.findChildren(QDockWidget) if d.isVisible() and d.widget() is not None]
        return fixed + [(dock, dock.widget()) for dock in docks]

    def step_annotation(self, step: int) -> None:
        """Select the next (*step* > 0) or previous annotation from where the reader is, and show it."""
        w = self._window
        span = w.pane.adjacent_annotation(step)
        if span is None:
            w.statusBar().showMessage(
                self.tr("No annotation further on.") if step > 0 else self.tr("No annotation before."), 3000
            )
            return
        self.show_annotation(span.annotation_id)

    def show_annotation(self, annotation_id: str) -> None:
        """Select an annotation's text (scrolled to) and its row, the inspector showing it, as clicking
        its row does; its row filtered out of the list, the text and the inspector still show it."""
        w = self._window
        w.annotation_view.clearSelection()  # its row may be selected already: selected anew, it selects its text
        w.select_annotation(annotation_id)
        annotation = w.session.annotations.get(annotation_id)
        if annotation is not None and w.inspector.annotation_id != annotation_id:  # its row is filtered out
            w.pane.select_span(annotation.start, annotation.end)
            w.pane.focus_annotation(annotation_id)
            w.inspector.show_annotation(annotation)
